"""Spanish, session 19 (es17, newcomer N132/N133). Driving drunk told of myself ("voy a manejar borracho") is a use and
is asked about; with "a ver qué pasa" / "lo que pase pasa" it is a test of fate, a crisis. Not driving drunk, a ride
home and someone else's driving are not. Signing off for today ("me despido por hoy, gracias por todo") is a goodnight
to the counselor, not a goodbye; "me despido de todos" and "me despido para siempre" still page. Paraphrases written
for this test; rules alone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "voy a manejar borracho a ver qué pasa",
        "ando pedo y voy a manejar, lo que pase pasa",
        "me voy a ir manejando bien borracha, pase lo que pase",
        "voy manejando pedo por la carretera, que sea lo que dios quiera",
    ],
)
def test_driving_drunk_as_a_test_of_fate_pages(text: str) -> None:
    crisis(text, "crisis:method")


@pytest.mark.parametrize(
    "text",
    [
        "voy a manejar borracho",
        "ya voy manejando pedo pa la casa",
        "ando bien borracho y voy a manejar",
    ],
)
def test_driving_drunk_is_asked_about_and_a_use(text: str) -> None:
    result = read_as(text, Level.CHECK)
    assert "relapse:intoxicated" in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "no voy a manejar borracho, pedí un uber",
        "odio a la gente que maneja borracha",
        "mañana voy al doctor a ver qué pasa",
        "le voy a escribir a mi hija a ver qué pasa",
    ],
)
def test_a_ride_home_or_someone_elses_driving_is_not(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me despido por hoy, gracias por todo",
        "me despido hasta mañana, buenas noches",
        "me despido por ahora, tengo que trabajar",
        "me despido hasta el jueves, gracias consejera",
    ],
)
def test_signing_off_for_today_is_not_a_goodbye(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "me despido de todos, gracias por todo",
        "me despido para siempre",
    ],
)
def test_a_goodbye_still_pages(text: str) -> None:
    crisis(text, "crisis:farewell")


@pytest.mark.parametrize(
    "text",
    [
        "voy a manejar hasta la costa el sábado con mi familia",
        "mañana manejo hasta monterrey por el trabajo",
    ],
)
def test_driving_up_to_somewhere_is_no_use(text: str) -> None:
    read_as(text, Level.NONE)
