"""Words that cannot be a PIN, typed at the PIN prompt, use no try (newcomer12 N81: Jordan typed his broadcast,
"Reminder: bring your workbook on Thursday. Group is in room 204.", into "Enter your PIN" and was told "That PIN
isn't right. 4 tries left": a counselor who types a message or two there is locked out, urgent alerts unread)."""

from __future__ import annotations

import pytest

from bot import texts
from bot.domain import pin
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_unlock import PIN, _user_message_kept


@pytest.fixture
def locked(bot: Harness) -> Harness:
    bot.services.worker.call(bot.services.repo.set_counselor_pin, COUNSELOR, pin.hash_pin(PIN))
    return bot


async def test_a_sentence_at_the_pin_prompt_is_answered_without_using_a_try(
    locked: Harness, patient: int
) -> None:
    bot = locked
    bot.emu.send_text(COUNSELOR, "/caseload")
    asked = await bot.emu.wait_for_message(COUNSELOR, contains=texts.PIN_ASK)
    # More than the tries there are: none is used.
    for _ in range(6):
        typed = bot.emu.send_text(
            COUNSELOR, "Reminder: bring your workbook on Thursday. Group is in room 204."
        )
        hint = await bot.emu.wait_for_message(
            COUNSELOR, contains="A PIN is 6 to 12 digits", after=asked.message_id
        )
        asked = hint
        assert "tries left" not in hint.text and "Too many" not in hint.text
        assert _user_message_kept(bot, typed)  # words, not a PIN: left where they are
    short = bot.emu.send_text(COUNSELOR, "24681")  # a PIN mistyped short: no try, but deleted all the same
    await bot.emu.wait_for_message(COUNSELOR, contains="A PIN is 6 to 12 digits", after=asked.message_id)
    assert not _user_message_kept(bot, short)
    bot.emu.send_text(COUNSELOR, "111111")
    await bot.emu.wait_for_message(COUNSELOR, contains="4 tries left")  # the first try counted is this one
    bot.emu.send_text(COUNSELOR, PIN)
    await bot.emu.wait_for_message(COUNSELOR, contains=texts.PIN_OK)
    await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
