"""An on-call counselor who is not the patient's counselor (nor an admin) can act on the alert they got.

Paged access (bot/domain/paged.py): whoever an alert about a patient reached may, while it is open and for
a while after, read what the alert is about and message the patient; never the patient's page, and every
read or message says in the audit log which alert allowed it.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
import time_machine

from bot import texts
from bot.config.settings import Settings
from bot.domain.models import Counselor
from bot.jobs.alerts import deliver_due
from tests.conftest import COUNSELOR, HARD_DAY, Harness, say_hello

CRISIS = "honestly I just want to kill myself tonight"
RAE = 1002  # on call, an ordinary counselor with no patients of her own


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, oncall=(RAE,))


async def _rae_on_call(bot: Harness) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim"))
    bot.emu.add_user(RAE, first_name="Rae")
    await say_hello(bot.emu, RAE)


async def test_an_on_call_counselor_can_read_what_a_not_safe_alert_is_about_and_message_the_patient(
    bot: Harness, patient: int
) -> None:
    await _rae_on_call(bot)
    svc = bot.services
    bot.emu.send_text(patient, CRISIS)
    answer = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    bot.emu.press_button(patient, answer, texts.BTN_NOT_SAFE)
    await bot.emu.wait_for_message(COUNSELOR, contains="said they are not safe right now")
    later = svc.now() + timedelta(minutes=svc.settings.escalate_after_minutes + 1)
    with time_machine.travel(later, tick=True):
        await deliver_due(bot.app)
        reminder = await bot.emu.wait_for_message(RAE, contains="not safe")
        assert "Dana Rivera's patient" in reminder.text
        # The reminder lists both open alerts; the not-safe one opens as its own card.
        opens = [b for row in reminder.buttons for b in row if "said not safe" in b.text]
        bot.emu.press_button(RAE, reminder, callback_data=opens[0].callback_data)
        page = await bot.emu.wait_for_message(RAE, contains="not safe", after=reminder.message_id)
        assert "Dana Rivera" in page.text  # whose patient this is
        assert texts.BTN_MESSAGE_PATIENT in page.button_texts()
        # What the alert is about: the crisis words that came before "not safe", with the time.
        bot.emu.press_button(RAE, page, texts.BTN_SHOW_MESSAGE)
        shown = await bot.emu.wait_for_message(RAE, contains=CRISIS)
        assert "Alex" in shown.text
        bot.emu.press_button(RAE, page, texts.BTN_MESSAGE_PATIENT)
        await bot.emu.wait_for_message(RAE, contains="Type your message for")
        bot.emu.send_text(RAE, "Alex, this is Rae from the program. I'm calling you now.")
        await bot.emu.wait_for_message(RAE, contains="Sent to Alex")
        got = await bot.emu.wait_for_message(patient, contains="I'm calling you now")
        assert "Rae Kim" in got.text and "on call" in got.text  # not "your counselor": she isn't
    log = svc.worker.call(svc.repo.audit_log)
    rae = {e["action"]: e for e in log if e["actor"] == RAE}
    assert rae["alert_message_viewed"]["alert"] and rae["message_sent"]["via_alert"], log
    # Still not the page: paged access is what the alert needs, not the record.
    bot.emu.send_text(RAE, "/caseload")
    await bot.emu.wait_for_message(RAE, contains="no patients yet")
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    pid = found.patient_id
    bot.emu.press_button(RAE, page, callback_data=f"pv:{pid}")
    await bot.emu.settle()
    assert not any("Check-ins" in m.text for m in bot.emu.sent_to(RAE))


async def test_an_urgent_check_in_shows_its_answers_to_whoever_the_alert_reaches(
    bot: Harness, patient: int
) -> None:
    await _rae_on_call(bot)
    svc = bot.services
    bot.emu.send_text(patient, "/checkin")
    q = await bot.emu.wait_for_message(patient, contains="mood")
    for label in HARD_DAY:
        bot.emu.press_button(patient, q, label)
        q = await bot.emu.wait_for_message(patient, after=q.message_id, predicate=lambda m: bool(m.buttons))
    bot.emu.send_text(patient, "long day at work")
    await bot.emu.wait_for_message(COUNSELOR, contains="urgent level")
    later = svc.now() + timedelta(minutes=svc.settings.escalate_after_minutes + 1)
    with time_machine.travel(later, tick=True):
        await deliver_due(bot.app)
        reminder = await bot.emu.wait_for_message(RAE, contains="urgent level")
        bot.emu.press_button(RAE, reminder, reminder.button_texts()[0])  # opens the alert's own card
        page = await bot.emu.wait_for_message(RAE, contains="urgent level", after=reminder.message_id)
        bot.emu.press_button(RAE, page, texts.BTN_SHOW_MESSAGE)
        shown = await bot.emu.wait_for_message(RAE, contains="mood")
        assert "2/10" in shown.text and "8/10" in shown.text and "long day at work" in shown.text


async def test_a_counselor_never_paged_about_a_patient_cannot_message_them(
    bot: Harness, patient: int
) -> None:
    await _rae_on_call(bot)
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    pid = found.patient_id
    hello = bot.emu.sent_to(RAE)[-1]
    bot.emu.press_button(RAE, hello, callback_data=f"pa:msg:{pid}")
    await bot.emu.settle()
    assert not any("Type your message" in m.text for m in bot.emu.sent_to(RAE))
