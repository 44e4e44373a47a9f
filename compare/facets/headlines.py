"""Headlines and standfirsts: their changes read in sentence case when written in Title Case,
a source named before a colon, and the figures of a headline rewritten over time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from compare import swaps
from compare.facets.base import ChangeAction, _change, _describe, _singular, _sort, _wordset
from compare.facets.comparing import _compare, compare_sentences
from compare.facets.figures import _after
from compare.facets.sentence import sentence_facets
from compare.model import Change, WordOp
from compare.text import lazy_pattern, title_case


def top_changes(
    titles: tuple[str, str, Sequence[WordOp]] | None, standfirsts: tuple[str, str] | None
) -> tuple[tuple[Change, ...], tuple[Change, ...]]:
    """The meaning-level changes of an edited headline (its two texts and word diff) and of
    an edited standfirst, each ``None`` when it was not edited; ``sentence`` is -1."""
    title_changes = headline_changes(*titles) if titles else ()
    standfirst_changes = compare_sentences(*standfirsts, -1) if standfirsts else ()
    return title_changes, standfirst_changes


def headline_changes(
    old: str | None, new: str | None, words: Sequence[WordOp] = ()
) -> tuple[Change, ...]:
    """Meaning-level changes between two headlines (``words``: their word diff, if known),
    with ``sentence`` -1: they belong to no sentence block. A headline on one side only is
    an extraction difference, not an edit: nothing. Names are left out when either headline
    is in Title Case, where every word looks like one."""
    if not old or not new or old == new:
        return ()
    bare_old, bare_new = _WIRE_MARKER().sub("", old, count=1), _WIRE_MARKER().sub("", new, count=1)
    if (bare_old, bare_new) != (old, new):
        # A wire's version marker ("UPDATE 1-" -> "UPDATE 2-") numbers its releases: no
        # figure of the story. The rest is read without it (and without the word diff of
        # the whole headlines, which it is no longer).
        return headline_changes(bare_old, bare_new) if bare_old and bare_new else ()
    source = _headline_source_change(old, new)
    if source is not None:
        return (source,)
    old_title, new_title = title_case(old), title_case(new)
    if not (old_title or new_title):
        changes = _compare(old, new, False, False, -1, words)
    else:
        # Capitals say nothing there: the verbs and sources of "..., Police Say" are read in
        # lower case, as a headline in sentence case writes them; quotes keep their letters.
        cased = _compare(
            _sentence_case(old) if old_title else old,
            _sentence_case(new) if new_title else new,
            False,
            False,
            -1,
        )
        quotes = [c for c in _compare(old, new, False, False, -1, words) if c.kind == "quote"]
        changes = [_as_written(c, old, new) for c in cased if c.kind not in ("name", "quote")]
        changes += quotes
    # Headlines leave "was" out: "Police shoot man" -> "Man shot" leaves out who shot.
    if not any(c.kind == "roles" for c in changes):
        dropped = swaps.headline_agent_change(old, new)
        if dropped is not None:
            action: ChangeAction = "removed" if dropped.what == "agent dropped" else "added"
            detail = _describe("changed", dropped.what, dropped.was, dropped.now)
            changes.append(_change("roles", action, dropped.was, dropped.now, -1, detail))
    return tuple(_sort(changes))


def rewritten_headline_changes(
    old: str, new: str, words: Sequence[WordOp] = ()
) -> tuple[Change, ...]:
    """The figures of a headline rewritten on one page over time ("Bus plunges off mountain
    road near Castellan, killing 12" -> "Bus crash near Castellan kills 14"): too unlike to
    read as an edit, yet its figure is still the page's own, changed. Only a figure changed
    for one of the same kind that counts the same thing, or no thing named, is kept: the
    rest of a rewrite is new words, not edits ("$4m budget" -> "after 3 years" is none)."""
    kept: list[Change] = []
    olds, news = sentence_facets(old).numbers, sentence_facets(new).numbers
    for change in headline_changes(old, new, words):
        if change.kind != "number" or change.action != "changed":
            continue
        before = next((n for n in olds if n.phrase == change.old), None)
        after = next((n for n in news if n.phrase == change.new), None)
        if before is None or after is None or before.kind != after.kind:
            continue
        nouns = {_after(n.sentence, n.span[1])[1].lower() for n in (before, after)} - {""}
        if len({_singular(noun) for noun in nouns}) < 2:
            kept.append(change)
    return tuple(kept)


#: A wire's version marker before its headline: "UPDATE 2-", "REFILE-UPDATE 1-",
#: "CORRECTED-", "WRAPUP 3-", "RPT-".
_WIRE_MARKER = lazy_pattern(
    r"^\s*(?:(?:UPDATE|WRAPUP|REFILE|CORRECTED|RPT|REPEAT)(?: \d{1,2})?-)+\s*"
)


#: A headline that names its source before a colon ("Police: gunman acted alone").
_HEADLINE_SOURCE = lazy_pattern(r"^([^:\"\u201c]{2,40}):\s+(\S.*)$")


#: What stands before a headline's colon that is a label, not a source.
_HEADLINE_LABELS = frozenset(
    [
        *_wordset(
            "live latest analysis opinion comment explainer watch video exclusive breaking "
            "update updated factbox timeline review editorial obituary letters photos"
        ),
        "as it happened",
        "in pictures",
        "q&a",
    ]
)


def _headline_source_change(old: str, new: str) -> Change | None:
    """The source before a headline's colon, swapped while the rest stays ("Police: ..." ->
    "Witnesses: ..."): headlines say "X said" that way. Only a swap: a label that comes or
    goes ("Live:", "Analysis:") is no source."""
    a, b = _HEADLINE_SOURCE().match(old), _HEADLINE_SOURCE().match(new)
    if a is None or b is None or a.group(2).casefold() != b.group(2).casefold():
        return None
    if a.group(1).casefold() == b.group(1).casefold() or not _HEADLINE_LABELS.isdisjoint(
        (a.group(1).casefold(), b.group(1).casefold())
    ):
        return None
    was, now = f"{a.group(1)}:", f"{b.group(1)}:"
    return _change(
        "attribution", "changed", was, now, -1, _describe("changed", "attribution", was, now)
    )


def _as_written(change: Change, old: str, new: str) -> Change:
    """A change found in sentence case, with its words as the headlines write them."""
    was, now = _written(change.old, old), _written(change.new, new)
    if (was, now) == (change.old, change.new):
        return change
    detail = change.detail
    if was != change.old:
        detail = detail.replace(f'"{change.old}"', f'"{was}"', 1)
    if now != change.new:
        detail = detail.replace(f'"{change.new}"', f'"{now}"', 1)
    return Change(change.kind, change.action, was, now, change.severity, change.sentence, detail)


def _written(value: str | None, headline: str) -> str | None:
    """``value`` as ``headline`` writes it, whatever its case ("police say" in "..., Police
    Say" is "Police Say")."""
    if not value:
        return value
    # Searched in the headline itself: lowering it can change its length ("İ" is two
    # characters in lower case), and positions found in one would not fit the other.
    found = re.search(re.escape(value), headline, re.IGNORECASE)
    return found.group() if found else value


def _sentence_case(headline: str) -> str:
    """A Title Case or all-capitals headline in sentence case: every word after the first in
    lower case, but for abbreviations in a headline that has lower case ("US", "NHS")."""
    first, _, rest = headline.partition(" ")
    if headline.upper() == headline:
        return f"{first[:1]}{first[1:].lower()} {rest.lower()}".rstrip()
    words = [w if len(w) > 1 and w.isupper() else w.lower() for w in rest.split(" ")]
    return " ".join([first, *words]).rstrip()
