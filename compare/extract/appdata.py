"""The story's paragraphs in the data a JavaScript framework draws the page from (Next.js's
``<script id="__NEXT_DATA__">``, Nuxt's ``__NUXT_DATA__``), where the HTML sent shows only a
teaser of them.

The data holds the whole site's state (menus, related stories, adverts), so the list taken
is the one the page itself vouches for: a list of which the page shows a paragraph word for
word, and of its items only those of the shape of the one shown (a paragraph's, not an
advert slot's or a related story's card)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from compare.extract.blocks import _key
from compare.extract.metadata import normalize_date
from compare.text import clean_whitespace

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
    try:
        data = json.loads(scripts[0].text or "")
    except ValueError:
        return None
    if scripts[0].get("id") == "__NUXT_DATA__" and (data := _nuxt_values(data)) is None:
        return None
    shown = {
        _key(text)
        for p in tree.xpath("//body//p[not(ancestor::script)]")
        if len((text := clean_whitespace(p.text_content())).split()) >= _SHOWN_WORDS
    }
    if not shown:
        return None
    best: list[str] = []
    owner: dict[str, Any] = {}
    for items, holder in _lists(data, {}, 0):
        texts = [(_item_text(item), _shape(item)) for item in items]
        shapes = {shape for text, shape in texts if text and _key(text) in shown}
        if not shapes:
            continue
        kept = [text for text, shape in texts if text and shape in shapes]
        if sum(len(t.split()) for t in kept) > sum(len(t.split()) for t in best):
            best, owner = kept, holder
    if not best or all(_key(text) in shown for text in best):
        return None  # the page shows all of it: its HTML is read as it stands
    return AppStory("\n\n".join(best), _updated(owner))


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


def _lists(
    data: Any, holder: dict[str, Any], depth: int
) -> Iterator[tuple[list[Any], dict[str, Any]]]:
    """Every list in ``data``, and a string of HTML paragraphs (a CMS's body kept as
    markup) as the list of their texts, each with the object that holds it."""
    if depth > _MOST_DEPTH:
        return
    if isinstance(data, dict):
        for value in data.values():
            yield from _lists(value, data, depth + 1)
    elif isinstance(data, list):
        yield data, holder
        for value in data:
            yield from _lists(value, holder, depth + 1)
    elif isinstance(data, str) and "<p" in data:
        yield _html_paragraphs(data), holder


def _html_paragraphs(markup: str) -> list[str]:
    import lxml.html

    try:
        fragment = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ValueError, TypeError):  # lxml.etree.ParserError is a ValueError
        return []
    return [clean_whitespace(p.text_content()) for p in fragment.iter("p")]


def _item_text(item: Any) -> str:
    """An item's words: a string, or the strings of words inside a dict or list, in order
    (a rich-text paragraph's runs: plain, then a link's, then plain again)."""
    if isinstance(item, str):
        return clean_whitespace(item)
    return clean_whitespace("".join(_runs(item, 0)))


def _runs(data: Any, depth: int) -> Iterator[str]:
    if depth > _MOST_DEPTH:
        return
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if not (isinstance(value, str) and key.lower().lstrip("_") in _NOT_TEXT_KEYS):
                yield from _runs(value, depth + 1)
    elif isinstance(data, list):
        for value in data:
            yield from _runs(value, depth + 1)


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
