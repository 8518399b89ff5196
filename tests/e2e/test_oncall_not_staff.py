"""[alerts] oncall naming someone who is no counselor, a patient's id copied by mistake (newcomer12 N67): the bot
sent that patient other patients' names and crisis kinds, and the on-call round reached no counselor. Now nothing
is sent to them, their round goes to the admins, and start-up says so in the log and to the admins."""

from __future__ import annotations

import dataclasses
import logging
from datetime import timedelta

import pytest
import time_machine

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.escalation import new_alert
from bot.domain.models import Counselor
from bot.jobs.alerts import deliver_due, raise_new
from tests.conftest import COUNSELOR, bot_running, enroll_patient, say_hello

ADMIN = 1003
ALEX, RILEY = 2001, 2002  # Alex's id is the one in [alerts] oncall
CRISIS = "honestly I just want to kill myself tonight"


async def test_an_on_call_id_that_is_a_patient_gets_nothing_and_the_admins_take_the_round(
    settings: Settings, emulator: BotApiEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    settings = dataclasses.replace(settings, oncall=(ALEX,))
    emulator.add_user(ADMIN, first_name="Morgan")
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
        await say_hello(emulator, ADMIN)
        await enroll_patient(bot, ALEX, "Alex", first_name="Alex")
        await enroll_patient(bot, RILEY, "Riley", first_name="Riley")
    caplog.clear()
    async with bot_running(settings, emulator) as bot:
        notice = await emulator.wait_for_message(ADMIN, contains="on-call list")
        assert "2001 (the patient Alex)" in notice.text
        assert any(r.levelname == "ERROR" and "2001" in r.getMessage() for r in caplog.records)
        emulator.send_text(RILEY, CRISIS)
        await emulator.wait_for_message(COUNSELOR, contains="Urgent")
        later = bot.services.now() + timedelta(minutes=bot.services.settings.escalate_after_minutes + 1)
        with time_machine.travel(later, tick=True):
            await deliver_due(bot.app)
        # The round that was the on-call's reaches an admin: the positive barrier before counting Alex's chat.
        await emulator.wait_for_message(ADMIN, contains="Riley")
        await emulator.settle()
    assert not [
        m for m in emulator.sent_to(ALEX) if "Riley" in m.text or "Urgent" in m.text or "Still" in m.text
    ]


async def test_no_card_is_sent_to_someone_who_is_no_counselor_even_when_an_alert_names_them(
    settings: Settings, emulator: BotApiEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    """The alert's people were stored while the wrong id was on call: fixing the settings must not leave the
    patient on them (N67 continued)."""
    from bot.jobs.reach import Unreachable, send_to_counselor

    async with bot_running(settings, emulator) as bot:
        await enroll_patient(bot, ALEX, "Alex", first_name="Alex")
        with caplog.at_level(logging.ERROR), pytest.raises(Unreachable):
            await send_to_counselor(bot.app.bot, bot.services, ALEX, "🚨 Urgent: someone else's alert")
    assert not [m for m in emulator.sent_to(ALEX) if "Urgent" in m.text]


async def test_an_alert_whose_people_name_someone_who_is_no_counselor_drops_them_quietly(
    settings: Settings, emulator: BotApiEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    """Ops O45 addendum: a patient who was on call for a few minutes stayed among an alert's people ("whoever
    had the earlier alert"): an ERROR, an alert_unreachable row and a WARNING every sweep for as long as the
    alert lived. Only registered counselors are an alert's people; the others are left out, without a word."""
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        riley = await enroll_patient(bot, RILEY, "Riley", first_name="Riley")
        await enroll_patient(bot, ALEX, "Alex", first_name="Alex")
        alert = new_alert("crisis", riley, COUNSELOR, svc.now(), CRISIS, also=(ALEX,))
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            await raise_new(bot.app, alert, "Riley")
            await emulator.wait_for_message(COUNSELOR, contains="Urgent")
            await deliver_due(bot.app)
        stored = svc.worker.call(svc.repo.open_alerts)
    assert [a.unreachable for a in stored] == [()]
    assert not [r for r in caplog.records if str(ALEX) in r.getMessage()]
    assert not [m for m in emulator.sent_to(ALEX) if "Urgent" in m.text]
