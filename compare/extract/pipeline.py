"""Snapshot -> Document: ``extract`` picks the reader for the input's kind, falls back on a
page's JSON-LD body, runs clean-up and the last check (``check_article``), which refuses pages
that hold no article at all."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from compare.errors import ExtractionError, TeaserError
from compare.extract.blocks import (
    _SENTENCE_END,
    MIN_PROSE_WORDS,
    Block,
    Cleaned,
    Metadata,
    _covers,
    _is_sentence,
    _key,
    _near,
    _paragraph,
    _word_count,
    min_prose_words,
)
from compare.extract.cleanup import clean_up
from compare.extract.plain import extract_view_blocks, markdown_blocks, text_blocks
from compare.model import Document, MediaKind, Paragraph, Snapshot
from compare.text import lazy_pattern, split_clean_sentences, with_dateline


def _lede(paragraph: Paragraph) -> Paragraph:
    """The story's first paragraph, whose first sentence may be a dateline: the place alone
    ("Oberwalden. Der Neubau ..."), which is no sentence of its own."""
    sentences = with_dateline(list(paragraph.sentences))
    if len(sentences) == len(paragraph.sentences):
        return paragraph
    return Paragraph(paragraph.text, tuple(sentences))


#: Said of a text read from the page's JSON-LD and not from what the page shows: a page rendered
#: by JavaScript, or one behind a login wall, whose structured data an editor may not update.
STRUCTURED_BODY_WARNING = (
    "the text comes from the page's structured data (JSON-LD articleBody), not from the page "
    "as readers see it, and may be out of date"
)


#: Said of a text read from the data a JavaScript framework draws the page from, whose HTML
#: shows only part of the story before a browser runs it.
APP_DATA_WARNING = (
    "the text comes from the data the page's JavaScript draws it from (Next.js "
    "__NEXT_DATA__ or Nuxt __NUXT_DATA__): the page's HTML shows only part of it"
)


#: Said of a text read from a JSON-LD articleBody that stops short: a teaser the site cut for
#: readers without a subscription ("... the first two paragraphs …"), not the whole story.
CUT_SHORT_WARNING = (
    "the page's structured data (JSON-LD articleBody) stops short, with an ellipsis or in the "
    "middle of a sentence: the text is only the opening of the article, its unfinished last "
    "sentence is left out, and what follows cannot be compared"
)


def more_pages_warning(pager: str) -> str:
    """Said of a story whose page says it goes on at another page ("Page 1 of 2"): only the
    page given was read, so a change on the others is not seen."""
    return (
        f'the page says the story goes on at another page ("{pager}"): only this page was '
        "read, and what the others say, or how they change, is not shown"
    )


#: Said of a page whose HTML stops in the middle (no closing tag at its end: the download
#: was cut off): the story may go on past what arrived.
CUT_DOWNLOAD_WARNING = (
    "the page's HTML stops in the middle, as a download cut off does: the text is only what "
    "arrived, and what followed it is not shown, not deleted"
)


def _download_cut(end: str) -> bool:
    """Whether a page's HTML (``end``: all of it, its trailing space stripped) stops in
    the middle of a tag or a text: a whole page ends with a closing tag (or a comment, or a
    script's end), even one that leaves out ``</body></html>``; one that has its
    ``</html>`` is whole, whatever follows it (a chunked transfer's stray "0", a cache's
    "Served by ... in 12 ms")."""
    if not end or end.endswith(">") or "<" not in end:
        return False
    return _HTML_END().search(end, max(0, len(end) - 4096)) is None


_HTML_END = lazy_pattern(r"</html\s*>", re.IGNORECASE)


def _without_broken_end(cleaned: Cleaned, end: str) -> Cleaned:
    """``cleaned`` without the sentence a cut-off download broke in two: the last block's
    unfinished last sentence, when the text the page's HTML (``end``, as _download_cut
    reads it) stops in is where that block ends ("... opened at the O")."""
    if not cleaned.blocks:
        return cleaned
    tail = end[end.rfind(">") + 1 :]
    tail = tail[: tail.rfind("<")] if "<" in tail else tail  # a tag broken off
    last = cleaned.blocks[-1]
    # (html imports its 2,000 entities: ~5M instructions a start, here only when a page
    # was cut off, never for plain text.)
    from html import unescape

    key = _key(unescape(tail))
    if not key or not _key(last.text).endswith(key):
        return cleaned
    kept = _finished(last.text)
    return cleaned if kept == last.text else _last_block_cut_to(cleaned, kept)


def _finished(text: str) -> str:
    """``text`` less its last sentence when that is unfinished (no sentence end after it)."""
    if text.rstrip(_CLOSING_MARKS)[-1:] in _SENTENCE_END:
        return text
    return text[: len(text) - len(split_clean_sentences(text)[-1])].rstrip()


def wall_warning(wall: str) -> str:
    """Said of a page that shows the story's opening above a subscription wall and has no
    structured body to read the rest from: what follows the wall is not deleted, only not
    shown, so a comparison with a full copy cannot say what it holds."""
    shown = wall if len(wall) <= 80 else wall[:79] + "…"
    return (
        f'the page stops at a subscription wall ("{shown}"): the text is only the opening '
        "of the article, and what follows the wall is not shown, not deleted"
    )


def extract(snapshot: Snapshot) -> Document:
    """Extract the article of one snapshot; raise ExtractionError when there is none."""
    source = snapshot.text()
    if not source.isascii():
        # Composed (NFC) once here, for every reader: a decomposed text (macOS, some
        # Vietnamese input methods) then compares as the composed one it shows as.
        # (normalize() returns a text already composed as it is, after a quick check.)
        source = unicodedata.normalize("NFC", source)
    if snapshot.kind == "text" and source.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
        saved = _saved_document(source, snapshot)
        if saved is not None:
            return saved
    _refuse_data(snapshot.kind, source, snapshot.provenance.spec)
    if snapshot.kind == "html":
        from compare.extract.html import html_blocks  # not for plain text: ~4M instructions

        blocks, meta = html_blocks(
            source,
            snapshot.provenance.url,
            snapshot.provenance.fetched_at,
            snapshot.provenance.spec,
        )
    elif snapshot.kind == "markdown":
        blocks, meta = markdown_blocks(source)
    else:
        blocks, meta = extract_view_blocks(source) or (text_blocks(source), Metadata())
    infer_title = not meta.title and snapshot.kind in ("text", "markdown")
    cleaned = clean_up(blocks, meta, infer_title=infer_title, clean=True)
    if meta.wall and not cleaned.paywalled:
        # trafilatura dropped the wall's box under a long opening: the page still stops there.
        cleaned = replace(cleaned, paywalled=True)
    unseen = meta.body_unseen
    if unseen and (whole := _without_cut_end(cleaned, meta)) is not None:
        cleaned = whole  # trafilatura gave articleBody itself, cut short
    elif meta.wall and not unseen and (whole := _without_cut_sentence(cleaned)) is not None:
        # The page's last paragraph above its wall broken off ("... learned of the
        # notice from…"): the next fetch may cut elsewhere, and the half sentence read as
        # an edit.
        cleaned = whole
    end = source.rstrip() if snapshot.kind == "html" and not unseen else ""
    cut_off = _download_cut(end)
    if cut_off:
        cleaned = _without_broken_end(cleaned, end)
    # The story drawn from a framework's data, where the page's HTML shows less of it.
    app = None if unseen else _from_app_body(cleaned, meta, snapshot.provenance.spec)
    drawn = app is not None
    if app is not None:
        cleaned = app
    words = None  # the body's, when the check counted them as Document.word_count would
    try:
        words = _checked_words(cleaned, snapshot.provenance.spec, snapshot.kind, source)
    except ExtractionError as error:
        fallback = _from_structured_body(meta, snapshot.provenance.spec)
        if fallback is not None and cleaned.paywalled and _prose_of(fallback) <= _prose_of(cleaned):
            # A teaser above a wall, and a body cut shorter still: the page shows more of
            # the story than the body, and refusing it says why.
            fallback = None
        if fallback is None:
            if (framed := _framed_story(snapshot, source, meta)) is not None:
                return framed
            raise (
                _refresh_stub_error(snapshot) or _app_shell_error(snapshot, source) or error
            ) from None
        if cleaned.paywalled or meta.not_free:
            # The opening the page shows above its wall, where it is fresher than the body.
            fallback = _with_shown_opening(fallback, cleaned, meta) or fallback
        cleaned, unseen = fallback, True
    else:
        if (cleaned.paywalled or meta.not_free) and (
            whole := _teaser_of(cleaned, meta, snapshot.provenance.spec)
        ):
            cleaned, unseen, words = whole, True, None
    warnings: tuple[str, ...] = ()
    partial = False  # (only the story's opening: see Document.partial)
    if drawn:
        warnings = (APP_DATA_WARNING,)
    if unseen:
        warnings = (STRUCTURED_BODY_WARNING,)
        if meta.structured_body and _ends_cut(meta.structured_body):
            warnings += (CUT_SHORT_WARNING,)
            partial = True
    if meta.pager:
        # (Not partial: a pager in the comments, a gallery or a list under the story reads
        # as one too, and a whole story taken for a partial one would hide its deletions.)
        warnings += (more_pages_warning(meta.pager),)
    if meta.wall and not unseen and not drawn:  # (the framework's data holds it whole)
        warnings += (wall_warning(meta.wall),)
        partial = True
    if cut_off:
        warnings += (CUT_DOWNLOAD_WARNING,)
        partial = True
    paragraphs = [_paragraph(b.text) for b in cleaned.blocks]
    lede = next((i for i, b in enumerate(cleaned.blocks) if b.role == "p"), None)
    # English papers set a dateline off with a dash ("LONDON —"), never a full stop: there
    # a word alone opening the story ("Boom.") is a sentence. So it is on a page that does
    # not say its language (plain text, Markdown, a bare HTML page): English, most of them.
    language = meta.language or "en"
    if lede is not None and not language.startswith("en"):
        paragraphs[lede] = _lede(paragraphs[lede])
    document = Document(
        paragraphs=tuple(paragraphs),
        title=cleaned.title,
        authors=meta.authors or cleaned.byline,
        site_name=meta.site_name,
        published=_with_stamp_time(meta.published, cleaned.stamp[0]),
        modified=meta.modified or (None if meta.published else cleaned.stamp[1]),
        url=meta.url or snapshot.provenance.url,
        language=meta.language,
        # A page drawn by JavaScript read from its JSON-LD: its standfirst is there too.
        description=meta.description or (meta.structured_description if unseen else None),
        summary=cleaned.summary or _shown_standfirst(meta, paragraphs),
        provenance=snapshot.provenance,
        warnings=warnings,
        live=meta.live,
        partial=partial,
    )
    if words is not None:
        # Document.word_count would count them again in the body joined (a copy of it, and
        # ~13M instructions at 2,000 paragraphs, in the JSON view): set where it caches it.
        document.__dict__["word_count"] = words
    return document


#: A frame whose document is written into the page: ``<iframe srcdoc="...">``.
_SRCDOC = lazy_pattern(r"<iframe\b[^>]*\ssrcdoc\s*=", re.IGNORECASE)


def _framed_story(snapshot: Snapshot, source: str, meta: Metadata) -> Document | None:
    """The story of a page that has none of its own but shows one in a frame written into
    it (``<iframe srcdoc="...">``: a CMS's embed of the article, a page saved with its
    frame): the framed document with the most text, read as a page of its own, with what
    the page says of the story where the frame says nothing (headline, outlet, dates,
    address). A frame inside that frame is not followed. None when there is no such frame
    or it holds no article either."""
    if snapshot.kind != "html" or not _SRCDOC().search(source):
        return None
    import lxml.html

    try:
        tree = lxml.html.fromstring(source)
    except (ValueError, TypeError):  # lxml.etree.ParserError is a ValueError
        return None
    framed = max((str(doc) for doc in tree.xpath("//iframe/@srcdoc")), key=len, default="")
    if not framed.strip() or _SRCDOC().search(framed):
        return None
    inner = Snapshot(framed.encode("utf-8"), "html", replace(snapshot.provenance, encoding="utf-8"))
    try:
        doc = extract(inner)
    except ExtractionError:
        return None
    return replace(
        doc,
        title=doc.title or meta.title,
        authors=doc.authors or meta.authors,
        site_name=doc.site_name or meta.site_name,
        published=doc.published or meta.published,
        modified=doc.modified or meta.modified,
        url=meta.url or snapshot.provenance.url or doc.url,
        language=doc.language or meta.language,
        provenance=snapshot.provenance,
    )


def _with_stamp_time(published: str | None, stamped: str | None) -> str | None:
    """The page's publication date, with the time a byline's stamp gives it on that day
    ("2026-02-03" and "Posted By ... On 3 February 2026 @ 4:15 pm": 2026-02-03T16:15)."""
    if not published:
        return stamped
    if stamped and len(published) == 10 and stamped.startswith(published + "T"):
        return stamped
    return published


def _shown_standfirst(meta: Metadata, paragraphs: list[Paragraph]) -> str | None:
    """The standfirst the page shows, where the meta description does not say it already
    (there is none, or it was left stale), unless the text holds it (a lede the page sets
    in the standfirst's style stays a paragraph, and its edits with it)."""
    shown = meta.shown_standfirst
    if not shown or (meta.description and _key(meta.description) == _key(shown)):
        return None  # an edit to the line shown is an edit, however small ("Six" -> "Eight")
    # A box that holds the story's opening (an intro wrapper, a live blog's summary points,
    # a theme's excerpt of the first words cut short) says nothing the text does not.
    opening = " ".join(p.text for p in paragraphs[:6])
    if _covers(shown.removesuffix("[…]").removesuffix("[...]"), opening, 0.9, min_words=1):
        return None
    return shown


# The root of an RSS, RDF or Atom feed, after an XML declaration, stylesheet or comments.
_FEED_ROOT = lazy_pattern(
    r"\ufeff?\s*(?:(?:<\?xml[^>]*>|<!--.*?-->)\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL
)


#: The text fields of a document ``storydiff extract --format json`` writes
#: (compare/render/json.py's ``document_dict``) that a saved one is read back with.
_SAVED_TEXTS = (
    "title",
    "url",
    "site_name",
    "published",
    "modified",
    "language",
    "description",
    "summary",
)


def _saved_document(source: str, snapshot: Snapshot) -> Document | None:
    """The document ``storydiff extract --format json`` wrote (alone, or the one in its list),
    read back as it was extracted, so that a version saved with ``storydiff extract page.html
    -f json > v1.json`` compares as the page did: it was refused as "JSON data, not an
    article". Its paragraphs' sentences are split again where they do not make the text (a
    file edited by hand). None for any other JSON."""
    import json

    try:
        data = json.loads(source)
    except ValueError:
        return None
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict) or not isinstance(data.get("paragraphs"), list):
        return None
    texts = {name: data.get(name) for name in _SAVED_TEXTS}
    authors = data.get("authors", [])
    if not all(value is None or isinstance(value, str) for value in texts.values()) or not (
        isinstance(authors, list) and all(isinstance(name, str) for name in authors)
    ):
        return None
    paragraphs = []
    for paragraph in data["paragraphs"]:
        text = paragraph.get("text") if isinstance(paragraph, dict) else None
        if not isinstance(text, str) or not text.strip():
            return None
        sentences = paragraph.get("sentences")
        if (
            isinstance(sentences, list)
            and all(isinstance(sentence, str) and sentence for sentence in sentences)
            and "".join(sentences).replace(" ", "") == text.replace(" ", "")
        ):
            paragraphs.append(Paragraph(text, tuple(sentences)))
        else:
            paragraphs.append(_paragraph(text))
    if not paragraphs:
        return None
    warnings = data.get("warnings", [])
    return Document(
        paragraphs=tuple(paragraphs),
        authors=tuple(authors),
        provenance=snapshot.provenance,
        warnings=tuple(w for w in warnings if isinstance(w, str))
        if isinstance(warnings, list)
        else (),
        live=data.get("live") is True,
        partial=data.get("partial") is True,
        **texts,
    )


def _refuse_data(kind: MediaKind, source: str, spec: str) -> None:
    """A feed or JSON data is no article: say what it is, not that it "holds no article"
    (a feed's item titles once read as a page of headlines, JSON as one paragraph)."""
    if kind == "html" and _FEED_ROOT().match(source[:4096]):
        raise ExtractionError(
            f"{spec} is an RSS or Atom feed, not an article",
            f"`storydiff watch {spec}` follows every article it lists; pass one article's URL "
            "to extract or compare",
        )
    if kind == "text" and source.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
        import json

        try:
            data = json.loads(source)
        except ValueError:
            return
        saved_one = "save one version per file (storydiff extract PAGE -f json > v1.json)"
        if isinstance(data, list) and len(data) > 1 and all(_saved_shape(d) for d in data):
            # `storydiff extract a.html b.html -f json > both.json`: not "JSON data".
            raise ExtractionError(
                f"{spec} holds {len(data)} articles saved by `storydiff extract`, not one",
                f"{saved_one}, or pass the pages themselves",
            )
        schema = data.get("schema") if isinstance(data, dict) else None
        if isinstance(schema, str) and schema.startswith("storydiff."):
            raise ExtractionError(
                f"{spec} is a storydiff report ({schema}), not an article",
                f"pass the pages it was made from, or {saved_one}",
            )
        raise ExtractionError(
            f"{spec} is JSON data, not an article", "pass the address of the article's web page"
        )


def _saved_shape(data: object) -> bool:
    """Whether ``data`` looks like one document ``storydiff extract --format json`` wrote."""
    return isinstance(data, dict) and isinstance(data.get("paragraphs"), list)


def _from_structured_body(meta: Metadata, spec: str) -> Cleaned | None:
    """Pages rendered by JavaScript often carry the whole text only in JSON-LD articleBody
    (without its last sentence when that is cut short: :func:`_without_cut_end`)."""
    if not meta.structured_body:
        return None
    cleaned = clean_up(text_blocks(meta.structured_body), meta, clean=True)
    cleaned = _without_cut_end(cleaned, meta) or cleaned
    try:
        check_article(cleaned, spec)
    except ExtractionError:
        return None
    return cleaned


def _from_app_body(cleaned: Cleaned, meta: Metadata, spec: str) -> Cleaned | None:
    """The story from the data the page's script draws it from (``meta.app_body``), when
    the page's HTML shows less of it: a teaser, the rest left for the browser to draw. That
    data is what readers see once it is drawn, unlike a JSON-LD body an editor may leave
    stale, so it is taken whether or not the page says it is behind a wall."""
    if not meta.app_body:
        return None
    drawn = clean_up(text_blocks(meta.app_body), meta, clean=True)
    try:
        check_article(drawn, spec)
    except ExtractionError:
        return None
    return drawn if _prose_of(drawn) > _prose_of(cleaned) else None


def _teaser_of(cleaned: Cleaned, meta: Metadata, spec: str) -> Cleaned | None:
    """The whole article from JSON-LD articleBody, when the page behind a subscription wall
    shows only its opening: every paragraph shown is in the body, which has more (a body
    cut short just after them has no more once its half sentence is gone). Only behind a
    wall: elsewhere a longer body that holds the text shown is the old text that the
    editors cut, and the cut is the change to report."""
    whole = _from_structured_body(meta, spec)
    if whole is None or len(whole.blocks) <= len(cleaned.blocks):
        return None
    return _with_shown_opening(whole, cleaned, meta)


#: How alike a paragraph the page shows and the body's in its place must be to be one
#: paragraph in two versions (word sequences, :func:`_near`).
_SHOWN_EDIT_RATIO = 0.6


def _with_shown_opening(whole: Cleaned, shown: Cleaned, meta: Metadata) -> Cleaned | None:
    """``whole`` (read from articleBody) with the paragraphs the page shows above its wall
    in place of the body's, where the page has them edited ("230 jobs" where the body, left
    stale, says "210"): the page is what readers see, and a comparison of two fetches
    reported no change. Every paragraph shown must be in the body, or be its paragraph in
    that place edited; None otherwise. One that stops short ("…") is not taken: it would
    read as the rest of the paragraph cut. What the page shows above the first paragraph
    it shares with the body stands in for the body's paragraphs above that one: a lede
    rewritten past recognition (the commonest edit) is still the lede readers see. Above
    the body's own first paragraph it is a dek the body does not repeat, left to the
    standfirst rules, and so is a line that is no sentence above a rewritten lede, and the
    page's standfirst whatever its shape (:func:`_without_standfirst`)."""
    blocks = list(whole.blocks)
    keys = [_key(b.text) for b in blocks]
    at = 0  # where in the body the next paragraph shown is looked for
    begun = False  # a paragraph shown has been found in the body
    above: list[str] = []  # paragraphs shown above the first one found in the body
    for block in shown.blocks:
        key = _key(block.text)
        found = next((j for j in range(len(blocks)) if key in keys[j]), None)
        if found is None:
            if at >= len(blocks) or not _near(block.text, blocks[at].text, _SHOWN_EDIT_RATIO):
                if not begun:
                    above.append(block.text)
                    continue
                return None
            found = at
            if not _ends_cut(block.text):
                blocks[at] = replace(blocks[at], text=block.text)
        if not begun and found > 0:
            # The body's first paragraphs are not shown: those shown above stand for them.
            above = _without_standfirst(above, meta)
            while len(above) > found and not _is_sentence(above[0]):
                above.pop(0)  # a dek over the rewritten lede
            if above and not any(_ends_cut(text) for text in above):
                lede = [replace(blocks[0], text=text) for text in above]
                blocks[:found] = lede
                keys[:found] = [_key(text) for text in above]
                found = len(lede)
        at, begun = max(at, found + 1), True
    return replace(whole, blocks=tuple(blocks))


def _without_standfirst(above: list[str], meta: Metadata) -> list[str]:
    """The lines shown above the first paragraph found in the body, the page's standfirst
    left out: the line it classes as one (``shown_standfirst``) is no paragraph of the
    story, a sentence too, even alone over the second paragraph (the body's lede, not shown,
    is not replaced by it). A line that is only the meta description stays: the
    description is so often written from the lede (review13: a rewritten lede, then a new
    paragraph, lost the lede)."""
    classed = meta.shown_standfirst
    return [text for text in above if not (classed and _near(text, classed, 0.9))]


def _prose_of(cleaned: Cleaned) -> int:
    """The words of the sentences among a text's blocks."""
    return sum(
        count
        for b in cleaned.blocks
        if _is_sentence(b.text, count := _word_count(b.text, clean=True))
    )


# How a teaser cut from the story ends: an ellipsis ("…", "...", "[…]", "(...)"), perhaps
# with a link's "Read more" after it.
_CUT_END = lazy_pattern(
    r"(?:\.{3}|…|[(\[](?:\.{3}|…)[)\]])\s*"
    r"(?:read more|continue reading|weiterlesen|lire la suite|leer más|leggi tutto)?[\s>»→]*$",
    re.IGNORECASE,
)


_CLOSING_MARKS = "\"'”’»)]"


def _ends_cut(text: str) -> bool:
    """Whether a text (a JSON-LD articleBody) stops short: its last sentence ends in an
    ellipsis, or in the middle (six words or more, no closing mark, a last word in lower
    case: "... the council said it would"). A credit line ("mit Material von dpa",
    "Reporting by Jane Doe", "reporting by jane doe") or a quote that trails off ('"We will
    see..."') does not."""
    text = text.rstrip()
    last = text[text.rfind("\n") + 1 :].strip()
    if _CUT_END().search(last[-30:]):
        return True
    # (compare.notes, with datetime, only for a JSON-LD body: ~9M instructions of a start.)
    from compare.notes import is_credit_line

    if last[-1:] in _SENTENCE_END or last[-1:] in _CLOSING_MARKS or is_credit_line(last):
        return False
    if _credit_in_lower_case(last):
        return False
    words = last.split()
    tail = words[-1] if words else ""
    return len(words) >= 6 and (tail[:1].islower() or tail[-1:] in ",;–—-")


def _credit_in_lower_case(line: str) -> bool:
    """Whether a line set all in lower case is a wire's credit ("reporting by jane doe in
    lima; editing by tom ray"), which the credit patterns, made for capitalised names, miss.
    It is read with its words capitalised but the credit's "and" and "in"; the names'
    pattern only (:data:`compare.notes._CREDIT_LINE`): the staff credit's takes any run of
    capitalised words, and so any sentence written so ("reporting by the state found ...")."""
    if line != line.lower() or " by " not in line[:60]:
        return False
    from compare.notes import _CREDIT_LINE

    words = (w if w in ("and", "in") else w[:1].upper() + w[1:] for w in line.split(" "))
    return _CREDIT_LINE().fullmatch(" ".join(words)) is not None


def _without_cut_end(cleaned: Cleaned, meta: Metadata) -> Cleaned | None:
    """``cleaned`` (read from articleBody) without the unfinished sentence it ends with when
    the body stops short (:func:`_ends_cut`): the next fetch may cut elsewhere, and the
    half sentence read as a change; None when the body ends whole."""
    if not cleaned.blocks or not meta.structured_body or not _ends_cut(meta.structured_body):
        return None
    return _without_cut_sentence(cleaned)


def _without_cut_sentence(cleaned: Cleaned) -> Cleaned | None:
    """``cleaned`` without the unfinished sentence its last block ends with (the text before
    an ellipsis, or a sentence broken off), or None when that block ends whole."""
    if not cleaned.blocks:
        return None
    last = cleaned.blocks[-1]
    if not _ends_cut(last.text):
        return None  # the clean-up took the end away
    # The text before the ellipsis (and a "Read more" after it); its last sentence, unless
    # it is finished ("... this week. […]"), is the one cut.
    ellipsis = _CUT_END().search(last.text)
    kept = last.text[: ellipsis.start()].rstrip() if ellipsis else last.text
    return _last_block_cut_to(cleaned, _finished(kept))


def _last_block_cut_to(cleaned: Cleaned, kept: str) -> Cleaned:
    """``cleaned`` with its last block cut to ``kept``, the start of its text (none left:
    the block goes), and what was cut counted as dropped."""
    last = cleaned.blocks[-1]
    blocks = list(cleaned.blocks[:-1])
    if kept:
        blocks.append(replace(last, text=kept))
    return replace(
        cleaned, blocks=tuple(blocks), dropped=(*cleaned.dropped, last.text[len(kept) :])
    )


#: The data a JavaScript framework renders a page from, named by the framework: the page
#: is an empty shell until a browser runs it.
_APP_DATA = lazy_pattern(
    r"""<script[^>]{1,300}id=["']?(__NEXT_DATA__|__NUXT_DATA__)|"""
    r"window\.(__NUXT__|__INITIAL_STATE__|__PRELOADED_STATE__|__APOLLO_STATE__)\s*="
)
#: A shell's notice to a reader whose browser runs no JavaScript: "<noscript>You need to
#: enable JavaScript to read this story.</noscript>"; not Disqus's "Please enable JavaScript
#: to view the comments", which any page may carry.
_ASKS_FOR_SCRIPT = lazy_pattern(
    r"<noscript\b[^>]{0,200}>((?:[^<]|<(?!/noscript)){0,400})</noscript>", re.IGNORECASE
)
_APP_NAMES = {
    "__NEXT_DATA__": "Next.js",
    "__NUXT_DATA__": "Nuxt",
    "__NUXT__": "Nuxt",
}


def _app_shell_error(snapshot: Snapshot, source: str) -> ExtractionError | None:
    """A page with no article that carries the data a JavaScript framework draws it from
    (Next.js's ``__NEXT_DATA__``, a ``window.__INITIAL_STATE__``): the article is there
    only once a browser has run the page, which storydiff does not do."""
    if snapshot.kind != "html":
        return None
    if (found := _APP_DATA().search(source)) is not None:
        name = found[1] or found[2]
        framework = f" ({_APP_NAMES.get(name, f'its {name} data')})"
    elif any(
        "javascript" in (notice := found[1].lower()) and "comment" not in notice
        for found in _ASKS_FOR_SCRIPT().finditer(source)
    ):
        framework = ""  # a shell that tells readers without JavaScript it needs it
    else:
        return None
    where = snapshot.provenance.spec or "the input"
    return ExtractionError(
        f"no article text found in {where}: the page draws its article with JavaScript"
        f"{framework}, which storydiff does not run",
        "open it in a browser, save it (Save Page As, 'Webpage, Complete') and pass the saved file",
    )


def _refresh_stub_error(snapshot: Snapshot) -> ExtractionError | None:
    """A page with no article that only sends the browser on (a meta refresh): a saved
    redirect stub, which names the address to read instead (a file's stub is not followed:
    reading a file never goes on to the network), or a fetched one whose refresh storydiff
    does not follow (javascript:, data:, file:)."""
    from compare.sources import meta_refresh_target

    target = meta_refresh_target(snapshot)
    if target is None:
        return None
    shown = "".join(c for c in target if c.isprintable())
    shown = shown if len(shown) <= 120 else shown[:119] + "…"
    where = snapshot.provenance.spec or "the input"
    if shown.lower().startswith(("http://", "https://")):
        return ExtractionError(
            f"no article text found in {where}: it is a redirect page that sends the "
            f"browser on to {shown}",
            "pass that address, or a saved copy of the page it leads to",
        )
    return ExtractionError(
        f"no article text found in {where}: it only sends the browser on to {shown}, "
        "which is not a web address storydiff follows",
        "open the page in a browser, save the article it shows, and pass the file",
    )


def check_article(cleaned: Cleaned, spec: str, kind: MediaKind = "html", source: str = "") -> None:
    """Refuse pages with no article: too little prose, mostly links, or a login wall.
    ``source`` is the page itself, searched only to explain too little prose."""
    _checked_words(cleaned, spec, kind, source)


def _checked_words(cleaned: Cleaned, spec: str, kind: MediaKind, source: str) -> int | None:
    """:func:`check_article`; and the words of the body the blocks make (what
    ``Document.word_count`` counts), when it counted them all as that does: every block's
    count is clean-up's (``Cleaned.ascii_words``, clean ASCII text, where the words are the
    spaces and one, as in the body joined) and no block was left out of the count."""
    known = cleaned.ascii_words
    # A data table's rows ("4 | Carrick Rovers | 24 | 44") are neither prose nor headlines:
    # counted, a league table under a short report made it an index page.
    blocks = [
        b
        for b in cleaned.blocks
        if b.role != "cell" or _word_count(b.text, clean=True) >= 16 or _is_sentence(b.text)
    ]
    counts = [known.get(b.text, 0) for b in blocks]
    all_known = 0 not in counts  # (a count is at least 1)
    if not all_known:
        counts = [
            count or _word_count(b.text, clean=True)
            for b, count in zip(blocks, counts, strict=True)
        ]
    total = sum(counts)
    link_counts = [b.link_chars for b in blocks]
    link_chars = sum(link_counts)
    linked = any(link_counts)  # else every link share is 0: plain text and Markdown
    # Prose: sentences, or items too long to be headlines (unpunctuated bullet points);
    # their word counts.
    prose_blocks = [
        (b, count)
        for b, count in zip(blocks, counts, strict=True)
        if (count >= 16 or _is_sentence(b.text, count)) and not (linked and b.link_share >= 0.5)
    ]
    prose = [count for _, count in prose_blocks]
    prose_words = sum(prose)
    hint = "pass the article's own URL, or a saved copy of the full page"
    where = spec or "the input"
    if total == 0:
        raise ExtractionError(
            f"no article text found in {where}: nothing on the page reads as an article", hint
        )
    # Without links (plain text, Markdown) the share of link text is 0 and there are no
    # cards: no need to add up the characters, nor to sort the counts for a median.
    chars = (sum(len(b.text) for b in blocks) or 1) if linked else 1
    link_only = [b for b in blocks if b.link_share >= 0.8] if linked else []
    # A section front: headline links, each with at most a one-line teaser.
    cards = (
        len(link_only) >= 4
        and len(link_only) * 4 >= len(blocks)
        and (sorted(prose) or [0])[len(prose) // 2] < 15  # the median teaser
    )
    if link_chars / chars >= 0.5 or cards or (total >= 60 and prose_words < 0.3 * total):
        raise ExtractionError(
            f"no article text found in {where}: it looks like an index page "
            "(mostly links and headlines)",
            hint,
        )
    if cleaned.paywalled and prose_words < 150:
        raise TeaserError(
            f"no article text found in {where}: it looks like a login or subscription page "
            f"(only a {prose_words}-word teaser)",
            hint,
            words=prose_words,
        )
    # A text file or stdin holds the words the user chose (a brief, a statement, a
    # headline): compared whatever their length, as redlines or `git diff` would. A page
    # with this little prose is a failed extraction, a teaser or an error page.
    if (
        kind == "html"
        and prose_words < MIN_PROSE_WORDS
        and prose_words < min_prose_words([b.text for b, _ in prose_blocks])
    ):
        raise ExtractionError(
            f"no article text found in {where}: only {_prose_count(prose_words, total)}"
            + _repeats_reason(blocks, source),
            hint,
        )
    return total if all_known and len(blocks) == len(cleaned.blocks) else None


def _prose_count(prose_words: int, total: int) -> str:
    """How little text there is: "14 words of prose"; for a page of words but no sentences
    ("<p>hi</p>") the words it has, not a bare "0 words of prose" that reads as none."""
    words = f"{total:,} word{'s' if total != 1 else ''}"
    if prose_words == total:
        return f"{words} of prose"
    if prose_words == 0:
        return f"{words} and no sentence"
    return f"{words}, {prose_words:,} of them in sentences"


def _repeats_reason(blocks: Sequence[Block], source: str) -> str:
    """Why a page full of text has little prose: the extractor keeps a paragraph once, so a
    page that repeats one paragraph all the way down has only that paragraph's words."""
    sentences = (b.text for b in blocks if b.role == "p" and _is_sentence(b.text))
    repeats = max((source.count(text) for text in sentences), default=0)
    if repeats < 3:
        return ""
    return f", because the page repeats one paragraph {repeats:,} times and a repeat counts once"
