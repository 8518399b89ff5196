"""Words after a crisis reach everyone the alert reached, even as a reply to one counselor (finding 10-13).

The patient's counselor had written to them, then blocked the bot; the crisis alert was rerouted to on-call.
What the patient typed next counted as a reply to that counselor and went only to them, who could not get
it, while the on-call counselor holding the alert heard nothing.
"""

from __future__ import annotations

import dataclasses

import pytest

from bot.config.settings import Settings
from bot.domain.models import Counselor
from tests.conftest import COUNSELOR, Harness, say_hello
from tests.e2e.test_messages import _counselor_writes

ONCALL = 1002


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, oncall=(ONCALL,))


async def test_a_reply_to_a_counselor_who_blocked_the_bot_reaches_the_on_call_holding_the_alert(
    bot: Harness, patient: int
) -> None:
    bot.emu.add_user(ONCALL, first_name="Rae")
    # on call is a registered counselor's job: the bot writes to nobody else (newcomer12 N67)
    bot.services.worker.call(
        bot.services.repo.add_counselor, Counselor(telegram_id=ONCALL, name="Rae Oncall")
    )
    await say_hello(bot.emu, ONCALL)
    bot.emu.send_text(patient, "/help")  # both have written to the bot first, as Telegram requires
    await bot.emu.wait_for_message(patient, contains="what I can do")
    await _counselor_writes(bot, "Can you call me back?")
    await bot.emu.wait_for_message(patient, contains="Can you call me back?")
    bot.emu.block_user(COUNSELOR)
    bot.emu.send_text(patient, "honestly I just want to kill myself tonight")
    card = await bot.emu.wait_for_message(ONCALL, contains="Urgent")
    bot.emu.send_text(patient, "sorry my phone died, im still here")
    await bot.emu.wait_for_message(ONCALL, after=card.message_id, contains="wrote again")
    passed = await bot.emu.wait_for_message(patient, contains="passed that")
    assert "Rae" in passed.text or "on-call" in passed.text, passed.text
