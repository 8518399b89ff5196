"""Spanish, session 19 (es17): pills swallowed with liquor or a bottle ("me tomé las pastillas de dormir con media
botella de tequila") are an overdose taken, and said ahead a plan; they were read as a relapse. One pill, pills with
water, coffee or a beer, and a doctor's warning are not. Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "me tomé las pastillas de dormir con media botella de tequila",
        "acabo de tragarme las pastillas de mi mamá con el mezcal",
        "me metí las clonazepam con una botella de vino, ya me siento rara",
        "me tragué las medicinas de mi abuelo con el whisky que quedaba",
        "me tomé las tabletas de la presión con vodka hace un rato",
    ],
)
def test_pills_swallowed_with_liquor_are_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "voy a tomarme las pastillas de dormir con la botella de tequila esta noche",
        "me voy a tragar las pastillas con el mezcal que tengo guardado",
    ],
)
def test_said_ahead_they_are_a_plan(text: str) -> None:
    crisis(text, "crisis:overdose_planned")


@pytest.mark.parametrize(
    "text",
    [
        "me tomé las pastillas con agua como dijo el doctor",
        "me tomé la pastilla con un poco de vino en la cena",
        "me tomé mis pastillas de la presión con el café",
        "el doctor dijo que no me tome las pastillas con tequila ni con nada de alcohol",
        "nunca me tomo las pastillas con alcohol, ya aprendí",
    ],
)
def test_pills_with_water_one_pill_or_a_warning_are_not(text: str) -> None:
    not_crisis(text)
