"""A wire's dateline: where and by whom a story was filed, not what happened.

Its own module so that building the capital letters of every alphabet is paid by the
modules that read datelines (coverage, facets' names), not at every start of the CLI.
"""

import re

from compare.text import lazy_pattern

# A wire's dateline that opens a story: the place in capitals, its region, the agency in
# brackets, then a dash ("KESTREL BAY, Ore. (Coastline Press) —", "LONDON (Reuters) -",
# "CASTELLAN —"). It says where and by whom the story was filed, not what happened.
#: Capital letters, accented ones too ("SAN JOSÉ", "ÉCIJA", "ŁÓDŹ").
UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x530) if chr(c).isupper())
#: The place in capitals, then up to three parts after commas (its region, the date, the
#: year: "CASTELLAN, Veloria, Nov. 20", "LONDON, Nov. 24, 2026", "PARIS, 24 Nov"), the
#: agency in brackets and a dash, or two hyphens as plain-text wire copy writes one.
DATELINE_HEAD = f"[{UPPER}][{UPPER}.'’ -]*[{UPPER}.]"
#: One part after a comma: a word in capitals ("Ore.", "Nov. 24"), a day before its month
#: ("24 Nov") or a year; not any figure ("NASA, 24 hours later —" is no dateline).
DATELINE_PART = f"(?:[{UPPER}][\\w.'’ -]{{0,24}}|\\d{{1,2}} [{UPPER}a-z][a-z]{{2,8}}\\.?|\\d{{4}})"
OPENING_DATELINE = lazy_pattern(
    DATELINE_HEAD + f"(?:, {DATELINE_PART}){{0,3}}\\s*"
    f"(?:\\([{UPPER}][\\w&.'’ -]{{1,40}}\\)\\s*)?(?:--|[—–-])\\s+"
)


def may_open_dateline(text: str) -> bool:
    """Whether ``text`` can open with a wire's dateline (see below): a capital, then
    capitals, full stops, apostrophes, spaces or hyphens, one of them a capital or a full
    stop ("LONDON", "ST. IVES"), and a dash after. A cheap test that spares most sentences
    ("The ...", "A decision ...") the dateline's pattern (~15M instructions to compile)."""
    if not text[:1].isupper():
        return False
    for char in text[1:]:
        if char.isupper() or char == ".":
            return any(dash in text for dash in "—–-")
        if char not in "'’ -":
            return False
    return False


def opening_dateline(text: str) -> re.Match[str] | None:
    """The wire's dateline ``text`` opens with, if any. A place alone before a dash is none
    when another dash closes an aside after it: "NASA — which had planned ... — said" opens
    with a name."""
    found = OPENING_DATELINE().match(text)
    if (
        found is not None
        and not any(mark in found.group() for mark in ",(")
        and any(dash in text[found.end() :] for dash in (" - ", " -- ", "—", "–"))
    ):
        return None
    return found
