"""A second process polling with the bot's token (a second `iop-bot run`): loud, never a quiet fight.

Telegram ends a waiting getUpdates with 409 Conflict when another one starts, and gives each update to
one caller only: the emulator does the same (tests/devtools/emulator/test_server.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import threading

import httpx
import pytest

from bot.admin.live import live_doctor
from bot.domain.models import Counselor
from tests.conftest import TOKEN, Harness, say_hello

ADMIN = 1003


def _stray_poller(base_url: str, stop: threading.Event) -> None:
    """Another copy of the bot: long polls on the same token, one after another."""
    while not stop.is_set():
        with contextlib.suppress(httpx.HTTPError):  # the emulator closing at the end
            httpx.post(f"{base_url}{TOKEN}/getUpdates", data={"timeout": "1"}, timeout=10)


async def test_a_second_poller_is_logged_told_to_the_admins_once_and_fails_doctor_live(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
    bot.emu.add_user(ADMIN, first_name="Morgan")
    await say_hello(bot.emu, ADMIN)
    stop = threading.Event()
    stray = threading.Thread(target=_stray_poller, args=(bot.emu.base_url, stop), daemon=True)
    stray.start()
    try:
        told = await bot.emu.wait_for_message(ADMIN, contains="Another copy of this bot", timeout=60)
        assert "same token" in told.text and "iop-bot run" in told.text
        await bot.emu.wait_until(lambda: svc.api.conflicts >= 3, timeout=90)  # it went on: one episode
        out = io.StringIO()
        assert await asyncio.to_thread(live_doctor, svc.settings, out) == 1
        assert "FAIL live bot api: another process is polling with this bot's token" in out.getvalue()
    finally:
        stop.set()
        await asyncio.to_thread(stray.join, 15)
    warnings = [m for m in bot.emu.sent_to(ADMIN) if "Another copy" in m.text]
    assert len(warnings) == 1  # once per episode, not once per 409
    errors = [
        r for r in caplog.records if r.levelname == "ERROR" and "another process is polling" in r.getMessage()
    ]
    assert len(errors) == 1
    assert "one `iop-bot run` per token" in errors[0].getMessage()


async def test_the_window_of_a_second_poller_is_on_the_record_and_doctor_names_it_after_it_ended(
    bot: Harness,
) -> None:
    # ops O10: a stray copy on a restored data dir kept some of the minute's alerts; once it stopped, nothing
    # here said that the records of that window may live in another copy's data dir.
    from datetime import timedelta

    from bot.admin import doctor_conflicts
    from bot.jobs import polling

    svc = bot.services

    def rows(action: str) -> list[dict[str, object]]:
        return [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == action]

    stop = threading.Event()
    stray = threading.Thread(target=_stray_poller, args=(bot.emu.base_url, stop), daemon=True)
    stray.start()
    try:
        await bot.emu.wait_until(lambda: svc.api.conflicts >= 2, timeout=60)
        await bot.emu.wait_until(lambda: bool(rows(polling.BEGAN)), timeout=30)
    finally:
        stop.set()
        await asyncio.to_thread(stray.join, 15)
    (began,) = rows(polling.BEGAN)
    assert not rows(polling.ENDED)  # not over while the 409s may still come
    later = svc.now() + polling.QUIET + timedelta(seconds=5)
    svc.clock = lambda: later
    await polling.check_over(bot.app)
    (ended,) = rows(polling.ENDED)
    assert ended["since"] == began["since"] and str(ended["until"]) >= str(began["since"])
    assert (doctor_conflicts.BEGAN, doctor_conflicts.ENDED) == (polling.BEGAN, polling.ENDED)
    findings = list(doctor_conflicts.conflicts_check(svc.settings, later))
    (line,) = [f.line() for f in findings]
    assert line.startswith("note second poller: from ") and " to " in line and "other copy's data dir" in line
    assert findings[0].ok  # a past event: doctor's exit stays 0 for it
    month = later + doctor_conflicts.SHOWN_FOR + timedelta(days=1)
    assert list(doctor_conflicts.conflicts_check(svc.settings, month)) == []
