"""Doctor's checks that a crisis can reach a person: on-call configured, counselors and admins reachable."""

from __future__ import annotations

from collections.abc import Iterable

from bot.doctor import Finding
from bot.settings import Settings


def oncall_check(settings: Settings) -> Iterable[Finding]:
    """Someone besides the patient's counselor hears of an unacknowledged alert."""
    if settings.oncall:
        yield Finding("escalation", True, f"{len(settings.oncall)} on-call counselor(s)")
    else:
        yield Finding(
            "escalation",
            False,
            "no on-call counselors ([alerts] oncall is empty): unacknowledged alerts repeat to the "
            "same counselor only",
        )


def reach_check(settings: Settings) -> Iterable[Finding]:
    """Every counselor with patients, and at least one admin, can be written to."""
    if not settings.data_dir.exists():
        return  # the data dir check says so; there is nobody to reach yet
    from bot.admin_client import admin

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
        yield Finding("counselors", False, f"no admin counselor is reachable ({why}); add one with "
                      "`iop-bot counselor add --name NAME --admin` and have them open the link")  # fmt: skip
    reachable = sum(r["state"] == "reachable" for r in counselors)
    yield Finding("counselors", True, f"{reachable} of {len(counselors)} counselor(s) reachable")
