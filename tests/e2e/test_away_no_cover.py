"""A counselor away with no cover (removed, so it fell back to on-call): a patient's /message reaches whoever
stands in, on call, else an admin, and the patient is told the counselor is away (newcomer20 N212: with nobody on
call, Alex's "anyone there? need to reschedule" went to Dana only, away until Saturday, and he read "Dana Rivera
usually replies within a working day")."""

from __future__ import annotations

import dataclasses

import pytest

from bot.config.settings import Settings
from bot.domain.models import Counselor
from tests.conftest import COUNSELOR, Harness, say_hello
from tests.e2e.test_counselor_away import RAE, _dana_away, _staff

MORGAN = 1004


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, oncall=(RAE,))


async def _message(bot: Harness, patient: int, words: str) -> str:
    bot.emu.send_text(patient, "/message")
    ask = await bot.emu.wait_for_message(patient, contains="Type your message for")
    bot.emu.send_text(patient, words)
    await bot.emu.wait_for_message(patient, contains="Sent to", after=ask.message_id)
    return ask.text


async def test_with_no_cover_a_message_goes_to_on_call_and_the_patient_is_told(
    bot: Harness, patient: int
) -> None:
    await _staff(bot)
    _dana_away(bot, None)
    asked = await _message(bot, patient, "anyone there? need to reschedule")
    assert "Dana Rivera is away until" in asked and "Type your message for Rae Lee" in asked, asked
    got = await bot.emu.wait_for_message(RAE, contains="need to reschedule")
    assert "Dana Rivera" in got.text and got.buttons  # whose patient, and Reply
    bot.emu.press_button(RAE, got, got.button_texts()[0])
    await bot.emu.wait_for_message(RAE, contains="Alex", after=got.message_id)
    bot.emu.send_text(RAE, "hi alex, rae here: dana is away, how about thursday 3pm?")
    await bot.emu.wait_for_message(patient, contains="thursday 3pm")


async def test_with_nobody_on_call_an_admin_gets_it(bot: Harness, patient: int) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=MORGAN, name="Morgan Lee", role="admin"))
    bot.emu.add_user(MORGAN, first_name="Morgan")
    await say_hello(bot.emu, MORGAN)
    _dana_away(bot, None)
    asked = await _message(bot, patient, "anyone there? need to reschedule")
    assert "Dana Rivera is away until" in asked and "Morgan Lee" in asked, asked
    await bot.emu.wait_for_message(MORGAN, contains="need to reschedule")


async def test_with_nobody_to_stand_in_the_patient_is_told_it_waits(bot: Harness, patient: int) -> None:
    _dana_away(bot, None)
    asked = await _message(bot, patient, "anyone there? need to reschedule")
    assert "Dana Rivera is away until" in asked and "nobody is covering" in asked, asked
    await bot.emu.wait_for_message(COUNSELOR, contains="need to reschedule")
