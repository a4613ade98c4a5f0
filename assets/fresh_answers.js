// A callback's answer never overwrites a fresher one. Dash's renderer applies answers in the order
// they arrive; the server answers requests in parallel, so after two quick clicks the answer to
// the first can arrive last and put the earlier year back (seen: a takeaway of 2023 under a chart
// of 2019). Each request is numbered per callback and per the outputs it writes (a MATCH callback
// for one chart never stands in for another's); an answer older than one already applied for the
// same outputs is turned into "no update" (HTTP 204, as Dash's PreventUpdate). Answers that come
// in order all apply, so a run of clicks still shows each step.
(function () {
  "use strict";
  const UPDATE = "_dash-update-component";
  const MAX_PARSE = 512 * 1024; // an upload's body is not parsed: its callback is not raced
  const applied = new Map(); // outputs key -> newest number applied
  let count = 0;

  function outputsKey(body) {
    if (typeof body !== "string" || body.length > MAX_PARSE) return null;
    try {
      const payload = JSON.parse(body);
      return JSON.stringify([payload.output, payload.outputs]);
    } catch (e) {
      return null;
    }
  }

  // A fresh answer that brings a chart's figure (a top N, a source switch, a donor beyond the
  // bars: what only the server can draw) is drawn as it arrives. Dash applies an answer only
  // after it has read, parsed and dispatched it and the others that came with it: 30-40 ms later
  // on this page; its own draw of the same figure then changes nothing. A graph on a closed
  // tab is not drawn here (it draws when its tab opens).
  const GRAPH_SUFFIX = "-graph"; // ids.graph(chart)
  const GRAPH_FIGURE = GRAPH_SUFFIX + '":{"figure":';

  function paintCharts(text) {
    if (!window.Plotly || text.indexOf(GRAPH_FIGURE) === -1) return;
    let answer;
    try {
      answer = JSON.parse(text).response || {};
    } catch (e) {
      return;
    }
    Object.keys(answer).forEach((id) => {
      const figure = answer[id] && answer[id].figure;
      const holder = id.endsWith(GRAPH_SUFFIX) ? document.getElementById(id) : null;
      const gd = holder && holder.querySelector(".js-plotly-plot");
      if (!figure || !figure.data || !gd || !gd.getClientRects().length) return;
      const early = window.iomEarly;
      if (early && early.drawnEarly(gd, figure)) return; // assets/early_paint.js drew it
      window.Plotly.react(gd, figure.data, figure.layout || {});
    });
  }

  const fetch = window.fetch.bind(window);
  window.fetch = function (resource, options) {
    const url = typeof resource === "string" ? resource : resource && resource.url;
    const key = typeof url === "string" && url.indexOf(UPDATE) !== -1 && options
      ? outputsKey(options.body)
      : null;
    if (key === null) return fetch(resource, options);
    const number = ++count;
    // the whole body is read here, so the answer is judged when Dash could first apply it
    return fetch(resource, options).then((response) => {
      if (response.status !== 200) return response;
      return response.text().then((text) => {
        if ((applied.get(key) || 0) > number) return new Response(null, { status: 204 });
        applied.set(key, number);
        paintCharts(text);
        return new Response(text, { status: 200, headers: response.headers });
      });
    });
  };
})();
