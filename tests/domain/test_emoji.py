"""Emoji alone, read for what they show (bot/domain/emoji.py)."""

from __future__ import annotations

import pytest

from bot.domain.emoji import emoji_assessment, emoji_reading
from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("🔫", "means"),
        ("💊💊💊", "means"),
        ("🔫😵", "means"),
        ("🔪 ", "means"),
        ("😭😭😭", "distress"),
        ("💔", "distress"),
        ("😢😢!!", "distress"),
        ("👍", ""),
        ("❤️", ""),
        ("💀💀", ""),  # "dying of laughter" as often as not
        ("😭 lol", ""),  # words: the screen's to read
        ("💊💊💊 tonight", ""),
        ("...", ""),
        ("", ""),
    ],
)
def test_emoji_alone_are_read_for_what_they_show(text: str, reading: str) -> None:
    assert emoji_reading(text) == reading


def test_only_a_means_alone_raises_nothing_to_a_check() -> None:
    assert emoji_assessment("🔫", assess("🔫")).level == Level.CHECK
    assert emoji_assessment("😭😭😭", assess("😭😭😭")).level == Level.NONE
    crisis = assess("i want to kill myself")
    assert emoji_assessment("i want to kill myself", crisis) is crisis
