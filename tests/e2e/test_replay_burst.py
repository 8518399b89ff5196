"""A burst read together (newcomer16 N125), then the bot killed before the inbox marked its last message handled:
the replay neither asks again nor pages again."""

from __future__ import annotations

import pytest

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.telegram.delivery import DurableQueue
from tests.conftest import COUNSELOR, PATIENT, bot_running, enroll_alex


@pytest.mark.parametrize(("first", "last", "asked"), [
    ("i cant do this", "im done", "are you safe right now?"),
    ("im done", "goodbye", "Are you safe right now?"),
])  # fmt: skip
async def test_a_burst_replayed_after_a_crash_is_answered_once(
    settings: Settings,
    emulator: BotApiEmulator,
    monkeypatch: pytest.MonkeyPatch,
    first: str,
    last: str,
    asked: str,
) -> None:
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        emulator.send_text(PATIENT, first)
        await emulator.wait_for_message(PATIENT, contains="Send it to Dana Rivera?")
        await emulator.wait_until(lambda: not bot.services.worker.call(bot.services.repo.inbox.waiting))
        with monkeypatch.context() as crash:

            async def never_finished(self: DurableQueue, update: object) -> None:
                self._keys.pop(id(update), None)  # handled, but the bot died before the inbox said so

            crash.setattr(DurableQueue, "finished", never_finished)
            emulator.send_text(PATIENT, last)
            await emulator.wait_for_message(PATIENT, contains=asked)
            await emulator.settle()
            assert bot.services.worker.call(bot.services.repo.inbox.waiting)  # left to replay
        alerts = len(bot.services.worker.call(bot.services.repo.open_alerts))
    answers, cards = len(emulator.sent_to(PATIENT)), len(emulator.sent_to(COUNSELOR))
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        await emulator.wait_until(lambda: not svc.worker.call(svc.repo.inbox.waiting))  # replayed, handled
        await emulator.settle()
        assert len(svc.worker.call(svc.repo.open_alerts)) == alerts
        assert len(emulator.sent_to(PATIENT)) == answers, [m.text[:90] for m in emulator.sent_to(PATIENT)]
        assert len(emulator.sent_to(COUNSELOR)) == cards
        p = svc.worker.call(svc.repo.patient_by_telegram, PATIENT)
        assert p is not None
        assert len(svc.worker.call(svc.repo.flags_of_kind, p.patient_id, "safety_check")) <= 1


async def test_a_goodbye_in_pieces_replayed_after_a_crash_pages_once(
    settings: Settings, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """newcomer18 N178: the fourth message of "i cant anymore" / "im so tired of everything" / "im sorry" / "i love
    you all" pages; replayed after a crash before the inbox marked it handled, it neither pages nor answers again."""
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        for piece in ("i cant anymore", "im so tired of everything", "im sorry"):
            emulator.send_text(PATIENT, piece)
            await emulator.settle()
        await emulator.wait_until(lambda: not bot.services.worker.call(bot.services.repo.inbox.waiting))
        with monkeypatch.context() as crash:

            async def never_finished(self: DurableQueue, update: object) -> None:
                self._keys.pop(id(update), None)  # handled, but the bot died before the inbox said so

            crash.setattr(DurableQueue, "finished", never_finished)
            emulator.send_text(PATIENT, "i love you all")
            await emulator.wait_for_message(
                PATIENT, predicate=lambda m: "I've let" in m.text or "988" in m.text
            )
            await emulator.settle()
            assert bot.services.worker.call(bot.services.repo.inbox.waiting)  # left to replay
        assert len(bot.services.worker.call(bot.services.repo.open_alerts)) == 1
    answers, cards = len(emulator.sent_to(PATIENT)), len(emulator.sent_to(COUNSELOR))
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        await emulator.wait_until(lambda: not svc.worker.call(svc.repo.inbox.waiting))  # replayed, handled
        await emulator.settle()
        assert len(svc.worker.call(svc.repo.open_alerts)) == 1
        assert len(emulator.sent_to(PATIENT)) == answers, [m.text[:90] for m in emulator.sent_to(PATIENT)]
        assert len(emulator.sent_to(COUNSELOR)) == cards, [m.text[:90] for m in emulator.sent_to(COUNSELOR)]
