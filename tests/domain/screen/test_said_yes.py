"""Session 12 (lead): the screening question answered yes, told afterwards, pages (es5 had lowered "asked me if"
to hypothetical, which made "...and I said yes" a check). The question is hypothetical; the answer is not.
Paraphrases written for this test, not corpus messages."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "my therapist asked if i was thinking about killing myself and i said yes",
        "doc asked if i had thoughts of suicide. i said yes, every day",
        "the psychiatrist asked me if i ever wanted to die and honestly i said yeah",
        "counselor asked me today if im having thoughts of ending it and i said yeah kinda",
        "la consejera me preguntó si pienso en suicidarme y le dije que sí",
        "el doctor me preguntó si he pensado en quitarme la vida, le contesté que sí",
        "me preguntaron en el hospital si quería morirme y les dije que sí, que todos los días",
    ],
)
def test_a_yes_to_the_screening_question_pages(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS and "crisis:said_yes_to_screening" in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "i said yes to the job offer, it would kill me to say no lol",
        "she asked if i wanted to die laughing at that show and i said yes lol",
        "my son said you killed it and i said yeah i killed the chicken twice",
        "le dije que si vuelve a llegar tarde lo van a correr",
        "le dije que sí a mi jefe aunque me muero de cansancio",
        "they asked if i ever tried to kill myself when i was 16 and i said yes, years ago",
    ],
)
def test_a_yes_to_something_else_or_about_long_ago_does_not_page_as_one(text: str) -> None:
    result = assess(text)
    assert "crisis:said_yes_to_screening" not in result.reasons, result.reasons
