"""Logging set-up: ids in every line, no bot token anywhere, no HTTP chatter."""

from __future__ import annotations

import logging
import re

_TOKEN = re.compile(r"(?:bot)?\d{5,}:[A-Za-z0-9_-]{20,}")
_REDACTED = "bot<redacted>"


class RedactTokens(logging.Filter):
    """Replace anything shaped like a bot token, in messages, arguments and tracebacks."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drop it."""
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        redacted = _TOKEN.sub(_REDACTED, message)
        if redacted != message or record.args:
            record.msg, record.args = redacted, None
        if record.exc_text:
            record.exc_text = _TOKEN.sub(_REDACTED, record.exc_text)
        return True


def redact(text: str) -> str:
    """The text with token-shaped strings replaced."""
    return _TOKEN.sub(_REDACTED, text)


def setup_logging(level: str = "INFO") -> None:
    """Configure the root logger once; safe to call again (it replaces our handler)."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_iop", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler()
    handler._iop = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactTokens())
    root.addHandler(handler)
    # httpx logs every request URL, and the URL carries the token.
    for noisy in ("httpx", "httpcore", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # A sweep still sending a burst when its next run comes up is expected (the run is skipped);
    # APScheduler warns of it every few seconds, which would bury real warnings.
    logging.getLogger("apscheduler.executors.default").setLevel(logging.ERROR)
