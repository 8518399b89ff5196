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


def checkins_csv(rows: Iterable[tuple[str, Entry, str]], config: CheckinConfig, tz: ZoneInfo) -> bytes:
    """One row per check-in, for (alias, entry, enrollment status) rows; UTF-8 with a header. For a records
    clerk (newcomer14 N106): the status (a withdrawn patient does not read as an active one), times in the
    program's zone, named in a column (/export and `iop-bot export` wrote one check-in at two clock times), and
    each coded answer's label beside its code ("sleep 0" Poor, "used 1" Yes: no legend was in the file)."""
    keys = [item.key for item in config.items]
    coded: dict[str, dict[object, str]] = {
        item.key: {o.value: o.label for o in item.options} for item in config.items if item.kind == "choice"
    }
    heads = [h for k in keys for h in ((k, f"{k}_label") if k in coded else (k,))]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["alias", "status", "local_date", "recorded_at", "time_zone", *heads])
    for alias, entry, status in rows:
        cells: list[object] = []
        for k in keys:
            # A question with no answer says so (as the patient page and /mydata do), never a blank.
            value = entry.answers.get(k)
            cells.append(NOT_ANSWERED if value is None else _cell(value))
            if k in coded:
                cells.append(NOT_ANSWERED if value is None else coded[k].get(value, ""))
        at = entry.ts.astimezone(tz).isoformat()
        writer.writerow([_cell(alias), status, entry.local_date.isoformat(), at, str(tz), *cells])
    return out.getvalue().encode("utf-8")


def messages_csv(alias: str, messages: Iterable[tuple[datetime, str, str, str]], tz: ZoneInfo) -> bytes:
    """The patient's thread with their counselor: one row per message, oldest first (when, who, which
    counselor it was to or from by name, what; newcomer14 N106: "counselor" alone, among three)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["alias", "sent_at", "time_zone", "from", "counselor", "text"])
    for at, sender, counselor, text in messages:
        row = [_cell(alias), at.astimezone(tz).isoformat(), str(tz), sender, _cell(counselor), _cell(text)]
        writer.writerow(row)
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
    alias: str, entries: Sequence[Entry], status: str, former: Sequence[tuple[str, datetime]] = ()
) -> list[tuple[str, Entry, str]]:
    """Entries oldest first, labelled with the alias the patient had then (``former``: see alias_at) and
    their enrollment status now (export_status)."""
    return [(alias_at(alias, former, e.ts), e, status) for e in sorted(entries, key=lambda e: e.ts)]


# The enrollment as a records clerk reads it (Patient.shown_status).
_STATUS = {"withdrawn": "withdrew (/stop)", "closed": "closed by the program", "inactive": "blocked the bot"}


def export_status(shown_status: str) -> str:
    """ "active", "aftercare", "withdrew (/stop)", "closed by the program", "blocked the bot", "setting up"."""
    return (
        "active (setting up)"
        if shown_status.startswith("setting up")
        else _STATUS.get(shown_status, shown_status)
    )


def alias_at(alias: str, former: Sequence[tuple[str, datetime]], at: datetime) -> str:
    """The alias a patient had at a moment: one they had before coming back under another, until it ended,
    oldest first (newcomer14 N114: past rows were shown under an alias they did not have then)."""
    return next((old for old, until in sorted(former, key=lambda x: x[1]) if at < until), alias)
