"""Spanish, session 20 (es18): someone's pills and mine taken together on a day or a moment named ("el martes cuando se
vaya me tomo sus pastillas y las mías", "esta noche cuando se duerman me tomo las de mi mamá y las mías"): an overdose
planned, said in the present as Spanish does for the future. Each taking their own pills as a routine is not.
Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "el martes cuando mi esposa se vaya al turno me tomo sus pastillas y las mías",
        "esta noche cuando se duerman me tomo las de mi mamá y las mías",
        "el domingo me trago todas las pastillas de mi abuelo y las mías",
        "mañana que no haya nadie me tomo las mías y las de él",
    ],
)
def test_someones_pills_and_mine_on_a_day_named_page(text: str) -> None:
    crisis(text, "crisis:overdose_planned")


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá se toma sus pastillas y yo las mías, todos los días a las 8",
        "cada mañana nos tomamos las de ella y las mías con el desayuno",
    ],
)
def test_each_taking_their_own_as_a_routine_is_not(text: str) -> None:
    not_crisis(text)
