/* storydiff reports: where Previous and Next (k and j) go, shared by the side-by-side and
   the multi-outlet report, which each prepend it to their own script. */
// Of ``rows`` (the items shown, in page order), the index a step of +1 or -1 goes to from
// ``current``: the one beside it while it is on screen (below the sticky bar's bottom,
// ``line``), else the first past the line (or the last above it). -1 where there is none;
// ``ended`` says whether the list ran out, rather than nothing lying beyond the line.
function storydiffStep(rows, current, line, step) {
  "use strict";
  var index = rows.indexOf(current);
  if (index >= 0) {
    var box = current.getBoundingClientRect();
    if (box.bottom > line && box.top < window.innerHeight) {
      index += step;
      var ended = index < 0 || index >= rows.length;
      return { index: ended ? -1 : index, ended: ended };
    }
  }
  index = -1;
  for (var i = 0; i < rows.length; i++) {
    var top = rows[i].getBoundingClientRect().top;
    if (step > 0 && top > line + 1) { index = i; break; }
    if (step < 0 && top < line - 1) index = i;
  }
  return { index: index, ended: false };
}
