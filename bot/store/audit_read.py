"""The audit log read past a break in its chain (ops O124).

An insider who deleted one early row hid the rest of the trail from `iop-bot audit`: it printed the rows before
the break and stopped (exit 2), though every row after it opens. For a records request or an accounting of
disclosures after an incident every row that opens is shown, and each break is said where it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.store import audit_log
from bot.store.storage import Codec


def rows_past_breaks(data_dir: Path, codec: Codec | None) -> Iterator[tuple[dict[str, Any], str]]:
    """Every row that opens, oldest first, each with "" or, when the chain breaks just before it, where and how.
    A record that does not open still stops the reading (audit_log.AuditLogRefused): it is no row to show."""
    prev, expected = audit_log.GENESIS, 1
    for record in audit_log.records(data_dir, codec, check_chain=False):
        broke = ""
        if record.n != expected or record.prev != prev:
            found = f"record {record.n}" if record.n != expected else "the hash of another record before it"
            broke = f"{record.segment} line {record.line}: expected record {expected}, found {found}"
        prev, expected = record.digest, record.n + 1
        yield record.row, broke
