"""Meaning changes in sentences written in German, French, Spanish, Italian, Portuguese and
Dutch (``compare.facets.abroad``), and English read as before. The sentences are written
for these tests, in the style of the labelled pairs in benchmarks/data/facets-abroad.jsonl
but not copied from them."""

from __future__ import annotations

import pytest
from test_facets import kinds

from compare.facets import abroad, sentence_facets


def _of(changes: list[tuple[str, str, str | None, str | None]], kind: str) -> list[tuple[str, str]]:
    """The changes of ``kind``: the action and the side that holds the cue (a flip's new
    side when it was added, its old side when it was removed)."""
    found = []
    for k, action, old, new in changes:
        if k == kind:
            negative = new if action == "added" or (old and new and len(new) > len(old)) else old
            found.append((action, negative or ""))
    return found


# -- the language ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Die Stadt hat den Vertrag nicht verlängert.", "de"),
        ("Le maire n'a jamais signé le contrat.", "fr"),
        ("El club no renovó el contrato del portero.", "es"),
        ("Il comune non ha rinnovato il contratto.", "it"),
        ("A câmara não renovou o contrato.", "pt"),
        ("De gemeente heeft het contract niet verlengd.", "nl"),
        ("The council did not renew the contract.", None),
        ("No one from Le Monde or Die Zeit was at the briefing in Paris.", None),
    ],
)
def test_language_of_a_sentence(text: str, code: str | None) -> None:
    assert abroad.language(text.lower()) == code


# -- negations ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "cue"),
    [
        (
            "Die Stadt hat den Vertrag verlängert.",
            "Die Stadt hat den Vertrag nicht verlängert.",
            "nicht",
        ),
        ("Le maire a signé le contrat.", "Le maire n'a pas signé le contrat.", "pas"),
        ("Le maire a signé le contrat.", "Le maire n'a jamais signé le contrat.", "jamais"),
        (
            "El club renovó el contrato del portero.",
            "El club nunca renovó el contrato del portero.",
            "nunca",
        ),
        ("Il comune ha rinnovato il contratto.", "Il comune non ha rinnovato il contratto.", "non"),
        ("A câmara renovou o contrato.", "A câmara não renovou o contrato.", "não"),
        (
            "De gemeente heeft het contract verlengd.",
            "De gemeente heeft het contract niet verlengd.",
            "niet",
        ),
        (
            "Es gibt Hinweise auf eine Straftat.",
            "Es gibt keine Hinweise auf eine Straftat.",
            "keine",
        ),
        (
            "Er zijn aanwijzingen voor een misdrijf.",
            "Er zijn geen aanwijzingen voor een misdrijf.",
            "geen",
        ),
    ],
)
def test_negation_added_abroad(old: str, new: str, cue: str) -> None:
    found = _of(kinds(old, new), "negation")
    assert len(found) == 1, found
    assert cue in found[0][1].lower()
    # And the other way round: the same negation removed.
    back = _of(kinds(new, old), "negation")
    assert len(back) == 1 and cue in back[0][1].lower(), back


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # One negation, the particle and the word that completes it: "ne ... pas", "non ... mai".
        ("Le maire n'a pas signé le contrat.", "Le maire n'a jamais signé le contrat."),
        ("Il sindaco non ha firmato.", "Il sindaco non ha mai firmato."),
        # The same no in another place or word.
        (
            "Aucune victime n'est à déplorer, selon la mairie.",
            "Selon la mairie, il n'y a aucune victime.",
        ),
        ("Não houve vítimas, segundo a câmara.", "Segundo a câmara, não houve vítimas."),
        ("Die Stadt plant keine neuen Schulden.", "Neue Schulden plant die Stadt nicht."),
        ("Nessuna vittima, secondo il comune.", "Secondo il comune non ci sono vittime."),
        # "ne" alone negates nothing; "nicht nur" is "not only".
        ("Il faut partir avant qu'il ne pleuve.", "Il faut partir avant qu'il pleuve."),
        ("Die Stadt baut nicht nur Schulen.", "Die Stadt baut Schulen."),
    ],
)
def test_same_polarity_abroad(old: str, new: str) -> None:
    assert _of(kinds(old, new), "negation") == []


def test_portuguese_no_is_in_the() -> None:
    # "no" is "in the" in Portuguese: no negation in "esteve no local".
    assert sentence_facets("O autarca esteve no local do acidente.").negations == ()
    assert sentence_facets("El alcalde no estuvo en el lugar.").negations != ()


# -- hedges ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "cue"),
    [
        ("Der Fahrer ist offenbar eingeschlafen.", "Der Fahrer ist eingeschlafen.", "offenbar"),
        ("Der mutmaßliche Dieb wurde gefasst.", "Der Dieb wurde gefasst.", "mutmaßliche"),
        (
            "Le voleur a probablement fui en Belgique.",
            "Le voleur a fui en Belgique.",
            "probablement",
        ),
        (
            "Selon toute vraisemblance, la digue a cédé.",
            "La digue a cédé.",
            "selon toute vraisemblance",
        ),
        ("El ladrón presuntamente huyó a Francia.", "El ladrón huyó a Francia.", "presuntamente"),
        ("Al parecer, el puente se derrumbó.", "El puente se derrumbó.", "al parecer"),
        ("Il ladro è presumibilmente fuggito.", "Il ladro è fuggito.", "presumibilmente"),
        ("O ladrão alegadamente fugiu para França.", "O ladrão fugiu para França.", "alegadamente"),
        ("De dief is naar verluidt gevlucht.", "De dief is gevlucht.", "naar verluidt"),
        ("De dijk is waarschijnlijk bezweken.", "De dijk is bezweken.", "waarschijnlijk"),
    ],
)
def test_hedge_removed_abroad(old: str, new: str, cue: str) -> None:
    assert _of(kinds(old, new), "hedge") == [("removed", cue)] or _of(kinds(old, new), "hedge") == [
        ("removed", cue[0].upper() + cue[1:])
    ]
    assert [a for a, _ in _of(kinds(new, old), "hedge")] == ["added"]


def test_dutch_as_possible_is_no_hedge() -> None:
    # "zo snel mogelijk" is "as soon as possible"; "mogelijk" alone is "possibly".
    assert sentence_facets("De weg wordt zo snel mogelijk hersteld.").hedges == ()
    assert sentence_facets("De dader is mogelijk gevlucht naar het buitenland.").hedges != ()


# -- English reads as before ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # Words the foreign rules know, in English: nothing new is found.
        ("The plus side is a faster route.", "The plus side is a quicker route.", []),
        ("It was a faux pas, the mayor said.", "It was a blunder, the mayor said.", []),
        ("The non-profit group filed the claim.", "The charity filed the claim.", []),
        ("Nada Ali presented the plan.", "Nada Ali unveiled the plan.", []),
    ],
)
def test_english_untouched(old: str, new: str, expected: list[object]) -> None:
    assert [c for c in kinds(old, new) if c[0] in ("negation", "hedge")] == expected


# -- attributions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "action", "words"),
    [
        ("Laut Polizei wurde niemand verletzt.", "Es wurde niemand verletzt.", "removed", "laut"),
        (
            "Nach Angaben der Stadt ist die Brücke marode.",
            "Die Brücke ist marode.",
            "removed",
            "angaben",
        ),
        (
            "Die Brücke bleibt gesperrt.",
            "Die Brücke bleibt gesperrt, teilte die Stadt am Montag mit.",
            "added",
            "teilte",
        ),
        (
            "Le pont restera fermé.",
            "Le pont restera fermé, a indiqué la mairie.",
            "added",
            "indiqué",
        ),
        ("Selon la mairie, le pont est fermé.", "Le pont est fermé.", "removed", "selon"),
        (
            "Según la alcaldía, el puente está cerrado.",
            "El puente está cerrado.",
            "removed",
            "según",
        ),
        ("Secondo il comune, il ponte è chiuso.", "Il ponte è chiuso.", "removed", "secondo"),
        ("Segundo a câmara, a ponte está fechada.", "A ponte está fechada.", "removed", "segundo"),
        ("Volgens de gemeente is de brug dicht.", "De brug is dicht.", "removed", "volgens"),
        ("De brug blijft dicht.", "De brug blijft dicht, meldt de gemeente.", "added", "meldt"),
    ],
)
def test_attribution_abroad(old: str, new: str, action: str, words: str) -> None:
    found = [(a, (o or n or "").lower()) for k, a, o, n in kinds(old, new) if k == "attribution"]
    assert len(found) == 1 and found[0][0] == action and words in found[0][1], found


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Die Brücke sei marode, sagte der Bürgermeister.",
            "Die Brücke sei marode, behauptete der Bürgermeister.",
        ),
        ("Le pont est fermé, selon la mairie.", "Le pont est fermé, selon la préfecture."),
        ("El puente está cerrado, dijo el alcalde.", "El puente está cerrado, admitió el alcalde."),
        ("Il ponte è chiuso, ha detto il sindaco.", "Il ponte è chiuso, ha sostenuto il sindaco."),
        ("A ponte está fechada, disse o autarca.", "A ponte está fechada, garantiu o autarca."),
        ("De brug is dicht, zei de burgemeester.", "De brug is dicht, beweerde de burgemeester."),
    ],
)
def test_attribution_changed_abroad(old: str, new: str) -> None:
    assert [(k, a) for k, a, _, _ in kinds(old, new)] == [("attribution", "changed")]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # The same source, credited before or after, by a preposition or a verb.
        (
            "Er raakte niemand gewond, aldus de brandweer.",
            "Volgens de brandweer raakte er niemand gewond.",
        ),
        ("La digue a cédé, selon la préfecture.", "Selon la préfecture, la digue a cédé."),
        ("Il sindaco ha detto che il ponte riaprirà.", "Il ponte riaprirà, ha detto il sindaco."),
        # A hedge, not a source; the second half, not "according to".
        (
            "Selon toute vraisemblance, la digue a cédé.",
            "Selon toute vraisemblance, la digue a lâché.",
        ),
        ("Il secondo tempo è stato rinviato.", "Il secondo tempo è stato sospeso."),
    ],
)
def test_no_attribution_change_abroad(old: str, new: str) -> None:
    assert [c for c in kinds(old, new) if c[0] == "attribution"] == []


# -- figures in words, and names -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "Die Wahl findet am Sonntag statt.",
            "Die Wahl findet am Samstag statt.",
            "Sonntag",
            "Samstag",
        ),
        ("Le vote aura lieu jeudi.", "Le vote aura lieu vendredi.", "jeudi", "vendredi"),
        ("La votación será el martes.", "La votación será el miércoles.", "martes", "miércoles"),
        ("Il voto si terrà giovedì.", "Il voto si terrà sabato.", "giovedì", "sabato"),
        (
            "A votação é na terça-feira.",
            "A votação é na quinta-feira.",
            "terça-feira",
            "quinta-feira",
        ),
        ("De stemming is op woensdag.", "De stemming is op vrijdag.", "woensdag", "vrijdag"),
        (
            "Ein Drittel der Schulen bleibt zu.",
            "Die Hälfte der Schulen bleibt zu.",
            "Ein Drittel",
            "Die Hälfte",
        ),
        (
            "Un quart des vols a été annulé.",
            "Un tiers des vols a été annulé.",
            "Un quart",
            "Un tiers",
        ),
        (
            "Een kwart van de treinen rijdt niet.",
            "Een derde van de treinen rijdt niet.",
            "Een kwart",
            "Een derde",
        ),
    ],
)
def test_weekdays_and_shares_abroad(old: str, new: str, was: str, now: str) -> None:
    # One change, a figure: a German weekday's capital makes no name.
    assert kinds(old, new) == [("number", "changed", was, now)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Das Projekt kostet eine Milliarde Euro.", "Das Projekt kostet 1 Milliarde Euro."),
        ("La obra costará mil millones de euros.", "La obra costará 1.000 millones de euros."),
        ("L'opera costerà un miliardo di euro.", "L'opera costerà 1 miliardo di euro."),
    ],
)
def test_amounts_in_words_abroad(old: str, new: str) -> None:
    assert kinds(old, new) == []


def test_amount_in_words_after_a_figure() -> None:
    # "1,2 mil milhões" is 1.2 billion: the figure before "mil milhões" counts.
    assert kinds(
        "O projeto custa 1,2 mil milhões de euros.", "O projeto custa 2,1 mil milhões de euros."
    ) == [("number", "changed", "1,2 mil milhões", "2,1 mil milhões")]


def test_english_santo_domingo_is_a_name() -> None:
    # A weekday of another language inside an English sentence is still a name there.
    assert kinds(
        "The flight landed in Santo Domingo on Monday.", "The flight landed in San Juan on Monday."
    ) == [("name", "changed", "Santo Domingo", "San Juan")]


# -- from the second batch (benchmarks/data/facets-abroad-blind.jsonl) ----------------------------


@pytest.mark.parametrize(
    ("old", "new", "cue"),
    [
        # A past told as reported, not as known: the conditional before a participle.
        ("Le maire aurait détourné des fonds.", "Le maire a détourné des fonds.", "aurait"),
        (
            "Il sindaco avrebbe intascato una tangente.",
            "Il sindaco ha intascato una tangente.",
            "avrebbe",
        ),
        ("El alcalde habría cobrado sobornos.", "El alcalde cobró sobornos.", "habría"),
        ("O autarca terá recebido subornos.", "O autarca recebeu subornos.", "terá"),
        # A hyphenated hedge, which the word diff splits.
        ("Le maire a peut-être menti.", "Le maire a menti.", "peut-être"),
    ],
)
def test_hedge_removed_abroad_more(old: str, new: str, cue: str) -> None:
    assert _of(kinds(old, new), "hedge") == [("removed", cue)]


@pytest.mark.parametrize(
    "text",
    [
        # A conditional that tells no report: "would be better", "would be a mistake".
        "Il serait préférable d'attendre.",
        "Sarebbe meglio aspettare la sentenza.",
    ],
)
def test_conditional_without_participle_is_no_hedge(text: str) -> None:
    assert sentence_facets(text).hedges == ()


def test_french_nobody_before_ne() -> None:
    found = kinds("Personne n'a été blessé.", "Deux gardiens ont été blessés.")
    assert ("negation", "removed", "Personne n'a", None) in found
    assert ("number", "added", None, "Deux gardiens") in found
    # "une personne" is a person.
    assert sentence_facets("Une personne a été blessée.").negations == ()


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "Drei Menschen wurden verletzt.",
            "Vier Menschen wurden verletzt.",
            "Drei",
            "Vier",
        ),
        (
            "Deux policiers ont été blessés.",
            "Trois policiers ont été blessés.",
            "Deux policiers",
            "Trois policiers",
        ),
        (
            "Tre agenti sono rimasti feriti.",
            "Quattro agenti sono rimasti feriti.",
            "Tre agenti",
            "Quattro agenti",
        ),
        (
            "Twee agenten raakten gewond.",
            "Drie agenten raakten gewond.",
            "Twee agenten",
            "Drie agenten",
        ),
    ],
)
def test_counts_in_words_abroad(old: str, new: str, was: str, now: str) -> None:
    assert kinds(old, new) == [("number", "changed", was, now)]


def test_count_in_words_is_its_figure() -> None:
    assert kinds("Drei Menschen wurden verletzt.", "3 Menschen wurden verletzt.") == []


def test_german_source_before_zufolge() -> None:
    assert kinds("Der Stadt zufolge ist die Brücke marode.", "Die Brücke ist marode.") == [
        ("attribution", "removed", "zufolge Der Stadt", None)
    ]
    # "Berichten zufolge" is "reportedly", a hedge.
    assert [
        k for k, *_ in kinds("Berichten zufolge ist die Brücke marode.", "Die Brücke ist marode.")
    ] == ["hedge"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Zwei Drittel der Mitglieder lehnen den Vertrag ab.",
            "Den Vertrag lehnen zwei Drittel der Mitglieder ab.",
        ),
        (
            "Metà dei soci ha respinto il contratto.",
            "Il contratto è stato respinto da metà dei soci.",
        ),
    ],
)
def test_word_order_abroad_is_no_roles_swap(old: str, new: str) -> None:
    assert kinds(old, new) == []


def test_short_sentences_abroad() -> None:
    # Few function words: the cue words tell the language.
    assert sentence_facets("Nenhum passageiro ficou ferido.").negations != ()
    assert kinds("Nenhum passageiro ficou ferido.", "Quatro passageiros ficaram feridos.") == [
        ("number", "added", None, "Quatro passageiros"),
        ("negation", "removed", "Nenhum passageiro", None),
    ]


def test_weekday_with_a_part_of_the_day() -> None:
    # German and Dutch write the part of the day onto the weekday: the same day.
    assert kinds("De politie greep dinsdagavond in.", "De politie greep woensdagavond in.") == [
        ("number", "changed", "dinsdagavond", "woensdagavond")
    ]
    assert kinds("Die Polizei griff am Montagabend ein.", "Die Polizei griff am Montag ein.") == []


def test_source_after_wie() -> None:
    # "wie der Sprecher sagte": "as the spokesman said", the source without its "wie".
    assert kinds("Die Brücke ist marode, wie der Sprecher sagte.", "Die Brücke ist marode.") == [
        ("attribution", "removed", "der Sprecher sagte", None)
    ]
