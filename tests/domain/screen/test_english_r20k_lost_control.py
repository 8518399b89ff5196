"""Session 20 (en18): the means at hand and "i dont know what im doing" (G11 means at hand, rules alone 16/20: "the pistol
is on my lap. i dont know what im doing" was only a check). Not knowing what I am doing with my life, or at a range
with a gun for the first time, is not. Paraphrases written for this test, not corpus messages; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "the gun is in my lap. i dont know what im doing",
        "pills in front of me, idk what ill do",
        "holding the knife in my hand and i dont know what im doing",
        "rope is right here next to me. i dunno what i might do",
    ],
)
def test_the_means_at_hand_and_not_knowing_what_i_am_doing_pages(text: str) -> None:
    crisis(text, "crisis:means_at_hand")


@pytest.mark.parametrize(
    "text",
    [
        "i dont know what im doing with my life, the pills from my doctor arent helping",
        "first day at the gun range, gun in my hand and i dont know what im doing lol",
        "i dont know what im doing",
    ],
)
def test_not_knowing_what_to_do_with_my_life_or_at_the_range_does_not_page(text: str) -> None:
    not_crisis(text)
