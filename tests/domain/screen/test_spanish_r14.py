"""Round 14's Spanish families, in phrasings written for this test (not from any corpus), each beside the
readings that must stay below a crisis: a farewell with an ordinary reason (a new job, a move, the end of a
course); "hasta la madre / el gorro / la coronilla de ..." is fed up, while "me puse hasta el culo" stays a use;
veiled farewells ("no me busquen", "ya no me van a ver", "cuiden a mi perro por mí") are a check alone and a
crisis beside a day or a decision; "lo quiero matar" and "al que me vendió" are harm to others, and "lo voy a
aventar" said of a child is harm to the child, not the patient's own jump."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "hoy me despedí de la gente de la oficina, me cambio de trabajo el lunes",
        "ya me despedí de mis compañeros de trabajo porque me salió otra chamba en Dallas",
        "me despido de ustedes, el mes que entra me mudo a Monterrey con mi hermana",
        "les dije adiós a los del jale, me voy a vivir a Tijuana",
        "ya se acabó el curso, me despedí de todos los de la clase",
    ],
)
def test_a_farewell_with_an_ordinary_reason_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya me despedí de todos, esta noche se acaba todo",
        "me despido de ustedes, gracias por todo, ya no aguanto más",
        "esta es mi despedida, perdón por todo",
    ],
)
def test_a_farewell_without_one_stays_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "estoy hasta la madre del tráfico de esta ciudad",
        "ya estoy hasta el gorro de la lluvia, quiero sol",
        "me tiene hasta la coronilla mi casero con sus mensajes",
        "estoy hasta las narices del papeleo del seguro",
        "mi jefe me trae hasta el queque con tanto reporte",
    ],
)
def test_fed_up_is_not_a_use(text: str) -> None:
    assert assess(text).level < Level.RELAPSE


@pytest.mark.parametrize(
    "text",
    [
        "el sábado me puse hasta el culo de coca",
        "anoche me puse hasta el gorro con los compas",
        "ando hasta la madre de perico",
    ],
)
def test_wasted_stays_a_use(text: str) -> None:
    assert assess(text).level >= Level.RELAPSE


@pytest.mark.parametrize(
    "text",
    [
        "no me busquen mañana",
        "ya lo decidí, hoy es el día. no me vayan a buscar",
        "ya no me van a ver, esta noche me voy",
        "cuiden a mi gata por mí, ya no voy a estar",
        "no me busquéis más, ya está decidido",
    ],
)
def test_a_veiled_farewell_beside_a_day_or_a_decision_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize("text", ["no me busquen", "ya no me van a ver"])
def test_a_veiled_farewell_alone_is_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "no me busquen este fin de semana, me voy a la playa con mi familia",
        "ya no me van a ver los jueves porque me cambio de trabajo",
        "cuiden a mi perro por mí mientras estoy de vacaciones",
        "no me busquen jaja, voy a estar dormida todo el domingo",
    ],
)
def test_an_absence_with_an_outing_or_a_move_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "si me muero nadie va a llorar",
        "cuando me muera ni quien me llore",
        "si yo faltara nadie me lloraría",
    ],
)
def test_nobody_would_mourn_my_death_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "estoy tan enojada con mi ex que lo quiero matar",
        "a ese wey lo quiero matar, te lo juro",
        "la quiero ahorcar a mi cuñada, ya me tiene harta",
        "quiero matar al que me vendió esa porquería",
        "voy a golpear a la que me robó la cartera",
    ],
)
def test_harm_to_another_told_with_the_pronoun_first_is_harm_to_others(text: str) -> None:
    assessment = assess(text)
    assert assessment.level == Level.CRISIS
    assert "crisis:harm_to_others" in assessment.reasons


@pytest.mark.parametrize(
    "text",
    ["lo quiero mucho a mi abuelo", "la quiero ver feliz", "a mi hija la quiero con toda el alma"],
)
def test_lo_quiero_is_still_love(text: str) -> None:
    assert assess(text).level < Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "si el bebé no deja de llorar lo voy a aventar",
        "si la niña no se calla la voy a aventar contra la pared",
        "ya no aguanto a mi hijo, lo quiero aventar por la ventana",
    ],
)
def test_a_child_thrown_is_harm_to_others_not_my_own_method(text: str) -> None:
    assessment = assess(text)
    assert assessment.level == Level.CRISIS
    assert "crisis:harm_to_others" in assessment.reasons
    assert "crisis:method" not in assessment.reasons


@pytest.mark.parametrize(
    "text",
    [
        "ese celular ya no sirve, lo voy a aventar a la basura",
        "la voy a aventar por la ventana a esta computadora jaja",
        "el control de la tele lo voy a aventar, no funciona",
    ],
)
def test_a_thing_thrown_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize("text", ["me voy a aventar del puente", "me quiero aventar del quinto piso"])
def test_my_own_jump_stays_my_own_method(text: str) -> None:
    assessment = assess(text)
    assert assessment.level == Level.CRISIS
    assert "crisis:harm_to_others" not in assessment.reasons


@pytest.mark.parametrize(
    "text",
    [
        "tengo ganas de agarrar a mi cuñado a machetazos, ya no lo soporto",
        "ya pensé cómo matarlo cuando salga del bar, a ese cabrón",
        "esta noche voy con mis primos a matarlo, ya tenemos fierro",
        "quiero agarrar a golpes a mi padrastro hasta que no se levante",
    ],
)
def test_my_harm_to_a_relative_named_before_the_blow_is_a_crisis(text: str) -> None:
    assessment = assess(text)
    assert assessment.level == Level.CRISIS
    assert "crisis:harm_to_others" in assessment.reasons


@pytest.mark.parametrize(
    "text",
    [
        "mi hermano va a matar a su jefe, está bien enojado",
        "voy con mi hermano a ver el partido, los vamos a matar 3-0",
        "quiero agarrar a mi primo a besos jaja",
    ],
)
def test_someone_elses_anger_or_a_game_is_not_my_harm_to_others(text: str) -> None:
    assert "crisis:harm_to_others" not in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "el pozole de mi tía es lo mejor que hay",
        "las enchiladas de mi mamá son las mejores del mundo",
        "cuánto me cobran la consulta si no tengo seguro?",
        "check in: cero pensamientos de hacerme daño, ánimo 6",
        "nada de pensamientos de lastimarme esta semana, solo cansancio",
        "tranqui, no es nada de eso de hacerme daño, nomás ando triste por mi perro",
    ],
)
def test_praise_insurance_and_a_check_ins_denial_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "sería lo mejor para todos si yo me muero",
        "tengo pensamientos de lastimarme otra vez",
        "no estoy segura en mi casa, él tiene una pistola",
    ],
)
def test_the_same_words_in_a_crisis_still_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "escuchando canciones tristes y me quiero morir",
        "puse corridos toda la noche y ya no quiero vivir",
        "viendo la novela y me dieron ganas de morirme, todo me recuerda a él",
        "estoy oyendo rolas de mi ex y me quiero matar",
    ],
)
def test_my_own_wish_beside_a_song_is_still_mine(text: str) -> None:
    assessment = assess(text)
    assert assessment.level == Level.CRISIS
    assert "crisis:passive_wish" in assessment.reasons


@pytest.mark.parametrize(
    "text",
    [
        'tengo pegada la canción "me quiero morir" de la radio jaja',
        "cantando en el karaoke y me quiero morir de la vergüenza",
        "vi el partido y me quiero morir jajaja perdimos otra vez",
    ],
)
def test_a_songs_words_or_an_idiom_are_not_paged(text: str) -> None:
    not_crisis(text)
