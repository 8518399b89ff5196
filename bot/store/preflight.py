"""What start-up refuses before a single file is opened for writing, and which patients it cannot serve.

Refused (the bot does not start, nothing is moved or rewritten): an unfinished key rotation; patient
files without ``index.json``; an index, patients' file or newest audit segment that is plaintext where a
key is set, encrypted where none is, under a key not given, or that does not open. A patient's own file
that is not whole does not stop the bot, which must go on answering everyone else (crisis messages
included): it is refused when first opened, and `patient_problems` (run just after start-up, off the
store thread) finds it anyway; that patient is told kindly their records cannot be opened, and the
counselors are alerted. `iop-bot doctor` checks every file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from bot.store import audit_log, audit_tail, keyed_log, rotation, verify
from bot.store.audit_damaged import set_aside_damaged
from bot.store.crypto import FernetCodec
from bot.store.migrate import KEYED_LOGS, PATIENTS_LOG
from bot.store.storage import DataRefusedError

log = logging.getLogger(__name__)
WAY_OUT = "restore from a backup (`iop-bot restore`) or, once reviewed, `iop-bot doctor --quarantine FILE`"
INDEX_WAY_OUT = "restore the data dir from a backup (`iop-bot restore`)"


class StartupRefused(DataRefusedError):
    """The data dir is not in a state the bot may run on; the message says why and what to do."""


@dataclass
class Preflight:
    """What start-up found: patient ids whose files are torn, by the reason."""

    unreadable: dict[str, str] = field(default_factory=dict)
    audit_checked: audit_log.Checked | None = None  # the newest audit segment, checked whole


def preflight(data_dir: Path, keys: tuple[str, ...], *, now: datetime | None = None) -> Preflight:
    """Check the whole data dir; raise StartupRefused, or say which patients cannot be served (``now``: the
    bot's clock, for a row written on the way)."""
    progress = rotation.unfinished(data_dir, keys)
    if progress is not None:
        raise StartupRefused(progress.line())
    index = data_dir / "index.json"
    if not index.exists() and verify.any_patient_file(data_dir):
        shards = verify.patient_files(data_dir)
        raise StartupRefused(
            f"{index} is missing while {len(shards)} patient file(s) exist; starting would orphan them. "
            "Restore the data dir from a backup (`iop-bot restore`)"
        )
    # Patients' files are checked when first opened and by `patient_problems` just after start-up: with
    # 10,000 patients checking each here took 5-11 s, and one bad file must not stop the others' care.
    checks = [verify.check_file(p, keys, quick=True) for p in verify.shared_files(data_dir)]
    refused = [c for c in checks if not c.ok]
    if refused and verify.key_suspect(checks):
        raise StartupRefused(f"refusing to start, nothing was changed: {verify.key_summary(checks)}")
    if refused:
        names = "; ".join(f"{c.path}: {c.state.value}" for c in refused[:3])
        more = f" (and {len(refused) - 3} more)" if len(refused) > 3 else ""
        # The index cannot be quarantined (it holds every patient and counselor): never offer it.
        way_out = INDEX_WAY_OUT if all(c.path.name == "index.json" for c in refused) else WAY_OUT
        raise StartupRefused(
            f"refusing to start: {names}{more}. Way out: {way_out}; `iop-bot doctor` lists all"
        )
    codec = FernetCodec(keys) if keys else None
    try:
        try:
            audit_checked = audit_log.check_newest(data_dir, codec)
        except audit_log.AuditLogRefused as exc:  # ops O139: a damaged line no longer keeps the bot down
            if set_aside_damaged(data_dir, codec, exc, now=now) is None:
                raise
            audit_checked = audit_log.check_newest(data_dir, codec)
        for name in KEYED_LOGS:
            keyed_log.read_lines(data_dir / name, codec)
    except DataRefusedError as exc:
        # newcomer13 O51: a newest segment none of whose lines opens may be foreign: moving it out first.
        if (foreign := audit_tail.none_opens(data_dir, codec)) is not None:
            raise StartupRefused(
                f"refusing to start: {audit_tail.foreign_way_out(foreign, data_dir, str(exc))}"
            ) from None
        raise StartupRefused(
            f"refusing to start: {exc}. Way out: restore from a backup (`iop-bot restore`)"
        ) from None
    return Preflight(audit_checked=audit_checked)


def patient_problems(data_dir: Path, keys: tuple[str, ...]) -> dict[str, str]:
    """Patients whose file is not whole under a key given (read-only; run off the store thread)."""
    found: dict[str, str] = {}
    known: set[str] | None = None
    for path in verify.patient_files(data_dir):
        try:
            check = verify.check_file(path, keys, quick=True)
            state = check.state.value
        except FileNotFoundError:  # erased meanwhile
            continue
        except OSError as exc:  # EIO, EACCES: as a refused file (the rest are still checked)
            state = f"unreadable ({exc.strerror or exc})"
        else:
            if check.ok:
                continue
        found[path.stem] = state
        known = _patient_ids(data_dir, keys) if known is None else known
        if path.stem in known:
            log.error("patient file %s is %s; that patient is told their records can't be opened, and their "
                      "counselor is alerted", path, state)  # fmt: skip
        else:  # newcomer13 O46: a planted file was logged as a patient told and counselors alerted
            log.error("file %s is %s and belongs to no patient of this program (copied in, or planted?): "
                      "nobody is alerted; `iop-bot doctor` says what to do", path, state)  # fmt: skip
    return found


def _patient_ids(data_dir: Path, keys: tuple[str, ...]) -> set[str]:
    """The enrolled patients' ids (all of them, as far as can be told, when patients.log does not read)."""
    try:
        return set(keyed_log.read_lines(data_dir / PATIENTS_LOG, FernetCodec(keys) if keys else None)[0])
    except (DataRefusedError, OSError):
        return {p.stem for p in verify.patient_files(data_dir)}
