"""Session 18 (en16, findings-16 re-check): a plan told with its time said bare ("i have a plan and i know when") and
not planning to be here at a date ("i dont plan on being here for christmas") are a plan and a wish to be gone (crisis;
they were only a check by the layer). Knowing when to leave, how to use a naloxone kit, a trip, a shift, a short stay
are not. Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "i have a plan and i know when",
        "i got a plan and i know how",
        "i have it planned, i know when and how",
        "i dont plan on being here for christmas",
        "not planning on being here by new years",
        "i don't plan to be here next year",
    ],
)
def test_a_plan_with_its_time_or_an_absence_planned_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i have a plan for the weekend and i know when to leave",
        "i know when and how to use my naloxone kit",
        "i dont plan on being here for christmas, we're going to my aunts in texas",
        "dont plan on being here for thanksgiving, im working a double shift",
        "i dont plan on being here long, just picking up my meds",
    ],
)
def test_a_trip_a_shift_or_knowing_when_to_leave_is_not(text: str) -> None:
    not_crisis(text)
