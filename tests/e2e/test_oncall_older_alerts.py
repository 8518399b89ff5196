"""An on-call counselor's reminder sums up alerts past their last reminder with a button per patient that
opens them again (newcomer N72: the line said "open them from /caseload", and the on-call person's /caseload
lists only their own patients, so a colleague's patient's open alerts could not be opened from there)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
import time_machine

from bot.config.settings import Settings
from bot.domain.models import Counselor
from bot.jobs.alerts import deliver_due
from tests.conftest import Harness, enroll_patient, say_hello
from tests.e2e.test_unanswered import _past_last_round

RAE = 1002
ROBIN = 2002


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, oncall=(RAE,))


def _carded(bot: Harness) -> int:
    """Open alerts whose card is on the record."""
    return sum(1 for a in bot.services.worker.call(bot.services.repo.open_alerts) if a.deliveries)


async def test_the_on_call_reminder_opens_a_colleagues_patients_older_alerts(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim"))
    bot.emu.add_user(RAE, first_name="Rae")
    await say_hello(bot.emu, RAE)
    await enroll_patient(bot, ROBIN, "Robin")
    bot.emu.send_text(patient, "i want to kill myself tonight")
    # Each card on the record before travelling: an alert nobody has had goes as its card (ops O61).
    await bot.emu.wait_until(lambda: _carded(bot) == 1)
    later = _past_last_round(svc.settings, svc.now())
    with time_machine.travel(later, tick=True):
        await deliver_due(bot.app)
        await bot.emu.wait_for_message(RAE, contains="last reminder")
        bot.emu.send_text(ROBIN, "i want to kill myself tonight")
        await bot.emu.wait_until(lambda: _carded(bot) == 2)
    then = later + timedelta(minutes=svc.settings.escalate_after_minutes + 1)
    with time_machine.travel(then, tick=True):
        await deliver_due(bot.app)
        reminder = await bot.emu.wait_for_message(RAE, contains="older alert past its last reminder")
        assert "/caseload" not in reminder.text, reminder.text
        assert "button" in reminder.text, reminder.text
        before = len(bot.emu.sent_to(RAE))
        bot.emu.press_button(RAE, reminder, "🚨 Alex: older alert")
        card = await bot.emu.wait_for_message(RAE, contains="Alex", after=reminder.message_id)
    assert len(bot.emu.sent_to(RAE)) > before
    assert any((b.callback_data or "").startswith("al:ack:") for row in card.buttons for b in row), (
        card.button_texts()
    )
