"""PHQ-9 and GAD-7 as data: wording, scoring, bands, the item-9 safety flag and score changes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config.resources import read_program_file
from bot.domain.instruments import (
    FILE,
    Instrument,
    Result,
    change,
    is_clinically_significant_change,
    is_safety_answer,
    load_instruments,
    score,
)

NOW = datetime(2026, 3, 2, 18, 30, tzinfo=UTC)
INSTRUMENTS = load_instruments()
PHQ9 = INSTRUMENTS["phq9"]
GAD7 = INSTRUMENTS["gad7"]


def _answers_totalling(instrument: Instrument, total: int, safety_zero: bool = True) -> list[int]:
    """Answers that add up to `total`, keeping the safety item at 0 when asked."""
    answers = [0] * len(instrument.items)
    order = [n for n in range(len(answers)) if not (safety_zero and instrument.safety_item == n + 1)]
    for n in order:
        answers[n] = min(3, total)
        total -= answers[n]
    assert total == 0
    return answers


def test_both_instruments_load_with_the_standard_number_of_items_and_answers() -> None:
    assert set(INSTRUMENTS) >= {"phq9", "gad7"}
    assert len(PHQ9.items) == 9 and len(GAD7.items) == 7
    for instrument in (PHQ9, GAD7):
        assert [(o.value, o.label) for o in instrument.options] == [
            (0, "Not at all"),
            (1, "Several days"),
            (2, "More than half the days"),
            (3, "Nearly every day"),
        ]
        assert instrument.stem.startswith("Over the last 2 weeks, how often have you been bothered by")


def test_the_items_keep_the_standard_wording() -> None:
    assert PHQ9.items[0].text == "Little interest or pleasure in doing things"
    assert PHQ9.items[8].number == 9
    assert "better off dead or of hurting yourself" in PHQ9.items[8].text
    assert GAD7.items[0].text == "Feeling nervous, anxious, or on edge"
    assert GAD7.items[6].text == "Feeling afraid, as if something awful might happen"


def test_only_phq9_item_9_is_a_safety_item() -> None:
    assert PHQ9.safety_item == 9
    assert GAD7.safety_item is None


def test_the_total_is_the_sum_of_the_answers() -> None:
    result = score(PHQ9, [1, 2, 3, 0, 1, 2, 3, 0, 0], NOW)
    assert result.total == 12 and result.band == "moderate" and result.instrument_id == "phq9"
    assert result.answers == (1, 2, 3, 0, 1, 2, 3, 0, 0) and result.completed_at == NOW


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (24, "severe"),
    ],
)
def test_every_phq9_band_boundary_lands_in_the_standard_band(total: int, band: str) -> None:
    assert score(PHQ9, _answers_totalling(PHQ9, total), NOW).band == band


def test_the_highest_phq9_total_is_27_and_severe() -> None:
    result = score(PHQ9, [3] * 9, NOW)
    assert (result.total, result.band, PHQ9.max_total) == (27, "severe", 27)


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ],
)
def test_every_gad7_band_boundary_lands_in_the_standard_band(total: int, band: str) -> None:
    assert score(GAD7, _answers_totalling(GAD7, total), NOW).band == band


@pytest.mark.parametrize("answer", [1, 2, 3])
def test_any_answer_above_zero_on_phq9_item_9_is_a_safety_concern(answer: int) -> None:
    answers = [0] * 8 + [answer]
    result = score(PHQ9, answers, NOW)
    assert result.safety_item_positive
    # Even a "minimal" total must not hide it.
    assert result.band == "minimal"
    assert is_safety_answer(PHQ9, 9, answer)


def test_zero_on_item_9_is_not_a_safety_concern_even_with_a_severe_total() -> None:
    result = score(PHQ9, [3] * 8 + [0], NOW)
    assert result.band == "severe" and not result.safety_item_positive
    assert not is_safety_answer(PHQ9, 9, 0)
    assert not is_safety_answer(PHQ9, 8, 3)


def test_gad7_never_raises_a_safety_flag() -> None:
    assert not score(GAD7, [3] * 7, NOW).safety_item_positive
    assert not is_safety_answer(GAD7, 7, 3)


@pytest.mark.parametrize("answers", [[], [0] * 8, [0] * 10])
def test_the_wrong_number_of_answers_is_refused(answers: list[int]) -> None:
    with pytest.raises(ValueError, match="expected 9 answers"):
        score(PHQ9, answers, NOW)


@pytest.mark.parametrize("bad", [-1, 4, 11, True, 1.0, float("nan"), "2", None])
def test_an_answer_that_is_not_one_of_the_options_is_refused(bad: object) -> None:
    answers: list[object] = [0] * 6 + [bad]
    with pytest.raises(ValueError, match="item 7"):
        score(GAD7, answers, NOW)  # type: ignore[arg-type]


def test_a_result_survives_a_round_trip_through_json() -> None:
    result = score(PHQ9, [0, 1, 2, 3, 0, 1, 2, 3, 1], NOW)
    stored = json.loads(json.dumps(result.to_dict()))
    assert stored["completed_at"] == "2026-03-02T18:30:00+00:00"
    assert Result.from_dict(stored) == result


def test_change_is_none_for_a_first_result_and_current_minus_previous_after() -> None:
    first = score(PHQ9, _answers_totalling(PHQ9, 18), NOW)
    later = score(PHQ9, _answers_totalling(PHQ9, 11), NOW + timedelta(days=7))
    assert change(None, first) is None
    assert change(first, later) == -7
    assert change(later, first) == 7


def test_results_of_different_instruments_cannot_be_compared() -> None:
    with pytest.raises(ValueError, match="cannot compare"):
        change(score(PHQ9, [0] * 9, NOW), score(GAD7, [0] * 7, NOW))


@pytest.mark.parametrize(
    ("instrument", "before", "after", "significant"),
    [
        (PHQ9, 15, 10, True),
        (PHQ9, 15, 11, False),
        (PHQ9, 5, 10, True),
        (GAD7, 12, 8, True),
        (GAD7, 12, 9, False),
        (GAD7, 4, 8, True),
    ],
)
def test_a_clinically_significant_change_uses_each_instruments_threshold(
    instrument: Instrument, before: int, after: int, significant: bool
) -> None:
    previous = score(instrument, _answers_totalling(instrument, before), NOW)
    current = score(instrument, _answers_totalling(instrument, after), NOW + timedelta(days=7))
    assert is_clinically_significant_change(previous, current) is significant


def test_a_first_result_is_never_a_significant_change() -> None:
    assert not is_clinically_significant_change(None, score(PHQ9, [3] * 8 + [0], NOW))


def test_the_threshold_comes_from_the_config_file(tmp_path: Path) -> None:
    text = read_program_file(FILE)
    custom = tmp_path / "instruments.toml"
    custom.write_text(text.replace("significant_change = 5", "significant_change = 2"), encoding="utf-8")
    instruments = load_instruments(custom)
    previous = score(instruments["phq9"], _answers_totalling(PHQ9, 10), NOW)
    current = score(instruments["phq9"], _answers_totalling(PHQ9, 12), NOW)
    assert is_clinically_significant_change(previous, current, instruments)
    assert not is_clinically_significant_change(previous, current)


def test_a_program_can_add_its_own_instrument(tmp_path: Path) -> None:
    custom = tmp_path / "instruments.toml"
    custom.write_text(
        """
[[instrument]]
id = "craving"
title = "Weekly cravings"
stem = "Over the last week, how often have you had"
items = ["Strong urges to use", "Thoughts about using you couldn't stop"]
significant_change = 2
options = [{ value = 0, label = "Never" }, { value = 1, label = "Sometimes" }, { value = 2, label = "Often" }]
bands = [{ min = 0, max = 1, label = "low" }, { min = 2, max = 4, label = "high" }]
""",
        encoding="utf-8",
    )
    craving = load_instruments(custom)["craving"]
    assert score(craving, [2, 1], NOW).band == "high"
    assert craving.safety_item is None


@pytest.mark.parametrize(
    ("bands", "why"),
    [
        ('[{ min = 0, max = 1, label = "a" }, { min = 3, max = 4, label = "b" }]', "without gaps"),
        ('[{ min = 0, max = 2, label = "a" }, { min = 2, max = 4, label = "b" }]', "without gaps"),
        ('[{ min = 0, max = 3, label = "a" }]', "without gaps"),
    ],
)
def test_bands_that_leave_a_total_unlabelled_are_refused(tmp_path: Path, bands: str, why: str) -> None:
    custom = tmp_path / "instruments.toml"
    custom.write_text(
        f"""
[[instrument]]
id = "x"
items = ["one", "two"]
significant_change = 1
options = [{{ value = 0, label = "No" }}, {{ value = 1, label = "Some" }}, {{ value = 2, label = "Lots" }}]
bands = {bands}
""",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=why):
        load_instruments(custom)


def test_a_safety_item_beyond_the_items_is_refused(tmp_path: Path) -> None:
    text = read_program_file(FILE)
    custom = tmp_path / "instruments.toml"
    custom.write_text(text.replace("safety_item = 9", "safety_item = 10"), encoding="utf-8")
    with pytest.raises(ValueError, match="safety_item"):
        load_instruments(custom)
