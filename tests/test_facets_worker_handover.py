"""The documents a facets worker forked early is handed (compare/facets_worker.py
``hand_over``): their paragraphs go as their sentences alone, which are all the facets read
of them; a paragraph's text is joined from its sentences if ever asked for
(``_HandedParagraph``)."""

from __future__ import annotations

import marshal
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest
from test_facets_hints import served, speed_pair
from test_facets_read_ahead import parent_messages

from compare import facets_worker, load
from compare.facets_worker import _document, _HandedParagraph, _plain_document
from compare.model import Document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _handed(document: Document) -> Document:
    """A document as the worker reads it back from the shared memory."""
    return _document(marshal.loads(marshal.dumps(_plain_document(document))))


def test_the_hand_over_carries_no_paragraph_text() -> None:
    _, new = speed_pair(40)
    payload = marshal.dumps(_plain_document(new))
    joined = [p for p in new.paragraphs if len(p.sentences) > 1]
    assert joined
    for paragraph in joined:  # (its sentences are there, not their text again)
        assert paragraph.text.encode() not in payload
        assert paragraph.sentences[0].encode() in payload


@pytest.mark.parametrize(
    "page",
    sorted(p for p in FIXTURES.glob("*/*.html") if p.parent.name != "section-front"),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_a_handed_paragraph_gives_its_text_back_when_asked(page: Path) -> None:
    document = load(str(page))
    back = _handed(document)
    assert [type(p) for p in back.paragraphs] == [_HandedParagraph] * len(document.paragraphs)
    assert [(p.text, p.sentences) for p in back.paragraphs] == [
        (p.text, p.sentences) for p in document.paragraphs
    ]
    assert "text" in vars(back.paragraphs[0])  # (made once)
    with pytest.raises(AttributeError):
        back.paragraphs[0].words  # noqa: B018 (only the text is made on demand)


def test_a_handed_paragraph_makes_its_text_with_a_cached_property() -> None:
    # Not with a __getattr__, which every attribute read of the class would go through
    # (the sentences are read ~100,000 times at the 2,000-paragraph pair).
    assert "__getattr__" not in vars(_HandedParagraph)
    assert isinstance(vars(_HandedParagraph)["text"], cached_property)


def test_the_worker_compares_handed_documents_without_reading_a_paragraph_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Spy: what the worker answers for the handed documents is what it answers for the
    originals, and no paragraph's text was made on the way (the hand-over need not carry
    them)."""
    old, new = speed_pair(300)
    messages, _, _ = parent_messages(old, new, every_hint=2)
    expected = served(old, new, bytes(messages), tmp_path / "originals")
    asked: list[_HandedParagraph] = []
    joined = vars(_HandedParagraph)["text"].func

    def spying(self: _HandedParagraph) -> Any:
        asked.append(self)
        return joined(self)

    spy = cached_property(spying)
    spy.__set_name__(_HandedParagraph, "text")
    monkeypatch.setattr(_HandedParagraph, "text", spy)
    assert _handed(old).paragraphs[1].text == old.paragraphs[1].text and len(asked) == 1
    asked.clear()
    requests, answers = tmp_path / "handed.requests", tmp_path / "handed.answers"
    requests.write_bytes(messages)
    with open(requests, "rb") as r, open(answers, "wb") as w:  # (``served`` hashes documents)
        assert facets_worker._serve(_handed(old), _handed(new), r.fileno(), w.fileno()) == 0
    with open(answers, "rb") as r:
        answer = marshal.loads(facets_worker._read(r.fileno(), None) or b"")
    assert answer == expected
    assert expected[0]
    assert asked == []
