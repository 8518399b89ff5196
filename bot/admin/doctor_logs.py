"""`iop-bot doctor`'s lines for the keyed logs that are not read at start-up: every line opens."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from bot.admin.doctor import Finding
from bot.config.settings import Settings
from bot.store import checkin_log, keyed_log, rotation, verify
from bot.store.crypto import FernetCodec
from bot.store.migrate import CLOSED_ALERTS
from bot.store.storage import DataRefusedError

# newcomer11 O28: without the key (or with the key from before a rotation) every line reads as damage, and the
# advice to restore the whole log from a backup would throw away what was closed since that backup.
NOT_CHECKED = (
    "not checked: IOP_DATA_KEY does not open this data (the data key and files lines say what to set); a whole "
    "file is not damaged for that: leave the files as they are"
)


def not_checked(settings: Settings, path: Path) -> str | None:
    """Why ``path`` is not read now: the key does not open the index (None: it does). Mid-rotation, a log the
    rotation reached is under the new key already, which is no key problem (newcomer13 O50)."""
    if not key_refused(settings):
        return None
    journal = rotation.journal_path(settings.data_dir)
    done = (
        rotation.rekeyed(path, json.loads(journal.read_text(encoding="utf-8")), settings.data_keys)
        if journal.exists()
        else None
    )
    if done:
        return (
            "not checked: it is under the new key already (the unfinished key rotation got that far, "
            "see 'rotation'): leave it as it is; `iop-bot rotate-key` finishes the rotation"
        )
    return NOT_CHECKED if done is None else None  # False: still under the key given, so it is read


def key_refused(settings: Settings) -> bool:
    """Whether the key given does not open the index: every keyed line would then read as damage. A torn or
    damaged index is no key problem (ops O100: its other lines sent the admin hunting for another key, though
    every other file opened); the files line names it, and the logs are read as usual."""
    index = settings.data_dir / "index.json"
    if not index.exists():
        return False
    return verify.check_file(index, settings.data_keys, quick=True).state in _KEY_STATES


_KEY_STATES = (verify.State.FOREIGN_KEY, verify.State.ENCRYPTED)


def closed_alerts_check(settings: Settings) -> Iterable[Finding]:
    """Every line of ``alerts-closed.log`` opens (start-up refuses a file that does not)."""
    path = settings.data_dir / CLOSED_ALERTS
    if not path.exists():
        yield Finding("closed alerts", True, f"{path} not created yet (the first acknowledgement makes it)")
        return
    if (why := not_checked(settings, path)) is not None:
        yield Finding("closed alerts", False, why)
        return
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    try:
        rows, _, tail = keyed_log.read_lines(path, codec)
    except DataRefusedError as exc:
        yield Finding("closed alerts", False, f"{exc}; restore it from a backup (`iop-bot restore`)")
        return
    cut = f"; {len(tail)} bytes cut short by a crash are set aside at the next start" if tail else ""
    yield Finding("closed alerts", True, f"{len(rows)} alert(s) closed in the last 30 days{cut}")


def checkin_logs_check(settings: Settings) -> Iterable[Finding]:
    """Every patient's check-in log opens (one that does not is refused for that patient when opened)."""
    if key_refused(settings):
        return  # a key problem, named by the files check: no advice to set patients' files aside
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    paths = sorted(settings.data_dir.glob(f"patients/*{checkin_log.SUFFIX}"))
    bad = 0
    for path in paths:
        try:
            keyed_log.read_lines(path, codec)
        except DataRefusedError as exc:
            bad += 1
            yield Finding(
                "check-ins",
                False,
                f"{exc}: that patient's check-ins are refused; restore the file from a backup, or accept its "
                f"loss with `iop-bot doctor --quarantine {path}`",
            )
    if not bad:
        yield Finding("check-ins", True, f"{len(paths)} patient check-in log(s), every line opens")
