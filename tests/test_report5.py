"""The timeline and coverage reports as a reader uses them (helper report5): a breaking
story's takedowns and paywalls, undated edits and corrections seen at a glance, and links
from each change back to its place in the table."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from depot_story import URL, build

from compare.render.timeline import render_story
from compare.store import Store


@pytest.fixture
def story(tmp_path: Path) -> Iterator[tuple[Store, str]]:
    """Five versions and three failed fetches: two 404s and a paywall teaser."""
    with Store.open(tmp_path / "v.db") as store:
        build(store, tmp_path)
        yield (
            store,
            render_story(store, store.require_story(URL), generated_at="2026-11-25T00:00:00Z"),
        )


def _row(html: str, anchor: str) -> str:
    found = re.search(rf'<tr[^>]*id="{anchor}".*?</tr>', html, re.S)
    assert found, anchor
    return found.group(0)


def test_timeline_shows_when_the_page_was_gone_or_walled(story: tuple[Store, str]) -> None:
    # The 404s and the paywall teaser stored no version: the report showed 10:20 to 12:15
    # as two ordinary versions, as if the story had stood unchanged meanwhile.
    _, html = story
    gone = _row(html, "failed-2026-11-24T111000000Z")
    assert "not found" in gone and "2 fetches" in gone and "11:25" in gone and "404" in gone
    walled = _row(html, "failed-2026-11-24T123000000Z")
    assert "paywalled" in walled and "subscription wall" in walled
    # In time order among the versions, and marked on the axis, linked to the row.
    rows = re.findall(r'<tr (?:class="gap [a-z]+" )?id="([^"]+)"', html)
    assert rows == [
        "row-v1",
        "row-v2",
        "row-v3",
        "failed-2026-11-24T111000000Z",
        "row-v4",
        "failed-2026-11-24T123000000Z",
        "row-v5",
    ]
    assert html.count('class="gap gone"><a href="#failed-2026-11-24T111000000Z">') == 1


def test_timeline_says_so_when_the_page_is_gone_now(story: tuple[Store, str]) -> None:
    store, html = story
    assert 'class="meta gone-now"' not in html
    store.record_failure(
        URL,
        "2026-11-24T17:10:00.000Z",
        f'{URL} now says the article was removed ("This article has been removed.")',
        status=200,
    )
    html = render_story(store, store.require_story(URL), generated_at="2026-11-25T00:00:00Z")
    header = html[: html.index("</header>")]
    assert 'class="meta gone-now"' in header and "taken down" in header and "17:10" in header


def test_timeline_marks_undated_edits_and_corrections(story: tuple[Store, str]) -> None:
    _, html = story
    assert '<span class="flag undated">undated edit</span>' in _row(html, "row-v3")
    assert '<span class="flag note">correction added</span>' in _row(html, "row-v4")
    assert "flag undated" not in _row(html, "row-v4") and "flag note" not in _row(html, "row-v3")
    # On the axis the undated edit is a diamond, not one more dot, and each marker is
    # numbered: the reader finds version 3 in the table without hovering.
    mark = re.search(r'<svg x="[\d.]+%"[^>]*class="mark stealth"><a href="#v3">', html)
    assert mark, html[html.index("<figure") : html.index("</figure>")]
    assert re.search(r'<a href="#v3">.*?<text [^>]*>3</text>', html, re.S)
    # And in the change's own section, above its cards.
    section = html[html.index('<section class="change" id="v3"') :]
    assert 0 < section.index("flag undated") < section.index('class="versions')


def test_each_change_links_back_to_its_row_and_on(story: tuple[Store, str]) -> None:
    _, html = story
    for number in range(2, 6):
        section = html[html.index(f'<section class="change" id="v{number}"') :]
        nav = section[: section.index("</p>", section.index('class="jump"'))]
        assert f'href="#row-v{number}"' in nav, nav
        assert f'href="#v{number - 1}"' in nav
        if number < 5:
            assert f'href="#v{number + 1}"' in nav
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets <= ids, targets - ids


def test_timeline_and_coverage_templates_compile_once_per_process(
    story: tuple[Store, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each report made a new Jinja environment and compiled its template again: half of
    # a timeline's render time, five sixths of a coverage report's.
    import jinja2

    from compare import compare_many, load
    from compare.render.coverage_html import render_coverage

    compiled: list[str | None] = []
    original = jinja2.Environment.compile

    def counting(
        self: jinja2.Environment, source: Any, name: str | None = None, *a: Any, **k: Any
    ) -> Any:
        compiled.append(name)
        return original(self, source, name, *a, **k)

    store, _ = story
    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "multi-bridge-closure"
    coverage = compare_many([load(str(fixtures / f"{n}.html")) for n in ("wire", "ledger")])
    render_coverage(coverage, generated_at="2026-11-25T00:00:00Z")
    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    for _ in range(2):
        render_story(store, store.require_story(URL), generated_at="2026-11-25T00:00:00Z")
        render_coverage(coverage, generated_at="2026-11-25T00:00:00Z")
    assert compiled.count("timeline.html.j2") <= 1 and "coverage.html.j2" not in compiled, compiled
