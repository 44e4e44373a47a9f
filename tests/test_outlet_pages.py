"""Page layouts the fixture stories do not cover, each fetched twice with planted edits
(tests/data/outlets/<page>/old.html and new.html, fictional): a regional paper's CMS with
"READ MORE:" and "ALSO READ |" links, photo credits, a newsletter promo and an embedded
post; a wire story with a dateline and staff credits; a "Key points" box with a correction
added at the top; an AMP page; a page whose JSON-LD articleBody was left stale when the
text was updated, with a cookie banner and a newsletter box mid-article; and a paywalled
copy that shows only the first paragraphs; a story with an inline photo gallery, pull quotes
and "Read more" links between its paragraphs; a Spanish and a German paper, each with its
own chrome and a correction in its own language; a live blog that makes each update an
<article>, under a pinned summary and with "5 mins ago" beside each; a page built by
JavaScript whose text is only in its JSON-LD articleBody; a local paper whose byline gives
the reporter's e-mail, with an advert splitting a paragraph, captions, a pull quote and a
correction at the foot; an interview under a label and a date stamp with its "Updated"
time; a subscriber's article whose page shows two paragraphs above a wall and whose
JSON-LD articleBody holds all of it; and a Russian paper in windows-1251 that names no
charset, with an "Автор:" byline; a WordPress site's post with Jetpack's share and like
buttons, a pull quote block with its cite, a donation box, related posts, an author box and
a comment form; a big-metro page of nested data-testid boxes, advert slots, "Article
content" labels, a video player with its caption; and a Spanish regional paper's story
with "Por" in an author box inside its "firma", "Actualizado el" on its <time>, "Te puede
interesar:", "Síguenos en", "Suscríbete al boletín", "Lo más visto" and comments; an
opinion essay with a dek, pull quotes, footnote marks as bare "[2]" links (renumbered when
a note is added) and the writer's bio line; and a story with a photo gallery inside it
("1 of 8", credits) and a "Key facts" box of figures that is the story's; a live blog of
plain boxes under "Key events" and a pinned post; a page whose text is only in an @graph's
articleBody above a "Subscribe to continue reading" wall; a "/print" page; a story with
embedded posts, a video and a gallery; a Brazilian page in windows-1252 that says UTF-8; the
first of a story's two pages; and "Related coverage" and advert labels between paragraphs;
an Arabic page set right to left whose byline says "بقلم:" before the link to the reporter;
a Korean paper's story with "김서연 기자", "입력"/"수정" stamps, the reporter's sign-off and
the copyright notice in the body; a Next.js page whose HTML shows a teaser and whose story
is in __NEXT_DATA__; a newsletter post with subscribe boxes, a "Share" button between its
paragraphs and footnotes; a press release with its issuer's "About" section, forward-looking
statements, a media contact and "SOURCE"; a video page whose story is its transcript, with
speaker labels and time codes; an election result table and a reader poll in a story; an
explainer told in cards ("1 of 5", "Next card") with an app promo between them; a
Turkish paper with a "Haber:" label before the reporter's link and "Güncelleme" stamps; and
a Hebrew one with a "עוד בנושא:" link between its paragraphs; and a Swedish one whose only
dates are its "Publicerad"/"Uppdaterad" stamps. And one story (a boil-water notice) as an
AMP page, a JavaScript page whose articleBody is <p> markup, a long read with a drop cap,
pull quotes and a footnote, two tabloids, a refiled wire story, two print pages, an old table
layout in windows-1252 and two pages with a "Most read" story in full before their own.

Each page must lose its chrome and keep its first and last paragraphs; each pair must
report the planted meaning changes and no other change but names."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from compare import compare, load
from compare.cli import app
from compare.extract.pipeline import APP_DATA_WARNING
from compare.model import Comparison, Document

OUTLETS = Path(__file__).parent / "data" / "outlets"


@dataclass(frozen=True)
class Pair:
    """What one page's two versions must give."""

    title: str
    site_name: str
    authors: tuple[str, ...]
    first: str
    """How the first paragraph of both versions opens."""
    last: str
    """How the last paragraph of both versions opens."""
    chrome: tuple[str, ...]
    """Text on the pages that must not reach the article."""
    changes: tuple[tuple[str, str, str | None, str | None], ...]
    """Planted (kind, action, old, new); old and new are found inside the reported values."""
    new_first: str | None = None
    """How the new version's first paragraph opens, when its lede was rewritten."""
    new_last: str | None = None
    """How the new version's last paragraph opens, when a paragraph moved from the end."""
    updated: bool = True
    """Whether the page states when it was updated (a print plugin's page does not)."""
    paragraphs: tuple[int, int] = (0, 0)
    """How many paragraphs each version has, when checked."""
    extra: dict[str, str] = field(default_factory=dict)


_BOIL_TITLE = "Boil-water notice for Orrin Creek after chemical leak shuts treatment works"
#: The edits planted in each version of the boil-water story; the added paragraph and the
#: reworded sentence ("stayed open, but" -> "remained open, although") change no fact.
_BOIL_CHANGES = (
    ("number", "changed", "3,400", "3,900"),
    ("name", "changed", "Royal Infirmary", "General Hospital"),
    ("note", "added", None, "Correction: An earlier version of this article"),
)


def _boil(**differing: Any) -> Pair:
    """A page of the boil-water story: what its pages share, and what this one has of its
    own (its site and chrome, and any other opening, end, changes or count)."""
    shared: dict[str, Any] = {
        "title": _BOIL_TITLE,
        "authors": ("Tamsin Oduya",),
        "first": "About 3,",
        "last": "The treatment works, built in 1974",
        "new_last": "Correction: An earlier version",
        "changes": _BOIL_CHANGES,
        "paragraphs": (9, 11),
    }
    return Pair(**{**shared, **differing})


PAIRS = {
    "regional-depot": Pair(
        title="Hollin Vale bus depot to close with 140 jobs at risk",
        site_name="Hollin Vale Echo",
        authors=("Priya Castellan",),
        first="A bus depot that has served Hollin Vale",
        last="The Tanner Street site opened in 1963",
        chrome=(
            "Do you work at the depot?",
            "READ MORE",
            "ALSO READ",
            "(Image: Google)",
            "straight to your inbox",
            "Comments (47)",
            "Plans for bigger Moss Lane bus depot",
            "Image: Tom Rusk",
            "Absolutely gutted",
            "daveminto_hv",
            "Advertisement",
            "Sign up to our daily newsletter",
            "We and our partners use cookies",
            "Local Democracy Reporter",
            "Most Read",
            "Updated 16:40",
        ),
        changes=(
            ("number", "changed", "140", "160"),
            ("hedge", "added", None, "unlikely"),
            # "… treating staff 'like spare parts', a claim Greyline denied."
            ("negation", "added", None, "denied"),
            ("attribution", "added", None, "Greyline denied"),
            # "passengers would not notice" -> "passengers were unlikely to notice"
            ("negation", "changed", "would not notice", "were"),
            # The name and title of the source swap places: no attribution change.
        ),
        paragraphs=(11, 11),
    ),
    "wire-dateline": Pair(
        title="Saltmere refinery blast injures nine, output halted",
        site_name="Northwire",
        authors=("Oskar Lindahl", "Maren Holt"),
        first="SALTMERE, May 7 (Northwire) - An explosion",
        last="(Reporting by Oskar Lindahl",
        chrome=(
            "Purchase Licensing Rights",
            "Our Standards",
            "Scroll to continue",
            "Listen to article",
            "2 minute read",
            "Kessel Energy first-quarter profit",
            "Updated 4 hours ago",
        ),
        changes=(
            ("number", "changed", "Two", "Three"),
            ("quote", "changed", "who were hurt", "who were injured"),
            ("number", "changed", "2.1%", "2.4%"),
            ("hedge", "added", None, "likely"),
        ),
        paragraphs=(9, 9),
    ),
    "keypoints-correction": Pair(
        title="Coralhaven water restrictions tightened as dam falls to 31 per cent",
        site_name="Southern Cross Daily",
        authors=("Lachlan Whitby",),
        first="Key points",
        last="Coastwater said the desalination plant",
        chrome=("Posted Mon 19 Jan", "updated Tue 20 Jan", "Related stories", "Farmers call"),
        changes=(
            ("number", "changed", "$1,100", "$1,650"),
            ("number", "changed", "March", "April"),
            ("quote", "changed", "rain by March", "rain by April"),
            ("attribution", "changed", "said", "claimed"),
            ("note", "added", None, "Correction: An earlier version of this sto"),
        ),
        # In a box whose class trafilatura reads as chrome ("story-meta").
        extra={"added": "Correction: An earlier version of this sto"},
    ),
    "amp-ferry": Pair(
        title="Ferry operator cancels Brisk Island winter sailings",
        site_name="The Tideline Post",
        authors=("Nell Abernathy",),
        first="The only ferry company serving Brisk Island",
        last="Harbor Line cut winter service once before",
        chrome=(
            "Tonight's meeting on the ferry schedule",
            "@briskislandcouncil",
            "Advertisement",
            "Staff photo by Gil Harrow",
            "Published November 2",
            "Updated November 2",
            "View full site",
            "School board approves",
        ),
        changes=(
            ("number", "changed", "480", "520"),
            ("attribution", "changed", "Ross Delaney", "Russ Delaney"),
        ),
        new_last="A department spokeswoman said",
        paragraphs=(8, 8),
        extra={"moved": "Harbor Line cut winter service once before"},
    ),
    "jsonld-stale": Pair(
        title="Marlow County measles outbreak grows, largest in two decades",
        site_name="Fairbridge Courier-Times",
        authors=("Diego Marquez-Lund",),
        first="Marlow County health officials confirmed",
        last="Measles was declared eliminated",
        chrome=(
            "Published 10:00 a.m.",
            "Updated 4:45 p.m.",
            "This website uses cookies",
            "The Morning Courier",
            "Sign me up",
            "ADVERTISEMENT",
            "Contact Diego Marquez-Lund",
            "Subscribe for $1",
        ),
        changes=(
            ("number", "changed", "37", "41"),
            ("negation", "changed", "none", "one"),
            ("number", "added", None, "one"),
        ),
        paragraphs=(8, 9),
    ),
    "gallery-pullquotes": Pair(
        title="Orchard Row flood: residents count the cost a week on",
        site_name="The Wexmoor Standard",
        authors=("Corinne Hadley",),
        first="Forty homes are still empty",
        last="A fundraising page set up by neighbours",
        chrome=(
            "We use cookies",
            "Chief Reporter",
            "5 min read",
            "Updated 1:05pm",
            "Gallery",
            "1 of 6",
            "Picture: Ravi Saunders",
            "Previous",
            "View all 6 photos",
            "Read more",
            "Wex flood warnings lifted",
            "Flood wall plans delayed",
            "Topics",
            "Share on",
            "Volunteers hand out",
            "Comments (23)",
            "All rights reserved",
        ),
        changes=(
            ("number", "changed", "£86,000", "£68,000"),
            ("number", "changed", "three", "four"),
            # The pull quote beside it changes too: told once, not twice.
            ("quote", "changed", "Not a single block", "Hardly a block"),
        ),
        paragraphs=(9, 9),
    ),
    "es-market-fire": Pair(
        title="Un incendio arrasa 23 puestos del mercado de abastos de Valdoria",
        site_name="El Heraldo del Valle",
        authors=("Lucía Ferrándiz Olmo",),
        first="Los bomberos tardaron cuatro horas",
        last="La Policía Nacional investiga",
        chrome=(
            "Utilizamos cookies",
            "Portada",
            "Actualizado",
            "Publicidad",
            "Lee también",
            "El Ayuntamiento aprueba la reforma",
            "Compartir en",
            "Temas",
            "Boletín diario",
            "Recibe cada mañana",
            "Lo más leído",
            "Comentarios (12)",
            "Todos los derechos reservados",
        ),
        changes=(
            ("note", "added", None, "Fe de erratas: Una versión anterior"),
            ("number", "changed", "23", "27"),
            ("quote", "changed", "Treinta años", "Cuarenta años"),
        ),
        new_last="Fe de erratas:",
        paragraphs=(8, 9),
    ),
    "de-bridge-halt": Pair(
        title="Stadtrat stoppt Neubau der Lindenbrücke – Kosten auf 31 Millionen Euro gestiegen",
        site_name="Oberwaldener Anzeiger",
        authors=("Katrin Vogelsang",),
        first="Oberwalden. Der Neubau der Lindenbrücke",
        last="Über das weitere Vorgehen",
        chrome=(
            "Wir verwenden Cookies",
            "Startseite",
            "Lesezeit",
            "Lesen Sie auch",
            "Umleitung über die Mühlenstraße",
            "Anzeige",
            "Artikel teilen",
            "Schlagworte",
            "Postfach",
            "Meistgelesen",
            "Impressum",
        ),
        changes=(
            ("note", "added", None, "Korrektur: In einer früheren Fassung"),
            ("number", "changed", "14", "15"),
            ("quote", "changed", "allein nicht stemmen", "allein kaum stemmen"),
        ),
        paragraphs=(6, 7),
    ),
    "liveblog-pinned": Pair(
        title="Grantley rail crash: latest updates",
        site_name="Coldwater Tribune",
        authors=("Hamish Orrell", "Bea Tunstall"),
        # The pinned summary, then every update with its heading.
        first="Summary",
        last="Good morning. We are following reports",
        chrome=(
            "LIVE",
            "Last updated",
            "mins ago",
            "hr ago",
            "Copy link",
            "Advertisement",
            "Load more updates",
            "All rights reserved",
        ),
        changes=(
            ("number", "changed", "Three people", "Five people"),
            # In a quotation that runs on into a second sentence.
            ("quote", "changed", "There was a bang", "There was a huge bang"),
        ),
        paragraphs=(12, 16),
        extra={"heading": "Passengers describe the moment of impact"},
    ),
    "jsonld-shell": Pair(
        title="Brenmouth mooring fees to rise by 18 per cent",
        site_name="Brenmouth Bulletin",
        authors=("Tegan Rowse",),
        first="The Brenmouth Harbour Authority will raise",
        last="The board will review the fees",
        chrome=("Loading", "enable JavaScript", "__INITIAL_STATE__"),
        changes=(
            ("note", "added", None, "Correction: An earlier version"),
            ("number", "changed", "18 per cent", "21 per cent"),
            ("number", "changed", "40", "30"),
        ),
        new_last="Correction: An earlier version",
        paragraphs=(5, 6),
        # "It is 21 per cent, not 18 per cent." owns up to the lede's figure, not the 40.
        extra={"noted": "18 per cent"},
    ),
    "byline-email": Pair(
        title="Lakeport school board delays vote on four-day week",
        site_name="Lakeport Daily Sentinel",
        # "By Renee Balogun | rbalogun@…": trafilatura made "Rbalogun Example" a second name.
        authors=("Renee Balogun",),
        first="The Lakeport Unified School District board voted",
        last="The board will hold two more listening sessions",
        chrome=(
            "Advertisement",
            "Board members listen",
            "Districts in the state",
            "Get the morning headlines",
            "More from News",
            "Topics:",
            "Privacy Policy",
            "rbalogun",
            "Updated Feb. 11",
        ),
        changes=(
            ("note", "added", None, "Correction: An earlier version"),
            ("number", "changed", "5", "4"),  # "voted 5-2" -> "4-3": a tally, two counts
            ("number", "changed", "2", "3"),
        ),
        new_last="Correction: An earlier version",
        # An advert's box inside the new version's second paragraph splits it in two.
        paragraphs=(5, 7),
    ),
    "interview-stamp": Pair(
        title="'We had no choice': Westhaven harbour master defends dredging",
        site_name="Westhaven Post",
        authors=("Owen Pritchard",),
        # The standfirst stays in the text: only the description repeats it.
        first="Captain Elin Marsh answers critics",
        last="Elin Marsh: Most of it goes",
        chrome=(
            "Interview\n",  # the label above the headline
            "Thursday 2 April 2026",  # the stamp, whose "Updated" time moves on every edit
            "Updated",
            "We use cookies",
            "Related:",
            "Fishermen protest at harbour gates",
            "Owen Pritchard is the Post's",
            "Comments (12)",
            "Join the conversation",
            "Registered in England",
        ),
        changes=(("number", "changed", "Two", "Three"),),
        # "The scheme in numbers", a fact box, is a table: a paragraph per row ("Cost | £3m").
        paragraphs=(15, 15),
        extra={"heading": "Why was the dredging needed?", "cell": "Cost | £3m"},
    ),
    "paywall-jsonld": Pair(
        title="Lakeport school board delays vote on four-day week",
        site_name="Lakeport Daily Sentinel",
        authors=("Renee Balogun",),
        first="The Lakeport Unified School District board voted",
        # Past the two paragraphs the page shows before its wall: from articleBody.
        last="The board will hold two more listening sessions",
        chrome=("Subscribe", "$1 a week", "Already a subscriber", "Home"),
        changes=(("number", "changed", "a year", "two years"),),
        paragraphs=(6, 6),
    ),
    "ru-cp1251": Pair(
        title="В Заречном открыли новый мост через реку Вязьму",
        site_name="Заречные вести",
        # "Автор: Ольга Степанова": trafilatura kept the label as part of her name.
        authors=("Ольга Степанова",),
        first="Во вторник в Заречном открыли движение",
        last="Жители соседних домов пожаловались",
        chrome=("Поделиться", "Читайте также", "Все права защищены", "Главная"),
        changes=(("number", "changed", "340", "360"),),
    ),
    # Continental papers: their chrome, bylines, agency datelines, figures written their way
    # ("1 200", "3,5 %", "1.200", "2,5 milioni"), dates ("5. März", "30 de abril") and
    # quotes in their marks, each a planted change reported once with both values whole.
    "fr-air-strike": Pair(
        title="Grève des contrôleurs aériens : 1 200 vols annulés à Lyrenne",
        site_name="La Dépêche de Vaubrun",
        authors=("Camille Ferrand",),
        first="Le mouvement, lancé par trois syndicats",  # the chapo, which no body repeats
        last="Le mouvement avait déjà provoqué",
        chrome=(
            "Nous et nos partenaires",
            "Accueil",
            "Lecture 3 min",
            "À lire aussi",
            "record de fréquentation",
            "Publicité",
            "Inscrivez-vous",
            "Partager",
            "Réagir",
            "Les plus lus",
            "Tous droits réservés",
        ),
        changes=(
            ("number", "changed", "1 200", "1 350"),
            ("number", "changed", "30 %", "40 %"),
            ("quote", "changed", "ne seront pas renforcés", "ne seront pas enfin renforcés"),
            ("number", "changed", "3,5 millions", "4,2 millions"),
            ("number", "changed", "12 000", "12 500"),
            ("number", "changed", "5 mars", "6 mars"),
        ),
        paragraphs=(7, 7),
    ),
    "es-efe-drought": Pair(
        title="El Gobierno aprueba 3.000 millones para la sequía en Castrova",
        site_name="Diario del Sureste",
        authors=("Inés Valcárcel",),
        # (The <h2 class="subtitulo"> is the standfirst, not the first paragraph: user22.)
        first="MADRID, 3 mar (EFE).- El Consejo de Ministros",
        last="La Junta de Castrova calcula",
        chrome=(
            "Utilizamos cookies",
            "Te puede interesar",
            "El precio del aceite",
            "Publicidad",
            "Suscríbete a nuestra newsletter",
            "Compartir en",
            "Etiquetas",
            "Lo más leído",
            "Actualizado",
        ),
        changes=(
            ("number", "changed", "18,5 %", "17,9 %"),
            ("number", "changed", "45.000", "48.000"),
            ("number", "changed", "1.200 millones", "1.250 millones"),
            ("number", "changed", "1,5 %", "1,75 %"),
            ("quote", "changed", "ayudas directas y no", "ayudas directas, no"),
            ("number", "changed", "2,3", "2,6"),
        ),
        paragraphs=(5, 5),
        extra={
            "standfirst": "Las ayudas llegarán a unos 45.000 agricultores y ganaderos de la región"
        },
    ),
    "de-dpa-strike": Pair(
        title="Tarifstreit: Verdi ruft zu Warnstreiks an Flughäfen auf",
        site_name="Nordkurier Allgemeine",
        authors=("Jonas Wehrhahn",),
        first="Berlin (dpa) - Die Gewerkschaft Verdi",
        last="mit Material von dpa und AFP",  # the agencies' credit is the story's
        chrome=("Mehr zum Thema", "Anzeige", "Zuletzt aktualisiert", "Stand:", "Artikel teilen"),
        changes=(
            ("number", "changed", "1.200", "1.350"),
            ("number", "changed", "5. März", "6. März"),
            ("quote", "changed", "kein verhandlungsfähiges Angebot", "kein ernsthaftes Angebot"),
            ("number", "changed", "8,5", "8,8"),
            ("number", "changed", "14. März", "15. März"),
        ),
        paragraphs=(6, 6),
    ),
    "it-flood": Pair(
        title="Maltempo, esonda il torrente Livra: 340 sfollati a Borgoselva",
        site_name="Gazzetta di Valmora",
        authors=("Chiara Benvenuti",),
        first="BORGOSELVA – Il torrente Livra",
        last="Le famiglie sfollate",
        chrome=(
            "Questo sito utilizza cookie",
            "Leggi anche",
            "Pubblicità",
            "Iscriviti alla newsletter",
            "Condividi",
            "Riproduzione riservata",
        ),
        changes=(
            ("number", "changed", "340", "410"),
            ("number", "changed", "1,2 metri", "1,5 metri"),
            ("number", "changed", "1994", "1966"),
            ("quote", "changed", "dal 1994", "dal 1966"),
            ("number", "changed", "2,5 milioni", "2,8 milioni"),
            ("number", "changed", "5 marzo", "5 aprile"),
        ),
        paragraphs=(5, 5),
    ),
    "pt-budget-cut": Pair(
        title="Prefeitura de Rio Claro do Norte anuncia corte de R$ 1,2 bilhão no orçamento",
        site_name="Jornal do Planalto",
        authors=("Rafael Quintela",),
        first="A Prefeitura de Rio Claro do Norte anunciou",
        last="A Câmara Municipal deve votar",
        chrome=(
            "Por Rafael Quintela",
            "10h00",
            "Leia também",
            "Publicidade",
            "Assine nossa newsletter",
            "Compartilhar",
            "Todos os direitos reservados",
        ),
        changes=(
            ("number", "changed", "8,5%", "9,1%"),
            ("number", "changed", "4,3%", "4,8%"),
            ("quote", "changed", "saúde e educação", "saúde"),
            ("number", "changed", "1.500", "1.800"),
            ("number", "changed", "30 de abril", "31 de maio"),
        ),
        paragraphs=(5, 5),
    ),
    "nl-pool-closure": Pair(
        title="Gemeente Veldhoven-Noord sluit zwembad De Kikker: 2,4 miljoen euro tekort",
        site_name="Dagblad Rijnmond-Oost",
        authors=("Sanne de Wit",),
        first="Zwembad De Kikker in Veldhoven-Noord",
        last="De gemeenteraad bespreekt",
        chrome=("Lees ook", "sporthal De Meent", "Advertentie", "nieuwsbrief", "Delen"),
        changes=(
            ("number", "changed", "1 april", "1 mei"),
            ("number", "changed", "2,4 miljoen", "2,1 miljoen"),
            ("number", "changed", "85.000", "80.000"),
            ("quote", "changed", "alles geprobeerd", "veel geprobeerd"),
            ("number", "changed", "1.150", "1.250"),
        ),
        paragraphs=(4, 4),
    ),
    "pl-bridge-repair": Pair(
        title="Remont mostu na Wiśle potrwa dłużej. Koszt wzrósł do 412 mln zł",
        site_name="Gazeta Nadwiślańska",
        authors=("Tomasz Wróbel",),
        first="Remont mostu im. Józefa Piłsudskiego",
        last="Sesja rady miasta",
        chrome=(
            "Czytaj też",
            "Objazdy w centrum",
            "REKLAMA",
            "Zapisz się",
            "Udostępnij",
            "Wszelkie prawa zastrzeżone",
        ),
        changes=(
            ("number", "changed", "30 września", "31 października"),
            ("number", "changed", "412 mln", "437 mln"),
            ("quote", "changed", "nie jest dobra", "bardzo zła"),
            ("number", "changed", "38 tys", "42 tys"),
            ("number", "changed", "12,5 proc", "14,5 proc"),
        ),
        paragraphs=(5, 5),
    ),
    "wp-library-expansion": Pair(
        title="Council approves $4.2 million for Millbrook library expansion",
        site_name="The Riverside Ledger",
        authors=("Dana Marsh",),
        first="The Riverside City Council voted 5-2",
        last="The expansion will be paid for",
        chrome=(
            "Skip to content",
            "Like this:",
            "Loading...",
            "Rosa Delgado\n",  # the pull quote's <cite>, given as a paragraph of its own
            "Share this:",
            "Click to share on Facebook",
            "Buckets in the downtown reading room",
            "Local journalism needs your support",
            "Library hours cut at two branches",
            "Riverside budget: what the new tax rate",
            "Tagged",
            "Dana Marsh covers city hall",
            "View all posts",
            "Leave a Reply",
            "Save my name, email",
            "Recent Posts",
            "Subscribe today",
            "Proudly powered by WordPress",
        ),
        changes=(
            ("note", "added", None, "Correction: An earlier version of this story"),
            ("number", "changed", "$4.2 million", "$4.6 million"),
            ("quote", "changed", "every single week", "sometimes turned away"),
            ("attribution", "added", None, "officials said"),
            ("hedge", "added", None, "could"),
        ),
        new_last="Correction:",
        paragraphs=(10, 11),
        extra={"moved": "Construction is expected to begin in June "},
    ),
    "metro-water-main": Pair(
        title="Water main break floods three blocks of downtown; 40 businesses closed",
        site_name="The Lakeshore Star-Tribune",
        authors=("Marcus Lindqvist", "Tamsin Boyle"),
        first="A 36-inch water main burst",
        last="The city council is expected",
        chrome=(
            "LIVE: Election results",
            "Local News",
            "Gift Article",
            "Copy Link",
            "Play Video",
            "Drone footage shows flooding",
            "(Video: Lakeshore Star-Tribune)",
            "Advertisement",
            "ADVERTISEMENT",
            "Article content",
            "This advertisement has not loaded yet",
            "Open this photo in gallery",
            "Verde Coffee manager Luis Ortega outside",
            "Read more",
            "City's aging pipes",
            "Morning Briefing",
            "is a metro reporter",
            "Most Read",
            "All rights reserved",
        ),
        changes=(
            ("note", "added", None, "Correction: An earlier version of this article"),
            ("number", "changed", "2 million", "3.5 million"),
            ("quote", "changed", "We have never seen", "one of the larger failures"),
            ("hedge", "added", None, "likely"),
        ),
        new_last="Correction:",
        paragraphs=(8, 9),
        extra={"moved": "Residents in about 1,200 households were t"},
    ),
    "es-port-storm": Pair(
        title="La Junta cierra el puerto de Valdemora por el temporal",
        site_name="Diario del Sur",
        authors=("Lucía Herrera",),
        # The standfirst is the description only, so it stays a paragraph (_standfirst).
        first="Las rachas de viento superaron",
        last="La alerta naranja se mantendrá",
        chrome=(
            "Utilizamos cookies",
            "Esquelas",
            "Actualizado",
            "Compartir en",
            "Andrés Gil",
            "Te puede interesar",
            "Cerradas todas las playas",
            "Síguenos en",
            "Suscríbete al boletín",
            "Recibe cada mañana",
            "Más información",
            "Las imágenes del temporal",
            "Temas",
            "Lo más visto",
            "Noticias relacionadas",
            "El temporal deja sin luz",
            "Comentarios",
            "Para comentar",
            "Todos los derechos reservados",
        ),
        changes=(
            ("number", "changed", "112", "124"),
            ("quote", "removed", "No vamos a arriesgar ninguna vida.", None),
        ),
        paragraphs=(8, 8),
        extra={"moved": "El Ayuntamiento ha suspendido las clases e"},
    ),
    "opinion-school-week": Pair(
        title="Four-day school weeks are a budget trick, not a reform",
        site_name="The Northern Courier",
        authors=("Jane Okafor",),
        # The dek is the description only, so it stays a paragraph (_standfirst).
        first="Districts adopting the shorter week",
        # The writer's bio line in the body is the essay's.
        last="Jane Okafor is a professor of education policy",
        chrome=(
            "Guest Essay",
            "The savings are real but small, and the children",  # a pull quote
            "[1]",
            "[3]",
            "National Rural Schools Survey",
            "Comments (212)",
            "welcomes letters to the editor",
            "More from Opinion",
        ),
        changes=(
            ("note", "added", None, "Correction, Nov. 19, 2026"),
            ("number", "changed", "about 250", "about 200"),
            ("number", "changed", "1.3 percent", "2.1 percent"),
            ("hedge", "added", None, "appeared to"),
        ),
        paragraphs=(9, 10),
        extra={"moved": "Supporters point to teacher recruitment, a"},
    ),
    "gallery-moor-fire": Pair(
        title="Wildfire near Carrow Moor forces 600 from homes",
        site_name="Westcountry Herald",
        authors=("Owen Pryce",),
        first="About 600 people were evacuated",
        last="Police have closed the B3357",
        chrome=(
            "In pictures",
            "1 of 8",
            "Smoke rises over Carrow Moor",
            "Photograph:",
            "Next image",
            "View gallery",
            "Environment Correspondent",
            "Share on",
            "Topics",
            "Recommended for you",
        ),
        changes=(
            ("note", "added", None, "Correction: This article originally said"),
            ("number", "changed", "300 hectares", "450 hectares"),
            ("quote", "changed", "as dry as we have ever recorded", "very dry"),
            ("number", "changed", "25", "32"),
            ("hedge", "added", None, "may"),
        ),
        new_last="Correction:",
        paragraphs=(11, 12),
        # The fact box belongs to the story: its heading and figures are paragraphs.
        extra={"heading": "Key facts", "moved": "Rest centres have been opened at Ashwell v"},
    ),
    # A live blog built of plain <div>s (no <article> per update), its entries newest first
    # under a "Key events" box and a pinned post; a new entry and a changed figure.
    "liveblog-storm": Pair(
        title="Storm Orla live: thousands without power as gusts hit 90mph – latest",
        site_name="The Carrick Herald",
        authors=("Fionnuala Breck",),
        # The standfirst under the headline (no description) is the standfirst, no longer
        # the first paragraph too (extract20).
        first="What we know so far",
        last="Good morning and welcome to our live coverage",
        chrome=(
            "Pinned post",
            "Key events",
            "Show key events only",
            "mins ago",
            "hr ago",
            "Copy link",
            "Advertisement",
            "Load more posts",
            "We use cookies",
            "Most read",
            "All rights reserved",
        ),
        changes=(("number", "changed", "42,000", "58,000"),),
        paragraphs=(16, 17),
        extra={
            "standfirst": "Met Office red warning in force",
            "heading": "Ferry services suspended until Friday",
            "added": "Carrick Police say a man in his 60s has be",
        },
    ),
    # The article only in an @graph's articleBody (entities in it), one paragraph over the
    # wall; the new version's body corrects a figure and adds the correction.
    "paywall-graph": Pair(
        title="Harlan Mills plant to cut 210 jobs as orders slump",
        site_name="The Ridgefield Ledger",
        authors=("Marcus Oduya",),
        first="RIDGEFIELD — Harlan Mills will cut 210 jobs",
        last="Harlan Mills last cut jobs at the plant in 2019",
        new_last="Correction: An earlier version of this story",
        chrome=(
            "Subscribe to continue reading",
            "free articles",
            "$1 for 6 months",
            "Already a subscriber",
            "Ledger file photo",
            "&#8217;",
        ),
        changes=(
            ("note", "added", None, "Correction: An earlier version"),
            ("number", "changed", "640", "610"),
        ),
        paragraphs=(6, 7),
    ),
    # A "/print" page: no chrome but a print link, the byline over the stamp in one
    # paragraph, the address and copyright at the foot; the lede rewritten, no fact changed.
    "print-version": Pair(
        title="Wrenfield council approves £4.2m library rebuild",
        site_name="Wrenfield Gazette",
        authors=("Hollis Trent",),
        first="Wrenfield's central library will be demolished",
        new_first="Councillors have voted to knock down",
        last="Building work is due to start next autumn",
        chrome=(
            "Local Democracy Reporter",
            "Published:",
            "Updated:",
            "Print this page",
            "Close window",
            "This article was printed from",
            "All rights reserved",
        ),
        changes=(),
        paragraphs=(6, 6),
    ),
    # A WordPress print plugin's page: the outlet and its address over the post, "Posted By
    # ... On ... In News | No Comments", "Article printed from", "URL to article", and a
    # headline whose "£1.8m" trafilatura took for a host name, the outlet's for the headline.
    "print-plugin": Pair(
        title="Harbour wall repairs to cost £1.8m",
        site_name="Porthcarrow Times",
        authors=("Delyth Morgan",),
        first="Repairs to Porthcarrow's storm-damaged harbour wall",
        last="Harbour master Ifan Roberts said",
        new_last="The council will ask the Welsh Government",
        chrome=(
            "https://",
            "Posted By",
            "No Comments",
            "Article printed from",
            "URL to article",
            "Click here to print",
            "All rights reserved",
            "Print",
        ),
        changes=(("number", "changed", "25 years", "30 years"),),
        updated=False,
        paragraphs=(4, 5),
    ),
    # Embedded posts (X, Instagram), a video iframe under a "Watch:" caption, a photo gallery
    # with counters, credits and buttons; a figure changed and a paragraph added.
    "embeds-wildfire": Pair(
        title="Wildfire near Calder Springs forces 3,000 to evacuate",
        site_name="Valley Sun Times",
        authors=("Rosa Delgadillo",),
        first="A fast-moving wildfire in the hills",
        last="The cause of the fire is under investigation",
        new_last="Pacific Valley Power said",
        chrome=(
            "Watch:",
            "Evacuation ORDER",
            "@CountyFireInfo",
            "View this post on Instagram",
            "A post shared by",
            "Photos: Mesa Ridge fire",
            "1 of 3",
            "(Photo:",
            "Share on Facebook",
            "Trending",
        ),
        changes=(("number", "changed", "4,800", "6,200"),),
        paragraphs=(6, 7),
        extra={"added": "Pacific Valley Power said it had cut elect"},
    ),
    # A Brazilian paper in windows-1252 whose <meta> says UTF-8, with a "chapéu" above the
    # headline and a "linha fina" under it; the toll raised in the headline and the text.
    "pt-cp1252-flood": Pair(
        title="Enchente no rio Jacuípe deixa 1.200 desalojados em São Tomé do Sertão",
        site_name="Folha do Recôncavo",
        authors=("Iracema Lobão",),
        first="A cheia do rio Jacuípe deixou",
        last="A previsão do Instituto Nacional de Meteorologia",
        chrome=(
            "Cidades",
            "Por Iracema",
            "Publicado em",
            "Compartilhe",
            "Publicidade",
            "Leia também",
            "Tags:",
            "Mais lidas",
            "Todos os direitos reservados",
            "\ufffd",
        ),
        changes=(("number", "changed", "1.200", "1.500"),),
        paragraphs=(6, 6),
        extra={"standfirst": "Defesa Civil diz que o nível da água subiu quatro metros"},
    ),
    # The first of a story's two pages, with "Page 1 of 2", "Next page ›" and its numbers,
    # and "Continued on page 2"; a figure changed and the owner's answer added.
    "paged-inquiry": Pair(
        title="Inside the Brackwater inquiry: what the dam engineers knew",
        site_name="Eastmoor Chronicle",
        authors=("Tobias Renwick",),
        first="Engineers responsible for the Brackwater dam",
        last="The inquiry, chaired by the retired judge",
        chrome=(
            "Investigation",
            "Page 1 of 2",
            "Next page",
            "Continued on page 2",
            "More from Investigations",
        ),
        changes=(
            ("number", "changed", "86", "91"),
            ("quote", "added", None, "will not comment on documents"),
        ),
        paragraphs=(6, 7),
    ),
    # "Related coverage" links and "Advertisement" / "Story continues below advertisement"
    # between the paragraphs; a figure changed and a correction added at the foot.
    "related-inline": Pair(
        title="Kestrel Bay hospital emergency room to close overnight through winter",
        site_name="Northshore Record",
        authors=("Anneliese Gagnon",),
        first="The emergency department at Kestrel Bay",
        last="The hospital said ambulance crews",
        new_last="Correction: An earlier version of this story",
        chrome=(
            "Related coverage",
            "Portmore ER wait times",
            "Video: Residents rally",
            "Advertisement",
            "Story continues below advertisement",
            "Read more",
            "3 minute read",
            "Trending Now",
        ),
        changes=(
            ("number", "changed", "11", "9"),
            ("note", "added", None, "Correction: An earlier version"),
        ),
        paragraphs=(7, 8),
    ),
    # Arabic, right to left: "بقلم:" before the link to the reporter's page (trafilatura
    # drops the colon and keeps the word), Arabic dates beside the meta times, "اقرأ أيضاً"
    # and a newsletter box between the paragraphs; the cost changed and a statement added.
    "ar-desal": Pair(
        title="افتتاح محطة تحلية جديدة في رأس النخيل بطاقة 150 ألف متر مكعب يومياً",
        site_name="الساحل اليوم",
        authors=("سلمى الحداد",),
        first="افتتحت وزارة المياه والطاقة",
        last="ويتوقع خبراء",
        chrome=(
            "بقلم",
            "نستخدم ملفات تعريف الارتباط",
            "اقرأ أيضاً",
            "ارتفاع أسعار المياه المعبأة",
            "إعلان",
            "اشترك في النشرة البريدية",
            "الوسوم",
            "شارك",
            "أبو خالد",
            "الأكثر قراءة",
            "جميع الحقوق محفوظة",
            "جانب من محطة التحلية",
        ),
        changes=(
            ("number", "changed", "320", "345"),
            ("quote", "added", None, "لا تزال بحاجة إلى اختبارات إضافية"),
        ),
        paragraphs=(6, 7),
        extra={"added": "وفي بيان لاحق، قالت نقابة المهندسين إن الم"},
    ),
    # Korean: "김서연 기자" in the byline and the meta tag, "입력"/"수정" stamps as items of
    # one list (no modified time in the metadata), the reporter signing off with her
    # address and the copyright notice inside the body; figures changed, a quote added.
    "ko-subway": Pair(
        title="새들시 도시철도 2호선 연장 확정…2031년 개통 목표",
        site_name="한빛일보",
        authors=("김서연",),
        first="새들시 도시철도 2호선을",
        last="다만 일부 시민단체는",
        new_last="국토교통부 관계자는",
        chrome=(
            "seoyeon@hanbit.example",
            "저작권자",
            "무단전재",
            "관련기사",
            "광고",
            "구독하기",
            "좋아요",
            "남포주민",
            "많이 본 뉴스",
            "사진=한빛일보",
        ),
        changes=(
            ("number", "changed", "4200", "4500"),
            ("number", "changed", "60%", "55%"),
            ("number", "changed", "40%", "45%"),
            ("quote", "added", None, "국비 지원 비율을 추가로 검토할 수 있다"),
        ),
        paragraphs=(5, 6),
    ),
    # Next.js: the HTML shows the lede over skeleton boxes and a newsletter box; the story,
    # with an advert slot and a related story's card among its paragraphs, is in
    # __NEXT_DATA__, and so is the update time (the story's updatedAt).
    "nextjs-data": Pair(
        title=(
            "Brindle Memorial to close maternity unit, leaving county without a place to give birth"
        ),
        site_name="Plains Tribune-Dispatch",
        authors=("Colette Marchbanks",),
        first="Brindle County's only maternity unit",
        last="Brindle Memorial will keep its emergency department open",
        chrome=(
            "The Morning Dispatch",
            "Sign up free",
            "Rural hospitals brace for Medicaid cuts",
            "mid-article-1",
            "Copy link",
        ),
        changes=(("number", "changed", "212 babies", "188 babies"),),
        paragraphs=(6, 7),
        extra={"added": "The state health department said Wednesday", "app": "yes"},
    ),
    # A newsletter post: subscribe boxes in the text, a "Share" button between paragraphs,
    # likes and restacks, footnote marks (the notes themselves are the writer's) and
    # comments; a figure changed and an update note added.
    "newsletter-post": Pair(
        title="The quiet collapse of the county bus network",
        site_name="The Transit Ledger",
        authors=("Imogen Threlfall",),
        # The subtitle is the description only, so it stays a paragraph (_standfirst).
        first="Routes are vanishing one timetable change",
        last="Figures from the county's published budget books",
        chrome=(
            "reader-supported publication",
            "Type your email",
            "Thanks for reading",
            "Restacks",
            "Likes",
            "Discussion about this post",
            "The 46 was my mum's",
            "Ready for more?",
            "Collection notice",
        ),
        changes=(
            ("number", "changed", "27 routes", "31 routes"),
            ("note", "added", None, "Update, January 23"),
        ),
        paragraphs=(11, 12),
        extra={
            "heading": "Where the money went",
            "added": "Update, January 23: After this post was pu",
        },
    ),
    # A press release on a wire's page: "NEWS PROVIDED BY", the issuer's "About" section,
    # forward-looking statements, a media contact, "SOURCE" and "###"; a figure changed and
    # a paragraph added.
    "press-release": Pair(
        title="Corvane Robotics to Open $85 Million Assembly Plant in Millhaven, Creating 420 Jobs",
        site_name="Meridian Newswire",
        authors=(),
        # The subhead is the description only, so it stays a paragraph (_standfirst).
        first="Facility will build warehouse robots",
        last='"This is the largest investment in Millhaven',
        new_last="Hiring for the first 150 positions",
        chrome=(
            "NEWS PROVIDED BY",
            "About Corvane Robotics",
            "designs and builds autonomous mobile robots",
            "Forward-Looking Statements",
            "Private Securities Litigation Reform Act",
            "Media Contact",
            "press@corvane.example",
            "SOURCE Corvane",
            "###",
            "Other releases from this organization",
            "Share this article",
        ),
        changes=(("number", "changed", "$6.2 million", "$7.4 million"),),
        paragraphs=(6, 7),
        extra={"added": "Hiring for the first 150 positions will be"},
    ),
    # A video page whose story is the transcript: a player with its buttons and a fallback
    # line, speaker labels and time codes beside each line, "Up next"; a date and a figure
    # changed in two of the lines.
    "video-transcript": Pair(
        title="Ferry operator says Kilbride crossing will not resume before spring",
        site_name="Coastline News",
        authors=("Niamh Galbraith",),
        # The summary under the player is the description only, so it stays a paragraph.
        first="The operator's chief executive spoke",
        last="NIAMH GALBRAITH: The repair bill",
        chrome=(
            "This video can not be played",
            "enable JavaScript",
            "Play video",
            "0:18",
            "3:42",
            "Up next",
            "Storm damage closes coastal road",
            "Full screen",
        ),
        changes=(
            ("number", "changed", "April", "June"),
            ("number", "changed", "2.3 million pounds", "2.8 million pounds"),
        ),
        paragraphs=(7, 7),
        extra={"speaker": "CALUM REID, WESTMARA FERRIES: We are looking at the"},
    ),
    # A by-election story with its result table and a reader poll between the paragraphs;
    # a recount changes two rows and the margin, and a note says so.
    "poll-results": Pair(
        title="Dunmore by-election: Greens take seat from Labour on 41% turnout",
        site_name="Fenland Courier",
        authors=("Gareth Pennock",),
        first="The Green Party has won the Dunmore ward",
        last="Mr Staniforth said Labour",
        chrome=(
            "Have your say",
            "Should the lorry park plan be scrapped?",
            "View results",
            "Don't know",
            "We use cookies",
            "More from Politics",
            "Topics:",
        ),
        changes=(
            ("number", "changed", "212 votes", "210 votes"),
            ("number", "changed", "972", "974"),
            ("number", "changed", "35.5%", "35.6%"),
            ("number", "changed", "153", "151"),
            ("number", "changed", "5.6%", "5.5%"),
            ("note", "added", None, "This article was updated after a recount"),
        ),
        paragraphs=(11, 12),
        extra={"cell": "Tamsin Ellery | Green | 1,184 | 43.2%"},
    ),
    # An explainer told in cards ("1 of 5", "Previous", "Next card") under a dek, the byline
    # and a date line, with an app promo between two cards; figures changed, one added.
    "story-cards": Pair(
        title="What we know about the Orchard Street bridge closure",
        site_name="Riverbend Now",
        authors=("Deshawn Pruitt", "Kirsten Vale"),
        # The dek is the description only, so it stays a paragraph (_standfirst).
        first="Inspectors found cracking in two support beams",
        last="The City Council will hear a report",
        chrome=(
            "June 2, 2026",
            "1 of 5",
            "Next card",
            "Back to top",
            "Get traffic alerts",
            "Get the app",
            "Riverbend Morning",
            "Hale Avenue bridge gets new lights",
        ),
        changes=(
            ("number", "changed", "six weeks", "ten weeks"),
            ("number", "changed", "40 shops", "60 shops"),
            ("number", "added", None, "14,000 vehicles"),
            ("attribution", "added", None, "according to the city"),
        ),
        paragraphs=(12, 12),
        extra={"heading": "What about buses?"},
    ),
    # Hebrew, right to left: "מאת" in the byline, "פורסם"/"עודכן" stamps with two-digit years,
    # a "עוד בנושא:" link between the paragraphs, talkbacks (in a box whose id says
    # comments); two figures changed.
    "he-rail": Pair(
        title="הרכבת הקלה בנווה גליל תיפתח באיחור של שנה",
        site_name="חדשות העמק",
        authors=("דנה לוי",),
        # The subtitle is the description only, so it stays a paragraph (_standfirst).
        first="משרד התחבורה: העבודות על הקו האדום",
        last="הקו האדום צפוי לשרת",
        chrome=(
            "מאת",
            "פורסם",
            "עוגיות",
            "עוד בנושא",
            "תושבי רחוב הרצל",
            "שתפו",
            "תגובות",
            "משה מהצפון",
            "הנקראים ביותר",
            "כל הזכויות שמורות",
        ),
        changes=(
            ("number", "changed", "3.4", "3.9"),
            ("number", "changed", "60", "75"),
        ),
        paragraphs=(5, 5),
    ),
    # Swedish: no date in the metadata but a "Publicerad … kl. 07.15" / "Uppdaterad …"
    # pair of stamps, "LÄS MER:" between the paragraphs, an "ingress"; two figures changed.
    "sv-ferry": Pair(
        title="Färjetrafiken till Västerö inställd efter storm – 2 300 resenärer drabbade",
        site_name="Kustbladet",
        authors=("Karin Holmqvist",),
        # The ingress is the description only, so it stays a paragraph (_standfirst).
        first="Rederiet räknar med att trafiken",
        last="SMHI har utfärdat en orange varning",
        chrome=(
            "Publicerad",
            "kakor",
            "LÄS MER",
            "Tusentals utan ström",
            "Dela",
            "Mest läst",
            "Ansvarig utgivare",
            "reporter",
        ),
        changes=(
            ("number", "changed", "2 300", "2 700"),
            ("number", "changed", "28 meter", "31 meter"),
        ),
        paragraphs=(5, 5),
    ),
    # pages23's trial: one invented story (a boil-water notice) in nine more page styles,
    # each fetched twice with a figure changed, a paragraph added, a sentence reworded and a
    # correction appended (the wire's refiled note, "(This story has been refiled to ...)").
    "amp-boil-water": _boil(
        site_name="The Fenland Courier",
        chrome=(
            "Rhys Calloway",
            "Advertisement",
            "Loading ad",
            "Play Video",
            "More on this story",
            "Pellham Water fined",
            "Most read",
            "Health Reporter",
            "View full site",
            "All rights reserved",
        ),
    ),
    # The page shows a teaser and a spinner; articleBody holds the story as <p> markup.
    "jsonld-markup-body": _boil(
        site_name="Orrin Valley Post",
        chrome=("Loading story", "enable JavaScript", "<p>", "</p>", "…"),
    ),
    # A long read: the first letter in a drop-cap span, two pull quotes that repeat the
    # body, captions with photographers' credits, a footnote whose note links back with
    # "↩", a section break, the writer's bio and share links.
    "longread-dropcap": _boil(
        site_name="The Long Field Review",
        last="Pellham Water’s annual report for 2025 lists 14 treatment works across the county.",
        chrome=(
            "Long read",
            "“We will not take chances",
            "A chlorine dosing tank of the kind",
            "Photograph",
            "Morning light",
            "12 minute read",
            "Words by",
            "* * *",
            "↩",
            "writes about infrastructure",
            "Share this story",
            "More long reads",
            "The last ferry",
        ),
        paragraphs=(10, 12),
        new_last=None,
    ),
    # A tabloid: "READ MORE:" links, a video player's buttons and timer, an embedded post
    # and an Instagram post, a newsletter box, a caption's "(Image: Getty)", a counter.
    "tabloid-embeds": _boil(
        site_name="Daily Beacon",
        # The sub-head is the description only, so it stays a paragraph (_standfirst).
        first="Pellham Water says engineers are testing",
        chrome=(
            "READ MORE",
            "Water bills to rise",
            "Hosepipe ban",
            "Play Video",
            "0:45",
            "Up next",
            "No water at the school gates",
            "@orrinmums",
            "Sign up to our newsletter",
            "straight to your inbox",
            "Privacy Notice",
            "Mill Lane Bakery",
            "no water no bread",
            "(Image: Getty)",
            "56 comments",
            "Topics",
            "Most Read",
            "We and our partners use cookies",
            "News Reporter",
        ),
        paragraphs=(10, 12),
    ),
    "tabloid-promos": _boil(
        site_name="Daily Beacon",
        chrome=(
            "WATCH:",
            "0:45",
            "Fullscreen",
            "Picture: Rhys Calloway",
            "Got a story?",
            "Google News",
            "For more stories like this",
        ),
    ),
    # A wire story refiled with a note in the wire's words, and its credits line.
    "wire-refile": _boil(
        site_name="Meridian Wire",
        first="ORRIN CREEK, England, Nov 17 (Meridian Wire) - About 3,",
        last="(Reporting by Tamsin Oduya; Additional reporting",
        chrome=("3 minute read", "Our Standards", "Trust Principles"),
        changes=(
            ("number", "changed", "3,400", "3,900"),
            ("name", "changed", "Royal Infirmary", "General Hospital"),
            ("note", "added", None, "(This story has been refiled to correct"),
        ),
        paragraphs=(10, 12),
        new_last=None,
    ),
    # A printer-friendly page: its byline and both stamps on one line in a box classed
    # "meta", which trafilatura drops; print and close links; the address it was printed from.
    "print-byline-stamp": _boil(
        site_name="Orrin Creek Chronicle",
        chrome=(
            "Print this page",
            "Close window",
            "Printer friendly",
            "printed from",
            "Copyright",
            "Published:",
            "Last updated",
        ),
    ),
    # An old table layout in windows-1252 that says so only in its <meta http-equiv>: the
    # outlet first in <title>, the headline in an <h2>, no <h1> or og:title, and a line of
    # links under the story.
    "table-cp1252": _boil(
        site_name="Fenland Weekly Gazette",
        chrome=("Back to news", "Email this story", "Classifieds", "12 Market Place", "By Tamsin"),
        updated=False,
    ),
    # An old print page in ISO-8859-1: paragraphs parted by <br><br> in a table's cell,
    # the headline in a <b>, the <title> the outlet's name and "Print", "Print | Close".
    "print-br-table": _boil(
        site_name="Orrin Creek Chronicle",
        chrome=(":: Print", "Print | Close", "By Tamsin", "17/11/2026"),
        updated=False,
    ),
    # Another story in full in a "Most read" <article> set before the story in the page.
    "most-read-article": _boil(
        site_name="Eastmoor Herald",
        chrome=("Colin Padgett", "Trader told to remove sign", "Harriet Selwyn", "Most read"),
    ),
    # The same, but the other story is longer than the boil-water story: it was read
    # instead of it, under the boil-water headline.
    "most-read-longer": _boil(
        site_name="Eastmoor Herald",
        chrome=("Colin Padgett", "Trader told to remove sign", "Most read"),
    ),
    # Turkish: "Haber:" before the link to the reporter's page (an address that says
    # "muhabir"), "Yayınlanma"/"Güncelleme" stamps, "İLGİLİ HABER", "Reklam", tags and
    # comments; a figure changed and a sentence split in two.
    "tr-port-strike": Pair(
        title="Kızılkaya Limanı'nda grev: 1.800 işçi iş bıraktı",
        site_name="Ege Postası",
        authors=("Elif Karaca",),
        # The spot is the description only, so it stays a paragraph (_standfirst).
        first="Sendika, ücretlerde yüzde 45",
        last="Taraflar, Çalışma ve Sosyal Güvenlik",
        chrome=(
            "Haber",
            "Çerez",
            "İLGİLİ HABER",
            "Limandan ihracat",
            "Reklam",
            "Etiketler",
            "Paylaş",
            "ahmet_35",
            "Çok Okunanlar",
            "Tüm hakları saklıdır",
        ),
        changes=(("number", "changed", "14", "19"),),
        paragraphs=(6, 6),
    ),
}


@cache
def document(page: str, version: str) -> Document:
    return load(str(OUTLETS / page / f"{version}.html"))


@cache
def comparison(page: str) -> Comparison:
    return compare(document(page, "old"), document(page, "new"))


@pytest.mark.parametrize("version", ["old", "new"])
@pytest.mark.parametrize("page", sorted(PAIRS))
def test_each_version_keeps_its_article_and_loses_its_chrome(page: str, version: str) -> None:
    pair, doc = PAIRS[page], document(page, version)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0].startswith(
        pair.new_first if version == "new" and pair.new_first else pair.first
    )
    assert texts[-1].startswith(pair.new_last if version == "new" and pair.new_last else pair.last)
    if pair.paragraphs != (0, 0):
        assert len(texts) == pair.paragraphs[version == "new"]
    everything = "\n".join([doc.title or "", doc.summary or "", *texts])
    leaked = [chrome for chrome in pair.chrome if chrome in everything]
    assert not leaked
    if version == "old":  # a new version may edit its headline
        assert doc.title == pair.title
    assert doc.site_name == pair.site_name
    assert doc.authors == pair.authors
    assert doc.published is not None and (doc.modified is not None or not pair.updated)
    if "heading" in pair.extra:
        assert pair.extra["heading"] in texts
    if "cell" in pair.extra:  # a data table's row
        assert pair.extra["cell"] in texts
    if "standfirst" in pair.extra:  # the line under the headline, which the body lacks
        assert (doc.summary or "").startswith(pair.extra["standfirst"])
    if "speaker" in pair.extra:  # a transcript's line keeps who says it
        assert any(text.startswith(pair.extra["speaker"]) for text in texts)
    if "app" in pair.extra:  # read from the framework's data, and said so
        assert doc.warnings == (APP_DATA_WARNING,)
    else:
        assert APP_DATA_WARNING not in doc.warnings


@pytest.mark.parametrize("page", sorted(PAIRS))
def test_the_planted_changes_are_reported_and_nothing_else(page: str) -> None:
    c, planted = comparison(page), PAIRS[page].changes

    def matches(
        plan: tuple[str, str, str | None, str | None],
        kind: str,
        action: str,
        old: str | None,
        new: str | None,
    ) -> bool:
        return (
            kind == plan[0]
            and action == plan[1]
            and (plan[2] is None or plan[2] in (old or ""))
            and (plan[3] is None or plan[3] in (new or ""))
        )

    got = [(x.kind, x.action, x.old, x.new) for x in c.changes]
    for plan in planted:
        assert any(matches(plan, *change) for change in got), f"not reported: {plan}; {got}"
    for change in got:
        if change[0] != "name":  # names: the wire credits add two, and "Additional"
            assert any(matches(plan, *change) for plan in planted), f"not planted: {change}"
    if "added" in PAIRS[page].extra:
        added = [c.new.paragraphs[i].text for b in c.blocks if b.op == "added" for i in b.b]
        assert [text[:42] for text in added] == [PAIRS[page].extra["added"]]
    if "noted" in PAIRS[page].extra:
        assert [c.changes[i].old for i, _ in c.summary.noted] == [PAIRS[page].extra["noted"]]
    if "moved" in PAIRS[page].extra:
        moved = [c.new.paragraphs[i].text for b in c.blocks if b.moved for i in b.b]
        assert [text[:42] for text in moved] == [PAIRS[page].extra["moved"]]


def test_a_paywalled_copy_is_refused_not_reported_as_a_mass_deletion() -> None:
    # Three paragraphs and "Subscribe to continue reading": the rest was never fetched.
    old, new = (str(OUTLETS / "paywall-teaser" / f"{v}.html") for v in ("old", "new"))
    assert len(load(old).paragraphs) == 8
    result = CliRunner().invoke(app, ["compare", old, new])
    assert result.exit_code == 4
    assert "login or subscription page" in result.stderr
