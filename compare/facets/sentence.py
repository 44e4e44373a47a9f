"""What one sentence carries: the sentence prepared once (normalised, its quotations found and
masked), its ``Facets``, ``negated``, and ``clear_caches`` for every cached reading.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from compare.facets import abroad
from compare.facets.attributions import Attribution, _attributions, _source_key, _verbs_read
from compare.facets.base import Cue, _FacetRecord, _token_set
from compare.facets.figures import Number, _after, _context, _counted_after, _numbers
from compare.facets.hedges import _hedges
from compare.facets.names import _names
from compare.facets.negations import _implicit_negations, _negations
from compare.facets.quotes import Quote, _mask, _quote_key, _quote_spans
from compare.facets.verbs import _stem
from compare.model import _set
from compare.text import lazy_pattern, normalize

if TYPE_CHECKING:
    from dataclasses import dataclass as record
else:
    from compare.model import record  # (a record: see compare.facets.base)


@record(frozen=True, eq=False, repr=False)
class Facets(_FacetRecord):
    """Everything in one sentence that carries meaning beyond its wording (a record: see
    compare.facets.base)."""

    numbers: tuple[Number, ...] = ()
    """Numbers, dates, times, amounts, percentages, in reading order."""
    quotes: tuple[Quote, ...] = ()
    """Quotations, outermost only, in reading order."""
    attributions: tuple[Attribution, ...] = ()
    """Attributions outside quotations."""
    hedges: tuple[Cue, ...] = ()
    """Hedges and certainty markers outside quotations."""
    negations: tuple[Cue, ...] = ()
    """Negations outside quotations."""
    names: tuple[str, ...] = ()
    """Name-like capitalised spans, titles kept."""

    def __init__(
        self,
        numbers: tuple[Number, ...] = (),
        quotes: tuple[Quote, ...] = (),
        attributions: tuple[Attribution, ...] = (),
        hedges: tuple[Cue, ...] = (),
        negations: tuple[Cue, ...] = (),
        names: tuple[str, ...] = (),
    ) -> None:
        _set(
            self,
            "__dict__",
            {
                "numbers": numbers,
                "quotes": quotes,
                "attributions": attributions,
                "hedges": hedges,
                "negations": negations,
                "names": names,
            },
        )


class _Prepared(NamedTuple):
    """A sentence normalised, its quotations found and masked (a named tuple: one is made for
    every sentence compared, and it is cheaper to build than a frozen dataclass)."""

    norm: str
    """The sentence normalised (straight quotes, one kind of dash, single spaces)."""
    quotes: tuple[Quote, ...]
    """Its quotations."""
    masked: str
    """The sentence with each quotation replaced by ``Q``."""


_ODD_SPACE = lazy_pattern(r"\s\s|[^\S ]")
#: The ASCII characters that are not printable: control characters and DEL.
_ASCII_CONTROL = bytes([*range(32), 127])


def _ascii_printable(text: str) -> bool:
    """``text.isprintable()`` for ASCII text: deleting the control characters leaves it as long
    (bytes.translate is many times faster than str.isprintable, which looks up every
    character's Unicode properties)."""
    return len(text.encode().translate(None, _ASCII_CONTROL)) == len(text)


@lru_cache(maxsize=8192)
def _prepare(text: str, open_quote: bool) -> _Prepared:
    # Plain ASCII with single spaces is already normal: skip the Unicode work.
    # (str methods first: a regex search over every sentence costs more than the rest here.)
    plain = (
        text.isascii()
        and "  " not in text
        and "`" not in text  # (normalize() reads one between letters as an apostrophe)
        and (_ascii_printable(text) or not _ODD_SPACE().search(text))
    )
    norm = text.strip() if plain else normalize(text)
    if (
        not open_quote
        and '"' not in norm
        and "'" not in norm
        and norm[:1] != "-"
        and "「" not in norm
    ):
        return _Prepared(norm, (), norm)  # nothing can be quoted (nor is a line of dialogue)
    spans = _quote_spans(norm, open_quote)
    masked = _mask(norm, spans)
    # The comma that hands over to "she said" belongs to the sentence, not to the quote.
    quotes = tuple(norm[s:e].strip().rstrip(",;:").rstrip() for s, e in spans)
    if not quotes:
        return _Prepared(norm, (), masked)
    speaker = next((a.source for a in _attributions(masked) if a.source), None)
    return _Prepared(norm, tuple(Quote(q, speaker) for q in quotes if q), masked)


def sentence_facets(text: str, open_quote: bool = False) -> Facets:
    """Extract the facets of one sentence. ``open_quote``: the sentence starts inside a
    quotation opened earlier in its paragraph."""
    prepared = _prepare(text, open_quote)
    return Facets(
        numbers=_numbers(prepared.norm),
        quotes=prepared.quotes,
        attributions=_attributions(prepared.masked),
        hedges=_hedges(prepared.masked),
        negations=_negations(prepared.masked),
        names=_names(prepared.norm),
    )


def negated(text: str) -> bool:
    """Whether a sentence, or a value from a negation ``Change`` ("did not review"), says
    something is not so, outside any quotation it holds."""
    return bool(_negations(_prepare(text, False).masked))


def clear_caches() -> None:
    """Forget cached extractions (for benchmarks that time a cold start)."""
    for function in (_prepare, _numbers, _context, _after, _attributions, _hedges, _negations):
        function.cache_clear()
    _implicit_negations.cache_clear()
    _names.cache_clear()
    _token_set.cache_clear()
    _verbs_read.cache_clear()
    for reading in (abroad.language, abroad.negations, abroad.hedges, abroad.attributions):
        reading.cache_clear()
    _source_key.cache_clear()
    _quote_key.cache_clear()
    _counted_after.cache_clear()
    _stem.cache_clear()
