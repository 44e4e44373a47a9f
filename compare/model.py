"""The data that flows through the pipeline: each box of the pipeline is a frozen dataclass.

input spec -> Snapshot -> Document -> Comparison -> renderer

Data flows one way: a later stage never reaches back into an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal, TypeVar

#: How a snapshot's bytes are to be read.
MediaKind = Literal["html", "text", "markdown"]

#: What happened to a paragraph or a sentence between OLD and NEW.
BlockOp = Literal["equal", "reworded", "added", "removed"]

#: One step of a word-level diff.
WordOpKind = Literal["equal", "insert", "delete", "replace"]


class _Record:
    """The methods ``@dataclass(frozen=True)`` writes for each class, written once for the
    records below (``@record`` leaves them to this class): the dataclass compiles each
    method of each class from source at every start. Equality, hash and repr took ~20M
    instructions; ``__init__``, ``__setattr__`` and ``__delattr__`` ~30M more (a sixth of
    what the parent does before it hands a comparison's documents to the facets worker).
    Same results: records are equal when of the same class with equal fields
    (``compare=True`` ones), hash as the tuple of those fields, are built from their fields
    by position or name (defaults filled in) and refuse any attribute set or deleted
    (``FrozenInstanceError``). The records made by the thousand write their own
    ``__init__`` (faster than the generic one here, and than the dataclass's: see
    :func:`made`)."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        object.__setattr__(self, "__dict__", _init_fields(self.__class__, args, kwargs))

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            compared = _compared(self.__class__)
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(_compared(self.__class__, hashed=True)(self))

    def __repr__(self) -> str:
        cls: type = self.__class__
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(cls) if f.repr)
        return f"{cls.__qualname__}({shown})"


#: Per class (and for the hash): a getter of the tuple of fields it compares (hashes).
_GETTERS: dict[tuple[type, bool], Callable[[Any], tuple[Any, ...]]] = {}

#: Per class: its fields' names in order, their defaults, and their default factories.
_INITS: dict[type, tuple[tuple[str, ...], dict[str, Any], dict[str, Callable[[], Any]]]] = {}


def _init_fields(cls: type, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """The fields of a ``cls(*args, **kwargs)``, in order, bound as the dataclass's
    ``__init__`` binds them (with its errors for missing, repeated or unknown arguments)."""
    spec = _INITS.get(cls)
    if spec is None:
        spec = _INITS[cls] = (
            tuple(f.name for f in fields(cls)),
            {f.name: f.default for f in fields(cls) if f.default is not MISSING},
            {f.name: f.default_factory for f in fields(cls) if f.default_factory is not MISSING},
        )
    names, defaults, factories = spec
    if len(args) > len(names):
        least = len(names) - len(defaults) - len(factories)
        takes = (
            f"{len(names) + 1}" if least == len(names) else f"from {least + 1} to {len(names) + 1}"
        )
        raise TypeError(
            f"{cls.__qualname__}.__init__() takes {takes} positional arguments "
            f"but {len(args) + 1} were given"
        )
    values = dict(zip(names, args, strict=False))
    if len(values) == len(names) and not kwargs:  # all by position: in order already
        return values
    for name, value in kwargs.items():
        if name in values:
            raise TypeError(
                f"{cls.__qualname__}.__init__() got multiple values for argument {name!r}"
            )
        values[name] = value
    bound = {}
    missing = []
    for name in names:
        if name in values:
            bound[name] = values.pop(name)
        elif name in defaults:
            bound[name] = defaults[name]
        elif name in factories:
            bound[name] = factories[name]()
        else:
            missing.append(repr(name))
    if values:
        raise TypeError(
            f"{cls.__qualname__}.__init__() got an unexpected keyword argument "
            f"{next(iter(values))!r}"
        )
    if missing:
        listed = " and ".join(missing)  # as Python words it: 'a', 'b', and 'c'
        if len(missing) > 2:
            listed = f"{', '.join(missing[:-1])}, and {missing[-1]}"
        raise TypeError(
            f"{cls.__qualname__}.__init__() missing {len(missing)} required positional "
            f"argument{'s' if len(missing) > 1 else ''}: {listed}"
        )
    return bound


class _Factory:
    """The default shown for a field made by a factory, as the dataclass shows it."""

    def __repr__(self) -> str:
        return "<factory>"


class _FieldsSignature:
    """``inspect.signature`` of a record class: its fields in order, with their defaults."""

    def __get__(self, instance: object, owner: type) -> Any:
        if not hasattr(owner, "__dataclass_fields__"):
            # _Record itself (help() reads every attribute of each class of a record's MRO:
            # fields() of it raised TypeError): None leaves inspect to find the signature.
            return None
        import inspect  # (help() and editors only: not at start-up)

        kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
        return inspect.Signature(
            [
                inspect.Parameter(
                    f.name,
                    kind,
                    default=(
                        f.default
                        if f.default is not MISSING
                        else _Factory()
                        if f.default_factory is not MISSING
                        else inspect.Parameter.empty
                    ),
                    annotation=f.type,
                )
                for f in fields(owner)
            ],
            return_annotation=None,
        )


# What inspect.signature (help(), an editor) shows of a record class: its fields, as the
# dataclass's __init__ took them, not the generic ``(*args, **kwargs)``.
_Record.__signature__ = _FieldsSignature()  # type: ignore[attr-defined]


if TYPE_CHECKING:
    from dataclasses import dataclass as record
else:

    def record(*, frozen: bool, eq: bool, repr: bool):
        """``@dataclass(frozen=True, eq=False, repr=False)`` for a :class:`_Record`, minus
        the methods that class writes once for all (type checkers see the dataclass)."""
        if not frozen or eq or repr:
            raise ValueError("a record is frozen; _Record compares and shows it")
        return dataclass(init=False, eq=False, repr=False)


_Made = TypeVar("_Made")
#: Sets a record's ``__dict__`` in one step (its own ``__setattr__`` refuses).
_set = object.__setattr__


def made(cls: type[_Made], fields: dict[str, Any]) -> _Made:
    """``cls(**fields)`` for a frozen dataclass, ``fields`` naming every field in order: the
    dict becomes the instance's, in one step. The dataclass's ``__init__`` sets each field
    through ``object.__setattr__``, which made the records built by the thousand (blocks,
    word ops, changes, figures) cost more than the work that found them (~9,000-13,000
    instructions a record). For such loops only: tests pin each caller's fields."""
    record = object.__new__(cls)
    object.__setattr__(record, "__dict__", fields)
    return record


def _compared(cls: type, hashed: bool = False) -> Callable[[Any], tuple[Any, ...]]:
    getter = _GETTERS.get((cls, hashed))
    if getter is None:
        names = [
            f.name
            for f in fields(cls)
            # (The fields a dataclass hashes: those it compares, unless told otherwise.)
            if ((f.compare if f.hash is None else f.hash) if hashed else f.compare)
        ]
        # attrgetter of two or more names gives their tuple; of one, the value alone.
        getter = _GETTERS[cls, hashed] = (
            attrgetter(*names)
            if len(names) > 1
            else (lambda o: tuple(getattr(o, n) for n in names))
        )
    return getter


@record(frozen=True, eq=False, repr=False)
class Provenance(_Record):
    """Where a snapshot came from; travels with the document into every output."""

    spec: str
    """The input spec exactly as the user gave it (path, URL, ``-``)."""
    url: str | None = None
    """The final URL after redirects; ``None`` for files and stdin."""
    fetched_at: str | None = None
    """When the bytes were fetched or read, ISO 8601 in UTC (``2026-05-24T10:00:00Z``)."""
    status: int | None = None
    """The HTTP status of the final response; ``None`` for files and stdin."""
    content_type: str | None = None
    """The media type (``text/html``) from the server, or guessed from the file name."""
    encoding: str | None = None
    """The character set the bytes were decoded with."""
    sha256: str = ""
    """Hex sha256 of the raw bytes (after content-encoding is undone)."""
    etag: str | None = None
    """The server's ETag, for conditional requests when tracking."""
    last_modified: str | None = None
    """The server's Last-Modified header, for conditional requests when tracking."""
    # Not in the repr: it is what a report says beside the spec, not where the bytes came from.
    version: int | None = field(default=None, repr=False)
    """The version's number when the document came from the store (``URL@latest``)."""
    first_seen: str | None = field(default=None, repr=False)
    """When that stored version was first seen (UTC, as stored)."""

    def stored_version(self) -> str | None:
        """``version 2 (first seen 2026-05-24 10:00:05 UTC)`` for a stored version, which the
        spec alone (``URL@latest``) does not tell; else ``None``. To the second: versions
        fetched a minute apart are common when tracking."""
        if self.version is None:
            return None
        when = (
            f" (first seen {self.first_seen[:19].replace('T', ' ')} UTC)" if self.first_seen else ""
        )
        return f"version {self.version}{when}"


@record(frozen=True, eq=False, repr=False)
class Snapshot(_Record):
    """The raw bytes of one version of a page, and where they came from."""

    content: bytes
    """The body, decoded from any content-encoding (gzip) but not from its charset."""
    kind: MediaKind
    """How to read the bytes: as HTML, plain text or Markdown."""
    provenance: Provenance
    """Where the bytes came from."""

    def text(self) -> str:
        """The body decoded with the detected character set."""
        return self.content.decode(self.provenance.encoding or "utf-8", errors="replace")


@record(frozen=True, eq=False, repr=False)
class Paragraph(_Record):
    """One paragraph of article text."""

    text: str
    """The paragraph's text, whitespace collapsed to single spaces."""
    sentences: tuple[str, ...]
    """The paragraph split into sentences; joined with single spaces (none after a Chinese or
    Japanese 。！？) they give ``text`` back: see :func:`compare.text.join_sentences`."""

    # (Made by the thousand, as are word ops, blocks and changes: their fields in one step.)
    def __init__(self, text: str, sentences: tuple[str, ...]) -> None:
        _set(self, "__dict__", {"text": text, "sentences": sentences})


@record(frozen=True, eq=False, repr=False)
class Document(_Record):
    """One extracted article: metadata and clean paragraphs."""

    paragraphs: tuple[Paragraph, ...]
    """The article body, in reading order."""
    title: str | None = None
    """The headline."""
    authors: tuple[str, ...] = ()
    """The byline, one name per item."""
    site_name: str | None = None
    """The outlet, from og:site_name, JSON-LD or the host name."""
    published: str | None = None
    """Publication date as given by the page, normalised to ISO 8601 where possible."""
    modified: str | None = None
    """Last-modified date as given by the page."""
    url: str | None = None
    """The canonical URL, else the final fetched URL."""
    language: str | None = None
    """The BCP 47 language tag (``en``, ``ru``), from the page or guessed."""
    description: str | None = None
    """The page's meta description."""
    summary: str | None = None
    """The standfirst the page shows: repeated as the first paragraph (kept here once), or set
    apart under the headline where the description does not say it."""
    provenance: Provenance = field(default_factory=lambda: Provenance(spec=""))
    """Where the page came from."""
    warnings: tuple[str, ...] = ()
    """What a reader must know about where the text came from: see
    :data:`compare.extract.STRUCTURED_BODY_WARNING`."""
    live: bool = False
    """The page is a live blog (JSON-LD ``LiveBlogPosting``, or built as a feed of time-stamped
    ``<article>`` updates): updated as news comes in, with no correction note owed for each
    update."""
    partial: bool = False
    """The text is only the story's opening: the page stops at a subscription wall, its
    download was cut off, or its structured body stops short (one of ``warnings`` says
    which; not a page that says the story goes on at another: a pager in the comments or a
    gallery reads as one too, and a whole story taken for a partial one hides deletions).
    What follows is not shown, not deleted: a comparison reads no edit into the other
    version's paragraphs past this one's end (``Summary.unshown``)."""

    @cached_property  # read by alignment, every view and the store
    def standfirst(self) -> str | None:
        """The line under the headline: the summary the page shows, else its description
        (which most sites write from it, and which a search result or a shared link shows),
        unless that repeats the lede, which the text holds already."""
        if self.summary or not self.description:
            return self.summary
        from compare.text import clean_whitespace  # not at start-up: --help needs none

        key = clean_whitespace(self.description).rstrip(".")
        if any(p.text.rstrip(".") == key for p in self.paragraphs[:3]):
            return None
        return self.description

    @cached_property  # read by the summary and the JSON: worth counting once
    def word_count(self) -> int:
        """Words in the body, each Chinese or Japanese character counted as a word."""
        from compare.text import word_count

        return word_count(" ".join(p.text for p in self.paragraphs))

    @property
    def label(self) -> str:
        """A short name for this version: the site, else the spec as given."""
        return self.site_name or self.provenance.spec or "document"


@record(frozen=True, eq=False, repr=False)
class WordOp(_Record):
    """One step of a word diff. Joining the ``old`` parts rebuilds the old sentence
    exactly, and joining the ``new`` parts the new one, whitespace included."""

    op: WordOpKind
    """``equal``, ``insert`` (only in NEW), ``delete`` (only in OLD) or ``replace``."""
    old: str
    """The OLD text of this step (empty for ``insert``)."""
    new: str
    """The NEW text of this step (empty for ``delete``)."""

    def __init__(self, op: WordOpKind, old: str, new: str) -> None:
        _set(self, "__dict__", {"op": op, "old": old, "new": new})


@record(frozen=True, eq=False, repr=False)
class Block(_Record):
    """One aligned group of paragraphs: a row of the side-by-side view."""

    op: BlockOp
    """What happened to these paragraphs."""
    a: tuple[int, ...]
    """Indices of the OLD paragraphs (empty when added; two or more when merged)."""
    b: tuple[int, ...]
    """Indices of the NEW paragraphs (empty when removed; two or more when split)."""
    similarity: float
    """0..1: how alike the two sides are (1 for ``equal``; 0 for added/removed)."""
    moved: bool = False
    """The paragraph moved relative to the rest of the story."""
    cosmetic: bool = False
    """``equal`` only after normalising whitespace, quotes, dashes and a trailing stop; or,
    on a ``reworded`` split or merge (``a`` and ``b`` differ in length), no word changed:
    only where the paragraphs break."""

    def __init__(
        self,
        op: BlockOp,
        a: tuple[int, ...],
        b: tuple[int, ...],
        similarity: float,
        moved: bool = False,
        cosmetic: bool = False,
    ) -> None:
        _set(
            self,
            "__dict__",
            {
                "op": op,
                "a": a,
                "b": b,
                "similarity": similarity,
                "moved": moved,
                "cosmetic": cosmetic,
            },
        )

    @property
    def unchanged(self) -> bool:
        """Whether no word changed: ``equal``, or a split or merge that moved only where
        the paragraphs break."""
        return self.op == "equal" or self.cosmetic


@record(frozen=True, eq=False, repr=False)
class SentenceBlock(_Record):
    """One aligned group of sentences, possibly across paragraph blocks."""

    op: BlockOp
    """What happened to these sentences."""
    a: tuple[tuple[int, int], ...]
    """``(paragraph, sentence)`` indices in OLD."""
    b: tuple[tuple[int, int], ...]
    """``(paragraph, sentence)`` indices in NEW."""
    similarity: float
    """0..1, as for paragraph blocks."""
    moved: bool = False
    """The sentence left its place in the reading order: to another part of the story, or
    within its paragraph. Not set when it only travelled with its paragraph (the paragraph
    block is ``moved`` then)."""
    cosmetic: bool = False
    """Equal once normalised; on a ``reworded`` split or merge, no word changed."""
    words: tuple[WordOp, ...] = ()
    """The word diff of a reworded pair (empty otherwise)."""

    def __init__(
        self,
        op: BlockOp,
        a: tuple[tuple[int, int], ...],
        b: tuple[tuple[int, int], ...],
        similarity: float,
        moved: bool = False,
        cosmetic: bool = False,
        words: tuple[WordOp, ...] = (),
    ) -> None:
        _set(
            self,
            "__dict__",
            {
                "op": op,
                "a": a,
                "b": b,
                "similarity": similarity,
                "moved": moved,
                "cosmetic": cosmetic,
                "words": words,
            },
        )

    @property
    def differs(self) -> bool:
        """Whether its text differs between the versions (it is not equal, or equal only
        once normalised): only then can its meaning have changed."""
        return self.op != "equal" or self.cosmetic

    def stands_in(self, paragraphs_a: AbstractSet[int], paragraphs_b: AbstractSet[int]) -> bool:
        """Whether every sentence of it is in those paragraphs of OLD and of NEW (of
        ``Summary.unshown``: past a partial version's end)."""
        return all(p in paragraphs_a for p, _ in self.a) and all(
            p in paragraphs_b for p, _ in self.b
        )


#: A paragraph block as the facets need it, plain enough to send to the facets worker: its
#: op and its paragraphs on each side (which passages were rewritten whole, whose figures
#: are read across them). Here, not in compare.facets, which the parent process never imports
#: when the worker answers.
PlainBlock = tuple[str, Sequence[int], Sequence[int]]

ChangeAction = Literal["changed", "added", "removed"]
#: What sort of meaning changed (see ``Change.kind``).
ChangeKind = Literal[
    "number",
    "quote",
    "attribution",
    "hedge",
    "negation",
    "name",
    "roles",
    "status",
    "framing",
    "paragraph",
    "note",
]


@record(frozen=True, eq=False, repr=False)
class Change(_Record):
    """A change in meaning found between aligned sentences (see compare/facets/)."""

    kind: ChangeKind
    """What sort of meaning changed; ``framing`` is another word for a group, a government,
    an act or a place ("protesters" -> "rioters", see facets/framing.py); ``roles`` is two
    parties that traded places round a verb ("Arsenal beat Chelsea" -> "Chelsea beat
    Arsenal"), or who did it left out by a passive ("Police shot a man" -> "A man was
    shot": removed) or named again (added); ``status`` is a person's standing changed: a
    charge, a legal stage, the condition of someone hurt, how someone left or holds a post
    ("charged with murder" -> "charged with manslaughter", "resigned" -> "was sacked"; see
    compare/facets/status.py); ``note`` is a correction, clarification, update or editor's
    note added, changed or taken down (see notes.py); ``paragraph`` is a paragraph NEW
    removes whole that held facts of weight NEW no longer states (a status, a figure, a
    claim credited to a source): one change for the paragraph, ``old`` its text (see
    ``ChangeCollector._removed_paragraphs`` in compare/facets/document.py)."""
    action: ChangeAction
    """Whether the facet was altered, brought in or taken away."""
    old: str | None
    """The OLD value (``None`` when added)."""
    new: str | None
    """The NEW value (``None`` when removed)."""
    severity: int
    """1 (notes, numbers, quotes, negations, roles, statuses, paragraphs removed), 2
    (attributions, hedges, framing) or 3 (names)."""
    sentence: int
    """Index into ``Comparison.sentences`` of the sentence block this belongs to (-1 for a
    change in the headline, in ``Comparison.title_changes``)."""
    detail: str = ""
    """A short human description ("four sources" -> "three sources")."""

    def __init__(
        self,
        kind: ChangeKind,
        action: ChangeAction,
        old: str | None,
        new: str | None,
        severity: int,
        sentence: int,
        detail: str = "",
    ) -> None:
        _set(
            self,
            "__dict__",
            {
                "kind": kind,
                "action": action,
                "old": old,
                "new": new,
                "severity": severity,
                "sentence": sentence,
                "detail": detail,
            },
        )

    @property
    def label(self) -> str:
        """What the views call it: the kind, but the sort of note ("correction") for a note,
        "date" or "time" for a number that is one, "agent" for roles that leave out or
        name who did it, and what of a status changed ("condition", "charge", "legal stage",
        "post" for how someone left or holds one), as its description opens
        ("correction added: ...", 'date: "Monday" → "Friday"')."""
        if self.kind == "roles" and self.detail.startswith("agent "):
            return "agent"  # who did it, left out or named again
        if self.kind == "status" and self.detail:  # what of it: "condition", "charge"
            what = self.detail.split(":", 1)[0].removesuffix(" changed")
            return "post" if what.startswith("how they ") else what
        if self.kind not in ("note", "number") or not self.detail:
            return self.kind
        return self.detail.split(":", 1)[0].removesuffix(f" {self.action}")


@record(frozen=True, eq=False, repr=False)
class CompareOptions(_Record):
    """Everything that tunes a comparison; built once by the CLI or the caller."""

    threshold: float = 0.5
    """Paragraph pairs less similar than this are removed + added, not reworded."""
    sentence_threshold: float = 0.5
    """The same for sentences."""
    detect_moves: bool = True
    """Mark paragraphs and sentences that moved."""
    context: int = 2
    """Unchanged paragraphs shown around each change in text and Markdown views."""
    shrink_warning: float = 0.4
    """Warn when one side has fewer than this share of the other's words."""
    facets: bool = True
    """Report changes in meaning (numbers, quotes, attributions, ...)."""


@record(frozen=True, eq=False, repr=False)
class Summary(_Record):
    """Counts and warnings for a comparison."""

    paragraphs: dict[str, int]
    """Paragraph blocks per operation, plus ``moved``."""
    sentences: dict[str, int]
    """Sentence blocks per operation, plus ``moved``."""
    similarity: float
    """0..1 over the whole text, weighted by length."""
    warnings: tuple[str, ...] = ()
    """Things the reader should know (such as a suspect extraction)."""
    breaks_only: int = 0
    """Reworded paragraph blocks in which no word changed: a paragraph split or merged,
    only where it breaks moved. They count in ``paragraphs["reworded"]``, not in
    ``changed``."""
    credits_only: int = 0
    """Paragraph blocks reworded, added or removed in which every paragraph is a credit line
    ("(Reporting by Jane Doe; Editing by John Smith)", "With agencies": ``notes.is_credit_line``).
    Who worked on the story is not what it says: as a byline that gained a name, they count
    in ``paragraphs``, not in ``changed``."""
    headline_changed: bool = False
    """Both versions have a headline and they differ beyond case and cosmetic changes (a
    headline on one side only is an extraction difference, not an edit)."""
    standfirst_changed: bool = False
    """Both versions have a standfirst (the summary under the headline) and they differ
    beyond case and cosmetic changes, or only one has a standfirst and it states a fact the
    other version's text does not (a description that restates the text, its headline or a
    passage of it is no edit)."""
    edited_without_note: bool = False
    """NEW changes the story's meaning where OLD said something (numbers, quotes, ... in a
    sentence reworded or removed, the headline or the standfirst; not the news of sentences
    it adds) but adds or changes no correction, clarification, update or editor's note, on
    one page over time (see notes.py). Only set when meaning-level facets are on."""
    undated_edit: str | None = None
    """NEW changes the story's meaning and its page still gives OLD's time for when it was
    last changed: the same last-modified time, or, where neither gives one, the same
    publication time (as OLD's page gives it; see notes.undated_edit). Only set when
    meaning-level facets are on."""
    noted: tuple[tuple[int, int], ...] = ()
    """``(change, note)`` index pairs into ``Comparison.changes``: a meaning change that a
    note added or changed in NEW speaks of (it gives the changed number, or shares rare
    words with the sentence), so the newsroom owned up to it (see notes.py)."""
    noted_title: tuple[tuple[int, int], ...] = ()
    """The same for the headline: ``(change, note)`` pairs of an index into
    ``Comparison.title_changes`` and one into ``Comparison.changes``."""
    noted_standfirst: tuple[tuple[int, int], ...] = ()
    """The same for the standfirst, into ``Comparison.standfirst_changes``."""
    beyond_note: tuple[int, ...] = ()
    """Indices into ``Comparison.changes`` of the facts NEW changes (as for
    ``edited_without_note``) that no note it adds or changes speaks of, when it adds or
    changes one on one page over time: a correction that owns up to one fact while others
    change beside it (see notes.beyond_note). Only set when meaning-level facets are on."""
    beyond_note_title: tuple[int, ...] = ()
    """The same for the headline, indices into ``Comparison.title_changes``."""
    beyond_note_standfirst: tuple[int, ...] = ()
    """The same for the standfirst, into ``Comparison.standfirst_changes``."""
    unshown: tuple[int, ...] = ()
    """Indices into ``Comparison.blocks`` of paragraphs past the end of a version whose text
    is only the story's opening (``Document.partial``): OLD's removed after the last that
    NEW continues, NEW's added after the last that continues OLD. Not shown there, so not
    known to be deleted or added: they count in ``paragraphs``, not in ``changed``, and no
    meaning change is read from them."""
    out_of_order: int = 0
    """With move detection off (``CompareOptions.detect_moves`` false, ``--no-moves``): the
    paragraph pairs that stand out of OLD's order in NEW (those outside the longest run in
    order), which no block marks as moved. A reordered story is no cosmetic change: they
    count in ``changed``. Always 0 with move detection on (moved blocks say it there)."""

    @property
    def changed_beyond_note(self) -> bool:
        """NEW adds or changes a note and changes facts it does not speak of: any of
        ``beyond_note``, ``beyond_note_title`` and ``beyond_note_standfirst``."""
        return bool(self.beyond_note or self.beyond_note_title or self.beyond_note_standfirst)

    @property
    def changed(self) -> bool:
        """Whether anything beyond cosmetic differences was found, headline and standfirst
        included."""
        return (
            self.headline_changed
            or self.standfirst_changed
            or self.paragraphs.get("moved", 0) > 0
            or self.out_of_order > 0
            or sum(self.paragraphs.get(k, 0) for k in ("reworded", "added", "removed"))
            # (The reading views count the unshown apart already: render.layout.as_read.)
            > self.breaks_only
            + self.credits_only
            + len(self.unshown)
            - self.paragraphs.get("unshown", 0)
        )


@record(frozen=True, eq=False, repr=False)
class Comparison(_Record):
    """Two documents aligned at paragraph, sentence and word level."""

    old: Document
    """The OLD version."""
    new: Document
    """The NEW version."""
    blocks: tuple[Block, ...]
    """Paragraph blocks in reading order (NEW's order, removed ones where they stood)."""
    sentences: tuple[SentenceBlock, ...]
    """Sentence blocks in the same reading order."""
    summary: Summary
    """Counts, similarity and warnings."""
    options: CompareOptions = field(default_factory=CompareOptions)
    """The options it was made with."""
    title_words: tuple[WordOp, ...] = ()
    """Word diff of the headlines (empty when both are missing)."""
    changes: tuple[Change, ...] = ()
    """Changes in meaning, most severe first."""
    title_changes: tuple[Change, ...] = ()
    """Changes in meaning in the headline, most severe first (``sentence`` is -1)."""
    standfirst_words: tuple[WordOp, ...] = ()
    """Word diff of the standfirsts (``Document.standfirst``) when both versions have one, or
    when one has one that changed it (``Summary.standfirst_changed``)."""
    standfirst_changes: tuple[Change, ...] = ()
    """Changes in meaning in the standfirst, most severe first (``sentence`` is -1)."""


@record(frozen=True, eq=False, repr=False)
class LoadOptions(_Record):
    """How inputs are read and fetched; built once by the CLI or the caller."""

    connect_timeout: float = 10.0
    """Seconds to wait for a connection."""
    read_timeout: float = 30.0
    """Seconds to wait between bytes of a response."""
    max_bytes: int = 20_000_000
    """Largest body accepted, enforced while streaming."""
    max_redirects: int = 10
    """Redirects followed before giving up."""
    retries: int = 3
    """Retries on 429/502/503/504, with backoff and Retry-After."""
    backoff: float = 1.0
    """Seconds before the first retry; doubles each time (Retry-After wins when given)."""
    user_agent: str = ""
    """User-Agent header; empty means ``storydiff/<version>``."""
    kind: MediaKind | None = None
    """Force how the input is read (html, text, markdown) instead of guessing."""
    db: str | None = None
    """The version store that ``URL@N`` specs are read from; ``None`` means $STORYDIFF_DB,
    else the default location (see ``compare.store.resolve_db_path``)."""
