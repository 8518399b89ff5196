"""A data dir written by an older release, seen by a command before the bot has upgraded it.

The bot upgrades an older data dir in place when it starts (bot/store/migrate.py). A command run first
(`doctor`, `backup`, `patient list`) used to upgrade it too, silently: `doctor` first reported the old
layout as a broken index ("restore the index from a backup"), and `backup` saved the upgraded files, so the
backup an upgrade calls for could not be taken with the new release (newcomer7 finding N10). Now a command
leaves an older dir as it is: `backup` copies its files as they are, `doctor` says what will happen, and
every other command refuses in one line that says how to go on.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from bot.config.settings import Settings
from bot.store import migrate
from bot.store.crypto import FernetCodec
from bot.store.storage import AtomicJSONStorage, DataRefusedError


class UpgradePending(DataRefusedError):
    """A command found a data dir the bot has not upgraded yet: nothing was changed."""


def pending(settings: Settings) -> int | None:
    """The older data format the dir is in (or the current one, when an upgrade was interrupted); None when
    it needs nothing, or when the index does not read (the usual checks then say why)."""
    data_dir = settings.data_dir
    index = data_dir / "index.json"
    if not index.exists():
        return None
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    try:
        found = migrate.stored_format(AtomicJSONStorage(index, codec).read())
    except (DataRefusedError, OSError, ValueError):
        return None
    if found < migrate.DATA_FORMAT or (data_dir / migrate.JOURNAL).exists():
        return found
    return None


def how_to_go_on(settings: Settings, found: int) -> str:
    """One paragraph: what the dir is, what the bot will do, and the backup to take first."""
    if (settings.data_dir / migrate.JOURNAL).exists():
        return (
            f"{settings.data_dir} is part-way through an upgrade to data format {migrate.DATA_FORMAT} (a "
            "start was interrupted): start the bot (`iop-bot run`) to finish it; nothing was changed here"
        )
    return (
        f"{settings.data_dir} is in data format {found}, written by an older release; this release uses "
        f"data format {migrate.DATA_FORMAT} and upgrades the dir in place when the bot starts (`iop-bot run`; "
        "journaled, a crash resumes it, and the older release cannot read the result). Take a backup first: "
        "`iop-bot backup --out FILE` copies the files as they are now. Other commands work once the bot has "
        "started; nothing was changed"
    )


def refuse(settings: Settings, found: int) -> UpgradePending:
    return UpgradePending(how_to_go_on(settings, found))


def backup_as_is(settings: Settings, out: str, now: datetime) -> dict[str, Any]:
    """`iop-bot backup` of an older data dir: its files as they are, holding the data-dir lock (a bot of
    the older release that holds it is asked instead, by the caller)."""
    from bot.admin.backup import snapshot
    from bot.store.lock import DataDirLock

    lock = DataDirLock(settings.data_dir, "cli")
    lock.acquire(0.0)
    try:
        return snapshot(settings.data_dir, settings.data_keys, Path(out), now)
    finally:
        lock.release()
