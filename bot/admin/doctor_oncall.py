"""`iop-bot doctor` on `[alerts] oncall`: someone is on call, and each id is a registered counselor; said as the
running bot acts on it (bot/domain/escalation.on_call): a counselor removed since is skipped, and when that
leaves nobody the admins stand in (newcomer11 O19: doctor said "reach nobody" where the bot had told the admin
"now escalate to the admins (you)"); a patient's id is named as that patient (an easy copy slip)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from bot.admin.doctor import Finding
from bot.admin.doctor_data import _patient_rows, index_tables
from bot.config.settings import Settings


def oncall_check(settings: Settings, now: datetime | None = None) -> Iterable[Finding]:
    """Someone is on call when an alert is not acknowledged, and each of them is a registered counselor.

    An id in `oncall` that is no counselor (mistyped, or removed since) would make escalation look
    configured while it reaches nobody.
    """
    if not settings.oncall:
        yield Finding(
            "on-call", False, "nobody is on call: set [alerts] oncall so unacknowledged alerts reach someone"
        )
        return
    index = index_tables(settings)
    if index is None:
        return  # the files check names the index
    names = {int(c["telegram_id"]): str(c.get("name", "")) for c in index.get("counselors", {}).values()}
    removed = {
        int(c["telegram_id"]): str(c.get("name", "")) for c in index.get("removed_counselors", {}).values()
    }
    removed = {i: n for i, n in removed.items() if i not in names}
    admins = [
        n for c in index.get("counselors", {}).values() if c.get("role") == "admin" for n in [str(c["name"])]
    ]
    gone = [i for i in settings.oncall if i in removed]
    left = [i for i in settings.oncall if i not in removed]
    unknown = [i for i in left if i not in names]
    if unknown:
        patients = {
            int(r["telegram_id"]): str(r.get("alias", "?"))
            for r in (_patient_rows(settings) or {}).values()
            if r.get("telegram_id")
        }
        said = [f"{i} (patient {patients[i]}'s Telegram id)" if i in patients else str(i) for i in unknown]
        leak = (
            " (a patient would be sent other patients' alerts)" if any(i in patients for i in unknown) else ""
        )
        yield Finding(
            "on-call",
            False,
            f"[alerts] oncall names {', '.join(said)}, not a registered counselor{leak}: alerts escalated to them "
            "reach no counselor; register them (`iop-bot counselor add ID --name NAME`) or fix the list",
        )
        return
    skipped = ", ".join(f"{i} ({removed[i]})" for i in gone)
    if gone and not left:
        who = (
            f"escalate to the admins ({', '.join(admins)}) instead"
            if admins
            else "reach nobody (no admin either)"
        )
        yield Finding(
            "on-call",
            False,
            f"[alerts] oncall names only {skipped}, removed with `counselor remove`: the bot skips them, so "
            f"unacknowledged alerts {who}; put who is on call now in [alerts] oncall",
        )
        return
    away = _away_today(index, now or datetime.now(UTC), settings)
    if left and all(i in away for i in left):
        # newcomer18 N169: everyone on call marked away (each covering the other) and doctor said "ok".
        who = ", ".join(f"{names[i]} (until {away[i]})" for i in left)
        yield Finding(
            "on-call",
            False,
            f"every on-call counselor is away: {who}; unacknowledged alerts escalate to people on leave. Put "
            "someone present in [alerts] oncall",
        )
        return
    on_call = ", ".join(
        names.get(i, str(i)) for i in left
    )  # named (newcomer22 N225), as `counselor list` marks them
    yield Finding("on-call", True, f"{len(left)} on-call counselor(s): {on_call}")
    if gone:  # ops O89: said inside an "ok" line, a rota naming someone who left went unnoticed
        yield Finding(
            "on-call",
            True,
            f"[alerts] oncall still names {skipped}, removed with `counselor remove`: the bot skips them; take "
            "them off the list",
            note=True,
        )


def _away_today(index: dict[str, Any], now: datetime, settings: Settings) -> dict[int, str]:
    """Counselors away today (their day back not come yet): id -> the day they are back."""
    today = now.astimezone(settings.tz).date()
    return {
        int(row["counselor_id"]): str(row["until"])
        for row in index.get("counselor_away", {}).values()
        if date.fromisoformat(str(row["until"])) > today
    }
