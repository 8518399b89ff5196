"""After `iop-bot patient close` (an admin closed the enrollment) nothing says the patient used /stop: not the
counselor's "can't message them" answer, not the alert card of crisis words they write later, not what the
patient reads then (gaps18: all three said /stop, which they never sent)."""

from __future__ import annotations

import asyncio

import pytest

from bot import texts
from bot.cli import main
from tests.conftest import COUNSELOR, KEY, Harness
from tests.e2e.test_messages import _open_page

CRISIS = "i want to kill myself tonight"


@pytest.fixture(autouse=True)
def _env(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IOP_DATA_DIR", str(bot.services.settings.data_dir))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    monkeypatch.setenv("SUDO_USER", "alice")


async def test_a_closed_enrollment_is_never_called_stop(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    page = await _open_page(bot)  # opened before the close: its button is still there
    assert await asyncio.to_thread(main, ["patient", "close", "Alex"]) == 0
    closed = await bot.emu.wait_for_message(COUNSELOR, contains="enrollment was closed by an admin")
    await bot.emu.wait_for_message(patient, contains="closed your enrollment")

    bot.emu.press_button(COUNSELOR, page, texts.BTN_MESSAGE_PATIENT)  # type: ignore[arg-type]
    why = await bot.emu.wait_for_message(COUNSELOR, contains="Nothing was sent", after=closed.message_id)
    assert "/stop" not in why.text and "an admin closed" in why.text, why.text

    bot.emu.send_text(patient, CRISIS)
    told = await bot.emu.wait_for_message(patient, contains="they can't answer you here")
    assert "/stop" not in told.text and "closed your enrollment" in told.text, told.text
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent", after=why.message_id)
    assert "/stop" not in card.text and "an admin closed their enrollment" in card.text, card.text
    bot.emu.send_text(patient, "hello, is anyone there?")
    again = await bot.emu.wait_for_message(patient, contains="not kept or passed on", after=told.message_id)
    assert "/stop" not in again.text and "closed your enrollment" in again.text, again.text

    bot.emu.send_text(patient, "/delete")
    ask = await bot.emu.wait_for_message(patient, contains="Erase everything?", after=again.message_id)
    bot.emu.press_button(patient, ask, texts.BTN_DELETE)
    done = await bot.emu.wait_for_message(patient, contains="Done:", after=ask.message_id)
    assert "/stop" not in done.text and "closed your enrollment" in done.text, done.text
    erased = await bot.emu.wait_for_message(COUNSELOR, contains="erased their data", after=card.message_id)
    assert "/stop" not in erased.text and "an admin had closed" in erased.text, erased.text


async def test_the_page_and_caseload_of_a_closed_enrollment_say_closed(bot: Harness, patient: int) -> None:
    # newcomer14 N102: after `patient close`, the page read "… after withdrawing with /stop", promised routine pushes
    # that "go then" (nothing goes to a withdrawn patient), and the status hedged "/stop, or an admin closed …".
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    assert await asyncio.to_thread(main, ["patient", "close", "Alex"]) == 0
    await bot.emu.wait_for_message(patient, contains="closed your enrollment")
    bot.emu.send_text(patient, CRISIS)
    card = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.press_button(COUNSELOR, card, texts.BTN_ACKNOWLEDGE)
    await bot.emu.wait_for_message(COUNSELOR, contains="Acknowledged by")
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")
    for text in (screen.text, page.text):
        assert "/stop" not in text and "an admin closed the enrollment" in text, text
    assert "the latest:" in page.text and "Routine pushes" not in page.text, page.text


async def test_mydata_of_a_closed_enrollment_never_says_stop(bot: Harness, patient: int) -> None:
    # gaps18's list: /mydata's file named the crisis words written after the close "crisis words after /stop".
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    assert await asyncio.to_thread(main, ["patient", "close", "Alex"]) == 0
    await bot.emu.wait_for_message(patient, contains="closed your enrollment")
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "/mydata")
    doc = await bot.emu.wait_for_message(patient, predicate=lambda m: m.kind == "document")
    assert doc.file_bytes is not None
    text = doc.file_bytes.decode()
    assert "crisis words after" in text and "/stop" not in text, text
