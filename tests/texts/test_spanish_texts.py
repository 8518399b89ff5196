"""Spanish texts: escaped like the English, lock-screen safe, and the counselor told the patient's language."""

from __future__ import annotations

import re
from datetime import time

import pytest

from bot import texts

# Words a lock screen must never show, in Spanish (the English rule: texts/__init__.py).
_LOCK_SCREEN = re.compile(
    r"tratamiento|terapia|consum|droga|alcohol|cl[ií]nica|reca[ií]da|medicamento|adicci|sobrio|sustancia"
    r"|ansias|programa|IOP",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "text",
    [
        texts.CHECKIN_PROMPT_ES,
        texts.CHECKIN_NUDGE_ES,
        texts.BTN_START_CHECKIN_ES,
        texts.PRACTICE_PROMPT_ES,
        texts.BTN_PRACTICE_GO_ES,
        texts.BTN_PRACTICE_LATER_ES,
        texts.measures_push_es(5),
        texts.BTN_MEASURES_START_ES,
    ],
)
def test_spanish_texts_sent_unprompted_name_no_condition_treatment_or_substance(text: str) -> None:
    assert not _LOCK_SCREEN.search(text), text


def test_spanish_texts_escape_what_they_are_given() -> None:
    hostile = "<b>x</b>&"
    for said in (
        texts.consent_es(hostile, [hostile]),
        texts.timezone_suggestions_es(hostile),
        texts.timezone_not_found_es(hostile),
        texts.ask_checkin_time_es(hostile),
        texts.setup_done_es(time(19), hostile),
        texts.checkin_reask_es(hostile, 0, 10),
        texts.checkin_support_es(True, False, True, hostile),
        texts.plan_question_es(1, 6, "help", hostile, hostile),
        texts.measures_result_es(hostile, 3, 27, hostile, 1),
        texts.measures_trend_es(hostile, [1, 2], hostile),
        texts.settings_summary(hostile, time(19), None, False, "es"),
        texts.timezone_changed(hostile, time(19), "es"),
    ):
        assert "<b>x</b>" not in said and "&lt;b&gt;x&lt;/b&gt;&amp;" in said


def test_the_patient_page_names_a_spanish_speaking_patients_language() -> None:
    spanish = texts.patient_view("Sofia", "active", "", [], [], [], language="es")
    english = texts.patient_view("Alex", "active", "", [], [], [])
    assert "Language: Spanish" in spanish.splitlines()[0] and "Language" not in english


def test_spanish_texts_name_cancel_by_its_spanish_command() -> None:
    """newcomer14 N115: the Spanish /mensaje prompt ended "/cancel para dejarlo" while the Spanish command list
    has /cancelar (both work; the help list names both)."""
    import re
    from pathlib import Path

    import bot.texts

    folder = Path(bot.texts.__file__).parent
    said = [
        f"{path.name}: {line.strip()}"
        for path in sorted(folder.glob("*_es.py"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"/cancel\b(?!ar)", line) and "/cancelar" not in line and '"""' not in line
    ]
    assert not said, said
