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
        return new Response(text, { status: 200, headers: response.headers });
      });
    });
  };
})();
