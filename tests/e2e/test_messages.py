"""Counselor and patient talk through the bot: a thread both ways, screened, stored, and /stop honoured."""

from __future__ import annotations

import json

from bot import texts
from tests.conftest import COUNSELOR, Harness


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
    assert "usually replies within a working day" in ask.text and "/sos" in ask.text
    bot.emu.send_text(patient, "Sure, after 5 <ok>?")
    passed = await bot.emu.wait_for_message(COUNSELOR, contains="Sure, after 5 <ok>?")
    assert "Alex" in passed.text and passed.button_texts() == [texts.BTN_REPLY]
    await bot.emu.wait_for_message(patient, contains="Sent to Dana Rivera")

    # The counselor's "Reply" opens the next message to the same patient.
    bot.emu.press_button(COUNSELOR, passed, texts.BTN_REPLY)
    await bot.emu.wait_for_message(COUNSELOR, contains="Type your message for")
    bot.emu.send_text(COUNSELOR, "Great, talk then.")
    await bot.emu.wait_for_message(patient, contains="Great, talk then.")

    # The patient can start one too; after it, plain text is plain text again.
    bot.emu.send_text(patient, "/message")
    await bot.emu.wait_for_message(patient, contains="Type your message for")
    bot.emu.send_text(patient, "One more thing")
    await bot.emu.wait_for_message(COUNSELOR, contains="One more thing")
    await bot.emu.wait_for_message(patient, contains="Sent to")
    bot.emu.send_text(patient, "hello")
    await bot.emu.wait_for_message(patient, contains=texts.PATIENT_FALLBACK)

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

    bot.emu.send_text(patient, "/mydata")
    doc = await bot.emu.wait_for_message(patient, predicate=lambda m: m.kind == "document")
    assert doc.file_bytes is not None and "One more thing" in doc.file_bytes.decode()


async def test_a_message_with_crisis_language_gets_help_and_still_reaches_the_counselor(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/message")
    await bot.emu.wait_for_message(patient, contains="Type your message for")
    bot.emu.send_text(patient, "I want to kill myself")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await bot.emu.wait_for_message(COUNSELOR, contains="I want to kill myself")
    await bot.emu.wait_for_message(patient, contains="Sent to")


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
