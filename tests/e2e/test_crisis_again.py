"""Crisis words again while their alert is open (newcomer9 N40).

Five crisis messages in twenty seconds were five urgent alerts, each escalating on its own, and five identical
full answers. The same kind again joins the open alert as a "wrote again" card (every message still reaches
its people), the alert counts it, and the patient gets a shorter answer naming who has them; a crisis of
another kind (an overdose under way) still gets its own answer and alert; after an acknowledgement, crisis
words are a new event again.
"""

from __future__ import annotations

import dataclasses

import pytest

from bot import texts
from bot.config.settings import Settings
from bot.devtools.emulator import SentMessage
from bot.domain.escalation import Alert
from bot.jobs.alerts import alert_card
from tests.conftest import COUNSELOR, Harness, say_hello

ONCALL = 1002
FIRST = "i want to kill myself"
AGAIN = ("im safe for now but i still want to die", "please i just want it to end")
STILL_HERE = "I'm still here. Dana Rivera has your messages."


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, oncall=(ONCALL,))


def _open(bot: Harness) -> list[Alert]:
    return bot.services.worker.call(bot.services.repo.open_alerts)


def _urgent_cards(bot: Harness) -> list[str]:
    return [m.text for m in bot.emu.sent_to(COUNSELOR) if "Urgent" in m.text]


async def _first(bot: Harness, patient: int) -> SentMessage:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, FIRST)
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    return await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")


async def test_the_same_crisis_again_joins_the_open_alert_and_gets_a_short_answer(
    bot: Harness, patient: int
) -> None:
    copy = (await _first(bot, patient)).message_id
    last = 0
    for words in AGAIN:
        bot.emu.send_text(patient, words)
        last = (await bot.emu.wait_for_message(patient, contains=STILL_HERE, after=last)).message_id
    answers = [m.text for m in bot.emu.sent_to(patient)]
    assert sum("Are you safe right now?" in a for a in answers) == 1, answers
    short = answers[-1]
    assert "988" in short and "911" in short and "glad you told me" not in short
    card = await bot.emu.wait_for_message(COUNSELOR, contains="wrote again: 2 messages")
    assert card.reply_to == copy
    assert len(_urgent_cards(bot)) == 1, _urgent_cards(bot)
    (alert,) = _open(bot)
    assert len(alert.again) == 2
    text, _ = await alert_card(bot.services, alert, 1, COUNSELOR)
    assert "They wrote like this again 2 more times" in text
    # Every message reaches the counselor: all of them behind "Show messages".
    bot.emu.press_button(COUNSELOR, card, texts.BTN_SHOW_MESSAGES)
    shown = await bot.emu.wait_for_message(COUNSELOR, contains="2 messages, oldest first")
    assert all(words in shown.text for words in AGAIN)


async def test_a_crisis_of_another_kind_gets_its_own_answer_and_alert(bot: Harness, patient: int) -> None:
    await _first(bot, patient)
    bot.emu.send_text(patient, "i took all my pills")
    answer = await bot.emu.wait_for_message(patient, contains="Call the emergency number below now")
    assert "Are you safe right now?" in answer.text and STILL_HERE not in answer.text
    await bot.emu.wait_for_message(COUNSELOR, contains="wrote about an overdose")
    assert sorted(a.kind for a in _open(bot)) == ["crisis", "overdose"]
    # The overdose again: joined to its own alert, the emergency number first.
    bot.emu.send_text(patient, "i swallowed all the pills")
    short = await bot.emu.wait_for_message(patient, contains=STILL_HERE)
    assert short.text.index("911") < short.text.index("988")
    assert "Call the emergency number below now" in short.text
    assert sorted((a.kind, len(a.again)) for a in _open(bot)) == [("crisis", 0), ("overdose", 1)]


async def test_after_an_acknowledgement_crisis_words_are_a_new_alert(bot: Harness, patient: int) -> None:
    card = await _first(bot, patient)
    bot.emu.press_button(COUNSELOR, card, texts.BTN_ACKNOWLEDGE)
    await bot.emu.wait_for_message(COUNSELOR, contains="Acknowledged by")
    bot.emu.send_text(patient, AGAIN[0])
    await bot.emu.wait_until(lambda: len(_open(bot)) == 1)
    answers = [m.text for m in bot.emu.sent_to(patient)]
    assert sum("Are you safe right now?" in a for a in answers) == 2, answers


async def test_words_that_reach_nobody_raise_an_alert_of_their_own(bot: Harness, patient: int) -> None:
    await _first(bot, patient)
    bot.emu.block_user(COUNSELOR)
    bot.emu.send_text(patient, AGAIN[0])
    await bot.emu.wait_until(lambda: len(_open(bot)) == 2)
    assert not [m for m in bot.emu.sent_to(patient) if STILL_HERE in m.text]


async def test_spanish_again_is_answered_shortly_in_spanish(bot: Harness, patient: int) -> None:
    await say_hello(bot.emu, ONCALL)
    await _first(bot, patient)
    bot.emu.send_text(patient, "ya no quiero vivir")
    short = await bot.emu.wait_for_message(patient, contains="Sigo aquí")
    assert "tiene tus mensajes" in short.text and "¿Estás a salvo" not in short.text
