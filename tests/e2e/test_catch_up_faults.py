"""What waited for a counselor the bot could not reach arrives when they open it, whatever one send does
(audit).

It came only after the welcome, on the first /start: one failed welcome (a 500) left every queued notice in
the store for good, since the counselor was now reachable and no later /start looked again; the queue was
taken whole before sending, so one failed notice lost itself and every one after it; and a failed enrollment
notice ("Alex accepted your invitation") was logged only, never sent again.
"""

from __future__ import annotations

from telegram.error import NetworkError

from bot.devtools.emulator import ApiError
from bot.domain.models import Counselor
from bot.jobs.reach import send_or_queue
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_reach import DANA, _patient_of

SERVER_ERROR = ApiError(500, "Internal Server Error")


async def _two_messages_wait_for_dana(bot: Harness) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(DANA, "Dana Rivera"))
    bot.emu.add_user(DANA, first_name="Dana")  # has a Telegram account, never opened the bot
    await _patient_of(bot, DANA)
    for words in ("Running late on Thursday", "Actually, can we talk tomorrow?"):
        bot.emu.send_text(bot_patient := 2001, "/message")
        await bot.emu.wait_for_message(bot_patient, contains="Type your message for")
        bot.emu.send_text(bot_patient, words)
        await bot.emu.wait_for_message(bot_patient, contains="couldn't deliver it to Dana Rivera")


def _waiting(bot: Harness) -> int:
    return sum("Alex</b> sent you a message" in m.html for m in bot.emu.sent_to(DANA))


async def test_a_failed_welcome_does_not_keep_what_waited(bot: Harness) -> None:
    await _two_messages_wait_for_dana(bot)
    bot.emu.faults.fail_next("sendMessage", SERVER_ERROR)  # the welcome
    bot.emu.start_bot(DANA)
    await bot.emu.wait_until(lambda: _waiting(bot) == 2)


async def test_a_failed_notice_is_not_lost_with_those_after_it(bot: Harness) -> None:
    await _two_messages_wait_for_dana(bot)
    bot.emu.faults.fail_next("sendMessage", SERVER_ERROR, times=2)  # the welcome, then the first notice
    bot.emu.start_bot(DANA)
    await bot.emu.wait_until(lambda: _waiting(bot) == 2, timeout=30)


async def test_a_failed_enrollment_notice_goes_later(bot: Harness) -> None:
    await _two_messages_wait_for_dana(bot)
    svc = bot.services
    alex = svc.worker.call(svc.repo.patient_by_telegram, 2001)
    assert alex is not None
    svc.worker.call(svc.repo.queue_notice, DANA, "enrolled", alex.patient_id)  # as enrollment queues it
    bot.emu.faults.fail_next("sendMessage", SERVER_ERROR, times=2)  # the welcome, then the enrollment notice
    bot.emu.start_bot(DANA)
    await bot.emu.wait_until(
        lambda: any("accepted your invitation" in m.text for m in bot.emu.sent_to(DANA)), timeout=30
    )
    await bot.emu.wait_until(lambda: _waiting(bot) == 2)


class _FailingBot:
    """A bot whose every send fails the way a Telegram outage does."""

    async def send_message(self, *_: object, **__: object) -> None:
        raise NetworkError("Bad Gateway")


async def test_a_notice_for_a_counselor_that_fails_now_goes_with_the_next_sweep(bot: Harness) -> None:
    """send_or_queue (an RSVP, a handover, a message waiting for a colleague) raised on a 500: the counselor
    was never told, and the patient's own answer ended in "something went wrong"."""
    svc = bot.services
    sent = await send_or_queue(_FailingBot(), svc, COUNSELOR, "Alex can't make it to group")
    assert sent is None
    await bot.emu.wait_until(
        lambda: any("Alex can't make it to group" in m.text for m in bot.emu.sent_to(COUNSELOR)), timeout=30
    )
