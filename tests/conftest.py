"""Fixtures by role: the emulator, a running bot against it, a counselor and an enrolled patient."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config.resources import use_overrides
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.enrollment import hash_code, new_code
from bot.domain.models import Counselor, EnrollmentCode
from bot.runtime import open_services, running
from bot.store.crypto import keygen
from bot.telegram.app import build_application
from bot.telegram.services import App, Services

TOKEN = "4242:emulator-test-token"
KEY = keygen()  # every end-to-end test runs with encryption at rest, as production does
COUNSELOR = 1001


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long tests (marked `slow`) first, in their own order, then the rest in theirs. Under `pytest -n`
    each long one then starts while short ones keep the other workers busy; collected late, one of them
    (a wheel build, six CLI processes, kill -9s of the bot) started near the end and ran on alone."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def shipped_program_data() -> Iterator[None]:
    """A test that runs the CLI with a clinic's [data] files must not leave them in use for the next test."""
    yield
    use_overrides({})


@pytest.fixture(autouse=True)
def logging_restored() -> Iterator[None]:
    """A test that runs `iop-bot run` sets up logging to the stream capsys lends it; left installed, every later
    log line in that worker hit a closed file ("--- Logging error ---", hundreds per run): put logging back."""
    root, library = logging.getLogger(), logging.getLogger("telegram")
    handlers, level, library_level = list(root.handlers), root.level, library.level
    yield
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
    for handler in [h for h in handlers if h not in root.handlers]:
        root.addHandler(handler)
    root.setLevel(level)
    library.setLevel(library_level)


@dataclasses.dataclass
class Harness:
    """A running bot, the emulator it talks to, and its services."""

    emu: BotApiEmulator
    services: Services
    app: App

    def invite(self, alias: str, counselor: int = COUNSELOR) -> str:
        """An enrollment code made the way the CLI makes one."""
        from bot.admin.roster import enroll

        repo, settings = self.services.repo, self.services.settings
        args = {"counselor": counselor, "alias": alias}
        result = self.services.worker.call(enroll, repo, settings, self.services.now(), args)
        return str(result["code"])


@pytest.fixture
def emulator() -> Iterator[BotApiEmulator]:
    with BotApiEmulator(token=TOKEN) as emu:
        emu.add_user(COUNSELOR, first_name="Dana")
        yield emu


@pytest.fixture
def settings(tmp_path: Path, emulator: BotApiEmulator) -> Settings:
    return Settings(
        bot_token=TOKEN, bot_api_url=emulator.base_url, data_dir=tmp_path / "data", data_keys=(KEY,)
    )


@pytest.fixture
async def bot(settings: Settings, emulator: BotApiEmulator) -> AsyncIterator[Harness]:
    async with bot_running(settings, emulator) as harness:
        yield harness


@contextlib.asynccontextmanager
async def bot_running(settings: Settings, emulator: BotApiEmulator) -> AsyncIterator[Harness]:
    """The real bot on this data dir until the block ends (a test may start it again: a restart)."""
    with open_services(settings) as services:
        services.worker.call(
            services.repo.add_counselor, Counselor(telegram_id=COUNSELOR, name="Dana Rivera")
        )
        app = build_application(settings, services)
        async with running(app, poll_timeout=1):
            with settled_by(emulator, app):
                if not emulator.has_contacted(COUNSELOR):
                    await say_hello(emulator, COUNSELOR)  # as on Telegram, the counselor writes first
                yield Harness(emulator, services, app)


QUIET_AFTER_IDLE = 0.05  # seconds of no Bot API call, after the bot is seen idle: a margin, not the barrier


@contextlib.contextmanager
def settled_by(emulator: BotApiEmulator, app: App, *, polling: bool = True) -> Iterator[None]:
    """While this bot runs in the test's process, `emulator.settle()` waits on the bot itself, not on 0.3 s of
    quiet: every update confirmed (the bot asks for more only once its batch is on its update queue), that
    queue empty, and none of the bot's tasks running (PTB starts each update's handling and each job run
    with `create_task` and keeps the unfinished ones), then a short quiet. Stronger on a loaded machine (a
    handler that pauses over 0.3 s between two sends no longer passes for quiet) and quicker on an idle
    one: about 0.3 s a call, hundreds of calls a run. `settle(quiet=...)` keeps the emulator's own rule.
    A bot on a webhook (`polling=False`) confirms nothing: an update is on its queue when the post is answered."""
    plain = emulator.settle
    # PTB's own set of unfinished create_task tasks (name-mangled); a PTB without it fails here, loudly.
    tasks: set[asyncio.Task[object]] = app._Application__create_task_tasks  # type: ignore[attr-defined]

    def idle() -> bool:
        with emulator.world.cond:
            confirmed = not polling or not emulator.world.updates
        return confirmed and app.update_queue.empty() and all(task.done() for task in tasks)

    def gone_quiet() -> bool:
        with emulator.world.cond:
            return time.monotonic() - emulator.world.last_activity >= QUIET_AFTER_IDLE

    async def settle(chat_id: int | None = None, quiet: float | None = None, timeout: float = 10.0) -> None:
        if quiet is not None or not app.running:
            await plain(chat_id, 0.3 if quiet is None else quiet, timeout)
            return
        await emulator.wait_until(idle, timeout)
        await emulator.wait_until(gone_quiet, timeout)
        await emulator.wait_until(idle, timeout)

    emulator.settle = settle  # type: ignore[method-assign]
    try:
        yield
    finally:
        del emulator.settle


async def say_hello(emu: BotApiEmulator, user_id: int) -> None:
    """The user opens the bot (/start) and gets its answer: from now on the bot may write to them."""
    emu.start_bot(user_id)
    await emu.wait_for_message(user_id)


def enrolled_code(services: Services, alias: str, now_days: int = 7) -> str:
    """Store an invitation directly (for tests that don't go through the CLI)."""
    code = new_code()
    now = services.now()
    invitation = EnrollmentCode(hash_code(code), alias, COUNSELOR, now, now + timedelta(days=now_days))
    services.worker.call(services.repo.add_code, invitation)
    return code


PATIENT = 2001


@pytest.fixture
async def patient(bot: Harness) -> int:
    """An enrolled, set-up patient (America/New_York, 19:00); returns their Telegram id."""
    return await enroll_alex(bot)


async def enroll_alex(bot: Harness) -> int:
    """Enroll and set up Alex (America/New_York, check-in 19:00) as the CLI and onboarding would."""
    await enroll_patient(bot, PATIENT, "Alex", first_name="Alex")
    return PATIENT


async def enroll_patient(bot: Harness, telegram_id: int, alias: str, first_name: str = "User") -> str:
    """Enroll a set-up patient (America/New_York, check-in 19:00) who has opened the bot.

    The enrollment is stored directly (onboarding has its own tests); the patient then sends
    /start, as every real patient has, so the bot may write to them.
    """
    patient_id = store_patient(bot, telegram_id, alias, first_name)
    await say_hello(bot.emu, telegram_id)
    return patient_id


def store_patient(bot: Harness, telegram_id: int, alias: str, first_name: str = "User") -> str:
    """The enrollment of a set-up patient, stored, and their account in the emulator (not yet
    in touch with the bot: until they write, the bot cannot write to them)."""
    from datetime import time

    code = enrolled_code(bot.services, alias)

    def enroll() -> str:
        repo = bot.services.repo
        invitation = repo.code(hash_code(code))
        assert invitation is not None
        p = repo.enroll(invitation, telegram_id, bot.services.now())
        repo.save_patient(p.with_changes(timezone="America/New_York", checkin_time=time(19, 0)))
        return p.patient_id

    patient_id = bot.services.worker.call(enroll)
    bot.emu.add_user(telegram_id, first_name=first_name)
    return patient_id


HARD_DAY = ("2", "8", "Poor", "Yes", "Yes")  # low mood, high craving, used: flags for the counselor


async def check_in_with_note(
    bot: Harness, patient: int, note: str, taps: tuple[str, ...] = ("6", "1", "OK", "Yes", "No")
) -> None:
    """A whole check-in through the buttons, ending with a typed note; waits for the thanks."""
    bot.emu.send_text(patient, "/checkin")
    q = await bot.emu.wait_for_message(patient, contains="mood")
    for label in taps:
        bot.emu.press_button(patient, q, label)
        q = await bot.emu.wait_for_message(patient, after=q.message_id, predicate=lambda m: bool(m.buttons))
    bot.emu.send_text(patient, note)
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The crisis screen's figures (locked and development parts) whenever its evaluation ran.

    Printed here rather than from the test so they show in plain `make test` output (no -s), and
    under xdist too (this hook runs in the controller, which sees every worker's reports).
    """
    ran = any(
        getattr(report, "nodeid", "").startswith("tests/domain/screen/test_screen_eval.py")
        for reports in terminalreporter.stats.values()
        for report in reports
    )
    if not ran:
        return
    from bot.domain.screen.lemmas import wait_loaded
    from tests.domain.screen import screen_corpus

    assert wait_loaded(
        None
    )  # the controller ran no fixture: without lemmas the figures would be the degraded screen's
    terminalreporter.write_line("")
    for line in screen_corpus.full_report().splitlines():
        terminalreporter.write_line(line)


@pytest.fixture(autouse=True, scope="session")
def _screen_dictionaries_loaded() -> None:
    """The crisis screen's lemma dictionaries, loaded before any test (the bot starts them at start-up)."""
    from bot.domain.screen.lemmas import wait_loaded

    assert wait_loaded(None)
