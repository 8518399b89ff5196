"""Words typed while a check-in waits for a button are never thrown away (newcomer finding 6).

Text the screen does not flag and that answers nothing was met with "I didn't quite catch that" and lost.
It is kept with the check-in and joins its note (the counselor reads it with the answers), the patient is
told so, and the question is asked again; while a crisis alert is open it goes to the alerted counselor.
"""

from __future__ import annotations

from bot.domain.screen.assess import Level, assess
from tests.conftest import COUNSELOR, Harness

WORDS = "sorry, my sister says i look like a ghost lately"


def _entries(bot: Harness, patient: int) -> list[dict[str, object]]:
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    pid = found.patient_id
    return [dict(e.answers) for e in svc.worker.call(svc.repo.checkins, pid)]


async def test_words_at_a_button_question_join_the_note(bot: Harness, patient: int) -> None:
    assert assess(WORDS).level == Level.NONE
    bot.emu.send_text(patient, "/checkin")
    q = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, WORDS)
    again = await bot.emu.wait_for_message(patient, contains="I've kept what you wrote")
    assert "mood" in again.text and again.buttons  # the question asked again
    q = again
    for label in ("6", "1", "OK", "Yes", "No"):
        bot.emu.press_button(patient, q, label)
        q = await bot.emu.wait_for_message(patient, after=q.message_id, predicate=lambda m: bool(m.buttons))
    bot.emu.send_text(patient, "long day")
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in")
    [entry] = _entries(bot, patient)
    assert entry["note"] == f"{WORDS}\nlong day"


async def test_words_kept_with_a_cancelled_checkin_are_kept_unsent(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, WORDS)
    await bot.emu.wait_for_message(patient, contains="I've kept what you wrote")
    bot.emu.send_text(patient, "/cancel")
    await bot.emu.settle()
    bot.emu.send_text(patient, "ok bye")
    offer = await bot.emu.wait_for_message(patient, contains="your last 2 messages")
    bot.emu.press_button(patient, offer, "Send to my counselor")
    await bot.emu.wait_for_message(COUNSELOR, contains="look like a ghost")


async def test_words_at_a_button_question_while_an_alert_is_open_reach_the_counselor(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/checkin")
    await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, "i want to kill myself")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, WORDS)
    told = await bot.emu.wait_for_message(COUNSELOR, contains="wrote again")
    assert told.reply_to == alert.message_id
    await bot.emu.wait_for_message(patient, contains="I've passed that to Dana Rivera")
    # newcomer5 finding 45: and the check-in's question was not asked again right after a crisis answer
    # ("No problem, I need a whole number from 0 to 10"); its buttons above still work.
    bot.emu.send_text(patient, "/help")  # answered after the words: the barrier
    await bot.emu.wait_for_message(patient, contains="/sos")
    said = [m.text for m in bot.emu.sent_to(patient)]
    assert not any("whole number" in t or "didn't quite catch" in t for t in said), said


async def test_a_one_word_try_while_an_alert_is_open_reaches_the_counselor_without_a_re_ask(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/checkin")
    await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, "0, i want to kill myself")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "whatever")
    await bot.emu.wait_for_message(COUNSELOR, contains="wrote again")
    await bot.emu.wait_for_message(patient, contains="I've passed that to Dana Rivera")
    bot.emu.send_text(patient, "/help")
    await bot.emu.wait_for_message(patient, contains="/sos")
    assert not any("whole number" in m.text for m in bot.emu.sent_to(patient))


async def test_a_number_try_while_an_alert_is_followed_is_asked_again_not_passed_on(
    bot: Harness, patient: int
) -> None:
    """newcomer9 N29: within two hours of an alert, "7.5" at the mood question went to every counselor the alert
    reached ("I've passed that to …") and the question sat unanswered; a try at a number is asked again."""
    bot.emu.send_text(patient, "i want to kill myself")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "/checkin")
    mood = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, "7.5")
    again = await bot.emu.wait_for_message(patient, contains="whole number", after=mood.message_id)
    said = [m.text for m in bot.emu.sent_to(patient) if mood.message_id < m.message_id <= again.message_id]
    assert not [t for t in said if "passed that" in t], said
    bot.emu.press_button(patient, again, "7")
    await bot.emu.wait_for_message(patient, contains="cravings", after=again.message_id)
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "7.5" in m.text]
