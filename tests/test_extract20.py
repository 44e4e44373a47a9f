"""extract20: a standfirst box read as the standfirst and never lost, a job before a
byline's name, a newsletter's sign-up box inside the story. Each test fails before the
fix. The pages are written for this project: a local paper's page with its cookie banner,
menu, breadcrumbs, share bar, photo and related links around an invented story."""

from __future__ import annotations

import pytest
from test_page_kinds import extracted

from compare.extract.metadata import split_authors
from compare.model import Document

HEADLINE = "Marsh Lane baths to close after council vote"
STANDFIRST = (
    "Campaigners vow a legal fight as the 1930s pool faces the axe over a £2.4m repair bill"
)
STORY = [
    "Harwick District Council voted on Tuesday night to close the Marsh Lane swimming baths "
    "at the end of March, citing repair bills of £2.4m.",
    "Councillors backed the plan by 23 votes to 17 after a three-hour debate in which more "
    "than 40 residents spoke against the closure.",
    "\u201cWe simply cannot justify spending that sum on a building that loses money every "
    "week,\u201d said council leader Joan Pettifer.",
    "Campaigners said they would seek a judicial review and had already raised £8,000 "
    "towards legal costs.",
    "The baths, opened in 1936, are used by 14 schools for swimming lessons and by two "
    "local clubs.",
]
CAPTION = (
    "The Marsh Lane baths, which opened in 1936, photographed from the park on Monday "
    "morning before the vote"
)


def outlet_page(
    header: str = "",
    *,
    body_top: str = "",
    inline: str = "",
    byline: str = "By Nell Quigley",
    head: str = "",
) -> str:
    """The Harwick Gazette's article page: ``header`` after the headline in the article's
    header, ``body_top`` above the story's paragraphs, ``inline`` after its second."""
    paragraphs = [f"<p>{p}</p>" for p in STORY]
    paragraphs.insert(2, inline)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{HEADLINE} | Harwick Gazette</title>
<meta property="og:title" content="{HEADLINE}">
<meta property="og:site_name" content="Harwick Gazette">{head}
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.
By continuing you agree to our cookie policy.</p><button>Accept all</button>
<button>Manage settings</button></div>
<header class="site-header"><a href="/" class="logo">Harwick Gazette</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/whats-on">What's On</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
</header>
<main>
<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/news/local">Local</a></li></ol>
<article class="article">
<header class="article-header">
<h1 class="article-title">{HEADLINE}</h1>
{header}
<div class="article-meta"><span class="byline">{byline}</span>
<time datetime="2026-11-24T21:30:00Z">24 November 2026, 9:30pm</time></div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
<a href="#">Email</a></div>
</header>
<div class="article-body">{body_top}{"".join(paragraphs)}</div>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/news/a">Library opening hours cut again</a></li>
<li><a href="/news/b">Bus route 12 to be axed in spring</a></li></ul></aside>
</main>
<footer class="site-footer"><p>© 2026 Harwick Gazette. All rights reserved.</p>
<a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>"""


def texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


# ------------------------------------------------------------------------ 1. standfirst


@pytest.mark.parametrize(
    "box",
    [
        f'<p class="standfirst">{STANDFIRST}.</p>',
        f'<div class="standfirst"><p>{STANDFIRST}.</p></div>',
        f'<div class="article-standfirst">{STANDFIRST}.</div>',
        f'<div class="article__summary">{STANDFIRST}.</div>',
        f'<p class="dek">{STANDFIRST}.</p>',
    ],
)
def test_a_standfirst_box_the_extractor_keeps_is_read_as_the_standfirst(box: str) -> None:
    # Set above the story's paragraphs in its body, the box was kept as paragraph 1 and
    # the page, with no meta description, had no standfirst.
    doc = extracted(outlet_page(body_top=box))
    assert doc.summary == f"{STANDFIRST}."
    assert doc.standfirst == f"{STANDFIRST}."
    assert texts(doc) == STORY


def test_a_standfirst_box_and_its_copy_as_the_first_paragraph_are_read_once() -> None:
    # The header shows the standfirst and the body opens with it again: the standfirst,
    # once, not a paragraph too.
    doc = extracted(
        outlet_page(
            f'<div class="article-standfirst">{STANDFIRST}.</div>',
            body_top=f"<p>{STANDFIRST}.</p>",
        )
    )
    assert doc.standfirst == f"{STANDFIRST}."
    assert texts(doc) == STORY


@pytest.mark.parametrize(
    "box",
    [
        f'<p class="lede">{STANDFIRST}</p>',
        f'<div class="lead">{STANDFIRST}</div>',
        f'<section class="article-standfirst">{STANDFIRST}</section>',
        # After a photo whose caption is a long paragraph: it was taken for the story's
        # start, and the box under it was not looked for.
        f"<figure><img src='/img/baths.jpg' alt=''><figcaption><p>{CAPTION}</p>"
        f'</figcaption></figure><div class="article-standfirst">{STANDFIRST}</div>',
    ],
)
def test_a_standfirst_box_in_the_header_is_never_lost(box: str) -> None:
    # trafilatura drops the article's header; these boxes were not read from it either,
    # and their text was gone altogether.
    doc = extracted(outlet_page(box))
    assert doc.standfirst == STANDFIRST
    assert texts(doc) == STORY


def test_a_lede_classed_lead_in_the_body_stays_the_first_paragraph() -> None:
    # "lead" and "lede" also class a story's first paragraph, set large: that one is the
    # story's, and an edit to it is a paragraph's.
    lede, *rest = STORY
    page = outlet_page().replace(f"<p>{lede}</p>", f'<p class="lead">{lede}</p>')
    doc = extracted(page)
    assert doc.standfirst is None
    assert texts(doc) == [lede, *rest]


# --------------------------------------------------------------------------- 2. byline


def test_a_job_before_the_bylines_name_is_no_part_of_it() -> None:
    doc = extracted(outlet_page(byline="By Gazette reporter Nell Quigley"))
    assert doc.authors == ("Nell Quigley",)


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Gazette reporter Nell Quigley", ("Nell Quigley",)),
        ("By Political editor Sam Hale", ("Sam Hale",)),
        ("By Staff writer Ana Ruiz", ("Ana Ruiz",)),
        ("By Our Moscow correspondent Ivan Petrov", ("Ivan Petrov",)),
        ("By Chief Reporter Tom Bell", ("Tom Bell",)),
        ("Reporter: Nell Quigley", ("Nell Quigley",)),
        (
            "By Political Editor Sam Hale and Whitehall correspondent Ana Ruiz",
            ("Sam Hale", "Ana Ruiz"),
        ),
        # Unchanged: a job alone is the credit; a name that holds a job's word is a name.
        ("By Gazette reporter", ("Gazette reporter",)),
        ("By Mary Reporter", ("Mary Reporter",)),
        ("By Ben Writer Jones", ("Ben Writer Jones",)),
        ("By Nell Quigley, Local democracy reporter", ("Nell Quigley",)),
        ("By Our Correspondent", ("Our Correspondent",)),
    ],
)
def test_a_job_before_a_name_is_left_out(byline: str, authors: tuple[str, ...]) -> None:
    assert split_authors(byline) == authors


# ------------------------------------------------------------------- 3. sign-up boxes

SIGN_UP_BOXES = [
    # A block-editor group with a form, whatever its class says.
    '<div class="wp-block-group"><h3>Free weekly newsletter</h3><p>The best of Harwick, '
    "from council rows to cup runs, every Friday morning.</p><form action='/subscribe'>"
    "<input type='email' placeholder='Your email address'><button>Sign up</button></form>"
    "<p><small>By signing up you agree to our privacy policy.</small></p></div>",
    # A box whose button is a link to the sign-up page.
    '<div class="box"><p><strong>Free weekly newsletter</strong></p><p>The best of '
    "Harwick, from council rows to cup runs, every Friday morning.</p><p><a class='button' "
    "href='/newsletters'>Sign up to our daily briefing</a></p></div>",
    '<section class="signup"><h4>Sign up to our daily briefing</h4><p>Our reporters pick '
    "the stories you need to know, every weekday at 7am.</p><input type='email' "
    "aria-label='Email'><button>Sign up</button></section>",
    '<div class="cta"><h3>Sign up to our daily briefing</h3><p>The day\'s top stories '
    "delivered to your inbox every morning.</p><form><input name='email' type='text' "
    "placeholder='Enter your email'><input type='submit' value='Subscribe'></form></div>",
    # Lines alone, set as the story's paragraphs.
    "<p><strong>Free weekly newsletter:</strong> the best of Harwick, from council rows to "
    "cup runs, every Friday. <a href='/newsletters'>Sign up here</a></p>",
    "<p>Want more stories like this? Get our free weekly newsletter.</p>",
    "<p>Sign up to our daily briefing: the day's top stories delivered to your inbox every "
    "morning.</p>",
]


@pytest.mark.parametrize("box", SIGN_UP_BOXES)
def test_a_newsletter_sign_up_box_inside_the_story_is_chrome(box: str) -> None:
    doc = extracted(outlet_page(inline=box))
    assert texts(doc) == STORY


def test_a_paragraph_that_mentions_a_newsletter_stays() -> None:
    mention = (
        "The council said residents could sign up to its free weekly newsletter for updates "
        "on the consultation, which closes on 12 January."
    )
    doc = extracted(outlet_page(inline=f"<p>{mention}</p>"))
    assert texts(doc) == [*STORY[:2], mention, *STORY[2:]]


def test_a_factbox_or_a_byline_with_a_sign_up_link_stays() -> None:
    # Guards for the sign-up box rule: the council's box under the story is the story's,
    # and a byline box with a link to its reporter's newsletter keeps her name.
    factbox = (
        '<div class="factbox"><h3>Have your say</h3><p>The consultation runs until 12 '
        "January. Residents can read the plans at the town hall.</p><p><a href='https://"
        "harwick.gov.uk/bulletin'>Sign up for the council bulletin</a></p></div>"
    )
    doc = extracted(outlet_page(inline=factbox))
    assert "Have your say" in texts(doc)
    byline = (
        'By <a href="/authors/nell-quigley">Nell Quigley</a> '
        "<a class='follow' href='/newsletters/nell'>Subscribe to Nell's newsletter</a>"
    )
    assert extracted(outlet_page(byline=byline)).authors[0].startswith("Nell Quigley")


# ------------------------------------------------- found on the way: the masthead's <h1>


def masthead_page(headline: str) -> str:
    """A page with no og:title whose masthead sets the outlet's name in an <h1>."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{HEADLINE} | Harwick Gazette</title></head><body>
<header class="masthead"><h1 class="site-title"><a href="/">Harwick Gazette</a></h1>
<nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>{headline}<div class="article-standfirst">{STANDFIRST}</div>
<div class="article-body">{"".join(f"<p>{p}</p>" for p in STORY)}</div>
</article></main></body></html>"""


@pytest.mark.parametrize(
    "headline", [f"<h1>{HEADLINE}</h1>", f'<h2 class="article-headline">{HEADLINE}</h2>']
)
def test_the_mastheads_h1_is_no_headline(headline: str) -> None:
    # trafilatura took the outlet's name for the headline; with the story's headline in an
    # <h2>, the standfirst under it was lost too.
    doc = extracted(masthead_page(headline))
    assert doc.title == HEADLINE
    assert doc.standfirst == STANDFIRST
    assert texts(doc) == STORY


def test_a_chrome_line_between_the_headline_and_the_standfirst_is_no_story_yet() -> None:
    # A long paragraph was taken for the story's start, and the standfirst after it was
    # not looked for (lost: the header is dropped).
    notice = (
        '<p class="notice">We use cookies to improve your experience. By continuing to use '
        "this site you agree to our cookie policy and settings.</p>"
    )
    doc = extracted(outlet_page(f'{notice}<div class="article-standfirst">{STANDFIRST}</div>'))
    assert doc.standfirst == STANDFIRST
    assert texts(doc) == STORY
