"""`iop-bot keygen` and `iop-bot rotate-key`: the data key's life cycle."""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TextIO

from bot.config.keys import parse_keys
from bot.config.settings import Settings, SettingsError
from bot.store import audit_log, crypto, files, restored, rotation
from bot.store.crypto import FernetCodec
from bot.store.lock import DataDirLock
from bot.store.storage import DataRefusedError

NEW_KEY_ENV = "IOP_NEW_DATA_KEY"


def keygen(out: TextIO, of: TextIO | None = None) -> int:
    """Print a new data key; with ``of``, the fingerprint of the key read from it instead, as doctor, backups and
    restore name keys (ops O114: no way to sort the keys in a password safe before a restore)."""
    if of is None:
        print(crypto.keygen(), file=out)
        return 0
    value = (getpass.getpass("Data key: ") if of.isatty() else of.readline()).strip()
    try:
        parse_keys(value)
    except ValueError:
        raise SettingsError("not a valid data key on stdin (a key from `iop-bot keygen`)") from None
    print(rotation.fingerprint(value), file=out)
    return 0


def read_new_key(stdin: TextIO, env: Mapping[str, str] | None = None) -> str:
    """The new key from IOP_NEW_DATA_KEY or stdin: never argv, where `ps` and shell history see it."""
    env = os.environ if env is None else env
    if env.get(NEW_KEY_ENV):
        value = env[NEW_KEY_ENV]
    elif stdin.isatty():
        value = getpass.getpass("New data key (from `iop-bot keygen`): ")
    else:
        value = stdin.readline()
    try:
        parse_keys(value.strip())
    except ValueError:
        raise SettingsError(
            f"new key: not a valid data key on stdin or in {NEW_KEY_ENV} (generate one with `iop-bot keygen`)"
        ) from None
    return value.strip()


def rotate_key(settings: Settings, new_key: str, out: TextIO) -> int:
    """Re-encrypt the data dir under ``new_key``, journaled; re-run with the same keys to resume."""
    lock = DataDirLock(settings.data_dir, role="cli")
    lock.acquire()  # DataDirBusyError if the bot is running: rotating under it would race its writes
    try:
        files.sweep_temp_files(settings.data_dir)
        resumed = rotation.journal_path(settings.data_dir).exists()
        try:
            count = rotation.rotate(settings.data_dir, settings.data_keys, new_key)
        except rotation.RotationError as exc:
            raise DataRefusedError(f"rotate-key: {exc}") from None
        _audit(settings, new_key)
        restored.rekeyed(settings.data_dir, rotation.fingerprint(new_key))  # doctor names the right key (O91)
    finally:
        lock.release()
    print(
        f"{'Finished the interrupted rotation: ' if resumed else ''}{count} data file(s) are under key "
        f"{rotation.fingerprint(new_key)}. Now set IOP_DATA_KEY to the new key and start the bot. Backups "
        "taken before open only with the old key: take a new backup now (`iop-bot backup --out FILE`), and "
        "keep the old key as long as you keep those backups.",
        file=out,
    )
    return 0


def _audit(settings: Settings, new_key: str) -> None:
    """A row under the new key: who rotated, from which key to which (fingerprints only: ops O21)."""
    from bot.admin.client import _who

    old = rotation.fingerprint(settings.data_keys[0]) if settings.data_keys else None
    row = {"at": datetime.now(UTC).isoformat(), "actor": 0, "action": "rotate_key", "subject": "-"}
    log = audit_log.AuditLog(settings.data_dir, FernetCodec((new_key,)))
    try:
        log.append({**row, "by": _who(), "from": old, "to": rotation.fingerprint(new_key)})
    finally:
        log.close()
