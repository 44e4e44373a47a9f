"""Paragraph and sentence alignment: anchors first, fuzzy matching only on what is left.

1. Paragraphs whose normalised text is identical are paired first; the copies of a repeated
   paragraph (boilerplate such as "Advertisement") pair so as to keep reading order.
2. What is left is matched fuzzily. Candidates come from the paragraphs between the same
   anchors and from rare words the two share, never from all pairs, so the cost grows
   near-linearly; each side's picks, so that swapping OLD and NEW mirrors the result.
   Pairs are taken greedily, best first, above ``options.threshold``; a short line out of
   place pairs only with a text it is found in.
3. A matched paragraph whose unmatched neighbour makes the pair more alike, or pairs with
   the words the pair does not share, is a split (or, the other way round, a merge): they
   become one block. Two unmatched neighbours that together pair with one unmatched
   paragraph in their place are one too.
4. Moves are the matched groups outside the longest increasing run of positions.
5. Sentences are aligned the same way inside each paragraph block, then across blocks for
   the sentences left over, so a sentence moved into another paragraph is found.

Similarity is the Indel similarity (2·LCS / total length) over word tokens: words are coded
as single characters so that rapidfuzz compares word sequences at C speed.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from datetime import datetime
from functools import partial
from itertools import accumulate, chain, pairwise
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Protocol, TypeGuard, TypeVar

from rapidfuzz.distance import Indel

from compare import regex_cache
from compare.gcpause import paused_gc
from compare.model import (
    Block,
    BlockOp,
    Change,
    CompareOptions,
    Comparison,
    Document,
    SentenceBlock,
    Summary,
    WordOp,
)
from compare.notes import is_credit_line, one_page, undated_edit, with_notes
from compare.text import (
    CJK_WORD,
    SUMMARY_HEADING,
    _word_set,
    cosmetic_key,
    fold,
    has_cjk,
    is_clean,
    join_sentences,
    match_key,
    normalize,
    plural,
    same_outlet,
    title_case,
    without_closing_stop,
    word_count,
)
from compare.worddiff import word_diff

if TYPE_CHECKING:
    from compare.facets_worker import FacetsWorker

#: Sentence positions (paragraph, sentence) on one side of a sentence block.
_Positions = tuple[tuple[int, int], ...]
#: A split or merge must beat the plain pair by this much similarity.
GROUP_MARGIN = 0.05
#: Rare words per unit used to find candidate partners, the most partners listed per word,
#: and the most candidates scored per unit (besides its positional neighbours).
RARE_WORDS = 6
POSTING_CAP = 16
CANDIDATES_PER_UNIT = 5
#: Free units of the other side, between the same anchors, scored for each unit.
NEIGHBOURS = 6
#: A text of at least this many words found nearly whole in a longer one scores
#: ``CONTAINED_WEIGHT`` times the share of it that was kept: enough to pass the default
#: threshold, never enough to beat a real rewording.
CONTAINED_MIN_WORDS = 6
CONTAINED_WEIGHT = 0.6
#: The rest of a partner (the words a pair does not share) that a free neighbour pairs
#: with makes a split or merge (see :func:`_grow_groups`) from this many words.
REST_MIN_WORDS = 4
#: Words that say nothing of what a paragraph is about (see :func:`_content_words`).
_BAG_STOP_WORDS = _word_set(
    """a an the of to in on at by for with from as and or but if than that this these those
    which who whom whose what when where while it its he she they them their his her we our
    you your i is are was were be been being has have had do does did will would can could
    may might should must not no so up out about into over after before also said says say
    told there then just only more most some any all"""
)
#: The labelling rule of the hand-written pairs (benchmarks/data/alignment-hand*.md) says a
#: paragraph continues when about half or more of the content words of the shorter of the
#: two are in the other; Indel counts words in one order only, so a lede rewritten from
#: passive to active ("H5N1 has been confirmed in poultry near X" -> "The government
#: confirmed H5N1 in the flock") or a paragraph cut to its main clause can score 0.3. Free
#: paragraphs in the same place pair on the share of the shorter's content words (not
#: ``_BAG_STOP_WORDS``) found in the other: ``SHARED_IN_PLACE`` at the default threshold
#: of 0.5, twice as much more for a stricter one (all of them at 0.75, never above), and at
#: least ``SHARED_MIN_COMMON`` words in common out of ``SHARED_MIN_WORDS`` or more (a
#: sentence of three words kept beside a new one does not make the paragraph the same).
#: A paragraph that also moved needs ``SHARED_MOVED_MORE`` more and
#: ``SHARED_MOVED_COMMON`` words; a short text against one ``SHARED_SHORT_RATIO`` times
#: longer or more, ``SHARED_SHORT_IN_LONG`` ("Tenants by Ruth Ayodele" is named in the
#: new lede that says she won, which is no continuation of the list item). Names, places
#: and days recur through a story, so the same event written afresh shares them: a pair
#: must also keep ``SHARED_FLOOR`` of its words in order (written afresh, 0.20-0.22 in a
#: review's cases; the hand sets' links 0.27 and up), and a paragraph whose quote was
#: replaced by another (under half the quotes' content words kept) is not the same one.
SHARED_IN_PLACE = 0.5
#: ... and never less than this, however low the threshold.
SHARED_LEAST = 0.35
SHARED_MIN_WORDS = 6
SHARED_FLOOR = 0.25
SHARED_MIN_COMMON = 4
SHARED_MOVED_MORE = 0.1
SHARED_MOVED_COMMON = 5
SHARED_SHORT_RATIO = 0.4
SHARED_SHORT_IN_LONG = 0.75
#: A short paragraph alone in its place on one side (the only one left between the same two
#: pairs that stayed in place) needs only ``SHARED_ALONE_MIN_COMMON`` words in common out of
#: ``SHARED_ALONE_MIN_WORDS`` or more, when both open with the same content word (the
#: subject kept) and share a word besides the subject they open with: a one-line update of
#: a fact where it stood ("Shares were 1.4% higher in morning trading." -> "Shares closed
#: 2.3% higher.", "Scientists say the eruption is continuing but weakening." -> "... has
#: strengthened again since midday"), which its place tells is the same line as much as its
#: words do. ("Harbourside have 41 points. Caldwell drop to fourth." is no update of
#: "Caldwell drop to fourth. Officials gave no further information.": another subject.)
SHARED_ALONE_MIN_WORDS = 3
SHARED_ALONE_MIN_COMMON = 2
#: A paragraph anywhere that keeps every content word of a shorter one, this many at least,
#: and opens with the same one continues it (a line moved and grown a clause).
SHARED_GROWN_MIN_COMMON = 4
#: A paragraph rewritten in its place, the only free one there on each side, continues the
#: other when they open with the same content word and it keeps this share of the shorter's
#: content words, ``SHARED_MIN_COMMON`` at least past the words both open with: a lede
#: rewritten round the same event ("A fire tore through a furniture warehouse on the edge
#: of Dunmore ..." -> "A fire destroyed a furniture warehouse on the edge of Dunmore
#: overnight, injuring ..."; hand set 1), not two facts told of one subject ("Residents of
#: nearby Orchard Road ..." share only those words). Without the same opening, set 3 lost
#: links; 0.25-0.35 link the same pairs.
LONE_LEAST = 0.35
#: A free paragraph whose content words are mostly in what a paragraph elsewhere has and its
#: partners lack went into it: merged (or split off) though not its neighbour (see
#: :func:`_folded_free`). Tuned on the hand sets 1-3: at 0.5 a new lede naming the prize
#: was taken for a split of the old one.
FOLDED_SHARE = 0.6
FOLDED_MIN_WORDS = 4
#: ... of which this many are words written in lower case (not names, places, days or
#: figures: "Pell was arrested at his Mill Lane flat on June 3" does not go into "Carla Voss,
#: who lived at Mill Lane, was last seen June 3").
FOLDED_MIN_PLAIN = 2
#: Residues up to this many pairs are scored exhaustively.
EXHAUSTIVE_PAIRS = 4096


class _Unit:
    """A paragraph or sentence prepared for matching. ``code`` (the text's words, each
    coded as one character by :class:`_Coder`) is made only when fuzzy matching needs it:
    most paragraphs are paired by their key alone."""

    __slots__ = ("_code", "_content", "_folded", "_parts", "coder", "key", "text")

    def __init__(self, text: str, coder: _Coder) -> None:
        self.text = text
        self.coder = coder
        self._code: str | None = None
        self._content: set[str] | None = None  # (see _content_words)
        self._parts: list[str] = []
        # Made for every paragraph and every sentence aligned (3,684 texts at 2,000
        # paragraphs): for clean ASCII text, fold() is lower() (casefold() is lower() in
        # ASCII) and a key with no hyphen is the text less its closing full stop, as
        # match_key() makes it, without the three calls (~4M instructions).
        if text.isascii() and is_clean(text) and "`" not in text:  # (a backtick may be "'")
            folded = text.lower()
            if "-" in folded:
                self.key = match_key(text, folded)
            elif folded[-1:] == "." and folded[-2:-1] != ".":  # (most texts: no call)
                self.key = folded[:-1]
            else:
                self.key = without_closing_stop(folded)
        else:
            folded = fold(text)
            self.key = match_key(text, folded)
        self._folded = folded

    @property
    def code(self) -> str:
        if self._code is None:
            folded = self._folded
            if ". " not in folded:
                # One sentence (most units coded are sentences, most already coded with
                # their paragraph): sentence_parts' look-up, without its call and the join.
                coder = self.coder
                code = coder.sentence_codes.get(folded) or coder._code_sentence(folded)
                self._parts = [code]
                self._code = code
            else:
                self._parts = self.coder.sentence_parts(folded)
                self._code = "".join(self._parts)
        return self._code

    def word_set(self) -> AbstractSet[str]:
        """``set(self.code)``, made of its sentences' word characters (see
        ``_Coder.part_words``)."""
        self.code  # noqa: B018 (makes the parts)
        part_words = self.coder.part_words
        first, *rest = self._parts
        found = set(part_words[first])
        for part in rest:
            found.update(part_words[part])
        return found


class _PieceCodes(dict[str, str]):
    """The code of each space-separated piece of folded text ("said," "48,000"), made on
    first use: a story's pieces recur, so most texts are coded by look-ups alone."""

    def __init__(self, codes: dict[str, str], numbers: set[str]) -> None:
        super().__init__()
        self.codes = codes  # word -> character, shared by every piece
        self.numbers = numbers  # the characters of words that start with a digit (ASCII)

    def __missing__(self, piece: str) -> str:
        codes = self.codes
        out = []
        # (_words of one ASCII piece, "said," or "council", without its call, CJK test and
        # split: a story's ~1,500 distinct pieces.)
        if piece.isascii() and piece.isalnum():
            words = [piece]
        elif piece.isascii() and piece[:-1].isalnum() and piece[-1] != "_":
            words = [piece[:-1]]
        else:
            words = _words(piece)
        for word in words:
            char = codes.get(word)
            if char is None:
                char = codes[word] = _word_code(len(codes))
                if word[0] in "0123456789":
                    self.numbers.add(char)
            out.append(char)
        code = self[piece] = "".join(out)
        return code


class _Coder:
    """Maps each distinct word to one character, so word sequences compare as strings, and
    keeps one unit per distinct text for both sides: most of a new version's paragraphs are
    the old ones verbatim, so each is folded once, not twice."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.numbers: set[str] = set()
        self.units: dict[str, _Unit] = {}
        self.piece_codes = _PieceCodes(self.codes, self.numbers)
        self.sentence_codes: dict[str, str] = {}
        # The words of each sentence code, as the very characters its words are coded with
        # (see _code_sentence): set(code) made a new object of each character (beyond
        # Latin-1) and hashed it, ~590 instructions a word, where a set of these objects,
        # already hashed, is made and counted faster in the rare-word search (_candidates:
        # ~25M instructions less at 2,000 paragraphs). Kept as the list the coding made,
        # not a frozenset of it: a sentence's frozenset took ~1.4 KB (2.4 MB, ~600 fresh
        # pages, at 2,000 paragraphs) and instructions to build, for a set made again for
        # most units anyway (a paragraph's is the union of its sentences').
        self.part_words: dict[str, Sequence[str]] = {}

    def negations(self) -> frozenset[str]:
        """The codes of the words that say no, among those coded so far."""
        return frozenset(self.codes[w] for w in _NEGATION_WORDS if w in self.codes)

    def unit(self, text: str) -> _Unit:
        unit = self.units.get(text)
        if unit is None:
            unit = self.units[text] = _Unit(text, self)
        return unit

    def code(self, folded: str) -> str:
        """The words of a folded text (see :func:`_words`), each coded as one character;
        a new word gets the next character, in reading order (the pieces are looked up in
        order).

        The text is coded a sentence at a time (cut after each ". "), each distinct sentence
        once: most sentences of a reworded paragraph are the old ones verbatim, and a
        sentence the sentence alignment codes was mostly coded with its paragraph already.
        Looking a sentence up costs about what looking up one of its pieces does."""
        return "".join(self.sentence_parts(folded))

    def sentence_parts(self, folded: str) -> list[str]:
        """The codes of a folded text's sentences, in order (:meth:`code` joins them)."""
        known = self.sentence_codes.get
        if ". " not in folded:  # one sentence (most texts coded are sentences)
            return [known(folded) or self._code_sentence(folded)]
        *cut, last = folded.split(". ")
        # A cut sentence gets its full stop back: its last piece is "word.", as uncut.
        sentences = [sentence + "." for sentence in cut]
        sentences.append(last)
        return [known(sentence) or self._code_sentence(sentence) for sentence in sentences]

    def _code_sentence(self, sentence: str) -> str:
        chars = list(map(self.piece_codes.__getitem__, sentence.split(" ")))
        code = self.sentence_codes[sentence] = "".join(chars)
        if code not in self.part_words:
            # Most pieces are one word, coded by the word's own character object: the
            # pieces' codes are the code's characters, when every one is a single
            # character (none empty, as many characters as pieces).
            single = len(code) == len(chars) and "" not in chars
            self.part_words[code] = chars if single else code
        return code


def _word_code(k: int) -> str:
    """The character the k-th distinct word is coded with: U+0001 on (U+0000 is NUMBER),
    past the surrogates (a lone one is no text that can be written). The first 255 words
    are Latin-1 characters, which Python keeps one object of each, and codes of a story's
    first 63,000 words are strings of two bytes a character, not four as from U+10000:
    cheaper to join, hash and compare (load+load+compare at 2,000 paragraphs: 4.3M
    instructions less of 1,072M)."""
    k += 1
    return chr(k if k < 0xD800 else k + 0x800)


#: Words that say no: one put inside a short text makes it say the opposite.
_NEGATION_WORDS = (
    *("not", "no", "never", "nor", "cannot", "don't", "doesn't", "didn't", "isn't", "aren't"),
    *("wasn't", "weren't", "won't", "can't", "couldn't", "shouldn't", "wouldn't", "hasn't"),
    *("haven't", "hadn't"),
)


def _words(folded: str) -> list[str]:
    """``CJK_WORD().findall(folded)`` for a folded text (single spaces only), in a fraction
    of the time: most words are letters and digits, or that and one closing mark. Each
    Chinese or Japanese character is a word of its own, and a word goes on over its
    combining marks (Hindi's vowel signs, Arabic's harakat), as the word diff's tokens do
    (compare.text.tokenize, whose shortcut this is)."""
    if has_cjk(folded):
        return CJK_WORD().findall(folded)
    words: list[str] = []
    for word in folded.split(" "):
        if word.isalnum():  # isalnum() is \w without the underscore
            words.append(word)
        elif word[:-1].isalnum() and word[-1] != "_" and word[-1] < "\u00ad":  # "said,"
            # (Not a combining mark, which a word goes on over: "ने".)
            words.append(word[:-1])
        else:
            words.extend(CJK_WORD().findall(word))
    return words


class _Units(Protocol):
    """Units by index: a list of them (paragraphs) or :class:`_LazyUnits` (sentences)."""

    def __getitem__(self, k: int, /) -> _Unit: ...
    def __len__(self) -> int: ...


class _LazyUnits(dict[int, _Unit]):
    """Units made on first use: sentences of identical paragraphs are never prepared. A
    dict that makes a missing unit (``__missing__``), not a Sequence: a unit made is looked
    up in C, where a Sequence's ``__getitem__`` in Python cost ~1,000 instructions a
    look-up (~7,500 of them at 2,000 paragraphs, ~7M instructions). Its length is the
    number of texts, as a list of the units would be."""

    def __init__(self, texts: list[str], coder: _Coder) -> None:
        super().__init__()
        self.texts = texts
        self.coder = coder

    def __len__(self) -> int:
        return len(self.texts)

    def __missing__(self, k: int) -> _Unit:
        # (the coder keeps one unit per text)
        unit = self[k] = self.coder.unit(self.texts[k])
        return unit


class _Codes(dict[int, str]):
    """The code of each unit looked up, by index: ``units[k].code``, kept once made."""

    def __init__(self, units: _Units) -> None:
        super().__init__()
        self.units = units

    def __missing__(self, k: int) -> str:
        code = self[k] = self.units[k].code
        return code


class _Group:
    """Units matched across the two sides: one-to-one, or one-to-many for splits/merges.

    ``identical``: the sentences of identical paragraphs in a row on both sides (one pair
    or a run of them, none moved), as one group: ``a[k]`` and ``b[k]`` are the very same
    text, each pair a one-to-one match of its own (see :func:`_identical_sentences`).
    ``anywhere``: a copy of a repeated text ("Advertisement") paired with a copy left over
    on the other side, not in its place: where it stands says nothing, so it never moved.
    ``holds_order``: such a copy that is a line of the text, not a page's boilerplate (see
    :func:`_left_copies`): its place says something, and it is searched for moves as any
    pair is, but only breaks ties: of runs in order as long for the other groups, the one
    keeping the most such copies is taken, and a copy that no longest run of them keeps
    is what moved (see :func:`_copies_kept`).

    A plain class, as _Matching is: ``@dataclass`` compiles the methods it writes from
    source as the module loads, ~4.5M instructions for the two, in every comparison's
    process (groups are never compared, only their fields read)."""

    __slots__ = ("a", "anywhere", "b", "holds_order", "identical", "moved", "score")

    def __init__(
        self,
        a: list[int],
        b: list[int],
        score: float,
        moved: bool = False,
        identical: bool = False,
        anywhere: bool = False,
        holds_order: bool = False,
    ) -> None:
        self.a = a
        self.b = b
        self.score = score
        self.moved = moved
        self.identical = identical
        self.anywhere = anywhere
        self.holds_order = holds_order

    def __repr__(self) -> str:
        return (
            f"_Group(a={self.a!r}, b={self.b!r}, score={self.score!r}, moved={self.moved!r}, "
            f"identical={self.identical!r}, anywhere={self.anywhere!r}, "
            f"holds_order={self.holds_order!r})"
        )


def _first_old(group: _Group) -> int:
    """Groups hold disjoint units: ordered by their first OLD unit, as by (OLD, NEW)."""
    return group.a[0]


class _Matching:
    """The result of aligning two sequences of units: the groups, and the units of each
    side left free."""

    __slots__ = ("free_a", "free_b", "groups")

    def __init__(self, groups: list[_Group], free_a: list[int], free_b: list[int]) -> None:
        self.groups = groups
        self.free_a = free_a
        self.free_b = free_b


def _similarity(a: str, b: str) -> float:
    """Indel similarity of two word-coded texts, raised for a text that survives nearly
    whole inside a longer one (a paragraph trimmed or extended by a sentence)."""
    if not a and not b:
        return 1.0
    return _scored(len(a), len(b), _distance(a, b))


_distance = Indel.distance  # (looked up once, not for each of thousands of pairs)


def _scored(size_a: int, size_b: int, distance: int) -> float:
    """:func:`_similarity` of two texts of these sizes (not both empty) and Indel distance."""
    # Called for every candidate pair (thousands in a long story): comparisons, not the
    # min() and max() builtins, which cost more than the rest of it (~0.1 µs a call each).
    total = size_a + size_b
    similarity = 1 - distance / total
    shorter = size_a if size_a < size_b else size_b
    if shorter >= CONTAINED_MIN_WORDS:
        common = (total - distance) / 2  # the longest common subsequence, in words
        contained = CONTAINED_WEIGHT * common / shorter
        if contained > similarity:
            similarity = contained
    return similarity


def _scored_pairs(
    pairs: Iterable[tuple[int, int]],
    codes_a: Mapping[int, str],
    codes_b: Mapping[int, str],
    threshold: float,
    size_a: int,
    size_b: int,
) -> list[tuple[float, int, float, int, int]]:
    """The ``pairs`` whose :func:`_similarity` is ``threshold`` or more, each as (-score, 0,
    how far apart they stand, i, j). :func:`_similarity` and :func:`_scored` are written out
    here, the same arithmetic in the same order: this loop runs for every candidate pair
    (5,400 at 2,000 paragraphs), and their two calls a pair cost more than the rest of it."""
    distance_of = _distance
    scored = []
    for i, j in pairs:
        code_a, code_b = codes_a[i], codes_b[j]
        len_a, len_b = len(code_a), len(code_b)
        total = len_a + len_b
        if total:
            distance = distance_of(code_a, code_b)
            score = 1 - distance / total
            shorter = len_a if len_a < len_b else len_b
            if shorter >= CONTAINED_MIN_WORDS:
                contained = CONTAINED_WEIGHT * ((total - distance) / 2) / shorter
                if contained > score:
                    score = contained
        else:
            score = 1.0
        if score >= threshold:
            scored.append((-score, 0, abs(i / size_a - j / size_b), i, j))
    return scored


def _unshared(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans (start, end) of ``a`` and of ``b`` outside their longest common
    subsequence."""
    spans_a, spans_b = [], []
    last_a = last_b = 0
    for block in Indel.editops(a, b).as_matching_blocks():  # (the last: size 0, at the ends)
        if block.a > last_a:
            spans_a.append((last_a, block.a))
        if block.b > last_b:
            spans_b.append((last_b, block.b))
        last_a, last_b = block.a + block.size, block.b + block.size
    return spans_a, spans_b


def _exact_pairs(
    keys_a: Sequence[str],
    keys_b: Sequence[str],
    ids_a: Sequence[int],
    ids_b: Sequence[int],
) -> tuple[list[tuple[int, int]], list[tuple[list[int], list[int]]]]:
    """Pair identical keys (``keys_a[k]`` is the key of unit ``ids_a[k]``), in no set
    order: a text that appears once on each side pairs with its copy. Returned with them,
    the copies on each side of each text repeated on either (a boilerplate line), in order,
    which :func:`_pair_copies` pairs once the rest is matched."""
    unique_a = dict(zip(keys_a, ids_a, strict=True))
    unique_b = dict(zip(keys_b, ids_b, strict=True))
    if len(unique_a) == len(ids_a) and len(unique_b) == len(ids_b):  # no text repeated
        return [(unique_a[key], j) for key, j in unique_b.items() if key in unique_a], []
    copies_a: dict[str, list[int]] = defaultdict(list)
    for key, i in zip(keys_a, ids_a, strict=True):
        copies_a[key].append(i)
    copies_b: dict[str, list[int]] = defaultdict(list)
    for key, j in zip(keys_b, ids_b, strict=True):
        copies_b[key].append(j)
    pairs = []
    repeated = []
    for key, js in copies_b.items():
        is_ = copies_a.get(key)
        if not is_:
            continue
        if len(is_) == len(js) == 1:
            pairs.append((is_[0], js[0]))
        else:
            repeated.append((is_, js))
    return pairs, repeated


def _pair_copies(
    anchors: list[tuple[int, int]], repeated: Sequence[tuple[list[int], list[int]]]
) -> tuple[list[tuple[int, int]], list[tuple[list[int], list[int], bool]]]:
    """Pair the copies of each repeated text in the same place. The other pairs, exact and
    fuzzy, that stayed in place (in every longest in-order run of them, see
    :func:`_in_every_run`) cut both sides into gaps; copies in the same gap on both sides
    pair, in order, so a story that drops the first of two identical lines keeps the
    second in place instead of "moving" the first to where the second was. Returns those
    pairs and, for each text, the copies left over on each side, in order, and whether as
    many copies of it at least paired in their place."""
    place_a, place_b = _places(anchors)
    pairs: list[tuple[int, int]] = []
    left = []
    for is_, js in repeated:
        by_gap: dict[int, list[int]] = defaultdict(list)
        for j in reversed(js):
            by_gap[place_b(j)].append(j)
        left_a = []
        paired = len(pairs)
        for i in is_:
            waiting = by_gap.get(place_a(i))
            if waiting:
                pairs.append((i, waiting.pop()))
            else:
                left_a.append(i)
        left_b = sorted(j for waiting in by_gap.values() for j in waiting)
        if left_a and left_b:
            kept = len(pairs) - paired
            left.append((left_a, left_b, kept >= min(len(left_a), len(left_b))))
    return pairs, left


def _left_copies(
    left_over: Sequence[tuple[list[int], list[int], bool]],
    partner_a: Mapping[int, int],
    partner_b: Mapping[int, int],
    ids_a: Sequence[int],
    ids_b: Sequence[int],
    codes_a: Mapping[int, str] | None,
    clauses: bool,
) -> list[tuple[int, int, bool]]:
    """The copies of each repeated text left over by :func:`_pair_copies` and still free,
    paired in order (the extra copies stay unpaired), each (i, j, whether it holds order:
    see :class:`_Group`). A copy holds order when the units stand in their reading order
    (``codes_a`` given: not the sentences left over across a story), it changed its number
    counted from the top and from the bottom (a page that sets its boilerplate after every
    fourth paragraph, or last but one, keeps each copy at the same number whatever was added
    above it), as many copies of its text at least paired in their place (else the page
    set the line anew) and, for a paragraph (``clauses``), it is no short line
    ("Advertisement", "Share": a page's, under CONTAINED_MIN_WORDS words). A sentence
    repeated inside a paragraph ("Water rose quickly.") is the text's own."""
    pos_a, pos_b = _positions(ids_a), _positions(ids_b)
    last_a, last_b = len(ids_a) - 1, len(ids_b) - 1
    found = []
    for is_, js, placed in left_over:
        still_a = [i for i in is_ if i not in partner_a]
        still_b = [j for j in js if j not in partner_b]
        # (``placed``: as many copies of the text at least paired in their place, so the
        # line is where the story has it. When most copies stand elsewhere, the page set
        # the line anew, a promo or "has contacted ... for comment" line a CMS moved up a
        # paragraph each time, or set every fourth paragraph instead of every third, which
        # moved nothing: review 28 item 2.)
        for i, j in zip(still_a, still_b, strict=False):
            at_a, at_b = pos_a[i], pos_b[j]
            holds = (
                placed
                and codes_a is not None
                and at_a != at_b
                and last_a - at_a != last_b - at_b
                and (not clauses or len(codes_a[i]) >= CONTAINED_MIN_WORDS)
            )
            found.append((i, j, holds))
    return found


def _places(
    pairs: Iterable[tuple[int, int]],
) -> tuple[Callable[[int], int], Callable[[int], int]]:
    """Where a unit of each side stands: the number of pairs that stayed in place (in every
    longest in-order run of ``pairs``, see :func:`_in_every_run`) before it. Two units of
    either side with the same number stand between the same two such pairs, in the same
    place; a moved pair bounds no place. One rule for the copies of a repeated text
    (:func:`_pair_copies`), ties (:func:`_in_place_first`) and short texts grown where
    they stood (:func:`_gaps`)."""
    kept = _in_every_run(pairs)
    anchor_a = [i for i, _ in kept]
    anchor_b = [j for _, j in kept]
    return partial(bisect.bisect_left, anchor_a), partial(bisect.bisect_left, anchor_b)


def _in_every_run(pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pairs (distinct units on each side) that every longest in-order run of them
    keeps, in order: those no other pair crosses, and also those crossed only by pairs
    that moved (one paragraph moved from the end to the top crosses every pair it passed,
    yet those stayed in place). A pair that some longest run leaves out (one of two
    paragraphs that swapped) is not kept, so no choice between runs is made, and OLD -> NEW
    keeps what NEW -> OLD does (a run in order on one side is in order on the other)."""
    pairs = sorted(pairs)
    # ending[k]: the longest run ending at pair k; starting[k]: starting at it.
    ending, starting = [0] * len(pairs), [0] * len(pairs)
    tails: list[int] = []
    for k, (_, j) in enumerate(pairs):
        at = bisect.bisect_left(tails, j)
        tails[at : at + 1] = [j]
        ending[k] = at + 1
    tails = []
    for k in range(len(pairs) - 1, -1, -1):
        at = bisect.bisect_left(tails, -pairs[k][1])
        tails[at : at + 1] = [-pairs[k][1]]
        starting[k] = at + 1
    longest = len(tails)
    # A pair is in some longest run when runs through it are that long; in every one when
    # no other such pair takes its place in the run.
    on_runs = [k for k in range(len(pairs)) if ending[k] + starting[k] - 1 == longest]
    places = Counter(ending[k] for k in on_runs)
    return [pairs[k] for k in on_runs if places[ending[k]] == 1]


def _candidates(
    units_a: _Units,
    units_b: _Units,
    free_a: Sequence[int],
    free_b: Sequence[int],
    windows: Callable[[], tuple[list[tuple[int, int]], list[tuple[int, int]]]],
) -> set[tuple[int, int]]:
    """Candidate pairs: positional neighbours (``windows()``, the pairs of each side's units
    with theirs, see :func:`_near_pairs`) plus pairs sharing rare words. The same set
    whichever side is OLD (issue 3, the result mirrored): the union of both sides' picks,
    each made with ties broken by the words and positions themselves, never by which side
    was coded first."""
    if len(free_a) * len(free_b) <= EXHAUSTIVE_PAIRS:
        return {(i, j) for i in free_a for j in free_b}
    near_a, near_b = windows()
    pairs = set(near_a)
    pairs.update(near_b)
    sets_a = {i: units_a[i].word_set() for i in free_a}
    sets_b = {j: units_b[j].word_set() for j in free_b}
    df = Counter(chain.from_iterable((*sets_a.values(), *sets_b.values())))
    # A word in more units than a posting list holds tells nothing about which one is the
    # partner (in a story told from a template, "the", "bridge" and "district" are in every
    # paragraph): such words are not rare, and do not count. Rarest first, ties by the
    # word (its code depends on which side was coded first): one integer per rare word.
    rare_codes = [c for c, n in df.items() if n <= POSTING_CAP]
    if rare_codes:
        words = {c: w for w, c in units_a[free_a[0]].coder.codes.items()}
        rare_codes.sort(key=words.__getitem__)
        rare_codes.sort(key=df.__getitem__)  # stable: by frequency, then by word
    rarity = {c: rank for rank, c in enumerate(rare_codes)}
    rare = set(rarity)  # a set, so that ``words & rare`` runs in C over the smaller one
    top_a = {i: sorted(map(rarity.__getitem__, sets_a[i] & rare))[:RARE_WORDS] for i in free_a}
    top_b = {j: sorted(map(rarity.__getitem__, sets_b[j] & rare))[:RARE_WORDS] for j in free_b}
    postings: dict[int, list[int]] = defaultdict(list)
    for j in free_b:
        for word in top_b[j]:
            postings[word].append(j)
    scale_a, scale_b = max(free_a) + 1, max(free_b) + 1
    cut_b: set[int] = set()  # units of NEW some OLD unit left out of its pick
    for i in free_a:
        shared: dict[int, int] = {}
        for word in top_a[i]:
            for j in postings.get(word, ()):
                shared[j] = shared.get(j, 0) + 1
        if len(shared) > CANDIDATES_PER_UNIT:
            # The partners sharing the most rare words, nearest in position first.
            at = i / scale_a
            ranked = sorted([(-n, abs(at - j / scale_b), j) for j, n in shared.items()])
            pairs.update([(i, j) for _, _, j in ranked[:CANDIDATES_PER_UNIT]])
            cut_b.update([j for _, _, j in ranked[CANDIDATES_PER_UNIT:]])
        else:
            pairs.update([(i, j) for j in shared])
    if not cut_b:
        return pairs  # every pair sharing a rare word is in: NEW's picks add none
    # NEW's picks, the same way: only a unit with a pair left out can add one.
    postings = defaultdict(list)
    for i in free_a:
        for word in top_a[i]:
            postings[word].append(i)
    for j in cut_b:
        shared = {}
        for word in top_b[j]:
            for i in postings[word]:
                shared[i] = shared.get(i, 0) + 1
        if len(shared) > CANDIDATES_PER_UNIT:
            at = j / scale_b
            ranked = sorted([(-n, abs(i / scale_a - at), i) for i, n in shared.items()])
            pairs.update([(i, j) for _, _, i in ranked[:CANDIDATES_PER_UNIT]])
        else:
            pairs.update([(i, j) for i in shared])
    return pairs


def _near_pairs(
    free_x: Sequence[int],
    ids_x: Sequence[int],
    ids_y: Sequence[int],
    partner_x: Mapping[int, int],
    taken_y: Container[int],
    flip: bool,
) -> list[tuple[int, int]]:
    """Each unit x of ``free_x`` paired with the free units of side y between the same
    anchors (the exact pairs ``partner_x``), at most NEIGHBOURS of them, those at the same
    share of the gap on the other side (a story whose every paragraph changed has one gap,
    the whole story), as (x, y), or (y, x) when ``flip``. Worked out in one loop, each
    gap's bounds once, not in a call for each unit (~8M instructions less at 2,000
    paragraphs, for ~1,100 units; tests/test_align_speed18b.py holds the unit-by-unit
    rule)."""
    anchor_x = sorted(partner_x)
    anchor_y_of = [partner_x[x] for x in anchor_x]
    pos_x = _positions(ids_x)
    pos_y = _positions(ids_y)
    bisect_left = bisect.bisect_left
    pairs: list[tuple[int, int]] = []
    append = pairs.append
    gap = -1
    lo = hi = lo_x = span = 0
    for x in free_x:
        k = bisect_left(anchor_x, x)
        if k != gap:  # the bounds of x's gap, as _neighbours finds them
            gap = k
            lo = pos_y[anchor_y_of[k - 1]] + 1 if k > 0 else 0
            hi = pos_y[anchor_y_of[k]] if k < len(anchor_x) else len(ids_y)
            lo_x = pos_x[anchor_x[k - 1]] + 1 if k > 0 else 0
            hi_x = pos_x[anchor_x[k]] if k < len(anchor_x) else len(ids_x)
            span = hi_x - lo_x if hi_x - lo_x > 1 else 1
        if hi <= lo:
            continue
        share = (pos_x[x] - lo_x) / span
        start = lo + round(share * (hi - lo)) - NEIGHBOURS // 2
        if start > hi - NEIGHBOURS:
            start = hi - NEIGHBOURS
        if start < lo:
            start = lo
        end = start + NEIGHBOURS if start + NEIGHBOURS < hi else hi
        for y in ids_y[start:end]:
            if y not in taken_y:
                append((y, x) if flip else (x, y))
    return pairs


def _positions(ids: Sequence[int]) -> Mapping[int, int] | range:
    """Where each unit of ``ids`` (in increasing order) stands among them. The paragraphs of
    a story are all of them, 0 to n - 1: each stands at its own number, and the range says
    so without a dict of thousands of entries (two a side at 2,000 paragraphs, ~2M
    instructions)."""
    if ids and ids[0] == 0 and ids[-1] == len(ids) - 1:
        return range(len(ids))
    return {x: k for k, x in enumerate(ids)}


def _match(
    units_a: _Units,
    units_b: _Units,
    threshold: float,
    ids_a: Sequence[int] | None = None,
    ids_b: Sequence[int] | None = None,
    adjacent: Callable[[str, int, int], bool] | None = None,
    in_place: bool = True,
    clauses: bool = False,
) -> _Matching:
    """Align the units ``ids_a`` of one side with ``ids_b`` of the other.

    ``adjacent(side, x, y)`` says whether units x and y of a side may form one group (a
    split or a merge); by default consecutive indices may. ``in_place``: the units stand in
    their reading order, so a short text grown where it stood can be found (not so for the
    sentences left over across a story, which have no places to compare). ``clauses``: the
    units are paragraphs, which may pair by the content words they keep in another order
    (see :func:`_shared_words_free`, :func:`_folded_free`)."""
    ids_a = list(range(len(units_a))) if ids_a is None else list(ids_a)
    ids_b = list(range(len(units_b))) if ids_b is None else list(ids_b)
    pairs, repeated = _exact_pairs(
        [units_a[i].key for i in ids_a], [units_b[j].key for j in ids_b], ids_a, ids_b
    )
    partner_a = dict(pairs)
    partner_b = {j: i for i, j in pairs}
    score_of = dict.fromkeys(partner_a, 1.0)  # by the OLD unit of each pair

    free_a = [i for i in ids_a if i not in partner_a]
    free_b = [j for j in ids_b if j not in partner_b]
    copies_a: set[int] = set()
    copies_b: set[int] = set()
    if repeated:
        # The copies of a repeated text ("Advertisement") are paired once the rest is: the
        # fuzzy pairs say which paragraphs around them stayed in place, where the exact
        # ones alone can leave a moved paragraph looking in place (the paragraphs it passed
        # were all reworded). Until then they are no one's partner.
        copies_a = {i for is_, _ in repeated for i in is_}
        copies_b = {j for _, js in repeated for j in js}
        free_a = [i for i in free_a if i not in copies_a]
        free_b = [j for j in free_b if j not in copies_b]
    # A unit is in several pairs: its code is looked up once. (Codes are still made in
    # the order the pairs come, which decides which character each new word gets.)
    codes_a, codes_b = _Codes(units_a), _Codes(units_b)
    if free_a and free_b:

        def windows() -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
            """Each free unit paired with the free units of the other side between the
            same anchors, for each side (made only for a residue too large to score
            whole)."""
            taken_a = partner_a.keys() | copies_a if copies_a else partner_a
            taken_b = partner_b.keys() | copies_b if copies_b else partner_b
            return (
                _near_pairs(free_a, ids_a, ids_b, partner_a, taken_b, flip=False),
                _near_pairs(free_b, ids_b, ids_a, partner_b, taken_a, flip=True),
            )

        size_a, size_b = max(len(units_a), 1), max(len(units_b), 1)
        candidates = _candidates(units_a, units_b, free_a, free_b, windows)
        scored = _scored_pairs(candidates, codes_a, codes_b, threshold, size_a, size_b)
        if in_place and scored:
            coder = units_a[ids_a[0]].coder
            scored = _short_pairs_placed(scored, codes_a, codes_b, partner_a, coder)
        if len(scored) > 1 and _contested_tie(scored):
            scored = _in_place_first(scored, partner_a)
        for neg, _, _, i, j in sorted(scored):
            if i not in partner_a and j not in partner_b:
                partner_a[i], partner_b[j] = j, i
                score_of[i] = -neg
    left_over: list[tuple[list[int], list[int], bool]] = []
    if repeated:
        placed, left_over = _pair_copies(list(partner_a.items()), repeated)
        for i, j in placed:
            partner_a[i], partner_b[j] = j, i
            score_of[i] = 1.0
        edited = _edited_copies(
            repeated, codes_a, codes_b, ids_a, ids_b, partner_a, partner_b, threshold
        )
        for i, j, score in edited:
            partner_a[i], partner_b[j] = j, i
            score_of[i] = score
    if in_place and ((free_a and free_b) or repeated):
        grown = _grown_short_texts(
            codes_a, codes_b, ids_a, ids_b, partner_a, partner_b, units_a[ids_a[0]].coder
        )
        for i, j in grown:
            partner_a[i], partner_b[j] = j, i
            score_of[i] = CONTAINED_WEIGHT
        # Free units of more than one sentence (of those free before the fuzzy matching: no
        # copy, no exact pair) that kept one where they stood. (Never sentences.)
        many_a = [i for i in free_a if i not in partner_a and ". " in units_a[i]._folded]
        many_b = [j for j in free_b if j not in partner_b and ". " in units_b[j]._folded]
        kept = (
            _kept_sentences(
                units_a,
                units_b,
                many_a,
                many_b,
                partner_a,
                partner_b,
                (ids_a[0], ids_a[-1]),
                (ids_b[0], ids_b[-1]),
            )
            if many_a and many_b
            else []
        )
        for i, j in kept:
            partner_a[i], partner_b[j] = j, i
            score_of[i] = _similarity(codes_a[i], codes_b[j])

    groups = {i: _Group([i], [j], score_of[i]) for i, j in partner_a.items()}
    _grow_groups(units_a, units_b, groups, partner_a, partner_b, ids_a, ids_b, adjacent, threshold)
    if (
        in_place
        and len(groups) > 1
        and _give_way(units_a, units_b, groups, partner_a, partner_b, adjacent)
    ):
        # The units given up go to the splits and merges in place that wanted them.
        _grow_groups(
            units_a, units_b, groups, partner_a, partner_b, ids_a, ids_b, adjacent, threshold
        )
    # Copies with no partner in their place pair in order, elsewhere, unless the place
    # took them: an advert merged into the paragraph beside it is not the advert added
    # further down.
    if left_over:
        for i, j, holds in _left_copies(
            left_over, partner_a, partner_b, ids_a, ids_b, codes_a if in_place else None, clauses
        ):
            partner_a[i], partner_b[j] = j, i
            groups[i] = _Group([i], [j], 1.0, anywhere=not holds, holds_order=holds)
    free_a = [i for i in ids_a if i not in partner_a]
    free_b = [j for j in ids_b if j not in partner_b]

    def still_free() -> None:
        """Drop from the free lists the units paired since they were made."""
        nonlocal free_a, free_b
        free_a = [i for i in free_a if i not in partner_a]
        free_b = [j for j in free_b if j not in partner_b]

    def pair_free(found: Iterable[tuple[int, int, float]]) -> None:
        """Pair free units (i, j, score), each a group of its own; the rest stay free."""
        for i, j, score in found:
            partner_a[i], partner_b[j] = j, i
            groups[i] = _Group([i], [j], score)
        still_free()

    if in_place and free_a and free_b:
        joined = _joined_free(
            codes_a,
            codes_b,
            (free_a, free_b),
            ids_a,
            ids_b,
            partner_a,
            partner_b,
            threshold,
            adjacent,
        )
        for a, b, score in joined:
            for i in a:
                partner_a[i] = b[0]
            for j in b:
                partner_b[j] = a[0]
            groups[a[0]] = _Group(a, b, score)
        still_free()
    if clauses and in_place and free_a and free_b:
        # Paragraphs with their words mostly kept in another order (paragraphs only: a
        # sentence's few words are too few to tell).
        pair_free(
            _shared_words_free(
                (units_a, units_b),
                (ids_a, ids_b),
                (free_a, free_b),
                partner_a,
                partner_b,
                threshold,
            )
        )
    if clauses and in_place and (free_a or free_b) and groups:
        folded = _folded_free(units_a, units_b, groups, free_a, free_b)
        for side, x, group in folded:  # (a group keeps its key: only its members change)
            if side == "a":
                group.a[:] = sorted([*group.a, x])
                partner_a[x] = group.b[0]
            else:
                group.b[:] = sorted([*group.b, x])
                partner_b[x] = group.a[0]
            group.score = _similarity(
                _joined_codes(units_a, group.a), _joined_codes(units_b, group.b)
            )
        still_free()
    if in_place and free_a and free_b:
        # Last, a short line moved and grown (after the merges, which may take it where it
        # stood, and the copies, which may be it).
        coder = units_a[ids_a[0]].coder
        moved = _moved_short_texts(codes_a, codes_b, free_a, free_b, partner_a, coder)
        if moved:
            pair_free((i, j, CONTAINED_WEIGHT) for i, j in moved)
    return _Matching(sorted(groups.values(), key=_first_old), free_a, free_b)


def _short_pairs_placed(
    scored: list[tuple[float, int, float, int, int]],
    codes_a: Mapping[int, str],
    codes_b: Mapping[int, str],
    partner_a: Mapping[int, int],
    coder: _Coder,
) -> list[tuple[float, int, float, int, int]]:
    """The candidates, less pairs of a short text (under CONTAINED_MIN_WORDS words) and
    another one elsewhere in the story that the short one is not found in (see
    :func:`_short_in_long`): a few words in common ("How did it start?" and "How did it
    get into the water?" share three of four) can pass the threshold by chance, and only
    the place, where there is one, says it is the same paragraph. Found whole, numbers
    aside or with a word put in ("Updated 15:10", "How did it reportedly start?"), a short
    text is the same one moved."""
    short = [t for t in scored if min(len(codes_a[t[3]]), len(codes_b[t[4]])) < CONTAINED_MIN_WORDS]
    if not short:
        return scored  # (most stories)
    place_a, place_b = _places(partner_a.items())
    numbers, negations = coder.numbers, coder.negations()
    dropped = set()
    for t in short:
        i, j = t[3], t[4]
        if place_a(i) == place_b(j):
            continue
        one, other = {0: codes_a[i]}, {0: codes_b[j]}
        if not any(_short_in_long((0,), (0,), one, other, numbers, negations)) and not any(
            _short_in_long((0,), (0,), other, one, numbers, negations)
        ):
            dropped.add((i, j))
    return [t for t in scored if (t[3], t[4]) not in dropped] if dropped else scored


def _contested_tie(scored: list[tuple[float, int, float, int, int]]) -> bool:
    """Whether two candidates with the same score share a unit."""
    if len({t[0] for t in scored}) == len(scored):
        return False
    seen = set()
    for neg, _, _, i, j in scored:
        for unit in ((neg, 0, i), (neg, 1, j)):
            if unit in seen:
                return True
            seen.add(unit)
    return False


def _in_place_first(
    scored: list[tuple[float, int, float, int, int]], partner_a: Mapping[int, int]
) -> list[tuple[float, int, float, int, int]]:
    """Of candidates that score the same, the pair in the same place (between the same
    pairs that stayed in place) comes first. Short texts score alike by chance: "Updated
    15:10" is as like "Updated 15:20" further down as "Updated 23:10" where it stood."""
    place_a, place_b = _places(partner_a.items())
    return [(neg, place_a(i) != place_b(j), share, i, j) for neg, _, share, i, j in scored]


def _gaps(
    ids_a: Sequence[int],
    ids_b: Sequence[int],
    partner_a: Mapping[int, int],
    partner_b: Mapping[int, int],
) -> Iterable[tuple[list[int], list[int]]]:
    """The free units of each side that stand in the same place: between the same two
    pairs that stayed in place (a moved paragraph bounds no gap), gap by gap in order."""
    places = _places(partner_a.items())
    gaps: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for side, ids, partner in ((0, ids_a, partner_a), (1, ids_b, partner_b)):
        place = places[side]
        for x in ids:
            if x not in partner:
                gaps[place(x)][side].append(x)
    return [gaps[k] for k in sorted(gaps)]


def _edited_copies(
    repeated: Sequence[tuple[list[int], list[int]]],
    codes_a: Mapping[int, str],
    codes_b: Mapping[int, str],
    ids_a: Sequence[int],
    ids_b: Sequence[int],
    partner_a: Mapping[int, int],
    partner_b: Mapping[int, int],
    threshold: float,
) -> list[tuple[int, int, float]]:
    """Pairs of a copy of a repeated text left without its twin and a free unit in the
    same place that is that copy edited (a key-points box repeats a paragraph, and NEW
    edits the body's copy): the copies were kept out of the fuzzy matching."""
    loose = (
        {i for is_, _ in repeated for i in is_ if i not in partner_a},
        {j for _, js in repeated for j in js if j not in partner_b},
    )
    free = (
        sum(i not in partner_a for i in ids_a) - len(loose[0]),
        sum(j not in partner_b for j in ids_b) - len(loose[1]),
    )
    if not (loose[0] and free[1]) and not (loose[1] and free[0]):
        return []  # no copy left over beside a unit it could be (most stories)
    scored = []
    for gap_a, gap_b in _gaps(ids_a, ids_b, partner_a, partner_b):
        if len(gap_a) * len(gap_b) > EXHAUSTIVE_PAIRS:
            continue  # a story rewritten whole: its copies pair in order, as before
        for i in gap_a:
            for j in gap_b:
                if (i in loose[0]) != (j in loose[1]):  # one a copy, the other not
                    score = _similarity(codes_a[i], codes_b[j])
                    if score >= threshold:
                        scored.append((-score, i, j))
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    found = []
    for neg, i, j in sorted(scored):
        if i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
            found.append((i, j, -neg))
    return found


def _joined_free(
    codes_a: Mapping[int, str],
    codes_b: Mapping[int, str],
    free: tuple[list[int], list[int]],
    ids_a: Sequence[int],
    ids_b: Sequence[int],
    partner_a: Mapping[int, int],
    partner_b: Mapping[int, int],
    threshold: float,
    adjacent: Callable[[str, int, int], bool] | None,
) -> list[tuple[list[int], list[int], float]]:
    """Merges and splits of free units (``free``: each side's, in order) in the same place,
    none of whose halves pairs alone: two paragraphs merged and rewritten by a second
    outlet ("Researchers followed 90,000 adults. | They wore trackers for a week." ->
    "Researchers followed 90,000 adults, who wore trackers ...") score under the threshold
    with either half, over it with both. Two neighbours of one side, both free, with one
    free unit of the other side between the same pairs, best first; the two must gain the
    merge margin over either alone. Gaps of more than ``EXHAUSTIVE_PAIRS`` pairs are left
    (a story rewritten throughout is one gap: scored whole, 2,000 unrelated paragraphs a
    side cost ~7.6 s)."""
    ok = adjacent or (lambda side, x, y: True)
    scored = []
    for side, ids, partner, own, others, codes, codes_other in (
        ("a", ids_a, partner_a, free[0], free[1], codes_a, codes_b),
        ("b", ids_b, partner_b, free[1], free[0], codes_b, codes_a),
    ):
        if not any(y == x + 1 for x, y in pairwise(own)):
            continue  # (most stories: no two free units side by side)
        # Each gap walked once, named by the partners of the pairs around it: the other
        # side's free units between those two are the candidates.
        for (lo, hi), gap in _by_gap(own, partner, (ids[0], ids[-1]), True).items():
            start = bisect.bisect_right(others, lo)
            end = bisect.bisect_left(others, hi) if hi >= 0 else len(others)
            if (len(gap) - 1) * (end - start) > EXHAUSTIVE_PAIRS:
                continue
            for x, y in pairwise(gap):
                if y != x + 1 or not ok(side, x, y):
                    continue
                both = codes[x] + codes[y]
                for z in others[start:end]:
                    score = _similarity(both, codes_other[z])
                    if score < threshold:
                        continue
                    alone = max(
                        _similarity(codes[x], codes_other[z]),
                        _similarity(codes[y], codes_other[z]),
                    )
                    if score >= alone + GROUP_MARGIN:
                        a, b = ([x, y], [z]) if side == "a" else ([z], [x, y])
                        scored.append((-score, a, b))
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    found = []
    for neg, a, b in sorted(scored):
        if taken_a.isdisjoint(a) and taken_b.isdisjoint(b):
            taken_a.update(a)
            taken_b.update(b)
            found.append((a, b, -neg))
    return found


def _shared_need(threshold: float) -> float | None:
    """The share of the shorter's content words a pair must keep at this threshold (see
    ``SHARED_IN_PLACE``), or None: a strict threshold asks for the words in their order."""
    need = 2 * threshold - 1 + SHARED_IN_PLACE
    return None if need > 1 else max(need, SHARED_LEAST)


def _shared_words_free(
    units: tuple[_Units, _Units],
    ids: tuple[Sequence[int], Sequence[int]],
    free: tuple[Sequence[int], Sequence[int]],
    partner_a: Mapping[int, int],
    partner_b: Mapping[int, int],
    threshold: float,
) -> list[tuple[int, int, float]]:
    """Pairs of paragraphs still free (``free``: each side's, in order) that keep most of
    the content words of the shorter, in any order and with other words round them (see
    ``SHARED_IN_PLACE``), each with its :func:`_similarity`: a lede turned from passive to
    active, a quote turned into reported speech, a paragraph cut to the clause that
    mattered. Each must be the other's only such partner, so that OLD -> NEW pairs as
    NEW -> OLD does."""
    need = _shared_need(threshold)
    if need is None:
        return []
    (units_a, units_b), (free_a, free_b) = units, free
    pairs: Iterable[tuple[int, int]]
    if len(free_a) * len(free_b) <= EXHAUSTIVE_PAIRS:
        pairs = ((i, j) for i in free_a for j in free_b)
    else:  # a long story: only paragraphs between the same two pairs (no moves looked for)
        gaps_a = _by_gap(free_a, partner_a, (ids[0][0], ids[0][-1]), True)
        gaps_b = _by_gap(free_b, partner_b, (ids[1][0], ids[1][-1]), False)
        pairs = (
            (i, j)
            for key in gaps_a.keys() & gaps_b.keys()
            if len(gaps_a[key]) * len(gaps_b[key]) <= EXHAUSTIVE_PAIRS
            for i in gaps_a[key]
            for j in gaps_b[key]
        )
    candidates = []
    for i, j in pairs:
        words_a, words_b = _content_words(units_a[i]), _content_words(units_b[j])
        shorter, longer = sorted((len(words_a), len(words_b)))
        if shorter < SHARED_ALONE_MIN_WORDS:
            continue
        common = len(words_a & words_b)
        if common < SHARED_ALONE_MIN_COMMON:
            continue
        wanted = need if shorter >= SHARED_SHORT_RATIO * longer else max(need, SHARED_SHORT_IN_LONG)
        strict = shorter >= SHARED_MIN_WORDS and common >= SHARED_MIN_COMMON
        if common < wanted * shorter:
            # (Fewer words kept, under the same subject: only a paragraph rewritten alone
            # in its place, see ``LONE_LEAST``.)
            if not (
                strict
                and shorter >= SHARED_SHORT_RATIO * longer
                and common >= LONE_LEAST * shorter
                and _same_opening(units_a[i], units_b[j])
            ):
                continue
            lone = True
        else:
            lone = False
        if not strict and not _same_opening(units_a[i], units_b[j]):
            continue  # (a pair with fewer words is kept only under one subject: see below)
        score = _similarity(units_a[i].code, units_b[j].code)
        if score >= SHARED_FLOOR and not _quotes_replaced(units_a[i].text, units_b[j].text):
            candidates.append((i, j, score, common / shorter, common, strict, lone))
    if not candidates:
        return []  # (most stories)
    # A paragraph that moved needs more, one short or with few words in common must be
    # alone in its place on one side (the places are found only now: most stories have no
    # candidate).
    place_a, place_b = _places(partner_a.items())
    free_in: dict[tuple[int, int], list[int]] = {}  # (side, place) -> its free units
    if not all(strict and not lone for *_, strict, lone in candidates):
        for side, place, own in ((0, place_a, free_a), (1, place_b, free_b)):
            for k in own:
                free_in.setdefault((side, place(k)), []).append(k)

    def one_line_alone(i: int, j: int) -> bool:
        # Alone in its place on one side, or at the same end of it on both (the last before
        # the same kept paragraph, or the first after it): its place tells it is the same
        # line ("About 2,000 properties are without power." -> "About 2,000 properties lost
        # power when ...", a new paragraph above each; hand set 5).
        on_a, on_b = free_in[0, place_a(i)], free_in[1, place_b(j)]
        if not (
            len(on_a) == 1
            or len(on_b) == 1
            or (on_a[-1] == i and on_b[-1] == j)
            or (on_a[0] == i and on_b[0] == j)
        ):
            return False
        # (Both open with the same word, or they were no candidates: not "Eastgate: Labour
        # gain" / "Northgate: ... Labour".) A word in common besides the subject they open
        # with: "The health minister said the hospital would stay open." is no update of
        # "The health minister resigned."
        units = units_a[i], units_b[j]
        openings = _opening(units[0]), _opening(units[1])
        subject = set(openings[0]) & set(openings[1])
        return bool((_content_words(units[0]) & _content_words(units[1])) - subject)

    # Every content word of the shorter kept, under the same subject (as every pair that is
    # not strict opens): a line that grew a clause where it went ("Pilots at the airline are
    # not involved in the dispute." -> "Pilots are not involved in the dispute, but ...").
    def keeps(i: int, j: int, share: float, common: int, strict: bool, lone: bool) -> bool:
        in_place = place_a(i) == place_b(j)
        if lone:  # (fewer words kept: only a paragraph rewritten alone in its place)
            return (
                in_place
                and len(free_in[0, place_a(i)]) == len(free_in[1, place_b(j)]) == 1
                and _kept_past_opening(units_a[i], units_b[j]) >= SHARED_MIN_COMMON
            )
        return (
            (in_place and (strict or one_line_alone(i, j)))
            or (strict and share >= need + SHARED_MOVED_MORE and common >= SHARED_MOVED_COMMON)
            or (not strict and share == 1 and common >= SHARED_GROWN_MIN_COMMON)
        )

    kept = [
        (i, j, score)
        for i, j, score, share, common, strict, lone in candidates
        if keeps(i, j, share, common, strict, lone)
    ]
    counts = Counter(chain.from_iterable(((0, i), (1, j)) for i, j, _ in kept))
    return [(i, j, score) for i, j, score in kept if counts[0, i] == counts[1, j] == 1]


_QUOTED = regex_cache.compile(r'["\u201c]([^"\u201c\u201d]{12,})["\u201d]')


def _quotes_replaced(a: str, b: str) -> bool:
    """Whether both texts quote someone and the quotes share under half the content words
    of the shorter: a quote replaced by another from the same person, its attribution kept."""
    quoted_a, quoted_b = _QUOTED.findall(a), _QUOTED.findall(b)
    if not quoted_a or not quoted_b:
        return False
    words_a, words_b = _content_of(fold(" ".join(quoted_a))), _content_of(fold(" ".join(quoted_b)))
    shorter = min(len(words_a), len(words_b))
    return shorter > 0 and len(words_a & words_b) < 0.5 * shorter


def _folded_free(
    units_a: _Units,
    units_b: _Units,
    groups: Mapping[int, _Group],
    free_a: Sequence[int],
    free_b: Sequence[int],
) -> list[tuple[str, int, _Group]]:
    """Free paragraphs whose text went into a paragraph elsewhere that continues another:
    ("a", x, group) for OLD x merged into the group's one NEW paragraph, ("b", y, group)
    for NEW y split from its one OLD paragraph, when the words that paragraph has and its
    partners lack hold ``FOLDED_SHARE`` or more of x's (or y's) content words,
    ``FOLDED_MIN_WORDS`` at least ("Drury left court without speaking to reporters." folded
    two paragraphs down into "Drury, who is married to ..., left court without a word.").
    The neighbours were looked at already (:func:`_grow_groups`); these may stand anywhere.
    A paragraph with two such groups goes to neither, and so does a group with two such
    paragraphs."""
    units = {"a": units_a, "b": units_b}

    def plain(unit: _Unit) -> set[str]:
        """The words of a unit written in lower case somewhere in it."""
        return {w for w in _words(" ".join(unit.text.split())) if w.islower()}

    edited = [g for g in groups.values() if g.score < 1]
    rests: dict[tuple[str, int], set[str]] = {}  # (side folded into, group) -> its rest

    def rest(side: str, group: _Group) -> set[str] | None:
        """The content words of the group's one paragraph on the other side that its
        partners on ``side`` lack; None for a group of several there."""
        targets, sources = (group.b, group.a) if side == "a" else (group.a, group.b)
        if len(targets) != 1:
            return None
        key = (side, id(group))
        if key not in rests:
            other = units["b" if side == "a" else "a"][targets[0]]
            rests[key] = _content_words(other).difference(
                *(_content_words(units[side][k]) for k in sources)
            )
        return rests[key]

    found = []
    for side, free in (("a", free_a), ("b", free_b)):
        if not free or len(free) * len(edited) > EXHAUSTIVE_PAIRS:
            continue
        for x in free:
            own = _content_words(units[side][x])
            if len(own) < FOLDED_MIN_WORDS:
                continue
            hits = []
            for group in edited:
                common = own & (rest(side, group) or set())
                if (
                    len(common) >= FOLDED_MIN_WORDS
                    and len(common) >= FOLDED_SHARE * len(own)
                    and len(common & plain(units[side][x])) >= FOLDED_MIN_PLAIN
                ):
                    hits.append(group)
            if len(hits) == 1:
                found.append((side, x, hits[0]))
    # A group wanted by two paragraphs (of either side: which version is OLD must not
    # decide) takes neither.
    wanted = Counter(id(group) for _, _, group in found)
    return [(side, x, group) for side, x, group in found if wanted[id(group)] == 1]


def _content_words(unit: _Unit) -> set[str]:
    """The content words of a unit (see :func:`_content_of`), made once."""
    if unit._content is None:
        unit._content = _content_of(unit._folded)
    return unit._content


def _kept_past_opening(a: _Unit, b: _Unit) -> int:
    """How many content words two units share besides those of the words they open with
    alike: "Residents of nearby Orchard Road were told ..." and "Residents of nearby Orchard
    Road said they had complained ..." share only their subject (0); "A fire tore through a
    furniture warehouse on the edge of Dunmore" and "A fire destroyed a furniture warehouse
    on the edge of Dunmore" share five words past "A fire"."""
    opening = set()
    for x, y in zip(_words(a._folded), _words(b._folded), strict=False):
        if x != y:
            break
        opening.add(x.removesuffix("'s"))
    return len((_content_words(a) & _content_words(b)) - opening)


def _same_opening(a: _Unit, b: _Unit) -> bool:
    """Whether two units open with the same content word (see :func:`_opening`)."""
    opening = _opening(a)
    return bool(opening) and opening[:1] == _opening(b)[:1]


def _opening(unit: _Unit) -> tuple[str, ...]:
    """The content words a unit opens with (a possessive as its name), up to its first
    ``_BAG_STOP_WORDS`` after them: "The health minister said ..." -> health, minister."""
    found: list[str] = []
    for word in _words(unit._folded):
        word = word.removesuffix("'s")
        if word not in _BAG_STOP_WORDS:
            found.append(word)
        elif found:
            break
    return tuple(found)


def _content_of(folded: str) -> set[str]:
    """The words of a folded text less ``_BAG_STOP_WORDS``, a possessive as its name
    ("Okafor's" is "Okafor": a noun phrase turned round, "the set by Okafor" -> "Okafor's
    set")."""
    found = set()
    for word in _words(folded):
        if word.endswith("'s"):  # (folded: a curly apostrophe is straight)
            word = word[:-2]
        if word not in _BAG_STOP_WORDS:
            found.add(word)
    return found


def _grown_short_texts(
    codes_a: Mapping[int, str],
    codes_b: Mapping[int, str],
    ids_a: Sequence[int],
    ids_b: Sequence[int],
    partner_a: Mapping[int, int],
    partner_b: Mapping[int, int],
    coder: _Coder,
) -> list[tuple[int, int]]:
    """Pairs of free units in the same place, one of them a short text (a subheading, a
    one-line quote, an update stamp) found at the start or end of the other, or as the
    whole of it, numbers aside or with a word put in (see :func:`_short_in_long`): "Public
    reaction" that became "Public reaction. Residents queued for an hour.", "Updated
    16:40" that became "Updated 16:52". Too short for the containment rule of
    :func:`_similarity` or to score above the threshold, such a text is the same
    paragraph edited only where it stands: between the same two pairs on both sides. A
    unit with two such partners keeps neither, so that OLD -> NEW pairs as NEW -> OLD
    does."""
    free_a = [i for i in ids_a if i not in partner_a]
    free_b = [j for j in ids_b if j not in partner_b]
    if not free_a or not free_b:
        return []
    shortest = min(min(len(codes_a[i]) for i in free_a), min(len(codes_b[j]) for j in free_b))
    if shortest >= CONTAINED_MIN_WORDS:
        return []  # no short text (most stories, whole)
    numbers, negations = coder.numbers, coder.negations()
    found: list[tuple[int, int]] = []
    for gap_a, gap_b in _gaps(ids_a, ids_b, partner_a, partner_b):
        if not gap_a or not gap_b:
            continue
        grown = {
            *_short_in_long(gap_a, gap_b, codes_a, codes_b, numbers, negations),
            *(
                (i, j)
                for j, i in _short_in_long(gap_b, gap_a, codes_b, codes_a, numbers, negations)
            ),
        }
        counts = Counter(chain.from_iterable(((0, i), (1, j)) for i, j in grown))
        found += sorted((i, j) for i, j in grown if counts[0, i] == counts[1, j] == 1)
    if found:
        # A short text found at the start or end of the partner of the unit beside it is
        # that pair's split or merge, which the groups grow later, not another paragraph
        # grown: a forecast's "Tuesday: Showers ... Highs of 13C." split before "Highs of
        # 13C." lost the half to "Wednesday: Showers ... Highs of 12C." below it, numbers
        # aside.
        sides = (
            (codes_a, partner_a, codes_b, numbers, negations),
            (codes_b, partner_b, codes_a, numbers, negations),
        )
        found = [
            (i, j)
            for i, j in found
            if not _half_beside(i, *sides[0]) and not _half_beside(j, *sides[1])
        ]
    return found


def _half_beside(
    x: int,
    codes: Mapping[int, str],
    partner: Mapping[int, int],
    other_codes: Mapping[int, str],
    numbers: Container[str],
    negations: Container[str],
) -> bool:
    """Whether unit x, if a short text, is found at the start or end of the partner of a
    unit beside it (see :func:`_short_in_long`), a partner longer than that unit: the text
    it lost may be x. (Not a stamp beside a stamp: "Updated 19:31" is found whole in the
    partner of "Updated 15:55" above it, but that one lost nothing.)"""
    if len(codes[x]) >= CONTAINED_MIN_WORDS:
        return False
    partners = []
    for k in (x - 1, x + 1):
        y = partner.get(k)
        if y is not None and len(other_codes[y]) > len(codes[k]):
            partners.append(y)
    return any(_short_in_long((x,), partners, codes, other_codes, numbers, negations))


def _by_gap(
    ids: Sequence[int], partner: Mapping[int, int], bounds: tuple[int, int], mapped: bool
) -> dict[tuple[int, int], list[int]]:
    """Free units (of one side, running from ``bounds[0]`` to ``bounds[1]``) by the two
    pairs around them, each named by its NEW unit (``mapped``: the side is OLD). The pairs
    around the last unit serve the next one while it stands before the pair after (the
    units come in order): each gap is walked once, not once per unit in it (a story
    rewritten throughout is one gap of thousands)."""
    found: dict[tuple[int, int], list[int]] = {}
    lo, hi = bounds
    before = after = lo - 1  # no unit yet
    key = (-1, -1)
    for x in ids:
        if not before < x < after:
            before, after = x - 1, x + 1
            while before >= lo and before not in partner:
                before -= 1
            while after <= hi and after not in partner:
                after += 1
            if mapped:
                key = (partner.get(before, -1), partner.get(after, -1))
            else:
                key = (before if before >= lo else -1, after if after <= hi else -1)
        found.setdefault(key, []).append(x)
    return found


#: The sentences two paragraphs kept must hold this share of the words of each, at least.
KEPT_MIN_SHARE = 1 / 3
#: A kept sentence this long tells two paragraphs are one though it names nothing: stock
#: lines are short ("Police said the investigation was continuing.": six words).
KEPT_LONG_WORDS = 15


def _kept_sentences(
    units_a: _Units,
    units_b: _Units,
    ids_a: Sequence[int],
    ids_b: Sequence[int],
    partner_a: Mapping[int, int],
    partner_b: Mapping[int, int],
    bounds_a: tuple[int, int],
    bounds_b: tuple[int, int],
) -> list[tuple[int, int]]:
    """Pairs of free units of ``ids_a`` and ``ids_b``, where they stood (between the
    same two pairs on both sides, the units of each side running from ``bounds[0]`` to
    ``bounds[1]``), that share a whole sentence of CONTAINED_MIN_WORDS words or more, word
    for word: a paragraph that lost one sentence and gained another ("Harbourside have 41
    points from 20 games. Caldwell drop to fourth." -> "Harbourside have 41 points from 20
    games. Officials gave no details.") is under half new words, too few for the
    threshold, and too many for containment, which looks at the shorter text whole. Each
    unit with one such partner only, so that OLD -> NEW pairs as NEW -> OLD does.

    The sentences kept must hold KEPT_MIN_SHARE of the words of each paragraph, and one of
    them name something, a number or a name (a capital after its first word), or be long
    (KEPT_LONG_WORDS): a stock
    line ("Police said the investigation was continuing.") ends an arrest and a burglary
    alike, and two paragraphs that share only it, or a few words in forty, are two
    stories."""
    gaps_a = _by_gap(ids_a, partner_a, bounds_a, True)
    gaps_b = _by_gap(ids_b, partner_b, bounds_b, False)
    shared = gaps_a.keys() & gaps_b.keys()
    if not shared:
        return []  # (most stories)

    def sentences(units: _Units, ids: list[int]) -> dict[str, list[int]]:
        """The units' sentences of six words or more (five spaces: a first cut), by text."""
        found: dict[str, list[int]] = {}
        for x in ids:
            for sentence in set(units[x]._folded.rstrip(" .").split(". ")):
                if sentence.count(" ") >= CONTAINED_MIN_WORDS - 1:
                    found.setdefault(sentence, []).append(x)
        return found

    kept: Counter[tuple[int, int]] = Counter()  # the words of the sentences each pair kept
    named = set()
    for gap in shared:
        in_a, in_b = sentences(units_a, gaps_a[gap]), sentences(units_b, gaps_b[gap])
        for sentence in in_a.keys() & in_b.keys():
            xs, ys = in_a[sentence], in_b[sentence]
            if len(xs) == len(ys) == 1:
                words = len(_words(sentence))
                if words >= CONTAINED_MIN_WORDS:
                    kept[xs[0], ys[0]] += words
                    # (Either side's case: OLD -> NEW pairs as NEW -> OLD does.) A long
                    # sentence is no stock line, names or not.
                    if (
                        words >= KEPT_LONG_WORDS
                        or _names_something(sentence, units_a[xs[0]])
                        or _names_something(sentence, units_b[ys[0]])
                    ):
                        named.add((xs[0], ys[0]))
    pairs = [
        (i, j)
        for (i, j), words in kept.items()
        if (i, j) in named
        and words >= KEPT_MIN_SHARE * max(len(units_a[i].code), len(units_b[j].code))
    ]
    counts = Counter(chain.from_iterable(((0, i), (1, j)) for i, j in pairs))
    return sorted((i, j) for i, j in pairs if counts[0, i] == counts[1, j] == 1)


def _names_something(sentence: str, unit: _Unit) -> bool:
    """Whether a sentence of the unit (folded, as cut by :func:`_kept_sentences`) holds a
    number or a name: a word that starts with a capital in the unit's text, not first in
    the sentence ("I" aside). One that names nothing is what stock lines are made of ("No
    one was hurt.", "Officials said the investigation was continuing."). (Where case says
    nothing, in a script without it or a language that capitalises its nouns, or where
    the text cannot be read back sentence by sentence, a sentence names something.)"""
    if any(c.isdigit() for c in sentence):
        return True
    folded = unit._folded.rstrip(" .").split(". ")
    cased = normalize(unit.text).rstrip(" .").split(". ")
    if len(cased) != len(folded) or sentence not in folded:
        return True
    text = cased[folded.index(sentence)]
    if text == sentence:
        return True  # no case at all
    return any(
        w[:1].isupper() and w != "I" for w in (w.lstrip("\"'(") for w in text.split(" ")[1:])
    )


#: A short text moved elsewhere pairs only with this many words besides its numbers.
MOVED_SHORT_MIN_WORDS = 3


def _moved_short_texts(
    codes_a: Mapping[int, str],
    codes_b: Mapping[int, str],
    free_a: list[int],
    free_b: list[int],
    partner_a: Mapping[int, int],
    coder: _Coder,
) -> list[tuple[int, int]]:
    """Pairs of the free units ``free_a`` and ``free_b``, anywhere in the story, one a short
    text of at least MOVED_SHORT_MIN_WORDS words besides its numbers that is found at the start
    or end of the other, or as the whole of it (see :func:`_short_in_long`), each the other's
    only such partner among the free units: a list line moved and given a sentence ("Newtown:
    Labour hold" -> "Newtown: Labour hold. A recount was refused." three lines up), a Q&A
    question moved and answered in the same paragraph. :func:`_grown_short_texts` pairs such a
    text only where it stood; out of place, a line of one or two words ("Public reaction", "Read
    more") could start any paragraph, but three words found whole in one free paragraph, and in
    no other, are that line. Out of its place its numbers must agree too: they are what tells
    one list line from another ("Ward 3: Conservative hold" dropped is not "Ward 9:
    Conservative hold after a recount ..." added at the top); in place, as where it stood, an
    update's new time is the same line edited. Like a line several paragraphs start with,
    several lines alike pair none (a result list's "Ward 3: Labour hold" and "Ward 4: Labour
    hold" in place, numbers aside)."""
    numbers = coder.numbers

    def short(codes: Mapping[int, str], free: list[int]) -> list[int]:
        return [
            x
            for x in free
            if len(codes[x]) < CONTAINED_MIN_WORDS
            and sum(c not in numbers for c in codes[x]) >= MOVED_SHORT_MIN_WORDS
        ]

    short_a, short_b = short(codes_a, free_a), short(codes_b, free_b)
    if not short_a and not short_b:
        return []  # (most stories)
    negations = coder.negations()
    found = {
        *_short_in_long(short_a, free_b, codes_a, codes_b, numbers, negations),
        *((i, j) for j, i in _short_in_long(short_b, free_a, codes_b, codes_a, numbers, negations)),
    }
    # Each pair found numbers aside (or standing for several lines alike): out of place, its
    # numbers must be the same.
    exact = frozenset[str]()
    differ = [
        (i, j)
        for i, j in found
        if not any(_short_in_long((i,), (j,), codes_a, codes_b, exact, negations))
        and not any(_short_in_long((j,), (i,), codes_b, codes_a, exact, negations))
    ]
    if differ:
        place_a, place_b = _places(partner_a.items())
        found -= {(i, j) for i, j in differ if place_a(i) != place_b(j)}
    counts = Counter(chain.from_iterable(((0, i), (1, j)) for i, j in found))
    return sorted((i, j) for i, j in found if counts[0, i] == counts[1, j] == 1)


#: Stands for every number in a masked code (no word's code: those start at U+0001).
NUMBER = "\0"


def _short_in_long(
    shorts: Sequence[int],
    longs: Sequence[int],
    codes: Mapping[int, str],
    long_codes: Mapping[int, str],
    numbers: Container[str],
    negations: Container[str] = frozenset(),
) -> Iterator[tuple[int, int]]:
    """(short, long) pairs where the short unit (under CONTAINED_MIN_WORDS words, not all
    numbers) is the start or the end of the other one, or the whole of it, its numbers
    aside ("Updated 15:10" and "Updated 17:10. Crews ..."), or with one word put inside
    ("When will it end?" and "When will it reportedly end? ..."). Found through the
    others' starts and ends (a gap can hold a whole story: no pair of units is compared)."""

    def masked(code: str) -> str:
        return "".join([NUMBER if c in numbers else c for c in code]) if numbers else code

    keys = {}
    for x in shorts:
        code = codes[x]
        if 0 < len(code) < CONTAINED_MIN_WORDS:
            key = masked(code)
            if key.count(NUMBER) < len(key):
                keys[x] = key
    if not keys:
        return
    sizes = sorted({len(key) for key in keys.values()})
    # The starts, and the ends read backwards (last word first), of the others, as long
    # as the short texts.
    starts: dict[str, set[int]] = defaultdict(set)
    ends: dict[str, set[int]] = defaultdict(set)
    for y in longs:
        code = long_codes[y]
        top = min(sizes[-1], len(code))
        for found, end in (
            (starts, masked(code[: top + 1])),
            (ends, masked(code[-top - 1 :])[::-1]),
        ):
            for n in sizes:
                if n > top:
                    break
                found[end[:n]].add(y)
                if n < len(end):  # n words of the short text, one put inside them
                    for k in range(1, n):
                        if end[k] not in negations:  # "What we don't know" says the opposite
                            found[end[:k] + end[k + 1 : n + 1]].add(y)
    nothing: set[int] = set()
    by_key: dict[str, list[int]] = defaultdict(list)
    for x, key in keys.items():
        by_key[key].append(x)
    for key, xs in by_key.items():
        partners = sorted(starts.get(key, nothing) | ends.get(key[::-1], nothing))
        yield from ((xs[0], y) for y in partners)
        if partners:
            # Several short texts alike (a live blog's stamps, numbers aside): all their
            # pairs are given up, and these say so of every unit in them without listing
            # every pair (the caller keeps a unit in one pair only).
            yield from ((x, partners[0]) for x in xs[1:])


def _grow_groups(
    units_a: _Units,
    units_b: _Units,
    groups: dict[int, _Group],
    partner_a: dict[int, int],
    partner_b: dict[int, int],
    ids_a: Sequence[int],
    ids_b: Sequence[int],
    adjacent: Callable[[str, int, int], bool] | None,
    threshold: float,
) -> None:
    """Turn pairs into splits and merges where a free neighbour makes them more alike, is
    found in the partner word for word (a subheading merged into a long paragraph adds too
    little to its score to gain the margin), or pairs with the rest of the partner, the
    words the pair does not share (the second half of a split that grew a clause of its
    own lowers the pair's score: "She said she would stay. | She said she would stay, but
    added: ..."). By that last test a group also takes a free unit past one free neighbour,
    which stays added: a paragraph split with a new sentence put between its halves."""
    # A group grows only by a free unit: with every unit paired (the sentences of most
    # reworded paragraphs) none can, and nothing is set up (~50,000 instructions a
    # paragraph, ~7M at 2,000 paragraphs). (Pairs are of the units of ids_a and ids_b.)
    if len(partner_a) == len(ids_a) and len(partner_b) == len(ids_b):
        return
    # Identical texts (most of them) have nothing to gain and are not looked at. Groups in
    # order of OLD + NEW position, the same order either way round (for groups in order,
    # the order of OLD).
    growable = sorted(
        (g for g in groups.values() if g.score < 1),
        key=lambda g: (g.a[0] + g.b[0], min(g.a[0], g.b[0])),
    )
    if not growable:
        return
    in_b = set(ids_b)
    in_a = set(ids_a)
    ok = adjacent or (lambda side, x, y: True)

    # The Indel distance and sizes of each pair of unit lists looked at: a group's own
    # pair is the base of every neighbour tried, on both sides, and a grown pair that is
    # taken is the next step's base.
    measured: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[int, int, int]] = {}

    def measure(a: Sequence[int], b: Sequence[int]) -> tuple[int, int, int]:
        key = (tuple(a), tuple(b))
        found = measured.get(key)
        if found is None:
            text_a, text_b = _joined_codes(units_a, a), _joined_codes(units_b, b)
            found = measured[key] = (Indel.distance(text_a, text_b), len(text_a), len(text_b))
        return found

    def step(group: _Group, side: str) -> tuple[float, int] | None:
        """The first free neighbour on ``side`` (before, then after) that the group gains
        by taking, with the score it would have."""
        pool, partner = (in_b, partner_b) if side == "b" else (in_a, partner_a)
        members = group.b if side == "b" else group.a
        units = units_b if side == "b" else units_a
        tried = []
        for k in (members[0] - 1, members[-1] + 1):
            if k not in pool or k in partner or not ok(side, k, members[0]):
                continue
            grown = sorted([*members, k])
            base = measure(group.a, group.b)
            if side == "b":
                grown_distance, size_a, size_b = measure(group.a, grown)
            else:
                grown_distance, size_a, size_b = measure(grown, group.b)
            score = _scored(size_a, size_b, grown_distance) if size_a or size_b else 1.0
            # Every word of the neighbour found in the partner, in its place: the
            # distance falls by its length.
            found = grown_distance <= base[0] - len(units[k].code)
            if score >= group.score + GROUP_MARGIN or (found and score > group.score):
                return score, k
            tried.append(k)
        if not tried:
            return None
        # The rest of the partner (see above): the words the pair does not share, twice.
        distance, base_a, base_b = base
        common = base_a + base_b - distance
        if 2 * (base_a if side == "b" else base_b) - common < 2 * REST_MIN_WORDS:
            return None  # (every group at 2,000 paragraphs)
        # The neighbours tried, then past each (which stays free) by the rest alone.
        for k in (*tried, *(k - 1 if k < members[0] else k + 1 for k in tried)):
            if k not in pool or k in partner or not ok(side, k, members[0]):
                continue
            grown = sorted([*members, k])
            if side == "b":
                grown_distance, size_a, size_b = measure(group.a, grown)
            else:
                grown_distance, size_a, size_b = measure(grown, group.b)
            # Only a neighbour that brings the pair REST_MIN_WORDS more words in common, in
            # order, can pair with the rest: told by the distances measured, before the
            # rest is worked out.
            if size_a + size_b - grown_distance - common < 2 * REST_MIN_WORDS:
                continue
            code = units[k].code
            for rest in rest_of(group, side):
                if len(rest) >= REST_MIN_WORDS and (
                    _similarity(rest, code) >= threshold or shares_words(code, rest)
                ):
                    score = _scored(size_a, size_b, grown_distance) if size_a or size_b else 1.0
                    return score, k
        return None

    rests: dict[tuple[tuple[int, ...], tuple[int, ...], str], list[str]] = {}
    shared_need = _shared_need(threshold)
    stop: list[set[str]] = []  # the codes of _BAG_STOP_WORDS, made when first needed

    def shares_words(code: str, rest: str) -> bool:
        """Whether the rest keeps most of the content words of a neighbour's ``code``, in
        any order (see ``SHARED_IN_PLACE``): "Brennock's penalty stretched the lead to
        20-7." merged as "Brennock's penalty made it 20-7, but ..."."""
        if shared_need is None:
            return False
        if not stop:
            codes = units_a[ids_a[0]].coder.codes
            stop.append({codes[w] for w in _BAG_STOP_WORDS if w in codes})
        own = set(code) - stop[0]
        common = len(own & set(rest))
        return (
            len(own) >= SHARED_MIN_WORDS
            and common >= SHARED_MIN_COMMON
            and common >= shared_need * len(own)
        )

    def rest_of(group: _Group, side: str) -> list[str]:
        """The words of the side that is not growing that the pair does not share (outside
        their longest common subsequence), in order: all of them, then those of each of
        its sentences (the rest of a merge also holds the words the pair's own sentence
        gained: "The cause is not known, and investigators are expected to ...")."""
        key = (tuple(group.a), tuple(group.b), side)
        found = rests.get(key)
        if found is None:
            text_a, text_b = _joined_codes(units_a, group.a), _joined_codes(units_b, group.b)
            spans_a, spans_b = _unshared(text_a, text_b)
            if side == "b":  # a split: what of OLD the NEW units lack
                text, units, members, spans = text_a, units_a, group.a, spans_a
            else:
                text, units, members, spans = text_b, units_b, group.b, spans_b
            found = rests[key] = ["".join([text[start:end] for start, end in spans])]
            parts = [len(part) for k in members for part in units[k]._parts]
            if len(parts) > 1 and len(found[0]) >= REST_MIN_WORDS:
                # Each sentence's words of the rest (spans cut at the sentences' ends).
                ends = list(accumulate(parts))
                pieces: list[list[str]] = [[] for _ in ends]
                for start, end in spans:
                    n = bisect.bisect_right(ends, start)
                    while start < end:
                        cut = min(end, ends[n])
                        pieces[n].append(text[start:cut])
                        start, n = cut, n + 1
                found.extend(
                    rest
                    for rest in map("".join, pieces)
                    if len(rest) >= REST_MIN_WORDS and rest != found[0]
                )
            # And the words it opens or closes with that the pair does not share: a
            # paragraph folded in as a closing clause ("Work began in 2022." -> "..., on
            # which work began in 2022"), where the rest as a whole also holds the words
            # reworded along the way.
            if spans:
                for start, end in {spans[0], spans[-1]}:
                    edge = text[start:end]
                    if (
                        (start == 0 or end == len(text))
                        and len(edge) >= REST_MIN_WORDS
                        and edge not in found
                    ):
                        found.append(edge)
        return found

    # Growing a group only takes free units, so one pass in order is enough.
    for group in growable:
        while group.score < 1:
            # A group of one unit on each side may grow on either: a split of its OLD
            # unit, or a merge into its NEW one. When both gain, the higher score wins,
            # then the shorter neighbour, then the text: which side is OLD must not decide
            # (issue 3, the result mirrored), so twin neighbours grow neither.
            on_b = step(group, "b") if len(group.a) == 1 else None
            on_a = step(group, "a") if len(group.b) == 1 else None
            if on_b and on_a:
                unit_b, unit_a = units_b[on_b[1]], units_a[on_a[1]]
                rank_b = (-on_b[0], len(unit_b.code), unit_b.text)
                rank_a = (-on_a[0], len(unit_a.code), unit_a.text)
                if rank_b == rank_a:
                    break
                if rank_b < rank_a:
                    on_a = None
                else:
                    on_b = None
            if on_b:
                group.score, k = on_b
                group.b[:] = sorted([*group.b, k])
                partner_b[k] = group.a[0]
            elif on_a:
                group.score, k = on_a
                group.a[:] = sorted([*group.a, k])
                partner_a[k] = group.b[0]
            else:
                break


def _give_way(
    units_a: _Units,
    units_b: _Units,
    groups: dict[int, _Group],
    partner_a: dict[int, int],
    partner_b: dict[int, int],
    adjacent: Callable[[str, int, int], bool] | None,
) -> bool:
    """Undo the pairs out of place (moves) that took one half of a split or merge in
    place: a pair is taken best first, before any group grows, so a paragraph elsewhere
    that repeats a quote ('"We were second best for 45 minutes," Pullen said') took the
    quote's half of the paragraph split in two, and the paragraph it had been merged into
    lost it: a false move, two pairs less alike than they are. A pair out of place gives
    way when a neighbouring group in place, of one unit on the other side, would gain the
    merge margin by taking its unit on either side, and be more alike than the pair.
    Returns whether any did (their units are free again)."""
    # A pair of one unit each out of order with a pair beside it, on either side (one in
    # order with its neighbours on both sides stayed): none in most stories.
    growable = [g for g in groups.values() if g.score < 1]
    if len(growable) < 2:
        return False  # a pair that gives way and a group that takes its unit: neither here
    suspects = set()
    get_a, get_b = partner_a.get, partner_b.get
    for g in growable:
        if len(g.a) == 1 and len(g.b) == 1:
            i, j = g.a[0], g.b[0]
            if (
                get_a(i - 1, -1) > j
                or get_a(i + 1, j) < j
                or get_b(j - 1, -1) > i
                or get_b(j + 1, i) < i
            ):
                suspects.add(i)
    if not suspects:
        return False
    ok = adjacent or (lambda side, x, y: True)
    # (group, the pair beside it, side): a pair of one unit each, next to a group that
    # may grow on that side (one unit on the other), out of order with some neighbour.
    found = []
    for h in growable:
        for side, members, partner in (("b", h.b, partner_b), ("a", h.a, partner_a)):
            if len(h.a if side == "b" else h.b) != 1:
                continue
            for k in (members[0] - 1, members[-1] + 1):
                # The OLD unit of the pair beside h: its partner's, or k itself.
                old_unit = partner.get(k, -1) if side == "b" else k
                neighbour = groups.get(old_unit) if old_unit in suspects else None
                if neighbour is not None and neighbour is not h and ok(side, k, members[0]):
                    found.append((neighbour, h, side))
    wanted = []
    for g, h, side in found:
        x = g.a[0] if side == "a" else g.b[0]
        a = sorted([*h.a, x]) if side == "a" else h.a
        b = sorted([*h.b, x]) if side == "b" else h.b
        text_a = "".join(units_a[y].code for y in a)
        text_b = "".join(units_b[y].code for y in b)
        score = _scored(len(text_a), len(text_b), Indel.distance(text_a, text_b))
        if score >= h.score + GROUP_MARGIN and score > g.score:
            wanted.append((g, h))
    if not wanted:
        return False  # (most stories)
    # Only now the places: the pair must be out of place, the group that wants it in place.
    kept = set(_in_every_run((g.a[0], g.b[0]) for g in groups.values()))
    given = False
    for g, h in sorted(wanted, key=lambda t: (t[0].a[0] + t[0].b[0], min(t[0].a[0], t[0].b[0]))):
        i, j = g.a[0], g.b[0]
        if i in groups and (i, j) not in kept and (h.a[0], h.b[0]) in kept:
            del groups[i], partner_a[i], partner_b[j]
            given = True
    return given


def _longest_increasing(values: Sequence[int], lengths: Sequence[int] | None = None) -> set[int]:
    """Positions of one longest strictly increasing subsequence of ``values``.

    With ``lengths``, ``values[pos]`` stands for the run ``value, value + 1, ...,
    value + lengths[pos] - 1`` in a row, and no other value falls inside a run. The search
    takes such a run whole or not at all, so it keeps or drops the run's position: its k-th
    value goes to tail ``k0 + k`` (the tail after ``value + k - 1`` is above ``value + k``,
    which is not there yet), pointing back at the one before; and no later value can point
    back at, or end, the subsequence at any run value but the last (to land after
    ``value + k``, it would have to lie between it and ``value + k + 1``)."""
    tails: list[int] = []
    tail_pos: list[int] = []
    back = [-1] * len(values)
    top = -1  # tail_pos[-1], the position the longest subsequence so far ends at
    for pos, value in enumerate(values):
        length = lengths[pos] if lengths is not None else 1
        if length == 1 and (not tails or value > tails[-1]):
            # Mostly in order: a value beyond the last tail extends the longest, with no
            # search (the steps below, written out for it: 2M instructions less for the
            # groups of paragraphs and sentences at 2,000 paragraphs).
            back[pos] = top
            tails.append(value)
            tail_pos.append(pos)
            top = pos
            continue
        k = len(tails) if not tails or value > tails[-1] else bisect.bisect_left(tails, value)
        if length == 1:
            if k == len(tails):
                tails.append(value)
                tail_pos.append(pos)
            else:
                tails[k] = value
                tail_pos[k] = pos
        else:  # the run's values take tails k, k + 1, ... (past the end: appended)
            tails[k : k + length] = range(value, value + length)
            tail_pos[k : k + length] = [pos] * length
        back[pos] = tail_pos[k - 1] if k else -1
        top = tail_pos[-1]
    keep: set[int] = set()
    pos = tail_pos[-1] if tail_pos else -1
    while pos >= 0:
        keep.add(pos)
        pos = back[pos]
    return keep


def _mark_moves(groups: list[_Group]) -> None:
    """Groups (sorted by OLD position) outside the longest in-order run have moved. An
    identical group counts as its sentences, in a row. Copies that hold order (see
    :class:`_Group`) only break ties: see :func:`_in_order`."""
    placed = [g for g in groups if not g.anywhere]
    in_order = _in_order(placed)
    for pos, group in enumerate(placed):
        group.moved = pos not in in_order


def _in_order(placed: Sequence[_Group]) -> set[int]:
    """Positions in ``placed`` (groups sorted by OLD position, none ``anywhere``) of a
    longest run in order in NEW: the groups outside it moved. An identical group counts as
    its sentences, in a row."""
    lengths = [len(g.b) if g.identical else 1 for g in placed]
    in_order = _longest_increasing([g.b[0] for g in placed], lengths)
    if len(in_order) < len(placed) and any(g.holds_order for g in placed):
        return _copies_kept(placed, lengths)
    return in_order


def _copies_kept(placed: Sequence[_Group], lengths: Sequence[int]) -> set[int]:
    """A run in order that is longest for the groups that are no copy holding order, and of
    those keeps the most such copies. A copy only breaks ties: "The paragraph moved past
    the line of the text, or the line past it" goes to the paragraph when the story's own
    paragraphs keep as many in order either way, but a repeated line set elsewhere (a
    promo line every third paragraph, then every fourth) never makes a paragraph that kept
    its place among the others moved: the copy is what moved (it was 500 of 3,000
    paragraphs marked moved, review 28 item 2). A weighted longest run: a copy weighs 1,
    any other group more than all the copies together (per unit of its length)."""
    heavy = sum(1 for g in placed if g.holds_order) + 1
    weights = [1 if g.holds_order else heavy * n for g, n in zip(placed, lengths, strict=True)]
    # best[pos]: the heaviest run in order ending at pos. A Fenwick tree over NEW
    # positions keeps the heaviest run ending at or before each (its weight, its end).
    size = max(g.b[0] + n for g, n in zip(placed, lengths, strict=True)) + 1
    tree_weight = [0] * (size + 1)
    tree_pos = [-1] * (size + 1)
    back = [-1] * len(placed)
    best = [0] * len(placed)
    for pos, g in enumerate(placed):
        k = g.b[0]  # heaviest run ending before NEW position g.b[0] (tree index k = value k-1)
        top, top_pos = 0, -1
        while k > 0:
            if tree_weight[k] > top:
                top, top_pos = tree_weight[k], tree_pos[k]
            k -= k & -k
        best[pos] = top + weights[pos]
        back[pos] = top_pos
        k = g.b[0] + lengths[pos]  # the run's last NEW value + 1
        while k <= size:
            if best[pos] > tree_weight[k]:
                tree_weight[k], tree_pos[k] = best[pos], pos
            k += k & -k
    run: set[int] = set()
    pos = max(range(len(placed)), key=best.__getitem__, default=-1)
    while pos >= 0:
        run.add(pos)
        pos = back[pos]
    return run


def _reading_order(
    groups: Sequence[_Group],
    free_a: Sequence[int],
    free_b: Sequence[int],
    riding: Sequence[_Group] = (),
    home_a: Callable[[int], int] = lambda i: -1,
) -> list[tuple[list[int], list[int], _Group | None]]:
    """Blocks in NEW's order; removed units right after the in-order unit before them.
    ``riding`` groups are not moved but went along with their moved paragraph, so they say
    nothing about where the units around them in OLD went, except for a removed unit of that
    same paragraph (``home_a``: an OLD unit's paragraph), which stays with them."""
    # Each row's place is (NEW unit, -1, 0 or 1 for before, at or after it, OLD unit) read
    # as one integer, ((3 * NEW unit + 0, 1 or 2) * span + OLD unit): integers sort as those
    # tuples do, and cost less to make and compare (thousands of rows at 2,000 paragraphs).
    span = max(free_a) + 1 if free_a else 1
    at = 3 * span  # NEW unit j at: j * at + span
    rows: list[tuple[int, tuple[list[int], list[int], _Group | None]]]
    rows = [(g.b[0] * at + span, (g.a, g.b, g)) for g in groups]
    rows += [(j * at + span, ([], [j], None)) for j in free_b]
    # Where each in-order OLD unit went, to place removed units after their predecessor.
    skip = {id(g) for g in riding}
    anchors = sorted(
        [(g.a[-1], g.b[-1]) for g in groups if not g.moved and (not skip or id(g) not in skip)]
    )
    anchor_a = [a for a, _ in anchors]
    ride = sorted(riding, key=_first_old)
    ride_a = [g.a[0] for g in ride]
    for i in free_a:
        k = bisect.bisect_left(anchor_a, i)
        key = (anchors[k - 1][1] if k else -1) * at + 2 * span + i
        if ride:
            # Nearer than that predecessor, riding units of its own paragraph keep it there.
            r = bisect.bisect_left(ride_a, i)
            near = anchors[k - 1] if k else None
            own = near is not None and home_a(near[0]) == home_a(i)
            before = ride[r - 1] if r else None
            beyond = ride[r] if r < len(ride) else None
            if (
                before is not None
                and home_a(before.a[-1]) == home_a(i)
                and (near is None or before.a[-1] > near[0])
            ):
                key = before.b[-1] * at + 2 * span + i
            elif not own and beyond is not None and home_a(beyond.a[0]) == home_a(i):
                key = beyond.b[0] * at + i
        rows.append((key, ([i], [], None)))
    rows.sort(key=itemgetter(0))
    return [r[1] for r in rows]


def _edited(
    pair: tuple[_Unit, _Unit] | None, options: CompareOptions
) -> TypeGuard[tuple[_Unit, _Unit]]:
    """Whether a headline or standfirst pair is one text edited, alike enough to pair as
    sentences are, rather than one written anew."""
    return (
        pair is not None and _similarity(pair[0].code, pair[1].code) >= options.sentence_threshold
    )


def _lone_standfirst(old: Document, new: Document, coder: _Coder) -> str | None:
    """A standfirst only one version has, unless it repeats the headline or a passage of
    either text (a description copied from the lede, or the first lines of the text cut
    with "..." across a paragraph break: no news), or the version without one is plain
    text, which has nowhere to set one."""
    lone = old.standfirst or new.standfirst or ""
    key = coder.unit(lone).key.rstrip(" .…")
    if not key:
        return None
    other = new if old.standfirst else old
    if (other.provenance.content_type or "").startswith("text/plain"):
        return None
    for doc in (old, new):
        if doc.title and key in coder.unit(doc.title).key:
            return None
        if key in " ".join(coder.unit(p.text).key for p in doc.paragraphs):
            return None
    return lone


def _op(group: _Group, units_a: _Units, units_b: _Units) -> tuple[BlockOp, bool]:
    """``equal`` (and whether only cosmetically) or ``reworded``. Not for identical groups,
    which are equal sentence by sentence."""
    if len(group.a) == 1 and len(group.b) == 1:
        ua, ub = units_a[group.a[0]], units_b[group.b[0]]
        if ua.key == ub.key and _only_cosmetic(ua, ub):
            return "equal", ua.text != ub.text
    elif _joined(units_a, group.a) == _joined(units_b, group.b):
        # A split or merge that changed no word (an advert's box inside a paragraph split
        # it). Every split or merge is reworded, as issue 3 scores alignment; ``cosmetic``
        # says no word changed, so it is no difference for the exit status, and the
        # reading views show it unchanged (render.layout.as_read).
        return "reworded", True
    return "reworded", False


def _only_cosmetic(ua: _Unit, ub: _Unit) -> bool:
    """Whether two units of one key differ only cosmetically: their key pairs them whatever
    their case, but a word whose case changed ("help us" -> "help US") is an edit."""
    return ua.text == ub.text or cosmetic_key(ua.text) == cosmetic_key(ub.text)


def _recased(old: str, new: str) -> bool:
    """Whether two headlines of one key differ in a word's case or an "ß" written "ss" (an
    edit, as in the text), not in a style of the whole line: set in capitals or in title case
    on either side ("Council Approves Stormwater Fee" / "Council approves stormwater fee")."""
    if old == new or cosmetic_key(old) == cosmetic_key(new):
        return False
    return not any(line.isupper() or title_case(line) for line in (old, new))


def _no_word_changed(group: _Group, words: Sequence[WordOp]) -> bool:
    """Whether a pair of one sentence a side changed no word: the word diff reads as equal
    some differences the key does not (a space before a comma, a range dash spaced), and
    those are cosmetic."""
    return len(group.a) == 1 and len(group.b) == 1 and all(w.op == "equal" for w in words)


def _joined_codes(units: _Units, indices: Sequence[int]) -> str:
    """The word codes of units read as one text (what :func:`_similarity` compares)."""
    return "".join(units[k].code for k in indices)


def _joined(units: _Units, indices: Sequence[int]) -> str:
    """The keys of paragraphs read as one text, the full stops where they break ignored
    (a key has none at its end)."""
    return " ".join(units[i].key for i in indices).replace(". ", " ")


@paused_gc()
def align_documents(old: Document, new: Document, options: CompareOptions) -> Comparison:
    """Align two documents at paragraph, sentence and word level."""
    worker = None
    if options.facets:
        from compare import facets_worker

        worker = facets_worker.start(old, new)
    try:
        return _align_documents(old, new, options, worker)
    finally:
        if worker is not None:
            worker.close()


def _align_documents(
    old: Document, new: Document, options: CompareOptions, worker: FacetsWorker | None
) -> Comparison:
    coder = _Coder()
    para_a = [coder.unit(p.text) for p in old.paragraphs]
    para_b = [coder.unit(p.text) for p in new.paragraphs]
    paragraphs = _match(para_a, para_b, options.threshold, clauses=True)
    out_of_order: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    if options.detect_moves:
        _mark_moves(paragraphs.groups)
    else:
        # The pairs move detection would have marked moved, by the same rule (a copy paired
        # anywhere is none: it was counted, exit 1 for a page's repeated line).
        placed = [g for g in paragraphs.groups if not g.anywhere]
        in_order = _in_order(placed)
        out_of_order = {
            (tuple(g.a), tuple(g.b)) for pos, g in enumerate(placed) if pos not in in_order
        }
    # The sentences first, then the paragraph blocks, which nothing before the summary
    # reads: the facets worker is sent each reworded sentence pair as it is found (the
    # hints), ~20M instructions (~4 ms) sooner on the 2,000-paragraph pair.
    sentence_counts = _Counts()
    sentences = _align_sentences(
        old,
        new,
        paragraphs.groups,
        coder,
        options,
        worker.add if worker else None,
        worker.hint if worker else None,
        sentence_counts,
    )
    blocks, block_counts = _paragraph_blocks(paragraphs, para_a, para_b, sentences)
    # A headline on one side only is an extraction difference, not an edit. A standfirst
    # on one side only is an edit unless it repeats the text (a dek added with a new date:
    # a newsroom edits it as it edits the story).
    titles = (coder.unit(old.title), coder.unit(new.title)) if old.title and new.title else None
    headline_changed = titles is not None and (
        titles[0].key != titles[1].key or _recased(titles[0].text, titles[1].text)
    )
    standfirsts = None
    lone_standfirst: tuple[Change, ...] = ()  # (the news a standfirst on one side only gives)
    if old.standfirst and new.standfirst:
        standfirsts = (coder.unit(old.standfirst), coder.unit(new.standfirst))
    elif old.standfirst or new.standfirst:
        lone = _lone_standfirst(old, new, coder)
        if lone is not None:
            # Only what it states that the other version's text does not makes it an edit:
            # a description that restates the lede in other words is the page's template.
            from compare.facets import lone_standfirst_changes

            lone_standfirst = lone_standfirst_changes(
                lone, new if old.standfirst else old, came=bool(new.standfirst)
            )
    standfirst_changed = (
        standfirsts is not None and standfirsts[0].key != standfirsts[1].key
    ) or bool(lone_standfirst)
    summary = _summarise(
        old,
        new,
        blocks,
        sentences,
        options,
        headline_changed,
        standfirst_changed,
        _edited_paragraphs(blocks),
        (block_counts, sentence_counts),
        out_of_order,
    )
    title_words: tuple[WordOp, ...] = ()
    if old.title or new.title:
        title_words = word_diff(old.title or "", new.title or "")
    standfirst_words: tuple[WordOp, ...] = ()
    if standfirsts is not None:
        standfirst_words = word_diff(standfirsts[0].text, standfirsts[1].text)
    elif lone_standfirst:
        standfirst_words = word_diff(old.standfirst or "", new.standfirst or "")
    changes: tuple[Change, ...] = ()
    title_changes: tuple[Change, ...] = ()
    standfirst_changes: tuple[Change, ...] = ()
    # The comparison's own tuples, made now: what this process does while the worker finds
    # the changes may write their JSON (facets_worker.while_waiting).
    made = (tuple(blocks), tuple(sentences))
    if options.facets:
        # One written anew (another outlet's) is no edit of the old one: its numbers and
        # names are not "changed", and the word diff already shows both.
        edited_title = edited_standfirst = None
        rewritten_title = False
        if _edited(titles, options):
            edited_title = (titles[0].text, titles[1].text, title_words)
        elif headline_changed and titles is not None and one_page(old, new):
            rewritten_title = True  # its figures are read below
        if standfirst_changed and _edited(standfirsts, options):
            edited_standfirst = (standfirsts[0].text, standfirsts[1].text)
        # The paragraph blocks say which passages were rewritten too heavily to pair: their
        # figures are read across them (facets.ChangeCollector.changes), by the worker when
        # there is one.
        plain_blocks = tuple((b.op, b.a, b.b) for b in blocks)
        found = None
        if worker is not None:
            found = worker.result(edited_title, edited_standfirst, plain_blocks, made)
        elif (
            edited_title is None
            and edited_standfirst is None
            and all(b.op == "equal" for b in blocks)
            and not any(s.differs for s in sentences)
        ):
            # Nothing was edited: no fact can have changed, and an unchanged page (most
            # fetches a tracker makes) need not import the facets (~8 ms).
            found = ((), (), ())
        if found is None:
            from compare.facets import meaning_changes, top_changes

            changes = meaning_changes(old, new, sentences, plain_blocks)
            title_changes, standfirst_changes = top_changes(edited_title, edited_standfirst)
        else:
            changes, title_changes, standfirst_changes = found
        if lone_standfirst:
            standfirst_changes = lone_standfirst
        if rewritten_title and titles is not None:
            from compare.facets import rewritten_headline_changes

            title_changes = rewritten_headline_changes(titles[0].text, titles[1].text, title_words)
        languages = (old.language, new.language)
        if any((language or "")[:2].lower() == "de" for language in languages):
            # (Imported only here: the facets worker spares the main process its import.)
            from compare.facets import without_german_nouns

            changes = without_german_nouns(changes, *languages)
            title_changes = without_german_nouns(title_changes, *languages)
            standfirst_changes = without_german_nouns(standfirst_changes, *languages)
        noted_blocks: Sequence[Block] = blocks
        if old.partial or new.partial:  # past a partial version's end: no edit is read there
            changes = _outside_unshown(changes, made, summary.unshown, old, new)
            noted_blocks = [b for i, b in enumerate(blocks) if i not in summary.unshown]
        links = with_notes(
            old,
            new,
            noted_blocks,
            sentences,
            changes,
            title_changes,
            standfirst_changes,
            standfirst_added_or_removed=bool(lone_standfirst),
        )
        changes = links.changes
        meaning = (*title_changes, *standfirst_changes, *changes)
        summary = replace(
            summary,
            edited_without_note=links.without_note,
            undated_edit=undated_edit(old, new, meaning),
            noted=links.noted,
            noted_title=links.noted_title,
            noted_standfirst=links.noted_standfirst,
            beyond_note=links.beyond_note,
            beyond_note_title=links.beyond_note_title,
            beyond_note_standfirst=links.beyond_note_standfirst,
        )
    return Comparison(
        old=old,
        new=new,
        blocks=made[0],
        sentences=made[1],
        summary=summary,
        options=options,
        title_words=title_words,
        changes=changes,
        title_changes=title_changes,
        standfirst_words=standfirst_words,
        standfirst_changes=standfirst_changes,
    )


def _paragraph_blocks(
    matching: _Matching,
    para_a: list[_Unit],
    para_b: list[_Unit],
    sentences: Sequence[SentenceBlock],
) -> tuple[list[Block], _Counts]:
    """The paragraph blocks of a matching, in reading order, and their counts (see
    :class:`_Counts`). ``sentences``: the sentence blocks, which say whether a pair with
    every word kept changed only cosmetically (see :func:`_cosmetic_pairs`)."""
    blocks: list[Block] = []
    # Most blocks pair a paragraph with its copy: their fields are a copy of one dict, as in
    # _equal_sentence_blocks, with no call to _op or a Block for each (~2M
    # instructions at 2,000 paragraphs).
    equal = {"op": "equal", "a": (), "b": (), "similarity": 1.0, "moved": False, "cosmetic": False}
    new_block, set_fields = object.__new__, object.__setattr__
    # The summary's counts of ops and moves, kept as the blocks are made (see _Counts).
    block_counts = _Counts()
    copies = copies_moved = 0  # (of those, the pairs of one key: counted in locals, cheaper)
    cosmetic_pairs = _cosmetic_pairs(matching.groups, para_a, para_b, sentences)
    for a, b, group in _reading_order(matching.groups, matching.free_a, matching.free_b):
        if group is None:
            blocks.append(Block("removed" if a else "added", tuple(a), tuple(b), 0.0))
            block_counts["removed" if a else "added"] += 1
            continue
        if (
            len(a) == 1
            and len(b) == 1
            and (ua := para_a[a[0]]).key == (ub := para_b[b[0]]).key
            and _only_cosmetic(ua, ub)
        ):
            own = equal.copy()  # (what _op says of a pair with one key: equal, cosmetic or not)
            own["a"] = (a[0],)
            own["b"] = (b[0],)
            own["moved"] = group.moved
            own["cosmetic"] = ua.text != ub.text
            block = new_block(Block)
            set_fields(block, "__dict__", own)
            blocks.append(block)
            copies += 1
            copies_moved += group.moved
            continue
        op, cosmetic = _op(group, para_a, para_b)
        if op == "reworded" and (a[0], b[0]) in cosmetic_pairs:
            op, cosmetic = "equal", True
        score = 1.0 if op == "equal" else round(group.score, 4)
        blocks.append(Block(op, tuple(a), tuple(b), score, group.moved, cosmetic))
        block_counts[op] += 1
        block_counts["moved"] += group.moved
    block_counts["equal"] += copies
    block_counts["moved"] += copies_moved
    return blocks, block_counts


def _align_sentences(
    old: Document,
    new: Document,
    paragraph_groups: Sequence[_Group],
    coder: _Coder,
    options: CompareOptions,
    changed: Callable[[int, SentenceBlock], None] | None = None,
    hint: Callable[[_Positions, _Positions, tuple[WordOp, ...]], None] | None = None,
    counts: _Counts | None = None,
) -> list[SentenceBlock]:
    """Sentences inside each paragraph group first, then across groups for the rest.
    ``changed`` is called with each block that ``differs``, and its index, as soon as it is
    made; ``hint`` with the positions and word diff of each reworded pair found inside a
    paragraph group, as soon as it is found, before its block is made (the facets worker
    compares it then: see facets_worker.FacetsWorker.hint). ``counts`` (when given) counts
    the blocks' ops and moves as they are made."""
    if counts is None:
        counts = _Counts()
    ids_a = [(p, s) for p, par in enumerate(old.paragraphs) for s in range(len(par.sentences))]
    ids_b = [(p, s) for p, par in enumerate(new.paragraphs) for s in range(len(par.sentences))]
    start_a = _starts(old)
    start_b = _starts(new)
    units_a = _LazyUnits([s for par in old.paragraphs for s in par.sentences], coder)
    units_b = _LazyUnits([s for par in new.paragraphs for s in par.sentences], coder)

    def same_paragraph(side: str, x: int, y: int) -> bool:
        ids = ids_a if side == "a" else ids_b
        return ids[x][0] == ids[y][0]

    def texts(a: Sequence[int], b: Sequence[int]) -> tuple[str, str]:
        # (Most reworded blocks are a sentence on each side, their own text.)
        old_text = units_a[a[0]].text if len(a) == 1 else join_sentences(units_a[k].text for k in a)
        new_text = units_b[b[0]].text if len(b) == 1 else join_sentences(units_b[k].text for k in b)
        return old_text, new_text

    # What hinting found of each group, by group: its sentences then, its op, and for a
    # reworded pair its positions and word diff, hinted to the facets worker. The group's
    # block takes them from here (unless its sentences changed since), not working them
    # out twice.
    hinted: dict[
        int,
        tuple[
            list[int], list[int], tuple[BlockOp, bool], _Positions, _Positions, tuple[WordOp, ...]
        ],
    ] = {}

    def hint_group(g: _Group) -> None:
        # The worker compares a reworded pair while the rest is aligned, up to ~60 ms
        # before its block reaches it on the 2,000-paragraph pair.
        if hint is not None:
            op = _op(g, units_a, units_b)
            if op[0] != "reworded":
                hinted[id(g)] = (g.a[:], g.b[:], op, (), (), ())
                return
            words = word_diff(*texts(g.a, g.b))
            if _no_word_changed(g, words):
                hinted[id(g)] = (g.a[:], g.b[:], ("equal", True), (), (), ())
                return
            pos_a = tuple(ids_a[k] for k in g.a)
            pos_b = tuple(ids_b[k] for k in g.b)
            hinted[id(g)] = (g.a[:], g.b[:], op, pos_a, pos_b, words)
            hint(pos_a, pos_b, words)

    groups: list[_Group] = []
    matched_a = bytearray(len(ids_a))
    matched_b = bytearray(len(ids_b))
    # Identical paragraphs that follow each other on both sides, none moved, make one run
    # of sentences, one identical group: nothing can come between their sentences (see
    # _identical_sentences). Fewer groups to sort, search for moves and put in reading
    # order: a story edited here and there is mostly such runs (they saved 4 % of the
    # alignment's instructions on the 2,000-paragraph pair, 807M -> 772M).
    run_a = run_b = run_count = 0  # the run's first sentence in OLD and NEW, its sentences
    last_a = last_b = -2  # the run's last paragraph in OLD and NEW
    paras_a, paras_b = old.paragraphs, new.paragraphs

    def identical(lo_a: int, lo_b: int, count: int) -> None:
        """The run's group, its sentences marked matched: once a run, not once a paragraph
        (1,718 paragraphs in ~100 runs at 2,000 paragraphs; ~3M instructions less)."""
        if count:
            matched_a[lo_a : lo_a + count] = matched_b[lo_b : lo_b + count] = b"\1" * count
            groups.extend(_identical_sentences(lo_a, lo_b, count))

    for pg in paragraph_groups:
        # (Paragraph equality written out: the record's __eq__ builds both field tuples.)
        if (
            len(pg.a) == len(pg.b) == 1
            and (para_a := paras_a[i := pg.a[0]]).text == (para_b := paras_b[j := pg.b[0]]).text
            and para_a.sentences == para_b.sentences
        ):
            # Most paragraphs: sentence k pairs with sentence k, no matching needed.
            if (
                not pg.moved
                and not pg.anywhere
                and not pg.holds_order
                and last_a == i - 1
                and last_b == j - 1
            ):
                run_count += start_a[i + 1] - start_a[i]
                last_a, last_b = i, j
                continue
            identical(run_a, run_b, run_count)
            lo_a, lo_b, count = start_a[i], start_b[j], start_a[i + 1] - start_a[i]
            if pg.moved or pg.anywhere or pg.holds_order:  # its sentences ride with it
                made = len(groups)
                identical(lo_a, lo_b, count)
                if not pg.moved:  # a copy paired elsewhere: its sentences as it
                    _as_copy(groups[made:], pg)
                run_a = run_b = run_count = 0
                last_a = last_b = -2
            else:
                run_a, run_b, run_count = lo_a, lo_b, count
                last_a, last_b = i, j
            continue
        local_a = [k for p in pg.a for k in range(start_a[p], start_a[p + 1])]
        local_b = [k for p in pg.b for k in range(start_b[p], start_b[p + 1])]
        found = _one_sentence_edited(units_a, units_b, local_a, local_b, options.sentence_threshold)
        if found is None and (len(pg.a) > 1 or len(pg.b) > 1):
            found = _match_as_one_text(
                units_a, units_b, options.sentence_threshold, local_a, local_b
            )
        elif found is None:
            found = _match(
                units_a, units_b, options.sentence_threshold, local_a, local_b, same_paragraph
            ).groups
        if (pg.anywhere or pg.holds_order) and not pg.moved:  # (a copy in case or marks only)
            _as_copy(found, pg)
        groups.extend(found)
        for g in found:
            for i in g.a:
                matched_a[i] = 1
            for j in g.b:
                matched_b[j] = 1
            if hint is not None:
                hint_group(g)
    identical(run_a, run_b, run_count)
    # The rest, across paragraphs: sentences moved elsewhere, or kept in a rewritten paragraph.
    rest = _match(
        units_a,
        units_b,
        options.sentence_threshold,
        _unset(matched_a),
        _unset(matched_b),
        same_paragraph,
        in_place=False,
    )
    groups.extend(rest.groups)
    free_a, free_b = rest.free_a, rest.free_b
    grown = _grown_across_breaks(
        units_a, units_b, groups, (free_a, free_b), (ids_a, ids_b), paragraph_groups
    )
    if grown:
        taken_a = {i for g in grown for i in g.a}
        taken_b = {j for g in grown for j in g.b}
        free_a = [i for i in free_a if i not in taken_a]
        free_b = [j for j in free_b if j not in taken_b]
    if hint is not None:
        # Each as it now stands (a group grown inside its paragraph block was hinted as it
        # was: a hint no block matches costs only time).
        for g in {id(g): g for g in (*rest.groups, *grown)}.values():
            hint_group(g)
    groups.sort(key=_first_old)
    riding: list[_Group] = []
    if options.detect_moves:
        riding = _mark_sentence_moves(groups, paragraph_groups, ids_a, ids_b)

    blocks: list[SentenceBlock] = []
    for a, b, group in _reading_order(groups, free_a, free_b, riding, lambda i: ids_a[i][0]):
        if group is not None and group.identical:  # equal blocks, which never differ
            # (Sentences in a row on both sides: their positions are slices.)
            blocks.extend(
                _equal_sentence_blocks(
                    ids_a[a[0] : a[-1] + 1], ids_b[b[0] : b[-1] + 1], group.moved
                )
            )
            counts["equal"] += len(a)
            if group.moved:
                counts["moved"] += len(a)
            continue
        early = hinted.get(id(group)) if group is not None and hinted else None
        if early is not None and early[0] == a and early[1] == b:
            (op, cosmetic), pos_a, pos_b, words = early[2], early[3], early[4], early[5]
            if op == "equal":
                pos_a = (ids_a[a[0]],) if len(a) == 1 else tuple(ids_a[k] for k in a)
                pos_b = (ids_b[b[0]],) if len(b) == 1 else tuple(ids_b[k] for k in b)
        else:
            early = None
            pos_a = (ids_a[a[0]],) if len(a) == 1 else tuple(ids_a[k] for k in a)
            pos_b = (ids_b[b[0]],) if len(b) == 1 else tuple(ids_b[k] for k in b)
        if group is None:
            block = SentenceBlock("removed" if a else "added", pos_a, pos_b, 0.0)
        else:
            if early is None:
                op, cosmetic = _op(group, units_a, units_b)
                if op == "reworded":
                    words = word_diff(*texts(a, b))
                    if _no_word_changed(group, words):
                        op, cosmetic = "equal", True
            if op == "equal":
                block = SentenceBlock(op, pos_a, pos_b, 1.0, group.moved, cosmetic)
            else:
                block = SentenceBlock(
                    "reworded", pos_a, pos_b, round(group.score, 4), group.moved, cosmetic, words
                )
        if changed is not None and block.differs:
            changed(len(blocks), block)
        blocks.append(block)
        counts[block.op] += 1
        counts["moved"] += block.moved
    return blocks


def _cosmetic_pairs(
    groups: Sequence[_Group],
    para_a: list[_Unit],
    para_b: list[_Unit],
    sentences: Sequence[SentenceBlock],
) -> set[tuple[int, int]]:
    """The pairs of paragraphs (one a side) with every word kept, their keys apart (a space
    before a comma, a range dash spaced: what the word diff reads as cosmetic and a key does
    not), whose sentences all came out equal, in order and with each other: cosmetic
    changes, as issue 3 has them, not rewordings. Looked for only where the words are all
    kept (most stories have no such pair)."""
    wanted = {
        (g.a[0], g.b[0])
        for g in groups
        if len(g.a) == 1
        and len(g.b) == 1
        and g.score >= 1
        and not g.identical
        and para_a[g.a[0]].key != para_b[g.b[0]].key
    }
    if not wanted:
        return set()
    wanted_a, wanted_b = {i for i, _ in wanted}, {j for _, j in wanted}
    spoilt: set[tuple[int, int]] = set()  # (side, paragraph)
    partner: dict[tuple[int, int], int] = {}
    for block in sentences:
        here_a = {p for p, _ in block.a if p in wanted_a}
        here_b = {p for p, _ in block.b if p in wanted_b}
        if not (here_a or here_b):
            continue
        if block.op != "equal" or block.moved:
            spoilt.update((0, p) for p in here_a)
            spoilt.update((1, p) for p in here_b)
            continue
        (pa, _), (pb, _) = block.a[0], block.b[0]
        for side, own, other in ((0, pa, pb), (1, pb, pa)):
            if partner.setdefault((side, own), other) != other:
                spoilt.add((side, own))
    return {
        (i, j)
        for i, j in wanted
        if (0, i) not in spoilt
        and (1, j) not in spoilt
        and partner.get((0, i)) == j
        and partner.get((1, j)) == i
    }


def _grown_across_breaks(
    units_a: _Units,
    units_b: _Units,
    groups: Sequence[_Group],
    free: tuple[Sequence[int], Sequence[int]],
    ids: tuple[Sequence[tuple[int, int]], Sequence[tuple[int, int]]],
    paragraph_groups: Sequence[_Group],
) -> list[_Group]:
    """Splits and merges across a paragraph break: a sentence pair at the edge of its
    paragraph takes the free sentence just across the break on its side ("..., and he was
    arrested at the scene." split as "... on the A61." and, opening the next paragraph, "He
    was arrested at the scene, police added."), when the pair's paragraphs are one block and
    the free sentence's paragraph is paired with the paragraph beside the other side's (the
    paragraphs are aligned neighbours), and the group gains GROUP_MARGIN over the pair.
    Inside each paragraph block, and across blocks for the sentences left over, a group only
    gathers sentences of one paragraph (a paragraph block that merges or splits paragraphs
    matches its sentences as one text, see :func:`_match_as_one_text`). Each group takes
    one such sentence at most, the best first. Returns the groups grown (in place)."""
    # The free sentences beside a break, by the sentence across it on their side.
    across: dict[tuple[int, int], list[int]] = defaultdict(list)  # (side, sentence) -> free
    for side in (0, 1):
        side_ids = ids[side]
        for k in free[side]:
            p, s = side_ids[k]
            if s == 0 and k and side_ids[k - 1][0] == p - 1:
                across[side, k - 1].append(k)
            if k + 1 < len(side_ids) and side_ids[k + 1] == (p + 1, 0):
                across[side, k + 1].append(k)
    if not across:
        return []  # (most stories)
    # The pairs (one unit on the other side) with such a sentence beside one end.
    near = []
    for g in groups:
        if g.score >= 1 or g.identical:
            continue
        for side, members, others in ((0, g.a, g.b), (1, g.b, g.a)):
            if len(others) != 1:
                continue  # one to many: the many side grows
            for n in {members[0], members[-1]}:
                for k in across.get((side, n), ()):
                    if not members[0] < k < members[-1]:
                        near.append((g, side, n, k))
    if not near:
        return []
    block_of: tuple[dict[int, int], dict[int, int]] = ({}, {})
    for number, pg in enumerate(paragraph_groups):
        block_of[0].update(dict.fromkeys(pg.a, number))
        block_of[1].update(dict.fromkeys(pg.b, number))
    units = (units_a, units_b)
    found: list[tuple[float, int, str, int, int, _Group]] = []
    for g, side, n, k in near:
        other = 1 - side
        members, others = (g.a, g.b) if side == 0 else (g.b, g.a)
        here, there = ids[side][n][0], ids[side][k][0]
        block = block_of[other].get(ids[other][others[0]][0])
        if block is None or block_of[side].get(here) != block:
            continue  # the pair is not in one paragraph block
        beside = block_of[side].get(there)
        if beside is None or beside == block:
            continue
        mine = paragraph_groups[block].b if other else paragraph_groups[block].a
        its = paragraph_groups[beside].b if other else paragraph_groups[beside].a
        if not (min(its) == max(mine) + 1 if there > here else max(its) == min(mine) - 1):
            continue  # the paragraphs are not neighbours on the other side too
        grown = sorted([*members, k])
        a, b = (grown, g.b) if side == 0 else (g.a, grown)
        score = _similarity(_joined_codes(units_a, a), _joined_codes(units_b, b))
        if score >= g.score + GROUP_MARGIN:
            unit = units[side][k]
            found.append((-score, len(unit.code), unit.text, side, k, g))
    taken: set[tuple[int, int]] = set()
    grown_groups: dict[int, _Group] = {}
    # Best first, then the shorter sentence, then its text: whichever side is OLD must not
    # decide, so twins (two pairs that want one sentence, or one pair two, alike) take none.
    twins = Counter((t[0], t[1], t[2]) for t in found)
    for neg, size, text, side, k, g in sorted(found, key=itemgetter(0, 1, 2)):
        if twins[neg, size, text] > 1:
            continue
        if (side, k) in taken or id(g) in grown_groups:
            continue
        taken.add((side, k))
        members = g.a if side == 0 else g.b
        members[:] = sorted([*members, k])
        g.score = -neg
        grown_groups[id(g)] = g
    return list(grown_groups.values())


def _as_copy(groups: Iterable[_Group], copy: _Group) -> None:
    """Mark the sentence groups of a copy of a repeated paragraph paired elsewhere, not
    moved, as its paragraph group is (``anywhere`` or ``holds_order``), so that the
    sentence level tells of its moves what the paragraph level does."""
    for g in groups:
        g.anywhere = copy.anywhere
        g.holds_order = copy.holds_order


def _match_as_one_text(
    units_a: _Units, units_b: _Units, threshold: float, local_a: list[int], local_b: list[int]
) -> list[_Group]:
    """The sentences of a paragraph group that merges or splits paragraphs, matched as one
    text on each side: the last sentence of one of its paragraphs and the first of the next
    may then merge or split as any two sentences in a row do ("... after a four-hour
    debate." and, two paragraphs down, "Opponents said ..." merged into "... after a
    four-hour debate, and opponents said ..."), which sentences of paragraphs apart
    elsewhere may not."""
    found = _match([units_a[k] for k in local_a], [units_b[k] for k in local_b], threshold).groups
    for group in found:
        group.a = [local_a[k] for k in group.a]
        group.b = [local_b[k] for k in group.b]
    return found


def _equal_sentence_blocks(
    ids_a: Sequence[tuple[int, int]], ids_b: Sequence[tuple[int, int]], moved: bool
) -> Iterator[SentenceBlock]:
    """``SentenceBlock("equal", (ids_a[k],), (ids_b[k],), 1.0, moved)`` for each k, with
    no call for each (most of a story's sentence blocks are these). Each block's fields are
    a copy of one dict, its positions set: copying a dict of these keys costs less than
    building it (a sixth less for the block, 5,300 of them at 2,000 paragraphs)."""
    fields = {
        "op": "equal",
        "a": (),
        "b": (),
        "similarity": 1.0,
        "moved": moved,
        "cosmetic": False,
        "words": (),
    }
    # (No call for each: a call cost ~400 instructions a block.)
    new_block, set_fields = object.__new__, object.__setattr__
    for a, b in zip(ids_a, ids_b, strict=True):
        block = new_block(SentenceBlock)
        own = fields.copy()
        own["a"] = (a,)
        own["b"] = (b,)
        set_fields(block, "__dict__", own)
        yield block


def _unset(flags: bytearray) -> list[int]:
    """``[k for k, done in enumerate(flags) if not done]``, the few sentences left over of
    thousands, found by ``find`` in C: a step a sentence cost 3.2M instructions more at
    2,000 paragraphs (~6,000 sentences a side)."""
    found = []
    k = flags.find(0)
    while k >= 0:
        found.append(k)
        k = flags.find(0, k + 1)
    return found


def _one_sentence_edited(
    units_a: _LazyUnits,
    units_b: _LazyUnits,
    ids_a: list[int],
    ids_b: list[int],
    threshold: float,
) -> list[_Group] | None:
    """What ``_match(units_a, units_b, threshold, ids_a, ids_b, ...).groups`` gives for the
    sentences of a paragraph pair whose texts are the same but for one sentence on each
    side, rewritten alike enough to pair and at least CONTAINED_MIN_WORDS words long
    (a paragraph edited in one sentence: ~40 of the ~190 reworded at 2,000 paragraphs);
    None for any other, which the full matching aligns. Every other sentence pairs with
    its copy (their keys, one of each on each side, are exact pairs), so the one left on
    each side is all the fuzzy matching scores: taken above the threshold, it leaves
    nothing free for short texts, kept sentences, splits, merges or moves to look at. The
    full matching of such a paragraph cost ~100,000 instructions."""
    if len(ids_a) != len(ids_b):
        return None
    texts_a, texts_b = units_a.texts, units_b.texts
    edited = [k for k, i in enumerate(ids_a) if texts_a[i] != texts_b[ids_b[k]]]
    if len(edited) != 1:
        return None
    keys_a = [units_a[i].key for i in ids_a]
    keys_b = [units_b[j].key for j in ids_b]
    if len(set(keys_a)) != len(keys_a) or len(set(keys_b)) != len(keys_b):
        return None  # a text repeated: its copies pair their own way
    groups = [_Group([i], [j], 1.0) for i, j in zip(ids_a, ids_b, strict=True)]
    k = edited[0]
    if keys_a[k] == keys_b[k]:
        return groups  # (edited in case or marks only: an exact pair too)
    # Its key is on its side only: the others' keys are their copies', all different.
    i, j = ids_a[k], ids_b[k]
    code_a, code_b = units_a[i].code, units_b[j].code  # (coded in _match's order)
    if len(code_a) < CONTAINED_MIN_WORDS or len(code_b) < CONTAINED_MIN_WORDS:
        return None  # a short text: its place decides (_short_pairs_placed)
    scored = _scored_pairs(
        [(i, j)], {i: code_a}, {j: code_b}, threshold, max(len(units_a), 1), max(len(units_b), 1)
    )
    if not scored:
        return None  # left free: short texts and moves are looked for
    groups[k].score = -scored[0][0]
    return groups


def _identical_sentences(lo_a: int, lo_b: int, count: int) -> list[_Group]:
    """The ``count`` sentences from ``lo_a`` in OLD and ``lo_b`` in NEW, of identical
    paragraphs that follow each other on both sides (see ``_align_sentences``), paired in
    order as one identical group. It stands for ``count``
    one-to-one groups and yields the same blocks: its sentences are consecutive on both
    sides, with none of another group's between them, so the move search keeps or drops
    them together (see :func:`_longest_increasing`), and the reading order has no row that
    could fall between theirs (a removed sentence goes after the sentence before it in OLD,
    its last, or before the one after it, its first). tests/test_align.py pins the two."""
    if not count:
        return []
    return [
        _Group(list(range(lo_a, lo_a + count)), list(range(lo_b, lo_b + count)), 1.0, False, True)
    ]


def _mark_sentence_moves(
    groups: list[_Group],
    paragraph_groups: Sequence[_Group],
    ids_a: Sequence[tuple[int, int]],
    ids_b: Sequence[tuple[int, int]],
) -> list[_Group]:
    """A sentence moved when it went to another paragraph out of reading order, or out of
    order within its paragraph. A sentence that only travelled with its moved paragraph did
    not move: the paragraph block says so, and counting it among the reading order of the
    rest would mark the sentences around it instead (the longest in-order run can as well
    keep the moved paragraph's sentences as its neighbours'). Returns those riding sentences."""
    moved_block_of_a: dict[int, int] = {}
    moved_block_of_b: dict[int, int] = {}
    for k, pg in enumerate(paragraph_groups):
        if pg.moved:
            moved_block_of_a.update(dict.fromkeys(pg.a, k))
            moved_block_of_b.update(dict.fromkeys(pg.b, k))
    reading_order: list[_Group] = []
    riding: dict[int, list[_Group]] = {}  # sentences at home in a moved paragraph, by block
    for group in groups:
        block = moved_block_of_a.get(ids_a[group.a[0]][0])
        if block is not None and block == moved_block_of_b.get(ids_b[group.b[0]][0]):
            riding.setdefault(block, []).append(group)
        else:
            reading_order.append(group)
    _mark_moves(reading_order)
    for inside in riding.values():
        _mark_moves(inside)
    return [group for inside in riding.values() for group in inside]


def _starts(document: Document) -> list[int]:
    """Index of each paragraph's first sentence in the flat list of sentences (plus the end)."""
    starts = [0]
    for paragraph in document.paragraphs:
        starts.append(starts[-1] + len(paragraph.sentences))
    return starts


class _Counts(dict[str, int]):
    """A summary's counts of blocks by op, and of those moved, every key there from 0.

    Kept as the blocks are made: counting them afterwards read two fields of each of
    ~8,000 blocks at 2,000 paragraphs (~10M instructions), where a run of identical
    sentences counts in one addition."""

    def __init__(self) -> None:
        super().__init__(equal=0, reworded=0, added=0, removed=0, moved=0)


def _counts(items: Sequence[Block] | Sequence[SentenceBlock]) -> _Counts:
    """The counts of ``items`` (:class:`_Counts`), read from them: the long way."""
    out = _Counts()
    out.update(Counter(map(attrgetter("op"), items)))
    out["moved"] = sum(map(attrgetter("moved"), items))
    return out


def _outside_unshown(
    changes: Sequence[Change],
    made: tuple[Sequence[Block], Sequence[SentenceBlock]],
    unshown: tuple[int, ...],
    old: Document,
    new: Document,
) -> tuple[Change, ...]:
    """``changes`` less those of sentences past a partial version's end: those that stand
    wholly in the ``unshown`` blocks (a quote "removed" past a subscription wall is only
    not shown), and those the last paragraph both share loses or gains after its last
    sentence they share (a wall, or a body cut short, inside a paragraph)."""
    blocks, sentences = made
    unshown_a = {i for index in unshown for i in blocks[index].a}
    unshown_b = {i for index in unshown for i in blocks[index].b}
    past = set(_past_the_end([(s.op, s.a, s.b, s.moved) for s in sentences], old, new))

    def shown(change: Change) -> bool:
        if change.sentence < 0:
            return True
        if change.sentence in past:
            return False
        return not sentences[change.sentence].stands_in(unshown_a, unshown_b)

    return tuple(filter(shown, changes))


def _unshown(blocks: Sequence[Block], old: Document, new: Document) -> tuple[int, ...]:
    """The blocks past the end of a version whose text is only the story's opening
    (``Document.partial``; see ``Summary.unshown``): OLD's removed paragraphs after the last
    one NEW continues, when NEW is partial, and NEW's added ones after the last that
    continues OLD, when OLD is (a paragraph that moved up from the end bounds nothing). None
    where the two share no paragraph in place: then nothing says where the shorter one's
    text stands in the other's."""
    if not (old.partial or new.partial):
        return ()
    return _past_the_end([(b.op, b.a, b.b, b.moved) for b in blocks], old, new)


_Place = TypeVar("_Place", int, tuple[int, int])


def _past_the_end(
    spans: Sequence[tuple[str, Sequence[_Place], Sequence[_Place], bool]],
    old: Document,
    new: Document,
) -> tuple[int, ...]:
    """The indices of the blocks (paragraphs' or sentences': op, a, b, moved) past the end
    of a partial version: removed after the last in-place block both versions share, where
    NEW is partial, added after it where OLD is. None where both are partial and both go on
    past what they share (where one stops, the other shows text: one of them was edited),
    nor where they share nothing in place."""
    paired = [(a, b) for _, a, b, moved in spans if a and b and not moved]
    if not paired:
        return ()
    last_a = max(max(a) for a, _ in paired)
    last_b = max(max(b) for _, b in paired)
    past_a = [k for k, (op, a, _, _) in enumerate(spans) if op == "removed" and min(a) > last_a]
    past_b = [k for k, (op, _, b, _) in enumerate(spans) if op == "added" and min(b) > last_b]
    if old.partial and new.partial and past_a and past_b:
        return ()
    return tuple(sorted((past_a if new.partial else []) + (past_b if old.partial else [])))


def _summarise(
    old: Document,
    new: Document,
    blocks: Sequence[Block],
    sentences: Sequence[SentenceBlock],
    options: CompareOptions,
    headline_changed: bool,
    standfirst_changed: bool,
    edited: tuple[Sequence[int], Sequence[int]],
    counted: tuple[_Counts, _Counts] | None = None,
    out_of_order_pairs: AbstractSet[tuple[tuple[int, ...], tuple[int, ...]]] = frozenset(),
) -> Summary:
    """``counted``: the counts of ``blocks`` and ``sentences`` (see :class:`_Counts`), kept
    as they were made; counted here when not given. ``out_of_order_pairs``: with move
    detection off, the paragraphs (OLD's, NEW's) it would have marked moved."""
    if counted is None:
        counted = (_counts(blocks), _counts(sentences))

    text = attrgetter("text")
    sizes_a = list(map(len, map(text, old.paragraphs)))
    sizes_b = list(map(len, map(text, new.paragraphs)))
    total = sum(sizes_a) + sum(sizes_b)
    size_a, size_b = sizes_a.__getitem__, sizes_b.__getitem__
    # (Most blocks are a paragraph on each side: their two sizes are looked up, not summed.
    # The same terms, added up in the same order; 1.4M instructions less at 2,000
    # paragraphs.)
    kept = sum(
        [
            block.similarity * (sizes_a[a[0]] + sizes_b[b[0]])
            if len(a := block.a) == len(b := block.b) == 1
            else block.similarity * (sum(map(size_a, a)) + sum(map(size_b, b)))
            for block in blocks
        ]
    )
    unshown = _unshown(blocks, old, new)
    # (What one version does not show is no difference between them.)
    total -= sum(sizes_a[i] for k in unshown for i in blocks[k].a)
    total -= sum(sizes_b[j] for k in unshown for j in blocks[k].b)
    similarity = round(kept / total, 4) if total else 1.0
    shrunk = _shrink_warnings(old, new, options.shrink_warning, blocks, edited)
    out_of_order = _out_of_order(blocks, out_of_order_pairs) if out_of_order_pairs else ()
    return Summary(
        paragraphs=dict(counted[0]),
        breaks_only=sum(block.op == "reworded" and block.cosmetic for block in blocks),
        # (An equal block is never one: most blocks are not even looked at.)
        credits_only=sum(
            _credit_lines_only(b, old, new)
            for i, b in enumerate(blocks)
            if b.op != "equal" and i not in unshown
        ),
        unshown=unshown,
        sentences=dict(counted[1]),
        similarity=similarity,
        warnings=(
            *_extraction_warnings(old, new),
            *shrunk,
            *_outlets_warnings(old, new, similarity, bool(shrunk)),
            *_order_warnings(old, new),
            *_live_feed_warnings(old, new, blocks),
            *_out_of_order_warnings(out_of_order),
        ),
        headline_changed=headline_changed,
        standfirst_changed=standfirst_changed,
        out_of_order=len(out_of_order),
    )


def _out_of_order(
    blocks: Sequence[Block], pairs: AbstractSet[tuple[tuple[int, ...], tuple[int, ...]]]
) -> tuple[Block, ...]:
    """With move detection off, the blocks of ``pairs`` in NEW's reading order: those move
    detection would have marked moved (`--no-moves` on a reordered story showed every
    paragraph unchanged, "No differences beyond cosmetic ones", and exit 0), by its rule,
    so no more: a page's repeated line paired anywhere is none (review 28 item 3)."""
    return tuple(block for block in blocks if (block.a, block.b) in pairs)


def _out_of_order_warnings(out_of_order: Sequence[Block]) -> tuple[str, ...]:
    """What the views say of paragraphs out of order that no block marks as moved."""
    if not out_of_order:
        return ()
    first = out_of_order[0]
    where = f"old ¶ {first.a[0] + 1} is ¶ {first.b[0] + 1} in NEW"
    count = len(out_of_order)
    noun = "paragraph stands" if count == 1 else "paragraphs stand"
    return (
        f"{count} {noun} in another order than in OLD ({where}{', …' if count > 1 else ''}), "
        "a difference --no-moves counts but does not show: leave --no-moves out to see the "
        "moves",
    )


def _credit_lines_only(block: Block, old: Document, new: Document) -> bool:
    """Whether ``block`` changed (not cosmetically, not moved) and every paragraph of it on
    either side is a credit line: who worked on the story, not what it says."""
    if block.op == "equal" or block.cosmetic or block.moved:
        return False
    # (Loops, not all() over a generator of a list made first: most blocks end at their
    # first paragraph, a story's paragraph; ~4,000 instructions a block less.)
    for i in block.a:
        if not is_credit_line(old.paragraphs[i].text):
            return False
    for j in block.b:  # noqa: SIM110 (a loop, as above)
        if not is_credit_line(new.paragraphs[j].text):
            return False
    return True


def _extraction_warnings(old: Document, new: Document) -> tuple[str, ...]:
    """What extraction said of either side, such as a text read from structured data."""
    return tuple(
        f"{name}: {warning}"
        for name, document in (("OLD", old), ("NEW", new))
        for warning in document.warnings
    )


#: Below this overall similarity, two outlets' pages are two stories, not two versions.
OWN_STORIES = 0.35


#: Below this overall similarity, two texts may be two stories whatever their sites: a
#: seventh of OWN_STORIES. The least alike pairs of one story in fixtures/ and the hand
#: sets are 12% (two outlets' own stories, one naming no site) and 16% (one outlet's story
#: rewritten as the news moved); two stories on different subjects are 0%, and so can one
#: event told twice from scratch be, hence UNRELATED_SHARE.
UNRELATED_STORIES = 0.05
#: ...and they are when the shorter's content words (as ``_content_of`` reads them) that the
#: other has are fewer than this share: one event told twice shares its subject's words
#: (a fifth or more even written from scratch: "diesel", "train", "creek"), two stories a
#: tenth or less (a town's name, "council").
UNRELATED_SHARE = 0.15


def _outlets_warnings(
    old: Document, new: Document, similarity: float, shrunk: bool = False
) -> tuple[str, ...]:
    """Two outlets that each wrote their own story share too few sentences for a diff to
    say much: the claim-by-claim view says what each one reports. Two texts that share
    next to nothing, from one site or from a page naming none, are likely the wrong file:
    an edit read into them would mislead; not when one side ``shrunk`` (a page not read
    fully, which its own warning says)."""
    sites = (old.site_name or "").strip(), (new.site_name or "").strip()
    # The share is rounded as the views show it, so that the warning never says "35% alike".
    percent = round(similarity * 100)
    if percent >= OWN_STORIES * 100:
        return ()
    if not all(sites) or same_outlet(*sites):
        if (
            percent >= UNRELATED_STORIES * 100
            or shrunk
            or _shared_content(old, new) >= UNRELATED_SHARE
        ):
            return ()
        return (
            f"OLD and NEW are {similarity:.0%} alike: they look like two different stories "
            "rather than versions of one, so nearly all of it shows as removed and added; check "
            "that these are the pages meant",
        )
    return (
        f"OLD ({sites[0]}) and NEW ({sites[1]}) are {similarity:.0%} alike: two "
        "outlets' own stories rather than versions of one text, so most of it shows as "
        "removed and added; --matrix compares them claim by claim",
    )


def _shared_content(old: Document, new: Document) -> float:
    """The share of the content words of the shorter text that the other has."""
    words_a, words_b = (
        _content_of(fold(" ".join(p.text for p in doc.paragraphs))) for doc in (old, new)
    )
    shorter = min(len(words_a), len(words_b))
    return len(words_a & words_b) / shorter if shorter else 1.0


def _order_warnings(old: Document, new: Document) -> tuple[str, ...]:
    """One page's versions given the wrong way round read as the newsroom undoing its own
    edits ("correction removed"): say so when NEW's page dates itself before OLD's."""
    if not old.url or old.url != new.url:
        return ()
    for doc in (old, new):
        published, modified = _aware(doc.published), _aware(doc.modified)
        if published is not None and modified is not None and modified < published:
            return ()  # a page that dates its update before itself: its dates say nothing
    for field_name in ("modified", "published"):
        values = [getattr(doc, field_name) for doc in (old, new)]
        dates = [_aware(value) for value in values]
        if dates[0] is not None and dates[1] is not None:
            # A date with no time is the whole day (an AMP copy dated from its URL,
            # "2026-10-14", is not before "2026-10-14T07:05-05:00"): compare the days written.
            days_only = any(len(value) <= 10 for value in values if value)
            if (values[1][:10] < values[0][:10]) if days_only else dates[1] < dates[0]:
                return (
                    f"NEW says it was {field_name} {getattr(new, field_name)}, before OLD "
                    f"({getattr(old, field_name)}): the versions may be the wrong way round "
                    "(swap them to see what the later one changed)",
                )
            return ()
    return ()


def _live_feed_warnings(old: Document, new: Document, blocks: Sequence[Block]) -> tuple[str, ...]:
    """A live page shows its latest updates first and drops its oldest as new ones come in:
    when NEW has new paragraphs above the ones it kept and OLD's last paragraphs are gone,
    those were cut from the page, not deleted from the story."""
    if not (old.live or new.live):
        return ()
    # A summary pinned above the feed ("Key points", "What we know"), its heading a page's
    # first paragraph, is no update: new ones come in below it, and a point put in it or
    # taken out is no update come in or gone. Its extent on each side is read from the
    # page's text (see _pinned_box_end); a point of OLD's box kept lower in NEW widens NEW's.
    box_a, box_b = _pinned_box_end(old), _pinned_box_end(new)
    removed = {i for block in blocks if block.op == "removed" for i in block.a}
    tail = 0
    while len(old.paragraphs) - 1 - tail in removed and len(old.paragraphs) - tail > (box_a or 0):
        tail += 1
    if not tail or tail == len(old.paragraphs):
        return ()
    kept = sorted((block.b[0], block) for block in blocks if block.a and block.b)
    pinned = next_a = 0
    if all(_opens_with_box(doc) for doc in (old, new)):
        # The box kept whole on top, and any paragraphs kept with it: one put in below
        # them is among the feed's updates, no update come in above them.
        for start, block in kept:
            if start != pinned or block.a[0] != next_a or block.moved:
                break
            pinned, next_a = block.b[-1] + 1, block.a[-1] + 1
    if box_b is not None:
        # A box edited: it still spans its points, and those of OLD's kept.
        pinned = max(pinned, box_b)
        for _, block in kept:
            if box_a is None or block.a[0] >= box_a:
                continue
            if len(block.a) == len(block.b):  # paragraph for paragraph
                pinned = max(
                    pinned, *(j + 1 for i, j in zip(block.a, block.b, strict=True) if i < box_a)
                )
            else:
                pinned = max(pinned, block.b[-1] + 1)
    # Above the first paragraph NEW kept under the box: one put in among them is no update
    # come in.
    top = min((j for _, block in kept for j in block.b if j >= pinned), default=None)
    if top is None:
        return ()  # the box is all NEW kept
    newer = sum(1 for block in blocks if block.op == "added" for j in block.b if pinned <= j < top)
    if not newer:
        return ()
    return (
        "NEW no longer shows OLD's "
        + ("last paragraph" if tail == 1 else f"last {tail} paragraphs")
        + f" and has {plural(newer, 'new paragraph')} above those it kept: a live page "
        "drops its oldest updates as new ones come in, so they were probably cut from the "
        "page, not deleted",
    )


#: The most words a point of a summary box pinned above a live feed has, in one sentence: a
#: paragraph longer, or of more sentences, is an update's text.
_POINT_WORDS = 20


def _opens_with_box(doc: Document) -> bool:
    """Whether ``doc`` opens with a summary box's heading ("Key points")."""
    return bool(doc.paragraphs) and bool(SUMMARY_HEADING().fullmatch(doc.paragraphs[0].text))


def _pinned_box_end(doc: Document) -> int | None:
    """Where the summary box that opens a live page, its heading and the points under it,
    ends: at the feed's first update, the first paragraph that is no point (see
    _POINT_WORDS), or the short heading above it where the feed's updates have one (the
    next update's text has a short paragraph above it too, after one of its own). None
    when the page opens with no box, or no paragraph reads as an update."""
    if not _opens_with_box(doc):
        return None
    paragraphs = doc.paragraphs

    def point(i: int) -> bool:
        paragraph = paragraphs[i]
        return len(paragraph.sentences) == 1 and word_count(paragraph.text) <= _POINT_WORDS

    updates = [i for i in range(1, len(paragraphs)) if not point(i)]
    if not updates:
        return None
    first = updates[0]
    if first > 1 and point(first - 1) and len(updates) > 1:
        after = updates[1]
        if after - 1 > first and point(after - 1):
            return first - 1
    return first


def _aware(value: str | None) -> datetime | None:
    """An ISO 8601 time with its zone (UTC when it names none), or None."""
    if not value:
        return None
    from compare.errors import InputError
    from compare.store import parse_time  # (align needs the store for nothing else)

    try:
        return parse_time(value)
    except InputError:
        return None


def _shrink_warnings(
    old: Document,
    new: Document,
    share: float,
    blocks: Sequence[Block],
    edited: tuple[Sequence[int], Sequence[int]],
) -> tuple[str, ...]:
    """A side with far less text than the other was probably not extracted fully. When that
    is OLD, only if NEW reads as OLD and more after it: a story that grew around what it
    said at first (a breaking story's lede rewritten, new paragraphs put in between) was
    written again, not cut short by the reader."""
    if _neither_shrank(old, new, share, *edited):
        return ()
    words_a, words_b = old.word_count, new.word_count
    if words_a >= 50 and words_b < share * words_a:
        return (
            f"NEW has {plural(len(new.paragraphs), 'paragraph')} ({plural(words_b, 'word')}) "
            f"where OLD has {len(old.paragraphs)} ({words_a} words): the page may not have "
            "been extracted fully, so this is probably not a mass deletion",
        )
    if words_b >= 50 and words_a < share * words_b:
        kept = [j for block in blocks if block.a and block.b for j in block.b]
        last = max(kept, default=-1)
        if (
            not kept
            or any(b.op != "equal" and not _cut_short(b, old, new) for b in blocks if b.a and b.b)
            or any(j < last for b in blocks if b.op == "added" for j in b.b)
        ):
            return ()
        return (
            f"OLD has {plural(len(old.paragraphs), 'paragraph')} ({plural(words_a, 'word')}) "
            f"where NEW has {len(new.paragraphs)} ({words_b} words) and goes on after them: "
            "OLD's page may not have been extracted fully, so what NEW adds at the end may "
            "not be new",
        )
    return ()


def _edited_paragraphs(blocks: Sequence[Block]) -> tuple[list[int], list[int]]:
    """The paragraphs of each side in ``blocks`` that are not the very same text on both
    (see ``_neither_shrank``)."""
    edited = [b for b in blocks if b.op != "equal" or b.cosmetic]
    return [i for b in edited for i in b.a], [j for b in edited for j in b.b]


def _neither_shrank(
    old: Document, new: Document, share: float, edited_a: Sequence[int], edited_b: Sequence[int]
) -> bool:
    """Whether neither side can have fewer than ``share`` of the other's words, told from
    the words of the paragraphs ``edited_a`` and ``edited_b``, the rest of each side being
    the very same texts (most stories: at 2,000 paragraphs, 1 in 7 is edited).

    A document's words are its paragraphs' words added up (what ``Document.word_count``
    counts in the text they make joined by spaces, each paragraph counts in itself), so the
    paragraphs the two share add the same count C to both: with 0 <= share <= 1, the
    edited part of NEW having at least ``share`` of the edited part of OLD's words (and
    one more: the products are floats) makes C + NEW's at least ``share`` of C + OLD's.
    Counting every word of both sides cost 27M instructions at 2,000 paragraphs, in the
    middle of the comparison, against 4M for these; the JSON view still counts them all,
    while it waits for the facets worker."""
    if not 0 <= share <= 1:
        return False
    paragraphs_a, paragraphs_b = old.paragraphs, new.paragraphs
    words_a = word_count(" ".join([paragraphs_a[i].text for i in edited_a]))
    words_b = word_count(" ".join([paragraphs_b[j].text for j in edited_b]))
    if words_a == words_b:
        return True  # as many words on each side
    return words_b - share * words_a >= 1 and words_a - share * words_b >= 1


def _cut_short(block: Block, old: Document, new: Document) -> bool:
    """Whether ``block`` pairs OLD's last paragraph, cut off mid-sentence (a teaser's "by the
    end …"), with the NEW paragraph it is the start of."""
    if len(block.a) != 1 or len(block.b) != 1 or block.a[0] != len(old.paragraphs) - 1:
        return False
    text = old.paragraphs[block.a[0]].text.rstrip()
    if text.endswith((".", "!", "?", '"', "”")) and not text.endswith(("...", "…")):
        return False  # a whole sentence: NEW's paragraph grew, no teaser was cut
    words = text.rstrip(" .…").split()[:-1]  # the last may be cut
    return len(words) >= 5 and new.paragraphs[block.b[0]].text.split()[: len(words)] == words
