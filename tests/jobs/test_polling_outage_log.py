"""Polls failing on the network during a Telegram outage (ops O108): PTB logged each at ERROR with a 40-line
traceback, about six a minute, paging any log-based alert. One WARNING line a minute while it lasts; anything
else a poll raises is logged as before, traceback and all."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.jobs.polling import on_polling_error
from bot.telegram.services import ApiContact


def test_network_failures_of_polling_are_one_warning_line_a_minute(caplog: pytest.LogCaptureFixture) -> None:
    svc = SimpleNamespace(api=ApiContact(), now=lambda: datetime.now(UTC))
    app = SimpleNamespace(job_queue=None, bot_data=SimpleNamespace(svc=svc))
    on_error = on_polling_error(app)  # type: ignore[arg-type]
    with caplog.at_level(logging.INFO, logger="telegram.ext.Updater"):
        for _ in range(6):
            on_error(NetworkError("httpx.ConnectError: All connection attempts failed"))
        on_error(TimedOut())
        on_error(BadRequest("something unexpected"))
    network = [r for r in caplog.records if "polling for updates failed" in r.getMessage()]
    assert len(network) == 1 and network[0].levelno == logging.WARNING and network[0].exc_info is None
    (other,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert other.exc_info is not None and "Exception happened while polling" in other.getMessage()
    assert svc.api.outage_since is not None  # the window began (ops O119)
