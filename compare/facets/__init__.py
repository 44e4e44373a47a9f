"""Changes in meaning between sentences: numbers, quotes, attributions, hedges, negations, names,
roles, statuses.

A word diff says that words changed; a reader wants to know that "four sources" became
"three sources", that a quote was trimmed, that "said" became "claimed", that "reportedly"
appeared or that "did" became "did not". This module finds those, offline, with regular
expressions and plain Python: no model, no network.

Public API
----------
``sentence_facets(text, open_quote=False) -> Facets``
    What one sentence carries: numbers (value, unit and the words they count), quotations
    (with the speaker), attributions (verb and source), hedges, negations and names.
    ``open_quote`` says the sentence starts inside a quotation opened by an earlier sentence
    of its paragraph. Extraction is cached per sentence.
``compare_sentences(old, new, sentence=0) -> tuple[Change, ...]``
    The meaning-level differences between two sentence texts, most severe first. ``None``
    on one side means the sentence was added (old is ``None``) or removed (new is ``None``);
    then what it carried that a reader cares about is reported: quotes, numbers (not ranks
    such as "the first time"), negations and named sources (these only when it holds no
    quote, whose change names its speaker). It works for any two sentences, so it also
    says where two outlets' versions of one claim disagree. ``sentence`` is copied into
    each ``Change``.
``meaning_changes(old, new, sentences, blocks=None) -> tuple[Change, ...]``
    Every change of a comparison, given its aligned sentence blocks, most severe first
    (numbers, quotes, negations, roles, statuses; then attributions, hedges; then names), then
    in reading order. Sentences of a paragraph that was wholly added or removed report only their
    quotes: the paragraph diff already shows the rest. Given the paragraph ``blocks``
    (``model.PlainBlock``), figures are also read across passages rewritten too heavily to
    pair. ``ChangeCollector`` finds the same, fed the blocks one by one.
``same_number(a, b) -> bool``
    Whether two number mentions ("four", "4"; "$5m", "$5 million"; "half a million",
    "500,000"; "May 24", "24 May 2026"; "10 a.m.", "10:00") have the same value.
``negated(text) -> bool``
    Whether a sentence, or one side of a negation change ("did not review" vs "did
    review"), is negative: a flip is one ``changed`` change with both sides given.
``says_no_implicitly(text) -> bool``
    Whether a text says no without a negation word ("told to avoid the water", "halted
    production", "without power"), as an explicit "not" would.
``clear_caches()``
    Forget cached extractions (benchmarks use it to time a cold start).

Conventions: a number that keeps its value but is written differently is not a change ("half an
hour", "30 minutes"; "a quarter of a percentage point", "0.25 percentage points"; "two-thirds",
"66%"; "goalless", "0-0"), unless another value took its place: numbers that swap ("three killed
and 12 injured" -> "12 killed and three injured", "rose to 3.5% from 3.2%" -> "rose to 3.2% from
3.5%") are both changed, and so are the ends of a move that trade their "from" and "to" in place
("to 20 mph from 30 mph" -> "from 20 mph to 30 mph"), but not the ends of a move told the other
way round ("from $5 to $6" -> "to $6 from $5"); two mentions pair up when they count the same
noun ("four sources" -> "three sources") or, failing that, one for one in reading order. A time
told from now ("last week", "earlier this month") or the period of a frequency ("a day" of "once
a day") is a date or time that changes only when another takes its place ("last week" -> "last
month"); "for the first time" that comes or goes is no rank. A quote is altered when the words
inside the marks differ once quote style, case and edge punctuation are normalised (trimming
with an ellipsis is an alteration). A negation that flips in a sentence present in both versions
is one ``changed`` change per clause ("did review" -> "did not review"); the same polarity
written another way ("did not" -> "never") is none, nor is a "not" written as a word that says
no ("told to avoid using" -> "told not to drink"); one written into a word ("armed" ->
"unarmed", "guilty" -> "innocent") is a flip too, unless the word stands on with the words that
followed it ("Sales rose in France and fell in Spain" -> "Sales fell in Spain and rose in
France" moved the clauses), and so is such a word that goes with the word it said no to left
("avoid using" -> "use", "failed to win" -> "won"). One name swapped for another is ``changed``;
so is a source that changed places with another name ("Israel said Hamas ..." -> "Hamas said
Israel ..."), unlike a name and its title turned round ("The mayor, Anna Smith, said" -> "Anna
Smith, the mayor, said"). Two parties that traded places round any other verb, the rest of the
sentence the same, are one ``roles`` change ("Arsenal beat Chelsea" -> "Chelsea beat Arsenal"),
unless the verb or word between them makes no roles ("Smith met Jones", "Smith and Jones",
"talks between A and B"). A person's standing that changed, the rest of the sentence largely
the same, is one ``status`` change: a charge ("charged with murder" -> "charged with
manslaughter"), a legal stage ("arrested" -> "released without charge"), the condition of
someone hurt ("in a critical condition" -> "in a stable condition", "injured" -> "died"), how
someone left or holds a post ("resigned" -> "was sacked", "acting chief" -> "chief"); two
wordings of one status are none ("sacked", "fired"; "resigned", "stepped down"; "jailed",
"sentenced"), and one a negation, a hedge or another change tells already is told by that
("was not charged" -> "was charged" is a flip). "Partly" describing a thing ("the partially
built bridge") hedges nothing. Hedges, negations and attributions are read outside quotations
(inside one, the quote change already says it), numbers everywhere. Each facet difference is
reported once, and each edit under one kind: "confirmed" -> "denied" is a negation flip, not
also an attribution change, and a name changed inside a source is told by the attribution
change.

Layout
------
The package is split by concern; each facet's module reads it in one sentence and compares it
between two versions:

``sentence``         one sentence prepared and its ``Facets``; ``clear_caches``
``figure_patterns``  what a figure looks like: number words, currencies, months, the patterns
``figures``          the figures of a sentence (``Number``), ``same_number``
``figure_changes``   figures paired and compared between two versions of a sentence
``quotes``           quotations, masked out of the sentence, and quote changes
``attributions``     reporting verbs and their sources, and attribution changes
``hedges``           hedges and certainty markers
``negations``        negation cues, implicit ones, and polarity compared (flips)
``opposites``        antonyms and prefixes: flips written into a word, clauses and asides
``verbs``            verb forms (stems, irregular pasts)
``names``            names, their keys and name changes; ``openers``: a name opening a sentence
``comparing``        two versions of a sentence: which facets to read, each edit told once
``headlines``        headlines and standfirsts
``status``           a person's standing: charge, legal stage, condition, how they left a post
``document``         a whole comparison, figures across rewritten passages, prefetching
``abroad``           sentences in German, French, Spanish, Italian, Portuguese and Dutch: their
                     language, and their negations, hedges, sources and figures in words
``base``             change kinds, severity, ``Cue``, word helpers shared by all

Roles (who did what to whom) are read by ``compare.swaps``.
"""

from __future__ import annotations

from collections.abc import Callable

from compare.facets.attributions import Attribution
from compare.facets.base import SEVERITY, ChangeAction, ChangeKind, Cue
from compare.facets.comparing import compare_sentences
from compare.facets.document import (
    ChangeCollector,
    lone_standfirst_changes,
    meaning_changes,
    prefetch,
)
from compare.facets.figures import Number, NumberKind, same_number
from compare.facets.headlines import headline_changes, rewritten_headline_changes, top_changes
from compare.facets.names import without_german_nouns
from compare.facets.negations import says_no_implicitly
from compare.facets.quotes import Quote
from compare.facets.sentence import Facets, clear_caches, negated, sentence_facets

__all__ = [
    "SEVERITY",
    "Attribution",
    "ChangeAction",
    "ChangeCollector",
    "ChangeKind",
    "Cue",
    "Facets",
    "Number",
    "NumberKind",
    "Quote",
    "clear_caches",
    "compare_sentences",
    "headline_changes",
    "lone_standfirst_changes",
    "meaning_changes",
    "negated",
    "prefetch",
    "rewritten_headline_changes",
    "same_number",
    "says_no_implicitly",
    "sentence_facets",
    "top_changes",
    "warm_up",
    "warm_up_comparing",
    "without_german_nouns",
]


def warm_up(stop: Callable[[], bool], other_text: bool = False) -> None:
    """Compile the number patterns before any sentence needs them, until ``stop()`` (asked
    between two) says to stop: the facets worker does it while the documents load (see
    compare/facets_worker.py). Those an English story uses: each pattern as tried at a
    digit of plain ASCII text, at a word of ASCII text and at a currency sign; with
    ``other_text``, the forms other text uses too (see figure_patterns._form_at), and the
    hedge patterns as it reads them."""
    from compare.facets import figure_patterns as patterns

    def starting_at(kinds: str) -> list[int]:
        """The patterns that can start at a start of one of ``kinds`` (_STARTS_WITH): the
        others are never tried in the form used there (figure_patterns._form_at)."""
        return [
            i
            for i, (name, _, _) in enumerate(patterns._WITH_WORDS)
            if not set(kinds).isdisjoint(patterns._STARTS_WITH[name])
        ]

    words = patterns._WORD_FORMS
    steps = [
        (patterns._PLAIN_FORMS, starting_at("dc")),
        (patterns._LETTER_FORMS, starting_at("w")),
        (words, starting_at("c")),
    ]
    if other_text:
        steps += [(patterns._DIGIT_FORMS, starting_at("dc")), (words, starting_at("w"))]
    for forms, indices in steps:
        for index in indices:
            if forms[index] is not None:  # compiled already
                continue
            if stop():
                return
            patterns._compiled(index, forms)
    if other_text:  # and the hedge patterns as other text reads them (hedges._hedge_pattern)
        from compare.facets import hedges

        for index, _, _, folds in hedges._HEDGES:
            if folds:
                if stop():
                    return
                hedges._hedge_pattern(index, False)  # (the key _hedges asks it by)


def warm_up_comparing(stop: Callable[[], bool]) -> None:
    """Compile the patterns other than the figures' that comparing sentences may use (each
    facet module's patterns compiled on first use, and the hedges'), until ``stop()`` (asked
    between two) says to stop: the facets worker does it while the documents load (see
    compare/facets_worker.py). Those of the six other languages (``abroad``) are left to the
    pairs that need them. On the 2,000-paragraph pair of benchmarks/speed.py, the pairs
    compiled ~50 of them as they were compared: ~36M instructions on the worker's critical
    path, now spent while it waits."""
    from compare import swaps
    from compare.facets import (
        attributions,
        comparing,
        document,
        figure_changes,
        figure_patterns,
        figures,
        headlines,
        hedges,
        names,
        negations,
        openers,
        opposites,
        quotes,
        sentence,
        status,
    )
    from compare.text import lazy_pattern

    # Modules in the order most pairs read them. A getter made by ``lazy_pattern`` runs the
    # code of every other one.
    getter_code = lazy_pattern("").__wrapped__.__code__  # type: ignore[attr-defined]
    for module in (
        *(attributions, negations, hedges, comparing, swaps, names, openers, quotes),
        *(figure_changes, figure_patterns, figures, opposites, document, sentence, headlines),
        status,
    ):
        for value in list(vars(module).values()):
            if getattr(getattr(value, "__wrapped__", None), "__code__", None) is not getter_code:
                continue
            if stop():
                return
            value()
        if module is hedges:  # (as ASCII text reads them: see hedges._hedge_pattern)
            for index, _, _, folds in hedges._HEDGES:
                if stop():
                    return
                hedges._hedge_pattern(index, folds)
