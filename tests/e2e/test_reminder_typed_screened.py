"""A typed answer to a session reminder that also trips the screen (newcomer14 N93, N94): the crisis answer or the
relapse reply came, but the RSVP was dropped, so the counselor heard only the alert or the flag and never
"can't make it" or "running late". The RSVP is recorded beside them; crisis words stay behind the alert."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from bot.jobs import reminders
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_reminder_typed import _rsvps
from tests.e2e.test_reminders import _next_monday_at, _setup


async def _under_reminder(bot: Harness, patient: int, words: str) -> None:
    _setup(bot, patient)
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: the counselor wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    await reminders.sweep(bot.app)
    await bot.emu.wait_for_message(patient, contains="Reminder")
    bot.emu.send_text(patient, words)


async def test_cant_come_with_crisis_words_records_the_rsvp_beside_the_alert(
    bot: Harness, patient: int
) -> None:
    words = "cant make it today, i want to die"
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await _under_reminder(bot, patient, words)
        await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
        await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
        told = await bot.emu.wait_for_message(COUNSELOR, contains="can't make it")
        await bot.emu.settle()
    assert _rsvps(bot, patient) == ["n"]
    assert words not in told.text  # crisis words only behind the alert's Show message
    assert not any("Noted" in m.text for m in bot.emu.sent_to(patient))  # the crisis answer is the one reply


async def test_running_late_with_use_words_records_the_rsvp_and_passes_the_words(
    bot: Harness, patient: int
) -> None:
    words = "running late, i relapsed last night and used"
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await _under_reminder(bot, patient, words)
        told = await bot.emu.wait_for_message(COUNSELOR, contains="is running late")
        await bot.emu.settle()
    assert _rsvps(bot, patient) == ["l"]
    assert words in told.text


async def _rsvp_read_only_by_the_layer(bot: Harness, patient: int, words: str, answer: str) -> None:
    """newcomer14 N104: the most ordinary typed RSVPs were read by the learned layer alone as a check: "That
    sounds really hard… are you safe right now?", a flag, and no RSVP recorded."""
    from bot.domain.opt_out import learned_check_only
    from bot.domain.screen.assess import assess

    reading = assess(words)
    if not learned_check_only(reading.reasons):
        pytest.skip(f"the screen no longer reads {words!r} as a learned-only check: {reading.reasons}")
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await _under_reminder(bot, patient, words)
        await bot.emu.wait_for_message(patient, contains="Noted")
        await bot.emu.settle()
    assert _rsvps(bot, patient) == [answer]
    assert not any("are you safe" in m.text.casefold() for m in bot.emu.sent_to(patient))


@pytest.mark.parametrize(("words", "answer"), [("ill be there tonight", "y"), ("cant make it tonight", "n")])
async def test_an_rsvp_the_layer_alone_reads_as_worrying_is_the_rsvp(
    bot: Harness, patient: int, words: str, answer: str
) -> None:
    await _rsvp_read_only_by_the_layer(bot, patient, words, answer)


async def test_cant_come_with_worrying_words_records_the_rsvp_beside_the_check(
    bot: Harness, patient: int
) -> None:
    words = "cant make it today, i just give up"
    from bot.domain.screen.assess import Level, assess

    assert assess(words).level == Level.CHECK
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await _under_reminder(bot, patient, words)
        await bot.emu.wait_for_message(patient, contains="are you safe right now?")
        await bot.emu.wait_for_message(COUNSELOR, contains="can't make it")
        await bot.emu.settle()
    assert _rsvps(bot, patient) == ["n"]
