"""The questionnaires in the patient's language (gaps11 #3: Spanish speakers were shown the English PHQ-9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.instruments import load_instruments

INSTRUMENTS = load_instruments()


def test_phq9_and_gad7_have_their_spanish_wording() -> None:
    phq9 = INSTRUMENTS["phq9"].in_language("es")
    assert phq9.stem.startswith("Durante las últimas 2 semanas")
    assert phq9.items[0].text == "Poco interés o placer en hacer cosas"
    assert "mejor muerto(a)" in phq9.items[8].text
    assert [o.label for o in phq9.options] == [
        "Ningún día",
        "Varios días",
        "Más de la mitad de los días",
        "Casi todos los días",
    ]
    gad7 = INSTRUMENTS["gad7"].in_language("es")
    assert len(gad7.items) == 7 and "nervios de punta" in gad7.items[0].text


def test_only_the_words_change_never_the_scoring() -> None:
    for instrument in INSTRUMENTS.values():
        spanish = instrument.in_language("es")
        assert spanish.id == instrument.id and spanish.title == instrument.title
        assert [o.value for o in spanish.options] == [o.value for o in instrument.options]
        assert [i.number for i in spanish.items] == [i.number for i in instrument.items]
        assert spanish.bands == instrument.bands and spanish.safety_item == instrument.safety_item


@pytest.mark.parametrize("language", ["en", "fr", ""])
def test_english_or_a_language_without_wording_is_the_original(language: str) -> None:
    assert INSTRUMENTS["phq9"].in_language(language) == INSTRUMENTS["phq9"]


_BASE = """
[[instrument]]
id = "x"
stem = "How often"
items = ["one", "two"]
significant_change = 1
options = [{ value = 0, label = "No" }, { value = 1, label = "Some" }]
bands = [{ min = 0, max = 2, label = "a" }]
"""


@pytest.mark.parametrize(
    ("spanish", "why"),
    [
        ('[instrument.es]\nstem = "Con qué frecuencia"\nitems = ["uno"]\noptions = ["No", "Algo"]', "items"),
        ('[instrument.es]\nstem = "Con qué frecuencia"\nitems = ["uno", "dos"]\noptions = ["No"]', "options"),
        ('[instrument.es]\nitems = ["uno", "dos"]\noptions = ["No", "Algo"]', "stem"),
    ],
)
def test_a_translation_that_does_not_match_is_refused(tmp_path: Path, spanish: str, why: str) -> None:
    custom = tmp_path / "instruments.toml"
    custom.write_text(_BASE + spanish + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=why):
        load_instruments(custom)


def test_a_program_instrument_without_spanish_stays_in_english(tmp_path: Path) -> None:
    custom = tmp_path / "instruments.toml"
    custom.write_text(_BASE, encoding="utf-8")
    instrument = load_instruments(custom)["x"]
    assert instrument.in_language("es") == instrument and not instrument.speaks("es")
