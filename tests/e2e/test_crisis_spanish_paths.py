"""Every way a Spanish crisis reaches the bot gets the Spanish crisis answer (988, marca 2; AYUDA al 741741).

Enrolled patients by text, an edit, a photo caption and inside a check-in also page the counselor, as in
English; a withdrawn patient's counselor is told too; a stranger gets the lines and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from bot import texts
from bot.devtools.emulator import SentMessage
from bot.domain.escalation import Alert
from tests.conftest import COUNSELOR, Harness, say_hello

SPANISH_CRISIS = "ya no aguanto, esta noche me voy a matar"


def _alerts(bot: Harness) -> list[Alert]:
    return bot.services.worker.call(bot.services.repo.open_alerts)


def _is_spanish_crisis_answer(message: SentMessage) -> bool:
    return all(
        part in message.text
        for part in ("988", "marca 2", "AYUDA al 741741", "¿Estás a salvo en este momento?")
    )


async def _by_text(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, SPANISH_CRISIS)


async def _by_edit(bot: Harness, patient: int) -> None:
    first = bot.emu.send_text(patient, "hola, hoy fue un día largo")
    await bot.emu.settle(patient)
    bot.emu.edit_text(patient, first, SPANISH_CRISIS)


async def _by_caption(bot: Harness, patient: int) -> None:
    bot.emu.send_photo(patient, caption=SPANISH_CRISIS)


async def _inside_a_check_in(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, SPANISH_CRISIS)


PATHS: dict[str, Callable[[Harness, int], Awaitable[None]]] = {
    "text": _by_text,
    "edit": _by_edit,
    "caption": _by_caption,
    "check-in": _inside_a_check_in,
}


@pytest.mark.parametrize("path", PATHS)
async def test_an_enrolled_patient_gets_the_spanish_answer_and_the_counselor_the_same_alert(
    bot: Harness, patient: int, path: str
) -> None:
    await say_hello(bot.emu, COUNSELOR)  # Telegram's contact rule: the counselor wrote first
    await PATHS[path](bot, patient)
    answer = await bot.emu.wait_for_message(patient, predicate=_is_spanish_crisis_answer)
    assert answer.button_texts() == list(texts.SAFETY_BUTTONS["es"])
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "Alex" in alert.text and SPANISH_CRISIS not in alert.text
    await bot.emu.wait_until(lambda: [a.kind for a in _alerts(bot)] == ["crisis"])


async def test_a_stranger_gets_the_spanish_lines_and_nothing_is_stored(bot: Harness) -> None:
    bot.emu.send_text(4242, SPANISH_CRISIS)
    answer = await bot.emu.wait_for_message(4242, contains="AYUDA al 741741")
    assert (
        "marca 2" in answer.text and "?" not in answer.text and not answer.buttons
    )  # nobody hears an answer
    await bot.emu.settle()
    assert _alerts(bot) == []


async def test_a_withdrawn_patient_gets_the_spanish_answer_and_their_counselor_is_told(
    bot: Harness, patient: int
) -> None:
    await say_hello(bot.emu, COUNSELOR)
    repo = bot.services.repo

    def withdraw() -> None:
        p = repo.patient_by_telegram(patient)
        assert p is not None
        repo.save_patient(p.with_changes(status="withdrawn"))

    bot.services.worker.call(withdraw)
    bot.emu.send_text(patient, SPANISH_CRISIS)
    answer = await bot.emu.wait_for_message(patient, predicate=_is_spanish_crisis_answer)
    assert answer.button_texts() == list(texts.SAFETY_BUTTONS["es"])
    await bot.emu.wait_until(lambda: [a.kind for a in _alerts(bot)] == ["withdrawn_crisis"])
