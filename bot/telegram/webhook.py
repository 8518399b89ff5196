"""Webhook mode: where Telegram posts updates, where we listen, and the secret it must send."""

from __future__ import annotations

import dataclasses
import logging
import secrets
from urllib.parse import urlsplit

from bot.config.settings import SettingsError

log = logging.getLogger(__name__)
DEFAULT_LISTEN = "127.0.0.1:8443"


@dataclasses.dataclass(frozen=True)
class Webhook:
    """Everything `Updater.start_webhook` needs; `secret` never appears in repr or logs."""

    url: str  # the public HTTPS address Telegram posts to (usually a reverse proxy in front of us)
    host: str
    port: int
    secret: str = dataclasses.field(repr=False)

    @property
    def path(self) -> str:
        """The local path we serve: the public URL's path, so a proxy can pass requests through."""
        return urlsplit(self.url).path or "/"


def parse_webhook(url: str, listen: str, secret: str) -> Webhook:
    """Validate `--webhook URL --listen HOST:PORT`; an empty secret becomes a random one for this run."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise SettingsError(f"--webhook: {url!r} is not an http(s) URL (Telegram needs https)")
    if parts.query or parts.fragment:
        raise SettingsError("--webhook: the URL must not carry a query or fragment")
    host, sep, port_text = listen.rpartition(":")
    if not sep or not host or not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise SettingsError(f"--listen: {listen!r} is not HOST:PORT (e.g. 127.0.0.1:8443)")
    if not secret:
        # Telegram is told the new secret at every start-up (setWebhook), so a per-run one works;
        # a fixed IOP_WEBHOOK_SECRET lets a reverse proxy check it too.
        secret = secrets.token_urlsafe(32)
        log.info("IOP_WEBHOOK_SECRET is not set; generated a random webhook secret for this run")
    return Webhook(url=url, host=host.strip("[]"), port=int(port_text), secret=secret)
