"""CSV exports of check-ins: numbers not labels, ISO-8601 times with the patient's offset (no I/O)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

from bot.checkins import CheckinConfig, Entry

# Spreadsheet apps run cells that start like a formula; a note must never become one.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return "" if value is None else value


def checkins_csv(rows: Iterable[tuple[str, Entry]], config: CheckinConfig, tz: ZoneInfo) -> bytes:
    """One row per check-in, for (alias, entry) pairs; UTF-8 with a header."""
    keys = [item.key for item in config.items]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["alias", "local_date", "recorded_at", *keys])
    for alias, entry in rows:
        answers = [_cell(entry.answers.get(k)) for k in keys]
        writer.writerow(
            [_cell(alias), entry.local_date.isoformat(), entry.ts.astimezone(tz).isoformat(), *answers]
        )
    return out.getvalue().encode("utf-8")


def export_name(alias: str, suffix: str = "checkins") -> str:
    """A safe file name from an alias (no path separators, no dots at the start)."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", alias).strip("_") or "patient"
    return f"{stem[:40]}-{suffix}.csv"


def patient_rows(alias: str, entries: Sequence[Entry]) -> list[tuple[str, Entry]]:
    """Entries oldest first, labelled with the alias."""
    return [(alias, e) for e in sorted(entries, key=lambda e: e.ts)]
