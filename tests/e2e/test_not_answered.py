"""A skipped check-in question reads "not answered" everywhere: never "medication skipped" (a missed dose?)."""

from __future__ import annotations

import csv
import io
import json

from bot import texts
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_checkin import answer_all


async def test_a_skipped_medication_question_is_not_answered_on_the_page_in_mydata_and_the_csv(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/checkin")
    await answer_all(bot, patient, ["6", "3", "OK", texts.BTN_SKIP, "No"])
    note = await bot.emu.wait_for_message(patient, contains=texts.NOTE_HINT)
    bot.emu.press_button(patient, note, texts.BTN_SKIP)
    await bot.emu.wait_for_message(patient, contains="Thanks for checking in")

    bot.emu.send_text(patient, "/mydata")
    summary = await bot.emu.wait_for_message(patient, contains="What I have stored about you")
    assert "Medication not answered" in summary.text and "skipped" not in summary.text
    doc = await bot.emu.wait_for_message(patient, predicate=lambda m: m.kind == "document")
    assert doc.file_bytes is not None
    (stored,) = json.loads(doc.file_bytes)["check-ins"]
    assert stored["Medication"] == "not answered" and stored["Note"] == "not answered"

    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")
    assert "medication: not answered" in page.text and "skipped" not in page.text
    bot.emu.press_button(COUNSELOR, page, texts.BTN_EXPORT)
    export = await bot.emu.wait_for_message(COUNSELOR, predicate=lambda m: m.kind == "document")
    assert export.file_bytes is not None
    (row,) = csv.DictReader(io.StringIO(export.file_bytes.decode("utf-8-sig")))
    assert (row["mood"], row["medication"], row["used"]) == ("6", "not answered", "0")
