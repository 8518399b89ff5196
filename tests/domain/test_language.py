"""Which language a message is answered in: its words when they show one, else the patient's."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.coping import load_skills
from bot.domain.language import reply_language
from bot.domain.models import language_of
from bot.domain.screen.assess import assess


@pytest.mark.parametrize(
    ("text", "stored", "expected"),
    [
        ("kms", "es", "es"),  # no grammar word of either language: the patient's choice
        ("relapsed", "es", "es"),
        ("kms", "en", "en"),
        ("me quiero morir", "en", "es"),  # Spanish words win over an English setting
        ("sobredosis", "en", "es"),  # a word only Spanish knows
        ("I want to die", "es", "en"),  # English words win over a Spanish setting
    ],
)
def test_the_words_decide_when_they_can_and_the_stored_language_otherwise(
    text: str, stored: str, expected: str
) -> None:
    assert reply_language(text, assess(text).language, language_of(stored)) == expected


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("es", "es"),
        ("es-MX", "es"),
        ("ES-419", "es"),
        ("en-US", "en"),
        ("pt-BR", "en"),
        (None, "en"),
        ("", "en"),
    ],
)
def test_a_telegram_language_code_maps_to_a_language_the_bot_speaks(code: str | None, language: str) -> None:
    assert language_of(code) == language


def test_the_sos_and_urge_skills_have_spanish_and_a_bad_translation_is_refused(tmp_path: Path) -> None:
    skills = load_skills()
    assert skills["grounding_54321"].name_in("es") == "Anclaje 5-4-3-2-1"
    assert len(skills["urge_surfing"].steps_in("es")) == len(skills["urge_surfing"].steps)
    path = tmp_path / "skills.toml"
    path.write_text(
        '[[skill]]\nkey="a"\nname="A"\nsource="CBT"\ntags=["anxiety"]\ngrounding=true\nsteps=["one"]\n'
    )
    plain = load_skills(path)["a"]
    assert (plain.name_in("es"), plain.steps_in("es")) == ("A", ("one",))  # no Spanish given: English
    path.write_text(
        '[[skill]]\nkey="a"\nname="A"\nsource="CBT"\ntags=["anxiety"]\ngrounding=true\nsteps=["one","two"]\n'
        'name_es="Á"\nsteps_es=["uno"]\n'
    )
    with pytest.raises(ValueError, match="as many steps"):
        load_skills(path)
