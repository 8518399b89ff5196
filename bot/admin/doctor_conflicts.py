"""`iop-bot doctor`'s line about a second poller on this token (ops O10): while two processes poll one token,
Telegram gives each update to one of them, so the records of that window (alerts, check-ins, messages) are
split between two data dirs. The window is named for ``SHOWN_FOR`` after it, with where the rest may be."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from bot.admin.doctor import Finding
from bot.admin.doctor_logs import key_refused
from bot.config.settings import Settings
from bot.store import audit_log
from bot.store.crypto import FernetCodec
from bot.store.storage import DataRefusedError

BEGAN, ENDED = "polling_conflict_began", "polling_conflict_ended"  # bot/jobs/polling.py writes them
OUTAGE = "bot_api_outage"  # bot/jobs/outage.py writes it (ops O74)
CLOCK_OFF, CLOCK_AGREED = "clock_off", "clock_agreed"  # bot/store/reach_data.py writes them (ops O111)
SHOWN_FOR = timedelta(days=30)
AREA = "second poller"


def conflicts_check(settings: Settings, now: datetime | None = None) -> Iterable[Finding]:
    """Each window of the last ``SHOWN_FOR`` in which another process polled with this bot's token."""
    if not audit_log.segments(settings.data_dir) or key_refused(settings):
        return  # the audit log line says what is wrong with it
    now = now or datetime.now(UTC)
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    windows: dict[str, str | None] = {}  # since -> until (None: no end recorded)
    outages: list[dict[str, object]] = []
    clocks: dict[str, dict[str, object]] = {}  # since -> the incident's row (its end's once it ended)
    try:
        for row in audit_log.rows(settings.data_dir, codec):
            if row.get("action") == OUTAGE:
                outages.append(row)
            elif row.get("action") == BEGAN:
                windows.setdefault(str(row.get("since")), None)
            elif row.get("action") == ENDED:
                windows[str(row.get("since"))] = str(row.get("until"))
            elif row.get("action") in (CLOCK_OFF, CLOCK_AGREED):
                clocks[str(row.get("since"))] = row
    except DataRefusedError:
        pass  # the audit log line FAILs it; the windows read up to there are still named
    for since, until in sorted(windows.items()):
        last = _at(until) if until else _at(since)
        if last is None or now - last > SHOWN_FOR:
            continue
        end = (
            f"to {_utc(until)}" if until else "to an end not recorded (the bot stopped, or it still goes on)"
        )
        yield Finding(
            AREA,
            True,
            f"from {_utc(since)} {end}, another process polled the Bot API with this bot's token (409 "
            "Conflict; a copy run on a restored data dir with the real token?). Telegram gave each update of "
            "that window to one of them, so some of its records (alerts, check-ins, messages) may live in the "
            "other copy's data dir, not here: check that copy before an incident review or records request "
            f"for the window. Shown until {(last + SHOWN_FOR).strftime('%Y-%m-%d')}",
            note=True,
        )
    yield from _outages(outages, now)
    yield from _clocks(clocks.values(), now)


def _outages(rows: list[dict[str, object]], now: datetime) -> Iterable[Finding]:
    """Each window of the last ``SHOWN_FOR`` in which the running bot could not reach the Bot API (ops O74)."""
    for row in rows:
        until = _at(str(row.get("until")))
        if until is None or now - until > SHOWN_FOR:
            continue
        yield Finding(
            "bot api outage",
            True,
            f"from {_utc(str(row.get('since')))} to {_utc(str(row.get('until')))} the bot could not reach "
            f"the Bot API{' (it was restarted in that time)' if row.get('restarted') else ''}: messages of that window reached it late; {row.get('alerts', 0)} alert(s) about words "
            f"written then and {row.get('late_replies', 0)} crisis answer(s) on a later try went late. Shown "
            f"until {(until + SHOWN_FOR).strftime('%Y-%m-%d')}",
            note=True,
        )


def _clocks(rows: Iterable[dict[str, object]], now: datetime) -> Iterable[Finding]:
    """Each incident of the last ``SHOWN_FOR`` in which this server's clock was off Telegram's (ops O111): what
    the admins were told in Telegram, from its notice to its all-clear."""
    for row in rows:
        until = _at(str(row["until"])) if "until" in row else None
        if (until or _at(str(row.get("since"))) or now) < now - SHOWN_FOR:
            continue
        by = timedelta(seconds=int(str(row.get("by_s", 0))))
        how_far = f"{max(1, round(abs(by).total_seconds() / 60))} min {'ahead of' if by > timedelta(0) else 'behind'}"
        end = f"to {_utc(str(row['until']))}" if until else "on (the bot stopped since, or it still goes on)"
        jobs = row.get("skipped")
        skipped = ", ".join(str(s) for s in jobs) if isinstance(jobs, list) and jobs else "nothing"
        meanwhile = (
            f": {row.get('alerts', 0)} alert(s) raised then had their times put right; skipped then (run once "
            f"it agreed): {skipped}"
            if until
            else ": data due for erasure is kept and session reminders and digests wait until it agrees"
        )
        yield Finding(
            "server clock",
            True,
            f"from {_utc(str(row.get('since')))} {end}, this server's clock was {how_far} Telegram's{meanwhile}. "
            f"Shown until {((until or now) + SHOWN_FOR).strftime('%Y-%m-%d')}",
            note=True,
        )


def _at(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text))
    except ValueError:
        return None


def _utc(text: str | None) -> str:
    at = _at(text)
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if at else str(text)
