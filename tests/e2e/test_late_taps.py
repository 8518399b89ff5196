"""A button tap answered too late (a tap replayed after a restart, or one queued behind a slow store) still
does what it says: Telegram refuses the late answer, and only the toast is lost."""

from __future__ import annotations

import pytest

from bot import texts
from bot.devtools.emulator import BotApiEmulator
from tests.conftest import COUNSELOR, Harness


@pytest.fixture
def late(bot: Harness) -> BotApiEmulator:
    """Every tap is already too old to answer when the bot gets to it."""
    bot.emu.world.callback_ttl = -1.0
    return bot.emu


def _apologies(emu: BotApiEmulator, user: int) -> list[str]:
    return [m.text for m in emu.sent_to(user) if texts.SOMETHING_WENT_WRONG in m.text]


async def test_a_late_not_safe_tap_still_reaches_the_counselor(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "I want to kill myself tonight")
    answer = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.world.callback_ttl = -1.0
    bot.emu.press_button(patient, answer, texts.BTN_NOT_SAFE)
    await bot.emu.wait_for_message(COUNSELOR, contains="said they are not safe right now")
    await bot.emu.wait_for_message(patient, contains="911")
    assert _apologies(bot.emu, patient) == []


async def test_a_late_tell_my_counselor_tap_still_tells_them(late: BotApiEmulator, patient: int) -> None:
    late.send_text(patient, "/sos")
    sos = await late.wait_for_message(patient, contains=texts.BTN_TELL_COUNSELOR)
    late.press_button(patient, sos, texts.BTN_TELL_COUNSELOR)
    alert = await late.wait_for_message(COUNSELOR, contains="Urgent")
    assert "SOS" in alert.text
    await late.wait_for_message(patient, contains="I've let your counselor know")
    assert _apologies(late, patient) == []


async def test_a_late_pop_up_warning_comes_as_a_message(late: BotApiEmulator, patient: int) -> None:
    late.send_text(patient, "/checkin")
    question = await late.wait_for_message(patient, contains="mood")
    data = str(question.buttons[0][0].callback_data).split(":")
    late.press_button(patient, question, callback_data=":".join([data[0], "nosuchdraft", *data[2:]]))
    await late.wait_for_message(patient, contains=texts.CHECKIN_STALE)
    assert _apologies(late, patient) == []
