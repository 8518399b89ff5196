"""An urgent alert that runs out of reminders unacknowledged: the patient hears it (newcomer6 finding 32).

Dev said "I'm not safe", read "I've told your counselor this is urgent", and nobody acknowledged: the reminders
stopped at the last round and, from where he sat, that promise was the last thing anyone said, for days.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest
import time_machine

from bot import texts
from bot.config.settings import Settings
from bot.domain.escalation import Alert
from bot.domain.models import Counselor
from bot.jobs.alerts import deliver_due, policy
from bot.jobs.unanswered import tell_unanswered
from tests.conftest import COUNSELOR, Harness, enroll_patient, say_hello

ADMIN = 1003
MARCO = 2002
NOT_YET = "hasn't answered my urgent message"


@pytest.fixture
async def admin(bot: Harness) -> int:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
    bot.emu.add_user(ADMIN, first_name="Morgan")
    await say_hello(bot.emu, ADMIN)
    return ADMIN


def _alerts(bot: Harness) -> list[Alert]:
    return bot.services.worker.call(bot.services.repo.open_alerts)


def _past_last_round(settings: Settings, start: datetime) -> datetime:
    rounds = settings.escalate_max_rounds
    minutes = settings.escalate_after_minutes + settings.escalate_repeat_minutes * (rounds - 1) + 1
    return start + timedelta(minutes=minutes)


async def _not_safe(
    bot: Harness,
    patient: int,
    answer: str = texts.BTN_NOT_SAFE,
    words: str = "i just want to kill myself tonight",
) -> None:
    bot.emu.send_text(patient, words)
    question = await bot.emu.wait_for_message(patient, contains="?")
    bot.emu.press_button(patient, question, answer)
    await bot.emu.wait_until(lambda: any(a.kind == "not_safe" for a in _alerts(bot)))


def _doctor(settings: Settings) -> str:
    from bot.admin.doctor_alerts import alerts_check

    return next(iter(alerts_check(settings))).line()


async def test_past_the_last_reminder_the_patient_is_told_nobody_answered_yet_once(
    bot: Harness, patient: int, admin: int
) -> None:
    svc = bot.services
    await _not_safe(bot, patient)
    before = len(bot.emu.sent_to(patient))
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)
        card = await bot.emu.wait_for_message(admin, contains="last reminder")
        told = await bot.emu.wait_for_message(patient, contains=NOT_YET)
        await deliver_due(bot.app)  # a second sweep (or a restart) says it no more
        await bot.emu.settle()
        line = await asyncio.to_thread(_doctor, svc.settings)
    assert "988" in told.text and "emergency room" in told.text
    assert "is being told now that their care team has not answered yet" in card.text, card.text
    assert len([m for m in bot.emu.sent_to(patient)[before:] if NOT_YET in m.text]) == 1
    assert line.startswith("FAIL") and "patient told" in line, line
    assert all(a.patient_told_at is not None for a in _alerts(bot) if a.kind == "not_safe")
    # Someone acknowledges at last: the patient hears that a person has seen it (the loop is closed).
    mine = next(m for m in reversed(bot.emu.sent_to(COUNSELOR)) if "last reminder" in m.text)
    bot.emu.press_button(COUNSELOR, mine, texts.BTN_ACKNOWLEDGE)
    await bot.emu.wait_for_message(patient, contains="has now seen my message")


async def test_a_spanish_patient_is_told_in_spanish(bot: Harness, patient: int, admin: int) -> None:
    svc = bot.services

    def spanish() -> None:
        found = next(p for p in svc.repo.patients() if p.telegram_id == patient)
        svc.repo.save_patient(found.with_changes(language="es"))

    svc.worker.call(spanish)
    await _not_safe(bot, patient, "No estoy a salvo", "ya no quiero vivir, me quiero matar esta noche")
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)
        told = await bot.emu.wait_for_message(patient, contains="todavía no ha respondido")
    assert "988" in told.text


async def test_a_patient_who_blocked_the_bot_cannot_be_told_and_the_admins_hear_it(
    bot: Harness, patient: int, admin: int, caplog: pytest.LogCaptureFixture
) -> None:
    svc = bot.services
    await _not_safe(bot, patient)
    bot.emu.block_user(patient)
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)
        notice = await bot.emu.wait_for_message(admin, contains="could not tell")
        line = await asyncio.to_thread(_doctor, svc.settings)
    assert "Alex" in notice.text and "blocked" in notice.text
    # The counselor the last reminder told "is being told now" hears it too (newcomer20 N211: only the admin did).
    await bot.emu.wait_for_message(COUNSELOR, contains="could not tell")
    assert "NOT told" in line, line
    assert any("cannot be told" in r.getMessage() and r.levelname == "ERROR" for r in caplog.records)


async def test_a_patient_someone_wrote_to_is_not_told_nobody_answered(
    bot: Harness, patient: int, admin: int
) -> None:
    """newcomer7 finding N28: the on-call counselor wrote "I'm calling you in 2 minutes" through "Message
    patient" without tapping Acknowledge; at the last round the patient read "Your care team hasn't answered"."""
    svc = bot.services
    await _not_safe(bot, patient)
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="said they are not safe right now")
    bot.emu.press_button(COUNSELOR, alert, texts.BTN_MESSAGE_PATIENT)
    await bot.emu.wait_for_message(COUNSELOR, contains="Type your message for")
    bot.emu.send_text(COUNSELOR, "I'm calling you in 2 minutes, please pick up")
    await bot.emu.wait_for_message(patient, contains="calling you in 2 minutes")
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)
        told = await bot.emu.wait_for_message(patient, contains="wrote to you here")
    assert NOT_YET not in told.text and "988" in told.text and "If they haven't" in told.text


async def test_an_alert_raised_after_the_patient_was_told_is_told_on_its_own(
    bot: Harness, patient: int, admin: int
) -> None:
    """newcomer9 N11: a new alert (someone hurting them) ran out of reminders after the patient was told about
    an older one; its card said the patient was told before the alert existed, and the patient heard nothing
    about it (nor got the abuse lines the new alert's word carries)."""
    svc = bot.services
    await _not_safe(bot, patient)
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)
        await bot.emu.wait_for_message(patient, contains=NOT_YET)
        bot.emu.send_text(patient, "my husband hit me and he wont let me leave the house")
        await bot.emu.wait_until(lambda: any(a.kind == "abuse" for a in _alerts(bot)))
        with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
            await deliver_due(bot.app)
            again = await bot.emu.wait_for_message(patient, contains=NOT_YET)
            await bot.emu.wait_until(
                lambda: all(a.patient_told_at is not None for a in _alerts(bot) if a.kind == "abuse")
            )
    new = next(a for a in _alerts(bot) if a.kind == "abuse")
    assert new.patient_told_at is not None and new.patient_told_at >= new.created_at
    assert "1-800-799-7233" in again.text or "domestic" in again.text.lower(), again.text


async def test_an_acknowledged_alert_raised_beside_it_counts_as_an_answer(
    bot: Harness, patient: int, admin: int
) -> None:
    """newcomer14 N112: Dana acknowledged Alex's overdose alert; the suicidal-words alert raised seconds before
    ran out of reminders and Alex read "Your care team hasn't answered my urgent message". Someone had."""
    svc = bot.services
    bot.emu.send_text(patient, "i dont want to live anymore")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "i already took my moms pills, like 15")
    overdose = await bot.emu.wait_for_message(COUNSELOR, contains="overdose")
    bot.emu.press_button(COUNSELOR, overdose, texts.BTN_ACKNOWLEDGE)
    await bot.emu.wait_until(lambda: len(_alerts(bot)) == 1)
    before = len(bot.emu.sent_to(patient))
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)
        card = await bot.emu.wait_for_message(admin, contains="last reminder")  # the counselors' side goes on
        await deliver_due(bot.app)
        await bot.emu.settle()
        line = await asyncio.to_thread(_doctor, svc.settings)
    assert not [m for m in bot.emu.sent_to(patient)[before:] if NOT_YET in m.text]
    # On the record (last round's list): the card does not say "is told now", the alert, doctor and the
    # audit log say the word was held back and why.
    assert "is told now" not in card.text and "is not told" in card.text, card.text
    assert "overdose" in card.text and "acknowledged by" in card.text, card.text
    (held,) = _alerts(bot)
    assert held.patient_held_at is not None and held.patient_told_at is None
    assert "another alert about them was acknowledged" in line, line
    rows = svc.worker.call(svc.repo.audit_log)
    assert [r for r in rows if r["action"] == "alert_patient_not_told" and r["alert"] == held.alert_id]


async def test_a_patient_who_said_they_are_safe_is_not_sent_to_the_emergency_room(
    bot: Harness, patient: int, admin: int
) -> None:
    """newcomer14 N115: Jordan answered "I'm safe right now", yet at the last round read "Your care team hasn't
    answered … Please don't wait for them … go to the nearest emergency room"."""
    svc = bot.services
    bot.emu.send_text(patient, "i just want to kill myself tonight")
    question = await bot.emu.wait_for_message(patient, contains="?")
    bot.emu.press_button(patient, question, texts.BTN_SAFE)
    await bot.emu.wait_for_message(COUNSELOR, contains="safe")
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)
        told = await bot.emu.wait_for_message(patient, contains="You told me you were safe")
    assert "emergency room" not in told.text and "988" in told.text, told.text


async def _not_yet(*_: object) -> None:
    """In place of the sweep's own word to the patient: the test says it when it means to."""


async def test_no_patient_is_told_nobody_answered_on_a_clock_known_to_be_wrong(
    bot: Harness, patient: int, admin: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ops O76: on a server clock 2 days fast, every open alert ran past its last round at once and each patient
    in crisis was told their care team had not answered. Not while the bot knows its clock is off Telegram's."""
    svc = bot.services
    await _not_safe(bot, patient)
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        monkeypatch.setattr(svc.api, "clock_offset", lambda: timedelta(0))
        monkeypatch.setattr("bot.jobs.alerts.tell_unanswered", _not_yet)  # the rounds run out, no word yet
        await deliver_due(bot.app)
        await bot.emu.wait_for_message(admin, contains="last reminder")
        monkeypatch.setattr(svc.api, "clock_offset", lambda: timedelta(days=2))  # measured 2 days fast
        await tell_unanswered(bot.app, _alerts(bot), policy(svc.settings))
        assert not [m for m in bot.emu.sent_to(patient) if NOT_YET in m.text]
        assert all(a.patient_told_at is None for a in _alerts(bot))
        monkeypatch.setattr(svc.api, "clock_offset", lambda: timedelta(0))  # the clocks agree again
        await tell_unanswered(bot.app, _alerts(bot), policy(svc.settings))
        await bot.emu.wait_for_message(patient, contains=NOT_YET)


async def test_the_counselors_last_reminder_says_who_is_told_and_who_is_not(
    bot: Harness, patient: int, admin: int
) -> None:
    """newcomer16 N128: Marco wrote crisis words (alert A) and said he is not safe (alert B); Dana acknowledged A
    only. B's last reminder to Dana said "The patient of an alert marked last reminder is told now that their care
    team has not answered yet", and Marco was rightly not told. The card says per patient who is told."""
    svc = bot.services
    await enroll_patient(bot, MARCO, "Marco")
    await _not_safe(bot, patient)  # Alex: nobody acknowledges, so he is told
    await _not_safe(bot, MARCO)
    await bot.emu.wait_until(lambda: len(_alerts(bot)) == 4 and all(a.deliveries for a in _alerts(bot)))
    card = await bot.emu.wait_for_message(
        COUNSELOR, predicate=lambda m: "ending their life" in m.text and "Marco" in m.text
    )
    marco = svc.worker.call(svc.repo.patient_by_telegram, MARCO)
    assert marco is not None
    first = next(a for a in _alerts(bot) if a.kind != "not_safe" and a.patient_id == marco.patient_id)
    bot.emu.press_button(COUNSELOR, card, texts.BTN_ACKNOWLEDGE)
    await bot.emu.wait_until(lambda: first.alert_id not in {a.alert_id for a in _alerts(bot)})
    seen = len(bot.emu.sent_to(COUNSELOR))
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)
        await deliver_due(bot.app)
        await bot.emu.settle()
    last = [m.text for m in bot.emu.sent_to(COUNSELOR)[seen:] if "last reminder" in m.text]
    assert last, [m.text for m in bot.emu.sent_to(COUNSELOR)[seen:]]
    assert not [t for t in last if "The patient of an alert" in t or "Marco is told" in t], last
    assert any("Marco is not told" in t and "Alex is being told now" in t for t in last), last[0][-700:]


async def test_new_crisis_words_after_nobody_answered_are_not_told_someone_will_reach_out(
    bot: Harness, patient: int, admin: int
) -> None:
    """newcomer22 N213: a minute after "your care team hasn't answered ... please don't wait for them", "i still want
    to die tbh. its 1am and nobody cares" got a new alert (good) and "I've let your counselor know, so they can reach
    out", the opposite of what the bot had just said."""
    svc = bot.services
    await _not_safe(bot, patient)
    with time_machine.travel(_past_last_round(svc.settings, svc.now()), tick=True):
        await deliver_due(bot.app)
        await bot.emu.wait_for_message(patient, contains=NOT_YET)
        before = len(_alerts(bot))
        bot.emu.send_text(patient, "i still want to die tbh. its 1am and nobody cares")
        answer = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
        await bot.emu.wait_until(lambda: len(_alerts(bot)) == before + 1)  # a new alert, paged
    assert "haven't answered my earlier urgent message" in answer.text, answer.text
    assert "so they can reach out" not in answer.text and "someone can reach out" not in answer.text, (
        answer.text
    )
