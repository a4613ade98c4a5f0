// The top N box says at once when what it holds is not used: dcc.Input hands Dash no number
// (NaN) for an empty box, or for 0, 2.5 or anything beyond its min and max, and the charts then
// show the default top N (components/view_state.py valid_top). The note under the box says so,
// in the page's language (its text comes from the catalogue, components/page_text.py top_note).
// The namespace and function name are declared in components/clientside.py.
(function () {
  "use strict";

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    iomTop: {
      // Whether the note stays hidden: the box's value is a whole number in min..max.
      noteHidden: function (value, min, max) {
        return Number.isInteger(value) && value >= min && value <= max;
      },
    },
  });
})();
