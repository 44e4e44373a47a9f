"""rev22b: the international desk's rules (user22) read against English stories: what they
must leave alone. Every page and sentence here was written for these tests."""

from __future__ import annotations

from compare.extract import extract
from compare.extract.pipeline import more_pages_warning
from compare.facets import compare_sentences, sentence_facets
from compare.model import Document, Provenance, Snapshot
from compare.text import split_sentences

LIBRARY = [
    "The council voted on Tuesday evening to close the Riverside library at the end of the "
    "summer, ending more than ninety years of lending on the site.",
    "Councillors said the building needed repairs the borough could not afford, and that a "
    "mobile library would visit the estate twice a week instead.",
    "Residents who packed the public gallery booed as the vote was read out, and several said "
    "they would challenge the decision in the courts.",
]


def extracted(html: str) -> Document:
    return extract(
        Snapshot(
            content=html.encode("utf-8"),
            kind="html",
            provenance=Provenance(spec="page", encoding="utf-8"),
        )
    )


def library_page(middle: str) -> str:
    first, *rest = (f"<p>{p}</p>" for p in LIBRARY)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Library to close'
        "</title></head><body><article><h1>Riverside library to close</h1>"
        f"{first}{middle}{''.join(rest)}</article></body></html>"
    )


def test_the_english_network_ee_ends_a_sentence() -> None:
    # "EE" was always followed (for Spanish "EE. UU."), so "switched to EE. The company"
    # was one sentence.
    assert split_sentences("He switched his contract to EE. The company said it would pay.") == [
        "He switched his contract to EE.",
        "The company said it would pay.",
    ]
    assert len(split_sentences("Los migrantes llegaron a EE. UU. el lunes.")) == 1
    assert len(split_sentences("Viajó a EE. UU., según su familia.")) == 1


def test_a_document_page_named_in_a_caption_or_a_paragraph_is_no_pager() -> None:
    # "Page 2 of 5 of the council's report" in a caption, or "page 1 of 2" in italics in a
    # sentence, said that the story went on at another page.
    caption = (
        '<figure><img src="memo.jpg" alt=""><figcaption>Page 2 of 5 of the council\'s '
        "report</figcaption></figure>"
    )
    assert extracted(library_page(caption)).warnings == ()
    inline = (
        "<p>The memo, on <em>page 1 of 2</em>, sets out the cost of the repairs to the roof "
        "and the walls.</p>"
    )
    document = extracted(library_page(inline))
    assert document.warnings == ()
    assert any("page 1 of 2" in p.text for p in document.paragraphs)
    linked = "<p>Turn to the <a href='/memo'>next page</a> of the memo for the full costs.</p>"
    assert extracted(library_page(linked)).warnings == ()
    # A pager's count with a page's numbers is still one, and a link on after a lead-in.
    lead_in = '<p>Continue reading: <a href="p2">Next page ›</a></p>'
    assert extracted(library_page(lead_in)).warnings == (more_pages_warning("Next page ›"),)
    # Warned of, but no partial text (Document.partial): a pager in the comments or a
    # gallery reads as one too, and a whole story taken for a partial one hides deletions.
    assert not extracted(library_page(lead_in)).partial
    pager = '<div class="pager"><span>Page 1 of 3</span> | 1 2 3</div>'
    assert extracted(library_page(pager)).warnings == (more_pages_warning("Page 1 of 3"),)


def from_text(text: str) -> Document:
    return extract(
        Snapshot(
            content=text.encode("utf-8"),
            kind="text",
            provenance=Provenance(spec="story.txt", encoding="utf-8"),
        )
    )


GOLF = [
    "The Riverside golf club reopened its short course on Saturday, six weeks after the river "
    "burst its banks and left the greens under a foot of water.",
    "Club secretary Alan Pryce said members had worked every weekend to replant the damaged "
    "turf and clear the bunkers of silt.",
]


def test_a_title_case_line_opening_with_an_english_par_or_von_is_no_byline() -> None:
    # "Par" and "Von" open a French or German byline; over an English text, a title-case
    # line under the headline was read as one (authors "Three Course Back In Play").
    story = "\n\n".join(GOLF)
    for line in (
        "Par Three Course Back In Play",
        "Par For The Course At Riverside",
        "Von Trapp Descendants Return Home",
    ):
        document = from_text(f"Golf club reopens after the floods\n\n{line}\n\n{story}\n")
        assert document.authors == ()
        assert [p.text for p in document.paragraphs] == [line, *GOLF]
    # A reporter's name after them is still a byline.
    for line, names in (
        ("Von Jonas Albrecht, Berlin", ("Jonas Albrecht",)),
        ("Par Camille Morel et Jean Roux", ("Camille Morel", "Jean Roux")),
    ):
        document = from_text(f"Golf club reopens after the floods\n\n{line}\n\n{story}\n")
        assert document.authors == names
    # Nothing but title-case words after "Door" over an English story: a line of the
    # headline's, not a Dutch byline (authors were "Prize Winners Named").
    document = from_text(
        f"Golf club reopens after the floods\n\nDoor Prize Winners Named\n\n{story}\n"
    )
    assert document.authors == ()
    assert [p.text for p in document.paragraphs] == ["Door Prize Winners Named", *GOLF]
    # Nor with a comma that sets no place after the names (review23).
    for line in ("Door Prize Winners Named, Fete Raises Sum", "Par Three Course, Clubhouse Reopen"):
        document = from_text(f"Golf club reopens after the floods\n\n{line}\n\n{story}\n")
        assert document.authors == (), line
    # Over a Dutch story it is the reporter.
    dutch = (
        "De gemeenteraad van Zwolle heeft dinsdagavond ingestemd met het plan om de "
        "binnenstad autovrij te maken, ondanks protesten van winkeliers."
    )
    document = from_text(f"Zwolle wordt autovrij\n\nDoor Pieter de Vries\n\n{dutch}\n")
    assert document.authors == ("Pieter de Vries",)


def test_english_euro_after_a_figure_is_the_tournament_not_money() -> None:
    # "Euro" after a figure was read as euros: "lost 2 Euro finals" -> "3 Euro finals" was
    # told as an amount, "2 Euro" -> "3 Euro".
    old = "England lost 2 Euro finals in a row before the win, the manager said."
    changes = [(c.kind, c.old, c.new) for c in compare_sentences(old, old.replace("2", "3"))]
    assert changes == [("number", "2", "3")]
    venues = "All 10 Euro 2028 venues were inspected by officials on Monday."
    assert next((n.text, n.kind) for n in sentence_facets(venues).numbers) == ("10", "count")
    # German's (and English's own at a clause's end) are still money.
    for sentence, amount in (
        ("Die Karte kostet 12 Euro pro Person.", "12 Euro"),
        ("The fine was 12 Euro, the court said.", "12 Euro"),
    ):
        assert [(n.text, n.kind) for n in sentence_facets(sentence).numbers] == [(amount, "money")]


def test_a_teaser_card_under_the_headline_is_no_standfirst() -> None:
    # "teaser" names a standfirst box since user22; a card linking to another story set
    # under the headline became the summary, and another card on the next fetch a changed
    # standfirst.
    def page(card: str) -> str:
        return library_page("").replace(
            "<h1>Riverside library to close</h1>",
            "<h1>Riverside library to close</h1>"
            f'<div class="teaser"><a href="/budget">Read more: {card}</a></div>',
        )

    document = extracted(page("Council to vote on budget cuts next week"))
    assert document.summary is None
    assert [p.text for p in document.paragraphs] == LIBRARY
    # A teaser in words of its own is still the standfirst.
    own = library_page("").replace(
        "<h1>Riverside library to close</h1>",
        "<h1>Riverside library to close</h1>"
        '<div class="teaser"><p>Councillors cite the repair bill as residents vow to fight on'
        "</p></div>",
    )
    assert extracted(own).summary == (
        "Councillors cite the repair bill as residents vow to fight on"
    )


def test_an_english_byline_with_the_place_over_a_plain_text_is_its_byline() -> None:
    # "Von Jonas Albrecht, Berlin" over a plain text became its byline (user22) while "By
    # Jane Smith, Berlin" stayed the story's first paragraph.
    story = "\n\n".join(GOLF)
    for line, names in (
        ("By Jane Smith, Berlin", ("Jane Smith",)),
        ("By Jane Smith in New York", ("Jane Smith",)),
        ("By Jane Smith and Tom Okafor in Kyiv", ("Jane Smith", "Tom Okafor")),
        ("By Jane Smith, Tom Okafor", ("Jane Smith", "Tom Okafor")),
    ):
        document = from_text(f"Golf club reopens after the floods\n\n{line}\n\n{story}\n")
        assert document.authors == names
        assert [p.text for p in document.paragraphs] == GOLF
    # A deadline is no reporter.
    document = from_text(f"Golf club reopens after the floods\n\nBy Sunday, Berlin\n\n{story}\n")
    assert document.authors == ()


def test_the_planet_mars_is_no_month() -> None:
    # French "mars" (March) was read in "3 Mars rovers" -> "three Mars rovers" (a date
    # removed and a count added) and, since user22's months alone, in "vers Mars" (the
    # planet gone: a date removed).
    rovers = "The agency has landed 3 Mars rovers since 2004, officials said."
    assert not compare_sentences(rovers, rovers.replace("3 Mars", "three Mars"))
    french = "La NASA prépare une nouvelle mission vers Mars, a indiqué l'agence spatiale."
    assert [n.kind for n in sentence_facets(french).numbers] == []
    changes = compare_sentences(french, french.replace("Mars", "la Lune"))
    assert [c.kind for c in changes] == ["name"]
    # The month is still one.
    vote = "Le vote aura lieu en mars, a indiqué le maire."
    changes = compare_sentences(vote, vote.replace("mars", "avril"))
    assert [(c.kind, c.old, c.new) for c in changes] == [("number", "mars", "avril")]
    dated = "Le vote aura lieu le 3 mars, a indiqué le maire."
    changes = compare_sentences(dated, dated.replace("3 mars", "4 mars"))
    assert [(c.kind, c.old, c.new) for c in changes] == [("number", "3 mars", "4 mars")]


def test_a_month_capitalised_in_a_language_that_writes_it_lower_is_a_name() -> None:
    # user22's month alone read "Julio" in "Julio Ramos", "Avril" in "Avril Dupont" as a
    # date: a name swapped was also told as a date removed.
    for old, new, name in (
        (
            "El portavoz del ayuntamiento, Julio Ramos, dijo que las obras empezarán pronto.",
            "Pedro Ramos",
            "Julio Ramos",
        ),
        (
            "El delantero Ramón Abril marcó dos goles en el partido del domingo.",
            "Ramón Gil",
            "Ramón Abril",
        ),
    ):
        changes = compare_sentences(old, old.replace(name, new))
        assert [(c.kind, c.old, c.new) for c in changes] == [("name", name, new)]
    french = "La chanteuse Avril Dupont a annoncé un concert à Lyon, selon son agent."
    assert [n.kind for n in sentence_facets(french).numbers] == []
    # The month, in lower case, is still one; German's, capitalised, too.
    works = "Las obras terminarán en julio, según el ayuntamiento de la ciudad."
    changes = compare_sentences(works, works.replace("julio", "agosto"))
    assert [(c.kind, c.old, c.new) for c in changes] == [("number", "julio", "agosto")]
    german = "Die Wahl findet im Mai statt, sagte der Sprecher der Stadt."
    changes = compare_sentences(german, german.replace("Mai", "Juni"))
    assert [(c.kind, c.old, c.new) for c in changes] == [("number", "Mai", "Juni")]


def test_a_pager_that_pages_through_something_else_says_nothing_of_the_story() -> None:
    # review25: the comments', a gallery's and a list's pagers read as the story's.
    boxes = [
        '<section class="comments"><h2>Comments (48)</h2><p>Great reporting.</p>'
        '<div class="comment-pager"><span>Page 1 of 5</span> <a href="?c=2">Next page ›</a>'
        "</div></section>",
        '<figure class="gallery"><img src="a.jpg" alt=""><figcaption>Page 1 of 6</figcaption>'
        '<a href="?photo=2">Next page ›</a></figure>',
        '<div class="latest-news"><h2>Latest news</h2><ul><li><a href="/a">Bus fares rise</a>'
        '</li></ul><a href="/news?page=2">Next page</a></div>',
    ]
    for box in boxes:
        assert extracted(library_page(box)).warnings == (), box
    story_pager = '<div class="pager"><span>Page 1 of 3</span> | 1 2 3</div>'
    assert extracted(library_page(story_pager)).warnings == (more_pages_warning("Page 1 of 3"),)
    # A box named for the story's section or an election's result still holds its pager.
    for box in ("post category-comment", "result popular-vote"):
        page = library_page(f'<div class="{box}">{story_pager}</div>')
        assert extracted(page).warnings == (more_pages_warning("Page 1 of 3"),), box
    # The story's own wrapper, whatever its layout's class, is the story's (rt26).
    for layout in ("layout has-sidebar", "main-with-sidebar", "page-latest"):
        page = library_page(story_pager).replace("<body>", f'<body><div class="{layout}">')
        assert extracted(page).warnings == (more_pages_warning("Page 1 of 3"),), layout
