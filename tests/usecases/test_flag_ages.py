"""Flags carry their day and age where the counselor triages, risk before logistics (newcomer20 N206): a 3-day-old
unreviewed "worrying words" read the same as today's "running late", and RSVP flags crowded the risk ones."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from bot import texts
from bot.config.settings import Settings
from bot.domain.digest import DailyDigest
from bot.domain.flag_rules import load_flag_rules
from bot.domain.models import Counselor, Patient
from bot.jobs.digest import daily_screen
from bot.store.repository import Repository
from bot.usecases.workspace import caseload

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
RULES = load_flag_rules()
DANA = Counselor(1001, "Dana")


def _program(tmp_path: Path) -> Repository:
    repo = Repository(tmp_path)
    repo.add_counselor(DANA)
    start = NOW - timedelta(days=30)
    repo.save_patient(Patient("p1", 2001, "Jordan", 1001, start, start, checkin_time=time(20)))
    repo.raise_flag("p1", "missed_meds", "m1", NOW - timedelta(days=5), {})
    repo.raise_flag("p1", "safety_check", "s1", NOW - timedelta(days=3), {"text": "bye"})
    return repo


def test_the_caseload_row_has_each_flags_day_risk_first(tmp_path: Path) -> None:
    repo = _program(tmp_path)
    (row,) = caseload(repo, DANA, NOW, RULES)
    assert row.flags == ("safety_check", "missed_meds"), row.flags
    assert dict(row.flag_days)["safety_check"] == date(2026, 11, 20), row.flag_days
    repo.close()


def test_a_flag_reads_its_day_and_age() -> None:
    today = date(2026, 11, 23)
    assert (
        texts.flag_dated("worrying words", date(2026, 11, 20), today)
        == "worrying words (Fri 20 Nov, 3 days ago)"
    )
    assert texts.flag_dated("running late", today, today) == "running late (today)"
    assert texts.flag_dated("low mood", None, today) == "low mood"


def test_the_daily_digest_dates_each_flag(tmp_path: Path) -> None:
    repo = _program(tmp_path)
    text, _ = daily_screen(repo, Settings(), DANA, DailyDigest(1001, date(2026, 11, 23)), NOW, RULES)
    shown = (
        "worrying words: asked if safe (Fri 20 Nov, 3 days ago), missed medication (Wed 18 Nov, 5 days ago)"
    )
    assert f"Jordan (setting up): {shown}" in text, text
    repo.close()
