"""Round 16's Spanish pass (es11), second part, in phrasings written for this test (not from any corpus): intent
and plans said briefly; means in hand with the act held back; sleeping pills got "just in case"; affairs settled with
an absence foretold; a past told with an age, the news asked about and a clip one "died" laughing at, which page
nobody."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "yo ya me voy, voy a terminar con esto",
        "le agradezco todo a la consejera, voy a acabar con esto",
        "esta semana se acaba todo para mí, no se preocupen por mí",
        "hoy se termina todo para mi, so don't worry about me",
        "ya lo decidí, mañana termino con esto",
    ],
)
def test_intent_said_briefly_with_a_farewell_a_time_or_a_decision_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize("text", ["ya tengo un plan", "ya lo tengo decidido", "ya tengo todo planeado"])
def test_a_plan_said_bare_is_asked_about_at_least(text: str) -> None:
    assert assess(text).level >= Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "gracias por todo, voy a terminar con esto del programa",
        "ya me voy, voy a terminar con esto rápido y nos vemos mañana",
        "voy a terminar con esto de la tarea y me duermo",
        "el viernes se acaba todo para mí en ese trabajo",
        "ya tengo un plan para el sábado con mis hijas",
    ],
)
def test_homework_a_job_or_a_weekend_plan_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "estoy con la hojilla en la mano. todavía no hice nada",
        "tengo el cuete aquí en la mesa, no sé qué estoy haciendo",
        "tengo la navajita aquí y no la puedo soltar",
        "estoy encerrada en el baño con la gillette en la mano",
        "traigo las pastillas de mi mamá en la mano, todavía no me las tomo",
    ],
)
def test_means_in_hand_with_the_act_held_back_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "estoy en el baño con el celular en la mano",
        "estoy en el baño con el cepillo en la mano",
        "tengo el cuchillo en la mano, estoy cocinando",
    ],
)
def test_a_phone_a_razor_shaving_or_a_kitchen_knife_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "compré 3 cajas de pastillas pa dormir, por si acaso",
        "conseguí unos rivotril en la calle y los guardé, just in case",
        "ya tengo guardados los somníferos por si las moscas",
        "compré dos frascos de pastillas para dormir x si acaso",
    ],
)
def test_sleeping_pills_got_just_in_case_is_a_preparation(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "compré paracetamol por si acaso me da fiebre",
        "compré unas pastillas para dormir, la doctora dijo que por si acaso",
        "le regalé mi xbox viejo a mi primo porque me compré el nuevo",
    ],
)
def test_a_fever_a_prescription_or_an_old_console_page_nobody(text: str) -> None:
    not_crisis(text)


def test_affairs_settled_with_an_absence_foretold_is_a_crisis() -> None:
    text = (
        "cancelé mi plan del cel, le di mi xbox a mi primo y le dejé mi contraseña. el lunes no voy a estar"
    )
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "intenté matarme a los 16. ahora tengo 30 y estoy bien",
        "a los 19 me corté las venas, hoy llevo años en terapia",
        "¿vieron lo de la sobredosis en la estación? qué triste",
        "jajaja me muero con ese video, me mató",
        "me muero con esa canción, me mata cada vez",
    ],
)
def test_a_past_told_with_an_age_the_news_or_a_laugh_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "intenté matarme a los 16 y ahora lo estoy pensando otra vez",
        "me tomé todo el frasco y a los 15 minutos empecé a vomitar, tengo miedo",
        "vi ese video y ahora quiero matarme",
        "creo que es una sobredosis",
    ],
)
def test_the_same_words_said_of_now_still_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "la regué este fin, perdón",
        "la cagué anoche con el tequila",
        "se me fue la mano el sábado donde mi compa, fue solo esa noche",
        "hice lo que juré que no iba a hacer",
        "me estoy tomando el doble de la pregabalina",
        "me tomé dos de las pastillas para el dolor de mi marido",
    ],
)
def test_a_slip_said_by_euphemism_or_pills_misused_is_a_relapse(text: str) -> None:
    assert assess(text).level >= Level.RELAPSE


@pytest.mark.parametrize(
    "text",
    [
        "se me fue la mano con la sal anoche",
        "la regué en el examen de hoy",
        "la embarré con la receta del pastel el domingo",
    ],
)
def test_salt_an_exam_or_a_recipe_is_no_relapse(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "estoy en el baño con la navaja en la mano, me estoy cortando",
        "llevo media hora cortándome en el baño y no paro",
        "me empecé a cortar la pierna hace rato y no puedo parar, no es para matarme",
    ],
)
def test_self_harm_going_on_now_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me tomé muchas pastillas para dormir",
        "me empastillé y ya no siento nada",
        "me acabé el frasco de pastillas hace rato",
        "me tomé muchísimas pastillas de mi mamá",
    ],
)
def test_many_pills_or_a_bottle_finished_is_an_overdose(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    ["muchas gracias por todo", "me acabé la caja de cereal", "tomo muchas pastillas para la presión diario"],
)
def test_thanks_cereal_or_daily_pills_are_no_overdose(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya me quiero ir con mi abuelita al cielo",
        "quiero estar con mi papá en el cielo ya",
        "ya me voy a ir de este mundo",
        "me voy a echar al río esta noche",
        "me quiero echar a las vías del tren",
    ],
)
def test_heaven_with_the_dead_leaving_this_world_or_a_jump_into_a_river_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "quiero ir con mi mamá a ver el cielo estrellado",
        "voy a echar al mar las cenizas de mi abuelo",
        "mi abuelita ya está en el cielo con mi abuelo",
    ],
)
def test_the_sky_ashes_scattered_or_a_grandmother_at_rest_page_nobody(text: str) -> None:
    not_crisis(text)
