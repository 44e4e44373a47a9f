"""A whole comparison: ``meaning_changes`` and ``ChangeCollector`` over the aligned sentence
blocks (a paragraph added or removed whole reports only its quotes; a figure that only moved
into a neighbouring sentence is no change, nor a fact that moved with the words round it
into any other sentence, ``_without_moved_facts``; figures are read across passages rewritten too
heavily to pair, ``_facing_number_changes``), and ``prefetch`` for the facets worker.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from itertools import accumulate, repeat
from operator import add, itemgetter
from typing import NamedTuple

from compare import swaps
from compare.facets.attributions import _attributions, _source_key, _verb_positions
from compare.facets.base import (
    ChangeAction,
    _change,
    _describe,
    _singular,
    _sort,
    _whole_word,
    _wordset,
)
from compare.facets.comparing import _CARRIED_NUMBERS, _compare, _one_side
from compare.facets.figure_changes import _number_changes, _number_group, _phrase_number, _tallies
from compare.facets.figure_patterns import _SCALES, _TENS, _UNITS, _WEEKDAY_TOKENS
from compare.facets.figures import (
    _CONTEXT_WORD,
    Number,
    _after,
    _numbers,
    same_number,
)
from compare.facets.hedges import _hedges
from compare.facets.names import _names
from compare.facets.negations import _negations
from compare.facets.openers import _MidSentenceCapitals
from compare.facets.quotes import _DOUBLE_MARKS, _quote_changes, _quote_key
from compare.facets.sentence import _prepare, _Prepared
from compare.facets.status import Status, statuses
from compare.gcpause import paused_gc
from compare.model import (
    Change,
    Document,
    PlainBlock,
    SentenceBlock,
    WordOp,
    made,
)
from compare.text import KIN, PEOPLE_NOUNS, join_sentences, lazy_pattern


def _opens_inside_quote(document: Document, paragraph: int, sentence: int) -> bool:
    """Whether earlier sentences of the paragraph left a double quotation open."""
    if sentence == 0:
        return False
    sentences = document.paragraphs[paragraph].sentences
    earlier = sentences[0] if sentence == 1 else "".join(sentences[:sentence])
    if earlier.isascii():
        return earlier.count('"') % 2 == 1
    return sum(earlier.count(mark) for mark in _DOUBLE_MARKS) % 2 == 1


#: A quote change credited to a pronoun for one person ("they" may be a group).
_PRONOUN_SPEAKER = lazy_pattern(r"quote (?:added|removed) \((?:he|she|He|She)\): ")
#: A speech verb after a person's name, past an apposition ("Linda Harper, 62, said"). One
#: who "told her" is not the "she" who speaks next ("Tom Reilly, her landlord, told her to
#: leave. "I did not even have my shoes on," she said.": the one told speaks).
_SPOKE_AFTER = lazy_pattern(
    r"(?:,[^,\"“”]{1,60},)?\s+(?:said|says|told(?!\s+(?:her|him|them|me|us)\b)|added|"
    r"recalled|explained|described|remembered|recounted)\b"
)
#: Words for who someone is that open a sentence before their name, as a title does
#: ("Neighbour Linda Harper"): no part of the name. The words for people and kin, and a few
#: roles those lists (made for counts) leave out.
_ROLE_OPENERS = PEOPLE_NOUNS | KIN | _wordset("landlord tenant owner manager shopkeeper pensioner")


def _one_speaker_named(sentences: Sequence[str]) -> str | None:
    """The one person ``sentences`` name (two or three capitalised words, less a role
    opening the sentence) who is said to speak, when they name no other person."""
    people: set[str] = set()
    speakers: set[str] = set()
    for text in sentences:
        opening = text.lstrip(" \"'([-“")
        for name in _names(text):
            words = name.split()
            if len(words) >= 3 and words[0].lower() in _ROLE_OPENERS and opening.startswith(name):
                words = words[1:]
            if not 2 <= len(words) <= 3:
                continue
            person = " ".join(words)
            people.add(person)
            at = text.find(person)
            if at >= 0 and _SPOKE_AFTER().match(text, at + len(person)):
                speakers.add(person)
    return next(iter(speakers)) if len(people) == 1 and len(speakers) == 1 else None


def _credited(change: Change, speaker: str) -> Change:
    """A quote that came or went (``change``) credited to ``speaker``."""
    text = change.old if change.action == "removed" else change.new
    return replace(change, detail=f'quote {change.action} ({speaker}): "{text}"')


def _block_text(document: Document, indices: Sequence[tuple[int, int]]) -> tuple[str | None, bool]:
    if not indices:
        return None, False
    paragraph, first = indices[0]
    if len(indices) == 1:  # nearly every block: no join needed
        return document.paragraphs[paragraph].sentences[first], _opens_inside_quote(
            document, paragraph, first
        )
    text = join_sentences(document.paragraphs[p].sentences[s] for p, s in indices)
    return text, _opens_inside_quote(document, paragraph, first)


def _none_of(paragraphs: set[int], indices: Sequence[tuple[int, int]]) -> bool:
    """Whether none of the sentences ``indices`` is in one of ``paragraphs`` (most blocks
    are one sentence: no generator then)."""
    if len(indices) == 1:
        return indices[0][0] not in paragraphs
    return paragraphs.isdisjoint(p for p, _ in indices)


def _whole_paragraph(document: Document, paragraph: int, alone: set[tuple[int, int]]) -> bool:
    """Whether every sentence of a paragraph came or went on its own."""
    count = len(document.paragraphs[paragraph].sentences)
    return all((paragraph, s) in alone for s in range(count))


# It builds thousands of small records that form no reference cycles: the cyclic collector
# would walk them (and every cache) for nothing. `compare` already runs it inside a pause.
@paused_gc()
def meaning_changes(
    old: Document,
    new: Document,
    sentences: Sequence[SentenceBlock],
    blocks: Sequence[PlainBlock] | None = None,
) -> tuple[Change, ...]:
    """Every meaning-level change of a comparison, most severe first, then reading order.
    ``sentences`` are the aligned sentence blocks; each change points at its block.
    ``blocks``: the paragraph blocks, given when figures are to be read across passages
    rewritten too heavily to pair (see ``ChangeCollector.changes``)."""
    found = ChangeCollector(old, new)
    for index, block in enumerate(sentences):
        if block.differs:
            found.add(index, block)
    return found.changes(blocks)


class ChangeCollector:
    """The meaning-level changes of a comparison, fed its sentence blocks that differ one by
    one as alignment makes them (the facets worker gets them so), in any order. ``early``:
    read sentences that came or went alone as they come, though a paragraph added or removed
    as a whole will report only their quotes (see ``changes``), so that little is left for
    the end."""

    def __init__(self, old: Document, new: Document, early: bool = False) -> None:
        self.old = old
        self.new = new
        self.early = early
        self.found: list[Change] = []
        #: Blocks of sentences that came or went alone (see ``changes``), and the changes of
        #: those read early.
        self.alone: list[tuple[int, SentenceBlock]] = []
        self.alone_found: dict[int, list[Change]] = {}
        #: For reading early: in each version, the paragraphs that may have come or gone
        #: whole (none of their sentences is in the other version, and no block has paired
        #: one yet), and the blocks of theirs whose quotes only were read (see ``add``).
        self.maybe_whole: tuple[set[int], set[int]] = (set(), set())
        self.quotes_only: dict[int, SentenceBlock] = {}
        self.quotes_only_in: dict[tuple[int, int], list[int]] = {}  # by (version, paragraph)
        #: When reading early: the documents read once, for this and for ``prefetch``.
        self.read: _DocumentsRead | None = None
        if early:
            self.read = _read_documents(old, new)
            self.maybe_whole = (set(self.read.unshared[0]), set(self.read.unshared[1]))
        #: The blocks handed over, for telling facts that only moved (``changes``).
        self.blocks: dict[int, SentenceBlock] = {}
        #: The pairs hinted (see ``hint``), by their sentences: their words and changes.
        self.hinted: dict[_Pair, tuple[Sequence[WordOp], list[Change]]] = {}
        #: When reading early: the sentences (version, paragraph, sentence) a hint or a block
        #: placed already, which ``read_ahead`` passes by; the changes of each sentence read
        #: ahead as one that came or went alone in no whole paragraph; and those of each such
        #: block by index, which a paragraph found not whole after all takes (``_not_whole``).
        self.placed: set[_Sentence] = set()
        self.lone_ahead: dict[_Sentence, list[Change]] = {}
        self.alone_full: dict[int, list[Change]] = {}
        self._ahead: Iterator[_Sentence] | None = None
        #: When reading early: the words round each fact that came or went in a sentence
        #: read ahead or a hinted pair, where a fact of the same kind and value went or came
        #: in another (``_note_moving``), by text and value, for ``_without_moved_facts``;
        #: and the facts seen so far, by kind, value and whether they came.
        self.near: dict[tuple[str, str], _Near] = {}
        self.moving: dict[tuple[str, str, bool], list[tuple[str, str]]] = {}
        self.to_note: list[tuple[list[Change], _Positions, _Positions]] = []
        self.capitals = _MidSentenceCapitals(
            sentence
            for document in (old, new)
            for paragraph in document.paragraphs
            for sentence in paragraph.sentences
        )

    def add(self, index: int, block: SentenceBlock) -> None:
        """Find the changes of block ``index`` of the comparison's sentence blocks."""
        self.blocks[index] = block
        if block.op == "equal":
            return  # (cosmetic only: no word changed, so no fact did)
        if not (block.a and block.b):
            self.alone.append((index, block))
            if self.early:
                # A sentence of a paragraph that came or went whole reports only its quotes
                # (see ``changes``): while that may be so, only those are read.
                version = 0 if block.a else 1
                paragraphs = {p for p, _ in block.a or block.b}
                whole = paragraphs <= self.maybe_whole[version]
                full = self._taken_ahead(index, version, block.a or block.b)
                if full is None:
                    self.alone_found[index] = self._alone_changes(index, block, whole)
                else:  # (a whole paragraph's sentence reports its quotes only: see changes)
                    self.alone_full[index] = full
                    self.alone_found[index] = (
                        [c for c in full if c.kind == "quote"] if whole else full
                    )
                if whole:
                    self.quotes_only[index] = block
                    for p in paragraphs:
                        self.quotes_only_in.setdefault((version, p), []).append(index)
            return
        if self.early and not (
            _none_of(self.maybe_whole[0], block.a) and _none_of(self.maybe_whole[1], block.b)
        ):
            self._not_whole(block)
        hinted = self.hinted.get((block.a, block.b)) if self.hinted else None
        # The facets worker gives a hinted pair's block the very word ops of its hint.
        if hinted is not None and (
            hinted[0] is block.words or _plain_words(hinted[0]) == _plain_words(block.words)
        ):
            del self.hinted[block.a, block.b]
            self.found += [_at(c, index) for c in hinted[1]]
            return
        self.found += self._paired_changes(index, block.a, block.b, block.words)

    def hint(
        self,
        a: tuple[tuple[int, int], ...],
        b: tuple[tuple[int, int], ...],
        words: Sequence[WordOp],
    ) -> None:
        """Compare now the sentences ``a`` and ``b`` (word diff ``words``) of a block that is
        likely to come: the block that comes with the same sentences and words takes these
        changes (``add``). A pair's changes hang on its texts, which its sentences fix, and
        on its words alone (tests/test_facets_hints.py pins it): a hint can change no
        change, only when it is found."""
        if a and b:
            changes = self._paired_changes(-1, a, b, words)
            self.hinted[a, b] = (words, changes)
            if self.early:
                self.placed.update((0, p, s) for p, s in a)
                self.placed.update((1, p, s) for p, s in b)
                if changes:  # (read when the worker waits: read_ahead)
                    self.to_note.append((changes, a, b))

    def _note_moving(self, changes: list[Change], old: str | None, new: str | None) -> None:
        """Read now the words round each fact of ``changes`` (of a pair with texts ``old`` and
        ``new``, or a sentence that came or went) that came or went where the same fact went
        or came in another sentence seen so far, and round that one: the facts that may have
        moved, which ``changes`` reads the words round (``_without_moved_facts``) when all
        blocks are in: ~8M instructions less after the parent's last message on the
        2,000-paragraph pair of benchmarks/speed.py, read while the worker waits for hints."""
        for change in changes:
            if change.kind not in _MOVABLE:
                continue
            came = change.action == "added"
            value, text = (change.new, new) if came else (change.old, old)
            if not (value and text) or change.action == "changed":
                continue
            key = (change.kind, value.lower())
            self.moving.setdefault((*key, came), []).append((text, value))
            others = self.moving.get((*key, not came))
            if others:
                for text_value in (*others, (text, value)):
                    if text_value not in self.near:
                        self.near[text_value] = _surroundings(*text_value)

    def read_ahead(self, stop: Callable[[], bool]) -> bool:
        """Find now, while the facets worker waits for the next hints, the changes of the
        sentences found in one version only that no hint or block placed yet, from the top,
        as if each came or went alone, until ``stop()``; whether some are left. Hints come
        from the top too: a sentence above the last hinted that none placed mostly came or
        went alone (on the 2,000-paragraph pair of benchmarks/speed.py, each of the 1,264 is
        hinted or alone), and its block, which alignment makes last, finds its changes
        ready (``add``): ~38M instructions less after the parent's last message. One hinted
        after all cost only time: its facets, read here, are those its pair reads. Then the
        words round the facts that may have moved, of those and of the pairs hinted so far
        (``_note_moving``): new hints bring more."""
        if self.read is None:
            return False
        if self._ahead is None:
            self._ahead = iter(
                [
                    (version, p, s)
                    for p, version in self.read.changed
                    for s, text in enumerate((self.old, self.new)[version].paragraphs[p].sentences)
                    if text not in self.read.texts[1 - version]
                ]
            )
        for key in self._ahead:
            if key in self.placed:
                continue
            version, p, s = key
            document = self.new if version else self.old
            text, opens = document.paragraphs[p].sentences[s], _opens_inside_quote(document, p, s)
            found = (
                _compare(None, text, False, opens, -1)
                if version
                else _compare(text, None, opens, False, -1)
            )
            self.lone_ahead[key] = found
            if found:
                self._note_moving(found, text, text)
            if stop():
                return True
        while self.to_note:
            changes, a, b = self.to_note.pop()
            self._note_moving(changes, _block_text(self.old, a)[0], _block_text(self.new, b)[0])
            if stop():
                return True
        return False

    def _taken_ahead(
        self, index: int, version: int, indices: tuple[tuple[int, int], ...]
    ) -> list[Change] | None:
        """The changes ``read_ahead`` found for a block of one sentence that came or went
        alone, in block ``index`` (in no whole paragraph), or ``None``."""
        if len(indices) != 1:
            return None
        key = (version, *indices[0])
        self.placed.add(key)
        found = self.lone_ahead.pop(key, None)
        return None if found is None else [_at(c, index) for c in found]

    def _paired_changes(
        self,
        index: int,
        a: tuple[tuple[int, int], ...],
        b: tuple[tuple[int, int], ...],
        words: Sequence[WordOp],
    ) -> list[Change]:
        old_text, old_open = _block_text(self.old, a)
        new_text, new_open = _block_text(self.new, b)
        return _compare(old_text, new_text, old_open, new_open, index, words, False, self.capitals)

    @paused_gc()
    def changes(self, blocks: Sequence[PlainBlock] | None = None) -> tuple[Change, ...]:
        """Every change found, most severe first, then in reading order. ``blocks``, the
        paragraph blocks' ops and paragraphs, when given, say which passages were rewritten
        too heavily to pair: their figures are read across them (``_facing_number_changes``)."""
        # A paragraph all of whose sentences came or went alone was wholly added or removed,
        # which only the last block can tell, and the paragraph diff already shows what it
        # held: only its quotes are told again.
        alone_old = {ps for _, b in self.alone if not b.b for ps in b.a}
        alone_new = {ps for _, b in self.alone if not b.a for ps in b.b}
        for index, block in self.alone:
            if block.a:
                whole = all(_whole_paragraph(self.old, p, alone_old) for p, _ in block.a)
            else:
                whole = all(_whole_paragraph(self.new, p, alone_new) for p, _ in block.b)
            early = self.alone_found.get(index)
            if early is None or (index in self.quotes_only and not whole):
                full = self.alone_full.get(index)
                self.found += self._alone_changes(index, block, whole) if full is None else full
            else:  # what a whole paragraph's sentence reports comes first: its quotes
                self.found += [c for c in early if c.kind == "quote"] if whole else early
        if self.alone and any(c.kind == "number" and c.action != "changed" for c in self.found):
            self.found = self._without_moved_numbers()
        if self.alone and alone_old:
            self.found += self._removed_paragraphs(alone_old)
        self.found = [
            self._named_speaker(self._spoken_later(c))
            if c.kind == "quote" and c.action != "changed"
            else c
            for c in self.found
            if not (c.kind == "roles" and c.action == "removed" and self._named_beside(c))
        ]
        found = _sort(_without_moved_facts(self.found, self._text, self.near))
        if blocks is not None and self.alone:
            found = _facing_number_changes(self.old, self.new, blocks, dict(self.alone), found)
        self.alone, self.alone_found, self.quotes_only, self.quotes_only_in = [], {}, {}, {}
        self.blocks, self.hinted = {}, {}
        self.placed, self.lone_ahead, self.alone_full, self._ahead = set(), {}, {}, None
        self.near, self.moving, self.to_note = {}, {}, []
        return tuple(found)

    def _removed_paragraphs(self, alone_old: set[tuple[int, int]]) -> list[Change]:
        """A ``paragraph`` change for each paragraph OLD has and NEW drops whole that held
        facts of weight NEW no longer states: a status ("arrested on suspicion of arson"), a
        figure (not a date, time or year) or a claim credited to a source NEW credits with
        none it adds. Its sentences report only their quotes (the paragraph diff shows the
        rest), so without it a deleted arrest or casualty figure was in no list of key
        changes and owed no note; one entry per paragraph, not one per figure, and a
        trimmed paragraph of background (none of these) none. Only on one page edited over
        time (``notes.one_page_over_time``)."""
        first: dict[int, int] = {}  # OLD's paragraph -> its first sentence block
        for index, block in self.alone:
            for p, _ in block.a:
                if index < first.get(p, index + 1):
                    first[p] = index
        removed = sorted(
            (index, p) for p, index in first.items() if _whole_paragraph(self.old, p, alone_old)
        )
        found: list[Change] = []
        kept: _KeptFacts | None = None
        for index, p in removed:
            held = _weighty_facts(self.old, p)
            if not held:
                continue
            if kept is None:
                from compare.notes import one_page_over_time

                if not one_page_over_time(self.old, self.new):
                    # Between two outlets' stories, what one left out (the blocks and
                    # coverage's claims show it); on a live blog, old updates that fell off.
                    return []
                kept = _KeptFacts(self.new, [b for _, b in self.alone if b.b])
            said = _no_longer_said(held, kept)
            if said:
                text = join_sentences(self.old.paragraphs[p].sentences)  # (as its text)
                detail = f'paragraph removed, which held {said}: "{text}"'
                found.append(_change("paragraph", "removed", text, None, index, detail))
        return found

    def _text(self, index: int, new: bool) -> str | None:
        """The OLD (or NEW) text of block ``index``."""
        block = self.blocks.get(index)
        if block is None:
            return None
        document, indices = (self.new, block.b) if new else (self.old, block.a)
        if len(indices) == 1:  # (not whether a quotation is open before it: _block_text)
            paragraph, sentence = indices[0]
            return document.paragraphs[paragraph].sentences[sentence]
        return _block_text(document, indices)[0]

    def _not_whole(self, paired: SentenceBlock) -> None:
        """Read all of what came or went alone in the paragraphs of ``paired``, a block of
        sentences found in both versions: those paragraphs did not come or go whole."""
        for version, indices in enumerate((paired.a, paired.b)):
            for p, _ in indices:
                self.maybe_whole[version].discard(p)
                for index in self.quotes_only_in.pop((version, p), ()):
                    block = self.quotes_only.pop(index, None)
                    if block is not None:
                        full = self.alone_full.get(index)
                        if full is None:
                            full = self._alone_changes(index, block, False)
                        self.alone_found[index] = full

    def _named_beside(self, change: Change) -> bool:
        """Whether an agent a sentence dropped ("Police shot a man" -> "A man was shot") is
        named by another sentence of NEW's paragraph ("Police fired three rounds at him"):
        the paragraph still says who did it."""
        block = self.blocks.get(change.sentence)
        if block is None or not block.b or not change.old:
            return False
        own = set(block.b)
        beside = [
            text
            for p in {p for p, _ in block.b}
            for s, text in enumerate(self.new.paragraphs[p].sentences)
            if (p, s) not in own
        ]
        return swaps.agent_named_in(change.old, beside)

    def _side_of(
        self, change: Change, block: SentenceBlock
    ) -> tuple[Document, Sequence[tuple[int, int]]]:
        """The version a quote that came or went is in, and its sentences there."""
        return (self.old, block.a) if change.action == "removed" else (self.new, block.b)

    def _spoken_later(self, change: Change) -> Change:
        """A quote that came or went with no speaker, given the speaker of the sentence of
        its paragraph that closes it: in '"The building shook. I thought it was an
        earthquake," said Dev Rana' Dev Rana spoke both sentences."""
        block = self.blocks.get(change.sentence)
        if block is None or change.detail.startswith(("quote added (", "quote removed (")):
            return change
        document, indices = self._side_of(change, block)
        if not indices:
            return change
        paragraph, last = indices[-1]
        sentences = document.paragraphs[paragraph].sentences
        for at in range(last + 1, min(last + 4, len(sentences))):
            if not _opens_inside_quote(document, paragraph, at):
                return change  # the quote closed without a speaker
            if _opens_inside_quote(document, paragraph, at + 1):
                continue  # the quote runs on past this sentence (or another opened in it)
            prepared = _prepare(sentences[at], True)
            speaker = next((q.speaker for q in prepared.quotes if q.speaker), None)
            if speaker is not None:
                return _credited(change, speaker)
        return change

    def _named_speaker(self, change: Change) -> Change:
        """A quote credited to "he" or "she", credited instead to the one person its
        paragraph names as speaking before it (or, when it opens the paragraph, the sentence
        before does): in 'Neighbour Linda Harper, 62, said the blast shook her house. "I
        thought it was an earthquake," she said.' Linda Harper spoke. Two people named
        there, or none, leave the pronoun: a wrong name is worse than none."""
        found = _PRONOUN_SPEAKER().match(change.detail)
        block = self.blocks.get(change.sentence)
        if found is None or block is None:
            return change
        document, indices = self._side_of(change, block)
        if not indices:
            return change
        paragraph, first = indices[0]
        sentences = document.paragraphs[paragraph].sentences
        before = list(sentences[:first])
        opening = sentences[first]
        quote_at = min((opening.find(m) for m in _DOUBLE_MARKS if m in opening), default=-1)
        if quote_at > 0:
            before.append(opening[:quote_at])  # 'Linda Harper said: "…," she added.'
        if not before and paragraph > 0 and document.paragraphs[paragraph - 1].sentences:
            # The paragraph before speaks for a quote opening this one only when this one
            # names no one after it: '"I grabbed the children," she said. Mary Oduya, 34,
            # lives two doors away.' is Mary Oduya's, not the fire chief's named before.
            after = " ".join(sentences[first:])
            if any(2 <= len(name.split()) <= 4 for name in _names(after)):
                return change
            before = [document.paragraphs[paragraph - 1].sentences[-1]]
        speaker = _one_speaker_named(before)
        if speaker is None:
            return change
        return _credited(change, speaker)

    def _without_moved_numbers(self) -> list[Change]:
        """``found`` less the figures that only moved between a sentence that came or went
        alone and the reworded sentence next to it ("Another 30 are missing." merged into
        its neighbour): that number was there all along, in both versions."""
        dropped: set[int] = set()  # positions in ``found``
        by_block: dict[int, list[int]] = {}
        for position, change in enumerate(self.found):
            if change.kind == "number" and change.action != "changed":
                by_block.setdefault(change.sentence, []).append(position)
        alone = dict(self.alone)
        # Most lone sentences have no neighbour whose figures came or went: their own
        # figures (read only here when their whole paragraph came or went) are not read, nor
        # are they looked at one by one (~1M instructions at the end of the 2,000-paragraph
        # pair of benchmarks/speed.py).
        next_to = {n + step for n in by_block if n not in alone for step in (-1, 1)}
        # Blocks in reading order, so that the outcome does not hang on the order they came in.
        for index in sorted(next_to.intersection(alone)):
            block = alone[index]
            neighbours = [n for n in (index - 1, index + 1) if n not in alone and n in by_block]
            gone = bool(block.a)
            text, opens = _block_text(self.old, block.a) if gone else _block_text(self.new, block.b)
            assert text is not None
            carried = [
                n for n in _numbers(_prepare(text, opens).norm) if n.kind in _CARRIED_NUMBERS
            ]
            # The neighbour gains what the lone sentence took away, or the reverse; one that
            # came or went alone too had nothing carried over into it.
            wanted = "added" if gone else "removed"
            for neighbour in neighbours:
                for position in by_block[neighbour]:
                    change = self.found[position]
                    if position in dropped or change.action != wanted:
                        continue
                    value = _phrase_number(change.new if gone else change.old)
                    match = next((n for n in carried if value and _moved(n, value)), None)
                    if match is None:
                        continue
                    carried.remove(match)
                    dropped.add(position)
                    # The lone sentence's own report of that figure goes too.
                    phrase = match.phrase
                    dropped.update(
                        p
                        for p in by_block.get(index, ())
                        if (self.found[p].old if gone else self.found[p].new) == phrase
                    )
        return [c for position, c in enumerate(self.found) if position not in dropped]

    def _alone_changes(self, index: int, block: SentenceBlock, whole: bool) -> list[Change]:
        if block.a:
            text, opens = _block_text(self.old, block.a)
            return _compare(text, None, opens, False, index, (), whole)
        text, opens = _block_text(self.new, block.b)
        return _compare(None, text, False, opens, index, (), whole)


#: The figures that give a removed paragraph weight: not dates, times, years, vague
#: amounts ("dozens") or ranks, which background is full of.
_WEIGHTY_NUMBERS = frozenset({"count", "money", "percent", "range", "fraction"})


def _weighty_figure(number: Number) -> bool:
    """Whether a figure gives a removed paragraph weight: a count, amount, share or range,
    not one ("One fake guest"), nor an age, which describes whoever the paragraph names
    (read as the figure changes read one: ``_number_group``)."""
    if number.kind not in _WEIGHTY_NUMBERS:
        return False
    if number.kind != "count" or not number.sentence:
        return True
    if number.value is not None and number.value <= 1:
        return False
    return _number_group(number) != "age"


class _Weighty(NamedTuple):
    """The facts of weight a paragraph holds (see ``_removed_paragraphs``)."""

    statuses: list[tuple[Status, frozenset[str]]]
    """Each status, with the words that say whom it is said of (``_whom``)."""
    figures: list[Number]
    sources: list[tuple[str, list[Number], list[tuple[Status, frozenset[str]]]]]
    """Each source a claim is credited to, with the figures and statuses of its sentence."""


def _weighty_facts(document: Document, paragraph: int) -> _Weighty | None:
    """The statuses, figures and credited sources of a paragraph, or ``None`` for none."""
    held = _Weighty([], [], [])
    for s, sentence in enumerate(document.paragraphs[paragraph].sentences):
        prepared = _prepare(sentence, _opens_inside_quote(document, paragraph, s))
        # (A figure inside a quotation is told with the quote.)
        figures = [n for n in _numbers(prepared.masked) if _weighty_figure(n)]
        told = [
            (found, _whom(prepared.masked, found.start))
            for found in statuses(prepared.masked)
            if found.group != "acting"
        ]
        held.figures.extend(figures)
        held.statuses.extend(told)
        if not prepared.quotes:  # (a quote's speaker is told with the quote)
            held.sources.extend(
                (a.source, figures, told) for a in _attributions(prepared.masked) if a.source
            )
    return held if any(held) else None


#: What ends the clause a status is told in, looking back from it for whom it is said of.
_CLAUSE_START = lazy_pattern(r"[.;:!?]|\b(?:and|but|after|before|when|while)\b")
_WHOM_WORD = lazy_pattern(r"[^\W_]+")
#: Words that say no more of whom a status is told than a figure does ("12", "twelve").
_NUMBER_WORDS = frozenset({*_UNITS, *_TENS, *_SCALES, "dozen", "dozens"})
#: How many words before a status say whom it is said of.
_WHOM_REACH = 4


def _whom(masked: str, start: int) -> frozenset[str]:
    """The words of the clause before a status (lower case; not function words nor figures,
    which are compared on their own) that say whom it is said of: "second" and "man" of "A
    second man, 45, was arrested", which "A man was arrested on Tuesday" does not restate."""
    before = masked[max(0, start - 80) : start].lower()
    cut = [m.end() for m in _CLAUSE_START().finditer(before)]
    words = _WHOM_WORD().findall(before, cut[-1] if cut else 0)
    return frozenset(
        w
        for w in words[-_WHOM_REACH:]
        if w not in _FUNCTION_WORDS and w not in _NUMBER_WORDS and not w[0].isdigit()
    )


#: A run of digits as a text writes a figure ("3,000", "2.4"), found in NEW once.
_DIGITS = lazy_pattern(r"[0-9][0-9,.]*")
#: A number word by the value it spells (12: "twelve"), to find a figure NEW spells out.
_SPELT = {value: word for word, value in (*_UNITS.items(), *_TENS.items())}
#: How far after a figure's digits in NEW the noun it counts is looked for.
_NOUN_REACH = 48
#: A figure this large, told again with another noun ("3,000 homes", "some 3,000
#: properties"), is told of the same thing.
_LARGE = 1000


def _digits_of(number: Number) -> str:
    """How a figure's digits are found in NEW: those of its text without commas ("3,000":
    "3000"), or its value's when it spells it ("Twelve": "12"); "" for none."""
    run = _DIGITS().search(number.text)
    if run is not None:
        return run.group().rstrip(".,").replace(",", "")
    value = number.value
    return str(int(value)) if value is not None and value == int(value) else ""


def _by_noun(number: Number) -> bool:
    """Whether a figure is told apart from another of its value by the noun it counts: a
    count not too large to be two counts ("12 people", "12 officers"), not a sum, share or
    measure, whose unit says what it is ("41C", "$300"). One that only points back
    ("twelve were taken", "all 12") counts whatever the other counts."""
    return (
        number.kind == "count"
        and number.key.isdigit()
        and (number.value is None or number.value < _LARGE)
    )


class _KeptFacts:
    """What NEW still states, read once for all the paragraphs OLD drops (see
    ``_removed_paragraphs``): its title, standfirst and sentences but its notes' (a
    correction that says "a man had been arrested" states no arrest), found by the digits
    of a figure and the words of a status, each sentence read at most once."""

    def __init__(self, new: Document, added: Sequence[SentenceBlock]) -> None:
        from compare.notes import note_kind

        paragraphs = new.paragraphs
        # (A note by its first sentence, which holds the label: the facets worker is handed
        # sentences, not paragraphs' texts, which notes_in reads.)
        notes = {
            p
            for p, paragraph in enumerate(paragraphs)
            if paragraph.sentences and note_kind(paragraph.sentences[0]) is not None
        }
        self.sentences = [
            new.title or "",
            new.standfirst or "",
            *(
                s
                for p, paragraph in enumerate(paragraphs)
                if p not in notes
                for s in paragraph.sentences
            ),
        ]
        # Read in lower case. Lowering may lengthen a text ("İ"), and offsets in ``low``
        # find their sentence by the lowered lengths: outside ASCII, each sentence is
        # lowered on its own.
        joined = "\n".join(self.sentences)
        lowered = self.sentences if joined.isascii() else [s.lower() for s in self.sentences]
        self.low = joined.lower() if lowered is self.sentences else "\n".join(lowered)
        # Where each sentence starts in ``low`` (each with its line break), summed in C.
        self.starts = list(accumulate(map(add, map(len, lowered), repeat(1)), initial=0))
        #: The sentences NEW adds, for a claim restated ("police said"), in lower case.
        self.added = "\n".join(
            paragraphs[p].sentences[s].lower()
            for block in added
            for p, s in block.b
            if p not in notes
        )
        #: Where NEW writes each figure's digits, and each word looked for (offsets in
        #: ``low``).
        self._digits: dict[str, list[int]] | None = None
        self._words: dict[str, list[int]] = {}
        self._numbers: dict[int, tuple[Number, ...]] = {}
        self._figures: dict[tuple[str, str, str, str, str], int | None] = {}
        self._statuses: dict[int, tuple[tuple[Status, ...], frozenset[str]]] = {}

    def _sentence_at(self, at: int) -> int:
        return bisect_right(self.starts, at) - 1

    def _with_digits(self, digits: str) -> list[int]:
        """Where NEW writes a figure with ``digits`` (one pass over NEW for all)."""
        if self._digits is None:
            self._digits = {}
            for run in _DIGITS().finditer(self.low):
                key = run.group().rstrip(".,").replace(",", "")
                self._digits.setdefault(key, []).append(run.start())
        return self._digits.get(digits, [])

    def _with_word(self, word: str) -> list[int]:
        """Where NEW holds ``word`` whole, in any case (one look over NEW a word)."""
        found = self._words.get(word)
        if found is None:
            found = self._words[word] = _whole_word(self.low, word)
        return found

    def _numbers_of(self, index: int) -> tuple[Number, ...]:
        found = self._numbers.get(index)
        if found is None:
            found = self._numbers[index] = _numbers(_prepare(self.sentences[index], False).norm)
        return found

    def figure(self, number: Number) -> int | None:
        """The sentence (in ``sentences``) where NEW gives figure ``number`` (its value,
        counting the same thing: "12 people" gives "Twelve people"), or ``None``."""
        digits = _digits_of(number)
        # (The noun it counts matters only for a count, and any does for one that points back.)
        noun = _counted_noun(number) if _by_noun(number) else ""
        own = "" if _DIGITS().search(number.text) else number.text.lower()
        # One answer for each figure, however many paragraphs held it.
        asked = (number.key, number.kind, noun, digits, own)
        if asked in self._figures:
            return self._figures[asked]
        found = self._figures[asked] = self._find_figure(number, digits, noun, own)
        return found

    def _find_figure(self, number: Number, digits: str, noun: str, own: str) -> int | None:
        # Spelt out, as NEW may give it ("twelve" for "12") or as OLD did ("twice", "a fifth"):
        # looked for only when no sentence with its digits gives it.
        spelt = sorted({_SPELT.get(int(digits), "") if digits.isdigit() else "", own} - {""})
        # Only a figure with the noun just after it can count it: the others are not read
        # (a long story has a "12" in dozens of sentences).
        stem = "" if noun in _POINTING else noun[:5]
        key, kind, low = number.key, number.kind, self.low
        read: set[int] = set()
        for at in self._places(digits, spelt):  # (stops at the first that gives it)
            if stem and low.find(stem, at, at + _NOUN_REACH) < 0:
                continue
            index = self._sentence_at(at)
            if index in read:
                continue
            read.add(index)
            if any(
                n.key == key
                and n.kind == kind
                and (noun in _POINTING or _counted_noun(n) in (noun, *_POINTING))
                for n in self._numbers_of(index)
            ):
                return index
        return None

    def _places(self, digits: str, words: Sequence[str]) -> Iterator[int]:
        """Where NEW writes ``digits``, then each of ``words``, each found only when the
        places before it are all read (most figures NEW keeps are found by their digits)."""
        if digits:
            yield from self._with_digits(digits)
        for word in words:
            yield from self._with_word(word)

    def status(self, held: Status, whom: frozenset[str]) -> int | None:
        """The sentence where NEW gives status ``held`` of the one it was said of (the same
        stage and charge, in a sentence that holds the words ``whom``), or ``None``."""
        words = _WHOM_WORD().findall(held.text.lower())
        if not words:
            return None
        seen: set[int] = set()
        for at in self._with_word(words[-1]):
            index = self._sentence_at(at)
            if index in seen:
                continue
            seen.add(index)
            if not self._may_hold(index, whom):
                continue
            read = self._statuses.get(index)
            if read is None:
                masked = _prepare(self.sentences[index], False).masked
                read = statuses(masked), frozenset(_WHOM_WORD().findall(masked.lower()))
                self._statuses[index] = read
            found, sentence_words = read
            if whom <= sentence_words and any(
                s.group == held.group and s.stage == held.stage and s.charge == held.charge
                for s in found
            ):
                return index
        return None

    def _may_hold(self, index: int, whom: frozenset[str]) -> bool:
        """Whether sentence ``index`` may hold the words ``whom`` (lower case), checked in
        ``low`` before its statuses are read: an ASCII sentence missing one does not (its
        masked words are its own, but for the "q" a quotation leaves)."""
        if not self.sentences[index].isascii():
            return True
        low, start, end = self.low, self.starts[index], self.starts[index + 1]
        return all(low.find(word, start, end) >= 0 for word in whom if word != "q")

    def source(
        self,
        source: str,
        figures: Sequence[Number],
        told: Sequence[tuple[Status, frozenset[str]]],
    ) -> bool:
        """Whether NEW still credits ``source`` with its claim: a sentence NEW adds names it
        (a claim restated: "police said"), or NEW gives each figure and status of the claim
        (``figures``, ``told``; one at least) in sentences that name it ("Police said 12
        people were hurt" for "Twelve people were hurt, police said")."""
        if _holds_whole(self.added, source.lower()):
            return True
        if not (figures or told):
            return False
        where = [self.figure(n) for n in figures] + [self.status(*t) for t in told]
        return all(at is not None and _names_whole(self.sentences[at], source) for at in where)


def lone_standfirst_changes(standfirst: str, other: Document, came: bool) -> tuple[Change, ...]:
    """What a standfirst only one version has (added when ``came``, else removed) states that
    ``other``, the version without one, does not: its figures, read by value and the noun
    they count as a removed paragraph's are (``_KeptFacts``: "a six-hour blaze" is in "fought
    the blaze for six hours"), and its quotes whose words ``other`` lacks. Each is an added
    or removed fact, ``sentence`` -1: never "changed", since ``other``'s text says what it
    said. A description that restates the text in other words gives none."""
    prepared = _prepare(standfirst, False)
    action: ChangeAction = "added" if came else "removed"
    kept = _KeptFacts(other, [])
    carried = (n for n in _numbers(prepared.masked) if n.kind in _CARRIED_NUMBERS)
    figures = [n for n in carried if kept.figure(n) is None]
    changes = _number_changes(*_one_side(figures, action), -1) if figures else []
    text = kept.low
    quotes = [q for q in prepared.quotes if q.text.lower() not in text]
    if quotes:
        changes += _quote_changes(*_one_side(quotes, action), -1)
    return tuple(changes)


def _names_whole(text: str, name: str) -> bool:
    """Whether ``text`` holds ``name`` as whole words, in any case ("it" is not in "with")."""
    return _holds_whole(text.lower(), name.lower())


def _holds_whole(low: str, name: str) -> bool:
    """:func:`_names_whole` for a text already in lower case (``low``, and ``name``): NEW's
    added sentences, lowered once for all the sources looked for."""
    at = low.find(name)
    while at >= 0:
        end = at + len(name)
        if not (at and _word_char(low[at - 1])) and not (end < len(low) and _word_char(low[end])):
            return True
        at = low.find(name, at + 1)
    return False


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _no_longer_said(held: _Weighty, kept: _KeptFacts) -> str:
    """What of ``held`` NEW no longer states (a claim whose source no sentence NEW adds
    names), as the views say it ('"arrested on suspicion
    of arson", a figure ("120 homes") and a claim by Police'), or ""."""
    statuses = list(
        dict.fromkeys(
            found.text for found, whom in held.statuses if kept.status(found, whom) is None
        )
    )
    figures = list(dict.fromkeys(n.phrase for n in held.figures if kept.figure(n) is None))
    sources = list(
        dict.fromkeys(
            # ("The council said" is a claim by "the council".)
            t[:1].lower() + t[1:] if t.startswith(("The ", "A ")) else t
            for t, of_figures, of_statuses in held.sources
            if not kept.source(t, of_figures, of_statuses)
        )
    )
    parts = [f'"{t}"' for t in statuses[:3]]
    if len(statuses) > 3:
        parts.append(f"{len(statuses) - 3} more statuses")
    if len(figures) == 1:
        parts.append(f'a figure ("{figures[0]}")')
    elif figures:
        shown = ", ".join(f'"{t}"' for t in figures[:3]) + (", ..." if len(figures) > 3 else "")
        parts.append(f"{len(figures)} figures ({shown})")
    if len(sources) == 1:
        parts.append(f"a claim by {sources[0]}")
    elif sources:
        parts.append("claims by " + ", ".join(sources[:2]) + (" and others" if sources[2:] else ""))
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


#: A pair's sentences in each version: what a hint is found by (with its word diff).
_Pair = tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]
#: A sentence: its version (0 old, 1 new), paragraph and place in it.
_Sentence = tuple[int, int, int]
#: Sentences of one version: (paragraph, sentence) each.
_Positions = tuple[tuple[int, int], ...]


def _plain_words(words: Sequence[WordOp]) -> tuple[tuple[str, str, str], ...]:
    """A word diff as plain tuples, cheaper to compare than the records."""
    return tuple((w.op, w.old, w.new) for w in words)


def _at(change: Change, index: int) -> Change:
    """``change`` in block ``index``: a copy of its ``__dict__`` with the block changed, made
    in one call (``dataclasses.replace`` reads the fields anew for each, and the frozen
    class's ``__init__`` sets each through ``object.__setattr__``)."""
    return made(Change, {**change.__dict__, "sentence": index})


#: Kinds of fact that can move from one sentence into another with the words round them.
_MOVABLE = frozenset({"number", "negation", "name", "hedge", "quote"})
#: Words either side of a fact that say what it is about ("fall slowly on [Monday]").
_MOVED_REACH = 4
#: Characters either side of a fact in which to look for those words first.
_MOVED_STRETCH = 60
_LETTERS = lazy_pattern(r"[^\W\d_]+")
#: Words too common to say what a fact is about: two sentences "on Monday" share "on".
_FUNCTION_WORDS = _wordset(
    "a an the on in at of to for from by with and or but nor as than then that this these "
    "those it its is was were are be been being has have had will would can could may "
    "might not no about after before over under into onto up down out said says told "
    "he she they we you i him her them his their our who which what when where while"
)


#: The words round a fact before and after it (``_surroundings``), or ``None``.
_Near = tuple[frozenset[str], frozenset[str]] | None


def _surroundings(
    text: str | None, value: str | None, known: Mapping[tuple[str, str], _Near] | None = None
) -> _Near:
    """The words (lower case, but function words) within ``_MOVED_REACH`` before and after
    ``value`` where ``text`` first holds it whole ("9" is not in "1,900"), or ``None`` when
    it does not; ``known``: those read already, by text and value."""
    if not text or not value:
        return None
    if known is not None and (text, value) in known:
        return known[text, value]
    low, value = text.lower(), value.lower()
    start = low.find(value)
    while start >= 0 and (
        (start > 0 and low[start - 1].isalnum())
        or (start + len(value) < len(low) and low[start + len(value)].isalnum())
    ):
        start = low.find(value, start + 1)
    if start < 0:
        return None
    # The words next to it read from a stretch of the text round it, which is exact when it
    # holds one word more than wanted (only the word the stretch cuts may be cut short),
    # else from the rest of the text (~3M instructions at the end of the 2,000-paragraph
    # pair of benchmarks/speed.py, its sentences ~190 characters long).
    letters, end = _LETTERS(), start + len(value)
    before = letters.findall(low, max(0, start - _MOVED_STRETCH), start)
    if len(before) <= _MOVED_REACH and start > _MOVED_STRETCH:
        before = letters.findall(low, 0, start)
    after = letters.findall(low, end, end + _MOVED_STRETCH)
    if len(after) <= _MOVED_REACH and end + _MOVED_STRETCH < len(low):
        after = letters.findall(low, end)
    before, after = before[-_MOVED_REACH:], after[:_MOVED_REACH]
    return frozenset(before) - _FUNCTION_WORDS, frozenset(after) - _FUNCTION_WORDS


def _same_surroundings(
    gone: tuple[frozenset[str], frozenset[str]], came: tuple[frozenset[str], frozenset[str]]
) -> int:
    """How many words round a fact in one sentence and round it in the other are the same,
    when they say it is one fact, else 0. They do when, of all of them, two are the same, or
    all of the fewer if one has only one, and at least half of the fewer; and on a side where
    both have words, one at least is the same (who will not resign: "the minister" is no
    "he"; what befell whom: "Brenton County on Monday" is no "appointments on Monday")."""
    words_gone, words_came = gone[0] | gone[1], came[0] | came[1]
    shared, fewer = len(words_gone & words_came), min(len(words_gone), len(words_came))
    if not (shared >= min(2, fewer) > 0 and 2 * shared >= fewer):
        return 0
    apart = any(a and b and not a & b for a, b in zip(gone, came, strict=True))
    return 0 if apart else shared


def _without_moved_facts(
    found: list[Change],
    text: Callable[[int, bool], str | None],
    known: Mapping[tuple[str, str], _Near] | None = None,
) -> list[Change]:
    """``found`` less the facts that only moved from one sentence into another, with the
    words round them, when an editor restructures: "Nobody was hurt." dropped from the lede
    and "Nobody was hurt, but 140 people spent the night in rest centres" further down; the
    agency's forecast "to fall slowly on Monday" moved into the sentence that already
    quoted the agency. A fact removed in one sentence and the same fact added in another
    are one fact that moved when the words round them agree (``_same_surroundings``:
    "Nobody was hurt" is no "Nobody was arrested", "resigned on Monday" no "reopen on
    Monday", "the minister will not resign" no "he will not resign").
    A name that left a sentence whose fact moved into one that names it moved too."""
    # The added facts by kind and value, so that each removed one meets only its own (a long
    # story has hundreds of each), and each one's words round it read once.
    # (One pass over the changes, for the removed facts and the names too: a story's
    # hundreds of changes were read three times, ~2M instructions at the end of the
    # 2,000-paragraph pair of benchmarks/speed.py.)
    added: dict[tuple[str, str], list[int]] = {}
    removed: list[int] = []
    names: list[int] = []
    for position, change in enumerate(found):
        kind = change.kind
        if kind not in _MOVABLE:
            continue
        action = change.action
        if action == "added":
            if change.new:
                added.setdefault((kind, change.new.lower()), []).append(position)
        elif action == "removed":
            if change.old:
                removed.append(position)
        else:
            continue
        if kind == "name":
            names.append(position)
    if not added:
        return found
    near: dict[int, _Near] = {}
    pairs: list[tuple[int, int, int, int, int]] = []  # -overlap, sentences, positions
    for i in removed:
        gone = found[i]
        assert gone.old is not None
        candidates = added.get((gone.kind, gone.old.lower()))
        if not candidates:
            continue
        near_gone = _surroundings(text(gone.sentence, False), gone.old, known)
        if near_gone is None:
            continue
        for j in candidates:
            came = found[j]
            if came.sentence == gone.sentence:
                continue
            if j not in near:
                near[j] = _surroundings(text(came.sentence, True), came.new, known)
            near_came = near[j]
            if near_came is None:
                continue
            if shared := _same_surroundings(near_gone, near_came):
                pairs.append((-shared, gone.sentence, came.sentence, i, j))
    dropped: set[int] = set()
    linked: set[tuple[int, int]] = set()
    for _, gone_in, came_in, i, j in sorted(pairs):
        if i not in dropped and j not in dropped:
            dropped.update((i, j))
            linked.add((gone_in, came_in))
    # The sentences each one's facts moved into, and out of: each name meets its own only.
    into: dict[int, list[int]] = {}
    out_of: dict[int, list[int]] = {}
    for gone_in, came_in in linked:
        into.setdefault(gone_in, []).append(came_in)
        out_of.setdefault(came_in, []).append(gone_in)
    for position in names if linked else ():
        change = found[position]
        if position in dropped:
            continue
        if change.action == "removed":
            others = (text(came_in, True) for came_in in into.get(change.sentence, ()))
        else:  # (added)
            others = (text(gone_in, False) for gone_in in out_of.get(change.sentence, ()))
        name = change.old or change.new or ""
        if any(other and _whole_word(other, name) for other in others):
            dropped.add(position)
    return [c for position, c in enumerate(found) if position not in dropped]


#: Numbers a rewritten passage may restate: what a changed toll or sum is.
_FACING_KINDS = frozenset({"count", "money", "percent"})
#: Words after a figure that point back at a noun rather than name one ("23 others").
_POINTING = frozenset({"", "other", "more", "them"})
#: Words that count people in a toll, whoever they are: not the nouns for kinds of people
#: (compare.text.PEOPLE_NOUNS), since "12 passengers were killed" and "14 people were killed"
#: across a rewritten passage may be two tolls (the passengers, and all).
_PEOPLE = _POINTING | {"people", "person"}
#: What befell those a figure counts, by the words round it: "killing 12 people" and "14
#: people were killed" tell one toll, "23 people were injured" another.
_OUTCOMES = (
    ("dead", ("kill", "dead", "die", "died", "death", "fatal", "perish")),
    ("hurt", ("injur", "wound", "hurt")),
    ("missing", ("missing",)),
    ("held", ("arrest", "detain")),
)
#: What ends a figure's clause when looking for its outcome.
_OUTCOME_CLAUSE_END = lazy_pattern(r"[,;:()\u2014]|\band\b|\bwhen\b|\bwhile\b|\d")


def _outcome(number: Number) -> str:
    """What befell those a figure counts (``dead``, ``hurt``...), from the words of its own
    clause just before and after it, or ""."""
    text, (start, end) = number.sentence, number.span
    before = _OUTCOME_CLAUSE_END().split(text[max(0, start - 40) : start])[-1]
    after = _OUTCOME_CLAUSE_END().split(text[end : end + 50], 1)[0]
    words = _CONTEXT_WORD().findall(before)[-2:] + _CONTEXT_WORD().findall(after)[:4]
    return next((outcome for word in words if (outcome := _outcome_word(word.lower()))), "")


def _outcome_word(low: str) -> str:
    """What a word says befell people ("killed": ``dead``), or ""."""
    return next((outcome for outcome, stems in _OUTCOMES if low.startswith(stems)), "")


def _counted_noun(number: Number) -> str:
    """The noun a figure counts, within its clause ("$2.4 million, the county engineer
    said" counts no "county")."""
    text, end = number.sentence, number.span[1]
    clause = end + len(_OUTCOME_CLAUSE_END().split(text[end:], 1)[0])
    return _singular(_after(text[:clause], end)[1].lower())


def _restated(a: Number, b: Number) -> bool:
    """Whether two figures of the same value on the two sides of a rewritten passage are one
    figure restated: the same noun, or one that only points back ("23 others"), and nothing
    else befell them ("12 killed" is no "12 injured")."""
    if not same_number(a, b):
        return False
    nouns = {_counted_noun(a), _counted_noun(b)}
    outcomes = {_outcome(a), _outcome(b)} - {""}
    return (len(nouns) == 1 or bool(nouns & _POINTING)) and len(outcomes) < 2


def _facing_key(number: Number) -> tuple[str, str, str, str] | None:
    """What a figure must share with one on the other side of a rewritten passage to be
    the same figure changed: its kind, unit, the noun it counts (a count must name one) and
    what befell them; ``None``: it cannot be told apart."""
    noun, outcome = _counted_noun(number), _outcome(number)
    if number.kind == "count" and outcome and (noun in _PEOPLE or _outcome_word(noun)):
        # "injuring 23 others", "25 were injured" and "25 people hurt" count one toll.
        noun = "people"
    if number.kind == "count" and noun in _POINTING:
        return None
    return number.kind, number.unit, noun, outcome


#: Words that tell of another event than the one told before ("in a separate crash").
_ANOTHER = _wordset("separate another second unrelated similar elsewhere")
_FACING_WORD = lazy_pattern(r"[a-z]+")
#: A year, or a time past named without one ("last year", "two years ago").
_PAST = lazy_pattern(
    r"\b(?:1[89]|20)\d\d\b|\blast (?:year|month|decade|summer|winter|spring|autumn)\b"
    r"|\b\w+ (?:years|months|decades) ago\b"
)


def _of_another_event(a: Number, b: Number) -> bool:
    """Whether two figures facing each other across a rewritten passage may count two
    events: a sentence says so ("a separate crash"), or they name different days ("on
    Monday" and "on Friday") or years ("in 2019", "last year")."""
    words = [set(_FACING_WORD().findall(n.sentence.lower())) for n in (a, b)]
    if any(w & _ANOTHER for w in words):
        return True
    # A past event recalled ("the worst since 2019, when 14 people died", "last year's
    # floods killed 14"): the two name other years or times past.
    past = [set(_PAST().findall(n.sentence.lower())) for n in (a, b)]
    if past[0] != past[1]:
        return True
    days = [w & _WEEKDAY_TOKENS for w in words]
    return all(days) and days[0].isdisjoint(days[1])


#: The ops of paragraph blocks that came or went whole.
_ALONE_OPS = frozenset({"removed", "added"})


def _gaps(blocks: Sequence[PlainBlock], alone: Mapping[int, SentenceBlock]) -> list[list[int]]:
    """The sentence blocks that came or went alone, grouped by the passage they face each
    other across: a run of them next to each other, or in one run of paragraphs removed
    and added with nothing kept between, with a paragraph reworded beside such a run (a
    figure moved from a removed lede into it is no "number added")."""
    lone = sorted(alone)
    parent = {i: i for i in lone}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[root(i)] = root(j)

    # A run of lone blocks next to each other hangs from its first (they come in order).
    for i in lone:
        if i + 1 in parent:
            parent[i + 1] = parent[i]
    # A run of paragraphs removed and added is told by how many other blocks came before
    # it; only the blocks of such runs are read one by one (a story's thousands of kept
    # paragraphs were, ~2M instructions at the end of the 2,000-paragraph pair of
    # benchmarks/speed.py).
    runs: dict[tuple[int, int], int] = {}  # (version, paragraph) -> run of removed/added
    came_or_went = [k for k, op in enumerate(map(itemgetter(0), blocks)) if op in _ALONE_OPS]
    for before, k in enumerate(came_or_went):
        _, a, b = blocks[k]
        run = k - before
        for p in a:
            runs[0, p] = run
        for p in b:
            runs[1, p] = run
        # A paragraph reworded beside the run faces it too: the sentence it gained or lost
        # may be the run's ("killing 12 and injuring 23" removed with the lede, "Twenty-three
        # people were injured." added to the paragraph after it).
        for beside in (k - 1, k + 1):
            if 0 <= beside < len(blocks) and blocks[beside][0] == "reworded":
                _, a, b = blocks[beside]
                for p in a:
                    runs.setdefault((0, p), run)
                for p in b:
                    runs.setdefault((1, p), run)
    first: dict[int, int] = {}
    for i in lone:
        s = alone[i]
        version, (paragraph, _) = (0, s.a[0]) if s.a else (1, s.b[0])
        where = runs.get((version, paragraph))
        if where is not None and (j := first.setdefault(where, i)) != i:
            join(i, j)
    groups: dict[int, list[int]] = {}
    for i in lone:
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if any(alone[i].a for i in g) and any(alone[i].b for i in g)]


def _facing_number_changes(
    old: Document,
    new: Document,
    blocks: Sequence[PlainBlock],
    sentences: Mapping[int, SentenceBlock],
    changes: list[Change],
) -> list[Change]:
    """``changes`` (sorted) read again across passages rewritten too heavily to pair: sentences
    removed and added that face each other in one gap of the alignment. A figure on both
    sides with the same value and noun is no "number added" or "removed"; one counting the
    same thing (the same kind, unit, noun and outcome: "killing 12 people" and "14 people
    were killed"), the only one of its kind left on each side, changed value. ``blocks``:
    the paragraph blocks' ops and paragraphs; ``sentences``: the sentence blocks that came
    or went alone, by index."""
    gaps = _gaps(blocks, sentences)
    if not gaps:
        return changes
    english = all((d.language or "en").lower().startswith("en") for d in (old, new))
    dropped: set[tuple[int, str, str]] = set()  # (block, action, phrase)
    added: list[Change] = []
    for gap in gaps:
        sides: tuple[list[tuple[int, Number]], list[tuple[int, Number]]] = ([], [])
        for index in gap:
            block = sentences[index]
            document, indices, side = (old, block.a, 0) if block.a else (new, block.b, 1)
            text, opens = _block_text(document, indices)
            assert text is not None
            numbers = _numbers(_prepare(text, opens).norm)
            # Each side of a vote or a score ("passed by 23 votes to 14") is no count of
            # its own to set against one on the other side ("by a margin of nine votes").
            tallied = {id(n) for pair in _tallies(numbers) for n in pair}
            for number in numbers:
                if (
                    number.kind in _FACING_KINDS
                    and number.value is not None
                    and id(number) not in tallied
                ):
                    sides[side].append((index, number))
        if not (sides[0] and sides[1]):
            continue
        # The same figure restated: neither added nor removed.
        left_new = list(sides[1])
        left_old: list[tuple[int, Number]] = []
        for index, number in sides[0]:
            match = next((item for item in left_new if _restated(number, item[1])), None)
            if match is None:
                left_old.append((index, number))
                continue
            left_new.remove(match)
            dropped.add((index, "removed", number.phrase))
            dropped.add((match[0], "added", match[1].phrase))
        if not english:
            continue  # what befell those counted is read in English words only
        by_key: tuple[dict[tuple[str, str, str, str], list[tuple[int, Number]]], ...] = ({}, {})
        for side, items in enumerate((left_old, left_new)):
            for item in items:
                found = _facing_key(item[1])
                if found is not None:
                    by_key[side].setdefault(found, []).append(item)
        for facing, olds in by_key[0].items():
            news = by_key[1].get(facing, [])
            if len(olds) != 1 or len(news) != 1:
                continue  # two of one kind on a side: which changed into which is a guess
            (o_index, o), (n_index, n) = olds[0], news[0]
            if same_number(o, n) or _of_another_event(o, n):
                continue
            was, now = o.phrase, n.phrase
            dropped.add((o_index, "removed", was))
            dropped.add((n_index, "added", now))
            added.append(
                _change(
                    "number", "changed", was, now, n_index, _describe("changed", "number", was, now)
                )
            )
    kept = [
        c
        for c in changes
        if not (
            c.kind == "number"
            and c.action != "changed"
            and (c.sentence, c.action, c.old if c.action == "removed" else c.new) in dropped
        )
    ]
    # (``changes`` came sorted, and what is kept of them stays so: sorted again only with
    # figures that changed across a passage.)
    return _sort(kept + added) if added else kept


def _moved(lone: Number, there: Number) -> bool:
    """Whether a figure of a lone sentence may be the one its neighbour gained or lost: the
    same value, and the same noun counted when both phrases name one ("30 people" and "30")."""
    if not same_number(lone, there):
        return False
    nouns = {_after(n.sentence, n.span[1])[1].lower() for n in (lone, there)}
    return len(nouns - {""}) < 2 or len({_singular(noun) for noun in nouns}) == 1


class _DocumentsRead(NamedTuple):
    """Two versions' paragraphs read against each other's sentences."""

    texts: tuple[set[str], set[str]]
    """The sentences of each version."""
    changed: list[tuple[int, int]]
    """The paragraphs (position, version) that hold a sentence the other version has not,
    from the top, both versions."""
    unshared: tuple[set[int], set[int]]
    """The paragraphs of each version none of whose sentences the other has: those that may
    have come or gone whole."""


def _read_documents(old: Document, new: Document) -> _DocumentsRead:
    texts = (
        {s for p in old.paragraphs for s in p.sentences},
        {s for p in new.paragraphs for s in p.sentences},
    )
    changed: list[tuple[int, int]] = []
    unshared: tuple[set[int], set[int]] = (set(), set())
    for version, (document, other) in enumerate(((old, texts[1]), (new, texts[0]))):
        for p, paragraph in enumerate(document.paragraphs):
            if other.issuperset(paragraph.sentences):
                continue  # most paragraphs: one test in C
            changed.append((p, version))
            if other.isdisjoint(paragraph.sentences):
                unshared[version].add(p)
    changed.sort()
    return _DocumentsRead(texts, changed, unshared)


def prefetch(
    old: Document,
    new: Document,
    stop: Callable[[], bool],
    read: _DocumentsRead | None = None,
) -> None:
    """Extract into the caches ``meaning_changes`` reads the facets of every sentence found
    in one version only (a sentence found in both is compared with nothing), until ``stop()``
    says the aligned blocks are ready (see compare/facets_worker.py). Sentences are taken in
    the order their blocks will come (both versions from the top), and what most
    comparisons read first; what only some read (names, hedges)
    after. ``read``: the documents read already (``ChangeCollector.read``)."""
    if read is None:
        read = _read_documents(old, new)
    documents = (old, read.texts[1]), (new, read.texts[0])
    one_sided = [
        _prepare(text, _opens_inside_quote(document, p, s))
        for p, version in read.changed
        for document, other in (documents[version],)
        for s, text in enumerate(document.paragraphs[p].sentences)
        if text not in other
    ]
    for reading in (_read_often, _read_sometimes):
        for prepared in one_sided:
            if stop():
                return
            reading(prepared)


def _read_often(prepared: _Prepared) -> None:
    """What the comparison of most sentences reads (see ``prefetch``)."""
    _numbers(prepared.norm)
    _attributions(prepared.masked)
    _verb_positions(prepared.masked)
    _negations(prepared.masked)


def _read_sometimes(prepared: _Prepared) -> None:
    """What the comparison of some sentences reads (see ``prefetch``)."""
    _names(prepared.norm)
    _hedges(prepared.masked)
    _hedges(prepared.norm)
    _negations(prepared.norm)
    # (Not the words round each figure: of the 1,458 figures read ahead on the 2,000-paragraph
    # pair of benchmarks/speed.py, the words round two were ever asked for; reading them all
    # cost ~115M instructions, an eighth of the whole prefetch.)
    for attribution in _attributions(prepared.masked):
        _source_key(attribution.source)
    for quote in prepared.quotes:
        _quote_key(quote.text)
