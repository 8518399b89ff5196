"""One wrong server clock is one incident for the admins (ops O111).

With the bot's clock 10 minutes ahead of Telegram's, the admin got three "⚠️" notices within a minute (the
retention sweep skipped, the deletion of kept unsent words skipped, the clock itself), and when the clock agreed
again nothing at all: after three warnings the last word stayed "held". Now the clock notice is the one notice
(it names what waits), and the end of the incident is told once, with what happened meanwhile, on the audit
log and in `iop-bot doctor`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.admin.doctor_conflicts import conflicts_check
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Counselor
from bot.jobs import retention, unsent
from bot.jobs.clock import check_clock
from bot.telegram.services import Context
from tests.conftest import COUNSELOR, Harness, bot_running, say_hello
from tests.e2e.clock_pin import pin_offset

ADMIN = 1003
CRISIS = "honestly I just want to kill myself tonight"
AHEAD = timedelta(minutes=10)
CLOCK_WORDS = ("clock", "did not run")


async def _admin(bot: Harness) -> None:
    svc = bot.services
    if svc.worker.call(svc.repo.counselor, ADMIN) is None:
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
        bot.emu.add_user(ADMIN, first_name="Morgan")
        await say_hello(bot.emu, ADMIN)


async def _told_admin(bot: Harness) -> list[str]:
    """Everything about the clock sent to the admin so far: a /help answered after the looks is the barrier."""
    last = bot.emu.sent_to(ADMIN)[-1].message_id
    bot.emu.send_text(ADMIN, "/help")
    await bot.emu.wait_for_message(ADMIN, contains="Counselor tools", after=last)
    return [m.text for m in bot.emu.sent_to(ADMIN) if any(w in m.text for w in CLOCK_WORDS)]


def _rows(bot: Harness, action: str) -> list[dict[str, object]]:
    svc = bot.services
    return [r for r in svc.worker.call(svc.repo.audit_log) if r["action"] == action]


async def test_a_wrong_clock_is_one_notice_and_one_all_clear_with_what_happened_meanwhile(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    await _admin(bot)
    start = datetime.now(UTC).replace(microsecond=0)
    at = [start]
    svc.clock = lambda: at[0]  # this server's clock, frozen; Telegram's is pinned against it
    look = Context(bot.app)
    pin_offset(bot, AHEAD)

    await retention._sweep_job(look)  # 30 s after a start: skipped
    await unsent._sweep_job(look)  # a minute after it: skipped
    bot.emu.send_text(patient, CRISIS)  # an alert raised while the clock is off
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await check_clock(look)
    at[0] += timedelta(minutes=1)
    await check_clock(look)
    await retention._sweep_job(look)  # the retry a minute later: skipped again, told nobody again
    (notice,) = await _told_admin(bot)
    assert "10 min ahead of Telegram's" in notice, notice
    assert "retention" in notice and "kept unsent words" in notice and "session reminders" in notice, notice

    pin_offset(bot, timedelta(seconds=1))  # time sync on: the clocks agree
    at[0] += timedelta(minutes=19)
    await check_clock(look)
    await check_clock(look)  # the next minute's look: the incident is over already
    told = await _told_admin(bot)
    assert len(told) == 2, told
    over = told[1]
    assert "agrees with Telegram's again" in over and "10 min ahead" in over, over
    assert "1 alert" in over, over
    assert "the retention sweep" in over and "the deletion of kept unsent words" in over, over

    (off,) = _rows(bot, "clock_off")
    (agreed,) = _rows(bot, "clock_agreed")
    assert off["by_s"] == agreed["by_s"] == 600, (off, agreed)
    assert agreed["alerts"] == 1, agreed
    assert agreed["skipped"] == ["the retention sweep", "the deletion of kept unsent words after their day"]
    # On Telegram's clock: the record says when it really began and ended.
    assert agreed["since"] == (start - AHEAD).isoformat() and agreed["until"] == at[0].isoformat(), agreed

    (line,) = [f for f in conflicts_check(svc.settings, at[0]) if f.area == "server clock"]
    assert line.note and "10 min ahead of Telegram's" in line.message, line
    assert "1 alert" in line.message and "the retention sweep" in line.message, line


async def test_the_all_clear_comes_after_a_restart_on_a_clock_put_right(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    """The incident is kept in the data dir: the start on a right clock ends the one told before the stop."""
    async with bot_running(settings, emulator) as bot:
        await _admin(bot)
        bot.services.clock = lambda: datetime.now(UTC).replace(microsecond=0)
        pin_offset(bot, AHEAD)
        await check_clock(Context(bot.app))
        assert len(await _told_admin(bot)) == 1
    async with bot_running(settings, emulator) as bot:
        bot.services.clock = lambda: datetime.now(UTC).replace(microsecond=0)
        pin_offset(bot, timedelta(seconds=1))
        await check_clock(Context(bot.app))
        told = await _told_admin(bot)
        assert len(_rows(bot, "clock_off")) == len(_rows(bot, "clock_agreed")) == 1
    assert len(told) == 2 and "agrees with Telegram's again" in told[1], told
