"""coverage5: two events written as an analyst would read them (a bribery verdict, an
earnings and layoffs story; benchmarks/data/coverage-verdict and coverage-layoffs), and the
rules their reading showed wrong. Each test failed before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_multi import Story, doc

from compare import compare_many

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data"

_PAD = (
    "The county council said the review would be published in the spring.",
    "Residents were asked to avoid the area while crews worked through the night.",
)


def _disputes(*texts: str) -> list[str]:
    coverage = compare_many([doc(t, *_PAD, site=f"S{i}") for i, t in enumerate(texts)])
    return [d.detail for claim in coverage.claims for d in claim.disagreements]


def test_a_word_turned_into_its_opposite_is_shown_by_its_words() -> None:
    # "Revenue slipped 4%" / "Revenue rose 4%": facets call it a negation flipped, and the
    # claim showed a dispute whose every side read 'affirmative' (no "not" anywhere); when
    # the two sentences gave the same figures it was not looked for at all.
    slipped = "Revenue slipped 4% to 3.1 billion crowns."
    rose = "Revenue rose 4% to 3.1 billion crowns."
    assert _disputes(slipped, slipped, rose) == ["slipped (S0, S1) / rose (S2)"]
    merged = (
        "Net profit dropped 38% to 214 million crowns and revenue fell 4% to 3.1 billion crowns."
    )
    assert _disputes(merged, slipped, rose) == ["fell (S0, S1) / rose (S2)"]
    coverage = compare_many([doc(t, *_PAD, site=f"S{i}") for i, t in enumerate((slipped, rose))])
    (turned,) = [d for c in coverage.claims for d in c.disagreements]
    assert (turned.kind, turned.label) == ("negation", "opposite")


def test_a_figure_of_the_other_clause_of_a_merged_sentence_is_no_dispute() -> None:
    # The Gazette merged profit and revenue into one sentence; facets paired its 214
    # million with the others' 3.1 billion, which it gives too, after "revenue fell 4% to".
    merged = (
        "Net profit dropped 38% to 214 million crowns and revenue fell 4% to 3.1 billion crowns."
    )
    assert _disputes(merged, merged, "Revenue slipped 4% to 3.1 billion crowns.") == []
    # A figure told after the other clause's words is still a dispute.
    assert _disputes(merged, merged, "Net profit dropped 38% to 3.1 billion crowns.") == [
        "214 million crowns (S0, S1) / 3.1 billion crowns (S2)"
    ]


_CUTS = (
    "Valdane Instruments said on Thursday it would cut 1,412 jobs, or {} of its workforce, "
    "after its quarterly profit fell."
)


@pytest.mark.parametrize(
    ("theirs", "disputed"),
    [
        # A share with a fraction, told whole and "roughly": the same figure.
        ("roughly 6%", False),
        ("about 6%", False),
        # Told whole without a word that rounds it, or too far: a dispute.
        ("6%", True),
        ("about 7%", True),
    ],
)
def test_a_share_with_a_fraction_told_roughly_is_no_dispute(theirs: str, disputed: bool) -> None:
    # '5.8%' / 'roughly 6%' was a dispute: a round figure under 10 was never a rounding.
    found = _disputes(_CUTS.format("5.8%"), _CUTS.format("5.8%"), _CUTS.format(theirs))
    assert bool(found) == disputed, found


def test_a_figure_told_roughly_is_no_other_figure_changed() -> None:
    # With '5.8%' / 'roughly 6%' let pass, the one percentage the Gazette gives was set
    # against the wire's other one: '38%' / 'roughly 6%'.
    wire = (
        "Valdane said it would cut 1,412 jobs, or 5.8% of its workforce, after its "
        "third-quarter net profit fell 38% to 214 million crowns."
    )
    gazette = (
        "Valdane said it would cut about 1,400 jobs, roughly 6% of its workforce, after its "
        "third-quarter net profit fell to 214 million crowns."
    )
    assert _disputes(wire, wire, gazette) == []


@pytest.mark.parametrize(
    ("theirs", "disputed"),
    [
        # The judge quoted whole where the wire quotes her words in part: one quote.
        ('"He betrayed the trust of a whole city," Judge Silvia Marchetti said of Venkov.', False),
        # Words of the partial quote changed, or a whole quote cut short: a dispute.
        ('"He betrayed the trust of a city," Judge Silvia Marchetti said of Venkov.', True),
        ('Judge Silvia Marchetti said Venkov had "betrayed the whole city".', True),
    ],
)
def test_a_partial_quote_quoted_whole_elsewhere_is_no_dispute(theirs: str, disputed: bool) -> None:
    wire = 'Judge Silvia Marchetti said Venkov had "betrayed the trust of a whole city".'
    found = _disputes(wire, wire, theirs)
    assert bool(found) == disputed, found


@pytest.mark.parametrize("name", ["coverage-verdict", "coverage-layoffs"])
def test_two_more_written_events_read_as_an_analyst_would(name: str) -> None:
    # Every dispute an analyst would flag is planted and found; no other is shown; the
    # claims only one outlet carries are its own reporting and its live update.
    story = Story(name, DATA)
    planted = story.labels["planted"]
    found = 0
    for dispute in planted["disputes"]:
        claim = story.claim_of(dispute["claim"], dispute["outlet"])
        outlet = story.index(dispute["outlet"])
        said = [dict(d.values) for d in claim.disagreements if d.kind == dispute["kind"]]
        assert any(dispute["value"] in s.get(outlet, "") for s in said), (dispute, said)
        found += 1
    shown = sum(len(c.disagreements) for c in story.coverage.claims)
    assert shown == found, [d.detail for c in story.coverage.claims for d in c.disagreements]
    for claim_id in planted["undisputed"]:
        claim = story.claim_of(claim_id, next(iter(story.labels["claims"][claim_id])))
        assert not claim.disagreements, (claim_id, claim.disagreements)
    # A claim the outlet shares that storydiff misses stays "only in" it (planted.missed).
    for outlet, claims in planted["unique"].items():
        claims = claims + planted.get("missed", {}).get(outlet, [])
        want = sorted(story.claim_of(c, outlet).id for c in claims)
        assert sorted(c.id for c in story.coverage.unique(story.index(outlet))) == want


_LEDE = (
    "A court in Orvane on Tuesday sentenced Aurel Venkov, the former director of the city's "
    "port authority, to nine years in prison after finding him guilty on 14 counts of "
    "bribery and money laundering."
)
_REST = (
    "Venkov, 58, was accused of taking 2.34 million crowns in kickbacks from three shipping "
    "firms between 2017 and 2022 in exchange for berth contracts.",
    "Two co-defendants, the shipping executives Lukas Brenn and Oskar Melnyk, received "
    "suspended sentences of two years each.",
)


def _lede_claims(opening: str) -> list[list[int]]:
    coverage = compare_many(
        [
            doc(_LEDE, *_REST, site="Wire"),
            doc(_LEDE, *_REST, site="Courier"),
            doc(_LEDE.replace("A court in Orvane", "An Orvane court"), *_REST, site="Ledger"),
            doc(opening, *_REST, site="Gazette"),
        ]
    )
    return [sorted({m.doc for m in c.members}) for c in coverage.claims]


def test_a_lede_rewritten_in_other_words_joins_the_openings_claim() -> None:
    # The Gazette's lede shares the names, the court, the day and the nine years with the
    # wire's, but little wording (0.35 against the 0.45 a claim needs): it was a claim of
    # its own, "only in" the Gazette, and the wire's lede "left out" by it.
    rewritten = (
        "Aurel Venkov, who ran Orvane's port for a decade, will spend nine years behind bars "
        "for selling berth contracts to shipping firms, a court ruled on Tuesday."
    )
    assert _lede_claims(rewritten)[0] == [0, 1, 2, 3]
    # An opening of another kind, sharing a name, stays its own.
    scene = "Outside the courthouse in Orvane, a small crowd had gathered before dawn."
    assert [3] in _lede_claims(scene)


def test_the_act_and_its_doer_share_a_stem() -> None:
    # "The prosecution had sought 12 years." / "Prosecutor Ivo Stanek had asked for 12
    # years." shared only "12 years" and stayed two claims.
    from compare.claimwords import _stem

    assert len({_stem(w) for w in ("prosecution", "prosecutor", "prosecuting")}) == 1
    assert _stem("deliberation") == _stem("deliberating")
    assert _stem("nation") == "nation" and _stem("motor") == "motor"
    asked = "Prosecutor Ivo Stanek had asked for 12 years."
    coverage = compare_many(
        [
            doc(*_REST, asked, site="Wire"),
            doc(*_REST, asked, site="Courier"),
            doc(*_REST, "The prosecution had sought 12 years.", site="Gazette"),
        ]
    )
    assert [len(c.members) for c in coverage.claims] == [3, 3, 3]


def test_a_trimmed_sentence_with_a_clock_time_joins_the_one_it_was_cut_from() -> None:
    # The splitter reads "at 3:10 p.m. Venkov, who ..." as one sentence; the Courier's
    # "The verdict was read at 3:10 p.m." has two content words besides the time and was
    # too short to be a trimmed copy: it stayed "only in" the Courier. Its dropped clause's
    # "no reaction" was then a negation flipped.
    whole = (
        "The verdict was read at 3:10 p.m. Venkov, who has been held in custody since his "
        "arrest in March 2022, showed no reaction."
    )
    coverage = compare_many(
        [
            doc(*_REST, whole, site="Wire"),
            doc(*_REST, whole, site="Gazette"),
            doc(*_REST, "The verdict was read at 3:10 p.m.", site="Courier"),
        ]
    )
    assert [len(c.members) for c in coverage.claims] == [3, 3, 3]
    assert not [d.detail for c in coverage.claims for d in c.disagreements]


def test_a_negation_of_a_clause_left_out_is_no_flip() -> None:
    # A denial the other sentence does not speak of at all was left out, not turned round.
    full = "Venkov was sentenced on Tuesday, and his lawyer said he would not appeal the verdict."
    assert _disputes(full, full, "Venkov was sentenced on Tuesday, his lawyer said.") == []
    assert _disputes(
        full, full, "Venkov was sentenced on Tuesday, and his lawyer said he would appeal."
    ) == ["would not appeal (S0, S1) / says it without a negation (S2)"]


_VOTE = (
    "The county's dam safety committee voted 5-2 on Monday to open the spillway, "
    "with two members opposed."
)


@pytest.mark.parametrize(
    ("theirs", "disputed"),
    [
        # The seven and the two of one vote: no dispute 'two members / seven committee'.
        ("Five of the seven committee members voted on Monday to open the spillway.", False),
        ("Four of the seven committee members voted on Monday to open the spillway.", True),
        (
            "The committee voted 6-1 on Monday to open the spillway, with one member opposed.",
            True,
        ),
    ],
)
def test_the_sides_and_the_sum_of_a_vote_are_one_vote(theirs: str, disputed: bool) -> None:
    found = _disputes(_VOTE, _VOTE, theirs)
    assert bool(found) == disputed, found


@pytest.mark.parametrize(
    ("theirs", "disputed"),
    [
        ("within half an hour", False),
        ("within 20 minutes", True),
        ("within an hour", True),
    ],
)
def test_a_span_told_roughly_in_hours_is_no_dispute(theirs: str, disputed: bool) -> None:
    # "within 25 minutes" / "within half an hour" was a dispute (facets read the half hour
    # as 0.5 of an hour, the minutes as 25).
    said = "The match was abandoned and the stadium was evacuated {}, police said."
    found = _disputes(
        said.format("within 25 minutes"), said.format("within 25 minutes"), said.format(theirs)
    )
    assert bool(found) == disputed, found
