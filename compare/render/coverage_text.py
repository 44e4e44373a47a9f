"""Terminal and Markdown views of a multi-outlet comparison: the claims x outlets matrix with
✓ (verbatim) / ~ (reworded) / · (absent) marks, then the outlets' newsroom notes, disputed
facts, who did it, words chosen, unique claims, omissions, outlet similarity and text reuse."""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable, Sequence

from compare.multi import (
    Claim,
    Coverage,
    Disagreement,
    NewsroomNote,
    Reuse,
    WordChoice,
    as_told,
)
from compare.render import GITHUB_LIMIT, fitting
from compare.render.layout import reveal

MARKS = {"verbatim": "✓", "reworded": "~", "absent": "·"}
LEGEND = "✓ verbatim   ~ reworded   · absent   ! the outlets disagree on a fact"


def outlet_keys(coverage: Coverage) -> dict[int, str]:
    """A short column key per document in the matrix: A, B, C, ..."""
    letters = string.ascii_uppercase
    return {
        doc: letters[i] if i < len(letters) else f"Z{i}" for i, doc in enumerate(coverage.outlets)
    }


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, with an ellipsis when cut; shown as the pairwise
    views show text (``reveal``), so a page's escape sequences neither act on the terminal
    nor throw the mark columns off."""
    text = reveal(text)
    if _width(text) <= width:
        return text + " " * (width - _width(text))
    out, used = [], 0
    for char in text:
        w = _width(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…" + " " * (width - used - 1)


def _clip_names(names: Sequence[str], width: int) -> list[str]:
    """Outlets' names cut to ``width`` columns each, as ``_clip`` cuts them, unless two
    would then read the same ("The Westbury Evening Chronicle 1", "… 2" as "The Westbury
    Evening…" twice): then each keeps its start and its end, whose words tell them apart."""
    names = [reveal(name) for name in names]
    clipped = [_clip(name, width) for name in names]
    if len(set(clipped)) == len(set(names)) or width < 9:
        return clipped
    out = []
    for name in names:
        if _width(name) <= width:
            out.append(_clip(name, width))
            continue
        tail_width = (width - 1) // 2
        tail, used = "", 0
        for char in reversed(name):
            if used + _width(char) > tail_width:
                break
            tail, used = char + tail, used + _width(char)
        head = _clip(name, width - used).rstrip()
        out.append(_clip(head.rstrip("…").rstrip() + "…" + tail.lstrip(), width))
    return out


def _wrap(text: str, width: int, indent: str = "    ") -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken at spaces (a word wider than
    a line, at any character), the lines after the first under ``indent``; the spaces
    within a line stay as written. Shown as ``_clip`` shows text (``reveal``)."""
    text = reveal(text)
    if _width(text) <= width:
        return [text]  # as it is, its spacing (a table's) too
    lead = len(text) - len(text.lstrip(" "))
    lines: list[str] = []
    line = text[:lead]
    for space, word in re.findall(r"( *)(\S+)", text[lead:]):
        filled = line.strip() != ""
        if _width(line) + (_width(space) if filled else 0) + _width(word) <= width:
            line = line + space + word if filled else line + word
            continue
        if filled:
            lines.append(line)
            line = indent
        while _width(line) + _width(word) > width and width > _width(line):
            # A word wider than the line (a sentence written without spaces): cut it.
            cut, used = 0, _width(line)
            while cut < len(word) and used + _width(word[cut]) <= width:
                used += _width(word[cut])
                cut += 1
            cut = max(cut, 1)
            lines.append(line + word[:cut])
            line, word = indent, word[cut:]
        line += word
    if line.strip() or not lines:
        lines.append(line)
    return lines


def _legend(width: int) -> list[str]:
    """The legend, its entries kept whole on as few lines as fit."""
    lines: list[str] = []
    for entry in LEGEND.split("   "):
        if lines and _width(lines[-1]) + 3 + _width(entry) <= width:
            lines[-1] += "   " + entry
        else:
            lines.extend(_wrap(entry, width, "  "))
    return lines


def _percent(share: float) -> str:
    return f"{share * 100:.0f} %"


def reuse_sentence(coverage: Coverage, reuse: Reuse, name: Callable[[str], str] = str) -> str:
    """``B reuses 54 % of A's sentences nearly word for word (7 sentences) ...`` (a word
    or two may differ: "protesters" / "rioters" is told under words chosen); ``name`` sets
    an outlet's name in the sentence (the HTML report isolates it for right-to-left names)."""
    source, target = name(coverage.labels[reuse.source]), name(coverage.labels[reuse.target])
    text = (
        f"{target} reuses {_percent(reuse.share_of_source)} of {source}'s sentences nearly "
        f"word for word ({reuse.sentences} sentences, {_percent(reuse.share_of_target)} of its own)"
    )
    if reuse.runs:
        longest = max(run.length for run in reuse.runs)
        text += f"; longest run {longest} sentences in a row"
    if reuse.original is not None:
        text += f"; {name(coverage.labels[reuse.original])} published first"
    return text + "."


#: Each kind of note with its article, as a sentence says it.
NOTE_NAMES = {
    "correction": "a correction",
    "clarification": "a clarification",
    "update": "an update",
    "editor's note": "an editor's note",
}


def note_where(note: NewsroomNote) -> str:
    """Where the note stands in its article: ``¶ 4``, ``¶ 4–5``."""
    first, last = note.paragraphs[0] + 1, note.paragraphs[-1] + 1
    return f"¶ {first}" if first == last else f"¶ {first}–{last}"


def notes_shown(coverage: Coverage) -> list[NewsroomNote]:
    """The notes of the outlets in the matrix (a set-aside input's are in the JSON only)."""
    return [note for note in coverage.notes if note.doc in coverage.outlets]


def note_sentence(coverage: Coverage, note: NewsroomNote, name: str | None = None) -> str:
    """``The Lakeshore Ledger carries a correction (¶ 15), not counted as a claim: “...”``;
    ``name`` is how the outlet is named (its label by default)."""
    if note.claims:
        plural = "s" if len(note.claims) > 1 else ""
        counted = f"counted as claim{plural} {', '.join(note.claims)}"
    else:
        counted = "not counted as a claim"
    text = " ".join(note.text.split())
    who = name if name is not None else coverage.labels[note.doc]
    return f"{who} carries {NOTE_NAMES[note.kind]} ({note_where(note)}), {counted}: “{text}”"


def headline(coverage: Coverage) -> str:
    """One line: how many outlets, claims, unique claims and disputes."""
    n = len(coverage.outlets)
    claims = len(coverage.claims)
    shared_by_all = sum(1 for c in coverage.claims if len(c.outlets) == n)
    unique = sum(len(coverage.unique(d)) for d in coverage.outlets)
    disputed = len(coverage.disputed)
    parts = [
        f"{n} outlets",
        f"{claims} claims",
        f"{shared_by_all} carried by all",
        f"{unique} unique to one outlet",
        f"{disputed} with disputed facts",
    ]
    if coverage.framed:  # (only when some are: a report without any reads as before)
        parts.append(f"{len(coverage.framed)} framed differently")
    if coverage.hedged:  # (likewise)
        parts.append(f"{len(coverage.hedged)} hedged by some")
    if coverage.set_aside:
        parts.append(f"{len(coverage.set_aside)} input set aside")
    return ", ".join(parts)


def chosen_words(choice: WordChoice) -> list[str]:
    """The words of one side of a framing, each once, in lower case ("Protesters" opening
    one outlet's sentence and "protesters" in another's are one word)."""
    return list(dict.fromkeys(word.lower() for _, word in choice.words))


def _marks(claim: Claim, coverage: Coverage) -> str:
    return " ".join(MARKS[claim.status(doc)] for doc in coverage.outlets)


def coverage_text(coverage: Coverage, width: int = 100) -> str:
    """The terminal summary."""
    keys = outlet_keys(coverage)
    lines = [*_wrap(f"Coverage: {headline(coverage)}", width, "  "), ""]
    # A name takes what the line leaves (28 columns at 65), so that outlets whose names
    # start alike are told apart.
    label_width = 28 + max(0, width - 65)
    labels = [coverage.labels[doc] for doc in coverage.outlets]
    label_width = max(28, min(label_width, max(map(_width, labels), default=0)))
    shown = dict(
        zip(
            coverage.outlets,
            _clip_names(labels, label_width if width >= 65 else width - 5),
            strict=True,
        )
    )
    for doc in coverage.outlets:
        document = coverage.documents[doc]
        sentences = sum(len(p.sentences) for p in document.paragraphs)
        when = reveal((document.published or "")[:16].replace("T", " "))
        if width >= 65:
            lines.append(f"  {keys[doc]}  {shown[doc]} {when:<17}{sentences:>4} sentences")
        else:
            # Too narrow for one line an outlet: its name, then its date and length.
            lines.append(f"  {keys[doc]}  {shown[doc].rstrip()}")
            lines += _wrap(f"     {f'{when}, ' if when else ''}{sentences} sentences", width)
    if coverage.headline_figures_differ:
        # Each headline as its outlet's: no one's figure stands for the story.
        lines += _wrap("  Their headlines give different figures:", width)
        for doc in coverage.outlets:
            if title := coverage.documents[doc].title:
                lines += _wrap(f"     {keys[doc]}  “{title}”", width, "        ")
    for aside in coverage.set_aside:
        lines += _wrap(f"  -  {coverage.labels[aside.doc]}: set aside, {aside.reason}", width)
    for warning in coverage.warnings:
        lines += _wrap(f"  warning: {warning}", width)
    lines.append("")
    marks_width = 2 * len(coverage.outlets) - 1
    id_width = max((len(c.id) for c in coverage.claims), default=2)
    text_width = max(10, width - id_width - marks_width - 6)
    header_keys = " ".join(keys[d] for d in coverage.outlets)
    lines.append(f"{'':<{id_width}}  {_clip('claim', text_width)}  {header_keys}")
    for claim in coverage.claims:
        flag = "!" if claim.disagreements else " "
        lines.append(
            f"{claim.id:<{id_width}}  {_clip(claim.text, text_width)}  {_marks(claim, coverage)} "
            f"{flag}".rstrip()
        )
    lines += ["", *_legend(width)]
    lines += _sections(coverage, keys, markdown=False, width=width)
    # Every line as the pairwise views show text: what a page wrote (a site name, a claim,
    # a headline) reaches the terminal without its control characters, whichever line
    # takes it (each was revealed as it was measured; this catches any line that was not).
    return "\n".join(map(reveal, lines))


def _sections(
    coverage: Coverage, keys: dict[int, str], markdown: bool, width: int | None = None
) -> list[str]:
    """The sections after the matrix; in the terminal (``width`` given) their long lines
    wrap under a hanging indent."""
    bullet = "- " if markdown else "  "
    out: list[str] = []
    from compare.render.markdown import escape
    from compare.render.markdown import line as safe_line

    def add(line: str) -> None:
        out.extend(_wrap(line, width) if width else [line])

    def item(text: str) -> None:
        """A bullet of outlets' names and words: inert as Markdown (a site name or a quote
        holding "*", "[...](...)" or "<img>" is shown as written, never as markup)."""
        add(bullet + (safe_line(escape(text)) if markdown else text))

    def title(text: str) -> None:
        out.append("")
        if markdown:
            out.append(f"## {text}")
        else:
            out.extend(_wrap(f"{text}:", width, "  ") if width else [f"{text}:"])

    def name(doc: int) -> str:
        return coverage.labels[doc] if markdown else f"{keys[doc]} {coverage.labels[doc]}"

    notes = notes_shown(coverage)
    if notes:
        # First: what an outlet says of its own article, kept apart from what it says of
        # the event (a correction's "It was about 2,100, not 1,200." is no claim).
        title("Newsroom notes")
        for note in notes:
            item(note_sentence(coverage, note, name(note.doc)))
    if coverage.disputed:
        title("Disputed facts")
        for claim in coverage.disputed:
            for d in claim.disagreements:
                sides = _named_groups(coverage, d)
                line = f"{claim.id} {d.label}: {' / '.join(sides)}"
                if not width or _width(bullet + line) <= width:
                    item(line)
                    continue
                # Too long for the terminal: each side on a line of its own.
                first, *others = sides
                add(f"{bullet}{claim.id} {d.label}: {first}")
                for group in others:
                    add(f"{bullet}  / {group}")
    told = [claim for claim in coverage.claims if claim.agent is not None]
    if told:
        # Not a dispute: one side says who did harm, the other only that it was done.
        title("Who did it, named and left out")
        for claim in told:
            agent = claim.agent
            assert agent is not None
            item(
                f"{claim.id} named by {', '.join(map(name, agent.named))} "
                f'("{agent.named_words}"); left out by '
                f'{", ".join(map(name, agent.left_out))} ("{agent.left_out_words}")'
            )
    if coverage.framed:
        # Not a dispute either: the same thing named with words that frame it another way.
        title("Words chosen")
        for claim in coverage.framed:
            for chosen in claim.framing:
                said = " / ".join(
                    ", ".join(f'"{w}"' for w in chosen_words(choice))
                    + f" ({', '.join(map(name, choice.outlets))})"
                    for choice in chosen.choices
                )
                item(f"{claim.id} {chosen.family}: {said}")
    if coverage.hedged:
        # Nor this: one outlet will not stand behind what the others state flatly.
        title("Hedged by some outlets")
        for claim in coverage.hedged:
            hedge = claim.hedge
            assert hedge is not None
            said = " / ".join(f'"{words}" ({name(doc)})' for doc, words in hedge.hedged)
            item(f"{claim.id} {said} / stated flatly ({', '.join(map(name, hedge.flat))})")
    unique = [(d, coverage.unique(d)) for d in coverage.outlets]
    if any(claims for _, claims in unique):
        title("Only in one outlet")
        for doc, claims in unique:
            if claims:
                item(f"{name(doc)}: {', '.join(c.id for c in claims)}")
    missing = coverage.all_but_one()
    if missing:
        title("Left out by one outlet")
        for claim, doc in missing:
            item(f"{claim.id} missing from {name(doc)}")
    if len(coverage.outlets) > 1:
        title("Claims in common (share of claims either carries)")
        docs = coverage.outlets
        if markdown:
            out.append("| | " + " | ".join(_md_cell(coverage.labels[d]) for d in docs) + " |")
            out.append("|---" * (len(docs) + 1) + "|")
            for a in docs:
                cells = " | ".join(_percent(coverage.similarity[a][b]) for b in docs)
                out.append(f"| {_md_cell(coverage.labels[a])} | {cells} |")
        else:
            # Narrow terminals get the figures without their " %" (the title says share).
            narrow = width is not None and 5 + 6 * len(docs) > width
            cell = 4 if narrow else 6

            def share(a: int, b: int) -> str:
                value = coverage.similarity[a][b]
                return f"{value * 100:.0f}" if narrow else _percent(value)

            out.append("     " + "".join(f"{keys[d]:>{cell}}" for d in docs))
            for a in docs:
                cells = "".join(f"{share(a, b):>{cell}}" for b in docs)
                out.append(f"  {keys[a]}  {cells}")
    if coverage.reuse:
        title("Text reuse")
        for reuse in coverage.reuse:
            item(reuse_sentence(coverage, reuse))
    return out


def _named_groups(coverage: Coverage, disagreement: Disagreement) -> list[str]:
    """Each side, its wordings with the outlets that use each: "'65 firefighters' (A, C),
    'some 65 crew' (D)"."""

    def told(words: str) -> str:
        text, quoted = as_told(words)
        return repr(text) if quoted else text

    return [
        ", ".join(
            f"{told(words)} ({', '.join(coverage.labels[doc] for doc in docs)})"
            for words, docs in side
        )
        for side in disagreement.sides()
    ]


def _md_cell(text: str) -> str:
    """Outlets' names and words inert in a Markdown table cell (escaped, one line)."""
    from compare.render.markdown import escape

    return escape(" ".join(text.split()))


def coverage_markdown(
    coverage: Coverage, snippet: int = 90, limit: int | None = GITHUB_LIMIT
) -> str:
    """A Markdown summary for a pull-request comment or a note. Longer than ``limit``
    characters (GitHub's cap for a comment by default; None for no cap), the claims table
    stops where it must, with a line counting the claims left out."""
    keys = outlet_keys(coverage)
    docs = coverage.outlets
    lines = [f"# Coverage: {headline(coverage)}", ""]
    for doc in docs:
        lines.append(f"- **{keys[doc]}** {_md_cell(coverage.labels[doc])}")
    if coverage.headline_figures_differ:
        lines.append("- their headlines give different figures:")
        for doc in docs:
            if title := coverage.documents[doc].title:
                lines.append(f"  - **{keys[doc]}** “{_md_cell(title)}”")
    for aside in coverage.set_aside:
        label, reason = _md_cell(coverage.labels[aside.doc]), _md_cell(aside.reason)
        lines.append(f"- set aside: {label} — {reason}")
    for warning in coverage.warnings:  # as the text view has them (a source left out first)
        # (storydiff's own words, naming the sources the user gave: a URL stays a link)
        lines.append("- warning: " + " ".join(warning.replace("|", "\\|").split()))
    lines += ["", "| claim | " + " | ".join(keys[d] for d in docs) + " |"]
    lines.append("|---" * (len(docs) + 1) + "|")
    rows = []
    for claim in coverage.claims:
        text = claim.text if len(claim.text) <= snippet else claim.text[: snippet - 1] + "…"
        flag = " ⚠" if claim.disagreements else ""
        marks = " | ".join(MARKS[claim.status(d)] for d in docs)
        rows.append(f"| {claim.id}{flag} {_md_cell(text)} | {marks} |")
    tail = ["", LEGEND.replace("!", "⚠"), *_sections(coverage, keys, markdown=True)]
    if limit is not None:
        # Room for the note below; the header and the sections after the table stay whole.
        budget = limit - len("\n".join([*lines, *tail])) - 300
        kept = fitting((len(row) + 1 for row in rows), budget)
        if kept < len(rows):
            rows = [
                *rows[:kept],
                "",
                f"*The table stops here to stay under {limit:,} characters (a GitHub comment "
                f"takes {GITHUB_LIMIT:,}): {len(rows) - kept:,} more claims are not shown. "
                "`--md-limit 0` writes them all; `--format html` shows them with their "
                "wording.*",
            ]
    return "\n".join([*lines, *rows, *tail])
