"""Weekly measures: when the push is due (across DST), the draft one item at a time, trends, storage."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.config.settings import Settings, SettingsError, load_settings
from bot.domain.instruments import Result, default_instruments, score
from bot.domain.measures import (
    Draft,
    StaleAnswer,
    answer,
    current,
    is_expired,
    measures_rule,
    minutes_needed,
    start,
    week_key,
)
from bot.domain.models import Patient, PatientStatus
from bot.reports.measures import counselor_lines, trend_lines
from bot.store.repository import Repository

NY = ZoneInfo("America/New_York")
LA = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # a Monday
SETTINGS = Settings()  # Mondays at 17:00, PHQ-9 then GAD-7
INSTRUMENTS = default_instruments()


def _patient(status: PatientStatus = "active", timezone: str | None = "America/New_York") -> Patient:
    return Patient("p1", 2001, "Alex", 1001, NOW, NOW, timezone=timezone, status=status)


# When the push is due -------------------------------------------------------------------------


def test_the_push_comes_on_the_programs_weekday_and_time_in_the_patients_own_zone() -> None:
    rule = measures_rule(SETTINGS)
    first = rule(_patient(), NOW)
    assert first == datetime(2026, 3, 2, 22, 0, tzinfo=UTC)  # 17:00 EST
    west = rule(_patient(timezone="America/Los_Angeles"), NOW)
    assert west is not None and west.astimezone(LA).time() == time(17, 0)
    assert west.astimezone(LA).weekday() == 0


def test_the_weekly_time_keeps_the_wall_clock_across_both_dst_changes() -> None:
    rule = measures_rule(SETTINGS)
    before = rule(_patient(), NOW)
    assert before is not None
    spring = rule(_patient(), before + timedelta(seconds=1))
    assert spring is not None and spring - before == timedelta(days=7, hours=-1)  # 8 March 2026
    assert spring.astimezone(NY).time() == time(17, 0) and spring.astimezone(NY).weekday() == 0
    october = rule(_patient(), datetime(2026, 10, 26, 12, tzinfo=UTC))
    assert october is not None
    autumn = rule(_patient(), october)
    assert autumn is not None and autumn - october == timedelta(days=7, hours=1)  # 1 November 2026
    assert autumn.astimezone(NY).time() == time(17, 0)


def test_the_weekday_and_time_come_from_settings() -> None:
    rule = measures_rule(dataclasses.replace(SETTINGS, measures_weekday=3, measures_time=time(9, 30)))
    at = rule(_patient(), NOW)
    assert at is not None and at.astimezone(NY).weekday() == 3 and at.astimezone(NY).time() == time(9, 30)


def test_there_is_no_push_when_disabled_not_active_or_without_a_time_zone() -> None:
    assert measures_rule(dataclasses.replace(SETTINGS, measures_enabled=False))(_patient(), NOW) is None
    for status in ("aftercare", "inactive", "withdrawn"):
        assert measures_rule(SETTINGS)(_patient(status=status), NOW) is None
    assert measures_rule(SETTINGS)(_patient(timezone=None), NOW) is None


def test_the_push_is_claimed_once_per_iso_week_and_says_about_three_minutes() -> None:
    assert week_key(date(2026, 3, 2)) == week_key(date(2026, 3, 8)) == "2026-W10"
    assert week_key(date(2026, 3, 9)) == "2026-W11"
    assert week_key(date(2027, 1, 1)) == "2026-W53"
    assert minutes_needed(INSTRUMENTS, ("phq9", "gad7")) == 3


def test_the_measures_table_is_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(
        '[measures]\nenabled = false\nweekday = "Friday"\ntime = "18:30"\ninstruments = ["gad7"]\n'
    )
    loaded = load_settings({"IOP_CONFIG": str(path)})
    assert (loaded.measures_enabled, loaded.measures_weekday, loaded.measures_time) == (
        False,
        4,
        time(18, 30),
    )
    assert loaded.measures_instruments == ("gad7",)
    for bad in ('weekday = "someday"', 'time = "25:00"', 'instruments = ["bdi"]', "instruments = []"):
        path.write_text(f"[measures]\n{bad}\n")
        with pytest.raises(SettingsError, match="measures"):
            load_settings({"IOP_CONFIG": str(path)})


# The draft ----------------------------------------------------------------------------------


def _answer_all(draft: Draft, values: list[int]) -> tuple[Draft | None, list[Result], list[bool]]:
    results, safety = [], []
    current_draft: Draft | None = draft
    for value in values:
        assert current_draft is not None
        step = answer(
            current_draft, INSTRUMENTS, current_draft.index, len(current_draft.answers) + 1, value, NOW
        )
        current_draft = step.draft
        safety.append(step.safety)
        if step.result:
            results.append(step.result)
    return current_draft, results, safety


def test_a_sitting_asks_every_item_in_order_and_scores_each_questionnaire_in_its_band() -> None:
    draft = start("r1", ("phq9", "gad7"), NOW)
    assert current(draft, INSTRUMENTS).item.text == INSTRUMENTS["phq9"].items[0].text
    after_phq, (phq,), _ = _answer_all(draft, [1, 1, 2, 1, 1, 2, 1, 1, 0])
    assert (phq.total, phq.band) == (10, "moderate")
    assert after_phq is not None and current(after_phq, INSTRUMENTS).instrument.id == "gad7"
    end, (gad,), _ = _answer_all(after_phq, [3, 3, 3, 3, 3, 0, 0])
    assert end is None and (gad.total, gad.band) == (15, "severe")


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_totals_fall_in_the_standard_bands(total: int, band: str) -> None:
    values = [min(3, max(0, total - 3 * n)) for n in range(9)]
    _, (result,), _ = _answer_all(start("r", ("phq9",), NOW), values)
    assert (result.total, result.band) == (total, band)


def test_only_item_9_above_zero_calls_for_the_crisis_response_and_at_that_answer() -> None:
    _, _, calm = _answer_all(start("r", ("phq9",), NOW), [3] * 8 + [0])
    assert not any(calm)
    _, (result,), flagged = _answer_all(start("r", ("phq9",), NOW), [0] * 8 + [1])
    assert flagged == [False] * 8 + [True] and result.safety_item_positive
    _, _, gad = _answer_all(start("r", ("gad7",), NOW), [3] * 7)
    assert not any(gad)


def test_a_double_or_old_tap_and_a_value_that_is_not_an_option_are_refused() -> None:
    draft = start("r", ("phq9", "gad7"), NOW)
    moved = answer(draft, INSTRUMENTS, 0, 1, 2, NOW).draft
    assert moved is not None
    with pytest.raises(StaleAnswer):
        answer(moved, INSTRUMENTS, 0, 1, 2, NOW)
    with pytest.raises(StaleAnswer):
        answer(moved, INSTRUMENTS, 1, 2, 2, NOW)
    with pytest.raises(ValueError):
        answer(moved, INSTRUMENTS, 0, 2, 7, NOW)


def test_a_draft_survives_the_store_round_trip_and_expires() -> None:
    draft = answer(start("r", ("phq9", "gad7"), NOW), INSTRUMENTS, 0, 1, 2, NOW).draft
    assert draft is not None and Draft.from_dict(draft.to_dict()) == draft
    assert not is_expired(draft, NOW + timedelta(days=1), timedelta(days=2))
    assert is_expired(draft, NOW + timedelta(days=3), timedelta(days=2))


# Trends -------------------------------------------------------------------------------------


def _result(ident: str, total: int, day: int, safety: bool = False) -> Result:
    instrument = INSTRUMENTS[ident]
    values = [min(3, max(0, total - 3 * n)) for n in range(len(instrument.items))]
    if safety:  # the same total, with one point moved to the safety item
        values[-1], values[0] = values[-1] + 1, values[0] - 1
    return score(instrument, values, datetime(2026, 3, day, 22, tzinfo=UTC))


def test_trend_lines_show_each_questionnaire_oldest_to_newest_with_the_current_band() -> None:
    results = [_result("phq9", 14, 2), _result("gad7", 6, 2), _result("phq9", 11, 9), _result("phq9", 8, 16)]
    assert trend_lines(results) == ["PHQ-9: 14 → 11 → 8 (now mild)", "GAD-7: 6 (now mild)"]
    assert trend_lines([]) == []


def test_counselor_lines_show_the_latest_score_and_the_change_since_the_previous_one() -> None:
    results = [_result("phq9", 16, 2), _result("phq9", 10, 9, safety=True), _result("gad7", 5, 9)]
    phq, gad = counselor_lines(results, NY)
    assert "9 Mar" in phq and "<b>10</b> (moderate)" in phq
    assert "-6 since the previous one (a significant change)" in phq
    assert "item 9 answered above" in phq
    assert "<b>5</b> (mild)" in gad and "since the previous" not in gad


# Storage ------------------------------------------------------------------------------------


def test_an_answer_is_stored_once_and_the_result_only_when_its_questionnaire_is_finished(
    tmp_path: Path,
) -> None:
    repo = Repository(tmp_path)
    draft = start("r1", ("gad7",), NOW)
    repo.start_measures("p1", draft.to_dict())
    for n in range(1, 7):
        step = answer(draft, INSTRUMENTS, 0, n, 1, NOW)
        assert step.draft is not None
        assert repo.step_measures("p1", "r1", (0, n), step.draft.to_dict(), None) == "ok"
        assert repo.step_measures("p1", "r1", (0, n), step.draft.to_dict(), None) == "moved"
        draft = step.draft
    last = answer(draft, INSTRUMENTS, 0, 7, 1, NOW)
    assert repo.step_measures("p1", "r1", (0, 7), None, last.result) == "ok"
    assert repo.step_measures("p1", "r1", (0, 7), None, last.result) == "done"
    assert repo.step_measures("p1", "other", (0, 1), None, None) == "gone"
    (stored,) = repo.measure_results("p1")
    assert stored == last.result and repo.measure_results("p1", "r1") == [stored]
    assert repo.measure_draft("p1") is None and not repo.close_measures("p1")
    repo.close()


def test_closing_a_sitting_keeps_nothing_half_answered(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    repo.start_measures("p1", start("r1", ("phq9",), NOW).to_dict())
    assert repo.close_measures("p1")
    assert repo.measure_draft("p1") is None and repo.measure_results("p1") == []
    assert repo.step_measures("p1", "r1", (0, 1), None, None) == "done"
    repo.close()
