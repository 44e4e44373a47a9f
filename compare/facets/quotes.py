"""Quotations: where they stand in a sentence (double and single marks, a quotation opened in
an earlier sentence), the sentence with them masked, and quotes compared between versions.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from compare.facets import abroad
from compare.facets.base import _change, _describe, _FacetRecord, _words
from compare.model import Change, _set
from compare.text import lazy_pattern

if TYPE_CHECKING:
    from dataclasses import dataclass as record
else:
    from compare.model import record  # (a record: see compare.facets.base)


@record(frozen=True, eq=False, repr=False)
class Quote(_FacetRecord):
    """One quotation (a record: see compare.facets.base)."""

    text: str
    """The words inside the quotation marks, with straight quotes."""
    speaker: str | None = None
    """Who the sentence says spoke them, when it says so."""

    def __init__(self, text: str, speaker: str | None = None) -> None:
        _set(self, "__dict__", {"text": text, "speaker": speaker})


_SINGLE_OPEN = lazy_pattern(r"(?:(?<=^)|(?<=[\s(\[\"-]))'(?=[^\W\d_]|\d(?!0s))")
_SINGLE_CLOSE = lazy_pattern(r"(?<=[^\s'])'(?=$|[\s,.;:!?)\]\"-])")


_DOUBLE_MARK = lazy_pattern('"')
#: Every character that normalises to a straight double quote.
_DOUBLE_MARKS = '"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb'


#: Where the narrator's words in a line of dialogue begin: a dash after a space, before a
#: word in lower case ("-No vamos a dejar a nadie atrás -dijo la ministra-.").
_NARRATOR = lazy_pattern(r" -(?=[^\W\d_A-Z])")
#: Where the speech goes on after them: a dash, perhaps a comma or a full stop, and words.
_SPEECH_AGAIN = lazy_pattern(r"-[,.]? (?=\S)")


def _dialogue_spans(text: str) -> list[tuple[int, int]]:
    """The speech of a line of dialogue set off by dashes, as Spanish, Portuguese and
    Italian papers write it (an em dash, "-" once normalised, then a word with no space):
    "-No vamos a dejar a nadie atrás -dijo la ministra-. ", up to the narrator's words, and
    what is said after them ("-Es poco -dijo-, pero ayuda." holds "Es poco" and "pero
    ayuda."); the whole sentence when no narrator speaks in it."""
    narrator = _NARRATOR().search(text, 1)
    if narrator is None:
        return [(1, len(text))]
    spans = [(1, narrator.start())]
    again = _SPEECH_AGAIN().search(text, narrator.end())
    if again is not None and any(c.isalpha() for c in text[again.end() :]):
        spans.append((again.end(), len(text)))
    return spans


#: A Japanese quotation, in corner brackets (「…」, 『…』 inside one or for a title).
_CORNER_QUOTE = lazy_pattern(r"「([^「」]*)」")


def _quote_spans(text: str, open_quote: bool) -> list[tuple[int, int]]:
    """Character spans of the contents of the outermost quotations."""
    if "「" in text and '"' not in text:
        return [m.span(1) for m in _CORNER_QUOTE().finditer(text) if m.group(1)]
    if (
        text[:1] == "-"
        and (text[1:2].isalpha() or text[1:2] in "¿¡")
        and '"' not in text
        and abroad.language(text.lower()) is not None  # not English: "-Associated Press"
    ):
        return _dialogue_spans(text)
    spans: list[tuple[int, int]] = []
    marks = [m.start() for m in _DOUBLE_MARK().finditer(text)] if '"' in text else []
    if not marks:
        if open_quote and not _single_spans(text):
            return [(0, len(text))]
    else:
        if len(marks) % 2:
            # One mark is unpaired: a quotation opened in an earlier sentence closes here, or
            # one opened here runs on into the next sentence. A closing mark follows the
            # quotation's last mark at once ('laid," he said'); an opening one follows a
            # space ('told the Tribune: "There was').
            first = marks[0]
            if open_quote or text[first - 1 : first] in (",", ".", "!", "?", ";", ":"):
                spans.append((0, first))
                marks = marks[1:]
            else:
                spans.append((marks[-1] + 1, len(text)))
                marks = marks[:-1]
        spans.extend((marks[i] + 1, marks[i + 1]) for i in range(0, len(marks) - 1, 2))
    for start, end in _single_spans(text):
        if not any(s - 1 <= start and end <= e + 1 for s, e in spans):
            spans.append((start, end))
    spans.sort()
    outer: list[tuple[int, int]] = []
    for span in spans:
        if outer and span[0] < outer[-1][1]:
            continue
        outer.append(span)
    return outer


def _single_spans(text: str) -> list[tuple[int, int]]:
    # Most apostrophes sit inside words ("it's"); a quotation needs one that opens.
    if "'" not in text or not (
        text[:1] == "'" or " '" in text or "('" in text or "\"'" in text or "-'" in text
    ):
        return []
    spans: list[tuple[int, int]] = []
    closes = [m.start() for m in _SINGLE_CLOSE().finditer(text)]
    position = 0
    for opening in _SINGLE_OPEN().finditer(text):
        if opening.start() < position:
            continue
        close = next((c for c in closes if c > opening.start() + 1), None)
        if close is None:
            break
        spans.append((opening.start() + 1, close))
        position = close + 1
    return spans


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The sentence with each quotation replaced by ``"Q"``, so that cues inside quotes are not
    read as the sentence's own."""
    if not spans:
        return text
    parts: list[str] = []
    position = 0
    for start, end in spans:
        # The marks go with the quotation, so "Q" stands alone as a token.
        if start > 0 and text[start - 1] in "\"'":
            start -= 1
        if end < len(text) and text[end] in "\"'":
            end += 1
        parts.append(text[position:start])
        parts.append(" Q ")
        position = end
    parts.append(text[position:])
    return "".join(parts)


#: Marks that do not count at the edges of a quotation (and whitespace).
_QUOTE_EDGE_MARKS = "\"',.;:!?-"


@lru_cache(maxsize=4096)
def _quote_key(text: str) -> str:
    folded = text.casefold()
    start, end = 0, len(folded)
    while start < end and (folded[start] in _QUOTE_EDGE_MARKS or folded[start].isspace()):
        start += 1
    while end > start and (folded[end - 1] in _QUOTE_EDGE_MARKS or folded[end - 1].isspace()):
        end -= 1
    return " ".join(_words(folded[start:end])) + ("..." if "..." in text else "")


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_words(a.casefold())), set(_words(b.casefold()))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _quote_changes(old: Sequence[Quote], new: Sequence[Quote], sentence: int) -> list[Change]:
    if not old and not new:
        return []
    if (
        old
        and new
        and _quote_key(" ".join(q.text for q in old)) == _quote_key(" ".join(q.text for q in new))
    ):
        return []  # the same words, quoted in one piece or broken by "she said"
    rest_old = list(old)
    rest_new = list(new)
    for quote in list(rest_old) if rest_new else ():
        twin = next((q for q in rest_new if _quote_key(q.text) == _quote_key(quote.text)), None)
        if twin is not None:
            rest_old.remove(quote)
            rest_new.remove(twin)
    changes: list[Change] = []
    scored = sorted(
        (-_overlap(o.text, n.text), i, j)
        for i, o in enumerate(rest_old)
        for j, n in enumerate(rest_new)
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    one_for_one = len(rest_old) == len(rest_new) == 1
    for score, i, j in scored:
        if i in used_old or j in used_new or (-score < 0.3 and not one_for_one):
            continue
        used_old.add(i)
        used_new.add(j)
        o, n = rest_old[i], rest_new[j]
        trimmed = "..." in n.text and "..." not in o.text
        what = "quote trimmed" if trimmed else "quote altered"
        changes.append(
            _change(
                "quote",
                "changed",
                o.text,
                n.text,
                sentence,
                _describe("changed", what, o.text, n.text),
            )
        )
    for i, o in enumerate(rest_old):
        if i not in used_old:
            who = f" ({o.speaker})" if o.speaker else ""
            changes.append(
                _change(
                    "quote", "removed", o.text, None, sentence, f'quote removed{who}: "{o.text}"'
                )
            )
    for j, n in enumerate(rest_new):
        if j not in used_new:
            who = f" ({n.speaker})" if n.speaker else ""
            changes.append(
                _change("quote", "added", None, n.text, sentence, f'quote added{who}: "{n.text}"')
            )
    return changes
