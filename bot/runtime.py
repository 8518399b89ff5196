"""Start-up and shut-down: own the data dir, open the store, run the Application until stopped."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime
from typing import Any

from telegram.error import InvalidToken, NetworkError

from bot import collector
from bot.admin.control import start_control_server
from bot.admin.doctor_settings import record as record_settings
from bot.admin.down_notice import tell_admins_down
from bot.config.about import running_build
from bot.config.logs import redact_secrets
from bot.config.settings import Settings, SettingsError, settings_source
from bot.domain.checkins import load_checkin_config
from bot.domain.screen.assess import assess, default_rules
from bot.domain.screen.lemmas import prepared
from bot.handlers.menus import set_counselor_menu
from bot.jobs import daily, last_run, reminders, restored, roster
from bot.jobs.audit_watch import watch_audit
from bot.jobs.clock import watch_clock
from bot.jobs.outage import watch_outages
from bot.jobs.polling import episode_over, on_polling_error
from bot.store import files, verify
from bot.store.crypto import FernetCodec
from bot.store.lock import DataDirLock
from bot.store.migrate import upgrade
from bot.store.preflight import StartupRefused, patient_problems, preflight
from bot.store.repository import Repository
from bot.store.worker import StoreWorker
from bot.telegram import health, watchdog
from bot.telegram.app import build_application
from bot.telegram.clock import compare_first
from bot.telegram.delivery import DurableQueue
from bot.telegram.services import App, Services, utc_now
from bot.telegram.unavailable import alert_counselors
from bot.telegram.webhook import Webhook

log = logging.getLogger(__name__)
COMMANDS_WAIT = 60.0  # as long as a command waits for the bot (bot/admin/client.py, LOCK_WAIT_SECONDS)
SETTLE_WAIT = 120.0  # seconds the collector's policy waits for the screen to be prepared (2-3 s as a rule)


@contextlib.contextmanager
def open_services(
    settings: Settings,
    *,
    clock: Callable[[], datetime] = utc_now,
    role: str = "bot",
    wait_for_commands: float = 0.0,
) -> Iterator[Services]:
    """Lock the data dir (as a "bot" or a "cli" command; waiting ``wait_for_commands`` seconds while a command
    holds it), open the repository, and close both on exit."""
    if not settings.data_keys and not settings.allow_unencrypted:
        if verify.data_files(settings.data_dir):  # a new key would not open this data: never advise one
            raise SettingsError(
                f"IOP_DATA_KEY: not set, and {settings.data_dir} holds data: set it to the key this data was "
                "written with (after a rotation, the new key)"
            )
        raise SettingsError(
            "IOP_DATA_KEY: not set; patient data must be encrypted at rest. Generate a key with "
            "`iop-bot keygen`, or set storage.allow_unencrypted = true in the config for a trial."
        )
    codec = FernetCodec(settings.data_keys) if settings.data_keys else None
    lock = DataDirLock(settings.data_dir, role)
    lock.acquire(wait_for_commands)  # DataDirBusyError when another process owns the directory
    worker = StoreWorker()
    try:
        files.sweep_temp_files(settings.data_dir)
        # Refuses (StartupRefused) before anything is written; names the patients it cannot serve.
        found = preflight(settings.data_dir, settings.data_keys, now=clock())
        upgrade(settings.data_dir, codec)  # an older data dir, in place (journaled: a crash resumes it)
        for path in files.quarantined(settings.data_dir):
            log.warning("a file set aside still holds data: %s (erase it once reviewed)", path)
        repo = worker.call(
            Repository,
            settings.data_dir,
            codec=codec,
            unreadable=found.unreadable,
            audit_checked=found.audit_checked,
        )
        try:
            checkin = load_checkin_config(settings.checkin_items_file)
            # Every program data file is parsed now (the services load the flag rules and instruments),
            # so a bad clinic copy stops start-up with the item named, not the first crisis screen or flag.
            default_rules()
            yield Services(settings=settings, repo=repo, worker=worker, clock=clock, checkin=checkin)
        finally:
            worker.call(repo.close)
    finally:
        worker.close()
        lock.release()


@contextlib.asynccontextmanager
async def running(
    app: App, *, poll_timeout: int = 10, control: bool = True, webhook: Webhook | None = None
) -> AsyncIterator[App]:
    """Run the bot (polling or a webhook, jobs, control socket) for the duration of the block."""
    services = app.bot_data.svc
    updater = app.updater
    assert updater is not None
    # Whatever their shape, the token and the webhook secret never reach a log line.
    redact_secrets(app.bot.token, webhook.secret if webhook else None)
    try:
        await app.initialize()  # getMe; `async with app` below finds it done
    except NetworkError:
        # Telegram out of reach at start (exit 1, systemd starts it again): the start that reaches it tells
        # the admins of the whole window, even one the last run began (ops O102).
        await asyncio.to_thread(last_run.started_not, services)
        raise
    async with app:
        if app.post_init is not None:
            await app.post_init(app)
        # newcomer5 finding 16: the screen's word dictionaries and learned layer loaded on the event loop at
        # the first message, so for ~5 s after "bot is running" nothing was answered and jobs ran late. They
        # load here, off the loop, before any update is read (jobs, replay and polling start after).
        began = time.perf_counter()
        await asyncio.to_thread(_screen_ready)
        log.info("crisis screen ready in %.1f s", time.perf_counter() - began)
        await compare_first(app)  # the clocks compared before any job runs (ops O76: held rounds otherwise)
        await app.start()
        await last_run.at_start(app)  # the last run's unclean stop on the record (ops O68)
        # Running on a restored backup: the team hears what date its records are from (ops O94).
        await restored.at_start(app)
        try:
            record_settings(services.settings)  # what doctor compares the settings file with
        except OSError as exc:  # newcomer11 O29: a full disk here took the whole bot down
            log.error("the settings in use could not be recorded for doctor (%s): the bot runs on", exc)
        log.info("settings: %s", settings_source())  # a bot started in the wrong directory says so
        # What code runs, read once now: doctor --live compares it with the package installed (ops O15).
        log.info("iop-companion %s (%s)", *running_build())
        health.watch_api(app)
        watch_clock(app)  # a server clock minutes off Telegram's is loud (bot/jobs/clock.py)
        watch_outages(app)  # minutes cut off from Telegram: the admins hear of it after (ops O74)
        watch_audit(app)  # the audit log replaced or its chain broken under the bot is loud (ops O122/O123)
        watchdog.watch(app)  # under the unit, a hung event loop is restarted by systemd (ops O54)
        if isinstance(app.update_queue, DurableQueue):
            await app.update_queue.replay(app)  # what a crash left received but not handled
        if webhook is None:
            await updater.start_polling(
                poll_interval=0.0,
                timeout=poll_timeout,
                bootstrap_retries=-1,
                error_callback=on_polling_error(app),  # a second poller on this token is loud
            )
        else:
            # PTB answers 403 to a request without the right X-Telegram-Bot-Api-Secret-Token header.
            await updater.start_webhook(
                listen=webhook.host,
                port=webhook.port,
                url_path=webhook.path,
                webhook_url=webhook.url,
                secret_token=webhook.secret,
                bootstrap_retries=-1,
            )
            health.serve_healthz(updater, services)
        server = await start_control_server(services, _after_admin(app)) if control else None
        if services.repo.unreadable:
            await alert_counselors(app, sorted(services.repo.unreadable), at_start=True)
        checking = asyncio.create_task(_check_patient_files(app))
        settling = asyncio.create_task(_keep_collector())
        try:
            yield app
        finally:
            checking.cancel()
            settling.cancel()
            if server is not None:
                server.close()
                await server.wait_closed()
            try:
                await updater.stop()
            except InvalidToken:  # polling ended on the refused token and hands its error back (ops O81)
                log.info("polling had stopped: the Bot API refused the token")
            last_run.stopped(app)  # after the last update taken: the next start finds a clean stop
            await episode_over(app)  # a second poller's window still open: its end is on the record
            await app.stop()
            if app.post_shutdown is not None:
                await app.post_shutdown(app)


def _screen_ready() -> None:
    """Screen a message in each language once, which loads all the screen holds (it caches it)."""
    for text in ("i feel okay today, thanks for asking", "hoy me siento bien, gracias por preguntar"):
        assess(text)


async def _settle_collector(poll: float = 0.5) -> None:
    """The garbage collector's policy (bot/collector.py), once start-up is done: jobs planned, updates
    replayed, and the screen prepared on its loading thread (or SETTLE_WAIT seconds gone, then as it is)."""
    waited = 0.0
    while not prepared() and waited < SETTLE_WAIT:
        await asyncio.sleep(poll)
        waited += poll
    collector.settle()


async def _keep_collector(every: float = collector.TEND_SECONDS) -> None:
    """The collector's policy for the bot's life: settled once start-up is done, then a young collection
    every `every` seconds, between messages (bot/collector.py)."""
    await _settle_collector()
    while True:
        await asyncio.sleep(every)
        collector.tend()


async def _check_patient_files(app: App) -> None:
    """Every patient's file, checked in a thread once the bot answers (start-up checks only the shared ones)."""
    svc = app.bot_data.svc
    try:
        found = await asyncio.to_thread(patient_problems, svc.settings.data_dir, svc.settings.data_keys)
        fresh = await svc.db(svc.repo.mark_unreadable, found) if found else []
        if fresh:
            await alert_counselors(app, sorted(fresh), at_start=True)
    except Exception:
        # A task nobody awaits: its failure would vanish, and with it the word about every file not checked.
        log.exception("the start-up check of every patient's file failed; `iop-bot doctor` checks them")


def _after_admin(app: App) -> Callable[[str, Any], Any]:
    async def after(op: str, result: Any) -> None:
        if op == "counselor_add" and "telegram_id" in result:  # not for an invitation: no account yet
            await set_counselor_menu(app, int(result["telegram_id"]))
        elif op in ("patient_discharge", "patient_close", "patient_erase"):
            svc = app.bot_data.svc
            patient = await svc.db(svc.repo.patient, result["patient_id"])
            if patient is not None:
                daily.follow(app, patient)  # weekly from now on, or nothing more after `close`
            await reminders.sweep(app)  # the patient and their counselor are told now, not at the next sweep
        elif op == "counselor_remove" and "telegram_id" in result:  # not an unopened invitation revoked
            await roster.counselor_removed(app, result)
        elif op == "patient_reassign":
            await roster.patient_reassigned(app, result)
        elif op == "session_cancel":
            await reminders.sweep(app)  # cancellation notices go out now, not at the next sweep

    return after


async def serve(settings: Settings, webhook: Webhook | None = None) -> None:
    """`iop-bot run`: poll (or serve the webhook) until SIGINT or SIGTERM."""
    try:
        await _serve(settings, webhook)
    except StartupRefused:
        # A damaged data file refuses the start (exit 2): the admins hear it in Telegram too (ops O22).
        await asyncio.to_thread(tell_admins_down, settings)
        raise


async def _serve(settings: Settings, webhook: Webhook | None) -> None:
    # A command (`iop-bot cohort add`...) holds the directory for about a second: wait as commands do.
    with open_services(settings, wait_for_commands=COMMANDS_WAIT) as services:
        app = build_application(settings, services)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        refused = services.api.token_refused  # revoked while running (bot/telegram/health.py)
        async with running(app, webhook=webhook):
            # "Ctrl-C" only where there is a terminal to press it in, not in a service's journal.
            log.info("bot is running%s", "; press Ctrl-C to stop" if sys.stdin.isatty() else "")
            waits = [asyncio.create_task(e.wait()) for e in (stop, refused)]
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            for task in waits:
                task.cancel()
        if refused.is_set():
            # As at start-up: one line naming IOP_BOT_TOKEN and exit 2 (bot/cli.py), so systemd shows it failed.
            raise InvalidToken("refused while running")
        log.info("stopped cleanly")
