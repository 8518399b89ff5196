"""English, session 18 (en15): someone else's pills laid out as my means, with my not waking up said beside them, is
preparation, not someone else's words (newcomer N95: "my moms oxy lined up ... not gonna wake up" was lowered to a
check); and caring for a sick child or parent tonight as my own duty is no farewell (N96: "i have to take care of my
daughter tonight" paged as farewell+when). Paraphrases written for this test; rules alone (conftest.py turns the
layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "got all my dads oxy lined up on my desk. not gonna wake up this time",
        "lined up my grandpas morphine on the dresser. i wont be waking up",
        "my grandmas sleeping pills are in my pocket. not waking up this time",
        "my brothers xanax is counted out in front of me. i dont plan on waking up",
    ],
)
def test_anothers_pills_laid_out_and_not_waking_up_is_preparation(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "my moms pills are lined up in her organizer for the week",
        "i keep my grandmas pills in my purse, she forgets them",
        "im not gonna wake up early tomorrow, no alarm",
    ],
)
def test_a_weeks_organizer_or_a_late_morning_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i have to take care of my son tonight, hes got a fever",
        "gotta look after my daughter tonight, she has the flu",
        "im taking care of my mom tonight, she had surgery",
        "i need to take care of my dog tonight, he ate something bad",
        "staying home to take care of my kid tonight",
    ],
)
def test_caring_for_someone_tonight_as_my_duty_is_no_farewell(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "please take care of my daughter for me. goodbye",
        "take care of my cat for me tonight. im done",
        "you have to take care of my son now. i love you all",
    ],
)
def test_a_farewell_asking_others_to_care_is_still_one(text: str) -> None:
    crisis(text)
