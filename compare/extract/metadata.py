"""What a page says about its story: title and headline shown, bylines and authors (CJK too),
dates from metadata, JSON-LD and the stamp lines shown on the page, language."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from compare.extract.blocks import (
    _BY,
    _BY_ABROAD,
    _MONTHS,
    BylineLine,
    _is_sentence,
    _key,
    _near,
    _short_text,
    _word_count,
    _words,
)
from compare.extract.chrome import (
    _DATE_FIRST,
    _DATELINE,
    _EDGE_PUNCT,
    _FOREIGN_DATE_WORD,
    _STAMP,
    FOREIGN_STAMP_WORDS,
    _host_spelling,
    _same_headline,
    is_chrome,
    strip_breadcrumbs,
)
from compare.extract.page import (
    _CARD_WORDS,
    _class_words,
    _has_linked_heading,
    _headline_boxes,
    _only_a_link,
    _prose_words,
)
from compare.text import (
    CJK,
    clean_whitespace,
    has_cjk,
    is_web_url,
    lazy_pattern,
    normalize,
    readable_url,
    slug,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement


_TAG = lazy_pattern(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->")


_CRUMBS = lazy_pattern(r"^(?:[\w&'’. -]{1,30}[›»>]\s*)+(?=\w)")


_LOGO = lazy_pattern(r"logo|brand|masthead|site-?(?:name|title)", re.IGNORECASE)


def _shown_headline(tree: HtmlElement, title: str, site_name: str | None) -> str:
    """The page's one ``<h1>`` when it reads as another wording of ``title``, else ``title``:
    editors rewrite the headline shown and often leave og:title (the SEO headline) as it was.
    An ``<h1>`` that is the site's name, or shares no word with the title, is not it."""
    # A template that sets its logo in an <h1> has two: the site's name is not a headline.
    outlet = (site_name or "").casefold()
    h1s = [
        text
        for h1 in tree.iter("h1")
        if (text := clean_whitespace(h1.text_content()))
        and text.casefold() != outlet
        and not _LOGO().search(" ".join(h1.get(a, "") for a in ("class", "id")))
    ]
    if title and len(h1s) <= 1 and title.casefold() in _logo_h1_texts(tree):
        # trafilatura took the masthead's <h1> ("Harwick Gazette") for the headline, on a
        # page with no og:title: the story's own <h1> is it, else <title>'s other part.
        if h1s and 3 <= len(_words(h1s[0])) <= 40:
            return _CRUMBS().sub("", strip_breadcrumbs(h1s[0], None))
        parts = _TITLE_PARTS().match(clean_whitespace(tree.findtext(".//title") or ""))
        if parts and parts[1] and clean_whitespace(parts[2]).casefold() == title.casefold():
            return clean_whitespace(parts[1])
        return title
    if len(h1s) != 1 or not title:
        return title
    # Section names before a chevron ("Local › Dam cracks widen") are a breadcrumb trail.
    shown = _CRUMBS().sub("", strip_breadcrumbs(h1s[0], title))
    words = _words(shown)
    if (
        _key(shown).endswith(_key(title))
        or _same_headline(shown, title)
        or shown == site_name
        or not 3 <= len(words) <= 40
    ):
        return title
    shared = {w for w in words if len(w) >= 4} & set(_words(title))
    return shown if shared else title


def _logo_h1_texts(tree: HtmlElement) -> set[str]:
    """The text, case-folded, of each ``<h1>`` that sets the outlet's name."""
    return {
        clean_whitespace(h1.text_content()).casefold() for h1 in tree.iter("h1") if _is_logo_h1(h1)
    }


#: A person's name in Chinese or Japanese characters: not ending as an outlet's or a desk's
#: does ("人民网", "新华社", "新闻中心").
_CJK_PERSON = lazy_pattern(rf"^[{CJK}々]{{2,6}}$(?<![网網社报報台站部局会會])(?<!新闻|新聞|中心)")
#: Words a notice or a role holds, and a name does not.
_NOTICE_WORDS = ("编辑", "編輯", "版权", "版權", "转载", "轉載", "记者", "記者", "本报", "本報")


def _cjk_personal_name(name: str, site_name: str | None) -> bool:
    """Whether a Chinese or Japanese author tag's name reads as a person's: two to six
    characters, not the site's name, nor an outlet's or a notice's ("人民网", "新华社",
    "责任编辑：张三", "版权所有")."""
    return (
        name != site_name
        and bool(_CJK_PERSON().match(name))
        and not any(word in name for word in _NOTICE_WORDS)
    )


def _unescaped(html: str) -> str:
    """The page's markup with its character references, and JSON-LD's ("Luc\\u00eda"),
    read: what :func:`_in_page` searches."""
    from html import unescape

    text = unescape(html)
    return _JSON_ESCAPE().sub(_unescape_json, text) if "\\u" in text else text


def _in_page(name: str, page: str, bare: list[str]) -> bool:
    """Whether the page (:func:`_unescaped`) has ``name`` in it, in its text or a tag's
    attribute, whatever the case and the tags or spaces between its words; or each of its
    words, outside addresses (JSON-LD's "givenName": "Ana", "familyName": "Ruiz"; ``bare``
    keeps the page without them).
    trafilatura makes names of what follows a byline's names: "By Ana Ruiz |
    aruiz@herald.com" gave "Aruiz Com" beside her, and "Email aruiz com"; such a "name" is
    nowhere on the page but in an address. Chinese and Japanese names are taken as they
    are: they stand without spaces round them."""
    if has_cjk(name):
        return True
    words = [re.escape(word) for word in name.split()]
    found = re.compile(r"(?<!\w)" + r"(?:\s|<[^>]*>)+".join(words) + r"(?!\w)", re.IGNORECASE)
    if found.search(page):
        return True
    if not bare:  # made once for all of a byline's names: the page may be megabytes
        bare.append(_ADDRESSES().sub(" ", page))
    return all(re.search(rf"(?<!\w){word}(?!\w)", bare[0], re.IGNORECASE) for word in words)


# E-mail addresses, URLs, host names and handles: where trafilatura's made-up names come from.
_ADDRESSES = lazy_pattern(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:)?//[^\s\"'<>]+|(?<![\w.@])@\w+"
    r"|[\w-]+(?:\.[\w-]+)+"
)


_JSON_ESCAPE = lazy_pattern(r"\\u([0-9a-fA-F]{4})")


def _unescape_json(found: re.Match[str]) -> str:
    return chr(int(found[1], 16))


#: Each box classed as a byline, in page order, with its text: :func:`_byline_boxes`.
BylineBoxes = tuple[tuple["HtmlElement", str], ...]

# A word of a class that marks a byline box: "by", "byline", "story-byline", "author",
# "author-name", "writer"; in continental papers' templates "firma", "signature", "autore",
# "auteur". (Lower case: "BylineBox" too.)
_BYLINE_CLASS = lazy_pattern(
    r"(?:^|\s)(?:by|writer|\S*(?:byline|author|autor|auteur|firma|signature)\S*)(?=\s|$)"
)


#: The most characters of text a byline box holds (a byline is 20 words at most): a box
#: classed "by-author" around the whole story is not read through.
_BYLINE_BOX_CHARS = 600


def _byline_boxes(tree: HtmlElement) -> BylineBoxes:
    """Each box classed as a byline (``_BYLINE_CLASS``), in page order, with its text
    outside buttons and scripts, its pieces spaced; a box of more than
    ``_BYLINE_BOX_CHARS`` is left out. What the byline rules search, found once a page."""
    found = []
    for box in tree.xpath("//*[@class]"):
        if _BYLINE_CLASS().search(box.get("class", "").lower()):
            text = _box_text(box, _BYLINE_BOX_CHARS)
            if text is not None:
                found.append((box, text))
    return tuple(found)


def _box_text(box: HtmlElement, most: int) -> str | None:
    """The text of ``box`` outside buttons, scripts and comments, its pieces joined by
    spaces and whitespace-clean (as ``.//text()[not(ancestor::button or
    ancestor::script)]`` reads it); None once the pieces pass ``most`` characters."""
    pieces: list[str] = []
    size = 0
    # In the page's order: an element's text, then its children's, then its tail (which
    # stands outside it, and is read even after a button).
    stack: list[tuple[bool, HtmlElement]] = [(False, box)]
    while stack:
        tail, element = stack.pop()
        piece = element.tail if tail else None
        if not tail and isinstance(element.tag, str) and element.tag not in _TEXTLESS:
            piece = element.text
            for child in reversed(element):
                stack.append((True, child))
                stack.append((False, child))
        if piece:
            pieces.append(piece)
            size += len(piece.strip())
            if size > most:
                return None
    return clean_whitespace(" ".join(pieces))


_TEXTLESS = ("button", "script")


def _shown_byline(
    boxes: BylineBoxes,
    authors: tuple[str, ...],
    mangled: bool = False,
    is_person: Callable[[str], bool] | None = None,
) -> tuple[str, ...]:
    """The names of the byline the page shows ("By Ana Ruiz and Tom Okafor") when they are
    the metadata's authors and more, else the metadata's: an author meta tag often keeps the
    first reporter alone after another joins the story, and a byline that gains or loses a
    name is an edit worth seeing. ``mangled`` says that names trafilatura read from the
    byline were dropped as nowhere on the page: the byline's own names then stand, when
    they include the ones kept. ``boxes`` are the page's :func:`_byline_boxes`."""
    if not authors and not mangled:
        # trafilatura already read the page's byline, if it has one; but not a byline in
        # another language in a box its templates name ("firma", "signature", "autore").
        return _byline_abroad(boxes)
    # The first box that reads as a byline only ("By ..."; an avatar's or a "Written by"
    # label's box comes before it): later ones are other stories' (a "Related" card's).
    for _, text in boxes:
        if _BY().match(text) and 2 < len(text.split()) <= 20:
            break
    else:
        return authors
    names = split_authors(text, is_person=is_person)
    kept = {a.casefold() for a in authors}
    found = {n.casefold() for n in names}
    return names if kept < found or (mangled and kept <= found and names) else authors


def byline_first_line(
    boxes: BylineBoxes, author: str, is_person: Callable[[str], bool] | None = None
) -> str | None:
    """The names line of the byline the page shows ("By Anna Ortiz") when the box breaks
    its lines (``<br>``) and ``author``, as read from it, ran the next line into the names
    ("Anna Ortiz Chief Reporter, The Ledger", "Anna Ortiz Additional reporting by Ben Ko",
    "Anna Ortiz Follow Anna on X"): what follows the break is a role, an address or a
    credit. A first line that ends in "and" or a comma goes on to the next. Co-authors one
    to a line ("By Anna Ortiz<br>Ben Ko") are names too: a line that is a name ``author``
    or ``is_person`` (:func:`_people_of`) gives joins the names ("By Anna Ortiz, Ben Ko").
    Else None."""
    bare = clean_whitespace(_without_by(author))
    given = {name.casefold() for name in split_authors(author)}
    for box, text in boxes:
        if not (_BY().match(text) and 2 < len(text.split()) <= 20):
            continue
        if box.find(".//br") is None:
            return None
        lines, line = [], [box.text or ""]
        for element in box.iterdescendants():
            if element.tag == "br":
                lines.append(clean_whitespace("".join(line)))
                line = [element.tail or ""]
            else:
                line += [element.text or "", element.tail or ""]
        lines.append(clean_whitespace("".join(line)))
        lines = [x for x in lines if x]
        first = lines[0] if lines else ""
        while len(lines) > 1 and _RUNS_ON().search(first):
            lines.pop(0)
            first = f"{first} {lines[0]}"
        names = clean_whitespace(_without_by(first))
        if names and bare.startswith(names) and len(bare) > len(names):
            co: list[str] = []
            for after in lines[1:]:
                # Only a name the page itself gives as a person's: two capitalised words
                # alone may be a call to follow, a time, a place or an outlet (review13).
                if not (after.casefold() in given or (is_person is not None and is_person(after))):
                    break
                co.append(after)
            return ", ".join([first, *co])
        return None
    return None


#: A byline line that goes on to the next: "By Anna Ortiz and", "By Anna Ortiz,".
_RUNS_ON = lazy_pattern(r"(?:\band|&|,)\s*$", re.IGNORECASE)

#: A byline box's link or button that asks the reader to do something, not a name:
#: "Subscribe to Nell's newsletter", "Follow Nell on X", "Get Nell's weekly newsletter".
_BYLINE_CALL = lazy_pattern(
    r"(?:subscribe|follow|sign up|get|join|e-?mail|contact|message|read|more|view|see|"
    r"send|receive)\b.*|.*\bnewsletters?\b.*",
    re.IGNORECASE,
)


def without_byline_calls(author: str, boxes: BylineBoxes) -> str:
    """``author`` as trafilatura read it from a byline box (``boxes``, the page's
    :func:`_byline_boxes`), without the start of a link's or a button's call to act that
    the box sets after the names and trafilatura ran into them: "Nell Quigley Subscribe"
    from "By Nell Quigley <a>Subscribe to Nell's newsletter</a>". Only where the box reads
    the names kept and then the whole call, and never the name's first two words: "By Sam
    Read <a>Read more</a>" keeps its Read."""
    calls: list[tuple[list[str], str]] = []  # each call's words, and the box's text unspaced
    for box, _ in boxes:
        unspaced = ""
        for element in box.iter("a", "button"):
            text = clean_whitespace(element.text_content())
            if text and _BYLINE_CALL().fullmatch(text):
                unspaced = unspaced or _UNSPACED().sub("", box.text_content().casefold())
                calls.append((text.casefold().split(), unspaced))
    if not calls:
        return author
    words = author.split()
    for start in range(2, len(words)):
        tail = [w.casefold() for w in words[start:]]
        kept = "".join(words[:start]).casefold()
        if any(call[: len(tail)] == tail and kept + "".join(call) in box for call, box in calls):
            return " ".join(words[:start])
    return author


_UNSPACED = lazy_pattern(r"\s+")


def _byline_lines(tree: HtmlElement, boxes: BylineBoxes) -> tuple[BylineLine, ...]:
    """Each box classed as a byline (``boxes``, the page's :func:`_byline_boxes`) that is a
    short line and no sentence ("Ledger staff", "By Ana Ruiz"): trafilatura keeps some as
    the story's first paragraph. A paragraph elsewhere on the page that reads the same line
    is the story's own words, and stays: each line says how many there are, and where."""
    lines: list[BylineLine] = []
    for box, text in boxes:
        if box.tag in ("body", "html", "article", "main", "section", "header"):
            continue
        count = len(text.split())
        if not 0 < count <= 12 or _is_sentence(text, count) or any(text == x.text for x in lines):
            continue
        paragraphs = tree.xpath("//p[normalize-space() = $text]", text=text)
        inside = {box, *box.iterancestors()}  # a <p> that is, or holds, the box itself
        copies = {p for p in paragraphs if p not in inside and box not in p.iterancestors()}
        before = 0
        if copies:  # rare: the page's order asked only then
            for element in tree.iter():
                if element is box:
                    break
                before += element in copies
        lines.append(BylineLine(text, len(copies), before))
        if len(lines) == 4:  # the story's bylines come first; later ones are cards'
            break
    return tuple(lines)


def _byline_abroad(boxes: BylineBoxes) -> tuple[str, ...]:
    """The names of a byline in another language ("Por Inés Valcárcel | EFE · 03/03/2026")
    in a box classed as one (``boxes``, the page's :func:`_byline_boxes`), or none."""
    outer = None  # the first byline box, which named no one
    for box, text in boxes:
        if outer is not None and outer not in box.iterancestors():
            break  # not inside it: another story's card ("Por Marcos Gil" under "Related")
        if _BY_ABROAD().match(text) and 2 < len(text.split()) <= 20:
            # An outer box ("firma") runs the place and date stamp into the names, and no
            # name is left of it: the inner one ("autor") holds them alone.
            names = split_authors(text)
            if names:
                return names
            outer = box if outer is None else outer
    return ()


def _plain_body(body: str | None) -> str | None:
    """JSON-LD articleBody as blank-line-separated plain text (some sites put HTML in it)."""
    if not body or not body.strip():
        return None
    # An embed's script or style is code, not words of the article: it went as text, glued
    # to the paragraph after it ("alert(2)We are being asked ...").
    body = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", "\n", body)
    text = re.sub(
        r"<\s*(?:br|/?p|/?h\d|/?li|/?blockquote|/?div)\b[^>]*>", "\n", body, flags=re.IGNORECASE
    )
    from html import unescape

    text = unescape(_TAG().sub("", text))
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _without_site_name(title: str, site_name: str | None) -> str:
    """``"Port strike halts exports | Meridian Wire"`` -> ``"Port strike halts exports"``."""
    if site_name:
        for separator in (" | ", " - ", " – ", " — ", " :: ", " · "):
            if title.endswith(separator + site_name) and len(title) > len(separator + site_name):
                return title[: -len(separator + site_name)].rstrip()
    return title


#: <title>'s two parts, as trafilatura splits them: "Headline | Site".
_TITLE_PARTS = lazy_pattern(r"^(.+)?\s+[–•·—|⁄*⋆~‹«<›»>:-]\s+(.+)$")
#: A print version's mark on its title: "Headline » Print", "Print: Headline".
_PRINT_MARK = lazy_pattern(
    r"\s+(?:[»|:–—-]|::)\s+print(?:er[- ]friendly)?(?: version)?$|^print(?: version)?\s*:\s+"
    r"|\s+\((?:print(?:er[- ]friendly)?(?: version)?)\)$",
    re.IGNORECASE,
)


def _title_site_fixed(
    tree: HtmlElement, title: str | None, site_name: str | None
) -> tuple[str | None, str | None]:
    """trafilatura takes the part of ``<title>`` with a full stop in it for the site's name,
    meaning a host ("example.com"); a headline with a decimal ("Repairs to cost £1.8m |
    Porthcarrow Times") has one too, and came out as the site, the outlet as the headline.
    A "site" with spaces that is the first part of ``<title>`` is the headline, unless the
    page shows otherwise: an outlet's name with a full stop ("St. Albans Review | Council
    votes ...") is the site when the other part is the headline the page shows (its
    ``<h1>``, og:title) or the first part is its logo's."""
    if not site_name or " " not in site_name.strip():
        return title, site_name
    element = tree.find(".//head//title")
    if element is None:
        return title, site_name
    whole = clean_whitespace(element.text_content())
    parts = _TITLE_PARTS().match(whole)
    if parts is None or parts[1] is None or clean_whitespace(parts[1]) != site_name:
        return title, site_name
    headline = _PRINT_MARK().sub("", site_name)
    outlet = clean_whitespace(parts[2])
    shown, logos = _shown_headlines_and_logos(tree)
    if outlet.casefold() in shown or headline.casefold() in logos:
        return title, site_name
    return (headline if not title or title == outlet else title), outlet


#: The most words of an outlet's name that <title> puts before the headline.
_OUTLET_WORDS = 5


def _title_part_in_heading(
    tree: HtmlElement, title: str | None, site_name: str | None
) -> tuple[str | None, str | None]:
    """An old template's ``<title>`` puts the outlet first ("Fenland Weekly Gazette -
    Boil-water notice ...") and sets the headline in an ``<h2>``, with no ``<h1>`` or
    og:title: trafilatura takes the outlet for the title, and the headline stays the first
    paragraph. The part of ``<title>`` that a heading on the page says word for word is the
    headline, the other the outlet, when no heading says that one too and it is short
    enough for a name (``_OUTLET_WORDS``) where the headline is longer; and on a page that
    names no site, the other part of a ``<title>`` whose headline a heading shows is it."""
    element = tree.find(".//head//title")
    if not title or element is None:
        return title, site_name
    parts = _TITLE_PARTS().match(clean_whitespace(element.text_content()))
    if parts is None or parts[1] is None:
        return title, site_name
    first, second = clean_whitespace(parts[1]), clean_whitespace(parts[2])
    if title not in (first, second):
        return title, site_name
    headings = {
        clean_whitespace(h.text_content()).casefold()
        for h in tree.iter("h1", "h2", "h3", "h4")
        if isinstance(h.tag, str)
    }
    other = second if title == first else first
    # An outlet's name is short, and shorter than its headline: a masthead set in an <h2>
    # ("Fenbridge Gazette") beside a <title> that puts the headline first is no headline.
    if (
        other.casefold() in headings
        and title.casefold() not in headings
        and len(title.split()) <= _OUTLET_WORDS < len(other.split())
    ):
        return other, site_name or title
    if (
        site_name is None
        and title.casefold() in headings
        and other.casefold() not in headings
        and len(other.split()) <= _OUTLET_WORDS < len(title.split())
    ):
        # "Boil-water notice ... – Fenland Weekly" over that <h1>, and no og:site_name.
        return title, other
    return title, site_name


def _print_title_outlet(tree: HtmlElement) -> str | None:
    """The outlet's name that a print page's ``<title>`` gives alone with its print mark
    ("Orrin Creek Chronicle :: Print"), on a page with no ``<h1>``: the headline is then
    the first line of the text (a ``<b>`` over the byline), or nowhere."""
    element = tree.find(".//head//title")
    if element is None or tree.find(".//h1") is not None:
        return None
    whole = clean_whitespace(element.text_content())
    name = _PRINT_MARK().sub("", whole)
    if name == whole or not 1 <= len(name.split()) <= _OUTLET_WORDS:
        return None
    return name


#: The class or id of the page's own header, not an article's ("article-header").
_PAGE_HEADER = lazy_pattern(
    r"(?<![\w-])(?:(?:site|page|global|main|top)-?)?header(?![\w-])|masthead", re.IGNORECASE
)


def _is_logo_h1(h1: HtmlElement) -> bool:
    """An ``<h1>`` that sets the outlet's name: its box or one just round it says logo
    ("masthead", "brand"), or it sits outside the article in a box classed as the page's
    header (``id="header"``, ``class="site-header"``), or in a plain ``<header>`` that
    holds the site's menu or whose ``<h1>`` links home: a plain one heads a story as often
    as a page (review13, review14)."""
    boxes = [h1, *(b for b in h1.iterancestors() if b.tag not in ("body", "html"))]
    marks = [" ".join(b.get(a, "") for a in ("class", "id")) for b in boxes]
    if any(_LOGO().search(m) for m in marks[:3]):
        return True
    if any(b.tag in ("article", "main") for b in boxes):
        return False
    if any(_PAGE_HEADER().search(m) for m in marks):
        return True
    # A plain <header> sets the site's name when it links home or holds the site's menu;
    # one that holds a story's headline and byline does neither.
    header = next((b for b in boxes if b.tag == "header"), None)
    if header is None:
        return False
    menus = [
        nav
        for nav in header.iter("nav")
        if "breadcrumb"
        not in " ".join(nav.get(a, "") for a in ("class", "id", "aria-label")).lower()
    ]
    return bool(menus) or any(
        (a.get("href") or "").strip() in ("/", "./", "index.html") for a in h1.iter("a")
    )


def _shown_headlines_and_logos(tree: HtmlElement) -> tuple[set[str], set[str]]:
    """The headlines the page shows (its ``<h1>``s, og:title, twitter:title) and the names
    its logos show (alt text, a logo box's text), casefolded."""
    headlines: set[str] = set()
    logos: set[str] = set()
    for h1 in tree.iter("h1"):
        text = clean_whitespace(h1.text_content()).casefold()
        (logos if _is_logo_h1(h1) else headlines).add(text)
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in (
            "og:title",
            "twitter:title",
        ):
            headlines.add(clean_whitespace(meta.get("content") or "").casefold())
    for img in tree.iter("img"):
        boxes = [img, *img.iterancestors()][:3]
        if any(_LOGO().search(" ".join(b.get(a, "") for a in ("class", "id"))) for b in boxes):
            logos.add(clean_whitespace(img.get("alt") or "").casefold())
    headlines.discard("")
    logos.discard("")
    return headlines, logos


def _repeated_standfirst(tree: HtmlElement, description: str | None) -> str | None:
    """The description's text when two separate paragraphs of the body show it."""
    if not description or len(description.split()) < 8:
        return None
    size = len(description)
    copies = [
        text
        for element in tree.iter("p")
        if abs(len(text := clean_whitespace(element.text_content())) - size) <= size // 5
        and _near(text, description, 0.9)
    ]
    return copies[-1] if len(copies) >= 2 else None


#: Class or id words naming the line under a headline. "summary" and "teaser" also name
#: story cards, which is why only the stretch between the headline and the story is read.
_STANDFIRST_CLASS = lazy_pattern(
    r"(?<![a-z])(?:dek|standfirst|sub-?head(?:line|ing)?|subtitle|strap(?:line)?|summary"
    r"|excerpt|intro|lead-?in|teaser(?:-?text)?"
    # "lede" and "lead", which also class the story's first paragraph (a lede set large):
    # not the "lead-image" or "lead-story" boxes that share the word.
    r"|le(?:ad|de)(?!-?(?:image|img|media|photo|picture|video|art|figure|story|item|card))"
    # Its names in other languages' templates: Portuguese "linha fina", Spanish
    # "entradilla", "bajada", "sumario", "subtítulo", French "chapô", Italian "sommario",
    # German "Vorspann".
    r"|linha-?fina|entradilla|bajada|sumario|subtitulo|chap[oô]|chapeau|sottotitolo"
    r"|sommario|vorspann)(?![a-z])",
    re.IGNORECASE,
)
#: Class or id words that name the standfirst and nothing else (not "summary", "intro" or
#: "lead", which also class the story's first paragraph): a paragraph so classed is the
#: standfirst even where the extractor keeps it as the story's first.
_SURE_STANDFIRST_CLASS = lazy_pattern(
    r"(?<![a-z])(?:dek|standfirst|sub-?head(?:line)?|subtitle|strap(?:line)?"
    r"|(?:article|story|post|entry)[-_]+(?:summary|dek|excerpt)"
    r"|linha-?fina|entradilla|bajada|subtitulo|chap[oô]|chapeau|sottotitolo|vorspann)(?![a-z])",
    re.IGNORECASE,
)
#: Boxes whose text is never a standfirst: a byline, a date, a caption, sharing buttons.
_NOT_STANDFIRST = ("time", "figcaption", "figure", "nav", "aside", "footer", "button", "form")


def _shown_standfirst(tree: HtmlElement, title: str | None) -> tuple[str | None, bool]:
    """The text of the box the page classes as its standfirst ("dek", "standfirst",
    "subtitle", ``itemprop="description"``...), when it comes after the headline and before
    the story's first paragraph. trafilatura drops it with the header it sits in, and a
    page without a meta description would lose it, and every edit to it, altogether.
    ``title``: the page's own (og:title, <title>), which tells the headline from a
    masthead's ``<h1>``. With it, whether its class names a standfirst and nothing else
    (:data:`_SURE_STANDFIRST_CLASS`)."""
    headline = _headline_h1(tree, title)
    if headline is None and title:
        # A template that sets the headline in an <h2> (its <h1> none, or the logo's): the
        # one that says the page's title.
        headline = next(
            (
                h2
                for h2 in tree.iter("h2")
                if _same_headline(clean_whitespace(h2.text_content()), title)
            ),
            None,
        )
    if headline is None:
        return None, False
    return _standfirst_after(headline) or _standfirst_above(headline) or (None, False)


def _standfirst_after(headline: HtmlElement) -> tuple[str, bool] | None:
    """The standfirst box after the headline and before the story's first paragraph."""
    # The first elements after the headline: a page with no paragraphs is not read through.
    for element in headline.xpath("following::*[position() <= 60]"):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _NOT_STANDFIRST or element.xpath(
            "ancestor::*[self::nav or self::aside or self::figure or self::figcaption]"
        ):
            continue  # a photo's long caption is no sign that the story has begun
        text = clean_whitespace(element.text_content())
        words = len(text.split())
        names = " ".join((element.get("class", ""), element.get("id", "")))
        named = _STANDFIRST_CLASS().search(names) or element.get("itemprop") in (
            "description",
            "alternativeHeadline",
        )
        if (
            named
            and tag in ("p", "div", "h2", "h3", "span", "section")
            and 5 <= words <= 80
            and not _only_a_link(element)  # another story's card: "teaser", "summary"
        ):
            return _spaced_text(element), bool(_SURE_STANDFIRST_CLASS().search(names))
        if tag == "p" and words >= 12 and not is_chrome(text):  # the story has begun
            return None
    return None


def _standfirst_above(headline: HtmlElement) -> tuple[str, bool] | None:
    """A box classed as a standfirst set just above the headline, in the same box
    (``<div class="article-standfirst">…</div><h1>…</h1>``, the headline in a box of its
    own or not): a template's order, the standfirst shown under the headline or not. Only
    the nearest box with text before it (a label of three words at most is passed over),
    and a class that names a standfirst and nothing else: a "summary" or "teaser" above a
    headline may be another story's card."""
    box = headline
    for _ in range(2):  # the headline, then the box that holds it alone
        for sibling in box.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            for element in (sibling, *sibling.iterdescendants()):
                names = " ".join((element.get("class", ""), element.get("id", "")))
                if element.tag in _STANDFIRST_TAGS and _SURE_STANDFIRST_CLASS().search(names):
                    text = _spaced_text(element)
                    if 5 <= len(text.split()) <= 80:
                        return text, True
            if len(clean_whitespace(sibling.text_content()).split()) > 3:
                return None  # the box next above is no standfirst: none is
        parent = box.getparent()
        if parent is None or parent.tag in ("article", "main", "body", "html", "header"):
            return None
        box = parent
    return None


_STANDFIRST_TAGS = ("p", "div", "h2", "h3", "span", "section")


#: A copyright line's owner: "© 2026 Wrenfield Gazette. All rights reserved."
_COPYRIGHT_OWNER = lazy_pattern(
    r"(?:©|\([cC]\)|(?i:copyright))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>[A-Z][\w&'’-]*(?: [A-Z&][\w&'’-]*){0,5})"
)


def _site_name_shown(tree: HtmlElement, host: str | None) -> str | None:
    """The outlet's name as the page shows it, in its logo's alt text or its copyright
    line, where the bare host name is all the metadata gives ("wrenfieldgazette.example",
    a print version with no og:site_name): a name whose letters spell the host's."""
    if not host or " " in host or "." not in host:
        return None
    label = host.casefold().removeprefix("www.").split(".")[0]
    candidates = [img.get("alt", "") for img in tree.iter("img")]
    for text in tree.xpath("//text()[contains(., '©') or contains(., 'opyright')]"):
        if found := _COPYRIGHT_OWNER().search(str(text)):
            candidates.append(found["name"])
    for candidate in candidates:
        name = clean_whitespace(candidate)
        if name and " " in name and _host_spelling(name) == label:
            return name
    return None


def _headline_h1(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """The ``<h1>`` that shares most words with the page's ``title`` (the first, when none
    does), a logo's left out: a card under a masthead's ``<h1>`` is another story's."""
    h1s = [
        h1
        for h1 in tree.iter("h1")
        if not _LOGO().search(" ".join(h1.get(a, "") for a in ("class", "id")))
    ]
    if not h1s:
        return None
    title_words = set(_words(title or ""))
    return max(h1s, key=lambda h1: len(title_words.intersection(_words(h1.text_content()))))


def _label_above_headline(tree: HtmlElement, title: str | None) -> str | None:
    """The label set just above the headline ("Cidades", "Analysis"), alone in its box and
    three words at most, no sentence: the section's, which trafilatura may keep as the
    first paragraph when it drops the headline itself."""
    headline = _headline_h1(tree, title)
    if headline is None:
        return None
    before = headline.xpath("preceding::text()[normalize-space()][1]")
    if not before:
        return None
    box = before[0].getparent()
    if before[0].is_tail:
        box = box.getparent() if box is not None else None
    if box is None or box.tag in ("body", "html"):
        return None
    text = clean_whitespace(box.text_content())
    words = text.split()
    if not 1 <= len(words) <= 3 or text.endswith((".", "!", "?", ":")):
        return None
    return text


#: Tags whose text starts a new line: their words are not glued to the ones before.
_LINE_TAGS = frozenset(("br", "p", "div", "li", "ul", "ol", "h2", "h3", "h4", "h5", "h6"))


def _spaced_text(element: HtmlElement) -> str:
    """The whitespace-clean text of a box, a space where a line breaks (``<br>``, a ``<p>``
    in it): ``text_content()`` reads "a day a week<br>The county" as "weekThe"."""
    pieces: list[str] = []
    stack: list[tuple[HtmlElement, bool]] = [(element, False)]  # (node, its end reached)
    while stack:
        node, ended = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""  # a comment's text is no text
        space = " " if tag in _LINE_TAGS else ""
        if not ended:
            pieces.append(space + (node.text or "" if tag else ""))
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node))
        elif node is not element:
            pieces.append(space + (node.tail or ""))
    return clean_whitespace("".join(pieces))


_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "webpage",
    "report",
}


def _page_metadata(tree: HtmlElement, url: str | None = None) -> dict[str, str]:
    """What trafilatura does not give: dates with their time, modified date, language, and
    the canonical link resolved against the page's URL (``url``, the fetched one)."""
    found: dict[str, str] = {}

    def meta(*names: str, dated: bool = False) -> str | None:
        for name in names:
            for attr in ("property", "name", "itemprop"):
                for value in tree.xpath(f'//meta[@{attr}="{name}"]/@content'):
                    text = str(value).strip()
                    if text and (not dated or normalize_date(text)):
                        return text
        return None

    def put(key: str, value: str | None) -> None:
        if value and key not in found:
            found[key] = value

    put("author", meta("author", "dc.creator", "article:author"))
    for item in _json_ld(tree):
        kind = item.get("@type")
        # "NewsArticle", or its full name "https://schema.org/NewsArticle".
        kinds = [
            k.rsplit("/", 1)[-1].lower()
            for k in (kind if isinstance(kind, list) else [kind])
            if isinstance(k, str)
        ]
        if not any(k in _ARTICLE_TYPES for k in kinds):
            continue
        for key, name in (("published", "datePublished"), ("modified", "dateModified")):
            if isinstance(item.get(name), str):
                put(key, item[name])
        if isinstance(item.get("inLanguage"), str):
            found.setdefault("ld_language", item["inLanguage"])
        if isinstance(item.get("articleBody"), str):
            put("body", item["articleBody"])
        if isinstance(item.get("description"), str):
            # Some sites set markup and character references in it: "<p>Six &amp; ...</p>".
            from html import unescape

            text = clean_whitespace(unescape(_TAG().sub(" ", item["description"])))
            put("ld_description", text)
        if people := _json_ld_people(item.get("author")):
            put("people", "\n".join(people))
        if issuers := _json_ld_people(item.get("author"), "Organization"):
            put("issuers", "\n".join(issuers))
        if "liveblogposting" in kinds:
            found["live"] = "yes"
        if item.get("isAccessibleForFree") in (False, "False", "false"):
            found["not_free"] = "yes"
    put(
        "published",
        meta(
            "article:published_time",
            "og:article:published_time",
            "datePublished",
            "parsely-pub-date",
            "sailthru.date",
            "pubdate",
            "publishdate",
            "publish-date",
            "dcterms.created",
            "dc.date",
            dated=True,
        ),
    )
    put(
        "modified",
        meta(
            "article:modified_time",
            "og:article:modified_time",
            "og:updated_time",
            "dateModified",
            "dcterms.modified",
            "last-modified",
            dated=True,
        ),
    )
    headline_boxes: set[HtmlElement] | None = None
    for attr in ("dateModified", "datePublished"):
        for element in tree.xpath(f'//*[@itemprop="{attr}"][@datetime]'):
            if headline_boxes is None:
                headline_boxes = _headline_boxes(tree)
            if _teaser_box(element, headline_boxes) is None:  # no related story's card's
                put("modified" if attr == "dateModified" else "published", element.get("datetime"))
    put("title", meta("og:title"))
    put("site_name", meta("og:site_name"))
    put("description", meta("description", "og:description"))
    languages = [str(v) for v in tree.xpath("/html/@lang | /html/@xml:lang")]
    put("language", next((v for v in languages if v.strip()), None))
    for value in tree.xpath('//meta[@http-equiv="content-language"]/@content'):
        put("language", str(value))
    put("language", meta("og:locale", "language", "content-language"))
    put("language", found.pop("ld_language", None))
    put("url", canonical_link(tree, url, meta("og:url")))
    return found


def canonical_link(tree: HtmlElement, url: str | None, og_url: str | None) -> str | None:
    """The page's ``<link rel="canonical">``, resolved against the page's URL (``url``, the
    fetched one; see :func:`_base_url`), or None when it gives none that can be read."""
    base = _base_url(tree, url, og_url)
    for value in tree.xpath('//link[@rel="canonical"]/@href'):
        href = str(value).strip()
        if href and not is_web_url(href) and base and readable_url(href):
            href = urljoin(base, href)  # "/news/x", as AMP pages often give it
        if is_web_url(href) and readable_url(href):
            return href
    return None


def _readable_or_none(address: object) -> str | None:
    """``address`` when it can be read as one (trafilatura's canonical link too): a page's
    own address stands in for one that cannot."""
    return address if isinstance(address, str) and readable_url(address) else None


def _teaser_box(element: HtmlElement, headline_boxes: set[HtmlElement]) -> HtmlElement | None:
    """The box of another story that ``element`` (a date) sits in, if any: a card that
    points away, by a heading that is a link, a headline that is one ("Winter ferry
    timetable cuts two sailings" in a "Most read" list), or a link around it. Not a box for
    being an ``<aside>`` or classed "sidebar": the story's own date may sit in one. Looked
    for only below the boxes that hold the headline (``headline_boxes``)."""
    for box in element.iterancestors():
        if box.tag in ("body", "html") or box in headline_boxes:
            return None
        if box.tag == "a" or _has_linked_heading(box) or _links_a_headline(box):
            # A card says a few lines; a box with more prose holds the story (a page with no
            # <h1>, a subheading linked in the text).
            return box if _prose_words(box) <= _CARD_WORDS else None
    return None


def _links_a_headline(box: HtmlElement) -> bool:
    """Whether ``box`` has a link of four words or more that is not to a person's page (a
    long name in a byline): another story's headline."""
    return any(
        _word_count(clean_whitespace(a.text_content())) >= 4
        and not _AUTHOR_PAGE().search(urlsplit(a.get("href") or "").path)
        for a in box.iter("a")
    )


def _own_date(tree: HtmlElement, found: str, max_date: str, url: str | None) -> str | None:
    """The story's date when the one trafilatura found (``found``) is only a related
    story's, as a ``<time>`` in a teaser card says it (a card's date above the story's own
    on the page, or the story's date given only in its text): the date read again from the
    page without those cards; else ``found``."""
    day = found[:10]
    headline_boxes = _headline_boxes(tree)
    teasers: list[HtmlElement] = []
    teaser_days: set[str] = set()
    for time in tree.iter("time"):
        if (stamp := normalize_date(time.get("datetime"))) is None:
            continue
        if (box := _teaser_box(time, headline_boxes)) is None:
            if stamp[:10] == day:
                return found  # the story's own <time> says it
        else:
            teasers.append(box)
            teaser_days.add(stamp[:10])
    if day not in teaser_days:
        return found
    from copy import deepcopy

    from htmldate import find_date

    # The cards go from a copy of the page (found by path): all of them, or the next
    # card's date would be taken.
    pruned = deepcopy(tree)
    original, copy = tree.getroottree(), pruned.getroottree()
    twins = [twin for box in teasers for twin in copy.xpath(original.getpath(box))]
    for twin in twins:  # found first: a card dropped renumbers its siblings' paths
        if twin.getparent() is not None:
            twin.drop_tree()
    own = find_date(pruned, original_date=True, extensive_search=False, max_date=max_date, url=url)
    return str(own) if own else None


_MONTH_NUMBERS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for name in names
}
# German, French, Spanish, Italian and Portuguese months, written out or cut short
# ("20. November 2026", "20 nov. 2026", "20 de noviembre de 2026"), day first only.
_FOREIGN_MONTHS = [
    ("januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro"),
    ("februar", "février", "févr", "febrero", "febbraio", "fevereiro", "fev"),
    ("märz", "mars", "marzo", "março"),
    ("avril", "avr", "abril", "abr", "aprile"),
    ("mai", "mayo", "maggio", "mag", "maio"),
    ("juni", "juin", "junio", "giugno", "giu", "junho"),
    ("juli", "juillet", "juil", "julio", "luglio", "lug", "julho"),
    ("août", "agosto", "ago"),
    ("septembre", "septiembre", "setiembre", "settembre", "set", "setembro"),
    ("oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"),
    ("novembre", "noviembre", "novembro"),
    ("dezember", "dez", "décembre", "déc", "diciembre", "dicembre", "dic", "dezembro"),
]
_DAY_FIRST_MONTHS = {
    name: i + 1 for i, names in enumerate(_FOREIGN_MONTHS) for name in names
} | _MONTH_NUMBERS
_ANY_MONTH = "|".join(sorted(_DAY_FIRST_MONTHS, key=len, reverse=True))
# Which of _STAMP_KEY's words stamp an update rather than the publication.
_UPDATE_KEYS = (
    *("updated", "modified", "aktualisiert", "mis à jour", "modifié", "actualizado"),
    *("aggiornato", "atualizado"),
)
# chrome's foreign stamp line, with the months cut short ("20 nov. 2026"), a first of the
# month ("1er", "1º") and a zone ("11:15 CET") too: _STAMP_DAY and _STAMP_TIME read them.
_ZONE_WORD = r"gmt|utc|bst|cet|cest|[ecmp][sd]t"
_FOREIGN_STAMP_LINE = lazy_pattern(
    rf"(?=.*\d)(?:{FOREIGN_STAMP_WORDS})(?:[\s,:.+/|·•()-]+"
    rf"(?>(?:{_FOREIGN_DATE_WORD}|{_ANY_MONTH}|{FOREIGN_STAMP_WORDS}|\d{{1,2}}(?:er|º)|"
    rf"{_ZONE_WORD})(?![^\W_])))*[\s.)]*",  # atomic: one reading of each word, not 2 ** n
    re.IGNORECASE,
)
_STAMP_KEY = lazy_pattern(
    r"\b(?:first published|published|posted|last updated|last modified|updated|modified|"
    r"veröffentlicht|(?:zuletzt )?aktualisiert|publié|mis à jour|modifié|publicado|"
    r"actualizado|pubblicato|aggiornato|atualizado)(?!\w)",
    re.IGNORECASE,
)
_STAMP_DAY = lazy_pattern(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(?P<m1>{_ANY_MONTH})\.?,?\s+"
    rf"(?:de\s+)?(?P<y1>\d{{4}})\b|"
    rf"\b(?P<m2>{_MONTHS})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})\b|"
    r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y3>\d{4})\b|"
    # The year first, as ISO and East Asian papers write it: "2026-03-04", "2026.03.04".
    r"\b(?P<y4>\d{4})(?P<sep>[-./])(?P<m4>\d{2})(?P=sep)(?P<d4>\d{2})\b|"
    # "20.11.2026": German and others write the day first, always.
    r"\b(?P<d5>\d{1,2})\.(?P<m5>\d{1,2})\.(?P<y5>\d{4})\b",
    re.IGNORECASE,
)
_STAMP_TIME = lazy_pattern(
    r"\b(?P<h>\d{1,2})(?:[:.h](?P<min>\d\d))?\s*(?:(?P<half>[ap])\.?m\b\.?|(?=[:.]?\d*\s*"
    r"(?:gmt|utc|bst|cet|cest|[ecmp][sd]t)\b)|(?<=\d[:.h]\d\d))"
    # The zone after "Uhr" or in brackets too: "11:15 Uhr UTC", "11h15 (UTC)".
    r"(?:\s*(?:uhr\s*)?\(?(?P<zone>gmt|utc|bst|cet|cest|[ecmp][sd]t)\b\)?)?",
    re.IGNORECASE,
)
_ZONES = {
    "gmt": "Z",
    "utc": "Z",
    "bst": "+01:00",
    "cet": "+01:00",
    "cest": "+02:00",
    "est": "-05:00",
    "edt": "-04:00",
    "cst": "-06:00",
    "cdt": "-05:00",
    "mst": "-07:00",
    "mdt": "-06:00",
    "pst": "-08:00",
    "pdt": "-07:00",
}


def _shown_stamp(
    tree: HtmlElement, language: str | None, known: str | None = None
) -> tuple[str | None, str | None]:
    """The published and updated date-times of the first stamp line the page shows for the
    story ("Published: 08:00, 24 November 2026 | Updated: 11:42, 24 November 2026",
    "Last updated: 24/11/2026 11:42", "Updated 11.42 GMT"), not a related story's card's.
    ``known`` is the publication date the page's metadata states, which settles whether
    "04/02/2026" is day or month first when nothing on the line does."""
    # Only the boxes around a piece of text with a stamp's word in it, and of those only
    # the short ones: reading every container's whole text made a big page, nested deep,
    # three times slower to extract.
    starts: list[HtmlElement] = []
    has_word = _arabic_or_stamp_word if _in_arabic_letters(tree, language) else _STAMP_WORD().search
    for piece in tree.xpath("//body//text()"):
        if not has_word(piece):
            continue
        element = piece.getparent()
        if piece.is_tail and element is not None:
            element = element.getparent()
        starts.append(element)
    seen: set[HtmlElement] = set()  # boxes judged already, in either pass
    found = _first_stamp(tree, starts, seen, language, known)
    if found is None:
        # The word split by a tag ("Pub<b>lished</b>"): no piece of text holds it whole,
        # but the text of the box around the tag does. Asked only when nothing else is.
        boxes = tree.xpath(_SPLIT_STAMP_WORD_XPATH)
        found = _first_stamp(tree, boxes, seen, language, known)
    if found is None:
        return None, None
    published, modified, element = found
    if published and modified is None:
        modified = _update_beside(element, language, known, published)
    return published, modified


def _update_beside(
    element: HtmlElement, language: str | None, known: str | None, published: str
) -> str | None:
    """The update stamped in a box of its own beside the publication's stamp line (two
    ``<span>``s of one box: "Published: 12 March 2026 - 10:30 am", "Last updated: 12 March
    2026 - 02:05 pm"), no earlier than it; else None."""
    parent = element.getparent()
    for sibling in parent if parent is not None else ():
        if sibling is element or not isinstance(sibling.tag, str):
            continue
        if (text := _short_text(sibling, 160)) is None:
            continue
        line = _arabic_stamp_in_english(text)
        if not _STAMP_KEY().search(line) or not _STAMP().search(_colon_time(line)):
            continue
        line = line.strip(_EDGE_PUNCT)
        if not (_DATELINE().fullmatch(line) or _FOREIGN_STAMP_LINE().fullmatch(line)):
            continue
        first, update = _stamp_parts(line, (language or "").lower() == "en-us", known)
        if first is None and update is not None and not _before(update, published):
            return update
    return None


def _first_stamp(
    tree: HtmlElement,
    starts: Iterable[HtmlElement],
    seen: set[HtmlElement],
    language: str | None,
    known: str | None,
) -> tuple[str | None, str | None, HtmlElement] | None:
    """The dates of the first stamp line among ``starts`` and the boxes around them, and
    its box, or ``None`` when none reads as the story's stamp (see :func:`_shown_stamp`)."""
    headline_boxes: set[HtmlElement] | None = None
    for element in starts:
        boxes: list[tuple[HtmlElement, str]] = []  # innermost first
        while element is not None and element not in seen and element.tag not in _PAGE_TAGS:
            seen.add(element)
            if (text := _short_text(element, 160)) is None:
                break  # its boxes are longer still
            boxes.append((element, _arabic_stamp_in_english(text)))
            element = element.getparent()
        for element, text in reversed(boxes):  # in the page's order: the outer box first
            if element.tag not in _STAMP_TAGS:
                continue
            if not _STAMP_KEY().search(text) or not _STAMP().search(_colon_time(text)):
                continue
            line = text.strip(_EDGE_PUNCT)
            # A foreign line whose <time datetime> says it to the second and zone is left
            # to _labelled_times.
            if not _DATELINE().fullmatch(line) and (
                not _FOREIGN_STAMP_LINE().fullmatch(line)
                or element.xpath("descendant-or-self::time[@datetime]")
            ):
                continue
            if headline_boxes is None:
                headline_boxes = _headline_boxes(tree)
            if _teaser_box(element, headline_boxes) is not None:
                continue
            published, modified = _stamp_parts(text, (language or "").lower() == "en-us", known)
            return published, modified, element
    return None


_STAMP_TAGS = {"p", "div", "span", "time", "li", "header", "section", "small"}
_PAGE_TAGS = {"body", "html", "head"}
# Text with a word of _STAMP_KEY in it.
_STAMP_WORDS = (
    *("publish", "updated", "posted", "modified", "ffentlicht", "aktualisiert", "publié"),
    *("mis à jour", "modifié", "publicado", "actualizado", "pubblicato", "aggiornato"),
    "atualizado",
)
# (A regular expression over the page's pieces of text: lxml's translate() and contains()
# for each word took 36 microseconds a piece, 1.4 s on a page of 40,000 paragraphs.)
_STAMP_WORD = lazy_pattern("|".join(map(re.escape, _STAMP_WORDS)), re.IGNORECASE)
# Arabic's and Persian's "published" and "update", read without vowel marks ("نُشر"); asked
# only of a page in Arabic letters (its language or title), as every piece of text is.
_ARABIC_STAMP_WORDS = ("نشر", "تحديث", "انتشار", "منتشر", "روزرسان")
_ARABIC_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
_ARABIC_STAMP_WORD = lazy_pattern("|".join(_ARABIC_STAMP_WORDS))
_NO_MARKS = dict.fromkeys(map(ord, _ARABIC_MARKS))


def _arabic_or_stamp_word(text: str) -> bool:
    return bool(
        _STAMP_WORD().search(text) or _ARABIC_STAMP_WORD().search(text.translate(_NO_MARKS))
    )


_ARABIC_SCRIPT_LANGUAGES = ("ar", "fa", "ur", "ps", "ckb", "ku")


def _in_arabic_letters(tree: HtmlElement, language: str | None) -> bool:
    """Whether a page is written in Arabic letters: its language says so, or its title."""
    if (language or "").lower().split("-")[0] in _ARABIC_SCRIPT_LANGUAGES:
        return True
    return bool(_ARABIC_LETTER().search(tree.findtext(".//title") or ""))


# Arabic stamps ("نُشر في: الخميس 12 مارس 2026 - 10:30 صباحاً", "آخر تحديث: ١٢ آذار ٢٠٢٦
# ١٤:٠٥") are read by the English rules once their words are put in English
# (:func:`_arabic_stamp_in_english`): labels, weekdays, the months by either calendar's
# names (Levantine and Iraqi "كانون الثاني", Egyptian "يناير", Algerian and Tunisian
# "جانفي", Moroccan "يوليوز"), morning and evening, and Arabic-Indic digits.
_ARABIC_WORDS = {
    **dict.fromkeys(("نشر في", "نشر بتاريخ", "تاريخ النشر", "تم النشر", "نشر"), "Published"),
    **dict.fromkeys(("اخر تحديث", "تاريخ التحديث", "تم التحديث", "تحديث"), "Updated"),
    # "at the hour", "on", "day": words the English rules do not take between a date's
    # parts ("Published: 7 January 2026 18:20" is read, "... 2026 at 18:20" is not).
    **dict.fromkeys(("الساعة", "الساعه", "في", "يوم"), ""),
    **dict.fromkeys(("بتوقيت غرينتش", "بتوقيت جرينتش", "غرينتش", "جرينتش"), "GMT"),
    **dict.fromkeys(("صباحا", "ص", "فجرا"), "am"),
    **dict.fromkeys(("مساء", "م", "ظهرا", "عصرا", "ليلا"), "pm"),
    "الاحد": "Sunday",
    "الاثنين": "Monday",
    "الثلاثاء": "Tuesday",
    "الاربعاء": "Wednesday",
    "الخميس": "Thursday",
    "الجمعة": "Friday",
    "السبت": "Saturday",
}
_ARABIC_MONTHS = [
    ("كانون الثاني", "يناير", "جانفي"),
    ("شباط", "فبراير", "فيفري"),
    ("اذار", "مارس"),
    ("نيسان", "ابريل", "افريل"),
    ("ايار", "مايو", "ماي"),
    ("حزيران", "يونيو", "يونيه", "جوان"),
    ("تموز", "يوليو", "يوليه", "جويلية", "يوليوز"),
    ("اب", "اغسطس", "اوت", "غشت"),
    ("ايلول", "سبتمبر", "شتنبر"),
    ("تشرين الاول", "اكتوبر"),
    ("تشرين الثاني", "نوفمبر", "نونبر"),
    ("كانون الاول", "ديسمبر", "دجنبر"),
]
_ENGLISH_MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)
_ARABIC_WORDS |= {
    name: _ENGLISH_MONTHS[i] for i, names in enumerate(_ARABIC_MONTHS) for name in names
}
# Vowel marks and the stretching tatweel; alef with hamza or madda, and alef maqsura, as
# the plain letters they are often typed as; Persian yeh and keheh as Arabic's; direction
# marks and the zero-width non-joiner Persian writes inside words ("به‌روزرسانی").
_ARABIC_SPELLING = str.maketrans(
    {
        **dict.fromkeys(map(ord, "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")),
        **dict.fromkeys(map(ord, "\u200c\u200e\u200f\u061c")),
        **dict.fromkeys(map(ord, "أإآٱ"), "ا"),
        **dict.fromkeys(map(ord, "ىی"), "ي"),
        ord("ک"): "ك",
        ord("،"): ",",
        **{0x0660 + i: str(i) for i in range(10)},  # Arabic-Indic digits
        **{0x06F0 + i: str(i) for i in range(10)},  # Persian and Urdu digits
    }
)
# Persian stamps ("تاریخ انتشار: ۱۲ آبان ۱۴۰۵ - ۰۹:۱۵") the same way; their months are the
# solar year's (:func:`_solar_hijri_in_english`), put as "jalali1" ... "jalali12" first.
_PERSIAN_WORDS = {
    **dict.fromkeys(("تاریخ انتشار", "منتشر شده", "منتشر شد", "انتشار"), "Published"),
    **dict.fromkeys(
        ("آخرین به‌روزرسانی", "به‌روزرسانی", "به روز رسانی", "بروزرسانی", "تاریخ به‌روزرسانی"),
        "Updated",
    ),
    **dict.fromkeys(("ساعت", "روز"), ""),
    "صبح": "am",
    **dict.fromkeys(("بعدازظهر", "بعد از ظهر", "عصر", "شب"), "pm"),
    "یکشنبه": "Sunday",
    "دوشنبه": "Monday",
    **dict.fromkeys(("سه‌شنبه", "سه شنبه"), "Tuesday"),
    **dict.fromkeys(("چهارشنبه", "چهار شنبه"), "Wednesday"),
    **dict.fromkeys(("پنجشنبه", "پنج شنبه", "پنج‌شنبه"), "Thursday"),
    "جمعه": "Friday",
    "شنبه": "Saturday",
}
_SOLAR_MONTHS = (
    *("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر"),
    *("دی", "بهمن", "اسفند"),
)
_ARABIC_WORDS |= {
    name.translate(_ARABIC_SPELLING): english
    for name, english in (
        *_PERSIAN_WORDS.items(),
        *((month, f"jalali{i + 1}") for i, month in enumerate(_SOLAR_MONTHS)),
    )
}
_ARABIC_WORD = lazy_pattern(
    r"(?<!\w)(?:{})(?!\w)".format("|".join(sorted(_ARABIC_WORDS, key=len, reverse=True)))
)
_SOLAR_DAY = lazy_pattern(r"\b(\d{1,2})\s+jalali(\d{1,2})\s+(\d{4})\b")
#: Solar Hijri leap years, by their place in its 33-year cycle (right from 1210 to 1635).
_SOLAR_LEAP = frozenset((1, 5, 9, 13, 17, 22, 26, 30))


def _solar_hijri_in_english(found: re.Match[str]) -> str:
    """A Solar Hijri day ("12 jalali8 1405", 12 Aban 1405) as the Gregorian day it is
    ("3 November 2026"); what it was when it is no such day."""
    from datetime import date, timedelta

    day, month, year = int(found[1]), int(found[2]), int(found[3])
    if not 1300 <= year <= 1500 or not 1 <= month <= 12:
        return found[0]
    length = 31 if month <= 6 else 30 if month <= 11 else 30 if year % 33 in _SOLAR_LEAP else 29
    if not 1 <= day <= length:
        return found[0]
    # 1 Farvardin 1403 fell on 20 March 2024; a year is 365 days, or 366 when leap.
    years = range(min(year, 1403), max(year, 1403))
    shift = sum(366 if y % 33 in _SOLAR_LEAP else 365 for y in years)
    new_year = date(2024, 3, 20) + timedelta(days=shift if year >= 1403 else -shift)
    into = (month - 1) * 31 - max(0, month - 7) + day - 1
    shown = new_year + timedelta(days=into)
    return f"{shown.day} {_ENGLISH_MONTHS[shown.month - 1]} {shown.year}"


_ARABIC_LETTER = lazy_pattern(r"[\u0600-\u06ff]")
# "12 آذار/مارس 2026", "12 آذار (مارس) 2026": a month by both names.
_BOTH_NAMES = lazy_pattern(rf"\b({'|'.join(_ENGLISH_MONTHS)})\s*[/(-]\s*\1\b(?:\s*\))?")


def _arabic_stamp_in_english(text: str) -> str:
    """An Arabic or Persian stamp line in the words the stamp rules read: "نُشر في: الخميس
    ١٢ مارس ٢٠٢٦ - 10:30 صباحاً" -> "Published: Thursday 12 March 2026 - 10:30 am". A text
    with no Arabic letter is given back as it is."""
    if not _ARABIC_LETTER().search(text):
        return text
    text = text.translate(_ARABIC_SPELLING)
    text = re.sub(r"(\d{4})\s*م(?!\w)", r"\1", text)  # the year, "2026م": of the Common Era
    text = _ARABIC_WORD().sub(lambda found: _ARABIC_WORDS[found[0]], text)
    text = _BOTH_NAMES().sub(r"\1", text)
    text = _SOLAR_DAY().sub(_solar_hijri_in_english, text)
    return clean_whitespace(text)


def _colon_time(text: str) -> str:
    """``text`` with a French "06h30" written "06:30", the time a stamp needs."""
    return re.sub(r"\b(\d{1,2})h(\d\d)\b", r"\1:\2", text)


# The box of an inline tag (<b>, <span>, a link: "Up<a href='#updates'>dated</a>") whose
# text, the tag's with it, has such a word.
_INLINE_TAG = "self::b or self::strong or self::i or self::em or self::span or self::u or self::a"
_SPLIT_STAMP_WORD_XPATH = f"//body//*[{_INLINE_TAG}]/parent::*[{{}}]".format(
    " or ".join(
        f"contains(translate(string(.), 'ABCDEFGHILMOPSTU', 'abcdefghilmopstu'), '{word}')"
        for word in ("publish", "updated", "posted", "modified")
    )
)


def _stamp_parts(text: str, month_first: bool, known: str | None) -> tuple[str | None, str | None]:
    """Published and modified of one stamp line. Its numeric dates ("03/31/2026") are read
    one way for the whole line: a part above 12 settles the order, else the publication
    date the metadata states (``known``), else the page's language (``month_first``); an
    update that would then fall before the publication is read the other way, or dropped."""
    keys = list(_STAMP_KEY().finditer(text))
    parts = [
        (key[0].lower(), text[key.end() : keys[i + 1].start() if i + 1 < len(keys) else len(text)])
        for i, key in enumerate(keys)
    ]
    numeric = [(int(f["a"]), int(f["b"])) for f in _STAMP_DAY().finditer(text) if f["y3"]]
    settled = True
    if any(a > 12 for a, _ in numeric):
        month_first = False
    elif any(b > 12 for _, b in numeric):
        month_first = True
    else:
        settled = not numeric

    def read(month_first: bool) -> tuple[str | None, str | None]:
        return _stamp_dates(parts, month_first)

    published, modified = read(month_first)
    if not settled:
        other = read(not month_first)
        day, other_day = (published or "")[:10], (other[0] or "")[:10]
        if known and known[:10] in (day, other_day):
            flip = known[:10] == other_day != day  # the metadata's date says which
        else:
            flip = _before(modified, published) and not _before(other[1], other[0])
        if flip:
            published, modified = other
    if _before(modified, published):
        modified = None  # no reading makes sense of it
    return published, modified


def stamp_only(text: str, month_first: bool = False) -> tuple[str | None, str | None] | None:
    """Published and modified of a line that is a date stamp and nothing else ("12 November
    2026 · Updated 14 November 2026", "Nov. 12, 2026, 3:40 p.m."), the day of publication
    first when no word says which; None for anything else (a line with words of its own)."""
    if len(text) > 120 or not any(c.isdigit() for c in text):
        return None
    if not _STAMP_DAY().search(text):
        return None
    rest = _STAMP_TIME().sub(" ", _STAMP_DAY().sub(" ", _STAMP_KEY().sub(" ", text)))
    if _STAMP_LEFTOVER().sub("", rest).strip():
        return None
    opened = _STAMP_KEY().match(text.strip())
    published, modified = _stamp_parts(text if opened else f"Published: {text}", month_first, None)
    return (published, modified) if published or modified else None


#: What a stamp line holds besides its keys, days and times: separators, weekdays, "at",
#: "on", "am"/"um"/"à".
_STAMP_LEFTOVER = lazy_pattern(
    r"[\s·|•,:;()\[\]\u2013\u2014/-]+|\b(?:at|on|am|um|à|a las|às|alle|ore|uhr|kl|el|le|de|del|"
    r"em|il|den|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"\b\.?",
    re.IGNORECASE,
)


def _bare_date(lines: Iterable[str], language: str | None) -> str | None:
    """The day of the first line that is a date and nothing else ("20 November 2026"),
    read as a stamp's publication would be; else None."""
    for line in sorted(lines):  # a set: in a fixed order
        key = line.strip(_EDGE_PUNCT)
        if any(c.isdigit() for c in key) and _DATE_FIRST().fullmatch(key):
            month_first = (language or "").lower() == "en-us"
            if published := _stamp_parts(f"Published: {key}", month_first, None)[0]:
                return published
    return None


def _stamp_dates(parts: list[tuple[str, str]], month_first: bool) -> tuple[str | None, str | None]:
    published: tuple[str | None, str | None] = (None, None)
    modified: tuple[str | None, str | None] = (None, None)
    for key, part in parts:
        day = time = None
        if found := _STAMP_DAY().search(part):
            if (day := _stamp_day(found, month_first)) is None:
                continue  # "30 February": no date, and its time is of no day
            part = part[: found.start()] + " " + part[found.end() :]
        if found := _STAMP_TIME().search(part):
            hour, minute = int(found["h"]), int(found["min"] or 0)
            if found["half"]:
                hour = hour % 12 + (12 if found["half"].lower() == "p" else 0)
            if hour < 24 and minute < 60:
                zone = _ZONES.get((found["zone"] or "").lower(), "")
                time = f"{hour:02d}:{minute:02d}{zone}"
        if key.endswith(_UPDATE_KEYS):
            modified = modified[0] or day, modified[1] or time
        else:
            published = published[0] or day, published[1] or time
    if modified[0] is None and modified[1] is not None:
        # An update that gives only its time ("Updated 09:10 GMT"): pages show it so when
        # it was today, which is the day published only if it is later than the
        # publication's time; otherwise its day is unknown (today is when the page was
        # seen, not a day it says), so is the update.
        if published[1] is None or _minutes(modified[1], published[1]) > 0:
            modified = published[0], modified[1]
        else:
            modified = None, None

    def iso(day: str | None, time: str | None) -> str | None:
        return None if day is None else f"{day}T{time}" if time else day

    return iso(*published), iso(*modified)


def _minutes(late: str, early: str) -> int:
    """How many minutes the time ``late`` ("11:42Z", "09:10-05:00", "08:00") is after
    ``early`` on the same day. Zones count only when both say one: a line that says its
    zone once ("Published 08:00 | Updated 11:42 GMT") means one zone for the page."""

    def clock(time: str, zone: bool) -> int:
        minutes = int(time[:2]) * 60 + int(time[3:5])
        if zone and len(time) == 11:  # "-05:00": UTC is five hours later
            offset = int(time[6:8]) * 60 + int(time[9:11])
            minutes -= offset if time[5] == "+" else -offset
        return minutes

    zoned = bool(late[5:] and early[5:])
    return clock(late, zoned) - clock(early, zoned)


def _before(modified: str | None, published: str | None) -> bool:
    """Whether a stamp's update is dated before its publication: by day, or by time on the
    same day."""
    if not modified or not published:
        return False
    if modified[:10] != published[:10]:
        return modified[:10] < published[:10]
    late, early = modified[11:], published[11:]
    return bool(late and early) and _minutes(late, early) < 0


def _stamp_day(found: re.Match[str], month_first: bool) -> str | None:
    from datetime import date

    if found["y1"] or found["y2"]:
        year = int(found["y1"] or found["y2"])
        month = _DAY_FIRST_MONTHS[(found["m1"] or found["m2"]).lower()]
        day = int(found["d1"] or found["d2"])
    elif found["y5"]:
        year, month, day = int(found["y5"]), int(found["m5"]), int(found["d5"])
    elif found["y3"]:
        a, b, year = int(found["a"]), int(found["b"]), int(found["y3"])
        day, month = (b, a) if month_first else (a, b)
    else:
        year, month, day = int(found["y4"]), int(found["m4"]), int(found["d4"])
    try:
        return date(year, month, day).isoformat()  # not "30 February"
    except ValueError:
        return None


# A date in a story's address: "/2026/02/04/", "/2026-02-04-".
_URL_DAY = lazy_pattern(r"(?<!\d)(\d{4})[/-](\d{2})[/-](\d{2})(?!\d)")


# What a <time> says it stamps, in the words its own text opens with: "Actualizado el
# 23/11/2026 a las 07:30", "Mis à jour le ...", "Updated Nov. 24". Read from its datetime.
_TIME_UPDATED = lazy_pattern(
    r"\s*(?:(?:last )?(?:updated|modified)|actualizado|actualización|mis à jour|modifié|"
    r"(?:zuletzt )?aktualisiert|aggiornato|atualizado|atualização|bijgewerkt|zaktualizowano|"
    r"aktualizacja)\b",
    re.IGNORECASE,
)
_TIME_PUBLISHED = lazy_pattern(
    r"\s*(?:(?:first )?published|posted|publicado|publié|veröffentlicht|pubblicato|"
    r"gepubliceerd|opublikowano)\b",
    re.IGNORECASE,
)


def _labelled_times(tree: HtmlElement) -> tuple[str | None, str | None]:
    """The published and updated date-times of the first ``<time datetime>`` of each kind
    the story shows, as the time's own text labels it ("Actualizado el ..."), outside other
    stories' cards: a stamp in a language :func:`_shown_stamp` does not read."""
    published = modified = None
    headline_boxes: set[HtmlElement] | None = None
    for time in tree.iter("time"):
        text = time.text_content()
        updated = _TIME_UPDATED().match(text)
        if not updated and not _TIME_PUBLISHED().match(text):
            continue
        if (stamp := normalize_date(time.get("datetime"))) is None or "T" not in stamp:
            continue
        if (modified if updated else published) is not None:
            continue
        if headline_boxes is None:
            headline_boxes = _headline_boxes(tree)
            one_article = len(tree.findall(".//article")) <= 1
        if _teaser_box(time, headline_boxes) is not None or _outside_the_story(time, one_article):
            continue
        if updated:
            modified = stamp
        else:
            published = stamp
    return published, modified


#: Class or id words (as the chrome rules read them, ``page._class_words``) of a box whose
#: times are not the story's: a weather box, a reader's comment, a ticker, a site's header.
_NOT_THE_STORYS = frozenset(
    ("comment", "comments", "weather", "widget", "ticker", "masthead", "sidebar", "siteheader")
)


def _outside_the_story(element: HtmlElement, one_article: bool) -> bool:
    """Whether ``element`` sits in page furniture, not the story: a nav, an aside, a footer,
    a form, a page header outside the <article>, or a box classed as a comment, a weather
    box or a widget. ``one_article``: the page has at most one <article>, the story's even
    when its headline stands above it (in a header a page-wide <form> also holds)."""
    boxes = list(element.iterancestors())
    in_article = any(box.tag in ("article", "main") for box in boxes)
    for box in boxes:
        tag = box.tag if isinstance(box.tag, str) else ""
        if tag == "body" or (
            tag in ("article", "main") and (one_article or box.find(".//h1") is not None)
        ):
            break  # the story's box, or the page's: what wraps them is page-wide
        if tag in ("nav", "aside", "footer", "form"):
            return True
        # The site's header, not the story's: outside the <article>, without the headline.
        if tag == "header" and not in_article and box.find(".//h1") is None:
            return True
        words = _class_words(box)
        if not _NOT_THE_STORYS.isdisjoint(words) or ("site" in words and "header" in words):
            return True
    return False


def _confirmed(tree: HtmlElement, found: str | None, urls: tuple[Any, ...]) -> str | None:
    """``found`` (htmldate's date) when a ``<time datetime>`` outside related stories'
    cards, or the page's address, says the same day: then it was read from the markup,
    not guessed from the shown "04/02/2026" that the stamp reads on its own."""
    if not found:
        return None
    day = found[:10]
    for url in urls:
        date = _URL_DAY().search(urlsplit(url).path) if isinstance(url, str) else None
        if date and "-".join(date.groups()) == day:
            return found
    headline_boxes: set[HtmlElement] | None = None
    for time in tree.iter("time"):
        if (stamp := normalize_date(time.get("datetime"))) is None or stamp[:10] != day:
            continue
        if headline_boxes is None:
            headline_boxes = _headline_boxes(tree)
        if _teaser_box(time, headline_boxes) is None:
            return found
    return None


def _swapped(found: str | None, shown: str | None) -> bool:
    """Whether two dates are one another's day and month swapped (2026-02-04, 2026-04-02)."""
    if not found or not shown or found[:10] == shown[:10]:
        return False
    return found[:4] == shown[:4] and found[5:7] == shown[8:10] and found[8:10] == shown[5:7]


def _stamps_beside(
    tree: HtmlElement, published: str | None, fetched_at: str | None = None
) -> tuple[str | None, str | None]:
    """The publication's and the update's date-times stamped side by side under labels the
    stamp rules do not read ("입력 2026.03.04 09:12" and "수정 2026.03.04 15:47", items of
    one list; "Publicerad 12 mars 2026 kl. 07.15" and "Uppdaterad …"): the first short box
    that shows ``published`` (to the minute, or its day when it gives no time) under a
    label of a word or two, and a box of the same kind beside it under another label,
    with a date-time no earlier, none later than the page was fetched
    (``fetched_at``) or a month after the first. Only the page's own stamps: none set in
    the story below its text (a timetable it lists: "Consultation 4 March 2026 10:00",
    "Decision 30 April 2026 17:00"). (None, None) when there is none."""
    if not published or len(published) < 10:
        return None, None
    timed = len(published) >= 16
    shown = published[:16] if timed else published[:10]
    story: list[HtmlElement | None] = []  # the story's box, found when first asked
    for element in tree.iter("li", "span", "p", "div", "dd", "em", "small", "time"):
        stamp = _labelled_stamp(element)
        if stamp is None or stamp[1][: len(shown)] != shown:
            continue
        if not story:
            story.append(_story_box(tree))
        if _below_story_text(element, story[0]):
            continue
        parent = element.getparent()
        for sibling in parent if parent is not None else ():
            if sibling is element or sibling.tag != element.tag:
                continue
            other = _labelled_stamp(sibling)
            if (
                other is not None
                and other[0] != stamp[0]
                and other[1] >= stamp[1]
                and _soon_after(other[1], stamp[1], fetched_at)
            ):
                if not timed:
                    return stamp[1], other[1]
                zone = published[19:] if len(published) > 16 else ""
                return stamp[1], other[1] + ":00" + zone
        return None, None
    return None, None


#: The words of a paragraph of a story's own text, which the page's stamps are not below.
_STORY_PARAGRAPH_WORDS = 20
#: The most days after the publication that an update stamped beside it is read: a label
#: the stamp rules do not read says no more than that it is a date, as a schedule's does.
_MOST_UPDATE_DAYS = 30


def _story_box(tree: HtmlElement) -> HtmlElement | None:
    """The element whose child paragraphs of :data:`_STORY_PARAGRAPH_WORDS` or more words
    hold the most words: the story's text."""
    words: dict[HtmlElement, int] = {}
    for p in tree.iter("p"):
        parent = p.getparent()
        count = _word_count(clean_whitespace(p.text_content()))
        if parent is not None and count >= _STORY_PARAGRAPH_WORDS:
            words[parent] = words.get(parent, 0) + count
    return max(words, key=words.__getitem__, default=None)


def _below_story_text(element: HtmlElement, story: HtmlElement | None) -> bool:
    """Whether ``element`` is in the story's box below paragraphs of its text: two, as
    one may be a long standfirst that the page's stamps are set under."""
    if story is None:
        return False
    child = next((a for a in element.iterancestors() if a.getparent() is story), None)
    if child is None:
        return False
    above = (
        p
        for p in child.itersiblings(preceding=True)
        if p.tag == "p"
        and _word_count(clean_whitespace(p.text_content())) >= _STORY_PARAGRAPH_WORDS
    )
    return next(above, None) is not None and next(above, None) is not None


def _soon_after(update: str, stamp: str, fetched_at: str | None) -> bool:
    """Whether an update's date-time (the page's clock, "2026-03-04T15:47") is no later
    than the page was fetched (in UTC: the most a time zone is ahead of it, 14 hours, is
    allowed for) nor :data:`_MOST_UPDATE_DAYS` after ``stamp``."""
    import datetime as dt

    try:
        when = dt.datetime.fromisoformat(update[:16])
        latest = dt.datetime.fromisoformat(stamp[:10]) + dt.timedelta(days=_MOST_UPDATE_DAYS + 1)
        if fetched_at:
            fetched = dt.datetime.fromisoformat(fetched_at[:16])
            latest = min(latest, fetched + dt.timedelta(hours=14))
    except ValueError:
        return False
    return when <= latest


def _labelled_stamp(element: HtmlElement) -> tuple[str, str] | None:
    """A short box's label and date-time to the minute ("수정 2026.03.04 15:47" -> ("수정",
    "2026-03-04T15:47")): a word or two, then a date and time only."""
    text = _short_text(element, 40)
    if not text:
        return None
    digit = next((i for i, c in enumerate(text) if c.isdigit()), None)
    if not digit:
        return None  # none, or no label before it
    label = text[:digit].strip(" :|·-")
    if not label or len(label.split()) > 2 or any(c.isdigit() for c in label):
        return None
    found = stamp_only(text[digit:])
    if found is None or found[0] is None or len(found[0]) < 16:
        return None
    return label, found[0][:16]


def _with_time(found: str | None, shown: str | None) -> str | None:
    """The date found in the page's metadata, or the one its stamp shows when that adds
    the time of the same day or there was none."""
    if shown is None:
        return found
    if found is None or ("T" not in found and shown[:10] == found[:10]):
        return shown
    return found


def _base_url(tree: HtmlElement, url: str | None, og_url: str | None) -> str | None:
    """What a relative link on the page is relative to: its ``<base href>`` (itself
    relative to the fetched URL), else the page's ``og:url``, else the fetched URL. ``None``
    for a saved page that says none of these: its relative links lead nowhere known."""
    for href in tree.xpath("//base/@href"):
        resolved = urljoin(url or "", str(href).strip())
        if is_web_url(resolved):
            return resolved
    for candidate in (og_url, url):
        if is_web_url(candidate):
            return candidate
    return None


def _json_ld_people(author: Any, kind: str = "Person") -> list[str]:
    """The names of a JSON-LD ``author`` value's people (``@type`` Person), or of another
    ``kind`` (an Organization: a press release's issuer)."""
    authors = author if isinstance(author, list) else [author]
    return [
        name
        for a in authors
        if isinstance(a, dict)
        and (a.get("@type") == kind or a.get("@type") == [kind])
        and isinstance(name := a.get("name"), str)
    ]


def _json_ld(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    import json

    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(str(script))
        except ValueError:
            continue
        yield from _json_objects(data)


def _json_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _json_objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _json_objects(data["@graph"])


_ISO_DATE = lazy_pattern(
    r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?"
)


def normalize_date(value: str | None) -> str | None:
    """An ISO 8601 date or date-time as the page gave it (``T`` separator, ``+01:00``)."""
    if not value:
        return None
    match = _ISO_DATE().match(value.strip())
    if not match:
        return None
    day, time, zone = match.groups()
    if not _real_date(day, time):
        return None  # a CMS's empty "0000-00-00", a broken "2026-13-45T99:99": no date at all
    if not time:
        return str(day)
    if zone and zone != "Z" and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    return f"{day}T{time}{zone or ''}"


def _real_date(day: str, time: str | None) -> bool:
    """Whether ``day`` (``YYYY-MM-DD``) and ``time`` (``HH:MM[:SS[.f]]``) name a moment
    that exists."""
    from datetime import date

    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    if not time:
        return True
    hour, minute, *second = time.split(":")
    return int(hour) < 24 and int(minute) < 60 and (not second or float(second[0]) < 61)


def normalize_language(value: str | None) -> str | None:
    """``en_GB`` or ``EN-gb`` -> ``en-GB``; ``None`` for anything that is not a tag."""
    if not value:
        return None
    tag = value.strip().split(",")[0].strip().replace("_", "-")
    parts = tag.split("-")
    if not re.fullmatch(r"[A-Za-z]{2,3}", parts[0]):
        return None
    out = [parts[0].lower()]
    out += [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in parts[1:] if p]
    return "-".join(out)


# A dot between spaces separates ("Anna Ortiz · 5 min read"); one inside a name
# ("阿卜杜拉·买买提") does not. "and" in Spanish, French, German, Dutch and Russian too
# ("Lucía Fernández y Marcos Gil"), in lower case between spaces ("Y. Chen" is an initial);
# not "e", which Portuguese names hold ("Sousa e Silva"). Dutch "en" only before a name of
# two words or more: in Spanish and French it is "in" ("Lucía Fernández en Madrid").
_AUTHOR_SPLIT = lazy_pattern(
    r"\s*(?:;|,|\band\b|(?<=\s)(?-i:y|et(?!\s+al\b)|und|en(?=\s+\S+\s+\w)|и)(?=\s)|&|\||"
    r"(?<=\s)[·•](?=\s)|、|，|；)\s*",
    re.IGNORECASE,
)
#: A place after a name, in Spanish or French: "Lucía Fernández en Madrid".
_IN_PLACE = lazy_pattern(
    r"\s+(?:(?-i:en)\s+\S+|(?-i:in)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})$"
)
#: A byline's part that is only the place its reporter writes from: "in Madrid".
_PLACE_ALONE = lazy_pattern(r"(?:in|en|[àÀ]|au|aus|from|desde|depuis|em)\s+[A-Z]")
# What a byline carries besides names: a date or time, a reading time ("By Anna Ortiz |
# Updated 3 hours ago", "· 5 min read", "| March 4, 2026") and a job title, which is beat
# words before a title ("Anna Ortiz, Health correspondent", "Staff Writer"). Whole parts
# only, and a name before the title makes it a name: "Ben Writer", "Mary Reporter".
_BEAT = (
    r"(?:senior|chief|deputy|staff|special|political|politics|health|business|economics"
    r"|science|crime|transport|education|environment|foreign|home|sports?|arts|security"
    r"|technology|legal|local|city|court|data|news|investigations|investigative|democracy"
    r"|community|council|courts|weather|property|consumer|digital|general|assistant"
    r"|associate|managing|executive|contributing)"
)
_ROLE = (
    r"(?:correspondent|reporter|editor|writer|columnist|contributor|journalist|producer"
    r"|photographer|critic)s?"
)
_NOT_A_NAME = lazy_pattern(
    r".*\d.*|(?:first |last )?(?:published|updated|posted|modified)\b.*|"
    # The same stamps in the papers' languages: "Par Claire Dubois | Modifié hier".
    rf"(?:{FOREIGN_STAMP_WORDS})\b.*|"
    rf"(?:{_BEAT}\s+)*{_ROLE}"
    # A contact's label: "By Ana Ruiz | Twitter: @aruiz" ("Twitter" is no second author).
    r"|e-?mail|twitter|x|facebook|instagram|threads|bluesky|linkedin|mastodon|"
    # What trafilatura leaves of a date beside the names ("| Feb. 12, 2026" gave "Feb");
    # not the months that are names too (May, June, April, August).
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?|"
    r"january|february|march|july|september|october|november|december",
    re.IGNORECASE,
)

#: A job after a name with nothing between, its last word in lower case as no surname is:
#: "Edith Mallory Transport correspondent" (a box's lines run together). "Ben Writer" stays.
_ROLE_AFTER = lazy_pattern(rf"(?<=\w)\s+(?i:{_BEAT}\s+)*{_ROLE}$")
#: A job after a name, capitalised as a box sets it under the name ("Sam Oduya Transport
#: Reporter"): only with a beat word before the title, as no surname is ("Ben Writer" stays).
_TITLED_ROLE_AFTER = lazy_pattern(rf"(?<=\w)(?:\s+(?i:{_BEAT}))+\s+(?i:{_ROLE})$")
#: A job before a name: "Gazette reporter Nell Quigley", "Political editor Sam Hale", "Our
#: Moscow correspondent Ivan Petrov", "Reporter: Ana Ruiz" (an outlet's or a place's
#: capitalised words may open it). Only before a name of two words or more that opens
#: with a capital: "Gazette reporter" alone is a credit, "Ben Writer Jones" no job.
_ROLE_BEFORE = lazy_pattern(
    r"^(?i:(?:our|the)\s+(?:own\s+)?)?(?:[A-Z][\w'’&.-]*\s+){0,3}?"
    rf"(?i:(?:{_BEAT}\s+)*{_ROLE})\s*[:,]?\s+(?=[A-Z][\w'’.-]*(?:\s+\S+)+$)"
)
#: A Korean byline's role after the name, set off by a space: "김서연 기자", "박민수 선임기자",
#: "이하나 특파원" (a name may hold the syllables: "김기자" is left alone).
_KO_ROLE_AFTER = lazy_pattern(r"(?<=[가-힣])\s+(?:선임|수석|객원|인턴|전문)?\s*(?:기자|특파원)$")
#: A role word anywhere in a line: "Chief Reporter", "Reporter Ben".

# An outlet, a wire or a desk credited beside the reporters ("Rafael Oyelaran, Continental
# Press", "Ana Ruiz; Reuters", "Metro Staff", "Our Correspondent"): no person. A newspaper's
# name ends in words that are also surnames (Emily Post, Tom Herald), so those count only
# after "The" ("The Herald", "The Hollin Vale Echo"), after a paper's word ("Lakeside Evening
# Post", not "Mary Ann Post") or in a name of four words or more.
_WIRES = (
    r"reuters|ap|afp|upi|pa|dpa|efe|ansa|kyodo|xinhua|tass|aap|anp|bloomberg|"
    r"associated press|press association|agence france-presse"
)
_ORGANISATION = lazy_pattern(
    rf"(?:the\s+)?(?:{_WIRES})(?:\s+(?:media|news|wires?))?|"
    r".*\b(?:press|news|newswire|agency|agencies|wires?|media|services?|broadcasting|network|"
    r"newspapers?|staff|desk|bureau|correspondents|reporters|contributors|"
    r"presse|agentur|redaktion|nachrichten|agencia|agence|redacci[oó]n|r[ée]daction)"
    r"(?:\s+(?:correspondent|reporter|writer|editor)s?)?|"
    r"our\s+(?:own\s+)?(?:\w+\s+)?(?:correspondent|reporter)s?|"
    r"(?:the\s+(?:\S.*\s)?|\S+\s+\S+\s+\S.*\s|.*\b(?:evening|morning|daily|sunday|weekly|county)\s)"
    r"(?:times|post|herald|tribune|gazette|journal|chronicle|"
    r"telegraph|courier|observer|bulletin|express|mail|mirror|standard|guardian|echo|star|"
    r"record|register|sun|daily|weekly|magazine|review|globe|argus|sentinel|examiner)",
    re.IGNORECASE,
)

# A Chinese or Japanese byline names the role, and often the outlet, before the names:
# "临江日报记者 周晓梅", "本报记者 张伟 通讯员 李娜", "（记者 王强）", "文/李明". Not 記者会見.
# A word that says what kind of reporter, not who (新人記者, 見習い記者, as 特約記者 or
# 实习记者), is part of the role: a name before the role cannot be told from it by its
# shape, so the common ones are listed.
_CJK_ROLE = (
    r"(?:(?:特约|特約|实习|實習|新人|見習い|若手|ベテラン|女性|男性)?(?:记者|記者)"
    r"|通讯员|通訊員|实习生|實習生)(?![会會])|[文图圖]\s*[/／]"
)
# The role is set off from the names (a space, a colon, or the slash of 文/), so that
# "记者表示欢迎", a sentence, is not read as the byline of 表示欢迎.
_CJK_OUTLET_ROLE = (
    rf"[（(【\[]?[^\s\d（(【\[，,。：:、]{{0,10}}?(?:{_CJK_ROLE})"
    r"(?:\s*[:：]\s*|\s+|(?<=[/／])\s*|$)"
)
_CJK_NAME = rf"[{CJK}](?:[{CJK}]|·(?=[{CJK}])){{1,4}}"
_CJK_NAMES = rf"{_CJK_NAME}(?:\s*[、，,\s]\s*{_CJK_NAME})*"
# What may follow the names: a closing bracket, and a date after a space or a separator.
_CJK_AFTER_NAMES = r"[）)】\]]?(?:\s*[·•|｜]\s*(?:\d.*)?|\s+\d.*)?"
_CJK_BYLINE = lazy_pattern(
    rf"{_CJK_OUTLET_ROLE}{_CJK_NAMES}(?:\s*(?:{_CJK_ROLE})\s*[:：]?\s*{_CJK_NAMES})*"
    + _CJK_AFTER_NAMES
)
_CJK_ROLES = lazy_pattern(rf"^{_CJK_OUTLET_ROLE}|(?:{_CJK_ROLE})\s*[:：]?")
_CJK_BYLINE_END = lazy_pattern(_CJK_AFTER_NAMES + "$")
# The Taiwanese byline that says where the story was reported from, and its simplified
# twin: "記者王小明／台北報導", "〔記者王小明、李大華／綜合報導〕", "记者 王小明 北京报道",
# after an outlet or not ("中央社記者王小明／台北報導"). Spaced rather than slashed, the
# place ends the byline: "他对记者 王小明 说北京报道不实" is a sentence. On NFKC keys: the
# slash is ASCII.
_REPORTED_PLACE = rf"[{CJK}]{{1,8}}[报報][导導道]"
_REPORTED_FROM = (
    r"[〔【\[(]?(?:[^\s\d〔【\[(/、,。:]{1,10}?)?[记記]者\s*"
    rf"(?P<reported>{_CJK_NAME}(?:、{_CJK_NAME})*)"
    rf"(?:\s*/\s*{_REPORTED_PLACE}|\s+{_REPORTED_PLACE}(?![{CJK}]))[〕】\])]?"
)
_REPORTED_FROM_LINE = lazy_pattern(_REPORTED_FROM)


def _without_by(name: str) -> str:
    """A byline's name without its "By", in English or another language; a foreign one only
    before two words at least and never after an English one: "By Von Miller" is a name."""
    bare = _BY().sub("", name, count=1)
    if bare != name:
        return bare
    abroad = _BY_ABROAD().sub("", name, count=1)
    return abroad if len(abroad.split()) >= 2 else name


def split_authors(
    byline: str, japanese: bool = False, is_person: Callable[[str], bool] | None = None
) -> tuple[str, ...]:
    """``"By Anna Ortiz and Ben Ko"`` -> ``("Anna Ortiz", "Ben Ko")``;
    ``"本报记者 张伟 李娜 · 9月15日"`` -> ``("张伟", "李娜")``. ``japanese`` says the page is
    Japanese (see :func:`is_japanese`): ``"記者 山田 花子"`` -> ``("山田 花子",)``.
    ``is_person`` says whether the page marks a name as a person's (:func:`_people_of`):
    then "Frank Press" beside "Ana Ruiz" is a reporter, not a wire (see ``_PAPER_NAME``).
    So does the byline itself where it sets him as a reporter: first after "By" ("By Frank
    Press, Ana Ruiz") or joined to another name by "and" ("By Ana Ruiz and Frank Press"); an
    outlet is credited after its reporters, set off by a comma or a bar ("By Ana Ruiz, Free
    Press")."""
    cjk = has_cjk(byline)
    if cjk:
        if reported := _REPORTED_FROM_LINE().fullmatch(normalize(byline.strip())):
            byline = reported["reported"]  # the names, not the place: "記者王小明／台北報導"
        byline = _CJK_BYLINE_END().sub("", byline.strip(), count=1)
    names: list[str] = []
    parts = _AUTHOR_SPLIT().split(byline)
    listed = _listed_as_reporters(byline, parts)
    vouched: set[str] = set()  # names the byline's wording sets as reporters'
    for i, part in enumerate(parts):
        for name in _cjk_names(part, japanese) if cjk else (part,):
            name = _WITH_WIRES().sub("", clean_whitespace(_without_by(name))).strip(" .")
            name = _IN_PLACE().sub("", name)
            if is_person is not None:
                name = _linked_name(name, is_person)
            if _PLACE_ALONE().match(name):
                continue  # "By Anna Ortiz, in Madrid": where she writes from, no name
            name = _KO_ROLE_AFTER().sub("", name)
            name = _ROLE_BEFORE().sub("", name, count=1)
            if len((bare := _ROLE_AFTER().sub("", name)).split()) >= 2:
                name = bare  # not "Staff writer" -> "Staff": that is no name at all
            if (
                name
                and "@" not in name
                and "://" not in name
                and not _NOT_A_NAME().fullmatch(name)
                and name not in names
            ):
                names.append(name)
                if i in listed:
                    vouched.add(name)
    # An outlet or a wire beside reporters' names is no author; alone, it is the byline.
    # Beside a capitalised name, a part in lower case is a job, not a person: "Claire Dubois,
    # envoyée spéciale". (All in lower case, a byline stays: it may be set so.)
    all_lower = all(map(_in_lower_case, names))
    people = tuple(
        name
        for name in names
        if (
            not _ORGANISATION().fullmatch(name)
            or (
                _PAPER_NAME().fullmatch(name)
                and (name in vouched or (is_person is not None and is_person(name)))
            )
        )
        and not _OUTLET_INITIALS().fullmatch(name)
        and (all_lower or not _in_lower_case(name))
    )
    if not people and len(names) == 2 and names[1].casefold() in _GENERIC_CREDITS:
        # "Staff and agencies" is one credit, not two authors.
        credit = re.search(rf"{re.escape(names[0])}\s+and\s+{re.escape(names[1])}", byline)
        if credit:
            return (credit[0],)
    return _without_places(people, byline, parts) or people or tuple(names)


#: What joins two reporters' names in a byline, in the papers' languages.
_NAME_JOINS = frozenset(("and", "&", "y", "e", "et", "und", "en", "i", "og"))


def _without_places(
    people: tuple[str, ...], byline: str, parts: list[str]
) -> tuple[str, ...] | None:
    """``people`` without a word alone that a separator sets after a reporter's full name:
    the place she writes from ("Por Lucía Fernández · Madrid · 2 jun 2026", "Von Jonas
    Albrecht, Berlin"); not one joined to the names by "and", "y", "und" ("Ana Ruiz y
    Cher"). None when nothing goes."""
    if len(people) < 2 or has_cjk(byline) or not any(" " in name for name in people):
        return None
    joins = [join.strip().casefold() for join in _AUTHOR_SPLIT().findall(byline)]
    places: set[str] = set()
    for i, part in enumerate(parts[1:], start=1):
        word = part.strip(" .")
        if (
            word in people
            and " " not in word
            and " " in parts[i - 1].strip()
            and i - 1 < len(joins)
            and joins[i - 1] not in _NAME_JOINS
        ):
            places.add(word)
    return tuple(name for name in people if name not in places) if places else None


def without_role_after(name: str) -> str:
    """An author's name without the job a byline box sets after it, capitalised ("Sam
    Oduya Transport Reporter": "Sam Oduya"), once the box's button is gone. Not when the
    byline's own line is split, where a credit follows ("Chief Reporter, The Ledger")."""
    if len((bare := _TITLED_ROLE_AFTER().sub("", name)).split()) >= 2:
        return bare
    return name


def _linked_name(name: str, is_person: Callable[[str], bool]) -> str:
    """The name the page links to a person's page, without the word or two before it that
    the link leaves out: a label in a language whose "By" is not known ("بقلم: سلمى الحداد",
    "מאת דנה לוי"), set before the link to her page."""
    words = name.split()
    if len(words) < 3 or is_person(name):
        return name
    for k in (1, 2):
        if len(words) - k >= 2 and is_person(" ".join(words[k:])):
            return " ".join(words[k:])
    return name


def _listed_as_reporters(byline: str, parts: list[str]) -> set[int]:
    """Which of a byline's ``parts`` (split by ``_AUTHOR_SPLIT``) its wording sets as a
    reporter's: the first after "By", and one joined to another name by "and" or "&" (not
    to "agencies": "Lakeport Press and agencies" is one credit)."""
    joins = [join.strip().casefold() for join in _AUTHOR_SPLIT().findall(byline)]
    listed = {0} if _BY().match(byline) else set()
    for i, join in enumerate(joins):
        if join in ("and", "&") and i + 1 < len(parts):
            pair = (parts[i].strip().casefold(), parts[i + 1].strip().casefold())
            if _GENERIC_CREDITS.isdisjoint(pair):
                listed.update((i, i + 1))
    return listed


# A person's name whose surname is a word outlets are named with ("Frank Press", "Emily
# Post", "Tom Herald"): told from an outlet's by the page's markup (:func:`_people_of`) or
# the byline's wording (:func:`_listed_as_reporters`), and never a wire's ("Canadian Press",
# "United Press").
_PAPER_NAME = lazy_pattern(
    r"(?!(?i:the|canadian|united|associated|free)\b)[A-Z][a-z'’-]+"
    r"(?:\s+[A-Z]\.)?\s+(?:Press|News|Post|Times|Herald|Star|Sun|Mail|Standard|Echo|Record|"
    r"Globe|Express|Mirror|Review|Journal|Courier|Bulletin|Register|Examiner|Observer)"
)
#: The address of a person's page on a news site: "/authors/frank-press", "/people/ana-ruiz/".
_AUTHOR_PAGE = lazy_pattern(
    r"/(?:authors?|autor(?:es|en)?|auteurs?|autore|people|profiles?|staff|reporters?|"
    r"journalists?|writers?|contributors?|team)/[\w.%-]+/?$",
    re.IGNORECASE,
)


def _people_of(
    tree: HtmlElement, page: Mapping[str, str], boxes: BylineBoxes = ()
) -> Callable[[str], bool]:
    """Whether the page marks a name as a person's: an author of ``@type`` Person in its
    JSON-LD (``page["people"]``), the text of a link to a person's page on the site, or of
    the one link in a short byline box (``boxes``, :func:`_byline_boxes`), whatever its
    address says ("Haber: <a href='/muhabir/elif-karaca'>"). The names are gathered when
    first asked."""
    known: list[set[str]] = []

    def is_person(name: str) -> bool:
        if not known:
            people = {n.casefold() for n in page.get("people", "").split("\n") if n}
            for link in tree.iter("a"):
                if _AUTHOR_PAGE().search(urlsplit(link.get("href") or "").path):
                    people.add(clean_whitespace(link.text_content()).casefold())
            for box, text in boxes:
                links = box.findall(".//a")
                if len(links) == 1 and len(text.split()) <= 8 and _named_by_address(links[0]):
                    people.add(clean_whitespace(links[0].text_content()).casefold())
            known.append(people)
        return name.casefold() in known[0]

    return is_person


def _named_by_address(link: HtmlElement) -> bool:
    """Whether a link's address ends in its text spelt as a slug: "Elif Karaca" ->
    ".../elif-karaca" (a person's page, whatever the folder is called), not a section's
    "Politics" -> "/news/politics" (one word is no name)."""
    from urllib.parse import unquote

    text = clean_whitespace(link.text_content())
    if len(text.split()) < 2:
        return False
    last = unquote(urlsplit(link.get("href") or "").path.rstrip("/").rsplit("/", 1)[-1])
    short = slug(text)
    return bool(short) and slug(last).startswith(short)


def _in_lower_case(name: str) -> bool:
    """Whether ``name`` has letters of a cased script and no capital among them (Arabic or
    Chinese, which have no case, never is)."""
    return name == name.lower() and name != name.upper()


# "Ana Ruiz, BBC", "Tom Bell, KXTV": a broadcaster's or a paper's initials, no person's name.
_OUTLET_INITIALS = lazy_pattern(r"(?:the\s+)?[A-Z]{2,6}")
_GENERIC_CREDITS = frozenset({"agencies", "agency", "wires", "wire services", "news agencies"})
# "Ana Ruiz with agencies": the reporter, helped by the wires.
# "Camille Ferrand (avec AFP)", "Lea Brandt (dpa/AFP)", "Inés Valcárcel con EFE": the wire
# credited beside the name, in brackets or after "with" in any of the papers' languages.
_WITH_WIRES = lazy_pattern(
    r"\s+with\s+(?:agencies|wires|wire services)\s*$|\s*\([^()]{1,40}\)\s*$|"
    # A wire after the last name, as the wire sets it: "By MARIA DELACROIX and TOM WEBB
    # Associated Press" (the name alone would read as an outlet, and be dropped).
    # Only wires no surname is: "By Emily Bloomberg" is a reporter.
    r"(?<=\S)\s+(?:the\s+)?(?:associated press|agence france-presse|press association|"
    r"bloomberg news)\s*$|"
    r"\s+(?:avec|con|mit|com|met|z)\s+(?:l')?(?:afp|ap|efe|dpa|reuters|ansa|lusa|anp|pap|"
    r"agences?|agencias?|agenturen|agência|agências)\b.*$",
    re.IGNORECASE,
)


def _cjk_names(part: str, japanese: bool) -> list[str]:
    """The names in one part of a Chinese or Japanese byline: after a role, spaces separate
    names ("本报记者 张伟 李娜"), but in Japanese they also separate a surname from a given
    name ("記者 山田 花子"); a role after a name, as Japanese puts it, follows the name
    ("北浜新報 山田花子記者"); without one the part is a name as it stands ("佐野 美咲")."""
    part = part.strip(_CJK_BRACKETS)
    if suffixed := _CJK_NAME_ROLE().fullmatch(part):
        return [suffixed["name"]]
    if not _CJK_ROLES().search(part):
        return [part]
    names: list[str] = []
    for after_role in _CJK_ROLES().split(part):
        pieces = after_role.strip(_CJK_BRACKETS).split()
        names += _surname_and_given(pieces) if japanese else pieces
    return names


def _surname_and_given(pieces: list[str]) -> list[str]:
    """Japanese names of spaced pieces: a surname and a given name are 1-3 characters each,
    so two such pieces in a row are one name ("山田 花子"); a longer piece is a name whole."""
    names: list[str] = []
    while pieces:
        if len(pieces) >= 2 and len(pieces[0]) <= 3 and len(pieces[1]) <= 3:
            names.append(f"{pieces[0]} {pieces[1]}")
            pieces = pieces[2:]
        else:
            names.append(pieces[0])
            pieces = pieces[1:]
    return names


# Hiragana and Katakana: Chinese has neither.
_KANA = lazy_pattern("[\u3041-\u3096\u30a1-\u30fa]")
_HIRAGANA = lazy_pattern("[\u3041-\u3096]")


def is_japanese(language: str | None, texts: Iterable[str]) -> bool:
    """Whether a page is Japanese: its stated language says so, or, when it states none, its
    text holds kana. Chinese and Japanese share the Han characters of a byline."""
    if language:
        return language.split("-")[0] == "ja"
    return any(_KANA().search(text) for text in texts)


_CJK_BRACKETS = " （）()【】[]"
# The shortest name the role can follow, so 山田花子特約記者 is 山田花子, not 山田花子特約;
# not an outlet ("本报记者", "临江日报记者" with no name after them name nobody), nor the
# start of a longer role (特约记者 alone names nobody, not 特约).
_CJK_NAME_ROLE = lazy_pattern(
    rf"(?:\S+\s+)?(?P<name>(?!本|(?:{_CJK_ROLE})$)[{CJK}](?:[{CJK}]|·(?=[{CJK}])){{1,5}}?)"
    rf"(?<![报報社台网網刊闻聞])(?:{_CJK_ROLE})"
)
