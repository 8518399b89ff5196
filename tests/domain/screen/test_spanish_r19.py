"""Spanish, session 19 (es17): false pages in ordinary Spanish, read as families (paraphrases written for this test,
never corpus messages; rules alone: conftest.py turns the layer off). Realising something is not things given
away; "en chinga" is a rush, not a beating; the last time as a past reference; a car left at the shop; a song or
a memory that "me pegó"; a job or a shift that "will kill me"; a cold I can't stand; "nadie me quiere" asked about
(a check, not a page); a difference told ("no es lo mismo que querer morirme"); the overdose told as a story. Each
family keeps its grave twin paging."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "hoy en el grupo me di cuenta de muchas cosas que traigo cargando",
        "ahorita me doy cuenta de las cosas que hice cuando andaba tomando",
        "con la terapia me he dado cuenta de cosas de mi infancia. hoy estuve tranquilo",
        "nos dimos cuenta de que las cosas del carro se quedaron en la casa, hoy regresamos",
        "me estoy dando cuenta de mis cosas, de mis patrones, hoy fue buen día",
    ],
)
def test_realising_things_is_not_giving_them_away(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "nos traen en chinga en la planta desde el lunes",
        "me traen en chinga con los pedidos de diciembre",
        "ando en chinga todo el día entre el trabajo y los niños",
        "salí bien en chinga del jale para llegar al grupo",
    ],
)
def test_in_a_rush_is_not_a_beating(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi papá me puso una chinga anoche",
        "mi esposo me dio una chinga y me encerró",
    ],
)
def test_a_beating_still_pages(text: str) -> None:
    crisis(text, "crisis:abuse")


@pytest.mark.parametrize(
    "text",
    [
        "me llegó un cobro de la última vez, hoy lo reviso",
        "desde la última vez que vine al grupo ya llevo dos semanas sin tomar, hoy me siento bien",
        "igual que la última vez, hoy me tocó esperar una hora en la clínica",
        "la última vez que fui al doctor me dijo que bajara la sal. hoy regreso",
    ],
)
def test_the_last_time_as_a_past_reference(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "esta es la última vez que les escribo",
        "hoy lo hago por última vez, ya no me van a ver",
    ],
)
def test_a_last_time_ahead_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "dejé el carro en el taller, mañana me lo entregan",
        "hoy dejé la troca con el mecánico, el jueves la recojo",
        "le dejé mis cosas a mi hermano en el taller, mañana paso por ellas",
        "dejé mi camioneta en la agencia para el servicio, hoy me voy en camión",
        "hoy llevé el carro al taller y dejé mis cosas adentro",
    ],
)
def test_a_car_left_at_the_shop_is_no_farewell(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya le dejé mis cosas a mi hermano, hoy es la última vez que me ven",
        "ya regalé mis cosas y hoy me despido de todos",
    ],
)
def test_things_given_away_with_a_last_time_still_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "pusieron una canción de mi papá en la radio y me pegó bien duro",
        "la noticia de mi compa me pegó duro, pero no voy a tomar",
        "el recuerdo de mi abuelita me pegó fuerte hoy",
        "mi ex subió una foto con su novia y me pegó más de lo que pensé",
        "ver a mis hijos en la graduación me pegó más de lo que esperaba, lloré de gusto",
    ],
)
def test_a_feeling_that_hit_me_is_no_blow(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi esposo me pegó duro anoche",
        "me pegó porque vio los mensajes en mi celular",
    ],
)
def test_a_blow_still_pages(text: str) -> None:
    crisis(text, "crisis:abuse")


@pytest.mark.parametrize(
    "text",
    [
        "este jale me va a matar un día de estos",
        "este trabajo me va a matar, doble turno otra vez",
        "este horario me va a matar jaja",
        "estos turnos me van a matar, ya no veo a mis hijos",
        "esta dieta me va a matar de hambre",
    ],
)
def test_a_job_that_will_kill_me_is_an_idiom(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi esposo dice que me va a matar",
        "mi padrastro me va a matar, ya me amenazó",
    ],
)
def test_a_threat_still_pages(text: str) -> None:
    crisis(text, "crisis:abuse")


@pytest.mark.parametrize(
    "text",
    [
        "ya no aguanto esta gripa",
        "ya no aguanto la tos, no me deja dormir",
        "no aguanto esta alergia, todo el día estornudando",
        "ya no aguanto el dolor de muela, mañana voy al dentista",
    ],
)
def test_a_cold_i_cant_stand_is_no_crisis(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya no aguanto esta vida",
        "ya no aguanto este dolor",
    ],
)
def test_a_weight_i_cant_bear_still_pages(text: str) -> None:
    crisis(text, "crisis:cant_take_it")


@pytest.mark.parametrize(
    "text",
    [
        "nadie me quiere",
        "siento que nadie me quiere",
        "ya nadie me quiere en esta casa",
        "nadie me ama",
    ],
)
def test_nobody_loves_me_is_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "nadie me quiere, mejor me muero",
        "si me muero nadie me va a extrañar",
    ],
)
def test_nobody_would_miss_me_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "cansado no es lo mismo que querer estar muerto",
        "estar triste no quiere decir que me quiera morir",
        "andar bajoneada no significa que quiera matarme",
        "una cosa es estar cansado y otra, no es lo mismo que querer morirme",
    ],
)
def test_a_difference_told_negates_the_wish(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya no es lo mismo, quiero morirme",
        "no significa nada, quiero estar muerta",
    ],
)
def test_the_wish_said_after_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "conté lo de la sobredosis en la junta y me sentí bien",
        "le platiqué a mi hija lo de mi sobredosis, lloramos las dos",
        "en el grupo hablé de lo de la sobredosis por primera vez",
        "mi padrino ya sabe lo de mi sobredosis, me ayudó mucho contarlo",
    ],
)
def test_the_overdose_told_as_a_story_is_not_paged(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me tomé todas las pastillas",
        "creo que es una sobredosis, no siento las manos",
    ],
)
def test_an_overdose_now_still_pages(text: str) -> None:
    crisis(text)
