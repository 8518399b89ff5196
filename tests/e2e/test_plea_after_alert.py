"""A plea for help while an urgent alert about the patient is open joins that alert (newcomer14 N108).

"i need help" a minute after overdose words got the SOS screen, which said the counselor would see it "at their
next review", and reached nobody. README: while a crisis alert is open (or for 2 hours after it was raised),
whatever they type next reaches everyone the alert reached at once. The SOS screen still comes first; the words
go as a "wrote again" under the alert, and the screen promises nothing about a review.
"""

from __future__ import annotations

import pytest

from tests.conftest import COUNSELOR, Harness

OVERDOSE = "i keep thinking about just taking all my seroquel at once and going to sleep"


async def _alert(bot: Harness, patient: int) -> int:
    bot.emu.send_text(patient, OVERDOSE)
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await bot.emu.settle()
    return alert.message_id


async def _plea_reaches(bot: Harness, patient: int, alert: int, plea: str) -> None:
    seen = len(bot.emu.sent_to(patient))
    bot.emu.send_text(patient, plea)
    told = await bot.emu.wait_for_message(COUNSELOR, contains="wrote again")
    assert told.reply_to == alert
    await bot.emu.wait_for_message(patient, contains="I've passed that to Dana Rivera")
    screen = [m for m in bot.emu.sent_to(patient)[seen:] if "988" in m.text]
    assert screen, "the SOS screen still comes"
    assert not [m for m in screen if "next review" in m.text]
    bot.emu.press_button(COUNSELOR, told, "Show message")
    await bot.emu.wait_for_message(COUNSELOR, contains=plea)


@pytest.mark.parametrize("plea", ["i need help", "please i need help", "is anyone there"])
async def test_a_plea_after_an_open_alert_reaches_its_people(bot: Harness, patient: int, plea: str) -> None:
    alert = await _alert(bot, patient)
    await _plea_reaches(bot, patient, alert, plea)


async def test_a_plea_inside_a_check_in_reaches_them_too(bot: Harness, patient: int) -> None:
    alert = await _alert(bot, patient)
    bot.emu.send_text(patient, "/checkin")
    await bot.emu.settle()
    bot.emu.send_text(patient, "help")  # the check-in's own help, as before
    await bot.emu.settle()
    await _plea_reaches(bot, patient, alert, "i need help")


async def test_without_an_alert_the_sos_screen_says_next_review(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "i need help")
    screen = await bot.emu.wait_for_message(patient, contains="988")
    assert "next review" in screen.text
    await bot.emu.settle()
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "wrote again" in m.text]


async def test_the_sos_button_while_an_alert_is_open_promises_no_review(bot: Harness, patient: int) -> None:
    await _alert(bot, patient)
    bot.emu.send_text(patient, "/sos")
    screen = await bot.emu.wait_for_message(patient, contains="988")
    assert "next review" not in screen.text
