"""Newsroom notes: a correction, clarification or update note added, changed or taken down,
and facts changed without one."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from compare import CompareOptions, compare, load
from compare.cli import app
from compare.model import Document, Paragraph
from compare.notes import WITHOUT_NOTE, note_kind
from compare.render import html as render_html
from compare.render import json as render_json
from compare.render import markdown as render_markdown
from compare.render import text as render_text
from compare.schema import load_schema
from compare.store import document_from_dict
from compare.text import split_sentences

STORY = [
    "A 24-inch water main burst under Eastgate Avenue on Thursday, leaving about 1,200 "
    "homes without water, city officials said.",
    "Crews from the Riverside Water Authority shut two valves by 6 a.m., a police "
    "spokesperson said.",
    "Residents of Northside were told to boil tap water until further notice.",
    "No injuries were reported.",
]
CORRECTION = (
    "Correction: An earlier version of this article misstated the diameter of the main. "
    "It is 20 inches, not 24 inches."
)
FIXED = STORY[0].replace("24-inch", "20-inch")


def doc(*paragraphs: str, site: str | None = "courier.example", url: str | None = None) -> Document:
    return Document(
        paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs),
        title="Water main break floods Eastgate underpass",
        site_name=site,
        url=url,
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (CORRECTION, "correction"),
        ("CORRECTION, Nov. 21: The main was laid in 1958, not 1985.", "correction"),
        ("Clarification: The authority runs the valves, not the city.", "clarification"),
        ("Update (3 p.m.): Police have reopened one lane of Route 9.", "update"),
        (
            "Editor's note: This story has been updated with the council's response.",
            "editor's note",
        ),
        ("This article was amended on 21 November to correct the pipe's age.", "correction"),
        ("This story has been updated to include comment from the authority.", "update"),
        ("An earlier version of this story gave the wrong date for the repair.", "correction"),
        ("(This story has been corrected to show the main is 20 inches wide.)", "correction"),
        ("(Corrects diameter of main in paragraph 1)", "correction"),
        ("A correction was made on Nov. 21, 2026: An earlier version misstated ...", "correction"),
        ("[Update: Route 9 reopened at 6 p.m.]", "update"),
        # Sentences that only start with the same words are no notes.
        ("Correction officers said the inmates were moved overnight.", None),
        ("Update your browser to see the interactive map.", None),
        ("The story was updated by a rival paper an hour later.", None),
        # Other languages' newsrooms.
        ("Rectificatif : une version précédente indiquait 300 foyers.", "correction"),
        ("Une version antérieure de cet article indiquait 300 foyers.", "correction"),
        ("Précision : la mairie gère les vannes, pas la région.", "clarification"),
        ("Mise à jour, 21 novembre : la police a rouvert la route.", "update"),
        ("Note de la rédaction : les noms ont été modifiés.", "editor's note"),
        ("Fe de erratas: una versión anterior de este artículo decía 300.", "correction"),
        ("Actualización (15:00): la policía reabrió un carril.", "update"),
        ("Nota del editor: este artículo fue actualizado.", "editor's note"),
        ("Korrektur: In einer früheren Version hieß es 300 Haushalte.", "correction"),
        ("In einer früheren Fassung dieses Artikels hieß es 300 Haushalte.", "correction"),
        ("Anmerkung der Redaktion: Der Text wurde ergänzt.", "editor's note"),
        ("Correção: a ponte foi inaugurada em 1958.", "correction"),
        # Other common labels of the same newsrooms.
        ("Fe de errores: una versión anterior de este artículo decía 300.", "correction"),
        ("Rectificación: el puente se inauguró en 1958.", "correction"),
        ("Korrekturhinweis: In einer früheren Version hieß es 300 Haushalte.", "correction"),
        ("Richtigstellung: Die Brücke wurde 1958 eröffnet.", "correction"),
        ("Hinweis der Redaktion: Die Namen wurden geändert.", "editor's note"),
        ("Rectification : le pont a été inauguré en 1958.", "correction"),
        ("Errata corrige: il ponte è stato inaugurato nel 1958.", "correction"),
        ("Errata: a ponte foi inaugurada em 1958.", "correction"),
        ("Retificação: a ponte foi inaugurada em 1958.", "correction"),
        ("Nota da Redação: os nomes foram alterados.", "editor's note"),
        ("Rectificación de la carretera costará 3 millones.", None),
        ("Richtigstellungen der Regierung blieben aus.", None),
        ("Errata e omissioni del bilancio sono state corrette.", None),
        ("Aggiornamento: la polizia ha riaperto la strada.", "update"),
        ("【訂正】当初の記事で被害世帯数を300世帯としていましたが、誤りでした。", "correction"),
        ("おわびと訂正：記事中の数字に誤りがありました。", "correction"),
        ("（更新）市は午後3時に記者会見を開いた。", "update"),
        ("更正：本文中的维修时间应为六周。", "correction"),
        ("编者按：本文已更新。", "editor's note"),
        ("訂正（10月16日）：記事中の病床数に誤りがありました。", "correction"),
        ("更新された計画では、病院は2028年に開業する。", None),  # "the revised plan"
        ("更新 iOS 17 后，许多用户报告电池续航变差。", None),  # "after updating iOS 17"
        ("更新3次后，应用仍然无法打开。", None),
        ("更新：2026年10月15日 11:00", None),  # when the page was updated
        ("訂正案は来週提出される。", None),  # "the amendment bill"
        ("Actualizaciones del programa llegan cada mes.", None),
        ("Korrekturen am Haushalt sind geplant.", None),
        ("Précisions sur le chantier du pont", None),
        ("Précision, rigueur et patience ont guidé les ingénieurs.", None),
        ("Mise à jour, le logiciel plante encore.", None),
        ("Aggiornamento (ore 15): la strada è stata riaperta.", "update"),
        # A comma sets a label off only before a date or time; else it is a sentence.
        ("Update, Tuesday: Police reopened one lane.", "update"),
        ("Update, at 5 p.m.: Police reopened one lane.", "update"),
        ("Mise à jour, le 21 novembre : la police a rouvert la route.", "update"),
        ("Correction, the minister said: the border will move.", None),
        ("Clarification, he added, was needed before the vote.", None),
        ("Rectification, a déclaré le ministre : la frontière bougera.", None),
        ("Aktualisierung, so der Minister: Die Grenze wird verschoben.", None),
        # Abbreviated editors' notes, and a disclosure.
        ("NDLR : les noms des témoins ont été modifiés.", "editor's note"),
        ("(NDLR : cet article a été mis à jour à 15 h.)", "editor's note"),
        ("N.d.R.: questo articolo è stato aggiornato alle 15.", "editor's note"),
        ("N.d.l.R.: Dit artikel is bijgewerkt.", "editor's note"),
        ("Transparenzhinweis: Der Autor ist Mitglied des Vereins.", "editor's note"),
        ("Ndlovu said the talks had failed.", None),
        ("N. D. Patel chaired the meeting.", None),
    ],
)
def test_note_kind(text: str, kind: str | None) -> None:
    assert note_kind(text) == kind


def test_a_correction_added_leads_the_key_changes() -> None:
    c = compare(doc(*STORY), doc(CORRECTION, FIXED, *STORY[1:]))
    note = c.changes[0]
    assert (note.kind, note.action, note.old, note.new) == ("note", "added", None, CORRECTION)
    assert note.detail.startswith('correction added: "Correction: An earlier version')
    assert note.severity == 1
    # It points at the sentence block of the note's own paragraph.
    assert c.sentences[note.sentence].b[0] == (0, 0)
    assert any(ch.kind == "number" for ch in c.changes[1:])
    assert not c.summary.edited_without_note
    text = render_text.comparison(c, width=100, color=False, context=2)
    keys = text.split("Key changes", 1)[1]
    assert keys.index("correction added") < keys.index("24-inch")
    assert WITHOUT_NOTE not in text
    page = render_html.render_comparison(c, generated_at="2026-11-26T10:00:00Z")
    assert '<span class="kind">Correction added</span>' in page
    assert "added · meaning: correction" in page  # the note's row badge
    assert "without-note" not in page.split("</style>")[-1]


JA_STORY = [
    "市立病院の新棟は2028年春に開業する予定だと、市が21日に発表した。",
    "総事業費は約120億円で、病床は300床に増える。",
    "市長は「地域医療の拠点にしたい」と話した。",
]


def test_a_japanese_correction_is_a_note_and_owns_up_to_the_number() -> None:
    # Before, only English labels were notes: this page was said to change facts
    # without a note.
    # The beds changed too, and the note does not speak of them: 床 (beds) is not 億 (100
    # million yen).
    cost = JA_STORY[1].replace("約120億円", "約150億円").replace("300床", "320床")
    fixed = [JA_STORY[0], cost, JA_STORY[2]]
    note = "【訂正】当初の記事で総事業費を約120億円としていましたが、約150億円の誤りでした。"
    c = compare(doc(*JA_STORY), doc(*fixed, note))
    assert c.changes[0].kind == "note" and c.changes[0].label == "correction"
    assert not c.summary.edited_without_note
    numbers = {ch.new: i for i, ch in enumerate(c.changes) if ch.kind == "number"}
    assert c.summary.noted == ((numbers["150億円"], 0),)  # read with its unit (user22)
    assert "320床" in numbers


def test_a_french_update_label_on_its_own_line_opens_the_note() -> None:
    story = ["Le pont de l'Est a rouvert mardi après six semaines de travaux, selon la mairie."]
    later = [story[0].replace("six semaines", "sept semaines")]
    c = compare(
        doc(*story), doc(*later, "Mise à jour, 21 novembre :", "Le chantier a duré sept semaines.")
    )
    assert [ch.kind for ch in c.changes][:1] == ["note"]
    assert c.changes[0].detail.startswith('update added: "Mise à jour, 21 novembre :')
    assert not c.summary.edited_without_note


def test_a_note_comes_before_the_headline_change() -> None:
    new = replace(doc(CORRECTION, FIXED, *STORY[1:]), title="Water main break: 3,400 homes dry")
    keys = render_text.comparison(compare(doc(*STORY), new), width=100, color=False, context=2)
    keys = keys.split("Key changes", 1)[1]
    assert keys.index("correction added") < keys.index("(headline)")


def test_facts_changed_without_a_note_are_said_to_be() -> None:
    c = compare(doc(*STORY), doc(FIXED, *STORY[1:]))
    assert [ch.kind for ch in c.changes] == ["number"]
    assert c.summary.edited_without_note
    assert WITHOUT_NOTE in render_text.comparison(c, width=100, color=False, context=2)
    assert WITHOUT_NOTE in render_markdown.comparison(c)
    page = render_html.render_comparison(c, generated_at="2026-11-26T10:00:00Z")
    assert f'<p class="without-note">{WITHOUT_NOTE}</p>' in page
    data = json.loads(render_json.comparison(c, "2026-11-26T10:00:00Z"))
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    assert data["summary"]["edited_without_note"] is True


def test_wording_only_edits_owe_no_note() -> None:
    reworded = STORY[3].replace("No injuries were reported.", "Nobody was reported injured.")
    c = compare(doc(*STORY), doc(*STORY[:3], reworded))
    assert c.summary.changed and not c.changes
    assert not c.summary.edited_without_note


def test_two_outlets_owe_each_other_no_note() -> None:
    c = compare(doc(*STORY, site="Riverside Courier"), doc(FIXED, *STORY[1:], site="Metro Daily"))
    assert c.changes and not c.summary.edited_without_note
    # One outlet under two names, and one address, is one page.
    same = compare(doc(*STORY, site="Courier"), doc(FIXED, *STORY[1:], site="Courier News"))
    assert same.summary.edited_without_note
    url = "https://courier.example/news/water-main"
    moved = compare(
        doc(*STORY, site="Courier", url=url), doc(FIXED, *STORY[1:], site="Metro", url=url)
    )
    assert moved.summary.edited_without_note
    # Another address on the same site is the page moved; on another site, another page.
    here, there = "https://courier.example/news/a", "https://www.courier.example/news/b"
    assert compare(
        doc(*STORY, url=here), doc(FIXED, *STORY[1:], url=there)
    ).summary.edited_without_note
    elsewhere = doc(FIXED, *STORY[1:], url="https://metro.example/a")
    assert not compare(doc(*STORY, url=here), elsewhere).summary.edited_without_note
    # A page that names no site could be anyone's; a longer name may be another outlet's.
    for old_site, new_site in (("Courier", None), ("The Times", "The Times of India")):
        other = compare(doc(*STORY, site=old_site), doc(FIXED, *STORY[1:], site=new_site))
        assert not other.summary.edited_without_note, (old_site, new_site)
    texts = compare(doc(*STORY, site=None), doc(FIXED, *STORY[1:], site=None))
    assert texts.summary.edited_without_note  # two text files: versions of one story


def test_a_note_taken_down_and_the_facts_put_back() -> None:
    c = compare(doc(CORRECTION, FIXED, *STORY[1:]), doc(*STORY))
    note = c.changes[0]
    assert (note.kind, note.action, note.old, note.new) == ("note", "removed", CORRECTION, None)
    assert note.detail.startswith("correction removed:")
    # Removing the note says nothing about the facts changed back.
    assert c.summary.edited_without_note
    assert "old ¶ 1" in render_text.comparison(c, width=100, color=False, context=2)


def test_a_note_reworded_is_a_note_changed() -> None:
    longer = CORRECTION + " It was laid in 1958."
    c = compare(doc(CORRECTION, *STORY), doc(longer, *STORY))
    # The year the note now gives is the note's, not a fact of the story changed.
    assert [(n.kind, n.action, n.old, n.new) for n in c.changes] == [
        ("note", "changed", CORRECTION, longer)
    ]
    assert c.changes[0].detail.startswith("correction changed:")
    assert not c.summary.edited_without_note


def test_an_unchanged_note_is_no_change() -> None:
    c = compare(
        doc(CORRECTION, *STORY), doc(CORRECTION, *STORY, "Crews expect to finish by Friday.")
    )
    assert not [ch for ch in c.changes if ch.kind == "note"]


def test_a_long_note_is_cut_in_its_description_only() -> None:
    long_note = "Update: " + " ".join(["The authority has now restored water to most homes."] * 8)
    c = compare(doc(*STORY), doc(*STORY, long_note))
    note = c.changes[0]
    assert note.new == long_note
    assert note.detail.endswith('…"') and len(note.detail) < 200


def test_facets_off_lists_no_notes() -> None:
    c = compare(doc(*STORY), doc(CORRECTION, FIXED, *STORY[1:]), CompareOptions(facets=False))
    assert not c.changes and not c.summary.edited_without_note


@pytest.mark.parametrize(
    ("note", "noted"),
    [
        ("This story has been updated to correct the number of homes without water.", True),
        ("Correction: An earlier version misstated the total of homes left without water.", True),
        # What the note names is not what changed: the homes, not the main's size.
        ("This story has been updated to correct the size of the water main.", False),
    ],
)
def test_a_note_that_names_a_figure_by_what_it_counts_speaks_of_it(note: str, noted: bool) -> None:
    # "updated to correct the number of customers" gives no value: what it counts ties it
    # to the changed figure, as a value would.
    homes = STORY[0].replace("1,200", "2,100")
    c = compare(doc(*STORY), doc(note, homes, *STORY[1:]))
    numbers = [i for i, ch in enumerate(c.changes) if ch.kind == "number"]
    assert len(numbers) == 1
    assert (c.summary.noted == ((numbers[0], 0),)) is noted


@pytest.mark.parametrize(
    ("note", "noted"),
    [
        ("We have amended this article to correct the price of a weekly pass.", True),
        ("This story has been updated to correct the cost of a weekly pass.", True),
        # What the note prices is not what changed.
        ("We have amended this article to correct the price of a single ticket.", False),
    ],
)
def test_a_note_that_names_a_price_by_what_it_is_of_speaks_of_it(note: str, noted: bool) -> None:
    fares = (
        "Greyline Buses said a single adult ticket would go up from £2.20 to £2.60, and a "
        "weekly pass from £18 to {}."
    )
    story = [fares.format("£22"), *STORY[1:]]
    c = compare(doc(*story), doc(note, fares.format("£21"), *STORY[1:]))
    numbers = [i for i, ch in enumerate(c.changes) if ch.kind == "number"]
    assert len(numbers) == 1
    assert (c.summary.noted == ((numbers[0], 0),)) is noted


def test_a_note_that_names_a_price_owns_the_sum_not_a_count_before_it() -> None:
    # (review21: the count of riders changed too, and took the note from the price.)
    fares = "A weekly pass, used by {} people, will cost {} from January, Greyline Buses said."
    note = "We have amended this article to correct the price of a weekly pass."
    c = compare(
        doc(fares.format("40,000", "£22"), *STORY[1:]),
        doc(note, fares.format("45,000", "£21"), *STORY[1:]),
    )
    numbers = {ch.old: i for i, ch in enumerate(c.changes) if ch.kind == "number"}
    assert c.summary.noted == ((numbers["£22"], 0),)


def test_a_note_speaks_of_the_number_it_gives() -> None:
    homes = FIXED.replace("1,200", "3,400")
    c = compare(doc(*STORY), doc(CORRECTION, homes, *STORY[1:]))
    numbers = {ch.old: i for i, ch in enumerate(c.changes) if ch.kind == "number"}
    assert c.summary.noted == ((numbers["24-inch"], 0),)  # not the 1,200 -> 3,400 homes
    text = render_text.comparison(c, width=120, color=False, context=2)
    assert '"24-inch" → "20-inch"  (¶ 2)  — in the correction' in text
    # (The homes the note does not speak of are marked so: see test_notes26.)
    assert '"about 3,400 homes"  (¶ 2)  — not in the correction\n' in text
    assert '"24-inch" → "20-inch" (¶ 2) — *in the correction*' in render_markdown.comparison(c)
    page = render_html.render_comparison(c, generated_at="2026-11-26T10:00:00Z")
    assert page.count('<span class="noted">in the correction</span>') == 1
    data = json.loads(render_json.comparison(c, "2026-11-26T10:00:00Z"))
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    assert data["summary"]["noted"] == [{"change": numbers["24-inch"], "note": 0}]


def test_a_note_speaks_of_the_headline_number_it_corrects() -> None:
    # The headline gave the wrong count too: the reader must see that the correction owns
    # up to that change as well, not only to the body's.
    wrong = replace(doc(*STORY), title="Water main break leaves 1,200 homes dry")
    body = [STORY[0].replace("1,200", "800"), *STORY[1:]]
    note = (
        "Correction: An earlier version of this article misstated the number of homes. It was 800."
    )
    right = replace(doc(*body, note), title="Water main break leaves 800 homes dry")
    c = compare(wrong, right)
    assert [ch.detail for ch in c.title_changes] == ['number: "1,200 homes" → "800 homes"']
    notes = [i for i, ch in enumerate(c.changes) if ch.kind == "note"]
    assert c.summary.noted_title == ((0, notes[0]),)
    text = render_text.comparison(c, width=120, color=False, context=2)
    assert '"800 homes"  (headline)  — in the correction' in text
    page = render_html.render_comparison(c, generated_at="2026-11-26T10:00:00Z")
    assert page.count('<span class="noted">in the correction</span>') == 2  # headline, ¶ 1
    data = json.loads(render_json.comparison(c, "2026-11-26T10:00:00Z"))
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    assert data["summary"]["noted_title"] == [{"change": 0, "note": notes[0]}]
    assert data["summary"]["noted_standfirst"] == []


def test_a_note_about_something_else_speaks_of_no_headline_change() -> None:
    wrong = replace(doc(*STORY), title="Water main break leaves 1,200 homes dry")
    right = replace(doc(*STORY, CORRECTION), title="Water main break leaves 800 homes dry")
    c = compare(wrong, right)
    assert c.title_changes and c.summary.noted_title == ()


AUDIT = [
    "The council approved the stormwater fee on Tuesday by five votes to four.",
    "The finance director said the external auditors did review the stormwater fee "
    "proposal before the vote.",
    "Opponents of the stormwater fee said the council had ignored residents.",
    "The stormwater fee will be reviewed by the council after three years.",
]
AUDIT_NOTE = (
    "Correction: An earlier version of this article misstated the role of the external "
    "auditors in reviewing the stormwater fee proposal."
)


def test_a_note_speaks_of_a_sentence_it_shares_rare_words_with() -> None:
    fixed = AUDIT[1].replace("did review", "did not review")
    hedged = AUDIT[2].replace("had ignored", "had allegedly ignored")  # topic words only
    c = compare(doc(*AUDIT), doc(AUDIT[0], fixed, hedged, AUDIT[3], AUDIT_NOTE))
    kinds = {ch.kind: i for i, ch in enumerate(c.changes)}
    assert set(kinds) == {"note", "negation", "hedge"}
    assert c.summary.noted == ((kinds["negation"], kinds["note"]),)


def test_the_date_in_a_notes_label_speaks_of_no_number() -> None:
    note = "Correction, 21 November: The main was laid in 1958, not 1985."
    moved = STORY[3] + " Repairs are due to finish on 21 November."
    later = moved.replace("21 November", "28 November")
    c = compare(doc(*STORY[:3], moved), doc(note, *STORY[:3], later))
    assert any(ch.kind == "number" for ch in c.changes)
    assert c.summary.noted == ()


def test_a_note_taken_down_speaks_of_nothing() -> None:
    c = compare(doc(CORRECTION, FIXED, *STORY[1:]), doc(*STORY))
    assert c.summary.noted == ()


def test_the_council_vote_correction_owns_up_to_the_auditors_edit() -> None:
    story = "fixtures/updated-council-vote"
    c = compare(f"{story}/v1.html", f"{story}/v4.html")
    assert c.changes[0].kind == "note" and c.changes[0].action == "added"
    assert [(c.changes[i].detail, n) for i, n in c.summary.noted] == [
        ('negation flipped: "did review" → "did not review"', 0)
    ]
    assert not c.summary.edited_without_note


def test_a_note_over_two_paragraphs_is_one_note_and_its_dates_are_its_own() -> None:
    label, note = (
        "Correction: Nov. 21, 2026",
        "An earlier version misstated the vote. It was 6-3, not 7-2.",
    )
    vote = (
        "The council voted 7-2 on Tuesday to repair the main. The next meeting is on Nov. 21, 2026."
    )
    fixed = vote.replace("7-2", "6-3").replace("Nov. 21", "Dec. 2")
    c = compare(doc(vote, *STORY), doc(fixed, *STORY, label, note))
    notes = [ch for ch in c.changes if ch.kind == "note"]
    assert [n.new for n in notes] == [f"{label}\n\n{note}"]
    noted = {c.changes[i].detail for i, _ in c.summary.noted}
    assert noted == {'number: "7-2" → "6-3"'}  # one vote, not the meeting's date


def test_a_note_amended_on_a_date_speaks_of_no_date() -> None:
    note = "This article was amended on 4 March 2026 to correct the spelling of a name."
    meeting = "The next meeting is on 4 March 2026."
    c = compare(doc(*STORY, meeting), doc(*STORY, "The next meeting is on 11 March 2026.", note))
    assert [ch.kind for ch in c.changes] == ["note", "number"]
    assert c.summary.noted == ()


def test_a_number_the_note_gives_for_something_else_is_not_spoken_of() -> None:
    engines = "The city also bought 2 new fire engines."
    vote = "An earlier version misstated the vote. It was 6-3, not 7-2."
    c = compare(
        doc(*STORY, engines), doc(*STORY, engines.replace("2 new", "3 new"), f"Correction: {vote}")
    )
    assert [ch.kind for ch in c.changes] == ["note", "number"]
    assert c.summary.noted == ()


def test_a_name_the_note_spells_is_spoken_of_but_not_the_quote_beside_it() -> None:
    said = 'Councillor Priya Patal called the plan "a reckless gamble with public money".'
    now = said.replace("Patal", "Patel").replace("reckless", "risky")
    note = "Correction: An earlier version misspelled the name of Councillor Priya Patel."
    c = compare(doc(*STORY, said), doc(*STORY, now, note))
    noted = {c.changes[i].kind for i, _ in c.summary.noted}
    assert noted == {"name"}


@pytest.mark.parametrize(
    "note",
    [
        "Correction: An earlier version of this story misspelled the name of a resident, "
        "Margaret Oaks.",
        "This article was updated to correct the spelling of Margaret Oaks's name.",
        "Correction: An earlier version misspelled Margaret Oaks's name as Oakes.",
    ],
)
def test_a_speakers_name_the_note_spells_is_spoken_of(note: str) -> None:
    # The commonest correction, on a quoted resident: an attribution change, not a name one.
    said = '"The pictures came off the wall," said Margaret Oakes, who lives on Fern Row.'
    c = compare(doc(*STORY, said), doc(*STORY, said.replace("Oakes", "Oaks"), note))
    assert [ch.kind for ch in c.changes] == ["note", "attribution"]
    assert [c.changes[i].kind for i, _ in c.summary.noted] == ["attribution"]


def test_a_speaker_the_note_does_not_name_is_not_spoken_of() -> None:
    said = '"The pictures came off the wall," said Margaret Oakes, who lives on Fern Row.'
    note = "Correction: An earlier version misspelled the name of Fern Row as Fern Road."
    c = compare(doc(*STORY, said), doc(*STORY, said.replace("Oakes", "Oaks"), note))
    assert [ch.kind for ch in c.changes] == ["note", "attribution"]
    assert c.summary.noted == ()


def test_a_short_note_does_not_take_the_next_paragraph() -> None:
    c = compare(doc(*STORY), doc(*STORY[:3], "Update: Route 9 reopened.", STORY[3]))
    assert [(ch.kind, ch.new) for ch in c.changes] == [("note", "Update: Route 9 reopened.")]


def test_a_live_blog_owes_no_note_for_its_updates() -> None:
    story = "fixtures/liveblog-storm"
    old, new = load(f"{story}/v1.html"), load(f"{story}/v2.html")
    assert old.live and new.live  # its JSON-LD says LiveBlogPosting
    c = compare(old, new)
    assert c.changes and not c.summary.edited_without_note
    data = json.loads(render_json.comparison(c, "2026-11-26T10:00:00Z"))
    jsonschema.Draft202012Validator(load_schema("compare")).validate(data)
    assert data["documents"]["new"]["live"] is True
    assert "live" not in render_json.document_dict(load("fixtures/updated-council-vote/v1.html"))
    # The store keeps it.
    assert document_from_dict(render_json.document_dict(new)).live
    assert compare(replace(old, live=False), replace(new, live=False)).summary.edited_without_note


def test_a_note_headed_in_capitals_keeps_to_itself() -> None:
    heading = "UPDATE: MAYOR RESPONDS TO CRITICS"
    c = compare(doc(*STORY), doc(heading, FIXED, *STORY[1:]))
    assert [(ch.kind, ch.new) for ch in c.changes] == [("note", heading), ("number", "20-inch")]


def test_a_note_about_the_sentence_but_not_the_edit_owns_up_to_nothing() -> None:
    hearing = "Parents at the closure hearing said the plan would likely force pupils to travel."
    note = (
        "Correction: An earlier version of this story misstated where the closure hearing "
        "was held; it was at Lincoln High, not Central High."
    )
    c = compare(doc(*STORY, hearing), doc(*STORY, hearing.replace(" likely", ""), note))
    assert [ch.kind for ch in c.changes] == ["note", "hedge"]
    assert c.summary.noted == ()


def test_a_name_is_spoken_of_only_as_a_whole_name() -> None:
    said = "Councillor Ana Lind called the plan a gamble with public money."
    note = "Correction: An earlier version misspelled the name of Councillor Ana Lindemann."
    c = compare(doc(*STORY, said), doc(*STORY, said.replace("Lind", "Linde"), note))
    assert [ch.kind for ch in c.changes] == ["note", "name"]
    assert c.summary.noted == ()


@pytest.mark.parametrize("kind", ["LiveBlogPosting", "https://schema.org/LiveBlogPosting"])
def test_a_live_blog_is_known_by_its_structured_data(tmp_path: Path, kind: str) -> None:
    body = "".join(f"<p>{p}</p>" for p in STORY)
    data = json.dumps({"@context": "https://schema.org", "@type": kind, "headline": "Water main"})
    page = tmp_path / "live.html"
    page.write_text(
        f'<html lang="en"><head><meta charset="utf-8"><script type="application/ld+json">{data}'
        f"</script></head><body><article><h1>Water main</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    assert load(str(page)).live


WIRE = [
    "LONDON, Nov 26 (Wire) - Britain's biggest water company said on Wednesday it would cut "
    "1,200 jobs over two years.",
    "Shares in the company rose 3% in early trading.",
    "(Reporting by Jane Doe; Editing by John Smith)",
]


@pytest.mark.parametrize(
    "credits",
    [
        "(Reporting by Jane Doe in London; Editing by Alex Brown and Sam Green)",
        # A desk or the staff for names (one test of credits for coverage and for notes).
        "(Reporting by Jane Doe; Editing by the Northline Wire desk)",
        "Reporting by Northline staff; editing by Sam Green.",
        "Associated Press writer Tom Li contributed to this report.",
    ],
)
def test_a_wire_credit_line_changed_is_no_meaning_change(credits: str) -> None:
    c = compare(doc(*WIRE), doc(*WIRE[:2], credits))
    assert [b.op for b in c.blocks][:2] == ["equal", "equal"]
    assert c.blocks[2:] and all(b.op != "equal" for b in c.blocks[2:])  # still shown
    assert c.changes == ()
    assert not c.summary.edited_without_note
    # Who worked on the story is metadata, as a byline is: no difference for the exit
    # status, counted apart, and every view says what changed.
    assert c.summary.credits_only == len(c.blocks) - 2
    assert not c.summary.changed
    assert "Only a credit line changed" in render_markdown.comparison(c)
    assert "Editing by" in render_markdown.comparison(c)  # the edit is shown
    # Beside a real edit, only the edit is a key change, and the story changed.
    c = compare(doc(*WIRE), doc(WIRE[0], WIRE[1].replace("3%", "4%"), credits))
    assert [ch.kind for ch in c.changes] == ["number"]
    assert c.summary.changed


def test_a_credit_line_added_changes_nothing_a_paragraph_in_its_place_does(
    tmp_path: Path,
) -> None:
    old, new, other = tmp_path / "old.txt", tmp_path / "new.txt", tmp_path / "other.txt"
    story = [*STORY, *WIRE[:2]]
    old.write_text("\n\n".join(story), encoding="utf-8")
    new.write_text("\n\n".join([*story, WIRE[2]]), encoding="utf-8")
    other.write_text("\n\n".join([*story, "The union said it would fight the cuts."]))
    result = CliRunner().invoke(app, ["compare", str(old), str(new), "--no-color"])
    assert result.exit_code == 0, result.output
    assert "Only a credit line changed" in result.output
    assert "Reporting by Jane Doe" in result.output
    data = json.loads(CliRunner().invoke(app, ["compare", str(old), str(new), "-f", "json"]).stdout)
    assert data["summary"]["credits_only"] == 1
    assert data["summary"]["changed"] is False
    result = CliRunner().invoke(app, ["compare", str(old), str(other), "--no-color"])
    assert result.exit_code == 1


@pytest.mark.parametrize(
    "line",
    [
        "Research by the university found that 40 wells were dry, not 30.",
        "Editing by a panel of judges took 40 days, not 30.",
    ],
)
def test_a_sentence_that_opens_like_a_credit_line_keeps_its_changes(line: str) -> None:
    c = compare(doc(*WIRE[:2], line), doc(*WIRE[:2], line.replace("40", "45")))
    assert [ch.kind for ch in c.changes] == ["number"]


def test_a_bare_figure_in_a_note_speaks_of_a_sentence_on_what_the_note_names() -> None:
    # "It is 21 per cent, not 18 per cent." counts nothing of its own: it is "the rise" the
    # note names, which the lede speaks of too, though not next to the figure.
    lede = "The harbour will raise mooring fees by 18 per cent from April, the biggest rise yet."
    crews = "About 40 of the 130 crews may leave, the fishermen's association said."
    note = (
        "Correction: An earlier version of this article gave the wrong figure for the rise. "
        "It is 21 per cent, not 18 per cent."
    )
    c = compare(
        doc(lede, crews, *STORY[1:]),
        doc(lede.replace("18", "21"), crews.replace("40", "30"), *STORY[1:], note),
    )
    numbers = {ch.old: i for i, ch in enumerate(c.changes) if ch.kind == "number"}
    assert set(numbers) == {"18 per cent", "About 40"}
    assert c.summary.noted == ((numbers["18 per cent"], 0),)  # not the crews' 40 -> 30


def test_credit_lines_of_the_wires_with_their_places() -> None:
    from compare.notes import is_credit_line

    assert is_credit_line("Associated Press writer Tom Li in Portland contributed to this report.")
    assert is_credit_line(
        "Associated Press writers Tom Li in Bangkok and Ana Ruiz in Lima contributed to this "
        "report."
    )


def test_a_run_of_capitals_after_research_by_is_told_from_a_credit_at_once() -> None:
    # Its words could touch, so every capital could start one: a sentence that is no credit
    # backtracked for minutes (found by a review). In a process of its own, to time it out.
    code = (
        "from compare.notes import is_credit_line\n"
        "print(is_credit_line('Research by NATO-AFFILIATED UNIVERSITIES IN THE BALTICS was "
        "cited by the minister.'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=20, check=False
    )
    assert done.stdout.strip() == "False", done.stderr


def test_a_note_that_is_a_sentence_leaves_the_lede_after_it_its_own_edits() -> None:
    # "This story has been updated." was read as a label on a line of its own, and the
    # lede after it as the note's body: its changed figure showed as "update changed".
    updated = "This story has been updated."
    old = doc(updated, *STORY)
    new = doc(updated, STORY[0].replace("1,200", "3,400"), *STORY[1:])
    c = compare(old, new)
    assert [(ch.kind, ch.old, ch.new) for ch in c.changes] == [
        ("number", "about 1,200 homes", "about 3,400 homes")
    ]


@pytest.mark.parametrize(
    "note",
    [
        # review4: "the number of council members" counts members; the counties changed.
        "Correction: An earlier version of this story misstated the number of council members.",
        # review4: officers are not offices, though both open with "offi".
        "This story has been updated to correct the number of officers on the board.",
    ],
)
def test_review4_a_note_naming_another_count_does_not_explain_a_changed_figure(note: str) -> None:
    # What a note counts was matched on its first four letters only: "council" tied the note
    # to "5 counties" -> "6 counties", "officers" to "12 offices", so an edit no note explains
    # was said to be noted.
    old = doc(
        "The Hale County council voted to merge the water boards of 5 counties and close "
        "12 offices.",
        "The council has 7 members and meets monthly in Dunmore.",
    )
    new = doc(
        note,
        "The Hale County council voted to merge the water boards of 6 counties and close "
        "21 offices.",
        "The council has 7 members and meets monthly in Dunmore.",
    )
    c = compare(old, new)
    assert [ch.kind for ch in c.changes].count("number") == 2
    assert not c.summary.noted  # (a note was added: "edited without a note" is not said)


def test_review5_a_note_naming_one_count_does_not_explain_another_in_its_sentence() -> None:
    # review5: the figure's every context word was matched against what the note names, so
    # "3 counties" (its context holds "customer", the word beside it) was said to be in the
    # update that corrects "the number of customers without power": a stealth edit hidden.
    old = doc(
        "The storm left 3 counties and 26,000 customers without power, the utility said.",
        "Crews worked through the night to restore service in Dunmore.",
    )
    new = doc(
        "Update: This story was updated to correct the number of customers without power.",
        "The storm left 4 counties and 62,000 customers without power, the utility said.",
        "Crews worked through the night to restore service in Dunmore.",
    )
    c = compare(old, new)
    numbers = [i for i, ch in enumerate(c.changes) if ch.kind == "number"]
    assert [c.changes[i].new for i in numbers] == ["4 counties", "62,000 customers"]
    noted = {change for change, _ in c.summary.noted}
    assert noted == {numbers[1]}, c.summary.noted


@pytest.mark.parametrize("label", ["Correction", "CORRECTION", "Clarification"])
def test_review5_a_label_alone_without_a_colon_heads_a_note(label: str) -> None:
    # review5: a page that sets its note under a heading ("<h3>Correction</h3><p>The main is
    # 20 inches, not 24 inches.</p>") was read as two paragraphs of story, so the fixed
    # figure was said to be "edited without a note": a false charge of a stealth edit.
    old = doc(*STORY)
    new = doc(FIXED, *STORY[1:], label, "The main is 20 inches, not 24 inches.")
    c = compare(old, new)
    assert not c.summary.edited_without_note
    assert c.changes[0].kind == "note", c.changes


def test_news_added_in_new_sentences_owes_no_note() -> None:
    # report5: "NEW changes these facts without adding or changing a correction or update
    # note" stood under nearly every update of a breaking story, which adds quotes and
    # figures in new paragraphs; only facts NEW changes owe a note.
    update = '"We heard a bang and then the lights went out," said Mara Lind, 34, a neighbour.'
    added = compare(doc(*STORY), doc(*STORY, update))
    assert {ch.kind for ch in added.changes} >= {"quote"}
    assert not added.summary.edited_without_note
    grown = compare(doc(*STORY), doc(STORY[0] + " " + update, *STORY[1:]))
    assert not grown.summary.edited_without_note  # a sentence added to a paragraph
    both = compare(doc(*STORY), doc(FIXED, *STORY[1:], update))
    assert both.summary.edited_without_note
