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
