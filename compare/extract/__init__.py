"""Snapshot -> Document: HTML through trafilatura; plain text and Markdown.

Every kind of input becomes a list of blocks (one per paragraph, heading, list item or
quote) plus whatever metadata the input carries; one clean-up pass then removes what
extractors leave behind (page chrome, a repeated standfirst, breadcrumbs glued to the
headline) and a last check refuses pages that hold no article at all.

Layout
------
The package is split by concern, in the order a page goes through it:

``pipeline``  ``extract``: the reader for each kind of input, JSON-LD bodies (whole or cut
              short), clean-up, and the last check (``check_article``)
``plain``     plain text and Markdown inputs (no HTML library is imported for them)
``html``      HTML: the page parsed, handed to trafilatura with fallbacks, its body as blocks
``page``      the parsed page cleaned before trafilatura: notes, factboxes, embeds, chrome
              tables, comment threads, teaser cards, live blogs' entries
``metadata``  title, headline shown, bylines and authors, dates and stamp lines, language
``chrome``    what page chrome looks like among the blocks (``is_chrome``), breadcrumbs
``cleanup``   the clean-up pass over blocks (``clean_up``)
``blocks``    ``Block``, ``Metadata``, ``Cleaned`` and word helpers shared by all
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from compare.extract.blocks import Block, Cleaned, Metadata, Role
    from compare.extract.chrome import is_chrome, strip_breadcrumbs
    from compare.extract.cleanup import clean_up
    from compare.extract.html import html_blocks
    from compare.extract.metadata import (
        is_japanese,
        normalize_date,
        normalize_language,
        split_authors,
    )
    from compare.extract.pipeline import (
        CUT_SHORT_WARNING,
        STRUCTURED_BODY_WARNING,
        check_article,
        extract,
    )
    from compare.extract.plain import markdown_blocks, strip_inline_markdown, text_blocks

#: Where each name of the package is defined. A name is imported from its module on first
#: use: importing the package imports none of them, and a plain-text input never imports the
#: HTML reader (html, appdata: ~4M instructions).
_HOMES = {
    "Block": "blocks",
    "Cleaned": "blocks",
    "Metadata": "blocks",
    "Role": "blocks",
    "is_chrome": "chrome",
    "strip_breadcrumbs": "chrome",
    "clean_up": "cleanup",
    "html_blocks": "html",
    "is_japanese": "metadata",
    "normalize_date": "metadata",
    "normalize_language": "metadata",
    "split_authors": "metadata",
    "CUT_SHORT_WARNING": "pipeline",
    "STRUCTURED_BODY_WARNING": "pipeline",
    "check_article": "pipeline",
    "extract": "pipeline",
    "markdown_blocks": "plain",
    "strip_inline_markdown": "plain",
    "text_blocks": "plain",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'compare.extract' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"compare.extract.{home}"), name)
    globals()[name] = value  # looked up once
    return value


__all__ = [
    "CUT_SHORT_WARNING",
    "STRUCTURED_BODY_WARNING",
    "Block",
    "Cleaned",
    "Metadata",
    "Role",
    "check_article",
    "clean_up",
    "extract",
    "html_blocks",
    "is_chrome",
    "is_japanese",
    "markdown_blocks",
    "normalize_date",
    "normalize_language",
    "split_authors",
    "strip_breadcrumbs",
    "strip_inline_markdown",
    "text_blocks",
]
