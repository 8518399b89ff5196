"""When to expect a counselor's answer, in the patient's language (texts review: a Spanish patient read "suele
responder en: a working day (Monday to Friday, 9 AM to 5 PM)")."""

from __future__ import annotations

from bot import texts


def test_the_shipped_defaults_read_in_spanish() -> None:
    within, hours = texts.reply_expectation("es", "a working day", "Monday to Friday, 9 AM to 5 PM")
    said = texts.message_passed_es("Dana Rivera", within, hours)
    assert "un día hábil (de lunes a viernes, de 9 a. m. a 5 p. m.)" in said and "working" not in said


def test_the_programs_spanish_wins_and_english_stays_english() -> None:
    assert texts.reply_expectation("es", "two days", "", "dos días", "") == ("dos días", "")
    assert texts.reply_expectation("en", "a working day", "x", "un día hábil", "y") == ("a working day", "x")
