import os
from datetime import time
from pathlib import Path

import pytest

from bot.config.settings import DEFAULT_API_URL, Settings, SettingsError, load_settings

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "settings.example.toml"


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
        # newcomer11 O16, O17: a fixed offset for a place, and escalation no one would wait for
        ('[program]\ntimezone = "EST"', "program.timezone"),
        ('[program]\ntimezone = "EST5EDT"', "program.timezone"),
        ("[alerts]\nescalate_after_minutes = 100000", "alerts.escalate_after_minutes"),
        ("[alerts]\nrepeat_minutes = 100000", "alerts.repeat_minutes"),
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


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[alerts]\non_call = [1001]", "alerts.on_call: unknown key; did you mean oncall?"),
        ("[counselor]\npin_idle_minutes = 5", "counselor.pin_idle_minutes: unknown key; did you mean"),
        ("[alert]\noncall = [1001]", "alert: unknown section; did you mean alerts?"),
        ('[crisis.us]\nlynes = ["x"]', "crisis.us.lines: expected a non-empty list"),
        ("[alerts]\noncall = [true]", "alerts.oncall: expected a list of Telegram user ids"),
        ("[alerts]\noncall = [-5]", "alerts.oncall: expected a list of Telegram user ids"),
        ('[alerts]\noncall = "1001"', "alerts.oncall: expected a list of Telegram user ids"),
        (
            '[checkin]\nnudge_after_hours = "2"',
            "checkin.nudge_after_hours: expected a whole number from 1 to 12",
        ),
        ("[flood]\nmessages = 2.5", "flood.messages: expected a whole number of at least 1"),
        ("[storage]\nallow_unencrypted = 1", "storage.allow_unencrypted: expected true or false"),
        ("alerts = 5", "alerts: expected an [alerts] table"),
    ],
)
def test_a_mistyped_key_or_a_wrong_type_is_refused_naming_the_key(
    tmp_path: Path, toml: str, message: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(write(tmp_path, toml))
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_on_call_ids_are_read_as_given(tmp_path: Path) -> None:
    assert load_settings(write(tmp_path, "[alerts]\noncall = [1001, 1002]")).oncall == (1001, 1002)


@pytest.mark.parametrize(
    "items",
    [
        '[[item]\nkey = "mood"',  # not TOML
        '[[item]]\nkey = "mood"\nkind = "scale"\nprompt = "How?"\npromt = "typo"',  # unknown setting
        'same_day = "update"',  # no items
    ],
)
def test_a_bad_items_file_is_one_line_naming_the_setting_and_file(tmp_path: Path, items: str) -> None:
    path = tmp_path / "items.toml"
    path.write_text(items)
    with pytest.raises(SettingsError) as caught:
        load_settings(write(tmp_path, f'[checkin]\nitems_file = "{path}"'))
    assert str(caught.value).startswith(f"checkin.items_file: {path}: ")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("coping_skills", "[[skill]\nkey = "),  # not TOML
        ("instruments", "[[instrument]]\nid = 5"),
        ("screen_frames", "[[frame]]\nlevel = 'crisis'"),  # no name, no slots
        ("screen_lexicon", "[phrase.en]\n'give up' = 'NO_SUCH_CONCEPT'"),
        ("crisis_lines", "[locale.us]\nlines = ['Call 988']"),  # no checks (source and date)
        ("flag_rules", "[[rule]]\nkind = 'x'"),
    ],
)
def test_a_broken_program_data_file_stops_the_cli_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    from bot.cli import main
    from bot.config import resources
    from bot.config.resources import use_overrides

    monkeypatch.setattr(resources, "_overrides", {})  # main() installs the clinic's files process-wide
    broken = tmp_path / "broken.toml"
    broken.write_text(text)
    monkeypatch.setenv("IOP_CONFIG", write(tmp_path, f'[data]\n{name} = "{broken}"')["IOP_CONFIG"])
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    try:
        assert main(["patient", "list"]) == 2
    finally:
        use_overrides({})  # the CLI made the broken file this process's program data
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"iop-bot: configuration error: {name}.toml: {broken}: ") and "\n" not in err


def test_a_mistyped_program_data_name_gets_a_suggestion(tmp_path: Path) -> None:
    with pytest.raises(
        SettingsError, match=r"^data\.flag_rule: unknown program data file; did you mean flag_rules\?"
    ):
        load_settings(write(tmp_path, '[data]\nflag_rule = "x.toml"'))


def test_the_example_travels_in_the_package_and_is_printed_for_a_pip_install() -> None:
    import io

    from bot.admin.report import defaults

    out = io.StringIO()
    assert defaults("settings", out) == 0
    assert out.getvalue() == EXAMPLE.read_text(encoding="utf-8")


def test_a_default_locale_the_shipped_directory_lists_needs_no_copy_of_its_lines(tmp_path: Path) -> None:
    """Newcomer4 finding 10b: `default_locale = "mx"` was refused though the Mexican lines ship with the bot."""
    settings = load_settings(write(tmp_path, '[crisis]\ndefault_locale = "mx"'))
    assert settings.default_locale == "mx"
    assert any("Vida" in line for line in settings.crisis_for(None).lines)


def test_a_zone_by_its_city_alone_is_offered_its_full_name(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(write(tmp_path, '[program]\ntimezone = "Chicago"'))
    assert "did you mean America/Chicago?" in str(caught.value)


def test_utc_and_links_are_still_zones(tmp_path: Path) -> None:
    assert load_settings(write(tmp_path, '[program]\ntimezone = "UTC"')).timezone == "UTC"
    assert load_settings(write(tmp_path, '[program]\ntimezone = "US/Central"')).timezone == "US/Central"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_settings_file_is_one_line(tmp_path: Path) -> None:
    env = write(tmp_path, "")
    Path(env["IOP_CONFIG"]).chmod(0)
    with pytest.raises(SettingsError) as caught:
        load_settings(env)
    assert str(caught.value).startswith("IOP_CONFIG") and "cannot be read" in str(caught.value)


def test_a_settings_file_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    """newcomer11 O18 (as root, any file reads: a folder where the file should be stands in)."""
    (tmp_path / "settings.toml").mkdir()
    with pytest.raises(SettingsError) as caught:
        load_settings({"IOP_CONFIG": str(tmp_path / "settings.toml")})
    assert str(caught.value).startswith("IOP_CONFIG") and "cannot be read" in str(caught.value)


@pytest.mark.parametrize(
    ("setting", "secret_env"),
    [
        ("[alerts]\noncall = {secret!r}", "IOP_BOT_TOKEN"),
        ("[program]\ntimezone = {secret!r}", "IOP_DATA_KEY"),
    ],
)
def test_a_secret_pasted_where_a_setting_goes_is_not_echoed(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    setting: str,
    secret_env: str,
) -> None:
    """ops O110: the refusal quoted the value, the real bot token or data key, to stderr and the journal."""
    from bot.cli import main
    from bot.store.crypto import keygen

    secret = "2121212:AAnewcomer21-secret-token-xyz" if secret_env == "IOP_BOT_TOKEN" else keygen()
    monkeypatch.setenv(secret_env, secret)
    monkeypatch.setenv("IOP_CONFIG", write(tmp_path, setting.format(secret=secret))["IOP_CONFIG"])
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    assert main(["patient", "list"]) == 2
    err = capsys.readouterr().err
    assert "configuration error" in err and "redacted" in err, err
    assert secret not in err and secret.split(":")[-1] not in err
