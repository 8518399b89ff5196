"""A counselor who types their PIN when it was not asked for never sees it echoed (newcomer6 finding 13).

The "I haven't sent that to anyone … send your text once more: <text>" reply quoted it back, so the PIN
sat twice in the chat. It is checked against the stored hash as the unlock does, and deleted like one.
"""

from __future__ import annotations

import pytest

from bot import texts
from bot.domain import pin
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_unlock import PIN, _unlock, _user_message_kept


@pytest.fixture
def locked(bot: Harness) -> Harness:
    bot.services.worker.call(bot.services.repo.set_counselor_pin, COUNSELOR, pin.hash_pin(PIN))
    return bot


async def test_a_pin_typed_when_not_asked_is_deleted_and_never_echoed(locked: Harness, patient: int) -> None:
    bot = locked
    await _unlock(bot)
    typed = bot.emu.send_text(COUNSELOR, PIN)
    await bot.emu.wait_for_message(COUNSELOR, contains=texts.PIN_STRAY)
    assert not _user_message_kept(bot, typed)
    assert not any(PIN in m.text for m in bot.emu.sent_to(COUNSELOR))


async def test_other_digits_are_still_quoted_back_to_copy(locked: Harness, patient: int) -> None:
    bot = locked
    await _unlock(bot)
    typed = bot.emu.send_text(COUNSELOR, "5551234567")
    await bot.emu.wait_for_message(COUNSELOR, contains="5551234567")
    assert _user_message_kept(bot, typed)
