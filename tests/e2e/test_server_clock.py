"""A server clock minutes off Telegram's (newcomer6's finding 30): every crisis card said the patient's words
had waited for the bot, and nothing compared the clocks. Now each Bot API answer's Date header is compared
with the bot's clock: the admins are told once, `doctor --live` fails, and the card is measured right."""

from __future__ import annotations

import asyncio
import dataclasses
import io
from datetime import UTC, datetime, timedelta

import pytest

from bot.admin.live import live_doctor
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Counselor
from bot.jobs.clock import check_clock
from bot.telegram import health
from bot.telegram.services import Context
from tests.conftest import COUNSELOR, Harness, bot_running, say_hello
from tests.e2e.test_health import staffed

ADMIN = 1003
CRISIS = "cant sleep again. i keep thinking about the pills in the cabinet and how easy it would be"
AHEAD = timedelta(minutes=7)


async def _measured(bot: Harness) -> None:
    """Positive barrier: enough answers came back on the fast clock that the offset is read as 7 min."""
    svc = bot.services

    def fast() -> bool:
        skew = svc.api.clock_offset()
        return skew is not None and skew > timedelta(minutes=6)

    for _ in range(60):  # each /help is a few Bot API answers on the fast clock
        if fast():
            return
        bot.emu.send_text(COUNSELOR, "/help")
        await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    assert fast(), svc.api.offsets


async def _agreed(bot: Harness) -> None:
    """Positive barrier: an answer came back on the right clock (the smallest recent offset wins)."""
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    skew = bot.services.api.clock_offset()
    assert skew is not None and abs(skew) < timedelta(seconds=5)


async def test_a_fast_server_clock_is_told_to_admins_fails_doctor_live_and_does_not_age_crisis_cards(
    bot: Harness, patient: int, caplog: pytest.LogCaptureFixture
) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
    bot.emu.add_user(ADMIN, first_name="Morgan")
    await say_hello(bot.emu, ADMIN)
    svc.settings = dataclasses.replace(
        svc.settings, oncall=(ADMIN,)
    )  # doctor --live checks people too (O131)
    svc.clock = lambda: datetime.now(UTC) + AHEAD  # this server's clock runs 7 minutes fast
    await _measured(bot)
    look = Context(bot.app)  # the minute job's look, run here so the test knows when it is done

    await check_clock(look)
    told = await bot.emu.wait_for_message(ADMIN, contains="clock of the server")
    assert "7 min ahead of Telegram's" in told.text and "time sync" in told.text
    out = io.StringIO()
    assert await asyncio.to_thread(live_doctor, svc.settings, out) == 1
    assert "FAIL live clock: this server's clock is 7 min ahead of Telegram's" in out.getvalue()
    svc.api.last_ok = svc.now()  # the API answered just now: only the clock is wrong
    report = await health.check(svc)
    assert report.bot_api == "ok" and report.clock != "ok" and not report.healthy  # /healthz: 503

    bot.emu.send_text(patient, CRISIS)  # answered at once: the card must not say it waited 7 minutes
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "They wrote it" not in card.text

    await check_clock(look)  # the same episode: neither logged again yet nor told again
    bot.emu.send_text(ADMIN, "/help")  # anything the second look sent comes before this answer
    await bot.emu.wait_for_message(ADMIN, contains="Counselor tools")
    assert sum("clock of the server" in m.text for m in bot.emu.sent_to(ADMIN)) == 1
    assert sum("clock is" in r.getMessage() for r in caplog.records if r.levelname == "ERROR") == 1

    svc.clock = lambda: datetime.now(UTC)  # time sync turned on: the episode ends
    await _agreed(bot)
    await check_clock(look)
    assert (
        svc.api.skew_warned_at is None
        and await asyncio.to_thread(live_doctor, svc.settings, io.StringIO()) == 0
    )


async def test_clocks_that_agree_are_healthy(bot: Harness) -> None:
    await staffed(bot)
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    out = io.StringIO()
    assert await asyncio.to_thread(live_doctor, bot.services.settings, out) == 0
    assert "ok   live clock: ok" in out.getvalue()


async def test_a_restart_on_the_same_fast_clock_does_not_tell_the_admins_again(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    """newcomer8 N10: the notice came again after a plain restart a minute later."""
    for _ in range(2):
        async with bot_running(settings, emulator) as bot:
            svc = bot.services
            if svc.worker.call(svc.repo.counselor, ADMIN) is None:
                svc.worker.call(
                    svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin")
                )
                emulator.add_user(ADMIN, first_name="Morgan")
                await say_hello(emulator, ADMIN)
            svc.clock = lambda: datetime.now(UTC) + AHEAD
            await _measured(bot)
            await check_clock(Context(bot.app))
            emulator.send_text(ADMIN, "/help")  # anything the look sent comes before this answer
            await emulator.wait_for_message(
                ADMIN, contains="Counselor tools", after=emulator.sent_to(ADMIN)[-1].message_id
            )
    assert sum("clock of the server" in m.text for m in emulator.sent_to(ADMIN)) == 1
