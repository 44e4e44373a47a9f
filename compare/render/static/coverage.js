/* storydiff multi-outlet report: filters, word marks and theme. No network, no storage. */
(function () {
  "use strict";
  var root = document.documentElement;
  var bar = document.querySelector(".toolbar");
  var status = document.querySelector(".position");
  var empty = document.querySelector(".empty-note");
  var darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
  root.classList.remove("no-js");

  function all(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }
  var current = null;
  // What stays at the top of the screen: the whole bar, or on a phone (where the bar's own
  // box goes, report.css) only its row of Previous, Next and the position.
  function stickyBar() {
    return storydiffStickyBar(bar);
  }
  function measureBar() {
    var sticky = stickyBar();
    root.style.setProperty("--bar-h", (sticky ? sticky.offsetHeight : 0) + "px");
    var claims = document.querySelector(".matrix-wrap .scroller");
    if (claims) {
      claims.classList.remove("fits");
      // Measured as a scroll box: whether the claims need to scroll sideways.
      if (claims.scrollWidth <= claims.clientWidth + 1) claims.classList.add("fits");
    }
  }
  function shiftHead() {
    // A scrolling matrix whose top the page moved under the sticky toolbar keeps its
    // outlets' names just below the toolbar.
    var claims = document.querySelector(".matrix-wrap .scroller");
    if (!claims || claims.classList.contains("fits")) return;
    var sticky = stickyBar();  // (on every scroll: looked up only when the matrix scrolls)
    var pinned = sticky && window.getComputedStyle(sticky).position === "sticky";
    var under = pinned ? sticky.offsetHeight - claims.getBoundingClientRect().top : 0;
    claims.style.setProperty("--head-shift", Math.max(0, under) + "px");
  }
  function shows(row, filter, only) {
    if (filter === "disputed") return row.getAttribute("data-disputed") === "true";
    if (filter === "quotes") return row.getAttribute("data-quote") === "true";
    if (filter === "omitted") return row.getAttribute("data-missing") !== "";
    if (filter === "only") return row.getAttribute("data-unique") === only;
    return true;
  }
  function setFilter(filter, only) {
    var shown = 0;
    all("tr.claim").forEach(function (row) {
      var visible = shows(row, filter, only);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    all("button[data-filter]").forEach(function (button) {
      var pressed = button.getAttribute("data-filter") === filter &&
        (filter !== "only" || button.getAttribute("data-only") === only);
      button.setAttribute("aria-pressed", String(pressed));
    });
    root.setAttribute("data-filter", filter === "only" ? "only-" + only : filter);
    if (empty) empty.hidden = shown > 0;
    say(shown + (shown === 1 ? " claim" : " claims"));
  }
  function say(text) {
    if (status) status.textContent = text;
  }

  // Previous and Next (k and j) go from claim to claim among those the filter shows, as
  // the side-by-side report goes from change to change.
  function go(step, keep) {
    var rows = all("tr.claim").filter(function (row) { return !row.hidden; });
    if (!rows.length) return;
    var sticky = stickyBar();
    var line = (sticky ? sticky.getBoundingClientRect().bottom : 0) + 12;
    var found = storydiffStep(rows, current, line, step, "claim");
    if (found.index >= 0) mark(rows[found.index], keep);
    say(found.message);
  }
  function mark(row, keep) {
    all("tr.current").forEach(function (other) { other.classList.remove("current"); });
    current = row;
    storydiffMark(row, keep, "center", row.id);
  }
  function isDark() {
    var theme = root.getAttribute("data-theme");
    return theme ? theme === "dark" : darkQuery.matches;
  }
  function showTheme() {
    var button = document.querySelector('[data-action="theme"]');
    if (button) button.setAttribute("aria-pressed", String(isDark()));
  }
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    if (target.hidden) setFilter("all", "");
    all("tr.current").forEach(function (row) { row.classList.remove("current"); });
    if (target.matches("tr.claim")) {
      target.classList.add("current");
      current = target;
    }
    target.scrollIntoView({ block: "center", behavior: "instant" });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button || !bar || !bar.contains(button)) return;
    if (button.hasAttribute("data-filter")) {
      setFilter(button.getAttribute("data-filter"), button.getAttribute("data-only") || "");
    } else if (button.getAttribute("data-action") === "next") {
      go(1, event.detail === 0);
    } else if (button.getAttribute("data-action") === "prev") {
      go(-1, event.detail === 0);
    } else if (button.getAttribute("data-action") === "marks") {
      var on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", String(on));
      root.setAttribute("data-marks", on ? "on" : "off");
    } else if (button.getAttribute("data-action") === "theme") {
      root.setAttribute("data-theme", isDark() ? "light" : "dark");
      showTheme();
    }
  });
  storydiffKeys(go);
  darkQuery.addEventListener("change", showTheme);
  window.addEventListener("resize", function () { measureBar(); shiftHead(); });
  window.addEventListener("scroll", shiftHead, { passive: true });
  window.addEventListener("hashchange", reveal);

  measureBar();
  setFilter("all", "");
  showTheme();
  reveal();
  root.setAttribute("data-ready", "true");
})();
