"""One altered byte in an old row of the newest audit segment no longer keeps the bot down (ops O139, P1): it
refused to start, exit 2 (systemd does not restart that), over a log that only records."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.store import audit_log
from bot.store.audit_damaged import damaged
from bot.store.crypto import FernetCodec, keygen
from bot.store.preflight import StartupRefused, preflight
from bot.store.repository import Repository

KEY = keygen()
NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)


def _log(data_dir: Path, rows: int = 8) -> Path:
    repo = Repository(data_dir, codec=FernetCodec([KEY]))
    for n in range(rows):
        repo.audit(NOW + timedelta(minutes=n), 0, "patient_viewed", "p1", n=n)
    repo.close()
    (segment,) = audit_log.segments(data_dir)
    return segment


def _alter(segment: Path, line: int) -> None:
    lines = segment.read_bytes().split(b"\n")
    raw = bytearray(lines[line - 1])
    raw[40] = ord("A") if raw[40] != ord("A") else ord("B")
    lines[line - 1] = bytes(raw)
    segment.write_bytes(b"\n".join(lines))


def test_a_damaged_line_sets_the_segment_aside_and_the_bot_starts(tmp_path: Path) -> None:
    segment = _log(tmp_path)
    _alter(segment, 3)
    before = segment.read_bytes()
    preflight(tmp_path, (KEY,))  # no StartupRefused
    (copy,) = damaged(tmp_path)
    assert copy.read_bytes() == before  # untouched, as evidence
    repo = Repository(tmp_path, codec=FernetCodec([KEY]))
    rows = repo.audit_log()
    repo.close()
    assert rows[-1]["action"] == "audit_segment_damaged" and "line 3" in str(rows[-1]["where"]), rows[-1]


def test_a_segment_no_line_of_which_opens_still_refuses(tmp_path: Path) -> None:
    """A wrong key opens nothing: that is the key check's refusal, and nothing is moved."""
    _log(tmp_path)
    with pytest.raises(StartupRefused):
        preflight(tmp_path, (keygen(),))
    assert not damaged(tmp_path)


def test_the_damaged_row_is_written_at_the_bots_time(tmp_path: Path) -> None:
    """gaps33's O139 row took the wall clock; the bot's clock is passed (time is a parameter)."""
    _alter(_log(tmp_path), 3)
    at = NOW + timedelta(days=400)  # no wall clock is this
    preflight(tmp_path, (KEY,), now=at)
    rows = [
        r.row
        for r in audit_log.records(tmp_path, FernetCodec([KEY]), check_chain=False)
        if r.segment.exists()
    ]
    (row,) = [r for r in rows if r["action"] == "audit_segment_damaged"]
    assert row["at"] == at.isoformat(), row
