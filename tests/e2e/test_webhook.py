"""Webhook mode end to end: Telegram's secret header decides whether an update is handled at all."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from bot import texts
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Counselor
from bot.runtime import open_services, running
from bot.telegram.app import build_application
from bot.telegram.services import App
from bot.telegram.webhook import Webhook, parse_webhook
from tests.conftest import COUNSELOR, PATIENT, Harness, settled_by, store_patient

SECRET = "webhook-test-secret-0123456789"


def _listening(app: App, asked: Webhook) -> Webhook:
    """The webhook as served: asked for port 0, the server's own socket says which port it took. A port found free
    beforehand and bound by the bot later was a race: another test's server took it in between (test_webhook
    failed so once under load)."""
    httpd = app.updater._httpd if app.updater is not None else None  # bot/telegram/health.py reads it too
    assert httpd is not None, "the webhook server is not running"
    (sock,) = httpd._http_server._sockets.values()
    return dataclasses.replace(asked, port=int(sock.getsockname()[1]))


# Port 0: the kernel's choice, taken at the bind itself (`--listen` asks for a real port, so it is set here).
ANY_PORT = dataclasses.replace(
    parse_webhook("https://bot.example.org/tg/updates", "127.0.0.1:8443", SECRET), port=0
)


@pytest.fixture
async def bot(settings: Settings, emulator: BotApiEmulator) -> AsyncIterator[Harness]:
    """The real bot, receiving updates on its webhook server instead of polling."""
    with open_services(settings) as services:
        services.worker.call(
            services.repo.add_counselor, Counselor(telegram_id=COUNSELOR, name="Dana Rivera")
        )
        app = build_application(settings, services)
        async with running(app, webhook=ANY_PORT):
            with settled_by(emulator, app, polling=False):
                yield Harness(emulator, services, app)


@pytest.fixture
def webhook(bot: Harness) -> Webhook:
    return _listening(bot.app, ANY_PORT)


@pytest.fixture
async def patient(bot: Harness, webhook: Webhook) -> int:
    """An enrolled patient who opened the bot: Telegram posts their /start to the webhook."""
    store_patient(bot, PATIENT, "Alex", first_name="Alex")
    bot.emu.start_bot(PATIENT)
    with bot.emu.world.cond:
        start = bot.emu.world.updates[-1]
    assert await _post(webhook, start, SECRET) == 200
    await bot.emu.wait_for_message(PATIENT)
    return PATIENT


def _help_update(user_id: int) -> dict[str, Any]:
    user = {"id": user_id, "is_bot": False, "first_name": "Alex"}
    message = {
        "message_id": 1,
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": "Alex"},
        "from": user,
        "text": "/help",
        "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
    }
    return {"update_id": 700, "message": message}


async def _post(webhook: Webhook, body: dict[str, Any], secret: str | None) -> int:
    headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
    url = f"http://{webhook.host}:{webhook.port}{webhook.path}"
    async with httpx.AsyncClient() as client:
        response = await client.post(url, json=body, headers=headers)
    return response.status_code


async def _answered_after(bot: Harness, webhook: Webhook, patient: int) -> None:
    """A barrier after a refused post: the same person's next update, posted with the secret, is answered and
    the bot is idle. One person's updates are handled in the order they came, so a refused update taken
    anyway would have been answered before it."""
    later = _help_update(patient)
    later["update_id"], later["message"]["message_id"] = 701, 2
    assert await _post(webhook, later, SECRET) == 200
    await bot.emu.wait_for_message(patient, contains=texts.HELP_PATIENT.split("\n")[0])
    await bot.emu.settle()


async def test_start_up_registers_the_webhook_with_its_secret(bot: Harness) -> None:
    assert bot.emu.stats.calls["setWebhook"] == 1


async def test_an_update_without_the_secret_header_is_refused_and_not_handled(
    bot: Harness, patient: int, webhook: Webhook
) -> None:
    before = len(bot.emu.sent_to(patient))
    assert await _post(webhook, _help_update(patient), None) == 403
    await _answered_after(bot, webhook, patient)
    assert len(bot.emu.sent_to(patient)) == before + 1  # the later update's answer alone


async def test_an_update_with_a_wrong_secret_is_refused_and_not_handled(
    bot: Harness, patient: int, webhook: Webhook
) -> None:
    before = len(bot.emu.sent_to(patient))
    assert await _post(webhook, _help_update(patient), "not-the-secret-at-all-000000") == 403
    await _answered_after(bot, webhook, patient)
    assert len(bot.emu.sent_to(patient)) == before + 1  # the later update's answer alone


async def test_an_update_with_the_right_secret_is_handled_and_answered(
    bot: Harness, patient: int, webhook: Webhook
) -> None:
    # The same update after two refusals: refused ones were never claimed, so this one still counts.
    before = len(bot.emu.sent_to(patient))
    assert await _post(webhook, _help_update(patient), None) == 403
    assert await _post(webhook, _help_update(patient), "wrong-wrong-wrong-wrong") == 403
    assert await _post(webhook, _help_update(patient), SECRET) == 200
    reply = await bot.emu.wait_for_message(patient)
    assert reply.text.split("\n")[0] in texts.HELP_PATIENT
    assert len(bot.emu.sent_to(patient)) == before + 1


async def test_the_secret_never_reaches_a_log_line(
    caplog: pytest.LogCaptureFixture, settings: Settings, emulator: BotApiEmulator
) -> None:
    for name in (None, "telegram", "httpx", "tornado"):
        caplog.set_level(logging.DEBUG, logger=name)
    with open_services(settings) as services:
        app = build_application(settings, services)
        async with running(app, webhook=ANY_PORT):
            served = _listening(app, ANY_PORT)
            assert await _post(served, _help_update(4004), "a-wrong-secret-" + SECRET[::-1]) == 403
    lines = [logging.Formatter().format(r) for r in caplog.records]
    assert any("setWebhook" in line for line in lines)  # PTB logs its parameters at DEBUG
    assert not [line for line in lines if SECRET in line]


async def _healthz(webhook: Webhook) -> httpx.Response:
    async with httpx.AsyncClient() as client:
        return await client.get(f"http://{webhook.host}:{webhook.port}/healthz")


async def test_healthz_is_200_while_store_and_bot_api_answer_and_503_when_either_does_not(
    bot: Harness, patient: int, webhook: Webhook, monkeypatch: pytest.MonkeyPatch
) -> None:
    response = await _healthz(webhook)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["store"] == "ok" and body["bot_api"] == "ok"
    # Components and causes only: no alias, name, id or message, whoever is enrolled.
    assert set(body) == {
        "status",
        "store",
        "bot_api",
        "clock",
        "audit",
        "people",
        "version",
        "build",
        "data_format",
    }
    assert "Alex" not in response.text and str(patient) not in response.text
    assert response.headers["Cache-Control"] == "no-store"

    services = bot.services
    services.api.last_ok = services.now() - timedelta(minutes=4)
    services.api.last_error = "NetworkError"
    response = await _healthz(webhook)
    assert response.status_code == 503
    assert response.json()["bot_api"].startswith("no answer for 24") and "NetworkError" in response.text

    services.api.last_ok, services.api.last_error = services.now(), ""
    assert (await _healthz(webhook)).status_code == 200

    def broken() -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(services.repo, "counselors", broken)
    response = await _healthz(webhook)
    assert response.status_code == 503
    assert response.json()["store"] == "the store failed (OSError)"
    # The webhook itself still takes updates beside /healthz.
    assert await _post(webhook, _help_update(patient), SECRET) == 200
