"""Round 13's Spanish false pages, by family, in phrasings written for this test (not from any corpus), each
beside the readings that must stay a crisis: fear is a risk sign when it is the speaker's own ("tengo miedo",
"estoy escondida"), not a neighbourhood's after the news or a shocked "¡qué miedo!"; a roof or a balcony is a
place to fall from when I got there alone, not an evening there with the neighbours; "me pego un tiro jaja",
"me quería morir de la vergüenza" and a bill that "killed me" are idioms, and the same words without the
laughter or the cause stay a crisis."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "mataron a un señor en la parada del bus anoche, qué miedo como está la ciudad",
        "toda la cuadra anda con miedo desde el tiroteo del sábado",
        "a mi tía le robaron la cartera ayer, ella está asustada pero bien",
        "hubo un choque feo en la autopista hoy, qué susto cómo quedó el carro",
    ],
)
def test_someone_elses_fear_or_a_shocked_exclamation_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "tengo mucho miedo, mi pareja llegó borracho esta noche",
        "estoy escondida en el baño, él tiene el cuchillo",
        "qué miedo tengo, ya llegó y está golpeando la puerta esta noche",
        "me encerré en el cuarto con los niños, hoy anda bien loco",
    ],
)
def test_my_own_fear_or_hiding_stays_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "anoche hicimos carne asada en la azotea con los primos, bien chido",
        "estamos en la terraza con las amigas tomando café esta tarde",
        "el sábado subimos al mirador con los compas a ver la ciudad",
        "de chavo dormía debajo del puente de la 35, hoy tengo mi casita",
    ],
)
def test_a_height_in_company_or_a_bridge_lived_under_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "subí al puente, nadie sabe que estoy aquí",
        "estoy en la azotea del edificio, esta noche se acaba todo",
        "ando en el balcón del piso 9 viendo pa abajo, ya no quiero seguir",
    ],
)
def test_a_height_reached_alone_stays_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "si pierde el Madrid otra vez me pego un tiro jajaja",
        "me tiro por la ventana jaja con estos niños",
        "me quería morir de la vergüenza cuando se me cayó la bandeja",
        "me muero de amor por mi nieto",
        "la factura de la luz me mató este mes",
        "el precio de la gasolina me mató esta semana",
    ],
)
def test_a_laughed_hyperbole_or_an_idioms_cause_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "si me deja me pego un tiro",
        "me voy a pegar un tiro, ya no aguanto",
        "estoy pensando en matarme jaja no es broma",
        "ya me quiero morir, nada tiene sentido",
    ],
)
def test_the_same_words_without_the_laugh_or_the_cause_stay_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "en la radio pusieron esa ranchera que dice me quiero morir, mi mamá la cantaba",
        "en la serie el protagonista se suicida en el capítulo final",
        "salió en el noticiero que un muchacho murió de sobredosis en el parque",
        "al hijo del vecino lo revivieron con narcan, le dio una sobredosis",
        "fuimos al velorio de mi primo, fue sobredosis",
        "leí que suben las muertes por fentanilo, da miedo",
    ],
)
def test_a_song_the_news_a_wake_or_a_revival_told_is_asked_about_not_paged(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "pienso en suicidarme todos los días",
        "me voy a dar una sobredosis esta noche",
        "me da miedo lo que pueda hacer esta noche",
    ],
)
def test_without_the_song_or_the_news_it_stays_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "en la fiesta todos con cerveza y yo con unas ganas de tomar, el corazón a mil, pero aguanté",
        "la rola de anoche me pegó bien duro, me acordé de mi jefa",
    ],
)
def test_a_craving_resisted_or_a_song_that_hit_hard_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me metí mucho perico y tengo el corazón a mil",
        "me tomé como diez pastillas y tengo el corazón a mil",
    ],
)
def test_the_heart_racing_after_a_dose_stays_an_overdose(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "tengo miedo de lo que pueda hacer",
        "me da miedo lo que podría hacerme esta noche",
        "me inyecté y ahora no siento nada, creo que me pasé",
        "me fumé todo lo que tenía y creo que me pasé, no puedo respirar bien",
    ],
)
def test_fear_of_what_i_might_do_or_a_dose_overdone_is_a_crisis(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "creo que me pasé de la parada del bus",
        "creo que me pasé con la sal en los frijoles",
        "hace tiempo pensaba mucho en morirme, ahora no, con el grupo estoy bien",
    ],
)
def test_a_missed_stop_a_worry_or_an_old_thought_pages_nobody(text: str) -> None:
    not_crisis(text)
