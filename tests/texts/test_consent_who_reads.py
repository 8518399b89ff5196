"""The consent says who reads a crisis (newcomer16 N144): not only "your counselor".

In a crisis the alert, and what the patient writes for a while after it, also reach the counselor on call
and the program's administrators; a patient who agreed to "your counselor reads" was not told that.
"""

from __future__ import annotations

from datetime import timedelta

from bot import texts
from bot.domain.follow import FOLLOW_FOR


def test_the_english_consent_names_on_call_and_administrators_for_crisis_words() -> None:
    consent = texts.consent("Riverside IOP", ["Call 988"])
    assert "counselor on call" in consent
    assert "administrators" in consent
    assert "what you write after" in consent


def test_the_spanish_consent_says_the_same() -> None:
    consent = texts.consent_es("Riverside IOP", ["Llama al 988"])
    assert "de guardia" in consent
    assert "administración del programa" in consent
    assert "lo que escribas después" in consent


def test_the_hours_the_consent_names_are_the_follow_window() -> None:
    assert timedelta(hours=2) == FOLLOW_FOR
    assert "for the next 2 hours" in texts.consent("P", [])
    assert "durante las 2 horas siguientes" in texts.consent_es("P", [])
