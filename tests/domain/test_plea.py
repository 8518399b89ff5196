"""A plea for help in a person's own words opens SOS (newcomer finding 9-4); other uses of "help" do not."""

from __future__ import annotations

import pytest

from bot.domain.plea import plea_language

PLEAS_EN = [
    "please someone help me",
    "somebody help me",
    "i need help right now",
    "plz help",
    "pleaseee help me",
    "I’m need help",
    "SOS",
    "can someone please help me",
    "help me please!!",
    # Newcomer finding 10-4: help with fear, asking for a person, asking if anyone is there, help shouted.
    "help me im scared",
    "i need to talk to someone now",
    "call me please",
    "can anyone talk to me rn",
    "is anyone there? i really need someone",
    "HELP",
    "help!!",
    "i really need to speak to somebody",
    "anybody there??",
    "someone please call me",
]
PLEAS_ES = [
    "ayudame porfa",
    "necesito ayuda ya",
    "alguien ayudeme",
    "ocupo ayuda",
    "ayuda",
    "socorro",
    "necesito hablar con alguien ya",
    "llamame porfa",
    "hay alguien ahi?",
    "tengo miedo ayudenme",
    "quiero hablar con alguien por favor",
    "alguien me puede marcar?",
]
NOT_PLEAS = [
    "help",
    "Help!",
    "help?",
    "help me with my settings",
    "can someone help me with my homework",
    "i need help with the app",
    "help me understand the check-in",
    "my sister helps me a lot",
    "",
    "can someone call me about my ride",
    "call me when you get a chance",
    "i talked to someone at group",
    "is anyone else going thursday",
    "me llamas cuando puedas para lo del lunes",
    "hello?",
    "i need someone to drive me to group",
]


@pytest.mark.parametrize("text", PLEAS_EN)
def test_english_pleas(text: str) -> None:
    assert plea_language(text) == "en"


@pytest.mark.parametrize("text", PLEAS_ES)
def test_spanish_pleas(text: str) -> None:
    assert plea_language(text) == "es"


@pytest.mark.parametrize("text", NOT_PLEAS)
def test_help_about_something_else_is_no_plea(text: str) -> None:
    assert plea_language(text) is None
