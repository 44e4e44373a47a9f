"""The Markdown comparison: structure, and escaping of untrusted article text."""

from __future__ import annotations

import html as htmllib
import itertools
import re
import string
from dataclasses import replace

from comparison_samples import NEW_PARAGRAPHS, ferry, long_story, unchanged
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_render_text import (
    LIBRARY_CUT_NEW,
    LIBRARY_CUT_OLD,
    LIBRARY_NEW,
    LIBRARY_OLD,
    LIBRARY_REWORDED_NEW,
    MUSEUM_NEW,
    MUSEUM_OLD,
)

from compare import compare
from compare.model import Change, Document, Paragraph, WordOp
from compare.render import markdown


def test_title_summary_table_and_similarity() -> None:
    out = markdown.comparison(ferry())
    assert out.startswith("## storydiff: Ferry capsizes off Port Ellery\n")
    assert "| | paragraphs | sentences |" in out
    assert "| unchanged | 4 | 5 |" in out
    assert "| reworded | 1 | 1 |" in out
    assert "| moved | 1 | 1 |" in out
    assert "Similarity: **82%**" in out
    assert "- **Headline:** Ferry ~~sinks~~**capsizes** off Port Ellery" in out


def test_changes_with_paragraph_numbers_and_word_marks() -> None:
    out = markdown.comparison(ferry())
    assert "#### ¶ 2, reworded\n\n~~Twelve~~**Fourteen** people died, the coastguard said." in out
    assert "#### old ¶ 3, removed\n\n> ~~The ferry operator declined to comment.~~" in out
    assert "#### ¶ 5, added\n\n> **Survivors were taken to St Brendan's Hospital.**" in out
    assert "#### ¶ 5 → ¶ 3, unchanged, moved" in out


def test_sentence_that_left_for_another_paragraph_is_struck_and_linked() -> None:
    out = markdown.comparison(compare(MUSEUM_OLD, MUSEUM_NEW))
    assert (
        "#### ¶ 1, reworded\n\nThe museum closed its east wing on Friday after a pipe burst "
        "above the gallery. ~~Repairs are expected to take two weeks.~~ *(moved to ¶ 3)*\n"
    ) in out
    assert "take ~~two~~**three** weeks. *(moved from old ¶ 1)*\n" in out


def test_key_changes_and_warnings() -> None:
    out = markdown.comparison(ferry(warnings=("NEW has 30% of OLD's words",)))
    assert "> **Warning:** NEW has 30% of OLD's words" in out
    assert '### Key changes\n\n- death toll: "Twelve" → "Fourteen" (¶ 2)\n' in (out)
    assert "Key changes" not in markdown.comparison(ferry(changes=False))


def test_context_collapses_unchanged_runs() -> None:
    out = markdown.comparison(long_story(30, 15), context=1)
    assert "*… 14 unchanged paragraphs …*" in out
    assert "*… 13 unchanged paragraphs …*" in out
    assert "> *¶ 15* · Paragraph 14 of the council budget story stays the same." in out
    assert "Paragraph 13 of the" not in out


def test_no_differences() -> None:
    out = markdown.comparison(unchanged())
    assert "No differences beyond cosmetic ones." in out
    assert "### Changes" not in out


def test_marks_hug_the_words() -> None:
    ops = (
        WordOp("equal", "Rain ", "Rain "),
        WordOp("replace", "fell ", "poured "),
        WordOp("insert", "", " all night"),
        WordOp("equal", ".", "."),
    )
    # GitHub ignores ~~ and ** next to a space, so spaces stay outside the marks.
    assert markdown.inline(ops) == "Rain ~~fell~~ **poured**  **all night**."


HOSTILE = (
    "Click [here](javascript:alert(1)) or ![x](https://evil.example/p.png) "
    "<script>alert(1)</script> <img src=x onerror=alert(1)> | col | col | "
    "~~struck~~ **bold** _em_ `code` $x^2$ &lt; see www.evil.example and "
    "https://evil.example/a @everyone"
)


def rendered_hostile() -> str:
    paragraphs = [list(p) for p in NEW_PARAGRAPHS]
    paragraphs[4] = [HOSTILE]
    return markdown.comparison(ferry(new_paragraphs=paragraphs, new_title="# <b>Pwned</b> [x](y)"))


def test_hostile_text_is_escaped() -> None:
    out = rendered_hostile()
    # No live markup survives: every metacharacter from the article is backslash-escaped.
    assert "](" not in out.replace(r"\](", "")
    assert not re.search(r"(?<!\\)<(script|img|b)\b", out)
    assert r"\<script\>" in out
    assert not re.search(r"(?<!\\)\|", out.split("### Changes")[1])
    assert r"\~\~struck\~\~" in out and r"\*\*bold\*\*" in out and r"\_em\_" in out
    assert r"\`code\`" in out and r"\$x^2\$" in out and r"\&lt;" in out
    assert r"www\.evil" in out and r"https\://evil" in out
    assert "## storydiff: \\# \\<b\\>Pwned\\</b\\> \\[x\\](y)" in out


def test_line_starts_cannot_open_blocks() -> None:
    for text, safe in (
        ("# Breaking", r"\# Breaking"),
        ("- one", r"\- one"),
        ("+ two", r"\+ two"),
        ("1. first", r"1\. first"),
        ("12) twelfth", r"12\) twelfth"),
        ("=====", r"\====="),
        ("Plain words", "Plain words"),
    ):
        assert markdown.line(markdown.escape(text)) == safe


def test_unchanged_paragraph_starting_like_a_list_stays_a_quote() -> None:
    paragraphs = [list(p) for p in NEW_PARAGRAPHS]
    paragraphs[5] = ["- An inquiry will open next week."]
    comparison = ferry(new_paragraphs=paragraphs)
    # A reworded line starts with article text: it must not turn into a list item.
    sentences = list(comparison.sentences)
    sentences[1] = replace(
        sentences[1],
        words=(
            WordOp("equal", "1. ", "1. "),
            WordOp("replace", "Twelve", "Fourteen"),
        ),
    )
    out = markdown.comparison(replace(comparison, sentences=tuple(sentences)))
    assert "\n1\\. ~~Twelve~~**Fourteen**" in out


def test_control_characters_dropped_and_invisible_ones_named() -> None:
    assert markdown.escape("a\u202eb\x1b[31mc\u200bd\te") == r"a⟨RLO⟩b\[31mc⟨ZWSP⟩d e"


def test_change_values_are_escaped() -> None:
    comparison = replace(
        ferry(), changes=(Change("quote", "added", None, "[link](http://x)", 1, 1),)
    )
    out = markdown.comparison(comparison)
    assert r"- **quote** added: **\[link\](http\://x)** (¶ 2)" in out


def test_deterministic() -> None:
    assert markdown.comparison(ferry()) == markdown.comparison(ferry())
    assert rendered_hostile() == rendered_hostile()


def test_changes_without_detail_show_struck_and_bold_values() -> None:
    comparison = replace(
        ferry(),
        changes=(
            Change("number", "changed", "Twelve", "Fourteen", 1, 1),
            Change("quote", "removed", "no comment", None, 1, 4),
        ),
    )
    out = markdown.comparison(comparison)
    assert "- **number** changed: ~~Twelve~~ → **Fourteen** (¶ 2)" in out
    assert "- **quote** removed: ~~no comment~~ (old ¶ 3)" in out


def test_split_paragraphs_become_separate_markdown_paragraphs() -> None:
    from test_render_text import split_comparison

    out = markdown.comparison(split_comparison())
    assert "to the north quay.\n\nWork on the **new** terminal is due to start in the spring" in out


def to_html(text: str) -> str:
    """What a CommonMark renderer with GitHub's tables and strikethrough makes of it
    (markdown-it-py comes with rich)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def test_rendered_hostile_report_has_only_our_markup() -> None:
    html = to_html(rendered_hostile())
    assert "<a " not in html and "<img" not in html and "<script" not in html
    hostile = next(line for line in html.splitlines() if "Click" in line)
    assert hostile.startswith("<p><strong>Click") and hostile.endswith("</strong></p>")
    assert "<code>" not in hostile and "<em>" not in hostile and "<s>" not in hostile
    # One table (the summary), one h2 (the title), and the article text as text.
    assert html.count("<table>") == 1 and html.count("<h2>") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[here](javascript:alert(1))" in html
    assert "~~struck~~ **bold** _em_ `code`" in html


def test_rendered_report_structure() -> None:
    html = to_html(markdown.comparison(ferry()))
    assert "<s>Twelve</s><strong>Fourteen</strong> people died" in html
    assert "<blockquote>\n<p><s>The ferry operator declined to comment.</s></p>" in html
    assert (
        "<blockquote>\n<p><strong>Survivors were taken to St Brendan's Hospital.</strong>" in html
    )
    assert '<td>reworded</td>\n<td style="text-align:right">1</td>' in html


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list(string.ascii_letters + string.digits + string.punctuation + " é—“”")
        ),
        min_size=1,
        max_size=40,
    )
)
def test_escaped_text_renders_as_exactly_itself(raw: str) -> None:
    text = " ".join(raw.split())  # article paragraphs are whitespace-collapsed
    assume(text)
    html = to_html(markdown.line(markdown.escape(text)))
    assert html.startswith("<p>") and html.endswith("</p>\n"), html
    # (less the word joiners that keep GitHub from reading mentions, #123 and :emoji: in it)
    assert htmllib.unescape(html[3:-5]).replace("\u2060", "") == text


PHRASE = st.lists(
    st.sampled_from(["people", "12", "said", "“quoted”", "U.S.", "*", "_x_", "(a)", "$5", "e.g."]),
    min_size=1,
    max_size=3,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["equal", "delete", "insert", "replace"]), PHRASE, PHRASE),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from([",", ".", ""]),
    st.booleans(),
)
def test_every_word_mark_is_parsed(
    steps: list[tuple[str, str, str]], stop: str, glued: bool
) -> None:
    kinds = [kind for kind, _, _ in steps]
    # Glued steps meet without a space ("cracks" then ", residents"); the word diff never
    # gives two changes in a row, it makes them one, nor two unchanged steps in a row.
    assume(not glued or all("equal" in pair for pair in itertools.pairwise(kinds)))
    assume(all(pair != ("equal", "equal") for pair in itertools.pairwise(kinds)))
    ops = []
    for i, (kind, old, new) in enumerate(steps):
        space = " " if i and not glued else ""
        old = "" if kind == "insert" else space + (new if kind == "equal" else old)
        new = "" if kind == "delete" else space + new
        ops.append(WordOp(kind, old, new))  # type: ignore[arg-type]
    ops.append(WordOp("equal", stop, stop))
    html = to_html(markdown.line(markdown.inline(ops)))
    # Every ~~ and ** we wrote became <s> or <strong>: none is left over as literal text.
    assert "~~" not in html and "**" not in html
    # And the words read in order: unchanged, then deleted before inserted.
    shown = "".join(op.new if op.op == "equal" else op.old + op.new for op in ops)
    plain = re.sub(r"</?(s|del|strong|p)>", "", html)
    assert " ".join(htmllib.unescape(plain).split()) == " ".join(shown.split())


def _many_changes(count: int = 400):  # type: ignore[no-untyped-def]
    """A long story in which every paragraph's figure changed: one key change and one
    reworded paragraph each."""
    from compare import compare
    from compare.model import Document, Paragraph

    def doc(offset: int) -> Document:
        texts = [
            f"Inspectors found {i + offset} cracked supports on bridge number {i} this week, "
            f"the transport agency said in its report on district {i}."
            for i in range(count)
        ]
        return Document(tuple(Paragraph(t, (t,)) for t in texts), title="Bridge checks")

    return compare(doc(0), doc(1000))


def test_long_reports_stop_at_githubs_comment_limit() -> None:
    c = _many_changes()
    full = markdown.comparison(c, limit=None)
    assert len(full) > markdown.GITHUB_LIMIT
    out = markdown.comparison(c)
    assert len(out) <= markdown.GITHUB_LIMIT
    assert out.startswith(full[: full.index("### Key changes")])  # header and summary whole
    assert out.count('\n- number: "') == len(c.changes)  # the key changes fit in half
    shown = out.count("\n#### ")
    assert 0 < shown < 400
    assert f"{400 - shown:,} more changed paragraphs are not shown" in out
    # Whatever is shown is exactly what the full report says at that point.
    cut = out.index("*The report stops here")
    assert full.startswith(
        out[out.index("### Changes") : cut].rstrip("\n"), full.index("### Changes")
    )


def test_a_small_limit_and_no_limit() -> None:
    c = _many_changes(40)
    assert "stops here" not in markdown.comparison(c)  # fits: nothing left out
    small = markdown.comparison(c, limit=2_500)
    assert len(small) <= 2_500
    assert "to stay under 2,500 characters" in small
    shown_keys = small.count('\n- number: "')
    assert 0 < shown_keys < len(c.changes)
    assert f"- *… and {len(c.changes) - shown_keys:,} more key changes*" in small
    assert markdown.comparison(c, limit=None) == markdown.comparison(c)


def test_a_dash_replaced_by_a_comma_adds_no_space() -> None:
    ops = (
        WordOp("equal", "The plan", "The plan"),
        WordOp("replace", " \u2014 ", ", "),
        WordOp("equal", "a bold one", "a bold one"),
        WordOp("replace", " \u2014 ", " "),
        WordOp("equal", "was approved.", "was approved."),
    )
    # The space before the dash is only in the old text, and GitHub cannot strike a space;
    # a mark cannot open between a letter and a dash, so the dash is struck by a tag.
    out = markdown.inline(ops)
    assert out == "The plan<del>\u2014</del>**,** a bold one<del>\u2014</del> was approved."
    assert to_html(out) == (
        "<p>The plan<del>\u2014</del><strong>,</strong> a bold one<del>\u2014</del> was approved."
        "</p>\n"
    )


def test_a_change_that_starts_or_ends_with_punctuation_inside_a_word_run_is_marked() -> None:
    # "cracks**, residents told to prepare**" is literal text on GitHub: ** after a letter
    # and before a comma cannot open.
    headline = (
        WordOp("equal", "Dam inspection finds ", "Dam inspection finds "),
        WordOp("replace", "four", "five"),
        WordOp("equal", " cracks", " cracks"),
        WordOp("insert", "", ", residents told to prepare"),
    )
    html = to_html(markdown.inline(headline))
    assert html == (
        "<p>Dam inspection finds <s>four</s><strong>five</strong> cracks"
        "<strong>, residents told to prepare</strong></p>\n"
    )
    closing = (
        WordOp("equal", "Fees rose", "Fees rose"),
        WordOp("delete", " (again)", ""),
        WordOp("equal", "this year", "this year"),
    )
    assert to_html(markdown.inline(closing)) == ("<p>Fees rose <del>(again)</del>this year</p>\n")
    # Where the marks work they stay marks.
    assert markdown.inline(headline[:3]) == "Dam inspection finds ~~four~~**five** cracks"


def test_sentence_moved_into_an_added_or_out_of_a_removed_paragraph_is_linked() -> None:
    out = markdown.comparison(compare(LIBRARY_OLD, LIBRARY_NEW))
    assert "~~The work cost 80,000 pounds.~~ *(moved to ¶ 3)*" in out
    assert (
        "#### ¶ 3, added\n\n> **Some trustees questioned the spending.** The work cost 80,000 "
        "pounds. *(moved from old ¶ 1)* **They said the money was needed for new books.**\n"
    ) in out
    out = markdown.comparison(compare(LIBRARY_CUT_OLD, LIBRARY_CUT_NEW))
    assert "ceiling. The work cost 80,000 pounds. *(moved from old ¶ 2)*" in out
    assert (
        "#### old ¶ 2, removed\n\n> ~~Some trustees questioned the spending. The work cost "
        "80,000 pounds.~~ *(moved to ¶ 2)* ~~They said the money was needed for new books.~~\n"
    ) in out


def test_reworded_sentence_moved_into_an_added_paragraph_shows_its_word_diff() -> None:
    out = markdown.comparison(compare(LIBRARY_OLD, LIBRARY_REWORDED_NEW))
    assert "~~The work cost 80,000 pounds.~~ *(moved to ¶ 3)*" in out
    assert (
        "#### ¶ 3, added\n\n> **Some trustees questioned the spending.** The work cost "
        "~~80,000~~**95,000** pounds. *(moved from old ¶ 1)* **They said the money was "
        "needed for new books.**\n"
    ) in out


def test_a_headline_changed_in_case_only_is_no_change_here_either() -> None:
    paragraphs = (Paragraph("Rain closed the coast road.", ("Rain closed the coast road.",)),)
    old = Document(paragraphs, title="Coast road closed by rain")
    new = Document(paragraphs, title="Coast Road Closed by Rain")
    c = compare(old, new)
    assert not c.summary.headline_changed
    assert "**Headline:**" not in markdown.comparison(c)
