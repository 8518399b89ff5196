"""A counselor's message started before their patient was reassigned (newcomer22 N228): it went out after the move
as "the counselor on call at your program" (they were not), and the patient's reply came back to them labelled
"you are covering while they are away"; the new counselor saw neither. Now the draft is not sent, and the
counselor who typed it is told why and to whom the patient went."""

from __future__ import annotations

from bot.domain.models import Counselor
from tests.conftest import COUNSELOR, Harness, say_hello
from tests.e2e.test_messages import _pid
from tests.e2e.test_reassign_open_alerts import RAE, _cli


async def test_a_draft_started_before_a_reassignment_is_not_sent_after_it(bot: Harness, patient: int) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim"))
    bot.emu.add_user(RAE, first_name="Rae")
    await say_hello(bot.emu, RAE)
    await say_hello(bot.emu, COUNSELOR)
    bot.emu.send_text(
        patient, "i want to kill myself tonight"
    )  # an alert that reached Dana: "on call" access
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    svc.worker.call(svc.repo.set_relay, COUNSELOR, _pid(bot, patient), svc.now())  # "Message patient" tapped
    await _cli(bot, "patient_reassign", alias="Alex", counselor=str(RAE))
    await bot.emu.wait_for_message(COUNSELOR, contains="Rae Kim")
    bot.emu.send_text(COUNSELOR, "Alex, soy Dana, te llamo a las 10")
    told = await bot.emu.wait_for_message(COUNSELOR, contains="not sent")
    assert "Rae Kim" in told.text, told.text
    assert not [m for m in bot.emu.sent_to(patient) if "te llamo a las 10" in m.text]
