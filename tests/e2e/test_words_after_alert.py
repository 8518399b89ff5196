"""Words written while an urgent alert about the patient is open reach the people it reached (newcomer
findings 1, 2, 3): at once, as a reply to each copy of the alert, with "Show message" behind the PIN;
never the opt-in "I've kept that, but I haven't passed it to anyone" drawer. A typed answer to "Are you
safe right now?" the parser does not know ("idk") goes to the counselor as words, never read as "safe".
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from bot import texts
from bot.domain.follow import GATHER_GAP
from bot.domain.screen.assess import Level, assess
from tests.conftest import COUNSELOR, Harness

CRISIS = "i have the whole bottle of my pills in my hand"
DRAWER = "haven't passed"


async def _crisis(
    bot: Harness, patient: int, text: str = CRISIS, question: str = "Are you safe right now?"
) -> int:
    """The crisis message and its alert; returns the id of the counselor's copy of the alert."""
    bot.emu.send_text(patient, text)
    await bot.emu.wait_for_message(patient, contains=question)
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    return alert.message_id


async def _words_reach(bot: Harness, patient: int, alert_copy: int, words: str) -> None:
    assert assess(words).level < Level.CRISIS  # the screen alone would page nobody on them
    bot.emu.send_text(patient, words)
    told = await bot.emu.wait_for_message(COUNSELOR, contains="wrote again")
    assert told.reply_to == alert_copy and "Show message" in told.button_texts()
    assert words not in told.text  # the words themselves behind the PIN, as the alert's own are
    await bot.emu.wait_for_message(patient, contains="I've passed that to Dana Rivera")
    bot.emu.press_button(COUNSELOR, told, "Show message")
    shown = await bot.emu.wait_for_message(COUNSELOR, contains=words)
    assert "Alex" in shown.text


async def test_words_after_a_not_safe_answer_reach_the_alerted_counselor(bot: Harness, patient: int) -> None:
    await _crisis(bot, patient)
    bot.emu.send_text(patient, "not really")
    await bot.emu.wait_for_message(patient, contains="emergency room")
    not_safe = await bot.emu.wait_for_message(COUNSELOR, contains="said they are not safe right now")
    await _words_reach(bot, patient, not_safe.message_id, "sorry for everything, tell my sister i tried")
    assert not [m for m in bot.emu.sent_to(patient) if DRAWER in m.text]


# "idk" and "hard to say" are answers now, taken as not safe (gaps11 #1: tests/e2e/test_typed_safety_answers.py).
@pytest.mark.parametrize("typed", ["what do you mean", "ask me later"])
async def test_an_unclear_typed_answer_goes_to_the_counselor_as_words(
    bot: Harness, patient: int, typed: str
) -> None:
    alert = await _crisis(bot, patient)
    await _words_reach(bot, patient, alert, typed)
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "answered" in m.text]  # never read as "safe"
    safe = texts.after_answer("safe", "en")
    assert not [m for m in bot.emu.sent_to(patient) if DRAWER in m.text or m.text == safe]


@pytest.mark.parametrize(
    ("crisis", "question", "typed", "reply"),
    [
        (CRISIS, "Are you safe right now?", "no not really", "emergency room"),
        (CRISIS, "Are you safe right now?", "honestly no", "emergency room"),
        (CRISIS, "Are you safe right now?", "i dont think so", "emergency room"),
        (CRISIS, "Are you safe right now?", "not rn", "emergency room"),
        ("ya no quiero vivir", "¿Estás a salvo en este momento?", "no estoy bien, no", "sala de emergencias"),
        ("ya no quiero vivir", "¿Estás a salvo en este momento?", "la verdad no", "sala de emergencias"),
        ("ya no quiero vivir", "¿Estás a salvo en este momento?", "para nada", "sala de emergencias"),
    ],
)
async def test_natural_not_safe_answers_page(
    bot: Harness, patient: int, crisis: str, question: str, typed: str, reply: str
) -> None:
    await _crisis(bot, patient, crisis, question)
    bot.emu.send_text(patient, typed)
    await bot.emu.wait_for_message(patient, contains=reply)
    await bot.emu.wait_for_message(COUNSELOR, contains="said they are not safe right now")


async def test_words_that_raised_an_alert_are_not_kept_unsent_too(bot: Harness, patient: int) -> None:
    """Words already kept unsent, then a use disclosed (its own alert carries the words): the drawer never
    counts them, and "Send" never passes them a second time."""
    bot.emu.send_text(patient, "hi there")
    await bot.emu.wait_for_message(patient, contains=DRAWER)
    bot.emu.send_text(patient, "I relapsed last night")
    await bot.emu.wait_for_message(patient, contains="Thank you for being honest")
    bot.emu.send_text(patient, "anyway, how do I change my check-in time")
    offer = await bot.emu.wait_for_message(patient, contains=DRAWER)
    assert offer.text.startswith("I've kept your last 2 messages,")  # not 3
    bot.emu.press_button(patient, offer, "Send to my counselor")
    await bot.emu.wait_for_message(COUNSELOR, contains="how do I change")
    await bot.emu.settle()
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "I relapsed last night" in m.text]


async def test_worrying_words_while_an_alert_is_open_reach_its_people_now(bot: Harness, patient: int) -> None:
    """Newcomer finding 9-5: "nothing matters" got the gentle question and "your counselor will see this at
    their next review" while "hola" reached the alerted counselor at once."""
    alert_copy = await _crisis(bot, patient)
    words = "honestly nothing matters anymore"
    assert assess(words).level == Level.CHECK
    bot.emu.send_text(patient, words)
    told = await bot.emu.wait_for_message(COUNSELOR, contains="wrote again")
    assert told.reply_to == alert_copy
    await bot.emu.wait_for_message(patient, contains="I've passed that to Dana Rivera")


async def test_a_flood_after_an_alert_is_one_card_that_shows_every_message(
    bot: Harness, patient: int
) -> None:
    # newcomer5 finding 20: 20 short messages became 20 "wrote again" cards, pushing the next 🚨 card under them.
    alert = await _crisis(bot, patient)
    words = [f"sorry {n} for all of this" for n in range(1, 9)]
    for said in words:
        bot.emu.send_text(patient, said)
        await bot.emu.wait_for_message(patient, contains="I've passed that to Dana Rivera")
    cards = [m for m in bot.emu.sent_to(COUNSELOR) if "wrote again" in m.text]
    assert len(cards) == 1, [c.text for c in cards]
    card = cards[0]
    assert card.reply_to == alert and "8 messages" in card.text and not any(w in card.text for w in words)
    bot.emu.press_button(COUNSELOR, card, "Show messages")
    shown = await bot.emu.wait_for_message(COUNSELOR, contains=words[-1])
    assert all(w in shown.text for w in words)  # every one of them, none lost to the count


async def test_words_after_a_pause_come_on_a_new_card(bot: Harness, patient: int) -> None:
    # A card that gathers is edited, which Telegram does not notify: after a pause the counselor hears anew.
    await _crisis(bot, patient)
    bot.emu.send_text(patient, "sorry, one more thing")
    await bot.emu.wait_for_message(patient, contains="I've passed that")
    first = await bot.emu.wait_for_message(COUNSELOR, contains="wrote again")
    later = bot.services.now() + GATHER_GAP + timedelta(seconds=5)
    with time_machine.travel(later, tick=True):
        bot.emu.send_text(patient, "are you there")
        await bot.emu.wait_for_message(patient, contains="I've passed that")
    second = await bot.emu.wait_for_message(COUNSELOR, after=first.message_id, contains="wrote again")
    assert not second.edited and "Show message" in second.button_texts()


async def test_a_flood_past_the_throttle_still_reaches_the_alerted_counselor_whole(
    bot: Harness, patient: int
) -> None:
    # Past the flood guard's limit words were dropped ("I'll catch up in a few seconds"): during an alert the
    # people about to call them must still have every one.
    await _crisis(bot, patient)
    words = [f"and another thing {n}" for n in range(1, 25)]
    for said in words:
        bot.emu.send_text(patient, said)
    await bot.emu.wait_for_message(patient, contains="a lot of messages at once")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="24 messages", timeout=30)
    bot.emu.press_button(COUNSELOR, card, "Show messages")
    shown = await bot.emu.wait_for_message(COUNSELOR, contains=words[-1])
    assert all(w in shown.text for w in words)


@pytest.mark.parametrize(
    ("words", "level"),
    [("i really want to use right now", Level.CRAVING), ("i drank last night, sorry", Level.RELAPSE)],
)
async def test_a_use_or_a_craving_while_an_alert_is_open_reaches_its_people_too(
    bot: Harness, patient: int, words: str, level: Level
) -> None:
    """newcomer7 finding N22: words the screen read as a craving ("i'll pick up", answering the on-call
    counselor's "I'm calling you in 2 minutes") reached nobody, and a use reached only the counselor as a
    not-urgent flag, while the alert's people were about to call."""
    alert_copy = await _crisis(bot, patient)
    assert assess(words).level == level
    bot.emu.send_text(patient, words)
    told = await bot.emu.wait_for_message(COUNSELOR, contains="wrote again")
    assert told.reply_to == alert_copy
    await bot.emu.wait_for_message(patient, contains="I've passed that to Dana Rivera")
