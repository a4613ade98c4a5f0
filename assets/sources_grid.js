/*
 * AG Grid functions of the sources grid (components/sources_grid.py names them).
 *
 * The published value is text as the document prints it ("USD 62 mln", "1 miljard"); sorting
 * that column orders the rows by the number behind the text (the row's `value`), so 10 comes
 * after 9 and not after 1. Rows without a number (loaded files) sort last.
 */
(function () {
  "use strict";

  var functions = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

  function numberOf(node) {
    var value = node && node.data ? node.data.value : null;
    return typeof value === "number" && isFinite(value) ? value : null;
  }

  functions.sourcesByNumber = function (valueA, valueB, nodeA, nodeB) {
    var a = numberOf(nodeA);
    var b = numberOf(nodeB);
    if (a === null || b === null) {
      return a === b ? 0 : a === null ? 1 : -1;
    }
    return a - b;
  };
})();
