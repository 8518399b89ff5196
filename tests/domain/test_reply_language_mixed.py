"""A message in both languages is answered in the patient's own (newcomer18 N177): "bro ya no puedo, i just wanna die
fr" from a Spanish-speaking patient got the crisis answer all in English, without 988's Spanish option."""

from __future__ import annotations

import pytest

from bot.domain.language import reply_language
from bot.domain.screen.assess import assess


@pytest.mark.parametrize(
    ("text", "stored", "expected"),
    [
        ("bro ya no puedo, i just wanna die fr", "es", "es"),
        ("bro ya no puedo, i just wanna die fr", "en", "en"),
        ("i just wanna die", "es", "en"),  # one language shown: the message's
        ("ya no quiero vivir", "en", "es"),
        ("me siento fatal, can you call me", "es", "es"),
    ],
)
def test_the_reply_language(text: str, stored: str, expected: str) -> None:
    assert reply_language(text, assess(text).language, stored) == expected  # type: ignore[arg-type]
