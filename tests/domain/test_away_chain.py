"""Covers of covers (newcomer22 N216): Dana away with Pat covering, then Pat away with Rae covering: Dana's patients
went to Dana and Pat, both away; Rae, the only present counselor, got nothing."""

from __future__ import annotations

from datetime import date

from bot.domain.away import Away, away_now, cover_for

TODAY = date(2026, 12, 1)
DANA, PAT, RAE = 1, 2, 3


def test_the_cover_of_an_away_cover_stands_in() -> None:
    aways = [Away(DANA, date(2026, 12, 5), PAT), Away(PAT, date(2026, 12, 4), RAE)]
    assert away_now(aways, TODAY)[DANA].cover == RAE
    assert cover_for(aways, DANA, TODAY) == RAE
    assert away_now(aways, date(2026, 12, 4))[DANA].cover == PAT  # Pat back: Pat again


def test_a_cycle_of_covers_has_no_cover() -> None:
    aways = [Away(DANA, date(2026, 12, 5), PAT), Away(PAT, date(2026, 12, 4), DANA)]
    assert away_now(aways, TODAY)[DANA].cover is None and away_now(aways, TODAY)[PAT].cover is None


def test_a_chain_ending_in_someone_away_without_a_cover_has_no_cover() -> None:
    aways = [Away(DANA, date(2026, 12, 5), PAT), Away(PAT, date(2026, 12, 4), None)]
    assert away_now(aways, TODAY)[DANA].cover is None
    assert cover_for(aways, DANA, TODAY) == DANA  # a message then waits for the handler's stand-ins (N212)
