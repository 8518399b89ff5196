"""`iop-bot doctor` says when the running bot has other settings than the file gives now (newcomer finding
10b-20): on-call changed in settings.toml without a restart went on escalating to the old person while
doctor and doctor --live said ok."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.admin.doctor_settings import record, settings_check
from bot.config.settings import Settings
from bot.runtime import open_services
from tests.conftest import KEY


def _settings(tmp_path: Path, oncall: tuple[int, ...]) -> Settings:
    return Settings(bot_token="1:x", data_dir=tmp_path / "data", data_keys=(KEY,), oncall=oncall)


def test_a_settings_change_the_running_bot_has_not_loaded_is_a_fail_naming_it(tmp_path: Path) -> None:
    running = _settings(tmp_path, (5003,))
    with open_services(running):  # the bot, running with on-call 5003 (bot/runtime.py: running)
        record(running)
        [same] = settings_check(running)
        assert same.ok, same.line()
        [changed] = settings_check(dataclasses.replace(running, oncall=(5001,)))
    assert not changed.ok and "oncall" in changed.message and "Restart the bot" in changed.message


def test_no_bot_running_is_not_a_difference(tmp_path: Path) -> None:
    running = _settings(tmp_path, (5003,))
    with open_services(running):
        record(running)
    [finding] = settings_check(dataclasses.replace(running, oncall=(5001,)))
    assert finding.ok, finding.line()


def test_a_new_token_or_key_is_not_named(tmp_path: Path) -> None:
    running = _settings(tmp_path, (5003,))
    with open_services(running):
        record(running)
        [finding] = settings_check(dataclasses.replace(running, bot_token="2:y"))
    assert finding.ok or "2:y" not in finding.message


def test_doctor_names_the_settings_file_or_says_it_read_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # newcomer5 finding 29: from another directory doctor read the built-in defaults without a word.
    from bot.admin.doctor_settings import settings_file_check

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("IOP_CONFIG", raising=False)
    [none] = settings_file_check(_settings(tmp_path, ()))
    assert "built-in defaults" in none.message and str(tmp_path) in none.message
    config = tmp_path / "clinic.toml"
    config.write_text("")
    monkeypatch.setenv("IOP_CONFIG", str(config))
    [named] = settings_file_check(_settings(tmp_path, ()))
    assert str(config) in named.message
