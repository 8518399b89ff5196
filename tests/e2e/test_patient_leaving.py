"""`iop-bot patient close|erase|record` (ops O14: an admin could neither close a patient's enrollment nor erase
their data from the CLI, nor read their whole record). Run through the running bot's control socket."""

from __future__ import annotations

import asyncio
import io
import json
import os
import stat
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from tests.conftest import COUNSELOR, HARD_DAY, KEY, Harness, check_in_with_note

CRISIS = "i took all the pills i saved an hour ago, i already wrote the letters"


@pytest.fixture(autouse=True)
def _env(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IOP_DATA_DIR", str(bot.services.settings.data_dir))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    monkeypatch.setenv("SUDO_USER", "alice")


def _rows(bot: Harness, action: str) -> list[dict[str, Any]]:
    return [r for r in bot.services.worker.call(bot.services.repo.audit_log) if r["action"] == action]


def _alex(bot: Harness) -> Any:
    found = bot.services.worker.call(bot.services.repo.patient_by_alias, "Alex")
    assert found is not None
    return found


async def test_close_withdraws_tells_both_once_and_says_what_stays_open(
    bot: Harness, patient: int, capsys: pytest.CaptureFixture[str]
) -> None:
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    capsys.readouterr()
    assert await asyncio.to_thread(main, ["patient", "close", "Alex"]) == 0
    out = capsys.readouterr().out
    assert "Alex's enrollment is closed" in out
    assert "1 urgent alert(s) not acknowledged yet stay open" in out
    told = await bot.emu.wait_for_message(patient, contains="closed your enrollment")
    assert "/sos" in told.text and "/delete" in told.text
    card = await bot.emu.wait_for_message(COUNSELOR, contains="enrollment was closed by an admin")
    assert "Alex" in card.text and "keep escalating" in card.text
    alex = _alex(bot)
    assert alex.status == "withdrawn" and alex.status_changed_at is not None  # the retention clock
    (row,) = _rows(bot, "enrollment_closed")
    assert row["by"].startswith("alice via ") and row["open_alerts"] == 1 and row["was"] == "active"
    assert await asyncio.to_thread(main, ["patient", "close", "Alex"]) == 1
    assert "closed already" in capsys.readouterr().err
    assert len([m for m in bot.emu.sent_to(patient) if "closed your enrollment" in m.text]) == 1


async def test_erase_asks_for_the_alias_then_does_what_delete_does(
    bot: Harness, patient: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    await check_in_with_note(bot, patient, "ERASEMARK my cousin visited", HARD_DAY)
    svc, pid = bot.services, _alex(bot).patient_id
    assert svc.worker.call(svc.repo.open_flags, pid)
    monkeypatch.setattr("sys.stdin", io.StringIO("Alexa\n"))
    assert await asyncio.to_thread(main, ["patient", "erase", "Alex"]) == 1
    assert "not confirmed" in capsys.readouterr().err and svc.worker.call(svc.repo.checkins, pid)
    monkeypatch.setattr("sys.stdin", io.StringIO("ALEX\n"))  # as commands read an alias: any case
    assert await asyncio.to_thread(main, ["patient", "erase", "Alex"]) == 0
    out = capsys.readouterr().out
    assert "Alex's data is erased" in out and "flag(s) waiting for review: erased" in out
    assert svc.worker.call(svc.repo.checkins, pid) == [] and not svc.worker.call(svc.repo.open_flags, pid)
    await bot.emu.wait_for_message(patient, contains="Your program erased")
    await bot.emu.wait_for_message(COUNSELOR, contains="An admin erased")
    (row,) = _rows(bot, "patient_data_erased_admin")
    assert row["subject"] == pid and row["by"].startswith("alice via ")
    assert "ERASEMARK" not in json.dumps(svc.worker.call(svc.repo.patient_data_export, pid))


async def test_record_is_the_whole_record_with_a_legend_and_audited(
    bot: Harness, patient: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    await check_in_with_note(bot, patient, "RECORDMARK slept badly", HARD_DAY)
    out = tmp_path / "alex-record.json"
    assert await asyncio.to_thread(main, ["patient", "record", "Alex", "--out", str(out)]) == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    document = json.loads(out.read_text())
    (checkin,) = document["record"]["check-ins"]
    assert checkin["Note"] == "RECORDMARK slept badly" and checkin["Mood"] == "2/10"
    assert document["stored"]["checkins"][0]["answers"]["mood"] == 2
    legend = document["legend"]["check-in items (stored under checkins.answers)"]
    assert "sleep" in legend and isinstance(legend["sleep"]["answer"], dict)
    assert document["record"]["profile"]["Counselor"] == "Dana Rivera" and document["legend"]["flag kinds"]
    (row,) = _rows(bot, "patient_record_exported_cli")
    assert row["subject"] == _alex(bot).patient_id and row["by"].startswith("alice via ")
    assert "whole record" in capsys.readouterr().err


async def test_close_drops_the_messages_queued_for_the_patient_and_says_so(
    bot: Harness, patient: int
) -> None:
    from bot.admin.leaving import close

    svc = bot.services

    def queue_then_close() -> Any:  # one store call: the 5-second notice sweep cannot send it in between
        svc.repo.add_notice(patient, "A session moved QUEUEDNOTICE", svc.now())
        return close(svc.repo, svc.settings, svc.now(), {"alias": "Alex", "by": "alice"})

    result = svc.worker.call(queue_then_close)
    assert "1 queued message(s) to them (e.g. a session change): not sent" in result["open"]
    await bot.emu.wait_for_message(patient, contains="closed your enrollment")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="enrollment was closed by an admin")
    assert "queued message(s)" in card.text
    assert not [m for m in bot.emu.sent_to(patient) if "QUEUEDNOTICE" in m.text]


async def test_erase_with_yes_takes_the_alias_as_typed_without_its_accents(
    bot: Harness, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import enroll_patient

    await enroll_patient(bot, 2002, "Lucía")
    assert await asyncio.to_thread(main, ["patient", "erase", "Lucia", "--yes"]) == 0
    assert "Lucía's data is erased" in capsys.readouterr().out


async def test_close_says_what_is_true_of_an_alert_past_its_last_reminder_and_of_no_retention_limit(
    bot: Harness, patient: int, capsys: pytest.CaptureFixture[str]
) -> None:
    # ops O59 / newcomer14 N102: 'keep escalating' was said of an alert past its last reminder (nothing more is
    # sent), and 'erased at the end of the retention period' with retention_days = 0 (no limit).
    svc = bot.services
    assert svc.settings.retention_days == 0
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    (alert,) = svc.worker.call(svc.repo.open_alerts)
    s = svc.settings
    spent = s.escalate_after_minutes + s.escalate_repeat_minutes * s.escalate_max_rounds + 1
    svc.worker.call(
        svc.repo.save_alert, replace(alert, created_at=alert.created_at - timedelta(minutes=spent))
    )
    capsys.readouterr()
    assert await asyncio.to_thread(main, ["patient", "close", "Alex"]) == 0
    out = capsys.readouterr().out
    card = await bot.emu.wait_for_message(COUNSELOR, contains="enrollment was closed by an admin")
    for text in (out, card.text):
        assert "keep escalating" not in text and "past its last reminder" in text, text
        assert "retention period" not in text, text
    assert "kept until" in card.text, card.text


async def test_an_out_file_that_cannot_be_written_is_one_line_and_no_export_row(
    bot: Harness, patient: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ops O70: --out the bot's user cannot write ended in a traceback, and the audit log said the record had
    been exported. (A missing directory stands for one the user may not write: the tests run as root.)"""
    nowhere = tmp_path / "not-there"
    capsys.readouterr()
    assert await asyncio.to_thread(main, ["patient", "record", "Alex", "--out", str(nowhere / "a.json")]) == 1
    assert (
        await asyncio.to_thread(main, ["export", "--patient", "Alex", "--out", str(nowhere / "a.csv")]) == 1
    )
    err = capsys.readouterr().err
    assert err.count("could not write") == 2 and "Nothing was exported" in err and "Traceback" not in err, err
    assert not _rows(bot, "patient_record_exported_cli") and not _rows(bot, "export_cli")


async def test_erase_names_the_backups_that_still_hold_the_data_and_record_the_audit_rows(
    bot: Harness, patient: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ops O96: after `patient erase` nothing said that the nightly backups still held P1's words, and the
    record export did not say the audit rows about the patient were elsewhere."""
    backups = tmp_path / "backups"
    backups.mkdir()
    for night in ("iop-2026-11-29.iopbak", "iop-2026-11-30.iopbak"):
        assert await asyncio.to_thread(main, ["backup", "--out", str(backups / night)]) == 0
    assert (
        await asyncio.to_thread(main, ["patient", "record", "Alex", "--out", str(tmp_path / "r.json")]) == 0
    )
    assert "iop-bot audit --patient Alex" in capsys.readouterr().err
    assert await asyncio.to_thread(main, ["patient", "erase", "Alex", "--yes"]) == 0
    out = capsys.readouterr().out
    assert f"2 file(s) in {backups}" in out and "iop-2026-11-30.iopbak" in out, out
    assert "complete once they are deleted" in out, out


async def test_a_record_or_export_of_a_patient_who_revoked_consent_says_so(
    bot: Harness, patient: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ops O138: nothing told the admin that the patient had revoked consent (/stop)."""
    bot.emu.send_text(patient, "/stop")
    q = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons))
    bot.emu.press_button(patient, q, "Stop")
    await bot.emu.wait_until(lambda: _alex(bot).status == "withdrawn")
    out = tmp_path / "alex-record.json"
    assert await asyncio.to_thread(main, ["patient", "record", "Alex", "--out", str(out)]) == 0
    assert "Alex revoked their consent on " in capsys.readouterr().err
    assert json.loads(out.read_text())["consent"].startswith("revoked by the patient (/stop) ")
    assert (
        await asyncio.to_thread(main, ["export", "--patient", "Alex", "--out", str(tmp_path / "a.csv")]) == 0
    )
    assert "Alex revoked their consent on " in capsys.readouterr().err
