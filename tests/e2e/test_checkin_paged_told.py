"""After a check-in that paged the counselor, the patient is told so (newcomer finding 10).

A note in worrying words gets the screen's reply first ("your counselor will see this at their next
review", "not as an emergency"); the check-in's answers then page the counselor urgently, and the last word
the patient reads says that plainly instead of leaving them believing nobody was told now.
"""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, HARD_DAY, Harness

NOTE = "i messed up again, used last night and i am so tired of all of this"


async def _answer(bot: Harness, patient: int, taps: tuple[str, ...]) -> None:
    """/checkin and its questions tapped through, up to the note (typed by each test)."""
    bot.emu.send_text(patient, "/checkin")
    q = await bot.emu.wait_for_message(patient, contains="mood")
    for label in taps:
        bot.emu.press_button(patient, q, label)
        q = await bot.emu.wait_for_message(patient, after=q.message_id, predicate=lambda m: bool(m.buttons))


async def test_a_paging_checkin_says_the_counselor_was_told_now(bot: Harness, patient: int) -> None:
    await _answer(bot, patient, HARD_DAY)
    bot.emu.send_text(patient, NOTE)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    saved = await bot.emu.wait_for_message(patient, contains="check-in is saved")
    assert "let your counselor know right away" in saved.text


async def test_a_quiet_checkin_says_nothing_of_a_page(bot: Harness, patient: int) -> None:
    await _answer(bot, patient, ("6", "1", "OK", "Yes", "No"))
    bot.emu.send_text(patient, "long day at work")
    done = await bot.emu.wait_for_message(patient, contains="Thanks for checking in")
    assert "right away" not in done.text


async def test_a_check_in_at_the_urgent_level_asks_if_they_are_safe_with_the_lines(
    bot: Harness, patient: int
) -> None:
    """Newcomer finding 37: the answers that page the counselor also give the patient the crisis lines and the
    question, whatever the note says; "I'm not safe" then escalates as it does after crisis words."""
    await _answer(bot, patient, HARD_DAY)
    bot.emu.send_text(patient, "long day at work")
    await bot.emu.wait_for_message(COUNSELOR, contains="urgent level")
    asked = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    assert "988" in asked.text
    assert asked.button_texts() == [texts.BTN_SAFE, texts.BTN_NOT_SAFE]
    bot.emu.press_button(patient, asked, texts.BTN_NOT_SAFE)
    await bot.emu.wait_for_message(COUNSELOR, contains="said they are not safe right now")


CHECK_NOTE = "had a few shots last night, feel like garbage"  # the screen asks "are you safe?" (check)


async def test_a_worrying_note_that_ends_a_paging_checkin_never_promises_the_next_review(
    bot: Harness, patient: int
) -> None:
    """newcomer16 N120: the note's "are you safe?" said "Your counselor will see this at their next review",
    and the check-in's last message, seconds later, that the counselor was told at once, as urgent."""
    await _answer(bot, patient, HARD_DAY)
    bot.emu.send_text(patient, CHECK_NOTE)
    await bot.emu.wait_for_message(patient, contains="are you safe right now?")
    await bot.emu.wait_for_message(patient, contains="as urgent")
    said = " ".join(m.text for m in bot.emu.sent_to(patient))
    assert "will see this at their next review" not in said, said


async def test_a_worrying_note_that_ends_a_quiet_checkin_still_says_the_next_review(
    bot: Harness, patient: int
) -> None:
    await _answer(bot, patient, ("6", "1", "OK", "Yes", "No"))
    bot.emu.send_text(patient, CHECK_NOTE)
    asked = await bot.emu.wait_for_message(patient, contains="are you safe right now?")
    assert "will see this at their next review" in asked.text


RELAPSE_NOTE = "relapsed last night, had a few beers and then other stuff"


async def test_a_paging_checkin_with_a_use_note_never_says_not_an_emergency(
    bot: Harness, patient: int
) -> None:
    """Newcomer finding 9-12 (session 8 #10): the use note's answer said the counselor would see it "not as an
    emergency", and the next message that they were told "as urgent"."""
    await _answer(bot, patient, HARD_DAY)
    bot.emu.send_text(patient, RELAPSE_NOTE)
    await bot.emu.wait_for_message(patient, contains="Thank you for being honest")
    await bot.emu.wait_for_message(patient, contains="as urgent")
    said = " ".join(m.text for m in bot.emu.sent_to(patient))
    assert "emergency" not in said.replace("emergency room", "").replace("emergency number", ""), said


def test_the_use_answer_and_the_page_notice_agree_in_both_languages() -> None:
    for language in ("en", "es"):
        said = texts.relapse_response(language) + " " + texts.checkin_paged(language)
        assert "not as an emergency" not in said and "no como una emergencia" not in said, said


async def test_a_typed_no_before_the_words_answers_the_check_ins_safety_question(
    bot: Harness, patient: int
) -> None:
    """newcomer10 N23: "nah im not ok" / "nel, no estoy bien" under the urgent check-in's "Are you safe right
    now?" was read as new worrying words: asked again, "your counselor will see it at the next review", and the
    counselor was not told the patient is not safe."""
    await _answer(bot, patient, HARD_DAY)
    bot.emu.send_text(patient, "long day at work")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    bot.emu.send_text(patient, "nah im not ok")
    await bot.emu.wait_for_message(COUNSELOR, contains="said they are not safe right now")
