"""Settings polish from hostile configs (newcomer13 O46): each refused in one line with the way to say it, or
said by doctor, never accepted silently into a bot that then misbehaves."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.admin.doctor import run_checks
from bot.config.settings import Settings, SettingsError, load_settings
from tests.config.test_settings import EXAMPLE, write


def test_a_zone_in_the_wrong_case_is_offered_its_name(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(write(tmp_path, '[program]\ntimezone = "america/chicago"'))
    assert "did you mean America/Chicago?" in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "meant"), [("America/Chicgo", "America/Chicago"), ("EST", "an Area/City name")]
)
def test_a_misspelt_zone_is_offered_the_nearest_name(tmp_path: Path, typed: str, meant: str) -> None:
    """newcomer14 N111: "America/Chicgo" was refused without the name meant (unknown keys had "did you mean");
    "EST" was offered "did you mean EST?", the abbreviation it refused."""
    with pytest.raises(SettingsError) as caught:
        load_settings(write(tmp_path, f'[program]\ntimezone = "{typed}"'))
    assert meant in str(caught.value) and "did you mean EST" not in str(caught.value), str(caught.value)


def test_no_time_choices_is_refused_not_a_set_up_with_no_button(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(write(tmp_path, "[checkin]\ntime_choices = []"))
    assert "time_choices" in str(caught.value) and "non-empty" in str(caught.value)


def test_no_session_reminders_is_said_by_doctor_and_the_example(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, "[sessions]\nreminder_offsets_minutes = []"))
    assert settings.reminder_offsets_minutes == ()
    out = io.StringIO()
    run_checks(Settings(data_dir=tmp_path / "data", reminder_offsets_minutes=()), out)
    (line,) = [x for x in out.getvalue().splitlines() if " session reminders:" in x]
    assert "none are sent" in line, line
    assert "[] sends none" in EXAMPLE.read_text(encoding="utf-8")
