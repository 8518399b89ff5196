"""A check-in left open is closed without losing a word (newcomer8's N7): words kept with it are offered with
the drawer's choice, the message that met the closed check-in is handled like any other text, and a request
to be called typed at a button question reaches the counselor at once, not "when you finish"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.conftest import COUNSELOR, Harness

ASIDE = "sorry, my sister says i look like a ghost lately"


async def _aside_kept(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, ASIDE)
    kept = await bot.emu.wait_for_message(patient, contains="I've kept what you wrote")
    assert "If you don't finish it, I'll ask you before sending it." in kept.text


def _later(bot: Harness, hours: int) -> None:
    later = datetime.now(UTC) + timedelta(hours=hours)
    bot.services.clock = lambda: later


async def test_words_that_meet_a_stale_checkin_are_handled_and_the_kept_ones_offered(
    bot: Harness, patient: int
) -> None:
    await _aside_kept(bot, patient)
    _later(bot, 7)  # past the check-in's six hours
    bot.emu.send_text(patient, "hola? anyone there")
    await bot.emu.wait_for_message(patient, contains="left open a while")
    offer = await bot.emu.wait_for_message(patient, contains="your last 2 messages")
    bot.emu.press_button(patient, offer, "Send to my counselor")
    got = await bot.emu.wait_for_message(COUNSELOR, contains="look like a ghost")
    await bot.emu.wait_for_message(COUNSELOR, contains="anyone there")
    assert got.text


async def test_a_tap_on_a_stale_checkin_offers_the_words_kept_with_it(bot: Harness, patient: int) -> None:
    await _aside_kept(bot, patient)
    question = [m for m in bot.emu.sent_to(patient) if m.buttons and "mood" in m.text][-1]
    _later(bot, 7)
    bot.emu.press_button(patient, question, "6")
    await bot.emu.wait_for_message(patient, contains="left open a while")
    offer = await bot.emu.wait_for_message(patient, contains="I've kept")
    bot.emu.press_button(patient, offer, "Send to my counselor")
    await bot.emu.wait_for_message(COUNSELOR, contains="look like a ghost")


async def test_a_new_checkin_after_a_stale_one_offers_its_words_first(bot: Harness, patient: int) -> None:
    await _aside_kept(bot, patient)
    _later(bot, 7)
    bot.emu.send_text(patient, "/checkin")
    offer = await bot.emu.wait_for_message(patient, contains="I've kept")
    await bot.emu.wait_for_message(patient, contains="mood", after=offer.message_id)
    bot.emu.press_button(patient, offer, "Send to my counselor")
    await bot.emu.wait_for_message(COUNSELOR, contains="look like a ghost")


async def test_a_request_to_be_called_at_a_button_question_reaches_the_counselor_now(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/checkin")
    first = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, "can someone call me today? i need to talk to my counselor")
    await bot.emu.wait_for_message(COUNSELOR, contains="can someone call me today")
    again = await bot.emu.wait_for_message(patient, contains="mood", after=first.message_id)
    assert again.buttons
    said = [m.text for m in bot.emu.sent_to(patient)]
    assert not any("I've kept what you wrote" in t for t in said), said
