"""What `iop-bot session add` and `patient record` say about an individual session (newcomer18 N170, N179):
a session no reminder will reach is said so when it is booked; a wall time the clocks skip is refused, one they
repeat is named; the record counts only sessions still ahead and says "no reminders" only for a closed one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.admin.leaving import open_items
from bot.admin.roster import AdminError
from bot.admin.schedule import add_session
from bot.config.settings import Settings
from bot.domain.escalation import Policy
from bot.domain.models import Counselor, Patient
from bot.store.repository import Repository

NY = ZoneInfo("America/New_York")
NOW = datetime(2027, 3, 19, 7, 32, tzinfo=NY)  # Friday 7:32 AM in the program's zone


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    repo = Repository(tmp_path)
    repo.add_counselor(Counselor(1001, "Sam Ortiz"))
    denver = Patient("p1", 2001, "Abe", 1001, NOW, NOW, timezone="America/Denver", checkin_time=time(19))
    repo.save_patient(denver)  # quiet hours: the program's default, 22:00-08:00 their time
    repo.save_patient(Patient("p2", 2002, "Lucia", 1001, NOW, NOW, timezone="America/New_York"))
    yield repo
    repo.close()


def _add(repo: Repository, when: datetime, alias: str = "Abe") -> dict[str, object]:
    args = {"patient": alias, "date": when.date().isoformat(), "time": f"{when:%H:%M}"}
    got = add_session(repo, Settings(), NOW, args)
    assert isinstance(got, dict)
    return got


def test_a_session_inside_the_patients_quiet_hours_until_it_starts_is_said_to_get_no_reminder(
    repo: Repository,
) -> None:
    # 8:30 AM New York is 6:30 AM in Denver: from now (5:32 AM there) until then all inside 22:00-08:00.
    notes = _add(repo, datetime(2027, 3, 19, 8, 30, tzinfo=NY))["notes"]
    assert notes and "Abe will get NO reminder" in str(notes) and "6:30 AM" in str(notes), notes


@pytest.mark.parametrize(
    "at", [datetime(2027, 3, 19, 14, 0, tzinfo=NY), datetime(2027, 3, 20, 8, 30, tzinfo=NY)]
)
def test_a_session_a_reminder_can_reach_says_nothing_more(repo: Repository, at: datetime) -> None:
    # The next day's 6:30 AM is reminded the day before, outside quiet hours.
    assert _add(repo, at)["notes"] == []


def test_a_wall_time_the_clocks_skip_is_refused_and_one_they_repeat_is_named(repo: Repository) -> None:
    with pytest.raises(AdminError, match="does not exist"):
        add_session(repo, Settings(), NOW, {"patient": "Lucia", "date": "2028-03-12", "time": "02:30"})
    args = {"patient": "Lucia", "date": "2027-11-07", "time": "01:30"}
    got = add_session(repo, Settings(), NOW, args)
    assert "happens twice" in str(got["notes"]), got


def test_the_record_counts_sessions_ahead_and_says_no_reminders_only_when_leaving(repo: Repository) -> None:
    _add(repo, datetime(2027, 3, 19, 14, 0, tzinfo=NY), alias="Lucia")
    _add(repo, datetime(2027, 3, 26, 14, 0, tzinfo=NY), alias="Lucia")
    later = datetime(2027, 3, 20, 9, tzinfo=NY)  # the first one is past by now
    lucia = repo.patient("p2")
    assert lucia is not None
    policy = Policy()
    staying = open_items(repo, lucia, later, policy, erasing=False, leaving=False)
    assert "1 individual session(s) still ahead for them: they are reminded as usual" in staying
    leaving = open_items(repo, lucia, later, policy, erasing=False, leaving=True)
    assert any(
        i.startswith("1 individual session(s) still ahead") and "no reminders go out" in i for i in leaving
    )
