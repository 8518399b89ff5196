"""The live audit log set against a backup's (ops O125): a key-holder can rewrite rows and re-chain the log, and
`audit --verify` then says it is whole; every backup holds the rows as they were. `doctor --backup FILE` (the
nightly line runs it after each backup) FAILs when a record the backup holds is changed or gone in the live log."""

from __future__ import annotations

from pathlib import Path

from bot.config.settings import Settings
from bot.store import audit_log
from bot.store.audit_log import AuditLogRefused
from bot.store.crypto import FernetCodec
from bot.store.storage import DataRefusedError, IdentityCodec

SHOWN = 3


def backup_digests(contents: dict[str, bytes], settings: Settings) -> dict[int, tuple[str, str]]:
    """Each record of the backup's audit segments: its number, hash and where it is."""
    codec = FernetCodec(settings.data_keys) if settings.data_keys else IdentityCodec()
    found: dict[int, tuple[str, str]] = {}
    for name in sorted(n for n in contents if n.startswith(f"{audit_log.DIR}/")):
        for number, line in enumerate(contents[name].split(b"\n")[:-1], start=1):
            where = f"{Path(name).name} line {number}"
            try:
                plain, record = audit_log.decode_line(line, codec, where)
            except DataRefusedError:
                continue  # doctor --backup's own check FAILs a line that does not open
            found[int(record["n"])] = (audit_log.digest(plain), where)
    return found


def differences(settings: Settings, contents: dict[str, bytes]) -> str:
    """What the live log changed of the backup's records ("" when nothing, or no live log here to compare)."""
    if not audit_log.segments(settings.data_dir):
        return ""
    theirs = backup_digests(contents, settings)
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    live: dict[int, str] = {}
    try:
        for record in audit_log.records(settings.data_dir, codec, check_chain=False):
            live.setdefault(record.n, record.digest)
    except AuditLogRefused:
        pass  # a line that does not open: the audit log check's FAIL; what opened before it is compared
    changed = sorted(n for n, (digest, _) in theirs.items() if live.get(n) != digest)
    if not changed:
        return ""
    shown = ", ".join(
        f"record {n} ({theirs[n][1]}: {'gone' if n not in live else 'changed'})" for n in changed[:SHOWN]
    )
    more = f" and {len(changed) - SHOWN} more" if len(changed) > SHOWN else ""
    return (
        f"{len(changed)} audit record(s) this backup holds differ in the live log: {shown}{more}. Rows written before "
        "the backup were rewritten or removed since (someone with the data key can re-chain the log: `audit "
        "--verify` cannot see that). Keep the data dir and this backup as they are (evidence), read the rows in both "
        "(`iop-bot restore` the backup into a new, empty dir and run `iop-bot audit` there), and find out who had "
        "the key"
    )
