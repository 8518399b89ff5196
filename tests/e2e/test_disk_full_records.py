"""What happened on a full disk is on the record once the disk has room, once each (newcomer11 O5, re-check).

An alert stored late had its ``alert_raised`` row written twice (the audit log took the row when the alert was
raised; the outbox refused the alert), and a patient's /sos at that minute left no ``sos_opened`` row and no flag,
and was followed by "I couldn't save that" and the whole /help list.
"""

from __future__ import annotations

import dataclasses
import errno
import os
from pathlib import Path

import pytest

from bot import texts
from bot.domain.models import Counselor
from bot.jobs.alerts import _sweep_job
from bot.store import audit_log, storage
from bot.telegram.services import Context
from tests.conftest import COUNSELOR, Harness, say_hello
from tests.e2e.test_disk_faults import Disk


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    fake = Disk()  # the store's os on a disk that fills up (tests/e2e/test_disk_faults.py)
    monkeypatch.setattr(storage, "os", fake)
    return fake


def _actions(bot: Harness) -> list[str]:
    return [str(r["action"]) for r in bot.services.worker.call(bot.services.repo.audit_log)]


async def test_an_alert_stored_late_is_raised_once_on_the_record(
    bot: Harness, patient: int, disk: Disk
) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    disk.error = errno.ENOSPC
    bot.emu.send_text(patient, "honestly I just want to kill myself tonight")
    await bot.emu.wait_for_message(COUNSELOR, contains="could not save this alert")
    await bot.emu.wait_until(lambda: bool(bot.services.state.alerts_unstored))
    disk.error = None
    await _sweep_job(Context(bot.app))
    actions = _actions(bot)
    assert actions.count("alert_raised") == 1 and actions.count("alert_stored_late") == 1, actions


async def test_an_sos_on_a_full_disk_is_answered_alone_and_flagged_once_the_disk_has_room(
    bot: Harness, patient: int, disk: Disk
) -> None:
    svc = bot.services
    disk.error = errno.ENOSPC
    before = len(bot.emu.sent_to(patient))
    bot.emu.send_text(patient, "/sos")
    await bot.emu.wait_for_message(patient, contains="988")
    await bot.emu.settle()
    said = [m.text for m in bot.emu.sent_to(patient)[before:]]
    assert not [t for t in said if "/checkin" in t or texts.SAVE_FAILED in t or "couldn't save" in t], said
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "could not save" in m.text]
    disk.error = None
    await _sweep_job(Context(bot.app))
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    assert [f["kind"] for f in svc.worker.call(svc.repo.open_flags, found.patient_id)] == ["sos_opened"]
    assert _actions(bot).count("sos_opened") == 1


async def test_an_alert_carded_on_a_full_disk_is_sent_once_on_the_record_across_retries(
    bot: Harness, patient: int, disk: Disk
) -> None:
    """Ops O117: a try to store it while the disk was still full put its rows on the audit log (an append
    fits where the outbox's rewrite does not), and the try that stored it wrote them again: `alert_sent` twice
    to the same counselor, who had the card once."""
    svc = bot.services
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    disk.error = errno.ENOSPC
    bot.emu.send_text(patient, "quiero morirme, ya no aguanto más")
    await bot.emu.wait_for_message(COUNSELOR, contains="could not save this alert")
    await bot.emu.wait_until(lambda: bool(svc.state.alerts_unstored))
    refused = disk.refused
    await _sweep_job(Context(bot.app))  # still full: tried, refused, kept for the next try
    assert disk.refused > refused and svc.state.alerts_unstored
    disk.error = None
    await _sweep_job(Context(bot.app))
    await bot.emu.wait_until(lambda: "alert_stored_late" in _actions(bot))  # this sweep's or the bot's own
    rows = svc.worker.call(svc.repo.audit_log)
    sent = [(r["to"], r["round"]) for r in rows if r["action"] == "alert_sent"]
    assert sent == [(COUNSELOR, 0)], sent
    actions = _actions(bot)
    assert actions.count("alert_raised") == 1 and actions.count("alert_stored_late") == 1, actions
    assert sum("could not save this alert" in m.text for m in bot.emu.sent_to(COUNSELOR)) == 1


class _Rows(Disk):
    """The audit log's ``os`` on that disk: while it is full it takes ``room`` more rows, then none."""

    room = 0

    def write(self, fd: int, data: memoryview) -> int:
        if self.error is not None:
            if self.room <= 0:
                self._fail()
            self.room -= 1
        return os.write(fd, data)

    def open(self, path: str | Path, flags: int, mode: int = 0o777) -> int:
        return os.open(path, flags, mode)


ONCALL = 1002


async def test_each_card_is_on_the_record_once_when_the_audit_log_took_some_rows_of_a_refused_try(
    bot: Harness, patient: int, disk: Disk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ops O117 as seen: `alert_sent` twice to the patient's counselor, once to on-call: a try took some rows."""
    svc = bot.services
    svc.settings = dataclasses.replace(svc.settings, oncall=(ONCALL,))
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ONCALL, name="Pat Kim"))
    bot.emu.add_user(ONCALL, first_name="Pat")
    await say_hello(bot.emu, ONCALL)
    rows = _Rows()
    monkeypatch.setattr(audit_log, "os", rows)
    disk.error = rows.error = errno.ENOSPC  # neither the outbox nor the audit log takes anything
    bot.emu.send_text(patient, "quiero morirme, ya no aguanto más")
    await bot.emu.wait_for_message(ONCALL, contains="could not save this alert")
    await bot.emu.wait_until(lambda: bool(svc.state.alerts_unstored))
    rows.room = 2  # alert_raised and the first alert_sent fit; the second and the outbox do not
    await _sweep_job(Context(bot.app))
    assert svc.state.alerts_unstored and rows.room == 0
    disk.error = rows.error = None
    await _sweep_job(Context(bot.app))
    await bot.emu.wait_until(lambda: "alert_stored_late" in _actions(bot))
    log = svc.worker.call(svc.repo.audit_log)
    sent = sorted((r["to"], r["round"]) for r in log if r["action"] == "alert_sent")
    assert sent == [(COUNSELOR, 0), (ONCALL, 0)], sent
    actions = _actions(bot)
    assert actions.count("alert_raised") == 1 and actions.count("alert_stored_late") == 1, actions
