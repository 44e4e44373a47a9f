"""review3: failing tests for trackfix (re-reading a stored page) and alignfix."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from history_pages import BASE
from test_store import URL, _page, doc, summarizer_default

from compare.errors import StoreError
from compare.extract import extract
from compare.model import Document, LoadOptions
from compare.sources import stored_snapshot
from compare.store import Store
from compare.track import reader

OLD = ["The ferry terminal will close for repairs in March, the council said.", "PULL QUOTE"]
NEW = ["The ferry terminal will close for repairs in March, the council said."]


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
        yield doc("Terminal", NEW)

    with Store.open(db) as store:
        store.observe([URL], doc("Terminal", OLD), b"<p>page</p>", "2026-01-01T00:00:00Z")
        observation = store.observe(
            [URL],
            doc("Terminal", NEW),
            b"<p>page</p>",
            "2026-01-02T00:00:00Z",
            reread=slow_reread,
        )
        assert observation.outcome == "reread"
    assert failed == []


def test_an_edit_seen_with_a_charset_told_better_now_is_summarised_alone(tmp_path: Path) -> None:
    # An older storydiff took a UTF-8 page for cp1252 ("cafÃ©"); the first fetch after the
    # upgrade, read right, also brings a real edit (14 -> 16 workers). The summary should
    # name the edit alone, as it does after an upgrade that changed anything else: it was
    # made against the stored page read with the charset it was stored with (the misreading
    # again), so the cafe paragraph counts as reworded too.
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
