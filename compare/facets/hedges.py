"""Hedges and certainty markers ("reportedly", "may", "unconfirmed", "clearly", "largely"):
the patterns, compiled on first use, and the words without which none can match.
"""

from __future__ import annotations

import re
from functools import lru_cache

from compare import regex_cache
from compare.facets import abroad
from compare.facets.base import Cue, _token_set, _wordset
from compare.text import lazy_pattern

_MODAL = r"\b(?:may|[Mm]ight|[Cc]ould)\b"
#: Words after which "partly" or "partially" describes a thing, not the claim ("the
#: partially built bridge collapsed" -> "the bridge collapsed" hedges nothing).
_DESCRIBED_AFTER = ("the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those")
_HEDGE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("reportedly", r"\breportedly\b|\b(?:is|are|was|were)\s+(?:said|reported|rumou?red)\s+to\b"),
    ("reportedly", r"\baccording to (?:media |news |local |press )?reports\b|\bit is reported\b"),
    (
        "allegedly",
        r"\ballegedly\b|\bpurportedly\b|\b(?:the|an|a|his|her|their)\s+(?:alleged|suspected)\b"
        # The accused, not the accuser ("Hale is accused of theft" -> "Hale stole"): one
        # who accuses is a source ("the union accused the firm of ...").
        r"|\b(?:is|are|was|were|been|being|stands?|stood)\s+accused\s+of\b",
    ),
    (
        "unconfirmed",
        r"\bunconfirmed\b|\bunverified\b"
        r"|\b(?:(?:could|can) )?not (?:yet )?(?:been |be )?(?:independently )?"
        r"(?:verified|confirmed)\b",
    ),
    (
        "sources",
        r"\bsources(?: (?:close to|familiar with|with knowledge of|in|at|inside)(?: [\w'-]+){1,3})?"
        r" (?:say|said|says|told|familiar)\b|\baccording to (?:\w+ )?sources\b",
    ),
    ("sources", r"\bpeople familiar with\b"),
    # Not a modal that ends its clause or takes "to": "did everything it could (to help)"
    # says how hard someone tried, not that a thing may be so.
    (
        "possibility",
        _MODAL + r"(?!\s+not\s+(?:immediately\s+)?be\s+reached)(?!\s*(?:[.,;:!?)]|$|to\b))",
    ),
    ("possibility", r"\b(?:possibly|perhaps|potentially|maybe|possible)\b"),
    ("apparently", r"\b(?:appears?|appeared|seems?|seemed)\s+to\b|\bapparently\b|\bit appears\b"),
    ("likely", r"\b(?:likely|probably|probable)\b"),
    ("unlikely", r"\bunlikely\b"),
    (
        "believed",
        r"\b(?:believed|thought|understood|presumed|feared)\s+to\b|\bis understood\b"
        # "It is thought the vote will ...": only before a clause, not "it is thought through".
        r"|\bit is (?:thought|believed|feared)"
        r"(?=\s+(?:that|the|an?|he|she|they|it|his|her|their)\b)"
        r"|\b(?:presumed|feared)\s+(?:dead|killed|drowned|missing|lost|trapped)\b",
    ),
    ("expected", r"\bexpected to\b"),
    # A link, not a cause: "is linked to a higher risk" -> "causes a higher risk".
    (
        "linked",
        r"\b(?:is|are|was|were|been|being|be)\s+(?:(?:strongly|closely|also|often|widely)\s+)?"
        r"(?:linked|associated)\s+(?:to|with)\b",
    ),
    # What is still to be weighed, its outcome open: "the rules would be reviewed" ->
    # "would be scrapped" decided it. (Not "has been reviewed", done; nor "be considered a
    # hero"; nor "after being examined", done before what followed; nor "cannot be
    # reviewed", decided.)
    (
        "undecided",
        r"\b(?:(?<!not )(?<!never )be|(?<!after )(?<!before )(?<!upon )(?<!without )being)\s+"
        r"(?:reviewed|re-?examined|examined|studied|assessed|looked\s+at"
        r"|discussed|reconsidered|considered(?!\s+(?:a|an|the|to|as)\b))"
        r"|\bunder\s+(?:review|consideration)\b",
    ),
    (
        "unsupported",
        r"\bwithout (?:providing |offering |citing |giving |presenting )?(?:any )?"
        r"(?:evidence|proof)\b",
    ),
    ("certain", r"\b(?:certainly|definitely|undoubtedly|clearly|conclusively|without doubt)\b"),
    # An order told as advice ("told to leave" -> "advised to leave"), a step as no more than
    # care ("as a precaution", "precautionary"): what was required, or feared, played down.
    ("advised", r"\b(?:advised|encouraged)\s+to\b"),
    ("precaution", r"\bas a precaution\b|\bprecautionary\b"),
    # A claim narrowed or graded: "the fire was contained" -> "largely contained", "no one
    # was hurt" -> "no one was seriously hurt" (so some were).
    (
        "qualified",
        r"\b(?:largely|mostly|mainly|in part)\b"
        # Not a word that describes a thing: "the partially built bridge", "partly cloudy".
        r"|"
        # (The lookahead first: the lookbehinds would otherwise be tried at every letter.)
        + r"\b(?=part)"
        + "".join(f"(?<!\\b{word} )" for word in _DESCRIBED_AFTER)
        + r"(?:partly|partially)\b(?!\s+(?:cloudy|sunny)\b)"
        # After "was", "were", "not"...: "the tariffs badly hurt exporters" grades no claim.
        r"|\b(?:was|were|been|being|is|are|not|n't)\s+"
        r"(?:seriously|critically|severely|badly)\s+(?:hurt|injured|wounded)\b",
    ),
)
#: For each hedge pattern, words one of which it cannot match without, as whole words of
#: lower-cased ASCII text (``_token_set``: every alternative of the pattern holds one of them,
#: whole, between word bounds), and for the one whose match may end inside a word ("be
#: reviewed..."), the starts of words it cannot match without, looked for as substrings. In
#: ASCII text no other letters fold to ASCII ones, so a pattern none of whose words stands in
#: the sentence cannot match it. (One set intersection picks the patterns to run, where a
#: substring search for each pattern's words did, and fewer run: "may" is no word of
#: "mayor", nor "part" of "party". The hedges of the 2,000-paragraph pair's 1,264 sentences
#: found in one version only: 123M -> 95M instructions.)
_HEDGE_NEEDS: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = tuple(
    (_wordset(words), tuple(stems.split()))
    for words, stems in (
        ("reportedly said reported rumored rumoured", ""),
        ("reports reported", ""),
        ("allegedly purportedly alleged suspected accused", ""),
        ("unconfirmed unverified verified confirmed", ""),
        ("sources", ""),
        ("familiar", ""),
        ("may might could", ""),
        ("possibly perhaps potentially maybe possible", ""),
        ("appear appears appeared seem seems seemed apparently", ""),
        ("likely probably probable", ""),
        ("unlikely", ""),
        ("believed thought understood presumed feared", ""),
        ("expected", ""),
        ("linked associated", ""),
        # "be reviewed", "being studied", "under review": the verb may run on ("reviewedx").
        (
            "be being under",
            "review examined studied assessed looked discussed considered consideration",
        ),
        ("evidence proof", ""),
        ("certainly definitely undoubtedly clearly conclusively doubt", ""),
        ("advised encouraged", ""),
        ("precaution precautionary", ""),
        ("largely mostly mainly part partly partially seriously critically severely badly", ""),
    )
)
#: Each pattern's place, group, the starts of words it needs (see ``_HEDGE_NEEDS``), and
#: whether it reads ASCII text lower-cased (all but the modals', which tell "may" from
#: "May": see ``_hedge_pattern``).
_HEDGES = tuple(
    (index, group, stems, not pattern.startswith(_MODAL))
    for index, ((group, pattern), (_, stems)) in enumerate(
        zip(_HEDGE_PATTERNS, _HEDGE_NEEDS, strict=True)
    )
)
#: The patterns that need each word of ``_HEDGE_NEEDS``.
_PATTERNS_NEEDING: dict[str, tuple[int, ...]] = {
    word: tuple(i for i, (words, _) in enumerate(_HEDGE_NEEDS) if word in words)
    for words, _ in _HEDGE_NEEDS
    for word in words
}
_HEDGE_NEED_WORDS = frozenset(_PATTERNS_NEEDING)


@lru_cache(maxsize=64)
def _hedge_pattern(index: int, lowered: bool = False) -> re.Pattern[str]:
    """Hedge pattern ``index``, compiled when first needed (few sentences need most of them;
    compiling all at import cost more than a small comparison). Case-insensitive except the
    modals, so that the month "May" is not a hedge. ``lowered``: the case-insensitive pattern
    as it reads ASCII text lower-cased: case-sensitive, it matches there what the other
    matches in the text, at the same places (lower() keeps ASCII text's length, and no ASCII
    letter folds to another than lower() gives), and costs less to run (the matcher does
    not fold each letter: the hedges of the 1,264 sentences of ``_HEDGE_NEEDS``, 95M ->
    79M instructions)."""
    pattern = _HEDGE_PATTERNS[index][1]
    return regex_cache.compile(
        pattern, 0 if lowered or pattern.startswith(_MODAL) else re.IGNORECASE
    )


_HEDGE_TRIGGERS = _wordset(
    "reportedly allegedly purportedly alleged suspected accused unconfirmed unverified verified "
    "sources familiar may might could possibly perhaps potentially maybe possible appears appear "
    "appeared seem seems seemed apparently likely probably probable unlikely believed thought "
    "understood presumed feared expected linked associated certainly definitely undoubtedly "
    "clearly conclusively doubt reports reported evidence proof partly partially largely mostly "
    "mainly part seriously critically severely badly reviewed review re-examined reexamined "
    "examined studied assessed looked discussed reconsidered considered consideration advised "
    "encouraged precaution precautionary"
)
#: Differing words that can add or remove a hedge ("not verified", "said to").
_HEDGE_DIFF_TRIGGERS = _HEDGE_TRIGGERS | _wordset("not said rumored rumoured independently")
_HEDGE_TO = lazy_pattern(r"\b(?:said|rumou?red) to\b")


#: Things linked as things are, not as a cause and its effect: "The road is linked to the
#: motorway", "The phone was linked to the account" hedge no claim.
_LINKED_THINGS = _wordset(
    "road roads street streets bridge bridges railway railways rail line lines track "
    "tracks cable cables pipe pipes pipeline wire wires motorway highway route routes "
    "tunnel station stations airport port terminal town towns village villages city "
    "island islands network grid server servers database databases account accounts "
    "phone phones device devices computer computers website websites site sites page "
    "pages app apps system systems platform card cards profile profiles camera cameras "
    "sensor sensors building buildings room rooms mainland coast harbour harbor river valley "
    "estate county region area district centre center park school hospital campus"
)
_LINK_ENDS = lazy_pattern(r"(\w+)\s+$")
#: Events and outcomes a link to which is a claim of cause.
_OUTCOMES = _wordset(
    "outbreak outbreaks fire fires blaze death deaths died illness illnesses sickness case "
    "cases crash crashes collapse explosion blast cancer disease diseases risk risks rise "
    "fall increase decline injury injuries infection infections poisoning contamination "
    "contaminated attack attacks failure failures flooding leak leaks closure closures"
)
_LINK_OBJECT = lazy_pattern(r"\s*(?:(?:the|a|an|its|their|his|her|this|that|each|every)\s+)?(\w+)")


def _links_things(masked: str, start: int, end: int) -> bool:
    """Whether the link ``masked[start:end]`` ("is linked to") joins things: the word before
    it and the first word after it both name one ("The road is linked to the motorway", "The
    village is linked to the mainland"), and no word near it names an event or an outcome
    ("The outbreak at the station is linked to the water tower"). A thing linked to
    anything else is a claim hedged ("The app is linked to depression in teenagers")."""
    before = _LINK_ENDS().search(masked, max(0, start - 40), start)
    after = _LINK_OBJECT().match(masked, end)
    if not (before and after) or not {before[1].lower(), after[1].lower()} <= _LINKED_THINGS:
        return False
    return _OUTCOMES.isdisjoint(_token_set(masked[max(0, start - 60) : end + 40].lower()))


@lru_cache(maxsize=8192)
def _hedges(masked: str) -> tuple[Cue, ...]:
    lower = masked.lower()
    tokens = _token_set(lower)
    # A sentence in another language is read by its own words ("offenbar", "presuntamente").
    if abroad.may_hedge(lower, tokens) and (language := abroad.language(lower)):
        return abroad.hedges(masked, language)
    if not _HEDGE_TRIGGERS & tokens and not (" to " in lower and _HEDGE_TO().search(lower)):
        return ()
    found: list[tuple[int, Cue]] = []
    taken: list[tuple[int, int]] = []
    # A pattern whose words are absent cannot match (see _HEDGE_NEEDS); with other than
    # ASCII, case folding can match letters that lower() does not give, so every pattern runs.
    hedges = _HEDGES
    ascii_text = lower.isascii()
    if ascii_text:
        wanted = {i for word in tokens & _HEDGE_NEED_WORDS for i in _PATTERNS_NEEDING[word]}
        hedges = tuple(
            _HEDGES[i]
            for i in sorted(wanted)
            if not _HEDGES[i][2] or any(map(lower.__contains__, _HEDGES[i][2]))
        )
    for index, group, _, folds in hedges:
        lowered = ascii_text and folds
        for m in _hedge_pattern(index, lowered).finditer(lower if lowered else masked):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if group == "linked" and _links_things(masked, m.start(), m.end()):
                continue
            taken.append(m.span())
            found.append((m.start(), Cue(masked[m.start() : m.end()], group)))
    found.sort(key=lambda item: item[0])
    return tuple(cue for _, cue in found)
