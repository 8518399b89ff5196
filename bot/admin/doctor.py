"""`iop-bot doctor`: one line per finding about a data dir and its configuration; exit 0 only when healthy.

Each area of the bot contributes its own checks (a function from settings to findings) and registers it
in ``all_checks``; a check that cannot run reports that as a failure, never as silence.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TextIO

from bot.admin.upgrade_pending import how_to_go_on, pending
from bot.config.settings import Settings


@dataclass(frozen=True)
class Finding:
    """One thing doctor looked at: which area, whether it is healthy, and what a person should know."""

    area: str
    ok: bool
    message: str
    # A past event worth knowing that needs no repair (ops O13: a disk full for a minute FAILed doctor for a
    # day): printed as ``note``, and healthy for the exit code.
    note: bool = False

    def line(self) -> str:
        """The printed form: ``ok   area: message``, ``note area: message`` or ``FAIL area: message``."""
        return f"{'FAIL' if not self.ok else 'note' if self.note else 'ok  '} {self.area}: {self.message}"


Check = Callable[[Settings], Iterable[Finding]]


def data_dir_check(settings: Settings) -> Iterable[Finding]:
    """The data dir exists and only its owner can read it."""
    d = settings.data_dir
    if not d.exists():
        yield Finding(
            "data dir", False, f"{d} does not exist (a new program? run `iop-bot counselor add` first)"
        )
        return
    mode = stat.S_IMODE(os.stat(d).st_mode)
    if mode & 0o077:
        yield Finding("data dir", False, f"{d} is readable by others (mode {mode:o}); run chmod 700 {d}")
    else:
        yield Finding("data dir", True, f"{d} (mode {mode:o})")


def all_checks() -> list[Check]:
    """Every registered check, in the order their lines are printed."""
    from bot.admin.doctor_alerts import alerts_check
    from bot.admin.doctor_audit import audit_check
    from bot.admin.doctor_conflicts import conflicts_check
    from bot.admin.doctor_crisis_lines import crisis_lines_check
    from bot.admin.doctor_data import checks as data_checks
    from bot.admin.doctor_digest import digest_check
    from bot.admin.doctor_foreign import foreign_files_check
    from bot.admin.doctor_inbox import inbox_check
    from bot.admin.doctor_last_run import last_run_check
    from bot.admin.doctor_logs import checkin_logs_check, closed_alerts_check
    from bot.admin.doctor_reach import reach_check
    from bot.admin.doctor_restored import restored_check
    from bot.admin.doctor_retention import retention_check
    from bot.admin.doctor_risk import risk_rules_check
    from bot.admin.doctor_rollback import rolled_back_check
    from bot.admin.doctor_set_aside import patient_counselor_check, set_aside_check
    from bot.admin.doctor_settings import session_reminders_check, settings_check, settings_file_check
    from bot.admin.doctor_spanish import spanish_check
    from bot.admin.doctor_writable import writable_check
    from bot.admin.program_data import program_data_check, version_check

    return [
        version_check,
        data_dir_check,
        writable_check,
        settings_file_check,
        settings_check,
        session_reminders_check,
        program_data_check,
        spanish_check,
        risk_rules_check,
        crisis_lines_check,
        *data_checks(),
        foreign_files_check,
        audit_check,
        closed_alerts_check,
        checkin_logs_check,
        set_aside_check,
        patient_counselor_check,
        reach_check,
        alerts_check,
        rolled_back_check,
        digest_check,
        retention_check,
        inbox_check,
        last_run_check,
        restored_check,
        conflicts_check,
    ]


def format_free() -> list[Check]:
    """The checks that read no patient data, so run on a data dir in an older format too (the others would
    read the old layout as damage: "belongs to no patient in the index; restore the index from a backup")."""
    from bot.admin.doctor_crisis_lines import crisis_lines_check
    from bot.admin.doctor_foreign import foreign_files_check
    from bot.admin.doctor_risk import risk_rules_check
    from bot.admin.doctor_settings import settings_check, settings_file_check
    from bot.admin.doctor_writable import writable_check
    from bot.admin.program_data import program_data_check, version_check

    return [
        version_check, data_dir_check, writable_check, settings_file_check, settings_check,
        program_data_check, risk_rules_check, crisis_lines_check, foreign_files_check,
    ]  # fmt: skip


# The checks that ask the running bot (through bot/admin/client.py) when it runs.
ASK_THE_BOT = frozenset(
    {"reach_check", "alerts_check", "rolled_back_check", "digest_check", "retention_check", "spanish_check"}
)
NOT_ANSWERED = "the running bot did not answer"  # bot/admin/control.py's words for a timeout


def _area(name: str) -> str:
    """A check's name as its lines say it ("reach_check": "reach")."""
    return name.removesuffix("_check").replace("_", " ")


def _could_not_run(settings: Settings, name: str, exc: Exception) -> Finding:
    """A check that raised, said as a user-facing line (ops O112: "FAIL reach_check: could not run: refusing to
    start, nothing was changed: ..." four times, with the whole key advice each time)."""
    text = str(exc)
    if "refusing to start" in text:  # bot/store/preflight.py's refusal: the files line says what and why
        from bot.admin.doctor_logs import key_refused

        what = (
            "IOP_DATA_KEY does not open this data"
            if key_refused(settings)
            else "the data files do not all open"
        )
        return Finding(_area(name), False, f"not checked: {what} (see 'files')")
    if NOT_ANSWERED in text:
        return Finding(
            _area(name),
            False,
            f"{NOT_ANSWERED} on its control socket (hung?): `iop-bot doctor --live` says more; the other checks "
            "that ask it are not run",
        )
    return Finding(_area(name), False, f"could not run: {text}")


def _program_here(settings: Settings) -> bool:
    """A program's index in the data dir, or no data dir at all (its own check says so)."""
    from bot.admin.client import has_program

    return not settings.data_dir.exists() or has_program(settings)


def run_checks(settings: Settings, out: TextIO, checks: Iterable[Check] | None = None) -> int:
    """Print every finding; 0 when all are healthy, 1 otherwise (a check that raises is a failure)."""
    healthy = True
    if checks is None:
        checks = all_checks()
        if (older := pending(settings)) is not None:  # before the upgrade: say so, and check what can be
            print(Finding("data format", False, how_to_go_on(settings, older)).line(), file=out)
            healthy = False
            checks = [c for c in checks if c in format_free()]
        elif not _program_here(settings):
            # newcomer11 O3: a new data dir read as twenty "ok" lines about data that does not exist, and the
            # way to start hid in a check named reach_check. Said first; only the checks that need no data run.
            from bot.admin.client import no_program

            print(Finding("program", False, no_program(settings)).line(), file=out)
            healthy = False
            checks = [c for c in checks if c in format_free()]
    silent = False  # the running bot did not answer one check: the others that ask it are not run (30 s each)
    for check in checks:
        name = getattr(check, "__name__", "check")
        if silent and name in ASK_THE_BOT:
            findings = [
                Finding(_area(name), False, "not checked: the running bot did not answer (see above)")
            ]
        else:
            try:
                findings = list(check(settings))
            except Exception as exc:  # a broken check must show as a failure, not stop the others
                findings, silent = [_could_not_run(settings, name, exc)], silent or NOT_ANSWERED in str(exc)
        for f in findings:
            healthy = healthy and f.ok
            print(f.line(), file=out)
    return 0 if healthy else 1
