"""Doctor's retention line: the period, and whose data it erases next and when (newcomer13 O52).

Retention was invisible: neither `patient list` nor `doctor` said it was on, so the person answering a records or
deletion request could not tell what still exists and until when, and a wrong setting (1 day for 365) showed only
in the audit rows after it had erased.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from bot.admin.doctor import Finding
from bot.config.settings import Settings

SHOWN = 5  # erasures named on the line; the rest counted


def retention_check(settings: Settings, now: datetime | None = None) -> Iterable[Finding]:
    """One line: no limit, or the period and the next erasures (a date past is due at the next daily sweep)."""
    days = settings.retention_days
    if days <= 0:
        yield Finding(
            "retention",
            True,
            "no limit ([privacy] retention_days = 0): a patient's data is kept until /delete or "
            "`iop-bot patient erase`",
        )
        return
    if not (settings.data_dir / "index.json").exists():
        return  # no program yet: the data dir check says so
    from bot.admin.client import admin
    from bot.admin.doctor_set_aside import store_untouched

    if untouched := list(store_untouched(settings, "retention")):
        yield from untouched
        return
    answer = admin(settings, "retention_schedule", {"days": days})  # this file's period (ops O75)
    period = f"{days} day(s) after a patient leaves active treatment ([privacy] retention_days)"
    if isinstance(answer, list) or answer.get("days") != days:
        # A running bot of an older release reckons with its own period, whatever this file says.
        rows, period = (
            (answer if isinstance(answer, list) else answer["rows"]),
            (
                f"{period}; the running bot (an older release) could only reckon with its own settings, which may "
                "not be this file's: run doctor again once it runs this release"
            ),
        )
    else:
        rows = answer["rows"]
    if not rows:
        yield Finding("retention", True, f"{period}: nobody who left has data waiting to be erased")
        return
    now = now or datetime.now(UTC)
    named = ", ".join(f"{r['alias']} ({_when(r['at'], settings, now)})" for r in rows[:SHOWN])
    more = f" and {len(rows) - SHOWN} more" if len(rows) > SHOWN else ""
    yield Finding("retention", True, f"{period}: next erasures: {named}{more}")


def _when(at: str, settings: Settings, now: datetime) -> str:
    moment = datetime.fromisoformat(at)
    if moment <= now:
        return "due now: the next daily sweep erases it"
    local = moment.astimezone(settings.tz)
    return f"{local:%a} {local.day} {local:%b} {local.year}"
