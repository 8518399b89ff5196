"""After minutes cut off from Telegram the admins hear of it (ops O74): a 12-minute outage left only journal
tracebacks, no word to the admins that crisis answers and alert cards of that window went late, no audit row,
nothing in `iop-bot doctor`; and a card for words that waited 3.5 minutes did not say they waited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from bot.admin.doctor_conflicts import conflicts_check
from bot.config.settings import Settings
from bot.domain.escalation import new_alert
from bot.domain.models import Counselor
from bot.handlers import safety_retry
from bot.jobs.alerts import deliver_due
from bot.jobs.outage import report_outage
from bot.telegram import priority
from bot.telegram.health import _probe_api
from bot.telegram.services import Context
from tests.conftest import COUNSELOR, Harness, say_hello
from tests.e2e.test_priority_after_outage import LONG, SERVER_ERROR
from tests.e2e.test_unanswered import NOT_YET, _past_last_round

ADMIN = 1003
CRISIS = "i took like 30 of my pills an hour ago"


async def test_an_outage_of_minutes_is_told_to_the_admins_recorded_and_shown_by_doctor(
    bot: Harness, patient: int, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc = bot.services
    monkeypatch.setattr(safety_retry, "WAITS", LONG)
    await say_hello(bot.emu, COUNSELOR)
    svc.api.last_ok = svc.now() - timedelta(minutes=4)  # Telegram's last answer before it went
    bot.emu.faults.outage = True
    await _probe_api(Context(bot.app))  # the minute's probe fails: a window begins at that last answer
    bot.emu.faults.outage = False
    assert not await report_outage(bot.app)  # still going on: nothing to tell yet
    # Words written in the window, and their crisis answer refused until the probe answers again.
    bot.emu.faults.fail_next("sendMessage", SERVER_ERROR, times=4)
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="may not have the crisis lines")
    await bot.emu.wait_until(lambda: priority.waiting(bot.app, patient))
    await _probe_api(Context(bot.app))  # Telegram answers again: the crisis answer goes
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    # The admin joins only now: no notice of theirs takes one of the refusals meant for the crisis answer.
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
    bot.emu.add_user(ADMIN, first_name="Morgan")
    await say_hello(bot.emu, ADMIN)
    assert await report_outage(bot.app)
    notice = await bot.emu.wait_for_message(ADMIN, contains="could not reach Telegram")
    assert "Bot health" in notice.text and "1 alert card" in notice.text and "1 crisis answer" in notice.text
    assert not await report_outage(bot.app)  # told once
    (row,) = [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "bot_api_outage"]
    assert row["alerts"] == 1 and row["late_replies"] == 1
    (note,) = [f for f in conflicts_check(settings) if f.area == "bot api outage"]
    assert note.note and "could not reach the Bot API" in note.message, note


async def test_a_blip_under_three_minutes_is_not_told(bot: Harness) -> None:
    svc = bot.services
    svc.api.last_ok = svc.now() - timedelta(minutes=1)
    bot.emu.faults.outage = True
    await _probe_api(Context(bot.app))
    bot.emu.faults.outage = False
    await _probe_api(Context(bot.app))
    assert svc.api.outage_over is not None
    assert not await report_outage(bot.app)
    assert not [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == "bot_api_outage"]


async def test_a_card_for_words_that_waited_minutes_says_how_long(bot: Harness, patient: int) -> None:
    """Pat4's overdose words, written during a 4-minute outage, were carded 3.5 minutes later as if just now."""
    await say_hello(bot.emu, COUNSELOR)
    later = datetime.now(UTC) + timedelta(minutes=3, seconds=30)
    bot.services.clock = lambda: later  # the bot reads them 3.5 minutes after Telegram took them
    bot.emu.send_text(patient, CRISIS)
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "They wrote it" in card.text and "3 min" in card.text, card.text


async def test_the_patient_hears_nobody_answered_only_after_their_crisis_answer(
    bot: Harness, patient: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ops O84: after an outage the patient read "your care team hasn't answered" before the crisis answer that
    says "I've let your counselor know" and asks "Are you safe right now?"."""
    svc = bot.services
    monkeypatch.setattr(safety_retry, "WAITS", LONG)
    await say_hello(bot.emu, COUNSELOR)
    bot.emu.faults.fail_next("sendMessage", SERVER_ERROR, times=4)  # every quick try of the crisis answer
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="may not have the crisis lines")
    await bot.emu.wait_until(lambda: priority.waiting(bot.app, patient))
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)  # every round out; the answer still waits
        await bot.emu.wait_for_message(COUNSELOR, contains="last reminder")
        await deliver_due(bot.app)
        if priority.waiting(bot.app, patient):  # not released meanwhile by another Bot API success (ops O73)
            assert not [m for m in bot.emu.sent_to(patient) if NOT_YET in m.text]
        await _probe_api(Context(bot.app))  # Telegram answers: the crisis answer goes
        await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
        await deliver_due(bot.app)
        await bot.emu.wait_for_message(patient, contains=NOT_YET)
    said = [m.text for m in bot.emu.sent_to(patient)]
    answer = next(i for i, t in enumerate(said) if "Are you safe right now?" in t)
    assert answer < next(i for i, t in enumerate(said) if NOT_YET in t), said


async def test_an_alert_nobody_could_get_comes_as_its_first_card_not_a_missed_last_reminder(
    bot: Harness, patient: int
) -> None:
    """Ops O83: after an 8-minute outage the counselor's first word of an alert was "Still not acknowledged after
    8 min … this is the last reminder", which reads as 8 minutes ignored."""
    svc = bot.services
    await say_hello(bot.emu, COUNSELOR)
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    rounds = svc.settings.escalate_after_minutes + svc.settings.escalate_repeat_minutes * 3
    raised = svc.now() - timedelta(minutes=rounds)  # raised in the outage; every card failed since
    svc.worker.call(svc.repo.add_alert, new_alert("crisis", found.patient_id, COUNSELOR, raised))
    await deliver_due(bot.app)
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Alex")
    assert card.text.startswith("🚨 Urgent") and "Still not acknowledged" not in card.text, card.text
    assert "first card, not a reminder you missed" in card.text and "will not send it again" in card.text
