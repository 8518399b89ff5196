"""Words kept unsent that may need a look (newcomer24 N261): what the screen read as nothing but names an
attempt, an overdose or a farewell, or what its learned layer scores near its threshold."""

from __future__ import annotations

import pytest

from bot.domain.kept_look import needs_a_look
from bot.domain.screen.assess import assess


@pytest.mark.parametrize(
    "text",
    [
        "tried to od last nite but i threw up",
        "i was gonna do it last nite, had everything ready",
        "this is my last txt to anyone, sry for all the trouble i caused",
        "anoche casi lo hago",
    ],
)
def test_kept_words_of_an_attempt_or_a_farewell_need_a_look(text: str) -> None:
    assert needs_a_look(assess(text), text)


@pytest.mark.parametrize(
    "text",
    [
        "rough day, my mom yelled at me again",
        "hello?",
        "im outside",
        "running late be there soon",
        "ok, see you friday then",
        "can we talk tomorrow about my schedule",
    ],
)
def test_everyday_kept_words_do_not(text: str) -> None:
    assert not needs_a_look(assess(text), text)
