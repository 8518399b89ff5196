"""Session 21 (en19): relapse told as a pattern, rules alone (G12 18/24, G13 weak): a drink or a drug named beside a
habit's time ("every night after the kids are down ive been having wine"). A meeting every night, someone else's habit,
a past told, or a negation are not. Paraphrases written for this test, not corpus messages; rules alone (conftest.py)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "every night after the kids are down ive been having a glass of red. or three",
        "pills in the morning, beer at night, every day now",
        "been smoking every night since the breakup",
        "tbh its vodka every payday now",
        "its whiskey most nights, not gonna lie",
        "fentanyl every day for like two weeks now",
    ],
)
def test_a_drink_or_a_drug_beside_a_habits_time_is_a_relapse(text: str) -> None:
    result = assess(text)
    assert "relapse:use_pattern" in result.reasons, (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "i go to a meeting every night so i dont drink",
        "my dad drinks every night and it scares me",
        "coffee every morning and a walk every night",
        "i used to drink every weekend years ago",
        "every night i dont drink is a win",
    ],
)
def test_a_meeting_someone_elses_habit_or_a_past_told_is_no_relapse(text: str) -> None:
    result = assess(text)
    assert not result.has(Level.RELAPSE), (text, result.reasons)
