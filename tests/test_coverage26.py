"""Coverage, review 26: a quote grouped by its words, not its speaker's name; a figure one
outlet gives in its lede ("forcing the evacuation of about 600 homes") set against the
sentence another gives it in ("About 200 homes were evacuated"); an unrelated story set
aside among three inputs, as among four."""

from __future__ import annotations

from test_multi import doc

from compare.multi import Claim, Coverage, CoverageOptions, compare_many


def _claim_of(coverage: Coverage, outlet: int, snippet: str) -> Claim:
    """The claim holding ``outlet``'s sentence that contains ``snippet``."""
    (claim,) = {
        c.id: c for c in coverage.claims for m in c.members if m.doc == outlet and snippet in m.text
    }.values()
    return claim


def _disputes(coverage: Coverage) -> list[tuple[str, tuple[str, ...]]]:
    return [
        (d.kind, tuple(v for _, v in d.values))
        for claim in coverage.claims
        for d in claim.disagreements
    ]


# --- 6: a quote goes with the sentence that quotes the same words --------------------

_PIER_LEDE = "A storm surge tore away part of Quillan pier in Dunmarsh on Saturday night."
_PIER_A = (
    _PIER_LEDE,
    'Harbourmaster Ines Caldow said the pier had been "badly undermined" by the waves. '
    '"It was a terrible night and the crews were out until dawn," she said.',
)
_PIER_B = (
    _PIER_LEDE,
    'Harbourmaster Ines Caldow said: "It was a terrible night."',
)


def test_a_quote_joins_the_sentence_that_quotes_its_words_not_the_speakers_other_one() -> None:
    # B's quote shared the speaker's name with A's "badly undermined" sentence, was grouped
    # with it, and the two were shown as a disputed quote: 'badly undermined' / 'It was a
    # terrible night.'. B's sentence is the claim of A's quote, which it cuts short (a
    # whole quote cut short is disputed as such: tests/test_multi.py, fixture claim h4).
    coverage = compare_many([doc(*_PIER_A, site="Anchor"), doc(*_PIER_B, site="Beacon")])
    quote = _claim_of(coverage, 0, "terrible night")
    assert 1 in quote.outlets
    assert _claim_of(coverage, 1, "terrible night") is quote
    assert _claim_of(coverage, 0, "badly undermined").outlets == (0,)
    said = [v for _, values in _disputes(coverage) for v in values]
    assert not any("badly undermined" in v for v in said), said
    # The speaker named by both, her other words quoted by one: no quote is set against
    # another.
    other = (_PIER_LEDE, 'Harbourmaster Ines Caldow said: "We will rebuild it by spring."')
    coverage = compare_many([doc(*_PIER_A, site="Anchor"), doc(*other, site="Beacon")])
    assert _claim_of(coverage, 1, "rebuild") is _claim_of(coverage, 0, "badly undermined")


def test_among_three_outlets_the_quote_is_no_dispute_with_another_sentence() -> None:
    # The third outlet tells what A's "badly undermined" sentence does, without a quote.
    third = (
        _PIER_LEDE,
        "The pier had been badly damaged by the waves, harbourmaster Ines Caldow said.",
    )
    coverage = compare_many(
        [doc(*_PIER_A, site="Anchor"), doc(*_PIER_B, site="Beacon"), doc(*third, site="Crest")]
    )
    undermined = _claim_of(coverage, 0, "badly undermined")
    assert undermined.outlets == (0, 2)
    assert not undermined.disagreements, undermined.disagreements
    assert _claim_of(coverage, 1, "terrible night") is _claim_of(coverage, 0, "terrible night")


# --- 7: a figure in one outlet's lede, in a sentence of its own in another's -----------

_FLOOD_A = (
    "Nine people were rescued after the River Tolley burst its banks in Hesketh on Sunday, "
    "forcing the evacuation of about 600 homes, the county council said.",
    "Emergency crews used boats to reach people trapped in their cars on Mill Street.",
)
_FLOOD_B = (
    "Nine people were rescued after the River Tolley burst its banks in Hesketh on Sunday, "
    "the county council said.",
    "About 200 homes were evacuated as a precaution.",
    "Emergency crews used boats to reach people trapped in their cars on Mill Street.",
)


def _flood(*outlets: tuple[str, ...]) -> Coverage:
    return compare_many(
        [doc(*paragraphs, site=name) for name, paragraphs in zip("ABC", outlets, strict=False)]
    )


def test_an_evacuation_in_one_lede_disputes_the_count_another_gives_apart() -> None:
    # "the evacuation of about 600 homes" and "200 homes were evacuated" shared only the
    # homes ("evacuation" and "evacuated" were two words): 0 disputed, B's sentence "only in B".
    coverage = _flood(_FLOOD_A, _FLOOD_B)
    evacuated = _claim_of(coverage, 1, "200 homes")
    assert evacuated is _claim_of(coverage, 0, "600 homes")
    assert not coverage.unique(1)
    assert ("number", ("about 600 homes", "About 200 homes")) in _disputes(coverage)
    # Homes that lost power are not the homes evacuated: not the lede's claim, no dispute.
    other = (_FLOOD_B[0], "About 200 homes lost power overnight.", _FLOOD_B[2])
    coverage = _flood(_FLOOD_A, other)
    assert _claim_of(coverage, 1, "lost power").outlets == (1,)
    assert _disputes(coverage) == []


def test_among_three_the_lede_joins_the_evacuation_claim_of_the_others() -> None:
    third = (
        "The River Tolley flooded parts of Hesketh on Sunday and nine people were rescued.",
        "Around 200 households were evacuated as a precaution, the county council said.",
        "Emergency crews used boats to reach people trapped in their cars on Mill Street.",
    )
    coverage = _flood(_FLOOD_A, _FLOOD_B, third)
    evacuated = _claim_of(coverage, 1, "200 homes")
    assert evacuated is _claim_of(coverage, 2, "200 households")
    assert 0 in evacuated.outlets
    (dispute,) = evacuated.disagreements
    assert dispute.kind == "number"
    # One side says 600, the other 200 in the words of each outlet.
    assert len(dispute.sides()) == 2, dispute.detail
    assert "about 600 homes (A)" in dispute.detail


# --- 12: an unrelated story among three inputs ---------------------------------------

_BRIDGE_A = (
    "Engineers closed the Tarnwick swing bridge on Tuesday after a routine inspection found "
    "a cracked bearing.",
    "Drivers face a diversion of about nine miles via the Ostley bypass.",
    "Council leader Mara Quent said the repairs would take at least three weeks.",
    "The bridge carries about 14,000 vehicles a day.",
    "Bus operator Greyline said its number 12 service would be rerouted.",
    "The bridge was last refurbished in 2011.",
)
_BRIDGE_B = (
    "Shopkeepers on Quay Street in Tarnwick said trade had fallen sharply since the closure.",
    "Ferry company Brightwater has added extra crossings to the Ostley side of the river.",
    "Bus operator Greyline said its number 12 service would be rerouted.",
    "Some residents asked why the fault had not been spotted sooner.",
    "A public meeting will be held at Tarnwick library on Thursday.",
)
_BAKER = (
    "A baker from Pellmouth has won the national sourdough championship at her first attempt.",
    "Judges praised Ruth Anselm's loaf for its open crumb and dark crust.",
    "She started baking during the winter of 2020 and sells from a stall at Pellmouth market.",
    "The prize includes a week's placement at a bakery in Lyon.",
    "Anselm said she would spend the winnings on a second oven.",
)


def _bridge(*outlets: tuple[str, ...], force: bool = False) -> Coverage:
    return compare_many(
        [doc(*paragraphs, site=name) for name, paragraphs in zip("ABCD", outlets, strict=False)],
        CoverageOptions(force=force),
    )


def test_among_three_an_input_sharing_no_claim_and_no_name_is_set_aside() -> None:
    # The two bridge stories share one claim of five (under the 35 % that makes a main
    # story), so the baker's story stayed in the matrix with a vague warning; with a fourth
    # input that links them it was set aside. It is set aside among three too.
    coverage = _bridge(_BRIDGE_A, _BRIDGE_B, _BAKER)
    assert coverage.outlets == (0, 1)
    (aside,) = coverage.set_aside
    assert aside.doc == 2
    assert aside.reason.startswith(
        "shares no claim with the others and names none of the places or people they name "
        "(Anselm, Lyon, Pellmouth, Ruth): probably a different story"
    )
    assert all(2 not in claim.outlets for claim in coverage.claims)
    # --force keeps it, saying why it would not have.
    forced = _bridge(_BRIDGE_A, _BRIDGE_B, _BAKER, force=True)
    assert forced.outlets == (0, 1, 2)
    assert any(w.startswith("C is kept although it shares no claim") for w in forced.warnings)
    # One that names a place the others name (the bakery's in Tarnwick) is not told apart,
    # nor is any of three stories that share nothing with one another.
    local = (*_BAKER[:3], "The prize includes a week's placement at a bakery in Tarnwick.")
    assert not _bridge(_BRIDGE_A, _BRIDGE_B, local).set_aside
    school = (
        "Parents at Yarrowby primary school were told on Monday that its hall will be rebuilt.",
        "Head teacher Colm Ridley said lessons would continue in the main building.",
    )
    assert not _bridge(_BRIDGE_A, school, _BAKER).set_aside


def test_two_unrelated_stories_are_both_kept_with_a_plain_warning() -> None:
    # Neither of two can be told the odd one out: both are compared, and the warning says
    # they share no claim and no name, not only that they share few claims.
    coverage = _bridge(_BRIDGE_A, _BAKER)
    assert coverage.outlets == (0, 1)
    assert not coverage.set_aside
    assert coverage.warnings == (
        "the two inputs share no claim and name none of the same places or people: "
        "probably different stories",
    )
    assert _bridge(_BRIDGE_A, _BRIDGE_B).warnings == (
        "the two inputs share few claims: they may be different stories",
    )
