"""Doctor: the settings the running bot loaded against the ones this doctor reads (newcomer finding 10b-20).

The bot reads its settings once, at start. A clinic that changed `[alerts] oncall` in settings.toml and did
not restart went on paging the old person, and doctor (which reads the file) said ok. At start the bot
records, in its data dir, a digest of each setting (never a value: the data dir is private, but the record
need not hold anything); doctor compares that with what it reads and names what differs.
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from bot.admin.doctor import Finding
from bot.config.settings import Settings, settings_source

STAMP = ".settings-in-use"  # not *.json: no data file (bot/store/verify.py), and not in a backup
_SECRET = ("token", "key", "secret")  # never recorded, even as a digest: rotating one is no "change"


def digests(settings: Settings) -> dict[str, str]:
    """Each non-secret setting's digest, by name."""
    return {
        f.name: hashlib.sha256(repr(getattr(settings, f.name)).encode()).hexdigest()[:16]
        for f in dataclasses.fields(settings)
        if not any(word in f.name for word in _SECRET)
    }


def record(settings: Settings) -> None:
    """At the bot's start (it holds the data dir's lock): what it runs with."""
    path = settings.data_dir / STAMP
    body = {"loaded_at": datetime.now(UTC).isoformat(timespec="seconds"), "settings": digests(settings)}
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # the data dir's files: owner only
    with os.fdopen(fd, "w") as f:
        f.write(json.dumps(body))
    os.replace(temp, path)


def _bot_running(data_dir: Path) -> bool:
    """Whether a bot holds the data dir now (its lock taken, and by a bot, not a command)."""
    try:
        fd = os.open(data_dir / ".lock", os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return os.read(fd, 64).decode(errors="replace").split()[1:2] == ["bot"]
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def settings_file_check(settings: Settings) -> Iterable[Finding]:
    """Which settings file this doctor read (newcomer5 finding 29: from another directory, the defaults)."""
    yield Finding("settings file", True, settings_source())


def settings_check(settings: Settings) -> Iterable[Finding]:
    """FAIL when a running bot loaded settings other than the ones read here (restart to apply them)."""
    if not _bot_running(settings.data_dir):
        yield Finding("settings in use", True, "no bot is running (it reads the settings when it starts)")
        return
    try:
        stamp = json.loads((settings.data_dir / STAMP).read_text())
        loaded, theirs = str(stamp["loaded_at"]), dict(stamp["settings"])
    except (OSError, ValueError, KeyError, TypeError):
        yield Finding(
            "settings in use",
            True,
            "the running bot did not record its settings (started by an older release)",
        )
        return
    mine = digests(settings)
    differ = sorted(name for name in mine.keys() | theirs.keys() if mine.get(name) != theirs.get(name))
    if not differ:
        yield Finding("settings in use", True, f"the running bot has these settings (loaded {loaded})")
        return
    source = os.environ.get("IOP_CONFIG") or "config/settings.toml"
    yield Finding(
        "settings in use",
        False,
        f"the running bot loaded other settings at {loaded} than {source} (and the IOP_* environment) give now: "
        f"{', '.join(differ)}. Restart the bot to apply them (or, if this doctor reads another settings file "
        "than the bot, run it with the bot's IOP_CONFIG)",
    )


def session_reminders_check(settings: Settings) -> Iterable[Finding]:
    """Said when no session reminder is sent (newcomer13 O46: an empty list was taken silently)."""
    if not settings.reminder_offsets_minutes:
        yield Finding(
            "session reminders",
            True,
            "none are sent: [sessions] reminder_offsets_minutes = []; list the minutes before a session to "
            "send them (e.g. [1440, 60])",
        )
