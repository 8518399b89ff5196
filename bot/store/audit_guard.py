"""The audit segment the bot writes is still the file at its path (ops O122), and a torn tail set aside.

`sed -i 5d audit/000001-2026-12.log` while the bot ran (an editor, `cp` of an older copy, `rsync` do the same)
put a new file at the segment's path: the bot kept appending to the old one, deleted, and the rows written until
the next restart (a records export's among them) were gone with it; nothing noticed. Before each append the
writer now compares its open file with the path's: when it was replaced or removed it says so loudly (an ERROR,
``AuditLog.troubles`` for `doctor --live` and the admins: bot/jobs/audit_watch.py), starts a new segment whose
first row is ``audit_segment_replaced``, and writes on there, chained to the last row it wrote: nothing it
writes goes to a deleted file, and the file left at the old path is kept as it is, as evidence.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.store.storage import set_aside_tail

if TYPE_CHECKING:
    from bot.store.audit_log import AuditLog

log = logging.getLogger(__name__)


def still_ours(writer: AuditLog, row: Mapping[str, Any]) -> None:
    """Before ``row`` is appended: move to a new segment, on the record, if the open one is no longer at its path."""
    from bot.store.audit_log import SEGMENT_BYTES

    path, fd = writer._path, writer._fd
    if path is None or fd < 0:
        return
    try:
        st, mine = os.stat(path), os.fstat(fd)
        how = None if (st.st_ino, st.st_dev) == (mine.st_ino, mine.st_dev) else "replaced"
        if how is None and st.st_size < writer._size:  # rows cut off in place (`truncate`, ops O137)
            how = "cut short"
    except FileNotFoundError:
        how = "removed"
    except OSError:
        return  # not knowable now (a permission, a hung mount): the append says what goes wrong
    if how is None:
        return
    writer._size = SEGMENT_BYTES + 1  # full: a new segment, chained to the last row written
    month = str(row.get("at", ""))[:7]
    writer._segment_for(month, 0)
    trouble = (
        f"the audit segment {path.name} was {how} while the bot wrote it (an editor, `sed -i`, a copy put over "
        f"it?): the bot writes on in {writer._path.name if writer._path else 'a new segment'}, and the file left "
        "at the old path may lack rows; keep the data dir as it is and compare it with the last backup"
    )
    log.error("%s", trouble)
    writer.troubles.append(trouble)
    at = str(row.get("at", ""))
    writer.append(
        {
            "at": at,
            "actor": 0,
            "action": "audit_segment_replaced",
            "subject": "-",
            "segment": path.name,
            "how": how,
        }
    )


def set_aside_torn(path: Path, torn: bytes) -> None:
    """A last line cut short by a crash (never acknowledged): kept aside, loudly; the log goes on without it."""
    copy = set_aside_tail(path, torn)
    log.error(
        "audit log %s ended in %d bytes cut short (an append a crash interrupted, never acknowledged); "
        "they are kept at %s and the log goes on from the last whole record",
        path, len(torn), copy,
    )  # fmt: skip
