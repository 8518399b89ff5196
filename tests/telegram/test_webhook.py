"""`--webhook URL --listen HOST:PORT` and the webhook secret: validated before anything starts."""

from __future__ import annotations

import pytest

from bot.config.settings import SettingsError, load_settings
from bot.telegram.webhook import parse_webhook


def test_the_local_path_is_the_public_urls_path() -> None:
    hook = parse_webhook("https://bot.example.org/tg/updates", "0.0.0.0:8080", "s" * 20)
    assert (hook.host, hook.port, hook.path) == ("0.0.0.0", 8080, "/tg/updates")
    assert parse_webhook("https://bot.example.org", "[::1]:8443", "s" * 20).path == "/"


@pytest.mark.parametrize(
    ("url", "listen"),
    [
        ("bot.example.org/tg", "127.0.0.1:8443"),
        ("https://bot.example.org/tg?x=1", "127.0.0.1:8443"),
        ("https://bot.example.org/tg", "8443"),
        ("https://bot.example.org/tg", "127.0.0.1:99999"),
        ("https://bot.example.org/tg", ":8443"),
    ],
)
def test_a_bad_url_or_listen_address_is_a_settings_error(url: str, listen: str) -> None:
    with pytest.raises(SettingsError):
        parse_webhook(url, listen, "")


def test_without_a_configured_secret_each_run_gets_a_random_one(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO")
    first = parse_webhook("https://bot.example.org/tg", "127.0.0.1:8443", "")
    second = parse_webhook("https://bot.example.org/tg", "127.0.0.1:8443", "")
    assert len(first.secret) >= 32 and first.secret != second.secret
    assert "generated" in caplog.text and first.secret not in caplog.text and first.secret not in repr(first)


def test_the_secret_comes_from_the_environment_and_must_be_long_enough() -> None:
    env = {"IOP_CONFIG": "/dev/null", "IOP_WEBHOOK_SECRET": "a-long-enough-secret_123"}
    settings = load_settings(env)
    assert settings.webhook_secret == env["IOP_WEBHOOK_SECRET"]
    assert env["IOP_WEBHOOK_SECRET"] not in repr(settings)
    with pytest.raises(SettingsError, match="IOP_WEBHOOK_SECRET"):
        load_settings({**env, "IOP_WEBHOOK_SECRET": "short"})


@pytest.mark.parametrize("argv", [["--listen", "127.0.0.1:8443"], ["--webhook", "not a url"]])
def test_run_with_bad_webhook_options_stops_with_exit_code_2(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import main

    monkeypatch.setenv("IOP_CONFIG", "/dev/null")
    monkeypatch.setenv("IOP_BOT_TOKEN", "123456:" + "x" * 30)
    assert main(["run", *argv]) == 2
    assert argv[0] in capsys.readouterr().err
