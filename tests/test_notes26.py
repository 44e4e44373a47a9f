"""Review 26: two outlets served from one host owe each other no note (finding 5); what a
note covers and what it leaves out (finding 13)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
from markupsafe import escape

from compare import compare, load
from compare.model import Document, Paragraph
from compare.notes import WITHOUT_NOTE
from compare.render import html as render_html
from compare.render import json as render_json
from compare.render import markdown as render_markdown
from compare.render import text as render_text
from compare.schema import load_schema
from compare.text import split_sentences

STORY = [
    "A footbridge over the Tolley canal was closed on Monday after inspectors found 6 cracked "
    "beams, the county council said.",
    'Engineer Wendell Aske said: "The bridge is not safe to cross until we replace them."',
    "About 900 people use the bridge each day, according to the council.",
]
EDITED = [
    STORY[0].replace("6 cracked", "9 cracked"),
    STORY[1],
    STORY[2].replace("About 900", "About 1,900"),
]


def doc(
    *paragraphs: str,
    site: str | None = None,
    url: str | None = None,
    authors: tuple[str, ...] = (),
) -> Document:
    return Document(
        paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs),
        title="Tolley footbridge shut after cracks found",
        site_name=site,
        url=url,
        authors=authors,
    )


# --- Finding 5: two outlets on one host -------------------------------------------------


def test_two_site_names_on_one_host_are_two_outlets() -> None:
    # A newspaper group serves its titles from one domain: each page names its own title.
    old = doc(*STORY, site="Tolley Gazette", url="https://group.example/gazette/bridge-shut")
    new = doc(*EDITED, site="Canal Times", url="https://group.example/times/bridge-closed")
    c = compare(old, new)
    assert c.changes
    assert not c.summary.edited_without_note
    assert c.summary.undated_edit is None
    # "The Tolley Gazette" and "Tolley Gazette" are one title: a page moved on its site.
    renamed = compare(
        doc(*STORY, site="The Tolley Gazette", url="https://group.example/gazette/bridge-shut"),
        doc(*EDITED, site="Tolley Gazette", url="https://group.example/gazette/bridge-cracks"),
    )
    assert renamed.summary.edited_without_note


def test_different_slugs_and_bylines_on_one_host_are_two_outlets() -> None:
    # A local mirror: one host, no site name of the pages' own (the host's stands in).
    host = "http://127.0.0.1:8000/news/"
    old = doc(*STORY, site="127.0.0.1:8000", url=host + "gazette.html", authors=("Ines Marrow",))
    new = doc(*EDITED, site="127.0.0.1:8000", url=host + "wire.html", authors=("Tobias Quell",))
    assert not compare(old, new).summary.edited_without_note
    url = "https://gazette.example/news/bridge-shut"
    # The same address and site name, with another reporter's byline: one page over time.
    same = compare(
        doc(*STORY, site="Tolley Gazette", url=url, authors=("Ines Marrow",)),
        doc(*EDITED, site="Tolley Gazette", url=url, authors=("Tobias Quell",)),
    )
    assert same.summary.edited_without_note
    # Moved to a new slug with the same reporter, or to a slug sharing words with the old.
    moved = "https://gazette.example/news/bridge-reopens-soon"
    for new_url, authors in ((moved, ("Ines Marrow",)), (url + "-cracks", ("Tobias Quell",))):
        c = compare(
            doc(*STORY, site="Tolley Gazette", url=url, authors=("Ines Marrow",)),
            doc(*EDITED, site="Tolley Gazette", url=new_url, authors=authors),
        )
        assert c.summary.edited_without_note, new_url


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="2026-11-20T08:00:00Z">
<meta property="article:modified_time" content="2026-11-20T08:00:00Z">
<meta name="author" content="{author}">
<link rel="canonical" href="http://127.0.0.1:8000/news/{slug}.html">
</head><body><article><h1>{title}</h1>
{body}
</article></body></html>
"""


def _page(path: Path, site: str, author: str, slug: str, paragraphs: list[str]) -> Path:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    title = "Tolley footbridge shut after cracks found"
    path.write_text(
        _PAGE.format(title=title, site=site, author=author, slug=slug, body=body),
        encoding="utf-8",
    )
    return path


def test_two_outlets_pages_from_one_host_read_from_html(tmp_path: Path) -> None:
    old = _page(tmp_path / "a.html", "Tolley Gazette", "Ines Marrow", "gazette", STORY)
    new = _page(tmp_path / "b.html", "Canal Times", "Tobias Quell", "times", EDITED)
    c = compare(load(str(old)), load(str(new)))
    assert [ch.kind for ch in c.changes] == ["number", "number"]
    assert not c.summary.edited_without_note and c.summary.undated_edit is None
    # The same page fetched twice (one site, one address) is one page over time.
    again = _page(tmp_path / "c.html", "Tolley Gazette", "Ines Marrow", "gazette", EDITED)
    c = compare(load(str(old)), load(str(again)))
    assert c.summary.edited_without_note
    assert c.summary.undated_edit == "2026-11-20T08:00:00Z"


# --- Finding 13 (c): a note that names the person quoted or the thing counted ---------------

QUOTED = [
    'Harbourmaster Lidia Orrin said the jetty had been unsafe for weeks. "We warned the '
    'owners twice," she said.',
    "The barge was carrying 30 tonnes of gravel when it struck the jetty, the port said.",
    "The jetty will stay closed until repairs are finished.",
]
QUOTED_EDITED = [
    QUOTED[0].replace("We warned the owners twice", "We raised it with the owners"),
    QUOTED[1].replace("30 tonnes", "13 tonnes"),
    QUOTED[2],
]


def _noted_kinds(note: str) -> list[str]:
    c = compare(doc(*QUOTED), doc(*QUOTED_EDITED, note))
    assert c.changes[0].kind == "note"
    return sorted(c.changes[i].kind for i, _ in c.summary.noted)


def test_a_note_naming_the_person_quoted_and_the_thing_counted_covers_both() -> None:
    note = (
        "This article was amended on 3 December 2026. An earlier version misquoted "
        "Harbourmaster Lidia Orrin, and overstated the amount of gravel on the barge."
    )
    assert _noted_kinds(note) == ["number", "quote"]
    # Named by the speaker's own sentence ('..., said Lidia Orrin') as well.
    own = [
        '"We warned the owners twice," said Lidia Orrin, the harbourmaster.',
        *QUOTED[1:],
    ]
    edited = [
        own[0].replace("We warned the owners twice", "We raised it with the owners"),
        *own[1:],
    ]
    c = compare(doc(*own), doc(*edited, "Correction: We misquoted Lidia Orrin."))
    assert [c.changes[i].kind for i, _ in c.summary.noted] == ["quote"]
    # The name spelt wrong is not the quote changed; another thing counted is not gravel.
    note = (
        "Correction: An earlier version misspelled the name of Lidia Orrin, and misstated "
        "the amount of fuel on the barge."
    )
    assert _noted_kinds(note) == []
    # A quote changed of someone the note does not name is not covered by a misquote note.
    assert _noted_kinds("Correction: An earlier version misquoted Councillor Amos Venn.") == []


# --- Finding 13 (a): a note that owns up to one change while others change beside it ----------

BEYOND = (
    "Correction: An earlier version of this article misstated the number of cracked beams. "
    "There were 9, not 6."
)


def _views(c) -> tuple[str, str, str, dict]:  # type: ignore[no-untyped-def]
    data = json.loads(render_json.comparison(c, "2026-12-03T10:00:00Z"))
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    return (
        render_text.comparison(c, width=200, color=False, context=2),
        render_markdown.comparison(c),
        render_html.render_comparison(c, generated_at="2026-12-03T10:00:00Z"),
        data,
    )


def test_changes_a_correction_does_not_speak_of_are_marked_in_every_view() -> None:
    quote_cut = STORY[1].replace("until we replace them", "for now")
    old = replace(doc(*STORY), summary="Inspectors found cracked beams")
    new = replace(
        doc(EDITED[0], quote_cut, *STORY[2:], BEYOND),
        summary="Inspectors may have found cracked beams",
    )
    c = compare(old, new)
    kinds = {i: ch.kind for i, ch in enumerate(c.changes)}
    assert [kinds[i] for i, _ in c.summary.noted] == ["number"]  # 6 -> 9 beams: owned up to
    assert [kinds[i] for i in c.summary.beyond_note] == ["quote"]  # the quote is not
    assert c.summary.changed_beyond_note and not c.summary.edited_without_note
    assert [ch.kind for ch in c.standfirst_changes] == ["hedge"]
    assert c.summary.beyond_note_standfirst == (0,)  # "may have found": nor the hedge
    said = (
        'NEW\'s correction does not speak of 2 of these changes (marked "not in the correction").'
    )
    text, markdown, page, data = _views(c)
    assert "— not in the correction" in text and said in text
    assert "— *not in the correction*" in markdown and said in markdown
    assert page.count('<span class="beyond-note">not in the correction</span>') == 2
    assert f'<p class="without-note">{escape(said)}</p>' in page
    summary = data["summary"]
    assert summary["changed_beyond_note"] is True
    assert summary["beyond_note"] == list(c.summary.beyond_note)
    assert data["changes"][summary["beyond_note"][0]]["kind"] == "quote"
    assert summary["beyond_note_title"] == [] and summary["beyond_note_standfirst"] == [0]

    # A note that covers every change leaves nothing beyond it.
    covered = compare(doc(*STORY), doc(*EDITED[:2], STORY[2], BEYOND))
    assert covered.summary.noted and not covered.summary.changed_beyond_note
    assert "not in the" not in render_text.comparison(covered, width=200, color=False, context=2)
    # (The JSON says so only where it is so: others' keep their summary as it was.)
    assert "changed_beyond_note" not in _views(covered)[3]["summary"]
    # An update's new paragraph brings its own news: a quote in it owes the note nothing.
    update = "Update: This story has been updated with comment from the county council."
    new_quote = 'Council leader Petra Vahl said: "We will reopen it by spring."'
    added = compare(doc(*STORY), doc(*STORY, new_quote, update))
    assert not added.summary.changed_beyond_note
    # Two outlets owe each other no note, and none that the other's leaves out.
    other = compare(
        doc(*STORY, site="Tolley Gazette"),
        doc(EDITED[0], quote_cut, *STORY[2:], BEYOND, site="Canal Times"),
    )
    assert other.changes and not other.summary.changed_beyond_note


# --- Finding 13 (b): a page that says only that it was updated ------------------------------


def test_a_new_updated_time_is_said_but_owns_up_to_no_fact() -> None:
    when = "2026-12-03T08:00:00Z"
    old = replace(doc(*STORY, site="Tolley Gazette"), published=when, modified=when)
    later = replace(
        doc(*EDITED, site="Tolley Gazette"), published=when, modified="2026-12-03T14:30:00Z"
    )
    c = compare(old, later)
    # The page says it was updated ("Updated 2:30 pm"), not what: still a stealth edit.
    assert c.summary.edited_without_note and c.summary.undated_edit is None
    said = (
        "NEW changes these facts without a correction or update note: its page gives a new "
        "last-modified time, 2026-12-03T14:30:00Z, but does not say what changed."
    )
    text, markdown, page, data = _views(c)
    assert said in " ".join(text.split()) and WITHOUT_NOTE not in text
    assert f"**{said}**" in markdown
    assert f'<p class="without-note">{escape(said)}</p>' in page
    assert data["summary"]["edited_without_note"] is True
    # The same time as OLD's: no note and no new time, the edit undated.
    same = compare(old, replace(later, modified=when))
    text = render_text.comparison(same, width=200, color=False, context=2)
    assert WITHOUT_NOTE in text and "the edit is undated" in text and said not in text
