"""Markdown posted on GitHub: article text makes no @mention, no #123 reference, no e-mail
link and no :emoji:. GitHub finds those in the text of the rendered HTML, after Markdown has
consumed every backslash, so the report breaks each pattern with a word joiner (U+2060):
the text still reads, and copies, as the article wrote it."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

from test_multi import doc
from test_render_markdown import to_html
from typer.testing import CliRunner

from compare import compare_many
from compare.cli import app
from compare.model import WordOp
from compare.render import markdown
from compare.render.coverage_text import coverage_markdown

JOIN = "\u2060"

# What GitHub acts on in the text of rendered HTML (after the Markdown is parsed).
MENTION = re.compile(r"(?:^|[^\w`])@[a-z0-9][a-z0-9-]*", re.IGNORECASE)
REFERENCE = re.compile(r"#\d")
EMAIL = re.compile(r"[\w.+-]@[a-z0-9][a-z0-9-]*\.[a-z0-9]", re.IGNORECASE)
EMOJI = re.compile(r":(?:[a-z0-9_+-]*[a-z_+-][a-z0-9_+-]*|100|1234):")  # (lower case, as GitHub)

TEXT = (
    "Write to tips@courier.example, said @janedoe about issue #123 and owner/repo#45, "
    "with :fire: and :+1: and :thumbs_up: at 10:30:45."
)


def github_text(md: str) -> str:
    """The text GitHub's filters read: the rendered HTML without its tags, entities read."""
    return htmllib.unescape(re.sub(r"<[^>]+>", "", to_html(md)))


def acted_on(md: str) -> list[str]:
    text = github_text(md)
    return [
        m.group() for pattern in (MENTION, REFERENCE, EMAIL, EMOJI) for m in pattern.finditer(text)
    ]


def test_the_patterns_found_without_escaping() -> None:
    # The check itself: the raw text has each pattern (so passing below means something).
    assert len(acted_on(TEXT)) >= 7


def test_escaped_text_has_no_mention_reference_email_or_emoji() -> None:
    md = markdown.line(markdown.escape(TEXT))
    assert acted_on(md) == []
    # And it reads as written once the invisible joiners are left out.
    assert github_text(md).strip().replace(JOIN, "") == TEXT
    # A time, which is no emoji code, is left whole.
    assert "10:30:45" in md


def test_a_mention_split_across_word_steps_is_broken_too() -> None:
    ops = (
        WordOp("equal", "Police said @", "Police said @"),
        WordOp("equal", "metpolice", "metpolice"),
        WordOp("replace", " on Monday", " on Tuesday"),
        WordOp("equal", " in issue #", " in issue #"),
        WordOp("equal", "9.", "9."),
    )
    md = markdown.line(markdown.inline(ops))
    assert acted_on(md) == []
    assert "@" + JOIN + "metpolice" in github_text(md)


def test_a_stored_version_keeps_its_at_sign_as_written() -> None:
    # "URL@2" names a version: neither a mention nor an e-mail address, so it copies as is.
    assert markdown.escape("https://x.example/story@2") == "https\\://x.example/story\\@2"


def test_compare_markdown_on_the_command_line(tmp_path: Path) -> None:
    old = tmp_path / "x1.txt"
    old.write_text(f"Security\n\n{TEXT} There were 5 cases.\n", encoding="utf-8")
    new = tmp_path / "x2.txt"
    new.write_text(old.read_text("utf-8").replace("5 cases", "6 cases"), encoding="utf-8")
    result = CliRunner(env={"NO_COLOR": "1"}).invoke(
        app, ["compare", str(old), str(new), "-f", "md"]
    )
    assert result.exit_code == 1, result.output
    assert "janedoe" in result.stdout
    assert acted_on(result.stdout) == []


def test_coverage_markdown_breaks_them_too() -> None:
    shared = "The harbour board said the new pier would open in the spring after a long delay."
    outlets = [
        doc(TEXT + " Twelve boats sank.", shared, site="@courier_desk"),
        doc(TEXT + " Fourteen boats sank.", shared, site="Gazette #1"),
    ]
    md = coverage_markdown(compare_many(outlets), limit=None)
    assert acted_on(md) == []


def test_paragraphs_past_a_partial_versions_end_cannot_open_lists() -> None:
    # NEW's download stopped after its third paragraph: OLD's last two are "past the end
    # of NEW's text", quoted in the Markdown, and must read as written there too.
    from dataclasses import replace

    from compare import compare

    opening = [
        "The ferry service to Gull Island will stop for the winter, the harbour board said.",
        "Commuters who rely on the morning sailing were told to use the bus link instead.",
        "The board said the timetable would be reviewed before the spring season starts.",
    ]
    tail = [
        "- Local councillor Priya Okafor said the decision was taken without asking anyone.",
        "2026. A year of repairs is planned for the old slipway, according to the board.",
    ]
    old = doc(*opening, *tail)
    new = replace(doc(*opening), partial=True)
    c = compare(old, new)
    assert c.summary.unshown
    md = markdown.comparison(c, limit=None)
    html = to_html(md)
    # (The header's OLD / NEW list is the report's own.)
    assert "<li>Local" not in html and "<ol" not in html
    assert "- Local councillor Priya Okafor said" in html
    assert "2026. A year of repairs" in html
