"""Spanish, session 20 (es18): someone else's pills, or extra pills, told. Pills named as someone's ("las que le
sobraron a mi tía", "las de él", "de un compa", "de mi amá"), taken from someone whose pills are named ("mi abuela
tiene oxicodona y le estoy robando una diaria"), handed over by a peer ("un compa me pasó unas pastillas"), more than
my dose ("más de la que me toca") or for the high ("pa que pegue", "a escondidas"). My own pills as prescribed, a coffee
with my mother, a doctor's prescription and my using days told as the past are not. Paraphrases written for this
test; rules alone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import read_as


@pytest.mark.parametrize(
    "text",
    [
        "me tomé las que le sobraron a mi tío de la operación, las de tramadol",
        "me he estado tomando las de ella a escondidas, son clonazepam",
        "me tomé la metadona de un compa, ya sé",
        "me tomé dos pastillas de mi amá pal dolor",
        "tomé unas pastillas de mi cuñao pa dormir",
        "me tomé el jarabe de codeína de los niños",
    ],
)
def test_someone_elses_pills_taken_are_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "mi abuelo tiene oxicodona y le estoy robando una diaria",
        "mi hermana toma gabapentina y le saqué como seis del frasco",
        "mi roommate tiene adderall y le he estado quitando pa los turnos",
        "mi tía tiene tramadol de su operación y le agarré un puño",
    ],
)
def test_pills_taken_from_someone_are_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "un compa me pasó unas pastillas pa aguantar el turno doble",
        "un cuate me vendió unos clonazepames",
        "uno del trabajo me pasó unos percocet",
        "el pana me regaló unas pastillas pa dormir",
        "un vato del campamento me dio de su suboxone",
    ],
)
def test_pills_handed_over_by_a_peer_are_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "me tomo más pregabalina de la que me toca, como el triple",
        "me estoy tomando más de las que me recetaron",
        "me tomo las pastillas de dormir pa que pegue más rápido, tres juntas",
        "me tomo el clonazepam a escondidas de mi esposa, más de lo que debo",
    ],
)
def test_extra_pills_or_for_the_high_are_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "me tomé un café con mi mamá en la tarde",
        "mi mamá me da mis pastillas en la mañana y me las tomo",
        "el doctor me dio unas pastillas pa dormir y me tomo una en la noche",
        "mi abuela tiene tramadol y le ayudo a acomodar sus pastillas en el pastillero",
        "en mis tiempos de la piedra robaba hasta a mi madre, hoy la visito los domingos",
        "un compa me pasó el número de un doctor pa mis nervios",
    ],
)
def test_my_own_medicine_or_the_past_is_not(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "mi amiga me ofreció una de sus pastillas y le dije que no",
        "un compa me pasó unas pastillas y se las devolví luego luego",
        "un compa me ofreció unas pastillas en la chamba",
        "un vato de antes me ofreció cristal en la gasolinera",
    ],
)
def test_pills_offered_and_turned_down_are_not_a_use(text: str) -> None:
    read_as(text, Level.NONE)
