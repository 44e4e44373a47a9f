"""Alignment quality on hand-written, hand-labelled version pairs.

``benchmarks/alignment.py`` scores pairs a generator made by mechanical edits; real
rewrites are messier. ``benchmarks/data/alignment-hand.md`` holds version pairs of stories
written for the project, edited the way editors and second outlets edit (a lede rewritten,
quotes trimmed, a paragraph split with a new sentence between, sentences moved between
paragraphs, background cut), each labelled by hand before storydiff was run on it. The
file's opening comment gives its format and the labelling rule. The scores are
alignment.py's (links, added, removed, reworded, moved; micro-averaged), for storydiff and
the ``difflib.ndiff`` baseline.

    python benchmarks/alignment_hand.py [--data FILE] [--misses] [--lint]

``--misses`` lists, pair by pair, what storydiff got wrong; ``--lint`` checks the labels
against themselves (never against storydiff): an "equal" that changed, a "reworded" that
did not, moves that disagree with the labels' own order, a link that keeps under half its
words and a paragraph added or removed that keeps half of another's.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from alignment import TARGETS, Truth, f1, predict_difflib, predict_storydiff, scores

DATA = Path(__file__).parent / "data" / "alignment-hand.md"
KINDS = ["links", "added", "removed", "reworded", "moved"]
_LABEL = re.compile(r"\[([=~+])((?: \d+)*)( moved)?\] ?(.*)", re.S)
_OLD = re.compile(r"\[(\d+)\] (.*)", re.S)


class LabelError(ValueError):
    """The data file breaks its own format."""


@dataclass
class Pair:
    slug: str
    old: list[str]
    new: list[str]
    truth: Truth
    #: Per NEW paragraph: its label's sign and OLD indices (for --lint).
    labels: list[tuple[str, tuple[int, ...]]] = field(default_factory=list)


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def parse(text: str) -> list[Pair]:
    """The pairs of a data file (see its opening comment for the format)."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    pairs = []
    for chunk in re.split(r"^# ", text, flags=re.M)[1:]:
        heading, _, body = chunk.partition("\n")
        slug = heading.split(":", 1)[0].strip()
        body = "\n".join(line for line in body.splitlines() if not line.startswith(">"))
        if "## old" not in body or "## new" not in body:
            raise LabelError(f"{slug}: needs '## old' and '## new'")
        old_text, new_text = body.split("## old", 1)[1].split("## new", 1)
        old = []
        for n, para in enumerate(_paragraphs(old_text), 1):
            found = _OLD.fullmatch(para)
            if not found or int(found[1]) != n:
                raise LabelError(f"{slug}: OLD paragraph {n} should open [{n}]: {para[:40]!r}")
            old.append(found[2])
        truth, new, labels = Truth(), [], []
        for j, para in enumerate(_paragraphs(new_text)):
            found = _LABEL.fullmatch(para)
            if not found:
                raise LabelError(f"{slug}: NEW paragraph {j} has no label: {para[:40]!r}")
            sign, numbers, moved, body_text = found.groups()
            origins = tuple(int(x) - 1 for x in numbers.split())
            if any(not 0 <= i < len(old) for i in origins) or (sign == "+") == bool(origins):
                raise LabelError(f"{slug}: NEW paragraph {j}: bad label {para[:20]!r}")
            if not body_text:
                if sign != "=" or len(origins) != 1:
                    raise LabelError(f"{slug}: NEW paragraph {j} has no text")
                body_text = old[origins[0]]
            new.append(body_text)
            labels.append((sign, origins))
            if sign == "+":
                truth.added.add(j)
            for i in origins:
                truth.links.add((i, j))
                if sign == "~":
                    truth.reworded.add((i, j))
                if moved:
                    truth.moved.add((i, j))
        linked = {i for i, _ in truth.links}
        truth.removed = set(range(len(old))) - linked
        pairs.append(Pair(slug, old, new, truth, labels))
    return pairs


def _score(
    pairs: Sequence[Pair], predict: Callable[[list[str], list[str]], Truth]
) -> dict[str, tuple[float, float, float]]:
    totals = {k: [0, 0, 0] for k in KINDS}
    for pair in pairs:
        pred = predict(pair.old, pair.new)
        for kind in KINDS:
            got = f1(getattr(pred, kind), getattr(pair.truth, kind))
            for n in range(3):
                totals[kind][n] += got[n]
    return scores(totals)


def _misses(pair: Pair) -> list[str]:
    pred = predict_storydiff(pair.old, pair.new)
    out = []
    for kind in KINDS:
        got, want = getattr(pred, kind), getattr(pair.truth, kind)
        for item in sorted(got - want):
            out.append(f"  {kind:8} extra   {_show(pair, kind, item)}")
        for item in sorted(want - got):
            out.append(f"  {kind:8} missed  {_show(pair, kind, item)}")
    return out


def _show(pair: Pair, kind: str, item: object) -> str:
    if isinstance(item, tuple):
        i, j = item
        return f"old {i + 1} -> new {j}: {pair.old[i][:50]!r} -> {pair.new[j][:50]!r}"
    assert isinstance(item, int)
    if kind == "added":
        return f"new {item}: {pair.new[item][:70]!r}"
    return f"old {item + 1}: {pair.old[item][:70]!r}"


# --- label checks: the labels against themselves, never against storydiff ---------------

#: Words that say nothing of what a paragraph is about, left out of the label checks' share.
_STOP_WORDS = """
a an the and or but of to in on at for from by with as is are was were be been has have had
it its this that these those which who whom he she they them his her their we our you your
i not no so than then there also said says would will could can may after before about into
over under up down out
"""
_STOP = frozenset(_STOP_WORDS.split())


def _content(text: str) -> set[str]:
    return {
        w for w in re.findall(r"[\w£%.,']+", text.lower().replace("'s ", " ")) if w.strip(".,'")
    } - _STOP


def _share(a: str, b: str) -> float:
    """Content words of the shorter text found in the other."""
    wa = {w.strip(".,'") for w in _content(a)} - {""}
    wb = {w.strip(".,'") for w in _content(b)} - {""}
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(small & large) / len(small) if small else 1.0


def _plain(text: str) -> str:
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    return " ".join(text.replace("\u2014", "-").replace("\u2013", "-").split()).rstrip(".")


def _longest_runs(values: Sequence[int]) -> tuple[int, int]:
    """The length of the longest increasing run of ``values`` and how many there are."""
    best = [(1, 1)] * len(values)
    for k, v in enumerate(values):
        for m in range(k):
            if values[m] < v:
                length, count = best[m][0] + 1, best[m][1]
                if length > best[k][0]:
                    best[k] = (length, count)
                elif length == best[k][0]:
                    best[k] = (length, best[k][1] + count)
    top = max((b[0] for b in best), default=0)
    return top, sum(b[1] for b in best if b[0] == top)


def lint(pair: Pair) -> list[str]:
    out = []
    t = pair.truth
    for j, (sign, origins) in enumerate(pair.labels):
        old_text = " ".join(pair.old[i] for i in origins)
        group = [k for k, (_, o) in enumerate(pair.labels) if o == origins]
        new_text = " ".join(pair.new[k] for k in group)
        if sign == "=" and _plain(old_text) != _plain(pair.new[j]):
            out.append(f"  new {j}: '=' but the text changed")
        unchanged = _plain(old_text) == _plain(pair.new[j])
        if sign == "~" and len(origins) == 1 and len(group) == 1 and unchanged:
            out.append(f"  new {j}: '~' but no word changed")
        if origins and j == group[0] and _share(old_text, new_text) < 0.5:
            out.append(f"  new {j}: linked, keeps {_share(old_text, new_text):.2f} of its words")
    for j in sorted(t.added):
        best = max(range(len(pair.old)), key=lambda i: _share(pair.old[i], pair.new[j]))
        if _share(pair.old[best], pair.new[j]) >= 0.5:
            share = _share(pair.old[best], pair.new[j])
            out.append(f"  new {j}: added, but shares {share:.2f} with old {best + 1}")
    for i in sorted(t.removed):
        best = max(range(len(pair.new)), key=lambda j: _share(pair.old[i], pair.new[j]))
        if _share(pair.old[i], pair.new[best]) >= 0.5:
            share = _share(pair.old[i], pair.new[best])
            out.append(f"  old {i + 1}: removed, but shares {share:.2f} with new {best}")
    # Moves: groups (a paragraph split over neighbours is one) in NEW order, by first OLD.
    firsts, moved, seen = [], [], set()
    for j, (_, origins) in enumerate(pair.labels):
        if origins and origins not in seen:
            seen.add(origins)
            firsts.append(min(origins))
            moved.append((min(origins), j) in t.moved or any((i, j) in t.moved for i in origins))
    kept = [f for f, m in zip(firsts, moved, strict=True) if not m]
    length, count = _longest_runs(firsts)
    if _longest_runs(kept)[0] != len(kept) or len(kept) != length:
        out.append(f"  moves: not moved {kept} is not a longest run in order of {firsts}")
    elif count > 1:
        out.append(f"  moves: {count} longest runs in order of {firsts}: which moved is unclear")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the labelled pairs")
    parser.add_argument("--misses", action="store_true", help="list storydiff's misses per pair")
    parser.add_argument("--lint", action="store_true", help="check the labels, run nothing")
    args = parser.parse_args()
    try:
        pairs = parse(args.data.read_text(encoding="utf-8"))
    except (OSError, LabelError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.lint:
        problems = 0
        for pair in pairs:
            found = lint(pair)
            problems += len(found)
            if found:
                print(pair.slug, *found, sep="\n")
        print(f"{len(pairs)} pairs, {problems} label warnings")
        return 0
    ours, base = _score(pairs, predict_storydiff), _score(pairs, predict_difflib)
    paragraphs = sum(len(p.old) + len(p.new) for p in pairs)
    print(f"{len(pairs)} hand-labelled pairs, {paragraphs} paragraphs ({args.data.name})\n")
    print(f"{'':10} {'storydiff P / R / F1':>24}   {'difflib P / R / F1':>22}   target F1")
    for kind in KINDS:
        p, r, f = ours[kind]
        bp, br, bf = base[kind]
        print(
            f"{kind:10} {p:6.3f} {r:6.3f} {f:6.3f}       {bp:6.3f} {br:6.3f} {bf:6.3f}"
            f"   >= {TARGETS[kind]:.2f}"
        )
    if args.misses:
        for pair in pairs:
            found = _misses(pair)
            if found:
                print(f"\n{pair.slug}", *found, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
