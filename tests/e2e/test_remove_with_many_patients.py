"""`iop-bot counselor remove --reassign-to` with many patients (gaps11 #4): the counselor taking them over got
one hand-over card per patient with an open alert (38 cards for 38 patients) and no word at all about the
others. Now one summary card names every patient moved (paged when long), and their open alerts follow in
as few cards as the buttons allow."""

from __future__ import annotations

import asyncio
import dataclasses

from bot import texts
from bot.admin.control import call_running_bot, key_name
from bot.domain.escalation import Delivery, new_alert
from bot.domain.models import Counselor
from tests.conftest import COUNSELOR, Harness, enroll_patient, say_hello

RAE = 1002


async def _cli(bot: Harness, op: str, **args: object) -> object:
    s = bot.services.settings
    return await asyncio.to_thread(call_running_bot, s.data_dir, op, args, key=key_name(s.data_keys))


async def test_one_summary_names_every_patient_moved(bot: Harness) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim", role="admin"))
    bot.emu.add_user(RAE, first_name="Rae")
    await say_hello(bot.emu, RAE)
    aliases = [f"P{n:02d}" for n in range(38)]
    for n, alias in enumerate(aliases):
        pid = await enroll_patient(bot, 5000 + n, alias)
        if n % 2 == 0:  # half of them with an urgent alert open, its card gone to Dana
            # (an alert with no card yet goes as its own card at the next sweep, ops O61: a sweep between the
            # reassignment's write and the hand-over's send would card these to Rae one by one)
            alert = new_alert("crisis", pid, COUNSELOR, svc.now())
            card = Delivery(0, COUNSELOR, 1, svc.now())
            svc.worker.call(svc.repo.add_alert, dataclasses.replace(alert, deliveries=(card,)))
    before = len(bot.emu.sent_to(RAE))
    await _cli(bot, "counselor_remove", telegram_id=str(COUNSELOR), reassign_to=str(RAE))
    summary = await bot.emu.wait_for_message(RAE, contains="38 patients are now yours")
    assert "Dana Rivera" in summary.text
    assert all(alias in summary.text for alias in aliases), summary.text
    # 19 open alerts: one card of buttons (20 fit in one), each alert with its Acknowledge.
    alerts = await bot.emu.wait_for_message(RAE, contains="open alert", after=summary.message_id)
    acks = [b for row in alerts.buttons for b in row if b.text == texts.BTN_ACKNOWLEDGE]
    assert len(acks) == 19
    await bot.emu.wait_until(
        lambda: all(a.counselor_id == RAE for a in svc.worker.call(svc.repo.open_alerts))
    )
    bot.emu.send_text(RAE, "/help")
    await bot.emu.wait_for_message(RAE, contains="Counselor tools")
    cards = [m for m in bot.emu.sent_to(RAE)[before:] if "now your" in m.text or "now yours" in m.text]
    assert len(cards) == 1, [m.text[:80] for m in cards]
