"""`iop-bot restore FILE`: a backup into an empty (or new) data dir, with the audit row, the mark the bot's first
start reads (bot/store/restored.py, ops O94) and which key the restored files need (ops O91)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any, TextIO

from bot.admin.backup import read_backup
from bot.config.settings import Settings
from bot.store import audit_log, restored
from bot.store.crypto import FernetCodec
from bot.store.rotation import fingerprint
from bot.store.storage import DataRefusedError, write_atomically


def restore_backup(settings: Settings, file: str, out: TextIO) -> int:
    """`iop-bot restore FILE`: into an empty (or new) data dir only."""
    target = settings.data_dir
    if target.exists() and any(target.iterdir()):
        raise DataRefusedError(f"restore: {target} is not empty; restore into a new, empty data dir")
    manifest, contents = read_backup(settings.data_keys, file)
    try:
        target.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(target, 0o700)
    except OSError as exc:  # newcomer11 O7: a traceback, for a folder this user may not create
        raise DataRefusedError(
            f"restore: could not create {target}: {exc.strerror or exc}; choose a directory this user can write"
        ) from exc
    for name, data in sorted(contents.items()):
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically(path, data)
    _audit_restore(settings, file, manifest)
    # The first start tells the team the data is from then (bot/jobs/restored.py, ops O94).
    under = manifest.get("key")
    restored.mark(
        target,
        datetime.fromisoformat(manifest["created_at"]),
        datetime.now(UTC),
        os.path.abspath(file),
        _by(),
        under,
    )
    print(_key_note(under, settings.data_keys), file=out)
    print(
        f"Restored {len(contents)} data file(s) from {file} (taken {manifest['created_at']}) into {target}.\n"
        f"Nothing after {manifest['created_at']} is in it: people enrolled since are strangers to the bot (their "
        "crisis words get only the crisis lines) and must be invited again. The bot's first start on it tells the "
        "admins and counselors in Telegram that its records are from then, and `iop-bot doctor` notes the "
        "restore for 7 days; check `iop-bot patient list`.",
        file=out,
    )
    return 0


def _key_note(under: str | None, keys: tuple[str, ...]) -> str:
    """Which key the restored files need (ops O91: restored after a rotation, with the new key first and the old
    one after it, nothing said so; the bot and doctor then had only the new key, which does not open them)."""
    if not under or not keys:
        return "Its files are not encrypted." if not under else f"Its files are under key {under}."
    first = fingerprint(keys[0])
    if under == first:
        return f"Its files are under key {under}, the first key in IOP_DATA_KEY."
    return (
        f"Its files are under key {under}, NOT the first key in IOP_DATA_KEY ({first}): the bot, doctor and "
        f"every command need the key whose fingerprint is {under} (for a backup taken before a rotation, the old "
        "key). To run it with the key in use instead, put the files under it first, with the bot stopped: "
        f"`IOP_DATA_KEY=<the key {under}> iop-bot rotate-key < the-key-in-use.key`."
    )


def _audit_restore(settings: Settings, file: str, manifest: dict[str, Any]) -> None:
    """The restored log's next row says who restored what, and from when (ops O21)."""
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    row = {"at": datetime.now(UTC).isoformat(), "actor": 0, "action": "restore", "subject": "-", "by": _by()}
    log = audit_log.AuditLog(settings.data_dir, codec)
    try:
        log.append({**row, "file": os.path.abspath(file), "taken": manifest["created_at"]})
    finally:
        log.close()


def _by() -> str:
    from bot.admin.client import _who

    return _who()
