// Dash's tabs (dcc.Tabs, components/layout.py _tabs) are plain elements that the keyboard never
// reaches. This makes them ARIA tabs, as the WAI-ARIA tabs pattern describes: the row is a
// tablist, each tab a tab (aria-selected, one tab stop: the open tab), the content its tabpanel;
// the arrow keys move to the next or previous tab and open it, Home and End to the first and the
// last, Enter and Space open the focused tab. It runs again whenever Dash redraws the tabs.
(function () {
  "use strict";
  const LIST = ".tabs.tab-container";
  const PANEL_ID = "view-panel";

  function tabsOf(list) {
    return Array.prototype.filter.call(list.children, (el) => el.classList.contains("tab"));
  }

  function patch(list) {
    const tabs = tabsOf(list);
    const panel = list.parentElement && list.parentElement.querySelector(":scope > .tab-content");
    list.setAttribute("role", "tablist");
    tabs.forEach((tab) => {
      const open = tab.classList.contains("tab--selected");
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-selected", open ? "true" : "false");
      tab.setAttribute("tabindex", open ? "0" : "-1");
      if (panel) tab.setAttribute("aria-controls", PANEL_ID);
      if (open && panel) panel.setAttribute("aria-labelledby", tab.id);
    });
    if (panel) {
      panel.id = PANEL_ID;
      panel.setAttribute("role", "tabpanel");
    }
  }

  function open(tab) {
    tab.focus();
    if (!tab.classList.contains("tab--selected")) tab.click();
  }

  document.addEventListener("keydown", (event) => {
    const tab = event.target instanceof Element ? event.target.closest(".tab") : null;
    const list = tab && tab.closest(LIST);
    if (!list) return;
    const tabs = tabsOf(list);
    const at = tabs.indexOf(tab);
    let next = null;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") next = tabs[(at + 1) % tabs.length];
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = tabs[(at - 1 + tabs.length) % tabs.length];
    else if (event.key === "Home") next = tabs[0];
    else if (event.key === "End") next = tabs[tabs.length - 1];
    else if (event.key === "Enter" || event.key === " ") next = tab;
    if (!next) return;
    event.preventDefault();
    open(next);
  });

  let pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    // before the next frame is painted, so a tab is never shown without its role
    queueMicrotask(() => {
      pending = false;
      document.querySelectorAll(LIST).forEach(patch);
    });
  }
  new MutationObserver(schedule).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["class"],
  });
})();
