"""`iop-bot demo`: the real bot against the local emulator, with a terminal chat as the patient."""

from __future__ import annotations

import dataclasses
import tempfile
from datetime import time, timedelta
from pathlib import Path
from typing import TextIO

from bot.admin.schedule import add_cohort, add_session
from bot.config.settings import load_settings
from bot.devtools.emulator import BotApiEmulator
from bot.devtools.emulator.terminal import run_terminal_chat
from bot.devtools.roles import (
    COUNSELOR_ID,
    DEMO_CODE,
    NEW_PATIENT_ID,
    PATIENT_ID,
    SPANISH_CODE,
    SPANISH_PATIENT_ID,
    roles,
)
from bot.domain.checkins import Answer, Entry
from bot.domain.enrollment import hash_code, new_code
from bot.domain.models import Counselor, EnrollmentCode
from bot.runtime import open_services, running
from bot.store.crypto import keygen
from bot.telegram.app import build_application
from bot.telegram.services import Services

DEMO_TOKEN = "1234567:local-demo-token"


def banner(code: str, files: Path) -> str:
    """What the person trying the demo reads first."""
    return f"""
IOP Companion demo: the real bot, talking to a local Telegram Bot API emulator.
You are the enrolled patient "Alex" (user {PATIENT_ID}). Type messages or commands; type a
button's number (or its label) to press it on the latest message with buttons.
{roles(code)}Messages to the others wait until you switch to them. Charts and files the bot sends, and the
bot's log, are saved in {files}
"""


def seed(services: Services) -> str:
    """A counselor, an enrolled patient, and an open invitation; returns the invitation code."""
    repo, now = services.repo, services.now()
    repo.add_counselor(Counselor(telegram_id=COUNSELOR_ID, name="Dr. Rivera"))
    invitation = EnrollmentCode(
        code_hash=hash_code(new_code()),
        alias="Alex",
        counselor_id=COUNSELOR_ID,
        cohort="Evening IOP",
        created_at=now,
        expires_at=now + timedelta(days=7),
    )
    repo.add_code(invitation)
    patient = repo.enroll(invitation, PATIENT_ID, now)
    # Nothing pushed unasked while a person (or a script) tries it: the daily prompt is due half a day from now
    # and the sessions meet from the day after tomorrow, so no reminder or prompt lands mid-check-in and takes
    # a typed "2" as a tap on its own buttons (test_demo failed at some hours of the day).
    local = now.astimezone(services.settings.tz)
    prompt_at = time((local.hour + 12) % 24, 0)
    days = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    meets = ",".join(days[(local.weekday() + k) % 7] for k in (2, 4, 5))
    repo.save_patient(patient.with_changes(timezone=services.settings.timezone, checkin_time=prompt_at))
    add_cohort(repo, services.settings, now, {"name": "Evening IOP"})
    add_session(repo, services.settings, now, {"cohort": "Evening IOP", "weekdays": meets, "time": "18:00"})
    _past_checkins(services, patient.patient_id)
    code = DEMO_CODE
    repo.add_code(
        dataclasses.replace(invitation, code_hash=hash_code(code), alias="Sam", cohort=None, used_at=None)
    )
    repo.add_code(
        dataclasses.replace(
            invitation, code_hash=hash_code(SPANISH_CODE), alias="Sofia", cohort=None, used_at=None
        )
    )
    return code


def _past_checkins(services: Services, patient_id: str) -> None:
    """Three weeks of Alex's check-ins (a few days missed), so /history and the caseload have a story."""
    now, tz = services.now(), services.settings.tz
    today = now.astimezone(tz).date()
    for days_ago in range(21, 0, -1):
        if days_ago in (17, 9, 8):
            continue  # missed days show on the charts
        mood, craving = min(10, 3 + (21 - days_ago) // 3), max(1, 8 - (21 - days_ago) // 3)
        # Every item the check-in asks, as a real patient's days would have them (a missing one reads
        # "not answered" on the counselor's page).
        answers: dict[str, Answer] = {
            "mood": mood,
            "craving": craving,
            "sleep": 1 + days_ago % 2,
            "medication": 1,
            "used": 0,
        }
        entry = Entry(
            f"demo{days_ago}", now - timedelta(days=days_ago), today - timedelta(days=days_ago), answers
        )
        services.repo.record_checkin(patient_id, entry, services.checkin)


async def run_demo(stdin: TextIO, stdout: TextIO, *, interactive: bool, files: Path | None = None) -> None:
    """Start the emulator and the bot on a throw-away data dir, then chat in the terminal.

    ``files``: where the files the bot sends are saved (a new temporary folder if not given).
    """
    files = files or Path(tempfile.mkdtemp(prefix="iop-demo-files-"))
    with tempfile.TemporaryDirectory(prefix="iop-demo-") as tmp, BotApiEmulator(token=DEMO_TOKEN) as emu:
        settings = dataclasses.replace(
            load_settings(),
            bot_token=DEMO_TOKEN,
            bot_api_url=emu.base_url,
            data_dir=Path(tmp) / "data",
            data_keys=(keygen(),),  # a throw-away key: the demo's data is encrypted like real data
        )
        for user_id, name in ((COUNSELOR_ID, "Dana"), (PATIENT_ID, "Alex"), (NEW_PATIENT_ID, "Sam")):
            emu.add_user(user_id, first_name=name)
        emu.add_user(SPANISH_PATIENT_ID, first_name="Sofía", language_code="es-MX")
        with open_services(settings) as services:
            code = services.worker.call(seed, services)
            app = build_application(settings, services)
            async with running(app, poll_timeout=1):
                await _open_the_bot(emu, (COUNSELOR_ID, PATIENT_ID))
                stdout.write(banner(code, files))
                stdout.flush()
                await run_terminal_chat(
                    emu, PATIENT_ID, stdin=stdin, stdout=stdout, interactive=interactive, files=files
                )


async def _open_the_bot(emu: BotApiEmulator, users: tuple[int, ...]) -> None:
    """Dana and Alex opened the bot before the demo begins: as on Telegram, it cannot write first."""
    for user_id in users:
        emu.start_bot(user_id)
    await emu.wait_until(lambda: all(emu.events(user_id) for user_id in users))
