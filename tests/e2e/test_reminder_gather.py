"""One reminder per person, not two 30 s apart, and a listing in a reminder is not a fresh send on the record
(newcomer12 N61: on-call got "Still not acknowledged" at 11:03:31 and again at 11:04:01, and the audit log
showed round 0 of a listed alert sent three times)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Counselor
from bot.jobs import alerts
from tests.conftest import COUNSELOR, KEY, TOKEN, Harness, enroll_patient, say_hello
from tests.e2e.test_audit_trail import CRISIS

REMINDER = "Still not acknowledged"
ONCALL = 1005


@pytest.fixture
def settings(tmp_path: Any, emulator: BotApiEmulator) -> Settings:
    return Settings(
        bot_token=TOKEN,
        bot_api_url=emulator.base_url,
        data_dir=tmp_path / "data",
        data_keys=(KEY,),
        oncall=(ONCALL,),
    )


def _rows(bot: Harness, action: str) -> list[dict[str, Any]]:
    return [r for r in bot.services.worker.call(bot.services.repo.audit_log) if r["action"] == action]


async def test_rounds_due_within_a_minute_go_in_the_same_reminder(bot: Harness, patient: int) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ONCALL, name="Jordan"))
    bot.emu.add_user(ONCALL, first_name="Jordan")
    await say_hello(bot.emu, ONCALL)
    await enroll_patient(bot, 2002, "Blair")
    base = svc.now()
    bot.emu.send_text(patient, CRISIS)
    first = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    svc.clock = lambda: base + timedelta(seconds=30)
    bot.emu.send_text(2002, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Blair", after=first.message_id)
    escalate = timedelta(minutes=svc.settings.escalate_after_minutes)
    svc.clock = lambda: base + escalate + timedelta(seconds=5)  # Alex's first reminder due; Blair's in 25 s
    await alerts.deliver_due(bot.app)
    # On call, Jordan had neither alert before: both come in one reminder, Blair's 25 s early.
    reminder = await bot.emu.wait_for_message(ONCALL, contains=REMINDER)
    assert "Alex" in reminder.text and "Blair" in reminder.text
    svc.clock = lambda: base + escalate + timedelta(seconds=40)  # Blair's round is due now: had it already
    await alerts.deliver_due(bot.app)
    await bot.emu.settle()
    for person in (COUNSELOR, ONCALL):
        assert len([m for m in bot.emu.sent_to(person) if REMINDER in m.text]) == 1, person


async def test_an_alert_listed_in_a_reminder_is_not_on_the_record_as_sent_again(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    await enroll_patient(bot, 2002, "Blair")
    base = svc.now()
    bot.emu.send_text(patient, CRISIS)
    first = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    escalate = timedelta(minutes=svc.settings.escalate_after_minutes)
    svc.clock = lambda: (
        base + escalate - timedelta(seconds=5)
    )  # Blair's alert comes just before Alex's reminder
    bot.emu.send_text(2002, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Blair", after=first.message_id)
    svc.clock = lambda: base + escalate + timedelta(seconds=5)
    await alerts.deliver_due(bot.app)
    reminder = await bot.emu.wait_for_message(COUNSELOR, contains=REMINDER)
    assert "Blair" in reminder.text  # listed so that its reminders fall due with Alex's
    # ... but not as one more "still not acknowledged, 0 min open" (newcomer12 N61): it just came on its own card.
    blair = next(line for line in reminder.text.splitlines() if "Blair" in line)
    assert "0 min open" not in blair and "new: came to you on its own" in blair, blair
    await bot.emu.settle()
    sent = _rows(bot, "alert_sent")
    assert len(sent) == 2 and len({r["alert"] for r in sent}) == 2  # round 0 of each, once
