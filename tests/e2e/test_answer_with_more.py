"""An answer to "Are you safe right now?" with more words after it (newcomer16 N130): "yes im safe, im with my
sister" and "me entendiste mal, hablaba de mi trabajo" were passed on, the question stayed open, and the patient,
who believed they had answered, was not told it still waits."""

from __future__ import annotations

import pytest

from tests.conftest import COUNSELOR, Harness


@pytest.mark.parametrize(
    ("crisis", "typed", "told"),
    [
        ("I want to kill myself", "yes im safe, im with my sister", "tap one of the buttons above"),
        (
            "ya no quiero vivir así",
            "me entendiste mal, hablaba de mi trabajo",
            "toca también uno de los botones",
        ),
    ],
)
async def test_the_words_go_on_and_the_buttons_are_pointed_to(
    bot: Harness, patient: int, crisis: str, typed: str, told: str
) -> None:
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, crisis)
    asked = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons))
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, typed)
    said = await bot.emu.wait_for_message(patient, after=asked.message_id, contains="Dana Rivera")
    assert told in said.text, said.text
    await bot.emu.wait_for_message(COUNSELOR, contains="wrote again")


async def test_a_plain_message_under_the_question_gets_no_such_line(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "I want to kill myself")
    asked = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons))
    bot.emu.send_text(patient, "is anyone going to call me")
    said = await bot.emu.wait_for_message(patient, after=asked.message_id, contains="Dana Rivera")
    assert "buttons above" not in said.text
