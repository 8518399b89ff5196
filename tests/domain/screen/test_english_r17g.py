"""English, session 17 (lead): going home to God said of myself is a wish to be dead (newcomer10 N46, re-checked by
newcomer12: "i'm going home to jesus soon" read as nothing), as "i want to go home to jesus" already was. Someone
else's going home, a death told, a trip home and a faith said for someday are not. Paraphrases written for this
test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "i'm going home to jesus soon",
        "im going home to god soon, im tired",
        "i'm ready, i'm going home to jesus",
        "im going home to the lord, i already said my goodbyes",
        "im going home to jesus tonight, dont be sad",
    ],
)
def test_going_home_to_god_myself_is_a_wish_to_be_dead(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "my grandma is going home to jesus soon, hospice said days",
        "grandpa went home to the lord last year",
        "my dad went home to jesus in march and i miss him",
        "we're going home to see my mom this weekend",
        "i'm going home after group",
        "the pastor said we're all going home to god someday",
    ],
)
def test_someone_elses_going_home_a_death_told_or_a_trip_home_is_not(text: str) -> None:
    not_crisis(text)
