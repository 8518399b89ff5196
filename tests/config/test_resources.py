"""Program data: shipped in the package, replaced per clinic by files its settings name."""

from __future__ import annotations

import io
import json
import tomllib
from pathlib import Path

import pytest

from bot.admin.program_data import program_data_check
from bot.cli import main
from bot.config.about import DATA_FORMAT, build, version
from bot.config.resources import read_program_file, shipped_names, source_of, use_overrides
from bot.config.settings import Settings, SettingsError, load_settings
from bot.domain.instruments import default_instruments
from bot.domain.screen.assess import Level, assess
from bot.domain.triage import default_flag_rules

SHIPPED = ("checkin_items", "coping_skills", "flag_rules", "instruments", "screen_lexicon", "screen_frames")


def test_every_program_data_file_ships_in_the_package_and_parses() -> None:
    assert {f"{n}.toml" for n in SHIPPED} <= set(shipped_names())
    for name in shipped_names():
        assert tomllib.loads(read_program_file(name)), name
        assert source_of(name) == f"shipped {name}"


def test_an_unknown_name_is_refused_with_the_shipped_names() -> None:
    with pytest.raises(
        FileNotFoundError, match=r"flag_rule\.toml: not a program data file.*flag_rules\.toml"
    ):
        read_program_file("flag_rule.toml")
    with pytest.raises(ValueError, match=r"not program data files: nope\.toml"):
        use_overrides({"nope.toml": Path("x")})


def _clinic_rules(tmp_path: Path) -> Path:
    path = tmp_path / "my_rules.toml"
    path.write_text(
        read_program_file("flag_rules.toml").replace('label = "high craving"', 'label = "craving 7+"'),
        encoding="utf-8",
    )
    return path


def test_a_clinic_file_replaces_the_shipped_one_even_after_a_first_read(tmp_path: Path) -> None:
    assert default_flag_rules().label("high_craving") == "high craving"
    path = _clinic_rules(tmp_path)
    use_overrides({"flag_rules.toml": path})
    assert default_flag_rules().label("high_craving") == "craving 7+"
    assert source_of("flag_rules.toml") == str(path)
    use_overrides({})
    assert default_flag_rules().label("high_craving") == "high craving"


def _settings_file(tmp_path: Path, body: str) -> dict[str, str]:
    path = tmp_path / "settings.toml"
    path.write_text(body, encoding="utf-8")
    return {"IOP_CONFIG": str(path)}


def test_settings_name_the_clinic_files_and_refuse_unknown_or_missing_ones(tmp_path: Path) -> None:
    rules = _clinic_rules(tmp_path)
    env = _settings_file(tmp_path, f'[data]\nflag_rules = "{rules}"\n')
    assert load_settings(env).data_files == {"flag_rules.toml": rules}
    env = _settings_file(tmp_path, f'[data]\nflag_rule = "{rules}"\n')
    with pytest.raises(SettingsError, match=r"data\.flag_rule: .*program data file.*flag_rules"):
        load_settings(env)
    env = _settings_file(tmp_path, f'[data]\nflag_rules = "{tmp_path / "gone.toml"}"\n')
    with pytest.raises(SettingsError, match=r"data\.flag_rules: .*gone\.toml does not exist"):
        load_settings(env)


def test_measures_may_name_an_instrument_only_the_clinic_file_defines(tmp_path: Path) -> None:
    text = read_program_file("instruments.toml").replace('id = "gad7"', 'id = "gad7_clinic"')
    (tmp_path / "instruments.toml").write_text(text, encoding="utf-8")
    body = f'[data]\ninstruments = "{tmp_path / "instruments.toml"}"\n[measures]\ninstruments = ["gad7_clinic"]\n'
    settings = load_settings(_settings_file(tmp_path, body))
    assert settings.measures_instruments == ("gad7_clinic",)
    use_overrides(settings.data_files)
    assert "gad7_clinic" in default_instruments()


@pytest.mark.slow
def test_iop_bot_screen_uses_the_clinics_screen_lexicon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = read_program_file("screen_lexicon.toml")
    text = shipped.replace("[concept.SUICIDE]\nen = [", '[concept.SUICIDE]\nen = ["bluebird", ')
    assert text != shipped
    assert assess("i want to code bluebird").level == Level.NONE  # shipped lexicon: this test can fail
    (tmp_path / "lexicon.toml").write_text(text, encoding="utf-8")
    body = f'[data]\nscreen_lexicon = "{tmp_path / "lexicon.toml"}"\n'
    monkeypatch.setenv("IOP_CONFIG", _settings_file(tmp_path, body)["IOP_CONFIG"])
    monkeypatch.setattr("sys.stdin", io.StringIO("i want to code bluebird\n"))
    assert main(["screen"]) == 0
    assert json.loads(capsys.readouterr().out)["level"] == "crisis"


def test_doctor_names_the_clinic_file_in_use_and_fails_on_a_broken_one(tmp_path: Path) -> None:
    rules = _clinic_rules(tmp_path)
    settings = Settings(data_files={"flag_rules.toml": rules})
    lines = [f.line() for f in program_data_check(settings)]
    assert f"ok   program data: flag_rules.toml: {rules}" in lines
    rules.write_text(
        read_program_file("flag_rules.toml").replace('"craving >= 7"', '"craving => 7"'), encoding="utf-8"
    )
    lines = [f.line() for f in program_data_check(settings)]
    assert any(line.startswith(f"FAIL program data: flag_rules.toml: {rules}: ") for line in lines), lines
    assert sum(line.startswith("ok ") for line in lines) == len(shipped_names()) - 1


def test_version_and_the_shipped_defaults_a_clinic_copies(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"iop-bot {version()} ({build()}; data format {DATA_FORMAT})"
    assert main(["defaults", "flag_rules"]) == 0
    assert capsys.readouterr().out == read_program_file("flag_rules.toml")
    assert main(["defaults"]) == 0
    assert "screen_lexicon   in use: shipped screen_lexicon.toml" in capsys.readouterr().out
    assert main(["defaults", "flag_rule"]) == 1


def test_a_clinic_copy_left_in_the_config_dir_but_not_named_stops_the_cli_instead_of_being_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # An upgrade from the release that read config/*.toml in place: the clinic's edited rules must not
    # be silently replaced by the shipped ones.
    edited = tmp_path / "flag_rules.toml"
    edited.write_text(read_program_file("flag_rules.toml"), encoding="utf-8")
    monkeypatch.setenv("IOP_CONFIG", _settings_file(tmp_path, "")["IOP_CONFIG"])
    monkeypatch.setattr("sys.stdin", io.StringIO("hello\n"))
    assert main(["screen"]) == 2
    err = capsys.readouterr().err
    assert f"{edited} is not used: name it under [data]" in err and len(err.splitlines()) == 1
    monkeypatch.setenv(
        "IOP_CONFIG", _settings_file(tmp_path, f'[data]\nflag_rules = "{edited}"\n')["IOP_CONFIG"]
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("hello\n"))
    assert main(["screen"]) == 0
    (tmp_path / "safety_patterns.toml").write_text("", encoding="utf-8")  # replaced by screen_*.toml
    assert main(["screen"]) == 2
    assert "safety_patterns.toml is not used" in capsys.readouterr().err
