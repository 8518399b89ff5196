"""Spanish, session 18 (es15): pills taken as "las", with every one of them said after a full stop ("ya me las tragué.
todas"), are an overdose (the Spanish twin of newcomer N89; read as nothing). Food eaten, children taken to school,
a dose with breakfast or as the doctor says are not. Paraphrases written for this test; rules alone (conftest.py turns
the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import assess
from tests.domain.screen.screen_asserts import crisis


@pytest.mark.parametrize(
    "text",
    [
        "ya me las tragué. todas",
        "ya me las tomé. todas ellas",
        "me las metí. todas. ya no hay vuelta",
        "perdón. me las tragué. todas",
    ],
)
def test_them_taken_and_every_one_after_a_full_stop_is_an_overdose(text: str) -> None:
    result = crisis(text)
    assert any(r.startswith("crisis:overdose") for r in result.reasons), result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "¿las galletas? ya me las comí. todas",
        "me los llevé a la escuela. a todos",
        "me las tomé con el desayuno. todas",
        "ya me las tomé. todas las de la semana, como dice el doctor",
    ],
)
def test_food_children_and_a_prescribed_dose_are_not(text: str) -> None:
    assert not any(r.startswith("crisis:") for r in assess(text).reasons), assess(text).reasons
