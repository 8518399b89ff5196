"""Every notice about a patient reaches whoever stands in while their counselor is away (newcomer20 N196
addenda): a can't-come RSVP and Riley's /delete went to Dana, on leave, only; Pat, covering, heard nothing.

One test per route that told "the patient's counselor": RSVPs (button, reason, typed), /delete, /stop, a blocked
bot, a notice that could not reach the patient, worrying words piling up, the answer to "Are you safe?" after
worrying words, an enrollment, an alert the store could not keep, and an alert past its last reminder."""

from __future__ import annotations

import errno
from datetime import datetime, time, timedelta

import time_machine

from bot import texts
from bot.admin.schedule import cancel_session
from bot.domain.escalation import new_alert
from bot.jobs import reminders, stale_alerts
from tests.conftest import COUNSELOR, Harness, enrolled_code
from tests.e2e.test_counselor_away import PAT, _dana_away, _staff
from tests.e2e.test_disk_faults import Disk, disk  # noqa: F401 (the fixture)
from tests.e2e.test_reminders import _next_monday_at, _setup

COVERING = "Alex is <b>Dana Rivera</b>'s patient; you are covering"


def _covering(text: str) -> bool:
    return "Alex is Dana Rivera's patient; you are covering" in text


async def _away(bot: Harness) -> None:
    await _staff(bot)
    _dana_away(bot, PAT, days=10)  # past next Monday's session, whatever today is


async def test_a_cant_come_rsvp_and_its_reason_reach_the_cover(bot: Harness, patient: int) -> None:
    _setup(bot, patient)
    await _away(bot)
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)
        reminder = await bot.emu.wait_for_message(patient, contains="Reminder")
        bot.emu.press_button(patient, reminder, texts.BTN_CANT)
        told = await bot.emu.wait_for_message(PAT, contains="can't make it")
        assert _covering(told.text), told.text
        await bot.emu.wait_for_message(COUNSELOR, contains="can't make it")
        await bot.emu.wait_for_message(patient, contains="tell your counselor why")
        bot.emu.send_text(patient, "my car broke down")
        reason = await bot.emu.wait_for_message(PAT, contains="my car broke down")
        assert reason.message_id == told.message_id and _covering(reason.text)  # joins the cover's notice
        await bot.emu.wait_for_message(COUNSELOR, contains="my car broke down")


async def test_a_typed_rsvp_reaches_the_cover_and_the_patient_is_told_who(bot: Harness, patient: int) -> None:
    _setup(bot, patient)
    await _away(bot)
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)
        await bot.emu.wait_for_message(patient, contains="Reminder")
        bot.emu.send_text(patient, "running late, bus broke down")
        told = await bot.emu.wait_for_message(PAT, contains="running late")
        assert _covering(told.text), told.text
        noted = await bot.emu.wait_for_message(patient, contains="Noted")
        assert "I've let Pat Kim know" in noted.text and "Dana Rivera is away" in noted.text, noted.text


async def test_delete_is_told_to_the_cover(bot: Harness, patient: int) -> None:
    await _away(bot)
    bot.emu.send_text(patient, "/delete")
    ask = await bot.emu.wait_for_message(patient, contains="Erase everything?")
    bot.emu.press_button(patient, ask, texts.BTN_DELETE)
    told = await bot.emu.wait_for_message(PAT, contains="erased their data")
    assert _covering(told.text), told.text
    await bot.emu.wait_for_message(COUNSELOR, contains="erased their data")


async def test_stop_is_told_to_the_cover(bot: Harness, patient: int) -> None:
    await _away(bot)
    bot.emu.send_text(patient, "/stop")
    ask = await bot.emu.wait_for_message(patient, contains="Stop using")
    bot.emu.press_button(patient, ask, texts.BTN_STOP)
    told = await bot.emu.wait_for_message(PAT, contains="withdrew consent")
    assert _covering(told.text), told.text
    await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent")


async def test_a_blocked_bot_is_told_to_the_cover(bot: Harness, patient: int) -> None:
    _setup(bot, patient)
    await _away(bot)
    bot.emu.block_user(patient)
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)
        told = await bot.emu.wait_for_message(PAT, contains="has blocked the bot")
    assert _covering(told.text), told.text
    await bot.emu.wait_for_message(COUNSELOR, contains="has blocked the bot")


async def test_a_notice_that_could_not_reach_the_patient_is_told_to_the_cover(
    bot: Harness, patient: int
) -> None:
    series_id = _setup(bot, patient)
    await _away(bot)
    svc = bot.services
    bot.emu.block_user(patient)
    day = _next_monday_at(18).date().isoformat()
    svc.worker.call(cancel_session, svc.repo, svc.settings, svc.now(), {"id": series_id, "date": day})
    await reminders.sweep(bot.app)
    told = await bot.emu.wait_for_message(PAT, contains="could not reach")
    assert _covering(told.text) and "cancelled" in told.text, told.text
    await bot.emu.wait_for_message(COUNSELOR, contains="could not reach")


async def test_worrying_words_piling_up_are_told_to_the_cover(bot: Harness, patient: int) -> None:
    await _away(bot)
    words = ["i give up", "nothing matters anymore", "whats the point of trying, i give up"]
    bot.emu.send_text(patient, words[0])
    await bot.emu.wait_for_message(patient, contains="safe right now?")
    bot.emu.send_text(patient, words[1])
    await bot.emu.wait_for_message(patient, contains="I've kept that with what you wrote before")
    bot.emu.send_text(patient, words[2])
    told = await bot.emu.wait_for_message(PAT, contains="wrote worrying words 3 times")
    assert _covering(told.text), told.text


async def test_the_answer_to_the_question_after_worrying_words_reaches_the_cover(
    bot: Harness, patient: int
) -> None:
    await _away(bot)
    bot.emu.send_text(patient, "honestly i give up")
    asked = await bot.emu.wait_for_message(patient, contains="are you safe right now?")
    bot.emu.press_button(patient, asked, asked.button_texts()[0])  # "I'm safe right now"
    told = await bot.emu.wait_for_message(PAT, predicate=lambda m: _covering(m.text) and "answered" in m.text)
    assert "Alex" in told.text


async def test_a_new_patient_is_told_to_the_cover(bot: Harness) -> None:
    await _away(bot)
    code = enrolled_code(bot.services, "Alex")
    bot.emu.add_user(2001, first_name="Alex")
    bot.emu.send_text(2001, f"/start {code}")
    consent = await bot.emu.wait_for_message(2001, contains="Do you agree")
    bot.emu.press_button(2001, consent, texts.BTN_AGREE)
    told = await bot.emu.wait_for_message(PAT, predicate=_is_covering_message)
    assert "Alex" in told.text


def _is_covering_message(message: object) -> bool:
    return _covering(str(getattr(message, "text", "")))


async def test_an_alert_the_store_cannot_keep_reaches_the_cover(
    bot: Harness,
    patient: int,
    disk: Disk,  # noqa: F811
) -> None:
    await _away(bot)
    disk.error = errno.ENOSPC
    bot.emu.send_text(patient, "honestly I just want to kill myself tonight")
    await bot.emu.wait_for_message(PAT, contains="Alex", timeout=10)


async def test_an_alert_past_its_last_reminder_comes_back_to_the_cover(bot: Harness, patient: int) -> None:
    await _staff(bot)
    svc = bot.services
    alex = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert alex is not None
    tz = svc.settings.tz
    evening = datetime.combine(svc.now().astimezone(tz).date(), time(17, 27), tzinfo=tz)
    svc.worker.call(
        svc.repo.add_alert, new_alert("checkin", alex.patient_id, COUNSELOR, evening, "used a little")
    )
    _dana_away(bot, PAT)
    morning = datetime.combine(evening.date() + timedelta(days=1), time(9, 5), tzinfo=tz)
    with time_machine.travel(morning, tick=True):
        assert await stale_alerts.sweep(bot.app) == 1
        card = await bot.emu.wait_for_message(PAT, contains="still open, past the last reminder")
    assert "Alex" in card.text


async def test_stop_after_an_acknowledged_alert_reaches_the_cover_and_says_who_acknowledged(
    bot: Harness, patient: int
) -> None:
    """ops O127: "This came 21 min after their crisis alert (raised)… Please reach them by phone now" went to the
    counselor on leave only, and "(raised)" read like a placeholder for an alert acknowledged already."""
    await _away(bot)
    bot.emu.send_text(patient, "i took all my pills")
    card = await bot.emu.wait_for_message(PAT, contains="Alex")
    bot.emu.press_button(PAT, card, texts.BTN_ACKNOWLEDGE)
    svc = bot.services
    await bot.emu.wait_until(lambda: not svc.worker.call(svc.repo.open_alerts))
    bot.emu.send_text(patient, "/stop")
    ask = await bot.emu.wait_for_message(patient, contains="Stop using")
    bot.emu.press_button(patient, ask, texts.BTN_STOP)
    told = await bot.emu.wait_for_message(PAT, contains="withdrew consent")
    assert "Please reach them by phone now" in told.text and _covering(told.text), told.text
    assert "acknowledged by Pat Kim" in told.text and "(raised)" not in told.text, told.text


async def test_the_kept_words_drawer_names_the_cover(bot: Harness, patient: int) -> None:
    """newcomer20 N192: "Send them to Dana Rivera?" while Dana was away, and the tap said "Sent to Pat Kim"."""
    await _away(bot)
    bot.emu.send_text(patient, "can we talk this week")
    offer = await bot.emu.wait_for_message(patient, contains="haven't passed it")
    assert "Send it to Pat Kim, covering for Dana Rivera?" in offer.text, offer.text
