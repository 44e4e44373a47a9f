"""The records of the facets (``Cue``, ``Quote``, ``Attribution``, ``Facets``) are
compare.model's records (see compare/facets/base.py): made without the dataclass compiling
their methods at every start, they bind, compare, hash, show and refuse changes as the
frozen dataclasses they were."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from compare import model
from compare.facets import Attribution, Cue, Facets, Quote, sentence_facets
from compare.facets.base import _FacetRecord

RECORDS = (Cue, Quote, Attribution, Facets)


def _as_dataclass(cls: type) -> Any:
    """The class as ``@dataclass(frozen=True)`` made it before, every method generated."""
    twin = dataclasses.make_dataclass(
        cls.__name__,
        [(f.name, f.type, dataclasses.field(default=f.default)) for f in dataclasses.fields(cls)],
        frozen=True,
    )
    twin.__qualname__ = cls.__qualname__
    return twin


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_the_facets_records_have_no_generated_methods(cls: type) -> None:
    assert dataclasses.is_dataclass(cls) and issubclass(cls, model._Record)
    generated = {"__eq__", "__hash__", "__repr__", "__setattr__", "__delattr__"}
    assert not generated & set(vars(cls))
    # Compared and hashed by their fields' dict, not _Record's generic getters (slower).
    assert cls.__eq__ is _FacetRecord.__eq__ and cls.__hash__ is _FacetRecord.__hash__


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_the_facets_records_behave_as_their_dataclasses_did(cls: type) -> None:
    twin = _as_dataclass(cls)
    fields = dataclasses.fields(cls)
    required = [f.name for f in fields if f.default is dataclasses.MISSING]
    values = {f.name: (f"value of {f.name}",) for f in fields}
    calls: list[tuple[tuple[object, ...], dict[str, object]]] = [
        (tuple(values.values()), {}),
        ((), dict(reversed(values.items()))),
        ((), {name: values[name] for name in required}),
        (tuple(values[name] for name in required), {}),
    ]
    if required:
        calls.append(((values[required[0]],), {n: values[n] for n in required[1:]}))
    for args, kwargs in calls:
        record, expected = cls(*args, **kwargs), twin(*args, **kwargs)
        assert list(vars(record).items()) == list(vars(expected).items())
        assert repr(record) == repr(expected)
        assert hash(record) == hash(expected)
        assert record == cls(*args, **kwargs) and record != expected
        assert dataclasses.replace(record) == record
        assert dataclasses.asdict(record) == dataclasses.asdict(expected)
        name = fields[0].name
        assert record != dataclasses.replace(record, **{name: ("other",)})
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, name, 1)
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(record, name)
    bad_calls: list[tuple[tuple[object, ...], dict[str, object]]] = [
        ((), {"no_such_field": 1, **{n: values[n] for n in required}}),
        ((*values.values(), "one too many"), {}),
    ]
    if required:
        bad_calls += [((), {}), ((values[required[0]],), {required[0]: 1})]
    for args, kwargs in bad_calls:
        with pytest.raises(TypeError) as mine:
            cls(*args, **kwargs)
        with pytest.raises(TypeError) as theirs:
            twin(*args, **kwargs)
        assert str(mine.value) == str(theirs.value)


def test_a_sentence_s_facets_are_read_into_the_records() -> None:
    text = (
        'Police said 40 homes were not flooded, and "we will rebuild," Mayor Ana Ruiz told '
        "reporters, reportedly."
    )
    found = sentence_facets(text)
    assert found.quotes == (Quote("we will rebuild", "Police"),)
    assert found.attributions == (
        Attribution("said", "say", "Police"),
        Attribution("told", "tell", "Mayor Ana Ruiz"),
    )
    assert found.hedges == (Cue("reportedly", "reportedly"),)
    assert found.negations == (
        Cue("were not flooded", "not", ("were", "homes"), counterpart="were flooded"),
    )
    assert found == sentence_facets(text) and hash(found) == hash(sentence_facets(text))
    assert repr(found.hedges[0]) == (
        "Cue(text='reportedly', group='reportedly', before=(), counterpart='', abroad=False)"
    )
