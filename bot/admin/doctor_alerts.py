"""Doctor's check that no urgent alert is left unacknowledged past its last reminder: after that round the
bot sends nothing more, so a FAIL here is the one place left that says a person has not been reached."""

from __future__ import annotations

from collections.abc import Iterable

from bot.admin.doctor import Finding
from bot.config.settings import Settings
from bot.texts.base import span


def alerts_check(settings: Settings) -> Iterable[Finding]:
    """FAIL while an urgent alert is open past its last reminder; ok with the number open otherwise."""
    if not (settings.data_dir / "index.json").exists():
        return  # no program yet: the data dir check says so
    from bot.admin.client import admin
    from bot.admin.doctor_set_aside import store_untouched

    if untouched := list(store_untouched(settings, "alerts")):
        yield from untouched
        return
    status = admin(settings, "alerts_overdue", {})
    overdue = status["overdue"]
    if overdue:
        shown = ", ".join(
            f"{a['alias']} ({a['kind']}, {span(a['minutes'])}{'; ' + a['told'] if a.get('told') else ''})"
            for a in overdue[:5]
        )
        more = f" and {len(overdue) - 5} more" if len(overdue) > 5 else ""
        yield Finding(
            "alerts",
            False,
            f"{len(overdue)} urgent alert(s) unacknowledged past their last reminder: {shown}{more}; the bot "
            "sends them no more: reach the patient, then acknowledge on their page (/caseload)",
        )
        return
    yield Finding("alerts", True, f"{status['open']} urgent alert(s) open, none past its last reminder")
