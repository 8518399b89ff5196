"""`iop-bot backup`, `iop-bot restore`, `iop-bot doctor --backup`: a data dir in one encrypted file.

A backup is a tar of the data files exactly as they are on disk (each already encrypted) plus a
manifest (file names, sizes, SHA-256, when, the key's fingerprint), the whole tar encrypted again
with the data key. While the bot runs the snapshot is taken on its store worker, through the control
socket, so no write can land half-way through it; otherwise the CLI takes the data-dir lock itself.
"""

from __future__ import annotations

import errno
import getpass
import hashlib
import io
import json
import os
import tarfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.admin import backup_pin
from bot.admin.backup_stream import HEADER2, SealedFile, private_temp, unseal
from bot.admin.roster import AdminError, OffStore, Operation
from bot.config.settings import Settings
from bot.store import audit_head, audit_log, checkin_log, keyed_log, verify
from bot.store.crypto import FernetCodec
from bot.store.migrate import KEYED_LOGS
from bot.store.repository import Repository
from bot.store.rotation import fingerprint
from bot.store.storage import DataRefusedError, IdentityCodec, write_atomically

MANIFEST = "manifest.json"
# The first line of an encrypted backup, in clear: the fingerprint of the key it is under (a one-way name, as
# doctor prints), so a backup that does not open says which key it needs (newcomer9 N36). Older backups have none.
HEADER = b"IOPBAK1 key="
STAMP = "last-backup.stamp"  # when the last backup was taken, and where to (read by `doctor`)


def snapshot(data_dir: Path, keys: tuple[str, ...], out: Path, now: datetime) -> dict[str, Any]:
    """Write the backup file; the caller guarantees no store write runs meanwhile (the CLI with the data dir's
    lock). The running bot pins the files on its store thread and writes the rest off it (backup_operation)."""
    return write_pinned(data_dir, backup_pin.pin(data_dir), keys, out, now)


def write_pinned(
    data_dir: Path, pinned: backup_pin.Pinned, keys: tuple[str, ...], out: Path, now: datetime
) -> dict[str, Any]:
    """Write the backup file from the pinned files, streamed in sealed chunks (backup_stream.py, ops O77), and let
    them go. Written under a temporary name, then renamed: a full disk leaves nothing under the backup's name
    (newcomer finding 10b-9: a partial file that doctor --backup called damaged), and says why."""
    entries, key = [], fingerprint(keys[0]) if keys else None
    try:
        with private_temp(out) as fd:
            sealed = SealedFile(fd, keys[0] if keys else None, key)
            with tarfile.open(fileobj=cast(BinaryIO, sealed), mode="w|") as tar:
                for name, path, size in pinned.files:
                    data = backup_pin.read(path, size)
                    entries.append(
                        {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                    )
                    _add(tar, name, data)
                manifest = {"created_at": now.isoformat(timespec="seconds"), "key": key, "files": entries}
                _add(tar, MANIFEST, json.dumps(manifest, indent=1).encode())
            sealed.finish()
    except OSError as exc:
        raise AdminError(
            f"could not write the backup to {out}: {exc.strerror or exc} ({_way_out(exc, out)})"
        ) from None
    finally:
        backup_pin.unpin(pinned.folder)
    # The key's fingerprint too: after rotate-key, doctor tells a backup the key in use no longer opens.
    stamp = {"at": manifest["created_at"], "file": str(out), "files": len(entries), "key": manifest["key"]}
    write_atomically(data_dir / STAMP, json.dumps(stamp).encode())
    return {
        "file": str(out),
        "files": len(entries),
        "bytes": sealed.size,
        "encrypted": bool(keys),
        "key": key,
    }


def _way_out(exc: OSError, out: Path) -> str:
    """What to do about a backup that could not be written (ops O99: "free some space" for a permission problem;
    ops O126: for a directory that does not exist)."""
    if exc.errno == errno.ENOENT:
        return (
            f"nothing was left there; the directory {out.parent} does not exist: create it (mode 700, owned by "
            "the user the backup runs as) or choose another --out, then run it again"
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"nothing was left there; the backup is written as user {_user()}: choose an --out that "
            "user can write, such as /var/backups/iop (README, Backups), then run it again"
        )
    return "nothing was left there; free some space or choose another --out, then run it again"


def _user() -> str:
    """Who writes it; a uid with no passwd entry (an arbitrary uid in Kubernetes or OpenShift) by number (ops O133:
    getpass raised KeyError, and the CLI said only "the bot could not do that: KeyError")."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid {os.getuid()}"


def backup_operation(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """The operation: the files pinned on the store worker, between two writes (milliseconds), the backup written
    from them off it (ops O93: held for the whole backup, the bot answered nobody for 35-41 s on a 1 GB program),
    then the audit row on the worker again."""
    pinned = backup_pin.pin(repo.data_dir)
    out = Path(str(args["out"]))

    def work() -> dict[str, Any]:
        return write_pinned(repo.data_dir, pinned, settings.data_keys, out, now)

    def after(repo: Repository, made: dict[str, Any]) -> dict[str, Any]:
        # A copy of every record leaves the data dir: who, where and under which key (ops O21), never what.
        by = str(args.get("by") or "unknown")
        repo.audit(now, 0, "backup", "-", by=by, file=made["file"], files=made["files"], key=made["key"])
        return made

    return OffStore(work, after)


OPERATIONS: dict[str, Operation] = {"backup": backup_operation}


def take_backup(settings: Settings, out: str, stdout: TextIO) -> int:
    """`iop-bot backup --out FILE`."""
    from bot.admin.client import admin
    from bot.admin.upgrade_pending import backup_as_is, pending

    older = pending(settings)
    if older is not None:  # before an upgrade: the files as the older release wrote them, not upgraded first
        result = backup_as_is(settings, os.path.abspath(out), datetime.now(UTC))
    else:
        result = admin(settings, "backup", {"out": os.path.abspath(out)})
        _seen(result)
    # Which key it needs, by fingerprint (ops O91): after a rotation the old key still opens only older backups.
    key = f", key {result['key']}" if result.get("key") else ""
    how = f"encrypted with the data key{key}" if result["encrypted"] else "NOT encrypted (no IOP_DATA_KEY)"
    print(f"Backed up {result['files']} data file(s) to {result['file']} ({how}, mode 600).", file=stdout)
    if head := audit_head.tail(
        settings.data_dir, FernetCodec(settings.data_keys) if settings.data_keys else None
    ):
        # Kept off the server (the cron mail), it anchors the chain where a key-holder cannot rewrite it (ops O125).
        print(f"Audit log: record {head.n}, hash {head.p[:16]}.", file=stdout)
    if older is not None:
        print(
            f"They are in data format {older}, as the older release wrote them; the bot upgrades the data dir "
            "when it starts (`iop-bot run`).",
            file=stdout,
        )
    return 0


def _seen(result: dict[str, Any]) -> None:
    """The file the bot wrote, as this command sees it: a running bot writes it in its own mount namespace, and
    under the documented unit (PrivateTmp=yes) its /tmp is not this shell's (newcomer11 O27: "Backed up ... to
    /tmp/x.iopbak", exit 0, and no such file here; gone when the service stops)."""
    file = Path(str(result["file"]))
    try:
        size = file.stat().st_size
    except OSError:
        size = None
    if size != result.get("bytes", size):
        raise AdminError(
            f"the running bot wrote the backup to {file}, but this command cannot see it there"
            f"{'' if size is None else ' (a different file of that name is)'}: the bot's service has a /tmp of its "
            "own (PrivateTmp=yes) or another view of the file system, and a file there goes when the service "
            "stops. Choose an --out this shell and the service share, such as /var/backups/iop (README, Operations)"
        )


def read_backup(keys: tuple[str, ...], file: str) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest and the files of a backup, every checksum verified; raises DataRefusedError."""
    with open(file, "rb") as stream:
        if stream.read(len(HEADER2)) == HEADER2:  # streamed in sealed chunks (backup_stream.py)
            sealed = stream.readline().strip().decode("ascii", "replace")
            if not keys:
                raise DataRefusedError(f"{file}: encrypted under key {sealed}, but no IOP_DATA_KEY is set")
            return _unpacked(unseal(stream, keys, file, _why_not(sealed, keys)), file)
        stream.seek(0)
        raw = stream.read()
    under = None  # the backup's key, as its header names it
    if raw.startswith(HEADER):
        line, _, raw = raw.partition(b"\n")
        under = line.removeprefix(HEADER).decode("ascii", "replace")
        if not keys:
            raise DataRefusedError(f"{file}: encrypted under key {under}, but no IOP_DATA_KEY is set")
    if keys and raw.startswith(verify.TOKEN_PREFIX):
        try:
            raw = MultiFernet([Fernet(k.encode()) for k in keys]).decrypt(raw)
        except InvalidToken:
            raise DataRefusedError(f"{file}: {_why_not(under, keys)}") from None
    elif keys:
        raise DataRefusedError(f"{file}: not an encrypted backup, refused (a key is set)")
    return _unpacked(raw, file)


def _unpacked(raw: bytes, file: str) -> tuple[dict[str, Any], dict[str, bytes]]:
    try:
        with tarfile.open(fileobj=io.BytesIO(raw), mode="r") as tar:
            members = {m.name: tar.extractfile(m) for m in tar.getmembers() if m.isfile()}
            contents = {name: f.read() for name, f in members.items() if f is not None}
    except tarfile.TarError as exc:
        raise DataRefusedError(f"{file}: not a backup ({exc})") from None
    if MANIFEST not in contents:
        raise DataRefusedError(f"{file}: has no manifest")
    manifest = json.loads(contents.pop(MANIFEST))
    listed = {e["name"]: e for e in manifest["files"]}
    if set(listed) != set(contents):
        raise DataRefusedError(f"{file}: its files do not match its manifest")
    for name, data in contents.items():
        if hashlib.sha256(data).hexdigest() != listed[name]["sha256"] or _unsafe(name):
            raise DataRefusedError(f"{file}: {name} does not match its checksum")
    return manifest, contents


def _why_not(under: str | None, keys: tuple[str, ...]) -> str:
    """Why a backup does not decrypt: under another key (both named), or damaged (its key is given)."""
    given = ", ".join(fingerprint(k) for k in keys)
    if under is None:  # written before backups named their key
        return f"does not decrypt with IOP_DATA_KEY (key {given}): another key, or damaged"
    if under in {fingerprint(k) for k in keys}:
        return f"damaged: it is under key {under}, which IOP_DATA_KEY holds, yet it does not decrypt"
    return (
        f"this backup is under key {under}; IOP_DATA_KEY is {given}. Set IOP_DATA_KEY to the key whose "
        "fingerprint is "
        + under
        + " (the key in use when the backup was taken; `iop-bot keygen --fingerprint < KEYFILE` names a key's), "
        "or add it after the key in use, comma-separated"
    )


def verify_backup(settings: Settings, file: str, out: TextIO) -> int:
    """`iop-bot doctor --backup FILE`: checksums, and every file inside opens with the keys given."""
    try:
        manifest, contents = read_backup(settings.data_keys, file)
    except (DataRefusedError, OSError) as exc:
        print(f"FAIL backup: {exc}", file=out)
        return 1
    bad = [n for n, data in contents.items() if not _opens(n, data, settings.data_keys)]
    for name in bad:
        print(f"FAIL backup: {name} in {file} does not open with the keys given", file=out)
    if not bad:
        print(
            f"ok   backup: {file}: {len(contents)} file(s) from {manifest['created_at']}, checksums match, "
            "every file opens",
            file=out,
        )
    from bot.admin.backup_chain import differences

    if changed := differences(settings, contents):  # a key-holder's rewrite of the live log (ops O125)
        print(f"FAIL backup: {changed}", file=out)
    return 1 if bad or changed else 0


def _opens(name: str, data: bytes, keys: tuple[str, ...]) -> bool:
    """A data file decrypts and parses; an audit segment's every record does, one line at a time."""
    if not name.endswith(".log"):
        return verify.classify(data, keys)[0] is verify.State.OK
    codec = FernetCodec(keys) if keys else None
    try:
        if name in KEYED_LOGS or checkin_log.is_log(Path(name)):
            return not keyed_log.parse(data, codec, name)[2]
        for number, line in enumerate(data.split(b"\n")[:-1], start=1):
            audit_log.decode_line(line, codec or IdentityCodec(), f"{name} line {number}")
    except DataRefusedError:
        return False
    return data.endswith(b"\n") or not data


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode = len(data), 0o600
    tar.addfile(info, io.BytesIO(data))


def _unsafe(name: str) -> bool:
    parts = Path(name).parts
    segment = len(parts) == 2 and parts[0] == audit_log.DIR and name.endswith(".log")
    return (
        Path(name).is_absolute()
        or ".." in parts
        or not (name.endswith(".json") or segment or name in KEYED_LOGS or _checkins(parts))
    )


def _checkins(parts: tuple[str, ...]) -> bool:
    return len(parts) == 2 and parts[0] == "patients" and parts[1].endswith(checkin_log.SUFFIX)
