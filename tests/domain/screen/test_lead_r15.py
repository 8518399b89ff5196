"""English, session 15 (lead, newcomer9 N45): a child at home sexually abused now, told plainly, was read as
nothing at all; counselors are mandated reporters. Paraphrases written for this test, not corpus messages; rules
alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.crisis_kind import crisis_kinds
from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "my stepdad touches my little sister at night",
        "my uncle keeps touching my daughter and i dont know what to do",
        "moms boyfriend molested my son",
        "i think he is abusing my niece",
        "grandpa has been fondling my granddaughter when she stays over",
    ],
)
def test_a_child_abused_at_home_now_pages_as_abuse(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS and "abuse" in crisis_kinds(result.reasons), result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "my daughter touched the stove",
        "he touched my sisters car",
        "my son touched base with my brother",
        "the nurse touched my sons forehead",
        "my mom touched my heart today",
        "i touched my kids hair",
        "my sister touches my stuff",
    ],
)
def test_touching_a_thing_or_a_heart_is_no_abuse(text: str) -> None:
    assert assess(text).level != Level.CRISIS


@pytest.mark.parametrize(
    "text", ["thinkin of killin myself", "killin myself tonight", "been thinkin bout endin it all"]
)
def test_a_dropped_g_reads_as_the_word(text: str) -> None:
    """newcomer9 N48: "killin" is in the dictionary, so no typo was looked for, and the crisis read as a check."""
    assert assess(text).level == Level.CRISIS


@pytest.mark.parametrize("text", ["im goin to the store", "my cousin is visitin", "the cabin was nice"])
def test_a_dropped_g_in_everyday_words_pages_nobody(text: str) -> None:
    assert assess(text).level != Level.CRISIS


@pytest.mark.parametrize("text", ["i want to die lol", "i want to die haha", "honestly i wanna die lmao"])
def test_a_wish_to_die_laughed_off_is_asked_about(text: str) -> None:
    """newcomer9 N4: read as "dying of laughter", so nothing; framing lowers a level, it never deletes it."""
    assert assess(text).level >= Level.CHECK


@pytest.mark.parametrize("text", ["im dying lol", "dying to see you lol", "i would die for a burger lol"])
def test_laughing_without_a_wish_to_die_asks_nothing(text: str) -> None:
    assert assess(text).level == Level.NONE


@pytest.mark.parametrize(
    "text", ["life's not worth it anymore", "life aint worth it", "honestly life isnt worth it"]
)
def test_life_not_worth_it_however_spelled_is_a_passive_wish(text: str) -> None:
    """newcomer9 N5: "life isn't worth living" paged; "life's not worth it anymore" and "life aint worth it" did not."""
    assert assess(text).level == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "my brother is threatening to kill my mom",
        "my stepdad keeps threatening to kill my sister",
        "he threatens to kill my mom if she leaves him",
    ],
)
def test_someone_threatening_to_kill_a_family_member_is_danger_at_home(text: str) -> None:
    """newcomer9 N51: a check read as the patient's own urge toward someone."""
    result = assess(text)
    assert result.level == Level.CRISIS and "abuse" in crisis_kinds(result.reasons), result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "my sister is threatening to kill my brother for eating her fries",
        "the show where he threatens to kill his boss",
    ],
)
def test_a_threat_in_jest_or_on_screen_pages_nobody(text: str) -> None:
    assert assess(text).level != Level.CRISIS


@pytest.mark.parametrize(
    "text", ["me pasé con la dosis", "me pase con la dosis", "me pase con las pastillas"]
)
def test_my_own_dose_overdone_told_alone_is_an_overdose(text: str) -> None:
    """newcomer9 N42: with no sign after it, nothing was read."""
    result = assess(text)
    assert result.level == Level.CRISIS and "crisis:overdose" in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text", ["hace años me pasé con la dosis y casi me muero", "me metí demasiado en el trabajo esta semana"]
)
def test_an_old_overdose_or_too_much_work_pages_nobody(text: str) -> None:
    assert assess(text).level != Level.CRISIS


def test_a_relatives_gun_i_think_of_using_on_myself_is_my_own_crisis_not_abuse() -> None:
    """newcomer9 N19: "my dads gun ... on myself" fired "a weapon held to me", so the patient got the
    domestic-violence answer."""
    result = assess("i have my dads gun and i keep thinking about using it on myself")
    assert result.level == Level.CRISIS and crisis_kinds(result.reasons) == ("crisis",), result.reasons


@pytest.mark.parametrize(
    "text", ["he held a gun to my head last night", "my boyfriend had a knife against my throat"]
)
def test_a_weapon_held_to_me_is_still_abuse(text: str) -> None:
    assert "abuse" in crisis_kinds(assess(text).reasons)
