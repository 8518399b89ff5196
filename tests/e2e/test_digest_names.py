"""The daily digest's order and buttons (newcomer7 N32): flagged patients listed "L1, L13, L14, … L2", and
with nine flagged only eight names got a button, the ninth with no word why."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import cast

from bot.domain.checkins import local_date
from bot.domain.digest import DailyDigest
from bot.domain.escalation import Alert, AlertKind
from bot.jobs.digest import MAX_BUTTONS, daily_screen
from bot.texts.digest import DIGEST_SECTION_CAP
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


def _alert(bot: Harness, aliases: list[str], kinds: Sequence[str] = ("crisis",), first: int = 4000) -> None:
    svc = bot.services
    for i, alias in enumerate(aliases):
        pid = store_patient(bot, first + i, alias)
        for j, kind in enumerate(kinds):
            at = svc.now() - timedelta(minutes=i + j)
            alert = Alert(f"a{first + i}-{j}", cast(AlertKind, kind), pid, COUNSELOR, at)
            svc.worker.call(svc.repo.add_alert, alert)


async def test_urgent_alerts_name_each_patient_and_what_they_said(bot: Harness) -> None:
    # newcomer12 N85: "Urgent alerts not acknowledged (10)" read as a count; the section names each patient
    # with the alert's kind, as the caseload's rows do.
    _alert(bot, [f"U{n}" for n in range(10)])
    _alert(bot, ["Vic"], kinds=("overdose", "not_safe"), first=5000)
    text, _ = _screen(bot)
    urgent = text.split("Urgent alerts not acknowledged")[1].split("Open flags")[0]
    # U0's alert is the newest (now): its day in the program's zone ("Mon 30 Nov" was written in, and failed
    # from the next day on)
    at = bot.services.now().astimezone(bot.services.settings.tz)
    assert f"U0: crisis language, since {at:%a} {at.day} {at:%b}" in urgent, urgent
    assert all(f"U{n}: crisis language" in urgent for n in range(10))
    assert "Vic: 2 alerts (said not safe, overdose), the oldest since" in urgent


async def test_many_urgent_alerts_are_capped_with_a_count_of_the_rest(bot: Harness) -> None:
    _alert(bot, [f"W{n}" for n in range(DIGEST_SECTION_CAP + 3)])
    text, _ = _screen(bot)
    urgent = text.split("Urgent alerts not acknowledged")[1].split("Open flags")[0]
    assert urgent.count("• W") == DIGEST_SECTION_CAP
    assert "… and 3 more: see /caseload." in urgent
    flags = text.split("Open flags")[1]
    assert flags.count("• W") == DIGEST_SECTION_CAP
    assert "… and 3 more: see /caseload." in flags
