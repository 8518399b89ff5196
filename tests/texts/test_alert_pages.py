"""A long message is shown whole, over several messages (newcomer finding 10-24: the plan at the end of a
4,090-character diary was cut off everywhere a counselor could read it)."""

from __future__ import annotations

import html
import re

from bot import texts
from bot.texts.base import MAX_MESSAGE


def _words(pages: list[str]) -> str:
    return " ".join(
        html.unescape(m.group(1))
        for p in pages
        for m in re.finditer(r"<blockquote>(.*?)</blockquote>", p, re.S)
    )


def test_a_long_message_is_shown_whole_and_each_page_fits_telegram() -> None:
    diary = " ".join(
        f"day {n}: woke up, felt empty, went to work, came home, drank & felt <worse>." for n in range(1, 60)
    )
    text = f"{diary} tonight i am going to end my life, i have the pills ready."
    assert len(text) > MAX_MESSAGE
    pages = texts.alert_message("Ned", text, "stated intent to end their life")
    assert len(pages) >= 2 and all(len(p) <= MAX_MESSAGE for p in pages)
    assert "i have the pills ready." in html.unescape(pages[-1]) and "(2/" in pages[1]
    assert _words(pages).split() == text.split()
    assert pages[-1].endswith("<i>stated intent to end their life</i>")


def test_a_short_message_is_one_page() -> None:
    assert texts.alert_message("Alex", "I can't do this anymore") == [
        "Message from <b>Alex</b>:\n<blockquote>I can't do this anymore</blockquote>"
    ]
