"""N-way comparison: several outlets' coverage of one event, claim by claim.

Every sentence of every document but its credit lines and its newsroom notes is grouped into
*claims*: one claim, however each outlet words it. A correction, clarification or editor's
note says something about the article, not about the event: it is listed apart, per outlet
(``Coverage.notes``); so is an update that says only that the article changed ("This story
has been updated with comment from the mayor."). An update that carries news ("Update (3
p.m.): Police have reopened one lane") stays a claim, as other outlets report the same, and
is listed among the notes too, with the claims that hold it. Grouping is lexical and built
to survive rewording:

1. Each sentence becomes a set of normalised content tokens: case-folded, lightly stemmed,
   numbers written as digits ("four" and "4" are one token), words newsrooms swap for one
   another mapped to one form ("hurt", "injured"), a name spelt out where an outlet writes
   its acronym made that acronym ("National Transportation Safety Board", "NTSB"), stop
   words and attribution verbs dropped. Each token is weighted by how rare it is across
   all sentences (IDF), so shared rare words, names and figures count most.
2. Candidates come from blocking, not all pairs: every token is indexed, and a sentence
   looks up only its rarest ones that another outlet also uses, so it meets the sentences
   of other outlets that share them (the best three per outlet) and 10 outlets x 240
   sentences stay well under a second.
3. A candidate pair is scored by IDF-weighted overlap (Dice and containment) blended with
   rapidfuzz's token-set ratio; a figure one outlet changed does not count against the pair.
4. Pairs are merged greedily, best first, into groups that hold at most one sentence per
   document; a merge must also be supported on average by the core of both groups, so a
   chain of loose matches cannot glue two claims together. A sentence left alone whose
   words another outlet's sentence holds almost entirely (a trimmed version) joins that
   claim; a sentence that holds two claims (an outlet merged or split sentences) is a
   secondary member of the second.
5. Numbers, quotes, negation and who did what to whom are checked separately (with
   ``compare/facets.py``): they barely move a fuzzy score, and they are what readers care
   about. Members that disagree stay in one claim and the disagreement is recorded ("four
   cracks" in four outlets, "three cracks" in one; "The city sued the contractor" in one,
   "The contractor sued the city" in another). A sentence that says no one was hurt
   (killed, arrested, missing) joins the claim that counts them in other outlets: "No
   injuries were reported" / "Two people suffered minor injuries" is one disputed fact.

A document that shares too little with the others (the same topic on another day) is set
aside as probably another story, unless ``force`` is given.

A sentence's words and figures are read in ``compare/claimwords.py``; the rules for harm
tolls (denied by one outlet, counted by another) and for dates that may both hold are in
``compare/disputes.py``. Both are imported here and never import this module.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING, Literal, cast

from compare.claimwords import (
    _GRAVE,
    _GRAVE_HINT,
    _GRAVE_TOKEN,
    _NEGATIONS,
    _NUMBER_WORDS,
    _PERCENT,
    _SAME,
    _SCALES,
    _STOP,
    _WORD,
    _apart,
    _clock_joints,
    _format_number,
    _grave_starts,
    _name_places,
    _Number,
    _numbers,
    _of_a_whole,
    _plural_noun,
    _Sentence,
    _stem,
    clock_times,
)
from compare.datelines import DATELINE_HEAD, UPPER, opening_dateline
from compare.disputes import (
    _DAY_WORDS,
    _HARM,
    _HARM_KINDS,
    _HARM_LEADS,
    _MORE_AFTER,
    _MORE_BEFORE,
    _another_time,
    _change_against_level,
    _date_left_out,
    _day_words,
    _days_of_two_events,
    _figure_run,
    _figure_word,
    _harm_counts,
    _harm_dispute,
    _harm_said,
    _harm_told,
    _hours_rounded,
    _join_denials,
    _join_split_tolls,
    _maybe_one_day,
    _names_a_speaker,
    _names_in,
    _negated_alike,
    _negation_left_out,
    _other_speakers,
    _over_a_period,
    _parts_of_a_tally,
    _ranks_of_two_things,
    _rounded_from,
    _speaker_names,
    _split_toll_dispute,
    _turned,
    _within_bound,
    is_negation,
    negation_count,
    without_groups,
)
from compare.errors import InputError, StorydiffError
from compare.gcpause import paused_gc
from compare.model import Change, Document, LoadOptions
from compare.notes import is_credit_line, notes_in, of_the_article, tells_the_news
from compare.text import (
    CJK,
    _word_set,
    has_cjk,
    join_sentences,
    lazy_pattern,
    match_key,
    normalize,
)

if TYPE_CHECKING:  # (the facets are imported where they run)
    from compare.facets.figures import Number as FacetNumber

#: How an outlet carries a claim.
CellStatus = Literal["verbatim", "reworded", "absent"]

#: What kind of fact two outlets disagree on.
DisagreementKind = Literal["number", "quote", "negation", "roles", "status", "attribution"]

#: What kind of note a newsroom put on its article (see ``compare.notes.note_kind``).
NoteKind = Literal["correction", "clarification", "update", "editor's note"]


@dataclass(frozen=True)
class CoverageOptions:
    """Everything that tunes a multi-outlet comparison; built once by the CLI or the caller."""

    claim_threshold: float = 0.45
    """0..1: sentence pairs less alike than this are never linked into one claim."""
    support: float = 0.35
    """0..1: a merge of two groups needs this mean similarity between their cores (the
    first four members of each, which joined on their best links)."""
    reuse_ratio: float = 0.9
    """0..1: sentence pairs at least this alike, character by character, count as copied."""
    min_shared: float = 0.35
    """0..1: an input sharing less than this share of its claims with every other input
    is set aside as probably another story."""
    force: bool = False
    """Keep every input in the matrix, even one that looks like another story."""
    labels: tuple[str | None, ...] = ()
    """Outlet names in input order; ``None`` or missing means the page's site name."""
    facets: bool = True
    """Look for facts the outlets disagree on (numbers, quotes, negation, roles, status,
    attribution)."""


@dataclass(frozen=True)
class ClaimMember:
    """One outlet's sentence that carries a claim."""

    doc: int
    """Index into ``Coverage.documents``."""
    paragraph: int
    """Paragraph index in that document."""
    sentence: int
    """Sentence index within the paragraph: the first, for a quotation that runs over
    several sentences (one member: see _quotations)."""
    text: str
    """The sentence as the outlet wrote it (a quotation over several: all of them)."""
    status: CellStatus
    """``verbatim`` (same words as the representative) or ``reworded``."""
    similarity: float
    """0..1: how alike it is to the representative wording."""
    shared: bool = False
    """A secondary member: a sentence that also carries another claim (the outlet merged two
    sentences into one), the second half of a sentence the outlet split in two, or the
    outlet saying the fact again (a standfirst repeating its lede)."""


@dataclass(frozen=True)
class Disagreement:
    """A fact on which the outlets carrying one claim disagree."""

    kind: DisagreementKind
    """``number``, ``quote``, ``negation``, ``roles`` (two parties traded places round a
    verb: "The city sued the contractor" / "The contractor sued the city"), ``status`` (a
    person's standing: "charged with murder" / "charged with manslaughter", "in a critical
    condition" / "in a stable condition"; see compare/facets/status.py) or
    ``attribution`` (one statement credited to different people by name: "Fire chief Dana
    Whitlock said" / "Mayor Teodor Brask said")."""
    subject: str
    """The fact as the member stating the most figures and quotes words it (the
    representative wording, unless another member states more): "four sources", the quoted
    words, the parties and their verb, the status phrase; empty for negations, but for a word
    turned into its
    opposite the representative's word ("fell" / "rose"); ``injured``, ``killed``,
    ``arrested`` or ``missing`` when outlets disagree on whether anyone was (values such as
    "2 injured" / "no one injured"); for attribution, who the representative credits."""
    values: tuple[tuple[int, str], ...]
    """``(document, what it says)`` for every outlet that states the fact."""
    detail: str
    """A short human description ("four cracks (Wire, Gazette) / three cracks (Ledger)")."""
    words: tuple[tuple[int, str], ...] = ()
    """``(document, its own words)`` for an outlet that states its side's value in other
    words ("Around 2,300 residents" on the side of "About 2,300 people")."""

    def sides(self) -> list[list[tuple[str, list[int]]]]:
        """The sides in the order first stated, each as its wordings with the documents
        that use each: ``[[("About 2,300 people", [0]), ("Around 2,300 residents", [1])],
        [("About 3,000 people", [2])]]``."""
        return _sides(self.values, dict(self.words))

    @property
    def label(self) -> str:
        """What the views call it: the kind, but "date" or "time" for a figure that is one
        ("at least Friday" / "at least Thursday"), as the pairwise views do, "opposite"
        for a word turned into its opposite ("fell" / "rose"), a negation without a "not",
        and what of a status ("charge", "legal stage", "post")."""
        if self.kind == "negation" and self.subject:
            return "opposite"
        if self.kind == "status":  # what of it: "charge", "legal stage", "post"
            from compare.facets import status

            return status.label([value for _, value in self.values])
        if self.kind != "number" or self.subject in _HARM_KINDS:
            return self.kind
        from compare.facets import sentence_facets  # (imported where facets run)

        kinds = {n.kind for _, value in self.values for n in sentence_facets(value).numbers}
        return kinds.pop() if kinds in ({"date"}, {"time"}) else self.kind


@dataclass(frozen=True)
class AgentLeftOut:
    """Who did harm, named by some outlets carrying a claim and left out by others, who say
    it was done ("Police shot a man" / "A man was shot"): no fact disputed, a story told
    without its doer (see ``compare.swaps.agent_change``)."""

    named: tuple[int, ...]
    """The documents whose sentence names who did it, in input order."""
    left_out: tuple[int, ...]
    """The documents whose sentence leaves it out."""
    named_words: str
    """How one of the first says it ("Police shot a man")."""
    left_out_words: str
    """How one of the second says it ("A man was shot")."""


@dataclass(frozen=True)
class WordChoice:
    """One way of naming a thing among the outlets that carry a claim: the words of one
    group of a framing family ("protesters", "demonstrators"; see compare/facets/framing.py)."""

    group: str
    """The group's name, its first word: "protester", "rioter", "government", "regime"."""
    words: tuple[tuple[int, str], ...]
    """``(document, the word as it wrote it)`` for each outlet that chose it, in input order."""

    @property
    def outlets(self) -> tuple[int, ...]:
        """The documents that chose it, in input order."""
        return tuple(doc for doc, _ in self.words)


@dataclass(frozen=True)
class WordsChosen:
    """A group, a government, an act or a place that the outlets carrying one claim name with
    words of different groups ("Protesters blocked the road" / "Rioters blocked the road",
    "the government" / "the regime"): no fact disputed, a framing chosen. Words in
    quotations are the speaker's and are not read; an outlet whose sentence names nothing of
    the family, or names it with words of two groups, stands on no side."""

    family: str
    """What is named: ``crowd``, ``unrest``, ``armed``, ``migrants``, ``rulers``,
    ``killing``, ``territory`` or ``abortion``."""
    choices: tuple[WordChoice, ...]
    """At least two: each group chosen, in the order the family lists its groups."""


@dataclass(frozen=True)
class Hedged:
    """A claim that some outlets hedge ("Twelve workers were reportedly killed") and others
    state flatly ("killing 12 workers"): no fact disputed, an outlet that will not stand
    behind it (the hedges of compare/facets/hedges.py, read outside quotations)."""

    hedged: tuple[tuple[int, str], ...]
    """``(document, its hedge words as it wrote them)`` for each outlet that hedges, in
    input order ("reportedly"; two cues joined by a comma)."""
    flat: tuple[int, ...]
    """The documents that state it with no hedge, in input order."""


@dataclass(frozen=True)
class Claim:
    """One fact or statement, however each outlet words it."""

    id: str
    """Stable within one coverage: ``c1``, ``c2``, ... in matrix order."""
    members: tuple[ClaimMember, ...]
    """The sentences that carry it, at most one primary sentence per document, in input order."""
    text: str
    """The representative wording: the member most alike to all the others."""
    representative: int
    """The document whose sentence is the representative wording."""
    disagreements: tuple[Disagreement, ...] = ()
    """Facts the members disagree on."""
    quote: bool = False
    """Some member quotes someone directly."""
    agent: AgentLeftOut | None = None
    """Who did harm, where some outlets name it and others leave it out."""
    framing: tuple[WordsChosen, ...] = ()
    """What the outlets name with words of different groups ("protesters" / "rioters")."""
    hedge: Hedged | None = None
    """Which outlets hedge it and which state it flatly, where both do."""

    @property
    def outlets(self) -> tuple[int, ...]:
        """The documents that carry the claim, in input order, each once."""
        return tuple(dict.fromkeys(m.doc for m in self.members))

    def member(self, doc: int) -> ClaimMember | None:
        """The member from document ``doc``, if it carries the claim."""
        return next((m for m in self.members if m.doc == doc), None)

    def status(self, doc: int) -> CellStatus:
        """How document ``doc`` carries the claim."""
        member = self.member(doc)
        return member.status if member else "absent"


@dataclass(frozen=True)
class ReuseRun:
    """A run of consecutive sentences one outlet shares nearly verbatim with another."""

    source: tuple[int, int]
    """First and last sentence (reading-order number, from 0) in the source document."""
    target: tuple[int, int]
    """First and last sentence in the target document."""
    length: int
    """Sentences in the run."""


@dataclass(frozen=True)
class Reuse:
    """Text one outlet shares word for word with another."""

    source: int
    """The document whose sentences are reused (the likely original when ``original`` is set)."""
    target: int
    """The document that carries them."""
    sentences: int
    """Sentence pairs that are nearly verbatim copies."""
    share_of_source: float
    """0..1: the share of the source's sentences that the target reuses."""
    share_of_target: float
    """0..1: the share of the target's sentences that come from the source."""
    runs: tuple[ReuseRun, ...]
    """Runs of at least two consecutive copied sentences."""
    original: int | None
    """The likely original (the earlier publication) when the dates tell; else ``None``."""


@dataclass(frozen=True)
class SetAside:
    """An input kept out of the matrix because it probably reports another event."""

    doc: int
    """Index into ``Coverage.documents``."""
    similarity: float
    """0..1: the largest share of its claims it has in common with any kept outlet."""
    reason: str
    """Why, in one sentence, with the option that keeps it (:data:`FORCE_HINT`)."""

    @property
    def plain_reason(self) -> str:
        """Why, without the option: a report shared with editors gives no command-line
        advice (the command says it on stderr)."""
        return self.reason.removesuffix(FORCE_HINT)


#: How the terminal, the JSON and stderr say an input set aside can be kept.
FORCE_HINT = " (use --force to include it)"


@dataclass(frozen=True)
class LeftOut:
    """A source that could not be loaded, left out of a comparison of the others."""

    source: str
    """The source as given (a file name not in UTF-8 with its bytes escaped)."""
    error: str
    """Why: the one line its error would have ended the command with."""
    exit_code: int
    """That error's exit code (3 fetch, 4 no article, 2 input, ...), which the command
    ends with once the report of the others is written."""

    @property
    def warning(self) -> str:
        """The warning that names it, in the report and on stderr."""
        return f"left out {self.source}: {self.error}"


@dataclass(frozen=True)
class NewsroomNote:
    """A correction, clarification, update or editor's note an outlet put on its article."""

    doc: int
    """Index into ``Coverage.documents``."""
    kind: NoteKind
    """``correction``, ``clarification``, ``update`` or ``editor's note``."""
    paragraphs: tuple[int, ...]
    """The paragraphs it takes, in order: two when its label stands on a line of its own
    ("Correction, Oct. 14, 2026" above "An earlier version of this story ...")."""
    text: str
    """The note as the outlet wrote it, its paragraphs apart by a blank line."""
    claims: tuple[str, ...] = ()
    """The claims that hold its sentences: an update that carries news ("Update (3 p.m.):
    Police have reopened one lane") stays a claim; every other note is none."""


@dataclass(frozen=True)
class Coverage:
    """Several outlets' versions of one story, aligned claim by claim."""

    documents: tuple[Document, ...]
    """Every input, in the order given."""
    labels: tuple[str, ...]
    """The outlet name of each document, unique, in the same order."""
    outlets: tuple[int, ...]
    """The documents in the matrix (all but the set-aside ones), in input order."""
    claims: tuple[Claim, ...]
    """The claims, ordered by where they appear in the stories."""
    similarity: tuple[tuple[float, ...], ...]
    """Documents x documents: the share of claims two documents have in common (Jaccard)."""
    reuse: tuple[Reuse, ...] = ()
    """Pairs of outlets that share runs of near-verbatim sentences, most reuse first."""
    set_aside: tuple[SetAside, ...] = ()
    """Inputs kept out of the matrix as probably another story."""
    options: CoverageOptions = field(default_factory=CoverageOptions)
    """The options it was made with."""
    warnings: tuple[str, ...] = ()
    """Things the reader should know."""
    notes: tuple[NewsroomNote, ...] = ()
    """Every input's newsroom notes, in input and reading order (set-aside inputs' too)."""
    left_out: tuple[LeftOut, ...] = ()
    """Sources that could not be loaded, in input order: the coverage is of the others,
    and ``warnings`` name them first."""

    @property
    def changed(self) -> bool:
        """Whether the outlets differ: one leaves out a claim another carries, or their
        facts disagree (the exit status is 1 then). An outlet whose page shows only the
        story's opening (``Document.partial``) leaves nothing out: its wall hides it."""
        whole = {d for d in self.outlets if not self.documents[d].partial}
        return any(not whole.issubset(c.outlets) or c.disagreements for c in self.claims)

    def notes_of(self, doc: int) -> tuple[NewsroomNote, ...]:
        """The newsroom notes of document ``doc``."""
        return tuple(n for n in self.notes if n.doc == doc)

    def unique(self, doc: int) -> tuple[Claim, ...]:
        """Claims only ``doc`` carries."""
        if len(self.outlets) < 2:
            return ()
        return tuple(c for c in self.claims if c.outlets == (doc,))

    def all_but_one(self) -> tuple[tuple[Claim, int], ...]:
        """Claims that every outlet but one carries, with the outlet that leaves it out."""
        if len(self.outlets) < 3:
            return ()
        found: list[tuple[Claim, int]] = []
        for claim in self.claims:
            missing = [d for d in self.outlets if claim.member(d) is None]
            # (Not a page cut short: Document.partial. What it does not show, it may carry.)
            if len(missing) == 1 and not self.documents[missing[0]].partial:
                found.append((claim, missing[0]))
        return tuple(found)

    @property
    def disputed(self) -> tuple[Claim, ...]:
        """Claims whose outlets disagree on a fact."""
        return tuple(c for c in self.claims if c.disagreements)

    @property
    def framed(self) -> tuple[Claim, ...]:
        """Claims whose outlets name something with words of different groups."""
        return tuple(c for c in self.claims if c.framing)

    @property
    def headline_figures_differ(self) -> bool:
        """Whether two outlets' headlines give different figures for the same thing: "…
        kills 12" / "Fourteen dead after …" (a toll), "hurts 6" / "Four hurt". Only a
        figure that counts something is one (see _headline_counts): "Skyjet 450 crash: 88
        dead" and "Plane crash kills 88" agree, and "Three killed, 12 hurt" adds a figure to
        "Three killed" without disputing it. Headlines are no claims (their grammar is not
        a sentence's: "Fourteen dead"), so the views show each outlet's headline as its own
        rather than read a dispute into them."""
        counts = [
            _headline_counts(title) for d in self.outlets if (title := self.documents[d].title)
        ]
        return any(
            mine[thing] != theirs[thing]
            for mine, theirs in combinations(counts, 2)
            for thing in mine.keys() & theirs.keys()
        )

    @property
    def hedged(self) -> tuple[Claim, ...]:
        """Claims some outlets hedge and others state flatly."""
        return tuple(c for c in self.claims if c.hedge is not None)


#: Headline words that say what befell the people a figure counts, by what they say (as
#: disputes' _HARM does): "kills 12" and "Fourteen dead" give one toll.
_HEADLINE_HARM = {
    **_HARM,
    **dict.fromkeys(("kills", "kill", "dies", "die", "toll"), "killed"),
    **dict.fromkeys(("hurts", "injures", "wounds", "injure"), "injured"),
}


def _headline_counts(title: str) -> dict[str, frozenset[str]]:
    """The figures a headline gives, by what each counts: a harm's kind ("killed" for "88
    dead" and "kills 88") or the plural noun after it ("40 homes"), as claims read them
    (_numbers). A figure naming a thing counts none: a model ("Skyjet 450 crash", "Boeing
    737 jet"), a road or a house number ("10 Downing Street"), a year, a date or a time."""
    from compare.facets import sentence_facets

    # A figure the facets read as a year, a date or a time, or as no value, counts nothing.
    counting = {
        n.text.casefold()
        for n in sentence_facets(title).numbers
        if n.value is not None and n.kind not in ("year", "date", "time", "ordinal")
    }
    if not counting:
        return {}
    by_thing: dict[str, set[str]] = defaultdict(set)
    norm = normalize(title)
    folded = norm.casefold()
    raw = _WORD.findall(folded)
    at = 0
    for number in _numbers(raw, names=_name_places(norm, raw), clocks=_clock_joints(folded, raw)):
        words = number.surface.split()
        at = raw.index(words[0], at) if words[0] in raw[at:] else at
        if words[0] not in counting:
            continue
        # The harm after its figure ("88 dead") or before it ("kills 88", "hurts 6", "kills
        # at least 12 workers").
        before = [w for w in raw[max(0, at - 4) : at] if w not in _HARM_LEADS][-1:]
        thing = next((_HEADLINE_HARM[w] for w in [*words, *before] if w in _HEADLINE_HARM), "")
        if not thing and len(words) > 1 and (_plural_noun(words[-1]) or number.value == "1"):
            thing = number.subject
        if thing:
            by_thing[thing].add(number.value)
    return {thing: frozenset(values) for thing, values in by_thing.items()}


# ---------------------------------------------------------------------------------------
# Sentence features (the words and figures themselves: compare/claimwords.py)


_HAS_NUMBER = re.compile(r"\d|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b")
_QUOTE = re.compile(r'"([^"]{8,}?)"')


@lru_cache(maxsize=65536)
def _token(word: str) -> str:
    """The content token a case-folded word stands for; empty for stop words, negations,
    numbers (counted apart) and their scale and percent words."""
    if (
        len(word) < 2
        or word[0].isdigit()
        or word in _STOP
        or word in _NEGATIONS
        or word in _NUMBER_WORDS
        or word in _SCALES
        or word in _PERCENT
    ):
        return ""
    word = _SAME.get(word, word)
    if len(word) > 5:
        word = _american(word)
    return _stem(word)


# British spellings written the American way. Both sides of every comparison go through the
# same rules, so a rule that also catches an unrelated word ("devour") does no harm.
_SPELLING = [
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|ite|ites)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{2})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=[a-z]{3})ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"^(def|off|pret)ence(s)?$"), r"\1ense\2"),
    (re.compile(r"(?<=[a-z]{3})ogue(s)?$"), r"og\1"),
    (re.compile(r"^programme(s)?$"), r"program\1"),
]


def _american(word: str) -> str:
    """``neighbouring`` -> ``neighboring``, ``apologised`` -> ``apologized``, ..."""
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    return word


def _features(
    text: str, acronyms: frozenset[str] = frozenset()
) -> tuple[str, frozenset[str], tuple[_Number, ...], tuple[str, ...], bool, tuple[str, ...]]:
    """Normalised text, content tokens, numbers, quotes, negation and the plain words.
    A name spelt out that one of ``acronyms`` stands for is one token, the acronym's."""
    norm = normalize(text)
    folded = norm.casefold()
    raw = _WORD.findall(folded)
    words = raw
    source = folded
    if acronyms:
        short = _abbreviated(norm, acronyms)
        if short != norm:
            source = short.casefold()
            words = _WORD.findall(source)
    grave = _GRAVE().search(folded) is not None if _GRAVE_HINT().search(folded) else False
    if grave:
        # The phrase's own words ("fighting", "lives") would count against the pair.
        words = _WORD.findall(_GRAVE().sub(" ", source))
    if has_cjk(folded):
        words = [pair for w in words for pair in _cjk_pairs(w)]
    tokens = {token for w in words if (token := _token(w))}
    if grave:
        tokens.add(_GRAVE_TOKEN)
    negated = not _NEGATIONS.isdisjoint(raw) or "n't" in folded
    numbers = (
        _numbers(
            raw,
            _apart(folded, raw),
            _grave_starts(folded) if grave else frozenset(),
            _name_places(norm, raw),
            _clock_joints(folded, raw),
        )
        if _HAS_NUMBER.search(folded)
        else ()
    )
    tokens.update(n.value for n in numbers if not n.whole)
    # The group the badly hurt are taken from ("of the 19 injured") is left out of the words
    # that find the claim: "Seven people were in critical condition" is the same claim.
    tokens.difference_update(_token(w) for n in numbers if n.whole for w in n.surface.split())
    if not tokens:
        # "It was not." has only stop words; its own words still place it in the matrix.
        tokens = set(raw)
    quotes = tuple(q.strip(" ,.") for q in _QUOTE.findall(norm))
    return norm, frozenset(tokens), numbers, quotes, negated, tuple(raw)


_CJK_RUN = lazy_pattern(f"[{CJK}]+|[^{CJK}]+")


def _cjk_pairs(word: str) -> list[str]:
    """A "word" of Chinese or Japanese is a whole clause, since they are written without
    spaces: an outlet that reworded it by one character would share no token with it. Its
    runs of CJK characters count as overlapping character pairs instead (most Chinese words
    are two characters: 救援人员 -> 救援 援人 人员), other letters as they are."""
    if not has_cjk(word):
        return [word]
    pairs: list[str] = []
    for run in _CJK_RUN().findall(word):
        if len(run) > 1 and has_cjk(run):
            pairs.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            pairs.append(run)
    return pairs


# ---------------------------------------------------------------------------------------
# Grouping sentences into claims


#: An acronym as outlets write it: three to six capitals ("EPA", "NTSB"). A longer word in
#: capitals is a dateline or emphasis ("CALLOWAY"); two letters stand for too many names
#: ("UN": the United Nations, and the University of Nebraska).
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
#: A run of capitalised words, with the short words a name may hold ("Department of
#: Transportation").
_NAME_RUN = re.compile(r"[A-Z][\w'-]*(?:\s+(?:(?:of|and|for|the|on)\s+)?[A-Z][\w'-]*)+")


def _acronyms(documents: Sequence[Document]) -> frozenset[str]:
    """The acronyms the outlets use, so that a name one spells out ("the National
    Transportation Safety Board") and another abbreviates ("the NTSB") count as one word."""
    found = {a for d in documents for p in d.paragraphs for a in _ACRONYM.findall(p.text)}
    return frozenset(a for a in found if a.casefold() not in _STOP)


def _abbreviated(norm: str, acronyms: frozenset[str]) -> str:
    """``norm`` with each name that one of ``acronyms`` stands for written as it: its
    capitals' initials, or every word's ("Ohio Department of Transportation" is ODOT)."""

    def shorten(match: re.Match[str]) -> str:
        words = match.group().split()
        for start in range(len(words)):
            # An acronym has at most six letters: a name it stands for, a dozen words.
            for end in range(min(len(words), start + 12), start + 1, -1):
                part = words[start:end]
                if not (part[0][0].isupper() and part[-1][0].isupper()):
                    continue
                capitals = "".join(w[0] for w in part if w[0].isupper())
                every = "".join(w[0].upper() for w in part)
                found = capitals if capitals in acronyms else every if every in acronyms else ""
                if found:
                    return " ".join([*words[:start], found, *words[end:]])
        return match.group()

    return _NAME_RUN.sub(shorten, norm)


def _opening_dateline(text: str, p: int, s: int) -> re.Match[str] | None:
    """The dateline ``text`` opens with, if it opens the story: the first paragraph's or,
    after a note on top ("This story has been updated."), the second's."""
    return opening_dateline(text) if s == 0 and p <= 1 else None


def _newsroom_notes(doc: int, document: Document) -> list[NewsroomNote]:
    """The notes of one document, without the claims that hold them yet. On a live blog
    an update that carries news is an entry, as every entry is: no note."""
    found = [
        NewsroomNote(
            doc,
            cast(NoteKind, kind),  # note_kind's four words
            paragraphs,
            "\n\n".join(document.paragraphs[p].text for p in paragraphs),
        )
        for kind, paragraphs in notes_in(document)
    ]
    return [note for note in found if not document.live or _kept_out(note)]


def _kept_out(note: NewsroomNote) -> bool:
    """Whether a note is no claim: any but an update that carries news, or a correction or
    clarification that states the fact itself ("Correction: Three people died ..., not four
    as reported earlier"), which is the outlet's word on the event."""
    if note.kind == "update":
        return of_the_article(note.text)
    if note.kind in ("correction", "clarification"):
        return not tells_the_news(note.text)
    return True


def _collect(documents: Sequence[Document], notes: Sequence[NewsroomNote] = ()) -> list[_Sentence]:
    """Every sentence of every document but credit lines and the paragraphs of ``notes``
    that are no claim, with its features (weights come later)."""
    acronyms = _acronyms(documents)
    skipped = {(n.doc, p) for n in notes if _kept_out(n) for p in n.paragraphs}
    sentences: list[_Sentence] = []
    for doc, document in enumerate(documents):
        ordinal = 0
        dated = False
        for p, paragraph in enumerate(document.paragraphs):
            for s, size, text in _quotations(paragraph.sentences):
                # A credit line says who reported, wrote or edited the story, and a note
                # what the newsroom did to it, not what happened: neither is a claim. They
                # still count in the reading order (``ordinal``).
                if (doc, p) in skipped or is_credit_line(text):
                    ordinal += size
                    continue
                # A wire dateline ("CASTELLAN, Veloria (Meridian Wire) —") says where and
                # by whom the story was filed, not what happened: an outlet that rewrote the
                # opening without it must not lose the claim for its missing words.
                opening = _opening_dateline(text, p, s) if not dated else None
                dated = dated or opening is not None
                content = text[opening.end() :] if opening and opening.end() < len(text) else text
                norm, tokens, numbers, quotes, negated, plain = _features(content, acronyms)
                if content is not text:
                    # Verbatim still means every word, the dateline's too.
                    plain = tuple(_WORD.findall(normalize(text).casefold()))
                if tokens:
                    sentences.append(
                        _Sentence(
                            doc, p, s, ordinal, text, norm, tokens, numbers, quotes, negated, plain
                        )
                    )
                ordinal += size
    return sentences


#: Double quotation marks, straight and curly, as normalize() makes them one.
_QUOTE_MARKS = frozenset('"\u201c\u201d\u201e\u201f')


def _quotations(sentences: Sequence[str]) -> list[tuple[int, int, str]]:
    """A paragraph's sentences as ``(first sentence, how many, text)``, each quotation
    that runs over two or more of them as one ('"I thought it was a bomb. The whole
    street shook," she said.'): one statement, which halves with a quotation mark each
    would make two claims of. A quotation left open at the paragraph's end (it goes on in
    the next, as newsrooms write a long one) joins nothing."""
    marks = [sum(map(sentence.count, _QUOTE_MARKS)) for sentence in sentences]  # (in C)
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(sentences):
        end, open_marks = i + 1, marks[i]
        while open_marks % 2 and end < len(sentences):
            open_marks += marks[end]
            end += 1
        if open_marks % 2:
            end = i + 1
        found.append(
            (i, end - i, join_sentences(sentences[i:end]) if end > i + 1 else sentences[i])
        )
        i = end
    return found


def _weigh(sentences: Sequence[_Sentence]) -> list[_Sentence]:
    """Copies of ``sentences`` whose tokens are weighted by rarity among them."""
    df: dict[str, int] = defaultdict(int)
    for sentence in sentences:
        for token in sentence.tokens:
            df[token] += 1
    total = len(sentences) + 1
    weighted: list[_Sentence] = []
    for sentence in sentences:
        weights = {t: math.log(total / df[t]) + 0.5 for t in sentence.tokens}
        weighted.append(
            replace(
                sentence,
                weights=weights,
                total=math.fsum(weights.values()),
                joined=" ".join(sorted(sentence.tokens)),
            )
        )
    return weighted


#: Below this weighted overlap (Dice) a pair stays under any sensible claim threshold
#: (0.5 x 0.2 + 0.2 + 0.3 x 0.45 < 0.45), so the fuzzy ratio is not worth computing.
_FUZZY_FROM = 0.2


class _Scorer:
    """Scores sentence pairs, remembering what it computed."""

    def __init__(self, sentences: Sequence[_Sentence]) -> None:
        from rapidfuzz import fuzz

        self._ratio = fuzz.token_set_ratio
        self._sentences = sentences
        self._cache: dict[tuple[int, int], float] = {}

    def __call__(self, i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        a, b = self._sentences[i], self._sentences[j]
        common = a.tokens & b.tokens
        if not common:
            score = 0.0
        else:
            # Token weights are global, so the shared weight is the same seen from both sides.
            shared = math.fsum(map(a.weights.__getitem__, common))
            total_a, total_b = a.total, b.total
            if a.numbers and b.numbers:
                # A figure one outlet changed ("four cracks" / "three cracks") is a
                # disagreement within one claim, not evidence of another claim: leave it out.
                total_a -= _conflicting(a, b)
                total_b -= _conflicting(b, a)
            dice = 2 * shared / (total_a + total_b)
            containment = shared / min(total_a, total_b)
            score = 0.5 * dice + 0.2 * containment
            # The token-set ratio is 100 for any subset: one shared word ("Nobody was hurt."
            # inside "The injured were taken to hospitals in ...") is no evidence of one
            # claim unless both sentences are that short.
            if dice >= _FUZZY_FROM and (len(common) > 1 or max(len(a.tokens), len(b.tokens)) <= 2):
                score += 0.3 * self._ratio(a.joined, b.joined) / 100 * dice**0.5
        self._cache[key] = score
        return score


def _conflicting(a: _Sentence, b: _Sentence) -> float:
    """The weight of ``a``'s figures that ``b`` gives differently for the same subject."""
    subjects = {n.subject for n in b.numbers if n.subject}
    values = {n.value for n in b.numbers}
    return math.fsum(
        a.weights.get(n.value, 0.0)
        for n in a.numbers
        if n.subject in subjects and n.value not in values
    )


def _held(mine: _Sentence, other: _Sentence) -> float:
    """The share of ``mine``'s weight that ``other`` holds, a figure it gives otherwise for
    the same thing aside (a dispute, as in _Scorer)."""
    conflict = _conflicting(mine, other) if mine.numbers else 0.0
    common = mine.tokens & other.tokens
    return math.fsum(map(mine.weights.__getitem__, common)) / (mine.total - conflict)


def _candidates(sentences: Sequence[_Sentence], per_doc: int = 3) -> list[list[int]]:
    """For each sentence, the sentences of other documents that share one of its rarest
    tokens, the ``per_doc`` strongest per document."""
    df: dict[str, int] = defaultdict(int)
    held_by: dict[str, set[int]] = defaultdict(set)
    for sentence in sentences:
        for token in sentence.tokens:
            df[token] += 1
            held_by[token].add(sentence.doc)
    # A token in more sentences than this says little about which claim a sentence is;
    # it still counts in the score, but is not used to find candidates.
    common = 3 * len({s.doc for s in sentences}) + 3
    postings: dict[str, list[int]] = defaultdict(list)
    prefixes: list[list[str]] = []
    for i, sentence in enumerate(sentences):
        # Its rarest words that another outlet also uses: a word only this outlet has (a
        # detail it added, a figure it changed) cannot lead to another outlet's sentence.
        ranked = sorted(
            (t for t in sentence.tokens if len(held_by[t]) > 1),
            key=lambda t: (-sentence.weights[t], t),
        )
        size = max(3, math.ceil(len(sentence.tokens) * 0.4))
        prefixes.append([t for n, t in enumerate(ranked[:size]) if n < 2 or df[t] <= common])
        # Every token is indexed, only the rarest are looked up: a short sentence is then
        # found inside a long one whose own rarest words it does not have.
        for token in sentence.tokens:
            postings[token].append(i)
    neighbours: list[set[int]] = [set() for _ in sentences]
    docs = [s.doc for s in sentences]
    tenth = [0.1 * s.total for s in sentences]
    for i, sentence in enumerate(sentences):
        hits: dict[int, float] = defaultdict(float)
        for token in prefixes[i]:
            weight = sentence.weights[token]
            for j in postings[token]:
                hits[j] += weight
        # Keep the few strongest candidates per other document: the greedy merge only
        # ever uses the best links, and this bounds the work for long, repetitive stories.
        by_doc: dict[int, list[tuple[float, int]]] = defaultdict(list)
        # Rare words in common worth less than a tenth of either sentence: not the same claim.
        mine, floor = docs[i], tenth[i]
        for j, weight in hits.items():
            doc = docs[j]
            if doc != mine and (weight >= floor or weight >= tenth[j]):
                by_doc[doc].append((weight, -j))
        for found in by_doc.values():
            found.sort(reverse=True)
            for _, j in found[:per_doc]:
                neighbours[i].add(-j)
                neighbours[-j].add(i)
    return [sorted(n) for n in neighbours]


def _cluster(
    sentences: Sequence[_Sentence],
    neighbours: Sequence[Sequence[int]],
    scorer: _Scorer,
    options: CoverageOptions,
) -> list[list[int]]:
    edges = [
        (score, i, j)
        for i, near in enumerate(neighbours)
        for j in near
        if j > i and (score := scorer(i, j)) >= options.claim_threshold
    ]
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    owner = list(range(len(sentences)))
    groups: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}
    docs: dict[int, set[int]] = {i: {s.doc} for i, s in enumerate(sentences)}
    for _, i, j in edges:
        gi, gj = owner[i], owner[j]
        if gi == gj or docs[gi] & docs[gj]:
            continue
        a, b = groups[gi], groups[gj]
        if len(a) + len(b) > 2:
            # Members join in order of their best link, so the first few of each group are
            # its core; checking those bounds the work on large groups.
            core_a, core_b = a[:4], b[:4]
            mean = sum(scorer(x, y) for x in core_a for y in core_b) / (len(core_a) * len(core_b))
            if mean < options.support:
                continue
        if len(a) < len(b):
            gi, gj, a, b = gj, gi, b, a
        a.extend(b)
        docs[gi] |= docs.pop(gj)
        for k in b:
            owner[k] = gi
        del groups[gj]
    return [sorted(g, key=lambda k: sentences[k].doc) for g in groups.values()]


#: How many sentences apart the halves of a split sentence may be (the rewrite's toll
#: and "Twenty-three people were injured." are two apart).
_SPLIT_REACH = 2


def _prefer_fuller(
    sentences: Sequence[_Sentence],
    groups: list[list[int]],
    neighbours: Sequence[Sequence[int]],
    scorer: _Scorer,
    options: CoverageOptions,
) -> list[list[int]]:
    """An outlet that split a sentence in two has one place in its claim, and the lesser
    half ("Twenty-three people were injured.", from "..., killing 12 people and injuring 23
    others") may win it by its tight fit, leaving the half that says more ("At least 14
    people were killed when ...") on its own and its disputed figure unseen. A sentence
    left alone that links to the claim as a merge would (one link over the claim threshold,
    the mean over the core over the support) and shares more weighted words with the other
    members takes the place; the lesser half is then alone, for _absorb_fragments to make
    a secondary member."""
    owner = {k: g for g, group in enumerate(groups) for k in group}

    def shared(k: int, others: Sequence[int]) -> float:
        return math.fsum(
            sentences[o].weights[t]
            for o in others
            for t in sentences[o].tokens & sentences[k].tokens
        )

    for g, group in enumerate(groups):
        if len(group) < 2:
            continue
        for pos, m in enumerate(list(group)):
            doc = sentences[m].doc
            others = [o for o in group if o != m]
            core = others[:4]
            best, fullest = m, shared(m, others)
            for k in sorted({n for o in others for n in neighbours[o]}):
                if sentences[k].doc != doc or k == m or len(groups[owner[k]]) != 1:
                    continue
                # The halves of a split sentence are close by; a recap at the story's end
                # that repeats the opening and adds to it is a claim of its own.
                if abs(sentences[k].ordinal - sentences[m].ordinal) > _SPLIT_REACH:
                    continue
                scores = [scorer(k, o) for o in core]
                if max(scores) < options.claim_threshold or (
                    sum(scores) / len(scores) < options.support
                ):
                    continue
                if (weight := shared(k, others)) > fullest:
                    best, fullest = k, weight
            if best != m:
                alone = owner[best]
                group[pos] = best
                groups[alone] = [m]
                owner[best], owner[m] = g, alone
        group.sort(key=lambda k: sentences[k].doc)
    return groups


#: The mean score an outlet's opening left alone needs against the other outlets' openings
#: to join their claim: a lede rewritten in other words shares the names and the figures
#: but little of the wording (0.35-0.40 against the wire's), where two claims' sentences
#: sharing a name score under 0.25.
_LEDE_SUPPORT = 0.3


def _join_ledes(
    sentences: Sequence[_Sentence], groups: list[list[int]], scorer: _Scorer
) -> list[list[int]]:
    """An outlet that rewrote the lede in its own words ("Aurel Venkov, who ran Orvane's
    port for a decade, will spend nine years behind bars ...", for "A court in Orvane on
    Tuesday sentenced Aurel Venkov ... to nine years in prison") has its opening left on its
    own, under the claim threshold. Where the other outlets open with one claim, being an
    opening too is the evidence the words lack: it joins that claim when it scores near
    the other openings on average."""
    openings: dict[int, int] = {}
    for k, sentence in enumerate(sentences):
        if (
            sentence.doc not in openings
            or sentence.ordinal < sentences[openings[sentence.doc]].ordinal
        ):
            openings[sentence.doc] = k
    if len(openings) < 3:
        return groups
    owner = {k: g for g, group in enumerate(groups) for k in group}
    opened: dict[int, list[int]] = defaultdict(list)
    for k in openings.values():
        opened[owner[k]].append(k)
    # The claim most outlets open with, by at least two of them.
    g, firsts = max(opened.items(), key=lambda item: (len(item[1]), -item[0]))
    if len(firsts) < 2:
        return groups
    docs = {sentences[m].doc for m in groups[g]}
    for k in openings.values():
        if owner[k] == g or len(groups[owner[k]]) != 1 or sentences[k].doc in docs:
            continue
        if sum(scorer(k, o) for o in firsts) / len(firsts) < _LEDE_SUPPORT:
            continue
        # Shared names and figures are not enough: a lede rewritten tells of the one the
        # openings name first ("Aurel Venkov, who ran ..."); an opening with news of its
        # own starts with someone else ("Prosecutors in Orvane said ... they would appeal").
        if not _opens_on(sentences[k], [sentences[o] for o in firsts]):
            continue
        groups[owner[k]] = []
        groups[g].append(k)
        docs.add(sentences[k].doc)
    groups[g].sort(key=lambda m: sentences[m].doc)
    return [group for group in groups if group]


#: The fewest words a quote needs to say whose words it is ("fully alight" may be anyone's).
_QUOTE_WORDS = 3


def _quoted_alike(a: str, b: str) -> bool:
    """Whether of two quotes' words (see _words_of), the shorter, of _QUOTE_WORDS words or
    more, is found in the longer."""
    short, long = sorted((a, b), key=len)
    return len(short.split()) >= _QUOTE_WORDS and short in long


#: The fewest words, and of them the fewest distinctive ones (_distinctive_quote), that two
#: quotes must share for a quote standing alone to join the other's claim: "We are all
#: heartbroken" (4 words, 1 distinctive) is anyone's to say, a bereaved mother's as much as
#: a company's, while "We are treating this as an accident" (7, 2) cut from a fire chief's
#: quote and credited to the mayor is the chief's claim.
_LONE_QUOTE_WORDS = 6
_LONE_QUOTE_DISTINCT = 2
#: As many more when the two sentences name different people outside their quotes: two
#: people may both say "Our thoughts are with the families" (2 distinctive words), while a
#: warden's "We expect the water to fall by morning" (4) credited to a councillor is his.
_NAMED_QUOTE_DISTINCT = 3


def _distinctive_quote(words: str, named_apart: bool = False) -> bool:
    """Whether a quote's words (see _words_of) are more than a stock phrase: of
    _LONE_QUOTE_WORDS words or more, _LONE_QUOTE_DISTINCT of them (_NAMED_QUOTE_DISTINCT
    when ``named_apart``) neither stop words nor of three letters or fewer ("all", "now")."""
    split = words.split()
    distinct = {w for w in split if len(w) > 3 and w not in _STOP}
    least = _NAMED_QUOTE_DISTINCT if named_apart else _LONE_QUOTE_DISTINCT
    return len(split) >= _LONE_QUOTE_WORDS and len(distinct) >= least


def _named_apart(a: _Sentence, b: _Sentence) -> bool:
    """Whether two quoting sentences both name someone outside their quotes, and none of
    the same names: 'said Piers Tolland' / 'Harrow Grain … said'. "The mayor said" names
    no one."""
    ours, theirs = (_names_outside_quotes(s) for s in (a, b))
    return bool(ours) and bool(theirs) and ours.isdisjoint(theirs)


def _names_outside_quotes(sentence: _Sentence) -> frozenset[str]:
    text = sentence.text
    for quote in sentence.quotes:
        text = text.replace(quote, " ")
    return _names_in(text)


def _runs_of(words: str) -> frozenset[str]:
    """The runs of _QUOTE_WORDS words one after another in ``words`` (see _words_of)."""
    split = words.split()
    return frozenset(
        " ".join(split[i : i + _QUOTE_WORDS]) for i in range(len(split) - _QUOTE_WORDS + 1)
    )


def _follow_quotes(sentences: Sequence[_Sentence], groups: list[list[int]]) -> list[list[int]]:
    """A sentence that quotes someone is the claim of the sentence that quotes those words
    in another outlet, not of one that only names the speaker: 'Station manager Colette
    Haverley said: "This was a fast-moving fire."' shares the name with 'Station manager
    Colette Haverley said crews had found the building "fully alight"' but its words with
    '"This was a fast-moving fire and our crews did an outstanding job ...," she said.' It
    moves to that sentence's claim when that claim has no sentence of its outlet."""
    quoted = {
        k: _words_of(" ".join(sentence.quotes))
        for k, sentence in enumerate(sentences)
        if sentence.quotes
    }
    # Each outlet's quotes indexed once by their runs of _QUOTE_WORDS words, so that a
    # quote's holders in an outlet are found among the few quotes that could hold it, not
    # all of them: a quote found in another has its words whole in it (_words_of spaces
    # them), so of two alike quotes, the shorter's rarest run is one of the longer's runs.
    runs = {j: _runs_of(theirs) for j, theirs in quoted.items()}
    postings: dict[tuple[int, str], list[int]] = defaultdict(list)
    for j, mine in runs.items():
        for run in mine:
            postings[sentences[j].doc, run].append(j)
    keyed: dict[tuple[int, str], list[int]] = defaultdict(list)
    rarest: dict[int, str] = {}
    for j, mine in runs.items():
        if mine:
            doc = sentences[j].doc
            rarest[j] = min(mine, key=lambda run: (len(postings[doc, run]), run))
            keyed[doc, rarest[j]].append(j)

    def holders_in(k: int, doc: int) -> list[int]:
        # Quotes of ``doc`` that hold k's (they have its rarest run) or that k's holds (their
        # rarest run is one of its runs), in order.
        near = set(postings.get((doc, rarest[k]), ()))
        for run in runs[k]:
            near.update(keyed.get((doc, run), ()))
        return [j for j in sorted(near) if _quoted_alike(quoted[k], quoted[j])]

    owner = {k: g for g, group in enumerate(groups) for k in group}
    docs = sorted({s.doc for s in sentences})
    for k, words in quoted.items():
        if len(words.split()) < _QUOTE_WORDS:
            continue
        # A quote's holders in an outlet do not change as claims move: found once each.
        found: dict[int, list[int]] = {}
        g = owner[k]
        if len(groups[g]) == 1:
            # Alone, as a quote cut short and credited to someone else is ('"We are
            # treating this as an accident," said the mayor' for the chief's longer
            # quote): its words are the one evidence there is of its claim. It joins the
            # claim that holds them, when exactly one claim does.
            outlet = sentences[k].doc
            held = {
                owner[j]
                for doc in docs
                if doc != outlet
                for j in holders_in(k, doc)
                if _distinctive_quote(
                    min(words, quoted[j], key=len), _named_apart(sentences[k], sentences[j])
                )
            }
            if len(held) == 1:
                (h,) = held
                if not any(sentences[j].doc == outlet for j in groups[h]):
                    groups[g].remove(k)
                    groups[h].append(k)
                    groups[h].sort(key=lambda j: sentences[j].doc)
                    owner[k] = h
            continue
        for m in groups[g]:
            if sentences[m].doc == sentences[k].doc or _quoted_alike(words, quoted.get(m, "")):
                continue
            doc = sentences[m].doc
            if doc not in found:
                found[doc] = holders_in(k, doc)
            holders = found[doc]
            if len(holders) != 1:
                continue
            h = owner[holders[0]]
            if h == g or any(sentences[j].doc == sentences[k].doc for j in groups[h]):
                continue
            groups[g].remove(k)
            groups[h].append(k)
            groups[h].sort(key=lambda j: sentences[j].doc)
            owner[k] = h
            break
    return [group for group in groups if group]


def _opens_on(opening: _Sentence, firsts: Sequence[_Sentence]) -> bool:
    """Whether the first content word of ``opening`` is one the other ``firsts`` give."""
    theirs = frozenset().union(*(f.tokens for f in firsts))
    first = next(
        (w for w in opening.plain if len(w) > 2 and w not in _STOP and not w[0].isdigit()),
        None,
    )
    return first is not None and _stem(first) in theirs


def _absorb_merged(
    sentences: Sequence[_Sentence], groups: list[list[int]], neighbours: Sequence[Sequence[int]]
) -> dict[int, list[int]]:
    """Secondary members: a sentence that carries a claim besides its own (an outlet merged
    two sentences into one). Returns group index -> extra sentence indices."""
    extra: dict[int, list[int]] = defaultdict(list)
    for g, group in enumerate(groups):
        if len(group) < 2:
            continue
        present = {sentences[k].doc for k in group}
        best: dict[int, tuple[float, int]] = {}
        for k in {n for m in group for n in neighbours[m]}:
            candidate = sentences[k]
            if candidate.doc in present:
                continue
            # How much of each member's weight the candidate contains, on average; a figure
            # it gives otherwise for the same thing ("the evacuation of about 450 homes" /
            # "About 300 homes were evacuated") is a dispute within the claim, as in _Scorer.
            contained = 0.0
            for m in group:  # (summed in turn: the thresholds below were set on these sums)
                contained += _held(sentences[m], candidate)
            score = contained / len(group)
            if score > best.get(candidate.doc, (0.0, -1))[0]:
                best[candidate.doc] = (score, k)
        for score, k in best.values():
            # Or a merge that counts the claim's thing otherwise, in the members' words
            # ("forcing the evacuation of about 450 homes" / "About 300 homes were
            # evacuated as a precaution"): its one detail more no sign of another claim.
            if score >= 0.75 or (
                score >= _RECOUNTED_HALF
                and all(_told_alike(sentences[m], sentences[k]) for m in group)
            ):
                extra[g].append(k)
    return extra


#: The share of a lone sentence's weight another outlet's sentence must hold for it to
#: join that sentence's claim (a trimmed version) ...
_FRAGMENT = 0.8
#: ... or, for the other half of a sentence its outlet split in two, next to the half
#: already in the claim ("City officials say 3,000 homes lost water. A boil-water notice
#: is in effect." from "About 2,100 households lost water service, and the city issued a
#: boil-water notice"): being next to it is evidence too; so is a count of the same thing
#: the other gives differently ("City officials say 3,000 homes lost water." alone).
_HALF = 0.7


#: ... or both: a half beside its own outlet's other half that counts what the claim
#: counts otherwise ("About 300 homes were evacuated as a precaution." beside the lede,
#: against another's "forcing the evacuation of about 450 homes"), its one detail more
#: ("as a precaution") no sign of another claim.
_RECOUNTED_HALF = 0.5


def _told_alike(half: _Sentence, whole: _Sentence) -> bool:
    """Whether ``half`` gives a figure for a thing ``whole`` counts otherwise, and the words
    around it are all ``whole``'s: "About 300 homes were evacuated as a precaution" tells
    what "forcing the evacuation of about 450 homes" does; "roughly 2,500 homes lost power"
    is another count than "About 1,800 households lost heat"."""
    subjects = {n.subject for n in whole.numbers if n.subject}
    values = {n.value for n in whole.numbers}
    for number in half.numbers:
        if number.subject not in subjects or number.value in values:
            continue
        for start, end, _ in _figure_places(number.surface, half):
            # The words that lead the figure, its noun and the three after ("were evacuated
            # as"), which say what befell the things counted.
            around = half.plain[max(0, start - _LEAD_REACH) : start] + half.plain[end + 1 : end + 5]
            told = {t for w in around if (t := _token(w))} - {number.subject}
            if told and told <= whole.tokens:
                return True
    return False


def _next_to_own(mine: _Sentence, group: Sequence[int], sentences: Sequence[_Sentence]) -> bool:
    """Whether ``group`` holds a sentence of ``mine``'s outlet within _SPLIT_REACH of it."""
    return any(
        sentences[m].doc == mine.doc and abs(sentences[m].ordinal - mine.ordinal) <= _SPLIT_REACH
        for m in group
    )


def _absorb_fragments(
    sentences: Sequence[_Sentence], groups: list[list[int]], neighbours: Sequence[Sequence[int]]
) -> tuple[list[list[int]], dict[int, list[int]]]:
    """Sentences left on their own whose words another outlet's sentence holds almost
    entirely: a trimmed version joins that sentence's claim; one half of a sentence an
    outlet split in two joins it as a secondary member. Returns the groups and, per group
    index, the secondary members."""
    owner = {k: g for g, group in enumerate(groups) for k in group}
    moved: dict[int, int] = {}
    secondary: dict[int, list[int]] = defaultdict(list)
    for g, group in enumerate(groups):
        if len(group) != 1:
            continue
        k = group[0]
        mine = sentences[k]
        # A clock time is no token (its figures are words of the time, not counts), but
        # it is a fact: "The verdict was read at 3:10 p.m." says three things.
        if len(mine.tokens) + len(clock_times(mine.norm)) < 3:
            continue
        best, target, recount = 0.0, -1, False
        for n in neighbours[k]:
            common = mine.tokens & sentences[n].tokens
            # A figure the other gives differently for the same noun ("3,000 homes" /
            # "2,100 households") is a dispute within the claim, as in _Scorer.
            conflict = _conflicting(mine, sentences[n]) if mine.numbers else 0.0
            contained = math.fsum(map(mine.weights.__getitem__, common)) / (mine.total - conflict)
            if contained > best and len(groups[owner[n]]) > 1:
                best, target, recount = contained, owner[n], conflict > 0
        beside = best >= _RECOUNTED_HALF and _next_to_own(mine, groups[target], sentences)
        told_alike = (
            beside
            and recount
            and any(_told_alike(mine, sentences[m]) for m in groups[target] if m != k)
        )
        if not told_alike and (best < _HALF or (best < _FRAGMENT and not recount and not beside)):
            continue
        if any(sentences[m].doc == mine.doc for m in groups[target]):
            secondary[target].append(k)
        else:
            groups[target].append(k)
            groups[target].sort(key=lambda m: sentences[m].doc)
        moved[g] = target
    return without_groups(groups, secondary, moved)


# ---------------------------------------------------------------------------------------
# Disagreements


#: Ordinals in words, which facets read as figures.
_RANKS = _word_set("first second third fourth fifth sixth seventh eighth ninth tenth")


def _may_disagree(a: _Sentence, b: _Sentence) -> bool:
    """A cheap first look: could ``a`` and ``b`` state a figure, a quote or a negation
    differently, or swap two parties (the same words in another order)? facets.py gives the
    exact answer but costs milliseconds a pair."""
    return (
        {n.value for n in a.numbers} != {n.value for n in b.numbers}
        # A day or a month is no number here, but facets read it as a date ("until at least
        # Friday" / "Thursday"): outlets that agree on all else disagree on when.
        # ("Tuesday's fire": the plain words keep the possessive.)
        or _day_words(a.plain) != _day_words(b.plain)
        # An ordinal in words is no number here either ("its second cut" / "its third cut").
        or _RANKS.intersection(a.plain) != _RANKS.intersection(b.plain)
        # Nor is a clock time ("at 8:40 p.m." / "just before 8 p.m.").
        or clock_times(a.norm) != clock_times(b.norm)
        or {match_key(q) for q in a.quotes} != {match_key(q) for q in b.quotes}
        or a.negated != b.negated
        # ("had not failed and no homes were flooded" / "had failed and no homes ...")
        or (a.negated and negation_count(a.plain) != negation_count(b.plain))
        or (a.tokens == b.tokens and a.plain != b.plain and _reordered(a.plain, b.plain))
        # A word turned into its opposite around the same figures ("slipped 4%" / "rose 4%").
        or (a.tokens != b.tokens and _turned(a.plain, b.plain))
        # Who is credited: two outlets may name different people for one statement.
        or (
            a.tokens != b.tokens
            and _names_a_speaker(a.norm)
            and _names_a_speaker(b.norm)
            and _names_in(" " + a.norm) != _names_in(" " + b.norm)
        )
        # Someone's standing: "charged with murder" / "charged with manslaughter".
        or (a.tokens != b.tokens and _may_differ_in_status(a.plain, b.plain))
    )


def _may_differ_in_status(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether a word that can make a status (a legal stage, a charge, how someone left a
    post) is in one sentence and not the other."""
    from compare.facets.status import may_change  # (imported where facets run)

    return may_change(set(a).symmetric_difference(b))


def _says_less(change: Change) -> bool:
    """Whether a legal stage told by one outlet is one the other's joined stages hold."""
    from compare.facets.status import says_less  # (imported where facets run)

    return change.label == "legal stage" and says_less(change.old or "", change.new or "")


def _disputed_status(change: Change) -> bool:
    """Whether a status change is one outlets can disagree on: a charge, a legal stage, how
    someone left or holds a post. Not a condition: outlets swap "in critical condition" and
    "seriously injured" for one another, and who was hurt or killed is the harm dispute's."""
    return change.label != "condition"


def _reordered(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two sentences' words are the same but for "the", in another order."""
    return sorted(w for w in a if w != "the") == sorted(w for w in b if w != "the")


@lru_cache(maxsize=8192)
def _counted(phrase: str) -> frozenset[tuple[str, str]]:
    """The figures a phrase gives with the noun each counts ("41 passengers"). Cached: the
    rules that judge one pair of figures ask it of the same phrases a dozen times."""
    norm = normalize(phrase)
    folded = norm.casefold()
    raw = _WORD.findall(folded)
    found = _numbers(raw, names=_name_places(norm, raw), clocks=_clock_joints(folded, raw))
    return frozenset((n.value, n.subject) for n in found)


def _stated_elsewhere(
    old: str,
    new: str,
    rep: _Sentence,
    member: _Sentence,
    figures: Mapping[int, frozenset[tuple[str, str]]],
) -> bool:
    """Whether a figure changed between ``rep`` and ``member`` is one the other outlet
    gives too, for the same noun, in another sentence: the two sentences only pair figures
    of different things ("injuring 23 others" / "41 passengers", the wire giving the 41
    passengers a sentence later), which is no dispute. Two figures of one thing ("12
    people" killed / "14 people") are a dispute wherever else the figures recur."""
    olds, news = _counted(old), _counted(new)
    if {s for _, s in olds if s} & {s for _, s in news if s}:
        return False
    return any(
        subject and (value, subject) in figures.get(member.doc, ()) for value, subject in olds
    ) or any(subject and (value, subject) in figures.get(rep.doc, ()) for value, subject in news)


#: How many words before a figure say what it is ("revenue fell 4% to 3.1 billion").
_LEAD_REACH = 4


def _figure_of_the_other_clause(old: str, new: str, rep: _Sentence, member: _Sentence) -> bool:
    """Whether a figure paired with another is one the other sentence gives too, in a
    clause of its own: "Net profit dropped 38% to 214 million crowns and revenue fell 4% to
    3.1 billion crowns" / "Revenue slipped 4% to 3.1 billion crowns" pairs 214 million with
    3.1 billion, but the member's figure stands after the words that lead the first's own
    3.1 billion, not its 214 million. "killed three people and injured 40" / "killed 40
    people" stays a dispute: the 40 stands after "killed" there."""
    from compare.facets import same_number, sentence_facets

    def lead(text: str, start: int) -> set[str]:
        words = _WORD.findall(text[:start].casefold())[-_LEAD_REACH:]
        return {token for word in words if (token := _token(word))}

    for mine, theirs, a, b in ((old, new, rep, member), (new, old, member, rep)):
        numbers = sentence_facets(a.text).numbers
        paired = next((n for n in numbers if n.phrase == mine), None)
        given = next((n for n in sentence_facets(b.text).numbers if n.phrase == theirs), None)
        if paired is None or given is None:
            continue
        twins = [n for n in numbers if n is not paired and same_number(n, given)]
        if not twins:
            continue
        led = lead(b.text, given.span[0])
        if max(len(led & lead(a.text, n.span[0])) for n in twins) > len(
            led & lead(a.text, paired.span[0])
        ):
            return True
    return False


def _one_counts_the_badly_hurt(old: str, new: str, rep: _Sentence, member: _Sentence) -> bool:
    """Whether of two figures paired as one, only one counts the badly hurt (see _GRAVE):
    "Of the 19 injured, six were in critical condition" / "Seven of the injured were
    fighting for their lives" disputes six against seven, not 19."""

    def grave(phrase: str, sentence: _Sentence) -> bool | None:
        values = {value for value, _ in _counted(phrase)}
        subjects = {n.subject == _GRAVE_TOKEN for n in sentence.numbers if n.value in values}
        return subjects.pop() if len(subjects) == 1 else None

    a, b = grave(old, rep), grave(new, member)
    return a is not None and b is not None and a != b


def _figure_places(phrase: str, sentence: _Sentence) -> list[tuple[int, int, float]]:
    """Where in ``sentence``'s words the figures of ``phrase`` stand: first word, last
    word, value."""
    values = {float(v) for v, _ in _counted(phrase) if not v.endswith("%")}
    raw, places, j = sentence.plain, [], 0
    while j < len(raw):
        if not _figure_word(raw[j]):
            j += 1
            continue
        start, end, value = _figure_run(raw, j)
        if value in values:
            places.append((start, end, value))
        j = end + 1
    return places


def _added(raw: Sequence[str], start: int, end: int) -> bool:
    """Whether the figure from word ``start`` to ``end`` of ``raw`` is a count added to a
    toll ("another two", "two more people"; "more than two" is a toll)."""
    after = raw[end + 1 : end + 3]
    return (start > 0 and raw[start - 1] in _MORE_BEFORE) or (
        bool(after) and after[0] in _MORE_AFTER and after[1:] != ("than",)
    )


def _no_one_count(old: str, new: str, rep: _Sentence, member: _Sentence) -> bool:
    """Whether two figures paired as one count no one thing: one adds to a toll the other
    gives ("Two more people died in hospital", "Another two people were injured" / "Three
    people were killed"; "Another 20" / "Another 12" add the same), or they count
    different harm ("The collapse killed three people" / "The collapse injured two")."""
    added: list[bool] = []
    kinds: list[set[str]] = []
    for phrase, sentence in ((old, rep), (new, member)):
        raw, places = sentence.plain, _figure_places(phrase, sentence)
        added.append(any(_added(raw, start, end) for start, end, _ in places))
        counts = _harm_counts(raw)
        kinds.append({kind for kind, n in counts.items() if any(n == v for *_, v in places)})
    return added[0] != added[1] or (
        bool(kinds[0]) and bool(kinds[1]) and kinds[0].isdisjoint(kinds[1])
    )


def _denies_a_toll_of_another_time(
    a: _Sentence, b: _Sentence, told: Mapping[int, frozenset[str]] | None = None
) -> bool:
    """Whether one of two sentences denies a kind of harm that the other tells of only at
    another time ("No one was killed" / "Two workers were killed at the site in 2019"):
    their "no" is no flip of one fact, as the harm rule (see _harm_said) reads them."""
    for denier, other in ((a, b), (b, a)):
        denied = _harm_said(denier, told)[0]
        if (
            denied
            and not other.negated
            and _another_time(other.norm.casefold())
            and any(_HARM.get(w) in denied for w in other.plain)
        ):
            return True
    return False


def _denied_toll(
    old: str,
    new: str,
    rep: _Sentence,
    member: _Sentence,
    harm: Sequence[tuple[str, Mapping[int, str]]],
) -> bool:
    """Whether two figures paired as one are told by a dispute over whether anyone was
    harmed (see _harm_dispute): one is a toll the other's outlet denies ("killing two
    workers" / "No one was killed, but three people were taken to a hospital" disputes the
    deaths, not two against three), or both are tolls it gives ("2 killed" / "3 killed")."""

    def toll(phrase: str, sentence: _Sentence, told: Mapping[int, str], kind: str) -> bool:
        value = told.get(sentence.doc, "").removesuffix(f" {kind}")
        return value in {v for v, _ in _counted(phrase)}

    for kind, told in harm:
        a, b = toll(old, rep, told, kind), toll(new, member, told, kind)
        if (a and b) or (a and told.get(member.doc) == f"no one {kind}"):
            return True
        if b and told.get(rep.doc) == f"no one {kind}":
            return True
    return False


def _part_of_the_whole(old: str, new: str, rep: _Sentence, member: _Sentence) -> bool:
    """Whether one of two figures paired as one is the whole M of "N of the M" whose part N
    the other gives: "about 12,000 spectators" / "about 12,000 of the 15,000 spectators"
    adds the stadium's size, no dispute."""
    for phrase, sentence, other in ((new, member, old), (old, rep, new)):
        raw = sentence.plain
        values = {float(v) for v, _ in _counted(other) if not v.endswith("%")}
        for start, _, _ in _figure_places(phrase, sentence):
            if _of_a_whole(raw, start):
                at = start - 2 if raw[start - 1] in ("the", "those", "these") else start - 1
                if _figure_run(raw, at - 1)[2] in values:
                    return True
    return False


#: Words between "of" and the whole it counts: "two of its five centres".
_WHOLE_OWNERS = frozenset(("the", "its", "their", "his", "her", "our", "those", "these"))


def _part_told(old: str, new: str, rep: _Sentence, member: _Sentence) -> str | None:
    """When ``old`` is the whole M of ``rep``'s "N of its M" and ``new`` is itself a part
    in ``member`` ("three of its centres"), ``rep``'s part N, the figure the two dispute:
    "" when the parts agree; None when ``old`` is no whole or ``new`` no part."""
    raw, theirs = rep.plain, member.plain
    parts = [v for _, end, v in _figure_places(new, member) if theirs[end + 1 : end + 2] == ("of",)]
    if not parts:
        return None
    for start, _, _ in _figure_places(old, rep):
        at = start - 1
        if at >= 1 and raw[at] in _WHOLE_OWNERS:
            at -= 1
        if at >= 1 and raw[at] == "of" and _figure_word(raw[at - 1]):
            first, last, value = _figure_run(raw, at - 1)
            if value is not None:
                return "" if value in parts else " ".join(raw[first : last + 1])
    return None


def _no_figure_dispute(
    old: str,
    new: str,
    rep: _Sentence,
    member: _Sentence,
    figures: Mapping[int, frozenset[tuple[str, str]]],
    harm: Sequence[tuple[str, Mapping[int, str]]],
) -> bool:
    """Whether two figures paired as one (``old`` in ``rep``, ``new`` in ``member``) may
    both hold or count different things, by every rule that says so; a pair facets let
    pass, found by its counted noun (see _changed_figures), is held to the same rules."""
    return (
        _sketches(old, new, rep, member)
        or _stated_elsewhere(old, new, rep, member, figures)
        or _figure_of_the_other_clause(old, new, rep, member)
        or _one_counts_the_badly_hurt(old, new, rep, member)
        or _no_one_count(old, new, rep, member)
        or _part_of_the_whole(old, new, rep, member)
        or _denied_toll(old, new, rep, member, harm)
        or _maybe_one_day(old, new, rep, member)
        or _date_left_out(old, new, rep, member)
        or _change_against_level(old, new, rep, member)
        or _within_bound(old, new)
        or _over_a_period(old, new)
        or _rounded_from(old, new, rep, member)
        or _hours_rounded(old, new, rep, member)
        or _parts_of_a_tally(old, new, rep, member)
        or _ranks_of_two_things(old, new, rep, member)
        or _days_of_two_events(old, new, rep, member)
        or _counted_by_another(old, new, rep, member)
    )


def _counted_by_another(old: str, new: str, rep: _Sentence, member: _Sentence) -> bool:
    """Whether two figures paired as one count different things, and one sentence counts
    the other's thing with a figure of its own: "Fourteen people were taken to hospital
    ..., forcing the evacuation of about 450 homes" / "Around 300 households were
    evacuated" pairs 14 people with 300 households; 450 homes is the figure to set against
    them (see _changed_figures), not 14 people."""
    olds = {s for _, s in _counted(old) if s}
    news = {s for _, s in _counted(new) if s}
    if not olds or not news or olds & news:
        return False
    return any(n.subject in news for n in rep.numbers) or any(
        n.subject in olds for n in member.numbers
    )


def _disagreements(
    rep: _Sentence,
    members: Sequence[_Sentence],
    labels: Sequence[str],
    figures: Mapping[int, frozenset[tuple[str, str]]],
    harm_told: Mapping[int, frozenset[str]] | None = None,
    placed: Mapping[tuple[int, int], _Sentence] | None = None,
) -> tuple[Disagreement, ...]:
    """Facts the members of one claim state differently from ``rep`` (the member stating
    the most of them): changed figures, altered quotes, added or dropped negations and
    parties that traded places (see facets.py). ``figures`` holds each outlet's figures
    with their counted nouns, story-wide; ``harm_told`` what each tells of harm (see
    _harm_told); ``placed`` each outlet's sentences by (outlet, ordinal), to read a quote
    an outlet split across two sentences whole."""
    from compare.facets import (
        compare_sentences,
        same_number,
        says_no_implicitly,
        sentence_facets,
    )

    stated: dict[tuple[DisagreementKind, str], dict[int, str]] = {}
    harm = _harm_dispute(members, harm_told)
    for harmed, told in harm:
        stated[("number", harmed)] = told
    # Who denies harm that another counts: their "no" is told by that dispute.
    denying = {doc for _, told in harm for doc, value in told.items() if value[:3] == "no "}
    for member in members:
        if member is rep or not _may_disagree(rep, member):
            continue
        for change in compare_sentences(rep.text, member.text):
            if change.kind == "negation":
                if harm and (rep.doc in denying) != (member.doc in denying):
                    continue
                if _denies_a_toll_of_another_time(rep, member, harm_told):
                    continue  # "No one was killed" / "Two were killed there in 2019"
                if _negated_alike(change.old, change.new, rep, member):
                    continue  # "was not in immediate danger" / "no immediate danger"
                if _negation_left_out(rep, member):
                    continue  # "..., showed no reaction" / a trimmed copy without it
                plain, negated = (member, rep) if rep.negated else (rep, member)
                if (
                    rep.negated != member.negated
                    and says_no_implicitly(plain.norm)
                    and not says_no_implicitly(negated.norm)
                ):
                    continue  # "told to avoid the water" / "told not to drink it": one no
                key: tuple[DisagreementKind, str] = ("negation", "")
                old_value, new_value = _negation_value(change.old), _negation_value(change.new)
                if old_value == new_value == "affirmative" and change.old and change.new:
                    # A word turned into its opposite ("Revenue fell 4%" / "rose 4%"): no
                    # "not" on either side, so each side is shown by its own word.
                    key, old_value, new_value = ("negation", change.old), change.old, change.new
                said = stated.setdefault(key, {rep.doc: old_value})
                said[member.doc] = new_value
            elif change.kind == "attribution" and change.action == "changed":
                if _other_speakers(change.old or "", change.new or "", rep, member):
                    said = stated.setdefault(
                        ("attribution", change.old or ""), {rep.doc: change.old or ""}
                    )
                    said[member.doc] = change.new or ""
            elif (
                change.kind in ("number", "quote", "roles", "status") and change.action == "changed"
            ):
                if change.kind == "status" and not _disputed_status(change):
                    continue
                if change.kind == "status" and _says_less(change):
                    continue  # "arrested" / "arrested and charged": one outlet says less
                if change.kind == "number" and _no_figure_dispute(
                    change.old or "", change.new or "", rep, member, figures, harm
                ):
                    continue
                was = change.old or ""
                if change.kind == "number":
                    # "close two of its five centres" / "close three of its centres": the
                    # parts differ, not the whole (facets paired the five with the three).
                    part = _part_told(was, change.new or "", rep, member)
                    if part == "":
                        continue
                    was = was if part is None else part
                if change.kind == "quote" and (
                    _quote_split(was, change.new or "", rep, member, placed or {})
                    or _excerpt_of(was, change.new or "", rep, member)
                ):
                    continue
                key = (change.kind, was)
                said = stated.setdefault(key, {rep.doc: was})
                said[member.doc] = change.new or ""
        # A figure facets.py let pass ("$4.5 million" / "$5.4 million" in reordered
        # sentences), caught by the counted noun both sentences give it.
        changed = _changed_figures(rep, member)
        # Their one figure is one of ours told otherwise ("roughly 6%" / "5.8%"): it is no
        # other of ours changed ("38%").
        rounded = {new for old, new in changed if _rounded_from(old, new, rep, member)}
        for old, new in changed:
            if new in rounded or _no_figure_dispute(old, new, rep, member, figures, harm):
                continue
            if not any(k == "number" and member.doc in v for (k, _), v in stated.items()):
                said = stated.setdefault(("number", old), {rep.doc: old})
                said[member.doc] = new
    # A toll an outlet split off, which no sentence pair above set against the others'.
    for harmed, told, split in _split_toll_dispute(members, harm_told):
        if not any(k == "number" and not split.isdisjoint(v) for (k, _), v in stated.items()):
            stated.setdefault(("number", harmed), told)
    found: list[Disagreement] = []
    for (kind, subject), said in stated.items():
        # Outlets that word the fact as the representative does agree with it.
        value = said.get(rep.doc, "")
        own: dict[int, str] = {}  # the words of those that word it otherwise
        for member in members:
            if member.doc in said or subject in _HARM_KINDS:
                continue
            if kind == "number":
                mine = [n for n in sentence_facets(rep.text).numbers if n.phrase == subject]
                theirs = sentence_facets(member.text).numbers
                alike = [y for x in mine for y in theirs if same_number(x, y)]
                agrees = bool(alike)
                if (wording := _own_wording(value, alike)) is not None:
                    own[member.doc] = wording  # "Around 2,300 residents"
                if not mine:  # a phrase of two figures ("voted 5-2"): its words
                    agrees = match_key(subject) in match_key(member.text)
            elif kind in ("quote", "roles", "status"):
                agrees = match_key(subject) in match_key(member.text)
            elif kind == "negation" and subject:
                # A member compared without that flip is on a side only when its sentence
                # holds one of the words ("reported revenue of 3.1 billion" says neither).
                # or, in a word of its own, turns round an outlet on the other side
                # ("slipped" against "rose", with the representative's "fell").
                held = _words_of(member.text)
                side = next((v for v in said.values() if _words_of(v) in held), None)
                if side is None and any(
                    change.kind == "negation"
                    for other in members
                    if said.get(other.doc, value) != value
                    for change in compare_sentences(member.text, other.text)
                ):
                    side = value
                if side is not None and side != value:
                    said[member.doc] = side
                agrees = side == value
            elif kind == "attribution":
                # It names whoever the representative credits ("Marander said").
                agrees = not _speaker_names(subject, rep).isdisjoint(_names_in(" " + member.norm))
            else:
                agrees = member.negated == rep.negated
            if agrees:
                said[member.doc] = value
        if kind == "number":
            # Outlets that give one figure of one thing in their own words ("Around 300
            # households", "About 300 homes") stand on one side.
            side_of: dict[frozenset[tuple[str, str]], str] = {}
            for doc, given in sorted(said.items(), key=lambda item: item[0] != rep.doc):
                counted = _counted(given) if given else frozenset()
                if counted and side_of.setdefault(counted, given) != given:
                    said[doc] = side_of[counted]
                    own.setdefault(doc, given)
        values = tuple(sorted(said.items()))
        words = tuple(sorted(own.items()))
        found.append(
            Disagreement(kind, subject, values, _detail(values, labels, dict(words)), words)
        )
    return tuple(found)


#: The range a figure only sketched stands for.
_SKETCHES = {
    "dozens": (24, 144),
    "hundreds": (200, 1e3),
    "thousands": (2e3, 1e6),
    "millions": (2e6, 1e9),
    "billions": (2e9, 1e12),
}


def _sketches(old: str | None, new: str | None, a: _Sentence, b: _Sentence) -> bool:
    """Whether one side only sketches the figure the other gives, in its range: "thousands"
    of gallons against "4,000 gallons" says less, not otherwise (``old`` is from ``a``,
    ``new`` from ``b``)."""
    from compare.facets import sentence_facets

    for sketch, figure, sentence in ((old, new, b), (new, old, a)):
        span = _SKETCHES.get((sketch or "").split(" ")[0].casefold())
        if span is not None:
            numbers = sentence_facets(sentence.text).numbers
            values = [n.value for n in numbers if n.phrase == figure and n.value is not None]
            return bool(values) and span[0] <= values[0] < span[1]
    return False


def _changed_figures(a: _Sentence, b: _Sentence) -> list[tuple[str, str]]:
    """Figures ``a`` and ``b`` give different values for the same counted noun, as
    ``(a's wording, b's wording)``."""
    from compare.facets import sentence_facets

    def wording(sentence: _Sentence, number: _Number) -> str:
        # facets.py keeps the page's own wording ("$4.5 million"); ours is case-folded.
        for found in sentence_facets(sentence.text).numbers:
            # (A percentage's value carries its sign: "6%", which facets give as a unit.)
            shown = _format_number(found.value) if found.value is not None else None
            if shown is not None and shown + ("%" if found.unit == "%" else "") == number.value:
                return found.phrase
        return number.surface

    theirs: dict[str, set[str]] = defaultdict(set)
    for number in b.numbers:
        if number.subject:
            theirs[number.subject].add(number.value)
    ours: dict[str, set[str]] = defaultdict(set)
    for number in a.numbers:
        ours[number.subject].add(number.value)
    # A value each sentence gives, whatever noun it is read with, is one figure: "carrying
    # 412 people …, injuring 37" / "Thirty-seven people were injured … more than 400
    # passengers" set no 412 against the 37 (the 37 is read with no noun of its own).
    a_values = {n.value for n in a.numbers}
    b_values = {n.value for n in b.numbers}
    changed: list[tuple[str, str]] = []
    for number in a.numbers:
        other = theirs.get(number.subject, set())
        # ("to 2.8% from 3.1%" / "to 2.8%": their one figure is one of ours, the other left out.)
        if (
            number.subject
            and other
            and number.value not in other
            and len(other) == 1
            and other.isdisjoint(ours[number.subject])
            and other.isdisjoint(a_values)
            and number.value not in b_values
        ):
            (value,) = other
            mine = next(n for n in b.numbers if n.value == value and n.subject == number.subject)
            changed.append((wording(a, number), wording(b, mine)))
    return changed


def _quote_split(
    old: str,
    new: str,
    rep: _Sentence,
    member: _Sentence,
    placed: Mapping[tuple[int, int], _Sentence],
) -> bool:
    """Whether one of two quotes told differently is the other read across two sentences
    in a row of its outlet, its own quote one part of it: '"There is no immediate danger to
    the dam itself," she said. "But we are not taking any chances."' quotes the governor
    as another outlet's one sentence does. A quote cut short stays a dispute, and so does a
    quote altered beside another that holds the first's words."""
    for whole, part, own in ((old, member, new), (new, rep, old)):
        wanted, mine = _words_of(whole), _words_of(own)
        if not mine.strip() or mine not in wanted or wanted == mine:
            continue  # the part's quote is none of the whole's, or all of it
        for pair in ((-1, 0), (0, 1)):
            around = [placed.get((part.doc, part.ordinal + step)) for step in pair]
            if None in around:
                continue
            quoted = " ".join(
                q for sentence in around if sentence is not None for q in sentence.quotes
            )
            if wanted in _words_of(quoted):
                return True
    return False


#: An opening quotation mark inside a sentence's own words, the quote in lower case: the
#: quote is a partial one, the sentence's grammar running through it ('said he had
#: "betrayed the trust of a whole city"').
_PARTIAL_QUOTE = lazy_pattern(r"\w[,]?\s+[\"“‘']\s*(?=[a-z])")


def _words_of(text: str) -> str:
    """``text``'s words, case-folded, spaced so that a word is found whole."""
    return f" {' '.join(_WORD.findall(text.casefold()))} "


def _excerpt_of(old: str, new: str, rep: _Sentence, member: _Sentence) -> bool:
    """Whether one of two quotes told differently is a partial quote, worked into its
    sentence's own words, that the other quotes whole among more of them: 'had "betrayed
    the trust of a whole city"' / '"He betrayed the trust of a whole city," the judge
    said' quote one sentence. A full quote cut short ('"We are not taking any chances,"
    she said' against the two clauses) stays a dispute, and so does one reworded."""

    def denied(before: str) -> bool:
        # A negation among the few words before the excerpt governs it: "It will not
        # stay open" / 'would "stay open"', "no longer committed to the town".
        near = before.split()[-_EXCERPT_REACH:]
        return any(map(is_negation, near))

    for part, whole, sentence in ((old, new, rep), (new, old, member)):
        wanted, mine = _words_of(whole), _words_of(part)
        if not mine.strip() or mine not in wanted:
            continue
        for m in _PARTIAL_QUOTE().finditer(sentence.text):
            if _words_of(sentence.text[m.end() : m.end() + len(part) + 2]).startswith(mine):
                # The quote left a "not" out unless its own sentence says it too.
                cut = wanted.index(mine)
                return not denied(wanted[:cut]) or denied(_words_of(sentence.text[: m.end()]))
    return False


#: How many words before an excerpt a negation in the whole quote governs it.
_EXCERPT_REACH = 3


#: How the views tell the side of a negation dispute that says it without a "not".
UNNEGATED = "says it without a negation"


def as_told(words: str) -> tuple[str, bool]:
    """What the views show of a side's words, and whether to quote them: a negation
    dispute's sides are kept as "negative (did not yet know)" / "affirmative" (the JSON's
    values), shown as the words that negate ("did not yet know", quoted) against
    :data:`UNNEGATED` (not quoted); any other words as they are."""
    if words == "affirmative":
        return UNNEGATED, False
    if words.startswith("negative (") and words.endswith(")"):
        return words[len("negative (") : -1], True
    return words, True


def _negation_value(value: str | None) -> str:
    # A flip comes as one change with both sides filled ("did" -> "did not"), so each side
    # is read for what it says rather than by whether it is empty.
    from compare.facets import negated

    return f"negative ({value})" if value and negated(value) else "affirmative"


def _own_wording(value: str, alike: Sequence[FacetNumber]) -> str | None:
    """The words in which an outlet states a figure the representative words as ``value``,
    of its figures of the same value (``alike``): the one that counts the same thing ("Two
    people died and two firefighters were hurt" states "Two people" by "two people", not
    by "two firefighters"), or the only one; None where it words it alike (case aside) or
    cannot be told."""
    noun = value.rsplit(None, 1)[-1].casefold()
    same_thing = [n for n in alike if n.phrase.rsplit(None, 1)[-1].casefold() == noun]
    found = same_thing or alike
    if len({n.phrase for n in found}) != 1:
        return None
    phrase = found[0].phrase
    return None if phrase.casefold() == value.casefold() else phrase


def _sides(
    stated: Sequence[tuple[int, str]], own: Mapping[int, str]
) -> list[list[tuple[str, list[int]]]]:
    """See Disagreement.sides; ``own``: the outlets' words where they differ from their
    side's value."""
    sides: dict[str, dict[str, list[int]]] = {}
    for doc, value in stated:
        sides.setdefault(value, {}).setdefault(own.get(doc, value), []).append(doc)
    return [list(wordings.items()) for wordings in sides.values()]


def _detail(
    stated: Sequence[tuple[int, str]], labels: Sequence[str], own: Mapping[int, str]
) -> str:
    """Each side's wordings with the outlets that use them ("four cracks (Wire, Gazette),
    four fractures (Metro) / three cracks (Ledger)")."""
    return " / ".join(
        ", ".join(
            f"{as_told(words)[0]} ({', '.join(labels[d] for d in docs)})" for words, docs in side
        )
        for side in _sides(stated, own)
    )


# ---------------------------------------------------------------------------------------
# Building the coverage


def _build_claims(
    sentences: Sequence[_Sentence],
    groups: list[list[int]],
    extra: dict[int, list[int]],
    scorer: _Scorer,
    labels: Sequence[str],
    options: CoverageOptions,
    figures: Mapping[int, frozenset[tuple[str, str]]],
) -> list[tuple[Claim, list[int]]]:
    """The claims of ``groups``, each with the sentence indices it holds; ``figures`` is
    each outlet's figures table (see _figures)."""
    built: list[tuple[Claim, list[int]]] = []
    told = _harm_told(sentences)
    placed = {(s.doc, s.ordinal): s for s in sentences}
    for g, group in enumerate(groups):
        if len(group) == 1:
            rep = group[0]
        else:
            # The wording most alike to all the others; ties go to the wording more outlets
            # carry word for word, then to the earlier outlet. (A pair whose conflicting
            # figures are left out may score above 1: counted as 1, or the one outlet that
            # gives another figure, "voted 6-1" against three "voted 5-2", would win.)
            totals = dict.fromkeys(group, 0.0)
            for x, y in combinations(group, 2):
                score = min(1.0, scorer(x, y))
                totals[x] += score
                totals[y] += score
            copies = {
                k: sum(sentences[k].plain == sentences[m].plain for m in group) for k in group
            }
            rep = max(group, key=lambda k: (totals[k], copies[k], -k))
        rep_sentence = sentences[rep]
        members: list[ClaimMember] = []
        every = sorted(group + extra.get(g, []), key=lambda k: sentences[k].doc)
        for k in every:
            sentence = sentences[k]
            members.append(
                ClaimMember(
                    doc=sentence.doc,
                    paragraph=sentence.paragraph,
                    sentence=sentence.sentence,
                    text=sentence.text,
                    status="verbatim" if sentence.plain == rep_sentence.plain else "reworded",
                    # (A pair whose conflicting figures are left out may score above 1.)
                    similarity=1.0 if k == rep else round(min(1.0, scorer(rep, k)), 3),
                    shared=k not in group,
                )
            )
        # Facts are read against the member that states the most of them: a representative
        # wording without the figure ("The NTSB said it was sending investigators") would
        # miss "four investigators" in one outlet and "five" in another.
        facts = max(
            every,
            key=lambda k: (len(sentences[k].numbers) + len(sentences[k].quotes), k == rep, -k),
        )
        disagreements = (
            _disagreements(
                sentences[facts], [sentences[k] for k in every], labels, figures, told, placed
            )
            if options.facets and len(every) > 1
            else ()
        )
        # The wording shown without a wire's dateline ("ORVANE, Calder (Meridian Wire) —"),
        # which says who filed the story, not the fact (the member keeps it, as written).
        dateline = _opening_dateline(
            rep_sentence.text, rep_sentence.paragraph, rep_sentence.sentence
        )
        shown = rep_sentence.text[dateline.end() :] if dateline else ""
        claim = Claim(
            id="",
            members=tuple(members),
            text=shown.strip() or rep_sentence.text,
            representative=rep_sentence.doc,
            disagreements=disagreements,
            quote=any(sentences[k].quotes for k in every),
            agent=_agent_left_out([sentences[k] for k in every])
            if options.facets and len(every) > 1
            else None,
            hedge=_hedged([sentences[k] for k in group]) if options.facets else None,
        )
        built.append((claim, every))
    return built


#: The hedges that doubt a fact (compare/facets/hedges.py's groups): not a forecast
#: ("expected to"), a step told as care ("as a precaution") or a claim narrowed ("largely"),
#: which the pairwise views show as hedges too but which leave the fact itself standing.
_DOUBT = _word_set(
    "reportedly allegedly unconfirmed sources possibility apparently likely believed"
)
#: A modal alone says what may happen as often as what may be so ("could be heard several
#: miles away", "could face ten years"), and "possible" is mostly an idiom's ("use public
#: transport where possible", "as soon as possible"): no doubt cast on the fact.
_MODALS = frozenset(("may", "might", "could", "possible"))
#: "likely to" tells what will come, as "expected to" does ("is likely to reopen on Monday"):
#: a forecast, not a fact doubted ("was likely caused by faulty wiring").
_FORECAST = lazy_pattern(r"\b(?:likely|unlikely)\s+to\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _doubt_words() -> frozenset[str]:
    """The words one of which each doubting hedge's pattern needs (hedges._HEDGE_NEEDS)."""
    from compare.facets import hedges

    return frozenset(
        word
        for (_, group, _, _), (words, _) in zip(hedges._HEDGES, hedges._HEDGE_NEEDS, strict=True)
        if group in _DOUBT
        for word in words
    )


def _hedged(members: Sequence[_Sentence]) -> Hedged | None:
    """Which of a claim's outlets hedge it and which state it flatly, each read on its own
    sentence for the claim (not one it shares with another: ``members`` are the primary
    ones), by the hedges that doubt a fact (_DOUBT), which the pairwise views read too
    ("hedge added: 'reportedly'"); None unless some outlets do each."""
    # (Most claims: no member holds a word a doubting hedge needs; nothing else is read.)
    if len(members) < 2 or all(_doubt_words().isdisjoint(m.plain) for m in members):
        return None
    from compare.facets import sentence_facets

    cues = {
        m.doc: ", ".join(
            dict.fromkeys(
                cue.text
                for cue in sentence_facets(m.text).hedges
                if cue.group in _DOUBT
                and cue.text.casefold() not in _MODALS
                and not (cue.group == "likely" and _FORECAST().search(m.text))
            )
        )
        for m in members
    }
    hedged = tuple((doc, words) for doc, words in sorted(cues.items()) if words)
    flat = tuple(doc for doc, words in sorted(cues.items()) if not words)
    return Hedged(hedged, flat) if hedged and flat else None


def _agent_left_out(members: Sequence[_Sentence]) -> AgentLeftOut | None:
    """Who did harm in a claim, named by some of its members and left out by others: each
    pair of outlets read against each other (``swaps.agent_change``), an outlet on a side
    only where a pair says so (one that reads as another word for word, on its side too),
    or, where some outlet names it, one that tells the harm with nobody doing it (another
    word order: ``swaps.tells_harm_without_doer``); any other outlet stands on neither.
    None when no pair differs, or the pairs disagree on an outlet's side. The sides do not
    depend on which member words the claim, nor on the outlets' order."""
    from compare import swaps

    firsts: dict[int, _Sentence] = {}
    for member in members:
        firsts.setdefault(member.doc, member)
    if len(firsts) < 2 or not any(swaps.may_leave_out_agent(m.text) for m in firsts.values()):
        return None
    docs = sorted(firsts)
    side: dict[int, bool] = {}  # doc -> names who did it
    words: tuple[str, str] | None = None  # how one that names it and one that does not say it
    for i, a in enumerate(docs):
        for b in docs[i + 1 :]:
            change = swaps.agent_change(firsts[a].text, firsts[b].text)
            if change is None:
                continue
            a_names = change.what == "agent dropped"
            for doc, names in ((a, a_names), (b, not a_names)):
                if side.setdefault(doc, names) != names:
                    return None  # (read both ways: nothing sure to say)
            if words is None:
                words = (change.was, change.now) if a_names else (change.now, change.was)
    if words is None:
        return None
    for doc in docs:  # a word-for-word copy of an outlet placed stands with it
        if doc not in side:
            twin = next((d for d in side if firsts[d].plain == firsts[doc].plain), None)
            if twin is not None:
                side[doc] = side[twin]
    if True in side.values():  # one that tells the harm with nobody doing it leaves it out
        for doc in docs:
            if doc not in side and swaps.tells_harm_without_doer(firsts[doc].text):
                side[doc] = False
    named = tuple(d for d in docs if side.get(d) is True)
    left_out = tuple(d for d in docs if side.get(d) is False)
    if not (named and left_out):
        return None
    return AgentLeftOut(named, left_out, *words)


def _words_chosen(
    built: tuple[Claim, list[int]], sentences: Sequence[_Sentence], documents: Sequence[Document]
) -> tuple[WordsChosen, ...]:
    """What the outlets carrying a claim name with words of different groups of one framing
    family (compare/facets/framing.py), each outlet read on its own sentence for the claim
    (not one it shares with another claim) with its quotations masked: an outlet stands
    with the group whose words it uses, on no side when it uses none or two groups' words.
    Two outlets whose terms are the same words in another order ("legal and illegal
    migrants" / "illegal and legal migrants") stand on no side either, as pairwise. The
    sides do not depend on the outlets' order."""
    from compare.facets import framing
    from compare.facets.document import _opens_inside_quote
    from compare.facets.sentence import _prepare

    claim, every = built
    cued = {
        sentences[k].doc: sentences[k]
        for k, member in zip(every, claim.members, strict=True)
        # (Most claims: fewer than two outlets hold a framing word; nothing else is read.)
        if not member.shared and not framing.CUES.isdisjoint(sentences[k].plain)
    }
    if len(cued) < 2:
        return ()
    masked = {
        doc: _prepare(s.text, _opens_inside_quote(documents[doc], s.paragraph, s.sentence)).masked
        for doc, s in cued.items()
    }
    read = {doc: framing.terms_by_family(text) for doc, text in masked.items()}
    found: list[WordsChosen] = []
    for family in framing.FAMILIES:
        side: dict[int, tuple[int, str]] = {}  # doc -> (group, the first word of it)
        for doc in sorted(read):
            terms = read[doc].get(family, ())  # (every family: a handful, none for most)
            if terms and len({g for _, g in terms}) == 1:
                side[doc] = (terms[0][1], terms[0][0])
        unsure = {
            doc
            for a, b in combinations(sorted(side), 2)
            if side[a][0] != side[b][0]
            and framing.reordered(side[a][1], side[b][1], masked[a], masked[b])
            for doc in (a, b)
        }
        groups: dict[int, list[tuple[int, str]]] = {}
        for doc, (group, word) in side.items():
            if doc not in unsure:
                groups.setdefault(group, []).append((doc, word))
        if len(groups) > 1:
            found.append(
                WordsChosen(
                    family,
                    tuple(
                        WordChoice(framing.group_name(family, g), tuple(groups[g]))
                        for g in sorted(groups)
                    ),
                )
            )
    return tuple(found)


def _order(
    built: list[tuple[Claim, list[int]]], sentences: Sequence[_Sentence], outlets: Sequence[int]
) -> list[int]:
    """Claim order: the order of the outlet that shares the most claims with the others,
    then each claim another outlet adds is placed right after the claim that precedes it
    in that outlet."""
    per_doc: dict[int, list[tuple[int, int]]] = defaultdict(list)
    shared: dict[int, int] = defaultdict(int)
    for c, (_, every) in enumerate(built):
        for k in every:
            per_doc[sentences[k].doc].append((sentences[k].ordinal, c))
            shared[sentences[k].doc] += len(every) > 1
    spine = max(outlets, key=lambda d: (shared[d], -d))
    order: list[int] = []
    placed: set[int] = set()
    for doc in [spine, *(d for d in outlets if d != spine)]:
        previous = -1
        for _, c in sorted(per_doc[doc]):
            if c in placed:
                previous = order.index(c)
                continue
            order.insert(previous + 1, c)
            placed.add(c)
            previous += 1
    return order


def _jaccard(carried: Sequence[Sequence[int]], n: int) -> list[list[float]]:
    """Documents x documents: claims in common over claims in either."""
    sets: list[set[int]] = [set() for _ in range(n)]
    for c, docs in enumerate(carried):
        for doc in docs:
            sets[doc].add(c)
    matrix = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            union = len(sets[i] | sets[j])
            matrix[i][j] = round(len(sets[i] & sets[j]) / union, 3) if union else 0.0
    return matrix


def _overlap(carried: Sequence[Sequence[int]], n: int) -> list[list[float]]:
    """Documents x documents: claims in common over the claims of the smaller one."""
    counts = [0] * n
    shared = [[0] * n for _ in range(n)]
    for docs in carried:
        for x in docs:
            counts[x] += 1
            for y in docs:
                shared[x][y] += 1
    return [
        [
            shared[i][j] / min(counts[i], counts[j]) if min(counts[i], counts[j]) else 0.0
            for j in range(n)
        ]
        for i in range(n)
    ]


def _main_story(overlap: list[list[float]], docs: Sequence[int], threshold: float) -> list[int]:
    """The largest group of documents linked by enough shared claims."""
    return _linked_groups(docs, lambda d, e: overlap[d][e] >= threshold)[0]


def _named_story(
    overlap: list[list[float]], names: Sequence[frozenset[str]], docs: Sequence[int]
) -> list[int]:
    """When no two inputs share enough claims to make a main story (see _main_story): the
    largest group linked by any claim or any name in common, when one group is the largest
    and has two inputs or more; what it leaves out (an input that shares neither with any
    of them, and names three places, people or bodies of its own) is another story. Else
    all of ``docs``: nothing is told apart."""
    groups = _linked_groups(docs, lambda d, e: overlap[d][e] > 0 or _name_shared(d, [e], names))
    if len(groups) < 2 or len(groups[0]) < 2 or len(groups[0]) == len(groups[1]):
        return list(docs)
    others = [d for group in groups[1:] for d in group]
    if any(len(names[d]) < 3 for d in others):
        return list(docs)
    return groups[0]


def _linked_groups(docs: Sequence[int], linked: Callable[[int, int], bool]) -> list[list[int]]:
    """The groups of ``docs`` (in ascending order) that ``linked`` joins, directly or through
    others, each sorted; the largest first, ties in the order of their first input."""
    seen: set[int] = set()
    groups: list[list[int]] = []
    for start in docs:
        if start in seen:
            continue
        stack, group = [start], []
        seen.add(start)
        while stack:
            d = stack.pop()
            group.append(d)
            for e in docs:
                if e not in seen and linked(d, e):
                    seen.add(e)
                    stack.append(e)
        groups.append(sorted(group))
    groups.sort(key=len, reverse=True)  # (stable: ties stay in the order found)
    return groups


def _name_shared(d: int, others: Sequence[int], names: Sequence[frozenset[str]]) -> bool:
    """Whether input ``d`` names a place, person or body one of ``others`` names, spellings
    aside (see _same_name)."""
    if any(names[d] & names[e] for e in others if e != d):
        return True
    return any(_same_name(a, b) for e in others if e != d for a in names[d] for b in names[e])


def _another_day(
    doc: int, main: Sequence[int], overlap: list[list[float]], documents: Sequence[Document]
) -> bool:
    """Whether ``doc`` shares only some claims with the rest and was published days away
    from all of them: the same topic on another day, background sentences and all."""
    best = max(overlap[doc][e] for e in main if e != doc)
    mine = _date(documents[doc])
    if best >= 0.5 or mine is None:
        return False
    others = [d for e in main if e != doc and (d := _date(documents[e])) is not None]
    comparable = [d for d in others if (d.tzinfo is None) == (mine.tzinfo is None)]
    return bool(comparable) and all(abs((mine - d).days) > 3 for d in comparable)


#: A word of three letters or more, a name when capitalised ("Zürich", "Élodie" too).
_CAPITALISED = lazy_pattern(r"(?<!\w)[^\W\d_]{2}[\w'’-]+")
#: The place a dateline opens with ("CASTELLAN, Veloria (Meridian Wire) —": Castellan,
#: Veloria); the agency in brackets is who filed, not where.
_DATELINE_PLACE = lazy_pattern(
    f"({DATELINE_HEAD})(?:, ([{UPPER}][\\w.'’ -]{{0,24}}?))?"
    f"(?:, [^,()]{{0,24}}?){{0,2}}\\s*(?:\\(|[—–-])"  # a date (and year) after it is no place
)
#: Capitalised words that are no name of a place, a person or a body.
_NOT_NAMES = _DAY_WORDS | _word_set("mr mrs ms dr")


#: "Saint Denis", "St Denis", "St. Denis" and "St-Denis", as the place's own spelling
#: joins them ("Saint-Denis"): one name, not "Saint" and "Denis".
_SAINT = lazy_pattern(
    rf"(?<![\w.-])(?:(Saint|SAINT|St|ST)|Sainte|SAINTE|Ste|STE)\.?[ -](?=[{UPPER}])"
)
#: A word of a dateline's place, hyphenated names whole ("WINSTON-SALEM").
_PLACE_WORD = lazy_pattern(r"[^\W\d_][\w'’-]*")


def _saints(text: str) -> str:
    return _SAINT().sub(lambda m: "Saint-" if m.group(1) else "Sainte-", text)


#: A street's "St." ending a sentence the splitter kept whole ("Police closed Baker St.
#: Residents were told to stay away."): it follows the street's name.
_STREET_END = lazy_pattern(r"(?<![\w'’-])([A-Z][\w'’-]*) St\.(?= [A-Z])")
#: Capitalised words before "St." that start a place's name, not a street's: "Port St.
#: Lucie", "East St. Louis", "Sault Ste. Marie" (Ste. is no street).
_SAINT_LEADS = _word_set(
    "port fort lake mount mt cape point pointe sault bay isle ile lac east west north south "
    "upper lower old great little grand near outside inside across past along via through "
    "beyond toward towards downtown"
)


def _street_ends(sentence: str) -> list[str]:
    """``sentence`` cut after each street's "St." that ends a sentence within it."""
    cuts = [
        m.end()
        for m in _STREET_END().finditer(sentence)
        if m.group(1).casefold() not in _SAINT_LEADS and m.group(1).casefold() not in _STOP
    ]
    return [sentence[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(sentence)], strict=True)]


def _names(document: Document) -> frozenset[str]:
    """The names a story gives, case-folded: capitalised words that do not open a sentence,
    and the place of its dateline."""
    names: set[str] = set()
    for p, paragraph in enumerate(document.paragraphs):
        for s, whole in enumerate(paragraph.sentences):
            if opening := _opening_dateline(whole, p, s):
                place = _DATELINE_PLACE().match(whole)
                if place:
                    words = _saints(" ".join(filter(None, place.groups())))
                    names.update(_name_key(w) for w in _PLACE_WORD().findall(words))
                whole = whole[opening.end() :]
            for sentence in _street_ends(whole) if "St. " in whole else [whole]:
                if "S" in sentence:
                    sentence = _saints(sentence)
                # A saint's place opening a sentence is a name all the same ("Saint-Denis
                # police said"), and "Denis" alone must not be taken for one.
                first = re.match(r"[^\w]*(?!Sainte?-)\w+", sentence)
                rest = sentence[first.end() :] if first else sentence
                names.update(
                    _name_key(w)
                    for w in _CAPITALISED().findall(rest)
                    if w[0].isupper() and w[1].islower()
                )
    return frozenset(n for n in names if n not in _NOT_NAMES and n not in _STOP)


def _name_key(word: str) -> str:
    """A name as compared: case-folded, without a possessive or accents ("Kyiv's" -> kyiv,
    "Müller" -> muller), as outlets that drop accents write it."""
    word = re.sub(r"['’]s?$", "", word)
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in decomposed if not unicodedata.combining(c))
    return word.casefold()


def _same_name(a: str, b: str) -> bool:
    """Whether two names are one spelt two ways (Kyiv/Kiev, Klitschko/Klichko,
    Müller/Mueller): the same first letter and nearly the same letters."""
    from rapidfuzz import fuzz

    return a == b or (
        a[:1] == b[:1] and min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= _SAME_NAME
    )


#: How alike two spellings of a name are, at least (rapidfuzz ratio; Kyiv/Kiev is 75).
_SAME_NAME = 75


def _another_event(
    doc: int,
    main: Sequence[int],
    names: Sequence[frozenset[str]],
    figures: Mapping[int, frozenset[tuple[str, str]]],
) -> bool:
    """Whether ``doc`` names none of the places, people and bodies the rest of the main
    story names, while each of the others names some that another does: a crash, a fire or
    a vote somewhere else, told in the same words (a wire's template) on the same day.
    ``figures`` holds each outlet's figures with the nouns they count."""
    if len(names[doc]) < 3:
        return False
    others = [e for e in main if e != doc]
    # The same event told with other names (the region, not the town; "Peking") gives the
    # others' figures for the same things ("two crew members", "nine workers");
    # another event in the same template gives its own ("five people", not "12 people").
    if any(figures[doc] & figures[e] for e in others):
        return False
    # Names alone cannot tell another event from a brief that names only the region: it
    # takes a figure counting the same thing otherwise (its own toll) to say so.
    counted = {noun for e in others for _, noun in figures[e]}
    if counted.isdisjoint(noun for _, noun in figures[doc]):
        return False

    return not _name_shared(doc, others, names) and all(
        names[e] and _name_shared(e, others, names) for e in others
    )


def _figures(sentences: Sequence[_Sentence], count: int) -> dict[int, frozenset[tuple[str, str]]]:
    """Each document's figures with the noun each counts, story-wide: ``(value, noun)``.
    A figure without a noun is left out: both readers of the table (the "stated elsewhere"
    rule and the names rule) compare figures of the same thing."""
    found: list[set[tuple[str, str]]] = [set() for _ in range(count)]
    for sentence in sentences:
        found[sentence.doc].update((n.value, n.subject) for n in sentence.numbers if n.subject)
    return {doc: frozenset(table) for doc, table in enumerate(found)}


def _date(document: Document) -> datetime | None:
    if not document.published:
        return None
    text = document.published.replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=None)


def published_first(a: Document, b: Document) -> int | None:
    """0 when ``a`` was published first, 1 for ``b``, ``None`` when the dates do not tell."""
    da, db = _date(a), _date(b)
    if da is None or db is None or (da.tzinfo is None) != (db.tzinfo is None) or da == db:
        return None
    # Dates without a time only tell when the days differ.
    if min(len(a.published or ""), len(b.published or "")) <= 10 and da.date() == db.date():
        return None
    return 0 if da < db else 1


def _reuse(
    documents: Sequence[Document],
    built: Sequence[tuple[Claim, list[int]]],
    sentences: Sequence[_Sentence],
    options: CoverageOptions,
) -> list[Reuse]:
    from rapidfuzz import fuzz

    counts: dict[int, int] = defaultdict(int)
    for sentence in sentences:
        counts[sentence.doc] += 1
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for _, every in built:
        primary = [sentences[k] for k in every]
        for x in primary:
            for y in primary:
                if x.doc < y.doc:
                    copied = fuzz.ratio(x.norm.casefold(), y.norm.casefold())
                    if copied >= options.reuse_ratio * 100:
                        pairs[(x.doc, y.doc)].append((x.ordinal, y.ordinal))
    found: list[Reuse] = []
    reused: dict[tuple[int, int], set[int]] = {}
    agencies = [_carried_agency(doc) for doc in documents]
    for (a, b), links in pairs.items():
        if len(links) < 2:
            continue
        if agencies[a] is not None and agencies[a] == agencies[b]:
            # Both ran one agency's story ("KESTREL BAY, Ore. (Coastline Press) —"): the
            # common source explains the shared sentences, not one copying the other.
            continue
        first = published_first(documents[a], documents[b])
        source, target = (b, a) if first == 1 else (a, b)
        oriented = sorted(links) if source == a else sorted((y, x) for x, y in links)
        share_source = len(oriented) / counts[source]
        share_target = len(oriented) / counts[target]
        if first is None and share_target < share_source:
            # Without dates, call the one whose text is more fully reused the source.
            source, target = target, source
            oriented = sorted((y, x) for x, y in oriented)
            share_source, share_target = share_target, share_source
        if max(share_source, share_target) < 0.3:
            continue
        runs = _runs(oriented)
        reused[(source, target)] = {y for _, y in oriented}
        found.append(
            Reuse(
                source=source,
                target=target,
                sentences=len(oriented),
                share_of_source=round(share_source, 3),
                share_of_target=round(share_target, 3),
                runs=tuple(runs),
                original=None if first is None else source,
            )
        )
    # Two rewrites of one wire story share its sentences with each other too; that reuse
    # is explained by the common source when another outlet supplies more of them, earlier,
    # or as many when the first outlet itself copied them from that one (a wire, a paper
    # that ran it verbatim, and a third that shares both: it copied the wire's words).
    copies = {(r.source, r.target) for r in found}
    explained = {
        (r.source, r.target)
        for r in found
        for other in found
        if other.target == r.target
        and other.source != r.source
        and (
            other.sentences > r.sentences
            or (other.sentences == r.sentences and (other.source, r.source) in copies)
        )
        and reused[(r.source, r.target)] <= reused[(other.source, other.target)]
    }
    kept = [r for r in found if (r.source, r.target) not in explained]
    kept.sort(key=lambda r: (-r.share_of_source, r.source, r.target))
    return kept


# A wire dateline that credits the agency: "KESTREL BAY, Ore. (Coastline Press) —",
# "LONDON (Reuters) -", and as continental papers write it: "Berlin (dpa) -", "MADRID, 3
# mar (EFE).-", "Frankfurt/Main (dpa/lhe) –".
_AGENCY_DATELINE = lazy_pattern(
    r"(?:[A-Z][A-Z.'’ -]*|[A-ZÄÖÜ][\w.'’/-]+(?: [A-Z][\w.'’/-]+){0,2})"
    r"(?:, [A-Z0-9][\w.'’ -]{0,24}){0,3}\s*\((?P<agency>[A-Za-z][\w&.'’/ -]{1,40})\)\.?\s*[—–-]"
)


def _carried_agency(doc: Document) -> str | None:
    """The news agency whose story ``doc`` carries, as its dateline credits it; None when
    it credits none, or when the outlet is that agency (its own copy is the source)."""
    if not doc.paragraphs:
        return None
    found = _AGENCY_DATELINE().match(doc.paragraphs[0].text)
    if found is None:
        return None
    agency = found["agency"].strip().casefold()
    # As whole words: "ap" is in "Newspaper", "pa" in "Tampa".
    site = re.findall(r"\w+", (doc.site_name or "").casefold())
    words = agency.split()
    carries_itself = any(site[i : i + len(words)] == words for i in range(len(site)))
    return None if carries_itself else agency


def _runs(links: Sequence[tuple[int, int]]) -> list[ReuseRun]:
    runs: list[ReuseRun] = []
    start = 0
    for k in range(1, len(links) + 1):
        if k < len(links):
            (xa, ya), (xb, yb) = links[k - 1], links[k]
            if xb == xa + 1 and 0 < yb - ya <= 2:
                continue
        if k - start >= 2:
            runs.append(
                ReuseRun(
                    source=(links[start][0], links[k - 1][0]),
                    target=(links[start][1], links[k - 1][1]),
                    length=k - start,
                )
            )
        start = k
    return runs


def outlet_labels(
    documents: Sequence[Document], given: Sequence[str | None] = ()
) -> tuple[str, ...]:
    """One unique name per document: the given label, else the site name, else the host or
    file name."""
    from pathlib import PurePath
    from urllib.parse import urlparse

    from compare.render import shown_name

    names: list[str] = []
    for i, document in enumerate(documents):
        label = shown_name(given[i] or "") if i < len(given) else None
        if not label:
            spec = document.provenance.spec
            host = urlparse(document.url or document.provenance.url or "").hostname
            label = document.site_name or (host.removeprefix("www.") if host else None)
            label = label or (PurePath(spec).stem if spec and spec != "-" else f"input {i + 1}")
        names.append(label)
    seen: dict[str, int] = defaultdict(int)
    for name in names:
        seen[name] += 1
    counter: dict[str, int] = defaultdict(int)
    unique: list[str] = []
    for name, document in zip(names, documents, strict=False):
        if seen[name] > 1:
            counter[name] += 1
            # Stored versions of one page (URL@1 URL@3 URL@5) by their numbers: "(2)" for
            # version 3 told the reader the wrong one.
            version = document.provenance.version
            unique.append(f"{name} (v{version})" if version else f"{name} ({counter[name]})")
        else:
            unique.append(name)
    if len(set(unique)) < len(unique):  # one version given twice, or v3 beside a "(3)"
        return outlet_labels(documents, [f"{n} ({i + 1})" for i, n in enumerate(names)])
    return tuple(unique)


def _group(sentences: Sequence[_Sentence], options: CoverageOptions) -> _Grouping:
    weighted = _weigh(sentences)
    scorer = _Scorer(weighted)
    neighbours = _candidates(weighted)
    groups = _cluster(weighted, neighbours, scorer, options)
    groups = _prefer_fuller(weighted, groups, neighbours, scorer, options)
    groups = _join_ledes(weighted, groups, scorer)
    groups = _follow_quotes(weighted, groups)
    groups, halves = _absorb_fragments(weighted, groups, neighbours)
    extra = _absorb_merged(weighted, groups, neighbours)
    for g, ks in halves.items():
        extra[g].extend(ks)
    groups, extra = _join_denials(weighted, groups, extra)
    groups, extra = _join_split_tolls(weighted, groups, extra)
    groups, extra = _join_repeats(weighted, groups, extra, scorer, options)
    groups, extra = _join_split_times(weighted, groups, extra)
    return _Grouping(weighted, scorer, groups, extra)


#: The words a lone half that gives a claim's clock time must share with the sentence that
#: gives it there besides the time (which is no token): "The blast happened at around 3:40
#: a.m., according to the county fire service, ..." shares "county", "fire" and "service"
#: with "... at 3:40 a.m. on Tuesday, killing 12 workers ..., the county fire service said",
#: though little of its weight (0.29: it adds that the blast was heard miles away).
_TIMED_WORDS = 2


def _join_split_times(
    sentences: Sequence[_Sentence], groups: list[list[int]], extra: dict[int, list[int]]
) -> tuple[list[list[int]], dict[int, list[int]]]:
    """An outlet that moved the time of a lede's event into a sentence of its own, beside
    its lede ("Fourteen workers were killed when an explosion ripped through ... The blast
    happened at around 3:40 a.m., according to the county fire service"), has that
    sentence alone, "only in" it, though another outlet's lede gives the same time and
    source: it is a secondary member of the lede's claim, as the half of a split sentence
    is (_absorb_fragments), the same clock time the evidence its words lack."""
    timed = {k: clock_times(s.norm) for k, s in enumerate(sentences) if ":" in s.norm}
    if not timed:
        return groups, extra
    members: dict[int, list[int]] = {
        g: [*group, *extra.get(g, [])] for g, group in enumerate(groups)
    }
    moved: set[int] = set()
    for g, group in enumerate(groups):
        if len(group) != 1 or extra.get(g):
            continue
        (k,) = group
        mine = sentences[k]
        times = set(timed.get(k, ()))
        if not times:
            continue
        for t, held in members.items():
            if t == g or t in moved or not _next_to_own(mine, held, sentences):
                continue
            if any(
                sentences[o].doc != mine.doc
                and not times.isdisjoint(timed.get(o, ()))
                and len(mine.tokens & sentences[o].tokens) >= _TIMED_WORDS
                for o in held
            ):
                extra.setdefault(t, []).append(k)
                moved.add(g)
                break
    if not moved:
        return groups, extra
    return without_groups(groups, extra, moved)


#: How alike two sentences of one outlet must be to say one fact twice: a standfirst that
#: repeats the lede in other words scores 0.68-0.84 against it; the fixtures' other
#: sentences of one outlet, under 0.45.
_REPEAT = 0.6

#: In how many of an outlet's sentences a token may appear and still find that outlet's
#: repeats anywhere in it: a fact stated twice shares its rarest words with few others.
_REPEAT_POSTINGS = 8


def _join_repeats(
    sentences: Sequence[_Sentence],
    groups: list[list[int]],
    extra: dict[int, list[int]],
    scorer: _Scorer,
    options: CoverageOptions,
) -> tuple[list[list[int]], dict[int, list[int]]]:
    """An outlet that states one fact twice (a standfirst repeating its lede: "… killing 12
    workers" above "… at 3:40 a.m. on Tuesday, killing 12 workers and injuring 40 others")
    has each sentence in a claim of its own, as a claim holds one sentence per outlet: the
    other outlets' standfirsts go to one, their ledes to the other, and each claim lacks an
    outlet ("left out"), holds one alone ("only in") or misses one's figure in its dispute.
    The two claims are one: the repeat is a secondary member. The two sentences must be
    close by or the later say nothing more (a recap that adds to the opening is a claim of
    its own), and the claims alike on average between their cores, as a merge in _cluster
    must be."""
    owner = {k: g for g, group in enumerate(groups) for k in group}
    for g, ks in extra.items():
        for k in ks:
            owner.setdefault(k, g)
    # Each outlet's sentences by their rarest tokens, to find its repeats without scoring
    # every pair of its sentences.
    postings: dict[tuple[int, str], list[int]] = defaultdict(list)
    for k, sentence in enumerate(sentences):
        for token in sentence.tokens:
            postings[sentence.doc, token].append(k)
    parent = list(range(len(groups)))

    def root(g: int) -> int:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for k, sentence in enumerate(sentences):
        if len(sentence.tokens) < 4 or k not in owner:
            continue
        rarest = sorted(sentence.tokens, key=lambda t: (-sentence.weights[t], t))[:3]
        near: set[int] = set()
        for t in rarest:
            posting = postings[sentence.doc, t]
            start = bisect_right(posting, k)
            # A token the outlet repeats in many sentences (a long list, a results table,
            # a live page) finds no repeat by itself: only its sentences close by are
            # scored, so that each sentence scores a bounded number of others.
            if len(posting) > _REPEAT_POSTINGS:
                after = [
                    j
                    for j in posting[start : start + _SPLIT_REACH]
                    if sentences[j].ordinal - sentence.ordinal <= _SPLIT_REACH
                ]
            else:
                after = posting[start:]
            near.update(j for j in after if j in owner)
        for j in sorted(near):
            a, b = root(owner[k]), root(owner[j])
            if a == b or scorer(k, j) < _REPEAT:
                continue
            # Close by (a standfirst above its lede), or the later saying nothing more: a
            # recap at the story's end that adds to the opening ("…, was the deadliest in
            # the region since 2009") is news of its own.
            later = sentences[j]
            if (
                later.ordinal - sentence.ordinal > _SPLIT_REACH
                and _held(later, sentence) < _FRAGMENT
            ):
                continue
            core_a = [m for m in groups[a][:4] if sentences[m].doc != sentence.doc]
            core_b = [m for m in groups[b][:4] if sentences[m].doc != sentence.doc]
            pairs = [(x, y) for x in core_a for y in core_b if sentences[x].doc != sentences[y].doc]
            if pairs and sum(scorer(x, y) for x, y in pairs) / len(pairs) < options.support:
                continue
            # The claim more outlets carry keeps its place and its primary sentences.
            if (len(groups[b]), -b) > (len(groups[a]), -a):
                a, b = b, a
            parent[b] = a
    if all(parent[g] == g for g in range(len(groups))):
        return groups, extra
    merged = {g: list(group) for g, group in enumerate(groups) if root(g) == g}
    secondary: dict[int, list[int]] = defaultdict(list)
    for g, group in enumerate(groups):
        r = root(g)
        if r == g:
            continue
        present = {sentences[m].doc for m in merged[r]}
        for k in group:
            # An outlet the claim holds already: its repeat is a secondary member.
            if sentences[k].doc in present:
                secondary[r].append(k)
            else:
                merged[r].append(k)
                present.add(sentences[k].doc)
    for g, ks in extra.items():
        secondary[root(g)].extend(ks)
    renumber = {g: i for i, g in enumerate(merged)}
    joined: dict[int, list[int]] = defaultdict(list)
    for g, ks in secondary.items():
        joined[renumber[g]] = [k for k in dict.fromkeys(ks) if k not in merged[g]]
    return [sorted(group, key=lambda m: sentences[m].doc) for group in merged.values()], joined


@dataclass
class _Grouping:
    """The outcome of grouping one set of documents' sentences."""

    sentences: list[_Sentence]
    """The sentences grouped, weighted."""
    scorer: _Scorer
    """The pair scores computed along the way."""
    groups: list[list[int]]
    """Sentence indices per claim, one primary sentence per document."""
    extra: dict[int, list[int]]
    """Group index -> secondary members (merged or split sentences)."""

    def docs_of(self) -> list[list[int]]:
        """Per group, the documents that carry it (secondary members included)."""
        return [
            sorted({self.sentences[k].doc for k in group + self.extra.get(g, [])})
            for g, group in enumerate(self.groups)
        ]


def compare_many(documents: Sequence[Document], options: CoverageOptions | None = None) -> Coverage:
    """Group the sentences of several outlets' versions of one story into claims."""
    options = options or CoverageOptions()
    docs = tuple(documents)
    if len(docs) < 2:
        raise InputError(
            f"need at least two documents to compare, got {len(docs)}",
            "give two or more sources",
        )
    # Grouping makes a few hundred thousand small sets, dicts and tuples, none of them in a
    # reference cycle; the cycle collector would rescan them again and again (a tenth to a
    # fifth of the run time at 10 outlets).
    with paused_gc():
        return _compare_many(docs, options)


def _compare_many(docs: tuple[Document, ...], options: CoverageOptions) -> Coverage:
    labels = outlet_labels(docs, options.labels)
    everyone = list(range(len(docs)))
    notes = [note for d, document in enumerate(docs) for note in _newsroom_notes(d, document)]
    sentences = _collect(docs, notes)
    figures = _figures(sentences, len(docs))
    grouping = _group(sentences, options)
    carried = grouping.docs_of()
    overlap = _overlap(carried, len(docs))
    first_similarity = _jaccard(carried, len(docs))
    keep = everyone
    set_aside: list[SetAside] = []
    warnings = [f"{labels[d]}: {warning}" for d in everyone for warning in docs[d].warnings]
    names = [_names(d) for d in docs]
    if len(docs) == 2 and overlap[0][1] < options.min_shared:
        # Neither of two can be told the odd one out: both stay, with a warning.
        if not overlap[0][1] and not _name_shared(0, [1], names):
            warnings.append(
                "the two inputs share no claim and name none of the same places or people: "
                "probably different stories"
            )
        else:
            warnings.append("the two inputs share few claims: they may be different stories")
    if len(docs) > 2:
        main = _main_story(overlap, everyone, options.min_shared)
        unlinked: set[int] = set()
        if len(main) < 2:
            warnings.append(
                "the inputs share few claims with one another: they may be different stories"
            )
            # Outlets that word one story very differently share few claims, but some, and
            # its places and people: the story is theirs, and an input sharing neither
            # with any of them is another.
            main = _named_story(overlap, names, everyone)
            unlinked = set(everyone) - set(main)
        far = {d for d in main if _another_day(d, main, overlap, docs)} if len(main) > 2 else set()
        elsewhere = (
            {d for d in main if _another_event(d, main, names, figures)} if len(main) > 2 else set()
        )
        main = [d for d in main if d not in far and d not in elsewhere]
        for d in everyone if len(main) >= 2 else ():
            if d not in main:
                best = max(overlap[d][e] for e in main)
                shares = f"shares only {best * 100:.0f} % of its claims with the main story"
                if d in far:
                    shares += " and was published days apart from it"
                if d in unlinked:
                    named = ", ".join(sorted(n.title() for n in names[d])[:4])
                    shares = (
                        "shares no claim with the others and names none of the places or "
                        f"people they name ({named})"
                    )
                if d in elsewhere:
                    named = ", ".join(sorted(n.title() for n in names[d])[:4])
                    shares = f"names none of the places or people the others name ({named})"
                    if d in far:  # both reasons, not the last one alone
                        shares += " and was published days apart from them"
                if options.force:
                    warnings.append(f"{labels[d]} is kept although it {shares}")
                else:
                    reason = f"{shares}: probably a different story{FORCE_HINT}"
                    set_aside.append(SetAside(d, round(best, 3), reason))
        if set_aside:
            keep = [d for d in everyone if d not in {s.doc for s in set_aside}]
            grouping = _group([s for s in sentences if s.doc in keep], options)
    built = _build_claims(
        grouping.sentences,
        grouping.groups,
        grouping.extra,
        grouping.scorer,
        labels,
        options,
        figures,
    )
    order = _order(built, grouping.sentences, keep)
    claims = [
        replace(
            built[c][0],
            id=f"c{n}",
            framing=_words_chosen(built[c], grouping.sentences, docs) if options.facets else (),
        )
        for n, c in enumerate(order, 1)
    ]
    final = _jaccard([list(c.outlets) for c in claims], len(docs))
    matrix = tuple(
        tuple(final[i][j] if i in keep and j in keep else first_similarity[i][j] for j in everyone)
        for i in everyone
    )
    reuse = _reuse(docs, [built[c] for c in order], grouping.sentences, options)
    notes = [
        note if _kept_out(note) else replace(note, claims=_claims_of(note, claims))
        for note in notes
    ]
    return Coverage(
        documents=docs,
        labels=labels,
        outlets=tuple(keep),
        claims=tuple(claims),
        similarity=matrix,
        reuse=tuple(reuse),
        set_aside=tuple(set_aside),
        options=options,
        warnings=tuple(warnings),
        notes=tuple(notes),
    )


def _claims_of(note: NewsroomNote, claims: Sequence[Claim]) -> tuple[str, ...]:
    """The ids of the claims a sentence of ``note`` belongs to, in matrix order."""
    where = set(note.paragraphs)
    return tuple(
        c.id for c in claims if any(m.doc == note.doc and m.paragraph in where for m in c.members)
    )


# ---------------------------------------------------------------------------------------
# Loading many sources at once


def load_many(
    specs: Sequence[str],
    options: LoadOptions | None = None,
    *,
    per_host: int = 3,
    workers: int = 8,
    progress: Callable[[str], None] | None = None,
) -> list[Document]:
    """Load every source, URLs concurrently (at most ``per_host`` at a time per host), and
    return the documents in input order. ``progress`` is called with each spec as it is done.
    The first failure, in input order, is raised once every load has ended."""
    loaded = _load_each(specs, options, per_host=per_host, workers=workers, progress=progress)
    for outcome in loaded:
        if isinstance(outcome, BaseException):
            raise outcome
    return cast(list[Document], loaded)


def load_available(
    specs: Sequence[str],
    options: LoadOptions | None = None,
    *,
    at_least: int = 2,
    per_host: int = 3,
    workers: int = 8,
    progress: Callable[[str], None] | None = None,
) -> tuple[tuple[tuple[int, Document], ...], tuple[LeftOut, ...]]:
    """Load every source as ``load_many`` does, carrying on without those that fail as a
    source can (a fetch, no article, an unreadable file): the documents that loaded, each
    with its position in ``specs``, and the sources left out, in input order. With fewer
    than ``at_least`` loaded, the first failure in input order is raised, as ``load_many``
    raises it; so is any other failure (a bug is no source to leave out)."""
    from compare.render import shown_name

    loaded = _load_each(specs, options, per_host=per_host, workers=workers, progress=progress)
    failures = [outcome for outcome in loaded if isinstance(outcome, BaseException)]
    documents = tuple(
        (i, outcome) for i, outcome in enumerate(loaded) if not isinstance(outcome, BaseException)
    )
    if failures and len(documents) < at_least:
        raise failures[0]
    for failure in failures:
        if not isinstance(failure, StorydiffError):
            raise failure
    left_out = tuple(
        LeftOut(shown_name(spec), shown_name(outcome.one_line()), int(outcome.exit_code))
        for spec, outcome in zip(specs, loaded, strict=True)
        if isinstance(outcome, StorydiffError)
    )
    return documents, left_out


def _load_each(
    specs: Sequence[str],
    options: LoadOptions | None,
    *,
    per_host: int,
    workers: int,
    progress: Callable[[str], None] | None,
) -> list[Document | BaseException]:
    """Each source's document, or what its load raised, in input order, once every load
    has ended (URLs concurrently, at most ``per_host`` at a time per host)."""
    from concurrent.futures import ThreadPoolExecutor
    from urllib.parse import urlparse

    from compare import load
    from compare.render import shown_document

    load_options = options or LoadOptions()
    gates: dict[str, threading.Semaphore] = defaultdict(lambda: threading.Semaphore(per_host))
    lock = threading.Lock()

    def one(spec: str) -> Document:
        host = urlparse(spec).hostname if spec.startswith(("http://", "https://")) else None
        if host is None:
            document = load(spec, load_options)
        else:
            with lock:
                gate = gates[host.casefold()]
            with gate:
                document = load(spec, load_options)
        if progress is not None:
            progress(spec)
        return shown_document(document)  # a file name in bytes UTF-8 cannot carry

    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(specs)))) as pool:
        futures = [pool.submit(one, spec) for spec in specs]
    return [future.exception() or future.result() for future in futures]
