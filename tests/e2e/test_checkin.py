"""The daily check-in end to end, through the emulator."""

from __future__ import annotations

from typing import Any

import pytest

from bot import texts
from bot.devtools.emulator import SentMessage
from tests.conftest import COUNSELOR, Harness


def entries(bot: Harness, telegram_id: int) -> list[dict[str, Any]]:
    repo = bot.services.repo

    def read() -> list[dict[str, Any]]:
        p = repo.patient_by_telegram(telegram_id)
        assert p is not None
        return [e.answers for e in repo.checkins(p.patient_id)]

    return bot.services.worker.call(read)


def button(message: SentMessage, label: str) -> str | None:
    return next(b.callback_data for row in message.buttons for b in row if b.text == label)


async def answer_all(bot: Harness, patient: int, presses: list[str]) -> None:
    last = 0
    for label in presses:
        q = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons), after=last)
        last = q.message_id
        bot.emu.press_button(patient, q, label)


async def test_a_full_check_in_stores_one_entry_with_every_item(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["7", "2", "Good", "Yes", "No"])
    note = await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT)
    bot.emu.send_text(patient, "Went to group, felt ok")
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in", after=note.message_id)
    assert entries(bot, patient) == [
        {"mood": 7, "craving": 2, "sleep": 2, "medication": 1, "used": 0, "note": "Went to group, felt ok"}
    ]


async def test_skipped_items_are_stored_empty_and_typed_numbers_count(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    q = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, "lots")
    reask = await bot.emu.wait_for_message(patient, contains="number from 0 to 10", after=q.message_id)
    bot.emu.send_text(patient, "4")
    await answer_all(bot, patient, [texts.BTN_SKIP, texts.BTN_SKIP, texts.BTN_SKIP, texts.BTN_SKIP])
    note = await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT, after=reask.message_id)
    bot.emu.press_button(patient, note, texts.BTN_SKIP)
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in")
    assert entries(bot, patient) == [
        {"mood": 4, "craving": None, "sleep": None, "medication": None, "used": None, "note": None}
    ]


async def test_skip_typed_in_either_language_is_the_skip_button_not_a_note(
    bot: Harness, patient: int
) -> None:
    """newcomer6 findings 14/16: "Skip" typed at the note (the button's label), and "Omitir" by a patient who had
    switched to English, were stored as the note "Skip" / "Omitir" in the export and on the page."""
    bot.emu.send_text(patient, "/checkin")
    q = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, "omitir")  # the Spanish label, at a question with a Skip button
    q = await bot.emu.wait_for_message(patient, contains="craving", after=q.message_id)
    for label in ("2", "Good", "Yes", "No"):
        bot.emu.press_button(patient, q, label)
        q = await bot.emu.wait_for_message(patient, after=q.message_id, predicate=lambda m: bool(m.buttons))
    note = q
    assert texts.NOTE_HINT in note.text
    bot.emu.send_text(patient, "Skip")
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in", after=note.message_id)
    (first,) = entries(bot, patient)
    assert first["note"] is None and first["mood"] is None and first["craving"] == 2
    bot.emu.send_text(patient, "/checkin")  # the same day: it replaces the first
    q = await bot.emu.wait_for_message(patient, contains="mood", after=note.message_id)
    for label in ("7", "2", "Good", "Yes", "No"):
        bot.emu.press_button(patient, q, label)
        q = await bot.emu.wait_for_message(patient, after=q.message_id, predicate=lambda m: bool(m.buttons))
    note = q
    bot.emu.send_text(patient, "Omitir.")
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in", after=note.message_id)
    (second,) = entries(bot, patient)
    assert second["note"] is None and second["mood"] == 7


async def test_a_double_tap_or_an_old_button_never_duplicates(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    mood = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.press_button(patient, mood, "5")
    bot.emu.press_button(patient, mood, callback_data=button(mood, "6"))
    await bot.emu.wait_for_message(patient, contains="craving")
    await bot.emu.wait_until(lambda: bot.emu.last_callback_answer(patient) is not None)
    bot.emu.send_text(patient, "/cancel")
    await bot.emu.wait_for_message(patient, contains=texts.CANCELLED)
    bot.emu.press_button(patient, mood, callback_data=button(mood, "3"))
    await bot.emu.settle(patient)
    assert entries(bot, patient) == []


async def test_a_hard_day_offers_a_coping_skill(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["2", "8", "Poor", "Yes", "No"])
    note = await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT)
    bot.emu.press_button(patient, note, texts.BTN_SKIP)
    offer = await bot.emu.wait_for_message(patient, contains="Would you like to try")
    assert offer.button_texts() == [texts.BTN_TRY_SKILL, texts.BTN_NOT_NOW_SKILL]


async def test_a_note_asking_for_a_call_reaches_the_counselor_and_the_patient_is_told(
    bot: Harness, patient: int
) -> None:
    """Newcomer finding 10-18: "can you ask rae to call me tonight? i'm not doing good" as the note was saved
    and nobody was told until the next review. It is saved AND passed to the counselor now, as a message."""
    from tests.conftest import COUNSELOR

    words = "can you ask dana to call me tonight? i'm not doing good"
    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["4", "5", "OK", "Yes", "No"])
    note = await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT)
    bot.emu.send_text(patient, words)
    told = await bot.emu.wait_for_message(patient, contains="Dana Rivera", after=note.message_id)
    assert "call" in told.text or "reach" in told.text
    passed = await bot.emu.wait_for_message(COUNSELOR, contains="Alex")
    assert "call me tonight" in passed.text
    assert entries(bot, patient)[0]["note"] == words


async def test_an_ordinary_note_is_only_saved(bot: Harness, patient: int) -> None:
    from tests.conftest import COUNSELOR

    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["7", "2", "Good", "Yes", "No"])
    await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT)
    bot.emu.send_text(patient, "talked to my sponsor, it helped")
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in")
    bot.emu.send_text(COUNSELOR, "/help")  # a positive barrier: everything before is handled
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "Alex" in m.text]


async def test_yes_i_took_them_at_the_medication_question_is_the_answer_not_a_relapse(
    bot: Harness, patient: int
) -> None:
    """Newcomer finding 10b-4: "sí, me las tomé" at "Did you take your medication?" got "a slip doesn't erase
    the work you've done", the naloxone line and a 'mentioned substance use' flag, and the question stayed
    open. At that question a yes is the answer; a crisis there still gets the crisis answer (test_crisis_in_flows)."""
    from bot.domain.screen.assess import Level, assess

    words = "sí, me las tomé"
    assert assess(words).level in (Level.RELAPSE, Level.CRAVING)  # why the screen answered it
    svc = bot.services
    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["6", "2", "Good"])
    asked = await bot.emu.wait_for_message(patient, contains="medication")
    bot.emu.send_text(patient, words)
    used = await bot.emu.wait_for_message(patient, contains="have you used", after=asked.message_id)
    bot.emu.press_button(patient, used, "No")
    note = await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT)
    bot.emu.press_button(patient, note, texts.BTN_SKIP)
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in")
    assert entries(bot, patient)[0]["medication"] == 1
    said = [m.text for m in bot.emu.sent_to(patient) if m.message_id > asked.message_id]
    assert not [t for t in said if "slip" in t or "naloxone" in t.lower() or "urge" in t], said
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    assert not [f for f in svc.worker.call(svc.repo.open_flags, p.patient_id) if "relapse" in str(f)]


@pytest.mark.parametrize(
    ("words", "overdose"), [("yes i took them", False), ("yeah i took them all at once", True)]
)
async def test_yes_i_took_them_at_the_medication_question_after_a_crisis_is_not_an_overdose(
    bot: Harness, patient: int, words: str, overdose: bool
) -> None:
    """newcomer15 N122: 15 minutes after "tengo las pastillas de mi mamá aquí" (its alert acknowledged), "sí me
    las tomé" typed at the medication question was paged as an overdose and Lucia was told to call 911."""
    svc = bot.services
    bot.emu.send_text(patient, "im home alone and i have my moms pills right here")
    question = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    bot.emu.press_button(patient, question, texts.BTN_SAFE)
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.press_button(COUNSELOR, card, texts.BTN_ACKNOWLEDGE)
    await bot.emu.wait_until(lambda: not svc.worker.call(svc.repo.open_alerts))
    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["5", "7", "Poor"])
    asked = await bot.emu.wait_for_message(patient, contains="medication")
    bot.emu.send_text(patient, words)
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    if overdose:  # "all of them" at that question is still an overdose after a crisis (the page goes)
        await bot.emu.wait_for_message(COUNSELOR, contains="overdose", after=card.message_id)
        return
    await bot.emu.wait_for_message(patient, contains="have you used", after=asked.message_id)
    assert entries_draft_medication(bot, patient) == 1
    said = [m.text for m in bot.emu.sent_to(patient) if m.message_id > asked.message_id]
    assert not [t for t in said if "overdose" in t or "911" in t], said
    kinds = [a["kind"] for a in svc.worker.call(svc.repo.patient_alerts, p.patient_id)]
    assert "overdose" not in kinds, kinds


def entries_draft_medication(bot: Harness, patient: int) -> object:
    p = bot.services.worker.call(bot.services.repo.patient_by_telegram, patient)
    assert p is not None
    draft = bot.services.worker.call(bot.services.repo.draft, p.patient_id) or {}
    return dict(draft.get("answers", {})).get("medication")
