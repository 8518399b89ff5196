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
]
PLEAS_ES = ["ayudame porfa", "necesito ayuda ya", "alguien ayudeme", "ocupo ayuda", "ayuda", "socorro"]
NOT_PLEAS = [
    "help",
    "Help!",
    "help me with my settings",
    "can someone help me with my homework",
    "i need help with the app",
    "help me understand the check-in",
    "my sister helps me a lot",
    "",
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
