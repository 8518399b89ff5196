"""`iop-bot doctor` on the newest audit segment's end (newcomer13 O51).

(a) A new segment whose first append was cut short: doctor's store-opening checks (reach, alerts, digests)
set the tail aside themselves, so doctor, which "changes nothing", rewrote the evidence file. (b) A newest
segment none of whose lines opens got "restore the data dir from a backup" first (losing everything since
it), and the foreign-files line said every file was the bot's.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.admin.doctor import run_checks
from bot.admin.quarantine import quarantine_file
from bot.config.settings import Settings
from bot.store.crypto import FernetCodec
from bot.store.preflight import StartupRefused, preflight
from bot.store.repository import Repository
from tests.store.test_patients_log import KEY, _enroll

CUT = b"gAAAAABrDavwv0rDacQ_Unr8TGJ"


def _doctor(data_dir: Path) -> list[str]:
    out = io.StringIO()
    run_checks(Settings(data_dir=data_dir, data_keys=(KEY,)), out)
    return out.getvalue().splitlines()


def _audited(data_dir: Path) -> Path:
    """A program with one audit segment of whole records; returns that segment."""
    _enroll(data_dir, 1)
    repo = Repository(data_dir, codec=FernetCodec([KEY]))
    repo.audit(datetime.now(UTC), 1001, "note", "x")
    repo.close()
    (segment,) = (data_dir / "audit").glob("*.log")
    return segment


def _new_segment(data_dir: Path, raw: bytes) -> Path:
    _audited(data_dir)
    segment = data_dir / "audit" / f"000002-{datetime.now(UTC):%Y-%m}.log"
    segment.write_bytes(raw)
    segment.chmod(0o600)
    return segment


def test_doctor_leaves_a_cut_short_audit_tail_as_it_is_and_names_the_repair(tmp_path: Path) -> None:
    segment = _new_segment(tmp_path, CUT)
    for _ in range(2):
        lines = _doctor(tmp_path)
        assert segment.read_bytes() == CUT and not list(segment.parent.glob("*.torn-*")), lines
    (aside,) = [line for line in lines if " set aside:" in line]
    assert aside.startswith(f"FAIL set aside: {segment} ends in {len(CUT)} bytes cut short (audit log")
    assert f"`iop-bot doctor --quarantine {segment}`" in aside
    (reach,) = [line for line in lines if " counselors:" in line]
    assert "not checked: opening the records now would set aside" in reach
    (audit,) = [line for line in lines if " audit log:" in line]
    assert "--quarantine" in audit and "restore the data dir" not in audit, audit


def test_quarantine_sets_a_cut_short_audit_tail_aside_on_the_record(tmp_path: Path) -> None:
    segment = _new_segment(tmp_path, CUT)
    said = quarantine_file(Settings(data_dir=tmp_path, data_keys=(KEY,)), str(segment), datetime.now(UTC))
    (copy,) = segment.parent.glob("*.torn-*")
    assert copy.read_bytes() == CUT and copy.name in said
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    assert [e for e in repo.audit_log() if e["action"] == "set_aside_tail"]
    repo.close()
    assert not [line for line in _doctor(tmp_path) if " counselors:" in line and "not checked" in line]


def test_a_newest_segment_none_of_whose_lines_opens_is_named_as_possibly_foreign(tmp_path: Path) -> None:
    segment = _new_segment(tmp_path, b"garbage line\n")
    lines = _doctor(tmp_path)
    (audit,) = [line for line in lines if " audit log:" in line]
    assert audit.startswith(f"FAIL audit log: {segment} line 1: torn or damaged"), audit
    assert f"Not one of {segment.name}'s lines opens" in audit
    assert "move it out of" in audit and audit.index("move it out") < audit.index("iop-bot restore")
    foreign = [line for line in lines if " foreign files:" in line]
    assert foreign and not any("every file in the data dir is one the bot writes" in f for f in foreign)
    with pytest.raises(StartupRefused) as refused:
        preflight(tmp_path, (KEY,))
    assert "move it out of" in str(refused.value), refused.value


def test_a_damaged_line_among_good_ones_still_says_restore(tmp_path: Path) -> None:
    segment = _audited(tmp_path)
    good = segment.read_bytes()
    segment.write_bytes(good + b"garbage line\n")
    (audit,) = [line for line in _doctor(tmp_path) if " audit log:" in line]
    assert "iop-bot restore" in audit and "move it out" not in audit
