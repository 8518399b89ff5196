"""The counselor's notice when someone who left comes back (newcomer22 N229, N238): after `patient close` it said
they "came back after withdrawing (/stop)", and after a /delete that their earlier check-ins and messages "are on
their page again"."""

from __future__ import annotations

from bot import texts
from bot.admin.operations import operations
from tests.conftest import COUNSELOR, Harness, enrolled_code


async def _come_back(bot: Harness, patient: int) -> str:
    code = enrolled_code(bot.services, "Alex2")
    bot.emu.send_text(patient, f"/start {code}")
    consent = await bot.emu.wait_for_message(patient, contains="Do you agree")
    bot.emu.press_button(patient, consent, texts.BTN_AGREE)
    return (await bot.emu.wait_for_message(COUNSELOR, contains="enrolled again")).text


async def test_after_delete_and_stop_nothing_earlier_is_said_to_be_back(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/delete")
    ask = await bot.emu.wait_for_message(patient, contains="Erase everything?")
    bot.emu.press_button(patient, ask, texts.BTN_DELETE)
    await bot.emu.wait_for_message(COUNSELOR, contains="erased their data")
    bot.emu.send_text(patient, "/stop")
    ask = await bot.emu.wait_for_message(patient, contains="Stop using")
    bot.emu.press_button(patient, ask, texts.BTN_STOP)
    await bot.emu.wait_for_message(COUNSELOR, contains="withdrew consent")
    told = await _come_back(bot, patient)
    assert "on their page again" not in told and "was erased on" in told, told


async def test_after_the_program_closed_it_they_are_not_said_to_have_used_stop(
    bot: Harness, patient: int
) -> None:
    svc = bot.services
    svc.worker.call(
        operations()["patient_close"], svc.repo, svc.settings, svc.now(), {"by": "ana", "alias": "Alex"}
    )
    told = await _come_back(bot, patient)
    assert "/stop" not in told and "the program closed their enrollment" in told, told
