"""The answer to "I'm not safe" (newcomer7 N7 and the texts review): the program's after-hours line with the
others, and truthfully whom the urgent alert can reach, named, as the first crisis answer says."""

from __future__ import annotations

import dataclasses

import pytest

from bot import texts
from bot.config.settings import Settings
from tests.conftest import COUNSELOR, Harness

AFTER_HOURS = "(720) 555-0142"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, after_hours_phone=AFTER_HOURS)


async def _not_safe(bot: Harness, patient: int) -> str:
    bot.emu.send_text(patient, "i give up")
    question = await bot.emu.wait_for_message(patient, contains="are you safe right now?")
    bot.emu.press_button(patient, question, texts.BTN_NOT_SAFE)
    answer = await bot.emu.wait_for_message(patient, contains="741741", after=question.message_id)
    return answer.text


async def test_not_safe_names_who_gets_the_alert_and_gives_the_after_hours_line(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(COUNSELOR, "/start")  # Telegram's contact rule: the counselor wrote first
    await bot.emu.settle()
    said = await _not_safe(bot, patient)
    assert f"Our after-hours line: {AFTER_HOURS}" in said
    assert "I'm sending Dana Rivera an urgent alert now." in said
    assert "may not see it right away" in said  # nobody on call in these settings
    await bot.emu.wait_for_message(COUNSELOR, contains="not safe")


def test_not_safe_says_truthfully_when_only_the_team_or_nobody_can_be_reached() -> None:
    team = texts.not_safe_answer("en", ["988"], who="team", oncall=True)
    assert "Your counselor can't be reached through this app right now" in team and "care team now." in team
    nobody = texts.not_safe_answer("es", ["988"], who="nobody", after_hours=AFTER_HOURS)
    assert "No pude comunicarme con nadie" in nobody and "alerta urgente" not in nobody
    assert f"Nuestra línea fuera de horario: {AFTER_HOURS}" in nobody
    named = texts.not_safe_answer("es", ["988"], who="counselor", counselor="Ana Torres", oncall=True)
    assert "Ahora mismo le envío una alerta urgente a Ana Torres." in named and "de inmediato" not in named


def test_the_urgent_check_in_question_carries_the_after_hours_line() -> None:
    for language, label in (("en", "Our after-hours line"), ("es", "Nuestra línea fuera de horario")):
        assert f"{label}: {AFTER_HOURS}" in texts.checkin_safety_question(language, ["988"], AFTER_HOURS)


async def test_not_safe_after_an_overdose_says_call_the_emergency_number_first(
    bot: Harness, patient: int
) -> None:
    """newcomer15 N123: after "i took like 15 of my xanax an hour ago", "I'm not safe" got "go to the nearest
    emergency room" (drive there, sleepy, on benzos) with 988 first."""
    bot.emu.send_text(patient, "i took like 15 of my xanax an hour ago")
    question = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    bot.emu.press_button(patient, question, texts.BTN_NOT_SAFE)
    said = (await bot.emu.wait_for_message(patient, contains="741741", after=question.message_id)).text
    assert "call the emergency number below now" in said and "emergency room" not in said, said
    lines = [line for line in said.splitlines() if line.startswith("•")]
    assert "911" in lines[0], lines


async def test_getting_sleepy_after_an_overdose_gets_the_emergency_number_again(
    bot: Harness, patient: int
) -> None:
    """newcomer15 N123: after "i took like 15 of my xanax an hour ago", "idk feel kinda sleepy" got only "I've
    passed that to Dana Rivera"."""
    bot.emu.send_text(COUNSELOR, "/start")  # Telegram's contact rule: the counselor wrote first
    await bot.emu.settle()
    bot.emu.send_text(patient, "i took like 15 of my xanax an hour ago")
    question = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    first = await bot.emu.wait_for_message(COUNSELOR, contains="overdose")
    bot.emu.send_text(patient, "idk feel kinda sleepy")
    again = await bot.emu.wait_for_message(patient, after=question.message_id, contains="emergency number")
    lines = [line for line in again.text.splitlines() if line.startswith("•")]
    assert "911" in lines[0], again.text
    card = await bot.emu.wait_for_message(COUNSELOR, after=first.message_id, contains="crisis words again")
    assert "getting worse" in card.text, card.text
