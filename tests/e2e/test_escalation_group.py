"""Escalation reminders come as one message per person and round, listing every open alert (newcomer
finding 16): each alert keeps its own buttons, none is dropped, and a round caught up late is not followed by
the next one a minute later."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
import time_machine

from bot import texts
from bot.config.settings import Settings
from bot.domain.models import Counselor
from bot.jobs.alerts import deliver_due
from tests.conftest import COUNSELOR, Harness, say_hello

RAE = 1002
# Three kinds: the same kind again while its alert is open joins it (newcomer9 N40), not an alert of its own.
WORDS = ("i want to kill myself tonight", "i took all my pills", "he hits me every night")


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, oncall=(RAE,))


def _reminders(bot: Harness, to: int) -> list[str]:
    return [m.text for m in bot.emu.sent_to(to) if "Still not acknowledged" in m.text]


async def test_three_open_alerts_escalate_as_one_message_each_still_acknowledgeable(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim"))
    bot.emu.add_user(RAE, first_name="Rae")
    await say_hello(bot.emu, RAE)
    for words in WORDS:
        bot.emu.send_text(patient, words)
        await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.wait_until(lambda: len(svc.worker.call(svc.repo.open_alerts)) == 3)
    # Each card went and is on the record: an alert nobody has had yet goes as its own card (ops O61).
    await bot.emu.wait_until(lambda: all(a.deliveries for a in svc.worker.call(svc.repo.open_alerts)))
    start = svc.now()
    after = timedelta(minutes=svc.settings.escalate_after_minutes)
    with time_machine.travel(start + after + timedelta(minutes=14), tick=True):  # round 1 overdue, caught up
        await deliver_due(bot.app)
        group = await bot.emu.wait_for_message(RAE, contains="Still not acknowledged")
        await bot.emu.wait_for_message(COUNSELOR, contains="Still not acknowledged")
        assert group.text.count("Alex") == 3, group.text
        acks = [b for row in group.buttons for b in row if b.text == texts.BTN_ACKNOWLEDGE]
        assert len(acks) == 3
    with time_machine.travel(start + after + timedelta(minutes=16), tick=True):  # round 2 due a minute later
        await deliver_due(bot.app)
        await deliver_due(bot.app)
        bot.emu.press_button(RAE, group, callback_data=acks[0].callback_data)  # the barrier: one is closed
        await bot.emu.wait_until(lambda: len(svc.worker.call(svc.repo.open_alerts)) == 2)
        await bot.emu.settle()
    assert len(_reminders(bot, RAE)) == 1 and len(_reminders(bot, COUNSELOR)) == 1
    with time_machine.travel(start + after + timedelta(minutes=30), tick=True):  # a whole interval later
        await deliver_due(bot.app)
        await bot.emu.wait_until(lambda: len(_reminders(bot, RAE)) == 2)
        await bot.emu.settle()
    latest = _reminders(bot, RAE)[-1]
    assert latest.count("• Alex") == 2, latest  # the acknowledged one is gone, the two open ones are there
