"""Reports of having taken something (bot/domain/screen/taken.py), read after a crisis (newcomer8 N15)."""

from __future__ import annotations

import pytest

from bot.domain.screen.taken import reports_taking

TAKEN = [
    "i took all 30 of them",
    "ok i took them. all 30. im going to sleep now",
    "took them all 20 min ago",
    "took the whole bottle",
    "i swallowed the whole bottle",
    "ya me las tomé",
    "me tomé todas las pastillas",
    "me tomé todo el frasco",
    "took all of it",
]
NOT_TAKEN = [
    "i took my meds this morning",
    "i didnt take them",
    "no me las tomé",
    "she took them",
    "did you take them?",
    "i took the kids to school",
    "i took it easy today",
    "i took a shower",
]


@pytest.mark.parametrize("text", TAKEN)
def test_a_taking_of_them_or_all_is_a_report(text: str) -> None:
    assert reports_taking(text)


@pytest.mark.parametrize("text", NOT_TAKEN)
def test_a_dose_as_prescribed_a_denial_a_question_or_someone_else_is_not(text: str) -> None:
    assert not reports_taking(text)
