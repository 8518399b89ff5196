"""Session 21 (es19): Spanish plans and methods at the water or a height: "me tiro" / "me aviento" said last after going
to a bridge, a roof, the river or the tracks; drowning told by its means (stones carried, out until spent). Paraphrases
written for this test in several varieties, never corpus messages; hard negatives beside them."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "mañana voy al puente y me tiro",
        "cuando salga del turno me voy al río y me tiro",
        "el sábado en la noche me subo al viaducto y me aviento",
        "ahorita me voy pal muelle y me lanzo",
    ],
)
def test_a_jump_said_last_after_going_to_a_height_or_water_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "esta noche me voy pal lago con piedras en la mochila",
        "me voy a la playa y me meto mar adentro hasta no poder",
        "el domingo me voy a la presa con piedras en los bolsillos",
        "me voy al río con piedras en la mochila y no salgo",
    ],
)
def test_drowning_told_by_its_means_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "el sábado vamos a la playa y me tiro al agua con mis hijos",
        "mañana voy al puente a ver los fuegos artificiales",
        "llevé piedras en la mochila para el jardín de mi mamá",
        "nadé mar adentro hasta no poder, entrenando para el triatlón",
        "fuimos al río a pescar y me tiro al agua cada rato",
    ],
)
def test_a_swim_fireworks_or_garden_stones_do_not_page(text: str) -> None:
    not_crisis(text)
