"""Crisis words at a set-up question: the crisis is answered, then set-up is asked again (newcomer6 finding 34).

Luz typed "en el infierno, ya me quiero morir la neta" at the time-zone question; the crisis answer and the page
were right, but set-up never resumed: three days later she was still "setting up", with no prompts and no
session reminders, and her counselor's caseload and digest never said so.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine

from bot import texts
from bot.domain.digest import DailyDigest
from bot.domain.timezones import city
from bot.jobs import setup_waiting
from bot.jobs.digest import daily_screen
from bot.usecases.workspace import caseload
from tests.conftest import COUNSELOR, Harness

LUZ = 3002
MORNING = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)  # 10 AM in New York, the program's zone


async def _crisis_at_zone_question(bot: Harness) -> None:
    code = bot.invite("Luz")
    bot.emu.send_text(LUZ, f"/start {code}")
    consent = await bot.emu.wait_for_message(LUZ, contains="Do you agree")
    bot.emu.press_button(LUZ, consent, texts.BTN_AGREE)
    await bot.emu.wait_for_message(LUZ, contains="time zone")
    bot.emu.send_text(LUZ, "honestly i want to kill myself, i dont care about time zones")
    await bot.emu.wait_for_message(LUZ, contains="Are you safe right now?")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")


def _luz(bot: Harness):  # type: ignore[no-untyped-def]
    return bot.services.worker.call(bot.services.repo.patient_by_telegram, LUZ)


async def test_set_up_is_asked_again_once_after_the_hold_and_the_counselor_sees_it_unfinished(
    bot: Harness,
) -> None:
    svc = bot.services
    with time_machine.travel(MORNING, tick=True):  # outside quiet hours: a question waits for none
        await _crisis_at_zone_question(bot)
        assert await setup_waiting.sweep(bot.app) == 0  # inside the hold: nothing routine after a crisis
        counselor = svc.worker.call(svc.repo.counselor, COUNSELOR)
        rows = svc.worker.call(caseload, svc.repo, counselor, svc.now(), svc.flag_rules)
        day = DailyDigest(COUNSELOR, MORNING.date())
        digest, _ = svc.worker.call(
            daily_screen, svc.repo, svc.settings, counselor, day, svc.now(), svc.flag_rules
        )
    assert [r.status for r in rows] == ["setting up"]  # the caseload row says what it means (STATUS_LABELS)
    assert "Set-up not finished" in digest and "Luz" in digest, digest
    hold = timedelta(hours=svc.settings.routine_hold_hours, minutes=1)
    with time_machine.travel(MORNING + hold, tick=True):
        assert await setup_waiting.sweep(bot.app) == 1
        again = await bot.emu.wait_for_message(LUZ, contains="finish setting up")
        assert await setup_waiting.sweep(bot.app) == 0  # once per alert
    way_on = texts.btn_default_zone(city(svc.settings.timezone))
    assert way_on in again.button_texts() and "Chicago" in again.button_texts()
    bot.emu.press_button(LUZ, again, way_on)
    await bot.emu.wait_for_message(LUZ, contains="daily check-in")
    assert _luz(bot).timezone == svc.settings.timezone
