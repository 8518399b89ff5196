"""Round 17's Spanish pass (es14), from newcomer12's findings: overdoses told plainly (a count told after the pills, all of
them taken with the pronoun, double the usual dose) are an overdose, not a use or a check. Phrasings written for this
test (not from any corpus), each family beside ordinary readings that share its words."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


# ---------------------------------------------------------------- N88: the pills taken, their number told after them
@pytest.mark.parametrize(
    "text",
    [
        "ya me tragué las pastillas de mi abuelo, como 20",
        "me tomé las pastillas de mi hermana, unas 30 creo",
        "ya me tomé las pastillas del frasco, casi 40",
        "me acabo de tomar las pastillas de mi tía, como veinte",
        "me tomé los calmantes de mi esposo, unos 12",
    ],
)
def test_pills_taken_with_their_number_after_them_are_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "me tomé la pastilla hace como 15 minutos",
        "me tomé la pastilla y dormí como 12 horas",
        "ya me tomé la pastilla, todo bien",
        "ya me tomé las vitaminas, como 12 que me dio la doctora",
        "mi hermano se tomó las pastillas de mi mamá, como 15",
        "me tomé 2 pastillas como a las 11",
    ],
)
def test_a_count_of_minutes_hours_or_someone_elses_pills_is_no_overdose_of_mine(text: str) -> None:
    not_crisis(text)


# ---------------------------------------------------------------- N89: all of them, with the pronoun; double the usual
@pytest.mark.parametrize(
    "text",
    [
        "ya me las tragué todas",
        "me los tomé todos, los clonazepam",
        "ya me las metí todas, no queda ninguna",
        "me las empiné todas de una vez",
    ],
)
def test_all_of_them_taken_told_with_the_pronoun_is_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "me inyecté el triple de lo normal",
        "me metí el doble de lo que acostumbro",
        "me tomé el doble de lo recetado de rivotril",
        "anoche me inyecté el doble de lo de siempre",
    ],
)
def test_double_or_triple_the_usual_dose_is_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "las fotos del viaje ya me las tomé todas",
        "comí el doble de lo normal en la cena",
        "me tomé el doble de café de lo normal",
        "el doctor me dijo que tomara el doble de lo normal",
        "hoy hice el doble de lo normal en el gimnasio",
    ],
)
def test_photos_a_meal_coffee_a_doctors_order_or_a_workout_are_no_overdose(text: str) -> None:
    not_crisis(text)


# ---------------------------------------------------------------- N83: a veiled farewell, nobody will hear from me
@pytest.mark.parametrize(
    "text",
    [
        "después de esta noche ya no vas a saber de mí",
        "nunca más van a saber nada de mí, gracias por todo",
        "ya no sabrán más de mí, cuiden a mi perro",
        "nadie va a volver a saber de mí",
        "ya no volverás a saber de mí, te quiero",
    ],
)
def test_nobody_will_hear_from_me_again_is_a_veiled_farewell(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "no vas a saber de mí hasta el domingo, me voy de viaje con mi familia",
        "esta semana no van a saber de mí, tengo exámenes finales",
        "no vas a saber de mí unas horas, se me acabó la pila",
        "mi papá ya no sabe nada de mí desde hace años",
    ],
)
def test_a_trip_exams_a_dead_phone_or_an_estrangement_is_no_farewell(text: str) -> None:
    not_crisis(text)


# ---------------------------------------------------------------- N87: "ya no aguanto" with an object
@pytest.mark.parametrize(
    "text",
    [
        "ya no aguanto a mi cuñada, todo el día criticando",
        "ya no aguanto a los vecinos con su fiesta",
        "ya no aguanto el calor de esta casa",
        "ya no aguanto mi chamba, quiero renunciar",
        "ya no aguanto más a mi jefa",
    ],
)
def test_someone_or_an_annoyance_i_cant_stand_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya no aguanto",
        "ya no aguanto más, de verdad",
        "ya no aguanto vivir así",
        "ya no aguanto esta soledad",
        "ya no aguanto este dolor tan grande",
        "ya no aguanto estos pensamientos",
    ],
)
def test_cant_take_it_bare_or_with_a_weight_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya no aguanto al vecino, ya tengo el machete listo",
        "ya no aguanto a mi padrastro, ya tengo la pistola lista",
    ],
)
def test_someone_i_cant_stand_and_a_weapon_ready_is_harm_to_others(text: str) -> None:
    crisis(text)


# ---------------------------------------------------------------- N76/N84: relapse in regional words, fed up, jokes, a break
@pytest.mark.parametrize(
    "text",
    [
        "el sábado se me fue la mano con el aguardiente",
        "se me pasó la mano con las cervezas en la boda",
        "anoche se me fue la mano con el ron",
        "che, me re mamé en el asado del domingo",
        "estaba re mamada cuando llegué a casa",
    ],
)
def test_overdone_with_a_drink_or_drunk_in_regional_words_is_relapse(text: str) -> None:
    result = assess(text)
    assert result.level >= Level.RELAPSE, (text, result.reasons)
    assert any(r.startswith("relapse:") for r in result.reasons), (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "se me fue la mano con la sal en la sopa",
        "se me fue la mano con el vino en la salsa del pollo",
    ],
)
def test_overdone_in_the_kitchen_is_no_relapse(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "estoy hasta el coño del trabajo, no puedo más",
        "ya estoy hasta los cojones de todo",
        "me tienen hasta las narices en esta casa",
        "estamos hasta la polla de la obra",
    ],
)
def test_fed_up_in_spains_words_is_no_use(text: str) -> None:
    reasons = assess(text).reasons
    assert not any(r.startswith(("relapse:", "craving:")) for r in reasons), (text, reasons)


@pytest.mark.parametrize(
    "text",
    [
        "me pego un tiro si pierde el Barça otra vez jajaja",
        "me voy a pegar un tiro si pierden los Pumas el domingo jaja",
        "me pego un tiro si no gana el América jajaja",
        "si vuelve a perder el Boca me pego un tiro jaja",
    ],
)
def test_a_shot_promised_on_a_teams_result_with_laughter_is_asked_about_not_paged(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me voy a pegar un tiro si pierde el Madrid otra vez",
        "me voy a pegar un tiro, ya no puedo",
    ],
)
def test_a_shot_without_laughter_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "quiero desaparecer del mapa unos días, estoy agotada",
        "me quiero desaparecer del mapa una semana y apagar el cel",
        "quiero desaparecer del mapa unos días, me voy a la playa",
    ],
)
def test_disappearing_for_a_few_days_is_a_break(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "quiero desaparecer del mapa",
        "quiero desaparecer del mapa para siempre",
    ],
)
def test_disappearing_with_no_time_still_pages(text: str) -> None:
    crisis(text)
