"""Urgent alerts acknowledged lately stay on the caseload row and the patient page (newcomer10 N15).

Acknowledge means "I'm on it", not "this person is fine": a patient with seven crisis alerts in twenty
minutes, all acknowledged from the reminder list, was listed last with no flag, and their page said "No open
flags". A counselor who inherits the caseload sorts by this list.
"""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness, say_hello
from tests.e2e.test_caseload import _second_patient


async def test_an_acknowledged_crisis_still_marks_the_row_and_the_page(bot: Harness, patient: int) -> None:
    await say_hello(bot.emu, COUNSELOR)
    await _second_patient(bot)
    bot.emu.send_text(patient, "honestly I just want to kill myself tonight")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.press_button(COUNSELOR, card, texts.BTN_ACKNOWLEDGE)
    svc = bot.services
    await bot.emu.wait_until(lambda: not svc.worker.call(svc.repo.open_alerts))
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    assert "1 urgent alert in the last 3 days, acknowledged" in screen.text, screen.text
    assert screen.text.index("Alex") < screen.text.index("Blair")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")
    assert "in the last 3 days, acknowledged (the latest: talked about ending their life" in page.text, (
        page.text
    )
