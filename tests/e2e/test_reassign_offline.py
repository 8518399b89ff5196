"""`iop-bot patient reassign` run while the bot is stopped (ops O63 addendum): the patient was told of their
new counselor at the next start, but the new counselor never heard of the patient nor of the open alert that
came with them. The hand-over notice is queued in the store with the move, and sent at the next start, once."""

from __future__ import annotations

from bot import texts
from bot.admin.people import reassign_patient
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.escalation import new_alert
from bot.domain.models import Counselor
from bot.jobs.alerts import deliver_due
from bot.runtime import open_services
from tests.conftest import COUNSELOR, bot_running, enroll_patient, say_hello

RAE = 1002


async def test_a_reassignment_made_while_the_bot_is_stopped_is_handed_over_at_the_next_start(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    emulator.add_user(RAE, first_name="Rae")
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim"))
        await say_hello(emulator, RAE)
        pid = await enroll_patient(bot, 3001, "Alex")
        svc.worker.call(svc.repo.add_alert, new_alert("crisis", pid, COUNSELOR, svc.now()))
        await deliver_due(bot.app)  # its card now, not at the next half-minute sweep
        await emulator.wait_for_message(COUNSELOR, contains="Urgent")
    with open_services(settings) as offline:  # the CLI's way with no bot running
        args = {"alias": "Alex", "counselor": "Rae Kim", "by": "ana@clinic"}
        offline.worker.call(reassign_patient, offline.repo, settings, offline.now(), args)
    async with bot_running(settings, emulator) as bot:
        handed = await emulator.wait_for_message(RAE, contains="now your patient")
        assert "Dana Rivera" in handed.text and "Alex" in handed.text, handed.text
        acks = [b for row in handed.buttons for b in row if b.text == texts.BTN_ACKNOWLEDGE]
        assert len(acks) == 1
        svc = bot.services
        await emulator.wait_until(lambda: svc.worker.call(svc.repo.pending_handovers) == [])
    async with bot_running(settings, emulator) as bot:  # a further restart sends nothing again
        svc = bot.services
        assert svc.worker.call(svc.repo.pending_handovers) == []
    assert len([m for m in emulator.sent_to(RAE) if "now your patient" in m.text]) == 1
