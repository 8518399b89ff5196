"""`iop-bot doctor`'s audit log check: the whole hash chain reads, and nothing foreign lies beside it."""

from __future__ import annotations

from collections.abc import Iterable

from bot.admin.doctor import Finding
from bot.config.settings import Settings
from bot.store import audit_log, migrate, rotation, storage, verify
from bot.store.crypto import FernetCodec
from bot.store.storage import DataRefusedError


def audit_check(settings: Settings) -> Iterable[Finding]:
    """Every record decrypts and follows the one before; set-aside cut-short tails are named."""
    data_dir = settings.data_dir
    if rotation.journal_path(data_dir).exists():
        return  # mixed keys are expected mid-rotation; rotation_check reports it
    if (data_dir / migrate.JOURNAL).exists():
        yield Finding(
            "audit log",
            False,
            f"an upgrade to data format {migrate.DATA_FORMAT} is unfinished: start the bot",
        )
        return
    if verify.key_suspect(verify.scan(data_dir, settings.data_keys)):
        return  # nothing opens with this key: file_checks says to check IOP_DATA_KEY, not to restore
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    try:
        count, segments = audit_log.verify(data_dir, codec)
    except DataRefusedError as exc:
        yield Finding("audit log", False, f"{exc}; restore the data dir from a backup (`iop-bot restore`)")
    else:
        yield Finding(
            "audit log", True, f"{count} record(s) in {segments} segment(s); the hash chain is whole"
        )
    for stray in audit_log.strays(data_dir):
        if storage.TORN_MARK not in stray.name:  # a set-aside tail is doctor_set_aside's FAIL
            yield Finding(
                "audit log", False, f"{stray} is no segment of the audit log; move it out of {data_dir}"
            )
