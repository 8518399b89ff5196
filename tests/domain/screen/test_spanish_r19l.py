"""Spanish, session 19 (es17): a world without me told first, then the others at peace or spared ("si yo no existiera
mis hijos vivirían tranquilos", "si yo no estuviera mi amá ya no tendría que trabajar"), is the burden a crisis reads
(the order "mi mamá tendría paz si yo me muero" was read already); being hit by a truck, wished ("ojalá me agarrara
un camión"), is an accident wish. Quitting drinking, the lottery, a trip or a seat on the bus is not. Paraphrases
written for this test; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "si yo no existiera mis hijos vivirían tranquilos",
        "si yo no estuviera mi amá ya no tendría que trabajar",
        "si ya no estuviera mi esposa estaría tranquila",
        "si yo no estuviera mis papás estarían tranquilos",
    ],
)
def test_a_world_without_me_then_them_at_peace_is_a_burden(text: str) -> None:
    crisis(text, "crisis:burden")


@pytest.mark.parametrize(
    "text",
    [
        "ojala me agarrara un camion en la carretera y ya",
        "ojalá me agarrara un tráiler",
        "quisiera que me agarrara un carro",
        "ojalá me agarre un tren",
    ],
)
def test_hit_by_a_truck_wished_is_an_accident_wish(text: str) -> None:
    crisis(text, "crisis:accident_wish")


@pytest.mark.parametrize(
    "text",
    [
        "si dejo de tomar mis hijos vivirían tranquilos",
        "ya no tendría que trabajar si me saco la lotería",
        "si me voy de viaje una semana mi mamá podría descansar",
        "ojalá me agarre un buen lugar en el camión",
    ],
)
def test_quitting_the_lottery_a_trip_or_a_seat_is_not(text: str) -> None:
    not_crisis(text)
