"""Round 11's Spanish families, in phrasings written for this test (not from any corpus), each beside the
ordinary readings of the same words that must stay down: a shot to myself composed from "me", a verb of
giving or striking and a shot ("me voy a pegar un tiro" is no abuse; "un tiro de coca" is a line); an
overdose under way told by its signs, of me or of a friend, beside a drug; fear of a lapse is no use told."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "me voy a pegar un tiro",
        "me quiero dar un plomazo",
        "ya lo decidí, mañana me doy un tiro con la escopeta de mi abuelo",
        "ando pensando en darme un balazo",
        "me dan ganas de meterme un plomazo y ya",
        "con la fusca de mi compa me vuelo los sesos esta noche",
    ],
)
def test_a_shot_to_myself_is_a_crisis_of_my_own_and_no_abuse(text: str) -> None:
    found = assess(text)
    assert found.level == Level.CRISIS
    assert "crisis:kill_self" in found.reasons and "crisis:abuse" not in found.reasons


@pytest.mark.parametrize(
    "text", ["me va a pegar un tiro si me encuentra", "mi marido dice que me va a dar un balazo"]
)
def test_someone_about_to_shoot_me_is_abuse(text: str) -> None:
    assert "crisis:abuse" in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "me metí un tiro de coca en el baño",
        "me di un tiro de tequila con mis primos",
        "el tiro libre me salió horrible",
        "me tiro a la cama y no me levanto hasta las diez",
        "ese concierto me voló la cabeza",
    ],
)
def test_a_line_a_shot_of_drink_or_a_free_kick_is_no_shot_to_myself(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "le dimos de la chiva a mi primo y ahora no respira",
        "fumé piedra toda la noche y me duele el pecho bien fuerte, siento que me muero",
        "mi novia se tomó unas pastillas con guaro y no la puedo despertar",
        "me inyecté y tengo los labios azules",
        "se metió cristal y está convulsionando, ayuda",
        "me pasé con la mota y el corazón me late bien rápido",
    ],
)
def test_the_signs_of_an_overdose_beside_a_drug_are_a_crisis_of_mine_or_a_friends(text: str) -> None:
    assert assess(text).reasons[0] == "crisis:overdose"


@pytest.mark.parametrize(
    "text",
    [
        "corrí en el parque y me faltaba el aire",
        "mi abuela se desmayó del calor en la misa",
        "me estoy quedando dormida en la junta jaja",
        "tengo miedo de recaer",
        "me da miedo volver a consumir esta semana",
    ],
)
def test_the_same_signs_without_a_drug_or_a_fear_of_a_lapse_page_nobody(text: str) -> None:
    assert assess(text).level < Level.CHECK


def test_fear_of_a_lapse_is_an_urge_and_a_lapse_told_stays_a_relapse() -> None:
    assert assess("tengo miedo de recaer").level == Level.CRAVING
    assert assess("ayer recaí y tengo miedo").level == Level.RELAPSE


@pytest.mark.parametrize(
    "text",
    [
        "me tomé todas las pastillas de mi tía juntas, a ver si no despierto",
        "anoche me metí todo lo que tenía de una vez y que pase lo que tenga que pasar",
        "ya me tragué la caja entera de clonazepam",
        # session 16 (es11): "me voy a meter toda la bolsa esta noche" is a plan (test_spanish_r16.py)
        "me metí toda la bolsa hace rato, que sea la última",
        "me puse todo lo que me quedaba de fenta y me cuesta respirar",
        "me tomé el frasco entero de las de dormir con ron",
    ],
)
def test_a_whole_dose_with_a_shrug_a_wish_or_signs_or_a_whole_box_is_an_overdose(text: str) -> None:
    assert "crisis:overdose" in assess(text).reasons


def test_a_whole_dose_alone_is_asked_about() -> None:
    assert assess("esta noche me meto todo lo que tengo").level == Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "me comí la caja entera de galletas jaja",
        "me tomé el doble de café hoy, ando a mil",
        "quiero que sea la última vez que recaigo",
        "estoy muerta del cansancio, doble turno en el hospital",
        "me caí enfrente de todos en la junta, qué pena",
    ],
)
def test_a_whole_box_of_food_a_double_shift_or_a_last_lapse_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi cuñado dice que me va a rajar si hablo",
        "el de la tienda me dijo que me van a picar por chismoso",
        "mi ex me escribió que va a quemarme viva",
        "me va a quemar la casa conmigo adentro, ya lo dijo",
        "ese vato dice que esta noche me mata, ya viene para acá",
    ],
)
def test_a_threat_to_my_life_with_the_subject_left_out_is_abuse(text: str) -> None:
    assert "crisis:abuse" in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "le prendo fuego a su casa esta noche",
        "quiero quemarle el carro con él adentro",
        "me dan ganas de ahogar al bebé cuando llora",
        "lo quiero muerto a ese desgraciado",
        "le espero a la salida con la navaja el viernes",
    ],
)
def test_fire_a_wish_to_see_dead_or_an_ambush_with_a_weapon_is_harm_to_others(text: str) -> None:
    assert "crisis:harm_to_others" in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "me va a quemar el sol en la playa",
        "me van a picar los zancudos en el rancho",
        "me va a matar de risa este programa",
        "le prendí fuego al carbón para la carne asada",
        "lo quiero mucho a mi hijo",
        "te espero a la salida del grupo",
        "el turno de noche me tiene reventado",
    ],
)
def test_the_sun_the_mosquitoes_a_barbecue_or_love_are_no_threat(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya le pasé las claves del banco a mi hermano. ya me puedo ir tranquilo",
        "regalé mi play y mis tenis a mi primo, ya no los voy a usar",
        "grabé un video para mi hijo para cuando yo ya no esté",
        "tengo la pistola de mi tío en las piernas y la estoy mirando",
        "la soga ya está amarrada en la viga, nomás les aviso",
        "tengo el frasco de pastillas abierto aquí en la mesa y estoy sola en la casa",
    ],
)
def test_preparation_and_means_at_hand_in_spanish_compose_to_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "le pasé las llaves del carro a mi hermano porque se lo presté el fin de semana",
        "borré mis fotos viejas del celular porque no tenía espacio",
        "no voy a estar en la junta mañana, tengo cita",
        "mañana no voy a estar, tengo cita con el doctor",
        "estoy sola en la casa viendo una serie",
        "compré veneno para ratas porque hay ratas en la bodega",
    ],
)
def test_errands_absence_from_a_meeting_and_a_quiet_night_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ojalá me diera un infarto mientras duermo",
        "ojala me agarre el covid y me lleve",
        "le pido a la virgen que me lleve ya",
        "a veces pienso que si un carro me pasa por encima mejor",
        "ojalá ya estuviera bajo tierra",
        "ya tomé la decisión, no voy a seguir",
        "ya está decidido, hoy es el día",
        "hoy es mi último día",
        "es normal pensar en matarse todos los días? yo no paro",
        "amanecí con ganas de matarme",
    ],
)
def test_a_wish_to_be_dead_or_a_decision_told_in_spanish_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "hoy es mi último día en el trabajo, me cambio a otra tienda",
        "quisiera que me diera tiempo de ir al gym",
        "mi abuelo tuvo un infarto y ojalá se recupere",
        "no voy a seguir con el curso de inglés",
        "no voy a seguir tomando café en la noche",
        "pienso en matarlo cuando ronca jaja",
    ],
)
def test_a_last_day_at_work_a_wish_for_time_or_quitting_a_class_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "cual es la forma menos dolorosa de morirse? pregunto en serio",
        "anoche estuve viendo en internet cuántas pastillas de la presión de mi abuela harían falta",
        "me la paso viendo las vias del metro, calculando a qué hora pasa el de carga",
        "qué pasa si me tomo todo el frasco de clonazepam? pregunto por mí",
        "pienso mucho en el veneno de ratas que tenemos en el patio",
        "me tomé el raticida hace rato",
        "me imagino meterme al mar de noche y nadar hasta que ya no pueda",
    ],
)
def test_a_method_thought_of_or_asked_about_in_spanish_is_a_crisis(text: str) -> None:
    assert "crisis:method" in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "compré veneno para ratas porque hay ratas en la bodega",
        "el veneno para las ratas mató a mi gato, qué coraje",
        "nadé en el mar hasta que no pude más, qué buen ejercicio",
        "qué pasa si me tomo toda la caja de vitaminas? jaja",
        "cuál es la forma menos dolorosa de quitarse un tatuaje",
        "a qué hora pasa el camión para la clínica?",
    ],
)
def test_pests_a_swim_vitamins_or_a_tattoo_are_no_method(text: str) -> None:
    not_crisis(text)
