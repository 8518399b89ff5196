"""Logging set-up: ids in every line, no bot token or other secret anywhere, no HTTP chatter."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any

_TOKEN = re.compile(r"(?:bot)?\d{5,}:[A-Za-z0-9_-]{20,}")
_REDACTED = "bot<redacted>"
# A data key (Fernet: 32 bytes, URL-safe base64): pasted where a setting goes, it was echoed (ops O110).
_KEY = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}=")
_MIN_SECRET = 8  # shorter strings would blank out ordinary words
_secrets: set[str] = set()


def redact(text: str) -> str:
    """The text with token-shaped strings and registered secrets replaced."""
    text = _KEY.sub("<redacted key>", _TOKEN.sub(_REDACTED, text))
    for secret in tuple(_secrets):  # a copy: another thread may register one meanwhile
        text = text.replace(secret, "<redacted>")
    return text


def _redact_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a malformed call: logging's own error handling reports it at emit time
        return
    if record.exc_info and not record.exc_text:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    redacted = redact(message)
    if redacted != message or record.args:
        record.msg, record.args = redacted, None
    if record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


class RedactTokens(logging.Filter):
    """Replace anything shaped like a bot token, in messages, arguments and tracebacks."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drop it."""
        _redact_record(record)
        return True


def redact_secrets(*secrets: str | None) -> None:
    """Redact these exact strings (whatever their shape) in every log record from now on.

    The redaction happens when a record is made, not in one handler's filter: httpx and
    python-telegram-bot log request URLs and parameters (the token, the webhook secret) at
    DEBUG, and every handler (a file, a test's capture, a library's own) must get them clean.
    """
    _secrets.update(s for s in secrets if s and len(s) >= _MIN_SECRET)
    factory = logging.getLogRecordFactory()
    if getattr(factory, "_iop_redacts", False):
        return

    def make(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        _redact_record(record)
        return record

    make._iop_redacts = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(make)


def setup_logging(level: str = "INFO", file: Path | None = None) -> None:
    """Configure the root logger once; safe to call again (it replaces our handler).

    ``file``: log there (created 0600, like the data) instead of to standard error.
    """
    redact_secrets()
    root = logging.getLogger()
    root.setLevel(level)
    for old in list(root.handlers):
        if getattr(old, "_iop", False):
            root.removeHandler(old)
            old.close()
    handler: logging.Handler = logging.StreamHandler()
    if file is not None:
        os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        handler = logging.FileHandler(file, encoding="utf-8")
    handler._iop = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactTokens())
    root.addHandler(handler)
    # httpx logs every request URL, and the URL carries the token.
    for noisy in ("httpx", "httpcore", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # python-telegram-bot's DEBUG lines carry every update and every send in full: patients' words, crisis
    # messages, /mydata summaries (newcomer11 O25). Never below INFO, whatever IOP_LOG_LEVEL says.
    logging.getLogger("telegram").setLevel(max(logging.INFO, root.getEffectiveLevel()))
    # A sweep still sending a burst when its next run comes up is expected (the run is skipped);
    # APScheduler warns of it every few seconds, which would bury real warnings.
    logging.getLogger("apscheduler.scheduler").addFilter(skipped_sweeps)


def skipped_sweeps(record: logging.LogRecord) -> bool:
    """Drop APScheduler's "skipped: maximum number of running instances" (a sweep still busy)."""
    return "maximum number of running instances" not in str(record.msg)
