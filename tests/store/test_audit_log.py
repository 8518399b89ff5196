"""The audit log: append-only, a hash chain, streamed; tampering, a torn tail and a foreign segment are loud."""

from __future__ import annotations

import io
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot.admin.backup import snapshot, verify_backup
from bot.admin.keys import rotate_key
from bot.admin.restore import restore_backup
from bot.cli import main
from bot.config.settings import Settings
from bot.domain.models import Counselor
from bot.runtime import open_services
from bot.store import audit_log
from bot.store.audit_damaged import damaged
from bot.store.audit_log import AuditLogRefused
from bot.store.crypto import FernetCodec, keygen
from bot.store.preflight import StartupRefused
from bot.store.repository import Repository
from bot.store.storage import DataRefusedError
from tests.store.test_fail_closed import _snapshot
from tests.store.test_repository import invitation

NOW = datetime(2026, 10, 30, tzinfo=UTC)
KEY = keygen()


def _fill(data_dir: Path, rows: int = 6, key: str = KEY) -> str:
    """A counselor, one patient, and ``rows`` audit rows across a month's turn; returns the patient id."""
    repo = Repository(data_dir, codec=FernetCodec([key]))
    repo.add_counselor(Counselor(1001, "Dana", role="admin"))
    repo.add_code(invitation("Zephyrine"))
    pid = repo.enroll(invitation("Zephyrine"), 2001, NOW).patient_id
    for n in range(rows):
        repo.audit(NOW + timedelta(days=n), 1001 if n % 2 else 1002, "patient_viewed", pid, n=n)
    repo.close()
    return pid


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    return tmp_path / "data"


def _codec() -> FernetCodec:
    return FernetCodec([KEY])


def test_rows_come_back_in_order_chained_across_segments_and_a_reopen(tmp_path: Path) -> None:
    _fill(tmp_path, rows=6)  # Oct 30, 31, then November: two segments
    names = [p.name for p in audit_log.segments(tmp_path)]
    assert names == ["000001-2026-10.log", "000002-2026-11.log"]
    repo = Repository(tmp_path, codec=_codec())
    repo.audit(NOW + timedelta(days=6), 0, "export_cli", "-")
    repo.close()
    rows = list(audit_log.rows(tmp_path, _codec()))
    assert [r.get("n") for r in rows] == [0, 1, 2, 3, 4, 5, None]
    assert audit_log.verify(tmp_path, _codec()) == (7, 2)
    assert b"patient_viewed" not in b"".join(p.read_bytes() for p in audit_log.segments(tmp_path))


def test_a_full_segment_rotates_and_an_append_costs_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_log, "SEGMENT_BYTES", 2000)
    log = audit_log.AuditLog(tmp_path, _codec())
    for n in range(30):
        before = sum(p.stat().st_size for p in audit_log.segments(tmp_path))
        log.append({"at": NOW.isoformat(), "actor": 1, "action": "x", "subject": "-", "n": n})
        grown = sum(p.stat().st_size for p in audit_log.segments(tmp_path)) - before
        assert grown < 400  # the record alone, never a rewrite
    log.close()
    assert len(audit_log.segments(tmp_path)) > 3
    assert audit_log.verify(tmp_path, _codec())[0] == 30


def test_the_cli_streams_filters_and_verifies(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fill(cli_env, rows=6)
    assert main(["audit", "--counselor", "1001"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["AT", "ACTOR", "ACTION", "PATIENT"]
    assert len(out) == 4 and all("1001" in line and "  Zephyrine  " in line for line in out[1:])
    assert main(["audit", "--counselor", "Dana"]) == 0  # by name, as every other --counselor (newcomer9 N41)
    assert capsys.readouterr().out.splitlines() == out
    assert main(["audit", "--patient", "Zephyrine"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 7
    assert main(["audit", "--verify"]) == 0
    assert "6 record(s) in 2 segment(s); the hash chain is whole" in capsys.readouterr().out


def test_a_removed_or_reordered_record_breaks_the_chain_where_it_happened(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(cli_env, rows=2)
    first = audit_log.segments(cli_env)[0]
    lines = first.read_bytes().split(b"\n")[:-1]
    first.write_bytes(lines[1] + b"\n" + lines[0] + b"\n")  # swapped: each still decrypts
    assert main(["audit", "--verify"]) == 1
    out = capsys.readouterr().out
    assert f"FAIL audit log: {first} line 1: the chain breaks here" in out
    first.write_bytes(lines[1] + b"\n")  # the first record removed
    assert main(["audit", "--verify"]) == 1
    assert "line 1: the chain breaks here (expected record 1" in capsys.readouterr().out
    assert main(["doctor"]) == 1
    assert "FAIL audit log:" in capsys.readouterr().out


def test_an_altered_record_is_set_aside_untouched_and_the_bot_starts(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ops O139: it refused start-up, exit 2, which systemd does not restart: the bot down over a log that only
    records. The segment is kept as it is, beside the log, and doctor FAILs it until someone reviews it."""
    _fill(cli_env, rows=6)
    newest = audit_log.segments(cli_env)[-1]
    raw = bytearray(newest.read_bytes())
    raw[30] = ord("A") if raw[30] != ord("A") else ord("B")  # one character of the first record
    newest.write_bytes(bytes(raw))
    with open_services(Settings(data_dir=cli_env, data_keys=(KEY,))):
        pass
    (copy,) = damaged(cli_env)
    assert copy.read_bytes() == bytes(raw) and copy.name.startswith(newest.name)
    assert main(["doctor"]) == 1
    assert f"FAIL audit log: {copy}" in capsys.readouterr().out


def test_a_foreign_or_garbled_segment_refuses_start_up_and_is_left_as_it_was(cli_env: Path) -> None:
    _fill(cli_env, rows=6)
    newest = audit_log.segments(cli_env)[-1]
    plain = [Fernet(KEY.encode()).decrypt(line) for line in newest.read_bytes().split(b"\n")[:-1]]
    other = Fernet(keygen().encode())
    newest.write_bytes(b"".join(other.encrypt(p) + b"\n" for p in plain))
    before = _snapshot(cli_env)
    settings = Settings(data_dir=cli_env, data_keys=(KEY,))
    with (
        pytest.raises(StartupRefused, match="encrypted under a key that was not given"),
        open_services(settings),
    ):
        pass
    assert _snapshot(cli_env) == before
    newest.write_bytes(b"\x00garbage with no line end" * 10)  # not a record cut short: refused, not cut
    before = _snapshot(cli_env)
    with pytest.raises(StartupRefused, match="no record cut short"), open_services(settings):
        pass
    assert _snapshot(cli_env) == before


def test_a_torn_tail_is_set_aside_loudly_and_the_chain_goes_on(
    cli_env: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(cli_env, rows=6)
    newest = audit_log.segments(cli_env)[-1]
    whole = newest.read_bytes()
    torn = Fernet(KEY.encode()).encrypt(b'{"n": 7}')[:50]  # a kill -9 (or power cut) mid-append
    newest.write_bytes(whole + torn)
    assert main(["audit", "--verify"]) == 1
    assert "cut short" in capsys.readouterr().out
    with caplog.at_level(logging.ERROR), open_services(Settings(data_dir=cli_env, data_keys=(KEY,))) as svc:
        svc.worker.call(svc.repo.audit, NOW, 0, "after_the_crash", "-")
    assert "50 bytes cut short" in caplog.text
    (copy,) = audit_log.strays(cli_env)
    assert copy.read_bytes() == torn and newest.read_bytes().startswith(whole)
    assert main(["audit", "--verify"]) == 0
    assert "7 record(s)" in capsys.readouterr().out
    main(["doctor"])
    assert f"FAIL set aside: {copy} holds the cut-short end of audit log segment" in capsys.readouterr().out


def test_backup_restore_and_key_rotation_carry_the_log(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _fill(data_dir, rows=6)
    snapshot(data_dir, (KEY,), tmp_path / "b.iopbak", NOW)
    assert (
        verify_backup(
            Settings(data_dir=data_dir, data_keys=(KEY,)), str(tmp_path / "b.iopbak"), io.StringIO()
        )
        == 0
    )
    restored = Settings(data_dir=tmp_path / "restored", data_keys=(KEY,))
    assert restore_backup(restored, str(tmp_path / "b.iopbak"), io.StringIO()) == 0
    # One row more each, saying who restored and rotated (ops O21); a new month may start a segment.
    assert audit_log.verify(restored.data_dir, _codec())[0] == 7
    new = keygen()
    assert rotate_key(Settings(data_dir=data_dir, data_keys=(KEY,)), new, io.StringIO()) == 0
    assert audit_log.verify(data_dir, FernetCodec([new]))[0] == 7
    with pytest.raises(AuditLogRefused):
        audit_log.verify(data_dir, _codec())  # the old key opens no record any more


def test_the_log_trusts_start_ups_check_only_while_the_newest_segment_is_unchanged(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _fill(data_dir, rows=6)
    checked = audit_log.check_newest(data_dir, _codec())
    assert checked is not None
    audit_log.AuditLog(data_dir, _codec(), checked=checked).close()  # start-up's check is not repeated
    newest = audit_log.segments(data_dir)[-1]
    lines = newest.read_bytes().split(b"\n")
    other = Fernet(keygen().encode()).encrypt(b'{"n": 1}')
    newest.write_bytes(b"\n".join([other, *lines[1:]]))  # the first line replaced after the check
    with pytest.raises(DataRefusedError):
        audit_log.AuditLog(data_dir, _codec(), checked=checked)


def test_a_segment_emptied_by_setting_its_tail_aside_does_not_break_the_next_month(tmp_path: Path) -> None:
    """The first append of a month's new segment cut short by a crash, set aside at the next start (or by
    `doctor --quarantine`) in a later month: the emptied segment was left between older and newer ones, and
    every start after refused the log ("empty, and newer segments follow")."""
    _fill(tmp_path, rows=6)
    codec = FernetCodec([KEY])
    segment = audit_log.segment_dir(tmp_path) / "000009-2026-12.log"
    segment.write_bytes(Fernet(KEY.encode()).encrypt(b'{"n": 7}')[:40])
    log = audit_log.AuditLog(tmp_path, codec)
    log.append({"at": "2027-01-02T10:00:00+00:00", "actor": 0, "action": "after_the_crash", "subject": "-"})
    log.close()
    audit_log.check_newest(tmp_path, codec)
    assert audit_log.verify(tmp_path, codec)[0] == 7


def test_the_cli_shows_every_row_that_opens_past_a_break_and_doctor_keeps_the_evidence(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ops O124: one early row deleted hid the rest of the trail (rows before the break, then exit 2), and doctor
    said to restore the data dir from a backup, which loses everything since it."""
    _fill(cli_env, rows=6)  # records 1-2 in October's segment, 3-6 in November's
    newest = audit_log.segments(cli_env)[-1]
    lines = newest.read_bytes().split(b"\n")[:-1]
    newest.write_bytes(b"\n".join([lines[0], *lines[2:]]) + b"\n")  # record 4 taken out
    assert main(["audit"]) == 1
    out = capsys.readouterr().out.splitlines()
    (mark,) = [i for i, line in enumerate(out) if "the chain breaks here" in line]
    assert f"{newest} line 2: expected record 4, found record 5" in out[mark], out[mark]
    assert len([line for line in out if "patient_viewed" in line]) == 5, out  # every row that opens
    assert len(out) - 1 - mark == 2, out  # records 5 and 6, after the mark
    assert main(["doctor"]) == 1
    said = [line for line in capsys.readouterr().out.splitlines() if line.startswith("FAIL audit log")]
    assert said and "evidence" in said[0] and "Do not restore over this data dir" in said[0], said


def test_a_disclosure_with_the_cli_carries_its_recipient_purpose_and_where_it_went(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ops O128: the row said only that `root@vm` exported it; an accounting of disclosures needs to whom and why."""
    _fill(cli_env, rows=2)
    out = cli_env.parent / "r1.json"
    court = ["--to", "Cook County Circuit Court, order 2026-123", "--purpose", "court order"]
    assert main(["patient", "record", "Zephyrine", "--out", str(out), *court]) == 0
    assert "no --to and --purpose given" not in capsys.readouterr().err
    assert main(["export", "--patient", "Zephyrine"]) == 0  # to standard output, nobody named
    assert "no --to and --purpose given" in capsys.readouterr().err
    assert main(["audit", "--patient", "Zephyrine", "--disclosures"]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    assert len(lines) == 2 and "patient_viewed" not in "".join(lines), lines
    record, export = lines
    assert (
        "patient_record_exported_cli" in record and "to=Cook County Circuit Court, order 2026-123" in record
    )
    assert "purpose=court order" in record and f"out={out}" in record, record
    assert "export_cli" in export and "out=standard output" in export and "to=" not in export, export
