"""`iop-bot patient reassign` with urgent alerts open (newcomer finding 9-15): the alerts go with the patient,
the new counselor gets them at once in one message they can act on, the old one is told they no longer hold
them, and the audit log says which alerts moved."""

from __future__ import annotations

import asyncio

from bot import texts
from bot.admin.control import call_running_bot, key_name
from bot.domain.models import Counselor
from tests.conftest import COUNSELOR, Harness, say_hello

RAE = 1002
# Two kinds: the same kind again while its alert is open joins it (newcomer9 N40), not an alert of its own.
WORDS = ("i want to kill myself tonight", "i took all my pills")


async def _cli(bot: Harness, op: str, **args: object) -> object:
    s = bot.services.settings
    return await asyncio.to_thread(call_running_bot, s.data_dir, op, args, key=key_name(s.data_keys))


async def test_reassigning_a_patient_with_open_alerts_hands_them_over_and_tells_both_counselors(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim"))
    bot.emu.add_user(RAE, first_name="Rae")
    await say_hello(bot.emu, RAE)
    for words in WORDS:
        bot.emu.send_text(patient, words)
        await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.wait_until(lambda: len(svc.worker.call(svc.repo.open_alerts)) == 2)
    await bot.emu.wait_until(lambda: len([m for m in bot.emu.sent_to(COUNSELOR) if "Urgent" in m.text]) == 2)
    await _cli(bot, "patient_reassign", alias="Alex", counselor=str(RAE))
    handed = await bot.emu.wait_for_message(RAE, contains="now your patient")
    assert "Dana Rivera" in handed.text and "2 alerts came with them" in handed.text, handed.text
    acks = [b for row in handed.buttons for b in row if b.text == texts.BTN_ACKNOWLEDGE]
    assert len(acks) == 2
    told = await bot.emu.wait_for_message(COUNSELOR, contains="Rae Kim")
    assert "Alex" in told.text and "no longer" in told.text
    assert all(a.counselor_id == RAE for a in svc.worker.call(svc.repo.open_alerts))
    moved = [e for e in svc.worker.call(svc.repo.audit_log) if e["action"] == "open_alerts_moved"]
    assert len(moved) == 1 and len(moved[0]["alerts"]) == 2, moved
    bot.emu.press_button(RAE, handed, callback_data=acks[0].callback_data)
    await bot.emu.wait_until(lambda: len(svc.worker.call(svc.repo.open_alerts)) == 1)
    # Nothing more for Dana about them: the next round goes to Rae (and on call), not to her.
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "Still not acknowledged" in m.text]
