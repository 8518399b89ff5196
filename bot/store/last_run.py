"""Whether the bot's last run ended with a clean stop (ops O68).

A kill -9, a watchdog kill of a hung process, a power loss: the next start looked like any other, and the clinic
had nothing of its own to answer "why did the overdose card come 2 minutes late?". So the running bot keeps a
small stamp in its data dir (``.last-run``): when it started, its last sign of life (written from its event loop
every minute, so a hung loop stops writing it), and whether it stopped cleanly. A start that finds the last run
not stopped cleanly records that stop (from the last sign of life to this start), kept KEEP for `doctor`.

The stamp also keeps when Telegram last answered and, while it does not, since when (ops O102): an outage the bot
was restarted in (an upgrade, `systemctl restart`, a crash) ended with one process and was never seen failing by
the next, so nobody heard of it. A start the Bot API could not answer (exit 1, restarted by systemd) marks its
time too, so the next start that reaches Telegram knows the window (bot/jobs/last_run.py tells it).

Times only, no patient data: plain JSON, not a data file (not *.json: bot/store/verify.py), not in a backup.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bot.store.storage import write_atomically

log = logging.getLogger(__name__)
STAMP = ".last-run"
KEEP = timedelta(days=7)  # how long doctor shows an unclean stop
KEEP_MOST = 500  # stops kept at most (a week's crash loop under RestartSec=10 would be 60,000)


@dataclass(frozen=True)
class UncleanStop:
    """A run that ended without a clean stop: its last sign of life, and the start that found it."""

    last_alive: datetime
    restarted: datetime

    @property
    def waited(self) -> timedelta:
        """At most this long nothing was answered: messages sent then waited until this start."""
        return max(self.restarted - self.last_alive, timedelta(0))


def read(data_dir: Path) -> dict[str, Any]:
    """The stamp as stored, {} when there is none or it does not read (said in the log)."""
    path = data_dir / STAMP
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("%s does not read (%s): the last run's end is not known", path, exc)
        return {}
    return found if isinstance(found, dict) else {}


def unclean_stops(stamp: dict[str, Any]) -> list[UncleanStop]:
    """The unclean stops a stamp keeps, oldest first."""
    found = []
    for row in stamp.get("unclean") or []:
        try:
            found.append(UncleanStop(datetime.fromisoformat(row["alive"]), datetime.fromisoformat(row["at"])))
        except (KeyError, TypeError, ValueError):
            continue
    return found


def began(data_dir: Path, now: datetime) -> UncleanStop | None:
    """At start: this run's stamp; the last run's unclean stop, if it had one (first start, or a stamp from before
    this was kept: None)."""
    before = read(data_dir)
    kept = [s for s in unclean_stops(before) if now - s.restarted < KEEP][-(KEEP_MOST - 1) :]
    stop = None
    if before and not before.get("clean"):
        try:
            last = datetime.fromisoformat(str(before.get("alive") or before["started"]))
        except (KeyError, ValueError):
            last = now  # not known: said as a stop with no known wait
        stop = UncleanStop(last, now)
        kept.append(stop)
    rows = [{"alive": s.last_alive.isoformat(), "at": s.restarted.isoformat()} for s in kept]
    _write(data_dir, {"started": now.isoformat(), "alive": now.isoformat(), "clean": False, "unclean": rows})
    return stop


def alive(data_dir: Path, now: datetime, api: ApiSeen | None = None) -> None:
    """The running bot's sign of life (every minute, from its event loop), with how Telegram answered."""
    _write(data_dir, {**read(data_dir), "alive": now.isoformat(), **_api(api)})


def stopped(data_dir: Path, now: datetime, api: ApiSeen | None = None) -> None:
    """A clean stop: the next start says nothing (of the stop; an outage still open is kept for it)."""
    stamp = {
        **read(data_dir),
        "alive": now.isoformat(),
        "clean": True,
        "stopped": now.isoformat(),
        **_api(api),
    }
    _write(data_dir, stamp)


def start_failed(data_dir: Path, now: datetime) -> None:
    """A start the Bot API did not answer: the first such since the last run is kept for the next start."""
    stamp = read(data_dir)
    if not stamp.get("api_failed"):
        _write(data_dir, {**stamp, "api_failed": now.isoformat()})


def outage_across(stamp: dict[str, Any]) -> datetime | None:
    """When Telegram went out of reach, as the last run or a failed start left it (None: it was in reach)."""
    for key in ("api_down", "api_failed"):  # the last run's open window first: it began earliest
        if stamp.get(key):
            try:
                return datetime.fromisoformat(str(stamp[key]))
            except ValueError:
                continue
    return None


@dataclass(frozen=True)
class ApiSeen:
    """How the running bot last saw the Bot API: its last answer, and since when it has not answered (if so)."""

    last_ok: datetime | None
    down_since: datetime | None


def _api(api: ApiSeen | None) -> dict[str, Any]:
    if api is None:
        return {}
    ok, down = api.last_ok, api.down_since
    return {"api_ok": ok.isoformat() if ok else None, "api_down": down.isoformat() if down else None}


def _write(data_dir: Path, stamp: dict[str, Any]) -> None:
    write_atomically(data_dir / STAMP, json.dumps(stamp).encode())
