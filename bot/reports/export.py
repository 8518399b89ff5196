"""CSV exports of check-ins and messages: numbers not labels, ISO-8601 times with the patient's offset (no I/O)."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.checkins import CheckinConfig, Entry
from bot.texts.base import NOT_ANSWERED

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
        # A question with no answer says so (as the patient page and /mydata do), never a blank.
        answers = [NOT_ANSWERED if entry.answers.get(k) is None else _cell(entry.answers[k]) for k in keys]
        writer.writerow(
            [_cell(alias), entry.local_date.isoformat(), entry.ts.astimezone(tz).isoformat(), *answers]
        )
    return out.getvalue().encode("utf-8")


def messages_csv(alias: str, messages: Iterable[tuple[datetime, str, str]], tz: ZoneInfo) -> bytes:
    """The patient's thread with their counselor: one row per message, oldest first (who, when, what)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["alias", "sent_at", "from", "text"])
    for at, sender, text in messages:
        writer.writerow([_cell(alias), at.astimezone(tz).isoformat(), sender, _cell(text)])
    return out.getvalue().encode("utf-8")


BOM = "\ufeff".encode()


def as_file(data: bytes) -> bytes:
    """CSV bytes as a file a counselor opens: with a UTF-8 byte-order mark, since Excel on Windows reads a
    .csv without one in the local code page and "mañana" becomes "maÃ±ana" (newcomer6 finding 2). Output
    piped to another program (``iop-bot export`` without --out) stays plain UTF-8."""
    return data if data.startswith(BOM) else BOM + data


def export_name(alias: str, suffix: str = "checkins") -> str:
    """A safe file name from an alias (no path separators, no dots at the start)."""
    # "Begoña" -> "Begona", not "Bego_a" (newcomer6 finding 33): the accents go, the letters stay.
    plain = "".join(c for c in unicodedata.normalize("NFKD", alias) if not unicodedata.combining(c))
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", plain).strip("_") or "patient"
    return f"{stem[:40]}-{suffix}.csv"


def patient_rows(
    alias: str, entries: Sequence[Entry], former: Sequence[tuple[str, datetime]] = ()
) -> list[tuple[str, Entry]]:
    """Entries oldest first, labelled with the alias the patient had then (``former``: see alias_at)."""
    return [(alias_at(alias, former, e.ts), e) for e in sorted(entries, key=lambda e: e.ts)]


def alias_at(alias: str, former: Sequence[tuple[str, datetime]], at: datetime) -> str:
    """The alias a patient had at a moment: one they had before coming back under another, until it ended,
    oldest first (newcomer14 N114: past rows were shown under an alias they did not have then)."""
    return next((old for old, until in sorted(former, key=lambda x: x[1]) if at < until), alias)
