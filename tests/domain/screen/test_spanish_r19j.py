"""Spanish, session 19 (es17): a hanging interrupted, told ("anoche me subí a la silla con la soga y mi mamá tocó la
puerta", "tenía la correa en el cuello y mi hijo tocó la puerta y paré"), is an interrupted attempt (C-SSRS), a
crisis; it was read as nothing. A rope got for the beam ("fui a la ferretería por un lazo para la viga") is a method.
Tying a load, a hammock, a piñata or a dog's lead is not. Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "anoche me subí a la silla con la soga y mi mamá tocó la puerta",
        "tenía la correa en el cuello y mi hijo tocó la puerta y paré",
        "ya tenía el cinto amarrado en el closet y me detuve",
        "el domingo me puse la soga en el cuello pero tocaron la puerta",
        "estaba parado en la silla con el cable y me bajé cuando oí a mi hija",
    ],
)
def test_a_hanging_interrupted_is_a_crisis(text: str) -> None:
    crisis(text, "crisis:preparation")


@pytest.mark.parametrize(
    "text",
    [
        "fui a la ferretería por un lazo grueso para la viga",
        "ya compré la soga y la viga del garaje",
        "conseguí una cuerda para la viga del cuarto",
        "tengo el lazo listo para la viga",
    ],
)
def test_a_rope_for_the_beam_is_a_method(text: str) -> None:
    crisis(text, "crisis:method")


@pytest.mark.parametrize(
    "text",
    [
        "compré un lazo para colgar la hamaca de la viga",
        "colgamos la piñata de la viga con una soga para la fiesta",
        "estaba amarrando la carga con la soga cuando mi jefe tocó la puerta",
        "le puse la correa al perro y me detuve en la tienda",
        "amarré el costal de box a la viga con una cuerda",
    ],
)
def test_a_hammock_a_load_or_a_lead_is_not(text: str) -> None:
    not_crisis(text)
