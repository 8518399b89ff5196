"""A start refused over a torn alerts.json tells the admins in Telegram before exiting (ops O22: exit 2, the
unit failed, and nobody in Telegram heard it while every patient's message waited unanswered)."""

from __future__ import annotations

import asyncio

import pytest

from bot.cli import main
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Counselor
from tests.conftest import KEY, PATIENT, bot_running, enroll_patient, say_hello

ADMIN = 1003


async def test_a_torn_alerts_file_refuses_the_start_and_the_admins_hear_it(
    settings: Settings, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
        emulator.add_user(ADMIN, first_name="Morgan")
        await say_hello(emulator, ADMIN)
        await enroll_patient(bot, PATIENT, "Sam")
        emulator.send_text(PATIENT, "i want to kill myself tonight")
        await emulator.wait_until(lambda: bool(svc.worker.call(svc.repo.open_alerts)))
    alerts = settings.data_dir / "alerts.json"
    alerts.write_bytes(alerts.read_bytes()[: alerts.stat().st_size // 2])  # torn, as by a bad sector
    monkeypatch.setenv("IOP_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    monkeypatch.setenv("IOP_BOT_TOKEN", settings.bot_token)
    monkeypatch.setenv("IOP_BOT_API_URL", settings.bot_api_url)
    assert await asyncio.to_thread(main, ["run"]) == 2
    told = await emulator.wait_for_message(ADMIN, contains="down")
    assert "iop-bot doctor" in told.text
