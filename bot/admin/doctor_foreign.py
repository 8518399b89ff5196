"""`iop-bot doctor` on files that are not the bot's own in the data dir (newcomer7 finding N12).

A stray file there (a note someone saved, another program's check-in log copied in as ``.bak``) passed
`doctor` without a word, although it may hold patient details outside everything the program promises
about them (encryption, retention, erasure, backups). Each is named with what to do about it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from bot.admin.doctor import Finding
from bot.config.settings import Settings
from bot.store import audit_tail, last_run, migrate, restored, rotation, verify
from bot.store.crypto import FernetCodec
from bot.store.files import PIN_PREFIX
from bot.store.storage import CORRUPT_MARK, TEMP_MARK, TORN_MARK

# Everything the bot itself writes at the top of a data dir (bot/store, bot/admin, bot/telegram).
_TOP = {
    "index.json", "patients", "patients.log", "alerts.json", "alerts-closed.log", "inbox.log", "audit",
    migrate.JOURNAL, migrate.STAGING, rotation.JOURNAL, ".lock", "control.sock", "last-backup.stamp",
    ".settings-in-use", "updates.log", last_run.STAMP, restored.MARK,
}  # fmt: skip
_PATIENT = re.compile(r"p[0-9a-f]{12}(\.json|\.checkins\.log)")
# A copy the bot set aside or is writing: its own name plus one of these marks.
_MARKS = (TEMP_MARK, CORRUPT_MARK, TORN_MARK, ".tmp")


def foreign_files_check(settings: Settings) -> Iterable[Finding]:
    """Files in the data dir (and its patients/ folder) that the bot never writes."""
    data_dir = settings.data_dir
    if not data_dir.is_dir():
        return
    found = [p for p in sorted(data_dir.iterdir()) if not _known(p.name, lambda n: n in _TOP)]
    folder = data_dir / "patients"
    if folder.is_dir():
        found += [p for p in sorted(folder.iterdir()) if not _known(p.name, _PATIENT.fullmatch)]
    # A write's temp file (".NAME.tmp-PID-…"): one a crash left, or one being written now; start-up removes them
    # (bot/store/files.sweep_temp_files). Named as that, not as foreign (newcomer11 O30).
    temps = [p for p in found if p.name.startswith(".") and TEMP_MARK in p.name and _own_temp(p)]
    for path in temps:
        yield Finding(
            "temp files",
            True,
            f"{path} is a half-written copy left by a crash (or a write under way now): the bot removes it at "
            "its next start; nothing in it was ever acknowledged",
        )
    found = [p for p in found if p not in temps]
    pins = [p for p in found if p.name.startswith(PIN_PREFIX) and p.is_dir()]  # a live backup's (ops O93)
    for path in pins:
        yield Finding(
            "temp files",
            True,
            f"{path} holds the files of a backup being written now (or one a crash cut short): it goes when the "
            "backup ends, or at the bot's next start",
        )
    found = [p for p in found if p not in pins]
    for path in found:
        yield Finding("foreign files", False, _why(path))
    # newcomer13 O51: a newest audit segment none of whose lines opens has the bot's name, not the bot's bytes.
    suspect = _suspect_segment(settings)
    if suspect is not None:
        yield Finding("foreign files", False, f"{suspect} may not be a file the bot wrote (see 'audit log')")
    if not found and suspect is None:
        yield Finding("foreign files", True, "every file in the data dir is one the bot writes")


def _suspect_segment(settings: Settings) -> Path | None:
    if rotation.journal_path(settings.data_dir).exists():
        return None  # mixed keys are expected mid-rotation
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    if verify.key_suspect(verify.scan(settings.data_dir, settings.data_keys)):
        return None  # nothing opens with this key: the files check says to check IOP_DATA_KEY
    return audit_tail.none_opens(settings.data_dir, codec)


def _known(name: str, own: object) -> bool:
    if name.startswith(".health-") or own(name):  # type: ignore[operator]
        return True
    return any(mark in name and own(name.split(mark)[0]) for mark in _MARKS)  # type: ignore[operator]


def _own_temp(path: Path) -> bool:
    name = path.name[1:].split(TEMP_MARK)[0]
    return bool(_PATIENT.fullmatch(name)) if path.parent.name == "patients" else name in _TOP


def _why(path: Path) -> str:
    return (
        f"{path} is not a file the bot writes: if it holds patient details, move it somewhere as protected as "
        "this directory or delete it (encryption, retention, erasure and backups do not cover it); if it is "
        "another program's data, move it out"
    )
