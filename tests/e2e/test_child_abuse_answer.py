"""A child at home abused now is answered and carded as a child's danger (newcomer9 N45).

"my stepdad touches my little sister at night" pages as abuse (session 15), but the patient got the answer for
someone hurting them (the domestic-violence line) and the counselor, a mandated reporter, read "said someone is
hurting them". Now: the Childhelp line first, the emergency number, the domestic-violence line after, and a card
that names a child.
"""

from __future__ import annotations

from bot import texts
from bot.domain.escalation import Alert
from tests.conftest import COUNSELOR, Harness

WORDS = "my stepdad touches my little sister at night"


def _alerts(bot: Harness) -> list[Alert]:
    return bot.services.worker.call(bot.services.repo.open_alerts)


async def test_a_child_abused_at_home_gets_the_child_abuse_line_and_a_card_naming_a_child(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(COUNSELOR, "/start")
    await bot.emu.settle()
    bot.emu.send_text(patient, WORDS)
    answer = await bot.emu.wait_for_message(patient, contains="safe right now?")
    text = answer.text
    assert "Childhelp" in text and "1-800-422-4453" in text, text
    assert text.index("1-800-422-4453") < text.index("911") < text.index("1-800-799-7233"), text
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "a child" in card.text and "someone is hurting them" not in card.text, card.text
    assert [a.kind for a in _alerts(bot)] == ["child_abuse"]
    # "I'm not safe" after it: what to do now, the child-abuse line and the domestic-violence line still listed.
    bot.emu.press_button(patient, answer, texts.BTN_NOT_SAFE)
    not_safe = await bot.emu.wait_for_message(patient, after=answer.message_id, contains="1-800-799-7233")
    assert "1-800-422-4453" in not_safe.text and "somewhere safer" in not_safe.text, not_safe.text
