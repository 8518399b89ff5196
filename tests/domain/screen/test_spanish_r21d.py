"""Session 21 (es19): Spanish relapse told as a pattern, the verb alone as Spanish says it ("estoy tomando", "ando
pisteando", "me doy un pase") beside a recurrence ("todas las mañanas", "desde el viernes", "ya van tres semanas", "a
diario"). Paraphrases written for this test in several varieties, never corpus messages; hard negatives beside them."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import read_as


@pytest.mark.parametrize(
    "text",
    [
        "estoy tomando todas las mañanas desde que me corrieron",
        "ando pisteando desde el viernes y no he ido a la chamba",
        "bebo desde el sábado, hoy ya es martes",
        "me doy un pase antes de cada turno, así llevo dos semanas",
        "he estado bebiendo a escondidas todos los días",
        "sigo chupando cada fin de semana con los compas",
        "toda la semana he estado tomando al salir del curro",
    ],
)
def test_a_use_with_its_recurrence_is_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "tomo clases de inglés todos los martes",
        "estoy tomando agua todo el día por el calor",
        "antes tomaba todos los días, hace años que no",
        "ya no estoy tomando, llevo tres meses limpio",
        "estoy tomando un curso de cocina los sábados",
    ],
)
def test_water_a_class_a_past_or_a_medicine_is_no_pattern(text: str) -> None:
    read_as(text, Level.NONE)


def test_wanting_to_drink_every_night_is_a_craving() -> None:
    read_as("tengo ganas de estar tomando todas las noches como antes", Level.CRAVING)
