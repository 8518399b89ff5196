"""`iop-bot doctor --live`: ask the running bot (over its control socket) whether it is healthy.

For a supervisor or a container HEALTHCHECK in polling mode, where there is no HTTP server to ask; it
needs no data key, only the data dir. Exit 0 only when a bot answered and every component is "ok".
"""

from __future__ import annotations

from typing import Any, TextIO

from bot.admin.control import HEALTH_OP, call_running_bot
from bot.admin.doctor import Finding
from bot.admin.roster import AdminError
from bot.config.about import build, version
from bot.config.settings import Settings

TIMEOUT = 10.0


def live_doctor(settings: Settings, out: TextIO) -> int:
    """Print one line per component of the running bot's health report; 0 when all are ok."""
    try:
        report = call_running_bot(settings.data_dir, HEALTH_OP, {}, timeout=TIMEOUT)
    except AdminError as exc:
        print(Finding("live", False, f"no running bot answered ({exc})").line(), file=out)
        return 1
    findings = [
        Finding("live store", report["store"] == "ok", report["store"]),
        Finding("live bot api", report["bot_api"] == "ok", report["bot_api"]),
        _version(report),
        # A bot from before the clock check has no "clock": nothing measured, nothing to fail.
        Finding("live clock", report.get("clock", "ok") == "ok", report.get("clock", "ok")),
        # ops O122/O123: the audit log tampered with or damaged under the running bot (older bots: no line).
        Finding("live audit", report.get("audit", "ok") == "ok", report.get("audit", "ok")),
        # ops O131: a bot that runs but can tell nobody of a crisis (counts and roles only).
        Finding("live people", report.get("people", "ok") == "ok", report.get("people", "ok")),
    ]
    for f in findings:
        print(f.line(), file=out)
    return 0 if all(f.ok for f in findings) else 1


def _version(report: dict[str, Any]) -> Finding:
    """What the bot runs; a FAIL when the package installed now is another build (ops O15: after an upgrade
    without a restart, the old code ran on and nothing said so)."""
    runs = f"iop-companion {report['version']} ({report.get('build', 'build not reported')})"
    installed = f"iop-companion {version()} ({build()})"
    if "build" not in report:
        # Every build since O15 reports one: a bot that does not is older than anything installable now
        # (ops O57: the first upgrade onto the release with this check said "ok").
        return Finding(
            "live version",
            False,
            # Its version is read from the package installed now, so it would name the new one (O67).
            f"the running bot is a build from before builds were named (it reports none); the installed one is"
            f" {installed}: restart it",
        )
    if runs != installed:
        return Finding(
            "live version",
            False,
            f"the installed package changed since the bot started: it runs {runs}, the installed one is "
            f"{installed}: restart it",
        )
    return Finding("live version", True, f"{runs}, data format {report['data_format']}")
