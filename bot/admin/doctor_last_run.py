"""`iop-bot doctor` on how the bot's last runs ended (ops O68): an unclean stop (a kill, a crash, a watchdog
restart of a hung bot, a power loss) is a `note` for a week, with when and how long messages waited."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from bot.admin.doctor import Finding
from bot.config.settings import Settings
from bot.store import last_run

SHOWN = 3  # more unclean stops than this in the week: one summary line and the newest ones


def last_run_check(settings: Settings) -> Iterable[Finding]:
    """Each unclean stop of the last KEEP days, or one line saying there was none."""
    now = datetime.now(UTC)
    stops = [
        s
        for s in last_run.unclean_stops(last_run.read(settings.data_dir))
        if now - s.restarted < last_run.KEEP
    ]
    if len(stops) > SHOWN:  # ops O113: a crash loop gave one 300-character line per stop, hundreds an hour
        longest = max(stops, key=lambda s: s.waited)
        yield Finding(
            "last stop",
            True,
            f"{len(stops)} stops without a clean stop (crashes, kills, watchdog restarts or power losses) between "
            f"{_at(stops[0].restarted)} and {_at(stops[-1].restarted)}: a crash loop? (`journalctl -u iop-bot`); "
            f"messages waited up to {int(longest.waited.total_seconds() // 60)} min at the longest "
            f"(audit rows unclean_stop); the newest {SHOWN - 1} below",
            note=True,
        )
        stops = stops[-(SHOWN - 1) :]
    for stop in stops:
        minutes = int(stop.waited.total_seconds() // 60)
        yield Finding(
            "last stop",
            True,
            f"the bot stopped without a clean stop (a crash, a kill, a watchdog restart or a power loss): its last "
            f"sign of life was {_at(stop.last_alive)}, it started again at {_at(stop.restarted)}, so messages sent "
            f"in between waited up to {minutes} min (audit row unclean_stop; shown until "
            f"{_at(stop.restarted + last_run.KEEP)})",
            note=True,
        )
    if not stops:
        yield Finding("last stop", True, f"no unclean stop in the last {last_run.KEEP.days} days")


def _at(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
