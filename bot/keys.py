"""`iop-bot keygen` and `iop-bot rotate-key`: the data key's life cycle."""

from __future__ import annotations

from typing import TextIO

from bot.settings import Settings, SettingsError
from bot.store import crypto, files
from bot.store.lock import DataDirLock


def keygen(out: TextIO) -> int:
    """Print a new data key."""
    print(crypto.keygen(), file=out)
    return 0


def rotate_key(settings: Settings, new_key: str, out: TextIO) -> int:
    """Re-encrypt the data dir under ``new_key``; the bot must be stopped (it owns the dir)."""
    try:
        crypto.parse_keys(new_key)
    except ValueError:
        raise SettingsError("NEW_KEY: not a valid data key (generate one with `iop-bot keygen`)") from None
    lock = DataDirLock(settings.data_dir, role="cli")
    lock.acquire()  # DataDirBusyError if the bot is running: rotating under it would race its writes
    try:
        files.sweep_temp_files(settings.data_dir)
        count = crypto.rotate(settings.data_dir, settings.data_keys, new_key)
    finally:
        lock.release()
    print(
        f"Re-encrypted {count} data file(s). Now set IOP_DATA_KEY to the new key and start the bot.", file=out
    )
    return 0
