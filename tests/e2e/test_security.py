"""The security suite (issues 5 and 7): every attempt below is refused and leaks nothing.

The attempts, and the test that makes each one (the README's security section lists them from here):

Authorization, tests/e2e/test_security_auth.py: every counselor command (from the counselor menu) and
every counselor button (pv:, pa:, al:, bc:, dg:, forged on a message in the attacker's own chat), tried by
  - an enrolled patient, an unknown user, a second counselor for a patient who is not theirs, and the
    patient's own counselor from a group chat: only a standard refusal, nothing with the victim's alias,
    note or scores, nothing sent to the victim, the victim's data and audit trail unchanged;
  - every button prefix the app registers is classified as a patient's or a counselor's.
Hostile input, tests/e2e/test_security_input.py:
  - 4,096+ characters as a check-in note, as free text, in a crisis message (its alert) and as a
    relayed message: no crash, every message within 4,096, a too-long relay refused plainly;
  - HTML, control characters, a right-to-left override and zero-width characters in an alias and a
    note, on the counselor's caseload, patient page and alert: escaped, the disguising characters dropped;
  - path traversal, markup and invisible characters in aliases refused at enrollment; export file names
    safe even for an alias that skipped validation.
Here: a patient forging another patient's check-in button; the data dir grepped after a real run for a
known alias, note and alert text (nothing found), then the key rotated and everything read back.

Covered elsewhere (not repeated):
  - group chats are left without an answer: test_enrollment.py::test_group_chats_are_ignored_and_left
  - forged caseload buttons: test_caseload.py::test_nobody_else_reaches_a_patients_data
  - an expired counselor unlock: test_unlock.py::test_an_unlock_lapses_after_fifteen_idle_minutes
  - 5 wrong PINs: test_unlock.py::test_five_wrong_pins_lock_the_counselor_out_even_with_the_right_pin
  - a wrong or missing webhook secret: test_webhook.py::test_an_update_with_a_wrong_secret_is_refused_and_not_handled
    and ::test_an_update_without_the_secret_header_is_refused_and_not_handled
  - the token and patient text never in a log line: test_log_leaks.py
  - a wrong or missing data key refuses to start: tests/store/test_crypto.py
  - enrollment code guessing is throttled: test_enrollment.py::test_wrong_used_and_repeated_codes_get_clear_answers
  - the alias rule itself: tests/domain/test_enrollment.py (validate_alias)
  - random and malformed updates never crash the bot: test_fuzz.py
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest

from bot import texts
from bot.admin.keys import rotate_key
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Counselor
from bot.runtime import open_services, running
from bot.store.crypto import FernetCodec, keygen
from bot.store.repository import Repository
from bot.store.storage import DataKeyError
from bot.telegram.app import build_application
from tests.conftest import (
    COUNSELOR,
    HARD_DAY,
    PATIENT,
    Harness,
    check_in_with_note,
    enroll_patient,
    say_hello,
)
from tests.e2e.test_crisis import CRISIS

ALIAS, NOTE, SAID = "Zephyrine", "argued with my sister Quillon", "Marzipan-Harbor"


async def test_a_patient_forging_another_patients_check_in_button_changes_nothing(bot: Harness) -> None:
    victim, attacker = PATIENT, 2050
    victim_id = await enroll_patient(bot, victim, "Alex")
    await enroll_patient(bot, attacker, "Blair")
    bot.emu.send_text(victim, "/checkin")
    question = await bot.emu.wait_for_message(victim, contains="mood")
    draft = bot.services.worker.call(bot.services.repo.draft, victim_id)
    bot.emu.send_text(attacker, "/help")
    own = await bot.emu.wait_for_message(attacker)
    for button in question.buttons[0]:
        bot.emu.press_button(attacker, own, callback_data=button.callback_data)
        await bot.emu.wait_until(lambda: bot.emu.last_callback_answer(attacker) is not None)
        assert bot.emu.last_callback_answer(attacker)["text"] == texts.CHECKIN_STALE  # type: ignore[index]
    await bot.emu.settle()
    assert bot.services.worker.call(bot.services.repo.draft, victim_id) == draft
    assert all("Alex" not in m.text for m in bot.emu.sent_to(attacker))


def _readable(data_dir: Path, needle: str) -> list[Path]:
    return [p for p in data_dir.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


async def test_after_a_real_run_nothing_is_readable_in_the_data_dir_and_a_rotated_key_reads_it_all(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    with open_services(settings) as services:
        services.worker.call(services.repo.add_counselor, Counselor(COUNSELOR, "Dana Rivera"))
        app = build_application(settings, services)
        async with running(app, poll_timeout=1):
            harness = Harness(emulator, services, app)
            await say_hello(emulator, COUNSELOR)
            pid = await enroll_patient(harness, PATIENT, ALIAS)
            await check_in_with_note(harness, PATIENT, NOTE, HARD_DAY)
            emulator.send_text(PATIENT, f"{CRISIS} {SAID}")
            # The hard day's check-in paged first; the crisis alert is the one about these words.
            alert = await emulator.wait_for_message(COUNSELOR, contains="talked about ending their life")
            emulator.press_button(COUNSELOR, alert, texts.BTN_SHOW_MESSAGE)
            assert SAID in (await emulator.wait_for_message(COUNSELOR, contains="Message from")).text
            await emulator.settle()

    for needle in (ALIAS, "Quillon", SAID, "kill myself"):
        assert _readable(settings.data_dir, needle) == [], needle

    new = keygen()
    assert rotate_key(settings, new, io.StringIO()) == 0
    with pytest.raises(DataKeyError):
        Repository(settings.data_dir, codec=FernetCodec(settings.data_keys))
    rotated = dataclasses.replace(settings, data_keys=(new,))
    with open_services(rotated) as services:
        repo, call = services.repo, services.worker.call
        patient = call(repo.patient, pid)
        assert patient is not None and patient.alias == ALIAS
        assert [e.answers.get("note") for e in call(repo.checkins, pid)] == [NOTE]
        assert [(a.kind, a.text) for a in call(repo.open_alerts)] == [
            ("checkin", ""),
            ("crisis", f"{CRISIS} {SAID}"),
        ]
        assert "alert_message_viewed" in {e["action"] for e in call(repo.audit_log)}
    assert _readable(settings.data_dir, ALIAS) == []
