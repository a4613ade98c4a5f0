/*
 * The browser's own check of files dropped on (or chosen in) the upload, before anything is sent.
 *
 * dcc.Upload's `accept` and `max_size` filters drop a wrong file silently: an .ods, .docx or .txt,
 * or a file over the limit, simply did nothing. This listener runs first (capture phase on the
 * window, before React's listeners at the app root), and when a file is of a type the app does
 * not read or too large, it names the file and the reason in the drawer and stops the event, so
 * nothing is sent. The limit, the accepted extensions and the texts (Dutch and English, from the
 * server's catalogue) are data attributes of the message element (components/data_panel.py).
 *
 * It also says so when the server refuses a callback request (413 body too large, 429 too many
 * requests, 5xx), which Dash itself only logs in the console; and it clears the page's alert
 * line at the next user action, so a message never outlives the view it was about.
 */
(function () {
  "use strict";

  var CHECK_ID = "upload-check";
  var UPLOAD_ID = "upload";
  var ALERT_ID = "app-alert";
  var UPDATE_PATH = "_dash-update-component";

  function lang() {
    var chosen = new URLSearchParams(window.location.search).get("lang");
    return chosen === "en" ? "en" : "nl";
  }

  function checkElement() {
    return document.getElementById(CHECK_ID);
  }

  function text(name, values) {
    var element = checkElement();
    var template = element ? element.getAttribute("data-" + name + "-" + lang()) : null;
    if (!template) {
      return "";
    }
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function megabytes(bytes) {
    var shown = (bytes / 1048576).toFixed(1);
    return lang() === "nl" ? shown.replace(".", ",") : shown;
  }

  function setProps(id, props) {
    var clientside = window.dash_clientside;
    if (clientside && typeof clientside.set_props === "function") {
      clientside.set_props(id, props);
      return;
    }
    var element = document.getElementById(id); // before Dash is ready: plain text is enough
    if (element && "children" in props) {
      element.textContent = props.children || "";
    }
  }

  /* Why each file may not be sent: a list of sentences naming the files. */
  function problems(files) {
    var element = checkElement();
    if (!element || !files || !files.length) {
      return [];
    }
    var limit = Number(element.getAttribute("data-limit")) || Infinity;
    var accepted = (element.getAttribute("data-accept") || "").toLowerCase().split(",");
    var found = [];
    var total = 0;
    for (var i = 0; i < files.length; i += 1) {
      var file = files[i];
      var name = String(file.name || "");
      var dot = name.lastIndexOf(".");
      var suffix = dot >= 0 ? name.slice(dot).toLowerCase() : "";
      total += file.size || 0;
      if (accepted.indexOf(suffix) < 0) {
        found.push(text("client-type", { file: name }));
      } else if (file.size > limit) {
        found.push(
          text("client-size", { file: name, size: megabytes(file.size), limit: megabytes(limit) })
        );
      }
    }
    if (!found.length && files.length > 1 && total > limit) {
      found.push(text("client-total", { size: megabytes(total), limit: megabytes(limit) }));
    }
    return found;
  }

  function say(messages) {
    setProps(CHECK_ID, {
      children: messages.join("\n"),
      className: messages.length ? "upload-check status-error" : "upload-check",
    });
  }

  function insideUpload(target) {
    return Boolean(target && target.closest && target.closest("#" + UPLOAD_ID));
  }

  function guard(event, files) {
    var found = problems(files);
    say(found);
    if (found.length) {
      event.preventDefault();
      event.stopImmediatePropagation();
      event.stopPropagation();
      if (event.target && event.target.tagName === "INPUT") {
        event.target.value = "";
      }
    }
  }

  window.addEventListener(
    "drop",
    function (event) {
      if (insideUpload(event.target) && event.dataTransfer) {
        guard(event, event.dataTransfer.files);
      }
    },
    true
  );

  window.addEventListener(
    "change",
    function (event) {
      var target = event.target;
      if (insideUpload(target) && target.tagName === "INPUT" && target.type === "file") {
        guard(event, target.files);
      }
    },
    true
  );

  /* The server's refusals of a callback request, said in the page's language. */
  function refusal(status) {
    var element = checkElement();
    var limit = element ? Number(element.getAttribute("data-limit")) : 0;
    if (status === 413) {
      return text("request-too-large", { limit: megabytes(limit) });
    }
    if (status === 429) {
      return text("request-too-many", {});
    }
    return text("request-failed", {});
  }

  function alertLine(text) {
    var message = text ? text.charAt(0).toUpperCase() + text.slice(1) : "";
    setProps(ALERT_ID, {
      children: message
        ? {
            namespace: "dash_html_components",
            type: "Div",
            props: { children: message, className: "status-error", role: "alert" },
          }
        : null,
    });
  }

  if (typeof window.fetch === "function") {
    var originalFetch = window.fetch;
    window.fetch = function (resource, init) {
      var url = typeof resource === "string" ? resource : resource && resource.url;
      return originalFetch.apply(this, arguments).then(function (response) {
        var status = response.status;
        if (url && url.indexOf(UPDATE_PATH) >= 0 && (status === 413 || status === 429 || status >= 500)) {
          var reason = refusal(status);
          alertLine(text("client-refused", { status: status, reason: reason }) || reason);
        }
        return response;
      });
    };
  }

  /* A message is about what was on screen when it came: the next action clears it. */
  function clearAlert(event) {
    var alert = document.getElementById(ALERT_ID);
    if (alert && alert.textContent && !(event.target && alert.contains(event.target))) {
      alertLine("");
    }
  }
  window.addEventListener("pointerdown", clearAlert, true);
  window.addEventListener("keydown", clearAlert, true);
})();
