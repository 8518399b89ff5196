"""Covers of covers (newcomer22 N216, P1): Dana away with Pat covering, then Pat away with Rae covering; Sam's
"i know where im going to do it tonight" went at round 0 to Dana and Pat, both away, and Alex's /message to Pat;
Rae, the only present counselor, got nothing, and the admin nothing at round 0."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from bot.config.settings import Settings
from bot.domain.away import Away
from bot.domain.checkins import local_date
from bot.domain.models import Counselor
from tests.conftest import COUNSELOR, Harness, say_hello
from tests.e2e.test_counselor_away import CRISIS, PAT, RAE, _staff

MORGAN = 1004


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, oncall=(RAE,))


def _away(bot: Harness, who: int, cover: int | None, days: int) -> None:
    svc = bot.services
    until = local_date(svc.now(), svc.settings.tz) + timedelta(days=days)
    svc.worker.call(svc.repo.set_away, Away(who, until, cover))


async def test_a_covers_cover_gets_the_alert_and_the_message(bot: Harness, patient: int) -> None:
    await _staff(bot)
    _away(bot, COUNSELOR, PAT, 5)
    _away(bot, PAT, RAE, 4)
    bot.emu.send_text(patient, CRISIS)
    card = await bot.emu.wait_for_message(RAE, contains="Alex")
    assert "Dana Rivera" in card.text, card.text
    bot.emu.send_text(patient, "/message")
    ask = await bot.emu.wait_for_message(patient, contains="Type your message for")
    assert "Type your message for Rae Lee" in ask.text, ask.text
    bot.emu.send_text(patient, "can someone call me today")
    # While the alert is followed, /message words join it (newcomer22 N224): Rae, who has its card, gets them.
    await bot.emu.wait_for_message(RAE, contains="wrote again", after=card.message_id)


async def test_a_chain_ending_in_nobody_present_reaches_the_admin_at_once(bot: Harness, patient: int) -> None:
    await _staff(bot)  # Rae is on call (the module's settings)...
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=MORGAN, name="Morgan Lee", role="admin"))
    bot.emu.add_user(MORGAN, first_name="Morgan")
    await say_hello(bot.emu, MORGAN)
    _away(bot, COUNSELOR, PAT, 5)
    _away(bot, PAT, None, 4)
    _away(bot, RAE, None, 4)  # ...and away too: nobody present but the admin
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(MORGAN, contains="Alex")
