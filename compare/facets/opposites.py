"""Words that say the opposite of each other: antonyms, verbs of one or the other, moves up and
down, words a prefix negates ("unarmed"); flips written into a word (``_prefix_flips``), and
what tells them from a clause that moved or went: the words that follow a word in its clause,
past an aside, and the senses that have no opposite ("opened fire", "a close race").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from compare.facets.base import _AUX_WORDS, _DETERMINERS, _change, _describe, _whole_word, _wordset
from compare.facets.figures import _CONTEXT_SKIP
from compare.facets.hedges import _HEDGE_TRIGGERS
from compare.facets.verbs import _same_verb
from compare.model import Change
from compare.text import lazy_pattern

#: Prefixes that negate a word ("unarmed", "illegal") when ``_negates`` says so; "non-"
#: ("non-violent") is tried on any word in ``_opposites``.
_NEGATIVE_PREFIXES = ("un", "in", "il", "im", "ir", "dis")
#: Opposites that say "not" without a prefix.
_ANTONYM_PAIRS: tuple[str, ...] = (
    "guilty innocent",
    "approved rejected",
    "approve reject",
    "approves rejects",
    "approving rejecting",
    # Verdicts and rulings: "was convicted" -> "was acquitted", "bail was refused" -> "granted".
    "conviction acquittal",
    "convictions acquittals",
    "granted denied",
    "granted refused",
    "granted rejected",
    "upheld rejected",
    "upheld dismissed",
    "upheld quashed",
    "upheld overturned",
    # Outcomes and directions: "survived" -> "died", "won" -> "lost", "rose" -> "fell".
    "alive dead",
    "winner loser",
    "winners losers",
    "profit loss",
    "profits losses",
    "gains losses",
    "positive negative",
    # Backing as a noun: "broad support" -> "broad opposition", "supporters" -> "opponents".
    "support opposition",
    "supporters opponents",
    # Around an unchanged figure: "closed up 3.2%" -> "closed down 3.2%", "0.4% lower".
    "up down",
    "higher lower",
    "beat missed",
    "beating missing",
    "lowest highest",
    "low high",
    "open closed",
    "true false",
    "succeeded failed",
    "passed failed",
    # Verdicts and comparisons around an unchanged figure or level: "the jury convicted" ->
    # "cleared", "faster than prices" -> "slower", "below flood level" -> "above".
    "convicted cleared",
    "faster slower",
    "quicker slower",
    "stronger weaker",
    "better worse",
    "above below",
)
#: Verbs that say the opposite of each other, form for form (the base form, "-s", the past,
#: "-ing"; a base form or an "-ing" is often a noun or an adjective that says the same: "a
#: fall in prices", "the close of trading", "an open door"). A form of one against another
#: form of the other ("closed" -> "opens") is a change of tense too, and not read as a flip.
_OPPOSITE_VERBS = (
    # One or the other: not the one is the other ("did not win" is "lost").
    ("open opens opened opening", "close closes closed closing"),
    ("reopen reopens reopened reopening", "close closes closed closing"),
    ("open opens opened opening", "shut shuts shut shutting"),
    ("win wins won winning", "lose loses lost losing"),
    ("accept accepts accepted accepting", "reject rejects rejected rejecting"),
    ("convict convicts convicted convicting", "acquit acquits acquitted acquitting"),
    ("survive survives survived surviving", "die dies died dying"),
    # The rest: "did not raise rates" need not be "lowered" them.
    ("raise raises raised raising", "lower lowers lowered lowering"),
    ("lift lifts lifted lifting", "impose imposes imposed imposing"),
    ("support supports supported supporting", "oppose opposes opposed opposing"),
    ("promote promotes promoted promoting", "relegate relegates relegated relegating"),
    ("allow allows allowed allowing", "ban bans banned banning"),
    ("permit permits permitted permitting", "ban bans banned banning"),
    ("widen widens widened widening", "narrow narrows narrowed narrowing"),
)
_ANTONYM_PAIRS += tuple(
    f"{a} {b}"
    for one, other in _OPPOSITE_VERBS
    for a, b in zip(one.split(), other.split(), strict=True)
)
#: Moves up and down, in each form ("jumped" -> "slumped", "a rise" -> "a fall"): any of
#: one against any of the other in the same form is a flip; a past participle counts as a
#: past ("has risen" -> "has fallen").
_MOVES = (
    (
        "rose risen climbed jumped gained rallied surged soared increased grew grown advanced",
        "fell fallen dropped slipped slumped declined tumbled plunged sank sunk decreased "
        "dipped slid lost shrank shrunk",
    ),
    (
        "rises climbs jumps gains rallies surges soars increases grows advances",
        "falls drops slips slumps declines tumbles plunges sinks decreases dips slides loses "
        "shrinks",
    ),
    (
        "rise climb jump gain rally surge soar increase grow",
        "fall drop slip slump decline tumble plunge sink decrease dip slide lose shrink",
    ),
    (
        "rising climbing jumping gaining rallying surging soaring increasing growing advancing",
        "falling dropping slipping slumping declining tumbling plunging sinking decreasing "
        "dipping sliding losing shrinking",
    ),
)


#: The base forms of the verbs of one or the other (the first seven of ``_OPPOSITE_VERBS``),
#: which a negation stands before ("did not win"): not the one says the other in any form.
_EITHER_OR_VERBS = frozenset(forms.split()[0] for pair in _OPPOSITE_VERBS[:7] for forms in pair)


def _antonym_table(
    pairs: Iterable[str], groups: Iterable[tuple[str, str]] = ()
) -> dict[str, frozenset[str]]:
    """Each word of the ``pairs`` ("won lost") with its opposites, and each word of a group
    of ``groups`` (("rose climbed", "fell dropped"): each word of one side is the opposite
    of each of the other) with the other side's, in one pass over them. (The moves spelt
    out as pairs were ~550 strings made, split and read at every start.)"""
    opposites: dict[str, set[str]] = {}
    for pair in pairs:
        a, b = pair.split()
        opposites.setdefault(a, set()).add(b)
        opposites.setdefault(b, set()).add(a)
    for group in groups:
        ones, others = (words.split() for words in group)
        for one in ones:
            opposites.setdefault(one, set()).update(others)
        for other in others:
            opposites.setdefault(other, set()).update(ones)
    return {word: frozenset(words) for word, words in opposites.items()}


_ANTONYMS = _antonym_table(_ANTONYM_PAIRS, _MOVES)
#: Opposites with a middle: the verbs after the first seven of ``_OPPOSITE_VERBS``, the
#: moves up and down, backing as a noun. Not the one is not the other ("will not raise
#: rates" -> "will lower rates", "did not rise" -> "will fall" flip).
_MIDDLE_OPPOSITES = _antonym_table(
    (
        *(
            f"{a} {b}"
            for one, other in _OPPOSITE_VERBS[7:]
            for a, b in zip(one.split(), other.split(), strict=True)
        ),
        "support opposition",
        "supporters opponents",
        "for against",
    ),
    _MOVES,
)
#: The sides one takes ("voted for" -> "voted against"): kept out of ``_ANTONYMS``, as
#: prepositions they are in most clauses and asides ("for example"), which the words with
#: an opposite tell apart (``_CLAUSE_WORDS``). Flipped only after the words of
#: ``_STANCE_BEFORE``: "insurance against floods" is "insurance for floods".
_STANCES = {"for": "against", "against": "for"}
_STANCE_BEFORE = _wordset(
    "vote votes voted voting argue argues argued arguing campaign campaigns campaigned "
    "campaigning lobby lobbies lobbied lobbying speak speaks spoke speaking rule rules ruled "
    "ruling decide decides decided deciding testify testifies testified testifying out is are "
    "was were be been being case cases argument arguments"
)
#: The order of two events ("ruptured shortly after 4 a.m." -> "before 4 a.m."): like the
#: sides, prepositions in most clauses, so flipped only between the same two words, the
#: thing before and the thing after (``_same_object``): "left before the vote and after
#: the count" -> "left after the count" moved a phrase, it turned nothing round.
_SEQUENCES = {"before": "after", "after": "before", "earlier": "later", "later": "earlier"}
#: Spans of time that may stand before an order of events with nothing after it in its
#: clause: "Two years later, the company collapsed" -> "Two years earlier" turned it round.
_TIME_SPANS = _wordset(
    "year years month months week weeks day days hour hours minute minutes second seconds "
    "decade decades moment moments"
)
#: Words after which a side is the second of a list, when the sentence takes a side before
#: it ("voted for the plan and against the budget").
_STANCE_LIST = _wordset("and but or")
_NEGATED_WORD = lazy_pattern(r"[a-z][a-z'-]*")
_ANTONYM_WORDS = frozenset(_ANTONYMS)
#: A word with a negative prefix, the rest of it in group 1, in words joined by spaces (the
#: space first: a regex that starts with a character searches faster).
_PREFIXED = lazy_pattern(rf" (?:{'|'.join(_NEGATIVE_PREFIXES)})([a-z]{{3,}})")


def _may_flip_by_prefix(differing: set[str], joined: str, texts: tuple[str, str]) -> bool:
    """Whether the differing words (lower case; ``joined``: them joined by spaces) hold a
    word and its negative ("armed", "unarmed"), or opposites ("guilty", "innocent"), or a
    word whose opposite stands in both of ``texts`` (the two sentences): a cheap test before
    reading places."""
    if differing.isdisjoint(_FLIP_WORDS):
        # None of the words the tests below look up: only a prefixed word is left to find
        # (~2.6M instructions less over the 482 reworded pairs of the 2,000-paragraph pair
        # of benchmarks/speed.py, most of which hold none).
        return not differing.isdisjoint(_PREFIXED().findall(" " + joined))
    if "non" in differing:
        return True
    new = texts[1].lower()
    if not _ANTONYM_WORDS.isdisjoint(differing):
        for word in _ANTONYM_WORDS.intersection(differing):
            opposites = _ANTONYMS[word]
            if not opposites.isdisjoint(differing):
                return True
            # "open and closed" -> "closed and closed": the opposite was there already, so no
            # word set says it differs; nor its count, when it stood twice ("rose in London
            # but fell in Paris, where bonds also fell" -> "fell in Paris and fell in London,
            # as did bonds"). Reading places tells a flip from a clause that went.
            if any(_whole_word(new, o) for o in opposites):
                return True
    for word in differing.intersection(_STANCES):
        if _whole_word(new, _STANCES[word]):
            return True
    for word in differing.intersection(_SEQUENCES):
        if _whole_word(new, _SEQUENCES[word]):
            return True
    # The same for a word and its negative ("armed ... and unarmed" -> "unarmed ... and
    # unarmed").
    # (Its words as a frozenset: a set's intersection with a dict walks all of the dict's
    # ~230 words, with a set only the few differing ones: ~5M instructions over the
    # 2,000-paragraph pair's ~480 reworded pairs.)
    for word in differing.intersection(_PREFIX_OPPOSITE_WORDS):
        if _whole_word(new, _PREFIX_OPPOSITES[word]):
            return True
    # (A regex over the words joined finds the prefixed ones faster than a loop over them.)
    return not differing.isdisjoint(_PREFIXED().findall(" " + joined))


def _prefix_flips(old: str, new: str, sentence: int) -> list[Change]:
    """Negations written into a word: "was armed" -> "was unarmed", "found guilty" ->
    "found innocent"; the two words must follow the same word ("a" and "an" alike). A word
    that still stands with the words that followed it took no opposite: its clause moved
    ("Sales rose in France and fell in Spain" -> "Sales fell in Spain and rose in France");
    nor did one whose clause was dropped, its opposite's moving up (``_clause_dropped``)."""
    places_old, places_new = _word_places(old), _word_places(new)
    lower_old, lower_new = old.lower(), new.lower()
    new_words = {w for _, w in places_new}
    changes: list[Change] = []
    # Counted: "found guilty of fraud, was found innocent of theft" -> "... found guilty of
    # theft" turned one of two, though "found guilty" stood on each side.
    # In reading order: a set's order changes with the hash seed, and so did the changes'.
    gone = sorted(places_old - places_new, key=lambda place: (lower_old.find(place[1]), place))
    for before, word in gone:
        if word in _HEDGE_TRIGGERS:
            continue  # "likely" -> "unlikely", "confirmed" -> "unconfirmed": hedges
        if word in _STANCES and not (
            (before in _STANCE_BEFORE or (before in _STANCE_LIST and _takes_sides(places_old)))
            and _same_object(word, _STANCES[word], before, (lower_old, lower_new))
        ):
            continue  # "insurance against floods" -> "for floods": no side taken
        if word in _SEQUENCES:
            other = _SEQUENCES[word]
            if places_new[before, other] > places_old[before, other] and (
                _same_object(word, other, before, (lower_old, lower_new))
                or (
                    before in _TIME_SPANS
                    and _no_object(word, other, before, (lower_old, lower_new))
                )
            ):
                detail = _describe("changed", "order of events turned round", word, other)
                changes.append(_change("negation", "changed", word, other, sentence, detail))
            continue
        # The opposite that comes first in the new text (a set's order changes with the
        # hash seed: "upheld" -> "quashed ... dismissed" told either). One that is no word of
        # the new text follows no word there (``_follows_same_word``): it is not sought.
        opposites = _opposites_among(word, new_words)
        for other in sorted(opposites, key=lambda w: (lower_new.find(w), w)):
            if (
                _follows_same_word(before, other, places_old, places_new)
                and other not in _HEDGE_TRIGGERS
                and not _coordinated(word, other, lower_old, lower_new)
                and not _other_sense(word, lower_old, before)
                and not _other_sense(other, lower_new, before)
                and not _stands_with_what_followed(word, lower_old, lower_new, before)
                and not _clause_dropped(word, other, (lower_old, lower_new), before)
            ):
                detail = _describe("changed", "negation flipped", word, other)
                changes.append(_change("negation", "changed", word, other, sentence, detail))
                break
    return changes


def _follows_same_word(
    before: str,
    other: str,
    places_old: Counter[tuple[str, str]],
    places_new: Counter[tuple[str, str]],
) -> bool:
    """Whether ``other`` follows ``before`` more often in the new text than in the old, or
    another form of the verb ``before`` is ("did not close higher" -> "closed lower")."""
    if places_new[before, other] > places_old[before, other]:
        return True
    return len(before) > 2 and any(
        w == other and b != before and count > places_old[b, w] and _same_verb(b, before)
        for (b, w), count in places_new.items()
    )


def _takes_sides(places: Counter[tuple[str, str]]) -> bool:
    """Whether a text (its ``_word_places``) takes a side: "for" or "against" after one of
    ``_STANCE_BEFORE``."""
    return any(word in _STANCES and before in _STANCE_BEFORE for before, word in places)


def _objects(text: str, said: str, before: str) -> set[str]:
    """The first word (a determiner passed over) that follows each ``said`` after
    ``before`` in lower-case ``text``, "" where nothing follows in its clause."""
    return {
        next((w for w in _words_following(text, at + len(said)) if w not in _DETERMINERS), "")
        for at in _whole_word(text, said)
        if _word_before(text, at) == before
    }


def _no_object(word: str, other: str, before: str, texts: tuple[str, str]) -> bool:
    """Whether ``word`` after ``before`` in the old text (``texts``: both, lower case) and
    ``other`` after it in the new end their clauses: "Two years later, the company" ->
    "Two years earlier, the company"."""
    return _objects(texts[0], word, before) == {""} == _objects(texts[1], other, before)


def _same_object(word: str, other: str, before: str, texts: tuple[str, str]) -> bool:
    """Whether the word that follows ``word`` after ``before`` in the old text (``texts``:
    both, lower case), a determiner passed over, follows ``other`` after it in the new: the
    side taken on the same thing ("voted for the plan" -> "voted against the plan"), not a
    phrase moved ("campaigned for years against the plan" -> "campaigned against the plan
    for years")."""
    return not (_objects(texts[0], word, before) & _objects(texts[1], other, before)) <= {""}


def _cancelled(
    changes: list[Change], flips: list[Change], texts: tuple[str, str]
) -> tuple[list[Change], list[Change], list[Change]]:
    """``changes`` and ``flips`` (those of ``_prefix_flips``) less the pairs of a negation
    flip and a word turned into its opposite in one clause, which say the same thing twice
    over: "did not make a loss" -> "made a profit", "made a loss" -> "did not make a
    profit"; then those pairs. Not an opposite with a middle ("did not see a rise" -> "saw
    a fall": ``_MIDDLE_OPPOSITES``). ``texts``: the two sentences."""
    gone: list[Change] = []
    for flip in flips:
        if flip.old is None or flip.new is None:
            continue
        if flip.new.lower() in _MIDDLE_OPPOSITES.get(flip.old.lower(), ()):
            continue
        for change in changes:
            if (
                change.kind == "negation"
                and change.old
                and change.new
                and all(change is not g for g in gone)
                and _one_clause(change.old, flip.old, texts[0])
                and _one_clause(change.new, flip.new, texts[1])
            ):
                gone += [change, flip]
                break
    if not gone:
        return changes, flips, gone
    kept = [c for c in changes if all(c is not g for g in gone)]
    return kept, [f for f in flips if all(f is not g for g in gone)], gone


#: How many words may stand between a negation and the opposite it cancels.
_CLAUSE_GAP = 3


def _one_clause(words: str, other: str, text: str) -> bool:
    """Whether ``words`` and ``other`` stand in ``text`` within ``_CLAUSE_GAP`` words of each
    other, in either order, with no clause mark or verb of another clause between ("did not
    make a loss", not "did not say the man was armed")."""
    lower = text.lower()
    for at in _whole_word(lower, words.lower()):
        for other_at in _whole_word(lower, other.lower()):
            if other_at >= at + len(words):
                between = lower[at + len(words) : other_at]
            elif at >= other_at + len(other):
                between = lower[other_at + len(other) : at]
            else:
                continue
            gap = between.split()
            if (
                len(gap) <= _CLAUSE_GAP
                and not _CLAUSE_MARK().search(between)
                and _NEW_CLAUSE.isdisjoint(gap)
            ):
                return True
    return False


#: Words that open another clause between a negation and an opposite: "did not say the man
#: was armed" -> "said the man was unarmed" is no double flip.
_NEW_CLAUSE = _AUX_WORDS | _wordset("being that which who whom whether if")


#: Opening and closing, in the forms of ``_OPPOSITE_VERBS``.
_OPEN_CLOSE = frozenset(
    word for one, other in _OPPOSITE_VERBS[:3] for word in (*one.split(), *other.split())
)
#: What after opening or closing gives it a sense with no opposite there: "opened fire",
#: "closing in on", and a market's open and close told by its move ("opened higher" ->
#: "closed higher", "closed down 2%": another time of the day, not the opposite), a word of
#: degree or the size of the move before it ("closed sharply lower", "opened 2% higher",
#: "closed up $12"), or where it stood ("closed in the red", "opened at a record high",
#: "closed above 7,000", "closed the session up 1%"). A time or a level alone is no sign:
#: "The gates open at noon" -> "close at noon" flips.
_OPEN_CLOSE_SENSE = lazy_pattern(
    r"\s+(?:fire|in\s+on"
    r"|(?:the\s+(?:session|day|week|month|year)\s+)?"
    r"(?:(?:sharply|slightly|mostly|nearly|almost|marginally|modestly|broadly|firmly|solidly"
    r"|steeply|largely|little|just|well|about|around|some|over|a\s+touch)\s+)?"
    r"(?:[$€£¥]?[\d.,]+\s*(?:%|per\s*cent|percent|points?|cents?|pence)?\s+)?"
    r"(?:higher|lower|flat|unchanged|changed|mixed|weaker|stronger|firmer|softer"
    r"|(?:up|down)\s+(?:by\s+)?[$€£¥]?[\d.,]+"
    r"|in\s+(?:the\s+)?(?:red|green|black|negative|positive)"
    r"|at\s+(?:a\s+)?(?:record|fresh|new)\s+(?:high|low)"
    r"|(?:above|below)\s+[$€£¥]?\d))\b"
)
#: "close" the adjective: "close to a deal", "close by"; not the verb before whom a road
#: closes to or a time ("close to traffic", "close by 5pm").
_NEAR_SENSE = lazy_pattern(
    r"\s+(?:to|by)\b(?!\s+(?:the\s+)?(?:traffic|public|visitors|vehicles|cars|lorries|trucks"
    r"|shipping|pedestrians|cyclists|tourists|spectators|fans|new\s|\d))"
)
#: Words after which "close" is the verb: "will close to traffic", "set to close".
_VERB_BEFORE = _wordset("will would can could may might must shall should to do does did")
#: Words after which "close" is the adjective ("a close race", "remains close", "very close
#: friends"): near, or narrow, never the opposite of "open" ("a close contest" -> "an open
#: contest" is no flip; "the close" of trading is the noun, and is).
_CLOSE_ADJECTIVE_AFTER = _wordset(
    "a is are was were be been being remain remains remained remaining stay stays stayed "
    "seem seems seemed look looks looked appear appears appeared very too so as fairly "
    "extremely relatively remarkably increasingly uncomfortably dangerously"
)


def _other_sense(word: str, text: str, before: str) -> bool:
    """Whether ``word``, where it stands after ``before`` in ``text`` (lower case), has a
    sense that its opposites do not share (see ``_OPEN_CLOSE_SENSE``)."""
    if word not in _OPEN_CLOSE:
        return False
    if word == "close" and before in _CLOSE_ADJECTIVE_AFTER:
        return True
    for at in _whole_word(text, word):
        if _word_before(text, at) != before:
            continue
        end = at + len(word)
        if _OPEN_CLOSE_SENSE().match(text, end) or (
            word == "close" and before not in _VERB_BEFORE and _NEAR_SENSE().match(text, end)
        ):
            return True
    return False


def _coordinated(word: str, other: str, old: str, new: str) -> bool:
    """Whether ``word`` and its opposite are joined by "and" or "or" in both texts (lower
    case), in either order, and stand as often elsewhere in each: "open and closed
    hearings" -> "closed and open hearings" says the same of the same thing, the pair only
    turned round; "..., and the archive will be open" -> "... closed" is a flip all the same."""
    joined = [
        f"{first} {joiner} {second}"
        for first, second in ((word, other), (other, word))
        for joiner in ("and", "or")
    ]
    elsewhere = []
    for text in (old, new):
        if not any(_whole_word(text, phrase) for phrase in joined):
            return False
        for phrase in joined:
            text = text.replace(phrase, " ")
        elsewhere.append((len(_whole_word(text, word)), len(_whole_word(text, other))))
    return elsewhere[0] == elsewhere[1]


#: What ends the words that follow a word in its clause: a mark, or a word that opens
#: another clause ("rose in France" in "rose in France and fell in Spain").
_CLAUSE_MARK = lazy_pattern(r"[,;:()\"]|\.(?!\d)")
_CLAUSE_OPENERS = _wordset("and but or while whereas although though as after before when")
#: Words that join two verbs of one subject ("rose in France and fell in Spain").
_VERB_JOINERS = _wordset("and but or while whereas yet then")
#: How many words after a word are read.
_FOLLOWING_WORDS = 8
#: How many words an aside set off by commas or dashes may have ("however", "as the finance
#: chief had warned"): a mark further off is read as ending a clause.
_ASIDE_WORDS = 12
#: What an aside cannot hold: a mark that ends a clause, or a bracket or a quotation.
_NOT_IN_ASIDE = frozenset(';:()"')
#: Dashes that set an aside off once spaced (normalising writes them all so).
_ASIDE_DASHES = frozenset(["-", "--"])
#: Words with an opposite that make a run of words a clause, not an aside: all but "up"
#: and "down", mostly the particles of other verbs ("which traders had bid up").
_CLAUSE_WORDS = _ANTONYM_WORDS - _wordset("up down")


def _stands_with_what_followed(word: str, own: str, other: str, before: str) -> bool:
    """Whether ``word`` (a verb or an adjective), where it stood after ``before`` in ``own``,
    stands in ``other`` with the words that followed it (both lower case), after "and",
    "but" or a comma on one side, the
    verb of a subject that has two ("Sales rose in France and fell in Spain" -> "Sales fell
    in Spain and rose in France"): what it says is said of the same thing, its clause only
    moved. The words that follow on one side start those of the other ("rose in France" and
    "rose in France last quarter"), a content word among them; nothing after it is no sign,
    nor another subject before it ("oil rose 2% and gas fell 2%" -> "oil fell 2% and gas
    rose 2%")."""
    # Only where it went from: a twin that stayed says nothing of it ("fell in London and
    # fell in Paris" -> "rose in London and fell in Paris").
    followed = [
        (_words_following(own, at + len(word)), _after_joiner(own, at))
        for at in _whole_word(own, word)
        if _word_before(own, at) == before
    ]
    for at in _whole_word(other, word):
        there, joined = _words_following(other, at + len(word)), _after_joiner(other, at)
        for here, joined_here in followed:
            shared = min(len(here), len(there))
            if (
                (joined or joined_here)
                and here[:shared] == there[:shared]
                and not _CONTEXT_SKIP.issuperset(here[:shared])
            ):
                return True
    return False


def _clause_dropped(word: str, other: str, texts: tuple[str, str], before: str) -> bool:
    """Whether ``word``'s clause went rather than ``word`` turned into ``other``, its opposite,
    which now stands where it stood after ``before`` (``texts``: the two sentences, lower
    case): ``other`` came there only as its own clause moved up ("Shares rose in London but
    fell in Paris, where bonds also fell" -> "Shares fell in Paris, as did bonds" says nothing
    of London), or it stands as often on each side and ``word`` nowhere now ("Prices rose in
    May, then fell" -> "Prices fell"), and the other way round. Not when the words that
    followed ``word`` follow ``other`` now ("rose in France and fell in Spain" -> "fell in
    Spain and fell in France")."""
    old, new = texts
    followed = [
        _words_following(old, at + len(word))
        for at in _whole_word(old, word)
        if _word_before(old, at) == before
    ]
    for at in _whole_word(new, other):
        there = _words_following(new, at + len(other))
        for here in followed:
            shared = min(len(here), len(there))
            if here[:shared] == there[:shared] and not _CONTEXT_SKIP.issuperset(here[:shared]):
                return False
    if _stands_with_what_followed(other, new, old, before):
        return True
    # (Counted as whole words with their hyphens: "non-violent" holds no "violent".)
    words_old, words_new = _NEGATED_WORD().findall(old), _NEGATED_WORD().findall(new)
    came, went = set(words_new).difference(words_old), set(words_old).difference(words_new)
    # Unless another opposite came or went with it: "Gold rose, and silver fell" -> "Gold
    # fell, and silver slipped" flips.
    if word not in words_new and words_old.count(other) == words_new.count(other):
        return came.isdisjoint(_opposites(word))
    # The other way round: a clause came, its opposite before the word that stays ("Prices
    # fell" -> "Prices rose in May, then fell").
    if other not in words_old and words_old.count(word) == words_new.count(word):
        return went.isdisjoint(_opposites(other))
    return False


def _word_before(text: str, start: int) -> str:
    """The word before ``start`` in lower-case ``text`` as ``_word_places`` reads it ("" at
    the start)."""
    words = _NEGATED_WORD().findall(text, max(0, start - 40), start)
    return ("a" if words[-1] == "an" else words[-1]) if words else ""


def _words_following(text: str, end: int) -> list[str]:
    """The words after ``end`` in its clause (see ``_CLAUSE_MARK``), at most
    ``_FOLLOWING_WORDS``, past an aside that opens there ("fell, as expected, in Spain":
    "in Spain")."""
    end = _past_aside(text, end)
    clause = _CLAUSE_MARK().split(text[end : end + 80], 1)[0]
    words: list[str] = []
    for word in clause.split()[:_FOLLOWING_WORDS]:
        if word in _CLAUSE_OPENERS:
            break
        words.append(word)
    return words


def _after_joiner(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows "and", "but" or another of ``_VERB_JOINERS``,
    or a comma, with no subject of its own between: "rose in France and fell", "rose in
    France, fell", "and, by contrast, fell". An aside set off by commas or dashes is passed
    over, and what stands before it is read: in "; costs, however, fell" and "and costs -
    as the finance chief had warned - fell" it is a new subject, and the verb is that
    subject's; in "Sales fell in Spain, as expected, rose" the clause before it has a verb
    with an opposite, and the comma that opens the aside joins the next verb to it."""
    before = text[max(0, start - 150) : start].split()
    if not before:
        return False
    last = before[-1]
    closing = "," if last.endswith(",") and last[:-1] not in _ANTONYM_WORDS else last
    if closing == "," or closing in _ASIDE_DASHES:
        opening = _aside_opening(before, closing)
        if opening is not None:
            # What stands before the aside: the word the comma ends, or the one before a dash.
            if closing == ",":
                last = before[opening][:-1]
                if _has_clause_word(before[: opening + 1]):
                    return True
            else:
                last = before[opening - 1] if opening else ""
    return last in _VERB_JOINERS or last.endswith(",")


def _has_clause_word(words: list[str]) -> bool:
    """Whether the clause that ``words`` end (the last ends with the comma that opens an
    aside) holds one of ``_CLAUSE_WORDS``: back to a clause mark, another comma or a word
    that opens a clause ("Sales fell in Spain," holds "fell"; "; costs," and "and costs,"
    none)."""
    for index in range(len(words) - 1, max(-1, len(words) - 1 - _ASIDE_WORDS), -1):
        word = words[index]
        if index < len(words) - 1 and (
            word.endswith(",") or not _NOT_IN_ASIDE.isdisjoint(word) or word in _CLAUSE_OPENERS
        ):
            return False
        if word.rstrip(",.") in _CLAUSE_WORDS:
            return True
    return False


def _aside_opening(words: list[str], closing: str) -> int | None:
    """Where the aside that the last of ``words`` closes opens: the index of the word that
    ends with its opening comma, or of its opening dash; none when one of ``_CLAUSE_WORDS``,
    a clause mark or more than ``_ASIDE_WORDS`` words come first, which make it a clause
    ("In May, sales rose in France, fell")."""
    for opening in range(len(words) - 2, max(-1, len(words) - 2 - _ASIDE_WORDS), -1):
        word = words[opening]
        if word.endswith(",") if closing == "," else word == closing:
            return opening
        if word in _CLAUSE_WORDS or not _NOT_IN_ASIDE.isdisjoint(word):
            return None
    return None


def _past_aside(text: str, end: int) -> int:
    """Where the words after ``end`` go on past an aside that opens there, set off by commas
    or spaced dashes ("fell, as expected, in Spain": at "in"); ``end`` when none does."""
    if text.startswith(",", end):
        opening = end + 1
        closing = text.find(",", opening, opening + 150)
        # Not the comma of a figure ("fell, by 1,000 units, in Spain"); none found is none
        # (a search from -1 would start again at the text's first comma, and never end).
        while (
            closing != -1
            and text[closing - 1 : closing].isdigit()
            and text[closing + 1 : closing + 2].isdigit()
        ):
            closing = text.find(",", closing + 1, opening + 150)
        mark = ","
    elif text.startswith((" - ", " -- "), end):
        mark = " - " if text.startswith(" - ", end) else " -- "
        opening = end + len(mark)
        closing = text.find(mark, opening, opening + 150)
    else:
        return end
    if closing == -1:
        return end
    aside = text[opening:closing].split()
    if (
        not aside
        or len(aside) > _ASIDE_WORDS
        or not _CLAUSE_WORDS.isdisjoint(aside)
        or not _NOT_IN_ASIDE.isdisjoint(text[opening:closing])
    ):
        return end
    return closing + len(mark)


def _word_places(text: str) -> Counter[tuple[str, str]]:
    """Each word of a text (lower case, hyphens kept) with the word before it, and how often
    the two stand so."""
    words = _NEGATED_WORD().findall(text.lower())
    return Counter(("a" if b == "an" else b, w) for b, w in zip(["", *words], words, strict=False))


def _opposites(word: str) -> list[str]:
    """The words that say the opposite of ``word``: it without a negative prefix, it with
    one, or its antonym."""
    found = [p + word for p in (*_NEGATIVE_PREFIXES, "non-") if _negates(p + word)]
    for prefix in (*_NEGATIVE_PREFIXES, "non-"):
        stem = word[len(prefix) :]
        if word.startswith(prefix) and len(stem) >= 3 and _negates(word):
            found.append(stem)
    found.extend(_ANTONYMS.get(word, ()))
    if word in _STANCES:
        found.append(_STANCES[word])
    return found


def _opposites_among(word: str, words: set[str]) -> list[str]:
    """``[w for w in _opposites(word) if w in words]``, in that order, without asking
    ``_negates`` of a prefixed word that is not among ``words``: most words that went hold
    no opposite in the new text (~4M instructions over the five pairs of the 2,000-paragraph
    pair of benchmarks/speed.py whose words may flip, each word tried with seven prefixes)."""
    prefixes = (*_NEGATIVE_PREFIXES, "non-")
    found = [p + word for p in prefixes if p + word in words and _negates(p + word)]
    for prefix in prefixes:
        stem = word[len(prefix) :]
        if word.startswith(prefix) and len(stem) >= 3 and stem in words and _negates(word):
            found.append(stem)
    found.extend(w for w in _ANTONYMS.get(word, ()) if w in words)
    if word in _STANCES and _STANCES[word] in words:
        found.append(_STANCES[word])
    return found


def _negates(prefixed: str) -> bool:
    """Whether a word's negative-looking prefix negates the rest ("unsure", "distrust"):
    always for "non-" ("non-violent"), else only for ``_PREFIX_NEGATIONS`` in any of their
    forms ("distrusted")."""
    if prefixed.startswith("non-"):
        return True
    root = _root(prefixed)
    return bool({prefixed, root, root + "e"} & _PREFIX_NEGATIONS)


def _root(word: str) -> str:
    """A word without its ending ("formed" -> "form"), to look it up in a short list."""
    for ending in ("ing", "ed", "es", "s", "d"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


#: Common words whose negative prefix says "not" the rest, mostly adjectives and
#: participles. Listed, not guessed from the prefix: most prefixed words are other words
#: ("inform", "discover"), say more than "not" ("infamous", "invaluable"), or name another
#: thing ("unemployment" is no negated "employment", nor "unofficial figures" a flip).
_PREFIX_NEGATIONS = _wordset(
    """
    unarmed unsafe illegal unlawful unsure distrust uncounted unconscious unclear unknown
    unidentified unaware unable unfair unjustified unwarranted unfounded unpaid unharmed
    unhurt uninjured uncharged unaccompanied unopposed uncontested undisputed unresponsive
    unstable untrue unfit unhappy unpopular unqualified unregulated unlicensed uninsured
    unvaccinated unemployed unconstitutional unacceptable unsuccessful unavailable
    unreliable unconfirmed unverified unlikely unprovoked unsecured unpublished unsigned
    unsolved unresolved untested untreated undetected unreported unaffected unnamed
    unauthorised unauthorized unsupervised unprotected uninhabited unoccupied unattended
    unannounced unsustainable unsanitary unreasonable unnecessary unwilling unwelcome
    incompetent inaccurate incorrect incomplete inadequate insufficient ineffective
    inactive invalid ineligible inappropriate incapable inconsistent inconclusive
    insecure intolerable inaccessible inconvenient indecisive illegitimate illegible
    irresponsible irregular irrelevant irreversible immoral impossible impractical
    impartial imperfect immature immobile dishonest disloyal disagree disapprove dislike
    disobey disqualify dissatisfied disconnected disorganised disorganized disabled
    """
)
#: Each of those words and the word it negates, both ways ("unarmed": "armed", "armed":
#: "unarmed").
_PREFIX_OPPOSITES = {
    pair[i]: pair[1 - i]
    for word in _PREFIX_NEGATIONS
    for prefix in _NEGATIVE_PREFIXES
    if word.startswith(prefix) and len(word) - len(prefix) >= 3
    for pair in ((word, word[len(prefix) :]),)
    for i in (0, 1)
}
#: The words of ``_PREFIX_OPPOSITES``.
_PREFIX_OPPOSITE_WORDS = frozenset(_PREFIX_OPPOSITES)
#: Every word that ``_may_flip_by_prefix`` looks up before its prefixed words.
_FLIP_WORDS = frozenset({"non", *_ANTONYM_WORDS, *_STANCES, *_SEQUENCES, *_PREFIX_OPPOSITE_WORDS})
