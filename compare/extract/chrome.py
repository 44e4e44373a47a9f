"""Page chrome among the blocks: sign-up offers, paywall notices, credits, datelines, section
markers, breadcrumbs (``is_chrome``, ``strip_breadcrumbs``)."""

from __future__ import annotations

import re
import unicodedata

from compare.extract.blocks import _MONTHS, _WEEKDAYS, Block, _key, _word_count
from compare.text import clean_whitespace, has_cjk, lazy_pattern, normalize, word_count

#: One piece of a story's pager: "Page 1 of 2", "Next page ›", "Seite 2", a page's number.
_PAGER_PIECE = (
    r"(?:page|seite|p[aá]gina|pagina) \d+(?: (?:of|/|von|de|sur|di) \d+)?|"
    r"(?:['‹«<←]\s*)?(?:(?:next|previous|prev) page|(?:n[aä]chste|vorherige) seite|"
    r"p[aá]gina (?:siguiente|anterior)|page (?:suivante|pr[ée]c[ée]dente)|"
    r"pagina (?:successiva|precedente)|pr[oó]xima p[aá]gina)(?:\s*['›»>→])?|\d{1,2}"
)
#: A video player's lines, which a scrape reads where the script that draws the player has
#: not run: its buttons and states, and its clock, which a longer clip moves on ("Duration
#: 1:32", "Video duration: 2:05", "0:12 / 2:05"). Chrome as lines (``_CHROME_EXACT``); a box
#: that shows one is a player's, dropped whole (extract/page.py ``_shows_player_lines``).
PLAYER_LINES = (
    r"(?:tap|click|press) to (?:play|unmute|watch|listen)|video (?:loading|unavailable)|"
    r"(?:play|pause|mute|unmute|replay)(?: video)?|this (?:video|clip) (?:can ?not|cannot|"
    r"could not) be played\b.*|(?:(?:video )?duration|length|running time)\s*:?\s*"
    r"\d{1,2}(?::\d\d){1,2}|\d{1,2}(?::\d\d){1,2}\s*/\s*\d{1,2}(?::\d\d){1,2}"
)
_CHROME_EXACT = lazy_pattern(
    r"(?:back to top|top|skip to (?:main )?content|skip advertisement|loading|"
    r"related|related (?:articles?|stories|content|news|coverage|topics|links|reading)|"
    r"more on this (?:story|topic)|more stories|more news|see also|recommended|"
    r"recommended (?:for you|stories|articles|reading)|"
    r"you (?:may|might) also (?:like|be interested in)|"
    r"read (?:more|next|also)|editor'?s'? picks?|top stories|"
    r"trending|trending (?:now|stories|news)|"
    r"most (?:read|popular|viewed|shared)|latest(?: news| stories)?|popular|"
    r"public reaction|reactions?|comments?|\d+ comments?|show comments|leave a (?:comment|reply)|"
    r"join the (?:conversation|discussion)|advertisement|advertising|advert|ad|"
    r"sponsored(?: content)?|promoted|"
    r"(?:story|article) continues (?:below|after)(?: (?:this )?advertisement)?|"
    r"continue reading(?: below| the main story)?|"
    # Newsletter and sharing furniture of some big outlets' templates.
    r"(?:skip past|after) newsletter promotion|reuse this content|"
    r"explore more on (?:these|this) topics?|send any friend a story|give this article|"
    # Counters, which every fetch moves on: "Read 212 comments", "1,204 shares".
    r"(?:read|view|see|show)(?: all)? [\d,.]+k? comments?|[\d,.]+k? (?:shares?|views?|reads?)|"
    r"this (?:story|article|post) has been (?:shared|viewed|read) [\d,.]+k? times|"
    r"share|share (?:this|the) (?:article|story|page|post)|share this|"
    r"share (?:on|via|to) (?:facebook|twitter|x|linkedin|whatsapp|email|e-mail|reddit|telegram)|"
    r"(?:facebook|twitter|linkedin|whatsapp|email|print|copy link|copied)(?: \w+)?|"
    r"listen(?: to this article)?|\d+ min(?:ute)?s? read|subscribe(?: now)?|sign in|log in|"
    r"listen\s*[·•|-]?\s*\d+ min(?:ute)?s?|comments? \(\d+\)|bookmark|"
    r"newsletter|newsletters|newsletter sign-?up|topics|tags|all rights reserved|"
    r"(?:advertisement\s*[·•|-]?\s*)?scroll to continue(?: with content)?|"
    r"listen to (?:this )?(?:article|story)|\d+ min(?:ute)?s? listen|"
    r"(?:save|gift|print)(?: this)?(?: article| story| page)?|"
    r"(?:play|watch) (?:video|now)|purchase licensing rights|opens new tab|"
    + PLAYER_LINES
    + r"|(?:watch|see) more videos|loading comments|comments \d+|read this next|"
    r"advertisement continue reading below|thank you for (?:subscribing|signing up)|"
    r"invalid e-?mail(?: address)?|something went wrong,? please try again(?: later)?|"
    r"previous(?: \d+)+ next|"
    r"(?:sign|log) in to (?:comment|reply)|follow(?: topics?| this (?:topic|author))?|"
    r"this (?:article|story) is (?:more than|over) (?:\d+|an?|one) (?:years?|months?) old|"
    # A live blog's "5 mins ago" beside each entry, which every fetch moves on.
    r"(?:about |around )?(?:\d+|an?|one) ?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|"
    r"d|days?|wks?|weeks?|mos?|months?) ago|just now|"
    # The same in the papers' languages: "hace 5 minutos", "há 1 hora", "vor 5 Minuten",
    # "il y a 2 heures", "5 minuti fa", "5 minuten geleden", "5 minut temu".
    r"hace (?:\d+|un|una) (?:s|seg(?:undos?)?|min(?:utos?)?|h|horas?|d[ií]as?|semanas?"
    r"|mes(?:es)?)|"
    r"h[aá] (?:\d+|um|uma) (?:s|seg(?:undos?)?|min(?:utos?)?|h|horas?|dias?|semanas?"
    r"|m[eê]s(?:es)?)|"
    r"vor (?:\d+|einer?|einem) (?:sek(?:\.|unden?)?|min(?:\.|uten?)?|std\.?|stunden?|tag(?:en)?"
    r"|wochen?|monat(?:en)?)|"
    r"il y a (?:\d+|une?) (?:s|sec(?:ondes?)?|min(?:utes?)?|h|heures?|jours?|semaines?|mois)|"
    r"(?:\d+|un|una) (?:sec(?:ondi?)?|min(?:uti?)?|or[ae]|giorni?|settimane?|mes[ei]) fa|"
    r"(?:\d+|een) (?:sec(?:onden)?|min(?:uten?)?|uur|dagen?|weken?|maanden?) geleden|"
    r"\d+ (?:min(?:ut[ay]?)?|godz(?:in[ay]?)?|dni) temu|"
    r"ahora mismo|agora mesmo|gerade eben|à l'instant|zojuist|"
    # A live blog's label and buttons in those languages.
    r"(?:en )?directo|en vivo|[uú]ltima hora|ao vivo|em direto|live-?ticker|en direct|"
    r"in diretta|momentos?[ -](?:clave|chave)|eventos clave|momenti chiave|moments cl[eé]s|"
    r"wichtige ereignisse|cargar m[aá]s|carregar mais|mehr laden|charger plus|carica altro|"
    # A gallery's counter and buttons: "1 of 6", "Photo 2 of 12", "View all 6 photos".
    r"(?:(?:photo|image|picture|slide)s? )?\d+ (?:of|/) \d+|"
    r"(?:previous|next)(?: (?:photo|image|picture|slide))?|"
    r"view (?:all )?(?:\d+ )?(?:photos|images|pictures)|(?:photo |image |picture )?gallery|"
    r"bolet[ií]n(?: (?:diario|semanal))?|live(?: updates| coverage| blog)?|"
    # A label over a story that comes and goes with the news: "BREAKING", "Developing".
    r"breaking(?: news)?|developing(?: story)?|just in|"
    # A story's pages: "Page 1 of 2", "Next page ›", "Seite 1 von 2", "Página siguiente".
    r"(?:page|seite|p[aá]gina|pagina) \d+ (?:of|/|von|de|sur|di) \d+|"
    r"(?:['‹«<←]\s*)?(?:next|previous|prev) page(?:\s*['›»>→])?|"
    r"(?:go |continue )?to page \d+|pages?\s*:\s*\d+(?: \d+)*|"
    r"(?:n[aä]chste|vorherige) seite|weiter auf seite \d+|p[aá]gina (?:siguiente|anterior)|"
    r"pr[oó]xima p[aá]gina|page (?:suivante|pr[ée]c[ée]dente)|pagina (?:successiva|precedente)|"
    # A pager's pieces on one line: "Page 1 of 2 Next page ›", "‹ Previous page 1 2".
    rf"(?=.*[a-z])(?:{_PAGER_PIECE})(?:\s*[|·•]?\s*(?:{_PAGER_PIECE}))+|"
    # The label beside an advert in the text, in English and the papers' languages.
    r"(?:article|story) continues (?:below|after) (?:this|the) (?:ad|advert)|ad feedback|"
    r"contin[uú]a (?:depois|despu[eé]s|ap[oó]s|tras) (?:da|de la|la|a) publicidad[e]?|"
    r"la noticia contin[uú]a (?:tras|despu[eé]s de) la publicidad|"
    r"(?:weiterlesen|weiter) nach der anzeige|la suite apr[eè]s (?:la|cette) publicit[eé]|"
    # An embedded post's own furniture: "View this post on Instagram".
    r"view (?:this|more) (?:post |video )?on (?:instagram|facebook|tiktok|x|twitter|threads)|"
    r"watch on youtube|"
    # A live blog's buttons and its box of key events.
    r"key events?|show key events(?: only)?|(?:load|show) more (?:posts|updates|entries)|"
    # The heading over a long read's jump links.
    r"(?:table of )?contents|in this (?:article|story)|jump to(?: section)?|"
    r"related videos?|saiba mais|"
    # "Related coverage" over the links between paragraphs, in the papers' languages.
    r"not[ií]cias relacionadas|mat[eé]rias relacionadas|leia mais|sur le m[eê]me sujet|"
    r"(?:à )?voir aussi|dazu passend|das k[oö]nnte sie auch interessieren|auch interessant|"
    r"potrebbe interessarti(?: anche)?|articoli correlati|notizie correlate|"
    r"gerelateerde artikelen|powiązane artykuły|"
    r"continua a leggere dopo la pubblicit[aà]|"
    # A caption's and a gallery's buttons; a print version's.
    r"(?:toggle|hide|show) caption|enlarge (?:this )?(?:image|photo)|click to (?:expand|enlarge)|"
    r"(?:open|view) gallery|swipe for more(?: photos| images)?|close(?: this)? window|"
    # A live blog's label on the post kept at the top: "Pinned post", "Épinglé", "Fijado".
    r"pinned(?: (?:post|update|entry|message))?|(?:post|message) (?:épinglé|fixado)|"
    r"épinglé|angepinnt|fijado|fissato|fixado|"
    # Ads and share buttons in Russian, Arabic and Hebrew.
    r"реклама|поделиться|إعلان|شارك(?: المقال| الخبر)?|פרסומת|שתפו|שתף(?: כתבה)?|"
    # Ads, "read also" labels, share buttons, comment counters and reading times in German,
    # French, Spanish, Italian, Portuguese, Dutch and Polish.
    r"anzeige|publicité|publicidad|pubblicità|publicidade|advertentie|reklama|werbung|"
    r"(?:à )?lire aussi|te puede interesar|lee también|leggi anche|(?:leia|veja) também|"
    r"lees ook|(?:czytaj|zobacz) (?:też|także|również)|lesen sie auch|mehr zum thema|"
    r"(?:artikel )?teilen|partager(?: l'article)?|compartir|condividi|compartilhar|partilhar|"
    r"delen|udostępnij|"
    r"(?:kommentare|commentaires|comentarios|commenti|comentários|reacties|komentarze|"
    r"réagir) \(\d+\)|"
    # Headings over the boxes after a Spanish story: related stories, readers' comments.
    r"(?:noticias|art[ií]culos) relacionad[oa]s|m[aá]s noticias|comentarios|"
    r"lo m[aá]s (?:le[ií]do|visto|compartido)|m[aá]s informaci[oó]n|"
    r"recomendado(?:s)?(?: para ti)?|contenido patrocinado|"
    # The label a big-metro template sets between its paragraphs around each advert.
    r"article content|"
    r"(?:lesezeit|lecture|tiempo de lectura|tempo di lettura|tempo de leitura|leestijd|"
    r"czas czytania)\s*:?\s*\d+ min(?:\.|uten|uti|utos|uty|ut)?|"
    r"\d+ min(?:\.|uten|uti|utos|uty|ut)? (?:lesezeit|de lecture|de lectura|di lettura|"
    r"de leitura|leestijd|czytania))",
    re.IGNORECASE,
)
_CHROME_PREFIX = lazy_pattern(
    r"(?:(?:read|see|also read|watch|listen|related|more)(?: more| also)?\s*:.*|"
    # "ALSO READ | Fares to rise", "Read next - Fares to rise"
    r"(?:also read|read (?:also|more|next)|must read|don't miss)\s*(?::|\||[-–—] ).*|"
    r"read more (?:about|on|from)\b.*|"
    # A promo for the outlet's own pages: "For more stories like this, check our news page."
    r"for more (?:stories|news|articles|updates|content) like this\b.*|"
    r"(?:click|tap) here (?:to|for)\b.*|"
    r"follow (?:us|@\S+|[\w.&'-]+(?: [\w.&'-]+){0,3}) on\b.*|"
    r"(?:sign up|subscribe|register)\b.{0,80}\bnewsletters?\b.*|"
    r"(?:get|receive) (?:our|the) .{0,60}newsletters?\b.*|"
    # An inline sign-up box's lines: "Free weekly newsletter: the best of ... every Friday",
    # "Sign up to our daily briefing: the day's top stories ...", "Want more stories like
    # this? Get our free weekly newsletter.", and the form's small print.
    r"(?:our )?free (?:daily|weekly|morning|evening|monthly|email|e-mail) "
    r"(?:newsletter|briefing|bulletin|digest|email|e-mail)s?\b.*|"
    r"(?:sign up|subscribe)\b.{0,20}\b(?:our|the [\w'-]+'s) (?:[\w'-]+ ){0,3}"
    r"(?:briefing|bulletin|digest)s?\b.*|"
    r"[^.!?]{0,60}\?\s*(?:get|sign up (?:to|for)|subscribe to) our (?:[\w'-]+ ){0,3}"
    r"(?:newsletter|briefing|bulletin|digest)s?\b.*|"
    r"by (?:signing up|subscribing|clicking (?:sign up|subscribe))\b.{0,80}"
    r"\b(?:privacy|terms)\b.*|"
    r"enter your e-?mail\b.*|"
    r"(?:get|receive|have) .{0,60}\b(?:in|to|straight to) your inbox\b.*|"
    # "Want the top stories in your inbox? Sign up here"
    r".{0,80}\b(?:newsletters?|inbox)\b.{0,40}[?:!.]\s*sign up(?: here| now| today)?|"
    # "Don't miss the latest stories - sign up to our newsletter"
    r".{0,60}\s[-\u2013\u2014|]\s*(?:sign up|subscribe)\b.{0,60}\bnewsletters?\b.*|"
    r"(?:join|follow) (?:us on|our (?:[\w-]+ ){0,2}(?:whatsapp|telegram|google news))\b.*|"
    # "Get breaking news alerts.", "Sign up for push alerts and download our app."
    # The outlet's own kinds of alert only: "Sign up for flood alerts from the Environment
    # Agency" is advice the story gives.
    r"(?:get|receive|sign up for|turn on) (?:our |the latest )?"
    r"(?:(?:breaking|news|push|app|mobile|email|e-mail|text) ){0,3}alerts\b"
    r"(?: (?:by|via|on|from|for|in) [^.!?,]{1,30})?[.!]?"
    r"(?:\s+download (?:the|our) (?:[\w&'’-]+ ){0,4}app\b.*)?|"
    r"download (?:the|our) (?:[\w&'’-]+ ){0,4}app(?: (?:now|today|here|for free|"
    r"for (?:[\w-]+ ){0,3}(?:alerts|updates|notifications)))?|"
    r".{0,80}\bunsubscribe at any time\b.*|"
    r"comments (?:are|have been) (?:closed|disabled)\b.*|"
    # "Para comentar es necesario estar registrado en Diario del Sur": sign in to comment.
    # (the site's sign-in, not a public-comment rule: "Para comentar el proyecto, los
    # vecinos deben estar registrados en el padrón" is news)
    r"para (?:comentar|dejar (?:un|tu|su) comentario),? (?:es necesario|debes|debe|hay que|"
    r"tienes que|inicia|reg[ií]strate|suscr[ií]bete)\b.{0,40}"
    r"\b(?:registrad[oa]s?|reg[ií]strate|inicia(?:r)? sesi[oó]n|suscriptor(?:es)?)\b.*|"
    # "Síguenos en Google News", "Local journalism needs your support. Donate today": the
    # appeal, then a full stop or a dash and what to do ("the director said" is news).
    r"s[ií]guenos en (?:google news|facebook|twitter|x|instagram|whatsapp|telegram|"
    r"tiktok|youtube|linkedin|nuestr[oa]s? )\b.*|"
    r"(?:(?:local|independent|quality|our) journalism needs your support|"
    r"support (?:local|independent|our) journalism)(?:\s*[.!:|–—-]\s*.{0,160}|\s*[.!]?)|"
    # An opinion section's call for letters: "The Courier welcomes letters to the editor."
    r"(?:the )?[\w.&'’ -]{0,40}\bwelcomes? (?:your )?letters to the editor\b"
    r"(?:\s*[.!:]\s*.*|\s*[.!]?)|"
    r"(?:image|media|video) (?:caption|source|copyright)\b.*|"
    r"(?:©|copyright ©?)\s*\d{4}\b.*|"
    # An embedded map's credit: "Map data ©2026 Google", "Map data: © OpenStreetMap
    # contributors", "Imagery ©2026 Airbus, Map data ©2026". The sign is what tells it:
    # "Map data shows the flood zone ..." is the story's.
    r"(?:map (?:data|tiles)|imagery|satellite imagery|map)\s*:?\s*"
    r"(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}\b)).{0,80}|"
    # The sign makes a notice without a year one too; the bare word opens sentences. A
    # word may name the holder before it: "<저작권자 © 한빛일보, 무단전재 및 재배포 금지>".
    r"(?:<?[^\s©<]{1,12}\s+)?(?:copyright )?©\s*\w.{0,80}|"
    r"(?:topics|tags)\s*:.*|"
    # A post's categories under it: "Filed under: Local News, Government".
    r"(?:filed|posted) (?:under|in)\s*:.*|"
    # A gallery's heading: "Gallery: Orchard Row after the flood".
    r"(?:(?:photo |image |picture )?gallery|in pictures)\s*:.*|"
    # "Photos: Mesa Ridge fire", "Fotos: La riada", "Bildergalerie: ...", "En images : ...":
    # the plural, which a single photo's credit ("Photo: Jane Doe") never takes.
    r"(?:photos|pictures|fotos|bildergalerie|galer[ií]a(?: de fotos)?|fotogaler[ií]a|"
    r"galleria(?: fotografica)?|diaporama|en images|en im[aá]genes|em imagens)\s*:.*|"
    # "Read also" lines in Spanish, German, French, Portuguese and Italian.
    r"(?:lee|lea|leer) (?:también|tambien|más|mas)\s*:.*|(?:te|le) puede interesar\s*:.*|"
    r"lesen sie (?:auch|mehr)\s*:.*|mehr zum thema\s*:.*|auch interessant\s*:.*|"
    r"(?:à )?lire (?:aussi|également|la suite)\s*:.*|voir aussi\s*:.*|"
    # With what is to be read named: "Lire aussi le décryptage : …", "Lire aussi notre
    # enquête | …", "Lesen Sie auch den Kommentar: …", "Lee también la entrevista: …".
    r"(?:(?:à )?lire aussi|lesen sie (?:auch|mehr)|(?:lee|lea) tambi[eé]n|leggi anche|"
    r"(?:leia|veja) tamb[eé]m) (?:le|la|les|l'|notre|nos|den|die|das|unseren|unsere|el|"
    r"los|las|nuestro|nuestra|il|lo|la nostra|o|a|os|as|nosso|nossa) [^:|]{1,40}[:|].*|"
    r"(?:leia|veja) (?:também|mais)\s*:.*|leggi anche\s*:.*|saiba mais\s*:.*|"
    r"ver tambi[eé]n\s*:.*|"
    r"lees ook\s*:.*|(?:czytaj|zobacz) (?:też|także|również)\s*:.*|"
    # Tags, and newsletter offers, in those languages and in Dutch and Polish.
    r"(?:etiquetas|schlagw(?:orte|örter)|stichw(?:orte|örter)|mots[- ]clés|argomenti|"
    r"tópicos|trefwoorden|tagi)\s*:.*|"
    r"(?:suscríbete|suscribete|apúntate|regístrate|abonnieren sie|melden sie sich|"
    r"inscrivez-vous|abonnez-vous|iscriviti|registrati|inscreva-se|assine|cadastre-se|"
    r"schrijf je in|meld je aan|abonneer je|zapisz się|subskrybuj)\b.{0,80}"
    r"\b(?:newsletter\w*|boletín|boletim|nieuwsbrief)\b.*|"
    r".{0,40}\bnewsletter\b.{0,40}\b(?:abonnieren|anmelden|bestellen)\b.*|"
    # The offer after a question: "Sie wollen nichts verpassen? Dann abonnieren Sie unseren
    # kostenlosen Newsletter.", "Vous ne voulez rien manquer ? Abonnez-vous à la newsletter".
    r"[^.!?]{0,80}\?\s*(?:dann |alors |entonces |ent[aã]o |allora |dan )?"
    r"(?:abonnieren sie|bestellen sie|melden sie sich|abonnez-vous|inscrivez-vous|"
    r"suscr[ií]bete|ap[uú]ntate|reg[ií]strate|iscriviti|inscreva-se|assine|abonneer je|"
    r"schrijf je in)\b.{0,80}\b(?:newsletter\w*|bolet[ií]n|boletim|nieuwsbrief)\b.*|"
    # "Únete a nuestro canal de WhatsApp y recibe ...", "Suivez-nous sur Google News",
    # "Folgen Sie uns auf WhatsApp", "Seguici su Telegram": the outlet's own channels.
    r"(?:[uú]nete a nuestro canal de|(?:rejoignez|suivez)-nous sur|"
    r"rejoignez notre (?:cha[iî]ne|canal) (?:sur )?|folgen sie uns (?:auf|bei)|"
    r"abonnieren sie unseren (?:whatsapp|telegram)-?kanal|seguici su|"
    r"siga-nos n[oa]|entre no (?:nosso )?canal (?:do|de|no) )\s*"
    r"(?:whatsapp|telegram|google news|google actualités|facebook|instagram|x|twitter|"
    r"tiktok|youtube|linkedin|threads|bluesky)\b.*|"
    # Russian and Arabic: "Читайте также: ...", "Фото: Иван Петров", "اقرأ أيضاً: ...".
    r"(?:читайте|смотрите) (?:также|еще|ещё)(?:\s*:.*)?|фото\s*:.{0,60}|"
    r"подписывайтесь на (?:наш|нас)\b.{0,60}|"
    r"اقرأ (?:أيضا|أيضاً|ايضا|المزيد)(?:\s*:.*)?|"
    r"our standards\s*:.*|privacy notice\s*:.*|(?:video|caption)\s*:.*|"
    # A tabloid's photo caption set as a paragraph: "PICTURED: Engineers at the works".
    r"pictured(?: (?:above|below|left|right|top|inset))?\s*:.*|"
    # A newspaper's jump, on a web page the link to the story's next page.
    r"continued (?:on|from) (?:the next )?page(?: \d+)?(?:\s*[:›»>].*)?|"
    # An embedded Instagram post's credit line; a print version's footer.
    r"a post shared by [^()]{1,60}\(@[\w.]+\)|"
    r"(?:this (?:article|story|page) was |(?:article|story) )?printed from\s+"
    r"(?:[^:]{1,60}:\s*)?(?:https?://|www\.)\S+.*|"
    r"url(?: (?:to|of) (?:the |this )?(?:article|story|page))?\s*:\s*(?:https?://|www\.)\S+|"
    # A credit alone: "AP Photo/Jane Doe", "Getty Images", "Jane Doe/AFP via Getty Images".
    r"(?:[\w.'’ -]{1,40}/)?(?:ap|afp|epa|pa)(?: photo| images| wire)?(?:/[\w.'’ ,-]{1,40})?|"
    r"(?:[\w.'’ -]{1,40}/)?(?:(?:afp|ap) via )?getty images(?:/[\w.'’ -]{1,40})?)",
    re.IGNORECASE,
)

# An article's tools under its headline, one or run together in a line: "Listen to this
# article. Our audio versions are produced by a synthetic voice and may contain errors.",
# "Reading time: 4 minutes", "Gift this article". An audio version's notice counts after
# "Listen" or when it names the audio version: "The audio was generated by AI, police
# said" alone is a story's sentence.
_AUDIO_WORD = r"(?=[^.!?]*\b(?:voice|audio|narrat\w*|read aloud|spoken|versions?)\b)"
_MADE_BY_MACHINE = (
    r"(?:synthetic|artificial|automated|computer|ai|text-to-speech|machine|"
    r"(?:ai|computer|machine)-generated)"
)
_TOOL = (
    r"(?:listen(?: (?:to|now to) (?:this|the) (?:article|story))?"
    r"(?:\s*[·•|:-]?\s*\d+ min(?:ute)?s?)?"
    rf"(?:\s*[.:]?\s*{_AUDIO_WORD}[^.!?]{{0,120}}\b{_MADE_BY_MACHINE}\b[^.!?]{{0,100}}[.!]?)?|"
    r"(?:our |the |this )?audio (?:versions?|narrations?|readings?) (?:of (?:our |this |the )?"
    r"(?:articles?|story|stories) )?(?:is|are|was|were|has been|have been|may be) "
    r"(?:produced|generated|created|read|narrated|made|voiced)\b[^.!?]{0,100}[.!]?|"
    r"(?:estimated )?reading time\s*:?\s*(?:\d+|less than (?:a|one|\d+)|under \d+) "
    r"min(?:ute)?s?|\d+ min(?:ute)?s? (?:read|listen)(?:ing time)?|"
    r"(?:gift|share|save|print|bookmark|e-?mail)(?: this)?(?: article| story| page)?|"
    r"close(?: this)?(?: window| page)?|"
    # An old template's links under its story: "« Back to news | Email this story | Print".
    r"(?:[«‹<←\"']\s*)?back to (?:the )?(?:top|home|homepage|news|index|articles|stories|"
    r"(?:[\w'’-]+ )?news))"
)
_ARTICLE_TOOLS = lazy_pattern(rf"{_TOOL}(?:\s*[.|·•,–—-]?\s*{_TOOL})*", re.IGNORECASE)


def _offer(opener: str, sign_up: str, place: str) -> str:
    """A newsletter offer in one language: the line opens with the offer ("Recibe ...") or
    holds a sign-up verb, and names where the news will go ("en tu correo")."""
    return (
        rf"(?:{opener})\b.{{0,80}}\b(?:{place})\b.*|"
        rf"(?=.*\b(?:{sign_up})\b).{{0,80}}\b(?:{place})\b.*"
    )


# A newsletter or text-alert offer: "Recibe cada mañana en tu correo ...", "Jeden Morgen die
# wichtigsten Nachrichten - kostenlos in Ihr Postfach", "Get storm alerts: text STORM to
# 55501. Message and data rates may apply". A story says the same words in passing ("Si
# recibes este mensaje en tu correo, no pinches ...", advierte la Policía), so the offer
# must open the line or ask the reader to sign up, and _REPORTED keeps quotes out.
_INBOX_OFFER = lazy_pattern(
    _offer(
        r"recibe|suscríbete|apúntate|regístrate|"
        r"(?:cada (?:mañana|día|semana|tarde|noche)|todas las (?:mañanas|semanas|noches)),?"
        r" (?:las|los|lo|el|nuestr[oa]s?) (?:noticias|titulares|más|mejor|resumen|boletín)",
        r"suscríbete|apúntate|regístrate|suscribirme|date de alta",
        r"en tu (?:correo|email|e-mail|bandeja de entrada)",
    )
    + "|"
    + _offer(
        r"(?:jeden (?:morgen|abend|tag)|jede woche|täglich|wöchentlich),? (?:die|alle|unsere|das)"
        r" (?:wichtigsten|neuesten|besten|aktuellen|top)|"
        r"(?:abonnieren|bestellen|erhalten) sie|melden sie sich",
        r"abonnieren|anmelden|registrieren",
        r"in (?:ihr|dein) postfach",
    )
    + "|"
    + _offer(
        r"recevez|inscrivez-vous|abonnez-vous|"
        r"(?:chaque (?:matin|soir|jour|semaine)|tous les (?:matins|soirs|jours)),?"
        r" (?:l'essentiel|les (?:infos|actualités|titres|meilleurs)|notre|nos)",
        r"inscrivez-vous|abonnez-vous|je m'inscris",
        r"dans votre boîte (?:mail|e-mail|de réception)",
    )
    # An order to the reader ("text STORM to 55501", "Get ... alerts", "Download our app"),
    # at the start or after a short lead ("Want alerts?", "For traffic alerts,"), then the
    # disclaimer, which ends its sentence: "... may apply to the alerts" is reporting, and
    # "Residents can text FLOOD to 55501" reports the service.
    + r"|(?:[^.!?]{0,60}[,.!?:]\s*)?(?:text|txt|get|receive|download|sign up|subscribe)\b"
    r"[^.!?]{0,80}[.!]\s*(?:message|msg) (?:and|&) data rates may apply(?:[.;!]\s.*|[.!])?|"
    r"(?:message|msg) (?:and|&) data rates may apply(?:[.;!]\s.*)?",
    re.IGNORECASE,
)
# What a story's sentence has and an offer has not: a quotation or a speaker.
_REPORTED = lazy_pattern(
    r"\"|\b(?:said|says|told|warned|added|according to|"
    r"dijo|dice|advierte|advirtió|afirma|afirmó|explica|explicó|señala|señaló|asegura|"
    r"aseguró|añadió|indicó|informó|según|"
    r"sagte|sagt|erklärte|erklärt|warnt|warnte|warnen|rät|raten|riet|betonte|laut|"
    r"so (?:der|die|ein|eine)|"
    r"a déclaré|a dit|a expliqué|a averti|a prévenu|a ajouté|a précisé|a-t-(?:il|elle)|"
    r"déclare|explique|prévient|affirme|avertit|avertissent|alerte|selon)\b",
    re.IGNORECASE,
)
# Photo credits and sponsor lines: a label, then a name or two.
_CREDIT = lazy_pattern(
    r"\(?(?:(?:(?:photo|photograph|picture|pic|image|illustration|graphic|credit|foto|bild|"
    r"fotografía|fotografia)(?:s)?(?: by| credit)?\s*:|fot\.)"
    r"(?P<names>.{0,60})|(?:supported|sponsored|presented) by(?: [\w&'’-]+){0,4})",
    re.IGNORECASE,
)
# A caption that ends in its credit: "Tolley Hill quarry. Photo: Dale Merriweather".
_CREDIT_TAIL = lazy_pattern(
    r"(?:[.!?]\s+|\s\()((?:photo|photograph|picture|pic|image|credit)s?(?: by| credit)?\s*:"
    r"[^()]{1,60})\)?$",
    re.IGNORECASE,
)
# A wire photo's caption, which ends in the agency's credit: "FILE - Parents fill the hall,
# Feb. 10, 2026. (AP Photo/Jane Doe, File)", "... (Reuters/Jane Doe)", "(Photo by Jane Doe)".
_WIRE_CAPTION = lazy_pattern(
    r".{0,600}\((?:(?:ap|afp|epa|pa) photo(?:/[^()]{1,60})?"
    r"|(?:ap|afp|reuters|epa|pa|getty images)/[^()]{1,60}|photo (?:by|courtesy of) [^()]{1,60})\)",
    re.IGNORECASE | re.DOTALL,
)
# The words a credit holds besides names ("Anna Ortiz for The Ledger", "AP Photo/File",
# "courtesy of the family"); any other lower-case word makes the line a sentence: "Credit:
# Moody's cut the city's rating." is reporting.
_CREDIT_WORDS = frozenset(
    str.split(
        "for via and of the by courtesy handout file supplied staff pool photo photos image "
        "images picture pictures photographer family archive archives screenshot screengrab "
        "istock istockphoto dpa"
    )
)
_CREDIT_SEPARATORS = lazy_pattern(r"[\s/,;:&|()+.-]+")


def _is_credit(key: str) -> bool:
    """A photo credit or a sponsor line: after the label, names only."""
    found = _CREDIT().fullmatch(key)
    if found is None or not found["names"]:
        return found is not None
    return all(
        word[:1].isupper() or word[:1].isdigit() or word.casefold() in _CREDIT_WORDS
        for word in _CREDIT_SEPARATORS().split(found["names"])
        if word
    )


# "Sign up for The Ledger Daily": a promo heading that need not say "newsletter".
_SIGN_UP = lazy_pattern(r"(?:sign up|subscribe)(?: now)? (?:for|to)\b[^.]*", re.IGNORECASE)
# A cookie notice opens by saying that the site uses cookies; "We found cookies on 40 sites"
# is reporting.
_COOKIES = lazy_pattern(
    r"(?:we(?: and our(?: [\d,]+)? partners)? use cookies|(?:this|our) (?:web)?site uses "
    r"cookies|[\w .&'’-]{1,40} and (?:our|its)(?: [\d,]+)? partners use cookies|"
    r"by (?:using|continuing to (?:use|browse|visit)) (?:this|our) (?:web)?site)\b"
    r".*\b(?:accept|agree|consent|policy|settings|preferences|choices|experience)\b",
    re.IGNORECASE,
)
_PAYWALL = lazy_pattern(
    r"(?:subscribe|sign up|log in|sign in|register)\b.{0,40}\b(?:to (?:continue|keep|read)|"
    r"for (?:full|unlimited) access)|already (?:a )?(?:subscriber|member)|"
    r"(?:this|the) (?:article|story|content) is (?:only )?(?:available )?(?:exclusively )?"
    r"(?:for|to) (?:subscribers|members|premium)|subscribers only|to continue reading|"
    r"create a free account|premium (?:article|content)|you(?:'ve| have) reached your .{0,30}limit|"
    # "Already have an account? Log in"; not "... with the utility? Call ...".
    r"continue reading with\b|already have an account\W*(?:(?:log|sign) in\b|login\b|$)|"
    r"(?:enjoy|get) unlimited (?:digital )?access"
    r"(?: to (?:[\w-]+ ){0,2}(?:news|journalism|reporting|articles|stories|content)\b| for\b|$)|"
    r"(?:get|unlock) (?:unlimited|full) access|unlock this (?:article|story)|"
    # The same walls in German, French, Spanish, Italian, Portuguese, Dutch and Polish.
    r"(?:dieser|der) (?:artikel|beitrag|inhalt) ist (?:nur )?(?:exklusiv )?für "
    r"(?:\w+-)?abonnent|(?:jetzt )?weiterlesen mit\b|sie haben bereits ein abo|"
    r"cet article est réservé aux abonnés|la suite est réservée aux abonnés|déjà abonné|"
    r"abonnez-vous pour lire la suite|il vous reste \d+ ?% de cet article à lire|"
    r"este (?:contenido|artículo) es (?:exclusivo )?para (?:suscriptores|socios)|"
    r"¿?ya eres suscriptor|ya soy suscriptor|suscríbete para (?:seguir|continuar) leyendo|"
    r"questo articolo è riservato agli abbonati|sei già abbonato|"
    r"abbonati per continuare a leggere|este conteúdo é exclusivo para assinantes|"
    r"já é assinante|assine para continuar lendo|dit artikel is (?:alleen )?voor abonnees|"
    r"ben je al abonnee|word abonnee om verder te lezen|"
    r"ten artykuł jest dostępny (?:tylko )?dla (?:prenumeratorów|subskrybentów)|"
    r"masz już (?:subskrypcję|prenumeratę)",
    re.IGNORECASE,
)
# Reader call-outs: a question to the reader and a way to reach the newsroom ("Do you work
# at the depot? Get in touch: tips@...", "Have you been affected? Share your story"), or the
# invitation alone ("Contact the reporter at ..."). From the start of the line, to the
# newsroom ("us", the reporter, an address), and with no attribution: "Have you seen this
# man? Call police on 101." and "Get in touch with your councillor, campaigners said." are
# reporting.
_READER_QUESTION = (
    r"(?:(?:do|did|does|are|were|have|has|had|can|could|would|will|is|was)\s+(?:you|anyone)\b"
    r"[^?]{0,120}|(?:got|have)\s+(?:a|any)\s+(?:news\s+)?(?:story|tip|information|question)s?\b"
    r"[^?]{0,60}|(?:news\s+)?tips?)\?\s*"
)
# The outlet names its own newsroom "our" ("Contact our newsroom on 01234 567890"); not
# "our team" or "our office", which a spokesman's words say as well.
_NEWSROOM = (
    r"(?:us|the (?:reporter|author|writer|newsroom|news ?desk|editor|team)s?|"
    r"our (?:newsroom|news ?desk|news team|reporters?|journalists?|editors?)|\S+@\S+)"
)
_ADDRESS = r"\s*[:(]?\s*(?:(?:at|on|via)\s+)?\S+@\S+"
_YOUR_STORY = (
    r"(?:share|send us|tell us) your (?:story|stories|experiences?|views|thoughts|pictures"
    r"|photos|videos|tips?)"
)
_TO_NEWSROOM = (
    r"(?:(?:contact|e-?mail|write to|reach|call|message|get in touch with|speak to|talk to) "
    rf"{_NEWSROOM}(?=[\s:,(.]|$)|get in touch{_ADDRESS}|e-?mail \S+@\S+|"
    rf"{_YOUR_STORY}(?: with us\b|{_ADDRESS}))"
)
_UNATTRIBUTED = r"(?!.*\b(?:said|says|told|urged|asked|added|wrote)\b)"
# After a question to the reader, a bare invitation is one too ("Share your story").
_CALLOUT = lazy_pattern(
    rf"(?:{_READER_QUESTION}){{0,2}}{_TO_NEWSROOM}{_UNATTRIBUTED}.*|"
    rf"(?:{_READER_QUESTION}){{1,2}}(?:(?:get in touch|{_YOUR_STORY})\s*[:.]?"
    rf"|(?:tell us|let us know)\b{_UNATTRIBUTED}.*)",
    re.IGNORECASE,
)
# A way to reach the newsroom: an address, a phone number, a messaging app.
_CONTACT = lazy_pattern(
    r"@|\bwww\.|https?://|\d[\d ]{6,}\d|\b(?:whatsapp|signal|telegram)\b", re.IGNORECASE
)
# The newsroom speaking of itself, as a call-out does ("Email us at ..."); a notice the story
# quotes ("Email repairs@... if your bin ..., reads the notice") does not.
_US = lazy_pattern(r"\b(?:us|our|we)\b", re.IGNORECASE)
# The words a call-out opens with: the rest of the text is read only after one of them.
_CALLOUT_OPENERS = frozenset(
    str.split(
        "do did does are were have has had can could would will is was got news tip tips "
        "contact email e-mail write reach call message get speak talk share send"
    )
)
# A subscription offer standing alone: a price for a period ("Only $1 for 3 months", "Just
# £1 a week", "Try 6 months for £1"), not a sentence about one.
_PRICE = r"(?:[$£€]\s?\d+(?:[.,]\d\d)?|\d+(?:[.,]\d\d)?\s?€)"
_PER = r"(?:\s*(?:a|an|per|/|every)\s*(?:day|week|month|year|wk|mo))"
_PERIOD = (
    r"(?:(?:the|your) )?(?:first )?(?:(?:\d+|one|two|three|four|six|twelve) )?"
    r"(?:days?|weeks?|months?|years?)"
)
_OFFER = lazy_pattern(
    r"(?:(?:only|just|now|from|(?:try|get|subscribe|join)(?: us| now| today)?(?: for)?)\s+)*"
    rf"(?:{_PRICE}{_PER}?(?: for {_PERIOD})?|{_PERIOD} for {_PRICE}{_PER}?)"
    r"(?:[.,;]?\s*(?:then .{1,30}|cancel any ?time|billed .{1,30}))*",
    re.IGNORECASE,
)
# "Published 06:45 BST | Updated 11:20 BST": a second stamp may follow a bar or a dot;
# American pages write "10:00 a.m. PT Feb. 17, 2026".
_DATE_WORD = (
    r"\d+(?:st|nd|rd|th|am|pm|h)?|ago|[ap]\.m|an?|hours?|minutes?|mins?|days?|"
    r"weeks?|(?:last )?updated|published|modified|"
    r"am|pm|gmt|bst|utc|cet|cest|est|edt|pst|pdt|[ecmp]t|cdt|mdt|"
    rf"{_MONTHS}|{_WEEKDAYS}"
)
_DATELINE = lazy_pattern(
    # Bare too: "Updated" whose time a script fills in.
    r"(?:first )?(?:published|updated|last updated|posted|modified)(?: on| at)?"
    rf"(?:[\s,:.+/|·•-]+(?:{_DATE_WORD}))*",
    re.IGNORECASE,
)
# The same stamp in German, French, Spanish, Italian, Portuguese, Dutch and Polish, with a
# figure in it ("Zuletzt aktualisiert: 03.03.2026, 14:30 Uhr", "Mis à jour le 03/03/2026 à
# 13h40", "Actualizado: 03/03/2026 - 14:30 h"): every update moves it on.
_FOREIGN_DATE_WORD = (
    r"\d+(?:h\d*|\.)?|am|um|uhr|le|à|el|a las|il|alle|ore|em|às|op|om|dnia|o|godz|h|de|del|"
    r"di|do|da|van|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|"
    r"mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|"
    r"abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|"
    r"febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|"
    r"março|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|februari|maart|mei|"
    r"augustus|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|"
    r"października|listopada|grudnia|april|august|september|november|december"
)
#: "Updated" and "published" in those languages: a stamp's first words, here and in a
#: byline ("Von Jonas Wehrhahn | Stand: 03.03.2026", no second author).
FOREIGN_STAMP_WORDS = (
    r"(?:zuletzt )?aktualisiert|veröffentlicht|erstellt|stand|publié|mis à jour|modifié|"
    r"actualizado|publicado|actualización|aggiornato|pubblicato|atualizado|atualização|"
    r"bijgewerkt|gepubliceerd|aktualizacja|zaktualizowano|opublikowano"
)
# "Veröffentlicht: 20.11.2026, 06:30 Uhr | Aktualisiert: 20.11.2026, 11:15 Uhr": stamp words
# and date words only, the second stamp word included.
_FOREIGN_DATELINE = lazy_pattern(
    rf"(?=.*\d)(?:{FOREIGN_STAMP_WORDS})"
    rf"(?:[\s,:.+/|·•()-]+(?:{_FOREIGN_DATE_WORD}|{FOREIGN_STAMP_WORDS}))*",
    re.IGNORECASE,
)
# A stamp that opens with the date: "Thursday 2 April 2026 7:00 am (Updated 12:40 pm)",
# "March 4, 2026 at 9:12 a.m. EST", "04/02/2026 07:00". Only stamp words, and a time or a
# weekday beside a date among them: "May" or "Sunday 12" alone is no stamp, nor is a
# timeline's "March 4, 2026", whose date is the story's.
_DATE_FIRST = lazy_pattern(
    rf"(?:{_DATE_WORD})(?:[\s,:.+/|·•()-]+(?:{_DATE_WORD}|at|on|posted))*\)?",
    re.IGNORECASE,
)
_STAMP = lazy_pattern(
    r"\d{1,2}[:.]\d\d|\d\s*[ap]\.?m\b|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\W+(?=.*\d{4})",
    re.IGNORECASE,
)
# Section markers after which a page lists other stories, not this one.
_SECTION_MARKER = lazy_pattern(
    r"(?:related|related \w+|more (?:on this|stories|news|from)\b.*|read (?:more|next|also)|"
    r"see also|recommended.*|you (?:may|might) also.*|editor'?s'? picks?|top stories|"
    r"trending.*|most (?:read|popular|viewed|shared)|latest.*|popular|public reaction|"
    r"topics|tags|"
    # The same in the papers' languages: "Lee también", "Mehr zum Thema", "Lire aussi".
    r"(?:à )?lire aussi|voir aussi|sur le m[eê]me sujet|les plus lus|"
    r"(?:lee|lea) tambi[eé]n|(?:te|le) puede interesar|(?:noticias|art[ií]culos) relacionad[oa]s|"
    r"m[aá]s noticias|lo m[aá]s le[ií]do|lesen sie auch|mehr zum thema|auch interessant|"
    r"das k[oö]nnte sie auch interessieren|meistgelesen(?:e artikel)?|leggi anche|"
    r"articoli correlati|notizie correlate|i pi[uù] letti|(?:leia|veja) tamb[eé]m|"
    r"not[ií]cias relacionadas|mat[eé]rias relacionadas|mais lid[ao]s|lees ook|"
    # Hebrew, Arabic and Russian: "עוד בנושא", "اقرأ أيضاً", "Читайте также", "По теме".
    r"עוד בנושא|כתבות נוספות|اقرأ (?:أيضا|أيضاً|ايضا)|(?:مواضيع|أخبار) ذات صلة|"
    r"(?:читайте|смотрите) (?:также|еще|ещё)|по теме)",
    re.IGNORECASE,
)
_EDGE_PUNCT = " \t:.!›»→>…|·•-–—*#_=~"  # a rule drawn in text ("___") is no word

# Chinese (simplified and traditional) and Japanese page furniture. Keys are NFKC, so
# full-width brackets, colons and commas arrive in their ASCII forms; a character class
# such as [关關] takes the simplified and the traditional form of one word.
_CJK_MARKER_WORDS = (
    r"相[关關](?:阅读|閱讀|新[闻聞]|[报報][道导導])|延伸[阅閱][读讀]|推[荐薦][阅閱][读讀]|"
    r"猜你喜[欢歡]|[热熱][门門]文章|[热熱][点點]新[闻聞]|"
    r"関連(?:記事|ニュース)|あわせて読みたい|人気記事|アクセスランキング"
)
# Markers after which a page lists other stories ("【相关阅读】").
_CJK_MARKER = lazy_pattern(rf"[【\[]?(?:{_CJK_MARKER_WORDS})[】\]]?")
_CJK_WIDGET = (
    r"(?:分享|收藏|打印|列印|印刷|[发發]表[评評][论論]|[评評][论論]|シェア(?:する)?|"
    r"この記事をシェアする|ツイート|コメント(?:する)?)(?: ?\(?\d+\)?)?|\d+ ?条[评評][论論]"
)
_CJK_COPYRIGHT = (
    r"版[权權]所有(?![人者])|违者必究|違者必究|"
    r"(?:未[经經](?:授[权權]|许可|許可|允许|允許),? ?)?(?:不得|禁止|严禁|嚴禁|请勿|請勿)"
    r"(?:转载|轉載|复制|複製)|"
    r"無断(?:転載|複製|転用)(?:・(?:転載|複製|転用))*(?:を禁(?:じます|止します|ず)|禁止)"
)
# Credit lines: the editor's and the proofreader's, and the story's source ("来源：新华社").
_CJK_CREDIT = (
    r"(?:责任编辑|責任編輯|责编|責編|编辑|編輯|編集|校对|校對|来源|來源|出处|出處|出典) ?: ?"
    r"[^\s:()\[\]【】。,]{1,12}"
)
_CJK_CHROME = lazy_pattern(
    # Ad labels.
    r"[【\[]?(?:广告|廣告|広告|PR|推广|推廣|スポンサーリンク)[】\]]?|"
    # A marker, or one naming the story it links to ("相关阅读：东湖区老旧小区改造启动").
    rf"[【\[]?(?:{_CJK_MARKER_WORDS})[】\]]?(?: ?[:|] ?.+)?|"
    # Share, comment and print buttons, one or a row of them; "分享到：微信 微博".
    rf"分享到.{{0,60}}|(?:{_CJK_WIDGET})(?:[ |/・]+(?:{_CJK_WIDGET}))*|"
    # "临江日报社版权所有 未经授权不得转载", "記事の無断転載を禁じます。"
    rf"(?:© ?)?[^\s,。、]{{0,20}}?(?:{_CJK_COPYRIGHT})(?:[ ,。.;、]*(?:{_CJK_COPYRIGHT}))*[。.]?"
    r"(?: ?©.{0,40})?|(?:Copyright|COPYRIGHT) .{1,40}|"
    # The credit lines at the foot of a Chinese story: "【责任编辑：王五】", "(来源：新华社)".
    rf"[【\[(]?{_CJK_CREDIT}(?: {_CJK_CREDIT})*[】\])]?"
)


def _chrome_key(text: str, clean: bool = False) -> str:
    """The text as the chrome rules read it; ``clean`` says ``text`` is already
    whitespace-clean, which makes ASCII text its own normal form."""
    if not (clean and text.isascii()):
        text = normalize(text)
    return text.strip(_EDGE_PUNCT).replace("’", "'")


def _key_words(key: str) -> int:
    """Words of a key for the rules' length limits. Chinese and Japanese count a word per
    character, so a long unspaced paragraph is never taken for a one-word line."""
    if not key.isascii():
        return word_count(key)
    # normalize leaves single spaces between words and the strip none at the ends.
    return key.count(" ") + 1 if key else 0


def is_chrome(text: str) -> bool:
    """Whether a whole paragraph is page furniture: a short, pattern-matching line."""
    key = _chrome_key(text)
    return _is_chrome_key(key, _key_words(key))


#: The most words a chrome rule reads.
_LONGEST_CHROME = 50


# A print version's masthead: "- Porthcarrow Times - https://www.porthcarrowtimes.example -".
_PRINT_MASTHEAD = lazy_pattern(
    r"(?P<name>[\w&'’.]+(?: [\w&'’.]+){0,5})\s+[-–—|]\s+(?:https?://|www\.)"
    r"(?P<host>[\w.-]+)(?:/\S*)?(?:\s+[-–—|])?"
)


# Articles a masthead's name may carry that its host leaves out ("Der Spiegel", spiegel.de).
_MASTHEAD_ARTICLES = frozenset(str.split("the der die das el la le les il"))
# Small words a name may have in lower case ("La Gazzetta dello Sport"); any other lower-case
# word makes the line a sentence ("Donate to the Wendholm flood appeal").
_NAME_LINKS = _MASTHEAD_ARTICLES | frozenset(
    str.split("of and for on de del della dello di du des y et und van von")
)
# A line's first word that sends readers somewhere ("Visit Wendholm Council –
# www.wendholm.gov.uk"): a call to act, no outlet's name.
_CALLS_TO_ACT = frozenset(
    str.split(
        "visit donate read see find call contact follow sign subscribe join watch listen "
        "download give support learn get go register apply book buy shop click email write more"
    )
)
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _host_spelling(word: str) -> str:
    """A word as a host spells it: lower case, umlauts as ae/oe/ue, no accents or marks."""
    word = unicodedata.normalize("NFD", word.casefold().translate(_UMLAUTS))
    return re.sub(r"[\W_]+", "", word)  # combining accents are no word characters


def _is_print_masthead(key: str) -> bool:
    """A print masthead names the site its address is: a label of the host is the name's
    words joined ("Porthcarrow Times", porthcarrowtimes.example; "Der Spiegel", spiegel.de;
    "El País", elpais.com). A name that reads as one (capitalised words) may also be
    shortened by its host to the words before those that name a paper ("BBC News",
    bbc.co.uk; "Süddeutsche Zeitung", sueddeutsche.de). A line
    sending readers elsewhere ("Donate to the Wendholm flood appeal –
    www.wendholmappeal.example") is the story's."""
    found = _PRINT_MASTHEAD().fullmatch(key)
    if found is None:
        return False
    labels = [label for label in found["host"].casefold().split(".")[:-1] if label]
    labels = [label for label in labels if label != "www"]
    raw = found["name"].split()
    words = [w for w in map(_host_spelling, raw) if w]
    content = [w for w in words if w not in _MASTHEAD_ARTICLES]
    if not content:
        return False
    if any(label in ("".join(words), "".join(content)) for label in labels):
        return True
    if words[0] in _CALLS_TO_ACT or not all(
        w[:1].isupper() or w[:1].isdigit() or w.casefold() in _NAME_LINKS for w in raw
    ):
        return False

    # A paper's or a broadcaster's name may be shortened by its host; "Wendshire Police"
    # (wendshire.police.uk), "Wendholm Council News" (wendholm.gov.uk) are other sites.
    def papers(words: list[str]) -> bool:
        return bool(words) and all(w in _PAPER_WORDS or w.endswith(_PAPER_ENDINGS) for w in words)

    # The words before those that name a paper ("BBC News", bbc; "Wendholm News Online",
    # wendholmnews), or one word that names a paper itself ("Corriere della Sera", corriere).
    shortened = {"".join(content[:n]) for n in range(1, len(content)) if papers(content[n:])}
    shortened |= {w for w in content if papers([w])}
    return any(label in shortened for label in labels)


#: Words that name a paper or a broadcaster after its own name, as a host leaves them out.
_PAPER_WORDS = frozenset(
    str.split(
        "news zeitung times post herald gazette daily tribune journal online press radio tv "
        "today mail express telegraph chronicle standard observer courier review record echo "
        "star sun mirror independent guardian nachrichten allgemeine rundschau diario periodico "
        "noticias quotidien gazzetta corriere jornal noticia sport sera abendblatt"
    )
)
#: Endings of a paper's name written as one word: "Morgenpost", "Abendblatt", "Tagesschau".
_PAPER_ENDINGS = ("post", "blatt", "zeitung", "news", "times", "schau", "kurier", "bote")


def _is_chrome_key(key: str, count: int) -> bool:
    if count == 0:
        return True
    if count > _LONGEST_CHROME:  # longer than any rule below allows
        return False
    if count <= 8 and _CHROME_EXACT().fullmatch(key):
        return True
    # "PR" ("【PR】") standing alone is a Japanese ad label; the other CJK rules need a CJK
    # character (an English "COPYRIGHT PRESS ..." line is not theirs to judge).
    if (
        count <= 30
        and (key.strip("[]【】") == "PR" or has_cjk(key))
        and _CJK_CHROME().fullmatch(key)
    ):
        return True
    if count <= 20 and _CHROME_PREFIX().fullmatch(key):
        return True
    if count <= 8 and _is_print_masthead(key):
        return True
    if count <= 20 and _INBOX_OFFER().fullmatch(key) and not _REPORTED().search(key):
        return True
    if count <= 6 and _SIGN_UP().fullmatch(key):
        return True
    if count <= 8 and _is_credit(key):
        return True
    # A caption that ends in its credit (see _CREDIT_TAIL and _WIRE_CAPTION).
    if count <= 40 and (tail := _CREDIT_TAIL().search(key)) and _is_credit(tail.group(1)):
        return True
    if key.endswith(")") and _WIRE_CAPTION().fullmatch(key):
        return True
    if count <= 20 and (
        _DATELINE().fullmatch(key)
        or (_DATE_FIRST().fullmatch(key) and _STAMP().search(key))
        or _FOREIGN_DATELINE().fullmatch(key)
    ):
        return True
    if count <= 14 and ("$" in key or "£" in key or "€" in key) and _OFFER().fullmatch(key):
        return True
    if count <= 25 and _offer_and_wall_lines(key):
        return True
    # A reader call-out of 26 words or more gives a way to reach the newsroom (an address,
    # a number, WhatsApp) and speaks as it ("us"): else it is the story's own sentence.
    if (
        (count <= 25 or (count <= 40 and _CONTACT().search(key) and _US().search(key)))
        and key.split(" ", 1)[0].rstrip("?:").casefold() in _CALLOUT_OPENERS
        and _CALLOUT().fullmatch(key)
    ):
        return True
    if count <= 50 and _COOKIES().match(key):
        return True
    if count <= 50 and _ARTICLE_TOOLS().fullmatch(key):
        return True
    return is_wall_line(key, count)


#: Where a line's sentences part: after a full stop, a question or an exclamation mark. (A
#: line's key is in lower case, which text.split_sentences leaves whole: it cuts where a
#: capital follows.)
_SENTENCE_BREAK = lazy_pattern(r"(?<=[.!?])\s+(?=\S)")


def _offer_and_wall_lines(key: str) -> bool:
    """Whether a line is a subscription offer, a sentence or more, that a wall's line
    follows: "Subscribe from just £1 a week. Already a subscriber? Log in". A sentence of
    the story's in it ("The Courier costs £1 a week.") keeps the line."""
    if not ("$" in key or "£" in key or "€" in key) or not _SENTENCE_BREAK().search(key):
        return False
    sentences = _SENTENCE_BREAK().split(key)
    offers = 0
    for sentence in sentences:
        piece = sentence.strip(_EDGE_PUNCT)
        if not (("$" in piece or "£" in piece or "€" in piece) and _OFFER().fullmatch(piece)):
            break
        offers += 1
    rest = " ".join(sentences[offers:])
    return offers > 0 and (not rest or is_wall_line(rest, _key_words(rest)))


def is_wall_line(key: str, count: int) -> bool:
    """Whether a line (its chrome key and words) is a subscription wall's: "Subscribe to
    continue reading", "Already a subscriber? Log in". Anchored at the start: "He was
    already a member of the party" is an article sentence, and so is a long full one that
    opens "Already a member of the planning board since 2019, ..."."""
    return count <= 25 and bool(_PAYWALL().match(key)) and not _is_long_sentence(key, count)


def _is_long_sentence(key: str, count: int) -> bool:
    # An article sentence that happens to mention subscribers: long and a full sentence.
    return count > 18 and key[-1:] in ".!?\"'" and key[:1].isupper()


def _is_section_marker(key: str) -> bool:
    if has_cjk(key):
        return bool(_CJK_MARKER().fullmatch(key))
    return _key_words(key) <= 6 and bool(_SECTION_MARKER().fullmatch(key))


_GLUED = lazy_pattern(r"^((?:[A-Z][a-z]+){2,})(?=[A-Z][a-z])")


def strip_breadcrumbs(line: str, title: str | None = None) -> str:
    """``"WorldAsiaRussia does not..."`` -> ``"Russia does not..."``: section names glued to a
    headline. With a known title, any glued prefix before it goes; without one, only a run
    of two or more glued capitalised words (so "McDonald's" or "YouTube" stay)."""
    line = clean_whitespace(line)
    if title and line != title and line.endswith(title):
        prefix = line[: -len(title)]
        if re.fullmatch(r"[A-Z][\w&'’. -]*[\w&'’.]", prefix):
            return title
    match = _GLUED().match(line)
    return line[match.end() :] if match else line


def _same_headline(text: str, title: str) -> bool:
    key, title_key = _key(strip_breadcrumbs(text, title)), _key(title)
    if not key or not title_key:
        return False
    if key == title_key or _key(strip_breadcrumbs(title, text)) == key:
        return True  # the same, or the title is this line with section names glued on
    # "<headline> | Site" in <title> against the bare headline in the body, or the reverse.
    return title_key.startswith(key + " ") and len(key.split()) >= 4


def _looks_like_headline(block: Block) -> bool:
    return (
        1 <= _word_count(block.text) <= 25
        # (a sentence that ends in a quote ends in its full stop: '… at risk."')
        and block.text.rstrip().rstrip("\"'”’»)")[-1:] not in ".:;,。：；，"
        and not block.text.lower().startswith("by ")
    )
