"""The bot's HTTP clients share one TLS context.

httpx builds a TLS context for every client by reading the CA bundle, about 0.1-0.2 s of CPU each, and
PTB makes a client per request object: two at every start-up, the same for every test's bot. One context,
made once per process, verifies exactly as httpx's default does (certifi's bundle, or SSL_CERT_FILE).
"""

from __future__ import annotations

import functools
import ssl
from typing import Any

import httpx
from telegram.request import HTTPXRequest


@functools.cache
def tls_context() -> ssl.SSLContext:
    """httpx's default verifying context, made once."""
    return httpx.create_ssl_context()


def client_options() -> dict[str, Any]:
    """What every HTTPXRequest of the bot passes on to its httpx client."""
    return {"verify": tls_context()}


def bot_request() -> HTTPXRequest:
    """The connection pool for every Bot API call but getUpdates (PTB's builder default: 256)."""
    return HTTPXRequest(connection_pool_size=256, httpx_kwargs=client_options())
