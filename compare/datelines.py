"""A wire's dateline: where and by whom a story was filed, not what happened.

Its own module so that building the capital letters of every alphabet is paid by the
modules that read datelines (coverage, facets' names), not at every start of the CLI.
"""

from compare.text import lazy_pattern

# A wire's dateline that opens a story: the place in capitals, its region, the agency in
# brackets, then a dash ("KESTREL BAY, Ore. (Coastline Press) —", "LONDON (Reuters) -",
# "CASTELLAN —"). It says where and by whom the story was filed, not what happened.
#: Capital letters, accented ones too ("SAN JOSÉ", "ÉCIJA", "ŁÓDŹ").
UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x530) if chr(c).isupper())
#: The place in capitals, then up to two parts after commas (its region, the date:
#: "CASTELLAN, Veloria, Nov. 20").
DATELINE_HEAD = f"[{UPPER}][{UPPER}.'’ -]*[{UPPER}.]"
OPENING_DATELINE = lazy_pattern(
    DATELINE_HEAD + f"(?:, [{UPPER}][\\w.'’ -]{{0,24}}){{0,2}}\\s*"
    f"(?:\\([{UPPER}][\\w&.'’ -]{{1,40}}\\)\\s*)?[—–-]\\s+"
)
