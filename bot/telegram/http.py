"""The bot's HTTP clients share one TLS context.

httpx builds a TLS context for every client by reading the CA bundle, about 0.1-0.2 s of CPU each, and
PTB makes a client per request object: two at every start-up, the same for every test's bot. One context,
made once per process, verifies exactly as httpx's default does (certifi's bundle, or SSL_CERT_FILE).
"""

from __future__ import annotations

import functools
import ssl
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from telegram.request import HTTPXRequest

ResponseHook = Callable[[httpx.Response], Awaitable[None]]


@functools.cache
def tls_context() -> ssl.SSLContext:
    """httpx's default verifying context, made once."""
    return httpx.create_ssl_context()


def client_options(on_response: ResponseHook | None = None) -> dict[str, Any]:
    """What every HTTPXRequest of the bot passes on to its httpx client (``on_response``: reads each answer's
    headers, bot/telegram/clock.py)."""
    options: dict[str, Any] = {"verify": tls_context()}
    if on_response is not None:
        options["event_hooks"] = {"response": [on_response]}
    return options


def bot_request(on_response: ResponseHook | None = None) -> HTTPXRequest:
    """The connection pool for every Bot API call but getUpdates (PTB's builder default: 256)."""
    return HTTPXRequest(connection_pool_size=256, httpx_kwargs=client_options(on_response))
