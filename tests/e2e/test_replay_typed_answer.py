"""A typed answer handled, then the bot killed before the inbox marked it handled (ops O62): its replay at
the next start is not applied again to the question asked after it. One "yes" to "Did you take your
medication?" also answered "used since last check-in?" (a relapse on the record, the counselor paged), or
"Are you safe right now?" (a safety answer the patient never gave)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.handlers import messages
from bot.telegram.delivery import DurableQueue
from tests.conftest import COUNSELOR, PATIENT, Harness, bot_running, enroll_alex
from tests.e2e.test_checkin import answer_all
from tests.e2e.test_measures import _first_question

SAFE = "glad you're safe"


@asynccontextmanager
async def killed_after_handling(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[None]:
    """Updates are handled, but never marked done in the inbox: as if killed right after each one."""
    with monkeypatch.context() as crash:

        async def never_finished(self: DurableQueue, update: object) -> None:
            self._keys.pop(id(update), None)

        crash.setattr(DurableQueue, "finished", never_finished)
        yield


def _draft(bot: Harness) -> dict[str, object]:
    svc = bot.services
    patient = svc.worker.call(svc.repo.patient_by_telegram, PATIENT)
    assert patient is not None
    stored = svc.worker.call(svc.repo.draft, patient.patient_id)
    assert stored is not None
    return dict(stored["answers"])


async def _replayed(bot: Harness, emulator: BotApiEmulator) -> None:
    svc = bot.services
    await emulator.wait_until(lambda: not svc.worker.call(svc.repo.inbox.waiting))  # replayed, handled
    await emulator.settle()


async def test_a_replayed_check_in_answer_does_not_answer_the_next_question(
    settings: Settings, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        emulator.send_text(PATIENT, "/checkin")
        await answer_all(bot, PATIENT, ["6", "3", "OK"])
        asked = await emulator.wait_for_message(PATIENT, contains="medication")
        await emulator.settle()
        async with killed_after_handling(monkeypatch):
            emulator.send_text(PATIENT, "yes")
            await emulator.wait_for_message(PATIENT, contains="have you used", after=asked.message_id)
            await emulator.settle()
            assert bot.services.worker.call(bot.services.repo.inbox.waiting)  # left to replay
    before = emulator.sent_to(PATIENT)[-1].message_id
    async with bot_running(settings, emulator) as bot:
        await _replayed(bot, emulator)
        answers = _draft(bot)
        assert answers.get("medication") == 1 and "used" not in answers, answers
        # The crash may have come before the next question went: it is asked again, and only that.
        again = await emulator.wait_for_message(PATIENT, contains="have you used", after=before)
        said = [m.text for m in emulator.sent_to(PATIENT) if m.message_id > before]
        assert not [t for t in said if "honest about using" in t or "Thanks for checking in" in t], said
        emulator.send_text(PATIENT, "no")
        await emulator.wait_for_message(PATIENT, contains="like to add", after=again.message_id)
        assert _draft(bot)["used"] == 0


async def test_a_replayed_check_in_answer_does_not_answer_the_open_safety_question(
    settings: Settings, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        emulator.send_text(PATIENT, "I want to kill myself tonight")
        await emulator.wait_for_message(PATIENT, contains="Are you safe right now")
        await emulator.settle()
        emulator.send_text(PATIENT, "/checkin")
        await answer_all(bot, PATIENT, ["6", "3", "OK"])
        asked = await emulator.wait_for_message(PATIENT, contains="medication")
        await emulator.settle()
        async with killed_after_handling(monkeypatch):
            emulator.send_text(PATIENT, "yes")
            await emulator.wait_for_message(PATIENT, contains="have you used", after=asked.message_id)
            await emulator.settle()
    before = emulator.sent_to(PATIENT)[-1].message_id
    async with bot_running(settings, emulator) as bot:
        await _replayed(bot, emulator)
        said = [m.text for m in emulator.sent_to(PATIENT) if m.message_id > before]
        assert not [t for t in said if SAFE in t], said
        assert "used" not in _draft(bot)
        assert not [m for m in emulator.sent_to(PATIENT) if SAFE in m.text]  # nor before the stop


async def test_a_replayed_questionnaire_answer_does_not_answer_the_next_item(
    settings: Settings, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        emulator.send_text(PATIENT, "/measures")
        first = await _first_question(bot, PATIENT)
        await emulator.settle()
        async with killed_after_handling(monkeypatch):
            emulator.send_text(PATIENT, "2")
            await emulator.wait_for_message(PATIENT, contains="PHQ-9 · 2/9", after=first.message_id)
            await emulator.settle()
    async with bot_running(settings, emulator) as bot:
        await _replayed(bot, emulator)
        svc = bot.services
        patient = svc.worker.call(svc.repo.patient_by_telegram, PATIENT)
        assert patient is not None
        draft = svc.worker.call(svc.repo.measure_draft, patient.patient_id)
        assert draft is not None and draft["answers"] == [2], draft


async def test_the_last_answer_replayed_does_not_answer_the_safety_question_it_brought(
    settings: Settings, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ops O62's Q017: answers that page end the check-in with "Are you safe right now?"; the last answer,
    replayed, found no check-in open and answered that question instead."""
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        emulator.send_text(PATIENT, "/checkin")
        await answer_all(bot, PATIENT, ["9", "9", "OK", "Yes", "Yes"])
        note = await emulator.wait_for_message(PATIENT, contains="like to add")
        await emulator.settle()
        async with killed_after_handling(monkeypatch):
            emulator.send_text(PATIENT, "yes")
            await emulator.wait_for_message(PATIENT, contains="Are you safe right now", after=note.message_id)
            await emulator.settle()
    before = emulator.sent_to(PATIENT)[-1].message_id
    async with bot_running(settings, emulator) as bot:
        await _replayed(bot, emulator)
        said = [m.text for m in emulator.sent_to(PATIENT) if m.message_id > before]
        assert not [t for t in said if SAFE in t], said


async def test_a_message_stored_but_not_delivered_before_the_stop_goes_on_its_replay(
    settings: Settings, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ops O62's narrow gap: /message's words stored (their question closed in that write), then killed before
    they went; replayed, they were offered back as "kept, not passed to anyone" and never reached the counselor."""
    words = "can we move thursday's session to friday please"
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        emulator.send_text(PATIENT, "/message")
        asked = await emulator.wait_for_message(PATIENT, contains="Dana")
        await emulator.settle()
        async with killed_after_handling(monkeypatch):
            with monkeypatch.context() as crash:

                async def killed(*args: object) -> bool:
                    return True  # the process died here: nothing went to the counselor

                crash.setattr(messages, "deliver", killed)
                emulator.send_text(PATIENT, words)
                await emulator.wait_for_message(PATIENT, after=asked.message_id)
                await emulator.settle()
    assert not [m for m in emulator.sent_to(COUNSELOR) if words in m.text]
    before = emulator.sent_to(PATIENT)[-1].message_id
    async with bot_running(settings, emulator) as bot:
        await _replayed(bot, emulator)
        await emulator.wait_for_message(COUNSELOR, contains=words)
        said = [m.text for m in emulator.sent_to(PATIENT) if m.message_id > before]
        assert not [t for t in said if "haven't passed it" in t], said
        svc = bot.services
        alex = svc.worker.call(svc.repo.patient_by_telegram, PATIENT)
        assert alex is not None
        assert [m.text for m in svc.worker.call(svc.repo.messages, alex.patient_id)] == [words]  # one copy
