"""review19: where report5's timeline said more than the fetches showed (the coverage
findings are in test_review19.py). Each failed on main at 0dc4eab; each comment says what
was wrong and what is expected."""

from __future__ import annotations

from pathlib import Path

# --- render/timeline.gap_kind (the badge of a failed fetch) ----------------------------


def test_a_404_badge_does_not_say_taken_down_when_the_page_may_have_moved(
    tmp_path: Path,
) -> None:
    # WRONG: every 404/410 is badged "taken down" on the axis, in the table and in the
    # header, though track.py's own message for it says "the article was probably taken
    # down or moved" (and sites 404 an article whose slug changed). Here the page answered
    # 404 twice and the story then came back at the same address: it was never taken down.
    # EXPECTED: a badge that claims no more than the fetch showed ("not found", or
    # "taken down or moved"), as the error text beside it does.
    import re

    from depot_story import URL, build

    from compare.render.timeline import render_story
    from compare.store import Store

    with Store.open(tmp_path / "v.db") as store:
        build(store, tmp_path)
        html = render_story(store, store.require_story(URL), generated_at="2026-11-25T00:00:00Z")
    row = re.search(r'<tr[^>]*id="failed-2026-11-24T111000000Z".*?</tr>', html, re.S)
    assert row is not None
    badge = re.search(r'<span class="flag gone">([^<]*)</span>', row.group(0))
    assert badge is not None
    assert badge.group(1) != "taken down", badge.group(1)


# --- render/timeline: the header's "gone now" note --------------------------------------


def test_the_header_does_not_call_the_page_gone_when_a_later_fetch_read_it(
    tmp_path: Path,
) -> None:
    # WRONG: the header's note takes the last row of the table (versions and failed runs)
    # as the latest fetch. A 404 at 11:10 followed at 11:40 by a fetch that read the page
    # unchanged (no new version, so no row) leaves the 404 last: the report says "The
    # latest fetch, since 11:10: taken down. The versions below are what was stored
    # before", about a page that is up.
    # EXPECTED: no "gone-now" note when a fetch after the failed run read the page.
    from depot_story import GONE, URL, P, observe, page

    from compare.render.timeline import render_story
    from compare.store import Store

    title = "Fire at Oldwick grain depot"
    with Store.open(tmp_path / "v.db") as store:
        observe(
            store, tmp_path, page(title, P[:2], "2026-11-24T09:05:00Z"), "2026-11-24T09:10:00.000Z"
        )
        full = page(title, P, "2026-11-24T09:30:00Z")
        observe(store, tmp_path, full, "2026-11-24T09:35:00.000Z")
        store.record_failure(URL, "2026-11-24T11:10:00.000Z", GONE, status=404)
        assert observe(store, tmp_path, full, "2026-11-24T11:40:00.000Z") == "unchanged"
        html = render_story(store, store.require_story(URL), generated_at="2026-11-25T00:00:00Z")
    assert 'class="meta gone-now"' not in html


def test_only_the_pages_own_notice_is_a_takedown_and_a_timeout_is_no_gone_page() -> None:
    # Reader's check of the README: a "Page not found" page served with 200 was badged
    # "taken down" (track's message ends "it was probably taken down"), and a header said
    # the page was gone now after a mere timeout.
    from compare.render.timeline import gap_kind

    url = "https://news.example/a"
    soft_404 = f'{url} now shows a not-found page ("Page not found"): it was probably taken down'
    notice = f'{url} now says the article was removed ("Removed."): it was probably taken down'
    assert gap_kind({"status": 200, "error": soft_404}) == ("gone", "not found")
    assert gap_kind({"status": 200, "error": notice}) == ("gone", "taken down")
    assert gap_kind({"status": None, "error": f"{url} timed out"}) == ("failed", "fetch failed")


def test_the_header_says_nothing_is_gone_after_a_timeout(tmp_path: Path) -> None:
    from depot_story import URL, P, observe, page

    from compare.render.timeline import render_story
    from compare.store import Store

    title = "Fire at Oldwick grain depot"
    with Store.open(tmp_path / "v.db") as store:
        observe(store, tmp_path, page(title, P, "2026-11-24T09:30:00Z"), "2026-11-24T09:35:00.000Z")
        store.record_failure(URL, "2026-11-24T11:10:00.000Z", f"{URL} timed out", status=None)
        html = render_story(store, store.require_story(URL), generated_at="2026-11-25T00:00:00Z")
    assert 'class="meta gone-now"' not in html
