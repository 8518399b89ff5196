"""A message to the counselor on a full disk is said plainly not to have gone (ops O98, second half).

P2's /message got "couldn't save that ... try again in a minute"; "please call me tomorrow", typed next, got the
same ("Nothing is lost on your side"), and minutes after the disk was freed "I've kept that, but I haven't passed
it to anyone": the words were handled again as words to nobody, and the patient had believed their counselor had
them. Now they hear that the message did not go through and to send it again or call, the admins are told, and
nothing acknowledges what was not stored."""

from __future__ import annotations

import dataclasses
import errno
from typing import Any

import pytest

from bot import texts
from bot.domain.models import Counselor
from bot.jobs.alerts import _sweep_job
from bot.store import storage
from bot.store.inbox import Inbox
from bot.telegram.services import Context
from tests.conftest import COUNSELOR, Harness, say_hello
from tests.e2e.test_disk_faults import Disk

ADMIN = 1003
WORDS = "please call me tomorrow"


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    fake = Disk()  # the store's os on a disk that fills up (tests/e2e/test_disk_faults.py)
    monkeypatch.setattr(storage, "os", fake)
    finish = Inbox.finish

    def full_finish(self: Inbox, key: str) -> Any:  # the inbox's "handled" line no longer fits either
        if fake.error is not None:
            raise OSError(errno.ENOSPC, "No space left on device")
        return finish(self, key)

    monkeypatch.setattr(Inbox, "finish", full_finish)
    return fake


async def _admin(bot: Harness) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
    bot.emu.add_user(ADMIN, first_name="Morgan")
    await say_hello(bot.emu, ADMIN)
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")


async def _after_recovery(bot: Harness, disk: Disk, patient: int) -> list[str]:
    """The disk has room, the 30-s sweep has handled again what it keeps; what the patient got since ``n``."""
    disk.error = None
    await _sweep_job(Context(bot.app))
    svc = bot.services
    await bot.emu.wait_until(lambda: not svc.worker.call(svc.repo.inbox.waiting))
    last = bot.emu.sent_to(patient)[-1].message_id
    bot.emu.send_text(patient, "/help")  # a later answer: whatever the sweep set off came before it
    await bot.emu.wait_for_message(patient, contains="/sos", after=last)
    return [m.text for m in bot.emu.sent_to(patient)]


async def test_words_after_a_message_command_the_disk_refused_are_said_not_to_have_gone(
    bot: Harness, patient: int, disk: Disk
) -> None:
    await _admin(bot)
    before = len(bot.emu.sent_to(patient))
    disk.error = errno.ENOSPC
    bot.emu.send_text(patient, "/message")
    await bot.emu.wait_for_message(patient, contains=texts.MESSAGE_NOT_STARTED)
    bot.emu.send_text(patient, WORDS)
    await bot.emu.wait_for_message(patient, contains=texts.MESSAGE_NOT_SENT)
    told = await bot.emu.wait_for_message(ADMIN, contains="could not be saved")
    assert "Alex" in told.text and "Dana Rivera" in told.text and "send it again or call" in told.text, (
        told.text
    )

    said = (await _after_recovery(bot, disk, patient))[before:]
    assert not [t for t in said if "Nothing is lost" in t or "I've kept that" in t or "passed" in t], said
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if WORDS in m.text]
    assert sum("could not be saved" in m.text for m in bot.emu.sent_to(ADMIN)) == 1


async def test_a_message_typed_on_a_full_disk_after_a_saved_message_command_is_not_sent_later(
    bot: Harness, patient: int, disk: Disk
) -> None:
    """In Spanish: /mensaje was saved (the disk filled after it), the words were not."""
    svc = bot.services
    await _admin(bot)
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    svc.worker.call(svc.repo.save_patient, dataclasses.replace(found, language="es"))
    bot.emu.send_text(patient, "/mensaje")
    await bot.emu.wait_for_message(patient, contains="Dana Rivera")
    before = len(bot.emu.sent_to(patient))
    disk.error = errno.ENOSPC
    bot.emu.send_text(patient, "por favor llámame mañana")
    await bot.emu.wait_for_message(patient, contains=texts.MESSAGE_NOT_SENT_ES)
    await bot.emu.wait_for_message(ADMIN, contains="could not be saved")

    said = (await _after_recovery(bot, disk, patient))[before:]
    assert not [t for t in said if "enviado" in t.lower() or "pasé" in t.lower() or "guardé" in t.lower()], (
        said
    )
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "llámame" in m.text]


async def test_a_message_of_a_patient_in_crisis_on_a_full_disk_is_still_handled_again(
    bot: Harness, patient: int, disk: Disk
) -> None:
    """Their words join the alert once the disk has room, as before: not dropped as a message to send again."""
    await _admin(bot)
    disk.error = errno.ENOSPC
    bot.emu.send_text(patient, "honestly I just want to kill myself tonight")
    await bot.emu.wait_for_message(COUNSELOR, contains="could not save this alert")
    bot.emu.send_text(patient, "/message")
    await bot.emu.wait_for_message(patient, contains=texts.SAVE_FAILED_TOLD)
    bot.emu.send_text(patient, WORDS)
    unsaved = await bot.emu.wait_for_message(COUNSELOR, contains="wrote or answered something")
    await _after_recovery(bot, disk, patient)
    await bot.emu.wait_for_message(COUNSELOR, contains="wrote again", after=unsaved.message_id)
    assert not [m for m in bot.emu.sent_to(patient) if texts.MESSAGE_NOT_SENT in m.text]
