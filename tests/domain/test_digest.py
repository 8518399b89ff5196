"""Counselor digests as plain data: when each is due, what it says, and in what order."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import texts
from bot.config.settings import Settings, SettingsError, _from_toml
from bot.domain.checkins import Entry
from bot.domain.digest import (
    DailyPref,
    GroupDigest,
    attendee,
    by_attention,
    daily_due,
    daily_row,
    due_daily_digests,
    due_group_digests,
    rsvp_for,
)
from bot.domain.enrollment import parse_clock
from bot.domain.models import Counselor, Patient
from bot.domain.sessions import Series
from bot.domain.triage import default_flag_rules
from bot.jobs.digest import due_digests, group_screen
from bot.store.repository import Repository

NY = ZoneInfo("America/New_York")
RULES = default_flag_rules()
MONDAY_6PM = datetime(2026, 11, 23, 18, tzinfo=NY)  # a Monday, EST
TODAY = date(2026, 11, 23)


def group(cancelled: tuple[str, ...] = ()) -> Series:
    return Series(
        "s1", "group", time(18), 180, "America/New_York", cohort="Evening", weekdays=(0,), cancelled=cancelled
    )


def entry(day: date, mood: int = 6, craving: int = 2) -> Entry:
    return Entry(
        f"e{day}", datetime.combine(day, time(12), tzinfo=NY), day, {"mood": mood, "craving": craving}
    )


@pytest.mark.parametrize(
    ("minutes_before", "due"),
    [(61, False), (60, True), (30, True), (1, True), (0, False), (-5, False)],
)
def test_the_pre_group_digest_is_due_from_the_lead_time_until_the_session_starts(
    minutes_before: int, due: bool
) -> None:
    now = MONDAY_6PM - timedelta(minutes=minutes_before)
    found = due_group_digests([group()], {"Evening": [1001]}, 60, now)
    assert bool(found) is due
    if due:
        assert found[0].key == "pre:1001:s1:2026-11-23"


def test_every_counselor_of_the_cohort_gets_one_and_other_cohorts_none() -> None:
    now = MONDAY_6PM - timedelta(minutes=10)
    counselors = {"Evening": [1002, 1001, 1001], "Morning": [1003]}
    assert [d.counselor_id for d in due_group_digests([group()], counselors, 60, now)] == [1001, 1002]


def test_a_cancelled_session_or_a_zero_lead_sends_no_digest() -> None:
    now = MONDAY_6PM - timedelta(minutes=10)
    assert due_group_digests([group(cancelled=("2026-11-23",))], {"Evening": [1001]}, 60, now) == []
    assert due_group_digests([group()], {"Evening": [1001]}, 0, now) == []


def test_the_daily_digest_is_due_from_its_time_until_the_end_of_the_local_day() -> None:
    pref = DailyPref(1001, time(7, 30), datetime(2026, 11, 1, tzinfo=UTC))
    assert daily_due(pref, NY, datetime(2026, 11, 23, 7, 29, tzinfo=NY)) is None
    due = daily_due(pref, NY, datetime(2026, 11, 23, 7, 30, tzinfo=NY))
    assert due is not None and due.key == "daily:1001:2026-11-23"
    late = daily_due(pref, NY, datetime(2026, 11, 23, 23, 59, tzinfo=NY))  # after a long restart
    assert late is not None and late.key == due.key


def test_a_daily_time_set_after_it_passed_starts_tomorrow() -> None:
    pref = DailyPref(1001, time(7, 30), datetime(2026, 11, 23, 9, tzinfo=NY))
    assert due_daily_digests([pref], NY, datetime(2026, 11, 23, 10, tzinfo=NY)) == []
    (tomorrow,) = due_daily_digests([pref], NY, datetime(2026, 11, 24, 7, 31, tzinfo=NY))
    assert tomorrow.local_day == date(2026, 11, 24)


@pytest.mark.parametrize(
    ("text", "at"),
    [("07:30", time(7, 30)), ("7:30", time(7, 30)), ("19.05", time(19, 5)), ("7:30am", time(7, 30))],
)
def test_a_daily_time_reads_like_a_patients_check_in_time(text: str, at: time) -> None:
    assert parse_clock(text) == at


@pytest.mark.parametrize("text", ["24:00", "7:3", "seven", "13pm", ""])
def test_anything_else_is_not_a_time(text: str) -> None:
    assert parse_clock(text) is None


def test_an_attendee_line_holds_todays_check_in_flags_and_answer_without_repeating_it() -> None:
    rsvp = rsvp_for(
        [
            {"occurrence": "s1:2026-11-16", "answer": "y"},
            {"occurrence": "s1:2026-11-23", "answer": "n", "reason": "car"},
        ],
        "s1:2026-11-23",
    )
    a = attendee(
        "p1", "Casey", [entry(TODAY - timedelta(days=1))], TODAY, ["low_mood", "cant_come"], rsvp, RULES
    )
    assert a.checkin is None and a.flags == ("low mood",) and (a.rsvp, a.reason) == ("n", "car")
    b = attendee("p2", "Alex", [entry(TODAY)], TODAY, [], None, RULES)
    assert b.checkin is not None and b.flags == () and b.rsvp is None and not b.needs_attention


def test_attendees_are_ordered_by_who_needs_attention() -> None:
    fine = attendee("p1", "Alex", [entry(TODAY)], TODAY, [], {"answer": "y"}, RULES)
    late = attendee("p2", "Blair", [entry(TODAY)], TODAY, [], {"answer": "l"}, RULES)
    using = attendee("p3", "Casey", [], TODAY, ["use_reported", "low_mood"], None, RULES)
    absent = attendee("p4", "Drew", [entry(TODAY)], TODAY, [], {"answer": "n"}, RULES)
    assert [a.alias for a in by_attention([fine, late, using, absent])] == ["Casey", "Drew", "Blair", "Alex"]
    assert using.flags == ("use reported", "low mood")  # the heaviest reason first


def test_the_group_digest_says_who_checked_in_who_is_flagged_and_why_and_who_is_absent() -> None:
    people = by_attention(
        [
            attendee("p1", "Alex", [entry(TODAY, 7, 1)], TODAY, [], {"answer": "y"}, RULES),
            attendee("p2", "<b>Blair</b>", [], TODAY, ["high_craving"], None, RULES),
            attendee("p3", "Casey", [], TODAY, [], {"answer": "n", "reason": "sick <kid>"}, RULES),
        ]
    )
    text = texts.group_digest("Evening & Co", MONDAY_6PM, TODAY, people)
    assert text.startswith("<b>Before group</b> today at 6:00 PM: Evening &amp; Co")
    assert "3 patients of yours · 1 checked in today · 1 flagged · 1 can't come · 0 running late" in text
    assert "• &lt;b&gt;Blair&lt;/b&gt;: high craving" in text and "<b>Blair</b>" not in text
    assert "• Casey, reason: “sick &lt;kid&gt;”" in text
    assert "• Alex: mood 7, craving 1" in text
    assert text.index("Flagged") < text.index("Can't come") < text.index("Checked in today")


def test_the_daily_digest_lists_open_flags_and_missed_days_most_urgent_first() -> None:
    enrolled = TODAY - timedelta(days=10)
    quiet = daily_row("p1", "Alex", [entry(TODAY)], [], TODAY, enrolled, RULES)
    silent = daily_row(
        "p2", "Blair", [entry(TODAY - timedelta(days=4))], ["missed_days"], TODAY, enrolled, RULES
    )
    crisis = daily_row("p3", "Casey", [entry(TODAY)], ["crisis"], TODAY, enrolled, RULES)
    assert (silent.missed, quiet.missed, quiet.checked_today) == (3, 0, True)
    rows = by_attention([quiet, silent, crisis])
    text = texts.daily_digest(TODAY, rows)
    assert text.startswith("<b>Daily digest</b>: Mon 23 Nov")
    assert "3 active patients · 2 checked in today · 2 flagged · 1 with missed check-ins" in text
    assert text.index("Casey: crisis language") < text.index("Blair: missed check-ins")
    assert "Blair: 3 days in a row" in text and "Alex" not in text


def test_a_quiet_caseload_says_so() -> None:
    row = daily_row("p1", "Alex", [entry(TODAY)], [], TODAY, TODAY - timedelta(days=3), RULES)
    assert "All quiet" in texts.daily_digest(TODAY, [row])


def test_a_huge_cohort_is_cut_to_one_message_on_whole_lines() -> None:
    people = [attendee(f"p{i}", f"Patient{i:03}", [], TODAY, ["low_mood"], None, RULES) for i in range(300)]
    text = texts.group_digest("Evening", MONDAY_6PM, TODAY, people)
    assert len(text) <= 4096 and "more lines: see /caseload" in text


def test_the_pre_group_lead_is_validated_and_zero_turns_it_off() -> None:
    assert _from_toml({"digest": {"pre_group_minutes": 0}}) == {"digest_pre_group_minutes": 0}
    for bad in (-1, 1441, "60", True):
        with pytest.raises(SettingsError, match=r"digest\.pre_group_minutes"):
            _from_toml({"digest": {"pre_group_minutes": bad}})


def _program(tmp_path: Path) -> Repository:
    """Dana (1001) has Alex and Blair in Evening; Sam (1002) has Casey in Evening and Drew in Morning."""
    repo = Repository(tmp_path)
    repo.add_counselor(Counselor(1001, "Dana"))
    repo.add_counselor(Counselor(1002, "Sam"))
    repo.add_counselor(Counselor(1003, "Admin", role="admin"))
    start = datetime(2026, 11, 1, tzinfo=UTC)
    for n, (alias, counselor, cohort) in enumerate(
        [
            ("Alex", 1001, "Evening"),
            ("Blair", 1001, "Evening"),
            ("Casey", 1002, "Evening"),
            ("Drew", 1002, "Morning"),
        ]
    ):
        repo.save_patient(
            Patient(
                f"p{n}", 2000 + n, alias, counselor, start, start, cohort=cohort, timezone="America/New_York"
            )
        )
    repo.add_series(group())
    return repo


def test_each_counselor_of_the_cohort_gets_a_digest_of_their_own_patients_only(tmp_path: Path) -> None:
    repo, settings = _program(tmp_path), Settings()
    now = MONDAY_6PM - timedelta(minutes=30)
    due = due_digests(repo, settings, now)
    assert [d.counselor_id for d in due] == [1001, 1002]  # the admin has no patient in it
    dana = repo.counselor(1001)
    assert dana is not None and isinstance(due[0], GroupDigest)
    text, _ = group_screen(repo, settings, dana, due[0], now, RULES)
    assert "Alex" in text and "Blair" in text and "Casey" not in text and "Drew" not in text
    repo.close()


def test_a_stopped_patient_or_an_unregistered_counselor_gets_no_digest(tmp_path: Path) -> None:
    repo, settings = _program(tmp_path), Settings()
    casey = repo.patient("p2")
    assert casey is not None
    repo.save_patient(casey.with_changes(status="inactive"))
    repo.set_digest_time(4242, time(7), datetime(2026, 11, 1, tzinfo=UTC))  # no longer a counselor
    assert [d.counselor_id for d in due_digests(repo, settings, MONDAY_6PM - timedelta(minutes=5))] == [1001]
    repo.close()
