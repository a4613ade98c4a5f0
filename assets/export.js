/*
 * Chart exports in the browser, and charts that fit the paper when the page is printed.
 *
 * The server lays the export figure out (components/exports/image_layout.export_figure) and sends it
 * with its size and file name; rendering it here with Plotly.toImage takes a fraction of a
 * second, while a server-side render would start a headless Chromium. Texts come from the
 * server (components/i18n.py), so this file holds no user-facing words.
 */
(function () {
  "use strict";

  var noUpdate = function () {
    return window.dash_clientside.no_update;
  };

  function dataUrlToBlob(url) {
    var parts = url.split(",");
    var mime = parts[0].split(":")[1].split(";")[0];
    var binary = atob(parts[1]);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) {
      bytes[i] = binary.charCodeAt(i);
    }
    return new Blob([bytes], { type: mime });
  }

  function imageOptions(spec) {
    return {
      format: spec.format,
      width: spec.width,
      height: spec.height,
      scale: spec.scale,
    };
  }

  function figureOf(spec) {
    // Plotly adds private keys to what it draws; keep Dash's copy untouched.
    return JSON.parse(JSON.stringify(spec.figure));
  }

  // PNGs carry their print resolution (a pHYs chunk after the header, as
  // components/exports/png.py writes it), so Word places the 300 dpi memo image at 16 cm.
  var CRC_TABLE = (function () {
    var table = [];
    for (var n = 0; n < 256; n += 1) {
      var c = n;
      for (var k = 0; k < 8; k += 1) {
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      table.push(c >>> 0);
    }
    return table;
  })();

  function crc32(bytes) {
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i += 1) {
      crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    }
    return (crc ^ 0xffffffff) >>> 0;
  }

  function uint32(value) {
    return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
  }

  function withDpi(bytes, dpi) {
    var IHDR_END = 8 + 8 + 13 + 4;
    var ppm = Math.round(dpi / 0.0254);
    var body = [0x70, 0x48, 0x59, 0x73].concat(uint32(ppm), uint32(ppm), [1]); // "pHYs"
    var chunk = uint32(9).concat(body, uint32(crc32(body)));
    var out = new Uint8Array(bytes.length + chunk.length);
    out.set(bytes.subarray(0, IHDR_END), 0);
    out.set(chunk, IHDR_END);
    out.set(bytes.subarray(IHDR_END), IHDR_END + chunk.length);
    return out;
  }

  function saveBlob(blob, filename) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
  }

  function pngBlob(spec) {
    return window.Plotly.toImage(figureOf(spec), imageOptions(spec)).then(function (url) {
      var blob = dataUrlToBlob(url);
      return blob.arrayBuffer().then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        var dated = spec.dpi ? withDpi(bytes, spec.dpi) : bytes;
        return new Blob([dated], { type: "image/png" });
      });
    });
  }

  function download(spec) {
    if (spec.format === "png") {
      return pngBlob(spec).then(function (blob) {
        saveBlob(blob, spec.filename + ".png");
      });
    }
    var options = imageOptions(spec);
    options.filename = spec.filename;
    return window.Plotly.downloadImage(figureOf(spec), options);
  }

  function canCopyImages() {
    return Boolean(
      window.isSecureContext &&
        navigator.clipboard &&
        navigator.clipboard.write &&
        window.ClipboardItem
    );
  }

  function copyImage(spec) {
    // A promise inside the ClipboardItem keeps Safari's user-gesture rule satisfied.
    var blob = pngBlob(spec);
    return navigator.clipboard.write([new window.ClipboardItem({ "image/png": blob })]);
  }

  function failed(spec, error) {
    var reason = error && error.message ? error.message : String(error);
    return spec.messages.failed.replace("{error}", reason);
  }

  function renderImage(spec) {
    if (!spec || !spec.figure) {
      return noUpdate();
    }
    if (spec.action === "copy") {
      var copied = canCopyImages() ? copyImage(spec) : Promise.reject(new Error("no clipboard"));
      return copied.then(
        function () {
          return spec.messages.copied;
        },
        function () {
          return download(spec).then(
            function () {
              return spec.messages.fallback;
            },
            function (error) {
              return failed(spec, error);
            }
          );
        }
      );
    }
    return download(spec).then(
      function () {
        return spec.messages.downloaded;
      },
      function (error) {
        return failed(spec, error);
      }
    );
  }

  function copyWithSelection(text) {
    // For pages served over plain http, where navigator.clipboard does not exist.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    document.body.removeChild(area);
    return done;
  }

  function copyText(clicks, text, messages) {
    if (!clicks || !messages) {
      return noUpdate();
    }
    var value = Array.isArray(text) ? text.join("") : String(text || "");
    if (window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(value).then(
        function () {
          return messages.copied;
        },
        function () {
          return copyWithSelection(value) ? messages.copied : messages.failed;
        }
      );
    }
    return copyWithSelection(value) ? messages.copied : messages.failed;
  }

  // The namespace and function names are declared in components/clientside.py (tests/test_theme.py).
  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    iomExport: { renderImage: renderImage, copyText: copyText },
  });

  // Printing: A4 portrait minus the 12 mm margins of print.css is 186 mm, 703 CSS px. Plotly
  // draws at a fixed pixel width, so charts are redrawn at that width before printing (with
  // room made for their axis labels, which a narrower chart may otherwise cut) and given back
  // their own layout afterwards.
  var PRINT_WIDTH = 700;
  var PRINT_KEYS = ["width", "autosize", "xaxis.automargin", "yaxis.automargin"];
  var resized = [];

  function layoutValue(layout, key) {
    return key.split(".").reduce(function (obj, part) {
      return obj && obj[part] !== undefined ? obj[part] : null;
    }, layout);
  }

  var printing = false;

  function withPrintLayout(layout, values) {
    var next = Object.assign({}, layout, {width: values.width, autosize: values.autosize});
    next.xaxis = Object.assign({}, layout.xaxis, {automargin: values["xaxis.automargin"]});
    next.yaxis = Object.assign({}, layout.yaxis, {automargin: values["yaxis.automargin"]});
    return next;
  }

  var PRINT_LAYOUT = {
    width: PRINT_WIDTH, autosize: false, "xaxis.automargin": true, "yaxis.automargin": true,
  };

  function fitForPrint(gd) {
    // Plotly.react, not relayout: a relayout event makes Dash's Graph draw its figure prop
    // again (see views.js). A chart is fitted at most a few times per print, so a figure that
    // keeps arriving cannot start a loop.
    if (!printing || !gd.layout || gd._fullLayout.width === PRINT_WIDTH
        || (gd.__iomPrintFits || 0) >= 4) {
      return;
    }
    gd.__iomPrintFits = (gd.__iomPrintFits || 0) + 1;
    window.Plotly.react(gd, gd.data, withPrintLayout(gd.layout, PRINT_LAYOUT));
  }

  window.addEventListener("beforeprint", function () {
    if (!window.Plotly || printing) {
      return;
    }
    printing = true;
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
      if (!gd.offsetParent || !gd.layout) {
        return;
      }
      var saved = {};
      PRINT_KEYS.forEach(function (key) {
        saved[key] = layoutValue(gd.layout, key);
      });
      // A figure that lands while the print dialog is open (a callback answering late) is
      // drawn at the screen width again: it is fitted once more, so the page prints as shown.
      var onRedraw = function () {
        fitForPrint(gd);
      };
      resized.push({ gd: gd, saved: saved, onRedraw: onRedraw });
      if (gd.on) {
        gd.on("plotly_afterplot", onRedraw);
      }
      fitForPrint(gd);
    });
  });

  window.addEventListener("afterprint", function () {
    printing = false;
    resized.splice(0).forEach(function (entry) {
      if (entry.gd.removeListener) {
        entry.gd.removeListener("plotly_afterplot", entry.onRedraw);
      }
      entry.gd.__iomPrintFits = 0;
      window.Plotly.react(entry.gd, entry.gd.data, withPrintLayout(entry.gd.layout, entry.saved))
        .then(function () {
          return window.Plotly.Plots.resize(entry.gd);
        });
    });
  });
})();
