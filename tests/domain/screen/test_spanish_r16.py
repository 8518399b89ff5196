"""Round 16's Spanish pass (es11), in phrasings written for this test (not from any corpus), each family beside
readings that must stay below a crisis: a dose planned, not taken (said with a will or in the present with a time),
answered as a plan and not with "if you've taken something"."""

from __future__ import annotations

import pytest

from bot.domain.crisis_kind import crisis_kinds
from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "esta noche me tomo todas mis pastillas",
        "hoy me las trago todas, ya no aguanto",
        "mañana temprano me tomo el frasco entero de clonazepam",
        "el viernes me meto todas las pastillas de mi abuela",
        "ahorita me las tomo todas y ya",
        "hoy me voy a tomar todas las pastillas",
        "quiero tomarme todo el frasco de una vez",
        "estoy pensando en tragarme todas las pastillas del botiquín",
        "voy a darme una sobredosis este fin",
        "me voy a meter toda la bolsa esta noche, que sea la última",
    ],
)
def test_a_dose_planned_is_a_plan_not_an_overdose_taken(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert "crisis:overdose_planned" in result.reasons
    assert crisis_kinds(result.reasons) == ("crisis",)


@pytest.mark.parametrize(
    "text",
    [
        "anoche me tomé todas las pastillas del frasco",
        "ya me tragué todas las pastillas",
    ],
)
def test_a_dose_said_done_is_still_an_overdose(text: str) -> None:
    result = assess(text)
    assert "overdose" in crisis_kinds(result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "hoy me tomo todas mis pastillas con el desayuno, como dijo la doctora",
        "esta noche sí me tomo todas mis pastillas a sus horas, lo prometo",
        "me tomo todas mis pastillas",
        "hoy me las tomo todas las chelas del refri con los compas",
        "hoy me tomo todas las fotos del pasaporte",
        "mañana me tomo todas las vitaminas que me recetaron",
    ],
)
def test_pills_taken_as_prescribed_or_other_things_taken_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me tomé media botella de ron con los clonazepam y todo me da vueltas",
        "me metí unas pastillas con tequila, no siento bien las piernas",
        "me tomé unas pastillas con vino, respiro bien lento y me estoy durmiendo",
        "me tomé unas pastillas de más y tengo el pecho bien apretado",
        "me metí demasiado y me siento bien rara",
        "me inyecté todo lo que tenía y me siento rarísimo",
        "le metí unas rayas y el corazón lo siento apretado, no sé qué hacer",
    ],
)
def test_signs_beside_a_dose_are_an_overdose_under_way(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert "overdose" in crisis_kinds(result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        # session 19 (es17): bare "me metí demasiado" now pages (the findings' "only a check" list; test_spanish_r19g.py)
        "me metí demasiado en el trabajo y me siento rara",
        "me tomé demasiado café y me siento rara",
        "comí demasiado y todo me da vueltas",
        "me inyecté toda la insulina como siempre",
        "me da vueltas la idea de cambiar de trabajo",
    ],
)
def test_too_much_work_coffee_or_food_is_no_overdose(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mis hijos estarían mejor sin mí",
        "a todos les iría mejor si yo no estuviera",
        "mi familia viviría mejor sin tenerme que cargar",
        "todos estarían mejor, de verdad",
    ],
)
def test_others_better_off_in_the_conditional_is_a_burden(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me fue bien con la doctora, la glucosa está mejor",
        "estaba nerviosa pero hice los ejercicios y ya estoy mejor",
        "la bebé ya está mejor de la tos",
        "a mi hijo le fue mejor en el examen que a todos",
    ],
)
def test_a_better_day_or_check_up_is_no_burden(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "soy una carga, mejor que ya no esté",
        "nomás les doy problemas. mejor ya no estar aquí",
        "un peso muerto, eso soy. se les pasaría rápido",
        "mi esposa por fin podría descansar si yo ya no estuviera",
        "cuánta lana se ahorrarían mis papás si yo me muero",
        "mis hijos tendrían paz si yo faltara",
        "soy una carga para todos, si yo me muero ni me extrañarían",
    ],
)
def test_a_burden_with_my_death_implied_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "soy una carga",
        "siento que soy una carga para mi familia",
        "es mejor que ya no esté con él, me trataba mal",
        "mejor que ya no esté en ese trabajo",
        "me ahorraría mucho si ya no estuviera pagando el gym",
        "la carga del camión ya no está",
    ],
)
def test_a_burden_alone_or_a_breakup_or_savings_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ese cabrón me tiene harto, un día de estos lo pelo",
        "lo voy a pelar, ya sé dónde vive",
        "ando con coraje, a ese vato me lo pelo apenas salga",
        "ese man me tiene harto, si lo veo lo chuzo",
        "a ese sapo le voy a dar piso esta semana",
        "hoy mismo voy a balacear su casa, ya no aguanto",
        "quiero lastimar a mi cuñado, sé dónde trabaja",
    ],
)
def test_harm_to_others_in_regional_verbs_is_a_crisis(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert "harm_others" in crisis_kinds(result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "el mango lo pelo yo, tengo harta hambre",
        "a mi hijo lo pelo en la casa, la barbería está carísima",
        "el doctor me chuzó con la aguja",
        "ya sé dónde vive mi amiga nueva, vamos a hacer pastel",
        "le dimos piso nuevo a la cocina",
    ],
)
def test_peeling_a_haircut_a_shot_or_a_new_floor_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi esposo dijo que la próxima vez me mata",
        "me amenazó que la próxima vez acaba conmigo",
        "tengo miedo, me dijo que a la próxima me mata",
        "él dice que la próxima vez me va a matar y le creo",
    ],
)
def test_a_threat_to_kill_me_next_time_is_abuse(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert crisis_kinds(result.reasons)[0] == "abuse"


def test_next_time_my_mom_kills_me_with_a_laugh_is_an_idiom() -> None:
    assert assess("la próxima vez me mata mi mamá si llego tarde jaja").level < Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "ya compré las pastillas, esta noche me las tomo todas",
        "ya tengo las pastillas y el viernes me las trago todas",
    ],
)
def test_pills_bought_and_all_taken_tonight_is_a_plan_not_a_dose_taken(text: str) -> None:
    result = assess(text)
    assert "crisis:overdose_planned" in result.reasons
    assert crisis_kinds(result.reasons) == ("crisis",)


@pytest.mark.parametrize(
    "text",
    [
        "ya no le veo caso a seguir viviendo",
        "ya no le hallo sentido a vivir",
        "ya no le veo sentido a la vida",
    ],
)
def test_no_point_in_living_said_with_ya_no_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    ["ayer vi una película donde el tipo se mata, qué feo", "en la novela el villano se mata al final"],
)
def test_a_films_plot_pages_nobody_and_asks_nothing(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text", ["si ese vato se me vuelve a acercar lo mato", "si se me aparece otra vez en la casa la mato"]
)
def test_a_threat_said_after_se_me_is_harm_to_others_not_my_own_death(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS
    assert crisis_kinds(result.reasons) == ("harm_others",)
