"""Logs never carry the bot token, and HTTP chatter is off."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

import pytest

from bot.config.logs import RedactTokens, redact, setup_logging

# Built at run time so no token-shaped string sits in the repository.
FAKE = "1234567890:" + "A" * 35


def test_a_token_in_a_url_is_redacted() -> None:
    assert FAKE not in redact(f"POST https://api.telegram.org/bot{FAKE}/getUpdates")


def test_a_token_in_log_arguments_and_tracebacks_is_redacted() -> None:
    try:
        raise RuntimeError(f"failed calling {FAKE}")
    except RuntimeError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "url %s", (FAKE,), exc_info=None)
        import sys

        record.exc_info = sys.exc_info()
    RedactTokens().filter(record)
    assert FAKE not in record.getMessage() and FAKE not in (record.exc_text or "")


def test_http_client_request_lines_are_silenced() -> None:
    setup_logging("INFO")
    assert not logging.getLogger("httpx").isEnabledFor(logging.INFO)


def test_a_registered_secret_of_any_shape_is_redacted_for_every_handler(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from bot.config.logs import redact_secrets

    secret = "42:short-" + secrets.token_hex(4)  # not token-shaped: only registration catches it
    redact_secrets(secret)
    caplog.set_level(logging.DEBUG, logger="httpx")
    try:
        raise RuntimeError(f"failed calling /bot{secret}/getMe")
    except RuntimeError:
        logging.getLogger("httpx").debug("POST /bot%s/getMe", secret, exc_info=True)
    record = caplog.records[-1]
    assert secret not in record.getMessage() and secret not in (record.exc_text or "")
    assert secret not in caplog.text


def test_python_telegram_bots_debug_lines_never_reach_the_log(tmp_path: Path) -> None:
    """newcomer11 O25: at IOP_LOG_LEVEL=DEBUG every update and send was logged in full, patients' words too."""
    log = tmp_path / "bot.log"
    setup_logging("DEBUG", log)
    try:
        logging.getLogger("telegram.ext.Application").debug("update {'text': 'i took 40 pills'}")
        logging.getLogger("bot.handlers.crisis").debug("alert abc is of kind crisis")
        for handler in logging.getLogger().handlers:
            handler.flush()
        written = log.read_text()
        assert "i took 40 pills" not in written and "alert abc is of kind crisis" in written
        setup_logging("WARNING", log)
        assert logging.getLogger("telegram").getEffectiveLevel() == logging.WARNING
    finally:
        setup_logging("INFO")
