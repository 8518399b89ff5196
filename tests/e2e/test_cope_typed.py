"""A walk-through's step button typed instead of tapped (newcomer9 N13).

Within 2 h of an alert, "Next" typed at a coping skill's last step (whose button reads "Done") went to three
counselors as "Alex wrote again"; otherwise it waited in the "Send it?" drawer. A step word typed alone while
a step shows is that step's button now; other words are still the patient's words.
"""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness, say_hello

DRAWER = "Send it to Dana Rivera?"


async def _typed_to_the_end(bot: Harness, patient: int, word: str) -> None:
    bot.emu.send_text(patient, "/cope")
    ask = await bot.emu.wait_for_message(patient, contains=texts.COPE_ASK)
    bot.emu.press_button(patient, ask, texts.COPE_TAG_LABELS["anxiety"])
    screen = await bot.emu.wait_for_message(patient, contains="one step at a time")
    for _ in range(10):
        if texts.COPE_HELPED_ASK in screen.text:
            return
        bot.emu.send_text(patient, word)
        screen = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons) and not m.edited)
    raise AssertionError("the walk-through never ended")


async def test_next_typed_at_every_step_even_the_last_walks_the_skill(bot: Harness, patient: int) -> None:
    await _typed_to_the_end(bot, patient, "Next")
    bot.emu.send_text(patient, "thanks")  # other words are still words
    await bot.emu.wait_for_message(patient, contains=DRAWER)
    assert sum(DRAWER in m.text for m in bot.emu.sent_to(patient)) == 1


async def test_typed_next_under_an_alert_is_not_passed_to_counselors(bot: Harness, patient: int) -> None:
    await say_hello(bot.emu, COUNSELOR)
    bot.emu.send_text(patient, "i want to kill myself")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await _typed_to_the_end(bot, patient, "next")
    await bot.emu.settle()
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "wrote again" in m.text]
    assert not [m for m in bot.emu.sent_to(patient) if "I've passed that" in m.text]
