"""`iop-bot restore FILE`: a backup into an empty (or new) data dir, with the audit row, the mark the bot's first
start reads (bot/store/restored.py, ops O94) and which key the restored files need (ops O91)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any, TextIO

from bot.admin.backup import read_backup
from bot.admin.upgrade_pending import pending
from bot.config.settings import Settings
from bot.store import audit_log, migrate, restored
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
    under = manifest.get("key")
    upgraded = _upgraded(settings, under)  # before the audit row, which an older layout has no place for
    _audit_restore(settings, file, manifest)
    # The first start tells the team the data is from then (bot/jobs/restored.py, ops O94).
    restored.mark(
        target,
        datetime.fromisoformat(manifest["created_at"]),
        datetime.now(UTC),
        os.path.abspath(file),
        _by(),
        under,
    )
    print(_key_note(under, settings.data_keys), file=out)
    if upgraded is not None:
        print(upgraded, file=out)
    taken = manifest["created_at"]
    print(
        f"Restored {len(contents)} data file(s) from {file} (taken {taken}) into {target}.\n"
        f"Nothing after {taken} is in it: people enrolled since are strangers to the bot (their crisis words get "
        "only the crisis lines) and must be invited again, and `iop-bot patient list` cannot show them, as it shows "
        f'only what is here: look for "accepted your invitation" in the counselors\' chats after {taken}, or in '
        "the old data dir's audit log (`iop-bot audit`) if it can still be read. The bot's first start on it tells "
        "the admins and counselors in Telegram that its records are from then, and `iop-bot doctor` notes the "
        "restore for 7 days.",
        file=out,
    )
    return 0


def _upgraded(settings: Settings, under: str | None) -> str | None:
    """A backup of an older release brought to this release's data format, as the bot's start would (ops O107: it
    could be read by no command but `iop-bot run`, which a test restore must not do on the real token). Under the
    backup's own key, so no file changes key. None when nothing was to do."""
    found = pending(settings)
    if found is None:
        return None
    keys = [k for k in settings.data_keys if fingerprint(k) == under] or list(settings.data_keys[:1])
    try:
        migrate.upgrade(settings.data_dir, FernetCodec(keys) if keys else None)
    except (DataRefusedError, OSError) as exc:
        return f"It is in data format {found} (an older release) and could not be upgraded here ({exc}): the bot upgrades it when it starts."
    return (
        f"It was in data format {found} (an older release): brought to data format {migrate.DATA_FORMAT} here, as "
        "the bot does when it starts, so `doctor`, `patient list` and `export` read it; the backup file is unchanged."
    )


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
