"""`iop-bot doctor` on records the bot no longer holds: set-aside cut-short tails, and patients whose counselor
is gone.

A log's last bytes cut short are copied aside (``NAME.torn-<time>``) at the next start and the log goes on
without them. The store assumes they were never acknowledged, but a damaged copy (a restore, a bad disk)
can cut an acknowledged record: a check-in the patient was told was saved, or a reassignment in
``patients.log`` undone so a patient points at a removed counselor (newcomer6 finding 12). Each file is a
FAIL until a person has looked and deleted it; a tail not yet set aside is one too.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bot.admin.doctor import Finding
from bot.admin.doctor_data import _registered_counselors
from bot.config.settings import Settings
from bot.store import audit_log, audit_tail, checkin_log, keyed_log, rotation
from bot.store.crypto import FernetCodec
from bot.store.migrate import CLOSED_ALERTS, PATIENTS_LOG
from bot.store.storage import TORN_MARK, DataRefusedError

UNDONE = {
    PATIENTS_LOG: "patients.log (who each patient is, their counselor and settings): a change there (an "
    "enrolment, a reassignment, a setting) may be undone. Compare `iop-bot patient list` with what you "
    "expect and redo what is missing",
    CLOSED_ALERTS: "the closed alerts: an acknowledgement may be missing from the last 30 days' list",
}


def set_aside_check(settings: Settings) -> Iterable[Finding]:
    """Each set-aside tail in the data dir, and each log whose tail will be set aside at the next start."""
    data_dir = settings.data_dir
    if not data_dir.is_dir() or rotation.journal_path(data_dir).exists():
        return
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    aliases = _aliases(data_dir, codec)
    for path in sorted(data_dir.rglob(f"*{TORN_MARK}*")):
        what = _what(path.name.split(TORN_MARK)[0], path.parent == audit_log.segment_dir(data_dir), aliases)
        yield Finding(
            "set aside",
            False,
            f"{path} holds the cut-short end of {what}. The bot no longer has that record; "
            "if it was acknowledged, restore a backup that has it (`iop-bot restore`), then delete this file",
        )
    for path, size in torn_logs(settings):
        what = _what(path.name, path.parent == audit_log.segment_dir(data_dir), aliases)
        yield Finding(
            "set aside",
            False,
            f"{path} ends in {size} bytes cut short ({what}). Nothing was changed. If a backup is newer than "
            "the damage, restore it (`iop-bot restore`); otherwise accept the loss with `iop-bot doctor "
            f"--quarantine {path}`, which sets those bytes aside (as the bot's next start would)",
        )


def torn_logs(settings: Settings) -> list[tuple[Path, int]]:
    """The logs that end in bytes cut short, not yet set aside, each with how many (newcomer7 N14: doctor
    must say so and change nothing; opening the store would set them aside)."""
    data_dir = settings.data_dir
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    found = []
    logs = [data_dir / PATIENTS_LOG, data_dir / CLOSED_ALERTS]
    for path in [*logs, *sorted(data_dir.glob(f"patients/*{checkin_log.SUFFIX}"))]:
        try:
            tail = keyed_log.read_lines(path, codec)[2] if path.is_file() else b""
        except DataRefusedError:
            continue  # the files and check-ins checks name it
        if tail:
            found.append((path, len(tail)))
    # The newest audit segment too (newcomer13 O51: doctor's own store checks set its tail aside).
    if (audit := audit_tail.cut_short_tail(data_dir, codec)) is not None:
        found.append((audit[0], len(audit[1])))
    return found


def store_untouched(settings: Settings, area: str) -> Iterable[Finding]:
    """For a check that opens the store (without a running bot that would set the tails aside): a FAIL in
    its place while a log ends cut short, since opening it now would change the data doctor looks at; and on a
    data dir this user cannot write (read-only mount, full disk), whose lock cannot be taken: said at once,
    never waited on for a minute per check (newcomer11 O26: "held by process unusable; waited 60 s", three times)."""
    from bot.admin.data_owner import wrong_user
    from bot.admin.doctor_writable import unwritable

    if wrong_user(settings.data_dir) is None and (problem := unwritable(settings.data_dir)) is not None:
        yield Finding(
            area,
            False,
            "not checked: it opens the records, which takes the data dir's lock, and the data dir cannot be "
            f"written (see 'writable': {problem.split(' (', 1)[0]})",
        )
        return
    torn = torn_logs(settings)
    if torn:
        yield Finding(
            area,
            False,
            "not checked: opening the records now would set aside the cut-short end of "
            f"{', '.join(p.name for p, _ in torn)} (see 'set aside'); repair that first, then run doctor again",
        )


def patient_counselor_check(settings: Settings) -> Iterable[Finding]:
    """Every patient's counselor is a registered counselor (else their alerts and messages reach nobody)."""
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    counselors = _registered_counselors(settings)
    try:
        rows = keyed_log.read_lines(settings.data_dir / PATIENTS_LOG, codec)[0]
    except DataRefusedError:
        return  # the index check names it
    if counselors is None:
        return  # the files check names the index
    bad = [r for r in rows.values() if int(r.get("counselor_id", 0)) not in counselors]
    for r in sorted(bad, key=lambda r: str(r.get("alias", ""))):
        yield Finding(
            "caseloads",
            False,
            f"patient {r.get('alias', '?')} ({r.get('patient_id', '?')}) has counselor {r.get('counselor_id')}, "
            "who is not a registered counselor: their alerts and messages reach nobody; move them with "
            f"`iop-bot patient reassign {r.get('alias', 'ALIAS')} --counselor NAME`",
        )
    if rows and not bad:
        yield Finding("caseloads", True, f"every patient's counselor ({len(rows)}) is a registered counselor")


def _what(name: str, audit: bool, aliases: dict[str, str]) -> str:
    if audit:
        return f"audit log segment {name}"
    if name.endswith(checkin_log.SUFFIX):
        pid = name.removesuffix(checkin_log.SUFFIX)
        return f"patient {aliases.get(pid, '?')} ({pid})'s check-ins: a check-in may be missing"
    return UNDONE.get(name, name)


def _aliases(data_dir: Path, codec: FernetCodec | None) -> dict[str, str]:
    try:
        rows = keyed_log.read_lines(data_dir / PATIENTS_LOG, codec)[0]
    except DataRefusedError:
        return {}
    return {pid: str(r.get("alias", "?")) for pid, r in rows.items()}
