"""An audit segment replaced or removed while the bot writes it (ops O122, P1): `sed -i 5d` put a new file at the
segment's path, the bot went on appending to the deleted one, and every row written until the next restart (a
records export's among them) was lost; nothing noticed. The writer now moves to a new segment, on the record."""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.store import audit_log
from bot.store.audit_log import AuditLog, AuditLogRefused
from bot.store.crypto import FernetCodec, keygen

NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
KEY = keygen()


def _row(n: int) -> dict[str, object]:
    return {
        "at": (NOW + timedelta(minutes=n)).isoformat(),
        "actor": 0,
        "action": "patient_viewed",
        "subject": "p",
        "n": n,
    }


def _sed_delete(path: Path, line: int) -> None:
    """What `sed -i Nd` does: the file without that line written beside it, renamed over it (a new inode)."""
    lines = path.read_bytes().split(b"\n")
    del lines[line - 1]
    temp = path.with_name(path.name + ".sed")
    temp.write_bytes(b"\n".join(lines))
    os.replace(temp, path)


@pytest.mark.parametrize("how", ["replaced", "removed"])
def test_rows_written_after_the_segment_was_replaced_or_removed_are_kept_and_it_is_said(
    tmp_path: Path, how: str, caplog: pytest.LogCaptureFixture
) -> None:
    codec = FernetCodec([KEY])
    writer = AuditLog(tmp_path, codec)
    for n in range(6):
        writer.append(_row(n))
    (first,) = audit_log.segments(tmp_path)
    if how == "replaced":
        _sed_delete(first, 5)
    else:
        first.unlink()
    with caplog.at_level(logging.ERROR, logger="bot.store.audit_guard"):
        writer.append(_row(6))  # a records export's row, say
        writer.append(_row(7))
    writer.close()

    assert len(writer.troubles) == 1 and how in writer.troubles[0] and first.name in writer.troubles[0]
    assert any(how in r.getMessage() for r in caplog.records)
    newest = audit_log.segments(tmp_path)[-1]
    assert newest != first
    kept = [r for r in audit_log.records(tmp_path, codec, check_chain=False) if r.segment == newest]
    assert [r.row["action"] for r in kept] == ["audit_segment_replaced", "patient_viewed", "patient_viewed"]
    assert kept[0].row["segment"] == first.name and kept[0].row["how"] == how
    assert [r.row.get("n") for r in kept[1:]] == [6, 7] and [r.n for r in kept] == [7, 8, 9]
    with pytest.raises(AuditLogRefused, match="chain breaks"):  # the gap left at the old path is evidence
        audit_log.verify(tmp_path, codec)


def test_a_segment_left_alone_is_written_on_without_a_word(tmp_path: Path) -> None:
    writer = AuditLog(tmp_path, FernetCodec([KEY]))
    for n in range(3):
        writer.append(_row(n))
    writer.close()
    assert not writer.troubles and len(audit_log.segments(tmp_path)) == 1
    assert audit_log.verify(tmp_path, FernetCodec([KEY])) == (3, 1)
