"""Session 20 (en18): two rule readings that paged wrongly. Newcomer N146: "we got into it about mom again" (we argued)
was read as driving into someone ("he drove me and we got into it about mom"): getting into it, into a fight or an
argument is arguing. Findings: "i left my gun at my house" / "gun is at my place, im at my sisters" was read as a gun
brought to a house (harm to others): a gun left or kept somewhere is means put away. Paraphrases written for this test,
not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import assess
from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "he drove me and we got into it about mom again",
        "drove over to my sisters and we got into it about the kids",
        "my brother drove me home and we got into a fight about money",
        "we were driving and got into an argument about my dad",
        "she drove to my place and we got into it with her mom on speaker",
    ],
)
def test_getting_into_it_is_arguing_not_driving_into_someone(text: str) -> None:
    not_crisis(text)
    assert "crisis:harm_to_others" not in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "i'm gonna get into it with him and hurt him",
        "im gonna drive into him",
        "gonna drive my truck into my ex",
    ],
)
def test_a_harm_meant_still_pages(text: str) -> None:
    crisis(text, "crisis:harm_to_others")


@pytest.mark.parametrize(
    "text",
    [
        "i left my gun at my house",
        "gun is at my place, im at my sisters",
        "i left my gun at my moms house",
        "my rifle is locked up at my dads, im staying at my aunts",
        "left the pistol at home like we talked about",
    ],
)
def test_a_gun_left_at_home_is_means_put_away(text: str) -> None:
    assert "crisis:harm_to_others" not in assess(text).reasons, assess(text).reasons
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "im bringing my gun to work tomorrow",
        "taking my gun to his house tonight",
        "gonna bring the rifle to school",
    ],
)
def test_a_gun_brought_to_a_place_still_pages(text: str) -> None:
    crisis(text, "crisis:harm_to_others")
