"""The collector pause around heavy stages must always hand the collector back as found."""

from __future__ import annotations

import gc

import pytest

from compare import compare
from compare.gcpause import paused_gc
from compare.model import Document, Paragraph


def _doc(*texts: str) -> Document:
    return Document(tuple(Paragraph(t, (t,)) for t in texts))


def test_collector_is_off_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():  # nested: the inner exit must not switch it back on early
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_error() -> None:
    with pytest.raises(ValueError), paused_gc():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_caller_that_disabled_the_collector_keeps_it_disabled() -> None:
    gc.disable()
    try:
        compare(_doc("One sentence here."), _doc("One sentence there."))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_compare_leaves_the_collector_on() -> None:
    result = compare(_doc("The mayor said ten."), _doc("The mayor said twelve."))
    assert result.summary.changed
    assert gc.isenabled()
