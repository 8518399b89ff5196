"""Round 17's Spanish pass (es13), second part: false pages (a bridge in traffic, ordinary fears), relapse told by a
return, slang or the day count, and a passive wish (run over and not minding it, never born). Phrasings written for
this test (not from any corpus), each family beside ordinary readings that share its words."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


# ---------------------------------------------------------------- false pages: a bridge in traffic, ordinary fears
@pytest.mark.parametrize(
    "text",
    [
        "hay un piquete en el puente de la 57, voy a llegar tarde al grupo",
        "cerraron el puente de la autopista por obras, me tocó rodear",
        "mañana me ponen la vacuna y me da miedo la aguja",
        "hoy hay tormenta fuerte y tengo miedo, se va a ir la luz",
        "esta noche tengo miedo por los truenos, los perros no paran de ladrar",
        "el viernes tengo que ir al dentista y me da pánico",
    ],
)
def test_bridges_in_traffic_and_ordinary_fears_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "estoy en el puente de la autopista, ya no aguanto",
        "subí al último piso del estacionamiento y estoy en la orilla",
    ],
)
def test_a_bridge_or_a_roof_where_i_stand_still_pages(text: str) -> None:
    crisis(text)


# ---------------------------------------------------------------- relapse: back to the bottle, drunk in slang, the count restarted
@pytest.mark.parametrize(
    "text",
    [
        "volví a la botella, no le digan a mi esposa",
        "regresé al vicio el fin de semana",
        "volví al guaro después del velorio",
        "me jinché el sábado con los del trabajo",
        "me caí el fin de semana. vuelvo a contar los días",
        "otra vez en el día uno, el viernes la regué con el trago",
        "ahora tomo hasta en el almuerzo de la obra",
    ],
)
def test_relapse_told_by_return_slang_or_the_count(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "volví al gimnasio después de seis meses",
        "volví a la escuela, estoy estudiando inglés",
        "me caí de la escalera y me torcí el tobillo",
        "mi papá estaba jincho otra vez y yo me fui a mi cuarto",
        "mi sobrino vuelve a contar los días para navidad",
        "volví a contar mis días: hoy cumplo 60 sin tomar",
    ],
)
def test_returns_falls_and_counts_that_are_no_relapse(text: str) -> None:
    read_as(text, Level.NONE)


# ---------------------------------------------------------------- passive wish: run over and not minding it, never born
@pytest.mark.parametrize(
    "text",
    [
        "si me pisa un carro cruzando la avenida ni me importaría",
        "si me atropellan saliendo del trabajo la verdad ni me importaría",
        "si me arrolla el tren me harían un favor",
        "mejor no haber nacido",
        "a veces pienso que mejor ni hubiera nacido",
        "mejor ya no estar en este mundo",
    ],
)
def test_passive_wish_run_over_or_never_born(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "si me atropellan saliendo del trabajo me demando a la empresa",
        "si me pisa un carro en esa avenida es porque manejan como locos",
        "no me importaría ir al grupo el martes en vez del jueves",
        "me haría un favor si me pasas el número de la consejera",
    ],
)
def test_roads_and_favours_that_are_no_wish(text: str) -> None:
    not_crisis(text)


# ---------------------------------------------------------------- preparation: my pet left "si me pasa algo"
@pytest.mark.parametrize(
    "text",
    [
        "le pregunté a mi prima si se quedaría con mi gato si me pasa algo",
        "le pedí a mi vecina que cuide a mi perro si me llega a pasar algo",
        "si algo me pasa, que alguien se quede con mi perrita",
    ],
)
def test_my_pet_left_in_case_something_happens_to_me(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "si me pasa algo en la cirugía, mi hermana se queda con el perro",
        "mi perro se queda con mi vecina la semana que estoy de viaje",
    ],
)
def test_a_pet_minded_for_a_surgery_or_a_trip_pages_nobody(text: str) -> None:
    not_crisis(text)


# ---------------------------------------------------------------- a phrase keeps the readings of its words
@pytest.mark.parametrize(
    "text",
    [
        "me corté en las piernas con la navaja otra vez",
        "me puse la pistola en la sien",
    ],
)
def test_new_phrases_keep_their_words_readings(text: str) -> None:
    crisis(text)


# ---------------------------------------------------------------- someone waiting outside armed; a neighbour parked
@pytest.mark.parametrize(
    "text",
    [
        "mi ex me espera afuera del trabajo con un cuchillo",
        "hay dos tipos con pistola afuera de mi casa",
    ],
)
def test_someone_armed_waiting_outside(text: str) -> None:
    crisis(text)


def test_a_neighbour_parked_in_front_is_not_even_a_check() -> None:
    assert (
        assess("el vecino dejó su camioneta estacionada frente a la casa otra vez, qué coraje").level
        == Level.NONE
    )
