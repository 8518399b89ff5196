from datetime import time
from pathlib import Path

import pytest

from bot.settings import DEFAULT_API_URL, Settings, SettingsError, load_settings

EXAMPLE = Path(__file__).resolve().parent.parent / "config" / "settings.example.toml"


def write(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "settings.toml"
    path.write_text(text)
    return {"IOP_CONFIG": str(path)}


def test_the_example_file_documents_exactly_the_defaults() -> None:
    loaded = load_settings({"IOP_CONFIG": str(EXAMPLE)})
    assert loaded == Settings()


def test_it_uses_built_in_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings({})
    assert settings.bot_api_url == DEFAULT_API_URL
    assert settings.data_dir == Path("data")
    assert settings.default_checkin_time == time(19, 0)


def test_it_reads_secrets_and_locations_from_the_environment(tmp_path: Path) -> None:
    env = {
        "IOP_BOT_TOKEN": "123456:abc-DEF_ghi",
        "IOP_BOT_API_URL": "http://127.0.0.1:8081/bot",
        "IOP_DATA_DIR": str(tmp_path / "d"),
    }
    settings = load_settings({**write(tmp_path, ""), **env})
    assert settings.bot_token == "123456:abc-DEF_ghi"
    assert settings.bot_api_url == "http://127.0.0.1:8081/bot"
    assert settings.data_dir == tmp_path / "d"


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[program]\ntimezone = "Mars/Olympus"', "program.timezone"),
        ('[checkin]\ndefault_time = "25:00"', "checkin.default_time"),
        ('[quiet_hours]\nstart = "late"', "quiet_hours.start"),
        ("[enrollment]\ncode_valid_days = 0", "enrollment.code_valid_days"),
        ('[crisis]\ndefault_locale = "uk"', "crisis.default_locale"),
        ("[crisis.us]\nlines = []", "crisis.us.lines"),
        ('[logging]\nlevel = "LOUD"', "logging.level"),
        ("[colours]\nx = 1", "colours"),
        ("[program\nname=", "IOP_CONFIG"),
    ],
)
def test_a_bad_value_is_refused_with_its_key_named(tmp_path: Path, toml: str, key: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(write(tmp_path, toml))
    assert str(caught.value).startswith(key)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("env", "key"),
    [
        ({"IOP_BOT_TOKEN": "not a token"}, "IOP_BOT_TOKEN"),
        ({"IOP_BOT_API_URL": "ftp://x"}, "IOP_BOT_API_URL"),
        ({"IOP_CONFIG": "/nonexistent/settings.toml"}, "IOP_CONFIG"),
    ],
)
def test_a_bad_environment_value_is_refused_with_its_name(env: dict[str, str], key: str) -> None:
    with pytest.raises(SettingsError, match=f"^{key}"):
        load_settings(env)


def test_crisis_lines_fall_back_to_the_default_locale() -> None:
    settings = Settings()
    assert any("988" in line for line in settings.crisis_for("fr").lines)
