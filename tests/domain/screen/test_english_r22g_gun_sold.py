"""Session 22 (en20): a gun sold, pawned, traded or turned in ("keep thinking about selling my shotgun") read as a
method thought of (crisis:method). The thought is of the means leaving. A gun thought of where it is, used on myself,
or beside my things sold, still pages. Paraphrases written for this test, not corpus messages; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "keep thinking about selling my shotgun",
        "thinking about pawning my rifle for rent",
        "been thinking about selling my guns, dont want them around",
        "want to trade in my pistol for a bike",
        "thinking about getting rid of my guns for good",
    ],
)
def test_a_gun_sold_is_no_method(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "keep thinking about my shotgun in the closet",
        "i keep thinking about using my shotgun on myself",
        "i want to sell my stuff and use my gun",
        "thinking about selling my truck and my shotgun is loaded in the closet",
    ],
)
def test_a_gun_thought_of_or_used_still_pages(text: str) -> None:
    crisis(text)
