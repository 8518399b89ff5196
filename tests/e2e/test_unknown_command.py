"""A mistyped command (newcomer20 N187): "/chekin" and "/histroy" got the whole /help list with no word of which
command was meant, and "/sos2", someone reaching for help, got the list instead of the SOS screen."""

from __future__ import annotations

import pytest

from tests.conftest import COUNSELOR, Harness


@pytest.mark.parametrize(("typed", "meant"), [("/chekin", "/checkin"), ("/histroy", "/history")])
async def test_a_slip_of_a_command_names_the_one_meant_above_the_list(
    bot: Harness, patient: int, typed: str, meant: str
) -> None:
    bot.emu.send_text(patient, typed)
    said = await bot.emu.wait_for_message(patient, contains="what I can do")
    assert said.text.startswith(f"Did you mean {meant}?"), said.text


async def test_a_slip_of_sos_opens_sos(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/sos2")
    said = await bot.emu.wait_for_message(patient, contains="988")
    assert "what I can do" not in said.text


async def test_an_unknown_command_far_from_any_gets_the_list_alone(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/weather")
    said = await bot.emu.wait_for_message(patient, contains="what I can do")
    assert "Did you mean" not in said.text


async def test_a_counselors_slip_names_their_command(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/casload")
    said = await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    assert said.text.startswith("Did you mean /caseload?"), said.text
