"""review22 (badinput18): bad input ends in one line and a documented exit code.

A file name that is not valid UTF-8 (Python holds its bytes as lone surrogates) is shown
with each such byte written ``\\xe9`` in every report, message and link; Ctrl-C as a report
goes to stdout says so; a reader of stdout that went away ends the run quietly with 141.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner, Result

from compare.cli import app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

OLD = [
    "The harbour fire at Pier 4 burned through the night, the fire service said on Monday.",
    "Twelve people were taken to hospital, and two remain in a serious condition.",
    "The cause of the fire is not yet known, a spokesperson said.",
]
NEW = [
    "The harbour fire at Pier 4 burned through the night, the fire service said on Monday.",
    "Fourteen people were taken to hospital, and two remain in a serious condition.",
    "The cause of the fire is not yet known, a spokesperson said.",
    "Investigators will return to the pier on Tuesday.",
]


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    clean: dict[str, str | None] = {"FORCE_COLOR": None, "NO_COLOR": None, "COLUMNS": None}
    return CliRunner(env={**clean, **(env or {})}).invoke(app, list(args))


def latin1_named(folder: Path, stem: bytes, paragraphs: list[str]) -> str:
    """A text file whose name has the Latin-1 byte \\xe9, as Python passes it on: a str
    holding that byte as the lone surrogate U+DCE9."""
    path = os.path.join(os.fsencode(folder), stem + b".txt")
    with open(path, "wb") as handle:
        handle.write(("\n\n".join(paragraphs) + "\n").encode())
    return os.fsdecode(path)


@pytest.fixture
def latin1_pair(tmp_path: Path) -> tuple[str, str]:
    return latin1_named(tmp_path, b"caf\xe9-1", OLD), latin1_named(tmp_path, b"caf\xe9-2", NEW)


def shown(spec: str) -> str:
    return spec.replace("\udce9", "\\xe9")


# --- 1. file names that are not UTF-8 ------------------------------------------------------


def test_a_file_name_not_in_utf8_is_shown_escaped_in_every_format(
    latin1_pair: tuple[str, str], tmp_path: Path
) -> None:
    # `-f json` ended in "unexpected TypeError: str is not valid UTF-8" (orjson); md and text
    # in "unexpected UnicodeEncodeError" on a strict UTF-8 stdout or in an -o file.
    old, new = latin1_pair
    result = run("compare", "-f", "json", old, new)
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["documents"]["old"]["source"]["spec"] == shown(old)
    assert report["documents"]["new"]["source"]["spec"] == shown(new)
    assert report["documents"]["old"]["source"]["spec"].endswith("caf\\xe9-1.txt")
    for form in ("md", "text", "html"):
        result = run("compare", "-f", form, old, new)
        assert result.exit_code == 1, (form, result.stderr)
        assert "\udce9" not in result.stdout
    for suffix in ("json", "md", "txt", "html"):
        target = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"r\xe9port." + suffix.encode()))
        result = run("compare", old, new, "-o", target)
        assert result.exit_code == 1, (suffix, result.stderr)
        assert result.stderr == f"storydiff: wrote {shown(target)}\n"
        written = Path(target).read_bytes().decode("utf-8")
        if suffix != "html":  # (the HTML report names its versions by site and time)
            assert "caf\\xe9-1.txt" in written.replace("\\\\", "\\"), suffix


def test_extract_and_the_multi_outlet_view_show_such_names(
    latin1_pair: tuple[str, str], tmp_path: Path
) -> None:
    old, new = latin1_pair
    result = run("extract", "-f", "json", old)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["source"]["spec"] == shown(old)
    result = run("extract", old)
    assert f"source:    {shown(old)}" in result.stdout
    third = latin1_named(tmp_path, b"caf\xe9-3", NEW)
    result = run("compare", "-f", "json", old, new, third)
    assert result.exit_code == 1, result.stderr
    assert "\\xe9" in result.stdout and "\\udce9" not in result.stdout
    json.loads(result.stdout)
    # A label given in bytes UTF-8 cannot carry names the outlet as the names are shown.
    label = os.fsdecode(b"Le Caf\xe9")
    for sources in ((old, new), (old, new, third)):
        result = run("compare", "-f", "json", "--label", label, *sources)
        assert result.exit_code == 1, result.stderr
        assert "Le Caf\\xe9" in json.loads(result.stdout).__repr__().replace("\\\\", "\\")


def test_a_coverage_report_named_in_latin1_links_its_side_by_side_reports(
    latin1_pair: tuple[str, str], tmp_path: Path
) -> None:
    # The links were URL-quoted as UTF-8, which the name's byte cannot be: "unexpected
    # UnicodeEncodeError". They are the name's bytes, quoted, as the file system has them.
    old, new = latin1_pair
    third = latin1_named(tmp_path, b"caf\xe9-3", NEW)
    target = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"cov\xe9.html"))
    result = run("compare", old, new, third, "--force", "-o", target)
    assert result.exit_code == 1, result.stderr
    assert result.stderr.startswith(f"storydiff: wrote {shown(target)} and 3 side-by-side")
    pair = (tmp_path / os.fsdecode(b"cov\xe9-AB.html")).read_text(encoding="utf-8")
    assert 'href="cov%E9.html"' in pair
    assert 'href="cov%E9-AB.html"' in Path(target).read_text(encoding="utf-8")


def test_an_error_about_such_a_file_shows_its_name_escaped(tmp_path: Path) -> None:
    missing = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"gon\xe9.txt"))
    result = run("compare", missing, missing + "2")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("storydiff: error: "), lines
    assert "gon\\xe9.txt" in lines[0] and "\udce9" not in lines[0]


# --- 2. Ctrl-C and a closed pipe as a report goes to stdout ---------------------------------


def big_story(folder: Path, paragraphs: int = 1500) -> tuple[str, str]:
    words = [
        "the",
        "council",
        "met",
        "on",
        "monday",
        "to",
        "vote",
        "on",
        "a",
        "stormwater",
        "fee",
        "for",
        "the",
        "east",
        "flats",
    ]
    lines = [
        f"Paragraph {i}: " + " ".join(words[(i + j) % len(words)] for j in range(40)) + "."
        for i in range(paragraphs)
    ]
    old = folder / "big-1.txt"
    new = folder / "big-2.txt"
    old.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    lines[::9] = [line.replace("monday", "tuesday") for line in lines[::9]]
    new.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return str(old), str(new)


def storydiff(*args: str, cwd: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("FORCE_COLOR", None)
    return subprocess.Popen(
        [sys.executable, "-m", "compare", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=env,
    )


def test_ctrl_c_as_a_report_is_written_to_stdout_says_so(tmp_path: Path) -> None:
    # It ended with 130 and no word, as if the report were whole.
    old, new = big_story(tmp_path)
    process = storydiff("compare", "-f", "json", old, new, cwd=tmp_path)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(1) == b"{"  # writing, and blocked on the full pipe
    process.send_signal(signal.SIGINT)
    process.stdout.read()
    assert process.wait(timeout=60) == 130
    assert process.stderr.read() == b"storydiff: interrupted\n"


@pytest.mark.parametrize(
    "command",
    [
        ("compare", "-f", "json", "OLD", "OLD"),  # no differences: it said 1, "they differ"
        ("compare", "--no-color", "OLD", "NEW"),
        ("extract", "-f", "json", "OLD", "NEW"),  # a cut-short write missed: it said 0
    ],
)
def test_a_reader_of_stdout_that_went_away_ends_the_run_quietly_with_141(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    old, new = big_story(tmp_path)
    args = [old if arg == "OLD" else new if arg == "NEW" else arg for arg in command]
    process = storydiff(*args, cwd=tmp_path)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(1)  # `| head -c 1`
    process.stdout.close()
    assert process.wait(timeout=60) == 141
    assert process.stderr.read() == b""


# --- 3. what cli.main keeps ------------------------------------------------------------------


def test_what_main_keeps_to_the_end_is_one_command_s(tmp_path: Path) -> None:
    # Each direct call kept its comparison in _kept_to_the_end, and so did every command a
    # test's CliRunner ran after one.
    for name, paragraphs in (("a.txt", OLD), ("b.txt", NEW)):
        (tmp_path / name).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from compare import cli, compare_command\n"
        "sys.argv = ['storydiff', 'compare', '-f', 'json', 'a.txt', 'b.txt']\n"
        "for _ in range(3):\n"
        "    try:\n"
        "        cli.main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "kept = len(compare_command._kept_to_the_end)\n"
        "CliRunner().invoke(cli.app, ['compare', 'a.txt', 'b.txt'])\n"
        "print(kept, len(compare_command._kept_to_the_end), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert done.stderr.split() == ["1", "1"], done.stderr


def test_force_color_keeps_colour_in_a_pipe(tmp_path: Path) -> None:
    # As the README says; typer's echo took the colour out again whenever stdout was no
    # terminal.
    story = FIXTURES / "updated-council-vote"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FORCE_COLOR": "1"}
    env.pop("NO_COLOR", None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "compare",
            "compare",
            str(story / "v1.html"),
            str(story / "v2.html"),
        ],
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert b"\x1b[" in done.stdout


# --- sweep: every command with bad input ------------------------------------------------------


def test_a_url_given_in_bytes_not_utf8_is_sent_percent_encoded(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    # Every command that fetches or looks a URL up ended in "unexpected UnicodeEncodeError".
    page = (FIXTURES / "updated-council-vote" / "v1.html").read_bytes()
    httpserver.expect_request(re.compile("^/caf")).respond_with_data(page, content_type="text/html")
    url = httpserver.url_for("/caf") + os.fsdecode(b"\xe9")
    result = run("extract", url)
    assert result.exit_code == 0, result.stderr
    assert httpserver.log[0][0].environ["REQUEST_URI"] == "/caf%E9"
    assert "source:    " + httpserver.url_for("/caf%E9") in result.stdout
    db = str(tmp_path / "news.db")
    result = run("track", url, "--db", db)
    assert result.exit_code == 0, result.stderr
    for command in (["history", url], ["export", url], ["timeline", url, "-o", "-"]):
        result = run(*command, "--db", db)
        assert result.exit_code == 0, (command, result.stderr)
        assert "Larchfield council approves" in result.stdout, command
    result = run("history", "x" + os.fsdecode(b"\xe9"), "--db", db)
    assert result.exit_code == 2
    assert result.stderr.startswith("storydiff: error: no stored versions of x%E9 in ")


def test_a_store_that_is_a_pipe_or_a_device_is_refused(tmp_path: Path) -> None:
    # A named pipe as --db waited forever; a device failed in "disk I/O error — run again
    # with --debug".
    fifo = tmp_path / "news.db"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for command in (["history"], ["track", "http://127.0.0.1:9/a"]):
        for db in (str(fifo), "/dev/null"):
            # In a process of its own, which a wait on the pipe cannot hold for ever.
            result = subprocess.run(
                [sys.executable, "-m", "compare", *command, "--db", db],
                capture_output=True,
                text=True,
                env=env,
                timeout=30,
            )
            assert result.returncode == 5, (command, db, result.stderr)
            assert result.stderr == (
                f"storydiff: error: {db} is not a file but a device, pipe or socket — give a "
                "database file, such as versions.db, with --db or STORYDIFF_DB\n"
            )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
@pytest.mark.parametrize("args", [["--version"], ["--help"], ["compare", "--help"]])
def test_help_and_version_to_a_full_disk_end_in_one_line(args: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "compare", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
        )
    assert done.returncode == 2
    assert done.stderr == (
        "storydiff: error: cannot write to standard output: No space left on device — free "
        "some space where it goes, or send it somewhere else\n"
    )


@pytest.mark.parametrize(
    ("archive", "what"),
    [("not a url", "is not an http(s) URL"), ("http://127.0.0.1:99999", "has no valid port")],
)
def test_an_archive_that_is_no_url_is_named_as_given(
    tmp_path: Path, archive: str, what: str
) -> None:
    # The message named the CDX query built on it ("not a url/cdx/search/cdx?url=...").
    result = run(
        "wayback", "http://127.0.0.1:9/a", "--archive", archive, "--db", str(tmp_path / "n.db")
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"storydiff: error: --archive {archive} {what} — give the base URL of a Wayback Machine "
        "CDX API, such as https://web.archive.org (with --archive or STORYDIFF_WAYBACK)\n"
    )
    assert not (tmp_path / "n.db").exists()


@pytest.mark.parametrize(
    "args",
    [["compare", "OLD", "NEW"], ["compare", "-f", "json", "OLD", "NEW"], ["extract", "OLD"]],
)
def test_a_stdout_the_shell_closed_ends_in_one_line(tmp_path: Path, args: list[str]) -> None:
    # `storydiff compare a b >&-` ended in "unexpected AttributeError: 'NoneType' object has
    # no attribute 'isatty'".
    story = FIXTURES / "updated-council-vote"
    named = {"OLD": str(story / "v1.html"), "NEW": str(story / "v2.html")}
    done = subprocess.run(
        [sys.executable, "-m", "compare", *(named.get(arg, arg) for arg in args)],
        stdin=subprocess.DEVNULL,
        stdout=None,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 2
    assert done.stderr == (
        "storydiff: error: cannot write to standard output: it is closed — drop the >&- that "
        "closed it, or write the output to a file with > or -o\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["extract", "http://127.0.0.1:9/a", "--timeout", "inf"],
            "--timeout inf is longer than a day — give the seconds to wait, such as 30 "
            "(at most 86400)",
        ),
        (
            ["compare", "a.txt", "b.txt", "--connect-timeout", "1e10"],
            "--connect-timeout 1e+10 is longer than a day — give the seconds to wait, such as "
            "10 (at most 86400)",
        ),
        (
            ["track", "http://127.0.0.1:9/a", "--delay", "1e308"],
            "--delay 1e+308 is longer than a day — give the seconds between two requests, at "
            "most 86400",
        ),
        (
            ["compare", "a.txt", "b.txt", "--width", "99999999999999999999"],
            "--width 99999999999999999999 is wider than any terminal — give at most 10000 columns",
        ),
        (
            ["history", "--width", "99999999999999999999"],
            "--width 99999999999999999999 is wider than any terminal — give at most 10000 columns",
        ),
    ],
)
def test_waits_and_widths_past_what_a_clock_or_an_index_holds_are_refused(
    tmp_path: Path, args: list[str], message: str
) -> None:
    # Each ended in "unexpected OverflowError" (a socket's or sleep's time_t, a list index).
    result = run(*args, "--db", str(tmp_path / "n.db"))
    assert result.exit_code == 2, result.stderr
    assert result.stderr == f"storydiff: error: {message}\n"


def test_a_terminal_width_past_what_an_index_holds_is_taken_as_the_widest(
    latin1_pair: tuple[str, str],
) -> None:
    result = run("compare", *latin1_pair, env={"COLUMNS": "99999999999999999999"})
    assert result.exit_code == 1, result.stderr
    assert "Fourteen" in result.stdout


@pytest.mark.parametrize("command", ["history", "timeline", "export", "extract@", "compare@"])
def test_an_address_urlsplit_cannot_read_is_looked_up_as_given(
    tmp_path: Path, command: str
) -> None:
    # "http://[::1" (an IPv6 host with no closing bracket) ended in "unexpected ValueError:
    # Invalid IPv6 URL" wherever the store looked it up.
    db = str(tmp_path / "news.db")
    page = FIXTURES / "updated-council-vote" / "v1.html"
    assert run("compare", str(page), str(page), "--db", db).exit_code == 0
    from compare.store import Store

    Store.open(db).close()  # an empty store, to look the address up in
    args = {
        "extract@": ["extract", "http://[::1@latest"],
        "compare@": ["compare", "http://[::1@1", str(page)],
    }.get(command, [command, "http://[::1"])
    result = run(*args, "--db", db)
    assert result.exit_code == 2, result.stderr
    assert result.stderr == (
        f"storydiff: error: no stored versions of http://[::1 in {db} — run `storydiff track "
        "URL` or `storydiff wayback URL` first\n"
    )


def test_a_host_name_with_an_empty_label_is_no_valid_url() -> None:
    # "http://a..b/" ended in "unexpected UnicodeError: encoding with 'idna' codec failed
    # (label empty or too long)", raised by socket.getaddrinfo before any lookup: fetch_url
    # now encodes the host as the resolver will, and says the URL is not valid, as for an
    # invalid port.
    for url in ("http://a..b/", "http://" + "a" * 64 + ".example/"):
        result = run("extract", url)
        assert result.exit_code == 2, result.stderr
        assert result.stderr.startswith(f"storydiff: error: {url} is not a valid URL ("), url
        assert result.stderr.endswith(") — check the address\n"), url


def test_a_port_out_of_range_is_named_as_track_names_it() -> None:
    # extract said "127.0.0.1 refused the connection" for port 99999 (httpx keeps it, and
    # the connection failed), where track said the URL has no valid port.
    for url in ("http://127.0.0.1:99999/", "http://127.0.0.1:0/"):
        result = run("extract", url)
        assert result.exit_code == 2, result.stderr
        assert result.stderr == (
            f"storydiff: error: {url} has no valid port — a port is a number from 1 to 65535\n"
        )


def test_a_coverage_report_written_to_a_device_writes_no_reports_beside_it(
    tmp_path: Path,
) -> None:
    # `-o /dev/stdout -f html` wrote /dev/stdout-AB.html ... into /dev, and `-o /dev/full`
    # left them there when the report itself could not be written. A device or a stream has
    # no folder to hold them: the report goes without links to them, as on stdout.
    story = FIXTURES / "updated-council-vote"
    device = tmp_path / "out.html"
    device.symlink_to("/dev/null")
    sources = [str(story / f"v{n}.html") for n in (1, 2, 3)]
    result = run("compare", *sources, "-o", str(device))
    assert result.exit_code == 1, result.stderr
    assert result.stderr == f"storydiff: wrote {device}\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.html"]


def test_running_out_of_memory_is_one_line_about_the_input(
    latin1_pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A 2 MB paragraph of 300,000 words with no full stop but the last (one sentence) made
    # the word diff ask for gigabytes: "unexpected MemoryError: std::bad_alloc" after 30 s.
    # (The word diff no longer does: see the next test. Any other such failure ends so.)
    import compare

    def out_of_memory(*args: object, **kwargs: object) -> None:
        raise MemoryError("std::bad_alloc")

    monkeypatch.setattr(compare, "compare", out_of_memory)
    result = run("compare", *latin1_pair)
    assert result.exit_code == 2
    assert result.stderr == (
        "storydiff: error: ran out of memory: the input is too large to compare — pass the "
        "article alone (its text in a .txt file), or a smaller page\n"
    )


def test_a_sentence_too_long_to_diff_word_by_word_keeps_its_head_and_tail(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Two 10,000-word sentences (20,000 tokens each) are past MOST_TOKEN_PAIRS: Indel would
    # want a bit for each of their 4e8 pairs of tokens. What they start and end with is
    # kept; what lies between is replaced whole (so a sentence edited at both ends is one
    # replacement), and both texts are rebuilt exactly.
    from rapidfuzz.distance import Indel

    from compare import worddiff

    opcodes = Indel.opcodes

    def bounded(a: list[str], b: list[str]) -> object:
        assert len(a) * len(b) <= worddiff.MOST_TOKEN_PAIRS, "Indel asked for 4e8 pairs"
        return opcodes(a, b)

    monkeypatch.setattr(Indel, "opcodes", bounded)
    words = [f"w{i}" for i in range(10_000)]
    old = " ".join(words) + "."
    new = " ".join([*words[:5_000], "fourteen", *words[5_001:]]) + "."
    assert len(worddiff._tokens_and_keys(old)[0]) ** 2 > worddiff.MOST_TOKEN_PAIRS
    ops = worddiff.word_diff(old, new)
    assert [(op.op, op.old, op.new) for op in ops] == [
        ("equal", " ".join(words[:5_000]) + " ", " ".join(words[:5_000]) + " "),
        ("replace", "w5000", "fourteen"),
        ("equal", " " + " ".join(words[5_001:]) + ".", " " + " ".join(words[5_001:]) + "."),
    ]
    edited_twice = " ".join(["x", *words[1:9_999], "y"]) + "."
    assert [op.op for op in worddiff.word_diff(old, edited_twice)] == ["replace"]
    # Under the bound, the same edits are found word by word.
    monkeypatch.undo()
    short_old, short_new = " ".join(words[:300]), " ".join([*words[:100], "x", *words[101:300]])
    assert [op.op for op in worddiff.word_diff(short_old, short_new)] == [
        "equal",
        "replace",
        "equal",
    ]


def test_extract_shows_control_characters_as_the_comparison_view_does(tmp_path: Path) -> None:
    # A page's ANSI escapes, bells and direction overrides reached the terminal as they were
    # (typer's echo took out only colour escapes, and only when stdout was no terminal).
    page = tmp_path / "page.txt"
    hostile = "The council \x1b]0;pwned\x07voted \x1b[31mred\x1b[0m on the \u202efee\u202c tonight."
    page.write_text("\n\n".join([hostile, *OLD]) + "\n", encoding="utf-8")
    result = run("extract", str(page))
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\u202e" not in result.stdout
    assert "on the ⟨RLO⟩fee⟨PDF⟩ tonight." in result.stdout


@pytest.mark.parametrize("command", ["export", "timeline", "compare"])
def test_an_output_that_is_the_version_store_is_refused(tmp_path: Path, command: str) -> None:
    # `storydiff export URL -o news.db` replaced the store it read with the JSON: every
    # version in it lost (timeline and a compare of stored versions alike).
    from compare.store import Store

    db = tmp_path / "news.db"
    Store.open(db).close()
    before = db.read_bytes()
    url = "http://127.0.0.1:9/story"
    args = (
        [command, url] if command != "compare" else [command, f"{url}@1", f"{url}@2", "-f", "json"]
    )
    result = run(*args, "--db", str(db), "-o", str(db))
    assert result.exit_code == 2, result.stderr
    assert result.stderr == (
        f"storydiff: error: cannot write {db}: it is an SQLite database (a version store?), "
        "which the output would replace — choose another file with -o\n"
    )
    assert db.read_bytes() == before


@pytest.mark.parametrize(("name", "sources"), [("report.html.j2", 2), ("coverage.html.j2", 3)])
def test_a_template_override_that_fails_as_python_is_one_line(
    tmp_path: Path, name: str, sources: int
) -> None:
    # {{ 1/0 }} in an override ended in "unexpected ZeroDivisionError"; jinja's own errors
    # (syntax, an undefined name) were already told so.
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / name).write_text("{{ 1/0 }}\n", encoding="utf-8")
    story = FIXTURES / "updated-council-vote"
    pages = [str(story / f"v{n}.html") for n in range(1, sources + 1)]
    result = run("compare", *pages, "-f", "html", "--template-dir", str(templates))
    assert result.exit_code == 2
    assert result.stderr == (
        "storydiff: error: the HTML report's template failed: ZeroDivisionError: division by "
        "zero — fix the template in --template-dir, or leave it out to use the packaged one\n"
    )


def test_a_bug_s_message_stays_on_one_line(
    latin1_pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The catch-all for a bug printed the error's own line breaks: several lines.
    import compare

    def bug(*args: object, **kwargs: object) -> None:
        raise RuntimeError("first line\nsecond line")

    monkeypatch.setattr(compare, "compare", bug)
    result = run("compare", *latin1_pair)
    assert result.exit_code == 2
    assert result.stderr == (
        "storydiff: error: unexpected RuntimeError: first line second line — run again with "
        "--debug and report the traceback\n"
    )


@pytest.mark.parametrize(
    "rows",
    [
        [["timestamp", "original"], [1, 2]],
        [["timestamp", "original"], ["abc", "http://127.0.0.1:9/a"]],
        [["timestamp", "original"], ["99999999999999", "http://127.0.0.1:9/a"]],
    ],
)
def test_an_archive_listing_captures_it_cannot_have_made_is_one_line(
    httpserver: HTTPServer, tmp_path: Path, rows: list[list[object]]
) -> None:
    # Numbers for strings, a time that is no time: "unexpected TypeError/ValueError"; then
    # "did not answer the CDX query with JSON", which it did.
    httpserver.expect_request("/cdx/search/cdx").respond_with_json(rows)
    archive = httpserver.url_for("/").rstrip("/")
    result = run(
        "wayback", "http://127.0.0.1:9/a", "--archive", archive, "--db", str(tmp_path / "w.db")
    )
    assert result.exit_code == 3, result.stderr
    assert result.stderr == (
        f"storydiff: error: the archive at {archive} answered the CDX query with JSON that "
        "lists no captures it can have made — check --archive: it must be a Wayback Machine "
        "(CDX API) base URL\n"
    )


def test_a_feed_link_no_url_can_be_made_of_is_passed_over(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    # One item linking to "http://[::1/x" ended the whole watch in "unexpected ValueError:
    # Invalid IPv6 URL"; the feed's other articles were never fetched.
    page = (FIXTURES / "updated-council-vote" / "v1.html").read_bytes()
    httpserver.expect_request("/story").respond_with_data(page, content_type="text/html")
    feed = (
        '<rss version="2.0"><channel><title>News</title>'
        "<item><link>http://[::1/x</link></item>"
        f"<item><link>{httpserver.url_for('/story')}</link></item></channel></rss>"
    )
    httpserver.expect_request("/feed").respond_with_data(feed, content_type="application/rss+xml")
    result = run(
        "watch", httpserver.url_for("/feed"), "--db", str(tmp_path / "w.db"), "--delay", "0"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "storydiff: 1 new version, 0 unchanged, 0 failed\n"


def test_a_canonical_link_that_is_no_address_is_not_the_page_s(tmp_path: Path) -> None:
    # extract printed "url: http://[::1/x" for such a link, which no command could then
    # read; a relative one is still resolved against the page's own address.
    import compare

    page = (FIXTURES / "updated-council-vote" / "v1.html").read_text(encoding="utf-8")
    page = page.replace('property="og:url"', 'property="og:url-gone"').replace(
        'rel="canonical"', 'rel="canonical-gone"'
    )
    for broken in ("http://[::1/x", "https://example.org:99999/story", "https:///story"):
        path = tmp_path / "page.html"
        path.write_text(
            page.replace("<head>", f'<head><link rel="canonical" href="{broken}">', 1),
            encoding="utf-8",
        )
        assert compare.load(str(path)).url is None, broken
    path.write_text(
        page.replace("<head>", '<head><link rel="canonical" href="https://example.org/a">', 1),
        encoding="utf-8",
    )
    assert compare.load(str(path)).url == "https://example.org/a"


def test_a_page_whose_canonical_link_is_no_url_is_tracked_under_its_address(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    # <link rel="canonical" href="http://[::1/x"> ended `track` in "unexpected ValueError:
    # Invalid IPv6 URL", nothing stored.
    page = (FIXTURES / "updated-council-vote" / "v1.html").read_text(encoding="utf-8")
    page = page.replace("<head>", '<head><link rel="canonical" href="http://[::1/x">', 1).replace(
        'property="og:url"', 'property="og:url-gone"'
    )
    httpserver.expect_request("/story").respond_with_data(page, content_type="text/html")
    db = str(tmp_path / "t.db")
    for outcome in ("1 new version, 0 unchanged", "0 new versions, 1 unchanged"):
        result = run("track", httpserver.url_for("/story"), "--db", db)
        assert result.exit_code == 0, result.stderr
        assert result.stderr == f"storydiff: {outcome}, 0 failed\n"
    result = run("history", httpserver.url_for("/story"), "--db", db)
    assert result.exit_code == 0, result.stderr
