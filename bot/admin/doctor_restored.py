"""`iop-bot doctor` on a data dir restored from a backup (ops O94): a `note` for a week after the restore, with what
date the data is from and what of the time after it is gone, so whoever looks first knows "now" is a backup's."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from bot.admin.doctor import Finding
from bot.config.settings import Settings
from bot.store import restored


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


def _at(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
