"""Health in polling mode: `iop-bot doctor --live` asks the running bot over its control socket."""

from __future__ import annotations

import asyncio
import dataclasses
import errno
import io
import os
from datetime import timedelta

import pytest

from bot.admin.live import live_doctor
from bot.config.settings import Settings
from bot.domain.models import Counselor
from bot.telegram import health
from bot.telegram.services import Context
from tests.conftest import COUNSELOR, Harness, say_hello

ADMIN = 1003


async def staffed(bot: Harness) -> None:
    """A program that can reach a person: an admin who opened the bot, on call (ops O131 checks it)."""
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
    bot.emu.add_user(ADMIN, first_name="Morgan")
    await say_hello(bot.emu, ADMIN)
    svc.settings = dataclasses.replace(svc.settings, oncall=(ADMIN,))


async def _live(settings: Settings) -> tuple[int, list[str]]:
    out = io.StringIO()
    rc = await asyncio.to_thread(live_doctor, settings, out)  # a blocking client, as the CLI is
    return rc, out.getvalue().splitlines()


async def test_doctor_live_reports_a_healthy_running_bot(bot: Harness, settings: Settings) -> None:
    await staffed(bot)
    rc, lines = await _live(settings)
    assert rc == 0, lines
    assert lines[:2] == ["ok   live store: ok", "ok   live bot api: ok"]
    assert lines[2].startswith("ok   live version: iop-companion ")


async def test_doctor_live_fails_on_a_full_disk(
    bot: Harness, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Newcomer4 finding 3: every save failed on a full disk while `doctor --live` (the container's
    HEALTHCHECK) said "live store: ok"."""
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        if os.readlink(f"/proc/self/fd/{fd}").rsplit("/", 1)[-1].startswith(".health-"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)  # the probe writes through the os module
    rc, lines = await _live(settings)
    assert rc == 1
    assert lines[0].startswith("FAIL live store: the data dir") and "No space left on device" in lines[0]


async def test_doctor_live_fails_when_the_bot_api_has_been_silent(bot: Harness, settings: Settings) -> None:
    bot.services.api.last_ok = bot.services.now() - health.FRESH_FOR - timedelta(seconds=30)
    bot.services.api.last_error = "TimedOut"
    rc, lines = await _live(settings)
    assert rc == 1
    assert lines[1] == "FAIL live bot api: no answer for 210 s; last error: TimedOut"


async def test_the_api_probe_records_each_answer(bot: Harness) -> None:
    bot.services.api.last_ok = None
    assert bot.app.job_queue is not None
    bot.app.job_queue.run_once(health._probe_api, 0)
    for _ in range(200):  # positive barrier: the probe's answer arrives
        if bot.services.api.last_ok is not None:
            break
        await asyncio.sleep(0.05)
    assert bot.services.api.last_ok is not None and bot.services.api.last_error == ""


def test_doctor_live_without_a_running_bot_says_so_and_fails(settings: Settings) -> None:
    out = io.StringIO()
    assert live_doctor(settings, out) == 1
    line = out.getvalue().strip()
    assert line.startswith("FAIL live: no running bot answered (") and "\n" not in line


async def test_a_token_revoked_while_running_stops_the_bot_and_doctor_live_names_it(
    bot: Harness, settings: Settings
) -> None:
    """Ops O24: polling stopped for good on a revoked token while the process ran on with a WARNING a
    minute, and `doctor --live` said "ok" for 3 minutes. The probe now marks it (serve then stops: exit 2)."""
    bot.emu.change_token("7654321:new-token")
    await health._probe_api(Context(bot.app))
    assert bot.services.api.token_refused.is_set()
    rc, lines = await _live(settings)
    assert rc == 1 and lines[1] == f"FAIL live bot api: {health.TOKEN_REFUSED}", lines
    assert "IOP_BOT_TOKEN" in lines[1] and "restart" in lines[1]


async def test_doctor_live_fails_when_the_installed_package_changed_since_the_bot_started(
    bot: Harness, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ops O15: after `pip install` of a new build without a restart, the old code ran on and nothing said so.
    from bot.admin import live
    from bot.config.about import running_build

    await staffed(bot)
    rc, lines = await _live(settings)
    assert rc == 0 and f"({running_build()[1]})" in lines[2], lines  # the build the bot runs, named
    monkeypatch.setattr(live, "build", lambda: "commit 0123456789ab, built 2099-01-01T00:00:00Z")
    rc, lines = await _live(settings)
    assert rc == 1
    (line,) = [x for x in lines if x.startswith("FAIL live version:")]
    assert "the installed package changed since the bot started" in line and line.endswith("restart it")
    assert "commit 0123456789ab" in line and running_build()[1] in line


async def test_doctor_live_fails_a_bot_that_runs_but_can_reach_nobody(
    bot: Harness, settings: Settings
) -> None:
    """Ops O131: a container on an empty volume, or a program whose admin never opened the bot, was healthy by
    every line; said in counts and roles, never a person."""
    rc, lines = await _live(settings)
    (people,) = [line for line in lines if line.startswith("FAIL live people:")]
    assert rc == 1 and "no admin counselor can be reached" in people and "nobody is on call" in people, lines
    assert "Dana" not in people and str(COUNSELOR) not in people
    await staffed(bot)
    rc, lines = await _live(settings)
    assert rc == 0 and "ok   live people: ok" in lines, lines
