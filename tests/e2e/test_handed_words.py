"""A counselor leaving with their patients (ops O97): R3's "I need to talk about my meds", sent to Riley seconds
before `iop-bot counselor remove 5005 --reassign-to "Casey Nguyen"`, sat only in Riley's chat; the hand-over and
the command's output did not mention it, and R3 believed it reached a counselor who would reply. Now a moved
patient's messages to the old counselor that no counselor answered go to the new one with their Reply, and the
command says how many."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot import texts
from bot.admin.control import call_running_bot, key_name
from bot.admin.people import report
from bot.domain import pin
from bot.domain.models import Counselor
from bot.handlers.messages import SHOW_PREFIX
from bot.jobs import handed_words
from tests.conftest import COUNSELOR, Harness, enroll_patient, say_hello

CASEY = 1002
MEDS = "I need to talk about my meds"
PIN = "246810"
CRISIS = "i want to kill myself tonight"
FOLLOW_UP = "i feel like dying during this outage"


async def _cli(bot: Harness, op: str, **args: object) -> dict[str, object]:
    s = bot.services.settings
    found = await asyncio.to_thread(call_running_bot, s.data_dir, op, args, key=key_name(s.data_keys))
    assert isinstance(found, dict)
    return found


async def _casey(bot: Harness) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=CASEY, name="Casey Nguyen", role="admin"))
    bot.emu.add_user(CASEY, first_name="Casey")
    await say_hello(bot.emu, CASEY)


async def _writes(bot: Harness, patient: int, text: str) -> None:
    bot.emu.send_text(patient, "/message")
    await bot.emu.wait_for_message(patient, contains="Type your message for")
    bot.emu.send_text(patient, text)
    await bot.emu.wait_for_message(COUNSELOR, contains=text)


async def test_an_unanswered_message_goes_to_the_new_counselor_with_its_reply(bot: Harness) -> None:
    svc = bot.services
    await _casey(bot)
    await enroll_patient(bot, 3001, "R1")
    r2 = await enroll_patient(bot, 3002, "R2")
    await enroll_patient(bot, 3003, "R3")
    # R2's message was answered; R3's, seconds before the removal, was not.
    svc.worker.call(svc.repo.record_message, r2, "patient", COUNSELOR, 3002, "see you Tuesday", svc.now())
    later = svc.now() + timedelta(seconds=1)
    svc.worker.call(svc.repo.record_message, r2, "counselor", COUNSELOR, COUNSELOR, "Tuesday it is", later)
    await _writes(bot, 3003, MEDS)
    result = await _cli(bot, "counselor_remove", telegram_id=str(COUNSELOR), reassign_to=str(CASEY))
    assert result["messages"] == 1
    summary = await bot.emu.wait_for_message(CASEY, contains="3 patients are now yours")
    carried = await bot.emu.wait_for_message(CASEY, contains=MEDS, after=summary.message_id)
    assert carried.text.startswith("💬 R3 wrote to Dana Rivera") and "Not answered yet" in carried.text, (
        carried.text
    )
    assert [b.text for row in carried.buttons for b in row] == [texts.BTN_REPLY]
    bot.emu.press_button(CASEY, carried, texts.BTN_REPLY)
    await bot.emu.wait_for_message(CASEY, contains="Type your message for")
    bot.emu.send_text(CASEY, "Call me at 3?")
    await bot.emu.wait_for_message(3003, contains="Call me at 3?")
    assert not [m for m in bot.emu.sent_to(CASEY) if "see you Tuesday" in m.text]  # answered: not carried


def test_the_command_says_how_many_messages_went_with_them() -> None:
    import io

    out = io.StringIO()
    row = {
        "name": "Riley Stone",
        "telegram_id": 5005,
        "patients": 40,
        "invites": 0,
        "to": 5004,
        "messages": 1,
    }
    report("counselor_remove", row, out)
    assert "1 unanswered patient message(s)" in out.getvalue(), out.getvalue()


def test_the_show_button_is_the_handlers() -> None:
    assert handed_words.SHOW == SHOW_PREFIX


async def test_to_a_counselor_locked_with_a_pin_it_goes_without_its_words_until_the_pin(bot: Harness) -> None:
    svc = bot.services
    await _casey(bot)
    svc.worker.call(svc.repo.set_counselor_pin, CASEY, pin.hash_pin(PIN))
    await enroll_patient(bot, 3003, "R3")
    await _writes(bot, 3003, MEDS)
    await _cli(bot, "counselor_remove", telegram_id=str(COUNSELOR), reassign_to=str(CASEY))
    card = await bot.emu.wait_for_message(CASEY, contains="unanswered yet")
    assert MEDS not in card.text and "R3" in card.text, card.text
    bot.emu.press_button(CASEY, card, texts.BTN_READ_MESSAGE)
    await bot.emu.wait_for_message(CASEY, contains=texts.PIN_ASK)
    bot.emu.send_text(CASEY, PIN)
    await bot.emu.wait_for_message(CASEY, contains=MEDS)


async def test_words_that_joined_an_alert_stay_with_it_and_are_not_handed_over_in_clear(bot: Harness) -> None:
    """Ops O120: Alex's "i feel like dying during this outage", joined to his open alert (behind Show message, the
    PIN and the message_viewed row), reached the new counselor in clear as "Alex wrote to Sam ... Not answered
    yet", on her lock screen."""
    await _casey(bot)
    await enroll_patient(bot, 3001, "Alex")
    bot.emu.send_text(3001, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(3001, FOLLOW_UP)
    await bot.emu.wait_for_message(COUNSELOR, contains="wrote again")
    bot.emu.send_text(3001, "/message")
    prompt = await bot.emu.wait_for_message(3001, contains="Type your message for")
    bot.emu.send_text(3001, MEDS)  # his /message while the alert is followed joins it too (newcomer22 N224)
    await bot.emu.wait_for_message(3001, contains="I've passed that to", after=prompt.message_id)
    await _cli(bot, "counselor_remove", telegram_id=str(COUNSELOR), reassign_to=str(CASEY))
    await bot.emu.wait_for_message(CASEY, contains="now yours")
    clear = [m for m in bot.emu.sent_to(CASEY) if "dying during this outage" in m.text or MEDS in m.text]
    assert not clear, clear
