"""The story's paragraphs in the data a JavaScript framework draws the page from (Next.js's
``<script id="__NEXT_DATA__">``, Nuxt's ``__NUXT_DATA__``), where the HTML sent shows only a
teaser of them.

The data holds the whole site's state (menus, related stories, adverts, the next story
prefetched), so the list taken is the one the page itself vouches for: a list that holds
the paragraphs the page shows in their order, opening with one or holding the page's first
or most of them, and of its items only those of the shape of the ones shown (a paragraph's,
not an advert slot's or a related story's card). Markup in the data is read as markup."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from compare.extract.blocks import _key, _word_count
from compare.extract.metadata import normalize_date
from compare.text import clean_whitespace, lazy_pattern

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: The scripts that hold a framework's page data, by their id.
_APP_SCRIPTS = '//script[@id="__NEXT_DATA__" or @id="__NUXT_DATA__"]'
#: The fewest words of a paragraph shown on the page that vouches for a list in the data.
_SHOWN_WORDS = 12
#: How deep the data is walked: a page's state is nested a dozen levels, not hundreds.
_MOST_DEPTH = 40


class AppStory(NamedTuple):
    """What the page's framework data says of the story."""

    body: str
    """Its paragraphs, separated by blank lines."""
    modified: str | None
    """When it was updated, as the object that holds the paragraphs says ("updatedAt")."""


def app_body(tree: HtmlElement) -> AppStory | None:
    """The story's paragraphs from the page's framework data, when the data has more of
    them than the page shows, and the update time beside them; else None."""
    scripts = tree.xpath(_APP_SCRIPTS)
    if not scripts:
        return None
    shown = _shown(tree)
    if shown is None:
        return None  # nothing shown to vouch for a list, or the story shown whole
    import json  # (only for a page that has such data: most do not)

    try:
        data = json.loads(scripts[0].text or "")
    except ValueError:
        return None
    if scripts[0].get("id") == "__NUXT_DATA__" and (data := _nuxt_values(data)) is None:
        return None
    flat = _Flat(shown)
    flat.visit(data, {}, 0)
    best: tuple[int, int, int] = (0, 0, 0)  # paragraphs vouched for, -first of them, words
    found: tuple[list[_Item], dict[str, Any]] | None = None
    for items, holder in flat.lists:
        if (vouched := _vouched(flat, items, shown)) is None:
            continue
        kept, places = vouched
        rank = (len(places), -min(places), sum(flat.words(item) for item in kept))
        if rank > best:
            best, found = rank, (kept, holder)
    if found is None:
        return None
    kept, owner = found
    texts = [text for item in kept if (text := flat.text(item))]
    if all(_key(text) in shown for text in texts):
        return None  # the page shows all of it: its HTML is read as it stands
    return AppStory("\n\n".join(texts), _updated(owner))


def _updated(owner: dict[str, Any]) -> str | None:
    """The date-time the object holding the story gives under a key that says it was
    updated or modified ("updatedAt", "dateModified", "lastModified")."""
    for key, value in owner.items():
        name = key.lower()
        if (
            isinstance(value, str)
            and ("updat" in name or "modif" in name)
            and (stamp := normalize_date(value)) is not None
            and "T" in stamp
        ):
            return stamp
    return None


def _html_paragraphs(markup: str) -> list[str]:
    import lxml.html

    try:
        fragment = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ValueError, TypeError):  # lxml.etree.ParserError is a ValueError
        return []
    return [clean_whitespace(p.text_content()) for p in fragment.iter("p")]


#: Words a page shows in one box of paragraphs that make it the story shown whole: more
#: than any teaser above a wall. Its data is then not walked (a site's state can run to
#: megabytes).
_WHOLE_WORDS = 600


def _shown(tree: HtmlElement) -> dict[str, int] | None:
    """The page's paragraphs that can vouch for a list in its data, by key, each with its
    place among them; None when there are none, or when one box shows paragraphs of
    :data:`_WHOLE_WORDS` or more (the story, which the data can add nothing to)."""
    shown: dict[str, int] = {}
    boxes: dict[Any, int] = {}
    for p in tree.xpath("//body//p[not(ancestor::script)]"):
        text = clean_whitespace(p.text_content())
        words = _word_count(text)
        if words < _SHOWN_WORDS:
            continue
        shown.setdefault(_key(text), len(shown))
        box = p.getparent()
        boxes[box] = boxes.get(box, 0) + words
        if boxes[box] >= _WHOLE_WORDS:
            return None
    return shown or None


def _vouched(
    flat: _Flat, items: list[_Item], shown: dict[str, int]
) -> tuple[list[_Item], set[int]] | None:
    """The items of a list that the page vouches for as its story's paragraphs (those of
    the shape of the ones it shows), and the places on the page of the ones it shows. The
    list must agree with the page, not just share a paragraph with it (a prefetched next
    story may reuse a background paragraph word for word): the paragraphs shown are in it
    in the page's order, and it opens with one of them, or holds the page's first, or
    most of them."""
    places: dict[int, _Item] = {}
    for item in items:
        if (key := flat.key(item)) in shown:
            places.setdefault(shown[key], item)
    if not places:
        return None
    shapes = {item.shape for item in places.values()}
    kept = [item for item in items if item.shape in shapes and flat.words(item)]
    at = {id(item): n for n, item in enumerate(kept)}
    order = [at[id(places[place])] for place in sorted(places)]
    if order != sorted(order):
        return None
    if order[0] == 0 or 0 in places or 2 * len(places) > len(shown):
        return kept, set(places)
    return None


class _Item(NamedTuple):
    """An item of a list in the data: its strings, runs ``start`` to ``end`` of
    :attr:`_Flat.runs` (or ``text`` itself, a paragraph of an HTML string), and its shape."""

    start: int
    end: int
    shape: tuple[str, ...]
    text: str | None = None


class _Flat:
    """The data's strings in reading order, walked once, and every list in it as spans of
    them: an item's text is the strings inside it joined, which a walk per list would read
    again for every list it is nested in (a page's state is deep: seconds for megabytes)."""

    def __init__(self, shown: dict[str, int]) -> None:
        self.runs: list[str] = []
        self._chars = [0]  # characters and words of the runs before each
        self._words = [0]
        self.lists: list[tuple[list[_Item], dict[str, Any]]] = []
        self._texts: dict[tuple[int, int], str] = {}
        # An item far longer than every paragraph shown is none of them: not read to check.
        self._longest = 3 * max(len(key) for key in shown) + 1000

    def visit(self, data: Any, holder: dict[str, Any], depth: int) -> None:
        if depth > _MOST_DEPTH:
            return
        if isinstance(data, str):
            self.runs.append(data)
            self._chars.append(self._chars[-1] + len(data))
            self._words.append(self._words[-1] + _word_count(data))
            if "<p" in data:  # a CMS's body kept as markup: its paragraphs are a list
                self.lists.append(
                    ([_Item(0, 0, ("str",), t) for t in _html_paragraphs(data)], holder)
                )
        elif isinstance(data, dict):
            for key, value in data.items():
                if not (isinstance(value, str) and key.lower().lstrip("_") in _NOT_TEXT_KEYS):
                    self.visit(value, data, depth + 1)
        elif isinstance(data, list):
            items: list[_Item] = []
            self.lists.append((items, holder))  # before the lists inside it, in page order
            for value in data:
                start = len(self.runs)
                self.visit(value, holder, depth + 1)
                items.append(_Item(start, len(self.runs), _shape(value)))

    def text(self, item: _Item) -> str:
        """An item's words: its strings in order (a rich-text paragraph's runs: plain, then
        a link's, then plain again), markup read as markup."""
        if item.text is not None:
            return item.text
        span = (item.start, item.end)
        if (text := self._texts.get(span)) is None:
            text = self._texts[span] = _as_text("".join(self.runs[item.start : item.end]))
        return text

    def key(self, item: _Item) -> str | None:
        """:func:`_key` of the item's text, or None for one too long or too short to be a
        paragraph shown (most of a site's state: ids, labels, whole sections)."""
        if item.text is None and (
            self._chars[item.end] - self._chars[item.start] > self._longest
            or self.words(item) < _SHOWN_WORDS // 2  # tags and runs count more, not fewer
        ):
            return None
        return _key(self.text(item))

    def words(self, item: _Item) -> int:
        """About how many words the item has, without reading it."""
        if item.text is not None:
            return _word_count(item.text)
        return self._words[item.end] - self._words[item.start]


#: A tag in a string: the string is markup.
_TAG = lazy_pattern(r"</?[A-Za-z][^<>]*>")


def _as_text(string: str) -> str:
    """A string's words, a string of HTML (an item's "<a href>" inside its paragraph) by
    what it says, not its tags."""
    if not _TAG().search(string):
        return clean_whitespace(string)
    import lxml.html

    try:
        fragment = lxml.html.fragment_fromstring(string, create_parent="div")
    except (ValueError, TypeError):  # lxml.etree.ParserError is a ValueError
        return clean_whitespace(_TAG().sub(" ", string))
    for br in fragment.iter("br"):
        br.tail = " " + (br.tail or "")
    return clean_whitespace(fragment.text_content())


#: The keys of a rich-text node's strings that say what it is or where it links, not what
#: it says (its runs' own words are under "text", "value", "content"...).
_NOT_TEXT_KEYS = frozenset(
    (
        "type",
        "typename",
        "id",
        "key",
        "slug",
        "url",
        "href",
        "src",
        "uri",
        "style",
        "marks",
        "variant",
        "layout",
        "classname",
        "rel",
        "target",
        "lang",
        "format",
        "level",
        "kind",
    )
)


def _shape(item: Any) -> tuple[str, ...]:
    """What kind of item this is: a dict's ``type`` (or its keys, when it names none); any
    string is one kind."""
    if isinstance(item, dict):
        kind = item.get("type") or item.get("__typename") or item.get("_type")
        return (str(kind),) if isinstance(kind, str) else tuple(sorted(item))
    return ("str",) if isinstance(item, str) else ("other",)


#: The most values a Nuxt page's data may unfold to: its entries refer to one another, and
#: an entry shared by many is copied into each (a page's state is thousands, not millions).
_MOST_NUXT_VALUES = 200_000


def _nuxt_values(data: Any) -> Any:
    """The value Nuxt's ``__NUXT_DATA__`` holds, unfolded: the data is a list of entries, the
    first the value itself, in which a list or an object holds the index of each item or
    member (``[{"story": 1}, {"body": 2}, [3, 4], "First paragraph.", "Second."]``). A list
    whose first item is a string is a typed value (``["Reactive", 5]``, ``["Date", "..."]``):
    a wrapper's value is unwrapped, the others are left out. Negative indices are
    ``undefined`` and the like. None when the data is not such a list, refers outside
    it or in a circle, or unfolds to more than :data:`_MOST_NUXT_VALUES` values."""
    if not isinstance(data, list) or not data:
        return None
    count = 0

    class _Unsafe(Exception):
        pass

    def value(index: Any, depth: int, path: frozenset[int]) -> Any:
        nonlocal count
        count += 1
        if count > _MOST_NUXT_VALUES or depth > _MOST_DEPTH:
            raise _Unsafe
        if not isinstance(index, int) or isinstance(index, bool) or index >= len(data):
            raise _Unsafe
        if index < 0:
            return None  # undefined, a hole, NaN, an infinity, -0
        if index in path:
            raise _Unsafe  # a value that holds itself
        entry, inner = data[index], path | {index}
        if isinstance(entry, dict):
            return {key: value(item, depth + 1, inner) for key, item in entry.items()}
        if not isinstance(entry, list):
            return entry
        if entry and isinstance(entry[0], str):
            if entry[0] in _NUXT_WRAPPERS and len(entry) == 2:
                return value(entry[1], depth + 1, inner)
            return None  # a date, a set, a map, a regular expression: no story text
        return [value(item, depth + 1, inner) for item in entry]

    try:
        return value(0, 0, frozenset())
    except (_Unsafe, RecursionError):
        return None


#: The typed values that wrap another (Vue's reactive state), whose value is the wrapped one.
_NUXT_WRAPPERS = frozenset(("Reactive", "ShallowReactive", "Ref", "ShallowRef"))
