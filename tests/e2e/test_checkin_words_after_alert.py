"""Check-in answers typed in words within two hours of a crisis alert (newcomer10 N30).

Mateo (alert at 9:48) did /checkin at 10:29: "nada, cero" at the craving question was re-asked, and "dormí como
bebé" at the sleep question went to two counselors as a crisis follow-up ("Le pasé tu mensaje a ...") while the
question stayed. A typed answer to the question on screen is its answer, as a button is; a try at it is asked
again; only words that answer nothing go to the alert's people.
"""

from __future__ import annotations

from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_checkin_asides import _entries


async def test_answers_in_words_move_the_check_in_and_reach_no_counselor(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "i want to kill myself")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "/checkin")
    last = (await bot.emu.wait_for_message(patient, contains="mood")).message_id
    for words, next_question in [
        ("idk like a 4 maybe", "cravings"),
        ("nada, cero", "sleep"),
        ("dormí como bebé", "medication"),
        ("yeah took em this morning", "have you used"),
        ("nah im clean", "add"),
    ]:
        bot.emu.send_text(patient, words)
        last = (await bot.emu.wait_for_message(patient, contains=next_question, after=last)).message_id
    bot.emu.send_text(patient, "skip")
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in", after=last)
    [entry] = _entries(bot, patient)
    assert (entry["mood"], entry["craving"], entry["sleep"], entry["used"]) == (4, 0, 2, 0), entry
    said = [m.text for m in bot.emu.sent_to(patient)]
    assert not [t for t in said if "passed that" in t or "Le pasé" in t], said
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "wrote again" in m.text]


async def test_a_try_at_the_question_is_asked_again_and_other_words_still_reach_the_counselor(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "i want to kill myself")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "/checkin")
    mood = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.press_button(patient, mood, "5")
    craving = await bot.emu.wait_for_message(patient, contains="cravings", after=mood.message_id)
    bot.emu.press_button(patient, craving, "2")
    sleep = await bot.emu.wait_for_message(patient, contains="sleep", after=craving.message_id)
    bot.emu.send_text(patient, "slept kinda weird")
    again = await bot.emu.wait_for_message(patient, contains="How did you sleep", after=sleep.message_id)
    assert not [m for m in bot.emu.sent_to(patient) if "passed that" in m.text]
    bot.emu.send_text(patient, "sorry, my sister says i look like a ghost lately")
    await bot.emu.wait_for_message(COUNSELOR, contains="wrote again")
    await bot.emu.wait_for_message(patient, contains="I've passed that", after=again.message_id)
