"""`iop-bot doctor`'s data checks: every file opens, index and patients agree, permissions, rotation,
configuration and on-call, the last backup. Each unhealthy line names the file and the way out."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet

from bot.admin.doctor import Check, Finding
from bot.admin.doctor_restored import key_advice, restored_key
from bot.config.settings import Settings
from bot.store import keyed_log, restored, rotation, verify
from bot.store.crypto import FernetCodec
from bot.store.files import quarantined
from bot.store.migrate import PATIENTS_LOG
from bot.store.storage import DataRefusedError

BACKUP_STAMP = "last-backup.stamp"  # written by `iop-bot backup`: when, and to which file
BACKUP_MAX_AGE = timedelta(hours=36)  # a nightly backup, with a margin for a late one
# newcomer8 N5: `restore` refuses a data dir that is not empty, and restoring the whole program to last night
# loses everyone's day: one file is restored into an empty dir, then copied back alone (same key).
WAY_OUT = (
    "restore just this file: `IOP_DATA_DIR=/tmp/restored iop-bot restore BACKUP` (an empty dir), stop the bot, "
    "copy {name} from /tmp/restored over this one, start the bot; or accept its loss: "
    "`iop-bot doctor --quarantine {path}`"
)


INDEX_WAY_OUT = "restore it from a backup (`iop-bot restore`): it holds every patient and counselor"


def file_checks(settings: Settings) -> Iterable[Finding]:
    """Every data file decrypts with the keys given and parses."""
    if rotation.journal_path(settings.data_dir).exists():
        return  # mixed keys are expected mid-rotation; rotation_check reports it
    checks = verify.scan(settings.data_dir, settings.data_keys)
    bad = [c for c in checks if not c.ok]
    if verify.key_suspect(checks):
        under = restored_key(settings)  # restored from a backup under another key: name it (ops O91)
        hint = f"; {key_advice(settings, under)}" if under else ""
        yield Finding("files", False, verify.key_summary(checks) + hint)
        return  # not one "accept its loss" per file: the right key opens them all
    read = _patient_rows(settings)
    rows = read or {}
    strangers = (
        {p for p in verify.patient_files(settings.data_dir) if p.stem not in rows}
        if read is not None
        else set()
    )
    for c in bad:
        if c.path in strangers:
            continue  # index_check names it, with what to do about a file that is not this program's
        # The index cannot be quarantined (newcomer7 finding N13: doctor offered what --quarantine refuses).
        way_out = (
            INDEX_WAY_OUT
            if c.path.name == "index.json"
            else WAY_OUT.format(path=c.path, name=c.path.relative_to(settings.data_dir))
        )
        # Whose file it is (newcomer9 N43: the admin told "Rosa's records can't be opened" found only an id here).
        row = rows.get(c.path.name.split(".")[0], {}) if c.path.parent.name == "patients" else {}
        whose = f" (patient {row['alias']})" if row.get("alias") else ""
        yield Finding("files", False, f"{c.path}{whose}: {c.state.value}; {way_out}")
    if not bad:
        yield Finding("files", True, f"{len(checks)} data file(s) decrypt and parse")


def _patient_rows(settings: Settings) -> dict[str, keyed_log.Row] | None:
    """The patients' rows by id; None when the patients' file does not read or is not there yet (then no patient
    file is a stranger to it)."""
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    try:
        rows = keyed_log.read_lines(settings.data_dir / PATIENTS_LOG, codec)[0]
    except (DataRefusedError, OSError):
        return None
    return rows if rows or (settings.data_dir / PATIENTS_LOG).exists() else None


def key_check(settings: Settings) -> Iterable[Finding]:
    """A data key is set (the bot refuses to start without one unless the program is a trial), and holds the key
    a restored backup's files are under."""
    if settings.data_keys and (under := restored_key(settings)):
        yield Finding("data key", False, key_advice(settings, under))
        return
    if settings.data_keys:  # which key is which, for a hand-over note (ops O135)
        keys = [f"{rotation.fingerprint(settings.data_keys[0])} (writes)"]
        keys += [f"{rotation.fingerprint(k)} (read only: an older key)" for k in settings.data_keys[1:]]
        yield Finding("data key", True, f"IOP_DATA_KEY holds key {', '.join(keys)} (fingerprints)")
        return
    if settings.allow_unencrypted:
        return
    files = verify.data_files(settings.data_dir)
    if files:
        yield Finding(
            "data key",
            False,
            f"IOP_DATA_KEY is not set and {settings.data_dir} holds {len(files)} data file(s): set it to the key "
            "this data was written with (after a rotation, the new key); a new key cannot open it",
        )
    else:
        yield Finding(
            "data key",
            False,
            "IOP_DATA_KEY is not set, so the bot will not start: for a new program, generate one with "
            "`iop-bot keygen` and keep a copy somewhere safe (without it the data cannot be read)",
        )


def index_check(settings: Settings) -> Iterable[Finding]:
    """The index is there when patient files are, and names each of them."""
    index = settings.data_dir / "index.json"
    shards = verify.patient_files(settings.data_dir)
    if not index.exists():
        if shards:
            yield Finding(
                "index",
                False,
                f"{index} is missing but {len(shards)} patient file(s) exist; restore it from a backup",
            )
        return
    check = verify.check_file(index, settings.data_keys)
    if not check.ok:
        return  # file_checks names it
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    try:
        known = set(keyed_log.read_lines(settings.data_dir / PATIENTS_LOG, codec)[0])
    except DataRefusedError as exc:
        yield Finding("index", False, f"{exc}; restore it from a backup (`iop-bot restore`)")
        return
    orphans = [p for p in shards if p.stem not in known]
    for p in orphans:
        # Not "restore the index from a backup" (newcomer7 finding N12): the index is usually newer than
        # any backup, and a file dropped in from elsewhere is the likelier cause.
        yield Finding(
            "index",
            False,
            f"{p} belongs to no patient of this program: if it was copied in from elsewhere, move it out of "
            "the data dir; if a patient is missing from `iop-bot patient list`, restore from a backup "
            "(`iop-bot restore`) taken while they were enrolled",
        )
    if not orphans:
        yield Finding("index", True, f"{len(known)} patient(s); every patient file is in the index")


def rotation_check(settings: Settings) -> Iterable[Finding]:
    """No key rotation left half-done."""
    progress = rotation.unfinished(settings.data_dir, settings.data_keys)
    if progress is not None:
        yield Finding("rotation", False, progress.line())


def permission_check(settings: Settings) -> Iterable[Finding]:
    """Every file in the data dir is readable by its owner only."""
    if not settings.data_dir.exists():
        return
    loose = [
        p
        for p in sorted(settings.data_dir.rglob("*"))
        if not p.is_symlink() and stat.S_IMODE(os.lstat(p).st_mode) & 0o077
    ]
    for p in loose:
        mode = stat.S_IMODE(os.lstat(p).st_mode)
        yield Finding("permissions", False, f"{p} is open to others (mode {mode:o}); run chmod go-rwx {p}")
    if not loose:
        yield Finding("permissions", True, "every file is private to its owner")


def quarantine_check(settings: Settings) -> Iterable[Finding]:
    """Files moved aside still hold data: say so, so they are reviewed and erased."""
    for p in quarantined(settings.data_dir):
        yield Finding("quarantine", True, f"{p} was set aside and still holds data; erase it once reviewed")


def _registered_counselors(settings: Settings) -> set[int] | None:
    """Telegram ids of the counselors in the index; None when it cannot be read (other checks say why)."""
    index = index_tables(settings)
    if index is None:
        return None
    return {int(c["telegram_id"]) for c in index.get("counselors", {}).values() if "telegram_id" in c}


def index_tables(settings: Settings) -> dict[str, dict[str, Any]] | None:
    """The index's tables as stored ({} when there is no index yet); None when it cannot be read."""
    index = settings.data_dir / "index.json"
    if not index.exists():
        return {}
    check = verify.check_file(index, settings.data_keys)
    if not check.ok:
        return None
    raw = index.read_bytes()
    if check.key_index is not None:
        raw = Fernet(settings.data_keys[check.key_index].encode()).decrypt(raw)
    tables: dict[str, dict[str, Any]] = json.loads(raw)
    return tables


def backup_check(settings: Settings, now: datetime | None = None) -> Iterable[Finding]:
    """A backup was taken recently."""
    stamp = settings.data_dir / BACKUP_STAMP
    if not stamp.exists():
        # Ops O106: after a restore "no backup taken yet" read as if the program never had one.
        since = (
            "since this data dir was restored (see 'restored')" if restored.read(settings.data_dir) else "yet"
        )
        yield Finding(
            "backup", False, f"no backup taken {since}; run `iop-bot backup --out FILE` nightly (README)"
        )
        return
    last = json.loads(stamp.read_text(encoding="utf-8"))
    at = datetime.fromisoformat(str(last["at"]))
    age = (now or datetime.now(UTC)) - at
    hours = int(age.total_seconds() // 3600)
    ok = age <= BACKUP_MAX_AGE
    file = last.get("file", "?")
    in_use = {rotation.fingerprint(k) for k in settings.data_keys}
    if Path(file).is_absolute() and not Path(file).exists():
        # First, whatever its key (newcomer11 O30: after a rotation a deleted backup was "under key ...").
        # newcomer11 O2: "ok" over a backup deleted or lost with its disk reads as one to restore from.
        yield Finding(
            "backup",
            False,
            f"last backup {hours} h ago, to {file}, is no longer at that path. If it was moved off this "
            "machine, check the copy with `iop-bot doctor --backup FILE`; if it is gone, take a new backup now "
            "(`iop-bot backup --out FILE`)",
        )
        return
    if (
        last.get("key") and in_use and last["key"] not in in_use
    ):  # a stamp from before keys were named: no key
        yield Finding(
            "backup",
            False,
            f"last backup {hours} h ago, to {file}, is under key {last['key']}, not the key in use (rotated "
            "since): it opens only with that old key. Take a new backup now (`iop-bot backup --out FILE`), "
            "and keep the old key as long as you keep backups made with it",
        )
        return
    yield Finding("backup", ok, f"last backup {hours} h ago, to {file}")


def checks() -> list[Check]:
    """This module's checks, in the order doctor prints them."""
    from bot.admin.doctor_away import away_check
    from bot.admin.doctor_oncall import oncall_check

    return [
        key_check,
        file_checks,
        index_check,
        rotation_check,
        permission_check,
        quarantine_check,
        oncall_check,
        away_check,
        backup_check,
    ]
