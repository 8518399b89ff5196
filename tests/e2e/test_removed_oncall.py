"""A counselor removed with `iop-bot counselor remove` while the bot runs gets no more alerts (newcomer
finding 9-6): the running bot kept escalating to the removed on-call counselor (aliases, kinds) while nobody
else was told. With nobody left on call the admins take the escalation, and are told so at once, loudly."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from datetime import timedelta

import pytest
import time_machine

from bot.admin.control import call_running_bot, key_name
from bot.config.settings import Settings
from bot.domain.models import Counselor
from bot.jobs.alerts import deliver_due
from tests.conftest import COUNSELOR, Harness, say_hello

RAE = 1002  # on call, an ordinary counselor
MORGAN = 1003  # the program's admin
CRISIS = "honestly I just want to kill myself tonight"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, oncall=(RAE,))


async def _staff(bot: Harness) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim"))
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=MORGAN, name="Morgan Lee", role="admin"))
    for who, name in ((RAE, "Rae"), (MORGAN, "Morgan")):
        bot.emu.add_user(who, first_name=name)
        await say_hello(bot.emu, who)


async def _cli(bot: Harness, op: str, **args: object) -> object:
    """The operation as `iop-bot` sends it to the running bot (its control socket)."""
    s = bot.services.settings
    return await asyncio.to_thread(call_running_bot, s.data_dir, op, args, key=key_name(s.data_keys))


async def test_a_removed_on_call_counselor_gets_no_more_alerts_and_the_admins_take_over(
    bot: Harness, patient: int, caplog: pytest.LogCaptureFixture
) -> None:
    await _staff(bot)
    svc = bot.services
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    before = len(bot.emu.sent_to(RAE))
    with caplog.at_level(logging.ERROR):
        await _cli(bot, "counselor_remove", telegram_id=str(RAE))
        notice = await bot.emu.wait_for_message(MORGAN, contains="on call")
    assert "Rae Kim" in notice.text and "Alex" not in notice.text  # no patient data in a notice
    assert any("on call" in r.getMessage() and r.levelno == logging.ERROR for r in caplog.records)
    later = svc.now() + timedelta(minutes=svc.settings.escalate_after_minutes + 1)
    with time_machine.travel(later, tick=True):
        await deliver_due(bot.app)
        await bot.emu.wait_for_message(MORGAN, contains="Still not acknowledged")
    assert len(bot.emu.sent_to(RAE)) == before, [m.text for m in bot.emu.sent_to(RAE)[before:]]


class TestAnotherStillOnCall:
    @pytest.fixture
    def settings(self, settings: Settings) -> Settings:
        return dataclasses.replace(settings, oncall=(RAE, MORGAN))

    async def test_the_escalation_goes_to_who_is_still_on_call(self, bot: Harness, patient: int) -> None:
        await _staff(bot)
        svc = bot.services
        bot.emu.send_text(patient, CRISIS)
        await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
        before = len(bot.emu.sent_to(RAE))
        await _cli(bot, "counselor_remove", telegram_id=str(RAE))
        later = svc.now() + timedelta(minutes=svc.settings.escalate_after_minutes + 1)
        with time_machine.travel(later, tick=True):
            await deliver_due(bot.app)
            await bot.emu.wait_for_message(MORGAN, contains="Still not acknowledged")
        assert len(bot.emu.sent_to(RAE)) == before


async def test_a_removed_counselor_is_not_told_of_words_after_an_alert_they_had(
    bot: Harness, patient: int
) -> None:
    # newcomer5 finding 26: a removed on-call counselor still got "Alex wrote again … after this alert".
    await _staff(bot)
    svc = bot.services
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    later = svc.now() + timedelta(minutes=svc.settings.escalate_after_minutes + 1)
    with time_machine.travel(later, tick=True):
        await deliver_due(bot.app)
        await bot.emu.wait_for_message(RAE, contains="Still not acknowledged")
    await _cli(bot, "counselor_remove", telegram_id=str(RAE))
    before = len(bot.emu.sent_to(RAE))
    bot.emu.send_text(patient, "hi, its me again")
    told = await bot.emu.wait_for_message(patient, contains="passed that to")  # after every person was tried
    assert "Rae" not in told.text
    assert len(bot.emu.sent_to(RAE)) == before, [m.text for m in bot.emu.sent_to(RAE)[before:]]
