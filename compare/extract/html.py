"""HTML through trafilatura: the page parsed (once, with its limits), cleaned up, handed to
trafilatura with fallbacks, and trafilatura's XML body turned into blocks (lists, data tables,
link share)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from compare.errors import ExtractionError
from compare.extract.appdata import app_body
from compare.extract.blocks import (
    _CELL_SEPARATOR,
    _MONTH_OR_DAY,
    Block,
    Metadata,
    Role,
    _is_sentence,
    _key,
    _word_count,
    _words,
    min_prose_words,
)
from compare.extract.chrome import (
    _chrome_key,
    _key_words,
    _looks_like_headline,
    is_chrome,
    is_wall_line,
)
from compare.extract.cleanup import _BYLINE, _byline_over_stamp
from compare.extract.metadata import (
    _PRINT_MARK,
    _bare_date,
    _byline_boxes,
    _byline_lines,
    _cjk_personal_name,
    _confirmed,
    _in_page,
    _label_above_headline,
    _labelled_times,
    _own_date,
    _page_metadata,
    _people_of,
    _plain_body,
    _print_title_outlet,
    _readable_or_none,
    _repeated_standfirst,
    _shown_byline,
    _shown_headline,
    _shown_stamp,
    _shown_standfirst,
    _site_name_shown,
    _stamps_beside,
    _swapped,
    _title_part_in_heading,
    _title_site_fixed,
    _unescaped,
    _with_time,
    _without_site_name,
    byline_first_line,
    canonical_link,
    is_japanese,
    normalize_date,
    normalize_language,
    split_authors,
    without_byline_calls,
    without_role_after,
)
from compare.extract.page import (
    _amp_story_as_article,
    _data_tables,
    _declared_feed,
    _drop_advert_labels,
    _drop_call_boxes,
    _drop_chrome_tables,
    _drop_comment_sections,
    _drop_comment_threads,
    _drop_embeds,
    _drop_inner_cards,
    _drop_jump_lists,
    _drop_labelled_link_lists,
    _drop_numbered_galleries,
    _drop_other_story_boxes,
    _drop_sign_up_boxes,
    _entries_as_sections,
    _holds_a_story_sentence,
    _join_split_bodies,
    _keep_factboxes,
    _keep_notes,
    _keep_times_in_text,
    _live_feed,
    _live_in_order,
    _mostly_timed,
    _newest_first,
    _sibling_articles,
    _speakers_into_lines,
    _split_byline_lines,
    _unlink_permalinks,
    story_pager,
)
from compare.extract.plain import text_blocks
from compare.text import clean_whitespace, has_cjk, lazy_pattern

if TYPE_CHECKING:
    from lxml.html import HtmlElement


#: A box a page sets a pull quote in: a <blockquote>, or a class that says so.
_QUOTE_BOX_XPATH = (
    "//blockquote | //*[contains(translate(@class, 'PULQOTE', 'pulqote'), 'pullquote') or "
    "contains(translate(@class, 'PULQOTE', 'pulqote'), 'pull-quote')]"
)


def _quote_boxes(tree: HtmlElement) -> frozenset[str]:
    """The words of each short quote box of the page (see ``Metadata.quote_boxes``)."""
    keys = set()
    for box in tree.xpath(_QUOTE_BOX_XPATH):
        text = box.text_content()
        if len(text) <= 400:  # a pull quote is a line or two; longer is a passage
            keys.add(_key(text))
            # The quote without its <cite> ("Rosa Delgado"), which trafilatura gives as a
            # paragraph of its own after it (WordPress's pull quote block).
            if next(box.iter("cite", "footer"), None) is not None:
                said = box.xpath(".//text()[not(ancestor::cite or ancestor::footer)]")
                keys.add(_key(" ".join(said)))
    return frozenset(keys)


def html_blocks(
    html: str, url: str | None = None, fetched_at: str | None = None, spec: str = ""
) -> tuple[list[Block], Metadata]:
    """Run trafilatura and turn its XML body into blocks; read the page's metadata."""
    import trafilatura

    tree = _parse_html(html, spec)
    if tree is None:
        return [], Metadata()
    _refuse_too_many_blocks(tree, spec)
    drawn = app_body(tree)  # before the clean-up and trafilatura prune the page
    _keep_notes(tree)
    _keep_times_in_text(tree)
    _amp_story_as_article(tree)
    _drop_embeds(tree)
    _join_split_bodies(tree)  # (before the adverts between the parts go)
    _drop_advert_labels(tree)
    _drop_call_boxes(tree)
    _drop_sign_up_boxes(tree)
    _drop_comment_sections(tree)
    _speakers_into_lines(tree)
    under_bylines = _split_byline_lines(tree)
    _drop_jump_lists(tree)
    _drop_labelled_link_lists(tree)
    _drop_other_story_boxes(tree)
    _drop_numbered_galleries(tree)
    tables = _data_tables(tree)
    _keep_factboxes(tree, tables)
    _drop_chrome_tables(tree, tables)
    # The page's <article>s by the box that holds them, grouped once; again only when a
    # step moved or dropped some (rare: a comment thread, a link around an update).
    groups = _sibling_articles(tree)
    if _drop_comment_threads(groups):
        groups = _sibling_articles(tree)
    if _unlink_permalinks(groups):
        groups = _sibling_articles(tree)
    page = _page_metadata(tree, url)
    if "live" in page:
        _entries_as_sections(tree, _declared_feed(tree, groups))
    elif feed := _live_feed(tree, groups):
        # Declared a plain NewsArticle, yet built as a live blog: one <article> per update;
        # or a story told in dated sections ("What we know"), which is read the same way
        # but is no live blog: its sections follow the clock, a live blog's go against it.
        if _mostly_timed(feed) and (
            _newest_first(feed) or _live_in_order(tree, feed, page.get("url") or url)
        ):
            page["live"] = "yes"
        _entries_as_sections(tree, feed)
    else:
        _drop_inner_cards(tree, groups)
    bylines = _byline_boxes(tree)
    byline_lines = _byline_lines(tree, bylines)  # before trafilatura, which may prune the tree
    stamped_byline = None if bylines else _byline_stamp_line(tree)
    under_bylines |= _lines_after_bylines(bylines)
    quote_boxes = _quote_boxes(tree)
    page_text = clean_whitespace(tree.text_content())  # trafilatura may prune the tree
    pager = story_pager(tree)  # before trafilatura, which drops the pager
    # Before trafilatura, which may drop the wall's box.
    wall, wall_box = _wall_line_after_story(tree) or (None, None)
    page_title = page.get("title") or tree.findtext(".//title")
    shown_standfirst, sure_standfirst = _shown_standfirst(tree, page_title)
    label = _label_above_headline(tree, page_title)
    # htmldate refuses dates after max_date; tie it to the snapshot, not the clock.
    max_date = fetched_at[:10] if fetched_at else "2100-01-01"
    config = _config(tree)
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        config=config,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        # Only dates the page states in its markup or URL: the extensive search guesses
        # from copyright lines and related-story dates.
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": max_date,
        },
    )
    found = result if result is not None and not isinstance(result, dict) else None
    blocks = list(_body_blocks(found.body)) if found is not None else []
    if blocks and config is not _cjk_config():
        blocks = _finer_short_reading(tree, url, blocks) or blocks
    blocks = _mark_links(_in_page_order(blocks, page_text), tree)

    def pick(name: str) -> Any:
        return getattr(found, name, None) if found is not None else None

    description = page.get("description") or pick("description")
    description = clean_whitespace(description) if description else None
    site_name = page.get("site_name") or pick("sitename")
    site_name = _site_name_shown(tree, site_name) or site_name
    title = page.get("title") or pick("title")
    if not page.get("site_name"):
        title, site_name = _title_site_fixed(tree, title, site_name)
    if not page.get("title"):
        title, site_name = _title_part_in_heading(tree, title, site_name)
    title = _without_site_name(clean_whitespace(title or ""), site_name)
    if not page.get("title") and (outlet := _print_title_outlet(tree)) is not None:
        # A print page titled with the outlet's name alone: its headline is the first line
        # of its text, when that reads as one.
        first = blocks[0] if blocks else None
        if (
            first is not None
            and _looks_like_headline(first)
            and len(first.text.split()) > max(3, len(outlet.split()))
        ):
            title = first.text
        elif _PRINT_MARK().sub("", title) == outlet:
            title = ""
        site_name = site_name or outlet
    language = normalize_language(page.get("language") or pick("language"))
    author = pick("author") or ""
    tag = "" if author else page.get("author", "")  # read when trafilatura drops it
    japanese = has_cjk(author or tag) and is_japanese(language, (b.text for b in blocks))
    if has_cjk(tag):
        # trafilatura drops an unspaced "王小明" or "記者王小明／台北報導"; but the tag may
        # also hold the outlet ("人民网") or an editor's or copyright line.
        names = split_authors(tag, japanese)
        if names and all(_cjk_personal_name(name, site_name) for name in names):
            author = "、".join(names)
    is_person = _people_of(tree, page, bylines)
    author = (byline_first_line(bylines, author, is_person) if author else None) or author
    names = split_authors(author, japanese, is_person)
    # (a job under the name shows once the button after it is gone: "... Reporter Follow")
    names = tuple(without_role_after(without_byline_calls(name, bylines)) for name in names)
    page_text = _unescaped(html) if names else ""
    # The outlet named as the author (<meta name="author" content="The Daily Sentinel">)
    # gives way to the byline the page shows, as a name nowhere on the page does.
    outlet = (site_name or "").casefold()
    bare: list[str] = []  # the page without addresses, made when first asked
    shown = tuple(
        name for name in names if name.casefold() != outlet and _in_page(name, page_text, bare)
    )
    stated = published = normalize_date(page.get("published"))
    if published is None and (date := pick("date")):
        published = _own_date(tree, str(date), max_date, pick("url") or url)
    # The stamp the page shows ("Published: 08:00, 24 November 2026 | Updated: 11:42, ...")
    # gives the times that a date found elsewhere lacks, and the update.
    # What settles a stamp's "04/02/2026" before the page's language does (WordPress says
    # "en-US" on day-first sites too): the date the metadata states, else htmldate's when
    # something machine-readable says the same day.
    known = stated or _confirmed(tree, published, (page.get("url"), pick("url"), url))
    shown_published, shown_modified = _shown_stamp(tree, language, known)
    if shown_published is None or shown_modified is None:
        labelled_published, labelled_modified = _labelled_times(tree)
        shown_published = shown_published or labelled_published
        shown_modified = shown_modified or labelled_modified
    if known is None and _swapped(published, shown_published):
        # htmldate read the stamp's "04/02/2026" the other way round: one line, one reading.
        published = shown_published
    published = _with_time(published, shown_published)
    if published is None:
        # A date alone under a byline ("By Anna Ortiz<br>20 November 2026") is the story's.
        published = _bare_date(under_bylines, language)
    modified = _with_time(normalize_date(page.get("modified")), shown_modified)
    if modified is None or (published is not None and "T" not in published):
        beside_published, beside_modified = _stamps_beside(tree, published, fetched_at)
        published = _with_time(published, beside_published)
        modified = modified or beside_modified
    if modified is None and drawn:
        modified = drawn.modified
    authors = _shown_byline(bylines, shown, mangled=shown != names, is_person=is_person)
    if not authors and stamped_byline is not None:
        authors, (stamped_published, stamped_modified) = stamped_byline
        published = _with_time(published or stamped_published, stamped_published)
        modified = modified or stamped_modified
    meta = Metadata(
        title=_shown_headline(tree, title, site_name) or None,
        authors=authors,
        site_name=site_name,
        published=published,
        modified=modified,
        url=page.get("url") or _readable_or_none(pick("url")) or url,
        language=language,
        description=description,
        repeated_standfirst=_repeated_standfirst(tree, description),
        shown_standfirst=shown_standfirst,
        sure_standfirst=sure_standfirst,
        label_above_headline=label,
        quote_boxes=quote_boxes,
        structured_body=_plain_body(page.get("body")),
        structured_description=page.get("ld_description"),
        app_body=drawn.body if drawn else None,
        issuers=tuple(n for n in page.get("issuers", "").split("\n") if n),
        live="live" in page,
        not_free="not_free" in page,
        pager=pager,
        wall=wall,
        wall_box=wall_box,
        byline_lines=byline_lines,
        under_bylines=under_bylines,
    )
    if meta.structured_body and _key(" ".join(b.text for b in blocks)) == _key(
        meta.structured_body
    ):
        # trafilatura fell back to articleBody itself, as one block, or the page shows the
        # same text: keep its paragraphs, and say where they came from if the page has none.
        blocks = text_blocks(meta.structured_body)
        meta = replace(meta, body_unseen=not _shown(tree, meta.structured_body))
    return blocks, meta


#: The most words of a line set right after a byline's box that may be its stamp.
_AFTER_BYLINE_WORDS = 10


#: Paragraphs of a story's own box above a subscription wall: more words than a card's
#: teaser has.
_STORY_PARAGRAPH_WORDS = 12


def _wall_line_after_story(tree: HtmlElement) -> tuple[str, str | None] | None:
    """The line of a subscription wall set after the story's paragraphs, with none of them
    after it ("Subscribe to read the rest of this article", "Already a subscriber? Log
    in"): in their box, or in a box of its own just after theirs. The page shows only the
    story's opening. trafilatura drops such a box when the opening is long, so the text no
    longer says it stops there. A wall in the page's header, sidebar or footer, or one the
    story goes on after, is a mere offer. With the line, the text of the wall's own box,
    if it has one (:func:`_wall_box_text`): the rest of the box ("Subscribe from just £1 a
    week", "Join 40,000 readers") is an offer that trafilatura kept as the story's last
    paragraph."""
    for piece in tree.xpath("//body//text()"):
        if not 2 <= len(piece) <= 300:
            continue
        key = _chrome_key(piece)
        if not is_wall_line(key, _key_words(key)):
            continue
        element = piece.getparent()
        if piece.is_tail and element is not None:
            element = element.getparent()
        if element is None or any(
            _off_story(box) or _hidden(box) for box in (element, *element.iterancestors())
        ):
            continue
        # Up to the box that sits among (or just after) the story's paragraphs.
        while element is not None and (parent := element.getparent()) is not None:
            if element.tag in ("body", "html"):
                break
            before = [s for s in element.itersiblings(preceding=True) if isinstance(s.tag, str)]
            shown = sum(_story_paragraph(s) for s in before if s.tag == "p")
            if shown < 2 and before and before[0].tag != "p":
                # The box just before it: the story's paragraphs in a box of their own.
                shown = sum(_story_paragraph(p) for p in before[0].iter("p"))
            if shown >= 2:
                after = [s for s in element.itersiblings() if isinstance(s.tag, str)]
                if any(_story_paragraph(p) for s in after for p in s.iter("p")):
                    break
                return clean_whitespace(piece), _wall_box_text(piece.getparent())
            element = parent
    return None


#: The most words of a subscription wall's own box: a line, an offer and a link or two.
_WALL_BOX_WORDS = 60


def _wall_box_text(line: HtmlElement | None) -> str | None:
    """The text of the box a wall's line stands in: the widest box round it that holds
    none of the story's sentences and only a few lines (``<div class="paywall"><h3>Subscribe
    to read the rest of this article</h3><p>Subscribe from just £1 a week. Already a
    subscriber? <a>Log in</a></p></div>``); None for a line set alone among the story's
    paragraphs. Its lines are no story text (see clean_up). The box stays in the page:
    trafilatura, given less text, read the story from its JSON-LD body instead."""
    box = None
    for above in (line, *line.iterancestors()) if line is not None else ():
        if above.tag in ("article", "main", "body", "html"):
            break
        if len(above.text_content().split()) > _WALL_BOX_WORDS or _holds_a_story_sentence(above):
            break
        if line is not None and _paragraph_before(above, line):
            break  # the story's last paragraph, faded out in one box with the wall
        if above.tag in ("div", "section", "aside", "form"):
            box = above
    # (its pieces spaced: "<h3>…reading</h3><p>Join" is no word "readingJoin")
    return clean_whitespace(" ".join(box.itertext())) if box is not None else None


def _paragraph_before(box: HtmlElement, line: HtmlElement) -> bool:
    """Whether ``box`` holds a paragraph with words before the wall's ``line``: a wall's own
    box opens with its line (or a heading), the story's paragraphs come before it."""
    around = {id(line), *(id(a) for a in line.iterancestors())}
    for element in box.iter():
        if element is line:
            return False
        if id(element) not in around and element.tag == "p" and element.text_content().strip():
            return True
    return False


#: Where a subscription offer is no wall the story stops at: the page's header, sidebar,
#: menus and footer.
_OFF_STORY_TAGS = frozenset(("header", "nav", "aside", "footer"))
_OFF_STORY_CLASS = lazy_pattern(r"sidebar|(?<![a-z])rail(?![a-z])|masthead|site-header")


def _off_story(box: HtmlElement) -> bool:
    return box.tag in _OFF_STORY_TAGS or bool(
        _OFF_STORY_CLASS().search(f"{box.get('class', '')} {box.get('id', '')}".lower())
    )


#: How a page hides a box until its script shows it: a metered site's wall template, set
#: after a story that is whole until the meter runs out.
_HIDDEN_STYLE = lazy_pattern(r"display\s*:\s*none|visibility\s*:\s*hidden")
_HIDDEN_CLASSES = frozenset(("hidden", "is-hidden", "d-none", "hide", "u-hidden"))


def _hidden(box: HtmlElement) -> bool:
    return (
        box.get("hidden") is not None
        or bool(_HIDDEN_STYLE().search(box.get("style", "").lower()))
        or not _HIDDEN_CLASSES.isdisjoint(box.get("class", "").lower().split())
    )


def _story_paragraph(p: HtmlElement) -> bool:
    return len(p.text_content().split()) >= _STORY_PARAGRAPH_WORDS


def _byline_stamp_line(
    tree: HtmlElement,
) -> tuple[tuple[str, ...], tuple[str | None, str | None]] | None:
    """A byline that runs into its date stamp in one short box no class names a byline
    ("By Ana Ruiz | Published: 17 November 2026 09:30 | Last updated: 17 November 2026
    16:40", as a print page sets it), which trafilatura drops with its box: its names and
    its published and modified times, else None."""
    # Above the story's first paragraph: under it, such a line is a related story's card.
    for piece in tree.xpath(
        "//body//text()[starts-with(normalize-space(), 'By ')]"
        "[not(preceding::p[string-length(normalize-space()) > 80])]"
    ):
        element = piece.getparent()
        if piece.is_tail and element is not None:
            element = element.getparent()
        if element is None or not isinstance(element.tag, str):
            continue
        text = clean_whitespace(element.text_content())
        if (found := _byline_over_stamp(text)) is not None:
            return found
    return None


def _lines_after_bylines(bylines: tuple[tuple[HtmlElement, str], ...]) -> frozenset[str]:
    """The short line with a digit set right after each byline box (``bylines``): the
    date under the names ("By Ana Ruiz" then "June 2, 2026"), which trafilatura may keep
    after dropping the byline itself. Like the lines split off a byline's paragraph, it
    goes only if it reads as a stamp (see clean_up)."""
    found = set()
    for box, text in bylines:
        if len(text.split()) > 12:
            continue
        after = box.getnext()
        while after is not None and not isinstance(after.tag, str):
            after = after.getnext()  # a comment between them
        if after is None:
            continue
        line = clean_whitespace(after.text_content())
        if 0 < len(line.split()) <= _AFTER_BYLINE_WORDS and any(c.isdigit() for c in line):
            found.add(line)
    return frozenset(found)


def _shown(tree: HtmlElement, body: str) -> bool:
    """Whether the page shows every paragraph of ``body`` outside its scripts. The page's
    words are read with its pieces of text both joined (a drop cap: "<b>T</b>he") and
    spaced (a heading glued to a paragraph: "cut</h1><p>The"); a paragraph's first and last
    words, which may be glued to a neighbour's, are left out."""
    pieces = tree.xpath(
        "//body//text()[not(ancestor::script or ancestor::style or ancestor::template)]"
    )
    joined, spaced = f" {_key(''.join(pieces))} ", f" {_key(' '.join(pieces))} "
    for paragraph in body.split("\n\n"):
        words = _words(paragraph)
        inner = f" {' '.join(words[1:-1] if len(words) > 2 else words)} "
        if inner.strip() and inner not in joined and inner not in spaced:
            return False
    return True


#: How deep libxml2 reads in its "huge" mode; past it, it drops the rest of the page.
_HUGE_DEPTH = 2048


def _config(tree: HtmlElement) -> Any:
    """trafilatura's settings for the page: its own, but for a page whose title or headline
    is in Chinese or Japanese (see :func:`_cjk_config`)."""
    from trafilatura.settings import DEFAULT_CONFIG

    title = tree.findtext(".//title") or ""
    headline = tree.find(".//h1")
    if has_cjk(title) or (headline is not None and has_cjk(headline.text_content())):
        return _cjk_config()
    return DEFAULT_CONFIG


@lru_cache(maxsize=1)
def _cjk_config() -> Any:
    """Below 250 characters of text trafilatura takes its extraction to have failed and
    falls back to the page's whole text in one paragraph, headline and byline included.
    250 characters of Chinese or Japanese say as much as ~100 words of English, and a short
    news item says less: for them, 80 characters."""
    from copy import deepcopy

    from trafilatura.settings import DEFAULT_CONFIG

    config = deepcopy(DEFAULT_CONFIG)
    config["DEFAULT"]["min_extracted_size"] = "80"
    return config


#: The longest reading (characters) that may be trafilatura's fallback on a short page's
#: plain text; only a reading this short is read again at a lower bar.
_SHORT_READING = 3000


def _finer_short_reading(
    tree: HtmlElement, url: str | None, blocks: list[Block]
) -> list[Block] | None:
    """A short page's paragraphs where trafilatura gave them glued into one: below 250
    characters it takes its own extraction to have failed and falls back on the page's
    plain text, a short story's ``<article>`` as one paragraph with its headline and byline
    in front ("Headline By Mara Quell The council said ... ."). So a short reading is read
    again at the bar Chinese and Japanese pages get (:func:`_cjk_config`), and that reading
    taken when it splits the same words into more blocks and what it leaves out of them
    holds no sentence (a headline, a byline, a label: what clean-up drops anyway); not when
    the fallback found story text that trafilatura's own reading missed, nor when too
    little prose is left to pass for an article."""
    text = " ".join(block.text for block in blocks)
    if len(text) >= _SHORT_READING:
        return None
    shown = sum(1 for p in tree.iter("p") if p.text_content().strip())
    if len(blocks) >= shown:
        return None  # a block for each of the page's paragraphs: none glued to another
    import trafilatura

    result = trafilatura.bare_extraction(
        tree,
        url=url,
        config=_cjk_config(),
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
    )
    if result is None or isinstance(result, dict):
        return None
    finer = list(_body_blocks(result.body))
    if len(finer) <= len(blocks):
        return None
    rest = text
    for block in finer:
        at = rest.find(block.text)
        if at < 0:
            return None  # words the fallback does not have: another reading altogether
        rest = f"{rest[:at]}{_BREAK}{rest[at + len(block.text) :]}"
    if any(_is_sentence(piece.strip()) for piece in rest.split(_BREAK)):
        return None
    # A page with too little prose to be an article once its headline and byline are no
    # longer counted as prose keeps the glued reading: refused, it would show nothing.
    prose = [b.text for b in finer if _is_sentence(b.text) or _word_count(b.text) >= 16]
    if sum(_word_count(text) for text in prose) < min_prose_words(prose):
        return None
    return finer


#: trafilatura parses every page with one parser, whose error log is its last parse's: held
#: from a parse until its log is read, so that pages loaded at once (``multi``) never read
#: each other's.
_SHARED_PARSER = threading.Lock()


def page_canonical_link(html: str, url: str | None) -> str | None:
    """The canonical link the page at ``url`` gives, as extraction reads it (a document's
    ``url`` is that link, else the fetched URL: this tells the two apart), or None."""
    tree = _parse_html(html, url or "")
    if tree is None:
        return None
    og_urls = (
        str(v).strip()
        for attr in ("property", "name", "itemprop")
        for v in tree.xpath(f'//meta[@{attr}="og:url"]/@content')
    )
    return canonical_link(tree, url, next((u for u in og_urls if u), None))


def _parse_html(html: str, spec: str) -> HtmlElement | None:
    """The page's tree. libxml2 stops at 256 nested elements and silently drops everything
    deeper; only then (its error log says so) is the page parsed again in "huge" mode."""
    from trafilatura.utils import HTML_PARSER, load_html, repair_faulty_html

    with _SHARED_PARSER:
        tree = load_html(html)
        too_deep = tree is not None and _hit_depth_limit(HTML_PARSER)
    if not too_deep:
        return tree
    import lxml.html

    parser = lxml.html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    repaired = repair_faulty_html(html, html[:50].lower())
    deep_tree = lxml.html.fromstring(repaired.encode("utf-8", "surrogatepass"), parser=parser)
    if _hit_depth_limit(parser):
        raise ExtractionError(
            f"cannot read {spec or 'the input'}: the page nests elements more than "
            f"{_HUGE_DEPTH:,} deep, and everything deeper would be lost",
            "copy the article's text into a .txt file and pass that",
        )
    return deep_tree


#: The most paragraphs, list items, table rows and boxes a page may hold to be read. The
#: longest news pages (a year of a live blog, a 300-page report's text) hold a few
#: thousand; trafilatura's main pass takes time that grows as their square past that
#: (20,000 short paragraphs ~3 s, 80,000 ~30 s, 200,000 ~5 min).
MAX_BLOCKS = 30_000
_BLOCK_TAGS = ("p", "li", "div", "tr", "dd", "dt", "blockquote", "pre", "h2", "h3", "h4")


def _refuse_too_many_blocks(tree: HtmlElement, spec: str) -> None:
    """Raise ExtractionError for a page of more than MAX_BLOCKS blocks: no one article."""
    count = sum(1 for _ in tree.iter(_BLOCK_TAGS))
    if count > MAX_BLOCKS:
        raise ExtractionError(
            f"{spec or 'the page'} holds {count:,} paragraphs and boxes, more than any one "
            f"article (storydiff reads pages of up to {MAX_BLOCKS:,})",
            "pass the article's own page, or copy its text into a .txt file and pass that",
        )


def _hit_depth_limit(parser: Any) -> bool:
    return any("Excessive depth" in error.message for error in parser.error_log)


_CONTAINERS = {"p", "head", "list", "item", "quote", "table", "code", "div", "section"}
_ROLES: dict[str, Role] = {"head": "head", "quote": "quote", "code": "code"}


def _body_blocks(body: Any) -> Iterator[Block]:
    """One block per paragraph, heading, list item and quote of trafilatura's XML body."""
    if body is None:
        return
    if body.text and body.text.strip():
        yield Block(clean_whitespace(body.text))
    for child in body:
        tag = child.tag
        if tag == "list":
            yield from _list_blocks(child)
        elif tag == "table":
            yield from _table_blocks(child)
        elif tag == "quote" and any(c.tag in _CONTAINERS for c in child):
            yield from _body_blocks(child)
        elif tag in ("graphic", "lb"):
            pass
        elif tag in ("div", "section") and any(c.tag in _CONTAINERS for c in child):
            yield from _body_blocks(child)
        elif tag == "p" and any(c.tag == "head" for c in child):
            # A box of a badge, a heading and a time ("LIVE", the headline, "Last updated
            # 10:20") that trafilatura made one paragraph: the heading stands apart.
            yield from _body_blocks(child)
        else:
            yield from _element_blocks(child, _ROLES.get(tag, "p"))
        if child.tail and child.tail.strip():
            yield Block(clean_whitespace(child.tail))


#: A footnote's link back to its mark at the end of the note: "↩", "↑", "⤴".
_BACK_ARROW = lazy_pattern("\\s+[↩↑⤴]\ufe0e?$")


def _list_blocks(element: Any) -> Iterator[Block]:
    for item in element:
        if item.tag != "item":
            continue
        if any(c.tag in ("p", "head", "quote", "table") for c in item):
            # A card: headline and teaser are blocks of their own, not one glued line.
            yield from _body_blocks(item)
            continue
        nested = [c for c in item if c.tag == "list"]
        for block in _element_blocks(item, "item", skip=("list",)):
            # A note's link back to its mark ("... across the county. ↩") ends no sentence.
            text = _BACK_ARROW().sub("", block.text)
            yield replace(block, text=text) if text != block.text and text else block
        for sub in nested:
            yield from _list_blocks(sub)


def _table_blocks(element: Any) -> Iterator[Block]:
    """A table's cells as paragraphs when the cells read as prose (layout tables); a cell
    holding paragraphs or headings (an article laid out in a table) gives those. Else its
    rows, when it holds data (see :func:`_data_rows`)."""
    cells = [(b, c) for c in element.iter("cell", "td", "th") for b in _element_blocks(c, "cell")]
    long_cells = [(b, c) for b, c in cells if _word_count(b.text) >= 15 and _is_sentence(b.text)]
    if cells and len(long_cells) * 2 >= len(cells):
        done: set[int] = set()
        for block, cell in long_cells:
            if not any(child.tag in _CELL_BLOCKS for child in cell):
                yield block
            elif id(cell) not in done:
                done.add(id(cell))
                yield from _body_blocks(cell)
    elif rows := list(_data_rows(element)):
        yield from rows
    else:
        # The whole page laid out in a table, the story in one cell among short ones (the
        # masthead, the menu, the weather): that cell's paragraphs, whatever the others hold.
        taken: list[Any] = []
        for cell in element.iter("cell", "td", "th"):
            if any(outer in taken for outer in cell.iterancestors()) or not any(
                child.tag in _CELL_BLOCKS and _word_count(" ".join(child.itertext())) >= 15
                for child in cell
            ):
                continue
            taken.append(cell)
            yield from _body_blocks(cell)


_CELL_BLOCKS = frozenset({"p", "head", "list", "quote"})
#: A data table's cell is a figure or a label: longer, the table lays the page out.
_DATA_CELL_WORDS = 30


def _data_rows(table: Any) -> Iterator[Block]:
    """A data table's rows (results, figures, a timetable) as paragraphs, their cells joined
    by " | ": a figure that changes in one ("1,102" -> "1,112" votes) is an edit a reader
    wants reported. A table with two rows or more of two cells or more holds data; one of a
    cell a row, or whose cells hold paragraphs, lists, tables or long text, lays a page out
    and gives none. (Tables in page chrome are gone before: :func:`_drop_chrome_tables`.)"""
    rows: list[list[str]] = []
    for row in table:
        if row.tag != "row":
            continue
        texts = []
        for cell in row:
            if any(child.tag in _CELL_BLOCKS or child.tag == "table" for child in cell.iter()):
                return
            text = clean_whitespace(" ".join(block.text for block in _element_blocks(cell, "cell")))
            if _word_count(text) > _DATA_CELL_WORDS:
                return
            if text:
                texts.append(text)
        if texts:
            rows.append(texts)
    if sum(len(texts) >= 2 for texts in rows) >= 2 and not _is_byline_table(rows):
        for texts in rows:
            yield Block(_CELL_SEPARATOR.join(texts), "cell")


#: A cell that labels a story's byline or its date in an old template's table.
_META_LABEL = lazy_pattern(
    r"(?:by|author|authors|written by|posted|posted on|published|updated|share|print|email)"
    r"\s*:?",
    re.IGNORECASE,
)
# "March 3, 2026", "Tue 3 Mar 2026 10:12 GMT", "03/03/2026", "10:12 am", "3pm": a date or a
# time alone, not a figure ("24", "1,102").
_DATE_CELL = lazy_pattern(
    rf"(?=.*(?:\b(?:{_MONTH_OR_DAY})\b|\d:\d\d|\d[/.-]\d+[/.-]\d|\d\s*[ap]\.?m\b))"
    rf"(?:(?:\d{{1,4}}(?:st|nd|rd|th)?|{_MONTH_OR_DAY}|[ap]\.?m\.?|at|gmt|bst|utc|[ecmp][sd]?t)"
    r"[\s,./:-]*)+",
    re.IGNORECASE,
)


def _is_byline_table(rows: list[list[str]]) -> bool:
    """Whether a table of short cells lays out a story's byline, date and sharing buttons
    (an old template's "By Jane Doe | March 3, 2026 | Share"), which is no data: a cell of
    it is a byline, a label or a button, and most of its cells are those or a date."""
    cells = [cell for texts in rows for cell in texts]
    is_date = [bool(_DATE_CELL().fullmatch(cell)) for cell in cells]
    # A date is no mark, though a date stamp alone is chrome on a page ("Tue 10 March"): a
    # fixtures table is dates and matches.
    marks = [
        not date
        and bool(_BYLINE().fullmatch(cell) or _META_LABEL().fullmatch(cell) or is_chrome(cell))
        for cell, date in zip(cells, is_date, strict=True)
    ]
    return any(marks) and (sum(marks) + sum(is_date)) * 2 >= len(cells)


_BREAK = "\x00"
_PARAGRAPH_BREAK = lazy_pattern(f"{_BREAK}\\s*{_BREAK}[\\s{_BREAK}]*")


def _element_blocks(element: Any, role: Role, skip: tuple[str, ...] = ()) -> list[Block]:
    """The text of one element; old templates separate paragraphs with ``<br><br>`` only,
    so two line breaks in a row start a new block and one is a space."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == "lb":
                parts.append(_BREAK)
            elif child.tag not in skip:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    chunks = _PARAGRAPH_BREAK().split("".join(parts))
    texts = (clean_whitespace(chunk.replace(_BREAK, " ")) for chunk in chunks)
    return [Block(text, role) for text in texts if text]


_LINK_WORD = lazy_pattern(r"\w+")


#: Blocks above which the page's order is not restored (each out-of-order block is looked
#: for in the whole page's text).
_MOST_REORDERED = 400


def _in_page_order(blocks: list[Block], page_text: str) -> list[Block]:
    """The blocks in the order the page shows them. trafilatura takes the box it trusts most
    first and adds the story's other boxes after it: a page whose first paragraphs sit in
    a <div class="story-intro"> before <div class="article-body"> read P3, P4, P1, P2. Each
    block's opening is looked for in the page's text; only when every one is found once,
    and some out of order, are they sorted, so a text trafilatura rewrote, or one the page
    shows twice (a teaser of the lede in a sidebar), leaves its order alone."""
    heads = [block.text[:60] for block in blocks]
    at = 0
    for head in heads:  # in order, the usual case: one pass over the page's text
        found = page_text.find(head, at)
        if found < 0:
            break
        at = found + len(head)
    else:
        return blocks
    if len(blocks) > _MOST_REORDERED:
        return blocks
    places = []
    for head in heads:
        found = page_text.find(head)
        if found < 0 or page_text.find(head, found + 1) >= 0:
            return blocks  # not on the page as such, or there twice
        places.append(found)
    order = sorted(range(len(blocks)), key=places.__getitem__)
    return [blocks[i] for i in order]


def _mark_links(blocks: list[Block], tree: HtmlElement) -> list[Block]:
    """Count each block's characters that are the text of a link on the page (trafilatura
    drops link markup on some paths, so the page's own anchors are the reference)."""
    anchors = {clean_whitespace(a.text_content()) for a in tree.iter("a")}
    # Anchors by their word sequence, and the lengths that occur after each first word pair,
    # so a block is scanned once per word instead of once per anchor.
    by_words: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    lengths: dict[tuple[str, str], set[int]] = {}
    for anchor in anchors:
        found = list(_LINK_WORD().finditer(anchor))
        if len(found) >= 2:
            sequence = tuple(m.group() for m in found)
            by_words.setdefault(sequence, []).append((anchor, found[0].start()))
            lengths.setdefault((sequence[0], sequence[1]), set()).add(len(sequence))
    marked = []
    for block in blocks:
        text = block.text
        if text in anchors:
            marked.append(replace(block, link_chars=len(text)))
            continue
        covered = bytearray(len(text))  # overlapping anchors count once
        matches = list(_LINK_WORD().finditer(text))
        tokens = [m.group() for m in matches]
        for i in range(len(tokens) - 1):
            for size in lengths.get((tokens[i], tokens[i + 1]), ()):
                for anchor, offset in by_words.get(tuple(tokens[i : i + size]), ()):
                    start = matches[i].start() - offset
                    if start >= 0 and text.startswith(anchor, start):
                        covered[start : start + len(anchor)] = b"\x01" * len(anchor)
        marked.append(replace(block, link_chars=sum(covered)))
    return marked
