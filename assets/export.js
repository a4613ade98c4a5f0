/*
 * Chart exports in the browser, and charts that fit the paper when the page is printed.
 *
 * The server lays the export figure out (components/export_image.export_figure) and sends it
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

  function download(spec) {
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
    var blob = window.Plotly.toImage(figureOf(spec), imageOptions(spec)).then(dataUrlToBlob);
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

  window.addEventListener("beforeprint", function () {
    if (!window.Plotly) {
      return;
    }
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
      if (!gd.offsetParent || !gd.layout) {
        return;
      }
      var saved = {};
      PRINT_KEYS.forEach(function (key) {
        saved[key] = layoutValue(gd.layout, key);
      });
      resized.push({ gd: gd, saved: saved });
      window.Plotly.relayout(gd, {
        width: PRINT_WIDTH,
        autosize: false,
        "xaxis.automargin": true,
        "yaxis.automargin": true,
      });
    });
  });

  window.addEventListener("afterprint", function () {
    resized.splice(0).forEach(function (entry) {
      window.Plotly.relayout(entry.gd, entry.saved).then(function () {
        return window.Plotly.Plots.resize(entry.gd);
      });
    });
  });
})();
