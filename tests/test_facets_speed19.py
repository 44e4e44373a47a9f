"""Shortcuts of session 19 in the facets (hedges, ...): each gives what the long way gives,
on sentences chosen to trip it, and each skips the work it says it skips."""

from __future__ import annotations

import pytest

from compare.facets import abroad, hedges, negations
from compare.facets.base import Cue, _token_set

_TRICKY = (
    "The mayor said the party was over.",
    "The MAYOR MAY resign, officials SAID.",
    "May 5 was the day the vote was expected.",
    "The plan will be reviewedly discussed, and is under review.",
    "The bridge will be re-examined, then reexamined.",
    "The report could not be independently verified.",
    "The partially built bridge collapsed; it was partly cloudy.",
    "The fire was largely contained, in part by rain, and no one was seriously hurt.",
    "Sources close to the club said he was likely to leave, according to local reports.",
    "He is said to be ill and is believed to be abroad; it is thought the vote will fail.",
    "The road is linked to the motorway; the outbreak was linked to the water tower.",
    "He was accused of theft, without providing any evidence, and was clearly upset.",
    "It appears the department's apartment was unexpectedly sold.",
    "The firm may have been mayhem; the apparently unlikely deal is perhaps off.",
    "Le maire a peut-être menti, selon des sources proches du dossier.",
    "Der Bürgermeister hat angeblich gelogen.",
    "The Kelvin sign \u212a and the long \u017f: the plan \u017feems to be reviewed.",
    "Officials \u017faid the bridge was po\u017f\u017fibly un\u017fafe.",
    "\u0130t may be under review, reportedly.",
    "Q said he was mostly right, said to be 45 and badly_hurt.",
    "People familiar with the talks said the deal is probable.",
    "The figures were reported_to be unconfirmed2 and unverified.",
)


def _hedges_the_long_way(masked: str) -> tuple[Cue, ...]:
    """``hedges._hedges`` with every pattern run, ignoring case, on the text as written."""
    lower = masked.lower()
    tokens = _token_set(lower)
    if abroad.may_hedge(lower, tokens) and (language := abroad.language(lower)):
        return abroad.hedges(masked, language)
    if not hedges._HEDGE_TRIGGERS & tokens and not (
        " to " in lower and hedges._HEDGE_TO().search(lower)
    ):
        return ()
    found: list[tuple[int, Cue]] = []
    taken: list[tuple[int, int]] = []
    for index, (group, _) in enumerate(hedges._HEDGE_PATTERNS):
        for m in hedges._hedge_pattern(index).finditer(masked):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if group == "linked" and hedges._links_things(masked, m.start(), m.end()):
                continue
            taken.append(m.span())
            found.append((m.start(), Cue(masked[m.start() : m.end()], group)))
    found.sort(key=lambda item: item[0])
    return tuple(cue for _, cue in found)


@pytest.mark.parametrize("text", _TRICKY)
def test_hedges_read_as_the_long_way_does(text: str) -> None:
    for variant in (text, text.lower(), text.upper(), text.replace(" ", "  ")):
        assert hedges._hedges.__wrapped__(variant) == _hedges_the_long_way(variant)


def test_hedges_the_tricky_sentences_hold_some() -> None:
    found = [hedges._hedges.__wrapped__(text) for text in _TRICKY]
    assert sum(1 for cues in found if cues) >= 15


def test_hedge_patterns_run_only_where_their_words_stand(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pattern runs only when one of its words stands whole in an ASCII sentence: "may" in
    "mayor", "part" in "party" and "expected" in "unexpectedly" run none of theirs."""
    asked: list[tuple[int, bool]] = []
    real = hedges._hedge_pattern

    def spy(index: int, lowered: bool = False) -> object:
        asked.append((index, lowered))
        return real(index, lowered)

    monkeypatch.setattr(hedges, "_hedge_pattern", spy)
    hedges._hedges.__wrapped__("The mayor said the party ended unexpectedly, as reported.")
    groups = [hedges._HEDGE_PATTERNS[index][0] for index, _ in asked]
    assert groups == ["reportedly", "reportedly"]
    # ... and reads the text lower-cased, the modals' pattern aside ("May" is no hedge).
    assert all(lowered for _, lowered in asked)
    asked.clear()
    hedges._hedges.__wrapped__("The mayor may resign.")
    assert asked == [(6, False)]


_NEGATED = (
    "He DIDN'T go, and she Won't either; they CANNOT say.",
    "No one came. NO LONGER open, NOBODY knows, Nothing is left, None of it.",
    "The firm Denied it, REFUSED to comment and Declined To answer; it is yet to pay.",
    "It is unclear whether or not the mayor could not be independently verified.",
    "The man, who asked not to be named, said no fewer than 12 were hurt.",
    "Neither the council nor the mayor said anything; no 'comment' was given.",
    "It is not only this, not just that, if not more; the 1990s weren't quiet.",
    "Le maire n'a pas été élu, et il ne viendra pas.",
    "He didn\u2019t go; the st\u00e4dter won't vote, and she hasn't paid yet.",
    "Werkn't wasn't isn't_ n't nothing2 not-ready notably nonetheless.",
)


@pytest.mark.parametrize("text", _NEGATED)
def test_negation_cues_found_where_the_case_folding_pattern_finds_them(text: str) -> None:
    """On ASCII text lower-cased, the case-sensitive patterns find the very spans that the
    case-folding one finds in the text as written; the one without contractions, wherever
    no "n't" stands."""
    for variant in (text, text.lower(), text.upper(), text.title()):
        lower = variant.lower()
        if not lower.isascii():
            continue
        spans = [m.span() for m in negations._NEGATION().finditer(variant)]
        assert [m.span() for m in negations._LOWER_NEGATION().finditer(lower)] == spans
        if "n't" not in lower:
            assert [
                m.span() for m in negations._LOWER_NEGATION_UNCONTRACTED().finditer(lower)
            ] == spans


def test_negation_cues_keep_their_case() -> None:
    cues = negations._negations.__wrapped__("He DIDN'T GO, and she Won't pay; NO ONE came.")
    assert [c.text for c in cues] == ["DIDN'T GO", "Won't pay", "NO ONE"]
    assert [c.counterpart for c in cues] == ["DID GO", "will pay", "ONE"]


def test_negations_of_ascii_text_run_no_case_folding_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def folding() -> None:
        raise AssertionError("the case-folding pattern ran")

    monkeypatch.setattr(negations, "_NEGATION", folding)
    assert [c.text for c in negations._negations.__wrapped__("The mayor did NOT resign.")] == [
        "did NOT resign"
    ]


def test_the_warm_up_compiles_the_hedge_patterns_by_the_key_hedges_asks_them_by() -> None:
    # It asked _hedge_pattern(i) and _hedges asks _hedge_pattern(i, False): two keys of the
    # cache, so every one was compiled again where a sentence needed it.
    from compare import facets
    from compare.facets import hedges

    hedges._hedge_pattern.cache_clear()
    facets.warm_up(lambda: False, other_text=True)
    warmed = hedges._hedge_pattern.cache_info().misses
    assert warmed > 0
    for index, _, _, folds in hedges._HEDGES:
        if folds:
            hedges._hedge_pattern(index, False)
    assert hedges._hedge_pattern.cache_info().misses == warmed
