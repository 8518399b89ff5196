"""Issue 7, hostile input: oversized messages, markup and invisible characters, path traversal in names.

Whatever a patient types or an alias holds reaches a counselor escaped, within one message, without a
crash; names that could climb out of a folder are refused at enrollment and never become file names.
"""

from __future__ import annotations

import dataclasses

import pytest

from bot import texts
from bot.admin.roster import AdminError, enroll
from bot.devtools.emulator.world import SentMessage
from bot.reports.export import export_name
from bot.texts.base import MAX_MESSAGE
from tests.conftest import COUNSELOR, HARD_DAY, Harness, check_in_with_note, enroll_patient
from tests.e2e.test_crisis import CRISIS

LONG = 4_200  # over Telegram's 4,096 limit for one message
HOSTILE = "<b>bold</b> <i>x</i> &amp; \u202eevil\u202c \u200bzero\u200b \x07bell \x1b[31mred"
RAW_TAGS = ("<b>bold</b>", "<i>x</i>")  # must arrive as text, never as markup
DISGUISES = ("\u202e", "\u202c", "\x07", "\x1b")  # reverse a line, or control a terminal: dropped


@dataclasses.dataclass(frozen=True)
class Attempt:
    """One hostile value and where it is tried."""

    name: str
    value: str

    def __str__(self) -> str:
        return self.name


BAD_ALIASES = [
    Attempt("path traversal", "../../etc/passwd"),
    Attempt("absolute path", "/etc/passwd"),
    Attempt("dot dot inside", "Al..ex"),
    Attempt("backslash traversal", "..\\..\\boot.ini"),
    Attempt("html tag", "<b>Alex</b>"),
    Attempt("right-to-left override", "Alex\u202efdp.exe"),
    Attempt("zero-width space", "Al\u200bex"),
    Attempt("control character", "Alex\x07"),
    Attempt("newline", "Alex\nAdmin"),
    Attempt("too long", "A" * 33),
]


def _within_limit(m: SentMessage) -> bool:
    return len(m.text) <= MAX_MESSAGE


def _escaped(m: SentMessage) -> bool:
    """No person-supplied tag reached Telegram as markup, and nothing disguises the text."""
    tags_as_text = not any(tag in m.html for tag in RAW_TAGS) and "&lt;b&gt;bold&lt;/b&gt;" in m.html
    return tags_as_text and not any(c in m.text for c in DISGUISES)


@pytest.mark.parametrize("attempt", BAD_ALIASES, ids=str)
async def test_enrollment_refuses_an_alias_that_is_not_a_plain_name(bot: Harness, attempt: Attempt) -> None:
    svc = bot.services
    with pytest.raises(AdminError, match="alias"):
        svc.worker.call(
            enroll, svc.repo, svc.settings, svc.now(), {"counselor": COUNSELOR, "alias": attempt.value}
        )
    assert svc.worker.call(svc.repo.open_codes) == []


@pytest.mark.parametrize("attempt", BAD_ALIASES, ids=str)
def test_an_export_file_name_never_leaves_its_folder(attempt: Attempt) -> None:
    name = export_name(attempt.value)
    assert "/" not in name and "\\" not in name and ".." not in name and not name.startswith(".")
    assert name.isprintable() and name.isascii() and name.endswith("-checkins.csv")


async def _patient_page(bot: Harness, alias_label: str) -> tuple[SentMessage, SentMessage]:
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.press_button(COUNSELOR, screen, alias_label)
    return screen, await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")


async def test_markup_and_invisible_characters_in_an_alias_and_a_note_reach_the_counselor_as_text(
    bot: Harness,
) -> None:
    alias = "<b>bold</b> <i>x</i> \u202eLex"
    await enroll_patient(bot, 2077, alias)  # stored directly: as if the alias had skipped validation
    await check_in_with_note(bot, 2077, HOSTILE, HARD_DAY)
    screen, page = await _patient_page(bot, alias)
    for shown in (screen, page):
        assert _escaped(shown) and _within_limit(shown), shown.html
    bot.emu.press_button(COUNSELOR, page, texts.BTN_EXPORT)
    doc = await bot.emu.wait_for_message(COUNSELOR, predicate=lambda m: m.kind == "document")
    assert doc.file_name is not None and "/" not in doc.file_name and "<" not in doc.file_name


async def test_a_traversal_alias_that_skipped_validation_still_exports_under_a_safe_name(
    bot: Harness,
) -> None:
    await enroll_patient(bot, 2078, "../../etc/passwd")
    bot.emu.send_text(COUNSELOR, "/export ../../etc/passwd")
    doc = await bot.emu.wait_for_message(COUNSELOR, predicate=lambda m: m.kind == "document")
    assert doc.file_name == "etc_passwd-checkins.csv"


async def test_an_oversized_note_is_stored_cut_and_the_page_still_fits_one_message(
    bot: Harness, patient: int
) -> None:
    await check_in_with_note(bot, patient, "n" * LONG, HARD_DAY)
    pid = bot.services.worker.call(bot.services.repo.patient_by_telegram, patient).patient_id  # type: ignore[union-attr]
    note = bot.services.worker.call(bot.services.repo.checkins, pid)[0].answers["note"]
    assert isinstance(note, str) and 0 < len(note) < LONG
    _, page = await _patient_page(bot, "Alex")
    assert _within_limit(page)


async def test_an_oversized_free_text_gets_the_usual_answer(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "x" * LONG)
    assert "Send it to Dana Rivera?" in (await bot.emu.wait_for_message(patient)).text  # kept, not lost


async def test_an_oversized_crisis_message_still_reaches_the_counselor_within_one_message(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, f"{CRISIS} {HOSTILE} " + "w" * LONG)
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.press_button(COUNSELOR, alert, texts.BTN_SHOW_MESSAGE)
    shown = await bot.emu.wait_for_message(COUNSELOR, contains="Message from")
    assert CRISIS in shown.text and _escaped(shown) and _within_limit(shown)


async def test_an_oversized_relayed_message_is_refused_plainly_and_a_shorter_one_goes_through(
    bot: Harness, patient: int
) -> None:
    _, page = await _patient_page(bot, "Alex")
    bot.emu.press_button(COUNSELOR, page, texts.BTN_MESSAGE_PATIENT)
    await bot.emu.wait_for_message(COUNSELOR, contains="Type your message for")
    bot.emu.send_text(COUNSELOR, "r" * LONG)
    limit = texts.relay_room("Dana Rivera")
    answer = await bot.emu.wait_for_message(COUNSELOR)
    assert answer.html == texts.message_too_long(LONG, limit)
    bot.emu.send_text(COUNSELOR, "<b>bold</b> " + "r" * (limit - 12))
    relayed = await bot.emu.wait_for_message(patient, contains="Message from your counselor")
    assert _within_limit(relayed) and "<b>bold</b>" not in relayed.html and "&lt;b&gt;" in relayed.html
