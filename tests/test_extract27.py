"""A video player's lines are one list (extract/chrome.py ``PLAYER_LINES``): the lines read as
chrome are the lines that tell a box is a player's, which had drifted apart (a box showing
"Video duration: 2:05" was no player's; "0:12 / 2:05" and "Replay" were kept as lines)."""

from __future__ import annotations

import pytest
from test_extract26 import STORY, extracted, is_chrome, page, texts

LINES = ["Video duration: 2:05", "0:12 / 2:05", "Replay", "Length 3:10", "Press to listen"]


@pytest.mark.parametrize("line", LINES)
def test_a_players_line_is_chrome_and_tells_its_box(line: str) -> None:
    assert is_chrome(line)
    title = "Drone footage shows the scale of the slip"  # (no chrome rule knows it)
    box = f'<div class="video-player"><p>{title}</p><p>{line}</p></div>'
    assert texts(extracted(page(box))) == STORY


def test_words_of_a_player_in_a_sentence_are_the_storys() -> None:
    for line in ("The replay showed the ball crossed the line.", "Its length, 3.1 miles, is new."):
        assert not is_chrome(line)
