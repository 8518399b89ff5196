"""Every log line of a busy, failing session is scanned: no token anywhere, no patient text at INFO and up."""

from __future__ import annotations

import dataclasses
import logging
import secrets
from collections.abc import Iterator
from typing import Any

import pytest

from bot import texts
from bot.config.settings import Settings
from bot.devtools.emulator import ApiError, BotApiEmulator
from bot.domain.models import Counselor
from bot.handlers import safety_retry
from bot.jobs import set_aside
from bot.store.storage import TORN_MARK, StoreWriteError
from tests.conftest import COUNSELOR, Harness, check_in_with_note, enroll_patient, say_hello
from tests.e2e.test_checkin import answer_all

# Shaped like a real @BotFather token (so the pattern filter would see it too), unique to this run.
TOKEN = f"{secrets.randbelow(9 * 10**9) + 10**9}:{secrets.token_urlsafe(26)}"
STRANGER = 3001
ADMIN = 1003
LOGGERS = ("", "bot", "telegram", "httpx", "httpcore", "apscheduler", "tornado", "asyncio")


def _marker() -> str:
    return f"mrk{secrets.token_hex(5)}"


NOTE, CRISIS, CODE, STRANGER_TEXT, FAILED_NOTE = (_marker() for _ in range(5))


@pytest.fixture(autouse=True)
def _everything_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    """Before the bot starts, so start-up (the Bot logs its token URL) is captured too."""
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name or None)


@pytest.fixture
def emulator() -> Iterator[BotApiEmulator]:
    with BotApiEmulator(token=TOKEN) as emu:
        emu.add_user(COUNSELOR, first_name="Dana")
        yield emu


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, bot_token=TOKEN)


def _lines(caplog: pytest.LogCaptureFixture) -> list[tuple[int, str]]:
    """Each record as a handler would write it, traceback included."""
    formatter = logging.Formatter("%(levelname)s %(name)s: %(message)s")
    records = caplog.get_records("setup") + caplog.get_records("call")
    return [(r.levelno, formatter.format(r) + (r.stack_info or "")) for r in records]


async def _check_in_with_note(bot: Harness, patient: int, note: str) -> None:
    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["7", "2", "Good", "Yes", "No"])
    await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT)
    bot.emu.send_text(patient, f"Went to group {note}, felt ok")


async def _drive_every_error_path(bot: Harness, patient: int, monkeypatch: pytest.MonkeyPatch) -> None:
    emu = bot.emu
    await _check_in_with_note(bot, patient, NOTE)
    await emu.wait_for_message(patient, contains="Thanks for checking in")

    emu.send_text(patient, f"honestly I just want to kill myself tonight {CRISIS}")
    alert = await emu.wait_for_message(COUNSELOR, contains="Urgent")
    # The message that would show the crisis words fails at Telegram's end.
    emu.faults.fail_next("sendmessage", ApiError(500, "Internal Server Error"))
    emu.press_button(COUNSELOR, alert, texts.BTN_SHOW_MESSAGE)
    await emu.wait_for_message(COUNSELOR, contains=texts.SOMETHING_WENT_WRONG)

    emu.add_user(STRANGER, first_name="Sam")
    emu.send_text(STRANGER, f"/start {CODE.upper()[:8]}")
    emu.send_text(STRANGER, f"hello is this {STRANGER_TEXT}")
    await emu.wait_until(lambda: len(emu.sent_to(STRANGER)) == 2)

    # A stale check-in button after /cancel, and a button nobody knows.
    emu.send_text(patient, "/checkin")
    mood = await emu.wait_for_message(patient, contains="mood")
    emu.send_text(patient, "/cancel")
    await emu.wait_for_message(patient, contains=texts.CANCELLED)
    emu.press_button(patient, mood, callback_data=mood.buttons[0][0].callback_data)
    emu.press_button(patient, mood, callback_data="zz:forged")
    await emu.wait_until(lambda: emu.last_callback_answer(patient) is not None)

    for code, description in ((429, "Too Many Requests: retry after 1"), (403, "Forbidden: bot was blocked")):
        retry = 1 if code == 429 else None
        emu.faults.fail_next("sendmessage", ApiError(code, description, retry_after=retry))
        emu.send_text(patient, "/help")
        await emu.wait_for_message(patient, predicate=lambda m: "/checkin" in m.text or "wrong" in m.text)

    # Handlers that raise mid-check-in, with the patient's note in hand: a failed write, then a bug.
    for error in (StoreWriteError("write to patients/x.json failed"), RuntimeError("unexpected")):

        def fail(*args: Any, error: Exception = error) -> Any:
            raise error

        monkeypatch.setattr(bot.services.repo, "record_checkin", fail)
        await _check_in_with_note(bot, patient, FAILED_NOTE)
        await emu.wait_for_message(patient, predicate=lambda m: "Sorry" in m.text or "save" in m.text)
        emu.send_text(patient, "/cancel")  # the draft survives a failed save; start the next one afresh
        await emu.wait_for_message(
            patient, predicate=lambda m: m.text in (texts.CANCELLED, texts.NOTHING_TO_CANCEL)
        )


async def test_no_log_line_carries_the_token_or_patient_text(
    bot: Harness, patient: int, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _drive_every_error_path(bot, patient, monkeypatch)
    lines = _lines(caplog)
    # The scan saw what it must: request URLs (which carry the token) and the error paths.
    assert any("<redacted>/sendMessage" in text for _, text in lines)
    assert sum(level >= logging.ERROR for level, _ in lines) >= 3
    assert any(NOTE in text for _, text in lines)  # at DEBUG the updates themselves are logged
    assert [text for _, text in lines if TOKEN in text] == []
    for marker in (NOTE, CRISIS, CODE.upper()[:8], STRANGER_TEXT, FAILED_NOTE):
        assert [text for level, text in lines if level >= logging.INFO and marker in text] == []


async def test_log_lines_name_the_patient_by_id(
    bot: Harness, patient: int, caplog: pytest.LogCaptureFixture
) -> None:
    record = bot.services.worker.call(bot.services.repo.patient_by_telegram, patient)
    assert record is not None
    patient_id = record.patient_id
    bot.emu.send_text(patient, f"honestly I just want to kill myself tonight {CRISIS}")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    # The alert's line names the patient by id (its kind only at DEBUG: tests/e2e/test_log_metadata.py).
    raised = [
        text for level, text in _lines(caplog) if level >= logging.INFO and "raised for patient" in text
    ]
    assert raised and all(patient_id in text for text in raised)


async def test_a_crisis_under_send_failures_logs_no_telegram_id(
    bot: Harness, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ops O65: "the safety reply to user 7147 could not be sent" named the account of a person in crisis (a
    Telegram id resolves to their name in any client); so did "could not save (update N, user M)"."""
    telegram_id = 7_310_000_000 + secrets.randbelow(10**6)
    await enroll_patient(bot, telegram_id, "Remy")
    monkeypatch.setattr(safety_retry, "WAITS", (0.3, 0.3, 0.3))
    bot.emu.send_text(COUNSELOR, "/help")  # the counselor has opened the bot
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    # Every quick try of the crisis answer fails, and the first later try too.
    bot.emu.faults.fail_next("sendMessage", ApiError(500, "Internal Server Error"), times=4)
    bot.emu.send_text(telegram_id, "i took like 30 of my pills an hour ago")
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.faults.fail_next("sendMessage", ApiError(500, "Internal Server Error"))
    await bot.emu.wait_for_message(COUNSELOR, contains="on a later try", after=card.message_id)
    bot.emu.faults.fail_next("sendMessage", ApiError(500, "Internal Server Error"), times=5, after=1)
    bot.emu.send_text(telegram_id, "/sos")  # the lines go, the plan after them does not: tried later
    await bot.emu.wait_for_message(telegram_id, contains="grounding", timeout=15)

    def fail(*args: Any) -> Any:
        raise StoreWriteError("write to patients/x.json failed")

    monkeypatch.setattr(bot.services.repo, "save_draft", fail)
    bot.emu.send_text(telegram_id, "/checkin")
    await bot.emu.wait_for_message(telegram_id, predicate=lambda m: "save" in m.text)
    lines = [text for level, text in _lines(caplog) if level >= logging.INFO]
    assert [t for t in lines if "later try" in t] and [t for t in lines if "could not save" in t]
    assert [t for t in lines if str(telegram_id) in t] == []


async def test_no_log_line_names_a_patient_by_alias(bot: Harness, caplog: pytest.LogCaptureFixture) -> None:
    """Ops O78: the set-aside ERROR wrote "Pat10's check-ins" beside p8e47de387b1c, pairing the name counselors
    call the patient by with the id every other line uses. Logs name patients by that id only."""
    svc = bot.services
    alias = "Quill" + "".join(secrets.choice("bcdfghjkmnpqrstvwxz") for _ in range(6))
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
    bot.emu.add_user(ADMIN, first_name="Morgan")
    await say_hello(bot.emu, ADMIN)
    telegram_id = 7_320_000_000 + secrets.randbelow(10**6)
    patient_id = await enroll_patient(bot, telegram_id, alias)
    await check_in_with_note(bot, telegram_id, "long day")
    bot.emu.send_text(telegram_id, "honestly I just want to kill myself tonight")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    log = svc.worker.call(svc.repo.checkin_file, patient_id)
    log.with_name(f"{log.name}{TORN_MARK}20261130T224047Z").write_bytes(b"gAAAA-cut-short")
    assert await set_aside.sweep(bot.app) == 1
    notice = await bot.emu.wait_for_message(ADMIN, contains="Records set aside")
    assert alias in notice.text  # the admins' notice names them; the journal does not
    lines = _lines(caplog)
    assert any(patient_id in text for _, text in lines)
    # At DEBUG the library logs each request, the bot's messages to counselors (which name them) included.
    assert [text for level, text in lines if level >= logging.INFO and alias in text] == []
