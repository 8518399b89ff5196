"""Session 20 (en18), newcomer N140 (P1, silent): a supply got and not used yet, and being found down.

"picked up from my old dealer tonight, havent used it yet" and "got a bag in my pocket, havent touched it" were read as
nothing: a supply at hand is at least a craving (the craving answer, and the counselor sees it), and picking up from a
dealer is a use told, as buying a bottle is. "my sponsor found me passed out, im ok now" was nothing: found down by
someone is an overdose or a relapse, asked about. Paraphrases written for this test, not corpus messages; rules alone
(conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "got a bag in my pocket, havent touched it",
        "i have a half pint in my purse, haven't opened it yet",
        "theres a gram of coke in my drawer that i havent touched",
        "copped a bundle, its sitting in my car. i havent done any",
        "so i grabbed some pills after work and they are still in my pocket, not took any yet but man i want to",
        "the fifth is still sealed. bought it on the way home",
        "got a baggie of ice in my backpack, i havent smoked it",
    ],
)
def test_a_supply_at_hand_not_used_yet_is_a_craving_at_least(text: str) -> None:
    result = assess(text)
    assert result.level >= Level.CRAVING, (text, result.reasons)
    assert "craving:holding_unused" in result.reasons, (text, result.reasons)
    assert result.level < Level.CRISIS, (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "i haven't used any drugs in 60 days",
        "havent touched a drink in 3 months",
        "got a bag of chips havent opened it",
        "got a new phone, havent used it yet",
        "used to shoot dope back in 2016. aint touched it since",
        "bought my mom a present, havent opened it",
    ],
)
def test_clean_time_or_an_ordinary_thing_unopened_is_no_supply(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "picked up from my old dealer tonight, havent used it yet",
        "picked up from my plug on the way home",
        "got some from my dealer earlier",
        "grabbed a couple from the plug after work, not proud of it",
        "copped from my old dealer again",
    ],
)
def test_picked_up_from_a_dealer_is_a_use_told(text: str) -> None:
    result = assess(text)
    assert "relapse:dealer_bought" in result.reasons, (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "picked up my kid from my old school",
        "picked up my meds from the pharmacy",
        "got a letter from my old landlord",
    ],
)
def test_picked_up_from_someone_else_is_no_dealer(text: str) -> None:
    assert "relapse:dealer_bought" not in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "my sponsor found me passed out, im ok now",
        "my roommate found me out cold in the bathroom last night, im fine now",
        "mom found me unconscious on the kitchen floor, i'm ok",
        "wife found me slumped over in the car this morning. i dont remember much",
        "they found me unresponsive behind the gas station, i'm ok now dont worry",
        "my brother found me blacked out on the porch",
    ],
)
def test_found_down_by_someone_is_asked_about(text: str) -> None:
    result = assess(text)
    assert result.level >= Level.CHECK, (text, result.reasons)
    assert "check:found_down" in result.reasons, (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "found my keys passed out on the couch",
        "my dog found me asleep on the couch after my shift",
        "my kids found me passed out on the couch after a double lol",
        "i found my cat passed out in the sun",
    ],
)
def test_found_asleep_after_a_shift_or_a_thing_found_is_not(text: str) -> None:
    not_crisis(text)
    assert "check:found_down" not in assess(text).reasons
