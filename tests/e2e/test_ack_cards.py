"""What acknowledging one of several open alerts does to the cards people already have.

Newcomer7 N8: after one of two alerts was acknowledged from its own card, the reminder listing both read as
a jumble: "Still not acknowledged … 🚨 Urgent: … ✅ Acknowledged by" (the acknowledged alert's whole card glued
under the list). N26: a counselor removed since still had their old reminder edited with the live state of
alerts they no longer get.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
import time_machine

from bot import texts
from bot.config.settings import Settings
from bot.domain.models import Counselor
from bot.jobs.alerts import deliver_due
from tests.conftest import COUNSELOR, Harness, say_hello

RAE = 1002


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, oncall=(RAE,))


def _text(bot: Harness, to: int, message_id: int) -> str:
    return next(m.text for m in bot.emu.sent_to(to) if m.message_id == message_id)


async def test_acknowledging_one_of_two_alerts_from_its_card(bot: Harness, patient: int) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim"))
    bot.emu.add_user(RAE, first_name="Rae")
    await say_hello(bot.emu, RAE)
    for words in ("i want to kill myself tonight", "i took all my pills"):
        bot.emu.send_text(patient, words)
        await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.wait_until(lambda: len(svc.worker.call(svc.repo.open_alerts)) == 2)
    # Each card went and is on the record: an alert nobody has had yet goes as its own card (ops O61).
    await bot.emu.wait_until(lambda: all(a.deliveries for a in svc.worker.call(svc.repo.open_alerts)))
    first = next(m for m in bot.emu.sent_to(COUNSELOR) if "ending their life" in m.text)
    later = svc.now() + timedelta(minutes=svc.settings.escalate_after_minutes + 1)
    with time_machine.travel(later, tick=True):
        await deliver_due(bot.app)
        group = await bot.emu.wait_for_message(RAE, contains="Still not acknowledged")
        bot.emu.press_button(COUNSELOR, first, texts.BTN_ACKNOWLEDGE)
        await bot.emu.wait_for_message(
            RAE, predicate=lambda m: m.message_id == group.message_id and "✅" in m.text
        )
        edited = _text(bot, RAE, group.message_id)
        assert "acknowledged by Dana Rivera" in edited, edited
        assert "Please reach out to them" not in edited and "🚨 <b>Urgent</b>" not in edited, edited
        assert edited.count("Alex") == 2  # the open one listed, the acknowledged one in its ✅ line
        # Rae is removed: her old reminder no longer follows the live alerts (N26).
        assert svc.worker.call(svc.repo.remove_counselor, RAE)
        mine = next(m for m in bot.emu.sent_to(COUNSELOR) if "Still not acknowledged" in m.text)
        bot.emu.press_button(COUNSELOR, mine, texts.BTN_ACKNOWLEDGE)
        await bot.emu.wait_for_message(COUNSELOR, contains="every one of them is acknowledged now")
        await bot.emu.settle()
    assert _text(bot, RAE, group.message_id) == edited


async def test_a_removed_counselor_is_told_so_not_the_patients_welcome(bot: Harness) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=RAE, name="Rae Kim"))
    bot.emu.add_user(RAE, first_name="Rae", language_code="es")
    await say_hello(bot.emu, RAE)
    assert svc.worker.call(svc.repo.remove_counselor, RAE)
    bot.emu.send_text(RAE, "/caseload")
    said = await bot.emu.wait_for_message(RAE, contains="no longer a counselor")
    assert "Aquí estoy" not in said.text
