"""review3: failing tests for trackfix (re-reading a stored page) and alignfix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store import URL, doc

from compare.errors import StoreError
from compare.model import Document
from compare.store import Store

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
            [URL], doc("Terminal", NEW), b"<p>page</p>", "2026-01-02T00:00:00Z",
            reread=slow_reread,
        )
        assert observation.outcome == "reread"
    assert failed == []
