"""Every risk signal reaches a person: check-ins that are crises in numbers, crisis notes, the patient's answer."""

from __future__ import annotations

import asyncio
import csv
import io
import re

from bot import texts
from bot.admin.control import call_running_bot, key_name
from bot.devtools.emulator import SentMessage
from tests.conftest import COUNSELOR, Harness

WORST_DAY = ("1", "9", "Poor", "No", "Yes")  # mood 1, craving 9, poor sleep, missed medication, used


def _alerts(bot: Harness) -> list[str]:
    return [a.kind for a in bot.services.worker.call(bot.services.repo.open_alerts)]


def _patient_id(bot: Harness, telegram_id: int) -> str:
    patient = bot.services.worker.call(bot.services.repo.patient_by_telegram, telegram_id)
    assert patient is not None
    return patient.patient_id


def _flags(bot: Harness, telegram_id: int) -> list[str]:
    rows = bot.services.worker.call(bot.services.repo.open_flags, _patient_id(bot, telegram_id))
    return sorted(str(f["kind"]) for f in rows)


async def _counselor_says_hello(bot: Harness) -> None:
    """Telegram's contact rule: the counselor has written to the bot before it writes to them."""
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")


async def _answer(bot: Harness, patient: int, taps: tuple[str, ...]) -> SentMessage:
    """Start a check-in and tap through its choices; returns the note question."""
    bot.emu.send_text(patient, "/checkin")
    q = await bot.emu.wait_for_message(patient, contains="mood")
    for label in taps:
        bot.emu.press_button(patient, q, label)
        q = await bot.emu.wait_for_message(patient, after=q.message_id, predicate=lambda m: bool(m.buttons))
    return q


async def test_a_check_in_that_is_a_crisis_in_numbers_pages_the_counselor(bot: Harness, patient: int) -> None:
    await _counselor_says_hello(bot)
    note = await _answer(bot, patient, WORST_DAY)
    bot.emu.press_button(patient, note, texts.BTN_SKIP)
    support = await bot.emu.wait_for_message(patient, contains="Would you like to try")
    assert "naloxone" in support.text and "tolerance" in support.text  # harm reduction after use
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "Alex" in page.text and "check-in" in page.text
    assert page.button_texts() == [texts.BTN_SHOW_MESSAGE, texts.BTN_ACKNOWLEDGE, texts.BTN_MESSAGE_PATIENT]
    assert _alerts(bot) == ["checkin"]
    assert _flags(bot, patient) == sorted(
        ["use_high_craving", "use_low_mood", "use_reported", "high_craving", "low_mood", "missed_meds"]
    )
    # Today's values come first on the caseload and the patient page: no average hides this day.
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    line = screen.text.split("\n\n", 1)[1]
    assert "today: mood 1 · craving 9 · used: yes · missed medication" in line
    assert line.index("today:") < line.index("7 days:")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    view = await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")
    assert view.text.index("today: mood 1") < view.text.index("Last check-ins")


async def test_use_alone_is_a_flag_for_the_next_review_not_a_page(bot: Harness, patient: int) -> None:
    await _counselor_says_hello(bot)
    note = await _answer(bot, patient, ("6", "3", "OK", "Yes", "Yes"))
    bot.emu.press_button(patient, note, texts.BTN_SKIP)
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in")
    await bot.emu.settle()
    assert _alerts(bot) == []
    assert _flags(bot, patient) == ["use_reported"]
    assert not any("Urgent" in m.text for m in bot.emu.sent_to(COUNSELOR))


async def test_a_crisis_note_keeps_the_check_in_and_it_is_in_the_export(bot: Harness, patient: int) -> None:
    await _counselor_says_hello(bot)
    note = await _answer(bot, patient, WORST_DAY)
    words = "honestly I just want to kill myself tonight"
    bot.emu.send_text(patient, words)
    crisis = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    saved = await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_SAVED_QUIETLY)
    assert saved.message_id > crisis.message_id > note.message_id
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await bot.emu.settle()
    assert _alerts(bot) == ["crisis"]  # one page for one message, though the numbers are urgent too
    assert "use_high_craving" in _flags(bot, patient)
    assert not any(texts.CHECKIN_STILL_OPEN in m.text for m in bot.emu.sent_to(patient))
    exported = await asyncio.to_thread(
        call_running_bot,
        bot.services.settings.data_dir,
        "export",
        {"patient": "Alex"},
        key=key_name(bot.services.settings.data_keys),
    )
    (row,) = csv.DictReader(io.StringIO(exported["csv"]))
    assert row["mood"] == "1" and row["craving"] == "9" and row["note"] == words


async def test_out_of_range_numbers_are_asked_again_never_recorded_as_skip(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/checkin")
    q = await bot.emu.wait_for_message(patient, contains="mood")
    for typed in ("11", "-1", "7.5"):
        bot.emu.send_text(patient, typed)
        reask = await bot.emu.wait_for_message(patient, contains="I need a whole number from 0 to 10")
        assert reask.button_texts()[0] == "0"
    bot.emu.send_text(patient, "help")
    helped = await bot.emu.wait_for_message(patient, contains="/cancel")
    assert "Skip" in helped.text and "How is your mood" in helped.text
    bot.emu.send_text(patient, "3")
    await bot.emu.wait_for_message(patient, contains="craving", after=q.message_id)
    draft = bot.services.worker.call(bot.services.repo.draft, _patient_id(bot, patient))
    assert draft is not None and draft["answers"] == {"mood": 3}


async def test_the_patients_answer_reaches_the_counselor_as_a_reply_to_the_alert(
    bot: Harness, patient: int
) -> None:
    await _counselor_says_hello(bot)
    bot.emu.send_text(patient, "I want to kill myself")
    crisis = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.press_button(patient, crisis, texts.BTN_SAFE)
    bot.emu.press_button(patient, crisis, texts.BTN_SAFE)  # a double tap tells them once
    answer = await bot.emu.wait_for_message(COUNSELOR, contains="I'm safe right now")
    assert "Alex" in answer.text and re.search(r"\d:\d\d [AP]M", answer.text)
    assert answer.reply_to == alert.message_id
    await bot.emu.settle()
    assert sum("I'm safe right now" in m.text for m in bot.emu.sent_to(COUNSELOR)) == 1
    assert sum(texts.CRISIS_SAFE in m.text for m in bot.emu.sent_to(patient)) == 1
    assert _alerts(bot) == ["crisis"]  # the answer never closes the alert: a person does


async def test_a_use_disclosure_gets_one_reply_with_harm_reduction_and_a_flag(
    bot: Harness, patient: int
) -> None:
    await _counselor_says_hello(bot)
    said = bot.emu.send_text(patient, "I relapsed last night")
    answer = await bot.emu.wait_for_message(patient, contains="doesn't erase")
    assert "naloxone" in answer.text and "tolerance" in answer.text and "alone" in answer.text
    assert "your counselor will see this" in answer.text  # the patient knows who sees it
    assert "this one out" not in answer.text  # the use may be over: no assumed craving
    await bot.emu.wait_for_message(COUNSELOR, contains="substance use")
    await bot.emu.settle()
    assert len([m for m in bot.emu.sent_to(patient) if m.message_id > said]) == 1  # one reply, no fallback
    assert _flags(bot, patient) == ["relapse"]


async def test_a_craving_is_not_use_its_own_reply_and_flag_and_no_use_alert(
    bot: Harness, patient: int
) -> None:
    await _counselor_says_hello(bot)
    said = bot.emu.send_text(patient, "I want to use so bad")
    answer = await bot.emu.wait_for_message(patient, contains="Cravings")
    assert "slip" not in answer.text and "naloxone" not in answer.text
    await bot.emu.settle()
    assert len([m for m in bot.emu.sent_to(patient) if m.message_id > said]) == 1
    assert _flags(bot, patient) == ["craving"]
    assert not any("substance use" in m.text for m in bot.emu.sent_to(COUNSELOR))


async def test_after_stop_crisis_words_still_get_the_full_response_and_the_counselor_is_told(
    bot: Harness, patient: int
) -> None:
    await _counselor_says_hello(bot)
    bot.emu.send_text(patient, "/stop")
    confirm = await bot.emu.wait_for_message(patient, contains="Stop using")
    bot.emu.press_button(patient, confirm, texts.BTN_STOP)
    await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent")
    words = "I want to kill myself"
    bot.emu.send_text(patient, words)
    crisis = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    assert crisis.button_texts() == [texts.BTN_SAFE, texts.BTN_NOT_SAFE, texts.BTN_MISREAD]
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "Alex" in alert.text and "/stop" in alert.text and words not in alert.text
    assert alert.button_texts() == [
        texts.BTN_ACKNOWLEDGE
    ]  # their words are not kept; no messaging after /stop
    bot.emu.press_button(patient, crisis, texts.BTN_SAFE)
    await bot.emu.wait_for_message(patient, contains=texts.CRISIS_SAFE)
    await bot.emu.wait_for_message(COUNSELOR, contains="I'm safe right now")
    pid = bot.services.worker.call(bot.services.repo.withdrawn_patient, patient).patient_id  # type: ignore[union-attr]
    assert bot.services.worker.call(bot.services.repo.checkins, pid) == []
    assert bot.services.worker.call(bot.services.repo.open_flags, pid) == []
