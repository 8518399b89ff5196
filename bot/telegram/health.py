"""Health for operators and supervisors: can the bot reach its store, did the Bot API answer lately, and
does this server's clock agree with Telegram's?

One report, three doors: ``GET /healthz`` on the webhook server (200 or 503), the control socket's
``health`` operation behind ``iop-bot doctor --live`` (polling or webhook), and the container's
HEALTHCHECK, which runs that command. The report names components and causes only, never a person.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

import tornado.web
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Updater

from bot.config.about import DATA_FORMAT, running_build
from bot.telegram import priority
from bot.telegram.clock import clock_state
from bot.telegram.services import ApiContact, App, Context, Services

log = logging.getLogger(__name__)
PROBE_EVERY = timedelta(seconds=60)
# Three missed probes in a row: long enough to ride out a blip, short enough to page before patients notice.
FRESH_FOR = timedelta(minutes=3)
STORE_TIMEOUT = 5.0
PATH = "/healthz"
# ops O24: polling had stopped for good while the process ran on, with a WARNING a minute.
TOKEN_REFUSED = (
    "the Bot API refuses IOP_BOT_TOKEN: it was revoked or changed in @BotFather; set IOP_BOT_TOKEN to the new "
    "token and restart"
)


@dataclass(frozen=True)
class Report:
    """What a probe found: "ok" or the reason, per component."""

    store: str
    bot_api: str
    clock: str = "ok"
    audit: str = "ok"  # the audit log replaced under the bot, or its chain broken (ops O122/O123)
    # Who alerts can reach (ops O131): `doctor --live` FAILs it; /healthz stays about the process, whose restart
    # would not mend it (an autoheal acting on a 503 would restart a working bot in a loop).
    people: str = "ok"

    @property
    def healthy(self) -> bool:
        return self.store == "ok" and self.bot_api == "ok" and self.clock == "ok" and self.audit == "ok"

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": "ok" if self.healthy else "unhealthy",
            "store": self.store,
            "bot_api": self.bot_api,
            "clock": self.clock,
            "audit": self.audit,
            "people": self.people,
            "version": running_build()[0],  # as the bot started: a package installed over it is not what runs
            "build": running_build()[1],
            "data_format": DATA_FORMAT,
        }


async def check(services: Services) -> Report:
    """Probe the store on its worker (with a deadline) and judge how recently the Bot API answered."""
    from bot.telegram.health_people import people

    # Files, lines and counts, never a person (what the data files lack: ops O142).
    troubles = [*services.state.audit_troubles, *filter(None, [services.state.rolled_back])]
    audit = "; ".join(troubles) or "ok"
    api = _bot_api(services.api, services.now())
    return Report(await _store(services), api, clock_state(services.api), audit, await people(services))


async def _store(services: Services) -> str:
    data_dir = services.settings.data_dir

    def probe() -> str:
        services.repo.counselors()  # a read through the repository, on the store thread
        if not os.access(data_dir, os.W_OK):
            return f"the data dir {data_dir} is missing or not writable"
        # A full disk is writable by mode (newcomer4 finding 3: every save failed while this said "ok"): a
        # block really written, synced and removed is the test.
        path = data_dir / f".health-{os.getpid()}"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, b"\0" * 4096)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            return f"the data dir {data_dir} cannot be written: {exc.strerror or exc}"
        finally:
            with contextlib.suppress(OSError):
                os.unlink(path)
        return "ok"

    try:
        return await asyncio.wait_for(services.db(probe), STORE_TIMEOUT)
    except TimeoutError:
        return f"the store did not answer within {STORE_TIMEOUT:.0f} s"
    except Exception as exc:  # whatever broke, the report must say so rather than raise
        return f"the store failed ({exc.__class__.__name__})"


def _bot_api(contact: ApiContact, now: datetime) -> str:
    if contact.token_refused.is_set():
        return TOKEN_REFUSED
    if contact.conflict_at is not None and now - contact.conflict_at <= FRESH_FOR:
        ago = int((now - contact.conflict_at).total_seconds())
        return (
            f"another process is polling with this bot's token (409 Conflict, last {ago} s ago): "
            "updates are split between them; stop the other one"
        )
    if contact.last_ok is None:
        return f"never answered ({contact.last_error or 'not contacted yet'})"
    quiet = now - contact.last_ok
    if quiet <= FRESH_FOR:
        return "ok"
    why = f"; last error: {contact.last_error}" if contact.last_error else ""
    return f"no answer for {int(quiet.total_seconds())} s{why}"


async def _probe_api(context: Context) -> None:
    contact = context.svc.api
    try:
        await context.bot.get_me()
    except InvalidToken:
        contact.last_error = TOKEN_REFUSED
        log.error("%s; the bot stops", TOKEN_REFUSED)
        contact.token_refused.set()  # bot/runtime.py's serve stops, and `iop-bot run` exits 2
    except TelegramError as exc:
        contact.last_error = exc.__class__.__name__
        log.warning("Bot API health probe failed: %s", contact.last_error)
        unreachable(context.svc)
    else:
        contact.last_ok, contact.last_error = context.svc.now(), ""
        if contact.outage_since is not None:
            began = contact.outage_over[0] if contact.outage_over else contact.outage_since
            contact.outage_over, contact.outage_since = (began, contact.last_ok), None
        await priority.release(context.application)  # back after an outage: crisis answers first (O73)


def unreachable(services: Services) -> None:
    """The Bot API did not answer (the probe, or a poll: ops O119, a clean stop 23 s into an outage recorded none):
    a window begins at its last answer (bot/jobs/outage.py reports it; bot/jobs/last_run.py keeps it across a
    restart)."""
    contact = services.api
    if contact.outage_since is None:
        contact.outage_since, contact.late_replies = contact.last_ok or services.now(), 0


def watch_api(app: App) -> None:
    """After a successful start (which called getMe): count that as contact, then probe every minute."""
    services = app.bot_data.svc
    services.api.last_ok = services.now()
    if app.job_queue is not None:
        app.job_queue.run_repeating(_probe_api, interval=PROBE_EVERY, first=PROBE_EVERY, name="api-probe")


class _Healthz(tornado.web.RequestHandler):
    def initialize(self, services: Services) -> None:
        self.services = services

    async def get(self) -> None:
        report = await check(self.services)
        self.set_status(200 if report.healthy else 503)
        self.set_header("Cache-Control", "no-store")
        self.write(report.to_dict())


def serve_healthz(updater: Updater, services: Services) -> None:
    """Add ``GET /healthz`` to the running webhook server (python-telegram-bot 22's tornado application)."""
    httpd = updater._httpd  # no public hook for extra routes; tests/e2e/test_webhook.py pins this
    if httpd is None:
        raise RuntimeError("the webhook server is not running")
    application = cast(tornado.web.Application, httpd._http_server.request_callback)
    application.add_handlers(r".*", [(PATH, _Healthz, {"services": services})])
