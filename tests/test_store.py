"""The version store: schema, dedupe by normalised text, suspect shrinks, ordering by time,
selectors, stored-version specs and clear errors for unusable files."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from history_pages import BASE, TEASER, TITLE, article_html, cosmetic, versions
from typer.testing import CliRunner

from compare import compare, load
from compare.cli import app
from compare.errors import ExitCode, NotStoredError, StoreError
from compare.model import CompareOptions, Document, Paragraph, Provenance
from compare.render.json import document_dict
from compare.render.timeline import history_json, history_table, render_story
from compare.store import (
    SCHEMA_VERSION,
    Store,
    canonical_url,
    content_hash,
    document_from_dict,
    parse_time,
    resolve_db_path,
    resolve_version_spec,
    shown_url,
    split_version_spec,
)
from compare.text import split_sentences
from compare.track import summarizer

if TYPE_CHECKING:
    from compare.store import Reader

URL = "https://courier.example/local/ferry-terminal"


def doc(title: str, paragraphs: list[str], url: str = URL) -> Document:
    return Document(
        paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs),
        title=title,
        url=url,
        site_name="Marrowby Courier",
        provenance=Provenance(spec=url, url=url, status=200, encoding="utf-8"),
    )


def add(store: Store, title: str, paragraphs: list[str], at: str, **kw: object) -> str:
    # The page as served: stored versions are read again from it (see test_upgrade_...).
    raw = article_html(title, paragraphs, URL).encode()
    observation = store.observe(
        [URL], doc(title, paragraphs), raw, at, summarize=summarizer_default, **kw
    )
    return observation.outcome


summarizer_default = summarizer(CompareOptions())


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "v.db") as opened:
        yield opened


def test_content_hash_ignores_cosmetic_edits_but_not_text_headline_or_standfirst() -> None:
    base = doc(TITLE, BASE)
    assert content_hash(base) == content_hash(doc(TITLE, cosmetic(BASE)))
    assert content_hash(base) == content_hash(doc(TITLE, [p.rstrip(".") for p in BASE]))
    assert content_hash(base) != content_hash(doc(TITLE + " again", BASE))
    changed = [BASE[0], BASE[1].replace("14", "16"), *BASE[2:]]
    assert content_hash(base) != content_hash(doc(TITLE, changed))
    # An edited standfirst (or the description standing for it) is a new version too.
    with_standfirst = replace(base, description="Fourteen people were hurt.")
    assert content_hash(with_standfirst) != content_hash(base)
    edited = replace(with_standfirst, description="Sixteen people were hurt.")
    assert content_hash(edited) != content_hash(with_standfirst)
    assert content_hash(replace(with_standfirst, description="Fourteen  people were hurt")) == (
        content_hash(with_standfirst)
    )


def test_content_hash_reads_the_text_across_paragraph_breaks() -> None:
    # An advert's box inside a paragraph splits it on one fetch and not on the next: the
    # same words are no new version. A word that changes, or moves, still is one.
    base = doc(TITLE, BASE)
    split = [*BASE[:2], *split_sentences(BASE[2]), *BASE[3:]]
    assert len(split) > len(BASE)
    assert content_hash(doc(TITLE, split)) == content_hash(base)
    merged = [BASE[0] + " " + BASE[1], *BASE[2:]]
    assert content_hash(doc(TITLE, merged)) == content_hash(base)
    assert content_hash(doc(TITLE, [BASE[1], BASE[0], *BASE[2:]])) != content_hash(base)
    assert content_hash(doc(TITLE, [*BASE[:-1], BASE[-1] + " Two more"])) != content_hash(base)


def test_a_split_paragraph_is_a_cosmetic_change(store: Store) -> None:
    split = [*BASE[:2], *split_sentences(BASE[2]), *BASE[3:]]
    assert add(store, TITLE, BASE, "2026-05-24T10:00:00.000Z") == "new"
    assert add(store, TITLE, split, "2026-05-24T10:30:00.000Z") == "cosmetic"


def test_a_store_from_schema_2_gets_hashes_read_across_paragraph_breaks(tmp_path: Path) -> None:
    split = [*BASE[:2], *split_sentences(BASE[2]), *BASE[3:]]
    with Store.open(tmp_path / "v.db") as opened:
        opened.observe([URL], doc(TITLE, BASE), b"<p>x</p>", "2026-05-24T10:00:00.000Z")
        with opened.transaction():
            opened.connection.execute("UPDATE versions SET content_hash = 'schema 2 hash'")
            opened.connection.execute("PRAGMA user_version = 2")
    with Store.open(tmp_path / "v.db") as reopened:
        again = reopened.observe([URL], doc(TITLE, split), b"<p>x</p>", "2026-05-24T11:00:00.000Z")
        assert again.outcome == "unchanged"


def schema_2_store(path: Path, stories: int) -> None:
    """A store of ``stories`` one-version stories as schema 2 left it: its old hashes (here
    a marker) and its schema number."""
    with Store.open(path) as opened:
        for n in range(stories):
            url = f"{URL}-{n}"
            opened.observe([url], doc(TITLE, BASE, url), b"<p>x</p>", "2026-05-24T10:00:00.000Z")
        with opened.transaction():
            opened.connection.execute("UPDATE versions SET content_hash = 'schema 2 hash'")
            opened.connection.execute("PRAGMA user_version = 2")


def test_an_upgrade_rehashes_every_version_a_batch_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The documents are read a batch at a time (not all at once: a big store would not fit
    # in memory); every batch is rehashed, the last one short.
    monkeypatch.setattr("compare.store._REHASH_BATCH", 2)
    schema_2_store(tmp_path / "v.db", 5)
    with Store.open(tmp_path / "v.db") as reopened:
        hashes = [h for (h,) in reopened.connection.execute("SELECT content_hash FROM versions")]
    assert hashes == [content_hash(doc(TITLE, BASE))] * 5


def test_an_upgrade_cut_short_leaves_the_schema_2_store_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One transaction: a process killed while it rehashes leaves every old hash and the old
    # schema number, and the next open upgrades it whole.
    schema_2_store(tmp_path / "v.db", 3)
    calls = []

    def dying(document: Document) -> str:
        calls.append(document)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return content_hash(document)

    monkeypatch.setattr("compare.store.content_hash", dying)
    with pytest.raises(KeyboardInterrupt):
        Store.open(tmp_path / "v.db")
    monkeypatch.undo()
    connection = sqlite3.connect(tmp_path / "v.db")
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 2
    assert {h for (h,) in connection.execute("SELECT content_hash FROM versions")} == {
        "schema 2 hash"
    }
    connection.close()
    with Store.open(tmp_path / "v.db") as reopened:
        hashes = {h for (h,) in reopened.connection.execute("SELECT content_hash FROM versions")}
        assert hashes == {content_hash(doc(TITLE, BASE))}


def test_document_round_trips_through_its_json_contract() -> None:
    original = Document(
        paragraphs=(Paragraph("One. Two.", ("One.", "Two.")),),
        title="T",
        authors=("Lena Voss", "Ed Marr"),
        site_name="Marrowby Courier",
        published="2026-05-24",
        modified="2026-05-25",
        url=URL,
        language="en",
        description="d",
        summary="s",
        provenance=Provenance(
            spec="x",
            url=URL,
            fetched_at="2026-05-24T10:00:00Z",
            status=200,
            content_type="text/html",
            encoding="utf-8",
            sha256="ab",
        ),
        warnings=("the text comes from the page's structured data",),
    )
    assert document_from_dict(json.loads(json.dumps(document_dict(original)))) == original


def test_new_file_is_wal_with_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "v.db"
    Store.open(path).close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_database_path_from_option_env_or_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORYDIFF_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(None) == tmp_path / "env.db"
    assert resolve_db_path(tmp_path / "opt.db") == tmp_path / "opt.db"
    monkeypatch.delenv("STORYDIFF_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert resolve_db_path(None) == tmp_path / "data" / "storydiff" / "versions.db"


def test_newer_schema_is_refused_with_exit_code_5(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    Store.open(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer storydiff") as caught:
        Store.open(path)
    assert caught.value.exit_code == ExitCode.STORE
    assert "upgrade" in caught.value.hint


def test_corrupted_file_and_foreign_database_are_refused(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite at all " * 200)
    with pytest.raises(StoreError, match="corrupted"):
        Store.open(garbage)
    foreign = tmp_path / "foreign.db"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="not a storydiff store"):
        Store.open(foreign)


def test_missing_store_is_an_error_for_readers(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no version store"):
        Store.open(tmp_path / "none.db", create=False)


def test_a_store_from_schema_1_gets_hashes_that_cover_the_standfirst(tmp_path: Path) -> None:
    # Schema 1 hashed no standfirst: without a rehash, the next fetch of an unchanged page
    # with one would be stored again as a new version.
    page = replace(doc(TITLE, BASE), description="Fourteen people were hurt.")
    with Store.open(tmp_path / "v.db") as opened:
        opened.observe([URL], page, b"<p>x</p>", "2026-05-24T10:00:00.000Z")
        with opened.transaction():
            opened.connection.execute("UPDATE versions SET content_hash = 'schema 1 hash'")
            opened.connection.execute("PRAGMA user_version = 1")
    with Store.open(tmp_path / "v.db") as reopened:
        again = reopened.observe([URL], page, b"<p>x</p>", "2026-05-24T11:00:00.000Z")
        assert again.outcome == "unchanged"
        version = reopened.connection.execute("SELECT content_hash FROM versions").fetchone()
        assert version[0] == content_hash(page)


def test_new_version_only_when_text_or_headline_changes(store: Store) -> None:
    pages = versions()
    assert add(store, *pages[0], "2026-05-24T10:00:00.000Z") == "new"
    assert add(store, *pages[0], "2026-05-24T10:30:00.000Z") == "unchanged"
    assert add(store, TITLE, cosmetic(BASE), "2026-05-24T11:00:00.000Z") == "cosmetic"
    assert add(store, *pages[1], "2026-05-24T11:30:00.000Z") == "new"
    assert add(store, *pages[3], "2026-05-24T12:00:00.000Z") == "new"
    story = store.require_story(URL)
    history = store.history(story)
    assert [v.number for v in history] == [1, 2, 3]
    assert history[0].last_seen == "2026-05-24T11:00:00.000Z"
    assert history[0].cosmetic_changes == 1
    assert history[0].changes is None
    assert history[1].changes is not None and history[1].changes["paragraphs"]["reworded"] == 1
    assert history[2].changes is not None and history[2].changes["title_changed"]
    assert [f["outcome"] for f in store.fetches(story)] == [
        "new",
        "unchanged",
        "cosmetic",
        "new",
        "new",
    ]


def test_a_revert_is_a_new_version(store: Store) -> None:
    pages = versions()
    add(store, *pages[0], "2026-05-24T10:00:00.000Z")
    add(store, *pages[1], "2026-05-24T11:00:00.000Z")
    assert add(store, *pages[0], "2026-05-24T12:00:00.000Z") == "new"
    assert len(store.history(store.require_story(URL))) == 3


def test_sudden_shrink_is_held_until_the_next_fetch_confirms_it(store: Store) -> None:
    add(store, TITLE, BASE, "2026-05-24T10:00:00.000Z")
    assert add(store, TITLE, TEASER, "2026-05-24T10:10:00.000Z") == "suspect"
    assert len(store.history(store.require_story(URL))) == 1
    # The full page came back: the teaser was a glitch and is forgotten.
    assert add(store, TITLE, BASE, "2026-05-24T10:20:00.000Z") == "unchanged"
    assert add(store, TITLE, TEASER, "2026-05-24T10:30:00.000Z") == "suspect"
    assert add(store, TITLE, TEASER, "2026-05-24T10:40:00.000Z") == "new"
    history = store.history(store.require_story(URL))
    assert len(history) == 2
    assert history[1].first_seen == "2026-05-24T10:30:00.000Z"
    assert history[1].word_count == sum(len(p.split()) for p in TEASER)


def test_older_observation_slots_in_by_time_and_summaries_follow(store: Store) -> None:
    pages = versions()
    add(store, *pages[0], "2026-05-24T10:00:00.000Z")
    add(store, *pages[2], "2026-05-24T12:00:00.000Z")
    assert add(store, *pages[1], "2026-05-24T11:00:00.000Z", source="wayback") == "new"
    history = store.history(store.require_story(URL))
    assert [v.first_seen[11:16] for v in history] == ["10:00", "11:00", "12:00"]
    assert [v.source for v in history] == ["fetch", "wayback", "fetch"]
    # Version 3 is now described against version 2, not version 1.
    assert history[2].changes is not None
    assert history[2].changes["paragraphs"]["added"] == 1
    assert history[2].changes["paragraphs"]["reworded"] == 0
    # Seeing the 12:00 text earlier moves its first-seen back instead of duplicating it.
    assert add(store, *pages[2], "2026-05-24T11:30:00.000Z") == "unchanged"
    history = store.history(store.require_story(URL))
    assert len(history) == 3 and history[2].first_seen == "2026-05-24T11:30:00.000Z"


def test_selectors(store: Store) -> None:
    pages = versions()
    for i, hour in enumerate(("10", "11", "12", "13")):
        add(store, *pages[i], f"2026-05-24T{hour}:00:00.000Z")
    story = store.require_story(URL)
    assert store.select(story, "2").number == 2
    assert store.select(story, "first").number == 1
    assert store.select(story, "latest").number == 4
    assert store.select(story, "-1").number == 4
    assert store.select(story, "-2").number == 3
    assert store.select(story, "2026-05-24T11:30").number == 2
    assert store.select(story, "2026-05-24T12:00:00Z").number == 3
    assert store.select(story, "2026-05-25").number == 4
    with pytest.raises(StoreError, match="no version 7"):
        store.select(story, "7")
    with pytest.raises(StoreError, match="had been seen by"):
        store.select(story, "2026-05-23")


def test_stories_are_found_by_any_url_they_were_seen_at(store: Store) -> None:
    raw = b"<p>x</p>"
    document = doc(TITLE, BASE, url="https://courier.example/local/ferry-terminal")
    store.observe(
        ["https://courier.example/local/ferry-terminal", "http://127.0.0.1:9/a?utm_source=x"],
        document,
        raw,
        "2026-05-24T10:00:00.000Z",
    )
    assert store.find_story("http://127.0.0.1:9/a") is not None
    assert store.find_story("HTTPS://Courier.Example/local/ferry-terminal#top") is not None
    assert store.find_story("https://courier.example/other") is None
    assert canonical_url("https://A.example:443/x?b=1&utm_medium=e#f") == "https://a.example/x?b=1"


def test_an_ipv6_hosts_canonical_address_keeps_its_brackets(store: Store) -> None:
    # Track lines print the canonical address: without its brackets, pasting it into
    # `history` failed with "unexpected ValueError" (found by a review).
    assert canonical_url("http://[::1]:8780/story.html") == "http://[::1]:8780/story.html"
    assert canonical_url("http://[::1]/story.html?utm_source=x") == "http://[::1]/story.html"
    # An address whose port cannot be read is filed as given, not an error.
    assert canonical_url("http://::1:8780/x") == "http://::1:8780/x"
    assert store.find_story("http://::1:8780/x") is None


def test_failed_fetch_is_recorded_and_stores_nothing(store: Store) -> None:
    add(store, TITLE, BASE, "2026-05-24T10:00:00.000Z")
    store.record_failure(URL, "2026-05-24T10:05:00.000Z", "HTTP 503", status=503)
    story = store.require_story(URL)
    assert len(store.history(story)) == 1
    fetches = store.fetches(story)
    assert fetches[-1]["outcome"] == "failed" and fetches[-1]["status"] == 503


def test_version_specs(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    with Store.open(db) as store:
        pages = versions()
        add(store, *pages[0], "2026-05-24T10:00:00.000Z")
        add(store, *pages[3], "2026-05-24T11:00:00.000Z")
    assert split_version_spec(f"{URL}@2") == (URL, "2")
    assert split_version_spec("https://medium.example/@alice") is None
    assert split_version_spec("notes@2.txt") is None
    assert resolve_version_spec("https://medium.example/@alice", db) is None
    first = resolve_version_spec(f"{URL}@first", db)
    assert first is not None and first.title == TITLE
    assert first.provenance.spec == f"{URL}@first"
    latest = load(f"{URL}@latest", db=str(db))
    assert latest.title == pages[3][0]
    # A time as the README writes it ("T", perhaps "Z"), or with the space history shows.
    for when in ("2026-05-24T10:30", "2026-05-24T10:30:00Z", "2026-05-24 10:30"):
        assert split_version_spec(f"{URL}@{when}") == (URL, when)
        assert load(f"{URL}@{when}", db=str(db)).title == TITLE
    with pytest.raises(StoreError, match="no stored versions"):
        resolve_version_spec("https://courier.example/unknown@1", db)


def test_a_version_is_picked_at_a_date_or_time_with_a_utc_offset(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    pages = versions()
    with Store.open(db) as store:
        for page, at in zip(pages[:3], ("23T21:00", "23T23:00", "24T09:00"), strict=True):
            add(store, *page, f"2026-05-{at}:00.000Z")

    def text(selector: object) -> list[str]:
        return [p.text for p in load(f"{URL}@{selector}", db=str(db)).paragraphs]

    texts = {n: text(n) for n in (1, 2, 3)}
    assert texts[1] != texts[2] != texts[3]
    for when, number in [
        # A date with an offset is its midnight there: 2026-05-23T22:00Z, not 02:00 UTC
        # (Python 3.11's fromisoformat took the "+" for the separator of a time).
        ("2026-05-24+02:00", 1),
        ("2026-05-24+0200", 1),
        ("2026-05-24-02:00", 2),  # 02:00 UTC
        ("2026-05-24Z", 2),
        ("2026-05-24", 2),
        ("2026-05-24T10:00+02:00", 2),
        ("2026-05-24T01:00+0200", 2),
        ("2026-05-24T10:00Z", 3),
        ("2026-05-24t09:00:00.5z", 3),
    ]:
        assert split_version_spec(f"{URL}@{when}") == (URL, when)
        assert text(when) == texts[number], when
    assert parse_time("2026-05-24+02:00") == datetime(2026, 5, 23, 22, tzinfo=timezone.utc)
    assert parse_time("2026-05-24T10:00:05.25-05:30") == datetime(
        2026, 5, 24, 15, 30, 5, 250000, tzinfo=timezone.utc
    )
    for bad in ("2026-05-24+25:00", "2026-02-30", "2026-05-24T24:30+02:00"):
        result = CliRunner().invoke(app, ["extract", f"{URL}@{bad}"], env={"STORYDIFF_DB": str(db)})
        assert result.exit_code == ExitCode.INPUT, bad
        assert result.stderr == (
            f"storydiff: error: not a date or time: {bad!r} — use ISO 8601, such as 2026-05-24, "
            "2026-05-24T10:00 or 2026-05-24T10:00+02:00\n"
        )


def test_export_holds_everything(store: Store) -> None:
    add(store, TITLE, BASE, "2026-05-24T10:00:00.000Z")
    add(store, *versions()[1], "2026-05-24T11:00:00.000Z")
    store.record_failure(URL, "2026-05-24T12:00:00.000Z", "timed out")
    data = store.export(store.require_story(URL))
    assert data["schema"] == "storydiff.story/1"
    assert [v["number"] for v in data["versions"]] == [1, 2]
    assert "16 workers" in data["versions"][1]["raw"]
    assert data["versions"][1]["document"]["paragraphs"][1]["text"].startswith("Officials")
    assert [f["outcome"] for f in data["fetches"]] == ["new", "new", "failed"]
    assert [f["version"] for f in data["fetches"]] == [1, 2, None]


def test_a_late_answer_is_not_mistaken_for_a_revert(store: Store) -> None:
    pages = versions()
    add(store, *pages[0], "2026-05-24T10:00:00.000Z")
    add(store, *pages[1], "2026-05-24T10:01:00.000Z")
    # Another process asked before the new text was seen, and got its answer after.
    late = add(store, *pages[0], "2026-05-24T10:01:00.200Z", sent_at="2026-05-24T10:00:59.900Z")
    assert late == "unchanged"
    assert len(store.history(store.require_story(URL))) == 2
    # Asked after the new text was seen: the old text is back for real.
    revert = add(store, *pages[0], "2026-05-24T10:02:00.000Z", sent_at="2026-05-24T10:01:59.000Z")
    assert revert == "new"


def test_history_shows_seconds_when_two_versions_share_a_minute(store: Store) -> None:
    pages = versions()
    add(store, *pages[0], "2026-05-24T10:00:05.000Z")
    add(store, *pages[1], "2026-05-24T11:30:00.000Z")
    story = store.require_story(URL)
    table = history_table(story, store.history(story))
    assert "2026-05-24 10:00 " in table and "10:00:05" not in table
    add(store, *pages[3], "2026-05-24T11:30:40.000Z")  # edited again within the minute
    table = history_table(story, store.history(story))
    seen = [line.split("  ")[1] for line in table.splitlines()[2:]]
    assert seen == ["2026-05-24 10:00:05", "2026-05-24 11:30:00", "2026-05-24 11:30:40"]
    add(store, *pages[0], "2026-05-24T11:30:40.250Z")  # and reverted within the second
    table = history_table(story, store.history(story))
    seen = [line.split("  ")[1] for line in table.splitlines()[2:]]
    assert seen[-2:] == ["2026-05-24 11:30:40.000", "2026-05-24 11:30:40.250"]


def _timeline_times(store: Store) -> set[str]:
    """Every time the timeline report shows people: in the table, the axis, the headline
    history, the section headings and the version cards."""
    html = render_story(store, store.require_story(URL), generated_at="2026-05-25T00:00:00Z")
    shown = re.findall(r"(2026-05-24 \d\d:\d\d(?::\d\d(?:\.\d+)?)?)", html)
    assert shown
    return set(shown)


def test_the_timeline_shows_seconds_when_two_versions_share_a_minute(store: Store) -> None:
    pages = versions()
    add(store, *pages[0], "2026-05-24T10:00:05.000Z")
    add(store, *pages[1], "2026-05-24T11:30:00.000Z")
    assert _timeline_times(store) == {"2026-05-24 10:00", "2026-05-24 11:30"}
    add(store, *pages[3], "2026-05-24T11:30:40.000Z")  # edited again within the minute
    assert _timeline_times(store) == {
        "2026-05-24 10:00:05",
        "2026-05-24 11:30:00",
        "2026-05-24 11:30:40",
    }
    # The machine-readable times stay whole: the HTML's datetime attributes, history's JSON.
    story = store.require_story(URL)
    html = render_story(store, story, generated_at="2026-05-25T00:00:00Z")
    assert '<time datetime="2026-05-24T11:30:40.000Z">2026-05-24 11:30:40</time>' in html
    data = json.loads(history_json(story, store.history(story)))
    assert [v["first_seen"][11:] for v in data["versions"]] == [
        "10:00:05.000Z",
        "11:30:00.000Z",
        "11:30:40.000Z",
    ]


def test_a_story_whose_every_fetch_failed_says_so_instead_of_asking_to_track_it(
    tmp_path: Path,
) -> None:
    # `history URL` after `track URL` answered 404 twice told the user to run `track`.
    url = "https://courier.example/local/gone"
    with Store.open(tmp_path / "v.db") as store:
        for at in ("2026-05-24T10:00:00.000Z", "2026-05-24T11:00:00.000Z"):
            store.record_failure(
                url, at, "the server answered 404 Not Found for " + url, status=404
            )
        with pytest.raises(StoreError) as raised:
            store.require_story(url)
    line = raised.value.one_line()
    assert "2 fetches since 2026-05-24 10:00 failed" in line and "404" in line, line
    assert "run `storydiff track" not in line


def test_an_edit_in_the_second_the_page_was_fetched_is_fetched_next_time(
    tmp_path: Path,
) -> None:
    # A newsroom that republished within the second of a fetch kept its Last-Modified date
    # (whole seconds), so `track` asked If-Modified-Since with it and got 304 for the new
    # text until the next edit: the last version of a story was never stored.
    from email.utils import formatdate, parsedate_to_datetime

    from pytest_httpserver import HTTPServer
    from werkzeug import Request, Response

    from compare.model import LoadOptions
    from compare.track import TrackOptions, track

    stamp = formatdate(int(time.time()) + 1, usegmt=True)  # the second the page was edited
    page = {"html": article_html(TITLE, BASE)}

    def answer(request: Request) -> Response:
        since = request.headers.get("If-Modified-Since")
        if since and parsedate_to_datetime(since) >= parsedate_to_datetime(stamp):
            return Response(status=304)
        return Response(page["html"], content_type="text/html", headers={"Last-Modified": stamp})

    options = TrackOptions(host_delay=0.0, load=LoadOptions(retries=0, read_timeout=5))
    with HTTPServer(host="127.0.0.1", port=0) as server, Store.open(tmp_path / "v.db") as store:
        server.expect_request("/ferry").respond_with_handler(answer)
        url = server.url_for("/ferry")
        assert track([url], store, options).new == 1
        page["html"] = article_html(TITLE, versions()[1][1])  # 14 workers -> 16, same second
        assert track([url], store, options).new == 1
        assert len(store.history(store.require_story(url))) == 2


@pytest.mark.parametrize(
    "pasted",
    [
        "http://courier.example/local/ferry-terminal",
        "https://www.courier.example/local/ferry-terminal/",
        "https://courier.example/local/ferry-terminal/index.html?ref=home",
    ],
)
def test_an_address_a_paste_changed_names_the_story_the_store_holds(
    store: Store, pasted: str
) -> None:
    # `history http://…` of a story tracked at https://… said only "no stored versions —
    # run `storydiff track URL` first", and tracking it again would start a second story.
    add(store, TITLE, BASE, "2026-05-24T10:00:00.000Z")
    with pytest.raises(StoreError) as raised:
        store.require_story(pasted)
    assert raised.value.exit_code == ExitCode.INPUT
    assert raised.value.one_line() == (
        f"no stored versions of {pasted} in {store.path}, but it holds {URL} — pass that "
        "address, or run `storydiff track URL` to follow this one as a story of its own"
    )
    with pytest.raises(StoreError) as other:
        store.require_story("https://courier.example/local/bridge")
    assert "but it holds" not in other.value.one_line()


def test_a_url_never_fetched_is_told_so_at_any_of_its_addresses(store: Store) -> None:
    # `history` with no URL lists it by its canonical address; `history` with that address
    # said "run track first" (found by a review): the lookups are one now.
    store.record_failure(
        "https://Example.org/a?utm_source=x", "2026-05-24T10:05:00.000Z", "HTTP 404", status=404
    )
    assert [e["url"] for e in store.never_fetched()] == ["https://example.org/a"]
    for url in ("https://example.org/a", "https://Example.org/a?utm_source=x"):
        with pytest.raises(NotStoredError, match="its fetch since 2026-05-24 10:05 failed"):
            store.require_story(url)


@pytest.mark.parametrize(
    ("url", "shown", "key"),
    [
        ("https://A.example:443/x?b=1&utm_medium=e#f", "https://a.example/x?b=1", None),
        ("http://h/a?tag=a,b&utm_source=x", "http://h/a?tag=a,b", "http://h/a?tag=a%2Cb"),
        ("http://h/a?q=a+b&x=%7E&utm%5Fsource=1", "http://h/a?q=a+b&x=%7E", "http://h/a?q=a+b&x=~"),
        ("HTTP://User:pw@Host.EXAMPLE:80/A?#x", "http://host.example/A", None),
        ("http://h/a?a=1&utm_x=&b&&", "http://h/a?a=1&b", "http://h/a?a=1&b="),
    ],
)
def test_one_function_drops_tracking_parameters_for_the_shown_form_and_the_key(
    url: str, shown: str, key: str | None
) -> None:
    # without_tracking and canonical_url each filtered the query their own way, and a track
    # line showed the one while its error showed the other.
    assert shown_url(url) == shown
    assert canonical_url(url) == canonical_url(shown) == (key or shown)


def test_compare_reads_stored_versions_from_the_db_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # load(spec, db=) could, compare("URL@1", "URL@2") could not: `db` went to CompareOptions.
    from compare import compare_many

    monkeypatch.delenv("STORYDIFF_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # no default store to find
    db = tmp_path / "news.db"
    pages = versions()
    with Store.open(db) as store:
        add(store, *pages[0], "2026-05-24T10:00:00.000Z")
        add(store, *pages[3], "2026-05-24T11:00:00.000Z")
    comparison = compare(f"{URL}@1", f"{URL}@latest", db=db, threshold=0.6)
    assert comparison.old.title == TITLE and comparison.new.title == pages[3][0]
    assert comparison.options.threshold == 0.6 and comparison.summary.changed
    assert compare(f"{URL}@1", f"{URL}@2", db=str(db)).summary.changed
    coverage = compare_many([f"{URL}@1", f"{URL}@2"], db=db)
    assert [d.title for d in coverage.documents] == [TITLE, pages[3][0]]
    with pytest.raises(StoreError):
        compare(f"{URL}@1", f"{URL}@2", db=tmp_path / "none.db")


# ---- a page an upgraded storydiff reads differently ------------------------------------------

PULL_QUOTE = "We lose a piece of the town."
COMMENTS = [
    f"Reader comment {n}: the ferry was how my grandparents met, and I will miss the "
    "morning crossing more than I can say in a few words here."
    for n in range(12)
]


def _page(paragraphs: list[str] = BASE, encoding: str = "utf-8") -> tuple[bytes, Document]:
    """A page's bytes and the document this storydiff reads from them."""
    from compare.extract import extract
    from compare.sources import stored_snapshot

    raw = article_html(TITLE, paragraphs, URL).encode(encoding)
    provenance = Provenance(
        spec=URL, url=URL, status=200, content_type="text/html", encoding=encoding
    )
    return raw, extract(stored_snapshot(raw, provenance))


def _older(document: Document, extra: list[str]) -> Document:
    """The same page as an older storydiff read it: with a pull quote (or a comment thread)
    that this one leaves out."""
    kept = tuple(Paragraph(p, tuple(split_sentences(p))) for p in extra)
    return replace(document, paragraphs=(*document.paragraphs[:2], *kept, *document.paragraphs[2:]))


def _reader() -> Reader:
    from compare.model import LoadOptions
    from compare.track import reader

    return reader(LoadOptions())


def test_a_page_an_upgrade_reads_differently_is_no_new_version(store: Store) -> None:
    raw, current = _page()
    first = store.observe([URL], _older(current, [PULL_QUOTE]), raw, "2026-05-24T10:00:00.000Z")
    story = first.story
    [before] = store.history(story)
    seen = store.observe(
        [URL],
        current,
        raw,
        "2026-05-24T11:00:00.000Z",
        summarize=summarizer_default,
        reread=_reader(),
    )
    assert seen.outcome == "reread"
    [after] = store.history(story)
    assert (after.id, after.number, after.first_seen) == (before.id, 1, before.first_seen)
    assert after.last_seen == "2026-05-24T11:00:00.000Z" and after.changes is None
    assert after.word_count == current.word_count < before.word_count
    # The stored document is the new reading of the stored page; the page itself is kept.
    assert [p.text for p in store.document(after).paragraphs] == [
        p.text for p in current.paragraphs
    ]
    assert store.raw(after) == raw
    assert [f["outcome"] for f in store.fetches(story)] == ["new", "reread"]
    # Like for like from now on: the page again is unchanged, an edit a new version.
    again = store.observe([URL], current, raw, "2026-05-24T12:00:00.000Z", reread=_reader())
    assert again.outcome == "unchanged"
    edited_raw, edited = _page([BASE[0], BASE[1].replace("14", "16"), *BASE[2:]])
    edit = store.observe(
        [URL],
        edited,
        edited_raw,
        "2026-05-24T13:00:00.000Z",
        summarize=summarizer_default,
        reread=_reader(),
    )
    assert edit.outcome == "new" and edit.version is not None
    assert edit.version.changes is not None
    counts = edit.version.changes["paragraphs"]
    assert (counts["reworded"], counts["added"], counts["removed"]) == (1, 0, 0)


def test_a_reading_an_upgrade_shrank_is_not_held_as_a_suspect_shrink(store: Store) -> None:
    # The older storydiff kept a comment thread as article text: the new reading is under
    # half as long, which would be held as a suspect paywall, then filed as a deletion.
    raw, current = _page()
    store.observe([URL], _older(current, COMMENTS), raw, "2026-05-24T10:00:00.000Z")
    seen = store.observe([URL], current, raw, "2026-05-24T11:00:00.000Z", reread=_reader())
    assert seen.outcome == "reread"
    [version] = store.history(seen.story)
    assert version.word_count == current.word_count


def test_an_older_capture_read_differently_moves_the_first_seen_time_back(store: Store) -> None:
    # A Wayback capture from before the page was tracked, of the same text: the version
    # was first seen then, as for a capture read the same way.
    raw, current = _page()
    store.observe([URL], _older(current, [PULL_QUOTE]), raw, "2026-05-24T10:00:00.000Z")
    seen = store.observe(
        [URL], current, raw, "2026-05-24T08:00:00.000Z", source="wayback", reread=_reader()
    )
    assert seen.outcome == "reread"
    [version] = store.history(seen.story)
    assert version.first_seen == "2026-05-24T08:00:00.000Z"
    assert version.word_count == current.word_count


def test_a_stored_page_read_with_a_charset_told_better_now_is_no_new_version(
    store: Store,
) -> None:
    # An older storydiff took a UTF-8 page for cp1252 ("cafÃ©"); this one reads it right.
    paragraphs = [*BASE[:2], "Ana Petrak has run the caf\u00e9 by the pier since 2009.", *BASE[3:]]
    raw, current = _page(paragraphs)
    provenance = replace(current.provenance, encoding="cp1252")
    from compare.extract import extract
    from compare.model import LoadOptions
    from compare.sources import stored_snapshot
    from compare.track import reader

    misread = extract(stored_snapshot(raw, provenance))
    assert "caf\u00c3\u00a9" in misread.paragraphs[2].text
    store.observe([URL], misread, raw, "2026-05-24T10:00:00.000Z")
    seen = store.observe(
        [URL], current, raw, "2026-05-24T11:00:00.000Z", reread=reader(LoadOptions(), "utf-8")
    )
    assert seen.outcome == "reread"
    [version] = store.history(seen.story)
    assert "caf\u00e9" in store.document(version).paragraphs[2].text


def test_a_version_whose_page_is_missing_or_unreadable_now_is_filed_as_before(
    store: Store,
) -> None:
    raw, current = _page()
    first = store.observe([URL], _older(current, [PULL_QUOTE]), raw, "2026-05-24T10:00:00.000Z")
    store.connection.execute("UPDATE versions SET raw = NULL")
    seen = store.observe([URL], current, raw, "2026-05-24T11:00:00.000Z", reread=_reader())
    assert seen.outcome == "new"
    # A stored page this storydiff cannot read at all: no reading, so a new version.
    unreadable = b"<html><body><nav>Home</nav></body></html>"
    store.observe([URL], _older(current, COMMENTS[:1]), unreadable, "2026-05-24T12:00:00.000Z")
    later = store.observe([URL], current, raw, "2026-05-24T13:00:00.000Z", reread=_reader())
    assert later.outcome == "new"
    assert len(store.history(first.story)) == 4


def test_stored_versions_compare_as_this_storydiff_reads_their_pages(tmp_path: Path) -> None:
    # Version 1 was stored by an older storydiff that kept a pull quote; version 2, an
    # edit, by this one. Comparing them must show the edit alone, not the quote "removed".
    db = tmp_path / "v.db"
    raw, current = _page()
    edited_raw, edited = _page([BASE[0], BASE[1].replace("14", "16"), *BASE[2:]])
    with Store.open(db) as store:
        store.observe([URL], _older(current, [PULL_QUOTE]), raw, "2026-05-24T10:00:00.000Z")
        store.observe([URL], edited, edited_raw, "2026-05-24T11:00:00.000Z")
    comparison = compare(f"{URL}@1", f"{URL}@2", db=db)
    counts = comparison.summary.paragraphs
    assert (counts["reworded"], counts["removed"], counts["added"]) == (1, 0, 0), counts
    assert PULL_QUOTE not in [p.text for p in comparison.old.paragraphs]
    assert comparison.old.provenance.spec == f"{URL}@1" and comparison.old.provenance.version == 1
    with Store.open(db) as store:
        html = render_story(store, store.require_story(URL), generated_at="2026-05-25T00:00:00Z")
    assert PULL_QUOTE not in html
    # A library caller still gets the reading that was stored, when it asks for it, and
    # a page that cannot be read now leaves the stored reading in place.
    stored = resolve_version_spec(f"{URL}@1", db)
    assert stored is not None and PULL_QUOTE in [p.text for p in stored.paragraphs]
    unread = resolve_version_spec(f"{URL}@1", db, lambda document, page: iter(()))
    assert unread is not None and PULL_QUOTE in [p.text for p in unread.paragraphs]


def test_a_suspect_shrink_confirmed_after_an_upgrade_is_filed_from_when_it_was_seen(
    store: Store,
) -> None:
    # A paywall teaser held as suspect by an older storydiff, then fetched again by an
    # upgraded one: the same teaser, so it is confirmed, first seen when it was held.
    raw, current = _page()
    store.observe([URL], current, raw, "2026-05-24T10:00:00.000Z")
    teaser_raw, teaser = _page(TEASER)
    held = store.observe(
        [URL], _older(teaser, ["Subscribe now."]), teaser_raw, "2026-05-24T11:00:00.000Z"
    )
    assert held.outcome == "suspect"
    seen = store.observe([URL], teaser, teaser_raw, "2026-05-24T12:00:00.000Z", reread=_reader())
    assert seen.outcome == "new" and seen.version is not None
    assert seen.version.first_seen == "2026-05-24T11:00:00.000Z"


def test_an_edit_first_seen_by_an_upgraded_storydiff_is_summarised_alone(store: Store) -> None:
    # The first fetch after the upgrade also brings a real edit: a new version, whose
    # summary is the edit, not the pull quote (or the comments) the older storydiff kept.
    raw, current = _page()
    edited_raw, edited = _page([BASE[0], BASE[1].replace("14", "16"), *BASE[2:]])
    for older, at in (([PULL_QUOTE], "10"), (COMMENTS, "12")):
        first = store.observe(
            [f"{URL}/{at}"], _older(current, older), raw, f"2026-05-24T{at}:00:00.000Z"
        )
        seen = store.observe(
            [f"{URL}/{at}"],
            edited,
            edited_raw,
            f"2026-05-24T{at}:30:00.000Z",
            summarize=summarizer_default,
            reread=_reader(),
        )
        assert seen.outcome == "new" and seen.version is not None, older
        assert seen.version.changes is not None
        counts = seen.version.changes["paragraphs"]
        assert (counts["reworded"], counts["added"], counts["removed"]) == (1, 0, 0)
        assert len(store.history(first.story)) == 2


# From review3: the readings are taken before the write lock, and the nearest one is kept.

OLD_TERMINAL = ["The ferry terminal will close for repairs in March, the council said.", "PULL"]
NEW_TERMINAL = ["The ferry terminal will close for repairs in March, the council said."]
APRIL = "The ferry terminal will close for repairs in April, the council said."


def test_another_writer_is_not_locked_out_while_a_stored_page_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Reading a stored page again is an extraction (24 s for a 5 MB page here, up to 8 of
    # them per fetch): done inside observe's write transaction, every other storydiff
    # writing to the file (a second track, a cron) waits for it, and gives up after
    # BUSY_TIMEOUT with 'the store is busy'.
    monkeypatch.setattr("compare.store.BUSY_TIMEOUT", 0.2)
    db = tmp_path / "v.db"
    failed: list[str] = []

    def slow_reread(stored: Document, raw: bytes) -> Iterator[Document]:
        with Store.open(db) as other:  # another process, meanwhile
            try:
                other.record_failure("https://other.example/a", "2026-01-02T00:00:01Z", "x")
            except StoreError as error:
                failed.append(error.one_line())
        yield doc("Terminal", NEW_TERMINAL)

    with Store.open(db) as store:
        store.observe([URL], doc("Terminal", OLD_TERMINAL), b"<p>page</p>", "2026-01-01T00:00:00Z")
        observation = store.observe(
            [URL],
            doc("Terminal", NEW_TERMINAL),
            b"<p>page</p>",
            "2026-01-02T00:00:00Z",
            reread=slow_reread,
        )
        assert observation.outcome == "reread"
    assert failed == []


def test_a_version_filed_while_its_page_was_read_again_is_read_in_the_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process files a version while this one reads the stored page outside the
    # lock: the reading is of a version no longer the one compared with, so the new one
    # is read inside (and named), rather than the stale reading used.
    monkeypatch.setattr("compare.store.BUSY_TIMEOUT", 0.2)
    db = tmp_path / "v.db"
    read: list[str | None] = []

    def reader(stored: Document, raw: bytes) -> Iterator[Document]:
        read.append(stored.paragraphs[-1].text)
        if len(read) == 1:
            with Store.open(db) as other:
                other.observe([URL], doc("Terminal", [APRIL]), b"<p>2</p>", "2026-01-01T12:00:00Z")
        yield doc("Terminal", NEW_TERMINAL)

    with Store.open(db) as store:
        store.observe([URL], doc("Terminal", OLD_TERMINAL), b"<p>page</p>", "2026-01-01T00:00:00Z")
        seen = store.observe(
            [URL], doc("Terminal", NEW_TERMINAL), b"<p>3</p>", "2026-01-02T00:00:00Z", reread=reader
        )
        assert read == ["PULL", APRIL]
        assert seen.outcome == "reread" and seen.version is not None
        assert seen.version.number == 2
        assert len(store.history(seen.story)) == 2


def test_an_edit_seen_with_a_charset_told_better_now_is_summarised_alone(tmp_path: Path) -> None:
    # An older storydiff took a UTF-8 page for cp1252 ("cafÃ©"); the first fetch after the
    # upgrade, read right, also brings a real edit (14 -> 16 workers). The summary should
    # name the edit alone, as it does after an upgrade that changed anything else: it was
    # made against the stored page read with the charset it was stored with (the misreading
    # again), so the cafe paragraph counts as reworded too.
    from compare.extract import extract
    from compare.model import LoadOptions
    from compare.sources import stored_snapshot
    from compare.track import reader

    cafe = "Ana Petrak has run the caf\u00e9 by the pier since 2009."
    paragraphs = [*BASE[:2], cafe, *BASE[3:]]
    raw, current = _page(paragraphs)
    misread = extract(stored_snapshot(raw, replace(current.provenance, encoding="cp1252")))
    assert "caf\u00c3\u00a9" in misread.paragraphs[2].text
    edited_raw, edited = _page([paragraphs[0], paragraphs[1].replace("14", "16"), *paragraphs[2:]])
    with Store.open(tmp_path / "v.db") as store:
        store.observe([URL], misread, raw, "2026-05-24T10:00:00.000Z")
        seen = store.observe(
            [URL],
            edited,
            edited_raw,
            "2026-05-24T11:00:00.000Z",
            summarize=summarizer_default,
            reread=reader(LoadOptions(), "utf-8"),
        )
    assert seen.outcome == "new" and seen.version is not None
    assert seen.version.changes is not None
    counts = seen.version.changes["paragraphs"]
    assert (counts["reworded"], counts["added"], counts["removed"]) == (1, 0, 0)


def test_a_late_answer_read_differently_names_the_version_it_refreshed(store: Store) -> None:
    # A request sent before v2 was seen answers late with v1's page, which this storydiff
    # reads without the pull quote: v1 takes the new reading, and the fetch names v1.
    raw, current = _page()
    edited_raw, edited = _page([BASE[0], BASE[1].replace("14", "16"), *BASE[2:]])
    store.observe([URL], _older(current, [PULL_QUOTE]), raw, "2026-05-24T10:00:00.000Z")
    store.observe([URL], edited, edited_raw, "2026-05-24T10:01:00.000Z")
    late = store.observe(
        [URL],
        current,
        raw,
        "2026-05-24T10:01:00.200Z",
        sent_at="2026-05-24T10:00:59.900Z",
        reread=_reader(),
    )
    assert late.outcome == "reread" and late.version is not None
    assert late.version.number == 1 and late.version.word_count == current.word_count
    assert [f["version"] for f in store.export(late.story)["fetches"]] == [1, 2, 1]
