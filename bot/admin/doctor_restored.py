"""`iop-bot doctor` on a data dir restored from a backup (ops O94): a `note` for a week after the restore, with what
date the data is from and what of the time after it is gone, so whoever looks first knows "now" is a backup's."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from bot.admin.doctor import Finding
from bot.config.settings import Settings
from bot.store import restored
from bot.store.rotation import fingerprint


def restored_check(settings: Settings, now: datetime | None = None) -> Iterable[Finding]:
    """The restore of the last KEEP days this data dir came from, if any (no line otherwise)."""
    found = restored.read(settings.data_dir)
    now = now or datetime.now(UTC)
    if found is None or now - found.at >= restored.KEEP:
        return
    told = (
        "the admins and counselors were told in Telegram at the bot's first start on it"
        if found.told
        else "the bot has not started on it yet: its first start tells the admins and counselors in Telegram"
    )
    yield Finding(
        "restored",
        True,
        f"this data dir was restored on {_at(found.at)} from a backup taken {_at(found.taken)} ({found.file}, "
        f"by {found.by}): nothing between the two is in it (check-ins, messages, alerts and acknowledgements, "
        f"enrollments, counselor changes); patients enrolled since must be invited again, alerts acknowledged "
        f"since may show open again; {told}. Shown until {_at(found.at + restored.KEEP)}",
        note=True,
    )


def restored_key(settings: Settings) -> str | None:
    """The key fingerprint a restored data dir's files are under, when IOP_DATA_KEY does not hold it (ops O91:
    restored from before a rotation, the files need the old key, while every hint pointed at the new one)."""
    found = restored.read(settings.data_dir)
    if found is None or found.key is None:
        return None
    return None if found.key in {fingerprint(k) for k in settings.data_keys} else found.key


def key_advice(settings: Settings, under: str) -> str:
    """What to set, for files restored under key ``under``."""
    given = ", ".join(fingerprint(k) for k in settings.data_keys) or "not set"
    return (
        f"this data dir was restored from a backup whose files are under key {under} (`iop-bot restore` noted "
        f"it), and IOP_DATA_KEY holds {given}: set IOP_DATA_KEY to the key whose fingerprint is {under} (for a "
        "backup taken before a rotation, the old key), or, with the bot stopped, put the files under the key in "
        f"use: `IOP_DATA_KEY=<the key {under}> iop-bot rotate-key < the-key-in-use.key`"
    )


def _at(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
