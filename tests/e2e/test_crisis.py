"""The crisis safety net end to end: screen, respond, alert, acknowledge, escalate."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import timedelta

import pytest
import time_machine

from bot import texts
from bot.config.settings import Settings
from bot.domain.escalation import Alert
from bot.domain.models import Counselor
from bot.jobs.alerts import deliver_due
from tests.conftest import COUNSELOR, Harness, say_hello

CRISIS = "honestly I just want to kill myself tonight"
ONCALL = 1002


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The usual settings with an on-call counselor to escalate to."""
    return dataclasses.replace(settings, oncall=(ONCALL,))


def _alerts(bot: Harness) -> list[Alert]:
    return bot.services.worker.call(bot.services.repo.open_alerts)


async def test_crisis_language_gets_resources_and_the_counselor_an_urgent_alert(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, CRISIS)
    answer = await bot.emu.wait_for_message(patient, contains="988")
    assert "Are you safe right now?" in answer.text
    assert answer.button_texts() == [texts.BTN_SAFE, texts.BTN_NOT_SAFE, texts.BTN_MISREAD]
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "Alex" in alert.text and CRISIS not in alert.text  # the words only behind a button
    bot.emu.press_button(COUNSELOR, alert, texts.BTN_SHOW_MESSAGE)
    shown = await bot.emu.wait_for_message(COUNSELOR, contains="Message from")
    assert CRISIS in shown.text
    log = bot.services.worker.call(bot.services.repo.audit_log)
    views = [e for e in log if e["action"].endswith("_viewed")]
    assert [e["action"] for e in views] == ["alert_message_viewed"] and views[0]["actor"] == COUNSELOR
    bot.emu.press_button(COUNSELOR, alert, texts.BTN_ACKNOWLEDGE)
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Acknowledged by")
    assert _alerts(bot) == []
    # After "I'm on it" comes reaching the patient (newcomer5 finding 4: the card lost every button).
    assert card.button_texts() == [texts.BTN_SHOW_MESSAGE, texts.BTN_MESSAGE_PATIENT]
    bot.emu.press_button(COUNSELOR, card, texts.BTN_MESSAGE_PATIENT)
    await bot.emu.wait_for_message(COUNSELOR, contains="Type your message for")


async def test_crisis_in_the_middle_of_a_check_in_comes_first_and_the_check_in_resumes(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/checkin")
    mood = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, "i dont want to be alive anymore")
    crisis = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.settle()
    assert not any("number from 0 to 10" in m.text for m in bot.emu.sent_to(patient))
    after = [m.text for m in bot.emu.sent_to(patient) if m.message_id > crisis.message_id]
    assert after == []  # not the moment to push the check-in
    bot.emu.press_button(patient, mood, "6")
    await bot.emu.wait_for_message(patient, contains="craving")


async def test_an_edited_message_and_a_photo_caption_are_screened(bot: Harness, patient: int) -> None:
    first = bot.emu.send_text(patient, "fine today")
    await bot.emu.settle()
    bot.emu.edit_text(patient, first, "actually I have pills saved up to overdose")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    bot.emu.send_photo(patient, caption="goodbye everyone, i wont be around tomorrow")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.wait_until(lambda: len(_alerts(bot)) == 2)


async def test_benign_idioms_are_left_alone(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "this traffic is killing me, dead tired")
    await bot.emu.settle()
    assert not any("988" in m.text for m in bot.emu.sent_to(patient))
    assert _alerts(bot) == []


async def test_not_safe_escalates_at_once_and_misread_keeps_the_alert_open(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, CRISIS)
    answer = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    bot.emu.press_button(patient, answer, texts.BTN_MISREAD)
    await bot.emu.wait_for_message(patient, contains="still")
    assert len(_alerts(bot)) == 1
    bot.emu.press_button(patient, answer, texts.BTN_NOT_SAFE)
    await bot.emu.wait_for_message(patient, contains="911")
    await bot.emu.wait_for_message(COUNSELOR, contains="said they are not safe right now")


async def test_an_unacknowledged_alert_escalates_to_on_call_once(bot: Harness, patient: int) -> None:
    oncall = ONCALL
    bot.emu.add_user(oncall, first_name="Sam")
    bot.services.worker.call(
        bot.services.repo.add_counselor, Counselor(telegram_id=oncall, name="Sam Oncall")
    )
    await say_hello(bot.emu, oncall)  # an on-call counselor opens the bot before their first shift
    settings = bot.services.settings
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    later = bot.services.now() + timedelta(minutes=settings.escalate_after_minutes + 1)
    with time_machine.travel(later, tick=True):
        await deliver_due(bot.app)
        await deliver_due(bot.app)  # a second sweep (or a restart) sends nothing more
    escalated = await bot.emu.wait_for_message(oncall, contains="Still not acknowledged")
    assert "Alex" in escalated.text
    await bot.emu.settle()
    assert len([m for m in bot.emu.sent_to(oncall) if "Urgent" in m.text or "Still" in m.text]) == 1
    assert len([m for m in bot.emu.sent_to(COUNSELOR) if "Urgent" in m.text or "Still" in m.text]) == 2


async def test_a_stranger_in_crisis_gets_resources_and_nothing_is_stored(bot: Harness) -> None:
    bot.emu.send_text(4242, CRISIS)
    await bot.emu.wait_for_message(4242, contains="988")
    assert _alerts(bot) == []


async def test_a_flood_is_throttled_but_a_crisis_inside_it_is_still_answered(
    bot: Harness, patient: int
) -> None:
    for n in range(25):
        bot.emu.send_text(patient, f"spam {n}")
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.settle()
    slow = [m for m in bot.emu.sent_to(patient) if m.text == texts.SLOW_DOWN]
    assert len(slow) == 1


async def test_the_last_reminder_says_so_reaches_the_admins_and_doctor_fails_until_acknowledged(
    bot: Harness, patient: int, caplog: pytest.LogCaptureFixture
) -> None:
    """After the last round the bot sends nothing more: that must never look like the alert was handled."""
    admin = 1003
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=admin, name="Morgan Lee", role="admin"))
    bot.emu.add_user(admin, first_name="Morgan")
    await say_hello(bot.emu, admin)
    bot.emu.add_user(ONCALL, first_name="Sam")
    await say_hello(bot.emu, ONCALL)  # on-call reachable: the admin is told for the last round alone
    settings = svc.settings
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert (await asyncio.to_thread(alerts_check_lines, settings))[0].startswith("ok")
    rounds = settings.escalate_max_rounds
    last = svc.now() + timedelta(
        minutes=settings.escalate_after_minutes + settings.escalate_repeat_minutes * (rounds - 1) + 1
    )
    with time_machine.travel(last, tick=True):
        await deliver_due(bot.app)
        told = await bot.emu.wait_for_message(admin, contains="last reminder")
        assert "Alex" in told.text and "will not send this alert again" in told.text
        await bot.emu.wait_for_message(COUNSELOR, contains="last reminder")
        assert any("last reminder sent" in r.getMessage() and r.levelname == "ERROR" for r in caplog.records)
        lines = await asyncio.to_thread(alerts_check_lines, settings)
        assert lines[0].startswith("FAIL") and "Alex (crisis" in lines[0], lines


def alerts_check_lines(settings: Settings) -> list[str]:
    from bot.admin.doctor_alerts import alerts_check

    return [f.line() for f in alerts_check(settings)]


async def test_a_new_crisis_reaches_at_once_whoever_had_the_last_alert_in_hand(
    bot: Harness, patient: int
) -> None:
    """Newcomer finding 10-20: the on-call counselor acknowledged the escalated alert ("I'm on it"); thirty
    seconds later "i swallowed all the pills in the cabinet" raised a new alert for the patient's counselor
    alone, and the person handling them heard of it fifteen minutes later."""
    bot.services.worker.call(bot.services.repo.add_counselor, Counselor(ONCALL, "Sam Ortiz"))
    bot.emu.add_user(ONCALL, first_name="Sam")
    await say_hello(bot.emu, ONCALL)
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    later = bot.services.now() + timedelta(minutes=bot.services.settings.escalate_after_minutes + 1)
    with time_machine.travel(later, tick=True):
        await deliver_due(bot.app)
        escalated = await bot.emu.wait_for_message(ONCALL, contains="Still not acknowledged")
        bot.emu.press_button(ONCALL, escalated, texts.BTN_ACKNOWLEDGE)
        await bot.emu.wait_until(lambda: _alerts(bot) == [], 10.0)
        bot.emu.send_text(patient, "i swallowed all the pills in the cabinet, getting sleepy")
        card = await bot.emu.wait_for_message(ONCALL, after=escalated.message_id, contains="Urgent")
        assert "overdose" in card.text

        def reached() -> bool:  # the delivery is recorded once Telegram took the card
            return any(ONCALL in {d.to for d in a.deliveries} for a in _alerts(bot))

        await bot.emu.wait_until(reached, 10.0)


async def test_a_photo_after_a_crisis_tells_everyone_the_alert_reached(bot: Harness, patient: int) -> None:
    """Newcomer finding 10-19: a photo from a patient with an overdose alert open reached nobody."""
    bot.emu.send_text(patient, CRISIS)
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    question = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    bot.emu.send_photo(patient)
    told = await bot.emu.wait_for_message(COUNSELOR, after=card.message_id, contains="sent a photo")
    assert "Alex" in told.text
    answer = await bot.emu.wait_for_message(
        patient, after=question.message_id, contains="that you sent something"
    )
    assert "Dana Rivera" in answer.text
