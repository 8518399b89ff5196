"""Round 16's Spanish pass (es12), in phrasings written for this test (not from any corpus): a jump said with the
infinitive after a place ("voy al puente a aventarme") is my own act, not a blow at me; lying on the bed, killing
time, a car or a phone that "died on me", a boss who "will kill me" and a razor while shaving page nobody."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "voy al puente a aventarme",
        "me subí a la azotea para aventarme",
        "ya estoy arriba del edificio, vine pa aventarme de una vez",
        "estoy en el puente de la autopista con ganas de aventarme",
        "me fui hasta el barranco a aventarme",
    ],
)
def test_a_jump_said_with_aventarme_after_a_place_is_my_own_act_not_abuse(text: str) -> None:
    found = assess(text)
    assert found.level == Level.CRISIS
    assert "crisis:abuse" not in found.reasons
    assert "crisis:self_harm" not in found.reasons


@pytest.mark.parametrize("text", ["me aventó contra la pared", "mi ex me quiere aventar por las escaleras"])
def test_someone_throwing_me_is_still_abuse(text: str) -> None:
    assert "crisis:abuse" in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "me voy a tirar a la cama temprano hoy",
        "ya me voy a tirar en el sillón a ver la novela",
        "estoy muerta, me tiro a la cama y ya",
        "quiero matar el tiempo antes de la sesión",
        "ando matando el rato en la plaza antes del grupo",
        "el carro se me murió en la carretera",
        "se me murió la troca a medio camino, llego tarde",
        "el cel se me murió, por eso no contesté",
        "mi jefa me va a matar si llego tarde",
        "el jefe me mata si no acabo el turno",
        "estoy en el baño con la gillette en la mano, me estoy depilando",
        "tengo la navaja en la mano, me estoy rasurando la barba",
    ],
)
def test_bed_time_killed_a_dead_car_a_boss_and_shaving_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "el carro se me murió en la carretera",
        "quiero matar el tiempo antes de la sesion",
        "mi jefa me va a matar si llego tarde",
        "me voy a tirar a la cama temprano hoy",
    ],
)
def test_everyday_idioms_are_not_even_asked_about(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "me voy a tirar del puente",
        "me voy a tirar a las vías",
        "mi jefe me tiene harto, me voy a matar",
        "tengo la gillette en la mano y me quiero cortar",
        "dijo que me va a matar si lo dejo",
    ],
)
def test_a_jump_my_own_death_a_blade_with_intent_and_a_threat_still_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "esta es la soga que compre hoy",
        "aquí está la cuerda que compré en la ferretería",
        "la pistola que me compré ayer, ya la tengo cargada",
        "miren la navaja que conseguí",
    ],
)
def test_a_rope_or_a_gun_named_first_then_bought_is_acquiring_means(text: str) -> None:
    assert "crisis:acquiring_means" in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "miren la soga que compré pa tender la ropa",
        "la cuerda que compré para el columpio de los niños",
        "la navaja que compré para acampar",
    ],
)
def test_a_rope_for_the_clothesline_a_swing_or_a_camp_is_not_acquiring_means(text: str) -> None:
    assert "crisis:acquiring_means" not in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "me voy a desaparecer y nadie me va a extrañar",
        "voy a desaparecer, nadie me va a echar de menos",
        "me quiero desaparecer, a nadie le importa",
        "ya me voy a desaparecer y nadie me va a extrañar ni tantito",
    ],
)
def test_going_away_with_nobody_to_miss_me_is_a_crisis_not_abuse(text: str) -> None:
    found = assess(text)
    assert found.level == Level.CRISIS
    assert "crisis:abuse" not in found.reasons


@pytest.mark.parametrize("text", ["me van a desaparecer si hablo", "dijo que me va a desaparecer"])
def test_someone_making_me_disappear_is_still_abuse(text: str) -> None:
    assert "crisis:abuse" in assess(text).reasons


@pytest.mark.parametrize("text", ["me van a echar de menos en el trabajo", "te voy a echar de menos, amiga"])
def test_being_missed_at_work_or_missing_a_friend_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi padrastro toca a mi hermanita en las noches",
        "el novio de mi mamá manosea a mi hija cuando no estoy",
        "mi tío abusa de mi sobrina y nadie le cree",
        "mi suegro toca a mi niña y ella me lo contó ayer",
    ],
)
def test_a_child_at_home_abused_now_is_a_crisis(text: str) -> None:
    assert "crisis:abuse" in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "le toca a mi hermanita lavar los trastes hoy",
        "mi papá toca la guitarra con mi hermanito",
        "mi esposo le toca la frente a mi hija, tiene fiebre",
        "mi hermano toca en una banda con mi primo",
    ],
)
def test_a_turn_a_guitar_or_a_forehead_felt_for_fever_is_no_abuse(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    ["me metí demasiado", "ayer me metí demasiado", "me inyecté todo anoche", "uff me metí demasiado hoy"],
)
def test_too_much_used_told_bare_is_asked_about(text: str) -> None:
    assert assess(text).level >= Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "creo que me pasé, me siento rarísimo",
        "creo que me pasé, siento el corazón a mil y no puedo respirar",
        "ay creo que me pasé, estoy bien mareado y me siento raro",
        "neta creo que me pasé, me siento rarísima",
    ],
)
def test_overdone_and_the_body_gone_wrong_is_an_overdose(text: str) -> None:
    assert "crisis:overdose" in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "me metí demasiado en el trabajo",
        "me metí demasiado en la serie",
        "creo que me pasé de la parada, me siento rarísimo",
        "creo que me pasé con los tacos, me siento rara",
        "fumé y bebí de todo en la fiesta",
    ],
)
def test_work_a_series_a_stop_missed_or_a_meal_overdone_is_no_overdose(text: str) -> None:
    assert "crisis:overdose" not in assess(text).reasons
    assert "check:overdose" not in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "no voy a hacer nada hoy, mañana ya veremos",
        "no voy a hacer nada por ahora",
        "tranquila, no voy a hacer nada, ya veremos",
        "no voy a hacer nada hoy, ya veremos mañana",
    ],
)
def test_a_denial_undone_by_its_time_is_asked_about(text: str) -> None:
    assert assess(text).level >= Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "no me voy a matar hoy, mañana ya veremos",
        "no me voy a matar todavía",
        "no me voy a suicidar por ahora",
    ],
)
def test_a_denial_of_killing_myself_undone_by_its_time_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "quiero morirme jaja no es cierto... o si",
        "me quiero morir jaja no es cierto",
        "ya me quiero morir jaja mentira",
    ],
)
def test_a_wish_to_die_taken_back_with_a_laugh_is_still_asked_about(text: str) -> None:
    assert assess(text).level >= Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "no voy a hacer nada de tarea por ahora",
        "me muero de risa jaja no es cierto",
        "no me voy a matar, estoy bien",
    ],
)
def test_homework_put_off_a_laugh_and_a_plain_denial_page_nobody(text: str) -> None:
    not_crisis(text)
