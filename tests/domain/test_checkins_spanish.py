"""Check-in answers typed in Spanish, and the items' Spanish wording (bot/data/checkin_items.toml)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.domain.checkins import CheckinItem, load_checkin_config, parse_answer
from bot.domain.models import Patient
from tests.domain.checkin_items import CONFIG, checkin_item

MOOD = CheckinItem("mood", "How is your mood?", "scale")


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("cinco", 5),
        ("Cinco", 5),
        ("cero", 0),
        ("uno", 1),
        ("una", 1),
        ("diez", 10),
        ("siete.", 7),
        ("5 de 10", 5),
    ],
)
def test_scale_answers_are_read_as_spanish_number_words(raw: str, value: int) -> None:
    assert parse_answer(MOOD, raw) == value


@pytest.mark.parametrize("raw", ["once", "cincuenta", "muchos", "5 de 7"])
def test_spanish_words_that_are_not_an_allowed_number_are_refused(raw: str) -> None:
    assert parse_answer(MOOD, raw) is None


@pytest.mark.parametrize(
    ("key", "raw", "value"),
    [
        ("sleep", "bien", 2),
        ("sleep", "Mal", 0),
        ("sleep", "regular", 1),
        ("medication", "sí", 1),
        ("medication", "si", 1),
        ("medication", "Sí.", 1),
        ("medication", "no", 0),
        ("medication", "no me recetaron", -1),
        ("used", "SÍ", 1),
        ("used", "No", 0),
        ("sleep", "Good", 2),  # English answers still count for a patient who reads Spanish
    ],
)
def test_choice_answers_are_read_in_spanish_too(key: str, raw: str, value: int) -> None:
    assert parse_answer(checkin_item(key), raw) == value


def test_the_shipped_items_have_spanish_prompts_and_labels() -> None:
    assert all(i.prompt_es for i in CONFIG.items)
    assert checkin_item("mood").prompt_in("es") == "¿Cómo está tu ánimo en este momento?"
    assert checkin_item("mood").prompt_in("en") == "How is your mood right now?"
    assert [o.label_in("es") for o in checkin_item("sleep").options] == ["Mal", "Regular", "Bien"]
    assert checkin_item("craving").scale_labels_in("es") == ("0 = nada", "10 = muy fuertes")


def test_an_item_without_spanish_shows_its_english(tmp_path: Path) -> None:
    path = tmp_path / "items.toml"
    path.write_text('[[item]]\nkey="c"\nprompt="C?"\nkind="choice"\noptions=[{value=1,label="A"}]\n')
    item = load_checkin_config(path).items[0]
    assert item.prompt_in("es") == "C?" and item.options[0].label_in("es") == "A"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ('[{value=1,label="Yes",label_es="No"},{value=0,label="No"}]', "names two different options"),
        ('[{value=1,label="Yes",lable_es="Sí"}]', "unknown option setting"),
        ('[{value=1,label="Yes",label_es=1}]', "label_es must be text"),
    ],
)
def test_spanish_labels_that_would_misread_an_answer_are_refused(
    tmp_path: Path, options: str, message: str
) -> None:
    path = tmp_path / "items.toml"
    path.write_text(f'[[item]]\nkey="c"\nprompt="C?"\nkind="choice"\noptions={options}\n')
    with pytest.raises(ValueError, match=message):
        load_checkin_config(path)


def test_a_patients_language_is_kept_by_the_store_and_older_records_read_as_english() -> None:
    at = datetime(2026, 5, 4, tzinfo=UTC)
    patient = Patient("p1", 5, "Alex", 1001, at, at, language="es")
    assert Patient.from_dict(patient.to_dict()).language == "es"
    older = {k: v for k, v in patient.to_dict().items() if k != "language"}
    assert Patient.from_dict(older).language == "en"
    assert Patient.from_dict({**patient.to_dict(), "language": "klingon"}).language == "en"


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("cinco", 5),
        ("como un 7", 7),  # newcomer finding 33
        ("como un 7, creo", 7),
        ("diría que un seis", 6),
        ("siete de diez", 7),
        ("about a 3", 3),
        ("I'd say 4", 4),
        ("like a six", 6),
    ],
)
def test_a_scale_answer_said_around_a_number_in_words_or_digits_is_read(typed: str, value: int) -> None:
    mood = load_checkin_config().item("mood")
    assert mood is not None and parse_answer(mood, typed) == value


@pytest.mark.parametrize("typed", ["-3", "11", "como", "un", "not great", "siete de cinco", "7 or 8"])
def test_no_number_in_range_is_still_no_answer(typed: str) -> None:
    mood = load_checkin_config().item("mood")
    assert mood is not None and parse_answer(mood, typed) is None


@pytest.mark.parametrize(
    ("key", "raw", "value"),
    [
        ("medication", "sí, me las tomé", 1),
        ("medication", "si me las tome", 1),
        ("medication", "ya me las tomé", 1),
        ("medication", "yes I took them", 1),
        ("medication", "yes, took them this morning", 1),
        ("medication", "I took them", 1),
        ("medication", "no, se me olvidó", 0),
        ("medication", "no i forgot", 0),
        ("sleep", "mal, casi no dormí", 0),
        ("used", "no, i'm good", 0),
    ],
)
def test_an_answer_with_words_after_it_is_still_the_answer(key: str, raw: str, value: int) -> None:
    """Newcomer finding 10b-4: "sí, me las tomé" at the medication question was re-asked (and, as the screen
    reads it, answered as a relapse). A label first, then a comma or "I"/"me" and more, is that label."""
    assert parse_answer(checkin_item(key), raw) == value


@pytest.mark.parametrize(
    ("key", "raw"), [("used", "no idea"), ("used", "no sé"), ("medication", "yes and no")]
)
def test_a_label_that_starts_other_words_is_not_an_answer(key: str, raw: str) -> None:
    assert parse_answer(checkin_item(key), raw) is None
