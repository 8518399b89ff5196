"""After a check-in that paged the counselor, the patient is told so (newcomer finding 10).

A note in worrying words gets the screen's reply first ("your counselor will see this at their next
review", "not as an emergency"); the check-in's answers then page the counselor urgently, and the last word
the patient reads says that plainly instead of leaving them believing nobody was told now.
"""

from __future__ import annotations

from tests.conftest import COUNSELOR, HARD_DAY, Harness

NOTE = "i messed up again, used last night and i am so tired of all of this"


async def test_a_paging_checkin_says_the_counselor_was_told_now(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    q = await bot.emu.wait_for_message(patient, contains="mood")
    for label in HARD_DAY:
        bot.emu.press_button(patient, q, label)
        q = await bot.emu.wait_for_message(patient, after=q.message_id, predicate=lambda m: bool(m.buttons))
    bot.emu.send_text(patient, NOTE)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    saved = await bot.emu.wait_for_message(patient, contains="check-in is saved")
    assert "let your counselor know right away" in saved.text


async def test_a_quiet_checkin_says_nothing_of_a_page(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    q = await bot.emu.wait_for_message(patient, contains="mood")
    for label in ("6", "1", "OK", "Yes", "No"):
        bot.emu.press_button(patient, q, label)
        q = await bot.emu.wait_for_message(patient, after=q.message_id, predicate=lambda m: bool(m.buttons))
    bot.emu.send_text(patient, "long day at work")
    done = await bot.emu.wait_for_message(patient, contains="Thanks for checking in")
    assert "right away" not in done.text
