"""Words the store could not save on a full disk are handled once it takes writes again, not at the next restart
(ops O42 remainder: the counselors were told "it passes it on after its next restart", and without one the words
stayed in the inbox, unhandled, for as long as the bot ran)."""

from __future__ import annotations

import errno
from typing import Any

import pytest

from bot import texts
from bot.store import storage
from bot.store.inbox import Inbox
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_disk_faults import Disk

CRISIS = "i have all my pills here and im going to take them all tonight"
WORDS = "im alone in my apartment"


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    fake = Disk()
    monkeypatch.setattr(storage, "os", fake)
    return fake


async def test_unsaved_words_are_handled_once_the_disk_has_room(
    bot: Harness,
    patient: int,
    disk: Disk,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.jobs.alerts import _sweep_job
    from bot.telegram.services import Context

    finish = Inbox.finish

    def full_finish(self: Inbox, key: str) -> Any:  # the inbox's "handled" line no longer fits either
        if disk.error is not None:
            raise OSError(errno.ENOSPC, "No space left on device")
        return finish(self, key)

    monkeypatch.setattr(Inbox, "finish", full_finish)
    bot.emu.send_text(COUNSELOR, "/help")  # the counselor has opened the bot
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    disk.error = errno.ENOSPC
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.wait_for_message(COUNSELOR, contains="could not save this alert")
    bot.emu.send_text(patient, WORDS)
    unsaved = await bot.emu.wait_for_message(COUNSELOR, contains="wrote or answered something")
    assert "as soon as its disk has room" in unsaved.text, unsaved.text
    await bot.emu.wait_for_message(patient, contains=texts.SAVE_FAILED_TOLD)
    await bot.emu.settle()
    disk.error = None
    await _sweep_job(Context(bot.app))  # the 30-s sweep, once the store takes writes
    await bot.emu.wait_for_message(COUNSELOR, contains="wrote again", after=unsaved.message_id)
    await bot.emu.wait_for_message(patient, contains="passed that to")
    await bot.emu.wait_until(lambda: not bot.services.worker.call(bot.services.repo.inbox.waiting))
    await bot.emu.settle()
    answers = [m for m in bot.emu.sent_to(patient) if "Are you safe right now?" in m.text]
    assert len(answers) == 1  # the crisis message was handled already: marked so, never answered again


async def test_a_command_answered_could_not_save_is_not_handled_again_minutes_later(
    bot: Harness,
    patient: int,
    disk: Disk,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ops O98: after the disk was freed, P2's `/message` from the full disk's time was handled again, out of the
    blue: "Type your message for Jordan Blake", two minutes after two "couldn't save" answers."""
    from bot.jobs.alerts import _sweep_job
    from bot.telegram.services import Context

    finish = Inbox.finish

    def full_finish(self: Inbox, key: str) -> Any:
        if disk.error is not None:
            raise OSError(errno.ENOSPC, "No space left on device")
        return finish(self, key)

    monkeypatch.setattr(Inbox, "finish", full_finish)
    disk.error = errno.ENOSPC
    bot.emu.send_text(patient, "/message")
    await bot.emu.wait_for_message(patient, contains=texts.MESSAGE_NOT_STARTED)
    await bot.emu.settle()
    disk.error = None
    await _sweep_job(Context(bot.app))  # the 30-s sweep, once the store takes writes
    await bot.emu.wait_until(lambda: not bot.services.worker.call(bot.services.repo.inbox.waiting))
    bot.emu.send_text(patient, "/help")  # a later answer: whatever the sweep set off came before it
    await bot.emu.wait_for_message(patient, contains="/sos")
    assert not [m for m in bot.emu.sent_to(patient) if "Type your message for" in m.text]
