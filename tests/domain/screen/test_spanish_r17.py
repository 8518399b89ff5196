"""Round 17's Spanish pass (es13), in phrasings written for this test (not from any corpus), in several varieties
(Mexican, Caribbean, Andean, Rioplatense, Spain), each family beside ordinary readings that share its words."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


def _crisis(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS, (text, result.reasons)


def _below(text: str) -> None:
    result = assess(text)
    assert result.level < Level.CRISIS, (text, result.reasons)


# ---------------------------------------------------------------- fear for my life
@pytest.mark.parametrize(
    "text",
    [
        "un man me viene siguiendo desde la estación, tengo miedo",
        "me está siguiendo un tipo en moto hace como diez cuadras",
        "un chabón me sigue desde la parada del bondi, estoy cagada de miedo",
        "me persigue un carro negro desde que salí del turno",
        "ese tipo me anda siguiendo a todas partes, ya lo vi tres veces hoy",
        "creo que me vienen siguiendo dos tipos desde hace rato",
    ],
)
def test_followed_now(text: str) -> None:
    _crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "la misma camioneta lleva tres noches parqueada frente a mi casa, me da miedo salir",
        "hay un coche aparcado delante de mi portal desde ayer con dos tíos dentro, tengo miedo",
        "dos tipos llevan toda la tarde rondando mi casa, tengo pánico",
        "otra vez el carro de mi ex estacionado en la esquina de mi casa, estoy asustada",
    ],
)
def test_watched_outside_with_my_fear(text: str) -> None:
    _crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "el tipo al que le debo dijo que la próxima vez no va a ser tan amable",
        "el señor al que le debo dijo que si no pago el viernes no la cuento",
        "mi ex me mandó mensaje que si voy a la audiencia no llego viva",
        "hay un hombre golpeando la puerta y no se va, dice que sigo yo",
        "mi ex dijo que me va a matar si voy a la corte el lunes",
    ],
)
def test_veiled_or_conditional_threats(text: str) -> None:
    _crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi ex salió del bote y dice que viene por mí",
        "mi ex salió de la cárcel y anda diciendo que me va a buscar",
        "le debo plata a gente pesada y me mandaron foto de mi casa",
        "hay alguien tratando de abrir la puerta y estoy sola con los niños",
        "están golpeando la puerta y gritando mi nombre, no sé quién es",
    ],
)
def test_sought_tracked_or_door_forced(text: str) -> None:
    _crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi perrito me viene siguiendo por toda la casa jaja",
        "me está siguiendo en instagram una chava del grupo",
        "me sigue doliendo la cabeza desde ayer",
        "la mala suerte me persigue, se me ponchó la llanta",
        "hay un parque frente a mi casa, voy a correr mañana",
        "mi hermano dejó el carro estacionado frente a la casa",
        "la profe dijo que la próxima vez no va a ser tan amable con la tarea",
        "dice la enfermera que soy la siguiente en pasar con el doctor",
        "mi hermano viene por mí a las 5 para llevarme al grupo",
        "mi mamá dice que me va a buscar a la salida del trabajo",
        "mi mamá dijo que me va a matar si llego tarde otra vez",
        "le debo plata a mi cuñado y me da pena",
        "mi hijo me viene siguiendo por todo el súper",
    ],
)
def test_ordinary_readings_of_the_same_words_page_nobody(text: str) -> None:
    _below(text)
