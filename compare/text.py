"""Text utilities shared by every stage: normalisation, sentence splitting, tokens."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2026": "...",
    }
)
# Zero-width and bidirectional control characters: invisible, never meaningful for matching.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"\s+|\w+(?:[.,'\u2019]\w+)*|[^\w\s]", re.UNICODE)


def clean_whitespace(text: str) -> str:
    """Collapse runs of whitespace (including non-breaking spaces) to one space and strip."""
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def normalize(text: str) -> str:
    """Canonical form for comparing: NFKC, straight quotes, one dash, no invisible characters,
    single spaces. Case is kept; see :func:`match_key`."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def match_key(text: str) -> str:
    """The form two texts share when they differ only cosmetically: normalised, case-folded,
    without a trailing full stop and with spaces around dashes made uniform."""
    key = normalize(text).casefold()
    key = re.sub(r"\s*-\s*", " - ", key) if " -" in key or "- " in key else key
    return key.rstrip(" .")


def tokenize(text: str) -> list[str]:
    """Word, punctuation and whitespace tokens; ``"".join(tokenize(t)) == t`` always."""
    return _TOKEN.findall(text)


def words(text: str) -> list[str]:
    """The word tokens of ``text``, case-folded, for similarity and counting."""
    return [t for t in _TOKEN.findall(normalize(text).casefold()) if t[0].isalnum() or t[0] == "_"]


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences. Joined with single spaces they rebuild ``text``
    (after :func:`clean_whitespace`)."""
    text = clean_whitespace(text)
    if not text:
        return []
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        parts.append(text[start : m.start()].strip() + text[m.start() : m.end()].rstrip())
        start = m.end()
    parts.append(text[start:])
    return [p for p in (p.strip() for p in parts) if p]
