/* storydiff reports: where Previous and Next (k and j) go, shared by the side-by-side and
   the multi-outlet report, which each prepend it to their own script. */
// Of ``rows`` (the items shown, in page order), the index a step of +1 or -1 goes to from
// ``current``: the one beside it while it is on screen (below the sticky bar's bottom,
// ``line``), else the first past the line (or the last above it); -1 where there is none.
// ``message`` says where it went for the position line ("Change 3 of 5", "Last claim"),
// in words of ``noun``.
function storydiffStep(rows, current, line, step, noun) {
  "use strict";
  var later = step > 0;
  var Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  var index = rows.indexOf(current);
  var onScreen = false;
  if (index >= 0) {
    var box = current.getBoundingClientRect();
    onScreen = box.bottom > line && box.top < window.innerHeight;
  }
  if (onScreen) {
    index += step;
    if (index < 0 || index >= rows.length) {
      return { index: -1, message: (later ? "Last " : "First ") + noun };
    }
  } else {
    index = -1;
    for (var i = 0; i < rows.length; i++) {
      var top = rows[i].getBoundingClientRect().top;
      if (later && top > line + 1) { index = i; break; }
      if (!later && top < line - 1) index = i;
    }
    if (index < 0) return { index: -1, message: (later ? "No later " : "No earlier ") + noun };
  }
  return { index: index, message: Noun + " " + (index + 1) + " of " + rows.length };
}

// Mark ``row`` as the one being read: ringed, scrolled to (``block``: "start" or "center"),
// focusable for screen readers but no Tab stop, focused unless ``keep`` (Enter or Space on
// Previous/Next keeps the focus on the button, so pressing it again goes on; a click, j or
// k moves it to the row), and its permalink ``#id`` in the address bar.
function storydiffMark(row, keep, block, id) {
  "use strict";
  row.classList.add("current");
  row.scrollIntoView({ block: block, behavior: "instant" });
  row.tabIndex = -1;
  if (!keep) row.focus({ preventScroll: true });
  try {
    history.replaceState(null, "", "#" + id);
  } catch (error) {
    /* some file:// contexts refuse it; the permalink is still on the row */
  }
}

// j and k step as Next and Previous do (``go(1)``, ``go(-1)``), but not while the reader
// types in a field or holds a modifier.
function storydiffKeys(go) {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key === "j") go(1);
    else if (event.key === "k") go(-1);
    else return;
    event.preventDefault();
  });
}

// The toolbar's part that stays on screen as the page scrolls: the toolbar, or on a phone,
// where it is laid out as its rows (display: contents, no box of its own), its sticky
// Previous/Next row; null when none sticks.
function storydiffStickyBar(bar) {
  "use strict";
  if (!bar) return null;
  if (window.getComputedStyle(bar).display !== "contents") return bar;
  var row = bar.querySelector(".group.nav");
  return row && window.getComputedStyle(row).position === "sticky" ? row : null;
}
