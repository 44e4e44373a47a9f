"""user22: an international desk's stories — French, Spanish, German, Italian, Portuguese,
Arabic, Hebrew and Chinese pages and texts — read as a new user would. Every page and
sentence here was written for these tests."""

from __future__ import annotations

from compare import compare
from compare.extract import extract
from compare.extract.metadata import split_authors
from compare.extract.pipeline import more_pages_warning
from compare.facets import compare_sentences, sentence_facets
from compare.model import Document, Paragraph, Provenance, Snapshot
from compare.notes import note_kind
from compare.text import split_sentences


def doc(*paragraphs: str, title: str = "Story") -> Document:
    return Document(
        paragraphs=tuple(Paragraph(p, tuple(split_sentences(p))) for p in paragraphs),
        title=title,
        site_name="desk.example",
    )


def extracted(html: str) -> Document:
    return extract(
        Snapshot(
            content=html.encode("utf-8"),
            kind="html",
            provenance=Provenance(spec="page", encoding="utf-8"),
        )
    )


# --- An Arabic correction, and Arabic's question mark -------------------------------------

AR_LEDE = "أعلنت وزارة الداخلية يوم الثلاثاء ارتفاع حصيلة ضحايا الفيضانات إلى {} قتيلاً و45 جريحاً."
AR_REST = "هل ستكفي المساعدات؟ يقول السكان إن الدعم لم يصل بعد."


def test_an_arabic_correction_is_a_note_not_an_edit_without_one() -> None:
    # Before, the views said "NEW changes these facts without adding or changing a
    # correction or update note" beside the very correction the newsroom added.
    note = "تصحيح: ذكرت نسخة سابقة من هذا التقرير أن عدد القتلى 12، والصحيح 14."
    c = compare(doc(AR_LEDE.format(12), AR_REST), doc(AR_LEDE.format(14), AR_REST, note))
    assert c.changes[0].kind == "note"
    assert c.changes[0].action == "added"
    assert c.changes[0].detail.startswith("correction added")
    assert not c.summary.edited_without_note


def test_hebrew_and_russian_labels_are_notes_and_their_words_in_a_sentence_are_not() -> None:
    assert note_kind("תיקון: בגרסה קודמת של הכתבה נכתב כי 12 בני אדם נהרגו.") == "correction"
    assert note_kind("עדכון: המשטרה פתחה מחדש את הכביש.") == "update"
    assert note_kind("Исправление: в предыдущей версии статьи была указана другая дата.") == (
        "correction"
    )
    assert note_kind("تصحيح الأخطاء جزء من عمل الصحفي.") is None  # "correcting errors is ..."
    assert note_kind("Обновление системы займёт час.") is None


def test_an_arabic_question_ends_its_sentence() -> None:
    assert split_sentences(AR_REST) == ["هل ستكفي المساعدات؟", "يقول السكان إن الدعم لم يصل بعد."]


# --- A related-stories list under a label in another language; an outlet's channels -------

ES_PARAGRAPHS = [
    "El Consejo de Ministros aprobó este martes un plan de 2.300 millones de euros para paliar "
    "los efectos de la sequía en Andalucía y Murcia, según informó la ministra en rueda de prensa.",
    "El plan incluye 450 desaladoras nuevas y una rebaja del 3,5 % en la tarifa del agua, y "
    "las obras emplearán a unas 4.000 personas durante los próximos tres años.",
    "Las organizaciones agrarias consideran insuficiente la cifra y anunciaron una marcha "
    "de tractores hasta Sevilla para el próximo jueves por la mañana.",
    "La sequía afecta ya al 60 % del territorio, según la agencia meteorológica, y los "
    "embalses de la cuenca del Segura están al 22,4 % de su capacidad.",
]


def es_page(label: str, links: tuple[str, str], promo: str) -> str:
    first, second, third, fourth = (f"<p>{p}</p>" for p in ES_PARAGRAPHS)
    related = f"<p><b>{label}</b></p><ul>" + "".join(
        f'<li><a href="/n/{i}">{text}</a></li>' for i, text in enumerate(links)
    )
    return (
        '<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>Plan contra la '
        "sequía</title></head><body><article><h1>El Gobierno aprueba un plan contra la "
        f"sequía</h1>{first}{second}{related}</ul>{third}{fourth}<p>{promo}</p></article>"
        "</body></html>"
    )


def test_related_links_under_a_spanish_label_are_no_paragraphs() -> None:
    # Before, the two linked headlines under "Lee también" were paragraphs of the story: a
    # page fetched again with other related stories read as two paragraphs removed and two
    # added.
    links = (
        "La sequía obliga a restringir el riego en 30 municipios de Almería",
        "Los embalses del Segura, en mínimos históricos desde 1995",
    )
    promo = "Únete a nuestro canal de WhatsApp y recibe las noticias más importantes del día."
    document = extracted(es_page("Lee también", links, promo))
    assert [p.text for p in document.paragraphs] == ES_PARAGRAPHS


def test_the_same_list_under_a_german_or_french_label_goes_too() -> None:
    links = (
        "Tarifstreit bei der Bahn: Was Pendler in dieser Woche wissen müssen",
        "Bahnchef kündigt für Freitag eine neue Verhandlungsrunde an",
    )
    # ("Mehr zum Thema" and "More on this story" trafilatura drops, leaving the links.)
    for label in ("Mehr zum Thema", "More on this story", "Lesen Sie auch", "À lire aussi"):
        document = extracted(es_page(label, links, ES_PARAGRAPHS[0]))
        assert [p.text for p in document.paragraphs] == [*ES_PARAGRAPHS, ES_PARAGRAPHS[0]]


def test_a_german_newsletter_offer_after_a_question_goes_and_news_of_a_channel_stays() -> None:
    offer = (
        "Sie wollen keine Nachrichten aus Ihrer Region verpassen? Dann abonnieren Sie unseren "
        "kostenlosen Newsletter."
    )
    assert (
        extracted(es_page("Lee también", ("a", "b"), offer)).paragraphs[-1].text
        == (ES_PARAGRAPHS[-1])
    )
    news = (
        "La Guardia Civil abrió un canal de WhatsApp para que los vecinos avisen de los "
        "pozos ilegales, según informó el instituto armado."
    )
    assert extracted(es_page("Lee también", ("a", "b"), news)).paragraphs[-1].text == news


# --- Abbreviations and ordinals of the papers' languages ----------------------------------


def test_abbreviations_of_the_papers_languages_end_no_sentence() -> None:
    # Each was cut in two or three before ("bis einschl. || 10. || Mai kostenlos ...").
    for sentence in (
        "Fahrgäste können ihre Tickets bis einschl. 10. Mai kostenlos umtauschen.",
        "Der Vertrag gilt ab 1. Juli kommenden Jahres.",
        "Das regelt Art. 5 Abs. 2 des Grundgesetzes.",
        "Maria Müller, geb. Schmidt, wohnt seit Jahren in Köln.",
        "Der ehem. Minister sprach zwei Stunden lang.",
        "Es kamen fünf Tsd. Menschen zum Bahnhof.",
        "Bitte rufen Sie Tel. 0221 123 an.",
        "Le Pr. Girard a témoigné devant la commission.",
        "Le chantier coûtera env. 12 millions d'euros.",
        "Voir le rapport, chap. 3, sur les retards.",
        "La loi du 3 janv. 2024 est abrogée.",
        "La Cía. Telefónica subió un 3 % en bolsa.",
        "La empresa cotiza en EE. UU. desde 2010.",
        "La UE aprobó el plan, aprox. 3.000 millones.",
        "L'avv. Verdi ha presentato ricorso.",
        "Il prof. Neri e l'ing. Gallo hanno firmato.",
        "A Profª. Santos falou à imprensa.",
        "Sie wohnt seit 2019 in der Hauptstr. 5 in Köln.",
    ):
        assert split_sentences(sentence) == [sentence]


def test_sentences_still_end_after_them_where_a_new_one_starts() -> None:
    assert split_sentences("Sie kaufte Äpfel, Birnen usw. Dann ging sie nach Hause.") == [
        "Sie kaufte Äpfel, Birnen usw.",
        "Dann ging sie nach Hause.",
    ]
    assert split_sentences("La obra la hará Aguas del Sur S.A. Las obras empiezan hoy.") == [
        "La obra la hará Aguas del Sur S.A.",
        "Las obras empiezan hoy.",
    ]
    assert split_sentences("The U.S. Los Angeles office closed on Monday.") == [
        "The U.S. Los Angeles office closed on Monday."
    ]
    assert split_sentences("He said it wasn't. Then he left the room.") == [
        "He said it wasn't.",
        "Then he left the room.",
    ]
    assert split_sentences("Er kam bis 3. Das war schon spät genug für alle.") == [
        "Er kam bis 3.",
        "Das war schon spät genug für alle.",
    ]


# --- Figures and negations read in French and Spanish --------------------------------------


def changes(old: str, new: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind, c.old, c.new) for c in compare_sentences(old, new)]


def test_french_millions_after_a_figure_are_its_scale() -> None:
    # Before: 'number: "millions d'euros" → "12 milliards d'euros"' and '"12 millions"
    # removed', and the same amount written in full was a change.
    old = "La facture atteint 12 millions d'euros, selon la Cour des comptes."
    assert changes(old, old.replace("millions", "milliards")) == [
        ("number", "12 millions d'euros", "12 milliards d'euros")
    ]
    assert changes(old, old.replace("12 millions d'euros", "12 000 000 euros")) == []
    assert changes(old, old.replace("12", "15")) == [
        ("number", "12 millions d'euros", "15 millions d'euros")
    ]
    english = "Millions of people watched the final on Sunday."
    assert changes(english, english.replace("Millions", "Thousands")) == [
        ("number", "Millions", "Thousands")
    ]


def test_spanish_eleven_is_a_count() -> None:
    # "once" is eleven: before, "once personas" -> "doce personas" was a number added.
    old = "Murieron once personas en el accidente, según la Guardia Civil."
    assert changes(old, old.replace("once", "doce")) == [
        ("number", "once personas", "doce personas")
    ]
    english = "The bridge was once the longest in Europe, officials said on Monday."
    assert changes(english, english.replace("once ", "")) == []


def test_french_ne_plus_que_says_only_not_no() -> None:
    # "Il ne reste plus que 200 habitants" is "only 200 are left": no negation flipped.
    old = "Il ne reste plus que 200 habitants dans le village, selon la mairie."
    assert changes(old, old.replace("ne reste plus que", "reste")) == []
    denied = "Le maire ne viendra plus à la réunion de jeudi, selon son cabinet."
    assert [c[0] for c in changes(denied, denied.replace("ne viendra plus", "viendra"))] == [
        "negation"
    ]


# --- Chinese and Japanese figures with what is written after them ------------------------


def test_a_chinese_date_is_one_date_not_two_counts() -> None:
    # Before, a dropped "停运至5月6日" was 'number removed: "5"' and 'number removed: "6"'.
    old = "铁路部门表示，部分列车将停运至5月6日。"
    assert changes(old, old.replace("6日", "8日")) == [("number", "5月6日", "5月8日")]
    assert [c.detail for c in compare_sentences(old, None)] == ['date removed: "5月6日"']


def test_a_chinese_figure_keeps_its_scale_and_counter() -> None:
    # Before: 'number: "2.3" → "3.1"' for 230 and 310 million yuan.
    old = "直接经济损失约2.3亿元，已转移群众4.8万人。"
    assert changes(old, old.replace("2.3亿", "3.1亿")) == [("number", "2.3亿元", "3.1亿元")]
    assert changes(old, old.replace("4.8万人", "48000人")) == []  # the same 48,000
    stranded = "共有1200名旅客滞留在各地车站。"
    assert changes(stranded, stranded.replace("1200", "1500")) == [("number", "1200名", "1500名")]


# --- A story on two pages -----------------------------------------------------------------

HARBOUR = [
    "The harbour board voted 5-2 on Tuesday to resume dredging the eastern channel, ending a "
    "six-month pause that fishermen said had cost them 300 working days.",
    "Board chair Ruth Alder said the decision followed a survey that found silt levels in the "
    "channel had doubled since 2024, making it unsafe for larger boats at low tide.",
    "Environmental groups said they would appeal, arguing that the survey ignored the seagrass "
    "beds near Pilot Point, as the board's own report admits on page 3 of 10.",
]


def paged(pager: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in HARBOUR)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Dredging row'
        "</title></head><body><article><h1>Inside the harbour dredging row</h1>"
        f'{body}<div class="pagination">{pager}</div></article></body></html>'
    )


def test_the_first_of_two_pages_says_the_rest_was_not_read() -> None:
    # Before, "Page 1 of 2 Next page ›" was the story's last paragraph, and nothing said
    # that the second page, and any edit on it, was never read.
    document = extracted(paged('<span>Page 1 of 2</span> <a href="p2">Next page ›</a>'))
    assert [p.text for p in document.paragraphs] == HARBOUR
    assert document.warnings == (more_pages_warning("Page 1 of 2"),)
    linked = extracted(paged('<a href="p2" rel="next">Next page ›</a>'))
    assert linked.warnings == (more_pages_warning("Next page ›"),)


def test_the_last_page_and_a_page_named_in_the_text_warn_of_nothing() -> None:
    document = extracted(paged('<a href="p1">‹ Previous page</a> <span>Page 2 of 2</span>'))
    assert [p.text for p in document.paragraphs] == HARBOUR
    assert document.warnings == ()
    assert extracted(paged("")).warnings == ()


# --- A place set after the reporter's name -----------------------------------------------


def test_the_place_after_a_reporters_name_is_no_author() -> None:
    # Before: ('Lucía Fernández', 'Madrid'), ('Jonas Albrecht', 'Berlin'), ('Camille Morel',
    # 'À Lyon') - a city credited as the story's second author.
    body = "".join(f"<p>{p}</p>" for p in ES_PARAGRAPHS)
    for line, name in (
        (
            '<p class="firma">Por Lucía Fernández · Madrid · 2 jun 2026 - 10:15 CEST</p>',
            "Lucía Fernández",
        ),
        ('<div class="byline">Von Jonas Albrecht, Berlin</div>', "Jonas Albrecht"),
        ('<div class="byline">Par Camille Morel, à Lyon</div>', "Camille Morel"),
    ):
        html = (
            '<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>T</title></head>'
            f"<body><article><h1>El plan contra la sequía</h1>{line}{body}</article></body></html>"
        )
        assert extracted(html).authors == (name,)


def test_names_joined_as_reporters_stay() -> None:
    assert split_authors("Por Lucía Fernández y Marcos Gil") == ("Lucía Fernández", "Marcos Gil")
    assert split_authors("By Ana Ruiz, Tom Okafor") == ("Ana Ruiz", "Tom Okafor")
    assert split_authors("By Ana Ruiz and Cher") == ("Ana Ruiz", "Cher")


# --- A standfirst set in a heading, or classed "teaser" --------------------------------------


def standfirst_page(line: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in ES_PARAGRAPHS)
    return (
        '<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>Plan contra la '
        "sequía</title></head><body><article><h1>Plan contra la sequía</h1>"
        f'{line}<p class="firma">Por Lucía Fernández</p>{body}</article></body></html>'
    )


def test_a_standfirst_in_a_heading_is_the_standfirst_not_the_first_paragraph() -> None:
    # Before, an <h2 class="subtitulo"> was the story's first paragraph, and no standfirst.
    line = "Las ayudas llegarán a los agricultores de Andalucía y Murcia antes del verano"
    document = extracted(standfirst_page(f'<h2 class="subtitulo">{line}</h2>'))
    assert document.standfirst == line
    assert [p.text for p in document.paragraphs] == ES_PARAGRAPHS


def test_a_standfirst_classed_teaser_under_the_headline_is_read() -> None:
    # Before, a German template's <p class="teaser"> under the headline was dropped with
    # the chrome: an edit to it went unseen.
    line = "Die Lokführer legen am 1. Mai die Arbeit nieder, die Bahn rechnet mit Ausfällen."
    document = extracted(standfirst_page(f'<p class="teaser">{line}</p>'))
    assert document.standfirst == line
    assert [p.text for p in document.paragraphs] == ES_PARAGRAPHS


# --- "Por", "Par", "Von" over a plain text ----------------------------------------------


def from_text(text: str) -> Document:
    return extract(
        Snapshot(
            content=text.encode("utf-8"),
            kind="text",
            provenance=Provenance(spec="story.txt", encoding="utf-8"),
        )
    )


def test_a_foreign_by_over_a_plain_text_is_its_byline() -> None:
    # Before, "Por Lucía Fernández" stayed the story's first paragraph: in a comparison of
    # outlets it was a claim, "left out" by every outlet with another reporter.
    story = "\n\n".join(ES_PARAGRAPHS)
    for line, names in (
        ("Por Lucía Fernández", ("Lucía Fernández",)),
        ("Par Camille Morel et Jean Roux", ("Camille Morel", "Jean Roux")),
        ("Von Jonas Albrecht", ("Jonas Albrecht",)),
    ):
        document = from_text(f"El plan contra la sequía\n\n{line}\n\n{story}\n")
        assert document.authors == names
        assert [p.text for p in document.paragraphs] == ES_PARAGRAPHS


def test_a_line_opening_with_por_that_names_no_one_stays() -> None:
    story = "\n\n".join(ES_PARAGRAPHS)
    document = from_text(f"El plan contra la sequía\n\nPor la mañana\n\n{story}\n")
    assert document.authors == ()
    assert document.paragraphs[0].text == "Por la mañana"


def test_a_chinese_quote_and_who_said_it_are_one_sentence() -> None:
    # Before: "“…响应。”" and "省防汛办负责人王强说。" were two sentences, the speaker cut
    # off his quote.
    said = "“我们已经启动了二级应急响应。”省防汛办负责人王强说。"
    assert split_sentences(said) == [said]
    assert split_sentences("他说：“明天再谈。”随后离开了会场。") == [
        "他说：“明天再谈。”",
        "随后离开了会场。",
    ]


def test_an_italian_byline_in_lower_case_di_names_its_reporter() -> None:
    # Before, <p class="autore">di Marco Bellini</p> gave no author at all.
    body = "".join(f"<p>{p}</p>" for p in ES_PARAGRAPHS)
    html = (
        '<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>T</title></head>'
        '<body><article><h1>Frana sull\'Appennino</h1><p class="autore">di Marco Bellini</p>'
        f"{body}</article></body></html>"
    )
    assert extracted(html).authors == ("Marco Bellini",)
    assert split_authors("Di Marco Bellini") == ("Di Marco Bellini",)  # a surname


def test_a_spanish_line_of_dialogue_is_a_quote() -> None:
    # Before, a softened line of dialogue set off by dashes was no quote change at all.
    said = "—No vamos a dejar a nadie atrás —dijo la ministra en rueda de prensa—."
    assert changes(said, said.replace("No vamos a dejar a nadie atrás", "Haremos lo posible")) == [
        ("quote", "No vamos a dejar a nadie atrás", "Haremos lo posible")
    ]
    # The narrator's words are no part of it, and the speech goes on after them.
    both = "—Es una cifra modesta —dijo el portavoz de los agricultores—, pero ayudará al campo."
    assert [q.text for q in sentence_facets(both).quotes] == [
        "Es una cifra modesta",
        "pero ayudará al campo.",
    ]
    # An English credit line set off by a dash quotes no one.
    assert sentence_facets("—Associated Press").quotes == ()


def test_a_figure_in_a_chinese_line_is_not_cut_in_two() -> None:
    # Before, the text view broke a changed figure inside its marks, "{+1" at a line's end
    # and "500+}" at the next one's start.
    from compare.render import text as render_text

    plain = "据省交通运输厅介绍，截至当日18时，共有[-1200-]{+1500+}名旅客滞留在各地车站。"
    runs = [(plain.index("[-"), plain.index("{+")), (plain.index("{+"), plain.index("名旅"))]
    for width in range(30, 60):
        breaks = render_text._cjk_breaks(plain, width)
        assert not any(start < b < end for b in breaks for start, end in runs), width


def test_a_month_alone_changed_in_another_language_is_a_date_change() -> None:
    # Before, "im Mai" -> "im Juni" (and "en mayo" -> "en junio") was no change at all.
    german = "Die Abstimmung findet im Mai statt, sagte der Bürgermeister am Montag."
    assert [c.detail for c in compare_sentences(german, german.replace("Mai", "Juni"))] == [
        'date: "Mai" → "Juni"'
    ]
    spanish = "La votación será en mayo, según el alcalde de la ciudad."
    assert changes(spanish, spanish.replace("mayo", "junio")) == [("number", "mayo", "junio")]
    # A month with its day is read whole, as before.
    dated = "Die Regierung stellte den Plan am 3. März vor, sagte ein Sprecher."
    assert changes(dated, dated.replace("3. März", "13. März")) == [
        ("number", "3. März", "13. März")
    ]


def test_related_links_under_an_arabic_or_hebrew_label_are_no_paragraphs() -> None:
    story = [
        "أعلنت وزارة الداخلية يوم الثلاثاء ارتفاع حصيلة ضحايا الفيضانات في شمال البلاد إلى "
        "اثني عشر قتيلاً وخمسة وأربعين جريحاً، فيما تواصل فرق الإنقاذ البحث عن المفقودين.",
        "وقال المتحدث باسم الوزارة إن أكثر من ثلاثة آلاف شخص أجلوا من القرى المنكوبة حتى "
        "الآن، وإن المساعدات بدأت تصل إلى المناطق التي قطعت عنها الطرق منذ يوم الأحد.",
    ]
    links = ("الأمطار تغلق الطرق في ثلاث محافظات", "الحكومة تعلن حالة الطوارئ في الشمال")
    for label in ("اقرأ أيضاً", "עוד בנושא"):
        related = f"<p><b>{label}</b></p><ul>" + "".join(
            f'<li><a href="/n/{i}">{text}</a></li>' for i, text in enumerate(links)
        )
        html = (
            '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>T'
            f"</title></head><body><article><h1>ارتفاع حصيلة الفيضانات</h1><p>{story[0]}</p>"
            f"{related}</ul><p>{story[1]}</p></article></body></html>"
        )
        assert [p.text for p in extracted(html).paragraphs] == story


def test_a_reporting_verb_swapped_for_one_of_the_same_manner_adds_no_attribution() -> None:
    # Before: "a rappelé son avocat" -> "a souligné son avocat" was 'attribution added: "son
    # avocat a souligné"', as if no one had been credited before.
    french = "Il n'a jamais été condamné, a rappelé son avocat devant les journalistes."
    assert changes(french, french.replace("rappelé", "souligné")) == []
    assert changes(french, "Il n'a jamais été condamné.") == [
        ("attribution", "son avocat a rappelé", None)
    ]
    spanish = "El alcalde recordó que el plan costará 20 millones de euros."
    assert changes(spanish, spanish.replace("recordó", "subrayó")) == []


def test_the_first_of_the_month_written_as_an_ordinal_is_a_date() -> None:
    # Before, "le jeudi 1er mai" -> "le vendredi 2 mai" gave "mai" -> "2 mai" and "1er"
    # removed: the first of May was no date.
    french = "La grève aura lieu le jeudi 1er mai, selon les syndicats."
    assert changes(french, french.replace("jeudi 1er mai", "vendredi 2 mai")) == [
        ("number", "1er mai", "2 mai"),
        ("number", "jeudi", "vendredi"),
    ]
    spanish = "El desfile del 1º de mayo saldrá de la plaza de Colón, según los sindicatos."
    # (NFKC, which every facet reads, writes º as "o".)
    assert [n.text for n in sentence_facets(spanish).numbers] == ["1o de mayo"]


def test_a_read_also_line_that_names_what_to_read_is_chrome() -> None:
    # Before, "Lire aussi le décryptage : …" stayed a paragraph of the story.
    for line in (
        'Lire aussi le décryptage : <a href="/d">Pourquoi les grèves se multiplient</a>',
        'Lesen Sie auch den Kommentar: <a href="/k">Warum der Streik richtig ist</a>',
    ):
        html = (
            '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>T</title></head>'
            f"<body><article><h1>Grève à la SNCF</h1><p>{ES_PARAGRAPHS[0]}</p><p>{line}</p>"
            f"<p>{ES_PARAGRAPHS[1]}</p></article></body></html>"
        )
        assert [p.text for p in extracted(html).paragraphs] == ES_PARAGRAPHS[:2]


def test_a_japanese_quote_in_corner_brackets_is_a_quote() -> None:
    # Before, 「地域医療の拠点にしたい」 -> 「地域医療の中心にしたい」 was no quote change.
    said = "市長は「地域医療の拠点にしたい」と話した。"
    assert changes(said, said.replace("拠点", "中心")) == [
        ("quote", "地域医療の拠点にしたい", "地域医療の中心にしたい")
    ]


def test_a_hebrew_advert_label_is_no_paragraph() -> None:
    # Before, an advert slot's "פרסומת" (advertisement) was a paragraph of the story.
    story = [
        "שריפה גדולה פרצה אתמול בערב ביער הכרמל, ו-300 משפחות פונו מבתיהן ביישובים הסמוכים, "
        "כך מסרו הלילה בכבאות והצלה.",
        "המשטרה פתחה בחקירה כדי לברר את נסיבות פרוץ השריפה, ואינה שוללת אפשרות של הצתה "
        "מכוונת באחד היישובים.",
    ]
    html = (
        '<!DOCTYPE html><html lang="he" dir="rtl"><head><meta charset="utf-8"><title>T</title>'
        f"</head><body><article><h1>שריפה ביער הכרמל</h1><p>{story[0]}</p>"
        f'<div class="slot"><span>פרסומת</span></div><p>{story[1]}</p></article></body></html>'
    )
    assert [p.text for p in extracted(html).paragraphs] == story


def test_a_currency_written_after_its_amount_is_money() -> None:
    # Before, "1.200 €" was a bare count: a swap to pounds was no change at all.
    french = "Le loyer passe à 1.200 € par mois, selon l'agence immobilière."
    assert changes(french, french.replace("€", "£")) == [("number", "1.200 €", "1.200 £")]
    assert changes(french, french.replace("1.200 €", "1.200 euros")) == []
    german = "Der Streik kostet die Bahn täglich 25 Mio. Euro, sagte ein Sprecher."
    assert [(n.text, n.kind, n.unit) for n in sentence_facets(german).numbers] == [
        ("25 Mio. Euro", "money", "EUR")
    ]


def test_an_italian_or_portuguese_note_told_in_a_sentence_is_a_note() -> None:
    # Before, "Una precedente versione di questo articolo ..." was no note: the views said
    # the page changed its facts without one.
    lede = "Una frana ha travolto due case a Montegallo, causando {} morti, secondo i soccorritori."
    note = "Una precedente versione di questo articolo indicava tre morti: sono quattro."
    c = compare(
        doc(lede.format("tre"), ES_PARAGRAPHS[0]),
        doc(lede.format("quattro"), ES_PARAGRAPHS[0], note),
    )
    assert c.changes[0].kind == "note"
    assert not c.summary.edited_without_note
    assert note_kind("Uma versão anterior desta notícia indicava 40 casas destruídas.") == (
        "correction"
    )
    assert note_kind("Una precedente indagine aveva escluso il dolo.") is None


def test_an_arabic_hebrew_or_russian_note_told_in_a_sentence_is_a_note() -> None:
    assert note_kind("ذكرت نسخة سابقة من هذا التقرير أن عدد القتلى 12، والصحيح 14.") == (
        "correction"
    )
    assert note_kind("בגרסה קודמת של הכתבה נכתב כי 300 משפחות פונו.") == "correction"
    assert note_kind("В предыдущей версии статьи была указана неверная дата.") == "correction"
    # "It was reported in the report that 12 people were killed": news, no note.
    assert note_kind("ورد في التقرير أن 12 شخصا قتلوا.") is None
