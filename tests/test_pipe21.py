"""Pipe 21: a data journalist's trial of the terminal, Markdown and JSON views in scripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.extract import extract, normalize_date
from compare.model import Provenance, Snapshot

PARAGRAPHS = [
    "The morning ferry between Port Aldous and Norrholm island was taken out of service on "
    "Tuesday after crew reported an engine fault shortly after departure, the operator said.",
    "About 140 passengers were returned to the mainland terminal, where buses were arranged "
    "to a second vessel at the northern pier.",
    '"Safety is our first priority and we apologise for the disruption," said Maren '
    "Tollefsen, a spokeswoman for Skerry Lines.",
]


def _page(head: str) -> Snapshot:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferry halted</title>'
        f"{head}</head><body><article><h1>Ferry halted</h1>{body}</article></body></html>"
    )
    return Snapshot(
        content=html.encode(), kind="html", provenance=Provenance(spec="page", encoding="utf-8")
    )


@pytest.mark.parametrize(
    "value",
    [
        "0000-00-00T00:00:00+00:00",
        "0000-00-00",
        "2026-13-45T99:99:99Z",
        "2026-02-30",
        "2026-11-24T25:10",
    ],
)
def test_a_date_that_does_not_exist_is_no_date(value: str) -> None:
    # WordPress writes "0000-00-00 00:00:00" for a date it never set: it was shown as the
    # story's publication and modification time, and compared with the other version's.
    assert normalize_date(value) is None
    head = (
        f'<meta property="article:published_time" content="{value}">'
        f'<meta property="article:modified_time" content="{value}">'
    )
    doc = extract(_page(head))
    # (htmldate may still read the day out of "2026-11-24T25:10": a real one.)
    for stamp in (doc.published, doc.modified):
        assert stamp is None or normalize_date(stamp) == stamp
    if value.startswith("0000"):
        assert doc.published is None and doc.modified is None


def test_a_broken_date_gives_way_to_the_next_tag_that_holds_a_real_one() -> None:
    head = (
        '<meta property="article:modified_time" content="2026-11-31T10:00:00Z">'
        '<meta property="og:updated_time" content="2026-11-24T11:30:00Z">'
    )
    assert extract(_page(head)).modified == "2026-11-24T11:30:00Z"
    assert normalize_date("2026-11-24T23:59:60Z") == "2026-11-24T23:59:60Z"  # a leap second


def _markdown_line(old: str, new: str) -> str:
    from compare import compare
    from compare.model import Document, Paragraph
    from compare.render import markdown

    kept = "Residents of the valley have waited for years for the new bridge to open to traffic."

    def doc(text: str) -> Document:
        return Document((Paragraph(text, (text,)), Paragraph(kept, (kept,))), title="Bridge")

    out = markdown.comparison(compare(doc(old), doc(new)))
    return next(line for line in out.splitlines() if line.startswith(old.split()[0]))


def test_a_bold_run_after_a_struck_one_opens_on_github() -> None:
    # GitHub's parser (cmark-gfm) looks past "~~" for the character before "**": after
    # "~~it was~~" that is "s", so "**: 'It is**" stayed literal asterisks in the comment.
    line = _markdown_line("He said it was over.", "He said: 'It is over.'")
    assert line == "He said~~it was~~<strong>: 'It is</strong> over.**'**"
    # A struck run ending in punctuation leaves "**" free to open, as before.
    assert _markdown_line(
        "The council backed the plan. Work starts soon.",
        "The council backed the plan (by nine votes). Work starts soon.",
    ).startswith("The council backed the plan **(by nine votes)**")


def test_an_address_glued_to_a_word_is_no_link() -> None:
    from compare.render import markdown

    # GitHub links "http://..." and "www." wherever they start, not only after a space.
    assert markdown.escape("filed (Léhttp://example.org/a) and _www.example.org_") == (
        r"filed (Léhttp\://example.org/a) and \_www\.example.org\_"
    )


def test_a_markdown_limit_smaller_than_the_header_says_so() -> None:
    from compare import compare
    from compare.model import Document, Paragraph
    from compare.render import markdown

    def doc(offset: int) -> Document:
        texts = [
            f"Inspectors found {i + offset} cracked supports on bridge number {i} this week, "
            f"the transport agency said in its report on district {i}."
            for i in range(30)
        ]
        return Document(tuple(Paragraph(t, (t,)) for t in texts), title="Bridge checks")

    c = compare(doc(0), doc(1000))
    # The header and summary are always whole: past 300 characters, "to stay under 300
    # characters" was untrue, and "… and 30 more key changes" followed none.
    tiny = markdown.comparison(c, limit=300)
    assert len(tiny) > 300 and "to stay under" not in tiny
    assert "as --md-limit 300 leaves no room past the header and summary: 30 changed" in tiny
    assert "- *30 key changes, left out for room*" in tiny and "more key changes" not in tiny
    roomy = markdown.comparison(c, limit=3_000)
    assert len(roomy) <= 3_000 and "to stay under 3,000 characters" in roomy
    assert "more changed paragraphs are not shown" in roomy


def test_a_vote_told_in_votes_is_one_figure_and_no_count_to_set_against_a_margin() -> None:
    from compare import compare
    from compare.facets import compare_sentences
    from compare.model import Document, Paragraph

    changed = compare_sentences(
        "The motion passed by 23 votes to 14.", "The motion passed by 24 votes to 13."
    )
    assert [(c.kind, c.old, c.new) for c in changed] == [
        ("number", "23 votes to 14", "24 votes to 13")
    ]
    # A story written anew: "23 votes to 14" and "a margin of nine votes" say the same
    # vote. It read as `number: "23 votes" → "nine votes"`, a count that changed.
    old = [
        "Weyford council voted on Thursday to spend £4.2 million on expanding the town's "
        "central library, ending two years of debate over the building's future.",
        "Opponents argued the money should go to road repairs. The motion passed by 23 votes "
        "to 14.",
    ]
    new = [
        "Critics say a rooftop garden is hardly what a town with crumbling roads needs, but "
        "the majority on Weyford council thinks otherwise.",
        "After a heated session that ran past midnight, members backed an enlarged central "
        "library by a margin of nine votes.",
    ]

    def doc(texts: list[str]) -> Document:
        return Document(tuple(Paragraph(t, (t,)) for t in texts), title="Library vote")

    numbers = [c for c in compare(doc(old), doc(new)).changes if c.kind == "number"]
    assert not any(c.action == "changed" and c.old == "23 votes" for c in numbers), numbers


def test_json_of_storydiff_that_is_no_one_article_is_named(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from compare.cli import app

    story = "\n\n".join(["Ferry halted", *PARAGRAPHS]) + "\n"
    (tmp_path / "v1.txt").write_text(story, encoding="utf-8")
    (tmp_path / "v2.txt").write_text(story.replace("140", "160"), encoding="utf-8")
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str, str]:
        result = runner.invoke(app, [*args], catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    v1, v2 = str(tmp_path / "v1.txt"), str(tmp_path / "v2.txt")
    code, both, _ = run("extract", v1, v2, "-f", "json")
    assert code == 0
    (tmp_path / "both.json").write_text(both, encoding="utf-8")
    code, report, _ = run("compare", v1, v2, "-f", "json")
    assert code == 1
    (tmp_path / "report.json").write_text(report, encoding="utf-8")
    # Both were "JSON data, not an article — pass the address of the article's web page".
    code, _, err = run("compare", str(tmp_path / "both.json"), v2)
    assert code == 4
    assert "both.json holds 2 articles saved by `storydiff extract`, not one" in err
    assert "save one version per file" in err
    code, _, err = run("compare", str(tmp_path / "report.json"), v2)
    assert code == 4
    assert "report.json is a storydiff report (storydiff.compare/1), not an article" in err
    (tmp_path / "data.json").write_text('{"temperature": 12}', encoding="utf-8")
    code, _, err = run("extract", str(tmp_path / "data.json"))
    assert code == 4 and "data.json is JSON data, not an article" in err


def test_side_by_side_headings_keep_the_ends_of_long_names() -> None:
    from compare import compare
    from compare.model import Document, Paragraph
    from compare.render import text

    folder = "archive/island-courier/2026/11/ferry-service-to-norrholm-suspended-after-fault"

    def doc(day: str, figure: str) -> Document:
        texts = [p.replace("140", figure) for p in PARAGRAPHS]
        spec = f"{folder}/{day}/story.html"
        return Document(
            tuple(Paragraph(t, (t,)) for t in texts),
            title="Ferry halted",
            provenance=Provenance(spec=spec),
        )

    out = text.comparison(
        compare(doc("24", "140"), doc("25", "160")), width=120, color=False, context=2
    )
    heading = next(line for line in out.splitlines() if line.startswith("OLD · "))
    # Cut at the end, both read "OLD · archive/island-courier/2026/11/ferry-service-to-no…".
    old, new = heading.split(" │ ")
    assert old.rstrip().endswith("/24/story.html") and new.endswith("/25/story.html")
    assert "…" in old and len(old) == 58 and old.startswith("OLD · archive/")


TUNNEL = [
    "The opening of Eastport's harbour tunnel has been pushed back to 2030 after engineers "
    "found unstable ground beneath the eastern approach road, the regional transport "
    "authority said on Thursday.",
    "The project, first announced in 2019, was due to open in 2028. Its budget has risen from "
    "£820 million to £1.1 billion, according to figures published alongside the announcement.",
    "The authority said a revised timetable would be put to the regional assembly in January.",
]


def test_a_correction_giving_the_old_and_the_new_figure_owns_the_change() -> None:
    from compare import compare
    from compare.model import Document, Paragraph
    from compare.notes import noted_in

    def doc(texts: list[str]) -> Document:
        return Document(tuple(Paragraph(t, (t,)) for t in texts), title="Tunnel delayed")

    note = (
        "Correction: An earlier version of this story said the budget had risen to £1.1 "
        "billion. It has risen to £1.3 billion."
    )
    new = [t.replace("£1.1 billion", "£1.3 billion") for t in TUNNEL] + [note]
    c = compare(doc(TUNNEL), doc(new))
    (change,) = [ch for ch in c.changes if ch.kind == "number"]
    # "£1.1 billion" counts nothing the note's "risen" names in OLD's sentence (the "risen"
    # there is "from £820 million"): the change was listed as not in the correction.
    assert (change.old, change.new) == ("£1.1 billion", "£1.3 billion")
    assert id(change) in noted_in(c)
    # A note that gives other figures owns nothing.
    other = [*new[:-1], "Correction: An earlier version gave the tunnel's length as 2.1 km."]
    assert not noted_in(compare(doc(TUNNEL), doc(other)))


def test_an_archive_that_cannot_be_reached_is_named(tmp_path: Path) -> None:
    import socket

    from typer.testing import CliRunner

    from compare.cli import app

    with socket.socket() as closed:  # a port nothing listens on once it is closed
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    archive = f"http://127.0.0.1:{port}"
    result = CliRunner().invoke(
        app,
        ["wayback", "https://example.org/news/a", "--db", str(tmp_path / "v.db")],
        env={"STORYDIFF_WAYBACK": archive},
    )
    assert result.exit_code == 3
    # It was "127.0.0.1 refused the connection — check the URL and port": not the URL given.
    assert result.stderr.startswith(
        f"storydiff: error: the archive at {archive} could not be reached: 127.0.0.1 refused"
    )
    assert "check --archive (or STORYDIFF_WAYBACK)" in result.stderr
    assert not (tmp_path / "v.db").exists()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The council's lawyer said the authority had done everything it could.",
            "The council's lawyer said the authority had acted properly.",
        ),
        (
            "He did all he could to save them, neighbours said.",
            "He tried to save them, neighbours said.",
        ),
    ],
)
def test_doing_all_one_could_is_no_hedge(old: str, new: str) -> None:
    from compare.facets import compare_sentences

    # Read as `hedge removed: "could"`: how hard someone tried is not a claim hedged.
    assert not [c for c in compare_sentences(old, new) if c.kind == "hedge"]
    # A modal before its verb still is.
    (hedge,) = compare_sentences(
        "Officials said the bridge could reopen next week.",
        "Officials said the bridge will reopen next week.",
    )
    assert (hedge.kind, hedge.action, hedge.old) == ("hedge", "removed", "could")


def test_extract_writes_its_output_file_whole_or_not_at_all(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from compare.cli import app

    story = tmp_path / "story.txt"
    story.write_text("\n\n".join(["Ferry halted", *PARAGRAPHS]) + "\n", encoding="utf-8")
    saved = tmp_path / "archive" / "v1.json"
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(story), "-o", str(saved)])
    assert result.exit_code == 0 and result.stdout == ""
    first = saved.read_text(encoding="utf-8")
    assert json.loads(first)[0]["title"] == "Ferry halted"  # JSON, from the name
    # A source that cannot be loaded leaves the version saved before, where `> v1.json`
    # left an empty file.
    result = runner.invoke(app, ["extract", str(tmp_path / "gone.html"), "-o", str(saved)])
    assert result.exit_code == 2 and "no such file" in result.stderr
    assert saved.read_text(encoding="utf-8") == first
    # The text view, which is read back too; a name that promises another format is refused.
    view = tmp_path / "v1.txt"
    assert runner.invoke(app, ["extract", str(story), "-o", str(view)]).exit_code == 0
    assert view.read_text(encoding="utf-8").startswith("title:     Ferry halted\n")
    refused = runner.invoke(app, ["extract", str(story), "-f", "text", "-o", str(saved)])
    assert refused.exit_code == 2
    assert "extract writes TEXT, and" in refused.stderr and "name it" in refused.stderr
    assert "v1.txt" in refused.stderr


def test_right_to_left_rows_keep_their_columns_in_a_bidi_terminal() -> None:
    from compare import compare
    from compare.model import Document, Paragraph
    from compare.render import text

    old = [
        "قالت شركة الكهرباء الوطنية إن انقطاع التيار أثر على نحو 3000 منزل في الأحياء "
        "الشمالية من المدينة مساء الاثنين بعد عاصفة قوية.",
        "وطالب السكان بتعويضات عن الأضرار التي لحقت بالأجهزة المنزلية خلال الانقطاع الطويل.",
    ]
    new = [old[0].replace("3000", "5000"), old[1]]

    def doc(texts: list[str]) -> Document:
        return Document(tuple(Paragraph(t, (t,)) for t in texts), title="انقطاع الكهرباء")

    out = text.comparison(compare(doc(old), doc(new)), width=120, color=False, context=2)
    rows = [line for line in out.splitlines() if "│" in line]
    arabic = [line for line in rows if any("\u0600" <= ch <= "\u06ff" for ch in line)]
    assert arabic and all("\u200e │ \u200e" in line for line in arabic)
    # Unicode's bidi algorithm gives the neutral " │ " between two Arabic runs their
    # direction, and a terminal that applies it (VTE, Konsole) showed NEW's text on the
    # left; a left-to-right mark (no width) each side of the rule keeps it in place. Rows
    # without such text keep the plain rule, and every row its width.
    assert all("\u200e" not in line for line in rows if line not in arabic)
    assert len({line.index("│") - line[: line.index("│")].count("\u200e") for line in rows}) == 1


def test_key_changes_of_right_to_left_values_stay_in_reading_order() -> None:
    from compare import compare
    from compare.model import Document, Paragraph
    from compare.render import markdown, text

    said = '"אנחנו עושים כל מה שאפשר כדי לשלוט באש", אמר מפקד הכבאים יואב לרנר בשיחה עם כתבים.'
    kept = "לדברי הרשויות, לא נמצאו עדויות לזיהום מי השתייה באזור, אך הבדיקות יימשכו גם מחר."
    now = said.replace("אנחנו עושים כל מה שאפשר כדי לשלוט באש", "האש כמעט בשליטה מלאה")

    def doc(first: str) -> Document:
        return Document((Paragraph(first, (first,)), Paragraph(kept, (kept,))), title="שריפה")

    c = compare(doc(said), doc(now))
    # Between two Hebrew values the arrow joined one right-to-left run, in a browser (the
    # Markdown on GitHub) as in a bidi terminal: NEW's quote read first, "→", then OLD's.
    view = text.comparison(c, width=200, color=False, context=2)
    (line,) = [row for row in view.splitlines() if "quote altered" in row]
    assert '"\u200e → \u200e"' in line and '"\u200e  (¶ 1)' in line
    (item,) = [row for row in markdown.comparison(c).splitlines() if "quote altered" in row]
    assert '"\u200e → \u200e"' in item and item.endswith('"\u200e (¶ 1)')
    # English values get no marks.
    plain = text.comparison(
        compare(_doc_of(PARAGRAPHS), _doc_of(_ferry_160())), width=200, color=False, context=2
    )
    assert "\u200e" not in plain


def _doc_of(texts: list[str]):  # type: ignore[no-untyped-def]
    from compare.model import Document, Paragraph

    return Document(tuple(Paragraph(t, (t,)) for t in texts), title="Ferry halted")


def _ferry_160() -> list[str]:
    return [p.replace("140", "160") for p in PARAGRAPHS]


def test_the_line_under_the_key_changes_wraps_under_itself() -> None:
    from compare import compare
    from compare.render import text

    out = text.comparison(
        compare(_doc_of(PARAGRAPHS), _doc_of(_ferry_160())), width=80, color=False, context=2
    )
    # At 80 columns it wrapped as "  NEW changes ... update" then "     note." (the
    # OLD/NEW header's hang), on nearly every edit a terminal shows.
    assert (
        "  NEW changes these facts without adding or changing a correction or update\n  note.\n"
        in out
    )


def test_a_time_at_the_end_of_a_sentence_leaves_its_full_stop() -> None:
    from compare.facets import compare_sentences

    (change,) = compare_sentences("The crash happened at 7.30am.", "The crash happened at 7.30pm.")
    assert (change.old, change.new) == ("7.30am", "7.30pm")  # it was "7.30am." → "7.30pm."
    (change,) = compare_sentences(
        "It opened at 9 a.m. on Monday.", "It opened at 10 a.m. on Monday."
    )
    assert (change.old, change.new) == ("9 a.m.", "10 a.m.")


def test_a_key_changes_place_is_never_cut_in_two() -> None:
    import re

    from compare import compare, load
    from compare.render import text

    folder = Path(__file__).resolve().parent.parent / "fixtures" / "police-shooting-update"
    c = compare(load(str(folder / "v1.html")), load(str(folder / "v2.html")))
    for width in range(60, 120):
        out = text.comparison(c, width=width, color=False, context=2)
        head = out[: out.index("NEW changes these facts")]
        # At 100 columns the removed quote's line ended "(old ¶" and the next began "4)".
        assert not re.search(r"\((?:old )?¶?\s*$|^\s*\d+\)", head, re.MULTILINE), width
        assert "(old ¶ 4)" in head
        assert all(len(line) <= width for line in head.splitlines())


def test_a_date_stamp_on_its_own_line_in_a_copied_story_dates_it(tmp_path: Path) -> None:
    from compare import compare, load

    body = "\n\n".join(TUNNEL)
    head = "Harbour tunnel project delayed by two years\n\nBy Lena Marsh\n\n"
    old = tmp_path / "v1.txt"
    old.write_text(f"{head}20 November 2026, 07:00 GMT\n\n{body}\n", encoding="utf-8")
    new = tmp_path / "v2.txt"
    new.write_text(
        f"{head}Published 20 November 2026, 07:00 GMT\n\nUpdated 21 November 2026, 09:15 GMT"
        f"\n\n{body.replace('2030', '2031')}\n",
        encoding="utf-8",
    )
    # The stamp lines went with the page's chrome, and their times with them.
    first, second = load(str(old)), load(str(new))
    assert (first.published, first.modified) == ("2026-11-20T07:00Z", None)
    assert (second.published, second.modified) == ("2026-11-20T07:00Z", "2026-11-21T09:15Z")
    assert [p.text for p in first.paragraphs] == TUNNEL  # and none is read as text
    # An edit under an unchanged stamp is an undated one, as on a page.
    same = tmp_path / "v3.txt"
    same.write_text(old.read_text(encoding="utf-8").replace("2030", "2031"), encoding="utf-8")
    assert compare(str(old), str(same)).summary.undated_edit == "2026-11-20T07:00Z"
    assert compare(str(old), str(new)).summary.undated_edit is None


def test_a_list_under_a_label_at_the_end_of_a_copied_story_is_no_paragraph(
    tmp_path: Path,
) -> None:
    from compare import load

    story = tmp_path / "v1.txt"
    story.write_text(
        "Harbour tunnel project delayed by two years\n\n"
        + "\n\n".join(TUNNEL)
        + "\n\nRelated topics\nEastport\nTransport\n",
        encoding="utf-8",
    )
    # It was a paragraph, "Related topics Eastport Transport": a site's new tag, an edit.
    assert [p.text for p in load(str(story)).paragraphs] == TUNNEL
    # A paragraph wrapped under a chrome line stays one paragraph.
    wrapped = tmp_path / "v2.txt"
    wrapped.write_text(
        "Council budget\n\nAdvertisement\nThe council approved the budget on Tuesday after a "
        "long\ndebate in which several members questioned the cost of\nthe new library and "
        "the state of the roads nearby\n\n" + TUNNEL[1] + "\n",
        encoding="utf-8",
    )
    first = load(str(wrapped)).paragraphs[0].text
    assert first.startswith("The council approved the budget") and first.endswith("roads nearby")


def test_a_moved_paragraph_is_not_counted_twice_in_the_summary_line() -> None:
    from compare import compare
    from compare.render import text

    moved = [PARAGRAPHS[2], PARAGRAPHS[0], PARAGRAPHS[1].replace("140", "160")]
    out = text.comparison(
        compare(_doc_of(PARAGRAPHS), _doc_of(moved)), width=100, color=False, context=2
    )
    # Three paragraphs were "1 reworded, 1 moved, 2 unchanged": four, to a reader adding up.
    assert "Paragraphs: 1 reworded, 2 unchanged; 1 of them moved" in out
