"""A typed answer to "Are you safe right now?" handled, then the bot killed before the inbox marked it done
(ops O62's narrow gap): replayed at the next start, the question read as answered already, so the same "yes" or
"no" went on as new words: "I've passed that to Dana Rivera" to the patient, "Alex wrote again after this alert"
to the counselor. It is not passed on again; a "not safe" whose page the crash cut short is answered again."""

from __future__ import annotations

import dataclasses

import pytest

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.handlers import crisis_answers
from tests.conftest import COUNSELOR, PATIENT, bot_running, enroll_alex
from tests.e2e.test_replay_typed_answer import _replayed, killed_after_handling


@pytest.mark.parametrize("said", ["yes", "no"])
async def test_a_replayed_safety_answer_is_not_passed_on_as_new_words(
    settings: Settings, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch, said: str
) -> None:
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        emulator.send_text(PATIENT, "I want to kill myself tonight")
        asked = await emulator.wait_for_message(PATIENT, contains="Are you safe right now")
        await emulator.settle()
        async with killed_after_handling(monkeypatch):
            emulator.send_text(PATIENT, said)
            await emulator.wait_for_message(PATIENT, after=asked.message_id)
            await emulator.settle()
        raised = len(bot.services.worker.call(bot.services.repo.open_alerts))
    before, told = emulator.sent_to(PATIENT)[-1].message_id, emulator.sent_to(COUNSELOR)[-1].message_id
    async with bot_running(settings, emulator) as bot:
        await _replayed(bot, emulator)
        to_patient = [m.text for m in emulator.sent_to(PATIENT) if m.message_id > before]
        to_counselor = [m.text for m in emulator.sent_to(COUNSELOR) if m.message_id > told]
        assert not [t for t in to_patient if "passed that" in t], to_patient
        assert not [t for t in to_counselor if "wrote again" in t], to_counselor
        svc = bot.services
        assert len(svc.worker.call(svc.repo.open_alerts)) == raised  # nothing raised again


async def test_a_not_safe_whose_page_a_crash_cut_short_pages_on_its_replay(
    settings: Settings, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        await enroll_alex(bot)
        emulator.send_text(PATIENT, "I want to kill myself tonight")
        asked = await emulator.wait_for_message(PATIENT, contains="Are you safe right now")
        await emulator.wait_until(lambda: len(svc.worker.call(svc.repo.open_alerts)) == 1)
        await emulator.settle()
        (alert,) = svc.worker.call(svc.repo.open_alerts)
        acked = dataclasses.replace(alert, acked_at=svc.now(), acked_by=COUNSELOR)
        svc.worker.call(svc.repo.change_alert, alert.alert_id, lambda a: acked)
        async with killed_after_handling(monkeypatch):
            with monkeypatch.context() as crash:

                async def killed(*args: object, **kwargs: object) -> None:
                    return None  # the process died here: the page was never raised

                crash.setattr(crisis_answers, "raise_alert", killed)
                emulator.send_text(PATIENT, "no")
                await emulator.wait_for_message(PATIENT, after=asked.message_id)
                await emulator.settle()
        assert svc.worker.call(svc.repo.open_alerts) == []
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        await _replayed(bot, emulator)
        (paged,) = svc.worker.call(svc.repo.open_alerts)
        assert paged.kind == "not_safe"
