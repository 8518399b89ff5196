"""What happened on a full disk is on the record once the disk has room, once each (newcomer11 O5, re-check).

An alert stored late had its ``alert_raised`` row written twice (the audit log took the row when the alert was
raised; the outbox refused the alert), and a patient's /sos at that minute left no ``sos_opened`` row and no flag,
and was followed by "I couldn't save that" and the whole /help list.
"""

from __future__ import annotations

import errno

import pytest

from bot import texts
from bot.jobs.alerts import _sweep_job
from bot.store import storage
from bot.telegram.services import Context
from tests.conftest import COUNSELOR, Harness
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
