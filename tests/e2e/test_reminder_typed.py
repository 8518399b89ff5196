"""A session reminder answered in words (newcomer7 N16, newcomer6 finding 31): recorded as the buttons record
it, the counselor told with the words, the patient shown what was recorded; other words stay a message."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from bot.jobs import reminders
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_reminders import _next_monday_at, _setup


def _rsvps(bot: Harness, telegram_id: int) -> list[str]:
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, telegram_id)
    assert p is not None
    return [str(r["answer"]) for r in svc.worker.call(svc.repo.rsvps, p.patient_id)]


async def test_running_late_typed_under_the_reminder_is_its_answer(bot: Harness, patient: int) -> None:
    _setup(bot, patient)
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: the counselor wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)
        reminder = await bot.emu.wait_for_message(patient, contains="Reminder")
        bot.emu.send_text(patient, "running like 10 min late sorry, bus")
        noted = await bot.emu.wait_for_message(patient, contains="Noted", after=reminder.message_id)
        assert "running late for your appointment today at 6:00 PM" in noted.text
        assert "let Dana Rivera know, with your message" in noted.text
        assert len(noted.buttons) == 3  # the reminder's answers, to change it
        told = await bot.emu.wait_for_message(COUNSELOR, contains="is running late")
        assert "Alex" in told.text and "running like 10 min late sorry, bus" in told.text
        await bot.emu.settle()
    assert _rsvps(bot, patient) == ["l"]
    said = [m.text for m in bot.emu.sent_to(patient) if m.message_id > reminder.message_id]
    assert not [t for t in said if "haven't passed it" in t], said  # not the drawer


async def test_other_words_under_the_reminder_stay_a_message(bot: Harness, patient: int) -> None:
    _setup(bot, patient)
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)
        reminder = await bot.emu.wait_for_message(patient, contains="Reminder")
        bot.emu.send_text(patient, "my sister can't make it to the game")
        await bot.emu.wait_for_message(patient, contains="haven't passed it", after=reminder.message_id)
    assert _rsvps(bot, patient) == []


async def test_running_late_under_a_reminder_sent_after_a_safety_question_is_its_answer(
    bot: Harness, patient: int
) -> None:
    """newcomer9 N14: "Are you safe right now?" still waited from a crisis earlier; a reminder came after it, and
    "running like 10 min late sorry" was passed on as words, with no RSVP recorded and no "running late"."""
    _setup(bot, patient)
    with time_machine.travel(_next_monday_at(16) + timedelta(seconds=5), tick=True):
        bot.emu.send_text(patient, "i feel like giving up")
        await bot.emu.wait_for_message(patient, contains="are you safe right now?")
        # The question goes on the record once sent (its message id is in it): only then an hour on.
        await bot.emu.settle()
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)
        reminder = await bot.emu.wait_for_message(patient, contains="Reminder")
        bot.emu.send_text(patient, "running like 10 min late sorry")
        noted = await bot.emu.wait_for_message(patient, contains="Noted", after=reminder.message_id)
        assert "running late for your appointment today at 6:00 PM" in noted.text
        await bot.emu.settle()
    assert _rsvps(bot, patient) == ["l"]


async def test_a_bare_refusal_with_a_reason_typed_under_the_reminder_is_its_answer(
    bot: Harness, patient: int
) -> None:
    """newcomer12 N78: "no voy a poder, se me complicó en el trabajo" went to the unsent drawer (only "no voy a
    poder ir" was read): the counselor was not told she could not come, nor why."""
    _setup(bot, patient)
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    svc.worker.call(svc.repo.save_patient, found.with_changes(language="es"))
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: the counselor wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)
        reminder = await bot.emu.wait_for_message(patient, contains="Recordatorio")
        bot.emu.send_text(patient, "no voy a poder, se me complicó en el trabajo")
        noted = await bot.emu.wait_for_message(patient, contains="Anotado", after=reminder.message_id)
        assert "no puedes ir a tu cita" in noted.text
        told = await bot.emu.wait_for_message(COUNSELOR, contains="can't make it")
        assert "se me complicó en el trabajo" in told.text
        await bot.emu.settle()
    assert _rsvps(bot, patient) == ["n"]


async def test_a_typed_answer_after_an_alert_reaches_its_counselor_once(bot: Harness, patient: int) -> None:
    """newcomer14 N112 (P3): under a reminder 1 h 51 min after an alert, the typed RSVP was recorded and told to
    Dana with its reason, and relayed to her again as "wrote again" under the alert: the same words twice."""
    _setup(bot, patient)
    with time_machine.travel(_next_monday_at(15) + timedelta(minutes=10), tick=True):
        bot.emu.send_text(patient, "i dont want to live anymore")
        await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
        await bot.emu.settle()
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)
        reminder = await bot.emu.wait_for_message(patient, contains="Reminder")
        bot.emu.send_text(patient, "running like 10 min late sorry, bus")
        await bot.emu.wait_for_message(patient, contains="Noted", after=reminder.message_id)
        await bot.emu.wait_for_message(COUNSELOR, contains="is running late")
        await bot.emu.settle()
    assert _rsvps(bot, patient) == ["l"]
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "wrote again" in m.text]
    assert not [m for m in bot.emu.sent_to(patient) if "I've passed that" in m.text]


@pytest.mark.parametrize(("language", "words", "noted"), [
    ("es", "uy no creo que llegue, mi hijo amaneció con fiebre y no tengo quien lo cuide", "Anotado"),
    ("en", "i dont think ill make it tonight, kid is sick", "Noted"),
])  # fmt: skip
async def test_a_hedged_cant_come_typed_under_the_reminder_is_its_answer(
    bot: Harness, patient: int, language: str, words: str, noted: str
) -> None:
    """newcomer18 N173: "uy no creo que llegue, mi hijo amaneció con fiebre…" went to the "kept, not passed"
    drawer: no RSVP, and the counselor was not told she was not coming."""
    _setup(bot, patient)
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    svc.worker.call(svc.repo.save_patient, found.with_changes(language=language))
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: the counselor wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)
        reminder = await bot.emu.wait_for_message(patient, predicate=lambda m: len(m.buttons) > 0)
        bot.emu.send_text(patient, words)
        await bot.emu.wait_for_message(patient, contains=noted, after=reminder.message_id)
        told = await bot.emu.wait_for_message(COUNSELOR, contains="can't make it")
        assert words in told.text
        await bot.emu.settle()
    assert _rsvps(bot, patient) == ["n"]


@pytest.mark.parametrize(("words", "answer"), [("yes", "y"), ("👍", "y"), ("nah not tonight", "n"), ("no", "n"),
                                               ("prob late like 10 min", "l")])  # fmt: skip
async def test_a_bare_answer_right_under_the_reminder_is_its_answer(
    bot: Harness, patient: int, words: str, answer: str
) -> None:
    """newcomer21 N184: "yes", "no", "nah not tonight", "👍", "prob late like 10 min" typed under "Will you be
    there?" were kept unsent: the pre-group screen showed no answer, and a "no" reached nobody."""
    _setup(bot, patient)
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: the counselor wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)
        reminder = await bot.emu.wait_for_message(patient, contains="Reminder")
        bot.emu.send_text(patient, words)
        noted = await bot.emu.wait_for_message(patient, contains="Noted", after=reminder.message_id)
        assert len(noted.buttons) == 3  # the reminder's answers, to change it
        await bot.emu.settle()
    assert _rsvps(bot, patient) == [answer]


async def test_a_bare_yes_after_the_counselor_wrote_is_not_taken_for_the_reminder(
    bot: Harness, patient: int
) -> None:
    _setup(bot, patient)
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)
        reminder = await bot.emu.wait_for_message(patient, contains="Reminder")
        svc.worker.call(
            svc.repo.record_message,
            p.patient_id,
            "counselor",
            COUNSELOR,
            patient,
            "can you stay after?",
            svc.now(),
        )
        bot.emu.send_text(patient, "yes")
        await bot.emu.wait_for_message(patient, after=reminder.message_id)
        await bot.emu.settle()
    assert _rsvps(bot, patient) == []


async def test_a_bare_no_while_are_you_safe_waits_is_never_taken_for_the_reminder(
    bot: Harness, patient: int
) -> None:
    _setup(bot, patient)
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        bot.emu.send_text(patient, "i feel like giving up")
        await bot.emu.wait_for_message(patient, contains="are you safe right now?")
        await reminders.sweep(bot.app)
        reminder = await bot.emu.wait_for_message(patient, contains="Reminder")
        bot.emu.send_text(patient, "no")
        await bot.emu.wait_for_message(patient, after=reminder.message_id)
        await bot.emu.settle()
    assert _rsvps(bot, patient) == []


async def test_a_bare_yes_under_a_reminder_sent_after_an_unanswered_safety_question_is_its_answer(
    bot: Harness, patient: int
) -> None:
    """newcomer22 N184 (still seen): inside an alert's follow window, a bare "yes" under a fresh session reminder was
    only passed to the alert's people, no RSVP recorded: the reminder, shown after "Are you safe?", is what it
    answers (the words still reach the alert's people)."""
    _setup(bot, patient)
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    with time_machine.travel(_next_monday_at(16) + timedelta(minutes=10), tick=True):
        bot.emu.send_text(patient, "i want to kill myself")
        await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
        await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)
        reminder = await bot.emu.wait_for_message(patient, contains="Reminder")
        bot.emu.send_text(patient, "yes")
        await bot.emu.wait_for_message(patient, contains="Noted", after=reminder.message_id)
        await bot.emu.settle()
    assert _rsvps(bot, patient) == ["y"]
