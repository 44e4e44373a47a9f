"""The facets worker's warm-up of what comparing sentences compiles (facets.warm_up_comparing):
after it, English pairs compile no pattern of their own while the worker is on the clock."""

from __future__ import annotations

import subprocess
import sys

# Lists every lazy pattern of the facet modules that is compiled, and every hedge pattern.
_COMPILED = """
import sys
from compare.facets import hedges
from compare.text import lazy_pattern
code = lazy_pattern("").__wrapped__.__code__
def compiled():
    found = set()
    for name, module in list(sys.modules.items()):
        if not name.startswith(("compare.facets.", "compare.swaps")) or name.endswith("abroad"):
            continue
        for key, value in vars(module).items():
            wrapped = getattr(value, "__wrapped__", None)
            if getattr(wrapped, "__code__", None) is code and value.cache_info().currsize:
                found.add(f"{name}.{key}")
    return found | {f"hedge {i}" for i in range(hedges._hedge_pattern.cache_info().currsize)}
"""

_PAIRS = (
    (
        'Police said the bridge, which opened in 1991, was possibly unsafe and "we will not '
        'reopen it," the mayor, Ana Ruiz, told reporters on Monday.',
        "Officials said the bridge, which opened in 1992, was probably unsafe and could have "
        "collapsed, according to a spokesman for the ministry familiar with the report.",
    ),
    (
        "The council largely failed to avoid the cuts, which hit 11 routes, and Delsaquin was "
        "arrested after a petition signed by more than 15,000 people.",
        "The council is expected to avoid the cuts, which hit a fifth of the routes, and Varga "
        "was not arrested after half a petition was signed by 15,000 people.",
    ),
)


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return done.stdout.strip()


def test_comparing_english_pairs_compiles_nothing_after_the_warm_up() -> None:
    code = f"""{_COMPILED}
from compare import facets
facets.warm_up(lambda: False)
facets.warm_up_comparing(lambda: False)
before = compiled()
for old, new in {_PAIRS!r}:
    facets.compare_sentences(old, new)
    facets.compare_sentences(old, None)
print(sorted(compiled() - before))
print(len(before) > 40)
"""
    assert _run(code).splitlines() == ["[]", "True"]


def test_the_warm_up_stops_when_asked() -> None:
    code = f"""{_COMPILED}
from compare import facets
before = compiled()
asked = []
def stop():
    asked.append(1)
    return len(asked) > 3
facets.warm_up_comparing(stop)
print(len(compiled() - before), len(asked))
"""
    assert _run(code) == "3 4"
