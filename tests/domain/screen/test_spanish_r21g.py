"""Session 21 (es19): Spanish checks said in everyday words (G13's weakest Spanish checks): nothing matters ("todo da
igual", "me la suda todo", "ya nada tiene chiste"), hopeless ("no veo salida", "de mal en peor", "ya no creo que me
recupere", "así va a ser siempre"), giving up ("ya no le voy a echar ganas", "no me quedan fuerzas", "voy a dejar el
programa"), what for ("ya ni sé pa qué", "total pa qué"). Paraphrases written for this test in several varieties,
never corpus messages; hard negatives beside them."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level
from tests.domain.screen.screen_asserts import crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "meh, todo da igual, hoy o mañana",
        "el curro, la casa, estar limpio... me la suda todo",
        "ya nada tiene chiste, ni la música ni salir",
        "nada me hace ilusión ya, ni mis nietos",
        "ya todo me vale, la verdad",
    ],
)
def test_nothing_matters_is_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "sin chamba y sin casa, no veo pa dónde coger",
        "estoy de mal en peor, no le veo salida",
        "ya no creo que me vaya a recuperar, mi papá era igual",
        "así va a ser siempre, ya me hice a la idea",
        "siento que estoy en un pozo y cada día más hondo",
    ],
)
def test_hopelessness_is_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "ya no le voy a echar ganas, para nada sirve",
        "ya no me quedan fuerzas pa nada",
        "creo que voy a dejar el programa, estoy cansada",
        "ya no le echo ganas a la terapia",
        "total pa qué le echo ganas",
    ],
)
def test_giving_up_and_what_for_are_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "nada me importa más que mis hijos",
        "vivo en una calle sin salida, casi no pasan carros",
        "la película va de mal en peor, qué aburrida",
    ],
)
def test_everyday_sayings_are_not_asked_about(text: str) -> None:
    read_as(text, Level.NONE)


def test_what_for_am_i_still_here_still_pages() -> None:
    crisis("no sé pa qué sigo aquí, si me atropella un camión mejor")
