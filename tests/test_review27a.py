"""Review 27 (a new user): a standfirst on one side only, unrelated stories from an unnamed
site, and a quote credited to "she" when the paragraph names her."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner, Result

from compare.cli import app
from compare.schema import load_schema

LEDE = (
    "The county said on Monday that the ferry to Weyholm would resume in May after repairs "
    "costing £3m."
)
BODY = [
    LEDE,
    "The ferry has been out of service since a storm damaged its ramp in January.",
    "Islanders have relied on a smaller boat that carries no vehicles.",
    "Councillor Petra Vosk said the repairs had taken longer than anyone hoped.",
    "The county will hold a meeting for islanders at the Weyholm hall next week.",
]


def run(*args: str) -> Result:
    clean: dict[str, str | None] = {"FORCE_COLOR": None, "NO_COLOR": None, "COLUMNS": None}
    return CliRunner(env=clean).invoke(app, ["compare", *args])


def _page(tmp_path: Path, name: str, description: str | None = None, box: str | None = None) -> str:
    """A page of the ferry story, with a meta description and a summary box over the body
    if given."""
    meta = f'<meta name="description" content="{description}">' if description else ""
    summary = f"<p>{box}</p>" if box else ""  # a template's copy of the lede, unclassed
    body = "".join(f"<p>{p}</p>" for p in BODY)
    page = tmp_path / name
    page.write_text(
        f"<html><head><title>Ferry to resume | The Weyholm Echo</title>{meta}</head><body>"
        f'<article><h1>Ferry to resume</h1><div class="article-body">{summary}{body}</div>'
        "</article></body></html>",
        encoding="utf-8",
    )
    return str(page)


def _json(*args: str) -> dict:
    data = json.loads(run(*args, "-f", "json").stdout)
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    return data


def test_a_standfirst_added_or_removed_with_new_facts_is_a_difference(tmp_path: Path) -> None:
    # Before: "No differences", exit 0, changed false, in both directions.
    dek = "The ferry will now resume in June, a month later than planned, at a cost of £4m."
    plain, described = _page(tmp_path, "a.html"), _page(tmp_path, "b.html", dek)
    for old, new, action in ((plain, described, "added"), (described, plain, "removed")):
        result = run(old, new, "--no-color")
        assert result.exit_code == 1, result.stdout
        assert "Standfirst: " in result.stdout and "a month later than planned" in result.stdout
        data = _json(old, new)
        assert data["summary"]["changed"] and data["summary"]["standfirst_changed"]
        assert data["standfirst"] and data["changes"] == []
        found = {(c["action"], c["old"] or c["new"]) for c in data["standfirst_changes"]}
        # The facts the body does not state; its own sentence is still in the body.
        assert found == {(action, "June"), (action, "£4m")}
        markdown = run(old, new, "-f", "md").stdout
        assert "**Standfirst:**" in markdown and "£4m" in markdown
        report = tmp_path / "r.html"
        assert run(old, new, "-f", "html", "-o", str(report)).exit_code == 1
        assert 'class="field standfirst changed"' in report.read_text(encoding="utf-8")


def test_a_summary_box_edited_from_the_lede_it_repeats_reads_against_it(tmp_path: Path) -> None:
    # The template prints the lede twice; the first copy was edited (May -> June). OLD's
    # copy is the lede again, so OLD has no standfirst.
    old = _page(tmp_path, "a.html", box=LEDE)
    new = _page(tmp_path, "b.html", box=LEDE.replace("May", "June"))
    data = _json(old, new)
    assert data["summary"]["changed"] and data["summary"]["standfirst_changed"]
    assert [(c["old"], c["new"]) for c in data["standfirst_changes"]] == [("May", "June")]
    assert run(old, new).exit_code == 1


def test_a_standfirst_that_only_repeats_the_text_is_no_difference(tmp_path: Path) -> None:
    # A description copied from a sentence of the lede (here the body's second paragraph,
    # which the page's own check of its first paragraphs does not catch as a whole) says
    # nothing new, nor does plain text lacking one.
    plain = _page(tmp_path, "a.html")
    for dek in (BODY[1], BODY[3][:40] + "…"):
        copied = _page(tmp_path, "b.html", dek)
        for pair in ((plain, copied), (copied, plain)):
            data = _json(*pair)
            assert not data["summary"]["changed"] and data["standfirst"] == []
            assert run(*pair).exit_code == 0
    text = tmp_path / "c.txt"
    text.write_text("Ferry to resume\n\n" + "\n\n".join(BODY) + "\n", encoding="utf-8")
    dek = _page(tmp_path, "d.html", "The ferry will now resume in June.")
    assert run(dek, str(text)).exit_code == 0
