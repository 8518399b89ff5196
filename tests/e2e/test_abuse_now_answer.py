"""Danger at the door now: the emergency number first (newcomer10 N35).

"my ex is outside my apartment banging on the door right now" got the domestic-violence answer with the National
DV Hotline, 988, 741741 and only then "Call 911 if you are in immediate danger". The words say the danger is here
and now; as for an overdose, the emergency number comes first. Abuse told of the past keeps the hotline first.
"""

from __future__ import annotations

import pytest

from tests.conftest import COUNSELOR, Harness


@pytest.mark.parametrize(
    ("words", "emergency"),
    [
        ("my ex is outside my apartment banging on the door right now", "911"),
        ("my husband is threatening me right now", "911"),
        ("he is here and he wont leave, i think hes going to hurt me", "911"),
        ("mi esposo me está amenazando ahorita", "911"),
    ],
)
async def test_danger_now_gets_the_emergency_number_before_the_hotline(
    bot: Harness, patient: int, words: str, emergency: str
) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    bot.emu.send_text(patient, words)
    answer = await bot.emu.wait_for_message(patient, contains="1-800-799-7233")
    text = answer.text
    assert text.index(emergency) < text.index("1-800-799-7233") < text.index("988"), text


async def test_abuse_told_of_the_past_keeps_the_hotline_first(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    bot.emu.send_text(patient, "my boyfriend hit me last week")
    answer = await bot.emu.wait_for_message(patient, contains="1-800-799-7233")
    assert answer.text.index("1-800-799-7233") < answer.text.index("988") < answer.text.index("911"), (
        answer.text
    )
