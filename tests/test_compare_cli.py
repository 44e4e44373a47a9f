"""`storydiff compare`: formats, output files, exit status, options."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner, Result

from compare import cli, compare_command
from compare.cli import app
from compare.errors import InputError
from compare.schema import load_schema

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

OLD = [
    "A passenger ferry carrying 40 people sank off Port Ellery late on Tuesday night, the "
    "regional coastguard said on Wednesday morning.",
    "Twelve people died, the coastguard said. Rescue boats searched the bay until dawn, helped "
    "by fishing crews from the harbour.",
    "The ferry operator, Ellery Sound Lines, declined to comment when reached by telephone.",
    "The vessel was built in 1998 and was refitted last year at a yard in the north of the "
    "country.",
    "Weather was calm at the time of the sinking, according to the harbour master, who said the "
    "sea was flat.",
    "An inquiry into the sinking will open next week, the transport ministry said in a short "
    "statement.",
]
NEW = [
    OLD[0],
    OLD[1].replace("Twelve", "Fourteen"),
    OLD[4],
    OLD[3],
    "Survivors were taken to St Brendan's Hospital, where three remain in a serious condition.",
    OLD[5],
]


def write(path: Path, paragraphs: list[str]) -> Path:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def story(tmp_path: Path) -> tuple[str, str]:
    return str(write(tmp_path / "v1.txt", OLD)), str(write(tmp_path / "v2.txt", NEW))


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    # The caller's terminal settings must not change what the tests see.
    clean: dict[str, str | None] = {"FORCE_COLOR": None, "NO_COLOR": None, "COLUMNS": None}
    return CliRunner(env={**clean, **(env or {})}).invoke(app, ["compare", *args])


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# --- formats on stdout ----------------------------------------------------------------------


def test_text_is_the_default_and_plain_when_not_a_terminal(story: tuple[str, str]) -> None:
    result = run(*story)
    assert result.exit_code == 1
    assert "\x1b[" not in result.stdout
    assert "[-Twelve-]{+Fourteen+} people died" in result.stdout
    assert "+ Survivors were taken to St Brendan's Hospital" in result.stdout
    assert "↕ moved" in result.stdout
    assert result.stderr == ""


def test_json_validates_against_the_schema(story: tuple[str, str]) -> None:
    result = run(*story, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", data["generated_at"])
    assert data["documents"]["old"]["source"]["spec"] == story[0]
    assert data["summary"]["changed"] is True


def test_json_goes_out_as_the_renderer_wrote_it(tmp_path: Path) -> None:
    # The CLI writes orjson's bytes as they are (no decode, encode or ANSI strip by click):
    # stdout and -o must still hold exactly what render.json.comparison gives, non-ASCII
    # text and an escape sequence in a page included (JSON escapes control characters).
    from compare import compare, load
    from compare.render import json as render_json

    coloured = "The \x1b[31mferry\x1b[0m sank off the coast on Tuesday night, — “near”."
    old = write(tmp_path / "v1.txt", [coloured, *OLD[1:]])
    new = write(tmp_path / "v2.txt", [coloured, *NEW[1:]])
    result = run(str(old), str(new), "--format", "json")
    assert result.exit_code == 1
    written = tmp_path / "report.json"
    assert run(str(old), str(new), "-o", str(written)).exit_code == 1
    stamp = json.loads(result.stdout)["generated_at"]
    expected = render_json.comparison(compare(load(str(old)), load(str(new))), stamp) + "\n"
    assert result.stdout_bytes == expected.encode()
    on_disk = re.sub(
        rb'"generated_at":"[^"]*"', f'"generated_at":"{stamp}"'.encode(), written.read_bytes()
    )
    assert on_disk == expected.encode()
    assert b"\x1b" not in result.stdout_bytes
    assert json.loads(result.stdout)["documents"]["new"]["paragraphs"][0]["text"] == coloured


def test_markdown(story: tuple[str, str]) -> None:
    result = run(*story, "-f", "md")
    assert result.exit_code == 1
    assert result.stdout.startswith("## storydiff: ")
    assert "~~Twelve~~**Fourteen** people died" in result.stdout
    assert "| reworded | 1 |" in result.stdout


# --- Chinese and Japanese: no spaces between words or after a sentence ------------------------


def cjk_story(name: str) -> tuple[str, str]:
    return str(FIXTURES / name / "v1.html"), str(FIXTURES / name / "v2.html")


def test_chinese_story_as_text() -> None:
    result = run(*cjk_story("zh-bridge-opening"))
    assert result.exit_code == 1
    out = result.stdout
    assert "Headline: 东湖跨江大桥将于明年[-三-]{+五+}月通车" in out
    # One changed character or figure is one change, not a whole clause removed and added.
    assert "Paragraphs: 3 reworded, 4 unchanged; 1 of them moved" in out
    assert "Sentences:  4 reworded, 1 added, 6 unchanged" in out
    assert "明年[-三-]{+五+}月正式通车。工程总投资" in out  # no space put between sentences
    assert "共有[-1200-]{+1500+}名施工人员" in out
    assert "专项审计。{+据悉，审计将于下月开始。+}" in out
    assert "↕ 市政府新闻办表示" in out
    assert 'number: "1200名" → "1500名"' in out
    assert "removed" not in out


def test_chinese_sentences_are_joined_without_a_space_in_markdown_and_html() -> None:
    markdown = run(*cjk_story("zh-bridge-opening"), "-f", "md").stdout
    assert "明年~~三~~**五**月正式通车。工程总投资~~四十八亿~~**五十二亿**元" in markdown
    assert "专项审计。**据悉，审计将于下月开始。**" in markdown
    html = run(*cjk_story("zh-bridge-opening"), "-f", "html").stdout
    # The word diff was cut into its sentences; marks in Chinese text sit flush.
    assert '正式通车。工程总投资<del class="cjk">' in html
    assert '专项审计。<ins class="cjk"><span class="vh" dir="ltr">added: </span>据悉' in html


def test_japanese_story_as_json() -> None:
    result = run(*cjk_story("ja-hospital-plan"), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    old = data["documents"]["old"]
    assert old["paragraphs"][0]["sentences"] == [
        "北浜市は15日、老朽化した市民病院に代わる新病院を2027年春に開院すると発表した。",
        "総事業費は約320億円を見込んでいる。",
    ]
    # Each CJK character is a word, and so is each figure.
    text = "".join(p["text"] for p in old["paragraphs"])
    assert old["word_count"] == len(re.findall(r"[\u3040-\u30ff\u4e00-\u9fff]|\d+", text))
    assert data["summary"]["paragraphs"] == {
        "equal": 3,
        "reworded": 3,
        "added": 0,
        "removed": 0,
        "moved": 1,
    }
    assert data["summary"]["sentences"]["added"] == 1
    assert data["summary"]["warnings"] == []
    reworded = [s["words"] for s in data["sentences"] if s["op"] == "reworded"]
    changed = [(w["old"], w["new"]) for words in reworded for w in words if w["op"] != "equal"]
    assert changed == [("320", "350"), ("も", "を来年度から段階的に")]
    numbers = [(c["old"], c["new"]) for c in data["changes"] if c["kind"] == "number"]
    assert numbers == [("320億円", "350億円")]  # the figure with its scale and unit


def test_markdown_limit(tmp_path: Path) -> None:
    """-f md stops at GitHub's comment limit unless told otherwise."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    for path, offset in ((old, 0), (new, 1000)):
        path.write_text(
            "\n\n".join(
                f"Inspectors found {i + offset} cracked supports on bridge number {i} this "
                f"week, the transport agency said in its report on district {i}."
                for i in range(600)
            ),
            encoding="utf-8",
        )
    capped = run(str(old), str(new), "-f", "md")
    assert capped.exit_code == 1
    assert len(capped.stdout) <= 65_536 + 1  # typer.echo adds the final newline
    assert "more changed paragraphs are not shown" in capped.stdout
    full = run(str(old), str(new), "-f", "md", "--md-limit", "0")
    assert len(full.stdout) > 65_536 and "not shown" not in full.stdout
    assert full.stdout.count("\n#### ") == 600
    small = run(str(old), str(new), "-f", "md", "--md-limit", "3000")
    assert len(small.stdout) <= 3_001


def test_html_gets_the_time_and_template_dir(
    story: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compare.render import html

    calls: list[dict[str, Any]] = []

    def fake(comparison: Any, *, generated_at: str, template_dir: Path | None = None) -> str:
        calls.append({"generated_at": generated_at, "template_dir": template_dir})
        return f"<!doctype html><p>{len(comparison.blocks)} blocks</p>"

    monkeypatch.setattr(html, "render_comparison", fake)
    templates = tmp_path / "templates"
    templates.mkdir()
    result = run(
        *story, "-f", "html", "--template-dir", str(templates), env={"SOURCE_DATE_EPOCH": "0"}
    )
    assert result.exit_code == 1
    assert result.stdout.startswith("<!doctype html><p>")
    assert calls == [{"generated_at": "1970-01-01T00:00:00Z", "template_dir": templates}]


def test_real_html_report(story: tuple[str, str], tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run(*story, "-o", str(target))
    assert result.exit_code == 1, result.stderr
    page = target.read_text(encoding="utf-8")
    assert "<html" in page.lower() and "Fourteen" in page


# --- output files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "looks_like"),
    [
        ("r.json", lambda s: json.loads(s)["schema"] == "storydiff.compare/1"),
        ("r.md", lambda s: s.startswith("## storydiff: ")),
        ("r.markdown", lambda s: s.startswith("## storydiff: ")),
        ("r.txt", lambda s: "[-Twelve-]{+Fourteen+}" in s and "\x1b" not in s),
        ("r.html", lambda s: "<html" in s.lower()),
        ("R.HTM", lambda s: "<html" in s.lower()),
        ("plain", lambda s: "[-Twelve-]{+Fourteen+}" in s),
    ],
)
def test_output_format_follows_the_extension(
    story: tuple[str, str], tmp_path: Path, name: str, looks_like: Any
) -> None:
    target = tmp_path / name
    result = run(*story, "-o", str(target))
    assert result.exit_code == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"storydiff: wrote {target}\n"
    content = target.read_text(encoding="utf-8")
    assert looks_like(content)
    assert content.endswith("\n") and not content.endswith("\n\n")


def test_format_option_beats_an_extension_that_names_no_format(
    story: tuple[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "report.out"
    assert run(*story, "-o", str(target), "--format", "json").exit_code == 1
    assert json.loads(target.read_text())["schema"] == "storydiff.compare/1"
    # One that names another format is refused, as extract refuses it (tests/test_ops26.py).
    target = tmp_path / "report.txt"
    assert run(*story, "-o", str(target), "--format", "json").exit_code == 2
    assert not target.exists()


def test_unknown_extension_is_refused(story: tuple[str, str], tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    result = run(*story, "-o", str(target))
    assert result.exit_code == 2
    assert "add --format" in result.stderr
    assert not target.exists()


def test_failed_render_leaves_no_file_and_keeps_the_old_one(
    story: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compare.render import markdown

    def broken(*args: Any, **kwargs: Any) -> str:
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr(markdown, "comparison", broken)
    fresh, existing = tmp_path / "fresh.md", tmp_path / "existing.md"
    existing.write_text("the previous report\n")
    for target in (fresh, existing):
        result = run(*story, "-o", str(target))
        assert result.exit_code == 2
        assert error_lines(result) == [
            "storydiff: error: unexpected RuntimeError: renderer exploded — run again with "
            "--debug and report the traceback"
        ]
    assert not fresh.exists()
    assert existing.read_text() == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing.md", "v1.txt", "v2.txt"]


def test_failed_write_leaves_no_temporary_file(
    story: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    existing = tmp_path / "existing.json"
    existing.write_text("{}\n")
    result = run(*story, "-o", str(existing))
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"storydiff: error: cannot write {existing}: No space left on device — choose another "
        "path with -o, somewhere you can write and with room to spare"
    ]
    assert existing.read_text() == "{}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing.json", "v1.txt", "v2.txt"]


def test_output_to_a_device_writes_into_it_and_leaves_it_a_device(
    story: tuple[str, str],
) -> None:
    # The rename that makes a write atomic put a plain file in place of /dev/full (as root),
    # and reported success: a device is written straight into, and its error is the user's.
    import stat

    result = run(*story, "-o", "/dev/full", "-f", "json")
    assert result.exit_code == 2
    assert error_lines(result) == [
        "storydiff: error: cannot write /dev/full: No space left on device — choose another "
        "path with -o, somewhere you can write and with room to spare"
    ]
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_output_to_a_pipe_is_written_into_it(story: tuple[str, str], tmp_path: Path) -> None:
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run(*story, "-o", str(fifo), "-f", "json")
    reader.join(timeout=10)
    assert result.exit_code == 1, result.stderr
    assert json.loads(received[0])["schema"] == "storydiff.compare/1"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_output_through_a_link_writes_the_file_it_names(
    story: tuple[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "2026-11-26.md"
    target.write_text("yesterday's report\n")
    latest = tmp_path / "latest.md"
    latest.symlink_to(target.name)
    result = run(*story, "-o", str(latest))
    assert result.exit_code == 1, result.stderr
    assert latest.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("## storydiff")


def test_output_to_dev_stdout_appends_to_the_file_the_shell_opened(
    story: tuple[str, str], tmp_path: Path
) -> None:
    # Resolved, /dev/stdout is the file behind it: the report replaced the whole log.
    import subprocess

    log = tmp_path / "log.txt"
    log.write_text("line1\n")
    with log.open("a") as out:
        done = subprocess.run(
            [sys.executable, "-m", "compare", "compare", *story, "-f", "json", "-o", "/dev/stdout"],
            stdout=out,
            stderr=subprocess.PIPE,
            cwd=Path(__file__).resolve().parent.parent,
        )
    assert done.returncode == 1, done.stderr
    first, report = log.read_text(encoding="utf-8").split("\n", 1)
    assert first == "line1"
    assert json.loads(report)["schema"] == "storydiff.compare/1"


def test_output_through_a_loop_of_links_is_a_one_line_error(
    story: tuple[str, str], tmp_path: Path
) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    result = run(*story, "-o", str(loop))
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"storydiff: error: cannot write {loop}: its symbolic links go round in a loop — "
        "choose another path with -o"
    ]


def test_output_where_no_file_can_be_made_is_a_one_line_error(story: tuple[str, str]) -> None:
    result = run(*story, "-o", "/proc/report.json")
    assert result.exit_code == 2
    assert error_lines(result)[0].startswith("storydiff: error: cannot write /proc/report.json:")
    assert len(error_lines(result)) == 1 and "--debug" not in result.stderr


def test_missing_output_folders_are_made(story: tuple[str, str], tmp_path: Path) -> None:
    # `-o reports/v2.html`, as the README shows, failed in a folder with no reports/ yet.
    target = tmp_path / "reports" / "2026" / "r.md"
    result = run(*story, "-o", str(target))
    assert result.exit_code in (0, 1), result.stderr
    assert target.read_text(encoding="utf-8").startswith("## storydiff")
    assert [p.name for p in target.parent.iterdir()] == ["r.md"]  # no temporary file left


def test_an_output_folder_that_cannot_be_made_is_a_one_line_error(
    story: tuple[str, str], tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("x")
    result = run(*story, "-o", str(tmp_path / "file" / "sub" / "r.md"))
    assert result.exit_code == 2
    assert error_lines(result)[0].startswith(
        f"storydiff: error: cannot write {tmp_path / 'file' / 'sub' / 'r.md'}: cannot create "
        f"the folder {tmp_path / 'file' / 'sub'}:"
    )
    assert len(error_lines(result)) == 1


@pytest.mark.parametrize("epoch", ["99999999999999999", "1.7e9", "2026-05-24"])
def test_source_date_epoch_that_is_no_time_is_a_one_line_error(
    story: tuple[str, str], epoch: str
) -> None:
    # Not digits, it was read as unset: the report carried the time of the run, unasked.
    result = run(*story, "-f", "json", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"storydiff: error: SOURCE_DATE_EPOCH={epoch} is not a time storydiff can "
        "use — set it to seconds since 1970-01-01 (before the year 10000), or unset it"
    ]


def test_output_that_is_a_folder_is_a_one_line_error(
    story: tuple[str, str], tmp_path: Path
) -> None:
    # The file name suggested is of the format asked for (text, unless -f says otherwise):
    # report.html would have turned the terminal view into an HTML report.
    result = run(*story, "-o", str(tmp_path))
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"storydiff: error: cannot write {tmp_path}: it is a folder — give a file name, "
        f"such as {tmp_path / 'report.txt'}"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v1.txt", "v2.txt"]


def test_output_over_a_source_is_refused_and_the_source_kept(
    story: tuple[str, str], tmp_path: Path
) -> None:
    old, new = story
    before = Path(old).read_bytes()
    result = run(old, new, "-o", old, "--format", "md")
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"storydiff: error: cannot write the report to {old}: it is the source {old} — "
        "choose another --output file"
    ]
    assert Path(old).read_bytes() == before
    # The same file by another name is the same file.
    result = run(old, new, "-o", str(tmp_path / "." / "v2.txt"), "--format", "md")
    assert result.exit_code == 2
    assert Path(new).read_text(encoding="utf-8") == "\n\n".join(NEW) + "\n"


def test_open_writes_html_and_opens_it(
    story: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda uri: opened.append(uri) or True)
    target = tmp_path / "report.html"
    assert run(*story, "-o", str(target), "--open").exit_code == 1
    assert opened == [target.resolve().as_uri()]
    assert "<html" in target.read_text().lower()


def test_open_without_a_browser_says_so(
    story: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda uri: False)
    target = tmp_path / "report.html"
    result = run(*story, "-o", str(target), "--open")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"storydiff: wrote {target}",
        "storydiff: found no web browser to open it",
    ]


def test_open_refuses_other_formats(story: tuple[str, str]) -> None:
    result = run(*story, "--open", "-f", "json")
    assert result.exit_code == 2
    assert "--open shows HTML reports" in result.stderr


# --- exit status --------------------------------------------------------------------------


def test_identical_versions_exit_0(tmp_path: Path) -> None:
    a, b = write(tmp_path / "a.txt", OLD), write(tmp_path / "b.txt", OLD)
    result = run(str(a), str(b))
    assert result.exit_code == 0
    assert "No differences beyond cosmetic ones." in result.stdout


def test_cosmetic_changes_exit_0(tmp_path: Path) -> None:
    # Curly quotes and extra spaces are not rewording.
    cosmetic = [p.replace("St Brendan's", "St Brendan’s").replace(", ", ",  ") for p in OLD]
    a, b = write(tmp_path / "a.txt", OLD), write(tmp_path / "b.txt", cosmetic)
    assert run(str(a), str(b), "-f", "json").exit_code == 0


def test_a_paragraph_split_with_no_word_changed_is_reworded_but_exits_0(tmp_path: Path) -> None:
    # An advert's box split paragraph 2 in NEW's page. The JSON calls the split reworded,
    # as issue 3 scores every split or merge, and marks it cosmetic: no word changed.
    first, second = OLD[1].split(" Rescue ")
    split = [OLD[0], first, f"Rescue {second}", *OLD[2:]]
    a, b = write(tmp_path / "a.txt", OLD), write(tmp_path / "b.txt", split)
    result = run(str(a), str(b), "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    block = data["alignment"][1]
    assert (block["op"], block["a"], block["b"]) == ("reworded", [1], [1, 2])
    assert block["cosmetic"]
    assert data["summary"]["paragraphs"]["reworded"] == 1
    assert (data["summary"]["breaks_only"], data["summary"]["changed"]) == (1, False)
    # The reading views show it unchanged, and say it was split.
    text = run(str(a), str(b), "-f", "text")
    assert text.exit_code == 0 and "No differences beyond cosmetic ones." in text.stdout
    # One word changed as well: a difference.
    edited = [*split[:2], split[2].replace("dawn", "noon"), *split[3:]]
    assert run(str(a), str(write(tmp_path / "c.txt", edited))).exit_code == 1


def test_differences_exit_1_unless_exit_zero(story: tuple[str, str]) -> None:
    assert run(*story).exit_code == 1
    assert run(*story, "--exit-zero").exit_code == 0
    assert run(*story, "--exit-zero", "-f", "json").exit_code == 0


def test_a_changed_headline_is_a_difference_with_its_meaning_changes(tmp_path: Path) -> None:
    headline = "Ferry sinks off Port Ellery; twelve dead"
    a = write(tmp_path / "a.txt", [headline, *OLD])
    b = write(tmp_path / "b.txt", [headline.replace("twelve", "fourteen"), *OLD])
    result = run(str(a), str(b))
    assert result.exit_code == 1
    assert 'number: "twelve dead" → "fourteen dead"  (headline)' in result.stdout
    assert "No differences" not in result.stdout
    assert (
        '- number: "twelve dead" → "fourteen dead" (headline)'
        in run(str(a), str(b), "-f", "md").stdout
    )
    data = json.loads(run(str(a), str(b), "-f", "json").stdout)
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    assert data["summary"]["changed"] and data["summary"]["headline_changed"]
    assert [(c["kind"], c["old"], c["new"]) for c in data["title_changes"]] == [
        ("number", "twelve dead", "fourteen dead")
    ]
    assert data["changes"] == []
    # A headline set in capitals is the same headline.
    c = write(tmp_path / "c.txt", [headline.upper(), *OLD])
    assert run(str(a), str(c)).exit_code == 0


def test_a_headline_on_one_side_only_is_no_difference(tmp_path: Path) -> None:
    # An extraction difference, not an edit: the same body, with and without a headline.
    a = write(tmp_path / "a.txt", ["Ferry sinks off Port Ellery; twelve dead", *OLD])
    b = write(tmp_path / "b.txt", OLD)
    for old, new in ((a, b), (b, a)):
        assert run(str(old), str(new)).exit_code == 0
        data = json.loads(run(str(old), str(new), "-f", "json").stdout)
        assert not data["summary"]["headline_changed"] and not data["summary"]["changed"]


def _page(standfirst: str) -> str:
    """An outlet's article page with a standfirst above the body (and the description made
    from it)."""
    body = "".join(f"<p>{p}</p>" for p in OLD)
    return (
        f"<html><head><title>Ferry sinks off Port Ellery | The Harbour Post</title>"
        f'<meta name="description" content="{standfirst}"></head><body>'
        f'<nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="wrapper">'
        f'<h1>Ferry sinks off Port Ellery</h1><p class="standfirst">{standfirst}</p>'
        f'<div class="byline">By Ana Reyes</div><div class="article-body">{body}</div></div>'
        f"<footer>© The Harbour Post</footer></body></html>"
    )


def test_a_changed_standfirst_is_a_difference_with_its_meaning_changes(tmp_path: Path) -> None:
    # Only the line under the headline was edited: before, "No differences", exit 0.
    old, new = "Rescuers say twelve people died.", "Rescuers say fourteen people died."
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    a.write_text(_page(old), encoding="utf-8")
    b.write_text(_page(new), encoding="utf-8")
    result = run(str(a), str(b), "--no-color")
    assert result.exit_code == 1
    assert "Standfirst: Rescuers say [-twelve-]{+fourteen+} people died." in result.stdout
    assert 'number: "twelve people" → "fourteen people"  (standfirst)' in result.stdout
    markdown = run(str(a), str(b), "-f", "md").stdout
    assert "- **Standfirst:** Rescuers say ~~twelve~~**fourteen** people died." in markdown
    data = json.loads(run(str(a), str(b), "-f", "json").stdout)
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    assert data["summary"]["changed"] and data["summary"]["standfirst_changed"]
    assert not data["summary"]["headline_changed"]
    assert [(c["kind"], c["old"], c["new"]) for c in data["standfirst_changes"]] == [
        ("number", "twelve people", "fourteen people")
    ]
    assert data["changes"] == []
    # Set in capitals, it is the same standfirst; on one side only, against plain text that
    # has nowhere to set one, an extraction difference.
    c = tmp_path / "c.html"
    c.write_text(_page(old.upper()), encoding="utf-8")
    assert run(str(a), str(c)).exit_code == 0
    d = write(tmp_path / "d.txt", ["Ferry sinks off Port Ellery", *OLD])
    data = json.loads(run(str(a), str(d), "-f", "json").stdout)
    assert not data["summary"]["standfirst_changed"] and data["standfirst"] == []


def test_a_description_that_repeats_the_lede_is_no_standfirst(tmp_path: Path) -> None:
    # The edited lede is a reworded paragraph; the description made from it is not told
    # again as a standfirst.
    old, new = OLD[0], OLD[0].replace("40", "42")
    pages = []
    for name, lede in (("a.html", old), ("b.html", new)):
        page = tmp_path / name
        html = _page(lede).replace(f'<p class="standfirst">{lede}</p>', "")
        page.write_text(html.replace(f"<p>{old}</p>", f"<p>{lede}</p>"), encoding="utf-8")
        pages.append(str(page))
    data = json.loads(run(*pages, "-f", "json").stdout)
    assert data["documents"]["new"]["paragraphs"][0]["text"] == new
    assert not data["summary"]["standfirst_changed"] and data["standfirst_changes"] == []
    assert [(c["old"], c["new"]) for c in data["changes"]] == [("40 people", "42 people")]


def test_exit_zero_does_not_hide_errors(story: tuple[str, str], tmp_path: Path) -> None:
    assert run(story[0], str(tmp_path / "gone.txt"), "--exit-zero").exit_code == 2


def test_missing_file_exits_2_with_one_line(story: tuple[str, str], tmp_path: Path) -> None:
    result = run(story[0], str(tmp_path / "gone.txt"))
    assert result.exit_code == 2
    lines = error_lines(result)
    assert len(lines) == 1 and lines[0].startswith("storydiff: error: ")
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_one_source_is_a_usage_error(story: tuple[str, str]) -> None:
    result = run(story[0])
    assert result.exit_code == 2
    assert "compare needs two sources" in result.stderr


def test_three_sources_or_matrix_give_the_multi_view(
    story: tuple[str, str], tmp_path: Path
) -> None:
    # The multi-outlet view itself is tested in tests/test_multi.py.
    third = str(write(tmp_path / "v3.txt", OLD))
    for args in ([*story, third], [*story, "--matrix"]):
        result = run(*args)
        assert result.exit_code == 1, result.stderr
        assert result.stdout.startswith("Coverage: ")


def test_labels_name_old_and_new_in_every_format(story: tuple[str, str], tmp_path: Path) -> None:
    """--label names the two versions as it names outlets in the multi-outlet view."""
    labels = ("--label", "Morning edition", "--label", "Evening edition")
    text = run(*story, *labels, "--width", "100").stdout
    assert "OLD  Morning edition" in text and "NEW  Evening edition" in text
    markdown = run(*story, *labels, "-f", "md").stdout
    assert "- **OLD** **Morning edition**" in markdown
    assert "- **NEW** **Evening edition**" in markdown
    data = json.loads(run(*story, *labels, "-f", "json").stdout)
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    names = [data["documents"][side]["site_name"] for side in ("old", "new")]
    assert names == ["Morning edition", "Evening edition"]
    html = run(*story, *labels, "-f", "html").stdout
    assert "Morning edition" in html and "Evening edition" in html
    # NAME=SOURCE names that source whatever the order.
    named = run(*story, "--label", f"Evening edition={story[1]}", "--width", "100").stdout
    assert "NEW  Evening edition" in named and f"OLD  {story[0]}" in named


def test_more_labels_than_sources_is_a_one_line_error(story: tuple[str, str]) -> None:
    result = run(*story, "--label", "A", "--label", "B", "--label", "C")
    assert result.exit_code == 2
    assert len(error_lines(result)) == 1
    assert error_lines(result)[0].startswith("storydiff: error: 3 labels for 2 sources — ")


def test_stdin_only_once(story: tuple[str, str]) -> None:
    result = run("-", "-")
    assert result.exit_code == 2
    assert "read only once" in result.stderr


def test_fetch_failure_exits_3(story: tuple[str, str], httpserver: HTTPServer) -> None:
    httpserver.expect_request("/story").respond_with_data("gone", status=404)
    result = run(story[0], httpserver.url_for("/story"), "--timeout", "2")
    assert result.exit_code == 3
    assert len(error_lines(result)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--threshold", "1.5"],
            "--threshold 1.5 is not a similarity — give a number from 0 to 1, such as 0.5",
        ),
        (
            ["--threshold", "nan"],
            "--threshold nan is not a similarity — give a number from 0 to 1, such as 0.5",
        ),
        (
            ["--context", "-1"],
            "--context -1 is not a number of paragraphs — give 0 or more, such as 2",
        ),
        (
            ["--md-limit", "-1"],
            "--md-limit -1 is not a length — give the most characters to write, or 0 for no limit",
        ),
        (
            ["--width", "0"],
            "--width 0 is too narrow for the report — give 20 columns or more",
        ),
        (
            ["--timeout", "0"],
            "--timeout 0 leaves no time for a server to answer — give the seconds to wait, "
            "such as 30",
        ),
        (
            ["--connect-timeout", "-1"],
            "--connect-timeout -1 leaves no time for a server to answer — give the seconds to "
            "wait, such as 10",
        ),
        (
            ["--max-bytes", "0"],
            "--max-bytes 0 accepts no page — give the largest page in bytes, such as 20000000",
        ),
    ],
)
def test_bad_option_values_exit_2(story: tuple[str, str], args: list[str], message: str) -> None:
    result = run(*story, *args)
    assert (result.exit_code, result.stderr) == (2, f"storydiff: error: {message}\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--connect-timeout", "nan"],
            "--connect-timeout nan leaves no time for a server to answer — give the seconds "
            "to wait, such as 10",
        ),
        (
            ["--max-bytes", "0"],
            "--max-bytes 0 accepts no page — give the largest page in bytes, such as 20000000",
        ),
    ],
)
def test_extract_refuses_bad_load_options(
    story: tuple[str, str], args: list[str], message: str
) -> None:
    result = CliRunner().invoke(app, ["extract", story[0], *args])
    assert (result.exit_code, result.stderr) == (2, f"storydiff: error: {message}\n")


# --- options ------------------------------------------------------------------------------


def alignment(*args: str) -> list[dict[str, Any]]:
    result = run(*args, "-f", "json")
    assert result.exit_code == 1, result.stderr
    blocks: list[dict[str, Any]] = json.loads(result.stdout)["alignment"]
    return blocks


def test_no_moves(story: tuple[str, str]) -> None:
    assert any(b["moved"] for b in alignment(*story))
    assert not any(b["moved"] for b in alignment(*story, "--no-moves"))


def test_threshold(story: tuple[str, str]) -> None:
    ops = [b["op"] for b in alignment(*story)]
    assert "reworded" in ops
    strict = [b["op"] for b in alignment(*story, "--threshold", "1")]
    assert "reworded" not in strict
    assert strict.count("removed") > ops.count("removed")


def test_context(tmp_path: Path) -> None:
    long_old = [
        f"Paragraph {n} of the council budget report describes item {n} of the plan in full."
        for n in range(20)
    ]
    long_new = list(long_old)
    long_new[10] = long_new[10].replace("in full", "in outline")
    a, b = write(tmp_path / "a.txt", long_old), write(tmp_path / "b.txt", long_new)
    # The extractor may keep a leading paragraph as title or standfirst: count what it kept.
    ops = [block["op"] for block in alignment(str(a), str(b))]
    assert ops.count("reworded") == 1 and set(ops) == {"equal", "reworded"}
    at, total = ops.index("reworded"), len(ops)

    def gaps(*args: str) -> list[int]:
        out = run(str(a), str(b), *args).stdout
        return [int(n) for n in re.findall(r"… (\d+) unchanged paragraphs …", out)]

    assert gaps("--width", "100") == [at - 2, total - at - 3]
    assert gaps("--width", "100", "--context", "0") == [at, total - at - 1]
    assert gaps("-f", "md", "--context", "1") == [at - 1, total - at - 2]


def test_width_chooses_the_layout(story: tuple[str, str]) -> None:
    narrow = run(*story, "--width", "100").stdout
    wide = run(*story, "--width", "140").stdout
    assert "OLD · " not in narrow and "OLD · " in wide
    assert max(len(line) for line in wide.splitlines()) <= 140
    from_env = run(*story, env={"COLUMNS": "150"}).stdout
    assert "OLD · " in from_env


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setattr(sys, "stdout", FakeTerminal())
    assert compare_command.text_view(None, False, 90) == (True, 90)
    assert compare_command.text_view(None, True, 90) == (False, 90)
    assert compare_command.text_view(tmp_path / "r.txt", False, None) == (False, 100)
    monkeypatch.setenv("NO_COLOR", "1")
    assert compare_command.text_view(None, False, 90) == (False, 90)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.delenv("NO_COLOR")
    assert compare_command.text_view(None, False, 90) == (False, 90)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert compare_command.text_view(None, False, 90) == (True, 90)
    assert compare_command.text_view(None, True, 90) == (False, 90)
    assert compare_command.text_view(tmp_path / "r.txt", False, 90) == (False, 90)


def test_same_input_gives_identical_bytes(story: tuple[str, str]) -> None:
    for args in ([], ["--width", "140"], ["-f", "md"]):
        assert run(*story, *args).stdout == run(*story, *args).stdout

    # A file's fetched_at is its modification time, and SOURCE_DATE_EPOCH pins generated_at:
    # the JSON report is then byte for byte the same too.
    env = {"SOURCE_DATE_EPOCH": "1779616800"}
    first = run(*story, "-f", "json", env=env).stdout
    assert json.loads(first)["generated_at"] == "2026-05-24T10:00:00Z"
    assert first == run(*story, "-f", "json", env=env).stdout


def test_fixture_versions(tmp_path: Path) -> None:
    story = FIXTURES / "updated-council-vote"
    result = run(str(story / "v1.html"), str(story / "v2.html"), "--width", "100")
    assert result.exit_code == 1
    assert "Larchfield council approves stormwater fee" in result.stdout
    assert "The Larchfield Sentinel" in result.stdout
    assert "[-12-]{+14+}" in result.stdout


def test_help_documents_every_option() -> None:
    result = CliRunner().invoke(app, ["compare", "--help"])
    assert result.exit_code == 0
    for option in (
        "--threshold",
        "--no-moves",
        "--context",
        "--format",
        "--output",
        "--exit-zero",
        "--no-color",
        "--width",
        "--template-dir",
        "--open",
        "--matrix",
        "--timeout",
        "--connect-timeout",
        "--max-bytes",
    ):
        assert option in result.stdout


def test_the_fetch_options_read_the_same_in_every_command() -> None:
    # extract and compare spelled their own, and --timeout's help differed from track's.
    import typer

    group = typer.main.get_command(app)
    helps: dict[str, set[str]] = {}
    for command in ("extract", "compare", "track", "watch", "wayback"):
        params = {p.name: p for p in group.commands[command].params}  # type: ignore[attr-defined]
        for name in ("timeout", "connect_timeout", "max_bytes"):
            helps.setdefault(name, set()).add(str(getattr(params[name], "help", "")))
    assert {name: len(texts) for name, texts in helps.items()} == {
        "timeout": 1,
        "connect_timeout": 1,
        "max_bytes": 1,
    }, helps


def test_written_report_is_not_private(story: tuple[str, str], tmp_path: Path) -> None:
    import os

    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.md"
        assert run(*story, "-o", str(fresh)).exit_code == 1
        assert fresh.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.md"
        kept.write_text("old\n")
        kept.chmod(0o640)
        assert run(*story, "-o", str(kept)).exit_code == 1
        assert kept.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(umask)


def test_template_dir_must_exist_and_needs_html(story: tuple[str, str], tmp_path: Path) -> None:
    missing = run(*story, "-f", "html", "--template-dir", str(tmp_path / "nope"))
    assert missing.exit_code == 2
    result = run(*story, "-f", "md", "--template-dir", str(tmp_path))
    assert result.exit_code == 2
    assert "--template-dir applies to HTML reports" in result.stderr


def test_new_version_from_stdin(story: tuple[str, str]) -> None:
    new_text = Path(story[1]).read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", story[0], "-", "-f", "md"], input=new_text)
    assert result.exit_code == 1, result.stderr
    assert "~~Twelve~~**Fourteen**" in result.stdout


def test_output_dash_is_stdout(story: tuple[str, str], tmp_path: Path) -> None:
    result = run(*story, "-o", "-", "-f", "md")
    assert result.exit_code == 1
    assert result.stdout.startswith("## storydiff: ")
    assert result.stderr == ""


def test_the_report_is_made_before_the_collector_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Resumed as alignment returns, the collector would walk every object of the comparison
    # once, just before the process ends (~50M instructions at 2,000 paragraphs).
    import gc

    from compare.render import json as render_json

    seen: list[bool] = []
    rendered = render_json.comparison_pieces

    def spy(*args: Any, **kwargs: Any) -> tuple[bytes, ...]:
        seen.append(gc.isenabled())
        return rendered(*args, **kwargs)

    monkeypatch.setattr(render_json, "comparison_pieces", spy)
    old, new = write(tmp_path / "v1.txt", OLD), write(tmp_path / "v2.txt", NEW)
    assert run(str(old), str(new), "--format", "json").exit_code == 1
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["track", "--until", "8h"],
            "--until 8h ends a polling run, and without --every there is none — add how often "
            "to fetch, such as --every 30m, or drop --until",
        ),
        (
            ["watch", "--until", "2030-01-01T18:00"],
            "--until 2030-01-01T18:00 ends a polling run, and without --every there is none — "
            "add how often to fetch, such as --every 30m, or drop --until",
        ),
        (
            ["track", "--every", "30m", "--until", "18:00"],
            "--until 18:00 is neither a time nor a duration — give a date and time (ISO 8601, "
            "such as 2026-05-24T18:00, UTC unless it says Z or an offset) or a duration such "
            "as 8h",
        ),
        (
            ["track", "--every", "30m", "--until", "2020-01-01"],
            "--until 2020-01-01 has already passed — give a time to come (ISO 8601, UTC unless "
            "it says Z or an offset) or a duration such as 8h",
        ),
    ],
)
def test_an_until_that_cannot_stop_a_polling_run_is_refused(
    httpserver: HTTPServer, tmp_path: Path, args: list[str], message: str
) -> None:
    # `track URL --until 8h` fetched once and ended with 0, as if it followed the story.
    httpserver.expect_request("/ferry").respond_with_data(
        "<html><body><article><p>" + " ".join(OLD) + "</p></article></body></html>",
        content_type="text/html",
    )
    db = tmp_path / "v.db"
    command, *options = args
    result = CliRunner().invoke(
        app, [command, httpserver.url_for("/ferry"), *options, "--db", str(db)]
    )
    assert (result.exit_code, result.stderr) == (2, f"storydiff: error: {message}\n")
    assert httpserver.log == [] and not db.exists()


def test_track_takes_the_max_bytes_its_error_says_to_raise(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    # A live blog past 20 MB failed with "raise --max-bytes", and `track --max-bytes` was
    # no such option: the page could not be tracked at all.
    body = (
        "<html><body><article>" + "".join(f"<p>{p}</p>" for p in OLD) + "</article></body></html>"
    )
    httpserver.expect_request("/live").respond_with_data(body, content_type="text/html")
    url, db = httpserver.url_for("/live"), str(tmp_path / "v.db")
    small = CliRunner().invoke(app, ["track", url, "--max-bytes", "200", "--db", db])
    assert small.exit_code == 3
    assert "is larger than" in small.stdout and "raise --max-bytes" in small.stdout
    large = CliRunner().invoke(
        app, ["track", url, "--max-bytes", "50000", "--connect-timeout", "5", "--db", db]
    )
    assert large.exit_code == 0 and "new story" in large.stdout
    for command in ("watch", "wayback"):
        refused = CliRunner().invoke(app, [command, url, "--max-bytes", "0", "--db", db])
        assert (refused.exit_code, refused.stderr) == (
            2,
            "storydiff: error: --max-bytes 0 accepts no page — give the largest page in bytes, "
            "such as 20000000\n",
        )


def test_extract_reads_a_stored_version_from_the_db_it_is_given(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    # `compare URL@1 URL@2 --db news.db` worked, and `extract URL@1 --db news.db` was
    # "No such option: --db": only $STORYDIFF_DB reached extract.
    page = "<html><head><title>Ferry sinks</title></head><body><article>{}</article></body></html>"
    httpserver.expect_request("/ferry").respond_with_data(
        page.format("".join(f"<p>{p}</p>" for p in OLD)), content_type="text/html"
    )
    url, db = httpserver.url_for("/ferry"), str(tmp_path / "news.db")
    assert CliRunner().invoke(app, ["track", url, "--db", db]).exit_code == 0
    result = CliRunner(env={"STORYDIFF_DB": None}).invoke(
        app, ["extract", f"{url}@1", "--db", db, "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["paragraphs"][1]["text"] == OLD[1]


def test_timeline_and_export_write_to_stdout_for_a_dash_and_refuse_another_format(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `timeline URL -o -` and `export URL -o -` wrote a file named "-" in the current
    # folder; `timeline URL -o story.md` filled story.md with HTML.
    page = "<html><head><title>Ferry sinks</title></head><body><article>{}</article></body></html>"
    httpserver.expect_request("/ferry").respond_with_data(
        page.format("".join(f"<p>{p}</p>" for p in OLD)), content_type="text/html"
    )
    url, db = httpserver.url_for("/ferry"), str(tmp_path / "news.db")
    assert CliRunner().invoke(app, ["track", url, "--db", db]).exit_code == 0
    monkeypatch.chdir(tmp_path)
    html = CliRunner().invoke(app, ["timeline", url, "--db", db, "-o", "-"])
    assert html.exit_code == 0 and html.stdout.startswith("<!DOCTYPE html>"), html.stderr
    dump = CliRunner().invoke(app, ["export", url, "--db", db, "-o", "-"])
    assert dump.exit_code == 0 and json.loads(dump.stdout)["schema"] == "storydiff.story/1"
    assert not (tmp_path / "-").exists()
    for command, name, message in [
        ("timeline", "story.md", "timeline writes HTML, and story.md names a Markdown file"),
        ("export", "story.html", "export writes JSON, and story.html names an HTML file"),
    ]:
        refused = CliRunner().invoke(app, [command, url, "--db", db, "-o", name])
        fixed = "story.html" if command == "timeline" else "story.json"
        assert (refused.exit_code, refused.stderr) == (
            2,
            f"storydiff: error: {message} — name it {fixed}\n",
        )
        assert not (tmp_path / name).exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
@pytest.mark.parametrize("command", [["compare", "-f", "json"], ["extract"]])
def test_a_full_disk_behind_stdout_is_a_one_line_error_not_a_difference(
    story: tuple[str, str], command: list[str]
) -> None:
    # `storydiff compare a b -f json > report.json` on a full disk printed a traceback and
    # exited 1, which for compare says "the versions differ".
    import subprocess

    name, *options = command
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "compare", name, *story, *options],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
    assert (done.returncode, done.stderr) == (
        2,
        "storydiff: error: cannot write to standard output: No space left on device — free "
        "some space where it goes, or send it somewhere else\n",
    )


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["compare", "a.html", "b.html", "--thresold", "0.3"],
            "no such option: --thresold (Possible options: --help, --threshold) — see "
            "`storydiff compare --help`",
        ),
        (
            ["compare", "a.html", "b.html", "-f", "pdf"],
            "invalid value for '--format' / '-f': 'pdf' is not one of 'text', 'json', 'md', "
            "'html' — see `storydiff compare --help`",
        ),
        # (`history` alone lists the store's stories.)
        (["timeline"], "missing argument 'URL' — see `storydiff timeline --help`"),
        (
            ["comapre", "a.html", "b.html"],
            "no such command 'comapre'. Did you mean 'compare'? — see `storydiff --help`",
        ),
    ],
)
def test_a_usage_error_is_one_line_as_every_error_is(args: list[str], line: str) -> None:
    # The README promises one line per error; click printed four (usage, "Try … --help",
    # a blank line, "Error: …") for a mistyped option.
    result = CliRunner().invoke(app, args)
    assert (result.exit_code, result.stderr) == (2, f"storydiff: error: {line}\n")


def test_storydiff_alone_still_shows_its_help() -> None:
    result = CliRunner().invoke(app, [])
    assert "Commands:" in result.output and "storydiff: error" not in result.output


def test_coverage_html_names_the_side_by_side_reports_it_writes_beside_it(
    tmp_path: Path,
) -> None:
    """Only the report was named, while one file per pair of outlets was written (or
    replaced) beside it."""
    sources = sorted(str(p) for p in (FIXTURES / "multi-bridge-closure").glob("*.html"))
    target = tmp_path / "bridge.html"
    result = run(*sources, "-o", str(target))
    assert result.exit_code == 1, result.stderr
    pairs = sorted(p.name for p in tmp_path.glob("bridge-*.html"))
    assert len(pairs) == 10  # five outlets in the matrix (one input is set aside)
    # (The input set aside is named first, with the option that keeps it: the report
    # itself, meant for editors, says why without it.)
    aside, wrote = result.stderr.splitlines()
    assert aside.startswith("storydiff: warning: set aside ")
    assert aside.endswith("(use --force to include it)")
    assert wrote == (
        f"storydiff: wrote {target} and {len(pairs)} side-by-side reports beside it"
        f" ({pairs[0]} … {pairs[-1]})"
    )


def test_the_side_by_side_reports_of_a_coverage_compare_as_asked(tmp_path: Path) -> None:
    # --threshold and --no-moves reached the coverage view's pair reports not at all: they
    # compared with the defaults (new-user trial).
    sources = sorted(str(p) for p in (FIXTURES / "multi-bridge-closure").glob("*.html"))

    def moved_rows(*options: str) -> int:
        target = tmp_path / f"bridge{len(options)}.html"
        result = run(*sources, "-o", str(target), *options)
        assert result.exit_code == 1, result.stderr
        pages = tmp_path.glob(f"{target.stem}-*.html")
        return sum(
            len(re.findall(r'class="row [^"]*\bmoved\b', page.read_text(encoding="utf-8")))
            for page in pages
        )

    assert moved_rows() > 0
    assert moved_rows("--no-moves") == 0


def test_a_source_given_twice_to_compare_outlets_is_a_usage_error(tmp_path: Path) -> None:
    # Two columns of one page agreed on every claim, "reuses 100 %" (new-user trial).
    a, b = write(tmp_path / "a.txt", OLD), write(tmp_path / "b.txt", NEW)
    result = run(str(a), str(b), str(a))
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"storydiff: error: {a} is given twice — give each outlet's page once"
    ]
    # Two versions of one file stay a comparison (of nothing).
    assert run(str(a), str(a)).exit_code == 0
    # The same file written another way, or a link to it, is the same page (review20: it
    # was compared as two outlets that "carry" everything alike).
    link = tmp_path / "link.txt"
    link.symlink_to(a)
    for again in (str(tmp_path / "." / "a.txt"), str(link)):
        result = run(str(a), str(b), again)
        assert result.exit_code == 2
        assert error_lines(result) == [
            f"storydiff: error: {again} is given twice — give each outlet's page once"
        ]


def test_coverage_json_says_whether_the_outlets_differ_as_the_exit_status_does(
    tmp_path: Path,
) -> None:
    # A script reading the JSON had only the exit status to tell (new-user trial).
    sources = sorted(str(p) for p in (FIXTURES / "multi-bridge-closure").glob("*.html"))
    validator = jsonschema.Draft202012Validator(load_schema("coverage"))
    result = run(*sources, "-f", "json")
    data = json.loads(result.stdout)
    validator.validate(data)
    assert (result.exit_code, data["changed"]) == (1, True)
    # Two outlets that print the same story.
    copy = tmp_path / "copy.html"
    copy.write_bytes(Path(sources[0]).read_bytes())
    same = run(sources[0], str(copy), "--matrix", "-f", "json", "--label", "A", "--label", "B")
    validator.validate(json.loads(same.stdout))
    assert (same.exit_code, json.loads(same.stdout)["changed"]) == (0, False)


def test_one_side_by_side_report_is_named_in_the_singular(
    story: tuple[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "cov.html"
    result = run(*story, "--matrix", "-o", str(target))
    assert result.exit_code == 1, result.stderr
    (pair,) = sorted(p.name for p in tmp_path.glob("cov-*.html"))
    assert (
        result.stderr == f"storydiff: wrote {target} and 1 side-by-side report beside it ({pair})\n"
    )


def test_a_coverage_report_is_written_only_once_its_side_by_side_reports_are(
    story: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The report was written first: a pair that failed left it with links to nothing.
    third = write(tmp_path / "v3.txt", [*NEW, "A second inquiry will look at the rescue."])
    target = tmp_path / "out" / "cov.html"
    target.parent.mkdir()
    (target.parent / "cov-BC.html").mkdir()  # where one pair's report should go
    result = run(
        *story, str(third), "--label", "A", "--label", "B", "--label", "C", "-o", str(target)
    )
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"storydiff: error: cannot write {target.parent / 'cov-BC.html'}, a side-by-side "
        f"report of {target}: it is a folder — move it away, or name the report otherwise "
        "with -o"
    ]
    assert sorted(p.name for p in target.parent.iterdir()) == ["cov-BC.html"]
    # A pair whose write fails (a full disk, no permission) stops before the report too.
    (target.parent / "cov-BC.html").rmdir()
    failing = compare_command.write_atomic

    def write_atomic(path: Path, data: str | bytes) -> None:
        if path.name == "cov-BC.html":
            raise InputError(f"cannot write {path}: No space left on device", "free some")
        failing(path, data)

    monkeypatch.setattr(compare_command, "write_atomic", write_atomic)
    result = run(*story, str(third), "-o", str(target))
    assert result.exit_code == 2 and "No space left" in result.stderr
    assert not target.exists()


def test_the_side_by_side_reports_of_a_coverage_link_back_to_it(
    story: tuple[str, str], tmp_path: Path
) -> None:
    # A reader who opened a pair from the heat map had no way back but the browser's.
    third = write(tmp_path / "v3.txt", [*NEW, "A second inquiry will look at the rescue."])
    target = tmp_path / "bridge #2.html"
    result = run(*story, str(third), "-o", str(target))
    assert result.exit_code == 1, result.stderr
    pairs = sorted(tmp_path.glob("bridge #2-*.html"))
    assert len(pairs) == 3
    for pair in pairs:
        page = pair.read_text(encoding="utf-8")
        links = re.findall(r'<p class="back"><a href="([^"]*)">', page)
        assert links == ["bridge%20%232.html"], pair.name  # relative, its "#" kept literal
    # A report of two versions, made on its own, has no coverage report to go back to.
    alone = tmp_path / "alone.html"
    assert run(*story, "-o", str(alone)).exit_code == 1
    assert 'class="back"' not in alone.read_text(encoding="utf-8")


def test_a_misnamed_file_in_the_template_dir_is_named_with_the_names_that_work(
    story: tuple[str, str], tmp_path: Path
) -> None:
    # report.html (for report.html.j2) was ignored without a word: the report looked as ever.
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.html").write_text("<p>mine</p>\n")
    (templates / "Report.css").write_text("body { color: red; }\n")
    result = run(*story, "-f", "html", "--template-dir", str(templates))
    assert result.exit_code == 1
    (line,) = error_lines(result)
    assert line.startswith(
        f"storydiff: warning: --template-dir {templates}: Report.css, report.html replace no "
        "file of the report — an override takes the name of the file it replaces: "
    )
    assert "report.html.j2" in line and "report.css" in line and "report.js" in line
    # Well named, and a partial an override includes, are used: nothing to say. (Another
    # folder: Jinja keeps the templates it found for a folder as long as they are fresh.)
    templates = tmp_path / "good"
    templates.mkdir()
    (templates / "report.css").write_text("body { color: #222; }\n")
    packaged = (Path(cli.__file__).parent / "render" / "templates" / "_header.html.j2").read_text()
    (templates / "_header.html.j2").write_text(packaged + '{% include "_mine.html.j2" %}\n')
    (templates / "_mine.html.j2").write_text("<p>mine</p>\n")
    (templates / ".DS_Store").write_bytes(b"\0")
    result = run(*story, "-f", "html", "--template-dir", str(templates))
    assert result.exit_code == 1 and result.stderr == ""
    assert "<p>mine</p>" in result.stdout and "color: #222" in result.stdout


def test_a_partial_without_its_underscore_is_named_beside_an_override_that_includes_it(
    story: tuple[str, str], tmp_path: Path
) -> None:
    # header.html.j2 (for _header.html.j2) is a misnamed partial; the report.html.j2 beside
    # it includes "_header.html.j2", whose name holds "header.html.j2": read as included,
    # it was ignored without a word.
    templates = tmp_path / "templates"
    templates.mkdir()
    packaged = Path(cli.__file__).parent / "render" / "templates"
    (templates / "report.html.j2").write_text((packaged / "report.html.j2").read_text())
    (templates / "header.html.j2").write_text((packaged / "_header.html.j2").read_text())
    result = run(*story, "-f", "html", "--template-dir", str(templates))
    assert result.exit_code == 1
    (line,) = error_lines(result)
    assert line.startswith(
        f"storydiff: warning: --template-dir {templates}: header.html.j2 replaces no file"
    )


@pytest.mark.parametrize("labels", [(), ("--label", "Ledger", "--label", "Courier")])
def test_documents_json_is_written_ahead_only_where_the_report_takes_it(
    story: tuple[str, str], labels: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The documents' JSON is written while the facets worker works, for the report to take
    as it is; a labelled report writes renamed copies of the documents, which could not
    take it: none is written for them (no work wasted, none kept after the command)."""
    from compare import facets_worker

    asked: list[object] = []
    monkeypatch.setattr(facets_worker, "while_waiting", asked.append)
    result = run(*labels, "-f", "json", *story)
    assert result.exit_code == 1, result.output
    assert len(asked) == (0 if labels else 1)


def test_a_terminal_narrower_than_the_narrowest_view_gets_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # (pipe21: COLUMNS=10 was taken as it came, where --width 10 is refused.)
    from compare.compare_command import text_view

    monkeypatch.setenv("COLUMNS", "10")
    assert text_view(None, True, None)[1] == 20
    monkeypatch.setenv("COLUMNS", "80")
    assert text_view(None, True, None)[1] == 80
