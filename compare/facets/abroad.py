"""Sentences in German, French, Spanish, Italian, Portuguese and Dutch: which of them a
sentence is written in (its function words), and the negations, hedges and attributions read
in it, in the same records the English readers give (``Cue``, ``Attribution``).

A sentence is read here only when a word it holds could be one of these cues, and only when
its function words are more of one of these languages than of English, so English text reads
as it did. The rules read the sentence's structure where the language builds the cue from
parts: French "ne ... pas" and Italian "non ... mai" are one negation, and a "ne" with no
"pas", "plus", "jamais" (...) after it negates nothing ("avant qu'il ne parte"); a source
is the noun phrase after "laut", "selon", "según" or an inverted verb (", a indiqué la
direction", ", teilte der Konzern mit"), or before the verb ("Der Minister sagte").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Literal

from compare.facets.base import Cue, _token_set, _wordset
from compare.facets.figure_patterns import _EU_MONTHS
from compare.text import CJK, has_cjk, lazy_pattern

#: Function words (and the commonest verbs of reporting) of each language. A sentence is in
#: the language whose words it holds most, when two or more of them are not English words
#: and more than its English words are not that language's (see ``language``). A word two
#: languages write alike ("a", "no", "la", "in") is on both lists: it tells neither from the
#: other.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _wordset(
        "the an and of to that for with by are were has have said says from at it its this "
        "which who will would not been be their they he she a as no in on is was his her him "
        "after but or had into than when while there could should we our you what about "
        "before them then"
    ),
    "de": _wordset(
        "der die das den dem des und ist sind nicht wurde wurden hat haben sich mit auf "
        "für ein eine einen einem einer nach bei zu von vom zum zur im am sagte sei seien "
        "auch noch kein keine keinen laut teilte wird werden soll in was"
    ),
    "fr": _wordset(
        "le les des du une et est sont au aux pour dans sur par qui ne pas selon elle ont "
        "été qu plus son ses cette ce n aucun lui leur y peut être était avait sera a la un "
        "en on l il"
    ),
    "es": _wordset(
        "el los las del y es son en por para se según fue han dijo sus su lo esta este "
        "fueron nunca muy hubo más a no la al una un con está ha"
    ),
    "it": _wordset(
        "il lo gli della delle dello dei degli di che è sono non alla hanno stato stata "
        "secondo nel nella ha ci a in la al una un con del l per"
    ),
    "pt": _wordset(
        "o os as do dos das um uma é são em no na nos nas ao à pelo pela foi não vai está "
        "disse houve a nao com esta este"
    ),
    "nl": _wordset(
        "de het een en zijn niet van op met voor dat die er te bij door heeft werd "
        "volgens zei naar geen ook wordt aldus in is was we"
    ),
}
#: Endings only one of these languages writes ("informação", "posições"; "información").
_ENDINGS = {"pt": ("ão", "ões", "ães"), "es": ("ción", "ciones")}
_LETTERS = lazy_pattern(r"[^\W\d_]+")


# -- negations ---------------------------------------------------------------------------------

#: Words that say no on their own, per language.
_NO_WORDS: dict[str, frozenset[str]] = {
    "de": _wordset(
        "nicht nie niemals kein keine keinen keinem keiner keines niemand niemandem nichts nirgends"
    ),
    "nl": _wordset("niet nooit geen niemand niets nergens"),
    "es": _wordset("no nunca jamás nadie nada ningún ninguna ninguno ningunos ningunas tampoco"),
    "it": _wordset("non mai nessuno nessuna nessun niente nulla neppure nemmeno"),
    "pt": _wordset("não nunca jamais ninguém nada nenhum nenhuma nem"),
    "fr": _wordset("ne n aucun aucune jamais"),
    # Hebrew: "לא" (not), "אין" (there is no), "אינו"/"אינה" (is not), and "and"/"that" written
    # onto them ("ולא", "שלא").
    "he": _wordset("לא ולא שלא כשלא אין ואין שאין אינו אינה אינם אינן איננו איננה"),
}
#: The words that complete a negation a particle opened ("ne ... pas", "non ... mai", "no
#: ... nunca"): with the particle they are one negation. French "ne" needs one.
_COMPLETES: dict[str, frozenset[str]] = {
    "fr": _wordset("pas plus jamais rien personne aucun aucune guère point nullement ni"),
    "it": _wordset("mai nessuno nessuna nessun niente nulla più affatto"),
    "es": _wordset("nunca jamás nadie nada ningún ninguna ninguno tampoco"),
    "pt": _wordset("nunca jamais ninguém nada nenhum nenhuma"),
}
_PARTICLES = _wordset("ne n non no não")
#: "not only", "not just": a negation of nothing.
_NOT_ONLY = _wordset("nur allein alleen solo sólo soltanto solamente apenas seulement רק")
#: Every word that can be a negation here, for the cheap test before a sentence is read.
NEGATION_WORDS = frozenset().union(*_NO_WORDS.values(), *_COMPLETES.values())
_NEGATION_ASCII = frozenset(w for w in NEGATION_WORDS if w.isascii())
_NEGATION_OTHER = tuple(w for w in NEGATION_WORDS if not w.isascii())
_TOKEN = lazy_pattern(r"[^\W\d_]+(?:-[^\W\d_]+)*|[^\w\s]")
_ELIDED = lazy_pattern(r"\b([nNlLdDsScCjJmM]|[qQ]u)'(?=\w)")


def may_hold(
    lower: str, tokens: frozenset[str], ascii_words: frozenset[str], other: tuple[str, ...]
) -> bool:
    """Whether a lower-cased text may hold one of the words (``tokens``: its ASCII words)."""
    if not ascii_words.isdisjoint(tokens):
        return True
    return not lower.isascii() and any(word in lower for word in other)


def may_negate(lower: str, tokens: frozenset[str]) -> bool:
    return may_hold(lower, tokens, _NEGATION_ASCII, _NEGATION_OTHER)


@lru_cache(maxsize=4096)
def negations(masked: str, lang: str) -> tuple[Cue, ...]:
    """The negations of a sentence in ``lang``, each a ``Cue`` of group "not" whose text is
    the words round it as written ("Bebauungsplan nicht gebilligt", "suspect n'a pas été")
    and whose counterpart is what they say without it ("Bebauungsplan gebilligt", "suspect
    a été"); a word that says no to the noun after it ("keinen Zusammenhang", "aucun
    blessé") has none: "einen Zusammenhang" is not what it denied."""
    # "n'a" is "n" and "a": the particle is a word of its own (the same length, so the
    # places found stand in ``masked`` too).
    spans = [(m.start(), m.end()) for m in _TOKEN().finditer(_ELIDED().sub(r"\1 ", masked))]
    tokens = [masked[s:e] for s, e in spans]
    lower = [t.lower() for t in tokens]
    no_words = _NO_WORDS[lang]
    completes = _COMPLETES.get(lang, frozenset())
    found: list[Cue] = []
    taken: set[int] = set()
    words = [i for i in range(len(tokens)) if tokens[i][0].isalnum()]
    for index, word in enumerate(lower):
        if index in taken or (word not in no_words and word not in completes):
            continue
        following = lower[index + 1] if index + 1 < len(lower) else ""
        if following in _NOT_ONLY:
            continue
        parts = [index]
        if word in _PARTICLES:
            # A particle and the word that completes it, up to four words on, are one.
            for ahead in range(index + 1, min(index + 5, len(lower))):
                if not lower[ahead][0].isalpha():
                    break
                if lower[ahead] in completes:
                    parts.append(ahead)
                    break
            if lang == "fr" and len(parts) == 1:
                continue  # "ne" alone negates nothing ("avant qu'il ne parte")
            if lang == "fr" and lower[parts[-1] + 1 : parts[-1] + 2] in (["que"], ["qu"]):
                # "Il ne reste plus que 200 habitants": only 200 are left, no denial; and
                # "pas que" is "not only", as _NOT_ONLY says.
                continue
        elif word not in no_words and not (
            lang == "fr" and word in ("personne", "rien") and _ne_follows(lower, index)
        ):
            continue  # "pas", "plus", "mai" say no only with their particle
        elif lang == "fr":
            # "Aucun blessé n'est à déplorer": its "ne" after it is part of it.
            for ahead in range(index + 1, min(index + 4, len(lower))):
                if lower[ahead] in ("ne", "n"):
                    taken.add(ahead)
                    break
        taken.update(parts)
        before = tuple(tokens[i] for i in reversed(words) if i < index)[:2]
        last = parts[-1]
        previous = next((i for i in reversed(words) if i < index), None)
        after = next((i for i in words if i > last), None)
        if after is not None and after != last + 1:
            after = None  # punctuation ends it
        first_word = index if previous is None else previous
        last_word = last if after is None else after
        if masked[spans[last_word][1] : spans[last_word][1] + 1] == "'":
            last_word = min(last_word + 1, len(spans) - 1)  # "Personne n'a", not "Personne n"
        text = masked[spans[first_word][0] : spans[last_word][1]]
        if word in _PARTICLES or word in _VERB_NEGATIONS:
            # "hat den Plan nicht gebilligt" -> "hat den Plan gebilligt": the words round it.
            kept = [
                tokens[i]
                for i in range(first_word, last_word + 1)
                if tokens[i][0].isalnum() and i not in parts
            ]
            counterpart = " ".join(kept)
        else:
            counterpart = ""
        found.append(Cue(text, "not", before, counterpart, abroad=True))
    return tuple(found)


def _ne_follows(lower: list[str], index: int) -> bool:
    """Whether a French "personne" or "rien" says no: as the subject of a "ne" ("Personne
    n'a été blessé", "Rien n'a changé"), not after an article ("une personne")."""
    if index > 0 and lower[index - 1] in _ARTICLES:
        return False
    return any(word in ("ne", "n") for word in lower[index + 1 : index + 3])


#: Negations that say no of a verb or a clause, as "not" does (the rest say it of a noun).
_VERB_NEGATIONS = _wordset("nicht nie niemals niet nooit nunca jamás jamais mai")
_VERB_NEGATIONS |= _NO_WORDS["he"] - _wordset("אין ואין שאין")  # "there is no" says it of a noun


# -- hedges -------------------------------------------------------------------------------------

#: Hedges of each language, by group (phrases are read whole; the last word of each is
#: what the cheap tests look for).
_HEDGES_OF: dict[str, dict[str, str]] = {
    "de": {
        "apparently": "offenbar anscheinend scheinbar",
        "allegedly": "mutmaßlich mutmaßliche mutmaßlichen mutmaßlicher mutmaßliches angeblich "
        "angebliche angeblichen angeblicher vermeintlich vermeintliche vermeintlichen",
        "likely": "vermutlich wahrscheinlich voraussichtlich",
        "possibility": "möglicherweise vielleicht eventuell",
        "reportedly": "berichten_zufolge",
    },
    "fr": {
        "apparently": "apparemment",
        "allegedly": "présumé présumée présumés présumées prétendu prétendue prétendus "
        "prétendument présumément supposément",
        "likely": "vraisemblablement probablement selon_toute_vraisemblance sans_doute",
        "possibility": "peut-être possiblement",
    },
    "es": {
        "apparently": "aparentemente al_parecer según_parece",
        "allegedly": "presuntamente presunto presunta presuntos presuntas supuestamente "
        "supuesto supuesta",
        "likely": "probablemente",
        "possibility": "posiblemente quizá quizás tal_vez",
    },
    "it": {
        "apparently": "apparentemente a_quanto_pare",
        "allegedly": "presunto presunta presunti presunte presuntamente",
        "likely": "probabilmente presumibilmente",
        "possibility": "forse possibilmente",
    },
    "pt": {
        "apparently": "aparentemente ao_que_parece",
        "allegedly": "alegadamente alegado alegada alegados alegadas supostamente suposto "
        "suposta presumivelmente",
        "likely": "provavelmente",
        "possibility": "possivelmente talvez",
    },
    "nl": {
        "apparently": "kennelijk blijkbaar ogenschijnlijk",
        "allegedly": "vermeend vermeende zogenaamd zogenaamde",
        "likely": "waarschijnlijk vermoedelijk",
        "possibility": "mogelijk misschien wellicht",
        "reportedly": "naar_verluidt",
    },
}
_HEDGE_WORDS: dict[str, dict[str, str]] = {
    lang: {w: g for g, ws in groups.items() for w in ws.split() if "_" not in w}
    for lang, groups in _HEDGES_OF.items()
}
#: The phrases of each language ("al parecer"), by group, and a pattern that finds any.
_HEDGE_PHRASES: dict[str, dict[str, str]] = {
    lang: {w.replace("_", " "): g for g, ws in groups.items() for w in ws.split() if "_" in w}
    for lang, groups in _HEDGES_OF.items()
}


@lru_cache(maxsize=8)
def _hedge_phrase_pattern(lang: str) -> re.Pattern[str]:
    """The hedge phrases of ``lang``, any of them (compiled on first use)."""
    phrases = _HEDGE_PHRASES[lang]
    return re.compile(r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in phrases) + r")\b")


#: A word that is a hedge only as an adverb: "so schnell wie möglich", "zo snel mogelijk"
#: ("as soon as possible") hedge nothing.
_AS_POSSIBLE = _wordset("zo zoveel so wie")
#: The auxiliaries of a past told as reported, not as known (the "conditionnel
#: journalistique": "Le suspect aurait agi seul", "sarebbe stato aggredito", "habría
#: huido", "terá fugido"), before a past participle.
_REPORTED_PAST = {
    "fr": _wordset("aurait auraient serait seraient"),
    "it": _wordset("avrebbe avrebbero sarebbe sarebbero"),
    "es": _wordset("habría habrían"),
    "pt": _wordset("terá terão teria teriam"),
}
#: German and Dutch report a past with a modal: "Der Täter soll geflohen sein", "De dader
#: zou zijn gevlucht" (is said to have fled), the modal before a participle with its "sein",
#: "haben", "zijn" or "hebben" in the same clause ("Das Museum soll ein Hotel werden", "Het
#: zou mooi zijn" report nothing).
_REPORTED_MODAL = {"de": _wordset("soll sollen"), "nl": _wordset("zou zouden")}
_PERFECT = {"de": _wordset("sein haben"), "nl": _wordset("zijn hebben")}
#: What a German or Dutch past participle opens with when it has no "ge" ("verhaftet",
#: "entkommen", "ontsnapt").
#: (And the inseparable "unter", "über", "hinter", "miss", "wider": "unterschrieben".)
_PARTICIPLE_PREFIXES = (
    "ver", "be", "ent", "er", "zer", "ont", "her", "unter", "über", "hinter", "miss", "wider"
)  # fmt: skip


def _participle(word: str) -> bool:
    """Whether a German or Dutch word reads as a past participle ("geflohen", "festgenommen",
    "verhaftet", "gevlucht", "manipuliert": a verb in -ieren has no "ge")."""
    if len(word) < 5 or not word.endswith(("t", "en", "d")):
        return False
    return (
        word.startswith(("ge", *_PARTICIPLE_PREFIXES)) or "ge" in word[2:6] or word.endswith("iert")
    )


def _reported_by_modal(words: list[str], lang: str) -> bool:
    """Whether the words of a clause after a modal hold a participle beside its "sein",
    "haben", "zijn" or "hebben" (German puts the participle first, Dutch either way)."""
    perfect = _PERFECT[lang]
    for k, word in enumerate(words):
        if word in perfect:
            # ("festgenommen worden sein": a passive's "worden" stands between them.)
            before = k - 1 if k < 2 or words[k - 1] != "worden" else k - 2
            if k and _participle(words[before]):
                return True
            if lang == "nl" and k + 1 < len(words) and _participle(words[k + 1]):
                return True
    return False


#: How a past participle ends in each of those languages ("agi", "aggredito", "huido").
_PARTICIPLE_ENDS = {
    "fr": ("é", "ée", "és", "ées", "i", "ie", "is", "u", "ue", "us", "t", "te", "ts"),
    "it": ("ato", "ata", "ati", "ate", "uto", "uta", "uti", "ute", "ito", "ita", "iti", "ite"),
    "es": ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "cho", "to"),
    "pt": ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "to"),
}
#: Words that may be a hedge here, for the cheap tests (a hyphenated one as the diff splits
#: it: "peut-être" differs as "peut" and "être").
HEDGE_WORDS = frozenset(
    piece
    for groups in _HEDGES_OF.values()
    for ws in groups.values()
    for w in ws.split()
    for piece in (w.rsplit("_", 1)[-1], *w.split("-"))
) | frozenset().union(*_REPORTED_PAST.values(), *_REPORTED_MODAL.values())
_HEDGE_ASCII = frozenset(w for w in HEDGE_WORDS if w.isascii())
_HEDGE_OTHER = tuple(w for w in HEDGE_WORDS if not w.isascii())


def may_hedge(lower: str, tokens: frozenset[str]) -> bool:
    return may_hold(lower, tokens, _HEDGE_ASCII, _HEDGE_OTHER)


@lru_cache(maxsize=4096)
def hedges(masked: str, lang: str) -> tuple[Cue, ...]:
    """The hedges of a sentence in ``lang``, in reading order."""
    if lang not in _HEDGES_OF:
        return ()  # (Hebrew: its negations only)
    lower = masked.lower()
    found: list[tuple[int, Cue]] = []
    spans: list[tuple[int, int]] = []
    for m in _hedge_phrase_pattern(lang).finditer(lower):
        spans.append(m.span())
        group = _HEDGE_PHRASES[lang][" ".join(m.group(0).split())]
        found.append((m.start(), Cue(masked[m.start() : m.end()], group)))
    words = _HEDGE_WORDS[lang]
    tokens = [(m.start(), m.group(0)) for m in _TOKEN().finditer(lower)]
    for index, (start, word) in enumerate(tokens):
        named = words.get(word)
        if named is None or any(s <= start < e for s, e in spans):
            continue
        if word == "mogelijk" and any(
            w in _AS_POSSIBLE for _, w in tokens[max(0, index - 3) : index]
        ):
            continue
        found.append((start, Cue(masked[start : start + len(word)], named)))
    auxiliaries = _REPORTED_PAST.get(lang)
    if auxiliaries:
        ends = _PARTICIPLE_ENDS[lang]
        for index, (start, word) in enumerate(tokens):
            if word not in auxiliaries:
                continue
            # The participle right after it, or after "été", "stato", "sido" ("aurait été
            # tué"); "serait préférable", "sarebbe meglio" report nothing.
            following = [w for _, w in tokens[index + 1 : index + 3]]
            if following and following[0] in ("été", "stato", "stata", "stati", "state", "sido"):
                following = following[1:]
            if following and len(following[0]) > 2 and following[0].endswith(ends):
                found.append((start, Cue(masked[start : start + len(word)], "reportedly")))
    modals = _REPORTED_MODAL.get(lang)
    if modals and not modals.isdisjoint(w for _, w in tokens):
        for index, (start, word) in enumerate(tokens):
            if word not in modals:
                continue
            clause: list[str] = []
            for _, following_word in tokens[index + 1 :]:
                if not following_word[0].isalpha():
                    break  # the clause ends at its punctuation
                clause.append(following_word)
            if _reported_by_modal(clause, lang):
                found.append((start, Cue(masked[start : start + len(word)], "reportedly")))
    found.sort(key=lambda item: item[0])
    return tuple(cue for _, cue in found)


# -- attributions ---------------------------------------------------------------------------------

#: Reporting verbs of each language, as written, by the English lemma whose manner they share
#: ("sagte" says as "said" does, "behauptete" claims).
_VERBS_OF: dict[str, dict[str, str]] = {
    "de": {
        "say": "sagte sagten sagt sagen erklärte erklärten erklärt teilte teilten teilt",
        "report": "berichtete berichteten berichtet",
        "note": "betonte betonten betont unterstrich unterstrichen",
        "claim": "behauptete behaupteten behauptet",
        "confirm": "bestätigte bestätigten bestätigt",
        "warn": "warnte warnten warnt",
        "deny": "dementierte dementierten dementiert",
        "admit": "räumte räumten",
        "add": "fügte fügten ergänzte ergänzten",
        "insist": "versicherte versicherten",
    },
    "fr": {
        "say": "dit déclaré déclare indiqué indique précisé précise raconté affirmé affirme réagi "
        "commenté confié témoigné répondu",
        "note": "expliqué explique souligné souligne rappelé rappelle",
        "insist": "assuré assure",
        "announce": "annoncé annonce",
        "confirm": "confirmé confirme",
        "add": "ajouté ajoute",
        "admit": "reconnu reconnaît",
        "deny": "démenti dément",
        "claim": "prétendu prétend",
        "argue": "estimé estime",
        "warn": "averti prévenu",
    },
    "es": {
        # ("aseguró" is as neutral as "afirmó" in Spanish copy: the es-market-fire page's
        # "anunció" -> "aseguró" is no change.)
        "say": "dijo dice dicho afirmó afirma afirmado declaró declara declarado señaló señala "
        "indicó indica aseguró asegura asegurado apuntó apunta manifestó comentó precisó",
        "announce": "anunció anuncia anunciado",
        "note": "explicó explica explicado subrayó subraya destacó destaca recordó recuerda",
        "report": "informó informa",
        "confirm": "confirmó confirma confirmado",
        "add": "añadió añade",
        "admit": "admitió admite reconoció reconoce",
        "deny": "negó niega",
        "argue": "sostuvo sostiene",
        "accuse": "denunció denuncia",
        "warn": "advirtió advierte",
    },
    "it": {
        "say": "detto dice dichiarato dichiara affermato afferma precisato",
        "note": "spiegato spiega sottolineato sottolinea ricordato ricorda evidenziato",
        "argue": "sostenuto sostiene",
        "confirm": "confermato conferma",
        "announce": "annunciato annuncia",
        "add": "aggiunto aggiunge",
        "report": "riferito riferisce",
        "admit": "ammesso ammette",
        "insist": "assicurato assicura",
        "deny": "negato nega smentito smentisce",
        "warn": "avvertito avverte",
    },
    "pt": {
        "say": "disse diz afirmou afirma declarou declara adiantou referiu indicou comentou",
        "note": "explicou explica sublinhou sublinha lembrou frisou salientou",
        "insist": "garantiu garante assegurou",
        "confirm": "confirmou confirma",
        "add": "acrescentou acrescenta",
        "admit": "admitiu admite reconheceu",
        "deny": "negou nega desmentiu",
        "report": "avançou noticiou",
        "warn": "alertou alerta avisou",
    },
    "nl": {
        "say": "zei zegt zeggen zeiden verklaarde verklaart stelde stelt liet aldus",
        "report": "meldt meldde melden",
        "claim": "beweerde beweert",
        "confirm": "bevestigde bevestigt",
        "warn": "waarschuwde waarschuwt",
        "deny": "ontkende ontkent",
        "add": "voegde",
    },
}
_VERBS: dict[str, dict[str, str]] = {
    lang: {w: lemma for lemma, ws in verbs.items() for w in ws.split()}
    for lang, verbs in _VERBS_OF.items()
}
#: The particle a separable verb leaves at the end of its clause ("teilte ... mit").
_PARTICLE_OF = {
    "teilte": "mit",
    "teilten": "mit",
    "teilt": "mit",
    "räumte": "ein",
    "räumten": "ein",
    "fügte": "hinzu",
    "fügten": "hinzu",
    "liet": "weten",
    "voegde": "toe",
}
#: Auxiliaries a participle of reporting takes ("a déclaré", "ha detto", "ha dicho").
_AUXILIARIES = _wordset("a ont avait avaient ha hanno aveva han había tem têm tinha")
#: Prepositions that credit a source: "laut Polizei", "selon la préfecture".
_ACCORDING: dict[str, tuple[str, ...]] = {
    "de": ("laut", "nach angaben"),
    "fr": ("selon", "d'après"),
    "es": ("según", "de acuerdo con"),
    "it": ("secondo", "stando a"),
    "pt": ("segundo", "de acordo com", "conforme"),
    "nl": ("volgens",),
}


def _longest(phrase: str) -> str:
    """The longest word of a phrase, what the cheap tests look for ("stando a": "stando")."""
    return max(phrase.replace("'", " ").split(), key=len)


@lru_cache(maxsize=8)
def _according_pattern(lang: str) -> re.Pattern[str]:
    """The words of ``lang`` that credit a source, any of them (compiled on first use)."""
    phrases = _ACCORDING[lang]
    return re.compile(
        r"(?<![\w'])(?:" + "|".join(p.replace(" ", r"\s+") for p in phrases) + r")(?!\w)",
        re.IGNORECASE,
    )


#: Words that open a noun phrase, and those that join one to the next ("ein Sprecher der
#: Gewerkschaft", "i vigili del fuoco", "el Ministerio de Trabajo").
_ARTICLES = _wordset(
    "der die das den dem des ein eine einen einem einer eines le la les l un une son sa ses "
    "leur el los las lo una unos unas su sus il gli i uno o a os as um uma seu sua de het een "
    "zijn haar hun"
)
_JOINERS = _wordset("der des von vom de du d del di della dei degli delle dello do da dos das van")
#: An ordinal that is also "according to": "il secondo tempo", "o segundo dia".
_ALSO_SECOND = _wordset("secondo segundo")
#: Words at which a source read back from its verb stops.
_SOURCE_STOPS = _wordset(
    "que qu che dass dat und et y e en ma mais pero aber maar ou of o weil porque parce "
    "wie comme come como zoals"
)
ATTRIBUTION_WORDS = (
    frozenset(w for verbs in _VERBS.values() for w in verbs)
    | frozenset(_longest(p) for ps in _ACCORDING.values() for p in ps)
    | {"zufolge"}
)
_ATTRIBUTION_ASCII = frozenset(w for w in ATTRIBUTION_WORDS if w.isascii())
_ATTRIBUTION_OTHER = tuple(w for w in ATTRIBUTION_WORDS if not w.isascii())


def may_attribute(lower: str, tokens: frozenset[str]) -> bool:
    return may_hold(lower, tokens, _ATTRIBUTION_ASCII, _ATTRIBUTION_OTHER)


def _phrase_after(
    spans: list[tuple[int, int]], lower: list[str], masked: str, index: int
) -> str | None:
    """The noun phrase that starts at token ``index`` (articles, a word, and the words
    joined to it or names that go on), as written."""
    i, end = index, len(lower)
    while i < end and lower[i] in _ARTICLES:
        i += 1
    if i >= end or not lower[i][0].isalpha():
        return None
    last = i
    while last + 1 < end:
        following = lower[last + 1]
        if following in _JOINERS and last + 2 < end:
            j = last + 2
            while j < end and lower[j] in _ARTICLES:
                j += 1
            if j < end and lower[j][0].isalpha():
                last = j
                continue
            break
        word = masked[spans[last + 1][0] : spans[last + 1][1]]
        if word[:1].isupper() and masked[spans[last][0]].isupper():
            last += 1  # a name goes on: "Petra Lindner", "Ministerio Público"
            continue
        break
    return masked[spans[index][0] : spans[last][1]]


def _phrase_before(
    spans: list[tuple[int, int]], lower: list[str], masked: str, index: int
) -> str | None:
    """The subject read back from the verb at token ``index``: up to six words, stopping at
    punctuation or a word that opens a clause ("Der Minister sagte", "Il ministro ha")."""
    first = index
    while first > 0 and index - first < 6:
        word = lower[first - 1]
        if not word[0].isalnum() or word in _SOURCE_STOPS:
            break
        first -= 1
    if first == index:
        return None
    return masked[spans[first][0] : spans[index - 1][1]]


@lru_cache(maxsize=4096)
def attributions(masked: str, lang: str) -> tuple[tuple[str, str, str | None], ...]:
    """The attributions of a sentence in ``lang``, each its verb as written, the lemma of
    the English verb that says it so ("say", "claim"), and its source: a source credited by a
    preposition ("laut Polizei", "selon la direction") or by a reporting verb, its subject
    after it when inverted (", a indiqué la direction", ", teilte der Konzern mit", German and
    Dutch verbs second) and before it otherwise ("Der Minister sagte")."""
    if lang not in _VERBS:
        return ()
    spans = [(m.start(), m.end()) for m in _TOKEN().finditer(_ELIDED().sub(r"\1 ", masked))]
    lower = [masked[s:e].lower() for s, e in spans]
    starts = {s: i for i, (s, _) in enumerate(spans)}
    found: list[tuple[int, tuple[str, str, str | None]]] = []
    for m in _according_pattern(lang).finditer(masked):
        index = starts.get(m.start())
        if index is None:
            continue
        if lower[index] in _ALSO_SECOND and index > 0 and lower[index - 1] in _ARTICLES:
            continue  # "il secondo tempo": the second, not "according to"
        if _hedge_phrase_pattern(lang).match(masked.lower(), m.start()):
            continue  # "selon toute vraisemblance" hedges, it credits no one
        after = next((i for i, (s, _) in enumerate(spans) if s >= m.end()), None)
        source = None if after is None else _phrase_after(spans, lower, masked, after)
        verb = " ".join(m.group(0).split())
        found.append((m.start(), (verb, "according to", source)))
    if lang == "de" and "zufolge" in lower:
        # "Der Polizei zufolge": the source before its postposition, a noun and its article.
        for index, word in enumerate(lower):
            if word != "zufolge" or _hedge_phrase_pattern(lang).search(
                masked.lower(), max(0, spans[index][0] - 12), spans[index][1]
            ):
                continue  # "Berichten zufolge" hedges, it credits no one
            first = index
            while first > 0 and (
                lower[first - 1] in _ARTICLES or masked[spans[first - 1][0]].isupper()
            ):
                first -= 1
            if first < index:
                source = masked[spans[first][0] : spans[index - 1][1]]
                found.append((spans[first][0], ("zufolge", "according to", source)))
    verbs = _VERBS[lang]
    for index, word in enumerate(lower):
        lemma = verbs.get(word)
        if lemma is None:
            continue
        first = index
        if index > 0 and lower[index - 1] in _AUXILIARIES:
            first = index - 1  # "a déclaré", "ha detto"
        elif word in ("dit", "dicho", "detto"):
            continue  # a participle alone is no report ("le dit", "dicho de otro modo")
        verb = masked[spans[first][0] : spans[index][1]]
        particle = _PARTICLE_OF.get(word)
        if particle is not None:
            if particle not in lower[index + 1 :]:
                continue  # "teilte das Geld auf" is no report
            verb = f"{verb} {particle}"
        before = lower[first - 1] if first > 0 else ""
        following = lower[index + 1] if index + 1 < len(lower) else ""
        inverted = following in _ARTICLES or (
            index + 1 < len(lower) and masked[spans[index + 1][0]].isupper()
        )
        if inverted and (before in (",", "q") or lang in ("de", "nl")):
            source = _phrase_after(spans, lower, masked, index + 1)
        else:
            source = _phrase_before(spans, lower, masked, first)
        found.append((spans[first][0], (verb, lemma, source)))
    found.sort(key=lambda item: item[0])
    return tuple(a for _, a in found)


# -- figures in words ------------------------------------------------------------------------------

#: Weekdays, by the English day whose key they share ("Montag" is "Monday").
_WEEKDAYS_OF = {
    "mon": "montag lundi lunes lunedì segunda-feira maandag",
    "tue": "dienstag mardi martes martedì terça-feira dinsdag",
    "wed": "mittwoch mercredi miércoles mercoledì quarta-feira woensdag",
    "thu": "donnerstag jeudi jueves giovedì quinta-feira donderdag",
    "fri": "freitag vendredi viernes venerdì sexta-feira vrijdag",
    "sat": "samstag samedi sábado sabato sábado zaterdag",
    "sun": "sonntag dimanche domingo domenica domingo zondag",
}
_WEEKDAY_KEYS = {w: day for day, ws in _WEEKDAYS_OF.items() for w in ws.split()}
_WEEKDAY_KEYS["sonnabend"] = "sat"
#: Months of the languages read here, keyed as an English month alone is ("in June":
#: "?-06"): figure_patterns' names, but for Polish's, which are Spanish and Italian words
#: and names too ("la marca", "Maja").
_POLISH_MONTHS = _wordset(
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia"
)
_MONTH_KEYS = {word: f"?-{n:02d}" for word, n in _EU_MONTHS.items() if word not in _POLISH_MONTHS}
#: A month with a day or a year beside it is read whole by the date patterns ("5. März",
#: "3 de marzo", "März 2026").
_MONTH_PATTERN = lazy_pattern(
    r"(?<![\w-])(?<!\d\. )(?<!\d )(?<!\d de )(?<!\d di )(?<!\der )(?<!\d[º°o] )"
    # Not "Mars", the planet: French writes its month "mars", German "März".
    r"(?<!\d[ºo] de )(?!(?-i:Mars)\b)(?P<month>"
    + "|".join(sorted(_MONTH_KEYS, key=len, reverse=True))
    + r")(?![\w-])(?! \d)",
    re.IGNORECASE,
)
#: The order of the names in each list above and below.
_ORDER = ("de", "fr", "es", "it", "pt", "nl")
#: Shares of a whole written in words, with the article they take ("un tiers", "die Hälfte").
_SHARES_OF = {
    0.5: "die hälfte la moitié la mitad la metà a metade de helft",
    1 / 3: "ein drittel un tiers un tercio un terzo um terço een derde",
    0.25: "ein viertel un quart un cuarto un quarto um quarto een kwart",
    2 / 3: "zwei drittel deux tiers dos tercios due terzi dois terços twee derde",
    0.75: "drei viertel trois quarts tres cuartos tre quarti três quartos drie kwart",
}
_SHARES = {
    " ".join(words.split()[i : i + 2]): value
    for value, words in _SHARES_OF.items()
    for i in range(0, len(words.split()), 2)
}
#: Counts written in words, two to twelve ("trois", "dos", "drie"; "un" and "ein" are
#: articles as often).
_COUNTS_OF = {
    "de": "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
    "fr": "deux trois quatre cinq six sept huit neuf dix onze douze",
    "es": "dos tres cuatro cinco seis siete ocho nueve diez once doce",
    "it": "due tre quattro cinque sei sette otto nove dieci undici dodici",
    "pt": "dois três quatro cinco seis sete oito nove dez onze doze",
    "nl": "twee drie vier vijf zes zeven acht negen tien elf twaalf",
}
_COUNT_VALUES = {
    lang: {w: float(n) for n, w in enumerate(ws.split(), start=2)}
    for lang, ws in _COUNTS_OF.items()
}
_COUNT_VALUES["pt"]["duas"] = 2.0


@lru_cache(maxsize=8)
def _count_pattern(lang: str) -> re.Pattern[str]:
    """The counts in words of ``lang``, any of them (compiled on first use)."""
    values = _COUNT_VALUES[lang]
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(sorted(values, key=len, reverse=True)) + r")(?![\w-])",
        re.IGNORECASE,
    )


#: Round amounts written in words ("mil millones", "un milliard"): counts.
_AMOUNTS_OF = {
    1e6: "eine_million un_million un_millón un_milione um_milhão een_miljoen",
    1e9: "eine_milliarde un_milliard mil_millones un_miliardo mil_milhões een_miljard",
}
_AMOUNTS = {w.replace("_", " "): value for value, ws in _AMOUNTS_OF.items() for w in ws.split()}
_SHARE_PATTERN = lazy_pattern(
    r"(?<!\w)(?:" + "|".join(sorted(_SHARES, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE
)
#: A part of the day German and Dutch write onto a weekday ("Montagabend", "dinsdagavond"):
#: the same day.
_DAY_PARTS = (
    "morgen",
    "vormittag",
    "mittag",
    "nachmittag",
    "abend",
    "nacht",
    "ochtend",
    "middag",
    "avond",
)
_WEEKDAY_PATTERN = lazy_pattern(
    r"(?<![\w-])(?P<day>"
    + "|".join(sorted(_WEEKDAY_KEYS, key=len, reverse=True))
    + r")(?:"
    + "|".join(_DAY_PARTS)
    + r")?(?![\w-])",
    re.IGNORECASE,
)
_AMOUNT_PATTERN = lazy_pattern(
    r"(?<!\w)(?:" + "|".join(sorted(_AMOUNTS, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE
)
_FIGURE_WORDS = (
    frozenset(_WEEKDAY_KEYS)
    | frozenset(_MONTH_KEYS)
    | frozenset(
        day + part
        for day in _WEEKDAY_KEYS
        if day.endswith(("tag", "dag", "woch", "abend"))
        for part in _DAY_PARTS
    )
    | frozenset(s.split()[-1] for s in _SHARES)
    | frozenset(a.split()[-1] for a in _AMOUNTS)
    | frozenset(w for counts in _COUNT_VALUES.values() for w in counts)
)
_DAYS_AND_SHARES = frozenset(_WEEKDAY_KEYS) | frozenset(s.split()[-1] for s in _SHARES)
#: (Not "million", "six", "due", "sept": English words, read as English reads them; but
#: "once", Spanish eleven, which a sentence the language tells as Spanish counts: "once
#: personas" -> "doce personas" was a number added, the eleven unread.)
_FIGURE_ASCII = frozenset(
    piece
    for w in _FIGURE_WORDS
    for piece in (
        w.split("-") if w.isascii() else "".join(c if "a" <= c <= "z" else " " for c in w).split()
    )
    if len(piece) > 2
) - _wordset("million six due elf sept april august september november december")
_FIGURE_OTHER = tuple(w for w in _FIGURE_WORDS if not w.isascii())
#: The words that differ when one of these changes (for the cheap test of which facets to
#: read): the whole words and their ASCII pieces ("terça-feira": "feira").
FIGURE_WORDS = (
    _FIGURE_WORDS
    | _FIGURE_ASCII
    | frozenset(piece for w in _FIGURE_WORDS for piece in w.split("-"))
)


def may_count(lower: str, tokens: frozenset[str]) -> bool:
    return may_hold(lower, tokens, _FIGURE_ASCII, _FIGURE_OTHER)


#: A figure found here: its span, kind, value and key.
Figure = tuple[int, int, Literal["date", "fraction", "count"], float | None, str]


def figures(text: str, lang: str) -> tuple[Figure, ...]:
    """Weekdays and shares written in words in a sentence in ``lang`` ("am Montag", "un
    tiers des élèves"): each its span, kind, value and key, as the English ones have."""
    found: list[Figure] = [
        (m.start(), m.end(), "date", None, "wd-" + _WEEKDAY_KEYS[m.group("day").lower()])
        for m in _WEEKDAY_PATTERN().finditer(text)
    ]
    for m in _SHARE_PATTERN().finditer(text):
        value = _SHARES[" ".join(m.group(0).lower().split())]
        found.append((m.start(), m.end(), "fraction", value, f"{round(value, 4):g}"))
    for m in _MONTH_PATTERN().finditer(text):
        if lang != "de" and m.start() > 0 and m.group("month")[:1].isupper():
            # Only German writes its months with a capital: "Julio Ramos", "Avril Dupont",
            # "Ramón Abril" are names.
            continue
        found.append((m.start(), m.end(), "date", None, _MONTH_KEYS[m.group("month").lower()]))
    taken = [(start, end) for start, end, *_ in found]
    for m in _count_pattern(lang).finditer(text) if lang in _COUNT_VALUES else ():
        if any(s <= m.start() < e for s, e in taken):
            continue  # "zwei Drittel", "trois quarts": a share
        count = _COUNT_VALUES[lang][m.group(0).lower()]
        found.append((m.start(), m.end(), "count", count, f"{count:g}"))
    for m in _AMOUNT_PATTERN().finditer(text):
        if m.start() >= 2 and text[m.start() - 2].isdigit():
            continue  # "1,2 mil milhões": the figure before it counts the thousands
        value = _AMOUNTS[" ".join(m.group(0).lower().split())]
        found.append((m.start(), m.end(), "count", value, f"{value:.0f}"))
    return tuple(found)


# -- figures in Arabic and Chinese --------------------------------------------------------------

#: Arabic weekdays ("يوم الاثنين") and counts in words, three to ten, masculine and feminine
#: ("ستة أسابيع", "ثلاث سنوات"; not "ست", which is a word of its own too).
_ARABIC_WEEKDAYS = {
    "الاثنين": "mon",
    "الإثنين": "mon",
    "الثلاثاء": "tue",
    "الأربعاء": "wed",
    "الاربعاء": "wed",
    "الخميس": "thu",
    "الجمعة": "fri",
    "السبت": "sat",
    "الأحد": "sun",
    "الاحد": "sun",
}
_ARABIC_COUNTS = {
    word: float(n)
    for n, words in (
        (2, "اثنان اثنين اثنتان اثنتين"),
        (3, "ثلاثة ثلاث"),
        (4, "أربعة أربع اربعة"),
        (5, "خمسة خمس"),
        (6, "ستة"),
        (7, "سبعة سبع"),
        (8, "ثمانية ثماني ثمان"),
        (9, "تسعة تسع"),
        (10, "عشرة"),
    )
    for word in words.split()
}
#: Either, whole, or with "and", "with", "to" or "so" written onto it ("وستة", "بثلاثة").
_ARABIC_FIGURE = lazy_pattern(
    r"(?<![\w-])[وبلف]?(?P<w>"
    + "|".join(sorted([*_ARABIC_WEEKDAYS, *_ARABIC_COUNTS], key=len, reverse=True))
    + r")(?![\w-])"
)
_ARABIC_LETTER = lazy_pattern("[\u0621-\u064a]")
_SCRIPT_LETTER = lazy_pattern(f"[\u0621-\u064a{CJK}]")
#: Chinese numerals one to ten ("两" is two before a measure word).
_CHINESE_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUMERAL = "一二两三四五六七八九十"
#: A weekday: "周一", "星期二", "礼拜天" (not the "周一" of "六周一直", six weeks on end).
_CHINESE_WEEKDAY = lazy_pattern(rf"(?<![{_NUMERAL}几])(?:周|星期|礼拜)(?P<d>[一二三四五六日天])")
_CHINESE_WEEKDAY_KEYS = dict(
    zip("一二三四五六日天", ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "sun"], strict=True)
)
#: A count before its measure word ("六周", "两个人", "三名"): not an ordinal ("第三"), a
#: weekday, a month or a day of one ("十一月", "3日"), "more than" ("三十多人"), nor the
#: "一" of "统一" (unified) or "唯一" (only).
_CHINESE_COUNT = lazy_pattern(
    rf"(?<![{_NUMERAL}几第周期拜零〇百千万亿统唯\d])(?P<n>[{_NUMERAL}]{{1,3}})(?![多几余])"
    r"(?=个|名|人|位|周|天|年|次|小时|分钟|星期|辆|座|家|所|条|公里|米|吨|岁|架|艘|项|起|只|头)"
)
#: What "一起" counts when it is "one" of them ("一起事故", an accident): elsewhere it is
#: "together" ("一起出发", set off together).
_CHINESE_INCIDENTS = ("事故", "案", "事件", "袭击", "爆炸", "火灾", "车祸", "枪击", "冲突", "纠纷")
#: What can differ when one of these changes (for the cheap test of which facets to read).
SCRIPT_FIGURE_CHARS = frozenset(_NUMERAL + "周期拜日天")


def _chinese_value(numeral: str) -> float | None:
    """The value of a Chinese numeral up to 99 ("六" 6, "十二" 12, "二十五" 25)."""
    tens, ten, units = numeral.partition("十")
    if not ten:
        return float(_CHINESE_DIGITS[numeral]) if len(numeral) == 1 else None
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    return float(_CHINESE_DIGITS.get(tens, 1) * 10 + _CHINESE_DIGITS.get(units, 0))


def script_figures(text: str) -> tuple[Figure, ...]:
    """Weekdays and counts written in words in Arabic or Chinese ("يوم الاثنين", "ستة
    أسابيع"; "周一", "六周", "两个"), as ``figures`` gives them; () for other text."""
    if _SCRIPT_LETTER().search(text) is None:
        return ()  # most text: neither script
    found: list[Figure] = []
    if has_cjk(text):
        for m in _CHINESE_WEEKDAY().finditer(text):
            found.append((m.start(), m.end(), "date", None, "wd-" + _CHINESE_WEEKDAY_KEYS[m["d"]]))
        for m in _CHINESE_COUNT().finditer(text):
            value = _chinese_value(m["n"])
            if (
                m["n"] == "一"
                and text.startswith("起", m.end())
                and not text.startswith(_CHINESE_INCIDENTS, m.end() + 1)
            ):
                continue  # "一起": together
            if value is not None:
                found.append((m.start(), m.end(), "count", value, f"{value:g}"))
    if _ARABIC_LETTER().search(text):
        for m in _ARABIC_FIGURE().finditer(text):
            word = m["w"]
            day = _ARABIC_WEEKDAYS.get(word)
            if day is not None:
                found.append((m.start("w"), m.end("w"), "date", None, f"wd-{day}"))
            else:
                value = _ARABIC_COUNTS[word]
                found.append((m.start("w"), m.end("w"), "count", value, f"{value:g}"))
    found.sort(key=lambda figure: figure[0])
    return tuple(found)


def script_figure_differs(joined: str) -> bool:
    """Whether differing words in Arabic or Chinese may hold one of those figures."""
    if _SCRIPT_LETTER().search(joined) is None:
        return False
    if has_cjk(joined):
        return not SCRIPT_FIGURE_CHARS.isdisjoint(joined)
    return _ARABIC_LETTER().search(joined) is not None and (
        _ARABIC_FIGURE().search(joined) is not None
    )


# -- the language ---------------------------------------------------------------------------------

_ENGLISH = _FUNCTION_WORDS["en"]
#: English's words no other language here writes ("the", "were", "after"): three of them
#: make a sentence English.
_ONLY_ENGLISH = _ENGLISH.difference(*(_FUNCTION_WORDS[code] for code in _ORDER))


def _cue_words(code: str) -> frozenset[str]:
    """The words of a language's cues: negations, hedges, reporting verbs, "selon", and
    its weekdays and shares ("lundi", "tiers")."""
    at = _ORDER.index(code)
    figures = [ws.split()[at] for ws in _WEEKDAYS_OF.values()]
    if code in ("de", "nl"):  # "Montagabend", "dinsdagavond"
        figures += [day + part for day in figures for part in _DAY_PARTS]
    figures += [ws.split()[2 * at + 1] for ws in _SHARES_OF.values()]
    figures += [ws.split()[at].rsplit("_", 1)[-1] for ws in _AMOUNTS_OF.values()]
    hedges = (w.rsplit("_", 1)[-1] for ws in _HEDGES_OF[code].values() for w in ws.split())
    according = (_longest(p) for p in _ACCORDING[code])
    return (
        _NO_WORDS[code]
        | _COMPLETES.get(code, frozenset())
        | frozenset(hedges)
        | frozenset(_VERBS[code])
        | frozenset(according)
        | frozenset(figures)
        | _REPORTED_PAST.get(code, frozenset())
        | _REPORTED_MODAL.get(code, frozenset())
        | frozenset(_COUNT_VALUES[code])
    ) - _ENGLISH_LOOKING


#: Cue words written as English words are ("plus", "million"): no sign of another language.
_ENGLISH_LOOKING = _wordset(
    "no non plus point dice mai nie ne n million so nada nega dire alerta once elf sept due "
    "zero liet stelt stelde diz avisou"
)


#: What tells each language: its function words and the words of its cues, and those of
#: its cue words no English word is written like (not ASCII, or four letters or more, less
#: those English writes too: "indiqué", "nenhum"), which count twice: a short sentence has
#: few function words.
#: (Not its weekdays and shares: "Santo Domingo" is a place in an English sentence, "tiers"
#: and "quarto" English words.)
@cache
def _languages() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """Each language, its evidence and its strong evidence (gathered on first use: most
    runs read English alone)."""
    found = []
    for code in _ORDER:
        cues = _cue_words(code)
        strong = frozenset(w for w in cues - _DAYS_AND_SHARES if len(w) >= 4 or not w.isascii())
        found.append((code, _FUNCTION_WORDS[code] | cues, strong))
    return tuple(found)


@lru_cache(maxsize=4096)
def language(lower: str) -> str | None:
    """The language of a lower-cased sentence, among those read here, or ``None`` (English,
    or too little to tell).

    A language is a candidate when the sentence holds two or more of its words that are no
    English words and more of them than English words that are not its own: a word both
    write ("as", "no", "a", "in") counts for neither, so "As expected, no agreement was
    reached" is no Portuguese. Among the candidates, the one whose words the sentence holds
    most: there the words English shares count ("no" is Spanish beside "la" and "al")."""
    ascii_only = lower.isascii()
    if ascii_only:
        words = _token_set(lower)
    else:
        letters = _LETTERS().findall(lower)
        hebrew = len(_HEBREW_LETTER().findall(lower))
        if hebrew and 2 * hebrew > sum(len(w) for w in letters):
            return "he"  # told by its script
        words = frozenset(letters)
    english = words & _ENGLISH
    if len(english & _ONLY_ENGLISH) >= 3:
        return None  # "the", "after", "were": these languages write none of them
    best, score, tied = None, 0, False
    for code, evidence, strong in _languages():
        held = words & evidence
        ends = _ENDINGS.get(code)
        endings = 0 if ascii_only or ends is None else sum(w.endswith(ends) for w in words - held)
        own = len(held - _ENGLISH) + len((words & strong) - _ENGLISH) + endings
        if own < 2 or own <= len(english - evidence):
            continue
        hits = len(held) + len(words & strong) + endings
        if hits > score:
            best, score, tied = code, hits, False
        elif hits == score:
            tied = True
    return None if tied else best


def reads_english(lower: str) -> bool:
    """Whether a lower-cased sentence reads as English: a word only English writes ("the",
    "were", "he") and no other language told."""
    return not _ONLY_ENGLISH.isdisjoint(_token_set(lower)) and language(lower) is None


_HEBREW_LETTER = lazy_pattern("[\u05d0-\u05ea]")


#: German words English does not write, for a cheap first test.
_GERMAN_HINTS = _wordset(
    "der das und ist nicht wurde wurden hat sich mit auf ein eine dem des zu von im am"
)


def may_be_german(tokens: frozenset[str]) -> bool:
    return not _GERMAN_HINTS.isdisjoint(tokens)


#: The words whose difference between two versions calls for the negations, or the figures,
#: to be read (less those English writes too: "plus" and "pas" differ only between two
#: negations, "ne ... pas" and "ne ... plus"; "once" and "six" are read as English reads them).
NEGATION_DIFFERS = NEGATION_WORDS - _wordset("plus pas point mai")
FIGURE_DIFFERS = FIGURE_WORDS - _wordset("six once due elf sept met ter mill")
