"""The parsed page cleaned up before trafilatura reads it: notes and factboxes kept, embeds,
chrome tables, comment threads and teaser cards dropped, live blogs' entries told apart."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from compare.extract.blocks import _MONTH_OR_DAY, _is_sentence, _short_text, _word_count
from compare.extract.chrome import PLAYER_LINES, _is_section_marker
from compare.notes import NOTE_START
from compare.text import (
    SUMMARY_HEADING,
    SUMMARY_LABEL,
    clean_whitespace,
    lazy_pattern,
    split_sentences,
    word_count,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement


#: How a box that sums the story up opens ("Key points:"; compare.text.SUMMARY_LABEL). Not
#: "\b": the box's text runs the heading into the first point ("At a glanceSix ...").
_SUMMARY_START = lazy_pattern(rf"^\s*(?:{SUMMARY_LABEL})", re.IGNORECASE)


def _keep_notes(tree: HtmlElement) -> None:
    """Keep the boxes the newsroom writes into the story: a correction or an update note,
    and a "Key points" summary. trafilatura drops <aside> and <footer>, and any box whose
    class or id says "footer", "meta", "banner" and the like, as page chrome, and with them
    the edit a reader most wants to see. Those tags become plain <div>s and those boxes
    lose their class and id. A note is a sentence or more, not an "Updated 14:55" stamp; a
    box of many paragraphs is not a note box."""
    note, heading = NOTE_START(), SUMMARY_HEADING()

    # Up from each piece of text that opens a note or is a summary's heading, through the
    # boxes it opens.
    def opens(piece: str | None) -> re.Pattern[str] | None:
        """How the boxes around this piece of text must start, if it opens any."""
        if not piece:
            return None
        if note.match(piece):
            return note
        return _SUMMARY_START() if len(piece) < 40 and heading.fullmatch(piece) else None

    openers: list[tuple[HtmlElement, re.Pattern[str]]] = []
    for element in tree.iter():
        if start := opens(element.text):
            openers.append((element, start))
        if (start := opens(element.tail)) and (parent := element.getparent()) is not None:
            openers.append((parent, start))
    seen: set[HtmlElement] = set()
    for opener, start in openers:
        inner = None  # the smallest box of the note
        for box in (opener, *opener.iterancestors()):
            if box in seen:
                break  # judged from an earlier opener, and so were the boxes around it
            seen.add(box)
            text = box.text_content()
            words = word_count(text)  # each Chinese or Japanese character is a word
            if not start.match(text) or words > 150:
                break
            if box.tag not in ("div", "section", "p", "aside", "footer") or words < 8:
                continue
            if box.tag in ("aside", "footer"):
                box.tag = "div"
            elif box.tag == "div" and not any(child.tag in _BLOCK_TAGS for child in box):
                box.tag = "p"  # trafilatura reads text straight in a <div> as layout
            for name in ("class", "id"):
                box.attrib.pop(name, None)
            inner = inner if inner is not None else box
        if inner is not None and start is note:
            _into_the_story(inner)


#: How many words may stand between a note box and the story's paragraphs beside it (a
#: share bar, "Topics: ..."), for the note to be the story's.
_NOTE_REACH = 30


def _into_the_story(note: HtmlElement) -> None:
    """Move a note that stands just after (or before) the box of the story's paragraphs,
    alone or in a box with little else (a "Corrections" heading, a "Topics" line), into
    that box, at its end (or start). trafilatura reads the one box it trusts most, and a
    correction appended beside the body ("<div class=article-body>…</div><div
    class=correction>…") was lost with nothing to say so. Where the note goes, it stays in
    the page's reading order."""
    if note.tail and note.tail.strip():
        return  # text after the note stays where it is
    for box in note.iterancestors():
        if "comment" in f"{box.get('class', '')} {box.get('id', '')}".lower():
            return  # a reader's comment that opens like a note
    own = word_count(note.text_content())
    for level in (note, *note.iterancestors()):
        if level.tag in ("body", "html") or word_count(level.text_content()) > own + _NOTE_REACH:
            break
        for following, siblings in (
            (False, level.itersiblings(preceding=True)),
            (True, level.itersiblings()),
        ):
            between = 0
            for sibling in siblings:
                if not isinstance(sibling.tag, str):
                    continue
                story = _story_box(sibling)
                if story is not None:
                    if not following:
                        story.append(note)
                    elif not (story.text and story.text.strip()):
                        story.insert(0, note)
                    return
                between += word_count(sibling.text_content())
                if between > _NOTE_REACH:
                    break
    # Farther off, in the story's own <article>: a notice over the headline ("Update: This
    # article was updated at 13:05 ...").
    article = next(note.iterancestors("article"), None)
    story = _story_box(article) if article is not None else None
    if (
        article is None
        or story is None
        or story is note
        or any(box is story for box in note.iterancestors())  # in the story already
        or any(box is note for box in story.iterancestors())  # the note's own paragraphs
    ):
        return
    order = {element: i for i, element in enumerate(article.iter())}
    if order[note] > order[story]:
        story.append(note)
    elif not (story.text and story.text.strip()):
        story.insert(0, note)


def _story_box(element: HtmlElement) -> HtmlElement | None:
    """The box in ``element`` (or itself) that holds the most of the story's paragraphs
    as its own children, two sentences or more; None when none does."""
    best, most = None, 1
    for box in (element, *element.iterdescendants("div", "section", "article")):
        if box.tag not in ("div", "section", "article"):
            continue
        prose = sum(
            1
            for child in box
            if child.tag == "p" and _is_sentence(clean_whitespace(child.text_content()))
        )
        if prose > most:
            best, most = box, prose
    return best


_BLOCK_TAGS = frozenset({"p", "div", "section", "ul", "ol", "table", "blockquote", "h2", "h3"})


# Embedded posts from social networks, and AMP's ads, embeds and widgets. A post's text is
# someone else's, and whether a fetch shows it (the placeholder before the script runs) or
# an empty frame (after) is chance: left in, it shows up as an edit that nobody made.
_EMBED_CLASSES = frozenset(
    {
        "twitter-tweet",
        "twitter-video",
        "instagram-media",
        "tiktok-embed",
        "bluesky-embed",
        "mastodon-embed",
        "text-post-media",
        "reddit-embed-bq",
        "reddit-card",
        "fb-post",
        # Facebook's video embed and the quote inside its embeds; Embedly's and Tumblr's cards.
        "fb-video",
        "fb-xfbml-parse-ignore",
        "embedly-card",
        "tumblr-post",
    }
)
_AMP_EMBED = lazy_pattern(
    r"amp-(?:ad|embed|sticky-ad|auto-ads|analytics|pixel|sidebar|consent|user-notification|"
    r"[a-z-]*social[a-z-]*|twitter|instagram|facebook[a-z-]*|tiktok|bluesky|mastodon|threads|"
    r"reddit|pinterest|gist|youtube|vimeo|dailymotion|brightcove|jwplayer|iframe|"
    r"video-iframe|soundcloud|spotify)"
)


#: Boxes whose <time> is a date the story's text gives ("<li><time>May 1962</time>: The
#: first ferry crosses the estuary.</li>"), not the page's stamp.
_TEXT_BOXES = frozenset(("li", "td", "dd", "dt"))


def _keep_times_in_text(tree: HtmlElement) -> None:
    """Make a <time> that is part of the story's text a plain <span>. trafilatura deletes
    every <time> with its text, as a stamp ("Key dates" lost its dates: ": The first ferry
    crosses the estuary."), and the page's date readers would take a timetable's times for
    the page's own. A <time> in a list item or a table cell beside words of its own, or in
    a paragraph beside a sentence of its own, is text; one alone in its box, or beside a
    byline ("By Ana Ruiz · <time>"), stays a stamp."""
    for time in list(tree.iter("time")):
        box = time.getparent()
        if box is None or not isinstance(box.tag, str):
            continue
        own = clean_whitespace(time.text_content())
        rest = clean_whitespace(box.text_content()).replace(own, " ", 1).split()
        words = [w for w in rest if any(c.isalpha() for c in w)]
        if (box.tag in _TEXT_BOXES and len(words) >= 3) or (
            box.tag == "p" and len(words) >= 6 and rest[-1][-1:] in ".!?"
        ):
            time.tag = "span"


def _drop_embeds(tree: HtmlElement) -> None:
    """Remove social posts embedded in the story, AMP's ads, embeds and widgets, and the
    marks that point to a footnote."""
    doomed = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str)
        and (
            (element.tag.startswith("amp-") and _AMP_EMBED().fullmatch(element.tag))
            or (
                element.tag in ("blockquote", "div")
                and not _EMBED_CLASSES.isdisjoint(element.get("class", "").split())
            )
            or (element.tag == "sup" and _is_note_mark(element))
            or (element.tag == "a" and _is_bracketed_note_link(element))
        )
    ]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the text that follows it


#: The whole text of an advert slot's box in a story: its label ("Advertisement", "Story
#: continues below advertisement"), in English and the papers' languages.
_ADVERT_LABEL = lazy_pattern(
    r"(?:advertisement|advertising|advert|ads?|sponsored(?: content)?|promoted|"
    r"skip advertisement|(?:article|story) continues (?:below|after)(?: (?:this|the))?"
    r"(?: (?:ad|advert|advertisement))?|anzeige|werbung|publicité|publicidad|pubblicità|"
    r"publicidade|advertentie|reklama|реклама|إعلان|פרסומת)",
    re.IGNORECASE,
)


def _drop_advert_labels(tree: HtmlElement) -> None:
    """Remove an advert slot's box that holds nothing but its label ("Advertisement"),
    leaving a paragraph break where it stood in running text. In a story whose paragraphs
    are lines apart (``<br><br>``), not ``<p>``s, the label was read into the paragraph
    after it ("Advertisement Shipping analysts said..."), or joined the paragraphs around
    it. Only block boxes: an inline "Ad" may be a name's ("the Ad Council")."""
    doomed = [
        box
        for box in tree.iter("div", "aside", "section", "figure")
        if (label := _short_text(box, 40)) and _ADVERT_LABEL().fullmatch(label)
    ]
    for box in doomed:  # (a box in one dropped before it goes with it: harmless)
        if box.getparent() is None:
            continue
        if (box.tail or "").strip():  # running text goes on after it: a break between
            for _ in range(2):
                box.addprevious(box.makeelement("br", {}))
            box.getprevious().tail, box.tail = box.tail, None
        box.drop_tree()


#: Words of a class that name the box of a story's text ("article-body", "story__content").
_BODY_BOX_WORDS = frozenset({"body", "content", "text", "article", "story", "copy", "prose"})


def _join_split_bodies(tree: HtmlElement) -> None:
    """Join a story's text that its page splits into boxes of the same class round an
    advert or a sign-up box (``<div class="article-body">`` four paragraphs, an advert
    slot, ``<div class="article-body">`` the rest): the later boxes' paragraphs move into
    the first, in order, and what stood between stays after it. Read apart, only the first
    box was the story, and the paragraphs after the advert were lost (a later version
    seemed to remove them). Only across an advert or a sign-up box (``_splits``), or a
    figure or nothing between inside one ``<article>``; never a later box that opens
    another story (a headline) or holds readers' comments: boxes of one class round a share
    bar or a rule may be a story and its comments, or the next story of an endless page."""
    for first in list(tree.iter("div", "section")):
        words = set(_class_words(first))
        if first.getparent() is None or words.isdisjoint(_BODY_BOX_WORDS):
            continue
        if not _holds_prose(first):
            continue
        article = next(first.iterancestors("article"), None)
        between: list[HtmlElement] = []
        for sibling in first.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            if sibling.tag == first.tag and sibling.get("class") == first.get("class"):
                if (
                    not _holds_prose(sibling)
                    or (not between and article is None)
                    or _another_story_or_comments(sibling)
                ):
                    break
                if (sibling.text or "").strip():  # (text before its first box: kept, in a <p>)
                    lead = sibling.makeelement("p", {})
                    lead.text, sibling.text = sibling.text, None
                    sibling.insert(0, lead)
                for moved in between:  # what split the text stays between its parts
                    first.append(moved)
                between = []
                for child in list(sibling):
                    first.append(child)
                sibling.getparent().remove(sibling)
                continue
            if (
                _holds_prose(sibling)
                or (sibling.tail or "").strip()
                or not (_splits(sibling) or (article is not None and sibling.tag == "figure"))
            ):
                break  # (a picture splits the text of one <article>: of a page, maybe two)
            between.append(sibling)


#: Words of a box's class that name an advert or a sign-up box, which may split a story.
_SPLIT_BOX_WORDS = frozenset(
    {"ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "promo", "newsletter"}
)


def _splits(box: HtmlElement) -> bool:
    """Whether a box may stand between two parts of a story's text: an advert (an embed, a
    slot classed as one or labelled "Advertisement") or a sign-up box. Not a share bar, a
    rule or an empty box: a story's comments, or the next story, follow those."""
    if box.tag in ("ins", "iframe", "script", "noscript"):
        return True
    if not _SPLIT_BOX_WORDS.isdisjoint(_class_words(box)):
        return True
    label = _short_text(box, 40)
    return bool(label and _ADVERT_LABEL().fullmatch(label))


def _another_story_or_comments(box: HtmlElement) -> bool:
    """Whether a box of a story's class opens another story (a headline) or holds readers'
    comments ("Posted by ...", a box classed as a comment)."""
    if next(box.iter("h1", "h2"), None) is not None:
        return True
    if any("comment" in " ".join(_class_words(node)) for node in box.iter()):
        return True
    text = (box.text_content() or "").lstrip()
    return text[:10].lower().startswith(("posted by", "reply", "comment"))


def _holds_prose(box: HtmlElement) -> bool:
    """Whether a box holds a paragraph of prose (a ``<p>`` of eight words or more)."""
    return any(len((p.text_content() or "").split()) >= 8 for p in box.iter("p"))


#: A Web Story's (AMP's ``<amp-story>``) boxes as the HTML boxes they are drawn as: the
#: story, each screen of it, each layer of a screen, and the text a reader swipes up to.
_AMP_STORY_TAGS = {
    "amp-story": "article",
    "amp-story-page": "section",
    "amp-story-grid-layer": "div",
    "amp-story-page-attachment": "div",
}


def _amp_story_as_article(tree: HtmlElement) -> None:
    """Read a Web Story as the article it is: trafilatura does not know its tags, and
    read only its ``<p>``s, each screen's heading lost ("What does not change")."""
    for element in tree.iter(*_AMP_STORY_TAGS):
        element.tag = _AMP_STORY_TAGS[element.tag]


#: Class or id words of a box set between a story's paragraphs to sell something (an app,
#: a newsletter) or to play a video: its text is a call to act, or what to do when the
#: player does not load ("This video can not be played").
_CALL_BOX_WORDS = frozenset(("promo", "promos", "newsletter", "player"))
#: The most words such a box holds: more is a story set in a box named so.
_CALL_BOX_WORDS_MOST = 50
#: The words of a sentence that is a story's, not an offer's: an app's or a newsletter's
#: pitch is a line or two of short ones, a lede one long one.
_STORY_SENTENCE_WORDS = 25


def _drop_call_boxes(tree: HtmlElement) -> None:
    """Remove the short boxes that sell an app or a newsletter, or hold a video player,
    between the story's paragraphs (:data:`_CALL_BOX_WORDS`): trafilatura keeps such a box
    when nothing else in its class says chrome ("promo-card", "player-wrap"). Only one
    that offers something to press (a link, a button, a form) or plays something (or, a
    player, shows a player's lines: :data:`_PLAYER_LINE`), and neither holds the headline
    nor more than a few lines nor the story's prose: what the box says outweighs what it
    is called (a lede in an "article-promo" box, a newsletter post's items in
    "newsletter-item" boxes)."""
    doomed = []
    for box in tree.iter("div", "aside", "section", "figure"):
        if _CALL_BOX_WORDS.isdisjoint(_class_words(box)):
            continue
        if next(box.iter("h1", "article"), None) is not None:
            continue
        # A player plays something or has buttons (a "player-card" of a sports story's
        # squad links to profiles, and is the story's), or shows a player's lines ("Tap to
        # unmute", "Duration 1:32") where the script that draws them has not run; an offer
        # may be a link alone.
        pressed = ("button", "video", "audio", "iframe")
        player = "player" in _class_words(box)
        offers = pressed if player else ("a", "form", *pressed)
        if next(box.iter(*offers), None) is None and not (player and _shows_player_lines(box)):
            continue
        if len(box.text_content().split()) > _CALL_BOX_WORDS_MOST or _holds_a_story_sentence(box):
            continue
        doomed.append(box)
    for box in _not_the_story(doomed):
        if box.getparent() is not None:
            box.drop_tree()


#: A video or audio player's own line: its controls, its state and its clock ("Tap to
#: unmute", "Duration 1:32", "0:00 / 4:12"). The video's title beside them goes with the
#: box: a scrape kept it and the clock, and a longer clip read as a changed time.
_PLAYER_LINE = lazy_pattern(PLAYER_LINES, re.IGNORECASE)


def _shows_player_lines(box: HtmlElement) -> bool:
    """Whether a piece of a box's text is one of a player's lines (:data:`_PLAYER_LINE`)."""
    return any(
        _PLAYER_LINE().fullmatch(clean_whitespace(piece).strip(" .:|·•"))
        for piece in box.itertext()
        if piece.strip()
    )


#: What a sign-up box offers to send: "Free weekly newsletter", "our daily briefing".
_SIGN_UP_WORDS = lazy_pattern(
    r"\b(?:newsletters?|inbox|e-?mail updates"
    r"|(?:our|free|daily|weekly|morning|evening) (?:briefing|bulletin|digest)s?)\b",
    re.IGNORECASE,
)
#: A box that holds a byline or a date is the story's header, whatever it offers.
_BYLINE_BOX = lazy_pattern(r"byline|author|contributor", re.IGNORECASE)
#: What its button or link says: "Sign up", "Subscribe", "Sign me up", "Get the newsletter".
_SIGN_UP_CALL = lazy_pattern(
    r"\s*(?:sign (?:me )?up|subscribe|get (?:the|our) (?:\w+ )?(?:newsletter|briefing))\b.{0,60}",
    re.IGNORECASE,
)


def _is_email_field(field: HtmlElement) -> bool:
    """An <input> that asks for the reader's e-mail address (by its type, name, id,
    placeholder or label)."""
    if (field.get("type") or "").lower() == "email":
        return True
    said = " ".join(field.get(a, "") for a in ("name", "id", "placeholder", "aria-label"))
    return (field.get("type") or "text").lower() == "text" and bool(
        re.search(r"e-?mail", said, re.IGNORECASE)
    )


def _drop_sign_up_boxes(tree: HtmlElement) -> None:
    """Remove a newsletter's sign-up box set between the story's paragraphs whatever its
    class ("wp-block-group", "box"): a box that asks for an e-mail address, or whose button
    or link signs the reader up to what it names a newsletter or a briefing. trafilatura
    drops the field and the button and keeps the pitch ("Free weekly newsletter", "The best
    of Harwick every Friday") as the story's paragraphs. The box is the widest one round
    the field that is still short, holds none of the story's prose and no headline; a
    paragraph that mentions a newsletter in passing has no field and no such button."""
    triggers = [f for f in tree.iter("input") if _is_email_field(f)]
    triggers += [
        call
        for call in tree.iter("a", "button")
        if _SIGN_UP_CALL().fullmatch(clean_whitespace(call.text_content()))
    ]
    doomed: list[HtmlElement] = []
    for trigger in triggers:
        box = None
        for above in trigger.iterancestors():
            if above.tag in ("article", "main", "body", "html", "p", "li", "td"):
                if above.tag in ("p", "li", "td") and box is None:
                    continue  # a link in a line of the box: look further out
                break
            if next(above.iter("h1", "article"), None) is not None:
                break
            if len(above.text_content().split()) > _CALL_BOX_WORDS_MOST:
                break
            if _holds_a_story_sentence(above) or _holds_a_byline(above):
                break
            if above.tag in ("div", "aside", "section", "form", "figure"):
                box = above
        if box is not None and (
            trigger.tag == "input" or _SIGN_UP_WORDS().search(box.text_content())
        ):
            doomed.append(box)
    for box in doomed:
        if box.getparent() is not None:
            box.drop_tree()


def _holds_a_byline(box: HtmlElement) -> bool:
    """Whether a box holds a date, or a byline or an author's link (by class, id or
    ``rel``): "Subscribe to Nell's newsletter" beside her name is no box to remove."""
    for element in box.iter():
        if element.tag in ("time", "address") or element.get("rel") == "author":
            return True
        if _BYLINE_BOX().search(" ".join((element.get("class", ""), element.get("id", "")))):
            return True
    return False


def _holds_a_story_sentence(box: HtmlElement) -> bool:
    """Whether one of a box's sentences is as long as a story's (a lede in a box its CMS
    classes "article-promo"), which the copy of an offer never is."""
    blocks = list(box.iter("p", "li")) or [box]
    return any(
        _word_count(sentence) >= _STORY_SENTENCE_WORDS
        for block in blocks
        for sentence in split_sentences(clean_whitespace(block.text_content()))
    )


def _not_the_story(boxes: list[HtmlElement]) -> list[HtmlElement]:
    """``boxes`` less those of a class that hold most of the words of the article they are
    in (or of its <main>, or the page): a newsletter post's items, each in a
    "newsletter-item" box with a link to the whole story, are the post."""
    kinds: dict[tuple[HtmlElement, str], list[HtmlElement]] = {}
    for box in boxes:
        around = next(box.iterancestors("article", "main", "body"), None)
        if around is not None:
            kinds.setdefault((around, box.get("class", "")), []).append(box)
    story = {
        id(box)
        for (around, _), kind in kinds.items()
        if 2 * sum(len(box.text_content().split()) for box in kind)
        > len(around.text_content().split())
        for box in kind
    }
    return [box for box in boxes if id(box) not in story]


#: A label that names who speaks next in a transcript: "CALUM REID, WESTMARA FERRIES:".
_SPEAKER_WORDS = 8
#: A transcript's time code: "0:18", "1:02:45".
_TIME_CODE = lazy_pattern(r"\[?\d{1,2}(?::\d\d){1,2}\]?")


def _speakers_into_lines(tree: HtmlElement) -> None:
    """Set a transcript's speaker label, an inline box before the paragraph it heads
    (``<span class="speaker">CALUM REID:</span><p>We are ...</p>``), at the start of that
    paragraph, and drop the time code beside it: trafilatura keeps the paragraph alone, and
    who said each line, and a change of speaker, were lost."""
    for p in list(tree.iter("p")):
        before: list[HtmlElement] = []
        sibling = p.getprevious()
        while sibling is not None and sibling.tag in ("span", "strong", "b", "em", "cite"):
            if (sibling.tail or "").strip():
                break
            before.append(sibling)
            sibling = sibling.getprevious()
        if sibling is not None or not before:
            continue  # only labels before the paragraph in its box, nothing else
        label = clean_whitespace(before[0].text_content())
        rest = [clean_whitespace(b.text_content()) for b in before[1:]]
        if not (
            label.endswith(":")
            and len(label.split()) <= _SPEAKER_WORDS
            and all(_TIME_CODE().fullmatch(text) for text in rest)
            and p.getparent() is not None
        ):
            continue
        p.text = f"{label} {p.text or ''}"
        for box in before:
            p.getparent().remove(box)


#: Words of a class or id that make a box page chrome, for the tables and the <article>s in
#: it: a ticker, a sidebar, an advert, a "Most read" list, a menu, related stories, readers'
#: comments. (Not "widget": page builders call the article body one, "elementor-widget";
#: nor "weather", a widget's name in the sidebar, a section's on the story.)
_CHROME_BOX_WORDS = frozenset(
    word
    for words in (
        "ticker tickers sidebar promo promos advert advertisement ad ads sponsor sponsored",
        "trending popular mostread menu nav navigation newsletter",
        "related recommended recommendations teaser teasers outbrain taboola",
        "comment comments replies discussion",
    )
    for word in words.split()
)
_CLASS_WORD = lazy_pattern(r"[a-z]+")
_CAMEL_HUMP = lazy_pattern(r"(?<=[a-z])(?=[A-Z])")
_TOPIC_CLASS = lazy_pattern(r"(?:category|tag|topic|section)[-_]", re.IGNORECASE)


def _data_table(table: HtmlElement) -> bool:
    """Whether a table holds data, not layout: two rows or more of two cells or more, and
    no paragraphs in it."""
    rows = [row for row in table.iter("tr") if len(row.findall("td") + row.findall("th")) >= 2]
    return len(rows) >= 2 and next(table.iter("p"), None) is None


def _data_tables(tree: HtmlElement) -> dict[HtmlElement, bool]:
    """The page's data tables (:func:`_data_table`) in page order, each with whether it is
    a list of links (:func:`_is_link_table`): what both :func:`_keep_factboxes` and
    :func:`_drop_chrome_tables` ask of every table, asked once a page."""
    return {table: _is_link_table(table) for table in tree.iter("table") if _data_table(table)}


def _keep_factboxes(tree: HtmlElement, tables: dict[HtmlElement, bool]) -> None:
    """Keep a factbox set between the story's paragraphs that holds a data table (a
    results box classed "story-sidebar", an ``<aside>`` of figures): trafilatura drops any
    box whose class says "sidebar", and :func:`_drop_chrome_tables` a table in one, and the
    figures with them. A factbox sits in the story's flow (two paragraphs of prose beside
    it), its table is no list of links, and no other chrome word names it ("related",
    "most-read", "promo"): it loses its class and id, an ``<aside>`` becomes a ``<div>``. A
    page's sidebar beside the story, and a box of related links in it, stay chrome.
    ``tables`` are the page's :func:`_data_tables`."""
    headline_boxes: set[HtmlElement] | None = None  # made when first asked
    flow: dict[HtmlElement, bool] = {}  # each box's place judged once: tables share boxes
    for table, links in tables.items():
        if links:
            continue
        # Most tables stand in no box named as chrome: one look at their ancestors first.
        if not any(
            box.tag in _CHROME_TAGS or _classed_chrome(box) for box in table.iterancestors()
        ):
            continue
        if headline_boxes is None:
            headline_boxes = _headline_boxes(tree)
        # The boxes around the table, up to the one that stands in the story's flow.
        boxes: list[HtmlElement] = []
        for box in table.iterancestors():
            if box.tag in ("body", "html") or box in headline_boxes:
                boxes = []
                break
            boxes.append(box)
            if (in_flow := flow.get(box)) is None:
                in_flow = flow[box] = _in_story_flow(box)
            if in_flow:
                break
        else:
            boxes = []
        chrome = [box for box in boxes if box.tag in _CHROME_TAGS or _classed_chrome(box)]
        if not chrome or any(
            box.tag in ("nav", "header", "footer") or not _only_a_sidebar(box) for box in chrome
        ):
            continue
        for box in chrome:
            if box.tag == "aside":
                box.tag = "div"
            for name in ("class", "id"):
                box.attrib.pop(name, None)


def _in_story_flow(box: HtmlElement) -> bool:
    """Whether ``box`` stands among the story's paragraphs: two siblings of prose."""
    parent = box.getparent()
    if parent is None:
        return False
    prose = 0
    for sibling in parent:
        if sibling is not box and sibling.tag == "p":
            prose += _is_sentence(clean_whitespace(sibling.text_content()))
            if prose >= 2:
                return True
    return False


def _only_a_sidebar(box: HtmlElement) -> bool:
    """Whether the only chrome word of a box's class or id is "sidebar" (or none, an
    ``<aside>``): a factbox set beside the text, not related stories or an advert."""
    return _CHROME_BOX_WORDS.intersection(_class_words(box)) <= {"sidebar"}


def _drop_chrome_tables(tree: HtmlElement, tables: dict[HtmlElement, bool]) -> None:
    """Remove the data tables that are page chrome before trafilatura reads the page: a
    market ticker or a "Most read" table inside the article's box would otherwise reach the
    text, now that data tables are kept (:func:`_data_rows`), and change at every fetch.
    Chrome is a table in a chrome box (:func:`_is_chrome_box`), or one mostly of links.
    Layout tables (fewer than two rows of two cells, or paragraphs in them) are left alone.
    ``tables`` are the page's :func:`_data_tables`."""
    doomed = []
    page_words: list[int] = []  # the page's prose, counted once, when first asked
    # Each box judged once: the tables of a sports page share the boxes around them, and
    # each judgement walks the box's whole subtree.
    chrome: dict[HtmlElement, bool] = {}

    def is_chrome(node: HtmlElement) -> bool:
        if (judged := chrome.get(node)) is None:
            judged = chrome[node] = _is_chrome_box(node) and not _holds_the_story(node, page_words)
        return judged

    for table, links in tables.items():
        if links or any(map(is_chrome, table.iterancestors())):
            doomed.append(table)
    for table in doomed:
        if table.getparent() is not None:
            table.drop_tree()


def _holds_the_story(box: HtmlElement, page_words: list[int]) -> bool:
    """Whether a box holds most of the page's prose: the story's, whatever its class says
    ("story-body has-ads", the headline above it). ``page_words`` caches the page's count."""
    if not page_words:
        page_words.append(_prose_words(box.getroottree().getroot()))
    return _prose_words(box) * 2 > page_words[0]


def _is_link_table(table: HtmlElement) -> bool:
    """Whether a table is a list of links: mostly link text, and its links are headlines
    ("Dam cracks widen at Holloway reservoir", a "Most read" table) or it has no text
    besides them and rank numbers (a menu). A results table whose candidates' names are links
    has its votes unlinked, and is data."""
    text = len(clean_whitespace(table.text_content()))
    anchors = [clean_whitespace(a.text_content()) for a in table.iter("a")]
    if sum(map(len, anchors)) * 5 <= text * 3:
        return False
    headlines = sum(len(a) for a in anchors if _word_count(a) >= 4)
    if headlines * 2 >= sum(map(len, anchors)):
        return True
    for cell in table.iter("td", "th"):
        if next(cell.iter("table"), None) is not None:
            continue
        unlinked = clean_whitespace(" ".join(_unlinked_text(cell)))
        if unlinked and not unlinked.rstrip(".").isdigit():
            return False
    return True


def _is_chrome_box(node: HtmlElement) -> bool:
    """Whether a box around a table is page chrome: a <nav>, <aside>, <header> or <footer>,
    or classed as one. The page's body, and a box that holds the headline, are not: that is
    a layout class ("has-sidebar") on the wrapper of the story itself."""
    if node.tag in ("body", "html"):
        return False
    return (node.tag in _CHROME_TAGS or _classed_chrome(node)) and next(
        node.iter("h1"), None
    ) is None


def _classed_chrome(node: HtmlElement) -> bool:
    """Whether a word of the element's class or id names page chrome ("market-ticker",
    "relatedStories", "most-read")."""
    return not _CHROME_BOX_WORDS.isdisjoint(_class_words(node))


def _class_words(node: HtmlElement) -> list[str]:
    """The words of an element's class and id as the chrome rules read them: camel humps
    split ("relatedStories"), lower case. A class naming the story's category or tag
    ("category-comment", the opinion section) says nothing of the box; "most-read" is one
    word, and so is "popular-vote", an election's result ("popular-posts" is a list of
    other stories)."""
    classes = [c for c in node.get("class", "").split() if not _TOPIC_CLASS().match(c)]
    names = _CAMEL_HUMP().sub("-", f"{' '.join(classes)} {node.get('id', '')}").lower()
    names = names.replace("most-read", "mostread").replace("popular-vote", "popularvote")
    return _CLASS_WORD().findall(names)


def _is_note_mark(sup: HtmlElement) -> bool:
    """A footnote's mark: a short ``<sup>`` ("1", "[2]", "*") that links within the page.
    Left in, it glued itself to the sentence ("landowners.1") and a renumbered note read
    as a changed figure. "m<sup>2</sup>" links nowhere and stays."""
    text = (sup.text_content() or "").strip()
    return len(text) <= 5 and any(
        (link.get("href") or "").startswith("#") for link in sup.iter("a")
    )


_BRACKETED_MARK = lazy_pattern(r"\[(?:\d{1,3}|[a-z*])\]")


def _is_bracketed_note_link(link: HtmlElement) -> bool:
    """A footnote's mark set as a bare link, not raised: ``<a href="#fn2">[2]</a>``, which
    a note added before it renumbers as :func:`_is_note_mark`'s do."""
    return (link.get("href") or "").startswith("#") and (
        _BRACKETED_MARK().fullmatch((link.text_content() or "").strip()) is not None
    )


def _entries_as_sections(tree: HtmlElement, entries: list[HtmlElement]) -> None:
    """A live blog that makes each update an ``<article>``: trafilatura takes one of them
    for the story and only scraps of the others, without their headings or the summary
    pinned above them. As ``<section>``s they are one feed. Their class goes too: trafilatura
    takes the first box classed "post" or "entry" (an update's, then) for the story; but not
    a class that tells trafilatura a teaser is chrome ("related-card"). Of the page's other
    ``<article>``s, a teaser card goes (trafilatura would take the first ``<article>`` left
    for the story, or the cards' text with the feed); one around the feed stays; any other
    (a pinned post) becomes a section too."""
    if len(entries) < 2:
        return
    feed = set(entries)
    for article in list(tree.iter("article")):
        if article in feed:
            article.tag = "section"
            if not _classed_chrome(article):
                article.attrib.pop("class", None)
        elif any(inner in feed for inner in article.iterdescendants()):
            # The live blog's own box, around the headline and the feed: trafilatura takes
            # it for the story whole; made a section, the updates' headings were lost.
            continue
        elif _is_card(article, feed):
            article.drop_tree()
        else:
            article.tag = "section"


def _is_card(article: HtmlElement, feed: set[HtmlElement], read_more: bool = False) -> bool:
    """Whether an ``<article>`` beside a live feed is another story's teaser: classed as one
    ("related-card"), or with a heading that is a link; never one that holds the headline
    or an update. With ``read_more``, off a live blog, also a few lines and a "Read more"
    link (on one, a short update may end so)."""
    if next(article.iter("h1"), None) is not None or any(
        inner in feed for inner in article.iterdescendants("article")
    ):
        return False
    return (
        _classed_chrome(article)
        or _has_linked_heading(article)
        or (read_more and _reads_more(article) and _prose_words(article) < _CARD_WORDS)
    )


#: The most words of prose a teaser card holds besides its "Read more" link.
_CARD_WORDS = 60


def _reads_more(box: HtmlElement) -> bool:
    """Whether ``box`` has a "Read more" link, a card's to its story."""
    return any(_READ_MORE().fullmatch(clean_whitespace(a.text_content())) for a in box.iter("a"))


def _sibling_articles(tree: HtmlElement) -> dict[HtmlElement, list[HtmlElement]]:
    """The page's ``<article>``s grouped by the element that holds them, in page order: a
    live feed's updates, a row of cards, a thread of comments are siblings."""
    groups: dict[HtmlElement, list[HtmlElement]] = {}
    for article in tree.iter("article"):
        if (parent := article.getparent()) is not None:
            groups.setdefault(parent, []).append(article)
    return groups


def _unlink_permalinks(groups: dict[HtmlElement, list[HtmlElement]]) -> bool:
    """Make plain text of the links on the headings of a live blog's updates, each to the
    update's own place on the page ("#update-3", "/live/floods?post=3"): they are no
    teasers' links to other stories, which the rules for feeds and cards look for. A
    permalink is a link to a fragment or a query of the page, or one of sibling
    ``<article>``s' heading links that all go to one path. ``groups`` are the page's
    :func:`_sibling_articles`; says whether a link unwrapped an ``<article>``, which
    moves it to another group."""
    moved = False
    for entries in groups.values():
        links = [
            a
            for entry in entries
            for heading in entry.iter("h2", "h3", "h4")
            for a in (*heading.iter("a"), *(x for x in heading.iterancestors() if x.tag == "a"))
        ]
        paths = {urlsplit(a.get("href", "")).path for a in links}
        shared = len(entries) >= 2 and len(links) >= 2 and len(paths) == 1
        for a in links:
            if shared or a.get("href", "").startswith(("#", "?")):
                moved = moved or any(child.tag == "article" for child in a)
                a.drop_tag()
    return moved


def _drop_inner_cards(tree: HtmlElement, groups: dict[HtmlElement, list[HtmlElement]]) -> None:
    """Remove other stories' teaser cards set inside the story's own ``<article>`` (a "Read
    more" box below the text, a card between its paragraphs), or in a row of them beside it:
    trafilatura reads them as the story's. A card is an ``<article>`` classed as one, with
    a heading that links away or a "Read more" link (:func:`_is_card`; a live blog's
    permalinks are plain text by now: :func:`_unlink_permalinks`); and, on a page whose one
    ``<article>`` with an ``<h1>`` is the story's, any card outside it, however long.
    ``groups`` are the page's :func:`_sibling_articles`."""
    doomed = [
        article
        for article in tree.iter("article")
        if any(outer.tag == "article" for outer in article.iterancestors())
        and _is_card(article, set(), read_more=True)
    ]
    # Beside the story, a row of two cards or more: left, trafilatura may take the first
    # for the story.
    for entries in groups.values():
        if len(entries) >= 2 and all(_is_card(entry, set(), read_more=True) for entry in entries):
            doomed.extend(entries)
    # Another story set in full as a card outside the story's own <article>, which holds
    # the headline ("Most read" with its text): longer, trafilatura took it for the story.
    own = [
        article for article in tree.iter("article") if next(article.iter("h1"), None) is not None
    ]
    if len(own) == 1:
        story = own[0]
        around = {story, *story.iterancestors()}
        doomed.extend(
            article
            for article in tree.iter("article")
            if article not in around
            and not any(outer is story for outer in article.iterancestors())
            and _is_card(article, set())
        )
    for article in doomed:
        if article.getparent() is not None:
            article.drop_tree()


def _declared_feed(
    tree: HtmlElement, groups: dict[HtmlElement, list[HtmlElement]]
) -> list[HtmlElement]:
    """The updates of a page that says it is a live blog: its largest group of sibling
    ``<article>``s outside page chrome (``groups``, the page's :func:`_sibling_articles`),
    not all teaser cards, or, without one, every ``<article>`` but the cards."""
    feeds = [
        entries
        for box, entries in groups.items()
        if len(entries) >= 2
        and not any(_is_chrome_box(n) for n in (box, *box.iterancestors()))
        and not all(_is_card(entry, set()) for entry in entries)
    ]
    if feeds:
        return max(feeds, key=len)
    return [article for article in tree.iter("article") if not _is_card(article, set())]


_STAMP_CLASS = lazy_pattern(r"time|stamp", re.IGNORECASE)
_CHROME_TAGS = ("aside", "nav", "footer", "header")
_OUTSIDE_PROSE = frozenset({"a", *_CHROME_TAGS})


def _live_feed(
    tree: HtmlElement, groups: dict[HtmlElement, list[HtmlElement]]
) -> list[HtmlElement] | None:
    """The updates of a live blog that does not say it is one (JSON-LD ``NewsArticle``) but
    makes each update an ``<article>``: three or more sibling ``<article>``s, each stamped
    with a time and holding prose of its own, none with the page's ``<h1>`` or a linked
    heading (a story beside its teasers), outside page chrome, related stories and readers'
    comments (:func:`_is_chrome_box`), that together hold most of the page's prose, no one
    of them most of theirs. A story's "Related" cards fail one of these; a missed feed is
    only extracted as it was before. ``groups`` are the page's :func:`_sibling_articles`."""
    feeds = [entries for entries in groups.values() if len(entries) >= 3]
    if not feeds:
        return None
    page_words = _prose_words(tree)
    for entries in feeds:
        box = entries[0].getparent()
        if any(_is_chrome_box(node) for node in (box, *box.iterancestors())) or any(
            _classed_chrome(entry) for entry in entries
        ):
            continue
        # An update may end "Read more" to a story of its own; a row of cards all do.
        if not all(_is_update(entry) for entry in entries) or sum(
            map(_reads_more, entries)
        ) * 2 >= len(entries):
            continue
        words = [_prose_words(entry) for entry in entries]
        # Most of the page's prose, and no entry most of the feed's (a story among cards).
        if sum(words) * 2 >= page_words and max(words) * 2 <= sum(words):
            return entries
    return None


_TIME_OF_DAY = lazy_pattern(r"T\d\d:\d\d|\b\d{1,2}[:.]\d\d\b|\b\d{1,2}\s*[ap]\.?m\b|\bago\b", re.I)


def _newest_first(entries: list[HtmlElement]) -> bool:
    """Whether a feed's updates, most stamped with a time of day (:func:`_mostly_timed`,
    asked first), read as a live blog's: the times they say in their markup not in the
    order of the clock (a timeline's)."""
    stamps = [
        value
        for entry in entries
        if (time := next(entry.iter("time"), None)) is not None
        and (value := time.get("datetime", "").strip())
    ]
    return len(stamps) < 2 or stamps != sorted(stamps) or len(set(stamps)) < len(stamps)


#: What names a live blog in its headline ("Floods: live updates", "Live: ...", "... – live",
#: "as it happened", "im Liveticker", "en direct") or its address ("/live/", "liveblog").
_LIVE_NAME = lazy_pattern(
    r"\blive(?:\s+|-)?(?:updates?|blog|coverage|reports?|text|commentary|ticker)\b|"
    r"^\s*live\b\s*[:|–—-]|[:|–—-]\s*live\s*(?:$|[|–—-])|\bas it happened\b|"
    r"\b(?:liveblog|liveticker|newsticker)|\ben direct\b|\ben (?:directo|vivo)\b|"
    r"\bin diretta\b|\bao vivo\b",
    re.IGNORECASE,
)
# A segment of the address: "/live/...", "/liveblog/...", ".../floods-live-updates", not
# "/live-music-venue-closes".
_LIVE_PATH = lazy_pattern(
    r"/(?:live|liveblog|live-?blog|liveticker|live-?updates?)(?:/|$)|"
    r"-(?:live|liveblog|live-?updates?)(?:/|$|\.html?$)",
    re.IGNORECASE,
)
_LIVE_CLASS_WORDS = frozenset({"live", "liveblog", "liveticker", "livefeed"})


def _live_in_order(tree: HtmlElement, entries: list[HtmlElement], url: str | None) -> bool:
    """Whether a feed whose updates run in the clock's order (oldest first, as some live
    blogs and most sports commentaries run), most stamped with a time of day
    (:func:`_mostly_timed`, asked first), is a live blog and no story told in dated
    sections: the page names itself one, in its headline, its address or the class of the
    feed's boxes ("liveblog", "live-post")."""
    titles = [tree.findtext(".//title") or "", *(h1.text_content() for h1 in tree.iter("h1"))]
    titles += [str(v) for v in tree.xpath('//meta[@property="og:title"]/@content')]
    if any(_LIVE_NAME().search(clean_whitespace(title)) for title in titles):
        return True
    if url and _LIVE_PATH().search(urlsplit(url).path):
        return True
    # Read as the chrome rules read a class: a WordPress post's category ("category-live-
    # music") says nothing of its boxes.
    for node in (entries[0], *entries[0].iterancestors()):
        if not _LIVE_CLASS_WORDS.isdisjoint(_class_words(node)):
            return True
    return False


def _mostly_timed(entries: list[HtmlElement]) -> bool:
    """Whether most of a feed's updates say a time of day (in a stamp or their opening)."""
    timed = 0
    for entry in entries:
        times = [t for t in entry.iter("time") if isinstance(t.tag, str)]
        said = " ".join([t.get("datetime", "") for t in times] + [entry.text_content()[:200]])
        timed += bool(_TIME_OF_DAY().search(said))
    return timed * 2 >= len(entries)


#: A heading over readers' comments: "Comments (3)", "12 comments", "Join the discussion";
#: Israeli sites' "talkbacks" ("טוקבקים", or "תגובות": responses), Arabic "تعليقات".
_COMMENTS_HEADING = lazy_pattern(
    r"(?:\d+\s+)?(?:readers?[’']?\s+)?(?:comments?|replies|responses|kommentare|commentaires|"
    r"comentarios|commenti|comentários|reacties|komentarze|kommentarer|yorumlar|комментарии|"
    r"talkbacks?|טוקבקים|תגובות|تعليقات|التعليقات)(?:\s*\(?\d+\)?)?|"
    r"(?:join|start) the (?:discussion|conversation)|"
    r"(?:leave|post|add) a (?:comment|reply)|what (?:readers|you) (?:say|think)|"
    r"what do (?:readers|you) think|have your say",
    re.IGNORECASE,
)


def _drop_comment_threads(groups: dict[HtmlElement, list[HtmlElement]]) -> bool:
    """Remove readers' comments laid out as sibling ``<article>``s, each with a time, under
    a heading that says so ("Comments (3)"): trafilatura keeps them unless a class tells
    it, and with the story short they read as a live blog's updates. ``groups`` are the
    page's :func:`_sibling_articles`; says whether any went (and the groups are stale)."""
    dropped = False
    for box, entries in groups.items():
        entries = [e for e in entries if next(e.iter("h1"), None) is None]
        if len(entries) < 2 or not _under_comments_heading(box, entries[0]):
            continue
        for entry in entries:
            entry.drop_tree()
        dropped = True
    return dropped


#: A heading that counts what is under it: "Your views (4)", "(4)", "12 replies".
_COUNTED_LABEL = r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2}"  # words, not figures
_COUNTED_HEADING = lazy_pattern(
    rf"(?:\d[\d,.]*\s+{_COUNTED_LABEL}|{_COUNTED_LABEL}\s*(?:\(\s*\d[\d,.]*\s*\)|\d[\d,.]*))"
)
#: The most words of one reader's comment (with its name, time and buttons).
_COMMENT_WORDS = 150
#: What marks a comment besides its text: a time, reply and like buttons, by class word.
_COMMENT_MARK_CLASSES = frozenset(
    ("time", "date", "ago", "reply", "replies", "respond", "like", "likes", "vote", "report")
)
_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
_COMMENTER_CLASSES = frozenset(("name", "author", "user", "username", "nick", "commenter"))


def _drop_comment_sections(tree: HtmlElement) -> None:
    """Remove a readers' comment section that no class or id names as one to trafilatura
    ("talkbacks", a site's own word): a heading over short items that each start with a
    name (:func:`_named_item`), when the heading names comments and counts them ("תגובות
    (23)", "Comments (4)"), or does one of the two ("Talkbacks", "Your views (4)") and most
    items have a time or buttons too (:func:`_comment_marked`). The box goes when the
    heading opens it; else the heading and the items after it."""
    for heading in list(tree.iter("h2", "h3", "h4", "h5", "h6", "div", "p", "span", "header")):
        if heading.getparent() is None or len(heading) > 2:
            continue  # gone with an earlier section; a box, not a heading
        # (Read only while short: a chain of one-child wrappers read whole, each, cost the
        # page's text once per wrapper.)
        text = (_short_text(heading, 80) or "").strip(" :")
        if not text or len(text) > 40:
            continue
        named = bool(_COMMENTS_HEADING().fullmatch(text))
        counted = bool(_COUNTED_HEADING().fullmatch(text))
        if not named and not counted:
            continue
        items = [e for e in heading.itersiblings() if isinstance(e.tag, str)]
        if len(items) == 1 and _holds_items(items[0]):
            items = [e for e in items[0] if isinstance(e.tag, str)]  # the list that holds them
        if not items or any(word_count(e.text_content()) > _COMMENT_WORDS for e in items):
            continue
        if any(next(e.iter("h1", "h2"), None) is not None for e in items):
            continue
        if not all(_named_item(e) for e in items):
            continue  # a section of the story's own paragraphs
        if not (named and counted) and sum(_comment_marked(e) for e in items) * 2 < len(items):
            continue  # "Responses" over what each party said; "Key dates (3)"
        box = heading.getparent()
        opens = next((e for e in box if isinstance(e.tag, str)), None) is heading
        if not opens and heading.tag not in _HEADINGS:
            continue  # a line in the text, not the section's heading
        if (
            opens
            and box.tag not in ("body", "main", "article")
            and next(box.iter("h1"), None) is None
        ):
            box.drop_tree()
            continue
        for element in [e for e in heading.itersiblings() if isinstance(e.tag, str)]:
            element.drop_tree()
        heading.drop_tree()


def _holds_items(box: HtmlElement) -> bool:
    """Whether a box is a list of items: a ``<ul>`` or ``<ol>``, or a box of two or more
    boxes of one kind (not one comment's name and words)."""
    if box.tag in ("ol", "ul"):
        return True
    kinds = {(e.tag, e.get("class")) for e in box if isinstance(e.tag, str)}
    return box.tag in ("div", "section") and len(box) >= 2 and len(kinds) == 1


def _named_item(item: HtmlElement) -> bool:
    """Whether an item starts with a name: its first element with words, a few that are no
    sentence, opening its text ("משה מהצפון", "Dana K."), or an element classed as a name
    or user."""
    if any(
        not _COMMENTER_CLASSES.isdisjoint(_class_words(e))
        for e in item.iter()
        if isinstance(e.tag, str)
    ):
        return True
    # The first element that holds words of its own, when the item's words start with it.
    first = next(
        (e for e in item.iterdescendants() if isinstance(e.tag, str) and (e.text or "").strip()),
        None,
    )
    if first is None:
        return False
    name = clean_whitespace(first.text_content())
    if not clean_whitespace(item.text_content()).startswith(name):
        return False
    return 0 < len(name.split()) <= 4 and name[-1:] not in "!?؟"  # "Dana K." is a name


def _comment_marked(item: HtmlElement) -> bool:
    """Whether an item has what a comment has besides its words: a ``<time>``, a button,
    or an element classed as a time, a reply or a like."""
    return any(
        e.tag in ("time", "button") or not _COMMENT_MARK_CLASSES.isdisjoint(_class_words(e))
        for e in item.iter()
        if isinstance(e.tag, str)
    )


def _under_comments_heading(box: HtmlElement, first: HtmlElement) -> bool:
    """Whether a heading over ``first`` (in ``box`` before it, or just before ``box``) names
    readers' comments."""
    before = [first.getprevious(), box.getprevious()]
    for element in before:
        if element is not None and isinstance(element.tag, str):
            text = clean_whitespace(element.text_content()).strip(" :")
            if len(text) <= 40 and _COMMENTS_HEADING().fullmatch(text):
                return True
    return False


def _is_update(entry: HtmlElement) -> bool:
    """Whether an ``<article>`` reads as one update of a live blog: a time stamp, a
    sentence of its own outside links, no ``<h1>`` and no heading that is a link."""
    stamped = any(
        element.tag == "time"
        or (
            _STAMP_CLASS().search(element.get("class", ""))
            and any(c.isdigit() for c in element.text_content())
        )
        for element in entry.iter()
        if isinstance(element.tag, str)
    )
    if not stamped or next(entry.iter("h1"), None) is not None or _has_linked_heading(entry):
        return False
    return _prose_words(entry) > 0


_READ_MORE = lazy_pattern(
    r"(?:read|see) (?:more|the full story|full story|on)|full story|continue reading|more\W*",
    re.IGNORECASE,
)


def _has_linked_heading(box: HtmlElement) -> bool:
    """Whether a heading in ``box`` is a link, or inside one: a card pointing to a story."""
    return any(
        next(heading.iter("a"), None) is not None
        or any(a.tag == "a" for a in heading.iterancestors())
        for heading in box.iter("h2", "h3", "h4")
    )


def _prose_words(root: HtmlElement) -> int:
    """The words of the sentences in ``root``'s paragraphs, outside links, ``<aside>``,
    ``<nav>``, ``<header>`` and ``<footer>``."""
    words = 0
    for paragraph in root.iter("p"):
        node = paragraph.getparent()
        while node is not None and node is not root and node.tag not in _OUTSIDE_PROSE:
            node = node.getparent()
        if node is not None and node is not root:
            continue
        text = clean_whitespace(" ".join(_unlinked_text(paragraph)))
        if _is_sentence(text):
            words += _word_count(text)
    return words


def _unlinked_text(element: HtmlElement) -> Iterator[str]:
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str) and child.tag != "a":
            yield from _unlinked_text(child)
        if child.tail:
            yield child.tail


def _headline_boxes(tree: HtmlElement) -> set[HtmlElement]:
    """Every element that holds an ``<h1>``: the story's boxes, up to the page's body."""
    return {box for h1 in tree.iter("h1") for box in h1.iterancestors()}


#: "By Hollis Trent" opening a line: capitalised, so "by the river" is no byline.
_BYLINE_LINE = lazy_pattern(r"\s*(?:(?:written|words|story)\s+)?by:?\s+[A-Z]", re.IGNORECASE)
_NAME_WORD = r"[A-Z][\w'’.-]*"
_MORE_NAME = rf"(?:\s+(?:(?:van|von|de|da|del|der|la|le|bin|al)\s+)?{_NAME_WORD}){{0,3}}"
#: A byline's first line whole: names, then nothing or a separator and a few words (a role,
#: the outlet). "By Tuesday evening the water had reached the ground", a sentence wrapped
#: at its line break, is none.
_BYLINE_NAMES_LINE = lazy_pattern(
    rf"\s*(?i:(?:written|words|story)\s+)?(?i:by):?\s+(?P<first>{_NAME_WORD}{_MORE_NAME})"
    rf"(?:\s*(?:,|&|\band\b)\s*{_NAME_WORD}{_MORE_NAME})*"
    rf"(?:\s+(?i:in|at|from)\s+{_NAME_WORD}{_MORE_NAME})?"  # "By Anna Ortiz in Madrid"
    # A role or the outlet: capitalised ("Health and Social Care Correspondent, BBC News"),
    # or a few words ("staff writer"), not a clause ("By Christmas, the water had ...").
    r"\s*(?:[|,·•–—-]\s*(?:[^\s\w]*[^\W_a-z]\S*(?:\s+\S+){0,7}|[a-z]\S*(?:\s+\S+){0,2}))?\s*"
)
#: What no byline's first name is, alone: "By Tuesday, the water had reached ..." ("By May
#: Chen" is a name).
_NOT_FIRST_NAME = lazy_pattern(rf"(?:{_MONTH_OR_DAY}|christmas|noon|midnight)\.?", re.IGNORECASE)
#: The longest byline line that is split off the lines under it.
_BYLINE_LINE_WORDS = 12


def _split_byline_lines(tree: HtmlElement) -> frozenset[str]:
    """A byline set on its own line of a paragraph, over the stamp ("By Hollis Trent,
    Local Democracy Reporter<br>Published: 20 November 2026, 17:45", a print version's
    header), becomes a paragraph of its own: read as one line, the byline was no byline,
    the stamp no stamp, and both came out as the story's first paragraph. Returns the
    texts split off under the bylines (trafilatura may drop a byline and keep them)."""
    split: set[str] = set()
    for box in tree.xpath("//p[br] | //div[br and not(p or div)]"):
        br = next(child for child in box if child.tag == "br")
        first = [box.text or ""]
        for child in box:
            if child is br:
                break
            first.append(child.text_content() + (child.tail or ""))
        line = clean_whitespace("".join(first))
        rest = clean_whitespace(
            " ".join(
                [br.tail or ""] + [s.text_content() + (s.tail or "") for s in br.itersiblings()]
            )
        )
        if (
            # The stamp under it, which has a date or a time, or the reporter's handle or
            # e-mail address: a role under the name ("Staff writer") is read with it as
            # before. What is split off goes if it is no story's text (see clean_up).
            not any(c.isdigit() or c == "@" for c in rest)
            or not _BYLINE_LINE().match(line)
            or line[line.lower().index("by") :].split()[1][:1].islower()
            or len(line.split()) > _BYLINE_LINE_WORDS
            or _is_sentence(line)
            or not (names := _BYLINE_NAMES_LINE().fullmatch(line))
            or _NOT_FIRST_NAME().fullmatch(names["first"])
        ):
            continue
        after = box.makeelement(box.tag, {})
        after.text, after.tail, box.tail = br.tail, box.tail, None
        for sibling in list(br.itersiblings()):
            after.append(sibling)
        box.remove(br)
        box.addnext(after)
        split.add(rest)
    return frozenset(split)


#: The most words an item of a list of jump links holds outside its link (a time: "11:30").
_JUMP_ITEM_WORDS = 3


def _drop_jump_lists(tree: HtmlElement) -> None:
    """Remove lists whose every item is a link to a place on the same page ("#post-1130"):
    a live blog's "Key events", a long read's contents. They repeat headings the text has,
    and trafilatura keeps them when they sit inside the story's box."""
    for box in tree.xpath("//ul[count(li) >= 2] | //ol[count(li) >= 2]"):
        items = [item for item in box if item.tag == "li"]
        jumps = all(
            (links := item.xpath(".//a[@href]"))
            and all(
                link.get("href", "").startswith("#") and len(link.get("href", "")) > 1
                for link in links
            )
            and word_count(" ".join(item.xpath(".//text()[not(ancestor::a)]"))) <= _JUMP_ITEM_WORDS
            for item in items
        )
        if jumps and box.getparent() is not None:
            box.drop_tree()


#: A pager's count ("Page 1 of 2", "Seite 1 von 3", "Página 1 de 2") and its link on
#: ("Next page ›", "Nächste Seite", "Página siguiente", "Page suivante").
_PAGE_COUNT = lazy_pattern(
    r"(?:page|seite|p[aá]gina|pagina) (\d{1,2}) (?:of|/|von|de|sur|di) (\d{1,2})", re.IGNORECASE
)
_NEXT_PAGE = lazy_pattern(
    r"(?:next page|n[aä]chste seite|weiter auf seite \d+|p[aá]gina siguiente|"
    r"pr[oó]xima p[aá]gina|page suivante|pagina successiva|continued on (?:the next )?page"
    r"(?: \d+)?)(?:\s*[›»>→:])?",
    re.IGNORECASE,
)


def story_pager(tree: HtmlElement) -> str | None:
    """What the page's pager says when the story goes on at another page: a count whose
    page is not the last ("Page 1 of 2"), else the text of a link on ("Next page ›"); None
    for a story on one page (or on the last of its pages)."""
    # Only the short pieces of text that may name a page are read: one pass in lxml's C,
    # where a walk over every box (or a search of the page's text) costs a millisecond.
    for piece in tree.xpath(_PAGER_TEXTS):
        element = piece.getparent()
        if element is None or not (text := _short_text(element, 40)):
            continue
        if _in_prose(element):  # "The memo, on <em>page 1 of 2</em>, sets out ..."
            continue
        if any(map(_pages_of_something_else, _boxes_below_the_story(element))):
            continue
        count = _PAGE_COUNT().search(text)
        if (
            count
            and int(count[1]) < int(count[2])
            and (text == count[0] or _NEXT_PAGE().search(text) or element.tag != "p")
            # A caption's "Page 2 of 5 of the council's report" names a document's page.
            and _words_beside_pager(text.replace(count[0], " ")) <= 1
        ):
            return count[0]
        if element.tag == "a" and _NEXT_PAGE().fullmatch(text.strip("‹«<← ")):
            return text
    return None


#: Words of a box's class that name something paged other than the story, beside the
#: chrome's (``_CHROME_BOX_WORDS``: comments, related and popular stories): a photo gallery,
#: a list of the latest stories.
_OTHER_PAGED_WORDS = frozenset(("gallery", "slideshow", "carousel", "latest", "listing"))


def _boxes_below_the_story(element: HtmlElement) -> Iterator[HtmlElement]:
    """The boxes round ``element`` up to the first that holds the headline: the story's own
    wrapper and those round it are the story's, whatever their class ("layout
    has-sidebar")."""
    for box in element.iterancestors():
        if box.find(".//h1") is not None:
            return
        yield box


def _pages_of_something_else(box: HtmlElement) -> bool:
    """Whether a pager in ``box`` pages through readers' comments, a gallery or a list of
    other stories, not the story."""
    return (
        box.tag in _CHROME_TAGS
        or box.tag == "figure"
        or _classed_chrome(box)
        or not _OTHER_PAGED_WORDS.isdisjoint(_class_words(box))
    )


def _in_prose(element: HtmlElement) -> bool:
    """Whether ``element`` is a word or two inside a paragraph that says more than a pager
    (and a short lead-in to one, "Continue reading: <a>Next page ›</a>"): "The memo, on
    <em>page 1 of 2</em>, sets out", "turn to the <a>next page</a> of the memo"."""
    for holder in element.iterancestors("p"):
        text = _short_text(holder, 80)
        if text is None:
            return True
        return _words_beside_pager(_PAGE_COUNT().sub(" ", text)) > 3  # "Continue reading:"
    return False


def _words_beside_pager(text: str) -> int:
    """The words (of two letters or more) left in ``text`` but a link on ("Next page ›")."""
    return len(_WORD().findall(_NEXT_PAGE().sub(" ", text)))


_WORD = lazy_pattern(r"[^\W\d_]{2,}")


_PAGER_TEXTS = (
    "//text()[string-length(.) < 80 and (contains(., 'age') or contains(., 'eite') or "
    "contains(., 'gina') or contains(., 'AGE'))]"
)


def _drop_labelled_link_lists(tree: HtmlElement) -> None:
    """Remove a list of two links or more (each item a link and nothing else) with the label
    over it that names other stories ("More on this story", "Mehr zum Thema", "Lee
    también"): related stories set between the paragraphs. trafilatura drops some labels
    ("Mehr zum Thema", "More on this ...") and keeps the links, where the clean-up, with no
    label left to go by, would keep them as the story's paragraphs, and a page fetched again
    with other related stories would read as paragraphs removed and added."""
    for box in tree.iter("ul", "ol"):
        items = [item for item in box if item.tag == "li"]
        if len(items) < 2 or len(items) != len(box) or not all(map(_only_a_link, items)):
            continue
        label = box.getprevious()
        if (
            label is None
            or (label.tail or "").strip()  # text between them: no label of the list
            or label.tag not in _LABEL_TAGS
            or not (text := _short_text(label, 60))
            or not _is_section_marker(text.strip(" :.|›»→-–—"))
        ):
            continue
        # (Dropped after the walk: the iterator would lose its place.)
        box.set("data-storydiff-related", "")
        label.set("data-storydiff-related", "")
    for doomed in tree.xpath("//*[@data-storydiff-related]"):
        if doomed.getparent() is not None:
            doomed.drop_tree()


_LABEL_TAGS = frozenset({"p", "div", "span", "strong", "b", "h2", "h3", "h4", "h5", "h6"})

#: A heading over a box of other stories: "Most read", "Trending now", "Recommended for
#: you", "You may also like". Not chrome's ``_SECTION_MARKER``, on purpose: the box goes
#: whole, and one headed "Latest", "Topics" or "Read more" may be the story's (a live
#: page's latest updates). (That list reads a line in the text, after trafilatura; this
#: one a box's heading, before it.)
_OTHER_STORIES_HEADING = lazy_pattern(
    r"most (?:read|popular|viewed|shared|commented)(?: (?:stories|articles|today|this week))?|"
    r"trending(?: now| stories| news)?|popular(?: now| stories)?|"
    r"recommended(?: for you| stories| articles| reading)?|you (?:may|might) also like|"
    r"(?:related|more) (?:stories|articles)",
    re.IGNORECASE,
)


def _drop_other_story_boxes(tree: HtmlElement) -> None:
    """Remove a box headed "Most read" (or "Trending", "Recommended", "You may also like")
    outside the one that holds the page's ``<h1>``: another story set in full in it, longer
    than the story, was read instead of it on a page with no ``<article>`` to tell them
    apart. On any page with one ``<h1>``: such a box is never the story's."""
    h1s = list(tree.iter("h1"))
    if len(h1s) != 1:
        return
    around = {h1s[0], *h1s[0].iterancestors()}
    doomed = []
    for heading in tree.iter("h2", "h3", "h4"):
        box = heading.getparent()
        if (
            box is None
            or box in around
            or box.tag not in ("div", "section", "aside")
            or next((c for c in box if isinstance(c.tag, str)), None) is not heading
            or not (text := _short_text(heading, 60))
            or not _OTHER_STORIES_HEADING().fullmatch(text.strip(" :.|›»→-–—"))
        ):
            continue
        doomed.append(box)
    for box in doomed:
        if box.getparent() is not None:
            box.drop_tree()


def _only_a_link(item: HtmlElement) -> bool:
    """Whether an element (a list item, a card) is a link or links and nothing else, nine
    tenths of its text at least: another story's card ("<div class="teaser"><a>Read more:
    ...</a></div>"), no part of this one."""
    text = clean_whitespace(item.text_content())
    linked = sum(len(clean_whitespace(a.text_content())) for a in item.iter("a"))
    return bool(text) and linked * 10 >= len(text) * 9


#: A gallery's counter alone in its box: "1/12", "2 of 12", "Photo 3 of 12", "Foto 1 de 8".
_GALLERY_COUNTER = lazy_pattern(
    r"\s*(?:(?:photo|image|picture|slide|foto|bild|imagen|immagine|zdjęcie)s?\s+)?"
    r"(\d{1,3})\s*(?:/|of|de|von|di|sur|van|z)\s*(\d{1,3})\s*",
    re.IGNORECASE,
)
_PICTURE_TAGS = ("img", "picture", "figure", "amp-img")


def _drop_numbered_galleries(tree: HtmlElement) -> None:
    """Remove a photo gallery's slides where each is numbered in a box of its own ("1/12",
    "2/12"): two slides or more of one count, each holding a picture. Their counters,
    titles and captions came out as the story's paragraphs when the gallery's classes did
    not say what it was ("c-media-set"). Only the numbered slides go, and never a table's
    rows (a score of "3/12" is data), nor a figure in bold inside a sentence ("Smith took
    <b>3/12</b> as ..."), nor the text around a numbered photo (a photo essay's chapter,
    one paragraph or more)."""
    counters: dict[str, list[tuple[str, HtmlElement]]] = {}
    for text in tree.xpath("//body//text()[normalize-space()]"):
        found = _GALLERY_COUNTER().fullmatch(str(text))
        box = text.getparent()
        if text.is_tail or found is None or box is None or _inside_a_sentence(box):
            continue
        if clean_whitespace(box.text_content()) != clean_whitespace(str(text)):
            continue
        counters.setdefault(found[2], []).append((found[1], box))
    galleries = [
        numbered
        for total, numbered in counters.items()
        if len(numbered) >= 2 and len({n for n, _ in numbered}) >= 2 and int(total) >= len(numbered)
    ]
    if not galleries:
        return
    counted = _counters_and_prose(tree, {box for numbered in galleries for _, box in numbered})
    held, prose, story, long = counted
    for numbered in galleries:
        slides = []
        for _, counter in numbered:
            # The slide: the counter's box up to the last one that holds no other counter
            # and no more text than a caption (a slide is a picture, a caption, a counter),
            # nor a paragraph of the story: one outside the figure the counter is in, or,
            # with no figure, one longer than a caption. Each box is climbed into from one
            # counter at most: linear in the page.
            figure = next(reversed(list(counter.iterancestors("figure", "figcaption"))), None)
            outside = long if figure is None else {}  # inside its figure, any is a caption
            slide = counter
            while (
                (parent := slide.getparent()) is not None
                and parent.tag != "body"
                and held.get(parent, 0) < 2
                and prose.get(parent, 0) < 2
                and not outside.get(parent, 0)
            ):
                slide = parent
                if slide is figure:
                    outside = story
            if slide.xpath("ancestor-or-self::table"):
                break
            if next(slide.iter(*_PICTURE_TAGS), None) is None and not (
                # A chapter's photo beside its story, no figure round it: the counter (and
                # its caption) go, the paragraph stays.
                parent is not None
                and outside.get(parent, 0)
                and held.get(parent, 0) < 2
                and next(parent.iter(*_PICTURE_TAGS), None) is not None
            ):
                break
            slides.append(slide)
        else:
            for slide in slides:
                if slide.getparent() is not None:
                    slide.drop_tree()


#: Inline tags: a counter in one may sit inside a sentence.
_INLINE_TAGS = frozenset({"a", "b", "strong", "i", "em", "span", "u", "small", "mark", "sup"})


def _inside_a_sentence(box: HtmlElement) -> bool:
    """Whether an inline element's text runs on from the words before it ("Smith took
    <b>3/12</b>") or into lower-case words after it ("<b>3/12</b> was his best"): a
    figure in a sentence, not a counter in a box of its own."""
    if box.tag not in _INLINE_TAGS or (parent := box.getparent()) is None:
        return False
    previous = box.getprevious()
    before = (parent.text if previous is None else previous.tail) or ""
    after = (box.tail or "").lstrip()
    return bool(re.search(r"[\w,;]\s*$", before)) or after[:1].islower()


#: More words than a photo's caption runs to: a paragraph so long is the story's.
_CAPTION_WORDS = 40


def _counters_and_prose(
    tree: HtmlElement, counters: set[HtmlElement]
) -> tuple[dict[HtmlElement, int], ...]:
    """For each box, how many of the counters it holds (itself included); how many
    paragraphs of prose outside a figure's caption; of those, how many outside any
    ``<figure>`` or ``<figcaption>`` (a story's, beside a figure); and of these, how many
    longer than a caption. Counted in one pass from the leaves up, so that no box is
    walked once per counter."""
    held: dict[HtmlElement, int] = {}
    prose: dict[HtmlElement, int] = {}
    story: dict[HtmlElement, int] = {}
    long: dict[HtmlElement, int] = {}
    for element in reversed([e for e in tree.iter() if isinstance(e.tag, str)]):
        mine = held.get(element, 0) + (element in counters)
        words = _paragraph_words(element)
        paragraphs = prose.get(element, 0) + bool(words)
        own = story.get(element, 0) + bool(words)
        longer = long.get(element, 0) + (words > _CAPTION_WORDS)
        held[element], prose[element] = mine, paragraphs
        story[element], long[element] = own, longer
        if (parent := element.getparent()) is not None:
            if mine:
                held[parent] = held.get(parent, 0) + mine
            if element.tag in ("figure", "figcaption"):
                own = longer = 0  # a figure's text is its caption
            if paragraphs and element.tag != "figcaption":  # a caption is a slide's own
                prose[parent] = prose.get(parent, 0) + paragraphs
            if own:
                story[parent] = story.get(parent, 0) + own
            if longer:
                long[parent] = long.get(parent, 0) + longer
    return held, prose, story, long


def _paragraph_words(element: HtmlElement) -> int:
    """The words of a paragraph that reads as a sentence or more (a <p>, or another block
    whose own text, outside the boxes it holds, is such); 0 for any other element."""
    if element.tag in _INLINE_TAGS:
        return 0
    if element.tag == "p":
        text = element.text_content()
    else:
        text = "".join([element.text or "", *(child.tail or "" for child in element)])
    text = clean_whitespace(text)
    return _word_count(text) if _is_sentence(text) else 0
