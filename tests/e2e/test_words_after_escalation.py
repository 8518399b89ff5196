"""The person an alert escalates to can read what the patient wrote after it (newcomer14 N105).

Sofía wrote three crisis lines seconds apart, the last that her husband's pain pills were on the table. Dana (away)
had the alert and a "wrote again" card; Morgan, on call, got the reminder, whose Show message gave only the first
line and whose card pointed to a "wrote again" card only Dana had. Now Show message gives every word written since
the alert, and the card names the most worrying reading among them (means at hand).
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

FIRST = "no voy a ir hoy. ya no puedo más con esto"
SECOND = "la neta ya me quiero ir de aquí para siempre"
PILLS = "tengo las pastillas del dolor de mi esposo aquí en la mesa"
MORGAN = 1002  # on call


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, oncall=(MORGAN,))


async def test_the_on_call_counselor_reads_the_words_after_the_alert(bot: Harness, patient: int) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=MORGAN, name="Morgan Lee"))
    bot.emu.add_user(MORGAN, first_name="Morgan")
    await say_hello(bot.emu, MORGAN)
    bot.emu.send_text(patient, FIRST)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    for words in (SECOND, PILLS):
        bot.emu.send_text(patient, words)
        await bot.emu.settle()
    later = svc.now() + timedelta(minutes=svc.settings.escalate_after_minutes + 1)
    with time_machine.travel(later, tick=True):
        await deliver_due(bot.app)
        reminder = await bot.emu.wait_for_message(MORGAN, contains="Still not acknowledged")
        assert "means at hand" in reminder.text
        opens = [b for row in reminder.buttons for b in row if (b.callback_data or "").startswith("al:open:")]
        bot.emu.press_button(MORGAN, reminder, callback_data=opens[0].callback_data)
        card = await bot.emu.wait_for_message(MORGAN, contains="Dana Rivera", after=reminder.message_id)
        assert "means at hand" in card.text
        assert "“wrote again” card" not in card.text  # Morgan has none
        bot.emu.press_button(MORGAN, card, texts.BTN_SHOW_MESSAGE)
        await bot.emu.wait_for_message(MORGAN, contains=PILLS)
        shown = " ".join(m.text for m in bot.emu.sent_to(MORGAN))
        assert FIRST in shown and SECOND in shown


async def test_a_patients_own_access_to_a_gun_is_not_carded_as_someone_else_armed(
    bot: Harness, patient: int
) -> None:
    """newcomer15 N118: after suicidal words, "i have my dads old pistol in the closet" read on every reminder
    as "warning signs together: armed other, means at hand": to an on-call colleague, someone else is armed."""
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=MORGAN, name="Morgan Lee"))
    bot.emu.add_user(MORGAN, first_name="Morgan")
    await say_hello(bot.emu, MORGAN)
    bot.emu.send_text(patient, "honestly i think everyone would be better off if i just wasnt around anymore")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "i have my dads old pistol in the closet")
    await bot.emu.settle()
    later = svc.now() + timedelta(minutes=svc.settings.escalate_after_minutes + 1)
    with time_machine.travel(later, tick=True):
        await deliver_due(bot.app)
        reminder = await bot.emu.wait_for_message(MORGAN, contains="Still not acknowledged")
    assert "access to a weapon" in reminder.text and "armed other" not in reminder.text, reminder.text
