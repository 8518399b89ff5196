"""What start-up refuses before a single file is opened for writing, and which patients it cannot serve.

Refused (the bot does not start, nothing is moved or rewritten): an unfinished key rotation; patient
files without ``index.json``; any file that is plaintext where a key is set, encrypted where none is,
or under a key not given; an index that does not open. A torn patient file does not stop the bot,
which must go on answering everyone else (crisis messages included): that patient is told kindly
their records cannot be opened, and the counselors are alerted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from bot.store import audit_log, rotation, verify
from bot.store.crypto import FernetCodec
from bot.store.storage import DataRefusedError

log = logging.getLogger(__name__)
WAY_OUT = "restore from a backup (`iop-bot restore`) or, once reviewed, `iop-bot doctor --quarantine FILE`"


class StartupRefused(DataRefusedError):
    """The data dir is not in a state the bot may run on; the message says why and what to do."""


@dataclass
class Preflight:
    """What start-up found: patient ids whose files are torn, by the reason."""

    unreadable: dict[str, str] = field(default_factory=dict)


def preflight(data_dir: Path, keys: tuple[str, ...]) -> Preflight:
    """Check the whole data dir; raise StartupRefused, or say which patients cannot be served."""
    progress = rotation.unfinished(data_dir, keys)
    if progress is not None:
        raise StartupRefused(progress.line())
    shards = verify.patient_files(data_dir)
    index = data_dir / "index.json"
    if shards and not index.exists():
        raise StartupRefused(
            f"{index} is missing while {len(shards)} patient file(s) exist; starting would orphan them. "
            "Restore the data dir from a backup (`iop-bot restore`)"
        )
    checks = verify.scan(data_dir, keys, quick=True)
    refused = [c for c in checks if c.state not in (verify.State.OK, verify.State.TORN)]
    refused += [c for c in checks if c.state is verify.State.TORN and c.path.parent.name != "patients"]
    if refused:
        names = "; ".join(f"{c.path}: {c.state.value}" for c in refused[:3])
        more = f" (and {len(refused) - 3} more)" if len(refused) > 3 else ""
        raise StartupRefused(
            f"refusing to start: {names}{more}. Way out: {WAY_OUT}; `iop-bot doctor` lists all"
        )
    try:
        audit_log.check_newest(data_dir, FernetCodec(keys) if keys else None)
    except DataRefusedError as exc:
        raise StartupRefused(
            f"refusing to start: {exc}. Way out: restore from a backup (`iop-bot restore`)"
        ) from None
    found = Preflight()
    for c in checks:
        if c.state is verify.State.TORN:
            found.unreadable[c.path.stem] = c.state.value
            log.error(
                "patient file %s is %s; that patient is told their records can't be opened",
                c.path,
                c.state.value,
            )
    return found
