"""Session 21 (es19): Spanish method, told as a means meant for myself or dwelt on. The gun, the knife, the rope or the
pills named and "usarla conmigo" / "agarrarla para mí"; a gun, poison or a rope that will not leave the mind ("no paro
de pensar en eso", "no me la saco de la cabeza", "lo tengo en la mente"); pills dwelt on with their number. Paraphrases
written for this test in several varieties, never corpus messages; hard negatives beside each family."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "mi suegro guarda una pistola en el ropero y he pensado en usarla conmigo",
        "tengo la navaja del trabajo y ando pensando en usarla en mí",
        "la soga del patio, he pensado en agarrarla para mí",
        "el primo dejó su escopeta aquí, la neta pienso en ocuparla conmigo",
        "hay veneno pa las ratas en la bodega y se me ocurre usarlo conmigo",
    ],
)
def test_a_means_meant_for_myself_pages(text: str) -> None:
    crisis(text, "crisis:method")


@pytest.mark.parametrize(
    "text",
    [
        "mi papá me regaló una escopeta para cazar y quiero usarla conmigo en la temporada",
        "me compré un celular nuevo y quiero usarlo conmigo siempre",
        "la bici de mi hermano, quiero usarla para mí los fines",
    ],
)
def test_a_gun_for_hunting_or_a_phone_for_myself_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi viejo tiene veneno de ratas en el galpón. no paro de pensar en eso",
        "la escopeta de mi tío, no me la saco de la cabeza",
        "mi cuñado guarda el revólver en el ropero. desde ayer lo tengo en la mente",
        "en la finca hay matamaleza y le doy vueltas a eso todo el día",
        "el fierro de mi compa está en su casa y nomás pienso en eso",
    ],
)
def test_a_gun_or_poison_dwelt_on_pages(text: str) -> None:
    crisis(text, "crisis:method")


@pytest.mark.parametrize(
    "text",
    [
        "no dejo de pensar en la pizza de anoche",
        "no paro de pensar en el viaje a Cancún",
        "mi papá caza venados con su rifle y no dejo de pensar en ir de cacería con él",
        "el vecino le dio veneno al perro y no dejo de pensar en eso",
        "me quedo mirando el techo toda la tarde",
    ],
)
def test_a_trip_food_a_hunt_or_a_poisoned_pet_dwelt_on_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "no dejo de pensar en las pastillas de mi mamá, cuántas tendría que tomarme",
        "llevo días mirando la caja de orfidales y haciendo cuentas",
        "tengo el rivotril en el cajón y no paro de pensar cuántas serían",
        "las pastillas de la presión de mi abuelo, no me las saco de la cabeza, las cuento cada noche",
    ],
)
def test_pills_dwelt_on_with_their_number_page(text: str) -> None:
    crisis(text, "crisis:method")


@pytest.mark.parametrize(
    "text",
    [
        "no dejo de pensar en las pastillas que me recetó el doctor, no sé si me hacen bien",
        "no paro de pensar en cuántas pastillas me faltan para terminar el tratamiento que me dio la doctora",
    ],
)
def test_pills_worried_about_as_a_treatment_do_not_page(text: str) -> None:
    not_crisis(text)


def test_staring_at_the_ceiling_is_still_isolating() -> None:
    read_as("no salgo de mi cuarto, me quedo mirando el techo todo el día", Level.CHECK)
