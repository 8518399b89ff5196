"""Session 22 (en20), newcomer N209 and addendum: means handed to someone else or locked away after a safety plan
("gave my brother the gun to hold onto", "my sister has my meds now, she gives me one a day") read as a farewell, an
armed other or means at hand. A handover with a secret or a time, means saved up beside it, or a person locked in a
room still pages. Paraphrases written for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis


@pytest.mark.parametrize(
    "text",
    [
        "gave my brother the gun to hold onto",
        "my sister has my meds now, she gives me one a day",
        "the gun is at my uncles now, locked up",
        "i put the knives in the trunk of my car like we talked about",
        "dropped my rifle off at my dads, hes keeping it for a while",
        "my wife is holding my pills for me, she hands me one at a time",
        "handed my guns over to my buddy for safekeeping",
        "my husband has the key to the gun safe now, i dont know the code",
        "the sheriff is holding my firearms for now",
        "mom has all my meds in a lockbox now like we planned",
        "my daughter is keeping my pills at her house now, she brings me them each morning",
        "i gave my son the old revolver to keep at his place like the doctor said",
        "my brother have my gun now, he keep it for me",
        "wife hid the pills somewhere i dont know, she gives me one at night",
        "gave my bro the strap to hold onto til i feel better",
        "the guns are at my dads now, hes holding them for me",
        "i gave my gun to my brother to hold, its not in the house anymore",
        "gave my pistol to my buddy to hold for a bit",
        "the gun is out of the house, my dad took it",
    ],
)
def test_means_kept_by_someone_else_or_locked_away_is_no_risk(text: str) -> None:
    assert assess(text).level == Level.NONE, (text, assess(text).reasons)


@pytest.mark.parametrize(
    "text",
    [
        "gave my brother the gun, he doesnt need to know what for",
        "gave my rifle to my cousin today. everyone is out tonight",
        "my sister has my meds now but i saved up enough to do it tonight",
        "got the gun back from my uncle today, its loaded",
        "gave my dog to my neighbor. sorry for everything",
        "im locked up in the bathroom, he has a knife and hes drunk",
        "my son has my gun now. tonight when hes at work ill get my gun back, i know where the key is",
        "brought my gun to my exs house to keep him away from her",
        "everyone is out of the house now, i have the pills ready",
        "my wife isnt in the house anymore, i have the pills saved up",
    ],
)
def test_a_handover_with_a_secret_or_a_time_still_pages(text: str) -> None:
    crisis(text)
