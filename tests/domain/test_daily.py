"""The plan of daily pushes: next local times across DST, due pushes taken once, re-planning."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.daily import DailyPlan, next_local, stale
from bot.domain.models import Patient, PatientStatus

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)


def _patient(pid: str = "p1", at: time = time(19, 0), status: PatientStatus = "active") -> Patient:
    return Patient(
        pid, 2001, "Alex", 1001, NOW, NOW, timezone="America/New_York", checkin_time=at, status=status
    )


def _daily(patient: Patient, after: datetime) -> datetime | None:
    if patient.status != "active" or patient.tz is None or patient.checkin_time is None:
        return None
    return next_local(after, patient.checkin_time, patient.tz)


def test_the_next_local_time_keeps_the_wall_clock_across_the_spring_change() -> None:
    before = next_local(NOW, time(19, 0), NY)
    after = next_local(before, time(19, 0), NY)
    assert before.astimezone(NY).time() == after.astimezone(NY).time() == time(19, 0)
    assert after - before == timedelta(hours=23)  # 8 March 2026: clocks go forward


def test_a_time_skipped_by_the_spring_change_lands_one_gap_later() -> None:
    at = next_local(datetime(2026, 3, 8, 5, 0, tzinfo=UTC), time(2, 30), NY)
    assert at.astimezone(NY).time() == time(3, 30)


def test_weekdays_limit_the_next_time_to_those_days() -> None:
    monday = next_local(NOW, time(9, 0), NY, frozenset({0}))
    assert monday.astimezone(NY).date().weekday() == 0


def test_a_due_push_is_taken_once_and_the_next_day_is_planned() -> None:
    plan = DailyPlan({"prompt": _daily})
    assert plan.rebuild([_patient()], NOW) == 1
    first = plan.next_at("p1", "prompt")
    assert first is not None and plan.due(first - timedelta(seconds=1)) == []
    (push,) = plan.due(first)
    assert plan.due(first) == []
    plan.advance(_patient(), push)
    following = plan.next_at("p1", "prompt")
    assert following is not None and following.astimezone(NY).time() == time(19, 0)
    assert following.astimezone(NY).date() == first.astimezone(NY).date() + timedelta(days=1)


def test_following_a_changed_patient_replaces_the_old_time() -> None:
    plan = DailyPlan({"prompt": _daily})
    plan.rebuild([_patient()], NOW)
    plan.follow(_patient(at=time(9, 0)), NOW)
    first = plan.next_at("p1", "prompt")
    assert first is not None and first.astimezone(NY).time() == time(9, 0)
    assert [p.at for p in plan.due(first + timedelta(days=1))] == [first]  # the 19:00 entry is gone


def test_a_withdrawn_patient_has_nothing_planned() -> None:
    plan = DailyPlan({"prompt": _daily})
    plan.rebuild([_patient()], NOW)
    plan.follow(_patient(status="withdrawn"), NOW)
    assert plan.next_at("p1", "prompt") is None and plan.due(NOW + timedelta(days=3)) == []


def test_an_undelivered_push_is_retried_at_the_given_time() -> None:
    plan = DailyPlan({"prompt": _daily})
    plan.rebuild([_patient()], NOW)
    first = plan.next_at("p1", "prompt")
    assert first is not None
    (push,) = plan.due(first)
    plan.retry(push, first + timedelta(minutes=1))
    assert plan.next_at("p1", "prompt") == first + timedelta(minutes=1)
    assert len(plan.due(first + timedelta(minutes=1))) == 1


def test_a_lazily_started_plan_plans_every_patient_as_an_eager_rebuild_does() -> None:
    people = [_patient(f"p{n}", at=time(9, n % 60)) for n in range(1200)] + [_patient("last")]
    eager, lazy = DailyPlan({"prompt": _daily}), DailyPlan({"prompt": _daily})
    eager.rebuild(people, NOW)
    assert lazy.start(people, NOW) == 1201 and lazy.unsettled == 1201
    lazy.settle(500)
    assert lazy.unsettled == 701
    later = NOW + timedelta(days=1)
    taken = lazy.due(later)
    assert taken == eager.due(later) and lazy.unsettled == 0
    assert len(taken) == 1201 and taken[-1].patient_id == "last"  # 19:00, the latest of them


def test_following_a_patient_before_the_plan_settles_keeps_the_new_time() -> None:
    plan = DailyPlan({"prompt": _daily})
    plan.start([_patient(f"p{n}") for n in range(600)] + [_patient("last")], NOW)
    plan.settle(100)
    plan.follow(_patient("last", at=time(9, 0)), NOW)  # not yet planned from start(): settled first
    first = plan.next_at("last", "prompt")
    assert first is not None and first.astimezone(NY).time() == time(9, 0)
    assert [p.at for p in plan.due(first + timedelta(hours=1)) if p.patient_id == "last"] == [first]


def test_a_retried_push_keeps_the_time_it_was_first_due_and_goes_stale_with_its_day() -> None:
    plan = DailyPlan({"prompt": _daily})
    plan.rebuild([_patient(at=time(23, 50))], NOW)
    first = plan.next_at("p1", "prompt")
    assert first is not None
    (push,) = plan.due(first)
    assert stale(push, first + timedelta(minutes=5), NY, timedelta(hours=1)) is None
    assert stale(push, first + timedelta(hours=3), NY, timedelta(hours=1)) == "found 3 h 0 min late"
    plan.retry(push, first + timedelta(minutes=15))  # past midnight in New York
    (again,) = plan.due(first + timedelta(minutes=15))
    assert again.first_due == first
    assert stale(again, first + timedelta(minutes=15), NY, timedelta(hours=1)) == "its local day had ended"


def test_a_start_planning_from_before_someone_enrolled_plans_nothing_due_before_they_agreed() -> None:
    """newcomer20 N190: a restart 36 minutes after the weekly push time sent it to everyone who enrolled after it
    (the running bot, planning them from their enrollment, would not have until next week)."""
    enrolled = datetime(2026, 3, 9, 22, 10, tzinfo=UTC)  # Monday 6:10 PM New York, after a 6:00 PM push time
    alex = Patient(
        "p1", 2001, "Alex", 1001, enrolled, enrolled, timezone="America/New_York", checkin_time=time(18)
    )
    plan = DailyPlan({"prompt": _daily})
    plan.rebuild([alex], enrolled - timedelta(hours=1))  # the restart's grace reaches back before it
    first = plan.next_at("p1", "prompt")
    assert first is not None and first > enrolled, first
