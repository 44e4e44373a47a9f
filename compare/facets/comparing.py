"""Two versions of a sentence compared (``compare_sentences``, ``_compare``): which facets the
differing words can touch, each facet's changes in turn (figures, quotes, negations, flips
written into words, attributions, roles, hedges, names), and each edit told once under its
most telling kind (``_once``); what a sentence added or removed carried (``_carried``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple, TypeVar

from compare import swaps
from compare.facets import abroad, framing, status
from compare.facets.attributions import (
    _ATTRIBUTION_TRIGGERS,
    _attribution_changes,
    _attributions,
    _credited_abroad,
    _near_attribution,
)
from compare.facets.base import (
    _AUX_WORDS,
    ChangeAction,
    _change,
    _describe,
    _sort,
    _token_set,
    _whole_word,
)
from compare.facets.figure_changes import (
    _ARTICLES,
    _CURRENCY_PREFIXES,
    _DURATION_WORDS,
    _MEASURE_TRIGGERS,
    _NUMBER_TRIGGERS,
    _from_article,
    _measured,
    _minus_before_figure,
    _nil_as_word,
    _number_changes,
    _one_as_a,
    joined_people_whole,
)
from compare.facets.figures import _HAS_DIGIT, _RELATIVE_TRIGGERS, _numbers, _relative_keys
from compare.facets.hedges import _HEDGE_DIFF_TRIGGERS, _hedges
from compare.facets.names import _name_changes, _names, without_german_nouns
from compare.facets.negations import (
    _IMPLICIT_TRIGGERS,
    _NEGATION_TRIGGERS,
    _cue_changes,
    _implicit_negations,
    _moved_to_another_verb,
    _negated_verb,
    _negations,
    _unreal_could,
)
from compare.facets.openers import _MidSentenceCapitals, _opener, _opener_change
from compare.facets.opposites import _cancelled, _may_flip_by_prefix, _prefix_flips
from compare.facets.quotes import _quote_changes
from compare.facets.sentence import _prepare, _Prepared
from compare.facets.verbs import _same_verb, _stem
from compare.model import Change, WordOp
from compare.text import lazy_pattern, normalize

#: Numbers worth listing when a whole sentence arrives or leaves: all but ranks, which
#: are mostly "the first time" and the like.
_CARRIED_NUMBERS = frozenset(
    {"count", "money", "percent", "range", "fraction", "vague", "date", "time", "year"}
)


def _carried(
    prepared: _Prepared, action: ChangeAction, sentence: int, quotes_only: bool = False
) -> list[Change]:
    """What an added or removed sentence brought or took away: quotes, numbers (not ranks,
    nor a figure inside a quotation), negations and named sources. Hedges and names are
    left out (nearly every sentence has some, and listing them would bury what matters),
    and so are attributions when the sentence holds a quote: the quote change names its
    speaker. ``quotes_only``: the sentence's whole paragraph came or went, which the
    paragraph diff already shows; only a quote is worth repeating then."""
    # A kind the sentence holds none of gives no change: it is not looked at.
    changes: list[Change] = []
    if prepared.quotes:
        changes += _quote_changes(*_one_side(prepared.quotes, action), sentence)
    if quotes_only:
        return changes
    # A figure inside a quotation is the quote's, which the quote change shows whole: the
    # figures are read with the quotations masked.
    numbers = tuple(n for n in _numbers(prepared.masked) if n.kind in _CARRIED_NUMBERS)
    if numbers:
        changes += _number_changes(*_one_side(numbers, action), sentence)
    negations = _negations(prepared.masked)
    if negations:
        changes += _cue_changes("negation", *_one_side(negations, action), sentence)
    if not prepared.quotes:
        attributions = tuple(a for a in _attributions(prepared.masked) if a.source)
        if attributions:
            changes += _attribution_changes(*_one_side(attributions, action), sentence)
    return changes


_Item = TypeVar("_Item")


def _one_side(
    items: Sequence[_Item], action: ChangeAction
) -> tuple[Sequence[_Item], Sequence[_Item]]:
    """``items`` as the old side of a change (removed) or as the new side (added)."""
    return (items, ()) if action == "removed" else ((), items)


#: A part of one unit that came or went before "a": "half a mile" -> "a mile".
_PARTS = frozenset(["half", "quarter", "third"])
#: The differing words that call for each facet, in English and abroad, as one set each: one
#: look rather than two to five (~2M instructions less over the 482 reworded pairs of the
#: 2,000-paragraph pair of benchmarks/speed.py, most of which hold none of the figures').
_FIGURE_WORDS = (
    _NUMBER_TRIGGERS
    | abroad.FIGURE_DIFFERS
    | _MEASURE_TRIGGERS
    | _RELATIVE_TRIGGERS
    | _CURRENCY_PREFIXES
)
_NEGATION_CUES = _NEGATION_TRIGGERS | abroad.NEGATION_DIFFERS
_HEDGE_WORDS = _HEDGE_DIFF_TRIGGERS | abroad.HEDGE_WORDS


def compare_sentences(old: str | None, new: str | None, sentence: int = 0) -> tuple[Change, ...]:
    """Meaning-level changes between two sentence texts (``None``: added or removed)."""
    return tuple(_sort(_compare(old, new, False, False, sentence)))


# Numbers stay whole ("4.5" and "5.4" share their digits but differ).
_DIFF_TOKEN = lazy_pattern(r"\d+(?:[.,:]\d+)*|[\w']+|[^\w\s]")


def _compare(
    old: str | None,
    new: str | None,
    old_open: bool,
    new_open: bool,
    sentence: int,
    words: Sequence[WordOp] = (),
    whole_paragraph: bool = False,
    capitals_inside: _MidSentenceCapitals | None = None,
) -> list[Change]:
    if old is None and new is None:
        return []
    if old is None:
        return _carried(_prepare(new or "", new_open), "added", sentence, whole_paragraph)
    if new is None:
        return _carried(_prepare(old, old_open), "removed", sentence, whole_paragraph)
    a, b = _prepare(old, old_open), _prepare(new, new_open)
    if a.norm == b.norm or (len(a.norm) == len(b.norm) and a.norm.lower() == b.norm.lower()):
        # (Only the case changed, "POLICE SAID ..." -> "Police said ...": no fact did, though
        # the facets read capitals as names; the word diff shows it.)
        return []
    # Only the facets that the differing words can touch are extracted.
    d = _differing(a, b, words)
    differing, joined, lower = d.words, d.joined, d.lower
    changes: list[Change] = []
    # The same words in another order can swap two numbers ("rose to 3.5% from 3.2%").
    if (
        not differing
        or _HAS_DIGIT().search(joined)
        or (not joined.isascii() and abroad.script_figure_differs(joined))
        or ("-" in differing and _minus_before_figure(a.norm, b.norm))
        # (One look at the words of all the tests below first: most pairs hold none.)
        or (
            not _FIGURE_WORDS.isdisjoint(lower)
            and (
                lower & _NUMBER_TRIGGERS
                or not abroad.FIGURE_DIFFERS.isdisjoint(lower)
                or ((units := lower & _MEASURE_TRIGGERS) and _measured(a.norm, b.norm, units))
                or (lower & _RELATIVE_TRIGGERS and _relative_keys(a.norm) != _relative_keys(b.norm))
                or (lower & _CURRENCY_PREFIXES and ("$" in a.norm or "$" in b.norm))
            )
        )
    ):
        numbers = _number_changes(_numbers(a.norm), _numbers(b.norm), sentence, (a.norm, b.norm))
        changes += (
            [
                c
                for c in numbers
                if not _one_as_a(c, a.norm, b.norm) and not _nil_as_word(c, a.norm, b.norm)
            ]
            if numbers
            else []
        )
        if numbers and (" and " in a.norm or " and " in b.norm):
            changes = joined_people_whole(changes, a.norm, b.norm)  # "a man and two women"
        if numbers and (lower & _ARTICLES or lower & _DURATION_WORDS or lower & _PARTS):
            read = (_from_article(c, a.norm, b.norm) for c in changes)
            changes = [c for c in read if c is not None]
    if a.quotes or b.quotes:
        changes += _quote_changes(a.quotes, b.quotes, sentence)
    negations, cancelled = _negation_changes(a, b, d, sentence)
    if negations and not (a.quotes or b.quotes):
        # Two clauses, each with its own subject: a flip in one and one in the other are
        # read where they stand, not against each other ("The firm did not make a loss,
        # and its rival made a profit" -> "The firm made a profit, and its rival made a
        # loss": the firm's flips cancel, the rival's profit became a loss).
        by_clause = _negations_by_clause(old, new, old_open, new_open, sentence)
        if by_clause is not None:
            negations = by_clause
    changes += negations
    # (The same words in another order can swap who says what: "Israel said Hamas ..." ->
    # "Hamas said Israel ...".)
    if (
        not differing
        or lower & _ATTRIBUTION_TRIGGERS
        or _near_attribution(a.masked, lower)
        or _near_attribution(b.masked, lower)
        or _credited_abroad(a.masked)
        or _credited_abroad(b.masked)
    ):
        changes += _attribution_changes(
            _attributions(a.masked), _attributions(b.masked), sentence, (a.masked, b.masked)
        )
    # The same words with two parties traded round a verb: who did what to whom ("Arsenal
    # beat Chelsea" -> "Chelsea beat Arsenal"). Round a reporting verb the attribution
    # change above tells it already; the names that traded places are told by the swap.
    swap = None
    if (
        # (The few changes found are looked at first: they spare ~90 of the ~480 reworded
        # pairs of the 2,000-paragraph pair of benchmarks/speed.py that look, ~3M
        # instructions.)
        not any(c.kind == "attribution" for c in changes)
        and swaps.may_swap(a.masked, b.masked, lower)
        # Roles are read from English word order; German, Dutch and the Romance languages
        # put the object first as well ("Den Plan lehnen zwei Drittel ab").
        and abroad.language(a.norm.lower()) is None
    ):
        swap = swaps.role_swap(a.masked, b.masked)
        if swap is not None:
            detail = _describe("changed", swap.what, swap.was, swap.now)
            changes.append(_change("roles", "changed", swap.was, swap.now, sentence, detail))
    # Who did it, said in one version and not the other ("Police shot a man" -> "A man was
    # shot", "12 civilians died", "shot by police" -> "shot"): a passive's "be" (or "got"),
    # "died" or "by" is among the differing words (``swaps.AGENT_CUES``; without a word
    # diff, those are the words in one version only, and a "be" may stand in both).
    if (
        swap is None
        and (not words or not swaps.AGENT_CUES.isdisjoint(lower))
        and abroad.language(a.norm.lower()) is None
    ):
        for dropped in swaps.agent_changes(a.masked, b.masked):
            action: ChangeAction = "removed" if dropped.what == "agent dropped" else "added"
            detail = _describe("changed", dropped.what, dropped.was, dropped.now)
            changes.append(_change("roles", action, dropped.was, dropped.now, sentence, detail))
    if not _HEDGE_WORDS.isdisjoint(lower):
        everywhere = Counter(c.group for c in _hedges(a.norm))
        everywhere.subtract(c.group for c in _hedges(b.norm))
        moved = {group for group, count in everywhere.items() if count}
        hedges_a = [c for c in _hedges(a.masked) if c.group in moved]
        hedges_b = [c for c in _hedges(b.masked) if c.group in moved]
        # "did not win" -> "could have won": what did not happen, as "should have won" says.
        for hedges, own, other in ((hedges_a, a.masked, b.masked), (hedges_b, b.masked, a.masked)):
            if any(c.text.lower() == "could" for c in hedges) and _unreal_could(own, other):
                hedges.remove(next(c for c in hedges if c.text.lower() == "could"))
        changes += _cue_changes("hedge", hedges_a, hedges_b, sentence)
    # A person's standing ("charged with murder" -> "charged with manslaughter", "in a
    # critical condition" -> "in a stable condition", "resigned" -> "was sacked"): a status
    # word or a charge's differs.
    if status.may_change(lower) and abroad.language(a.norm.lower()) is None:
        changes = _with_status_changes(a.masked, b.masked, changes, sentence)
    if not framing.CUES.isdisjoint(lower):  # ("protesters" -> "rioters")
        framed = framing.framing_changes(a.masked, b.masked, sentence)
        framed = _outside_status(framed, changes) if framed else framed  # (told once)
        # A source named another way is the same source ("The junta said" -> "The
        # government said"): told as framing, not as an attribution that changed.
        changes = [c for c in changes if not _named_another_way(c, framed)] + framed
    # A capitalised word that differs, other than the one opening either sentence, may be
    # a name.
    # (ASCII that lower() leaves alone holds no capital: most pairs, no word looked at.)
    if joined.isascii() and d.lowered == joined:
        capitals = []
    else:
        capitals = [t for t in differing if t[:1].isupper() or t[1:2].isupper()]
    if capitals and swap is None:
        first_words = {_opener(a.norm), _opener(b.norm)}
        if any(t not in first_words for t in capitals):
            named = _name_changes(_names(a.norm), _names(b.norm), a.norm, b.norm, sentence)
            changes += _told_names(named, changes, a.norm)
        elif differing == first_words and len(first_words) == 2:
            # The first word of a longer name ("Sara Lindqvist" -> "Sarah Lindqvist") is
            # read with its name; a lone opener needs more to be one.
            named = _name_changes(_names(a.norm), _names(b.norm), a.norm, b.norm, sentence)
            inside = capitals_inside or _MidSentenceCapitals((a.norm, b.norm))
            named = named or _opener_change(a.norm, b.norm, sentence, inside)
            changes += _told_names(named, changes, a.norm)
    if cancelled:  # a verb that flipped and cancelled is told by neither ("reported")
        return _once(changes, cancelled)
    return _once(changes) if len(changes) > 1 else changes


def _with_status_changes(old: str, new: str, told: list[Change], sentence: int) -> list[Change]:
    """``told`` and the statuses that changed, less those another change tells already:
    "was not charged" -> "was charged" is a negation flip, "seriously injured" -> "injured"
    a hedge removed, "life-threatening" -> "not life-threatening" a flip too. A hedge that
    is the status's own words ("accused of fraud" -> "convicted of fraud": the hedge
    "accused of" removed) is told by the status."""
    found: list[Change] = []
    statuses = status.status_changes(old, new)
    for changed in statuses:
        if any(
            _tells(c.old, changed.was) or _tells(c.new, changed.now)
            for c in told
            if not (c.kind == "hedge" and _hedge_of_status(c, changed))
        ):
            continue
        detail = _describe("changed", status.WHAT_CHANGED[changed.what], changed.was, changed.now)
        found.append(_change("status", "changed", changed.was, changed.now, sentence, detail))
    if not found:
        return told
    kept = [
        c
        for c in told
        if not (c.kind == "hedge" and any(_hedge_of_status(c, s) for s in statuses))
        and not (c.kind == "attribution" and any(_accusation_of_status(c, s) for s in statuses))
    ]
    return kept + found


def _accusation_of_status(source: Change, changed: status.StatusChange) -> bool:
    """Whether an attribution that came or went is a legal stage said actively ("Police
    accused" of "Police accused the director of fraud" -> "Police cleared the director of
    fraud"): its verb opens the status's phrase on its side, which tells it."""
    if source.action == "changed" or changed.what not in ("stage", "legal"):
        return False
    cue, phrase = (
        (source.old, changed.was) if source.action == "removed" else (source.new, changed.now)
    )
    if not cue or not phrase:
        return False
    return cue.split()[-1].lower() == phrase.split()[0].lower()


def _hedge_of_status(hedge: Change, changed: status.StatusChange) -> bool:
    """Whether a hedge is told by a status change: a legal stage's own words ("accused
    of"), or the grade of a condition that changed otherwise ("killed" -> "seriously
    injured": the hedge "seriously injured" added says less)."""
    if _within_status(hedge, changed):
        return True
    if changed.what != "condition" or status.graded_only(changed):
        return False
    return _tells(hedge.old, changed.was) or _tells(hedge.new, changed.now)


def _outside_status(framed: list[Change], told: list[Change]) -> list[Change]:
    """The framing changes whose words no status change told holds on both sides: "charged
    with the killing" -> "charged with the murder" is the charge's, not "killing" ->
    "murder" again."""
    statuses = [c for c in told if c.kind == "status"]
    return [
        c
        for c in framed
        if not any(_holds(s.old, c.old) and _holds(s.new, c.new) for s in statuses)
    ]


def _holds(phrase: str | None, words: str | None) -> bool:
    """Whether ``words`` stand in ``phrase`` as whole words."""
    return bool(phrase and words and _whole_word(phrase.lower(), words.lower()))


def _within_status(hedge: Change, changed: status.StatusChange) -> bool:
    """Whether a hedge's cue, its helpers aside ("was accused of"), is a legal stage's own
    words, in the status phrase of its side ("accused of fraud")."""
    cue = hedge.old if hedge.action == "removed" else hedge.new
    phrase = changed.was if hedge.action == "removed" else changed.now
    if not cue or hedge.action == "changed" or changed.what not in ("stage", "legal"):
        return False  # ("seriously hurt" is the hedge's to tell: "hurt" -> "seriously hurt")
    words = [w for w in cue.lower().split() if w not in _AUX_WORDS]
    return bool(words) and " ".join(words) in phrase.lower()


def _tells(value: str | None, phrase: str) -> bool:
    """Whether a change's value and a status phrase hold one another."""
    if not value:
        return False
    value, phrase = value.lower(), phrase.lower()
    return value in phrase or phrase in value


def _named_another_way(change: Change, framed: list[Change]) -> bool:
    """Whether ``change``, an attribution, only names its source with a framing change's
    other word, or with another word that names one body the same way ("The administration
    said" -> "The government said", "Protesters said" -> "Demonstrators said": the same
    source; not "The authorities" -> "The government", "Activists" -> "Protesters")."""
    if change.kind != "attribution" or not (change.old and change.new):
        return False
    return any(
        f.old and f.new and change.old.replace(f.old, f.new) == change.new for f in framed
    ) or framing.named_the_same(change.old, change.new)


def _told_names(named: list[Change], changes: list[Change], text: str) -> list[Change]:
    """The name changes worth telling, given the changes told before them."""
    if not named:
        return named
    lower = text.lower()
    figures = any(c.kind == "number" for c in changes)
    # (The language is asked only where it can matter: most sentences hold no German word.)
    language = (
        abroad.language(lower) if figures or abroad.may_be_german(_token_set(lower)) else None
    )
    if language == "de":
        # German writes its nouns with a capital ("Ein Drittel der Schulen").
        named = list(without_german_nouns(tuple(named), "de"))
    if named and figures:
        named = _not_figures(named, changes, opened=language is not None)
    return named


def _not_figures(names: list[Change], changes: list[Change], opened: bool) -> list[Change]:
    """The name changes less those told as a figure already: a weekday written with a
    capital in German ("am Montag" -> "am Mittwoch") is a date, not a name; ``opened``: in
    another language, so is a "name" the figure opens ("Drei Menschen", nouns capitalised)."""
    figures = [c for c in changes if c.kind == "number"]
    if not figures:
        return names
    told = {c.old for c in figures} | {c.new for c in figures}
    told.discard(None)

    def figure(side: str | None) -> bool:
        # The figure itself, or a name it opens ("Drei Menschen" with "Drei" told).
        return side is None or any(
            side == t or (opened and side.startswith(f"{t} ")) for t in told if t
        )

    return [n for n in names if not (figure(n.old) and figure(n.new))]


class _Differing(NamedTuple):
    """The words that differ between two versions of a sentence, as the facets ask for them:
    only the facets that those words can touch are extracted (a facet whose words are the
    same on both sides cannot have changed)."""

    words: set[str]
    joined: str
    """``words`` joined by spaces."""
    lowered: str
    """``joined`` lowered (the space keeps the words apart)."""
    lower: set[str]
    """The lowered words, also split at apostrophes."""


def _differing(a: _Prepared, b: _Prepared, words: Sequence[WordOp] = ()) -> _Differing:
    if words:  # the aligner's word diff already says which words differ
        joined = " ".join([f"{w.old} {w.new}" for w in words if w.op != "equal"])
        if joined.isascii() and joined.replace(" ", "").isalpha():
            # Plain ASCII words and single spaces, as most rewordings differ by: the tokens are
            # the words split at the spaces, and the lowered words hold no apostrophe to split
            # at (the same sets as the regex makes, ~10M instructions less over the ~480
            # reworded pairs of the 2,000-paragraph pair of benchmarks/speed.py).
            differing = set(joined.split())
            joined = " ".join(differing)
            lowered = joined.lower()
            return _Differing(differing, joined, lowered, set(lowered.split()))
        differing = set(_DIFF_TOKEN().findall(joined if joined.isascii() else normalize(joined)))
    else:
        list_a, list_b = _DIFF_TOKEN().findall(a.norm), _DIFF_TOKEN().findall(b.norm)
        differing = set(list_a) ^ set(list_b)
        if not differing:  # the same words, some a different number of times
            counts_a, counts_b = Counter(list_a), Counter(list_b)
            differing = set((counts_a - counts_b) + (counts_b - counts_a))
    joined = " ".join(differing)
    lowered = joined.lower()
    lower = set(lowered.replace("'", " ").split())
    if differing:
        lower.update(lowered.split(" "))
    return _Differing(differing, joined, lowered, lower)


def _negated_verb_differs(a: _Prepared, b: _Prepared, lower: set[str]) -> bool:
    """Whether both versions say no and a verb said no to is among the differing words: a
    negation that moved to another verb ("did not resign" -> "resigned ... did not comment")
    leaves its own words alike."""
    if not (_says_not(a.masked) and _says_not(b.masked)):
        return False
    old, new = _negations(a.masked), _negations(b.masked)
    if old == new:
        # The same negations on both sides (facts read ahead for every sentence found in one
        # version): ``_moved_to_another_verb`` finds no rival for a cue whose every verb the
        # other side says no to alike (~1.6M instructions less over the 19 of the 482
        # reworded pairs of the 2,000-paragraph pair of benchmarks/speed.py that say no on
        # both sides, 14 of them alike).
        return False
    # Cheaply first: a differing word right after a "not" that another form of differs too
    # ("resign", "resigned"; "win", "won"; most such pairs have none).
    if not any(
        word in lower
        and any(
            other != word and other[:1] == word[:1] and _same_verb(other, word) for other in lower
        )
        for text in (a.masked, b.masked)
        for word in (m.group(1).lower() for m in _AFTER_NOT().finditer(text))
    ):
        return False
    return any(_negated_verb(cue).lower() in lower for cue in (*old, *new)) and bool(
        _moved_to_another_verb(list(old), list(new), (a.masked, b.masked), 0)
    )


_AFTER_NOT = lazy_pattern(r"(?:\bnot|n't) (\w+)")


def _says_not(text: str) -> bool:
    return " not " in text or "n't" in text


def _negation_changes(
    a: _Prepared, b: _Prepared, d: _Differing, sentence: int
) -> tuple[list[Change], list[Change]]:
    """The negation changes between two versions of a sentence (flips of a cue, of a word
    that says no, of a word into its opposite), and the flips that cancelled out ("did not
    make a loss" -> "made a profit"), which no attribution change tells either."""
    differing, joined, lowered, lower = d
    changes: list[Change] = []
    cancelled: list[Change] = []
    # (The same words in another order can move a negation from one clause to another.)
    negation_words = (
        not differing
        or "n't" in joined
        or not _NEGATION_CUES.isdisjoint(lower)
        or _negated_verb_differs(a, b, lower)
    )
    # A negation counts when polarity changes outside quotes and overall: one that only moved
    # into or out of a quotation ('"I regret nothing"' -> 'he had no regrets') did not flip.
    implicit_words = not differing or not _IMPLICIT_TRIGGERS.isdisjoint(lower)
    if negation_words or implicit_words:
        masked_a, masked_b = _negations(a.masked), _negations(b.masked)
        implicit = (
            (_implicit_negations(a.masked), _implicit_negations(b.masked))
            if implicit_words
            else ((), ())
        )
        # Two flips the opposite way leave the count alone: look when both sides hold one.
        if (
            (masked_a and masked_b)
            or len(_negations(a.norm)) != len(_negations(b.norm))
            or implicit[0]
            or implicit[1]
        ):
            changes += _cue_changes(
                "negation", masked_a, masked_b, sentence, (a.masked, b.masked), implicit
            )
    # (The same words in another order can turn a word into its opposite: "rose in France
    # and fell in Spain" -> "fell in France and rose in Spain".)
    if not differing or _may_flip_by_prefix(lower, lowered, (a.masked, b.masked)):
        # "unclear" is a negation cue as well: its flip is found once already; so is a word
        # of a flip told with its words ("bill failed to pass" -> "bill passed": not "failed"
        # -> "passed" again).
        told = [
            (c.old.lower().split(), c.new.lower().split())
            for c in changes
            if c.kind == "negation" and c.old and c.new
        ]
        flips = [
            c
            for c in _prefix_flips(a.masked, b.masked, sentence)
            if c not in changes and not any(c.old in was and c.new in now for was, now in told)
        ]
        if flips and told:
            # "did not make a loss" -> "made a profit": two flips in one clause cancel.
            changes, flips, cancelled = _cancelled(changes, flips, (a.masked, b.masked))
        changes += flips
    return changes, cancelled


#: What joins two clauses that each say a thing of their own.
_CLAUSE_JOINER = lazy_pattern(r",\s+(?:and|but|while|whereas)\s+|;\s+", re.IGNORECASE)


def _negations_by_clause(
    old: str, new: str, old_open: bool, new_open: bool, sentence: int
) -> list[Change] | None:
    """The negation changes of each clause against its counterpart, when both sentences are
    the same clauses joined the same way ("..., and ..."); else ``None``."""
    joiners_old = [m.group().lower() for m in _CLAUSE_JOINER().finditer(old)]
    if not joiners_old:
        return None
    joiners_new = [m.group().lower() for m in _CLAUSE_JOINER().finditer(new)]
    if joiners_old != joiners_new:
        return None
    found: list[Change] = []
    # Each clause after the first keeps its joining word ("and none were ..."): a clause
    # read as if it opened a sentence reads otherwise.
    for was, now in zip(_clauses(old), _clauses(new), strict=True):
        a, b = _prepare(was, old_open), _prepare(now, new_open)
        if a.norm != b.norm:
            found += _negation_changes(a, b, _differing(a, b), sentence)[0]
    return found


def _clauses(text: str) -> list[str]:
    """``text`` cut before the word that joins each clause to the one before (after the
    comma or semicolon)."""
    cuts = [m.end() - len(m.group().lstrip(",; ")) for m in _CLAUSE_JOINER().finditer(text)]
    bounds = [0, *cuts, len(text)]
    return [text[start:end].rstrip(",; ") for start, end in pairwise(bounds)]


def _once(changes: list[Change], cancelled: Sequence[Change] = ()) -> list[Change]:
    """Each edit once, under its most telling kind: "confirmed" -> "denied" is a negation
    flip, not also an attribution change when the source stayed; a name changed, added or
    removed inside a source, or a count of sources that came or went with it, is told by
    the attribution change that shows the source.
    ``cancelled``: flips that cancelled out ("did not report a profit" -> "reported a
    loss"), whose verbs no attribution change tells either."""
    attributions = [c for c in changes if c.kind == "attribution"]
    if not attributions:
        return changes
    flips = [c for c in changes if c.kind == "negation" and c.action == "changed"]
    flips += cancelled
    told = [a for a in attributions if not any(_verb_flipped(a, f) for f in flips)]
    return [
        c
        for c in changes
        if (c.kind != "attribution" or c in told)
        and not (c.kind == "name" and any(_within(c, a) for a in told))
        # A source counted that came or went whole ("according to two officials"): one
        # attribution, not also a number.
        and not (
            c.kind == "number"
            and c.action != "changed"
            and any(a.action == c.action and _within(c, a) for a in told)
        )
    ]


def _verb_flipped(attribution: Change, flip: Change) -> bool:
    """Whether an attribution changed only by the verb a negation flip already shows
    ("Varga confirmed" -> "Varga denied", flip "confirmed" -> "denied"), or went or came
    with it ("The company reported" gone, flip "reported" -> "did not report")."""
    was, now, flip_was, flip_now = attribution.old, attribution.new, flip.old, flip.new
    if not (flip_was and flip_now):
        return False
    if not (was and now):
        # Gone or come with the flip of its own verb ("reported" -> "did not report"), not
        # with a verb that says something else ("denies" -> "accepts").
        if _stem(flip_was.split()[-1].lower()) != _stem(flip_now.split()[-1].lower()):
            return False
        return bool(_whole_word(was, flip_was) if was else _whole_word(now or "", flip_now))
    if not (_whole_word(was, flip_was) and _whole_word(now, flip_now)):
        return False
    return was.replace(flip_was, "", 1) == now.replace(flip_now, "", 1)


def _within(name: Change, attribution: Change) -> bool:
    """Whether a name change lies inside the sources an attribution change shows, as whole
    words: "Lee" -> "Kim" is not inside "a Leeds spokesman" -> "a Kimberley spokesman"."""
    return (name.old is None or bool(_whole_word(attribution.old or "", name.old))) and (
        name.new is None or bool(_whole_word(attribution.new or "", name.new))
    )
