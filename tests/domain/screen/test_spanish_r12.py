"""Round 12's Spanish families, in phrasings written for this test (not from any corpus), each beside the
readings that must stay up: "they killed me" is never the speaker's act (a game, a bill, traffic), and
"they killed someone" is news told, while a threat to kill me stays abuse; a screening question a
counselor asked is hypothetical, "I wonder if" is not; a rope or a gun kept in a truck is means at hand;
followers who killed before are fear for my life; "carga" is cargo unless I am "una carga"."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "me mataron con la cuenta del gas este mes",
        "el trancón de la séptima me está matando",
        "los impuestos me mataron este año",
        "en el fortnite me mataron bien rápido jaja",
        "jugando free fire me mataron 10 veces",
        "la maestra nos mata con tantas tareas",
        "mataron a un vecino anoche afuera de la tienda",
        "a mi compa lo balearon afuera del bar, dicen que era narco",
        "tengo una soga en la troca para amarrar la carga del rancho",
    ],
)
def test_a_bill_a_game_or_news_of_a_killing_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "le debo al dealer y si no pago el viernes me matan",
        "casi me mataron a golpes anoche y me van a buscar otra vez",
        "mi papá nos mata a golpes cuando llega borracho, tengo miedo",
        "me pregunto si alguien me extrañaría si me mato",
        "me pregunto si el cloro con las pastillas sería rápido",
    ],
)
def test_a_threat_to_me_or_i_wonder_if_stays_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "la psiquiatra me preguntó si he pensado en quitarme la vida, le dije que no",
        "el consejero me preguntó si pienso en suicidarme y la verdad no, ando bien",
        "a la pregunta de si tengo ideas de matarme: no, nada de eso",
    ],
)
def test_a_screening_question_asked_of_me_is_no_crisis_of_mine(text: str) -> None:
    found = assess(text)
    assert found.level == Level.CHECK
    assert all(r.endswith(".hypothetical") for r in found.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "la soga ya está en la troca, el domingo lo hago",
        "traigo la pistola en la guantera y ya sé lo que voy a hacer",
        "la cuerda está en el maletero, ya escogí el árbol",
    ],
)
def test_means_kept_in_a_truck_or_a_glovebox_are_means_at_hand(text: str) -> None:
    found = assess(text)
    assert found.level == Level.CRISIS
    assert any("means_at_hand" in r for r in found.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "me andan siguiendo unos batos en una troca negra, tengo miedo",
        "me vienen siguiendo desde la parada, creo que son los mismos que mataron a mi primo",
        "uno de la pandilla me hizo la seña del cuello, ya no quiero salir de la casa",
    ],
)
def test_followed_or_threatened_by_killers_is_fear_for_my_life(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text", ["mi perro me anda siguiendo por toda la casa", "los que mataron a mi compadre ya están presos"]
)
def test_a_dog_following_me_or_killers_in_jail_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text", ["ya me cansé de ser carga para todos", "no quiero ser una carga para nadie"]
)
def test_being_a_burden_is_still_read(text: str) -> None:
    assert any("burden" in r for r in assess(text).reasons)


@pytest.mark.parametrize(
    "text",
    [
        "me quiero ir para siempre",
        "ya no le encuentro sentido a nada, mejor me largo de este mundo",
        "tío… esta noche me quito de en medio",
        "pienso quitarme de en medio, nadie me va a extrañar",
        "ya no quiero seguir en este mundo, estoy harta de todo",
        "le rezo a San Judas para que ya no me deje amanecer",
        "ojalá me duerma hoy y no me levante más",
        "ojalá me diera un infarto dormida esta noche y ya no despertar",
        "yo lo único que quiero es descansar pa siempre",
    ],
)
def test_leaving_this_world_or_not_waking_said_regionally_is_a_wish_to_be_dead(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me quiero ir para siempre a Monterrey con mis hijos",
        "no quiero quitarme de en medio, solo estoy cansada",
        "me voy a colgar la ropa",
        "subí a la azotea a colgar la ropa y me quedé viendo el atardecer",
        "tengo ganas de desaparecer del trabajo una semana jaja",
        "se me dañó la moto y no llego al grupo",
        "al leer la carta se me quebró la voz",
        "el finde fue la despedida de soltero de mi primo y no tomé nada",
        "mi tía no paró de tirarme cuero toda la cena",
        "cuando dije que ya no podía más me refería al trabajo, no a la vida",
        "hoy se cumplieron tres años de cuando me internaron por la sobredosis, lo celebré con mi hija",
    ],
)
def test_a_move_a_chore_a_break_or_a_retraction_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me estoy mordiendo los brazos hasta que sangran y no puedo parar",
        "me clavé las uñas en la piel hasta sacarme sangre otra vez",
        "me arranco la piel de las piernas hasta que sangra",
    ],
)
def test_biting_or_digging_into_my_own_skin_on_purpose_is_self_harm(text: str) -> None:
    assert "crisis:self_harm" in assess(text).reasons


@pytest.mark.parametrize(
    "text", ["el perro me mordió la pierna cuando le fui a dar de comer", "me clavé una astilla en el dedo"]
)
def test_a_dog_bite_or_a_splinter_is_no_self_harm(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "quedé como una cuba en la boda de mi prima",
        "anoche me metí unas líneas en la despedida de soltero",
    ],
)
def test_drunk_or_lines_told_in_spain_words_are_a_relapse(text: str) -> None:
    assert assess(text).level >= Level.RELAPSE


@pytest.mark.parametrize(
    "text",
    [
        "si no despierto mañana díganle a Marcus gracias",
        "si ya no amanezco, díganle a mi hija que la quiero mucho",
    ],
)
def test_last_words_for_if_i_do_not_wake_up_are_a_farewell(text: str) -> None:
    assert "crisis:farewell" in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "si no despierto a tiempo díganle a la consejera que llego tarde",
        "en la clase de ética hablamos del suicidio en los jóvenes, estuvo interesante",
        "ya me quitaron los puntos de la rodilla, sanó bien",
        "el martes no puedo ir, tengo corte a las 10 por lo de la multa",
        "me cortaron el gas por no pagar, qué coraje",
        "mi compa me mató con ese chiste, no paraba de reír",
    ],
)
def test_oversleeping_a_topic_stitches_out_a_court_date_or_a_joke_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "a mi cuñada le dio una sobredosis el sábado, ya está en su casa",
        "mi vecina se pasó con las pastillas y la llevaron al hospital",
        "la enfermera me preguntó si quería hacerme daño y le dije que no",
        "mi terapeuta me dijo que le avisara si volvían las ideas de matarme, y no han vuelto",
    ],
)
def test_someone_else_s_overdose_or_a_question_asked_of_me_is_a_check_at_most(text: str) -> None:
    assert assess(text).level <= Level.CHECK


@pytest.mark.parametrize(
    "text", ["me cortaron la cara con una navaja anoche", "pienso en el suicidio todo el tiempo"]
)
def test_a_cut_done_to_me_or_my_own_thoughts_of_suicide_stay_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text", ["Diosito ya llévame, no aguanto más", "Señor llévame contigo, ya estoy cansada"]
)
def test_asking_god_to_take_me_is_a_wish_to_be_dead(text: str) -> None:
    assert "crisis:passive_wish" in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "mami ya llévame a la casa que tengo sueño",
        "ya decidimos quién se queda con el perro cuando nos vamos de vacaciones",
        "mi hermana y yo peleamos por quién se queda con los tiliches de mi abuela",
    ],
)
def test_a_ride_home_or_a_pet_sitter_is_no_wish_and_no_giving_away(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me mato de la vergüenza si mis hijos me ven bailar",
    ],
)
def test_dying_of_embarrassment_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya no aguanto, me mato hoy",
        "lo voy a matar, me tiene hasta la madre",
    ],
)
def test_a_bare_resolve_to_kill_stays_a_crisis(text: str) -> None:
    crisis(text)
