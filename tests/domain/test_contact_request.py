"""A check-in note that asks for someone to reach the patient (newcomer finding 10-18)."""

from __future__ import annotations

import pytest

from bot.domain.contact_request import asks_for_contact

ASKS = [
    "can you ask rae to call me tonight? i'm not doing good",
    "can someone call me",
    "call me please",
    "I need to talk to someone",
    "could dana text me tomorrow about my meds",
    "i want to talk to my counselor",
    "necesito que me llamen",
    "alguien me puede llamar?",
    "llámame porfa",
    "quisiera hablar con mi consejera mañana",
    "me pueden marcar hoy en la tarde",
    "is anyone there",
]
NOT_ASKING = [
    "Went to group, felt ok",
    "my mom didn't call me back",
    "nobody called me today and that's fine",
    "talked to my sponsor, it helped",
    "hablé con mi mamá, todo bien",
    "me llamó mi hermano",
    "mi mamá me llama cada día",
    "my doctor will call me next week",
    "",
]


@pytest.mark.parametrize("text", ASKS)
def test_a_note_asking_for_a_call_or_a_talk_is_a_request(text: str) -> None:
    assert asks_for_contact(text)


@pytest.mark.parametrize("text", NOT_ASKING)
def test_an_ordinary_note_is_not(text: str) -> None:
    assert not asks_for_contact(text)
