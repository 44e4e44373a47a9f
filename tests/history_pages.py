"""A fictional story that changes between fetches, served from a local test server.

Marrowby's council votes on its ferry terminal; over the day the article gets a corrected
figure, a new paragraph, a softened headline, a cosmetic re-typesetting and, once, a
truncated page (a paywall teaser) that must not be mistaken for a mass deletion.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

BASE = [
    "The council of Marrowby voted on Tuesday night to close the old ferry terminal on "
    "Quay Street after twelve years of losses, ending a crossing that has run since 1962.",
    "Officials said 14 workers would be moved to the new harbour office by the end of June, "
    "and that no jobs would be lost.",
    'Residents who spoke at the meeting were divided. "We lose a piece of the town," said '
    "Ana Petrak, who has run a cafe by the pier since 2009.",
    "Deputy mayor Tomas Lind said the terminal cost the town 1.2 million crowns a year to "
    "keep open, money he said was needed for the school roof.",
    "The vote passed seven to four after a three-hour debate.",
]
TITLE = "Marrowby votes to close ferry terminal"


def versions() -> list[tuple[str, list[str]]]:
    """The story's successive versions: (headline, paragraphs)."""
    v2 = [BASE[0], BASE[1].replace("14 workers", "16 workers"), *BASE[2:]]
    v3 = [*v2, "An appeal is expected, according to two council members who voted against."]
    v4_title = "Marrowby council closes ferry terminal despite protests"
    return [(TITLE, BASE), (TITLE, v2), (TITLE, v3), (v4_title, v3)]


def cosmetic(paragraphs: list[str]) -> list[str]:
    """The same text re-typeset: curly quotes, doubled spaces, a dash style."""
    return [
        p.replace('"', "\u201c", 1).replace('"', "\u201d", 1).replace(" the ", "  the ")
        for p in paragraphs
    ]


TEASER = [
    "The council of Marrowby voted on Tuesday night to close the old ferry terminal on Quay "
    "Street after twelve years of losses, ending a crossing that has run since 1962.",
    "Officials said the workers would be moved to the new harbour office. Subscribers can "
    "read the full story, with reactions from the pier, on our website.",
]


def article_html(title: str, paragraphs: list[str], canonical: str | None = None) -> str:
    """A news page with some chrome around the article."""
    link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)} "
        f"| Marrowby Courier</title>{link}"
        "<meta property='og:site_name' content='Marrowby Courier'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/local'>Local</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{escape(title)}</h1><p class='byline'>By Lena Voss</p>{body}</article>"
        "<footer>© Marrowby Courier. All rights reserved.</footer></body></html>"
    )


@dataclass
class ChangingPage:
    """A page whose content the test moves on, with ETag support.

    ``pages`` are (headline, paragraphs); ``step`` says which one the next fetch gets:
    by default the page moves on one version per fetch and then stays on the last."""

    pages: list[tuple[str, list[str]]]
    canonical: str | None = None
    step: Callable[[int], int] | None = None
    etags: bool = True
    fetches: int = 0
    requests: list[dict[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def current(self) -> int:
        if self.step is not None:
            return min(self.step(self.fetches), len(self.pages) - 1)
        return min(self.fetches, len(self.pages) - 1)

    def __call__(self, request: Request) -> Response:
        with self.lock:
            index = self.current()
            self.fetches += 1
            self.requests.append(dict(request.headers))
        title, paragraphs = self.pages[index]
        etag = f'"v{index}-{len(paragraphs)}"'
        headers = {"ETag": etag} if self.etags else {}
        if self.etags and request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers=headers)
        return Response(
            article_html(title, paragraphs, self.canonical),
            content_type="text/html; charset=utf-8",
            headers=headers,
        )


def serve(server: HTTPServer, path: str, page: ChangingPage) -> str:
    """Serve ``page`` at ``path``; return its URL."""
    server.expect_request(path).respond_with_handler(page)
    return server.url_for(path)
