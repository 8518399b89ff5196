"""A full disk or a read-only data dir: the patient hears their answer was not saved, the error is
logged by ids only, the bot keeps running, and the next answer after space returns is stored."""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from bot.store import storage
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_checkin import answer_all, entries

NOTE = "slept at my sister's, rough night"


class Disk:
    """The ``os`` module as the store sees it, on a disk that can fill up or turn read-only."""

    def __init__(self) -> None:
        self.error: int | None = None  # errno.ENOSPC or errno.EROFS while the fault lasts
        self.refused = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def _fail(self) -> None:
        assert self.error is not None
        self.refused += 1
        raise OSError(self.error, os.strerror(self.error))

    def open(self, path: str | Path, flags: int, mode: int = 0o777) -> int:
        # A read-only filesystem refuses to create the temp file; a full one takes it, then no bytes.
        if self.error == errno.EROFS and flags & os.O_CREAT:
            self._fail()
        return os.open(path, flags, mode)

    def write(self, fd: int, data: memoryview) -> int:
        if self.error == errno.ENOSPC:
            self._fail()
        return os.write(fd, data)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    fake = Disk()
    monkeypatch.setattr(storage, "os", fake)
    return fake


def _temp_files(bot: Harness) -> list[Path]:
    return list(bot.services.settings.data_dir.rglob(f".*{storage.TEMP_MARK}*"))


@pytest.mark.parametrize("fault", [errno.ENOSPC, errno.EROFS], ids=["disk full", "read-only"])
async def test_an_answer_that_cannot_be_saved_is_reported_and_the_next_one_after_recovery_is_stored(
    bot: Harness, patient: int, disk: Disk, fault: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["7", "2", "Good", "Yes", "No"])
    question = await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT)

    disk.error = fault
    bot.emu.send_text(patient, NOTE)
    told = await bot.emu.wait_for_message(patient, contains=texts.SAVE_FAILED, after=question.message_id)
    await bot.emu.settle(patient)
    after_fault = [m.text for m in bot.emu.sent_to(patient) if m.message_id >= told.message_id]
    assert after_fault == [texts.SAVE_FAILED]  # once, and nothing that claims it was saved
    assert disk.refused >= 1 and entries(bot, patient) == [] and _temp_files(bot) == []
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert failures and all(r.name == "bot.handlers.errors" for r in failures)
    # By the update, never the Telegram id (ops O65).
    assert (
        "(update " in caplog.text
        and f"user {patient}" not in caplog.text
        and os.strerror(fault) in caplog.text
    )
    assert NOTE not in caplog.text  # ids only, never what the patient wrote

    disk.error = None  # space is back: the same answer, typed again, goes through
    bot.emu.send_text(patient, NOTE)
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in", after=told.message_id)
    assert entries(bot, patient) == [
        {"mood": 7, "craving": 2, "sleep": 2, "medication": 1, "used": 0, "note": NOTE}
    ]


async def test_a_check_in_started_on_a_read_only_disk_can_be_started_again_later(
    bot: Harness, patient: int, disk: Disk
) -> None:
    disk.error = errno.EROFS
    before = len(bot.emu.sent_to(patient))
    bot.emu.send_text(patient, "/checkin")
    await bot.emu.wait_for_message(patient, contains=texts.SAVE_FAILED)
    await bot.emu.settle(patient)
    assert [m.text for m in bot.emu.sent_to(patient)[before:]] == [texts.SAVE_FAILED]

    disk.error = None
    bot.emu.send_text(patient, "/checkin")
    await bot.emu.wait_for_message(patient, contains="mood")


async def test_crisis_language_on_a_full_disk_still_reaches_the_counselor(
    bot: Harness, patient: int, disk: Disk
) -> None:
    disk.error = errno.ENOSPC
    bot.emu.send_text(patient, "honestly I just want to kill myself tonight")
    await bot.emu.wait_for_message(patient, contains="988")  # the patient gets the crisis lines today
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent", timeout=3)
    await bot.emu.settle()
    # No "try again" after a crisis message: it was answered, whatever the disk did.
    assert texts.SAVE_FAILED not in [m.text for m in bot.emu.sent_to(patient)]


async def test_on_a_full_disk_not_safe_and_the_words_after_a_crisis_still_reach_a_person(
    bot: Harness, patient: int, disk: Disk
) -> None:
    """Newcomer4 finding 1: on a full disk the crisis alert went out unsaved, but the "I'm not safe" tap after
    it reached nobody ("try again in a minute, you lost nothing"), and so did "please someone call me"."""
    bot.emu.send_text(COUNSELOR, "/help")  # the counselor has opened the bot
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    disk.error = errno.ENOSPC
    bot.emu.send_text(patient, "i have all my pills here and im going to take them all tonight")
    question = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.wait_for_message(COUNSELOR, contains="could not save this alert")
    bot.emu.press_button(patient, question, texts.BTN_NOT_SAFE)
    await bot.emu.wait_for_message(COUNSELOR, contains="said they are not safe right now")
    bot.emu.send_text(patient, "im alone in my apartment")
    words = await bot.emu.wait_for_message(COUNSELOR, contains="could not save")
    # newcomer13 O42: "not shown or kept anywhere", then the words came after a restart (the inbox had them).
    assert "kept anywhere" not in words.text and "as soon as its disk has room" in words.text
    told = await bot.emu.wait_for_message(patient, contains=texts.SAVE_FAILED_TOLD)
    assert texts.SAVE_FAILED not in told.text


async def test_an_alert_sent_unsaved_is_on_the_record_once_the_disk_has_room(
    bot: Harness, patient: int, disk: Disk
) -> None:
    """newcomer11 O5: the alert went out unsaved on a full disk, and once space returned it was on no record
    (no alert on the patient's page, no alert_raised or alert_sent in the audit): an incident review showed no
    crisis. Now it is stored with what was sent (not sent again) and escalates like any other."""
    from bot.jobs.alerts import _sweep_job
    from bot.telegram.services import Context

    bot.emu.send_text(COUNSELOR, "/help")  # the counselor has opened the bot
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    disk.error = errno.ENOSPC
    bot.emu.send_text(patient, "honestly I just want to kill myself tonight")
    await bot.emu.wait_for_message(COUNSELOR, contains="could not save this alert")
    await bot.emu.wait_until(lambda: bool(bot.services.state.alerts_unstored))
    assert not bot.services.worker.call(bot.services.repo.open_alerts)
    disk.error = None
    await _sweep_job(Context(bot.app))  # the 30-s sweep, once
    [alert] = bot.services.worker.call(bot.services.repo.open_alerts)
    assert [(d.round, d.to) for d in alert.deliveries] == [(0, COUNSELOR)]
    assert not bot.services.state.alerts_unstored
    actions = [r["action"] for r in bot.services.worker.call(bot.services.repo.audit_log)]
    assert {"alert_raised", "alert_sent", "alert_stored_late"} <= set(actions), actions
    await bot.emu.settle()
    assert len([m for m in bot.emu.sent_to(COUNSELOR) if "Urgent" in m.text]) == 1  # not sent twice
