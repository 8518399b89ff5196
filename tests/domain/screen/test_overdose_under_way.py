"""Session 12 (lead, newcomer6 finding 5): an overdose under way told plainly pages, so the patient gets the
emergency answer (call now, naloxone) and the counselor an urgent card. Paraphrases written for this test."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "pretty sure that bag was laced, i'm about to pass out",
        "me and my cousin used and now he won't wake up",
        "took a couple bars with my drinks and the room is spinning bad",
        "hit it once from the new batch and my heart's racing like crazy",
        "please i need narcan my roommate",
        "necesito narcan ya, mi novio no reacciona",
        "mi primo se metió unas pastillas y no responde",
    ],
)
def test_an_overdose_under_way_pages(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS and "crisis:overdose" in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "i dont need narcan anymore, 6 months clean",
        "we carry narcan at the meeting now",
        "i was so tired at work i was about to pass out lol",
        "she wont wake up for school, teenagers",
        "ran 5 miles, heart racing but feeling good",
        "mi jefe no responde mis mensajes",
    ],
)
def test_the_same_words_without_a_use_do_not_page(text: str) -> None:
    assert assess(text).level != Level.CRISIS
