"""The daily digest's order and buttons (newcomer7 N32): flagged patients listed "L1, L13, L14, … L2", and
with nine flagged only eight names got a button, the ninth with no word why."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.checkins import local_date
from bot.domain.digest import DailyDigest
from bot.jobs.digest import MAX_BUTTONS, daily_screen
from tests.conftest import COUNSELOR, Harness, store_patient


def _flag(bot: Harness, aliases: list[str]) -> None:
    svc = bot.services
    for i, alias in enumerate(aliases):
        pid = store_patient(bot, 3000 + i, alias)
        svc.worker.call(svc.repo.raise_flag, pid, "high_craving", f"k{i}", svc.now(), {})


def _screen(bot: Harness) -> tuple[str, Sequence[Sequence[tuple[str, str]]]]:
    svc = bot.services
    counselor = svc.worker.call(svc.repo.counselor, COUNSELOR)
    assert counselor is not None
    day = DailyDigest(COUNSELOR, local_date(svc.now(), svc.settings.tz))
    return svc.worker.call(daily_screen, svc.repo, svc.settings, counselor, day, svc.now(), svc.flag_rules)


async def test_every_flagged_name_has_a_button_in_the_order_people_count(bot: Harness) -> None:
    _flag(bot, [f"L{n}" for n in (13, 2, 1, 19, 20, 3, 14, 9, 10)])
    text, rows = _screen(bot)
    names = [label for row in rows for label, _ in row]
    assert names == [f"L{n}" for n in (1, 2, 3, 9, 10, 13, 14, 19, 20)]
    assert text.index("L2:") < text.index("L13:")
    assert "open them from /caseload" not in text


async def test_names_past_the_buttons_are_said(bot: Harness) -> None:
    _flag(bot, [f"P{n}" for n in range(MAX_BUTTONS + 2)])
    text, rows = _screen(bot)
    assert sum(len(row) for row in rows) == MAX_BUTTONS
    assert (
        f"Buttons for the first {MAX_BUTTONS}, most urgent first; 2 others: open them from /caseload." in text
    )
