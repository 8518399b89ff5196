"""`iop-bot doctor`'s inbox lines: can it be read, is anything waiting too long, did the bot go deaf."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterable
from datetime import UTC, datetime

from bot.admin.doctor import Finding
from bot.admin.doctor_logs import not_checked
from bot.admin.doctor_writable import unwritable
from bot.config.settings import Settings
from bot.store.crypto import FernetCodec
from bot.store.inbox import read

STALE = 600.0  # seconds: a running bot handles an update within seconds; this long means it is not
RECENT = 24 * 3600.0  # alarms worth showing


def inbox_check(settings: Settings) -> Iterable[Finding]:
    """The inbox file: mode, readability, updates waiting to be handled, recent alarms."""
    path = settings.data_dir / "inbox.log"
    for old in ("updates.log", "updates.json"):
        if (settings.data_dir / old).exists():
            yield Finding(
                "inbox", True, f"{old} (update-id claims of an earlier version) goes at the next start"
            )
    if not path.exists():
        yield Finding("inbox", True, f"{path} not created yet (the bot makes it when it starts)")
        return
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077:
        yield Finding("inbox", False, f"{path} is readable by others (mode {mode:o}); run chmod 600 {path}")
    if (why := not_checked(settings, path)) is not None:
        yield Finding("inbox", False, why)
        return
    found = read(path, FernetCodec(settings.data_keys) if settings.data_keys else None)
    if found.bad:
        shown = ", ".join(found.bad[:3])
        yield Finding(
            "inbox",
            False,
            f"{path}: {len(found.bad)} unreadable line(s) ({shown}): wrong IOP_DATA_KEY, or damaged",
        )
    now = time.time()
    ages = sorted(now - found.seen[key] for key in found.pending)
    if ages and ages[-1] > STALE:
        yield Finding(
            "inbox",
            False,
            f"{len(ages)} update(s) received but not handled, the oldest {_ago(ages[-1])} ago: is the bot "
            "running? (they are handled when it starts)",
        )
    else:
        yield Finding(
            "inbox",
            True,
            f"{path}: {len(ages)} update(s) being handled, {len(found.seen)} recent ones remembered",
        )
    latest = {str(a.get("why")): a for a in found.alarms if now - float(a["a"]) < RECENT}
    if "skipped" in latest:
        # Normal right after a crash (Telegram sends again what was not confirmed); shown so that a bot
        # that keeps skipping is seen.
        alarm = latest["skipped"]
        yield Finding("inbox", True, f"{_at(alarm)}: {alarm.get('n')} update(s) skipped as already handled")
    if "write_failed" in latest:
        alarm = latest["write_failed"]
        if (still := unwritable(settings.data_dir)) is not None:
            yield Finding("inbox", False, f"{_at(alarm)}: an update could not be saved ({still})")
        else:
            # ops O13: a disk full for a minute FAILed doctor for a day, with nothing to repair once it had room.
            until = {**alarm, "a": float(str(alarm["a"])) + RECENT}
            # Recorded late, once the disk took writes (ops O64): the window updates were handled without a copy.
            when = f"from {_at(alarm)} to {_at({'a': alarm['until']})}" if "until" in alarm else _at(alarm)
            yield Finding(
                "inbox",
                True,
                f"{when}: an update could not be saved (disk full or read-only), so updates were handled without "
                "a copy; the data dir is writable again, so nothing is left to repair (a past event, shown until "
                f"{_at(until)})",
                note=True,
            )


def _at(alarm: dict[str, object]) -> str:
    return datetime.fromtimestamp(float(str(alarm["a"])), UTC).strftime("%Y-%m-%d %H:%M UTC")


def _ago(seconds: float) -> str:
    return f"{seconds / 3600:.1f} h" if seconds >= 3600 else f"{seconds / 60:.0f} min"
