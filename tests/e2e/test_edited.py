"""An edited message is never met with silence (newcomer6 finding 15): the crisis screen reads it first; any
other edit is answered with what became of it (the bot kept what was first sent)."""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness


async def test_an_edited_check_in_answer_is_told_it_was_not_taken_in(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    mood = await bot.emu.wait_for_message(patient, contains="mood")
    first = bot.emu.send_text(patient, "8")
    craving = await bot.emu.wait_for_message(patient, contains="craving", after=mood.message_id)
    bot.emu.edit_text(patient, first, "2")
    told = await bot.emu.wait_for_message(patient, contains="edited a message", after=craving.message_id)
    assert told.text == texts.EDIT_NOT_READ
    bot.emu.press_button(patient, craving, "3")  # the check-in goes on where it was
    await bot.emu.wait_for_message(patient, contains="sleep", after=told.message_id)


async def test_a_crisis_typed_into_an_edit_gets_the_crisis_answer_alone(bot: Harness, patient: int) -> None:
    first = bot.emu.send_text(patient, "fine today")
    await bot.emu.settle()
    bot.emu.edit_text(patient, first, "actually I have pills saved up to overdose")
    asked = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.settle(patient)
    assert not [m for m in bot.emu.sent_to(patient) if m.message_id > asked.message_id and "edited" in m.text]


async def test_a_counselor_editing_a_message_is_told_it_was_not_passed_on(bot: Harness) -> None:
    first = bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.edit_text(COUNSELOR, first, "see you at group tonight")
    await bot.emu.wait_for_message(COUNSELOR, contains=texts.EDIT_NOT_PASSED_COUNSELOR)


async def test_a_stranger_editing_a_message_gets_what_a_stranger_gets(bot: Harness) -> None:
    stranger = 4242
    bot.emu.add_user(stranger, first_name="Sam")
    first = bot.emu.send_text(stranger, "hello")
    await bot.emu.wait_for_message(stranger, contains=texts.STRANGER[:30])
    bot.emu.edit_text(stranger, first, "hello there")
    await bot.emu.wait_until(
        lambda: len([m for m in bot.emu.sent_to(stranger) if texts.STRANGER[:30] in m.text]) == 2
    )
    assert not [m for m in bot.emu.sent_to(stranger) if "edited" in m.text]


async def test_forwarded_crisis_words_page_and_the_card_says_they_were_forwarded(
    bot: Harness, patient: int
) -> None:
    """Session 22 (the emulator's /forward): forwarded words are screened as the patient's (they may be their own),
    and the counselor who calls should know they came forwarded, maybe someone else's."""
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    origin = {"type": "hidden_user", "sender_user_name": "A friend", "date": 1}
    bot.emu.send_extra(
        patient, {"text": "i have pills saved up to overdose tonight", "forward_origin": origin}
    )
    # A helper's answer, their own safety asked after it (newcomer24 N252); the card says it was forwarded.
    await bot.emu.wait_for_message(patient, contains="And you: are you safe right now?")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "forwarded" in card.text and "overdose" in card.text, card.text
    bot.emu.press_button(COUNSELOR, card, texts.BTN_SHOW_MESSAGE)
    shown = await bot.emu.wait_for_message(COUNSELOR, contains="pills saved up")
    assert "Forwarded by them from another chat" in shown.text, shown.text
