"""Doctor's check that a crisis can reach a person: counselors with patients, an admin and the on-call
counselors are reachable (on-call being configured at all is checked in bot/admin/doctor_data.py)."""

from __future__ import annotations

from collections.abc import Iterable

from bot.admin.doctor import Finding
from bot.config.settings import Settings


def reach_check(settings: Settings) -> Iterable[Finding]:
    """Every counselor with patients, and at least one admin, can be written to."""
    if not settings.data_dir.exists():
        return  # the data dir check says so; there is nobody to reach yet
    from bot.admin.client import admin
    from bot.admin.doctor_set_aside import store_untouched

    if untouched := list(store_untouched(settings, "counselors")):
        yield from untouched
        return
    rows = admin(settings, "counselor_list", {})
    counselors = [r for r in rows if r.get("state") != "invited"]
    for r in counselors:
        if r["state"] != "reachable" and r["patients"]:
            yield Finding(
                "counselors",
                False,
                f"{r['name']} ({r['telegram_id']}) has {r['patients']} patient(s) and is {r['reach']}",
            )
    admins = [r for r in counselors if r["role"] == "admin"]
    if not any(r["state"] == "reachable" for r in admins):
        why = "none is registered" if not admins else "none has started the bot or all are unreachable"
        invited = [r["name"] for r in rows if r.get("state") == "invited" and r["role"] == "admin"]
        todo = (
            f"an admin invitation is open for {', '.join(invited)}: have them open the link"
            if invited
            else "add one with `iop-bot counselor add --name NAME --admin` and have them open the link"
        )
        yield Finding("counselors", False, f"no admin counselor is reachable ({why}); {todo}")
    # An on-call id that is registered but never started the bot looks configured and reaches nobody.
    by_id = {r["telegram_id"]: r for r in counselors}
    for ident in settings.oncall:
        r = by_id.get(ident)
        if r is not None and r["state"] != "reachable":
            yield Finding(
                "on-call",
                False,
                f"{r['name']} ({ident}) is on call and is {r['reach']}: escalated alerts cannot reach them "
                "until they open the bot and tap Start",
            )
    reachable = sum(r["state"] == "reachable" for r in counselors)
    yield Finding("counselors", True, f"{reachable} of {len(counselors)} counselor(s) reachable")
