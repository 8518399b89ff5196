"""The patient told "I've let your counselor know" hears who truly has the alert once that counselor turns out
to have blocked the bot and the alert went to on-call (newcomer N11)."""

from __future__ import annotations

import dataclasses

import pytest

from bot.config.settings import Settings
from bot.domain.models import Counselor
from tests.conftest import COUNSELOR, Harness, say_hello

ONCALL = 1002


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, oncall=(ONCALL,))


async def test_a_patient_whose_counselor_blocked_the_bot_is_told_the_care_team_has_it(
    bot: Harness, patient: int
) -> None:
    bot.emu.add_user(ONCALL, first_name="Sam")
    # on call is a registered counselor's job: the bot writes to nobody else (newcomer12 N67)
    bot.services.worker.call(
        bot.services.repo.add_counselor, Counselor(telegram_id=ONCALL, name="Sam Oncall")
    )
    await say_hello(bot.emu, ONCALL)
    bot.emu.block_user(COUNSELOR)
    bot.emu.send_text(patient, "i have the gun in my lap right now and i want to kill myself")
    answer = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    assert "counselor" in answer.text
    await bot.emu.wait_for_message(ONCALL, contains="Urgent")
    update = await bot.emu.wait_for_message(patient, contains="An update", after=answer.message_id)
    assert "can't be reached" in update.text and "others on your care team" in update.text
