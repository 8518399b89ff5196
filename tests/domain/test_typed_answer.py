"""Which typed texts answer "Are you safe right now?" by themselves (bot/domain/typed_answer.py)."""

from __future__ import annotations

import pytest

from bot.domain.typed_answer import typed_answer

NOT_SAFE = ["no", "Nope", "no im not safe", "im not safe", "I'm not safe right now.", "not safe", "no estoy a salvo",
            "No me siento segura", "I don't feel safe", "yes im not ok",
            "no creo", "la neta no", "neta que no", "ni madres", "nel, la neta no", "nah, honestly no",
            "nah fam", "not rly", "pos no", "no mucho la verdad", "no sé, creo que no",
            # newcomer10 N23: a "no" before the words
            "nel, no estoy bien", "nah im not ok", "nope, not safe", "naw im not okay",
            # newcomer16 N134: a hedged "no"
            "i guess not", "probably not", "supongo que no"]  # fmt: skip
SAFE = ["yes", "yes im safe", "I’m okay right now, thanks", "safe", "Sí", "estoy bien", "sí, estoy a salvo"]
# An unsure answer to a safety question is not "safe" (gaps11 #1): its own answer, escalated as "not safe".
UNSURE = ["idk", "IDK", "i dont know", "I don't know", "dunno", "not sure", "I'm not sure", "im not sure rn",
          "no sé", "No lo sé", "ni idea", "idk tbh", "maybe", "no sé la verdad", "no sabría decir",
          "hard to say", "difícil decirlo",
          # newcomer10 N3: texting forms of "honestly I don't know"
          "la vdd no se", "la vdd no sé", "nose", "no se la vdd", "vdd no se", "sinceramente no sé",
          "honestly idk", "idk honestly", "tbh i dont know", "no se que decirte", "pues no se",
          # newcomer16 N134: hedges are not a "yes"
          "kinda", "Kind of", "sorta", "i guess", "I guess so", "i think so", "probably", "im ok i guess",
          "okay for now", "i think im fine", "más o menos", "masomenos", "creo que sí", "supongo", "eso creo",
          "puede ser", "estoy bien creo", "bien por ahora", "sí y no"]  # fmt: skip
NEITHER = [
    "hola",
    "no, i want to die",
    "yes im safe but i have the pills",
    "I'm safe for now but not tomorrow",
    "",
]


@pytest.mark.parametrize("text", NOT_SAFE)
def test_not_safe(text: str) -> None:
    assert typed_answer(text) == "notsafe"


@pytest.mark.parametrize("text", SAFE)
def test_safe(text: str) -> None:
    assert typed_answer(text) == "safe"


@pytest.mark.parametrize("text", NEITHER)
def test_anything_more_is_not_an_answer(text: str) -> None:
    assert typed_answer(text) is None


@pytest.mark.parametrize("text", UNSURE)
def test_unsure(text: str) -> None:
    assert typed_answer(text) == "unsure"


@pytest.mark.parametrize(
    "text",
    [
        "nel, la neta no estoy bien",
        "nah honestly im not ok",
        "pues la verdad no",
        "no, honestly, im not safe rn",
    ],
)
def test_two_lead_ins_before_a_no_are_still_not_safe(text: str) -> None:
    """newcomer22 N230: "nel, la neta no estoy bien" (nah, honestly I'm not ok) after an overdose was passed on as
    words: one lead-in was read ("la neta no"), two were not, and nobody was paged."""
    assert typed_answer(text) == "notsafe"


@pytest.mark.parametrize(
    "text", ["no, la neta sí estoy bien", "no la verdad si", "nah honestly i have to go"]
)
def test_two_lead_ins_before_anything_else_are_no_answer(text: str) -> None:
    assert typed_answer(text) is None
