// Only the charts of the open tab ask the server for a drawing (callbacks/views.py).
// Each chart (and each panel with inputs of its own) has a gate store whose data is
// {tab, args, values, sent}: this one function, run in the browser on every change of a
// control or of the open tab, passes each gate its controls' values (picked from all of them
// by the gate's `args`) only while the gate's tab is open and only when they differ from what
// was last passed on. A change on a hidden tab therefore costs no request at all; the chart
// draws when its tab opens. The page drawn on the server (callbacks/first_view.py) fills the
// gates, the open tab's as sent, so the first load sends no chart request either.
// One callback for all gates: Dash's renderer pays a round of store updates per callback run.
// The namespace and function name are declared in components/clientside.py (tests/test_theme.py).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  iomGate: {
    // Arguments: the open tab, every value any gate passes on (callbacks/views.py gate_union),
    // then each gate's own data (States, in the order of the outputs).
    pass: function () {
      var clientside = window.dash_clientside;
      var args = Array.prototype.slice.call(arguments);
      var count = clientside.callback_context.states_list.length;
      var current = args.splice(args.length - count, count);
      var view = args.shift();
      var changed = false;
      var out = current.map(function (gate) {
        gate = gate || {};
        if (view !== gate.tab || !Array.isArray(gate.args)) {
          return clientside.no_update;
        }
        var values = gate.args.map(function (i) {
          return args[i] === undefined ? null : args[i];
        });
        if (gate.sent && JSON.stringify(gate.values) === JSON.stringify(values)) {
          return clientside.no_update;
        }
        changed = true;
        return { tab: gate.tab, args: gate.args, values: values, sent: true };
      });
      return changed ? out : clientside.no_update;
    },
  },
});
