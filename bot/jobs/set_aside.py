"""The admins hear of records set aside (newcomer6 finding 12).

A log whose last bytes are cut short is set aside at start (``NAME.torn-<time>``) and the store goes on
without them, assuming a crash interrupted an append nobody was told of. A damaged copy or a restore can cut
an acknowledged record the same way: a check-in the patient was told was saved, a reassignment. One ERROR
line said so; now every reachable admin is told in Telegram, once a day while the file is there, and
`iop-bot doctor` FAILs on it (bot/admin/doctor_set_aside.py).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from pathlib import Path

from telegram.error import TelegramError

from bot import texts
from bot.jobs.reach import reachable_admins
from bot.store import checkin_log
from bot.store.storage import TORN_MARK
from bot.telegram.services import App, Context

log = logging.getLogger(__name__)
INTERVAL = 3600  # seconds between looks; a torn file appears at start, or when a log is first opened
EVERY = timedelta(days=1)  # each file's notice again while it is there
WHAT = {
    "patients.log": "the patient records (patients.log: an enrolment, a reassignment or a setting may be undone)",
    "alerts-closed.log": "the closed alerts' log (an acknowledgement may be missing)",
}


def schedule(app: App) -> None:
    """Look shortly after start (when the store has set aside what it found), then hourly."""
    if app.job_queue is not None:
        app.job_queue.run_repeating(_sweep_job, interval=INTERVAL, first=20.0, name="set-aside")


async def _sweep_job(context: Context) -> None:
    await sweep(context.application)


def _found(data_dir: Path) -> list[Path]:
    return sorted(data_dir.rglob(f"*{TORN_MARK}*"))


async def sweep(app: App) -> int:
    """Tell the admins of each set-aside file whose notice is due; returns how many files were told."""
    svc = app.bot_data.svc
    data_dir = svc.settings.data_dir
    told = 0
    for path in await asyncio.to_thread(_found, data_dir):
        where = path.relative_to(data_dir).as_posix()
        name = path.name.split(TORN_MARK)[0]
        if not await svc.db(svc.repo.due_to_tell, f"set_aside:{where}", svc.now(), EVERY):
            continue
        # The file's name carries the patient's id: the journal names nobody else (ops O78: the alias was here).
        log.error("records set aside in %s (%s): the bot no longer holds them; see `iop-bot doctor`",
                  where, _what_for_log(name))  # fmt: skip
        what = await _what(app, name)
        admins = await reachable_admins(svc)
        if not admins:
            log.error("no reachable admin to tell of the records set aside in %s", where)
        for admin in admins:
            try:
                await app.bot.send_message(admin.telegram_id, texts.records_set_aside(what, where))
            except TelegramError as exc:
                log.error(
                    "admin %s not told of the records set aside in %s: %s", admin.telegram_id, where, exc
                )
        told += 1
    return told


def _what_for_log(name: str) -> str:
    """Whose records, for the journal: a patient by their pseudonymous id only (ops O78)."""
    if name.endswith(checkin_log.SUFFIX):
        return f"patient {name.removesuffix(checkin_log.SUFFIX)}'s check-ins (a check-in may be missing)"
    return WHAT.get(name) or (f"the audit log ({name})" if name.endswith(".log") else name)


async def _what(app: App, name: str) -> str:
    """Whose records, in words (an alias for a check-in log; never the patient's words)."""
    if name.endswith(checkin_log.SUFFIX):
        svc = app.bot_data.svc
        alias = await svc.db(svc.repo.alias_of, name.removesuffix(checkin_log.SUFFIX))
        return f"{alias or 'a patient'}'s check-ins (a check-in may be missing)"
    if name in WHAT:
        return WHAT[name]
    return f"the audit log ({name})" if name.endswith(".log") else name
