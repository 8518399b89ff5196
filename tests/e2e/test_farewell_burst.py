"""A goodbye told over four short messages with no alert open (newcomer18 N178): "ya no puedo" / "estoy harta de
todo" / "perdónenme" / "los quiero mucho" got the safety question once, then "I've passed that to Dana Rivera",
and nobody was paged; the four as one message read as a crisis."""

from __future__ import annotations

import pytest

from bot import texts
from tests.conftest import COUNSELOR, Harness

SPANISH = ("ya no puedo", "estoy harta de todo", "perdónenme", "los quiero mucho")
ENGLISH = ("i cant anymore", "im so tired of everything", "im sorry", "i love you all")


async def _write(bot: Harness, patient: int, pieces: tuple[str, ...]) -> None:
    for piece in pieces:  # one after the other, each answered before the next
        bot.emu.send_text(patient, piece)
        await bot.emu.settle()


@pytest.mark.parametrize("pieces", [SPANISH, ENGLISH])
async def test_a_goodbye_in_four_messages_pages_once_with_all_of_them(
    bot: Harness, patient: int, pieces: tuple[str, ...]
) -> None:
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    await _write(bot, patient, pieces[:3])
    assert not bot.services.worker.call(bot.services.repo.open_alerts)  # asked, not paged, so far
    last = bot.emu.sent_to(patient)[-1].message_id
    bot.emu.send_text(patient, pieces[3])
    answer = await bot.emu.wait_for_message(patient, after=last, predicate=lambda m: "988" in m.text)
    assert texts.BTN_SAFE in answer.button_texts() or "Estoy a salvo" in " ".join(answer.button_texts())
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "ending their life" in card.text, card.text
    await bot.emu.settle()
    alerts = bot.services.worker.call(bot.services.repo.open_alerts)
    assert len(alerts) == 1
    words = alerts[0].text
    assert words.startswith(f"{pieces[3]}\n\n"), words
    assert all(piece in words for piece in pieces), words  # the card's Show message quotes every message
    # One more goodbye joins the open alert: never a second page.
    bot.emu.send_text(patient, "adiós" if pieces is SPANISH else "bye")
    await bot.emu.settle()
    assert len(bot.services.worker.call(bot.services.repo.open_alerts)) == 1


async def test_an_everyday_sign_off_after_a_good_day_pages_nobody(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    await _write(bot, patient, ("great group today", "sorry", "love you all, see you at group"))
    assert not bot.services.worker.call(bot.services.repo.open_alerts)
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "Urgent" in m.text]


async def test_an_apology_for_venting_after_a_hard_day_is_asked_about_not_paged(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    await _write(bot, patient, ("im so tired of everything", "sorry for venting", "love you guys"))
    assert not bot.services.worker.call(bot.services.repo.open_alerts)
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "Urgent" in m.text]


async def test_a_last_word_and_a_goodbye_under_the_question_page_once(bot: Harness, patient: int) -> None:
    """newcomer21 N186 (P1): "thanks for everything. really." / "this is the last time you'll hear from me" / "bye",
    a second apart: the first was asked about, the other two reached the counselor as plain "wrote" notes, with
    no alert and no escalation."""
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    pieces = ("thanks for everything. really.", "this is the last time you'll hear from me", "bye")
    await _write(bot, patient, pieces)
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "ending their life" in card.text, card.text
    await bot.emu.settle()
    alerts = bot.services.worker.call(bot.services.repo.open_alerts)
    # One page, at the second message since the rules read its finality (en19's N186 family); "bye" joins it.
    assert len(alerts) == 1 and pieces[1] in alerts[0].text, alerts
    assert [m for m in bot.emu.sent_to(patient) if "Are you safe right now?" in m.text and m.buttons]
