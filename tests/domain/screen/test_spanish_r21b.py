"""Session 21 (es19): Spanish false pages and wrong readings (the screen brief, es18's list, G13's note on everyday
Spanish short messages). A goodbye to someone who leaves, to a job or to the chat; the emergency room; a rope for the
clothes; a smoke on the roof; a medicine taken as prescribed; mints; "tengo muchas ganas de meterme algo" (a craving);
food burnt, a late homework, a laugh on the couch, a bottle of water finished; "ya no puedo más con este calor".
Paraphrases written for this test, never corpus messages; with the readings that must stay beside them."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "hoy me despedí de mi terapeuta porque se cambia de clínica",
        "le dije adiós a mi consejera hoy porque se jubila",
        "me despedí de mi roomie, se muda a Guadalajara mañana",
        "hoy nos despedimos de la doctora, la trasladaron a otro hospital",
        "ya me despedí de la chamba, empiezo en la otra el lunes",
        "me despedí de mis compañeros del curro, hoy fue mi último día",
        "ya me voy, me despido que se me hace tarde",
        "me despido de ustedes, buenas noches a todos",
    ],
)
def test_a_goodbye_to_someone_leaving_a_job_or_the_chat_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me despido de todos, gracias por todo",
        "hoy me despido de ustedes para siempre",
        "les dejo esta despedida, ya no van a saber de mí",
        "me despido de mi familia, ya no aguanto",
    ],
)
def test_a_farewell_of_mine_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi hijo se cayó de la bici y se abrió la rodilla, estamos en urgencias",
        "fui a urgencias por la presión, ya estoy bien",
        "nos mandaron a urgencias del seguro por la fiebre de la niña",
        "estuve toda la noche en la sala de urgencias con mi papá",
    ],
)
def test_the_emergency_room_is_no_urge(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "tengo muchas ganas de meterme algo",
        "tengo ganas de meterme algo, no sé qué hacer",
        "quiero meterme algo ya, ando muy ansioso",
        "ando con ganas de ponerme, ayúdenme",
    ],
)
def test_an_urge_to_use_said_vaguely_is_a_craving(text: str) -> None:
    read_as(text, Level.CRAVING)


@pytest.mark.parametrize(
    "text",
    [
        "tengo muchas ganas de meterme una raya",
        "tengo muchísimas ganas de tomar",
        "tengo ganas de meterme algo de comer",
        "me muero de ganas de ver a mi hija",
    ],
)
def test_a_great_urge_is_no_stockpile(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "tengo una cuerda nueva para tender la ropa",
        "compré una cuerda de saltar para el ejercicio",
        "le puse cuerdas nuevas a la guitarra",
        "tengo la cuerda lista para colgar la ropa en el patio",
    ],
)
def test_a_rope_for_clothes_a_jump_rope_or_strings_is_not_asked_about(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "fumamos unos porros en la azotea",
        "me fumé un porro en la azotea de la casa",
        "nos fumamos un blunt en el techo anoche",
    ],
)
def test_a_smoke_on_the_roof_is_a_use_not_a_height(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "estoy en la azotea del edificio y ya no quiero vivir",
        "estoy en el puente, ya no aguanto",
    ],
)
def test_a_roof_or_a_bridge_with_despair_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "tomo la gabapentina como me la recetaron",
        "me tomé el clonazepam que me recetó la psiquiatra y dormí bien",
        "compré pastillas de menta",
        "me comí unas pastillas de menta en la junta",
    ],
)
def test_a_medicine_as_prescribed_or_mints_are_no_use(text: str) -> None:
    read_as(text, Level.NONE)


def test_more_than_prescribed_is_still_a_use() -> None:
    read_as("tomé más clonazepam del que me recetaron, tres en vez de uno", Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "ya valió, se me quemaron los frijoles",
        "me colgué con la tarea hasta las 3",
        "me tiré del sillón de tanto reír",
        "ya maté la botella de agua",
        "ya no puedo más con este calor jaja",
        "no aguanto más, tengo que ir al baño",
        "ando hasta la madre de trabajo",
    ],
)
def test_everyday_idioms_do_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya no puedo más con esta vida",
        "no aguanto más, ya no quiero seguir",
        "me quemé el brazo a propósito con el cigarro",
        "me quiero colgar del árbol del patio",
    ],
)
def test_the_same_words_in_earnest_still_page(text: str) -> None:
    crisis(text)
