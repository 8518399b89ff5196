"""Check-in answers typed the way people type them (newcomer7 N11): a number inside words, yes and no in
either language, and another question's answer typed at this one, which is never recorded as this one's."""

from __future__ import annotations

from bot import texts
from tests.conftest import Harness
from tests.e2e.test_checkin import answer_all, entries


def _open_flags(bot: Harness, telegram_id: int) -> list[str]:
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, telegram_id)
    assert p is not None
    return [str(f) for f in svc.worker.call(svc.repo.open_flags, p.patient_id)]


async def test_a_typed_check_in_in_everyday_words_is_taken_whole(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    last = (await bot.emu.wait_for_message(patient, contains="mood")).message_id
    for words, next_question in [
        ("like a 4", "cravings"),
        ("craving is prob 7", "sleep"),
        ("slept like crap", "medication"),
        ("yeah took em", "have you used"),
        ("nope", texts.NOTE_HINT),
    ]:
        bot.emu.send_text(patient, words)
        last = (await bot.emu.wait_for_message(patient, contains=next_question, after=last)).message_id
    bot.emu.send_text(patient, "skip")
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in", after=last)
    assert entries(bot, patient) == [
        {"mood": 4, "craving": 7, "sleep": 0, "medication": 1, "used": 0, "note": None}
    ]
    said = [m.text for m in bot.emu.sent_to(patient)]
    assert not [t for t in said if "urge" in t or "catch that" in t or "whole number" in t], said


async def test_another_questions_answer_is_not_taken_as_a_craving(bot: Harness, patient: int) -> None:
    """ "sí me las tomé" at the craving question was answered as a strong craving and flagged to the counselor."""
    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["6"])
    asked = await bot.emu.wait_for_message(patient, contains="cravings")
    bot.emu.send_text(patient, "sí me las tomé")
    told = await bot.emu.wait_for_message(patient, contains="another question", after=asked.message_id)
    assert "Did you take your medication" in told.text and "in a moment" in told.text
    assert "How strong are your cravings" in told.text and told.buttons  # the same question, its buttons
    bot.emu.send_text(patient, "ganas como un 3")
    last = told.message_id
    for question, label in [
        ("sleep", "Good"),
        ("medication", "Yes"),
        ("have you used", "No"),
        (texts.NOTE_HINT, texts.BTN_SKIP),
    ]:
        q = await bot.emu.wait_for_message(patient, contains=question, after=last)
        bot.emu.press_button(patient, q, label)
        last = q.message_id
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in")
    assert entries(bot, patient)[0]["craving"] == 3
    said = [m.text for m in bot.emu.sent_to(patient) if m.message_id > asked.message_id]
    assert not [t for t in said if "urge" in t.lower() or "slip" in t or "kept" in t], said
    assert not _open_flags(bot, patient)


async def test_a_yes_with_what_happened_answers_the_use_question_and_keeps_the_words(
    bot: Harness, patient: int
) -> None:
    """newcomer9 N2: "yeah had a couple beers last night" at "have you used?" got the stand-alone relapse reply,
    the question stayed open and the counselor a separate flag; it is the Yes, and its words join the note."""
    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["6", "3", "OK", "Yes"])
    asked = await bot.emu.wait_for_message(patient, contains="have you used")
    bot.emu.send_text(patient, "yeah had a couple beers last night")
    note = await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT, after=asked.message_id)
    bot.emu.press_button(patient, note, texts.BTN_SKIP)
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in", after=note.message_id)
    [entry] = entries(bot, patient)
    assert entry["used"] == 1 and entry["note"] == "yeah had a couple beers last night", entry
    said = [m.text for m in bot.emu.sent_to(patient) if m.message_id > asked.message_id]
    assert not [t for t in said if "still open" in t or "catch that" in t], said


async def test_a_second_check_in_the_same_day_is_summed_up_as_answered_now(
    bot: Harness, patient: int
) -> None:
    """newcomer9 N9: after "6, 3, used: yes" in the morning, an evening's "7, 2, used: no" was summed up as
    "mood 6/10, craving 3/10" and thanked "for being honest about using". The day keeps its harder answers for
    the counselor; the patient is told what they answered now, and that the harder ones stay."""
    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["6", "3", "OK", "Yes", "Yes"])
    note = await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT)
    bot.emu.press_button(patient, note, texts.BTN_SKIP)
    first = await bot.emu.wait_for_message(patient, contains="Thanks for checking in", after=note.message_id)
    bot.emu.send_text(patient, "/checkin")
    q = await bot.emu.wait_for_message(patient, contains="mood", after=first.message_id)
    for label in ("7", "2", "Good", "Yes", "No"):
        bot.emu.press_button(patient, q, label)
        q = await bot.emu.wait_for_message(patient, after=q.message_id, predicate=lambda m: bool(m.buttons))
    note = q
    bot.emu.press_button(patient, note, texts.BTN_SKIP)
    done = await bot.emu.wait_for_message(patient, contains="Thanks for checking in", after=note.message_id)
    assert "mood 7/10, craving 2/10" in done.text and texts.CHECKIN_DAY_KEPT in done.text, done.text
    [day] = entries(bot, patient)
    assert day["used"] == 1 and day["mood"] == 6  # the day's harder answers, for the counselor
    said = [m.text for m in bot.emu.sent_to(patient) if m.message_id > note.message_id]
    assert not [t for t in said if "honest about using" in t], said
