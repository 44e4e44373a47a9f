"""Newsroom notes: the correction, clarification, update or editor's note a page carries.

A reader tracking edits wants to know first whether the newsroom owned up to a change: a
note added, changed or taken down is listed before the meaning changes, and a version that
changes facts without adding or changing a note is said to do so (``Summary.
edited_without_note``). Extraction keeps these notes even where the page files them as
chrome (see ``compare.extract.page._keep_notes``); this module only reads them.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from datetime import datetime, timezone
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from compare.model import Block, Change, ChangeAction, Comparison, Document, SentenceBlock
from compare.text import has_cjk, lazy_pattern, same_outlet, split_sentences

if TYPE_CHECKING:
    from compare.facets import Number

#: How a note the newsroom adds to the story opens ("Correction, March 4: ...", "Update: ...",
#: "This article was amended on ...", "An earlier version of this story ...", a wire's
#: "(Corrects vote tally in paragraph 3)"), in brackets or not; also in French, Spanish,
#: German, Portuguese, Italian, Chinese, Japanese, Arabic, Hebrew and Russian ("Rectificatif :",
#: "Fe de erratas:", "Korrektur:", "【訂正】", "更正：", "تصحيح:"). Its named group says which
#: kind of note it is.
# The label is set off ("Correction:", "UPDATE, March 4:", "Update (3 p.m.):", "【訂正】",
# "訂正（10月16日）："), so that "Update your browser for ..." or "Correction officers said
# ..." is no note, nor "更新 iOS 17 后" ("after updating iOS 17").
# A comma sets a label off only before a date or time ("Correction, March 4:", "Update,
# 3:40 p.m.:", "Mise à jour, 21 novembre :"): "Correction, the minister said: ..." is a
# sentence.
_DATE_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"today|tonight|yesterday|this (?:morning|afternoon|evening)|"
    r"janvier|f[eé]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
    r"d[eé]cembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|"
    r"diciembre|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|"
    r"januar|februar|m[aä]rz|juni|juli|oktober|dezember|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|"
    r"janeiro|fevereiro|mar[cç]o|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    r"segunda|ter[cç]a|quarta|quinta|sexta|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica"
)
_DATED = (
    r",\s*(?:(?:on|at|as of|appended|posted|added|published|made|le|el|am|em|il|[aà]|"
    rf"a las|[aà]s|alle|ore|um)\s+)?(?:\d|(?:{_DATE_WORDS})\b)"
)
# ... or before a time of day or an event and a colon ("Update, late on Tuesday:", "UPDATE,
# noon:", "Update, after the council vote:", "Aktualisierung, Dienstagabend:"); not "Correction, the
# minister said:" nor "Clarification, not confrontation:". One word or phrase, no run of
# free words: the pattern stays linear on a long line.
_TIMES_OF_DAY = (
    r"noon|midnight|midday|morning|afternoon|evening|night|tonight|overnight|dawn|"
    r"mittags?|abends?|nachmittags?|vormittags?|nachts?|morgens|"
    r"soir(?:ée)?|matin(?:ée)?|après-midi|nuit|midi|"
    r"mañana|tarde|noche|mediodía|madrugada|manhã|noite|pomeriggio|sera|mattina|notte"
)
_WHEN_SET_OFF = (
    r",\s*(?:(?:late|early|earlier|later|mid|this|on|at|by|el|le|la|am|à|a la|a las|"
    r"à la|in der|de la|en la|in the)\s+){0,2}"
    rf"(?:(?:{_DATE_WORDS})(?:abend|morgen|mittag|nachmittag|nacht)?|{_TIMES_OF_DAY}|"
    r"(?:after|before|following|since|après|avant|tras|antes de|después de|nach|vor|dopo|"
    r"prima di)\s+(?:(?:the|la|le|el|der|dem|den|il|lo)\s+)?[^\W\d_]+(?:\s+[^\W\d_]+)?)"
    r"(?=\s*[:\u2013\u2014])"
)
_SET_OFF = rf"\s*(?:[:(\u2013\u2014\]-]|\d|{_DATED}|{_WHEN_SET_OFF})"
# A correction's heading alone on its line ("Correction", then the note): not an update's,
# which may be a badge over the story.
_SET_OFF_ALONE = rf"(?:{_SET_OFF}|\s*$)"
# Other languages' labels are common words ("Précision, rigueur et ..."): a colon follows
# at once, or after a bracket or a date ("Mise à jour, 21 novembre :").
_SET_OFF_OTHER = rf"\s*(?::|(?:[(\u2013\u2014-]|{_DATED}|{_WHEN_SET_OFF})[^:.!?]{{0,40}}:)"
_SET_OFF_CJK = r"\s*(?:[\]\)】〕］）:：]|[（(](?=\s*\d))"
# "更新：2026年10月15日 11:00" is when the page was updated, not a note.
_NOT_A_STAMP = r"(?![\s\d年月日時分秒:：/.\-]*$)"
_CORRECTION = (
    rf"corrections?{_SET_OFF_ALONE}|(?:rectificatifs?|rectification|rectificaci[oó]n|"
    r"retifica[cç][aã]o|errat(?:um|a)(?: corrige)?|correcci[oó]n|fe de err(?:atas|ores)|"
    r"korrektur(?:hinweis)?|berichtigung|richtigstellung|corre[cç][aã]o|correzione|rettifica|"
    # Arabic, Hebrew and Russian.
    r"تصحيح|תיקון|исправление)"
    rf"{_SET_OFF_OTHER}"
)
_CLARIFICATION = (
    rf"clarifications?{_SET_OFF_ALONE}|(?:pr[eé]cision|aclaraci[oó]n|klarstellung|esclarecimento|"
    rf"precisazione|توضيح|הבהרה|уточнение){_SET_OFF_OTHER}"
)
_UPDATE = (
    rf"updates?{_SET_OFF}|(?:mise [aà] jour|actualizaci[oó]n|aktualisierung|"
    rf"atualiza[cç][aã]o|aggiornamento|تحديث|עדכון|обновление){_SET_OFF_OTHER}"
)
_EDITORS_NOTE = (
    r"editor[\u2019']?s[\u2019']? note|note de la r[eé]daction|nota del (?:editor|redactor)|"
    r"nota de la redacci[oó]n|(?:anmerkung|hinweis) der redaktion|nota do editor|"
    r"nota da reda[cç][aã]o|nota della redazione|"
    r"ملاحظة (?:المحرر|المحرّر|التحرير)|הערת (?:המערכת|העורך)|примечание редакции"
)
# Abbreviated, or a disclosure: "NDLR :", "N.d.R.:", "N.d.l.R.:", "Transparenzhinweis:".
_EDITORS_NOTE_SHORT = r"(?:ndlr|n\.\s?d\.\s?(?:l\.\s?)?r\.|transparenzhinweis)\s*[:\u2013\u2014)-]"
_EARLIER_VERSION = (
    r"(?:an earlier|a previous|a prior) version of this (?:article|story|report|piece)|"
    r"une version (?:pr[eé]c[eé]dente|ant[eé]rieure) de cet article|"
    r"una versi[oó]n anterior de (?:este|esta) (?:art[ií]culo|nota|informaci[oó]n)|"
    r"in einer (?:fr[uü]heren|vorherigen) (?:version|fassung) dieses (?:artikels|beitrags|textes)|"
    r"(?:una|nella) (?:precedente|prima) versione (?:di|del) questo (?:articolo|pezzo)|"
    r"(?:uma|numa) vers[aã]o anterior (?:deste|desta) (?:artigo|not[ií]cia|reportagem|texto)|"
    r"(?:een|in een) eerdere versie van dit (?:artikel|bericht|stuk)|"
    # Arabic, Hebrew and Russian: "a previous version of this report stated ...".
    r"(?:ذكرت|ورد في|جاء في|في) (?:نسخة|النسخة) سابقة من هذا (?:التقرير|المقال|الخبر)|"
    r"בגרסה (?:קודמת|הקודמת) של (?:הכתבה|הידיעה|המאמר)|"
    r"в (?:предыдущей|первоначальной) версии (?:этой |этого )?(?:статьи|материала|заметки)"
)
NOTE_START = lazy_pattern(
    # (An asterisk may mark the note: "* This story has been corrected ...".)
    # A wire's "(Corrects paragraph 4 ...)", "(Refiles to fix a typo ...)".
    r"^\s*(?:(?P<wire>[(\[]\s*(?:corrects|refiles? to (?:correct|fix))\b)|"
    r"\*?\s*[(\[【〔［（]?\s*(?:"
    rf"(?P<correction>(?:{_CORRECTION})|"
    r"(?:おわびと訂正|お詫びと訂正|訂正|おわび|お詫び|更正|勘误|勘誤)"
    rf"{_SET_OFF_CJK}|(?:{_EARLIER_VERSION})\b|"
    r"this (?:article|story|report|piece) (?:was|has been) "
    r"(?:amended|corrected|refiled to (?:correct|fix))\b|"
    r"we have (?:amended|corrected) this (?:article|story|report|piece)\b|"
    r"a correction was (?:made|appended)\b)|"
    rf"(?P<clarification>(?:{_CLARIFICATION})|"
    rf"澄清{_SET_OFF_CJK})|"
    rf"(?P<update>(?:{_UPDATE})|"
    rf"(?:更新|追記|追记){_SET_OFF_CJK}{_NOT_A_STAMP}|"
    r"this (?:article|story|report|piece) (?:was|has been) updated\b|"
    # "Updated at 3.15pm to add comment from ...": not a stamp ("Updated 13:05"), which
    # says no why.
    r"updated(?:\s+(?:at|on)\s+(?:[^.!?:]|[.:](?=\d)){1,30}?)?\s+to\s+"
    r"(?:add|include|reflect|clarify)\b)|"
    rf"(?P<editor>(?:{_EDITORS_NOTE})\b|{_EDITORS_NOTE_SHORT}|(?:编者按|編者按|编者注|編者注|編集部注){_SET_OFF_CJK})))",
    re.IGNORECASE,
)

#: What the views say when ``Summary.edited_without_note`` is set.
WITHOUT_NOTE = "NEW changes these facts without adding or changing a correction or update note."


def without_note_line(comparison: Comparison) -> str:
    """What the views say when ``Summary.edited_without_note`` is set, else "": when NEW's
    page gives a later last-modified time than OLD's (often shown as a bare "Updated 2:30
    pm"), it owned up to an update but not to what it changed, and the line says so."""
    if not comparison.summary.edited_without_note:
        return ""
    stamp = _dated_later(comparison.old, comparison.new)
    if stamp is None:
        return WITHOUT_NOTE
    return (
        f"NEW changes these facts without a correction or update note: its page gives a new "
        f"last-modified time, {stamp}, but does not say what changed."
    )


def _dated_later(old: Document, new: Document) -> str | None:
    """NEW's last-modified time when it is a time of day later than the time OLD's page
    gives for its last change (its last-modified time, else its publication time)."""
    before = old.modified or old.published
    if not (new.modified and before and _CLOCK_TIME().search(new.modified)):
        return None
    try:
        later = _aware(new.modified) > _aware(before)
    except ValueError:
        return None  # (not ISO 8601: which is later is not known)
    return new.modified if later else None


def beyond_note_line(comparison: Comparison) -> str:
    """What the views say when NEW adds or changes a note and changes facts it does not
    speak of (``Summary.changed_beyond_note``), else ""."""
    summary = comparison.summary
    if not summary.changed_beyond_note:
        return ""
    count = sum(
        map(len, (summary.beyond_note, summary.beyond_note_title, summary.beyond_note_standfirst))
    )
    label = owning_note_label(comparison)
    these = "this change" if count == 1 else f"{count} of these changes"
    return f'NEW\'s {label} does not speak of {these} (marked "not in the {label}").'


def owning_note_label(comparison: Comparison) -> str:
    """What the first note NEW adds or changes is ("correction", "update"), "note" if none."""
    return next(
        (c.label for c in comparison.changes if c.kind == "note" and c.action != "removed"),
        "note",
    )


def beyond_note_in(comparison: Comparison) -> frozenset[int]:
    """The changes (by ``id``), of the text, the headline or the standfirst, that NEW
    changes beyond what its note speaks of (see :func:`beyond_note`)."""
    summary = comparison.summary
    return frozenset(
        id(listed[i])
        for listed, indices in (
            (comparison.changes, summary.beyond_note),
            (comparison.title_changes, summary.beyond_note_title),
            (comparison.standfirst_changes, summary.beyond_note_standfirst),
        )
        for i in indices
    )


def note_marks(comparison: Comparison) -> dict[int, tuple[bool, str]]:
    """How every view marks a key change (by ``id``, of the text, the headline or the
    standfirst) against NEW's notes: ``(True, "correction")``, the note speaks of it ("in
    the correction"); ``(False, "correction")``, it changed beside a note that does not
    ("not in the correction"). Changes neither is said of are not in it."""
    marks = {key: (True, label) for key, label in noted_in(comparison).items()}
    beyond = beyond_note_in(comparison)
    if beyond:
        owning = owning_note_label(comparison)
        for key in beyond:
            marks.setdefault(key, (False, owning))
    return marks


def note_alarm_lines(comparison: Comparison) -> list[str]:
    """The lines the text and Markdown views give, in order, of what NEW's notes do not
    say: facts changed without a note, changes its note leaves out, an edit it leaves
    undated (each when the summary says so)."""
    lines = (without_note_line(comparison), beyond_note_line(comparison), undated_line(comparison))
    return [line for line in lines if line]


def undated_line(comparison: Comparison) -> str:
    """What the views say when ``Summary.undated_edit`` is set, else ""."""
    stamp = comparison.summary.undated_edit
    if not stamp:
        return ""
    if comparison.new.modified:
        return f"NEW's page still gives OLD's last-modified time, {stamp}: the edit is undated."
    return (
        f"Neither page gives a last-modified time, and both give {stamp} as published: the "
        "edit is undated."
    )


#: The longest stretch of a note quoted in a one-line description.
_QUOTED = 160


def note_kind(text: str) -> str | None:
    """``correction``, ``clarification``, ``update`` or ``editor's note`` for a paragraph that
    is a newsroom note, else ``None``."""
    # Most paragraphs open with none of the labels: a look at the first letters spares the
    # pattern (and compiling it), on each edited paragraph of a long story.
    if text[:1] not in _NOTE_FIRST or not text[:32].lstrip(_BRACKETS).lower().startswith(
        _NOTE_OPENINGS
    ):
        return None
    match = NOTE_START().match(text)
    if match is None:
        return None
    for kind, group in _KINDS:
        if match.group(group):
            return kind
    return "correction"  # a wire's "(Corrects ...)"


#: How a note's first character and first words (lower case, after any bracket) start.
_BRACKETS = " \t\n([【〔［（*"
_NOTE_FIRST = frozenset(
    _BRACKETS + "aAbBcCeEfFhHiIkKmMnNpPrRtTuUwWお訂更勘澄追编編" + "تمذوجفתהעבИиУуОоПпВв"
)
_NOTE_OPENINGS = (
    *("corre", "clarif", "update", "editor", "an earlier version", "a correction was"),
    *("refile",),
    *("a previous version", "a prior version", "we have amended", "we have corrected"),
    *("this article", "this story", "this report", "this piece"),
    *("rectifica", "retifica", "errat", "fe de err", "korrektur", "berichtigung", "rettifica"),
    *("richtigstellung", "hinweis der redaktion"),
    *("précision", "aclaraci", "klarstellung", "esclarecimento", "precisazione"),
    *("mise à jour", "mise a jour", "actualizaci", "aktualisierung", "atualiza", "aggiorna"),
    *("note de la r", "nota d", "anmerkung der redaktion"),
    *("ndlr", "n.d.", "n. d.", "transparenzhinweis"),
    *("une version", "una versi", "in einer", "una precedente", "una prima", "nella"),
    *("uma vers", "numa vers", "een eerdere", "in een eerdere"),
    *("ذكرت نسخة", "ذكرت النسخة", "ورد في", "جاء في", "في نسخة", "في النسخة", "בגרסה"),
    *("в предыдущей", "в первоначальной"),
    *("おわび", "お詫び", "訂正", "更正", "勘误", "勘誤", "澄清", "更新", "追記", "追记"),
    *("编者", "編者", "編集部注"),
    *("تصحيح", "توضيح", "تحديث", "ملاحظة", "תיקון", "הבהרה", "עדכון", "הערת"),
    *("исправление", "уточнение", "обновление", "примечание редакции"),
)
_KINDS = (
    ("editor's note", "editor"),
    ("clarification", "clarification"),
    ("update", "update"),
    ("correction", "correction"),
)


#: A wire story's credit line: "(Reporting by Jane Doe in London; Editing by John Smith)".
#: After each label, names (capitalised words) and a place; nothing else.
_CREDIT_NAME = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
# Each name may have its place after it: "Reporting by Ana Ruiz in Lima and Ben Ko in London".
_CREDIT_PLACED = rf"{_CREDIT_NAME}(?:\s+in\s+{_CREDIT_NAME})?"
_CREDIT = (
    r"(?i:(?:(?:additional|further)\s+)?(?:reporting|writing|editing|compiled|research|"
    rf"graphics)\s+by)\s+{_CREDIT_PLACED}(?:\s*(?:,|and|&)\s*{_CREDIT_PLACED})*"
)
_CREDIT_LINE = lazy_pattern(rf"\s*[(\[]?\s*{_CREDIT}(?:\s*[;,]\s*{_CREDIT})*\s*[)\]]?\.?\s*")
#: The same with a desk or staff for names ("Editing by the Northline Wire desk",
#: "Reporting by Northline staff"), and names that "contributed to this report". Names
#: only: "Research by the state university found ..." and "Officials said 40 agencies
#: contributed to this report." are sentences.
_CREDIT_ROLE = (
    r"(?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Rr]esearch)(?: and \w+)? by"
)
# Words are apart (spaces, or a comma or semicolon between): a run of capitals can be cut
# into words one way only, so a sentence that is no credit fails at once ("Research by
# NATO-AFFILIATED UNIVERSITIES ..." took minutes when words could touch).
_STAFF_CREDIT_LINE = lazy_pattern(
    rf"\(?{_CREDIT_ROLE}(?:(?:\s+|\s*[,;]\s*)(?:[A-Z][\w.'’-]*|and|in|the|desk|team|staff|"
    rf"bureau|{_CREDIT_ROLE}))+\s*\.?\)?|"
    r"\(?(?:(?:[A-Z][\w.'’-]*|and|the|in|from|at|writers?|reporters?|correspondents?|staff)"
    r",?\s+){1,14}(?i:contributed (?:reporting )?to this (?:report|story|article))\.?\)?"
)


#: A news agency named in a credit: a known agency's name or initials, or the agencies as a
#: whole ("Agenturen", "agences", "agencias"); after a continental paper's credit words,
#: any wire's initials ("KNA", "SID").
_KNOWN_AGENCY = (
    r"(?i:dpa|epd|afp|ap|kna|sid|apa|sda|ansa|efe|reuters|bloomberg|europa press|"
    r"keystone-sda|belga|xinhua|kyodo|lusa|agência brasil|"
    r"(?:(?:den|der|les|las|los|the) )?(?:nachrichten)?agenturen|agences|agencias|agências|"
    r"agencies|wires)"
)
_AGENCY = rf"(?:[A-Z]{{2,6}}(?:-[A-Z]{{2,6}})?|{_KNOWN_AGENCY})"


def _joined(name: str) -> str:
    """One or more of ``name`` joined by commas, slashes or "and" in the papers' languages."""
    return rf"{name}(?:\s*(?:,|/|&|\b(?:und|and|et|y|e)\b)\s*{name})*"


#: An agency's credit on a story an outlet wrote from its copy: "mit Material von dpa und
#: AFP", "Mit Agenturmaterial", "(avec AFP)", "Con información de EFE", "Com agências",
#: "With agencies", "Reuters contributed to this report".
_AGENCY_CREDIT = lazy_pattern(
    r"\s*[(\[]?\s*(?:"
    r"(?i:(?:mit|unter verwendung von) (?:agentur)?material(?: (?:von|der|des))?"
    rf"(?: (?:der |den )?(?:nachrichten)?agentur(?:en)?)?) {_joined(_AGENCY)}|"
    r"(?i:mit agenturmaterial)|"
    rf"(?i:(?:la rédaction )?avec(?: l')?) {_joined(_AGENCY)}|"
    rf"(?i:con (?:información|informaciones|info|datos) de(?:l| las?)?) {_joined(_AGENCY)}|"
    rf"(?i:com(?: informações d[aoe]s?)?) {_joined(_AGENCY)}|"
    rf"(?i:with(?: the)?) {_joined(_KNOWN_AGENCY)}|"
    # "The Associated Press contributed to this report.", "Jane Doe and AP contributed ...".
    r"(?:The )?[A-Z][\w.'’-]*(?:,? (?:(?:and|&) )?(?:the )?[A-Z][\w.'’-]*){0,7}"
    r" (?i:contributed (?:reporting )?to this (?:report|story|article))"
    r")\s*[)\]]?\.?\s*"
)
#: A credit line's first words, lower-cased: a paragraph that starts otherwise is none (and
#: the patterns are neither compiled nor run).
_CREDIT_OPENERS = frozenset({"mit", "unter", "avec", "la", "con", "com", "with"})


def is_credit_line(text: str) -> bool:
    """Whether the paragraph ``text`` is a credit line and nothing else: a wire's "(Reporting
    by ...; Editing by ...)", or an agency's credit ("mit Material von dpa", "Avec AFP",
    "Con información de EFE")."""
    if len(text) > 300:
        return False
    # Looked at first: most paragraphs have no " by " near their start, and then the pattern
    # is neither compiled nor run.
    by = " by " in text[:60].lower()
    if by and _CREDIT_LINE().fullmatch(text) is not None:
        return True
    opener = text.lstrip(" ([").split(" ", 1)[0].lower()
    agency = opener in _CREDIT_OPENERS or text.rstrip(" .)]").endswith(
        ("report", "story", "article")
    )
    if agency and _AGENCY_CREDIT().fullmatch(text) is not None:
        return True
    if by or "contributed" in text:
        return _STAFF_CREDIT_LINE().fullmatch(text) is not None
    return False


class NoteLinks(NamedTuple):
    """The meaning changes with the notes' own in front, and what the notes own up to."""

    changes: tuple[Change, ...]
    """A ``note`` change for each note added, changed or taken down, then the text's."""
    without_note: bool
    """NEW edits facts without a note: see :func:`edited_without_note`."""
    noted: tuple[tuple[int, int], ...]
    """``(change, note)`` index pairs into ``changes``: see :class:`_NoteReader`."""
    noted_title: tuple[tuple[int, int], ...]
    """The same for the headline's changes: an index into them, and one into ``changes``."""
    noted_standfirst: tuple[tuple[int, int], ...]
    """The same for the standfirst's changes."""
    beyond_note: tuple[int, ...] = ()
    """Indices into ``changes`` of facts NEW changes that no note it adds or changes speaks
    of: see :func:`beyond_note`."""
    beyond_note_title: tuple[int, ...] = ()
    """The same for the headline's changes, indices into them."""
    beyond_note_standfirst: tuple[int, ...] = ()
    """The same for the standfirst's changes."""


def with_notes(
    old: Document,
    new: Document,
    blocks: Sequence[Block],
    sentences: Sequence[SentenceBlock],
    changes: Sequence[Change],
    title_changes: Sequence[Change],
    standfirst_changes: Sequence[Change],
    standfirst_added_or_removed: bool = False,
) -> NoteLinks:
    """The meaning changes of the text with a ``note`` change in front for each note added,
    changed or taken down (and without the changes inside notes); whether NEW edits facts
    without a note (the headline's and standfirst's changes count); and which changes, of
    the text, the headline and the standfirst, a note speaks of."""
    # (One pass over the blocks, most of them unchanged: each asked once, not once a side.)
    changed = [block for block in blocks if not block.unchanged]
    edited_a = {i for block in changed for i in block.a}
    edited_b = {i for block in changed for i in block.b}
    kinds_a, kinds_b = _notes(old, edited_a), _notes(new, edited_b)
    notes: tuple[Change, ...] = ()
    if kinds_a or kinds_b:
        notes = note_changes(old, new, kinds_a, kinds_b, blocks, sentences)
    # A wire's "(Reporting by ...; Editing by ...)": who worked on the story, not what it
    # says. The line still shows as edited; its names are no meaning change.
    skip_a = kinds_a.keys() | {i for i in edited_a if is_credit_line(old.paragraphs[i].text)}
    skip_b = kinds_b.keys() | {i for i in edited_b if is_credit_line(new.paragraphs[i].text)}
    if skip_a or skip_b:
        changes = outside_notes(changes, skip_a, skip_b, sentences)
    # Facts NEW changes, not those it adds: an update's new paragraph with a quote or a
    # figure owes no note; a figure changed, a quote cut, a hedge put into a sentence do.
    # Nor a standfirst added or taken away whole (``standfirst_added_or_removed``): the
    # text says what it said, and a template that adds or drops a description edits no
    # fact of the story.
    top = (*title_changes, *(() if standfirst_added_or_removed else standfirst_changes))
    edited = [c for c in (*top, *changes) if not _in_a_new_sentence(c, sentences)]
    without_note = edited_without_note(old, new, notes, edited)
    listed = (*notes, *changes)  # whether the newsroom owned up comes first
    if not notes:
        return NoteLinks(listed, without_note, (), (), ())
    reader = _NoteReader(listed, new, kinds_b)
    noted = tuple(
        (i, note)
        for i, change in enumerate(listed)
        if change.kind != "note"
        and (
            note := reader.note_of(
                change,
                _sentence_texts(change, old, new, sentences),
                _said_before(change, old, new, sentences),
            )
        )
        is not None
    )
    noted_title = reader.notes_of(title_changes, (old.title or "", new.title or ""))
    noted_standfirst = reader.notes_of(
        standfirst_changes, (old.standfirst or "", new.standfirst or "")
    )
    if not owns_up(old, new, notes) or new.partial:
        # (Past a partial NEW's end may stand a note that speaks of the rest.)
        return NoteLinks(listed, without_note, noted, noted_title, noted_standfirst)
    return NoteLinks(
        listed,
        without_note,
        noted,
        noted_title,
        noted_standfirst,
        beyond_note(listed, noted, sentences),
        beyond_note(title_changes, noted_title, sentences),
        beyond_note(standfirst_changes, noted_standfirst, sentences),
    )


def owns_up(old: Document, new: Document, notes: Sequence[Change]) -> bool:
    """Whether NEW adds or changes a note on what reads as one page over time (not a live
    blog, whose updates are news): then each fact it changes is owned up to or not."""
    return any(note.action != "removed" for note in notes) and one_page_over_time(old, new)


def beyond_note(
    changes: Sequence[Change],
    noted: Sequence[tuple[int, int]],
    sentences: Sequence[SentenceBlock],
) -> tuple[int, ...]:
    """The indices of ``changes`` that alter facts OLD had (as for
    :func:`edited_without_note`: not the news of a sentence NEW adds, nor a note's own
    change) that no note speaks of (``noted``): a correction that owns up to one fact while
    others change beside it hides those."""
    owned = {change for change, _ in noted}
    return tuple(
        i
        for i, change in enumerate(changes)
        if change.kind != "note" and i not in owned and not _in_a_new_sentence(change, sentences)
    )


def note_changes(
    old: Document,
    new: Document,
    kinds_a: dict[int, str],
    kinds_b: dict[int, str],
    blocks: Sequence[Block],
    sentences: Sequence[SentenceBlock],
) -> tuple[Change, ...]:
    """A ``note`` change for each note added, removed or reworded, in reading order;
    ``kinds_a`` and ``kinds_b`` are each version's notes (see :func:`_notes`)."""
    first_sentence: dict[tuple[str, int], int] = {}
    for index, sentence_block in enumerate(sentences):
        for paragraph, _ in sentence_block.a:
            first_sentence.setdefault(("old", paragraph), index)
        for paragraph, _ in sentence_block.b:
            first_sentence.setdefault(("new", paragraph), index)

    def text(doc: Document, indices: list[int]) -> str:
        return "\n\n".join(doc.paragraphs[i].text for i in indices)

    # The note paragraphs each edited block holds, by action; a note that runs over two
    # paragraphs ("Correction: Nov. 21, 2026" above "An earlier version ...") is one note.
    edits: list[tuple[ChangeAction, list[int], list[int]]] = []
    for block in blocks:
        notes_a = [i for i in block.a if i in kinds_a]
        notes_b = [i for i in block.b if i in kinds_b]
        if block.unchanged or not (notes_a or notes_b):
            continue
        action: ChangeAction = (
            "changed" if notes_a and notes_b else "added" if notes_b else "removed"
        )
        if edits and edits[-1][0] == action and _follows(edits[-1], notes_a, notes_b):
            edits[-1][1].extend(notes_a)
            edits[-1][2].extend(notes_b)
        else:
            edits.append((action, notes_a, notes_b))
    found = []
    for action, notes_a, notes_b in edits:
        where = ("new", notes_b[0]) if notes_b else ("old", notes_a[0])
        sentence = first_sentence.get(where, 0)
        kind = kinds_b[notes_b[0]] if notes_b else kinds_a[notes_a[0]]
        old_text = text(old, notes_a) if notes_a else None
        new_text = text(new, notes_b) if notes_b else None
        if action == "changed":
            detail = f"{kind} changed: {_quoted(old_text or '')} → {_quoted(new_text or '')}"
        else:
            detail = f"{kind} {action}: {_quoted(new_text or old_text or '')}"
        found.append(_note(action, old_text, new_text, sentence, detail))
    return tuple(found)


def _notes(doc: Document, edited: set[int]) -> dict[int, str]:
    """The note paragraphs among a document's ``edited`` ones (and the paragraph before
    each), with their kinds: an unchanged note is no change, and reading every paragraph
    of a long story would cost more than the rest of this module. A label on a line of its
    own ("Correction: Nov. 21, 2026") opens the paragraph after it too."""
    paragraphs = doc.paragraphs
    read = sorted({j for i in edited for j in (i - 1, i) if j >= 0})
    kinds = {i: kind for i in read if (kind := note_kind(paragraphs[i].text))}
    for i, kind in list(kinds.items()):
        text = doc.paragraphs[i].text
        # "This story has been updated." is a note of its own, not a label: the story's
        # lede follows it, and an edit there is the lede's (a vote 5-2 -> 6-1 read as
        # "update changed" hid the number).
        if (
            _LABEL_ONLY().fullmatch(_body(text))
            and not _A_SENTENCE().match(text)
            and i + 1 < len(paragraphs)
        ):
            kinds.setdefault(i + 1, kind)
    return kinds


#: What is left of a label on a line of its own: nothing, or when it was written ("Nov.
#: 21, 2026", "3:10 p.m. ET", "Tuesday", "11月21日"). "UPDATE: MAYOR RESPONDS" is a note of its own.
_LABEL_ONLY = lazy_pattern(
    r"[\s\d:,./()\-\u2013\u2014年月日時分（）：]*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|a\.?m|p\.?m|et|bst|gmt|utc|"
    r"est|edt|pst|pdt|cet)\b[\s\d:,./()\-\u2013\u2014年月日時分（）：]*)*",
    re.IGNORECASE,
)


def _follows(
    before: tuple[ChangeAction, list[int], list[int]], notes_a: list[int], notes_b: list[int]
) -> bool:
    """Whether these note paragraphs come right after ``before``'s, on each side they hold."""
    _, before_a, before_b = before
    return all(
        not now or (was and now[0] == was[-1] + 1)
        for was, now in ((before_a, notes_a), (before_b, notes_b))
    )


def outside_notes(
    changes: Sequence[Change],
    notes_a: Container[int],
    notes_b: Container[int],
    sentences: Sequence[SentenceBlock],
) -> tuple[Change, ...]:
    """The meaning changes outside the paragraphs ``notes_a`` of OLD and ``notes_b`` of NEW:
    the numbers a note gives ("$52 million, not $50 million") belong to the note, which is
    listed whole."""

    def inside(change: Change) -> bool:
        if not 0 <= change.sentence < len(sentences):
            return False
        block = sentences[change.sentence]
        return any(p in notes_a for p, _ in block.a) or any(p in notes_b for p, _ in block.b)

    return tuple(change for change in changes if not inside(change))


#: Words any note may use, which tie it to no sentence in particular.
_NOTE_WORDS = frozenset(
    str.split(
        "earlier version article story report piece misstated misspelled incorrectly wrongly "
        "stated reported said correction clarification update updated amended corrected "
        "editor this that which have been were with from their about also would could after "
        "before when where than them they"
    )
)
_WORD = lazy_pattern(r"[^\W\d_]{4,}")
#: A note that names a figure by what it counts, without giving it: "updated to correct the
#: number of customers without power", "misstated the amount of the fine" (group 1).
_AMOUNT_OF = lazy_pattern(
    r"\b(?:number|count|total|amount|size|value|percentage|proportion|toll|figure)s?\s+"
    r"(?:of|for)\s+"
    r"(?:the\s+|an?\s+)?([a-z][\w-]{2,}(?:\s+[a-z][\w-]{2,}){0,2})"
)
#: A price, a cost or a rate a note names, and what it is of ("the price of a weekly pass",
#: "the cost of the new bridge"): a figure it corrects without giving it.
_PRICE_OF = lazy_pattern(
    r"\b(?:price|cost|fare|fee|rate|charge|salary|wage|budget|value)s?\s+(?:of|for)\s+"
    r"(?:the\s+|an?\s+)?([a-z][\w-]{2,}(?:\s+[a-z][\w-]{2,}){0,2})"
)
#: Words before a figure read for what it is the price of (see ``_PRICE_OF``).
_PRICED_WORDS = 8
#: Words that end the noun a note names ("the number of customers without power").
_NOUN_ENDS = (
    "without with in on at for from to by who that which was were is are of and or as after "
    "before during"
)
_AFTER_THE_NOUN = frozenset(_NOUN_ENDS.split())


def _nouns_named(words: str) -> set[str]:
    """The words of "council members without power" up to a preposition or a clause, each
    singular as a figure's context words are ("members" -> "member"): the noun is among
    them ("homes left without water"), whole, so "council" names no "county"."""
    named = set()
    for word in words.split():
        if word in _AFTER_THE_NOUN:
            break
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        named.add(word)
    return named


class _NoteReader:
    """What each note added or changed in NEW speaks of. A meaning change is tied to a note:
    - a number change, when the note gives one of its values counting the same thing: "It
      is 20 inches, not 24 inches" speaks of "24-inch" -> "20-inch", not of "20 homes", and
      the date a note was written ("amended on 4 March 2026 to correct ...") of no date;
    - a name change, or an attribution whose speaker's name changed, when the note names
      either name;
    - any other change, when the note shares two lower-case words with its sentence that
      few paragraphs use (a story's topic words, and the names a note corrects the
      spelling of, tie a note to nothing), and one of the changed words."""

    def __init__(self, changes: Sequence[Change], new: Document, in_note: dict[int, str]):
        from compare.facets import sentence_facets

        spread: dict[str, int] = {}
        for i, paragraph in enumerate(new.paragraphs):
            if i not in in_note:
                for stem in _stems(paragraph.text):
                    spread[stem] = spread.get(stem, 0) + 1
        # Each note: its index in ``changes``, body, (value, counted thing) pairs, the values
        # that count nothing of their own ("It is 21 per cent, not 18 per cent."), stems and
        # rare stems.
        self.read: list[tuple[int, str, set[tuple[str, str]], set[str], set[str], set[str]]] = []
        #: Per note (in ``read``'s order), what the figures it names without giving count.
        self.amounts: list[set[str]] = []
        #: Per note, the things whose price, cost or rate it names without giving it.
        self.priced: list[list[frozenset[str]]] = []
        #: Per note, the (value, counted thing) pairs of the figures it gives that count a
        #: thing of their own ("spills" of "the figure for the fall in spills to 60%").
        self.named: list[set[tuple[str, str]]] = []
        #: Per note, the values it sets one against the other: (right, wrong) of "It was
        #: 60%, not 40%." or "60 per cent rather than 40 per cent".
        self.against: list[set[tuple[str, str]]] = []
        #: Per note, the values of every figure with a unit it gives (£21, 40%, 5 km).
        self.values: list[set[str]] = []
        for index, change in enumerate(changes):
            if change.kind != "note" or not change.new:
                continue
            body = _body(change.new)
            stems = _stems(body)
            around = {_four(stem) for stem in stems}
            counted: set[tuple[str, str]] = set()
            named: set[tuple[str, str]] = set()
            bare: set[str] = set()
            against: set[tuple[str, str]] = set()
            values: set[str] = set()
            # Sentence by sentence: a figure at the end of one counts nothing of the next's
            # ("... by 40%. In fact they fell by 60%.").
            for said in split_sentences(body):
                figures = sentence_facets(said).numbers
                against |= {
                    (right.key, wrong.key)
                    for right, wrong in pairwise(figures)
                    if _AGAINST().fullmatch(said, right.span[1], wrong.span[0])
                }
                for n in figures:
                    if n.kind in ("date", "year") and _WRITTEN_ON().search(said[: n.span[0]]):
                        continue  # when the note was written ("amended on 3 March 2026")
                    if n.unit:  # (a bare count may be any count's: "6-3, not 7-2" has a 2)
                        values.add(n.key)
                    own = _counted(n, set(), said, _NOTE_CONTEXT)
                    counted |= {(n.key, word) for word in own or around}
                    named |= {(n.key, word) for word in own}
                    if not own:
                        bare.add(n.key)
            rare = {stem for stem in stems if spread.get(stem, 0) <= 2}
            self.read.append((index, body, counted, bare, stems, rare))
            self.named.append(named)
            self.against.append(against)
            self.values.append(values)
            self.amounts.append(
                {noun for m in _AMOUNT_OF().finditer(body.lower()) for noun in _nouns_named(m[1])}
            )
            # What a price or a rate the note names without giving it is of ("to correct
            # the price of a weekly pass"): the words of that thing, as a figure counts them.
            self.priced.append(
                [
                    frozenset(_four(stem) for stem in _stems(m[1]))
                    for m in _PRICE_OF().finditer(body.lower())
                ]
            )

    def note_of(
        self, change: Change, texts: tuple[str, str], said_before: tuple[str, str] = ("", "")
    ) -> int | None:
        """The index of the note that speaks of ``change``, made in the sentence ``texts``
        (OLD's and NEW's, either empty where that version has none), if any; ``said_before``
        is what each version's paragraph says before that sentence (who "he said" is)."""
        from compare.facets import sentence_facets

        sentence = texts[1] or texts[0]
        if change.kind == "quote":
            # "An earlier version misquoted Councillor Owen Prickett": the note names the
            # speaker (not "Ellery's lawyer": someone else) and speaks of a quotation, or
            # of the quote's own words. "Updated with a statement from Jane Ellery's
            # lawyer" covers no silent change to what Ellery said.
            # Else, as any change, by the words it shares with the sentence (below).
            speakers = [
                re.compile(rf"\b{re.escape(name)}\b(?!['\u2019]s\b)")
                for name in _speakers(texts, said_before)
            ]
            words = _stems(" ".join(p for p in (change.old, change.new) if p))
            found = next(
                (
                    i
                    for i, body, _, _, said, _ in self.read
                    if any(name.search(body) for name in speakers)
                    and (
                        _OF_A_QUOTE().search(body)
                        or len(words & said) >= 2
                        # "Updated with a statement from Jane Ellery's lawyer": the quote
                        # the update adds from that lawyer, not one changed.
                        or (change.action == "added" and _OF_A_STATEMENT().search(body))
                    )
                ),
                None,
            )
            if found is not None:
                return found
        if change.kind == "number":
            phrases = [p for p in (change.old, change.new) if p]
            values = {n.key for p in phrases for n in sentence_facets(p).numbers}
            # Both versions' sentences: a note quotes the old figure in the old wording as
            # often as the new one ("said the spills had fallen by 40%. ... fell by 60%").
            counted: set[tuple[str, str]] = set()
            loose: set[tuple[str, str]] = set()
            anywhere: set[tuple[str, str]] = set()
            things: set[str] = set()
            before: set[str] = set()
            priced_any = any(self.priced)
            for text in texts:
                numbers = sentence_facets(text).numbers if text else ()
                around = {_four(stem) for stem in _stems(text)}
                counted |= {
                    (n.key, word)
                    for n in numbers
                    if n.key in values
                    for word in _counted(n, around, text)
                }
                # A value the note gives bare counts what the note speaks of ("the rise"):
                # the sentence must speak of it too, anywhere.
                loose |= {(key, word) for key in values for word in around}
                # What the changed figure counts, whole ("customer"; "council" is no
                # "county"): the words of its own phrase ("more than 26,000 customers"), not
                # its neighbours' ("3 counties and 26,000 customers").
                things |= {
                    noun
                    for n in numbers
                    if n.key in values
                    for noun in _nouns_named(n.phrase.lower())
                }
                # ... and what a measure or a share is of: "cardboard" of "40 tonnes of
                # cardboard", "homes" of "40% of homes" (not "40" of "12 of the 40 hurt").
                things |= {
                    noun
                    for n in numbers
                    if n.key in values and (of := _MEASURE_OF().match(text, n.span[1]))
                    for noun in _nouns_named(of[1].lower())
                }
                # The thing a note's figure counts anywhere in the sentence that holds that
                # figure ("the figure for the fall in spills to 60%" of "Sewage spills ...
                # had fallen by 60%"), unless another figure of the sentence counts it ("3
                # counties and 26,000 customers").
                others = {_four(word) for n in numbers if n.key not in values for word in n.context}
                present = {n.key for n in numbers if n.key in values}
                anywhere |= {(key, word) for key in present for word in around - others}
                # The words just before the changed figure, what it is the price of ("a
                # weekly pass from £18 to £22"), past a figure it runs from: a sum of money
                # (or a share, for a rate), not a count ("used by 40,000 people").
                if priced_any:  # (read only where a note names a price)
                    before |= {
                        _four(stem)
                        for n in numbers
                        if n.key in values and n.kind in ("money", "percent")
                        for stem in _stems(" ".join(text[: n.span[0]].split()[-_PRICED_WORDS:]))
                    }
            # A note that gives the value the change took away and the one it put in
            # ("It was 60%, not 40%.") names that change, whatever it says they count.
            was, now = (
                {n.key for n in sentence_facets(p).numbers} if p else set()
                for p in (change.old, change.new)
            )
            was, now = was - now, now - was
            read = zip(
                self.read,
                self.amounts,
                self.named,
                self.against,
                self.values,
                self.priced,
                strict=True,
            )
            return next(
                (
                    i
                    for (i, _, said, bare, _, _), amounts, named, against, given, priced in read
                    if counted & said
                    or any(key in bare for key, _ in loose & said)
                    or things & amounts
                    # "the price of a weekly pass": the changed figure is a weekly pass's.
                    or any(thing and thing <= before for thing in priced)
                    or anywhere & named
                    or any(right in now and wrong in was for right, wrong in against)
                    # Both values of the change, in sentences of their own ("An earlier
                    # version … said a weekly pass would rise to £22. It will rise to £21.")
                    or (was and now and was <= given and now <= given)
                ),
                None,
            )
        if change.kind == "name":  # as a whole name: "John" is not in "Johnson"
            names = [re.compile(rf"\b{re.escape(n)}\b") for n in (change.old, change.new) if n]
            return next(
                (i for i, body, *_ in self.read if any(n.search(body) for n in names)), None
            )
        if change.kind == "attribution" and change.old and change.new:
            # The speaker's name respelt ("Margaret Oakes said" -> "Margaret Oaks said"): the
            # commonest correction names the new spelling or the old.
            old, new = (
                set(_CAPITALISED().findall(change.old)),
                set(_CAPITALISED().findall(change.new)),
            )
            names = [re.compile(rf"\b{re.escape(n)}\b") for n in sorted(old ^ new)]
            found = next(
                (i for i, body, *_ in self.read if any(n.search(body) for n in names)), None
            )
            if found is not None:
                return found
        # The note names what changed ("reviewing" for "did review" -> "did not review"),
        # and what it is about: not only the sentence's topic.
        stems = _stems(sentence)
        changed = _stems(" ".join(p for p in (change.old, change.new) if p))
        return next(
            (
                i
                for i, _, _, _, said, rare in self.read
                if len(stems & rare) >= 2 and changed & said
            ),
            None,
        )

    def notes_of(
        self, changes: Sequence[Change], texts: tuple[str, str]
    ) -> tuple[tuple[int, int], ...]:
        """``(change, note)`` pairs for ``changes`` all made in ``texts`` (OLD's and NEW's
        headline)."""
        return tuple(
            (i, note)
            for i, change in enumerate(changes)
            if (note := self.note_of(change, texts)) is not None
        )


_CAPITALISED = lazy_pattern(r"\b[A-Z][\w'’-]+")
#: What follows a figure that measures or shares out a thing: "tonnes of cardboard", "% of
#: homes", "litres of the fuel" (group 1, the thing).
_MEASURE_OF = lazy_pattern(r"\s*(?:[^\W\d_]+\s+)?of\s+(?:the\s+|an?\s+)?([a-z][\w-]{2,})")
#: A note that speaks of a quotation: "misquoted", "a quote from", "misattributed"; not
#: "a statement" or "comments", which an update adds from someone as often as not.
_OF_A_QUOTE = lazy_pattern(r"\b(?:(?:mis)?quot\w*|misattribut\w*)\b", re.IGNORECASE)
#: A note that tells of a statement it adds: "updated with comments from", "a statement".
_OF_A_STATEMENT = lazy_pattern(r"\b(?:remarks?|comments?|statements?)\b", re.IGNORECASE)
#: A speaker given by a pronoun: who it is, a sentence before says.
_PRONOUNS = frozenset(str.split("he she they it we i"))


def _speakers(texts: tuple[str, str], before: tuple[str, str]) -> set[str]:
    """The surnames (last capitalised words) of who speaks a quote in ``texts``, OLD's and
    NEW's sentence: the sentence's speaker, or, for "he said", the last speaker named in
    what its paragraph says ``before`` it ("Councillor Owen Prickett said ...")."""
    from compare.facets import sentence_facets

    names: set[str] = set()
    for text, earlier in zip(texts, before, strict=True):
        if not text:
            continue
        found = [q.speaker for q in sentence_facets(text).quotes if q.speaker]
        if not found or all(s.casefold() in _PRONOUNS for s in found):
            sources = [
                a.source
                for said in split_sentences(earlier)
                for a in sentence_facets(said).attributions
                if a.source and a.source.casefold() not in _PRONOUNS
            ]
            found = sources[-1:]
        for speaker in found:
            capitalised = _CAPITALISED().findall(speaker.split(",")[0])
            if capitalised:
                names.add(capitalised[-1])
    return names


def _counted(
    number: Number, around: set[str], text: str, skip: Container[str] = ("not",)
) -> set[str]:
    """What a number counts, as the first letters of the words next to it ("24-inch" and
    "24 inches" both count "inch"), but the words ``skip``; in Chinese or Japanese, the
    character after it in ``text`` (the counter or unit: 億 of "150億円", 床 of "300床");
    with none ("It was 6-3, not 7-2."), those of the words ``around`` it (the note's
    "misstated the vote")."""
    counted = {_four(word) for word in number.context if word not in skip}
    # (The figure may hold its unit already: "150億円" is read whole, see facets.figures.)
    after = number.text.lstrip("0123456789.,")[:1] or text[number.span[1] : number.span[1] + 1]
    if not counted and after and not after.isascii() and has_cjk(after):
        counted = {after}
    return counted or around


#: Words a note sets beside a figure that say it was wrong or right, not what it counts: "it
#: is 60%, not 40% as originally stated", "40%. In fact ...".
_NOTE_CONTEXT = frozenset(
    str.split(
        "not originally stated previously reported said incorrectly wrongly erroneously "
        "mistakenly fact rather instead actually correct correctly corrected misstated "
        "version earlier article story"
    )
)
#: A note's own date: "This article was amended on 3 March 2026 to correct ..." (its label
#: taken off, the body opens "on 3 March 2026").
_WRITTEN_ON = lazy_pattern(
    r"(?:\A|\b(?:amended|updated|corrected|changed|appended|made|posted|published))\s*on\s+\Z",
    re.IGNORECASE,
)
#: What stands between a right figure and the wrong one a note sets it against: "60%, not
#: 40%", "20 inches, not 24", "60 per cent rather than 40 per cent".
_AGAINST = lazy_pattern(
    r"(?:\s+[^\W\d_]+){0,2}\s*,?\s*(?:and\s+)?(?:not|rather\s+than|instead\s+of)\s+"
    r"(?:the\s+|an?\s+)?",
    re.IGNORECASE,
)
#: Past forms whose first four letters are not their verb's: "fell" of "fallen", "rose" of
#: "risen", so that "they fell by 60%" counts what "had fallen by 60%" counts.
_IRREGULAR = {"fell": "fall", "rose": "rise", "grew": "grow", "sank": "sink", "sunk": "sink"}


def _four(word: str) -> str:
    """A word's first four letters, a past form's as its verb's (see ``_IRREGULAR``)."""
    return _IRREGULAR.get(word[:4], word[:4])


def _body(note: str) -> str:
    """A note without its label, nor the date or time in the label ("Correction, 21
    November:", "Update (3 p.m.):"): that is when the note was written, not what it says."""
    label = NOTE_START().match(note)
    body = note[label.end() :] if label else note
    colon = min((at for at in (body.find(":"), body.find("：")) if at >= 0), default=-1)
    head = body[:colon]
    if 0 <= colon <= 30 and any(c.isdigit() for c in head) and "." not in head.rstrip("."):
        return body[colon + 1 :]
    return body


def _stems(text: str) -> set[str]:
    """Lower-case words of four letters or more (not names), cut to six ("auditors",
    "auditor" -> "audito"), without those any note uses."""
    words = (w for w in _WORD().findall(text) if w[0].islower())
    return {w[:6] for w in words if w not in _NOTE_WORDS}


def _sentence_texts(
    change: Change, old: Document, new: Document, sentences: Sequence[SentenceBlock]
) -> tuple[str, str]:
    """The sentence ``change`` was made in, as OLD and as NEW give it ("" where one has
    none); a paragraph's change, its whole paragraph (all its sentences, not the first)."""
    if change.kind == "paragraph":
        return change.old or "", change.new or ""
    if not 0 <= change.sentence < len(sentences):
        return "", ""
    block = sentences[change.sentence]
    return (
        " ".join(old.paragraphs[p].sentences[s] for p, s in block.a),
        " ".join(new.paragraphs[p].sentences[s] for p, s in block.b),
    )


def _said_before(
    change: Change, old: Document, new: Document, sentences: Sequence[SentenceBlock]
) -> tuple[str, str]:
    """What the paragraph of the sentence ``change`` was made in says before it, in OLD and
    in NEW ("" where the sentence opens it or one has none)."""
    if not 0 <= change.sentence < len(sentences):
        return "", ""
    block = sentences[change.sentence]

    def before(doc: Document, at: Sequence[tuple[int, int]]) -> str:
        if not at:
            return ""
        paragraph, sentence = at[0]
        return " ".join(doc.paragraphs[paragraph].sentences[:sentence])

    return before(old, block.a), before(new, block.b)


def noted_in(comparison: Comparison) -> dict[int, str]:
    """For each change (by ``id``) a note speaks of, the text's, the headline's or the
    standfirst's, the note's label: ``correction``."""
    changes, summary = comparison.changes, comparison.summary
    return {
        id(listed[change]): changes[note].label
        for listed, pairs in (
            (changes, summary.noted),
            (comparison.title_changes, summary.noted_title),
            (comparison.standfirst_changes, summary.noted_standfirst),
        )
        for change, note in pairs
    }


def _in_a_new_sentence(change: Change, sentences: Sequence[SentenceBlock]) -> bool:
    """Whether ``change`` is in a sentence NEW adds (not the headline's, nor one reworded)."""
    return 0 <= change.sentence < len(sentences) and sentences[change.sentence].op == "added"


def edited_without_note(
    old: Document, new: Document, notes: Sequence[Change], meaning: Sequence[Change]
) -> bool:
    """NEW changes the story's meaning and adds or changes no note, on what reads as one
    page over time: the same address, or the same site (two outlets' stories owe each other
    no note; a page that names no site could be anyone's). Not on a live blog, nor when NEW
    is partial."""
    if not meaning or new.partial or any(note.action != "removed" for note in notes):
        return False  # (NEW's foot, where a note goes, is not shown when NEW is partial)
    return one_page_over_time(old, new)


#: A time of day in an ISO stamp; a CMS that knows only the day writes midnight.
_CLOCK_TIME = lazy_pattern(r"T(?!00:00(?::00)?(?:\.0+)?(?:Z|[+-]\d\d:?\d\d)?$)\d\d:\d\d")


def undated_edit(old: Document, new: Document, meaning: Sequence[Change]) -> str | None:
    """The time NEW's page still gives as OLD's did for its last change, when NEW changes
    the story's meaning on what reads as one page over time (not a live blog) and adds or
    changes no note: the same last-modified time, or, with none on either, the same
    publication time, to the minute (a day alone dates nothing finer). A newsroom that
    edits a fact and leaves the time alone has not dated its edit; readers of the page
    cannot tell it changed."""
    if not meaning or not one_page_over_time(old, new):
        return None
    if any(change.kind == "note" and change.action != "removed" for change in meaning):
        return None  # a correction or update note added or changed dates the edit itself

    def same(a: str | None, b: str | None) -> bool:
        # Only a time of day dates an edit: a page that gives the day alone ("2026-11-24")
        # dates every edit made that day as well as it dates anything.
        if not (a and b and _CLOCK_TIME().search(a) and _CLOCK_TIME().search(b)):
            return False
        # (Extraction writes ISO 8601; the store's reader, which takes more, costs the
        # store's import, ~5 ms of a comparison.)
        try:
            return _aware(a) == _aware(b)
        except ValueError:
            return a == b

    if old.modified or new.modified:
        return old.modified if same(old.modified, new.modified) else None
    return old.published if same(old.published, new.published) else None


def _aware(stamp: str) -> datetime:
    """An ISO 8601 time, in UTC when it names no zone."""
    when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))  # (3.10 reads no "Z")
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def one_page_over_time(old: Document, new: Document) -> bool:
    """Whether two documents read as one page edited over time, whose edits owe a note: one
    page (:func:`one_page`) and not a live blog, which is updated as news comes in, with no
    note for each update, and whose old updates fall off its foot."""
    return not (old.live or new.live) and one_page(old, new)


def one_page(old: Document, new: Document) -> bool:
    """Whether two documents read as one page over time: the same address, or the same
    site (a page that names no site could be anyone's; two text files are versions of one
    story, as the user passed them). Two addresses on one host are two outlets' pages when
    the pages name different sites (a newspaper group's titles, a local mirror), or when
    their slugs share no word and their bylines no author: a page moved keeps its name, and
    its slug or its reporter."""
    if old.url and old.url == new.url:
        return True
    hosts = {(urlsplit(d.url).hostname or "").removeprefix("www.") for d in (old, new) if d.url}
    if old.url and new.url:
        return len(hosts) == 1 and not _two_outlets_on_one_host(old, new)
    sites = [d.site_name or "" for d in (old, new)]
    if not any(s.strip() for s in sites) and not hosts:
        return True  # two text files: versions of one story, as the user passed them
    return same_outlet(*sites)


def _two_outlets_on_one_host(old: Document, new: Document) -> bool:
    """Whether two pages at different addresses on one host are two outlets' (see
    :func:`one_page`): each names its own site (JSON-LD's publisher or og:site_name, not a
    host name the extractor fell back on) and the names are not one outlet's; or their
    slugs share no word and their bylines no author."""
    sites = [_declared_site(d) for d in (old, new)]
    if all(sites) and not same_outlet(*(_without_the(s or "") for s in sites)):
        return True
    authors = [{" ".join(a.casefold().split()) for a in d.authors} for d in (old, new)]
    if not all(authors) or authors[0] & authors[1]:
        return False  # one reporter, or one not named: the page may have moved
    slugs = [_slug_words(d.url or "") for d in (old, new)]
    return all(slugs) and not slugs[0] & slugs[1]


def _declared_site(doc: Document) -> str | None:
    """The site name a page gives itself, or None where the extractor fell back on a host
    name ("127.0.0.1:8771", "courier.example")."""
    name = (doc.site_name or "").strip()
    if not name or (" " not in name and ("." in name or ":" in name)):
        return None
    return name


def _without_the(name: str) -> str:
    """A site name without a leading "The": "The Marlow Ledger" and "Marlow Ledger" are one."""
    return re.sub(r"(?i)^\s*the\s+", "", name)


#: Words of an address that name no story: a page's kind, its file type, an AMP copy.
_SLUG_NOISE = frozenset(str.split("html htm php asp aspx shtml index amp story article news www"))


def _slug_words(url: str) -> set[str]:
    """The words of an address's last part, its slug ("/news/brackwell-fire-13-hurt.html"
    -> {"brackwell", "fire", "13", "hurt"}), or of the part before when the last is a file
    name alone ("/2026/11/marlow-fire/index.html")."""
    parts = [p for p in urlsplit(url).path.split("/") if p]
    for part in reversed(parts):
        words = {w for w in re.split(r"[\W_]+", part.casefold()) if w and w not in _SLUG_NOISE}
        if words:
            return words
    return set()


def _note(
    action: ChangeAction, old: str | None, new: str | None, sentence: int, detail: str
) -> Change:
    return Change(
        kind="note",
        action=action,
        old=old,
        new=new,
        severity=1,
        sentence=sentence,
        detail=detail,
    )


def _quoted(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > _QUOTED:
        flat = flat[: _QUOTED - 1].rsplit(" ", 1)[0] + "…"
    return f'"{flat}"'


def notes_in(doc: Document) -> list[tuple[str, tuple[int, ...]]]:
    """Every note of ``doc`` in reading order: its kind and its paragraphs. A label on a
    line of its own ("Correction, Nov. 21, 2026") and the paragraph after it are one note;
    a note that is a sentence ("This story has been updated.") is one paragraph: the
    story's lede follows it."""
    paragraphs = doc.paragraphs
    found: list[tuple[str, tuple[int, ...]]] = []
    label = False  # the last note is a label on a line of its own
    for i, kind in sorted(_notes(doc, set(range(len(paragraphs)))).items()):
        text = paragraphs[i].text
        own = note_kind(text)
        if found and found[-1][1][-1] == i - 1 and label:
            found[-1] = (found[-1][0], (*found[-1][1], i))
        elif own is not None:
            found.append((kind, (i,)))
        label = own is not None and _LABEL_ONLY().fullmatch(_body(text)) is not None
        label = label and not _A_SENTENCE().match(text)
    return found


#: A note that says in a sentence of its own what happened to the article: no label.
_A_SENTENCE = lazy_pattern(
    r"\W*(?:this (?:article|story|report|piece) (?:was|has been)|a correction was)\b",
    re.IGNORECASE,
)


#: How a note that speaks of the article itself opens, once its label is off: "This story
#: has been updated with ...", "Cet article a été mis à jour ..."; not "The report released
#: Tuesday found ...", which is news.
_OF_THE_ARTICLE = lazy_pattern(
    r"[\s(\[]*(?:this (?:article|story|report|piece|post|page)|cet article|"
    r"(?:este|esta) (?:art[ií]culo|nota|artigo|reportagem)|dieser (?:artikel|beitrag|text)|"
    r"questo articolo)\b",
    re.IGNORECASE,
)


#: How a correction that speaks of the article opens, once its label is off: "An earlier
#: version of this story misstated ...", "Due to an editing error ...", "A photo caption ...".
_ABOUT_THE_VERSION = lazy_pattern(
    rf"[\s(\[]*(?:{_EARLIER_VERSION}|(?:an?|the) (?:earlier|previous|prior) version\b|"
    r"(?:due to|because of) an? (?:editing|editor's|reporting|production) error|"
    r"(?:an?|the) (?:photo|picture|image) caption|(?:an?|the) headline\b|"
    r"we (?:misstated|incorrectly|wrongly|reported)|this (?:article|story|report|piece)\b)",
    re.IGNORECASE,
)


#: Words only a correction that speaks of the article uses: "an earlier version", "the
#: story said", "a caption misidentified", "due to an error".
_OF_THE_ARTICLE_WORDS = lazy_pattern(
    r"\b(?:versions?|stor(?:y|ies)|article|caption|headline|graphic|map|photo(?:graph)?|"
    r"misidentif\w*|misstat\w*|misspel\w*|misquot\w*|misattribut\w*|incorrectly|"
    r"erroneously|wrongly|(?:an?|editing|reporting|production) error|"
    r"(?:was|been|is) (?:corrected|amended|updated))\b",
    re.IGNORECASE,
)


def tells_the_news(note: str) -> bool:
    """Whether a correction or clarification states the event's fact itself ("Correction:
    Three people died in Tuesday's fire, not four as reported earlier.") rather than
    speaking of the article ("An earlier version of this story misstated ...", "Due to an
    error, the story said ...", "A caption misidentified ...", a wire's "(Corrects number
    of households in paragraph 2)"), anywhere in it."""
    label = NOTE_START().match(note)
    if label is not None and label["wire"]:
        return False
    return (
        _ABOUT_THE_VERSION().match(_body(note)) is None
        and _OF_THE_ARTICLE_WORDS().search(note[label.end() if label else 0 :]) is None
    )


def of_the_article(note: str) -> bool:
    """Whether an update note speaks only of the article ("This story has been updated with
    comment from the mayor.", "Update: An earlier version misstated ..."), not of the event
    ("Update (3 p.m.): Police have reopened one lane"): a live story's update is news."""
    # What follows the label: after it, or after any colon near the start, as the label's
    # time may hold one of its own ("Update, 3:40 p.m.: This article ...").
    after = [_body(note), *(note[i + 1 :] for i, c in enumerate(note[:48]) if c in ":：")]
    return any(
        _OF_THE_ARTICLE().match(text) or note_kind(text.strip()) not in (None, "update")
        for text in (note, *after)
    )
