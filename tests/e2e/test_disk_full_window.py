"""After a full disk, doctor keeps a note of the window in which updates were handled without a copy (ops O64:
the alarm could not be written while the disk was full, so once it had room doctor said only `ok writable`)."""

from __future__ import annotations

import pytest

from bot.admin.doctor_inbox import inbox_check
from bot.store import inbox as inbox_module
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_delivery import FullDiskWrites, _help_answered


async def test_the_window_without_a_copy_is_noted_once_the_disk_takes_writes(
    bot: Harness, patient: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _help_answered(bot, COUNSELOR)
    with monkeypatch.context() as full:
        full.setattr(inbox_module, "os", FullDiskWrites())
        await _help_answered(bot)
        await bot.emu.wait_for_message(COUNSELOR, contains="disk full")
        await bot.emu.settle()
    await _help_answered(bot)  # the disk has room again: the next update is written
    await bot.emu.settle()
    notes = [f for f in inbox_check(bot.services.settings) if "could not be saved" in f.message]
    assert len(notes) == 1 and notes[0].ok and notes[0].note, notes
    assert "from " in notes[0].message and " to " in notes[0].message and "without a copy" in notes[0].message
