"""The parent's work before it hands a comparison's documents to the facets worker
(speedload18): records built without per-class generated methods, and the plain-text
loader's shortcuts, each the same as what it replaced."""

from __future__ import annotations

import dataclasses
import difflib
import inspect
import random
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

import compare
from compare import model, sources, text
from compare.extract import blocks
from compare.extract.blocks import Cleaned, Metadata

RECORDS = [
    model.Provenance,
    model.Snapshot,
    model.Paragraph,
    model.Document,
    model.WordOp,
    model.Block,
    model.SentenceBlock,
    model.Change,
    model.CompareOptions,
    model.Summary,
    model.Comparison,
    model.LoadOptions,
    Metadata,
    Cleaned,
]


def _twin(cls: type) -> type:
    """The class as ``@dataclass(frozen=True)`` would make it, every method generated."""
    return dataclasses.make_dataclass(
        cls.__name__,
        [
            (
                f.name,
                f.type,
                dataclasses.field(default=f.default, default_factory=f.default_factory),
            )
            for f in dataclasses.fields(cls)
        ],
        frozen=True,
    )


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_records_have_no_generated_methods(cls: type) -> None:
    # The dataclass compiled __init__, __setattr__ and __delattr__ for each class at every
    # start (~30M instructions); _Record has them once for all, or the class writes its own.
    assert dataclasses.is_dataclass(cls)
    assert "__setattr__" not in vars(cls) and "__delattr__" not in vars(cls)
    init = vars(cls).get("__init__", model._Record.__init__)
    assert init.__code__.co_filename == model.__file__


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_records_bind_their_fields_as_the_dataclass_did(cls: type) -> None:
    twin = _twin(cls)
    fields = dataclasses.fields(cls)
    required = [
        f.name
        for f in fields
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    values = {f.name: f"value of {f.name}" for f in fields}
    # All by position, all by name (in reverse), the required ones only, by name.
    calls: list[tuple[tuple[object, ...], dict[str, object]]] = [
        (tuple(values.values()), {}),
        ((), dict(reversed(values.items()))),
        ((), {name: values[name] for name in required}),
    ]
    if required:
        calls.append(((values[required[0]],), {n: values[n] for n in required[1:]}))
    for args, kwargs in calls:
        record, expected = cls(*args, **kwargs), twin(*args, **kwargs)
        assert list(vars(record)) == [f.name for f in fields]  # in order, as the dataclass
        for f in fields:
            mine, theirs = getattr(record, f.name), getattr(expected, f.name)
            if f.default_factory is not dataclasses.MISSING and f.name not in kwargs:
                assert type(mine) is type(theirs)  # a fresh one each (Provenance, a dict)
            else:
                assert mine == theirs
    # The same errors (their messages name the class alike).
    bad_calls: list[tuple[tuple[object, ...], dict[str, object]]] = [
        ((), {"no_such_field": 1, **{n: values[n] for n in required}}),
        ((*values.values(), "one too many"), {}),
    ]
    if required:
        bad_calls += [((), {}), ((values[required[0]],), {required[0]: 1})]
    for args, kwargs in bad_calls:
        with pytest.raises(TypeError) as mine_error:
            cls(*args, **kwargs)
        with pytest.raises(TypeError) as their_error:
            twin(*args, **kwargs)
        assert (
            str(mine_error.value).split(".__init__()")[1]
            == str(their_error.value).split(".__init__()")[1]
        )


@pytest.mark.parametrize(
    "cls",
    [c for c in RECORDS if "__init__" in vars(c)],
    ids=lambda cls: cls.__name__,
)
def test_written_out_inits_match_the_fields(cls: type) -> None:
    # Paragraph, WordOp, Block, SentenceBlock, Change: made by the thousand, each with its
    # own __init__, which must take the fields in order with their defaults.
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    assert [(p.name, p.default) for p in parameters] == [
        (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
        for f in dataclasses.fields(cls)
    ]


def test_records_stay_frozen() -> None:
    paragraph = model.Paragraph("One.", ("One.",))
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'text'"):
        paragraph.text = "Two."  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'text'"):
        del paragraph.text  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        paragraph.other = 1  # type: ignore[attr-defined]
    document = model.Document((paragraph,), description="Fares rise")
    assert document.standfirst == "Fares rise"  # cached_property writes past __setattr__
    assert dataclasses.replace(document, title="T").title == "T"
    assert document.provenance == model.Provenance(spec="")
    assert document.provenance is not model.Document(()).provenance


def test_loading_a_plain_text_imports_no_notes_datetime_or_difflib(tmp_path: Path) -> None:
    # compare.notes (and datetime, which it and the file's time stamp used to bring) are
    # needed by no plain-text load: ~9M instructions off the parent's work before the
    # handover. Nor is the tokenizer's pattern compiled (~1.7M), nor difflib imported where
    # the standfirst check's first two paragraphs are too unlike to match (~3M).
    story = tmp_path / "story.txt"
    paragraphs = [
        "The council raised ferry fares by 4% on Monday, the second rise in a decade.",
        # (An opening sentence far shorter than the first one: no standfirst, told
        # without matching them.)
        "Officials blamed fuel. Its cost had grown faster than fares since the spring.",
        "Passengers on the early crossing called the rise steep and said they would drive.",
        "A spokesman for the operator said timetables would not change before the summer.",
        "The harbour board meets again in June to review the prices for freight vehicles.",
        "Local traders fear fewer visitors will make the trip across during the festival.",
    ]
    # A form feed breaks a paragraph as a blank line does.
    story.write_text(
        "Ferry fares rise\n\n" + "\n\n".join(paragraphs[:3]) + "\f" + "\n\n".join(paragraphs[3:]),
        encoding="utf-8",
    )
    code = (
        "import sys, compare, compare.text as text\n"
        f"document = compare.load({str(story)!r})\n"
        "print(sorted({'compare.notes', 'datetime', 'difflib'} & set(sys.modules)))\n"
        "print(text._TOKEN.cache_info().currsize)\n"
        "print(document.provenance.fetched_at)\n"
        "print(len(document.paragraphs))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[:2] == ["[]", "0"]
    mtime = story.stat().st_mtime
    assert out[2] == datetime.fromtimestamp(mtime, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert out[3] == "6"


@pytest.mark.parametrize(
    "timestamp",
    [0.0, -0.0, 1.9999995, 1.9999994999, -1.9999995, -0.0000004, -0.0000005, -0.0000006]
    + [1_700_000_000 + f for f in (0.4999995, 0.9999995, 0.99999949, 0.9999996, 5e-7)]
    + [-86_400.5, 253_402_300_799.0],
)
def test_file_time_is_datetimes(timestamp: float) -> None:
    expected = datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert sources._utc_second(timestamp) == expected


def test_file_time_is_datetimes_everywhere() -> None:
    rng = random.Random(18)
    for _ in range(20_000):
        timestamp = rng.uniform(-2e9, 4e9)
        if rng.random() < 0.5:  # near a second's end, where rounding carries
            timestamp = int(timestamp) + rng.choice((0.9999995, 0.99999949, 0.9999996))
        expected = datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        assert sources._utc_second(timestamp) == expected, timestamp


def test_block_methods_are_the_dataclass_ones() -> None:
    from compare.extract.blocks import Block

    twin = dataclasses.make_dataclass(
        "Block", [("text", str), ("role", str, "p"), ("link_chars", int, 0)]
    )
    for args in (("One.",), ("Two.", "head"), ("Three.", "p", 4)):
        mine, theirs = Block(*args), twin(*args)  # type: ignore[arg-type]
        assert repr(mine) == repr(theirs)
        assert vars(mine) == vars(theirs)
        assert mine == Block(*args) and mine != Block("Other.")  # type: ignore[arg-type]
        assert mine != theirs  # another class
        assert dataclasses.replace(mine, text="New.").text == "New."
        with pytest.raises(TypeError):
            hash(mine)  # mutable: unhashable, as the dataclass made it


@pytest.mark.parametrize(
    ("content", "blank"),
    [
        (b"", True),
        (b" \t\r\n\f\v", True),
        ("\u00a0\n\ufeff \u00a0".encode(), True),
        (b"\n\n Ferry fares rise.", False),
        ("\u00a0 \u201cFares rise,\u201d the council said.".encode(), False),
        (b"\xff\xfe", True),  # a BOM alone: UTF-16 holding nothing
        ("caf\u00e9 au lait".encode("cp1252"), False),
    ],
)
def test_a_blank_file_is_still_told_without_decoding_it(
    tmp_path: Path, content: bytes, blank: bool
) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    if blank:
        with pytest.raises(sources.InputError, match=r"is empty|holds only whitespace"):
            sources.read(str(path), model.LoadOptions())
    else:
        snapshot = sources.read(str(path), model.LoadOptions())
        assert snapshot.content == content


def _near_by_matching(a: str, b: str, ratio: float = 0.85) -> bool:
    wa, wb = blocks._words(a), blocks._words(b)
    if not wa or not wb:
        return False
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio() >= ratio


def _covers_by_matching(short: str, long: str, share: float = 0.9, min_words: int = 8) -> bool:
    ws, wl = blocks._words(short), blocks._words(long)
    if len(ws) < min_words or not wl:
        return False
    matcher = difflib.SequenceMatcher(None, ws, wl, autojunk=False)
    return sum(m.size for m in matcher.get_matching_blocks()) >= share * len(ws)


def test_near_and_covers_answer_as_matching_all_did() -> None:
    # Their bounds (the shorter side all matched; the words both have) only spare matching
    # where it cannot reach the threshold.
    rng = random.Random(18)
    vocabulary = [
        "the",
        "council",
        "ferry",
        "fares",
        "rise",
        "said",
        "on",
        "Monday",
        "by",
        "4%",
        "and",
        "a",
        "new",
        "plan",
    ]
    for _ in range(4_000):
        a = " ".join(rng.choices(vocabulary, k=rng.randint(0, 30)))
        if rng.random() < 0.5:  # an edited copy: near, or covering, often
            words = a.split()
            for _ in range(rng.randint(0, 4)):
                if words:
                    words[rng.randrange(len(words))] = rng.choice(vocabulary)
            b = " ".join(words[: rng.randint(0, len(words))] if rng.random() < 0.3 else words)
        else:
            b = " ".join(rng.choices(vocabulary, k=rng.randint(0, 30)))
        for ratio in (0.85, 0.9, 0.5):
            assert blocks._near(a, b, ratio) == _near_by_matching(a, b, ratio), (a, b, ratio)
        for share in (0.9, 0.6):
            assert blocks._covers(a, b, share) == _covers_by_matching(a, b, share), (a, b)
            assert blocks._covers(b, a, share) == _covers_by_matching(b, a, share), (a, b)


def _long_story(seed: int) -> str:
    rng = random.Random(seed)
    words = [
        "council",
        "ferry",
        "fares",
        "rise",
        "said",
        "Monday",
        "harbour",
        "board",
        "crossing",
        "costs",
        "fuel",
    ]
    return "\n\n".join(
        " ".join(rng.choice(words) for _ in range(rng.randint(3, 80))).capitalize() + "."
        for _ in range(60)
    )


def test_a_later_version_loads_as_it_would_alone(tmp_path: Path) -> None:
    # Clean-up remembers the long paragraphs it kept (LONG_PARAGRAPHS): a later version's
    # are kept without being read again, and must come out as they would have.
    old = _long_story(1)
    paragraphs = old.split("\n\n")
    paragraphs[3] = paragraphs[3].replace(" ", "  ", 1)  # no longer clean as it stands
    paragraphs[7] = "Reporting by Ana Ruiz"
    new = "\n\n".join([*paragraphs[:20], *paragraphs[25:], "An added closing line."])
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    pages = sorted(Path(__file__).parent.parent.glob("fixtures/*/v*.html"))
    sources_ = [str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), *map(str, pages)]
    alone = {}
    for source in sources_:
        blocks.LONG_PARAGRAPHS.clear()
        alone[source] = compare.load(source)
    blocks.LONG_PARAGRAPHS.clear()
    for source in sources_:  # each after all the ones before
        assert compare.load(source) == alone[source], source
    assert blocks.LONG_PARAGRAPHS  # (the test reads some again)


def test_only_paragraphs_of_a_paragraph_s_length_are_remembered(tmp_path: Path) -> None:
    # A long-running process (track, watch) keeps what it remembers until 8,192 more have
    # come: a page that is one huge block of text is not kept with them.
    sentence = "The council said the plan would cost more than the town had set aside"
    ordinary = " ".join([sentence] * 4) + "."
    huge = " ".join([sentence] * 2000) + "."
    (tmp_path / "page.txt").write_text(f"{ordinary}\n\n{huge}\n", encoding="utf-8")
    blocks.LONG_PARAGRAPHS.clear()
    loaded = compare.load(str(tmp_path / "page.txt"))
    assert [p.text for p in loaded.paragraphs] == [ordinary, huge]
    assert list(blocks.LONG_PARAGRAPHS) == [ordinary]
    blocks.LONG_PARAGRAPHS.clear()


def test_signature_shows_the_fields() -> None:
    for cls in RECORDS:
        assert str(inspect.signature(cls)) == str(inspect.signature(_twin(cls))), cls


def test_full_stops_are_found_as_with_an_optional_group() -> None:
    # _FULL_STOP's "stop" group is made optional by an empty alternative (cheaper in re's
    # engine than "?"): the same matches, spans and groups.
    pattern = text._FULL_STOP.pattern
    assert pattern.endswith("|)")
    start = pattern.index("(?:(?P<stop>")
    with_question_mark = re.compile(pattern[:start] + pattern[start + 3 : -2] + "?")
    rng = random.Random(18)
    words = [*text._LOWER_ENDED_ABBREVIATIONS, "the", "U.S", "Inc", "said", "x", "ABC", "3", "été"]
    marks = ["", ".", '."', ".)", "!", ".»", ". »", "...", ".”"]
    samples = [_long_story(seed) for seed in range(3)]
    for _ in range(20_000):
        sample = " ".join(rng.choice(words) + rng.choice(marks) for _ in range(rng.randint(1, 6)))
        samples.append(sample.capitalize() if rng.random() < 0.3 else sample)
    for sample in samples:
        assert [(m.span(), m.lastgroup) for m in text._FULL_STOP.finditer(sample)] == [
            (m.span(), m.lastgroup) for m in with_question_mark.finditer(sample)
        ], sample
