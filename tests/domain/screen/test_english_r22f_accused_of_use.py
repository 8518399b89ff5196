"""Session 22 (en20): a use others think or say I did ("people think I relapsed but I didn't", "my mom thinks im using
again", "they accused me of drinking") read as a craving, the lapse word softened by "think". Their belief is not my
disclosure: nothing. My own hedged "i think i relapsed" is untouched, and a use told beside the accusation is still a
relapse. Paraphrases written for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "people think I relapsed but I didn't",
        "my mom thinks im using again, im not",
        "everyone thinks i relapsed cuz i missed group",
        "my PO thinks i was drinking but i wasnt",
        "they accused me of using at work, i didnt",
        "my wife thinks i been drinking again just cause i was late",
    ],
)
def test_a_use_others_think_i_did_is_no_use(text: str) -> None:
    assert assess(text).level == Level.NONE, (text, assess(text).reasons)


@pytest.mark.parametrize(
    "text",
    [
        "my mom thinks i relapsed and shes right, i drank saturday",
        "everyone thinks im doing great but i relapsed on friday",
        "people think i relapsed. honestly i did, i used on sunday",
    ],
)
def test_a_use_told_beside_it_is_still_a_relapse(text: str) -> None:
    assert assess(text).level == Level.RELAPSE, (text, assess(text).reasons)


def test_my_own_hedged_lapse_is_still_read() -> None:
    assert assess("i think i relapsed last night").level > Level.NONE
