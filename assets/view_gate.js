// Only the charts of the open tab ask the server for a drawing (callbacks/views.py).
// Each chart (and each panel with inputs of its own) has a gate store whose data is
// {tab, values, sent}: this function, run in the browser on every change of the chart's
// controls or of the open tab, passes the controls' values on to the gate (which the chart's
// server callback listens to) only while the chart's tab is open and only when they differ from
// what was last passed on. A change on a hidden tab therefore costs no request at all; the
// chart draws when its tab opens. The page drawn on the server (callbacks/first_view.py) fills
// the gates of the open tab as sent, so the first load sends no chart request either.
// The namespace and function name are declared in components/clientside.py (tests/test_theme.py).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  iomGate: {
    // Arguments: the open tab, the chart's control values (callbacks/views.py gate_inputs),
    // then the gate's own data (a State).
    pass: function () {
      var args = Array.prototype.slice.call(arguments);
      var current = args.pop() || {};
      var view = args.shift();
      if (view !== current.tab) {
        return window.dash_clientside.no_update;
      }
      var values = args.map(function (value) {
        return value === undefined ? null : value;
      });
      if (current.sent && JSON.stringify(current.values) === JSON.stringify(values)) {
        return window.dash_clientside.no_update;
      }
      return { tab: current.tab, values: values, sent: true };
    },
  },
});
