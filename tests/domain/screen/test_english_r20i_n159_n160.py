"""Session 20 (en18), newcomer N159 and N160: readings the rules got wrong.

N159: "i didnt drink but i sat in the car outside the liquor store for like 40 min" was a drink had (relapse:at_the_bar):
outside the bar or the liquor store is a high-risk place, resisted, a craving. "i didnt drink this weekend" is no
craving at all (session 20's holding_unused read the verb as the supply).
N160: "whats the point of any of this if i cant even be trusted with my own kids" paged (crisis:not_safe, read as "can't
trust myself"): trusted with my kids, money or the car is not; the hopelessness is asked about (a check). "voice to text
so sorry for typos period" paged as a farewell: dictation and its apology are no goodbye.
Paraphrases written for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "i didnt drink but i sat in the car outside the liquor store for like 40 min",
        "parked outside the bar for an hour. didnt go in",
        "sat in the parking lot of the liquor store staring at the door",
        "ended up in front of the liquor store after work, drove home",
    ],
)
def test_outside_the_bar_or_the_liquor_store_is_a_craving(text: str) -> None:
    result = read_as(text, Level.CRAVING)
    assert "craving:at_the_bar" in result.reasons


@pytest.mark.parametrize(
    "text", ["i drank at the bar last night", "went to the liquor store and bought a fifth"]
)
def test_in_the_bar_or_buying_there_is_still_a_relapse(text: str) -> None:
    assert assess(text).has(Level.RELAPSE), assess(text).reasons


@pytest.mark.parametrize(
    "text", ["i didnt drink this weekend, proud of myself", "didnt use today", "i didnt smoke at the party"]
)
def test_a_day_without_use_is_no_craving(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "i just kept thinking whats the point of any of this if i cant even be trusted with my own kids",
        "whats the point of all this if i cant be trusted with money",
        "what's the point of any of it, they dont trust me with the car",
        "whats the point of all of this honestly",
    ],
)
def test_whats_the_point_of_any_of_this_is_asked_about_not_paged(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text", ["i cant trust myself tonight", "i dont trust myself with the pills anymore"]
)
def test_not_trusting_myself_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "anyway im home now. going to a meeting at 11. voice to text so sorry for typos period",
        "talk to text sorry for the typos. see you thursday",
        "ok im in bed now. sorry about the typos, voice to text",
    ],
)
def test_dictation_and_its_apology_are_no_farewell(text: str) -> None:
    not_crisis(text)
