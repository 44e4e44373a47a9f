"""The clean-up pass over blocks (``clean_up``): chrome, a repeated headline or standfirst,
kickers, pull quotes, bylines and reporter datelines, trailing teasers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache

from compare.extract.blocks import (
    _BY,
    _BY_ABROAD,
    _CELL_SEPARATOR,
    _LONGEST_REMEMBERED,
    _MOST_LONG_PARAGRAPHS,
    _SENTENCE_END,
    LONG_PARAGRAPHS,
    Block,
    Cleaned,
    Metadata,
    _covers,
    _is_sentence,
    _key,
    _near,
    _words,
)
from compare.extract.chrome import (
    _DATE_FIRST,
    _EDGE_PUNCT,
    _LONGEST_CHROME,
    _chrome_key,
    _is_chrome_key,
    _is_section_marker,
    _key_words,
    _looks_like_headline,
    _same_headline,
    is_wall_line,
    strip_breadcrumbs,
)

# compare.extract.metadata (with compare.extract.page, which it imports: ~8M instructions)
# is imported where a byline rule needs its names, roles and stamps, not with this module:
# a plain text with no byline never does.
from compare.text import (
    CJK,
    clean_whitespace,
    has_cjk,
    is_clean,
    lazy_pattern,
    normalize,
    split_sentences,
)


def clean_up(
    blocks: Iterable[Block], meta: Metadata, *, infer_title: bool = False, clean: bool = False
) -> Cleaned:
    """Remove page chrome, a repeated standfirst and headline copies; find the title.
    ``clean`` says every block's text is whitespace-clean already, as the ``*_blocks``
    functions here make it; otherwise each is checked and cleaned."""
    kept: list[Block] = []
    dropped: list[str] = []
    paywalled = False
    marker_at: int | None = None
    byline: tuple[str, ...] = ()
    byline_line = ""  # the paragraph the byline's names come from
    stamp: tuple[str | None, str | None] = (None, None)  # the times a byline's line gives
    japanese_bylines: list[Block] = []
    ascii_words: dict[str, int] = {}
    # Read more than once: see _byline_box_blocks and _story_reads_english.
    blocks = blocks if isinstance(blocks, list) else list(blocks)
    box_at = _byline_box_blocks(blocks, meta)
    seen_lines: dict[str, int] = {}  # how many blocks have read each line so far
    under_byline = False  # the block before was a byline, or a line under one
    # The words of a subscription wall's own box, whose lines are its offer, not the story.
    wall_words = frozenset(_words(meta.wall_box)) if meta.wall_box else None
    for block in blocks:
        text = block.text
        if not (clean or is_clean(text)):
            text = clean_whitespace(text)
            block = replace(block, text=text)
        if not text:
            continue
        # Each rule below has a word limit; long paragraphs, most of them, skip them all.
        if (known := LONG_PARAGRAPHS.get(text)) is not None:  # one of an earlier version
            ascii_words[text] = known
            kept.append(block)
            continue
        words = text.count(" ") + 1
        if ascii := text.isascii():
            # _chrome_key(text, clean=True) written out (~1M instructions at 2,000
            # paragraphs): clean ASCII text is its own normal form, so its key is the text
            # less edge punctuation; losing one character (a full stop, mostly) loses no
            # word unless it was the only one.
            key = text.strip(_EDGE_PUNCT)
            ascii_words[text] = words
            key_words = words if key and len(text) - len(key) <= 1 else _key_words(key)
        else:
            key = _chrome_key(text, clean=True)
            key_words = _key_words(key)
        if key_words > _LONGEST_CHROME and words > 40:  # past every limit below: kept
            if ascii and len(text) <= _LONGEST_REMEMBERED:
                if len(LONG_PARAGRAPHS) >= _MOST_LONG_PARAGRAPHS:
                    LONG_PARAGRAPHS.clear()
                LONG_PARAGRAPHS[text] = words
            kept.append(block)
            continue
        if block.role == "cell" and _CELL_SEPARATOR in text:
            # A data table's row, vetted with its table (_data_rows): "Tue 10 March | Eastmoor
            # v Harrow Vale | 7:45pm" is a fixture, not a date stamp.
            kept.append(block)
            continue
        if is_wall_line(key, words):
            paywalled = True
        box_line = False
        if (at := box_at.get(text)) is not None:
            nth = seen_lines[text] = seen_lines.get(text, -1) + 1
            box_line = at < 0 or at == nth
        names = _byline_names(text, meta.authors) if words <= 12 else None
        if (
            names is None
            and words <= 25
            and (posted := _POSTED_BY().fullmatch(text))
            and not _is_sentence(text, words)
            and not any(_is_sentence(b.text) for b in kept)
        ):
            # Over the post only: under it such a line may be the story's own ("Posted by
            # the council on 3 March, the notice ...").
            names = split_authors(posted["names"])
        if (
            names is None
            and 12 < words <= 25
            and _BY().match(text)
            and not any(_is_sentence(b.text) for b in kept)
            and (stamped := _byline_over_stamp(text)) is not None
        ):
            # A byline whose stamp has labels too long for the check above, as a print
            # page sets it: "By Ana Ruiz | Published: 17 November 2026 09:30 | Last
            # updated: 17 November 2026 16:40".
            names = stamped[0]
        if (
            names is None
            and words <= 12
            and _BY().match(text)
            and not any(_is_sentence(b.text) for b in kept)
        ):
            names = _byline_with_job(text) or _byline_with_place(text)
        if (
            names is None
            and words <= 8
            and not meta.authors
            and (opened := _BY_ABROAD().match(text))
            and _names_alone(
                text[opened.end() :], english_word=(english := _ENGLISH_OPENER().match(text))
            )
            and not any(_is_sentence(b.text) for b in kept)
            and not (english and not _BYLINE_MARK().search(text) and _story_reads_english(blocks))
        ):
            # "Por Lucía Fernández", "Par Camille Morel", "Von Jonas Albrecht" over the story
            # in a plain text (no markup names the authors): a byline, as "By" makes one, not
            # a paragraph that an outlet compared with another "left out".
            names = split_authors(text)
        if names is None and box_line:
            # A line the markup calls a byline, which need not open with "By" ("Ledger
            # staff", "Ana Ruiz"): read as if it did; a staff credit names no one, and a
            # role after the name ("Ana Ruiz, Transport correspondent") is no name.
            by = text if _BY().match(text) else f"By {text}"
            names = _byline_names(by, meta.authors)
            if names is None:
                named = _BYLINE().match(by)
                role = named is not None and _ROLE_SEPARATOR().match(by, named.end())
                names = split_authors(named[0]) if named and role else ()
        if names and _PHOTO_CREDIT().fullmatch(text):
            names = ()  # a photographer's credit: no byline of the story, though chrome
        if names and not byline:
            byline, byline_line = names, text
            if words <= 25 and (stamped := _byline_over_stamp(text)) is not None:
                stamp = stamped[1]
            elif words <= 25 and (when := _POSTED_ON().search(text)) is not None:
                # "Posted By X On 3 February 2026 @ 4:15 pm In News | No Comments"
                stamp = stamp_only(when["when"].replace("@", "at")) or stamp
        tagline = words <= 40 and _is_tagline(text, meta.authors)
        # The line under a byline (or split off one's paragraph: trafilatura may drop the
        # names), above the story: the reporter's role ("Health correspondent, Channel 4
        # News"), handle or address, or a date alone.
        credit = (
            names is None
            and (under_byline or text in meta.under_bylines)
            and words <= 10
            and (
                _UNDER_BYLINE().fullmatch(key) is not None
                or (_DATE_FIRST().fullmatch(key) is not None and any(c.isdigit() for c in key))
            )
            and not any(_is_sentence(b.text) and not _is_dek(b.text, meta) for b in kept)
            and not _is_role_sentence(text, words)
        )
        under_byline = names is not None or bool(credit)
        related = words <= _RELATED_WORDS and _is_labelled_link(block)
        walled = bool(wall_words and (said := _words(text)) and wall_words.issuperset(said))
        if (
            _is_chrome_key(key, key_words)
            or names is not None
            or tagline
            or credit
            or related
            or walled
        ):
            dropped.append(text)
            if _is_section_marker(key):
                marker_at = len(kept)
            if (
                None in stamp
                and names is None
                and words <= 15
                and any(c.isdigit() for c in text)
                and (found := stamp_only(text)) is not None
                and not any(_is_sentence(b.text) for b in kept)
            ):
                # A date stamp on a line of its own above the story ("20 November 2026,
                # 07:00 GMT", then "Updated 21 November 2026", as a copy from a browser
                # gives them) went with the chrome, and its times with it.
                stamp = (stamp[0] or found[0], stamp[1] or found[1])
        else:
            # "山田花子記者" is a byline if the page is Japanese, which the end tells.
            if (
                names is None
                and words <= 12
                and len(text) <= 40
                and has_cjk(text)
                and _cjk_name_before_role(text)
            ):
                japanese_bylines.append(block)
            kept.append(block)

    # Only now is the whole page seen: on a Japanese page "山田花子記者" is a byline, and a
    # byline's spaced names are one name ("記者 山田 花子").
    if (japanese_bylines or has_cjk(byline_line)) and is_japanese(
        meta.language, (b.text for b in kept)
    ):
        for block in japanese_bylines:
            kept.remove(block)
            dropped.append(block.text)
            byline_line = byline_line or block.text
        byline = _byline_names(byline_line, meta.authors, japanese=True) or byline
    elif not byline:
        byline = _dateline_names(kept)
    kept, tail = _drop_trailing_teasers(kept, marker_at)
    dropped.extend(tail)
    # A heading kept for a section's name ("More from Carrick") over other stories' cards.
    for at in range(len(kept) - 1, 0, -1):
        if kept[at].role == "head" and _is_section_marker(_chrome_key(kept[at].text, clean=True)):
            if _cards(kept[at + 1 :]):
                dropped.extend(b.text for b in kept[at:])
                kept = kept[:at]
            break
    kept, boilerplate = _without_release_boilerplate(kept, meta.issuers, meta.site_name)
    dropped.extend(boilerplate)
    pull_quotes = _pull_quotes(kept, meta.quote_boxes)
    if pull_quotes:
        dropped.extend(b.text for b in pull_quotes)
        kept = [b for b in kept if b not in pull_quotes]

    title = strip_breadcrumbs(meta.title) if meta.title else None
    if title is None and infer_title and len(kept) >= 2 and _looks_like_headline(kept[0]):
        if (
            len(kept) >= 3
            and (
                " " not in kept[0].text
                or _is_section_label(kept[0].text, " ".join(b.text for b in kept[1:]))
            )
            and _is_kicker(kept[0].text)
            and _looks_like_headline(kept[1])
            and len(kept[1].text.split()) >= 4
        ):
            # A copied page's section label over its headline ("Environment", "Local
            # News"): no title.
            dropped.append(kept.pop(0).text)
        title = strip_breadcrumbs(kept[0].text)
    if title:
        # Headline copies sit at the top: the <h1>, or the breadcrumb-glued line above it.
        while kept and kept[0].role != "quote" and _same_headline(kept[0].text, title):
            copy = kept.pop(0).text
            dropped.append(copy)
            if meta.title is None and strip_breadcrumbs(copy) == copy:
                title = copy  # the clean copy keeps the page's own typography
        for i in range(min(2, len(kept))):
            if kept[i].role == "head" and _same_headline(kept[i].text, title):
                dropped.append(kept.pop(i).text)
                if i == 1 and _is_kicker(kept[0].text):
                    # The label above the headline ("Interview", "Exclusive", "Analysis"):
                    # the section's, not a paragraph of the story.
                    dropped.append(kept.pop(0).text)
                break
        else:
            # trafilatura dropped the headline and kept the label above it ("Cidades").
            label = meta.label_above_headline
            if kept and label and kept[0].role != "quote" and kept[0].text == label:
                dropped.append(kept.pop(0).text)

    summary = _standfirst(kept)
    if summary is not None:
        dropped.append(kept.pop(0).text)
    if meta.repeated_standfirst:
        # The page shows the description twice (a dek above the body and an intro
        # paragraph): keep it once; any copy that survived at the top goes.
        summary = summary or meta.repeated_standfirst
        while kept and kept[0].role == "p" and _near(kept[0].text, meta.repeated_standfirst, 0.9):
            dropped.append(kept.pop(0).text)
    if summary is None and not meta.description and meta.sure_standfirst and meta.shown_standfirst:
        # Only where no description says the standfirst: one that does is the standfirst,
        # and its copy as the lede stays text, read once (see _standfirst).
        summary = _kept_standfirst(kept, meta.shown_standfirst, dropped)
    return Cleaned(
        tuple(kept),
        title or None,
        summary,
        paywalled,
        tuple(dropped),
        byline,
        ascii_words,
        stamp=stamp,
    )


#: A press wire's line naming who issued the release, at its foot: "SOURCE Corvane Inc.".
_SOURCE_LINE = lazy_pattern(r"SOURCE:?\s+(?P<name>[A-Z0-9][^.!?]{0,80}\.?)")
#: The most words of a press release's contact card ("Media Contact: Laurel Finch ...").
_CONTACT_WORDS = 30


def _without_release_boilerplate(
    kept: list[Block], issuers: tuple[str, ...], site_name: str | None = None
) -> tuple[list[Block], list[str]]:
    """A press release without what its issuer sets under every release: the "About <the
    issuer>" section and all after it (forward-looking statements, contacts), a contact
    card (an e-mail address in a line that is no sentence) and the wire's "SOURCE <the
    issuer>" line. The issuer is who the page's JSON-LD names as the author, an
    organisation other than the site itself (a news site names itself so), or the SOURCE
    line names; and a release says it is one by a SOURCE line, a "###" line or a contact
    card. On a news story none of these, and nothing goes: its "About Halden" section,
    the town an author "Halden Gazette" is named after, is its own."""
    site = _key(site_name or "")
    names = [name for name in issuers if not (site and (site in _key(name) or _key(name) in site))]
    # (startswith first: the pattern opens with the word, and a search of each block cost
    # ~0.6M instructions at 2,000 paragraphs, its compiling as much.)
    sources = [
        i
        for i, b in enumerate(kept)
        if b.text.startswith("SOURCE") and _SOURCE_LINE().fullmatch(b.text)
    ]
    for i in sources:
        names.append(_SOURCE_LINE().fullmatch(kept[i].text)["name"])  # type: ignore[index]
    if not names or not (
        sources or any(_RELEASE_END().fullmatch(b.text) or _is_contact(b.text) for b in kept)
    ):
        return kept, []
    bare = [_key(_ISSUER_SUFFIX().sub("", name)) for name in names]
    dropped: list[str] = []
    for i, block in enumerate(kept):
        if i == 0 or not block.text.startswith("About ") or len(block.text.split()) > 8:
            continue
        about = _key(_ISSUER_SUFFIX().sub("", block.text[6:]))
        # The heading names the issuer whole: "About Halden" is not about "Halden Gazette".
        if about and any(name and about.startswith(name) for name in bare):
            dropped = [b.text for b in kept[i:]]
            kept = kept[:i]
            break
    out = []
    for block in kept:
        if _SOURCE_LINE().fullmatch(block.text) or _is_contact(block.text):
            dropped.append(block.text)
        else:
            out.append(block)
    return out, dropped


#: The line a press release ends with.
_RELEASE_END = lazy_pattern(r"\s*(?:#\s*#\s*#|-\s*30\s*-)\s*")


def _is_contact(text: str) -> bool:
    """A contact card: an e-mail address in a short line that is no sentence."""
    return (
        len(text.split()) <= _CONTACT_WORDS
        and bool(_EMAIL().search(text))
        and not _is_sentence(text)
    )


#: A company's legal form after its name: "Corvane Robotics Inc." is "About Corvane Robotics".
_ISSUER_SUFFIX = lazy_pattern(
    r"[,\s]+(?:inc|incorporated|ltd|limited|llc|plc|corp|corporation|co|gmbh|ag|sa|nv|bv)\.?$",
    re.IGNORECASE,
)


#: The most words of a line that is a label and a link to another story.
_RELATED_WORDS = 30
#: The most words of such a label: "עוד בנושא:", "Read more:", "ALSO READ |".
_RELATED_LABEL_WORDS = 3


def _is_labelled_link(block: Block) -> bool:
    """Whether a paragraph is a short label, set off by a colon or a bar, and then a link
    and nothing else ("עוד בנושא: <a>תושבי רחוב הרצל …</a>"): a related story's, in any
    language, told by its shape, not by the label's words. A newsroom's note is never one
    ("Correction: <a>An earlier version …</a>", "Update: <a>…</a>"): it is the story's."""
    text = block.text
    if not 0 < block.link_chars < len(text) or block.role != "p":
        return False
    # Not at the module's import: plain text and Markdown (no links) never come here, and
    # compare.notes brings datetime (~9M instructions of a start).
    from compare.notes import note_kind

    if note_kind(text):
        return False
    found = re.match(r"[^:|]{1,40}[:|]\s*", text)
    if found is None or len(found[0].split()) > _RELATED_LABEL_WORDS:
        return False
    # The label is all the text outside the link (give or take a space or a mark).
    return abs((len(text) - block.link_chars) - len(found[0].rstrip())) <= 2


def _is_dek(text: str, meta: Metadata) -> bool:
    """Whether a paragraph is the line under the headline (the description, or the box the
    page classes as its standfirst), which a byline and its date may follow: it is no
    sentence of the story under which a date alone would be the story's own."""
    lines = (meta.description, meta.shown_standfirst)
    return any(line and _near(text, line, 0.9) for line in lines)


#: The last word of a section's name ("Local News", "UK Politics", "Crime & Courts").
_SECTION_NOUNS = frozenset(
    str.split(
        "news politics sport sports business money finance economy opinion comment world "
        "health education crime courts environment science technology tech culture arts "
        "entertainment lifestyle travel weather transport features analysis football cricket "
        "rugby motoring property food books music film tv media obituaries letters elections "
        "community"
    )
)
#: Words before it that are a section's too, not a headline's ("Local", "UK").
_SECTION_SCOPES = frozenset(
    str.split("local national regional international global uk us eu home latest top and & of")
)
#: A first word that makes two words a short headline or a column's name: "Good News".
_NO_SECTION_OPENERS = frozenset(str.split("good bad fake sad great big no more some all any"))


def _is_section_label(text: str, story: str) -> bool:
    """Two or three words that name a section, as a copied page sets them over its
    headline: "Local News", "UK Politics", "Crime & Courts", "Marlow News". The last
    names a kind of news and each other one is a section's word, or a place's name: a
    capitalised word the ``story`` under it names mid-sentence. A short headline ("Storm
    Ida", "Fire kills four", "Good News", "Devastating News", "Farewell, Football") is
    none."""
    words = text.split()
    if not 2 <= len(words) <= 3 or any(c.isdigit() for c in text):
        return False
    *before, last = (word.strip(",:;|›»>").casefold() for word in words)
    if last not in _SECTION_NOUNS or before[0] in _NO_SECTION_OPENERS:
        return False
    return all(
        word in _SECTION_NOUNS
        or word in _SECTION_SCOPES
        or (
            original[:1].isupper()
            and original.isalpha()
            and re.search(rf"[a-z,]\s+{re.escape(original)}\b", story) is not None
        )
        for word, original in zip(before, words, strict=False)
    )


def _is_kicker(text: str) -> bool:
    """A label of three words at most, no sentence: what sits above a headline."""
    return len(text.split()) <= 3 and not text.rstrip().endswith(_SENTENCE_END)


#: A pull quote is a few words lifted from the text; a longer quotation is a passage.
_PULL_QUOTE_WORDS = range(4, 31)
#: The quotation a paragraph opens with, and what it says (without its marks).
_OPENING_QUOTATION = lazy_pattern(r'\s*["“„«]([^"“”„«»]+)["”»]')
#: What may follow a pull quote's quotation: who said it, in a few words ("said the board's
#: chief executive", "Ms Nair wrote."), and nothing more (a statement quoted at length goes
#: on, and stays).
_ATTRIBUTION_ONLY = lazy_pattern(
    r"[\s,.;:—–-]*(?:(?:[\w'’.-]+\s+){0,5}(?:said|says|wrote|writes|told|added|according)"
    r"(?:\s+[\w'’.-]+){0,5})?[\s.]*"
)


def _pull_quotes(kept: list[Block], quote_boxes: frozenset[str]) -> list[Block]:
    """Quote blocks that repeat, word for word, a run of words of another paragraph: pull
    quotes, set in large type beside the text they come from. trafilatura can give a
    ``<blockquote>``'s paragraph as a plain one: a paragraph whose words were a quote box
    of the page (``quote_boxes``) is one too when a paragraph near it says the same words
    and more. A quotation alone on its line that no box held stays, echoed or not."""
    candidates = [
        i
        for i, b in enumerate(kept)
        if (b.role == "quote" or (b.role == "p" and quote_boxes and _key(b.text) in quote_boxes))
        and _key_words(_key(b.text)) in _PULL_QUOTE_WORDS
    ]
    if not candidates:
        return []
    keys = [f" {_key(b.text)} " for b in kept]
    found = []
    for i in candidates:
        key = keys[i]
        if kept[i].role == "quote":
            sources = [keys[j] for j, b in enumerate(kept) if b.role != "quote"]
        else:
            sources = [keys[j] for j in range(max(0, i - 3), min(len(kept), i + 4)) if j != i]
        # A pull quote often says whose words they are in words of its own ('"We are doing
        # everything we can," said the chief executive'): the words in its quotation marks
        # are the ones lifted from the text.
        quoted = _OPENING_QUOTATION().match(kept[i].text)
        lifted = key
        if quoted and _ATTRIBUTION_ONLY().fullmatch(kept[i].text[quoted.end() :]):
            lifted = f" {_key(quoted.group(1))} "
            if len(lifted.split()) < _PULL_QUOTE_WORDS.start:
                lifted = key
        if any(
            (key in text and len(text) > len(key)) or (lifted in text and lifted != key)
            for text in sources
        ):
            found.append(kept[i])
            # Its <cite> given as the next paragraph ("Rosa Delgado") goes with it.
            if i + 1 < len(kept) and f"{key.strip()} {keys[i + 1].strip()}" in quote_boxes:
                found.append(kept[i + 1])
    return found


_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:van|von|de|da|del|der|la|le|bin|al)\s+)?[A-Z][\w'’.-]*){1,3}"
# "By Anna Ortiz and Ben Ko": capitalised names only, so "By the river" stays.
_BYLINE = lazy_pattern(
    rf"(?:(?:[Ww]ritten|[Ww]ords|[Ss]tory) )?[Bb]y:?\s+{_NAME}(?:\s*(?:,|&|\band\b)\s*{_NAME})*"
)
# A blog's or a print plugin's line over the post: "Posted By Delyth Morgan On 3 February
# 2026 @ 4:15 pm In News | No Comments", "Posted by Ana Ruiz on March 3, 2026". Not
# "Published by": a book's publisher ("Published by Harbour Books on 4 June 2026, £16.99").
_POSTED_BY = lazy_pattern(
    rf"(?i:posted)\s+(?i:by):?\s+(?P<names>{_NAME}(?:\s*(?:,|&|\band\b)\s*"
    rf"{_NAME})*)\s+(?i:on)\s+(?:\w+,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+\w+|\w+\.?\s+\d{{1,2}}"
    r"|\d{1,4}[./-]\d{1,2}[./-]\d{1,4})\b.{0,100}"
)
#: When a "Posted By ... On ..." line says it was posted, up to its category or comments.
_POSTED_ON = lazy_pattern(
    r"^(?i:posted)\s.*?\s(?i:on)\s+(?P<when>[^|]+?)(?:\s+(?i:in)\s+[^|]*)?(?:\s*\|.*)?$"
)
# "By Metro 9 News Staff", "From staff reports": a byline that names no one.
_STAFF_BYLINE = lazy_pattern(
    r"(?i:by|from):?\s+(?:(?i:the)\s+)?(?:[A-Z0-9][\w&'’.-]*\s+){0,4}"
    r"(?i:staff|news services|wire services)"
    r"(?:\s+(?:and|&)\s+(?i:(?:wire|news) (?:services|reports)))?(?:\s+(?i:reports?))?"
)
# "Anna Ortiz | Health Correspondent": what may follow a known author's name in a byline.
_ROLE_SEPARATOR = lazy_pattern(r"\s*[|,·•–—-]\s*\w")


# "By Jane Doe, Staff photographer": the credit of the story's pictures, not its text.
_PHOTO_CREDIT = lazy_pattern(
    rf"(?:[Bb]y:?\s+)?{_NAME}(?:\s*[,|·•–—-]\s*|\s+)(?i:(?:staff|chief|senior|freelance"
    r"|contributing|the)\s+)?(?i:photographer|photojournalist|photo editor|videographer)s?\.?"
)


# What a byline may have under it (see clean_up): the reporter's role, perhaps with the
# outlet ("Health correspondent, Channel 4 News"), handle ("@annaortiz24", "Follow Anna on
# X: @annaortiz") or e-mail address.
# (This and the patterns below that read metadata's beats, roles and CJK names are made on
# first use, metadata imported then.)
@cache
def _UNDER_BYLINE() -> re.Pattern[str]:
    from compare.extract.metadata import _BEAT, _ROLE

    return re.compile(
        rf"(?i:(?:{_BEAT}\s+)*{_ROLE})(?:\s*(?:[,|·•–—-]|\b(?i:at|for)\b)\s*[^.!?]{{1,50}})?"
        r"|(?:(?i:follow\b[^@:]{0,30}|twitter|x|instagram|threads|bluesky|mastodon|e-?mail)"
        r"\s*:?\s*)?(?:@[\w.]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)(?:\s*[|,·•]\s*\S+){0,2}"
    )


# Lower-case words a reporter's role line has besides its beat and role words.
@cache
def _ROLE_LINE_WORDS() -> re.Pattern[str]:
    from compare.extract.metadata import _BEAT, _ROLE

    return re.compile(rf"(?:{_BEAT}|{_ROLE}|at|for|of|the|and|in|on|a|an|large|with|from|to)")


def _is_role_sentence(text: str, words: int) -> bool:
    """A line that opens with a role but is a sentence of the story ("Columnist for The
    Ledger dies at 81."): it ends with a full stop and has a word of its own in lower case
    (a verb) past the role; "Health and science correspondent at The Metro Ledger." has
    none."""
    return (
        _is_sentence(text, words)
        and any(
            word.islower()
            and word.isalpha()
            and not word.endswith("ly")  # "Correspondent at large, currently in Lagos."
            and not _ROLE_LINE_WORDS().fullmatch(word)
            for word in text.rstrip(".!?").replace(",", " ").split()[1:]
        )
    )


# "Dana Whitlock covers transit for The Metro Ledger. Reach her at dana@…": the reporter's
# note at the foot of a story.
_TAGLINE = lazy_pattern(
    rf"(?P<name>{_NAME}) (?:covers|writes about|reports on) [^.]{{1,100}}\."
    r"(?P<contact> (?:[Rr]each|[Cc]ontact|[Ee]-?mail|[Ff]ollow) (?:her|him|them)\b.*)?"
)


def _is_tagline(text: str, authors: tuple[str, ...]) -> bool:
    """A reporter's tagline: it gives a way to reach them, or names the article's author;
    or the byline signed again at the foot with an address ("김서연 기자 seoyeon@...")."""
    found = _TAGLINE().fullmatch(text)
    if found is not None:
        return bool(found["contact"]) or found["name"] in authors
    return _signed_off(text, authors)


_EMAIL = lazy_pattern(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _signed_off(text: str, authors: tuple[str, ...]) -> bool:
    """Whether a short line is an author's name, a word of role at most, and an e-mail
    address: the byline repeated under the story, as Korean papers sign it."""
    if not authors or len(text.split()) > 6 or (found := _EMAIL().search(text)) is None:
        return False
    rest = (text[: found.start()] + " " + text[found.end() :]).strip(" ()[]<>|·,/=")
    rest_words = rest.split()
    return any(
        (rest.startswith(name) or rest.endswith(name)) and len(rest_words) - len(name.split()) <= 1
        for name in authors
    )


# metadata's byline readers, imported when a rule first asks one (see the imports above).
def split_authors(byline: str, japanese: bool = False) -> tuple[str, ...]:
    """metadata's ``split_authors``."""
    from compare.extract.metadata import split_authors

    return split_authors(byline, japanese)


def stamp_only(text: str, month_first: bool = False) -> tuple[str | None, str | None] | None:
    """metadata's ``stamp_only``."""
    from compare.extract.metadata import stamp_only

    return stamp_only(text, month_first)


def is_japanese(language: str | None, texts: Iterable[str]) -> bool:
    """metadata's ``is_japanese``."""
    from compare.extract.metadata import is_japanese

    return is_japanese(language, texts)


def _cjk_name_before_role(text: str) -> str | None:
    """The name of a Japanese byline that puts the role after it ("山田花子記者",
    "（山田花子記者）"), else None; a "name" with hiragana in it is words (a caption such as
    "会見する山田記者")."""
    from compare.extract.metadata import _CJK_BRACKETS, _CJK_BYLINE_END, _CJK_NAME_ROLE, _HIRAGANA

    bare = _CJK_BYLINE_END().sub("", text, count=1).strip(_CJK_BRACKETS)
    suffixed = _CJK_NAME_ROLE().fullmatch(bare)
    if suffixed and not _HIRAGANA().search(suffixed["name"]):
        return suffixed["name"]
    return None


def _byline_box_blocks(blocks: Iterable[Block], meta: Metadata) -> dict[str, int]:
    """For each line of a byline box (``meta.byline_lines``), which of the blocks that read
    it is the box's: the how-manieth, or -1 for all of them. A line that paragraphs of the
    story read too ("Ledger staff" under it) is the box's only if the blocks read it once
    more than they do (trafilatura may leave the box out), at the box's place among them."""
    at: dict[str, int] = {}
    for line in meta.byline_lines:
        if not line.copies:
            at[line.text] = -1
        elif sum(clean_whitespace(b.text) == line.text for b in blocks) == line.copies + 1:
            at[line.text] = line.before
    return at


#: What may stand between the capitalised words of a name, or join two names.
_PARTICLE_WORDS = "de da das del della der den di do dos du la le van von y e et und i and &"
_BYLINE_PARTICLES = frozenset(_PARTICLE_WORDS.split())


def _names_alone(text: str, english_word: object = None) -> bool:
    """Whether ``text`` is names and nothing else: capitalised words, two at least, with the
    particles names have between them ("Lucía de la Fuente", "Ana Ruiz y Marcos Gil").
    After an opener English writes too (``english_word``: "Par", "Von", "Door"), each name
    is three words at most and none of English's small words: "Par Three Course Back In
    Play", "Von Trapp Descendants Return Home" are a title-case line, not a byline."""
    words = text.split()
    capitalised = sum(1 for word in words if word[:1].isupper())
    if english_word and (
        set(words) & _TITLE_CASE_WORDS
        or any(len(name.split()) > 3 for name in _NAME_RUNS().split(text))
    ):
        return False
    return (
        capitalised >= 2
        and words[-1][:1].isupper()
        and all(word[:1].isupper() or word in _BYLINE_PARTICLES for word in words)
        and not text.rstrip().endswith((".", ":", "!", "?"))
    )


#: What marks a line of names as a byline beyond its opener: a one-word place after a comma
#: at its end ("Von Jonas Albrecht, Berlin"; not "Door Prize Winners Named, Fete Raises
#: Sum"), or names joined the way the opener's language joins them.
_BYLINE_MARK = lazy_pattern(r",\s*[\w-]+\s*$|\s(?:et|und|en|y|e|och|og)\s")


def _story_reads_english(blocks: list[Block]) -> bool:
    """Whether the story's first paragraphs (of a dozen words or more) read as English:
    then a title-case line opening "Door", "Von" or "Par" above it with nothing else of a
    byline is a headline's words ("Door Prize Winners Named"), not a Dutch, German or
    French byline."""
    from compare.facets.abroad import reads_english

    long = [b.text for b in blocks if len(b.text.split()) >= 12][:3]
    return bool(long) and reads_english(" ".join(long).lower())


#: A byline's opener that is an English word too, with no colon after it ("Par Three ...").
_ENGLISH_OPENER = lazy_pattern(r"\s*(?i:par|von|door|av|af)\s+(?=\w)")
#: What parts a byline's names: a comma, a dot, "&", a particle alone ("Ana Ruiz y Cher").
_NAME_RUNS = lazy_pattern(rf"\s*[,·|&/]\s*|\s+(?:{'|'.join(sorted(_BYLINE_PARTICLES))})\s+")
#: English's small words, capitalised in a title-case line ("Back In Play", "For The").
_TITLE_CASE = "The A An In On At To For Of With From Back Up Out Off Over Is Are Was As By Into"
_TITLE_CASE_WORDS = frozenset(f"{_TITLE_CASE} After Before Home New".split())


def _byline_names(
    text: str, authors: tuple[str, ...], japanese: bool = False
) -> tuple[str, ...] | None:
    """The names of a byline paragraph, or None when the paragraph is not one. ``japanese``
    as for :func:`split_authors`. The caller asks of short paragraphs (12 words at most: a
    byline is never longer) or of a line the markup calls a byline; a byline run into its
    date stamp may be longer (:func:`_byline_over_stamp`)."""
    if has_cjk(text) and len(text) <= 40:
        dateline = _reporter_dateline(text)
        if dateline is not None and dateline[1] == len(normalize(text)):
            return dateline[0]  # the dateline alone: "【ワシントン＝山田花子】"
        from compare.extract.metadata import _CJK_BYLINE

        if _CJK_BYLINE().fullmatch(text):
            return split_authors(text, japanese)
        # Japanese puts the role after the name (see _cjk_name_before_role).
        name = _cjk_name_before_role(text)
        # Unbracketed, only on a Japanese page: on a Chinese one "中国记者" is a caption.
        if name and (japanese or text.lstrip()[:1] in "（(【["):
            return (name,)
    if (_BY().match(text) or _BY_ABROAD().match(text)) and (
        stamped := _byline_over_stamp(text)
    ) is not None:
        return stamped[0]  # "By Mara Oyelaran · 12 November 2026 · Updated 14 November 2026"
    # "Por Rafael Quintela — Rio Claro · 03/03/2026 10h00": "By" in another language
    # makes a byline of a line that names the page's authors, as "By" does (see below).
    if not _BY().match(text) and not (authors and _BY_ABROAD().match(text)):
        # A known author's name, then their role: not a sentence about them.
        for author in authors:
            if text.startswith(author) and _ROLE_SEPARATOR().match(text, len(author)):
                return None if _is_sentence(text) else (author,)
        return None
    names = split_authors(text)
    # "By Anna Ortiz | Updated 3 hours ago" is a byline; "By Anna Ortiz's count, ..." is not.
    if authors and (
        set(names) <= set(authors) or (all(a in text for a in authors) and not _is_sentence(text))
    ):
        return names
    if _BYLINE().fullmatch(text.strip()):
        return names
    return () if _STAFF_BYLINE().fullmatch(text.strip(" .")) else None


def _byline_over_stamp(
    text: str,
) -> tuple[tuple[str, ...], tuple[str | None, str | None]] | None:
    """The names and the published and modified times of a byline that runs into its date
    stamp ("By Mara Oyelaran · 12 November 2026 · Updated 14 November 2026", as a Markdown
    post or a plain text copy gives it), or None (for any line over
    ``_STAMPED_BYLINE_CHARS``)."""
    if len(text) > _STAMPED_BYLINE_CHARS or not any(c.isdigit() for c in text):
        return None
    return _stamped_byline(text)


@lru_cache(maxsize=16)  # (a line is asked of by the byline rules, then for its stamp)
def _stamped_byline(text: str) -> tuple[tuple[str, ...], tuple[str | None, str | None]] | None:
    for separator in _STAMP_AFTER_NAMES().finditer(text):
        if not (stamp := stamp_only(text[separator.end() :])):
            continue
        head = text[: separator.start()].strip()
        # The place the reporter writes from may stand between ("Por Lucía Herrera |
        # Valdemora · Actualizado el 23 nov. 2026, 07:30").
        for names in (head, _PLACE_AFTER_NAMES().sub("", head)):
            if not (_BYLINE().fullmatch(names) or _BY_ABROAD().match(names)):
                continue
            found = split_authors(names) if _NAMES_ONLY().fullmatch(names) else ()
            if found and all(_is_a_name(name) for name in found):
                return found, stamp
    return None


#: The longest line read as a byline running into its stamp.
_STAMPED_BYLINE_CHARS = 160


def _is_a_name(name: str) -> bool:
    """Whether ``name`` reads as a person's: two to five words, each capitalised (an
    initial too) or a particle inside it ("Ana de la Torre"), none a word of a heading or a
    time ("By The Numbers | 12 November", "By Christmas Eve, 24 December", "By Boxing Day ·
    26 December", "Por Semana Santa · 2 abr."): a surname that is one ("Tom Winter") is
    given up for them. Months that are first names (April, June) are no such word."""
    words = name.split()
    return (
        2 <= len(words) <= 5
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and all(
            (word[:1].isupper() and word.casefold().strip(".") not in _NO_NAME_WORDS)
            or (0 < i < len(words) - 1 and word.casefold() in _NAME_PARTICLES)
            for i, word in enumerate(words)
        )
    )


#: Small words inside a name: "Ana de la Torre", "Jan van Dijk".
_NAME_PARTICLES = frozenset(("de", "da", "del", "la", "le", "van", "von", "der", "di", "du"))


#: Capitalised words that are no part of a person's name in a heading over a date.
_NO_NAME_WORDS = frozenset(
    str.split(
        "the a an el la los las le les der die das de del new year years day days week "
        "weekend numbers christmas eve easter halloween thanksgiving ramadan spring summer autumn "
        "winter fall morning evening night noon midnight today tonight tomorrow navidad semana "
        "santa pascua decreto ley noël pâques ostern weihnachten jahr tag woche january february "
        "march july september october november december monday tuesday wednesday thursday "
        "friday saturday sunday día dia jour"
    )
)


#: Where a byline's names may end and its stamp begin.
_STAMP_AFTER_NAMES = lazy_pattern(r"\s*[·|•\u2013\u2014,]\s*|\s+-\s+")
#: A place after a byline's names: one to three capitalised words after a separator.
_PLACE_AFTER_NAMES = lazy_pattern(
    r"\s*[·|•\u2013\u2014,]\s*[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2}$"
)
#: A byline that is names alone ("By Anna Ortiz and Ben Ko", "Por Lucía Herrera y Marcos
#: Gil"): capitalised words (with "de", "van", "von" ... inside a name), names joined by a
#: comma or "and" in the languages bylines are read in.
_NAME_WORDS = (
    r"[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:(?:de|da|del|van|von|der|di|du|le|la)\s+){0,2}[A-ZÀ-Þ][\w'’.-]*)"
    r"{0,3}"
)
_NAMES_ONLY = lazy_pattern(
    rf"\s*\S+:?\s+{_NAME_WORDS}(?:(?:\s*,\s*|\s+(?:and|&|y|et|und|e|en|i)\s+){_NAME_WORDS})*\s*"
)


def _byline_with_job(text: str) -> tuple[str, ...] | None:
    """The names of "By Anna Ortiz, Staff writer" or "By Anna Ortiz Health correspondent":
    the job after the names, in lower case as no name is. Asked only above the story's
    first sentence: under the story such a line may be a sign-off, and stays."""
    named = _BYLINE().match(text)
    if named and _ROLE_TAIL().fullmatch(text, named.end()):
        return split_authors(text)
    return None


def _byline_with_place(text: str) -> tuple[str, ...] | None:
    """The names of "By Anna Ortiz, Berlin" or "By Anna Ortiz in Kyiv": the place she
    writes from after her full name, as "Von Jonas Albrecht, Berlin" has it (a word alone
    after a comma is a place, not a reporter known by one name)."""
    named = _BYLINE().match(text)
    if named and _PLACE_TAIL().fullmatch(text, named.end()):
        names = split_authors(text)
        if names and all(" " in name for name in names):
            return names
    return None


#: A place after a byline's names: ", Berlin", " in New York".
_PLACE_TAIL = lazy_pattern(
    r"(?:\s*[,|·•–—]\s*[A-Z][\w'’.-]+|\s+in\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)\.?"
)


@cache
def _ROLE_TAIL() -> re.Pattern[str]:
    from compare.extract.metadata import _BEAT, _ROLE

    return re.compile(rf"(?:\s*[,|·•–—-]\s*|\s+)(?i:(?:{_BEAT}\s+)*{_ROLE})\.?")


# A Chinese dateline glued to the first paragraph names its reporters in brackets:
# "本报讯（记者 周晓梅）", "新华社北京3月5日电（记者 张伟）". Keys are NFKC, so the
# brackets are ASCII here.
@cache
def _CJK_DATELINE() -> re.Pattern[str]:
    from compare.extract.metadata import _CJK_NAMES, _CJK_OUTLET_ROLE, _CJK_ROLE

    return re.compile(
        rf"[^\s,。:()]{{1,20}}?[讯訊电電]\s*\((?P<byline>{_CJK_OUTLET_ROLE}{_CJK_NAMES}"
        rf"(?:\s*(?:{_CJK_ROLE})\s*:?\s*{_CJK_NAMES})*)\)"
    )


# Datelines that name the reporter after the place, on NFKC keys: Japanese
# "【ワシントン＝山田花子】"; Taiwanese "記者王小明／台北報導" and its simplified twin (see
# _REPORTED_FROM) and the Central News Agency's "（中央社記者王小明台北5日電）". Not a
# credit such as "【写真＝山田花子】", a photograph's: its first word is no place.
@cache
def _REPORTER_DATELINE() -> re.Pattern[str]:
    from compare.extract.metadata import _REPORTED_FROM

    return re.compile(
        rf"【(?!写真|図|表|動画|イラスト)[^\s【】=]{{1,12}}=(?P<ja>[{CJK}A-Za-z、 ]{{1,20}})】"
        rf"|{_REPORTED_FROM}"
        rf"|\(中央社記者(?P<cna>[{CJK}、]{{3,40}}?)\d{{1,2}}日專?電\)"
    )


# "【ワシントン＝共同】", "【パリ＝AFP時事】": a news agency's dispatch names no reporter,
# as "LONDON (Reuters)" names no author.
_NEWS_AGENCY = lazy_pattern(
    r"(?:(?:共同|時事)(?:通信)?|ロイター|AP|AFP|新華社?|聯合(?:ニュース)?|中央社"
    r"|ブルームバーグ|ダウ・ジョーンズ|NQN)+"
)


def _reporter_dateline(text: str) -> tuple[tuple[str, ...], int] | None:
    """The reporters a dateline of :data:`_REPORTER_DATELINE` at the start of ``text``
    names (none for an agency), and where in ``text``'s NFKC key it ends; None when the
    text opens with no such dateline."""
    found = _REPORTER_DATELINE().match(normalize(text[:60]))
    if found is None:
        return None
    from compare.extract.metadata import _HIRAGANA

    if found["ja"] is not None:
        if _NEWS_AGENCY().fullmatch(found["ja"].strip()):
            return (), found.end()
        if _HIRAGANA().search(found["ja"]):  # words, not a name
            return None
        return split_authors(found["ja"], japanese=True), found.end()
    if found["reported"] is not None:
        return split_authors(found["reported"]), found.end()
    # The CNA's names run into the place: a Taiwanese name is mostly three characters
    # (a surname and a two-character given name) and a place at least two.
    *names, last = found["cna"].split("、")
    cut = 3 if len(last) >= 5 else 2
    return (*names, last[:cut]), found.end()


def _dateline_names(kept: list[Block]) -> tuple[str, ...]:
    """The reporters a Chinese, Taiwanese or Japanese dateline names at the start of the
    story's first paragraphs (the dateline stays in the text, as an English
    "LONDON (Reuters) -" does)."""
    for block in kept[:3]:
        if not has_cjk(block.text[:40]):
            continue
        if found := _CJK_DATELINE().match(normalize(block.text[:60])):
            return split_authors(found["byline"])
        if reporters := _reporter_dateline(block.text):
            return reporters[0]
    return ()


def _drop_trailing_teasers(
    kept: list[Block], marker_at: int | None
) -> tuple[list[Block], list[str]]:
    """After a "Related" or "Most read" marker a page lists other stories: when every block
    from the marker to the end is a teaser (a headline or a link, never a sentence), the
    whole run goes; when other lines follow (a contact line), the two or more links right
    after the marker go. Link-only list items at the very end go too."""
    cut = len(kept)
    if marker_at is not None and (
        all(_is_teaser(b) for b in kept[marker_at:]) or _cards(kept[marker_at + 1 :])
    ):
        cut = marker_at
    elif marker_at is not None:
        end = marker_at
        while end < len(kept) and kept[end].link_share >= 0.8:
            end += 1
        if end - marker_at >= 2:
            links = [b.text for b in kept[marker_at:end]]
            kept, tail = _drop_trailing_teasers(kept[:marker_at] + kept[end:], None)
            return kept, links + tail
    while cut > 0 and kept[cut - 1].role == "item" and kept[cut - 1].link_share >= 0.8:
        cut -= 1
    if cut == 0:  # never empty the page here: check_article reports it properly
        return kept, []
    return kept[:cut], [b.text for b in kept[cut:]]


def _cards(run: list[Block]) -> bool:
    """Whether a run of blocks is two teaser cards or more and nothing else: each a linked
    headline and at most one paragraph under it (the card's standfirst)."""
    linked, standfirst_due = 0, False
    for block in run:
        if block.link_share >= 0.8 and _is_teaser(block):
            linked, standfirst_due = linked + 1, True
        elif standfirst_due and block.role == "p":
            standfirst_due = False
        else:
            return False
    return linked >= 2


def _is_teaser(block: Block) -> bool:
    """A pointer to another story: mostly link text, or a headline-like line."""
    if _is_sentence(block.text) and block.link_share < 0.8:
        return False
    return block.link_share >= 0.5 or _looks_like_headline(block)


_NUMBER = lazy_pattern(r"\d+(?:[.,]\d+)*")


def _same_numbers(a: str, b: str) -> bool:
    """The numbers of the shorter text all appear in the longer one."""
    short, long = sorted((a, b), key=len)
    return set(_NUMBER().findall(short)) <= set(_NUMBER().findall(long))


def _kept_standfirst(kept: list[Block], shown: str, dropped: list[str]) -> str | None:
    """The standfirst box the page classes as one ("standfirst", "dek": see
    ``Metadata.sure_standfirst``) when the extractor kept it as the story's first paragraph
    (or paragraphs: a box of two ``<p>``): taken off the text, where it is read once, as the
    standfirst. None, and nothing taken, when the text does not open with it. A box set as
    a heading counts only as the first ("<h2 class="subtitulo">" under the headline)."""
    texts: list[str] = []
    for at, block in enumerate(kept[:3]):
        if block.role != "p" and (block.role != "head" or at):
            break
        texts.append(block.text)
        if _near(" ".join(texts), shown, 0.9):
            del kept[: len(texts)]
            dropped.extend(texts)
            return shown
    return None


def _standfirst(kept: list[Block]) -> str | None:
    """The first paragraph, when it is a standfirst that the page then repeats. One that
    only the description repeats stays, whatever the page classes it ("summary", "dek"):
    the description is metadata, not a second copy, often written from the lede and left
    stale, so one version would lose the paragraph and the next keep it, and the edit
    between them would go unreported (as would the lede in coverage)."""
    if len(kept) < 2 or kept[0].role not in ("p", "quote"):
        return None
    first, second = kept[0].text, kept[1].text
    first_sentences = split_sentences(first) or [first]
    second_sentences = split_sentences(second) or [second]
    opening, next_opening = first_sentences[0], second_sentences[0]
    repeated = _near(opening, next_opening) or (
        _covers(next_opening, opening) and _covers(opening, next_opening, share=0.6)
    )
    # A repeat carries the same figures; parallel paragraphs ("item 1", "item 2") do not.
    if repeated and _same_numbers(opening, next_opening):
        return first
    return None
