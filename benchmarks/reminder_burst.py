"""1,000 session reminders due in the same minute, against the emulator enforcing 30 messages/s.

Prints the achieved send rate as a fraction of the cap, lateness p50/p99 (from the due time to the
emulator accepting the message), the 429s the emulator answered, and duplicates.

Run: .venv/bin/python -m benchmarks.reminder_burst
"""

from __future__ import annotations

import asyncio
import collections
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine

from bot.admin.schedule import add_cohort, add_session
from bot.config.logs import skipped_sweeps
from bot.config.settings import Settings
from bot.devtools.demo import DEMO_TOKEN
from bot.devtools.emulator import BotApiEmulator
from bot.jobs import reminders
from bot.runtime import open_services, running
from bot.telegram.app import build_application

PATIENTS = int(os.environ.get("IOP_BENCH_PATIENTS", "1000"))
COHORT = "Evening IOP"
NY = ZoneInfo("America/New_York")
FIRST_ID = 100000  # benchmarks.seed numbers patients' Telegram ids from here


def _next_monday_at(hour: int) -> datetime:
    today = datetime.now(NY).date()
    monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    return datetime.combine(monday, clock(hour), tzinfo=NY)


def main() -> None:
    logging.getLogger("apscheduler.scheduler").addFilter(skipped_sweeps)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        seed = (
            "from benchmarks.seed import seed_patients as s; from pathlib import Path; "
            # Check-ins at 8 a.m., so no daily prompt shares the reminders' minute.
            f"s(Path({str(data_dir)!r}), {PATIENTS}, cohort={COHORT!r}, checkin_hour=8)"
        )
        subprocess.run([sys.executable, "-c", seed], check=True)
        asyncio.run(measure(data_dir))


async def measure(data_dir: Path) -> None:
    session = _next_monday_at(18)
    due = session - timedelta(hours=1)  # the 1-hour reminder of every patient in the cohort
    with BotApiEmulator(token=DEMO_TOKEN) as emu:
        for n in range(PATIENTS):
            emu.add_user(FIRST_ID + n, f"P{n}")
            emu.opened_earlier(FIRST_ID + n)  # the seeded patients enrolled through the bot long ago
        settings = Settings(
            bot_token=DEMO_TOKEN,
            bot_api_url=emu.base_url,
            data_dir=data_dir,
            allow_unencrypted=True,
            measures_enabled=False,  # the weekly push (Mondays 17:00) would share the minute and the rate
        )
        with open_services(settings) as services:

            def plan() -> None:
                add_cohort(services.repo, settings, services.now(), {"name": COHORT})
                args = {"cohort": COHORT, "weekdays": "mon", "time": "18:00"}
                add_session(services.repo, settings, services.now(), args)

            services.worker.call(plan)
            app = build_application(settings, services)
            with time_machine.travel(due, tick=True):
                async with running(app, poll_timeout=1, control=False):
                    started = time.monotonic()
                    await emu.wait_until(lambda: len(emu.faults.admitted) >= PATIENTS, timeout=120)
                    await reminders.sweep(app)  # nothing left: a second pass must send nothing
                    await emu.settle()
        _report(emu, started)


def _report(emu: BotApiEmulator, started: float) -> None:
    sent = list(emu.faults.admitted)
    per_chat = collections.Counter(
        m.chat_id for n in range(PATIENTS) for m in emu.sent_to(FIRST_ID + n) if m.text.startswith("Reminder")
    )
    late = sorted(t - started for t in sent)
    span = sent[-1] - sent[0] if len(sent) > 1 else 0.0
    rate = (len(sent) - 1) / span if span else 0.0
    p99 = late[min(len(late) - 1, int(len(late) * 0.99))]
    print(
        f"{PATIENTS:,} reminders due at once: {len(per_chat):,} patients reached, "
        f"{sum(per_chat.values()) - len(per_chat)} duplicates; rate {rate:.1f}/s = {rate / 30:.0%} of 30/s; "
        f"lateness p50 {statistics.median(late):.1f} s, p99 {p99:.1f} s; "
        f"429s {emu.stats.errors.get(429, 0)}"
    )


if __name__ == "__main__":
    main()
