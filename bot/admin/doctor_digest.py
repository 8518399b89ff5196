"""Doctor's check that flags for the next review reach someone: by a daily digest, or a group's digest, or a
counselor opening /caseload. A counselor without a daily digest is named; FAIL when flags of their patients have
waited over a day with no digest to carry them (audit, session 15: those reach nobody unprompted)."""

from __future__ import annotations

from collections.abc import Iterable

from bot.admin.doctor import Finding
from bot.config.settings import Settings


def digest_check(settings: Settings) -> Iterable[Finding]:
    """FAIL per counselor whose patients' flags wait with no digest; ok naming those without a daily one."""
    if not (settings.data_dir / "index.json").exists():
        return  # no program yet: the data dir check says so
    from bot.admin.client import admin
    from bot.admin.doctor_set_aside import store_untouched

    if untouched := list(store_untouched(settings, "digests")):
        yield from untouched
        return
    rows = admin(settings, "digest_coverage", {})
    without = [r for r in rows if not r["daily"]]
    for r in without:
        if r["waiting"]:
            yield Finding(
                "digests",
                False,
                f"{r['name']} ({r['telegram_id']}) gets no daily digest and {r['waiting']} of their patients have "
                "flags open over a day that no digest carries: they reach them only when they open /caseload; "
                "have them set one with /digest 08:00 (or look at /caseload now)",
            )
    if not without:
        yield Finding("digests", True, "every counselor with patients gets a daily digest")
    elif not any(r["waiting"] for r in without):
        names = ", ".join(r["name"] for r in without)
        yield Finding(
            "digests",
            True,
            f"without one: {names} (flags for review reach them only in /caseload or a group's digest; "
            "/digest 08:00 sets one)",
        )
