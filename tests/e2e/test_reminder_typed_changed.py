"""Hedged and changed answers typed under a session reminder (newcomer20 N198, N202): "idk if i can make it" got
"are you safe right now?" and no RSVP; Casey's "i can come to group tonight" the morning after her "can't" was kept
in the drawer, and the pre-group digest still listed her as not coming."""

from __future__ import annotations

from datetime import timedelta

import time_machine

from bot.jobs import reminders
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_reminder_typed import _rsvps
from tests.e2e.test_reminders import _next_monday_at, _setup


async def _reminded(bot: Harness, patient: int) -> int:
    _setup(bot, patient)
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: the counselor wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    await reminders.sweep(bot.app)
    return (await bot.emu.wait_for_message(patient, contains="Reminder")).message_id


def _open_rsvp_flags(bot: Harness, patient: int) -> list[str]:
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    return [str(f["kind"]) for f in svc.worker.call(svc.repo.open_flags, p.patient_id) if f["kind"] in ("cant_come", "late")]  # fmt: skip


async def test_a_hedged_answer_is_a_cant_come_not_a_safety_question(bot: Harness, patient: int) -> None:
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        reminder = await _reminded(bot, patient)
        bot.emu.send_text(patient, "idk if i can make it")
        noted = await bot.emu.wait_for_message(patient, contains="Noted", after=reminder)
        assert "can't make it" in noted.text and len(noted.buttons) == 3, noted.text
        told = await bot.emu.wait_for_message(COUNSELOR, contains="can't make it")
        assert "idk if i can make it" in told.text
        await bot.emu.settle()
    assert _rsvps(bot, patient) == ["n"]
    assert not any("are you safe" in m.text.casefold() for m in bot.emu.sent_to(patient))


async def test_a_changed_answer_the_same_day_is_recorded_and_told(bot: Harness, patient: int) -> None:
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        reminder = await _reminded(bot, patient)
        bot.emu.send_text(patient, "cant make it, still in the hospital")
        await bot.emu.wait_for_message(COUNSELOR, contains="can't make it")
        first = await bot.emu.wait_for_message(patient, contains="Noted", after=reminder)
        assert _open_rsvp_flags(bot, patient) == ["cant_come"]
        bot.emu.send_text(patient, "actually they let me out this morning, i can come to group tonight")
        noted = await bot.emu.wait_for_message(patient, contains="Noted", after=first.message_id)
        assert "you'll be at your appointment" in noted.text, noted.text
        told = await bot.emu.wait_for_message(COUNSELOR, contains="can come after all")
        assert "Alex" in told.text and "i can come to group tonight" in told.text
    assert _rsvps(bot, patient) == ["y"]
    assert _open_rsvp_flags(bot, patient) == []  # the can't-come no longer stands
