"""Counselor and patient talk through the bot: a thread both ways, screened, stored, and /stop honoured."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot import texts
from bot.admin.people import remove_counselor
from bot.domain.models import Counselor
from bot.jobs import reminders
from tests.conftest import COUNSELOR, Harness, check_in_with_note, say_hello


async def _open_page(bot: Harness) -> object:
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    return await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")


async def _counselor_writes(bot: Harness, text: str) -> None:
    page = await _open_page(bot)
    bot.emu.press_button(COUNSELOR, page, texts.BTN_MESSAGE_PATIENT)  # type: ignore[arg-type]
    await bot.emu.wait_for_message(COUNSELOR, contains="Type your message for")
    bot.emu.send_text(COUNSELOR, text)


def _pid(bot: Harness, patient: int) -> str:
    p = bot.services.worker.call(bot.services.repo.patient_by_telegram, patient)
    assert p is not None
    return p.patient_id


async def test_counselor_to_patient_to_counselor_is_a_thread(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/help")  # both have written to the bot first, as Telegram requires
    await bot.emu.wait_for_message(patient, contains="what I can do")
    await _counselor_writes(bot, "Can you call me back?")
    got = await bot.emu.wait_for_message(patient, contains="Can you call me back?")
    assert "Dana Rivera" in got.text and got.button_texts() == [texts.BTN_REPLY]
    await bot.emu.wait_for_message(COUNSELOR, contains="Sent to Alex")

    bot.emu.press_button(patient, got, texts.BTN_REPLY)
    ask = await bot.emu.wait_for_message(patient, contains="Type your message for")
    # Answering the counselor, who has just written: office hours would read as a brush-off.
    assert "working day" not in ask.text and "/sos" in ask.text
    bot.emu.send_text(patient, "Sure, after 5 <ok>?")
    passed = await bot.emu.wait_for_message(COUNSELOR, contains="Sure, after 5 <ok>?")
    assert "Alex" in passed.text and passed.button_texts() == [texts.BTN_REPLY]
    sent = await bot.emu.wait_for_message(patient, contains="Sent to Dana Rivera")
    assert "working day" not in sent.text

    # The counselor's "Reply" opens the next message to the same patient.
    bot.emu.press_button(COUNSELOR, passed, texts.BTN_REPLY)
    await bot.emu.wait_for_message(COUNSELOR, contains="Type your message for")
    bot.emu.send_text(COUNSELOR, "Great, talk then.")
    await bot.emu.wait_for_message(patient, contains="Great, talk then.")

    # The patient can start one too; after it, plain text is plain text again.
    bot.emu.send_text(patient, "/message")
    ask = await bot.emu.wait_for_message(patient, contains="Type your message for")
    assert "usually replies within a working day" in ask.text and "/sos" in ask.text
    bot.emu.send_text(patient, "One more thing")
    await bot.emu.wait_for_message(COUNSELOR, contains="One more thing")
    await bot.emu.wait_for_message(patient, contains="usually replies within a working day")
    later = bot.services.now() + timedelta(minutes=31)  # the exchange is over (patient_text.FOLLOW_UP)
    bot.services.clock = lambda: later
    bot.emu.send_text(patient, "hello")
    await bot.emu.wait_for_message(patient, contains="Send it to Dana Rivera?")

    svc, pid = bot.services, _pid(bot, patient)
    thread = svc.worker.call(svc.repo.messages, pid)
    assert [(m.sender, m.text) for m in thread] == [
        ("counselor", "Can you call me back?"),
        ("patient", "Sure, after 5 <ok>?"),
        ("counselor", "Great, talk then."),
        ("patient", "One more thing"),
    ]
    raw = (svc.settings.data_dir / "patients" / f"{pid}.json").read_bytes()
    assert b"Can you call me back" not in raw and b"One more thing" not in raw  # encrypted at rest
    actions = [e["action"] for e in svc.worker.call(svc.repo.audit_log)]
    assert actions.count("message_sent") == 2 and actions.count("message_from_patient") == 2
    assert "One more thing" not in json.dumps(svc.worker.call(svc.repo.audit_log))

    bot.emu.send_text(COUNSELOR, "/export Alex")
    sheet = await bot.emu.wait_for_message(COUNSELOR, predicate=lambda m: m.file_name == "Alex-messages.csv")
    assert sheet.file_bytes is not None and sheet.file_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(sheet.file_bytes.decode("utf-8-sig"))))
    assert [(r["from"], r["text"]) for r in rows][-1] == ("patient", "One more thing")

    bot.emu.send_text(patient, "/mydata")
    doc = await bot.emu.wait_for_message(patient, predicate=lambda m: m.kind == "document")
    assert doc.file_bytes is not None and "One more thing" in doc.file_bytes.decode()


async def test_a_message_with_crisis_language_gets_help_and_still_reaches_the_counselor(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(COUNSELOR, "/help")  # the counselor has opened the bot, as Telegram requires
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "/message")
    await bot.emu.wait_for_message(patient, contains="Type your message for")
    bot.emu.send_text(patient, "I want to kill myself")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await bot.emu.wait_for_message(COUNSELOR, contains="I want to kill myself")
    passed = await bot.emu.wait_for_message(patient, contains="Your message went to Dana Rivera too.")
    assert passed.text == "Your message went to Dana Rivera too."  # nothing about "a working day" now


async def test_voice_notes_and_photos_are_refused_with_a_reason(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/message")
    await bot.emu.wait_for_message(patient, contains="Type your message for")
    bot.emu.send_photo(patient)
    await bot.emu.wait_for_message(patient, contains=texts.MESSAGE_TYPED_ONLY)
    assert bot.services.worker.call(bot.services.repo.messages, _pid(bot, patient)) == []


async def test_after_stop_the_counselor_cannot_message_and_is_told_why(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    page = await _open_page(bot)  # opened before /stop: its button is still there
    bot.emu.send_text(patient, "/stop")
    ask = await bot.emu.wait_for_message(patient, contains="Stop using")
    bot.emu.press_button(patient, ask, texts.BTN_STOP)
    await bot.emu.wait_for_message(patient, contains="won't get any more messages")
    await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent")
    before = len(bot.emu.sent_to(patient))

    bot.emu.press_button(COUNSELOR, page, texts.BTN_MESSAGE_PATIENT)  # type: ignore[arg-type]
    why = await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent with /stop")
    assert "Nothing was sent" in why.text
    assert (bot.emu.last_callback_answer(COUNSELOR) or {}).get("text") == texts.CANNOT_MESSAGE
    bot.emu.send_text(COUNSELOR, "Are you there?")  # no message was opened: this is not relayed
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    assert "withdrawn" in screen.text
    assert len(bot.emu.sent_to(patient)) == before
    assert bot.services.worker.call(bot.services.repo.audit_log)[-1]["action"] != "message_sent"


async def test_stop_while_the_counselor_types_means_nothing_is_sent(bot: Harness, patient: int) -> None:
    page = await _open_page(bot)
    bot.emu.press_button(COUNSELOR, page, texts.BTN_MESSAGE_PATIENT)  # type: ignore[arg-type]
    await bot.emu.wait_for_message(COUNSELOR, contains="Type your message for")
    bot.emu.send_text(patient, "/stop")
    ask = await bot.emu.wait_for_message(patient, contains="Stop using")
    bot.emu.press_button(patient, ask, texts.BTN_STOP)
    await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent")
    before = len(bot.emu.sent_to(patient))
    bot.emu.send_text(COUNSELOR, "See you tomorrow?")
    await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent with /stop")
    assert len(bot.emu.sent_to(patient)) == before


async def test_the_page_reads_in_words_and_full_notes_and_the_thread_are_one_tap_away(
    bot: Harness, patient: int
) -> None:
    long_note = "Argued with my sister about the weekend and then could not sleep at all, " * 3 + "THE END"
    await check_in_with_note(bot, patient, long_note, taps=("2", "8", "Poor", "Yes", "Yes"))
    await _counselor_writes(bot, "Thinking of you today.")
    await bot.emu.wait_for_message(patient, contains="Thinking of you today.")
    page = await _open_page(bot)
    for words in ("mood 2/10", "craving 8/10", "sleep poor", "medication yes", "used yes", "1 message"):
        assert words in page.text  # type: ignore[attr-defined]
    assert "THE END" not in page.text  # type: ignore[attr-defined]
    bot.emu.press_button(COUNSELOR, page, texts.BTN_NOTES)  # type: ignore[arg-type]
    notes = await bot.emu.wait_for_message(COUNSELOR, contains="check-in notes")
    assert long_note in notes.text
    bot.emu.press_button(COUNSELOR, page, texts.BTN_THREAD)  # type: ignore[arg-type]
    thread = await bot.emu.wait_for_message(COUNSELOR, contains="messages with their counselor")
    assert "Thinking of you today." in thread.text and "You" in thread.text
    actions = [e["action"] for e in bot.services.worker.call(bot.services.repo.audit_log)]
    assert "notes_viewed" in actions and "thread_viewed" in actions


async def test_an_alert_has_the_date_and_a_message_patient_button(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "I want to kill myself")
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="talked about ending their life")
    now = bot.services.now().astimezone(ZoneInfo("America/New_York"))
    assert f"{now:%a} {now.day} {now:%b}" in alert.text
    assert texts.BTN_MESSAGE_PATIENT in alert.button_texts()
    bot.emu.press_button(COUNSELOR, alert, texts.BTN_MESSAGE_PATIENT)
    await bot.emu.wait_for_message(COUNSELOR, contains="Type your message for")
    bot.emu.send_text(COUNSELOR, "I'm here. Calling you now.")
    await bot.emu.wait_for_message(patient, contains="Calling you now.")


async def test_a_spanish_crisis_written_as_a_reply_to_the_counselor_gets_no_english_boilerplate(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/help")  # both have written to the bot first, as Telegram requires
    await bot.emu.wait_for_message(patient, contains="what I can do")
    await _counselor_writes(bot, "¿Cómo estás hoy?")
    got = await bot.emu.wait_for_message(patient, contains="¿Cómo estás hoy?")
    bot.emu.press_button(patient, got, texts.BTN_REPLY)
    ask = await bot.emu.wait_for_message(patient, contains="Type your message for")
    assert "working day" not in ask.text
    bot.emu.send_text(patient, "no puedo más, me quiero matar")
    crisis = await bot.emu.wait_for_message(patient, contains="¿Estás a salvo")
    await bot.emu.wait_for_message(COUNSELOR, contains="me quiero matar")
    passed = await bot.emu.wait_for_message(patient, contains="Dana Rivera", after=crisis.message_id)
    assert passed.text == "Tu mensaje también le llegó a Dana Rivera."


async def test_a_message_to_a_patient_who_blocked_the_bot_says_so_instead_of_try_again(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/help")
    await bot.emu.wait_for_message(patient, contains="what I can do")
    bot.emu.block_user(patient)
    await _counselor_writes(bot, "Sam, call me back please")
    told = await bot.emu.wait_for_message(COUNSELOR, contains="Not sent")
    assert "Alex</b> has blocked the bot" in told.text or "Alex has blocked the bot" in told.text
    assert "another way" in told.text and "try again" not in told.text
    # Marked so (newcomer5 finding 24: the caseload, `patient list` and the digest still said "active").
    alex = bot.services.worker.call(bot.services.repo.patient_by_telegram, patient)
    assert alex is not None and alex.status == "inactive"
    assert len([m for m in bot.emu.sent_to(COUNSELOR) if "blocked the bot" in m.text]) == 1  # said once


async def test_reply_under_a_removed_counselors_message_goes_to_the_patients_counselor(
    bot: Harness, patient: int
) -> None:
    """Newcomer finding 10-16: Reply under a message from a counselor removed since said "your counselor
    isn't set up in this chat yet", though the patient's own counselor was."""
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(1003, "Rae Kim"))
    bot.emu.add_user(1003, first_name="Rae")
    await say_hello(bot.emu, 1003)
    bot.emu.send_text(patient, "/help")  # both have written to the bot first, as Telegram requires
    await bot.emu.wait_for_message(patient, contains="what I can do")
    await _counselor_writes(bot, "Can you call me back?")
    got = await bot.emu.wait_for_message(patient, contains="Can you call me back?")

    args = {"telegram_id": COUNSELOR, "reassign_to": 1003}
    svc.worker.call(remove_counselor, svc.repo, svc.settings, svc.now(), args)
    # newcomer5 finding 12: nothing told the patient their counselor changed.
    await reminders.sweep(bot.app)
    told = await bot.emu.wait_for_message(patient, after=got.message_id, contains="Rae Kim")
    assert "counselor" in told.text and "IOP" not in told.text  # discreet: it shows on the lock screen
    bot.emu.press_button(patient, got, texts.BTN_REPLY)
    await bot.emu.wait_for_message(patient, after=got.message_id, contains="Type your message for Rae Kim")
    bot.emu.send_text(patient, "ok, any time after 5")
    passed = await bot.emu.wait_for_message(1003, contains="ok, any time after 5")
    # ... and Rae read Dana's message as "your message".
    assert "your message" not in passed.text and "Dana Rivera" in passed.text


async def test_an_admin_writing_to_a_colleagues_patient_is_not_their_counselor(
    bot: Harness, patient: int
) -> None:
    """newcomer7 finding N24: an admin's message through "Message patient" reached a colleague's patient as
    "Message from your counselor <admin>", who then had two people called "your counselor"."""
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(COUNSELOR, "Dana Rivera", "admin"))
    svc.worker.call(svc.repo.add_counselor, Counselor(1003, "Marcus Bell"))

    def reassign() -> None:
        p = svc.repo.patient_by_telegram(patient)
        assert p is not None
        svc.repo.save_patient(p.with_changes(counselor_id=1003))

    svc.worker.call(reassign)
    await _counselor_writes(bot, "Hi Alex, this is Dana from the program.")
    got = await bot.emu.wait_for_message(patient, contains="this is Dana")
    assert got.text.startswith(f"Message from Dana Rivera at {svc.settings.program_name}:"), got.text
