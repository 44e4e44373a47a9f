"""Coverage, review 27: a quote cut short and credited to someone else is the claim of the
quote it cuts; an outlet's standfirst repeating its lede is one claim; a hedged figure is
marked; one quotation over two sentences is one claim; the report's title endorses no
outlet's disputed figure; the HTML gives no command-line advice."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import jsonschema
from test_coverage26 import _claim_of
from test_multi import doc, run

from compare.model import Document
from compare.multi import Hedged, compare_many
from compare.render.coverage_html import render_coverage
from compare.render.coverage_json import coverage_dict
from compare.render.coverage_text import coverage_markdown, coverage_text
from compare.schema import load_schema

# --- 2: a quote trimmed and credited to someone else ------------------------------------

_DAM_LEDE = "Floodwater breached the Carrow reservoir wall near Tilsey on Monday night."
_DAM_QUOTE = (
    '"We expect the water to fall by morning, but nobody should go near the river," '
    "warden Oswin Peltry said."
)


def test_a_quote_trimmed_and_credited_to_another_is_disputed_not_only_in_one_outlet() -> None:
    # B's sentence shares only the quote's words with A's: it stood alone ("only in" B, A's
    # quote "left out" by B) with no dispute.
    a = doc(_DAM_LEDE, _DAM_QUOTE, site="Anchor")
    b = doc(
        _DAM_LEDE,
        '"We expect the water to fall by morning," said councillor Maud Ferrin.',
        site="Beacon",
    )
    c = doc(_DAM_LEDE, _DAM_QUOTE, site="Crest")
    coverage = compare_many([a, b, c])
    quote = _claim_of(coverage, 0, "fall by morning")
    assert _claim_of(coverage, 1, "fall by morning") is quote
    assert quote.outlets == (0, 1, 2)
    kinds = {d.kind: d for d in quote.disagreements}
    assert set(kinds) == {"quote", "attribution"}, quote.disagreements
    assert {v for _, v in kinds["quote"].values} == {
        "We expect the water to fall by morning, but nobody should go near the river",
        "We expect the water to fall by morning",
    }
    assert not coverage.unique(1)
    assert not coverage.all_but_one()


# --- 14: no command-line advice in the shareable report -------------------------------

_FERRY = (
    "The Kestle ferry ran aground on a sandbank off Brinmoor on Friday morning.",
    "All 86 passengers were taken off by lifeboat crews within two hours.",
    "The operator, Solent Vale Lines, said the vessel would be towed to Harlby for checks.",
)
_CHESS = (
    "Nadia Orlov won the Pemberton open chess tournament on Sunday with a round to spare.",
    "The 17-year-old beat three grandmasters on her way to the title.",
    "She will play in the national championship in Wexcombe next spring.",
)


def test_the_html_report_says_why_an_input_is_set_aside_without_the_option(
    tmp_path: Path,
) -> None:
    # The "Read this first" box said "(use --force to include it)" to editors who have no
    # command line; the one who ran the command hears it on stderr.
    names = []
    for name, paragraphs in (
        ("anchor", _FERRY),
        ("beacon", _FERRY[:2]),
        ("crest", _FERRY[::2]),
        ("chess", _CHESS),
    ):
        path = tmp_path / f"{name}.txt"
        path.write_text("\n\n".join(paragraphs), "utf-8")
        names.append(str(path))
    out = tmp_path / "report.html"
    result = run(*names, "-o", str(out))
    assert result.exit_code == 1, result.stderr
    html = out.read_text("utf-8")
    assert "probably a different story." in html
    assert "--force" not in html
    (warning,) = [line for line in result.stderr.splitlines() if "set aside" in line]
    assert warning.startswith("storydiff: warning: set aside chess")
    assert warning.endswith("(use --force to include it)")
    # The terminal's view says it too.
    assert "(use --force to include it)" in run(*names, "--no-color").stdout


# --- 12: one quotation over two sentences is one claim ---------------------------------

_HAIL_LEDE = "Hailstones the size of golf balls smashed car windows across Upper Wenlow on Sunday."


def test_a_quotation_over_two_sentences_is_one_claim_with_balanced_marks() -> None:
    # It was two claims, '"I ran for the cellar.' and 'The noise was deafening," he said.',
    # each with one quotation mark.
    a = doc(
        _HAIL_LEDE,
        'Farmer Idris Baddow, 58, lost his greenhouse. "I ran for the cellar. The noise was '
        'deafening," he said. Crews cleared roads by evening.',
        site="Anchor",
    )
    b = doc(_HAIL_LEDE, "Crews cleared the roads by the evening.", site="Beacon")
    c = doc(_HAIL_LEDE, site="Crest")
    coverage = compare_many([a, b, c])
    quote = _claim_of(coverage, 0, "cellar")
    assert quote is _claim_of(coverage, 0, "deafening")
    (member,) = quote.members
    assert member.text == '"I ran for the cellar. The noise was deafening," he said.'
    assert (member.paragraph, member.sentence) == (1, 1)
    for claim in coverage.claims:
        for m in claim.members:
            assert m.text.count('"') % 2 == 0, m.text
    # The sentences around it are their own claims still, and the roads are carried by two.
    assert _claim_of(coverage, 0, "greenhouse").outlets == (0,)
    assert _claim_of(coverage, 0, "Crews cleared").outlets == (0, 1)
    # A quotation left open at the paragraph's end (it goes on in the next) joins nothing.
    open_end = doc(_HAIL_LEDE, '"I ran for the cellar. The noise was deafening.', site="Dale")
    coverage = compare_many([open_end, b, c])
    assert _claim_of(coverage, 0, "cellar") is not _claim_of(coverage, 0, "deafening")


# --- 4: a standfirst repeating the lede is one claim -----------------------------------


def test_a_standfirst_repeating_the_lede_is_one_claim_disputed_by_every_outlet() -> None:
    # A and C state the toll twice (a standfirst above a lede); B once. The standfirsts
    # made one claim and the ledes another: B's lede went with A's standfirst, so A's lede
    # was "left out" by B, C's standfirst "only in" C, and a dispute lacked B's figure.
    a = doc(
        "A landslide buried part of the hill village of Corvale on Thursday, killing seven people.",
        "CORVALE (Northline Wire) — A landslide buried part of the hill village of Corvale "
        "before dawn on Thursday, killing seven people and injuring 15 others, the regional "
        "civil protection agency said.",
        "Rescue teams from Ambria and Tesk worked through the night with sniffer dogs.",
        "The road into Corvale will stay closed until engineers have checked the slope.",
        site="Anchor",
    )
    b = doc(
        "At least nine people died and 15 were hurt when a landslide buried part of the hill "
        "village of Corvale on Thursday, the civil protection agency said.",
        "Rescue teams from Ambria and Tesk worked through the night using sniffer dogs.",
        "The road into Corvale is to stay closed until engineers have checked the slope.",
        site="Beacon",
    )
    c = doc(
        "Seven dead as landslide buries part of Corvale village on Thursday.",
        "Seven people were killed and 15 injured when a landslide buried part of the hill "
        "village of Corvale on Thursday, according to the civil protection agency.",
        "Rescue teams from Ambria and Tesk worked overnight with sniffer dogs.",
        "The road into Corvale will remain closed until engineers have checked the slope.",
        site="Crest",
    )
    coverage = compare_many([a, b, c])
    toll = _claim_of(coverage, 0, "CORVALE")
    for outlet, opening in ((0, "killing seven people."), (2, "Seven dead as")):
        assert _claim_of(coverage, outlet, opening) is toll
    assert _claim_of(coverage, 1, "At least nine") is toll
    assert _claim_of(coverage, 2, "Seven people were killed") is toll
    assert toll.outlets == (0, 1, 2)
    (dispute,) = [d for d in toll.disagreements if d.kind == "number"]
    assert {doc for doc, _ in dispute.values} == {0, 1, 2}, dispute
    assert not any(coverage.unique(d) for d in coverage.outlets)
    assert not coverage.all_but_one()
    # Each outlet's repeat is a secondary member: one primary sentence per outlet.
    assert [m.doc for m in toll.members if not m.shared] == [0, 1, 2]


# --- 10: the report's title endorses no outlet's disputed figure -----------------------


def _titled(title: str, *paragraphs: str, site: str) -> Document:
    return replace(doc(*paragraphs, site=site), title=title)


_ROOF = (
    "Part of the roof of Fallowmere sports hall collapsed under heavy snow on Saturday.",
    "The hall had been closed since Thursday, the council said.",
)


def test_the_html_report_is_not_titled_with_one_outlets_disputed_figure() -> None:
    # Its <h1> and <title> were the first outlet's headline, "… hurts 6", though another's
    # says "Four hurt": shared alone, the report read as endorsing six.
    a = _titled("Sports hall roof collapse hurts 6", *_ROOF, site="Anchor")
    b = _titled("Four hurt as snow brings down hall roof", *_ROOF, site="Beacon")
    c = _titled("Snow brings down Fallowmere hall roof", *_ROOF, site="Crest")
    html = render_coverage(compare_many([a, b, c]), generated_at="2026-01-01T00:00:00Z")
    h1 = html[html.index("<h1>") : html.index("</h1>")]
    assert "hurts 6" not in h1 and "Four hurt" not in h1
    assert "3 outlets compared" in h1
    assert "<title>storydiff: 3 outlets compared</title>" in html
    # Each headline is shown as its outlet's, in the header.
    header = html[html.index('<header class="cov-head">') : html.index("</header>")]
    for headline, outlet in (
        ("Sports hall roof collapse hurts 6", "Anchor"),
        ("Four hurt as snow brings down hall roof", "Beacon"),
    ):
        assert f'<span dir="auto">“{headline}”</span> — <bdi>{outlet}</bdi>' in header
    # The terminal and Markdown views show them so too (headlines are no claims: no dispute
    # is read into their grammar).
    coverage = compare_many([a, b, c])
    assert coverage.headline_figures_differ
    text = coverage_text(coverage, width=100).splitlines()
    assert "  Their headlines give different figures:" in text
    assert "     B  “Four hurt as snow brings down hall roof”" in text
    assert "  - **A** “Sports hall roof collapse hurts 6”" in coverage_markdown(coverage)
    # Headlines that agree on their figures (or give none) still title the report.
    b = _titled("Snow collapse: six hurt at sports hall", *_ROOF, site="Beacon")
    coverage = compare_many([a, b, c])
    assert not coverage.headline_figures_differ
    html = render_coverage(coverage, generated_at="2026-01-01T00:00:00Z")
    assert "Sports hall roof collapse hurts 6</span></h1>" in html
    assert "different figures" not in coverage_text(coverage)


# --- 5: a hedged claim is marked -------------------------------------------------------

_MINE = (
    "Rescuers reached the flooded Tarrow copper mine near Ellisfold on Wednesday.",
    "The company said pumping would begin once the shaft had been checked.",
)


def test_an_outlet_that_hedges_a_claim_others_state_flatly_is_marked_in_every_view() -> None:
    # "were reportedly trapped" stood on the side of "were trapped" with no mark anywhere.
    a = doc("Thirty miners were trapped underground by the flood.", *_MINE, site="Anchor")
    b = doc(
        "Thirty miners were reportedly trapped underground by the flood.", *_MINE, site="Beacon"
    )
    c = doc("The flood trapped thirty miners underground.", *_MINE, site="Crest")
    coverage = compare_many([a, b, c])
    trapped = _claim_of(coverage, 0, "Thirty miners")
    assert trapped.outlets == (0, 1, 2)
    assert not trapped.disagreements
    assert trapped.hedge == Hedged(hedged=((1, "reportedly"),), flat=(0, 2))
    assert coverage.hedged == (trapped,)
    # The claims all state flatly have none.
    assert all(c.hedge is None for c in coverage.claims if c is not trapped)
    text = coverage_text(coverage, width=200)
    assert "1 hedged by some" in text.splitlines()[0]
    line = f'{trapped.id} "reportedly" (B Beacon) / stated flatly (A Anchor, C Crest)'
    assert f"  {line}" in text.splitlines()
    assert "## Hedged by some outlets" in coverage_markdown(coverage)
    data = coverage_dict(coverage)
    jsonschema.validate(data, load_schema("coverage"))
    (claim,) = [c for c in data["claims"] if c["id"] == trapped.id]
    assert claim["hedge"] == {"hedged": [{"doc": 1, "words": "reportedly"}], "flat": [0, 2]}
    assert all(c["hedge"] is None for c in data["claims"] if c["id"] != trapped.id)
    html = render_coverage(coverage, generated_at="2026-01-01T00:00:00Z")
    assert "Hedged by some outlets" in html
    assert "hedged: “<bdi>reportedly</bdi>” — <bdi>Beacon</bdi>; stated flatly" in html
    # A step told as care, or a modal, doubts no fact: "as a precaution" / "could".
    care = doc(
        "Thirty miners were trapped underground by the flood, as a precaution.", *_MINE, site="B"
    )
    coverage = compare_many([a, care, c])
    assert not coverage.hedged


def test_likely_to_is_a_forecast_and_likely_a_doubt() -> None:
    # (The review of the session's changes.) "is likely to reopen" tells what will come, as
    # "expected to" does; "was likely caused by" doubts what happened.
    def hedged(first: str, second: str) -> bool:
        a = doc(first, *_MINE, site="Anchor")
        b = doc(second, *_MINE, site="Beacon")
        c = doc(first, *_MINE, site="Crest")
        return bool(compare_many([a, b, c]).hedged)

    assert not hedged(
        "The mine will reopen on Monday, the company said.",
        "The mine is likely to reopen on Monday, the company said.",
    )
    assert hedged(
        "The flood was caused by a burst pipe, the company said.",
        "The flood was likely caused by a burst pipe, the company said.",
    )


def test_the_time_of_the_lede_told_in_a_sentence_of_its_own_joins_the_ledes_claim() -> None:
    # B moved the time and source of A's lede into the sentence after its own lede, with a
    # detail more: it was "only in" B, though A and C give that time and source.
    lede = (
        "A gas main ruptured under Kellow Road in Brantham at 6:15 a.m. on Monday, forcing "
        "200 people from their homes, the regional gas network said."
    )
    rest = ("Engineers expect to restore the supply by Wednesday.",)
    a = doc(lede, *rest, site="Anchor")
    b = doc(
        "About 200 people were forced from their homes when a gas main ruptured under Kellow "
        "Road in Brantham on Monday. The leak began at around 6:15 a.m., according to the "
        "regional gas network, and the smell spread across the town centre.",
        *rest,
        site="Beacon",
    )
    c = doc(lede, *rest, site="Crest")
    coverage = compare_many([a, b, c])
    main = _claim_of(coverage, 0, "ruptured")
    timed = _claim_of(coverage, 1, "6:15 a.m.")
    assert timed is main
    assert [m.shared for m in main.members if m.doc == 1] == [False, True]
    assert not coverage.unique(1)
