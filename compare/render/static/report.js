/* storydiff report: navigation, filters, views, folds and theme. No network, no storage. */
(function () {
  "use strict";
  var root = document.documentElement;
  var bar = document.querySelector(".toolbar");
  var status = document.querySelector(".position");
  var narrow = window.matchMedia("(max-width: 799px)");
  var darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
  var chosenView = null;
  var current = null;
  root.classList.remove("no-js");

  function all(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }
  function press(attribute, value) {
    all("button[" + attribute + "]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute(attribute) === value));
    });
  }
  function measureBar() {
    // (On a phone the toolbar has no box: its sticky row is what covers the page.)
    var sticky = storydiffStickyBar(bar);
    root.style.setProperty("--bar-h", (sticky ? sticky.offsetHeight : 0) + "px");
  }
  function visibleChanges() {
    // A changed headline or standfirst (in the NEW card) is a stop too, unless a filter
    // asks for one kind of paragraph.
    var filter = root.getAttribute("data-filter");
    var selector = filter === "all" || filter === "changes" ? ".stop, .row.chg" : ".row.chg";
    return all(selector).filter(function (row) {
      return row.offsetParent !== null;
    });
  }
  function say(text) {
    if (status) status.textContent = text;
  }
  function countChanges() {
    var n = visibleChanges().length;
    say(n + (n === 1 ? " change" : " changes"));
  }

  function setView(view) {
    root.setAttribute("data-view", view);
    var button = document.querySelector('[data-action="unified"]');
    if (button) button.setAttribute("aria-pressed", String(view === "unified"));
    measureBar();
  }
  function setFilter(filter) {
    root.setAttribute("data-filter", filter);
    press("data-filter", filter);
    current = null;
    countChanges();
  }
  function isDark() {
    var theme = root.getAttribute("data-theme");
    return theme ? theme === "dark" : darkQuery.matches;
  }
  function showTheme() {
    var button = document.querySelector('[data-action="theme"]');
    if (button) button.setAttribute("aria-pressed", String(isDark()));
  }
  function setFolds(open) {
    all("details.fold").forEach(function (fold) {
      fold.open = open;
    });
    var button = document.querySelector('[data-action="expand"]');
    if (button) button.setAttribute("aria-pressed", String(open));
    if (open && root.getAttribute("data-filter") !== "all") setFilter("all");
  }

  function go(step, keep) {
    var rows = visibleChanges();
    if (!rows.length) return;
    var sticky = storydiffStickyBar(bar);
    var line = (sticky ? sticky.getBoundingClientRect().bottom : 0) + 12;
    var found = storydiffStep(rows, current, line, step, "change");
    if (found.index >= 0) mark(rows[found.index], keep);
    say(found.message);
  }
  function mark(row, keep) {
    if (current) current.classList.remove("current");
    current = row;
    // (The permalink is the change's row, or its number's.)
    storydiffMark(row, keep, "start", row.id || row.parentNode.id);
  }

  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    var fold = target.closest("details.fold");
    if (fold && !fold.open) fold.open = true;
    if (target.offsetParent === null) setFilter("all");
    target.scrollIntoView({ block: "start", behavior: "instant" });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button || !bar || !bar.contains(button)) return;
    var action = button.getAttribute("data-action");
    if (button.hasAttribute("data-filter")) setFilter(button.getAttribute("data-filter"));
    else if (action === "unified") {
      chosenView = root.getAttribute("data-view") === "unified" ? "split" : "unified";
      setView(chosenView);
    } else if (action === "next") go(1, event.detail === 0);
    else if (action === "prev") go(-1, event.detail === 0);
    else if (action === "expand") setFolds(button.getAttribute("aria-pressed") !== "true");
    else if (action === "theme") {
      root.setAttribute("data-theme", isDark() ? "light" : "dark");
      showTheme();
    }
  });
  storydiffKeys(go);

  // Printing shows everything: open every fold (and the key changes past ten), then put
  // them back.
  var openBeforePrint = [];
  window.addEventListener("beforeprint", function () {
    openBeforePrint = all("details").map(function (fold) { return fold.open; });
    all("details").forEach(function (fold) { fold.open = true; });
  });
  window.addEventListener("afterprint", function () {
    all("details").forEach(function (fold, i) { fold.open = openBeforePrint[i]; });
  });

  narrow.addEventListener("change", function () {
    if (!chosenView) setView(narrow.matches ? "unified" : "split");
  });
  darkQuery.addEventListener("change", showTheme);
  window.addEventListener("resize", measureBar);
  window.addEventListener("hashchange", reveal);

  setView(narrow.matches ? "unified" : "split");
  root.setAttribute("data-filter", "all");
  showTheme();
  reveal();
  root.setAttribute("data-ready", "true");
})();
