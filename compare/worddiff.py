"""Word-level diff of a reworded pair, cleaned up so that people can read it.

The diff runs on word, punctuation and whitespace tokens (never characters), then a
clean-up pass removes the confetti a raw diff leaves: small unchanged islands between two
changes are folded into one replacement, and a sentence rewritten from scratch becomes a
single replacement. Every step keeps its original text, so joining the ``old`` parts gives
the old sentence back exactly, whitespace included, and likewise for ``new``.
"""

from __future__ import annotations

from itertools import takewhile
from typing import cast

from rapidfuzz.distance import Indel, Postfix, Prefix

from compare.model import WordOp
from compare.text import (
    DASH_KEY,
    DASHES,
    is_clause_dash,
    is_clean,
    is_range_dash,
    lazy_pattern,
    may_hold_clause_dash,
    normalize,
    tokenize,
    word_count,
)

#: Below this share of unchanged word characters a pair reads better as one replacement.
REWRITE_SHARE = 0.3
#: Unchanged islands of at most this many words between two changes are folded into them.
ISLAND_WORDS = 2
#: What Chinese and Japanese write numbers with. Each character is a word of its own (see
#: compare.text.CJK), so a changed number is widened to the whole of it: 四十八 -> 四十九
#: reads as one change, as "48" -> "49" does, not as 四十[-八-]{+九+}.
CJK_NUMERALS = frozenset("〇零一二三四五六七八九十百千万萬亿億两兩")


def _join_dashes(tokens: list[str]) -> tuple[list[str], dict[int, str]]:
    """The tokens with each dash between clauses and the spaces around it made one token
    ("plan -- a", "plan \u2014 a", "plan\u2014a" all give "plan", dash, "a"), and where those
    dashes are, with their keys. :func:`compare.text.is_clause_dash` decides, as for
    :func:`compare.text.match_key`: a lone hyphen between two words ("well-known") stays.
    A lone dash spaced between two numbers is a range or a score ("10 - 15", "3 \u2013 1"),
    keyed as the closed-up one ("10-15") is: its spacing is house style; so is an em dash
    or a run of dashes between two numbers, which may be a clause dash (see
    :func:`compare.text.is_range_dash`)."""
    joined: list[str] = []
    dashes: dict[int, str] = {}
    k, end = 0, len(tokens)
    while k < end:
        stop = k
        while stop < end and tokens[stop] in DASHES:
            stop += 1
        if stop == k:
            joined.append(tokens[k])
            k += 1
            continue
        run = "".join(tokens[k:stop])
        space_before = bool(joined) and joined[-1].isspace()
        space_after = stop < end and tokens[stop].isspace()
        digit_after = stop < end and tokens[stop][:1].isdecimal()
        if _between_numbers(joined, tokens, stop, run, space_after):
            key = "-"
        elif is_clause_dash(run, space_before, space_after, digit_after):
            key = DASH_KEY
        else:
            joined.extend(tokens[k:stop])
            k = stop
            continue
        if space_before:
            run = joined.pop() + run
        if space_after:
            run += tokens[stop]
            stop += 1
        dashes[len(joined)] = key
        joined.append(run)
        k = stop
    return joined, dashes


def _between_numbers(
    before: list[str], tokens: list[str], stop: int, run: str, space_after: bool
) -> bool:
    """Whether the dash ``run``, before ``tokens[stop]`` (a space if ``space_after``), is
    keyed as a range between two numbers (:func:`compare.text.is_range_dash`): ``before``'s
    last word, a space aside, ends in a digit, and the token after it, a space aside,
    starts with one."""
    at = len(before) - 2 if before and before[-1].isspace() else len(before) - 1
    if at < 0 or not before[at][-1:].isdecimal():
        return False
    after = stop + 1 if space_after else stop
    return is_range_dash(
        run, True, space_after, after < len(tokens) and tokens[after][:1].isdecimal()
    )


#: Punctuation a space before which is house style ("mayor ,", "clairement :", "10 %",
#: "pas \u00bb"), and punctuation or a currency sign a space after which is ("( AP )",
#: "\u00ab Nous", "\u00a3 4m"): the space is keyed with the mark, as if it were not there.
#: Not the straight quotes, nor \u2018 and \u2019, which open, close and stand for
#: apostrophes alike ("in \u201990s").
_SPACED_CLOSERS = frozenset(",.;:!?%)]}\u201d\u00bb\u203a")
_SPACED_OPENERS = frozenset("([{\u201c\u201e\u00ab\u2039\u00a3$\u20ac\u00a5")
_SPACED_MARKS = _SPACED_CLOSERS | _SPACED_OPENERS


def _join_spaced_punctuation(
    text: str, clean: bool, tokens: list[str], keys: list[str]
) -> tuple[list[str], list[str]]:
    """The tokens and keys of ``text`` (``clean``: is_clean) with each space before a
    closing mark joined to the mark, and each space after an opening one joined to it,
    keyed as the mark alone."""
    # Each mark the text holds, and in clean text only one it holds spaced, is looked for
    # with list.index (in C): French text has such spaces in most sentences, and a loop
    # over all its tokens (or a pattern's search of its text) cost a fifth of its word diff.
    present = _SPACED_MARKS.intersection(tokens)
    if not present:
        return tokens, keys
    last = len(tokens) - 1
    joins: dict[int, bool] = {}  # each space to join: into the mark after it, or before
    for mark in present:
        if clean and (" " + mark if mark in _SPACED_CLOSERS else mark + " ") not in text:
            continue
        k = -1
        for _ in range(tokens.count(mark)):
            k = tokens.index(mark, k + 1)
            if mark in _SPACED_CLOSERS:
                if k > 1 and tokens[k - 1].isspace() and tokens[k - 2] not in _SPACED_OPENERS:
                    joins[k - 1] = True
            elif k + 1 < last and tokens[k + 1].isspace() and tokens[k + 2] not in _SPACED_CLOSERS:
                joins[k + 1] = False
    if not joins:
        return tokens, keys
    out_tokens: list[str] = []
    out_keys: list[str] = []
    start = 0
    for k in sorted(joins):
        out_tokens += tokens[start:k]
        out_keys += keys[start:k]
        if joins[k]:
            out_tokens.append(tokens[k] + tokens[k + 1])
            out_keys.append(keys[k + 1])
            start = k + 2
        else:
            out_tokens[-1] += tokens[k]
            start = k + 1
    out_tokens += tokens[start:]
    out_keys += keys[start:]
    return out_tokens, out_keys


_DOTS = frozenset(".\u2026")


def _join_dots(tokens: list[str]) -> list[str]:
    """The tokens with each run of full stops and ellipses made one token: "..." is three
    "." tokens and "\u2026" one, which normalize() keys alike only whole."""
    joined: list[str] = []
    for token in tokens:
        if token in _DOTS and joined and joined[-1][-1:] in _DOTS:
            joined[-1] += token
        else:
            joined.append(token)
    return joined


def _without_empty_keys(tokens: list[str], keys: list[str]) -> tuple[list[str], list[str]]:
    """The tokens and keys with each token normalize() keys as nothing (invisible characters
    alone: a zero-width space, a soft hyphen) joined to the token before it, or to the one
    after it at the start: kept in the text, and out of the keys."""
    out_tokens: list[str] = []
    out_keys: list[str] = []
    carried = ""  # invisible tokens before the first with a key
    for token, key in zip(tokens, keys, strict=True):
        if key:
            out_tokens.append(carried + token)
            out_keys.append(key)
            carried = ""
        elif out_tokens:
            out_tokens[-1] += token
        else:
            carried += token
    if carried:  # (nothing but invisible characters)
        out_tokens.append(carried)
        out_keys.append("")
    return out_tokens, out_keys


def _tokens_and_keys(text: str) -> tuple[list[str], list[str]]:
    """The tokens of ``text`` and what each is compared as: all whitespace alike, quote
    and dash styles alike (single and double quotes too), a range dash however spaced,
    "..." as "\u2026", and invisible characters and a space before closing (or after
    opening) punctuation as if not there. In plain ASCII text with single spaces, and no
    hyphen, backtick, dots, quote mark alone or spaced punctuation, every token is its own
    key."""
    clean = is_clean(text)
    ascii = text.isascii()
    tokens = tokenize(text, clean)
    if ".." in text or (not ascii and "\u2026" in text):
        tokens = _join_dots(tokens)
    dashes: dict[int, str] = {}
    # Most hyphens are in words ("well-known"): the token loop only runs when a dash could
    # be spaced, doubled or em, as in match_key.
    if ("-" in text or not ascii) and may_hold_clause_dash(text):
        tokens, dashes = _join_dashes(tokens)
    if ascii:
        keys = tokens if clean else [" " if t.isspace() else t for t in tokens]
        if "`" in text:  # an apostrophe typed as a backtick ("doesn`t")
            keys = [normalize(t) if "`" in t else key for t, key in zip(tokens, keys, strict=True)]
    else:
        # An ASCII token but a backtick is its own key in clean text: normalize() is for
        # the others (a call for each token cost a third of a French sentence's keys).
        keys = (
            [t if t.isascii() and "`" not in t else normalize(t) for t in tokens]
            if clean
            else [" " if t.isspace() else normalize(t) for t in tokens]
        )
    if dashes:
        keys = [dashes.get(k, key) for k, key in enumerate(keys)]
    if not ascii and "" in keys:
        tokens, keys = _without_empty_keys(tokens, keys)
    tokens, keys = _join_spaced_punctuation(text, clean, tokens, keys)
    if "'" in keys:  # a quote mark alone: single or double quotes are one style choice
        keys = ['"' if key == "'" else key for key in keys]
    return tokens, keys


def word_diff(old: str, new: str) -> tuple[WordOp, ...]:
    """The cleaned-up word diff of ``old`` -> ``new``."""
    if old == new:
        return (WordOp("equal", old, new),) if old else ()
    ops = _plain_ops(old, new)
    if ops is None:
        # Indel gives only equal/insert/delete steps; _merge makes replacements of them.
        ops = _merge(_steps(*_tokens_and_keys(old), *_tokens_and_keys(new)))
    if not (old.isascii() and new.isascii()):
        ops = _whole_cjk_numbers(ops)
    # Only a change at a digit can be inside a figure grouped by spaces ("12 000",
    # "12\u00a0000"): the texts are searched for one only then (the search cost a tenth of
    # the word diff of a plain sentence).
    if _at_a_digit(ops) and (_SPACED_GROUP().search(old) or _SPACED_GROUP().search(new)):
        ops = _whole_grouped_figures(ops)
    ops = _absorb_islands(ops)
    if _equal_share(ops, old, new) < REWRITE_SHARE:
        return (WordOp("replace", old, new),)
    return tuple([WordOp(op, a, b) for op, a, b in ops])  # type: ignore[arg-type]  # (ops: str)


def _steps(
    tokens_a: list[str], keys_a: list[str], tokens_b: list[str], keys_b: list[str]
) -> list[tuple[str, str, str]]:
    """The equal/insert/delete steps that turn ``keys_a`` into ``keys_b``, each with the
    text of its tokens on both sides."""
    return [
        (tag, "".join(tokens_a[a_start:a_end]), "".join(tokens_b[b_start:b_end]))
        for tag, a_start, a_end, b_start, b_end in _opcodes(keys_a, keys_b)
    ]


#: Past this many pairs of tokens, Indel's steps would take seconds and a bit for each pair
#: (2.5e8 pairs: ~30 MB; a page with no sentence ends, read as one 300,000-word sentence,
#: asked for gigabytes and failed after ~30 s). A sentence of 10,000 words is far under.
MOST_TOKEN_PAIRS = 250_000_000


def _opcodes(keys_a: list[str], keys_b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """Indel's steps between two key sequences as (tag, src_start, src_end, dest_start,
    dest_end) tuples, made in C by as_list() (its stub calls them Opcode); past
    ``MOST_TOKEN_PAIRS``, the common head and tail, and what lies between them deleted and
    inserted whole."""
    if len(keys_a) * len(keys_b) > MOST_TOKEN_PAIRS:
        return _head_and_tail(keys_a, keys_b)
    return cast("list[tuple[str, int, int, int, int]]", Indel.opcodes(keys_a, keys_b).as_list())


def _head_and_tail(keys_a: list[str], keys_b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """The steps of ``keys_a`` -> ``keys_b`` that keep the keys both start and end with."""
    n, m = len(keys_a), len(keys_b)
    head = 0
    while head < min(n, m) and keys_a[head] == keys_b[head]:
        head += 1
    tail = 0
    while tail < min(n, m) - head and keys_a[n - 1 - tail] == keys_b[m - 1 - tail]:
        tail += 1
    steps = [("equal", 0, head, 0, head)] if head else []
    if head < n - tail:
        steps.append(("delete", head, n - tail, head, head))
    if head < m - tail:
        steps.append(("insert", n - tail, n - tail, head, m - tail))
    if tail:
        steps.append(("equal", n - tail, n, m - tail, m))
    return steps


def _plain_ops(old: str, new: str) -> list[tuple[str, str, str]] | None:
    """The steps of ``old`` -> ``new`` as :func:`_steps` finds them from all their tokens,
    merged (:func:`_merge`), for plain text: ASCII with single spaces and no dash between
    clauses, where each word's tokens are its own and are their own keys. Indel takes the
    longest common head and then tail of two sequences as equal before aligning what is
    left, so the words both texts start and end with need no tokens, only the differing
    middle does. (The middles start with two different words, and no token holds a space,
    so Indel's common head ends inside those words, never running on into the tail.) None
    for other text, and where words were only added or only removed (a middle would be
    empty)."""
    if not (old.isascii() and new.isascii() and is_clean(old) and is_clean(new)):
        return None
    if _spaced_or_doubled_dash(old) or _spaced_or_doubled_dash(new):
        return None
    # The words both texts start and end with, found in C from where the two first and
    # last differ (a word-by-word loop cost a tenth of the word diff's instructions).
    edges = _equal_edges(old, new)
    if edges is None:
        return None  # words only added or only removed
    head, tail = edges
    try:
        tokens_a = _plain_tokens(old[head : len(old) - tail].split(" "), True)
        tokens_b = _plain_tokens(new[head : len(new) - tail].split(" "), True)
    except _KeyedApart:
        return None
    if ("'" in tokens_a or "'" in tokens_b) and ('"' in tokens_a or '"' in tokens_b):
        return None  # a single quote mark alone is keyed as a double one
    opcodes = _opcodes(tokens_a, tokens_b)
    # Indel's equal steps come between changes, a deletion and an insertion side by side
    # being one change: the changes' token ranges are merged before their text is joined,
    # one join per step of the result where _merge(_steps(...)) joined each of Indel's
    # steps and then the steps of one change again (5 % of the word diff's instructions).
    ops: list[tuple[str, str, str]] = []
    change: list[int] | None = None  # [old from, old to, new from, new to] of a change
    for tag, a_start, a_end, b_start, b_end in opcodes:
        if tag != "equal":
            if change is None:
                change = [a_start, a_end, b_start, b_end]
            else:
                change[1], change[3] = a_end, b_end
            continue
        if change is not None:
            ops.append(_change_step(tokens_a, tokens_b, *change))
            change = None
        ops.append(("equal", "".join(tokens_a[a_start:a_end]), "".join(tokens_b[b_start:b_end])))
    if change is not None:
        ops.append(_change_step(tokens_a, tokens_b, *change))
    if head:
        text = old[:head]
        if ops[0][0] == "equal":
            ops[0] = ("equal", text + ops[0][1], text + ops[0][2])
        else:
            ops.insert(0, ("equal", text, text))
    if tail:
        text = old[len(old) - tail :]
        if ops[-1][0] == "equal":
            ops[-1] = ("equal", ops[-1][1] + text, ops[-1][2] + text)
        else:
            ops.append(("equal", text, text))
    return ops


def _equal_edges(old: str, new: str) -> tuple[int, int] | None:
    """For two different plain texts (ASCII, single spaces), the length of the words both
    start with and the space after them, and of the words both end with after the first
    and the space before them: ``head`` and ``tail`` characters, the words left between
    them not empty on either side. None when one side has no words left (words only added
    or only removed).

    Found from the characters the two start and end with, counted in C (rapidfuzz's
    Prefix and Postfix): comparing them word by word in Python cost ~20,000 instructions
    a pair, a tenth of the word diff (9.7M of 94.4M for the 482 reworded pairs at 2,000
    paragraphs)."""
    shorter = len(old) if len(old) < len(new) else len(new)
    same = _common_start(old, new)
    # One text the other's start, at a word boundary on both: it has no words left.
    if (
        same == shorter
        and (same == len(old) or old[same] == " ")
        and (same == len(new) or new[same] == " ")
    ):
        return None
    head = old.rfind(" ", 0, same) + 1  # the words before the first that differs
    room_a, room_b = len(old) - head, len(new) - head  # what is left after the head
    same = _common_end(old, new)
    if same >= room_a or same >= room_b:
        same = room_a if room_a < room_b else room_b
        end_a, end_b = len(old) - same, len(new) - same
        if (same == room_a or old[end_a - 1] == " ") and (same == room_b or new[end_b - 1] == " "):
            return None
    # The words after the last that differs, with the space before them.
    space = old.find(" ", len(old) - same)
    return head, len(old) - space if space >= 0 else 0


_common_start = Prefix.similarity  # (looked up once)
_common_end = Postfix.similarity


def _spaced_or_doubled_dash(text: str) -> bool:
    """``may_hold_clause_dash(text)`` for clean ASCII text, where a space is the only
    whitespace and the hyphen the only dash: three substring tests, where the pattern's
    search (a class at every position) cost 100 times as much (10M instructions for the 45
    sentences with a hyphen among 482 reworded at 2,000 paragraphs)."""
    return "-" in text and (" -" in text or "- " in text or "--" in text)


class _KeyedApart(Exception):
    """A word of plain text some of whose tokens are not their own keys in
    :func:`_tokens_and_keys`."""


#: The ASCII marks of ``_SPACED_CLOSERS`` and ``_SPACED_OPENERS``: a word of plain text
#: that starts with a closer has a space before it, and one that ends with an opener a space
#: after it.
_ASCII_CLOSERS = frozenset(mark for mark in _SPACED_CLOSERS if mark.isascii())
_ASCII_OPENERS = frozenset(mark for mark in _SPACED_OPENERS if mark.isascii())


def _plain_tokens(words: list[str], keyed: bool = False) -> list[str]:
    """``tokenize(" ".join(words), True)`` for words of plain ASCII text (no space in any),
    with no joining to split again: the same loop as tokenize's, on the words it would
    split the text into (a tenth of the word diff of a plain sentence went to the join, the
    CJK test and the split). ``keyed``: raise _KeyedApart at a word whose tokens
    _tokens_and_keys would not key as themselves."""
    tokens: list[str] = []
    append = tokens.append
    for word in words:
        if word.isalnum():
            append(word)
        elif word[:-1].isalnum() and word[-1] != "_":  # "said," "Thursday."
            append(word[:-1])
            append(word[-1])
        else:
            if keyed and (
                word[:1] in _ASCII_CLOSERS
                or word[-1:] in _ASCII_OPENERS
                or "`" in word
                or ".." in word
            ):
                raise _KeyedApart  # (checked here, where only such words come)
            tokens += tokenize(word, True)
        append(" ")
    if tokens:
        tokens.pop()
    return tokens


def _change_step(
    tokens_a: list[str], tokens_b: list[str], a_start: int, a_end: int, b_start: int, b_end: int
) -> tuple[str, str, str]:
    """The step changing ``tokens_a[a_start:a_end]`` into ``tokens_b[b_start:b_end]``."""
    a, b = "".join(tokens_a[a_start:a_end]), "".join(tokens_b[b_start:b_end])
    return _change_kind(a, b), a, b


def _change_kind(a: str, b: str) -> str:
    """What a change of ``a`` into ``b`` is: a replace, a delete or an insert."""
    return "replace" if a and b else "delete" if a else "insert"


def _merge(ops: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Join neighbouring changes into one step: delete+insert is a replace."""
    merged: list[tuple[str, str, str]] = []
    for op, a, b in ops:
        if not a and not b:
            continue
        if op != "equal":
            if merged and merged[-1][0] != "equal":
                _, before_a, before_b = merged.pop()
                a, b = before_a + a, before_b + b
            op = _change_kind(a, b)
        merged.append((op, a, b))
    return merged


def _numeral_run(text: str, at_end: bool) -> int:
    """How many CJK numerals ``text`` ends (or starts) with."""
    chars = reversed(text) if at_end else iter(text)
    return sum(1 for _ in takewhile(CJK_NUMERALS.__contains__, chars))


def _whole_cjk_numbers(ops: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Widen each change that starts (or ends) with a CJK numeral, on every side it has,
    over the numerals of the unchanged text before (or after) it."""
    ops = list(ops)
    for k, (op, a, b) in enumerate(ops):
        if op == "equal":
            continue
        if k and all(side[:1] in CJK_NUMERALS for side in (a, b) if side):
            _, before_a, before_b = ops[k - 1]  # changes are merged: an equal step
            n, m = _numeral_run(before_a, True), _numeral_run(before_b, True)
            if n and m:
                ops[k - 1] = ("equal", before_a[:-n], before_b[:-m])
                a, b = before_a[-n:] + a, before_b[-m:] + b
        if k + 1 < len(ops) and all(side[-1:] in CJK_NUMERALS for side in (a, b) if side):
            _, after_a, after_b = ops[k + 1]
            n, m = _numeral_run(after_a, False), _numeral_run(after_b, False)
            if n and m:
                ops[k + 1] = ("equal", after_a[n:], after_b[m:])
                a, b = a + after_a[:n], b + after_b[:m]
        ops[k] = ("replace" if a and b else op, a, b)
    return _merge(ops)  # an equal step emptied leaves two changes side by side


# A figure's groups of three digits before a change (its "12 " in "12 [-000-]{+500+}") and
# after one (the " 000" of "[-12-]{+14+} 000"), spaced as French, Polish or an SI style
# writes them (after normalize(): a plain space, but the worddiff keeps the original).
_GROUP_SPACE = "[ \u00a0\u202f\u2009]"
_FIGURE_HEAD = lazy_pattern(rf"(?<![\d.,])\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})*{_GROUP_SPACE}$")
_FIGURE_TAIL = lazy_pattern(rf"(?:{_GROUP_SPACE}\d{{3}})+(?![\d]|[.,]\d)")
_GROUP = lazy_pattern(r"\d{3}(?!\d)")
#: A digit, a group space and three digits: a figure grouped by spaces may be in the text.
_SPACED_GROUP = lazy_pattern(rf"\d{_GROUP_SPACE}\d{{3}}")


def _at_a_digit(ops: list[tuple[str, str, str]]) -> bool:
    """Whether a change starts or ends with a digit on either side: only such a change can
    :func:`_whole_grouped_figures` widen (\\d is a digit to str.isdigit() too)."""
    # (A loop, not any() over a generator: it runs for every reworded sentence, and the
    # generator's frame and resumptions cost more than the tests.)
    for op, a, b in ops:
        if op != "equal" and (
            a[:1].isdigit() or a[-1:].isdigit() or b[:1].isdigit() or b[-1:].isdigit()
        ):
            return True
    return False


def _whole_grouped_figures(ops: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Widen each change inside a figure grouped by spaces ("12 000" -> "12 500") over the
    whole figure on both sides, as a changed "12,000" is one token: "[-12 000-]{+12 500+}",
    not "12 [-000-]{+500+}"."""
    ops = list(ops)
    for k, (op, a, b) in enumerate(ops):
        if op == "equal":
            continue
        sides = [side for side in (a, b) if side]
        if k and all(_GROUP().match(side) for side in sides):
            _, before_a, before_b = ops[k - 1]
            head_a, head_b = _FIGURE_HEAD().search(before_a), _FIGURE_HEAD().search(before_b)
            if head_a and head_b:
                ops[k - 1] = ("equal", before_a[: head_a.start()], before_b[: head_b.start()])
                a, b = head_a.group() + a, head_b.group() + b
        if k + 1 < len(ops) and all(side[-1:].isdigit() for side in sides):
            _, after_a, after_b = ops[k + 1]
            tail_a, tail_b = _FIGURE_TAIL().match(after_a), _FIGURE_TAIL().match(after_b)
            if tail_a and tail_b:
                ops[k + 1] = ("equal", after_a[tail_a.end() :], after_b[tail_b.end() :])
                a, b = a + tail_a.group(), b + tail_b.group()
        ops[k] = ("replace" if a and b else op, a, b)
    return _merge(ops)  # an equal step emptied leaves two changes side by side


def _absorb_islands(ops: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Fold short unchanged runs between two changes into one replacement, so that a
    rewritten clause reads as one change rather than alternating fragments."""
    # (Runs for every reworded sentence: comparisons rather than min() and max(), and a
    # fold made in place, cost half of what building the sizes and lists anew did.)
    ops = list(ops)
    k = 1
    while k < len(ops) - 1:
        op, a, b = ops[k]
        before, after = ops[k - 1], ops[k + 1]
        if op != "equal" or before[0] == "equal" or after[0] == "equal":
            k += 1
            continue
        # The shorter of the two changes, each as long as its longer side.
        around = len(before[1]) if len(before[1]) > len(before[2]) else len(before[2])
        after_size = len(after[1]) if len(after[1]) > len(after[2]) else len(after[2])
        if after_size < around:
            around = after_size
        size = len(a.strip())
        # One short word between two changes is confetti; two words only when the
        # changes around them are much longer. (Words are only counted in an island no
        # longer than its changes: most are far longer. Each CJK character is a word.)
        if size <= around and (
            (island_words := word_count(a)) <= 1
            or (island_words <= ISLAND_WORDS and 2 * size <= around)
        ):
            ops[k - 1 : k + 2] = [("replace", before[1] + a + after[1], before[2] + b + after[2])]
            # The grown change can only tip the island before it; those before that
            # still have the neighbours they were passed over with.
            k = k - 2 if k > 2 else 1
        else:
            k += 1
    return ops


def _equal_share(ops: list[tuple[str, str, str]], old: str, new: str) -> float:
    """Share of the non-space characters of both sides that are in unchanged steps."""
    total = len(old) - old.count(" ") + len(new) - new.count(" ")
    if not total:
        return 1.0
    # The steps rebuild both sides: what is not in a change is unchanged, and the changes
    # are the shorter steps to count in.
    changed = 0  # (a loop, not sum() over a generator, as in _at_a_digit)
    for op, a, b in ops:
        if op != "equal":
            changed += len(a) - a.count(" ") + len(b) - b.count(" ")
    return (total - changed) / total
