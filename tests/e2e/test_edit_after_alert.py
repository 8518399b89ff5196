"""An edit after a crisis is shown to the alert's people (newcomer24 N253, P2 silent): "i want to kill myself"
edited seconds later into "i want to kill time before group, lol" was screened and dropped, and the counselor
phoning read only the first words. A retraction is clinically meaningful: the card says the message was edited and
Show message has the new words; the alert stays open. The reverse, a kept message edited into crisis words, is
screened like a new message and its words say they came as an edit."""

from __future__ import annotations

from bot import texts
from bot.domain.escalation import Alert
from tests.conftest import COUNSELOR, Harness


def _alerts(bot: Harness) -> list[Alert]:
    return bot.services.worker.call(bot.services.repo.open_alerts)


async def test_an_edit_of_crisis_words_into_benign_ones_reaches_the_alerts_people(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    first = bot.emu.send_text(patient, "i want to kill myself")
    asked = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.edit_text(patient, first, "i want to kill time before group, lol")
    edited = await bot.emu.wait_for_message(COUNSELOR, after=card.message_id, contains="edited")
    assert "Alex" in edited.text, edited.text
    told = await bot.emu.wait_for_message(patient, after=asked.message_id, contains="Dana Rivera")
    assert "edit" in told.text and texts.EDIT_NOT_READ not in told.text, told.text
    bot.emu.press_button(COUNSELOR, edited, texts.BTN_SHOW_MESSAGE)
    shown = await bot.emu.wait_for_message(COUNSELOR, contains="kill time before group")
    assert "Edited" in shown.text, shown.text
    assert [a.kind for a in _alerts(bot)] == ["crisis"]  # the alert stands


async def test_a_kept_message_edited_into_crisis_words_pages_and_says_it_was_an_edit(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    first = bot.emu.send_text(patient, "going to the store after work")
    await bot.emu.wait_for_message(patient, contains="Send it to Dana Rivera?")
    bot.emu.edit_text(patient, first, "actually I have pills saved up to overdose tonight")
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.press_button(COUNSELOR, card, texts.BTN_SHOW_MESSAGE)
    shown = await bot.emu.wait_for_message(COUNSELOR, contains="pills saved up")
    assert "Edited" in shown.text, shown.text
