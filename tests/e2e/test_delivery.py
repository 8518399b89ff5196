"""Every message is answered, once, whatever Telegram does with its update ids, tokens and re-sends.

The real bot over HTTP against the emulator. Each user says something to the bot before it writes
to them (Telegram's contact rule).
"""

from __future__ import annotations

import dataclasses
import errno
import itertools
import logging
import os
import socket
import time
from typing import Any

import httpx
import pytest
from telegram import Update

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.devtools.emulator.world import MAX_QUEUE_EVENTS
from bot.domain.escalation import acknowledge
from bot.domain.models import Counselor
from bot.runtime import open_services, running
from bot.store import inbox as inbox_module
from bot.telegram.app import build_application
from bot.telegram.delivery import identify
from bot.telegram.webhook import parse_webhook
from bot.texts import BTN_SAFE
from tests.conftest import COUNSELOR, PATIENT, TOKEN, Harness, bot_running, enroll_alex

CRISIS = "honestly I just want to kill myself tonight"
HEALTH = "Bot health"


def _answered(emu: BotApiEmulator, chat: int, contains: str) -> int:
    return sum(1 for e in emu.events(chat) if not e.edited and contains in e.text)


def _urgent(emu: BotApiEmulator) -> int:
    return _answered(emu, COUNSELOR, "Urgent")


def _crisis_answers(emu: BotApiEmulator) -> int:
    """The patient's crisis answers: 988 *and* "Are you safe?" buttons. Other answers name 988 too
    (/sos, "help me"), so counting 988 alone would take one of them for the crisis answer."""
    return sum(
        1 for e in emu.events(PATIENT) if not e.edited and "988" in e.text and BTN_SAFE in e.button_texts()
    )


async def _crisis_answered_and_alerted(bot: Harness, text: str = CRISIS) -> None:
    """Answered and alerted once. At least one more, not exactly one: a count that jumps by two between
    two looks (the test shares the bot's event loop) never equals "one more" and would wait forever."""
    before = (_crisis_answers(bot.emu), _urgent(bot.emu))
    bot.emu.send_text(PATIENT, text)
    # 30 s, not 10: the counselor's chat is rate-limited (about one message a second, 429s honoured),
    # and several alerts and notices reach it in a few seconds here.
    await bot.emu.wait_until(lambda: _crisis_answers(bot.emu) > before[0], timeout=30)
    await bot.emu.wait_until(lambda: _urgent(bot.emu) > before[1], timeout=30)
    await bot.emu.settle()
    assert (_crisis_answers(bot.emu), _urgent(bot.emu)) == (before[0] + 1, before[1] + 1)
    # Acknowledged, so the next crisis words are a new event (the same kind while one is open joins it,
    # with a shorter answer and no new card: newcomer9 N40).
    svc = bot.services
    for alert in svc.worker.call(svc.repo.open_alerts):
        svc.worker.call(svc.repo.change_alert, alert.alert_id, lambda a: acknowledge(a, COUNSELOR, svc.now()))


async def _help_answered(bot: Harness, user: int = PATIENT, text: str = "/help") -> None:
    """Some answer to *this* message (a cursor would take an earlier, unread answer for it)."""
    before = len(bot.emu.events(user))
    bot.emu.send_text(user, text)
    await bot.emu.wait_until(lambda: len(bot.emu.events(user)) > before)


async def test_update_ids_restarting_from_1_on_an_existing_data_dir_are_all_answered(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        await _help_answered(bot, COUNSELOR)
        for n in range(3):
            await _crisis_answered_and_alerted(bot, f"{CRISIS} ({n})")
    with BotApiEmulator(token=TOKEN) as fresh:  # a new Telegram: update ids start from 1 again
        fresh.add_user(COUNSELOR, "Dana")
        fresh.add_user(PATIENT, "Alex")
        # Update ids restart; a chat's message ids do not (Telegram numbers them per chat for the bot), so
        # the counselor's /start here is not the very same message as the one before, in the same second.
        for chat in (COUNSELOR, PATIENT):
            fresh.world.message_ids[chat] = itertools.count(1_000)
        again = dataclasses.replace(settings, bot_api_url=fresh.base_url)
        async with bot_running(again, fresh) as bot:
            await _help_answered(bot, COUNSELOR, "/caseload")
            await _help_answered(bot, PATIENT, "/help please")
            await _crisis_answered_and_alerted(bot, "I want to die")
            await fresh.settle()
            assert _answered(fresh, COUNSELOR, HEALTH) == 0  # nothing was skipped


async def test_update_ids_jumping_far_below_or_far_above_are_all_answered(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    emulator.set_next_update_id(5_000_000)
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        await _help_answered(bot, COUNSELOR)
        await _help_answered(bot)
        emulator.set_next_update_id(17)  # Telegram after a quiet week: a random id, here far below
        await _crisis_answered_and_alerted(bot, "I want to die")
        await _help_answered(bot, PATIENT, "/help me")
        emulator.set_next_update_id(17 + 3 * MAX_QUEUE_EVENTS)  # and far above
        await _crisis_answered_and_alerted(bot, "I want to kill myself")


async def test_a_new_token_on_the_same_data_dir_answers_everything(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        await _help_answered(bot, COUNSELOR)
        await _crisis_answered_and_alerted(bot)
    new_token = "4243:a-new-token-after-a-leak"
    emulator.change_token(new_token)
    async with httpx.AsyncClient() as client:
        old = await client.post(f"{emulator.base_url}{TOKEN}/getMe")
    assert old.status_code == 401  # the leaked token is dead, as on Telegram
    async with bot_running(dataclasses.replace(settings, bot_token=new_token), emulator) as bot:
        await _help_answered(bot, PATIENT, "/help again")
        await _crisis_answered_and_alerted(bot, "I want to die")


async def test_updates_sent_again_after_a_restart_are_handled_once_and_the_admin_is_told_once(
    settings: Settings, emulator: BotApiEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    admin = 1003
    emulator.add_user(admin, "Ana")
    async with bot_running(settings, emulator) as bot:
        bot.services.worker.call(bot.services.repo.add_counselor, Counselor(admin, "Ana", "admin"))
        await enroll_alex(bot)
        await _help_answered(bot, COUNSELOR)
        await _help_answered(bot, admin)
        await _help_answered(bot)
        await _crisis_answered_and_alerted(bot)
    patient_replies, alerts = len(emulator.events(PATIENT)), _urgent(emulator)
    for _ in range(2):  # twice within the hour: two restarts, one notice
        emulator.redeliver(2)  # the /help and the crisis message, as Telegram re-sends unconfirmed ones
        async with bot_running(settings, emulator) as bot:
            await emulator.wait_until(lambda: _answered(emulator, admin, HEALTH) == 1)
            await emulator.settle()
    assert len(emulator.events(PATIENT)) == patient_replies and _urgent(emulator) == alerts
    assert _answered(emulator, admin, HEALTH) == 1 and _answered(emulator, COUNSELOR, HEALTH) == 0
    skipped = [r for r in caplog.records if r.levelno == logging.ERROR and "handled before" in r.getMessage()]
    assert len(skipped) == 4 and CRISIS not in caplog.text


async def test_an_update_received_but_not_handled_before_a_crash_is_handled_once_at_start_up(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        await _help_answered(bot, COUNSELOR)
        await _help_answered(bot)
    emulator.send_text(PATIENT, CRISIS)  # the bot fetched this, wrote it to its inbox, and died
    update = emulator.last_update()
    with open_services(settings) as svc:
        key, data = identify(Update.de_json(dict(update), None))
        assert svc.worker.call(svc.repo.inbox.receive, key, data) == "new"
    async with bot_running(settings, emulator) as bot:  # Telegram also sends it again: never confirmed
        await emulator.wait_until(lambda: _answered(emulator, PATIENT, "988") == 1 and _urgent(emulator) == 1)
        await emulator.wait_until(lambda: emulator.fetched(update))
        await emulator.settle()
        assert _answered(emulator, PATIENT, "988") == 1 and _urgent(emulator) == 1
        assert bot.services.worker.call(bot.services.repo.inbox.waiting) == []


class FullDisk:
    """The ``os`` module as the inbox sees it, on a disk that is full."""

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def fsync(self, fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class FullDiskWrites(FullDisk):
    """A disk so full that no write goes through either (ops O41: the hourly limit was kept only on disk, so
    the admin got a notice per update)."""

    def write(self, fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("disk", [FullDisk, FullDiskWrites], ids=["fsync fails", "writes fail"])
async def test_an_inbox_that_cannot_be_written_still_answers_and_tells_a_counselor_once(
    bot: Harness,
    patient: int,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    disk: type[FullDisk],
) -> None:
    await _help_answered(bot, COUNSELOR)
    # A routine "skipped" notice (a restart's re-sent update) minutes before does not silence it (ops O48).
    bot.app.update_queue.alarm("skipped", 1)  # type: ignore[attr-defined]
    await bot.emu.wait_for_message(COUNSELOR, contains="skipped")
    monkeypatch.setattr(inbox_module, "os", disk())
    await _help_answered(bot)
    await _crisis_answered_and_alerted(bot)
    notice = await bot.emu.wait_for_message(COUNSELOR, contains="disk full")
    await bot.emu.settle()
    assert _answered(bot.emu, COUNSELOR, HEALTH) == 2 and "disk full" in notice.text
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR and r.name == "bot.telegram.delivery"]
    assert len(failures) >= 2 and CRISIS not in caplog.text


async def test_the_webhook_answers_telegram_only_once_the_update_is_on_disk(
    settings: Settings, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    hook = parse_webhook("https://bot.example.org/tg", f"127.0.0.1:{port}", "webhook-secret-0123456789")
    order: list[str] = []
    with open_services(settings) as svc:
        inbox = svc.repo.inbox
        receive = inbox.receive

        def slow_receive(key: str, update: dict[str, Any], **how: Any) -> Any:
            time.sleep(0.3)  # a slow disk: an answer sent before the write would now come first
            status = receive(key, update, **how)
            order.append("on disk")
            return status

        monkeypatch.setattr(inbox, "receive", slow_receive)
        async with running(build_application(settings, svc), webhook=hook):
            emulator.send_text(PATIENT, CRISIS)
            body = emulator.last_update()
            headers = {"X-Telegram-Bot-Api-Secret-Token": hook.secret}
            async with httpx.AsyncClient() as client:
                answer = await client.post(f"http://127.0.0.1:{port}/tg", json=body, headers=headers)
            order.append(f"answered {answer.status_code}")
            await emulator.wait_for_message(PATIENT, contains="988")
    assert order == ["on disk", "answered 200"]


async def test_polling_tells_telegram_a_batch_arrived_only_once_it_is_on_disk(
    settings: Settings, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    order: list[str] = []

    class SlowDisk:
        """The ``os`` module as the inbox sees it, on a disk whose fsync takes a while."""

        def __getattr__(self, name: str) -> Any:
            return getattr(os, name)

        def fsync(self, fd: int) -> None:
            time.sleep(0.3)  # a getUpdates confirming the batch before the fsync ends would come first
            os.fsync(fd)
            order.append("on disk")

    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        await _help_answered(bot)
        await emulator.wait_until(lambda: not emulator.world.updates)  # all confirmed: no fsync owed
        take, crisis = emulator.world.take_updates, [float("inf")]

        def confirming(offset: int, limit: int) -> list[dict[str, Any]]:
            if offset > crisis[0] and "confirmed" not in order:
                order.append("confirmed")  # the offset tells Telegram the crisis message arrived
            return take(offset, limit)

        monkeypatch.setattr(emulator.world, "take_updates", confirming)
        monkeypatch.setattr(inbox_module, "os", SlowDisk())
        emulator.send_text(PATIENT, CRISIS)
        crisis[0] = emulator.last_update()["update_id"]
        await emulator.wait_until(lambda: "confirmed" in order)
        await emulator.wait_for_message(PATIENT, contains="988")
    assert order[:2] == ["on disk", "confirmed"]
