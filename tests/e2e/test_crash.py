"""kill -9 the real bot process while patients check in: nothing acknowledged is lost or doubled.

The bot runs as `python -m bot.cli run` against the emulator in this process; the patients are
simple clients that keep checking in, resuming after every restart.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config.resources import read_program_file
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator, SentMessage
from bot.domain.models import Counselor
from bot.runtime import open_services
from bot.store.crypto import keygen
from tests.conftest import enrolled_code

pytestmark = pytest.mark.slow

KILLS = int(os.environ.get("IOP_CRASH_KILLS", "3"))  # `make soak` runs 200
TOKEN = "777:crash-test-token"
PATIENTS = [5001, 5002, 5003]
ANSWERS = {"mood": "5", "craving": "2", "sleep": "OK", "medication": "Yes", "used": "No", "add": "Skip"}
DONE = "Thanks for checking in"


def _seed(data_dir: Path, key: str, items: Path) -> None:
    settings = Settings(bot_token=TOKEN, data_dir=data_dir, data_keys=(key,), checkin_items_file=items)
    with open_services(settings) as svc:
        svc.worker.call(svc.repo.add_counselor, Counselor(1001, "Dana"))
        for n, telegram_id in enumerate(PATIENTS):
            code = enrolled_code(svc, f"P{n}")

            def enroll(code: str = code, telegram_id: int = telegram_id) -> None:
                from datetime import time as clock

                from bot.domain.enrollment import hash_code

                invitation = svc.repo.code(hash_code(code))
                assert invitation is not None
                p = svc.repo.enroll(invitation, telegram_id, datetime.now(UTC))
                svc.repo.save_patient(p.with_changes(timezone="America/New_York", checkin_time=clock(3, 0)))

            svc.worker.call(enroll)


def _configure(tmp_path: Path, data_dir: Path, key: str) -> Path:
    """Settings whose check-ins add an entry per check-in, so each one can be counted."""
    items = tmp_path / "items.toml"
    shipped = read_program_file("checkin_items.toml")
    items.write_text(shipped.replace('same_day = "update"', 'same_day = "add"'))
    config = tmp_path / "settings.toml"
    config.write_text(f'[checkin]\nitems_file = "{items}"\n')
    _seed(data_dir, key, items)
    return config


def _start(emu: BotApiEmulator, data_dir: Path, key: str, config: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "IOP_BOT_TOKEN": TOKEN,
        "IOP_BOT_API_URL": emu.base_url,
        "IOP_DATA_DIR": str(data_dir),
    }
    env.update(IOP_DATA_KEY=key, IOP_CONFIG=str(config), IOP_LOG_LEVEL="WARNING")
    return subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], env=env, stderr=subprocess.DEVNULL)


@dataclasses.dataclass(frozen=True)
class Note:
    """A note typed as the last answer of a check-in."""

    text: str
    seq: int  # the emulator's newest event when it was typed
    draft: str  # the check-in it answers, from the question's buttons (the stored entry takes its id)


async def _patient(emu: BotApiEmulator, user: int, stop: asyncio.Event, notes: list[Note]) -> None:
    """Answer whatever check-in question is showing, ending each check-in with a note of its own;
    start a new check-in when idle."""
    pressed: set[int] = set()
    idle_since = time.monotonic()
    while not stop.is_set():
        current = {m.message_id: m for m in emu.sent_to(user)}
        latest = max(current.values(), key=lambda m: m.seq, default=None)
        question = _open_question(current, max(pressed, default=0))
        if question is not None and question.seq not in pressed:
            label = next((v for k, v in ANSWERS.items() if k in question.text), None)
            if "add" in question.text:
                # A unique note: a check-in stored twice, or lost, shows in the stored answers.
                note = f"note {user}-{len(notes)}"
                draft = str(question.buttons[0][0].callback_data).split(":")[1]  # "ci:<draft>:add:s"
                notes.append(Note(note, max((m.seq for m in current.values()), default=0), draft))
                emu.send_text(user, note)
                pressed.add(question.seq)
                idle_since = time.monotonic()
            elif label is not None:
                emu.press_button(user, question, label)
                pressed.add(question.seq)
                idle_since = time.monotonic()
        elif (latest is not None and DONE in latest.text) or time.monotonic() - idle_since > 2.5:
            emu.send_text(user, "/checkin")
            idle_since = time.monotonic()
        await asyncio.sleep(0.05)


def _acknowledged(emu: BotApiEmulator, user: int, notes: list[Note]) -> dict[str, set[str]]:
    """The check-ins the patient was thanked for, each with the notes typed for it.

    A thanks is for the check-in of the last note typed before it (the next check-in's questions come
    only after it). Not "for that note": a check-in whose last question is asked twice (a /checkin
    while it is open asks it again) can get two notes; the first completes it, the second gets the
    "I'm here" answer, and the one thanks comes after both.
    """
    acked: dict[str, set[str]] = {}
    for done in (e.seq for e in emu.events(user) if not e.edited and DONE in e.text):
        before = [n for n in notes if n.seq < done]
        if before:
            draft = before[-1].draft
            acked[draft] = {n.text for n in notes if n.draft == draft}
    return acked


def _polled_since(emu: BotApiEmulator, polls: int) -> bool:
    return emu.stats.calls["getUpdates"] > polls


def _open_question(current: dict[int, SentMessage], answered: int) -> SentMessage | None:
    """The newest question with buttons, newer than the last one answered: as a person reads the chat. A question
    asked again after a kill (ops O66: its first copy may have gone before the crash) leaves an older copy above,
    which is not answered again."""
    with_buttons = [m for m in current.values() if m.buttons and "/6" in m.text and m.seq > answered]
    return max(with_buttons, key=lambda m: m.seq, default=None)


async def test_kill_9_during_check_ins_loses_and_doubles_nothing(tmp_path: Path) -> None:
    key, data_dir = keygen(), tmp_path / "data"
    config = _configure(tmp_path, data_dir, key)
    rng = random.Random(8)
    with BotApiEmulator(token=TOKEN) as emu:
        for user in PATIENTS:
            emu.add_user(user)
        stop = asyncio.Event()
        notes: dict[int, list[Note]] = {user: [] for user in PATIENTS}
        drivers = [asyncio.create_task(_patient(emu, user, stop, notes[user])) for user in PATIENTS]
        for _ in range(KILLS):
            polls = emu.stats.calls["getUpdates"]
            bot = _start(emu, data_dir, key, config)
            # Timed from the bot's first poll, not its launch: on a loaded machine start-up alone can
            # take longer than the whole window, and the kills would then never meet a check-in.
            await emu.wait_until(functools.partial(_polled_since, emu, polls), timeout=120)
            await asyncio.sleep(rng.uniform(0.5, 3.0))
            bot.send_signal(signal.SIGKILL)
            bot.wait()
        mark = max((e.seq for u in PATIENTS for e in emu.events(u)), default=0)
        bot = _start(emu, data_dir, key, config)

        def each_finished_once_more() -> bool:
            return all(any(e.seq > mark and DONE in e.text for e in emu.events(u)) for u in PATIENTS)

        # A clean stretch until every patient finishes at least once more (a barrier, not a sleep:
        # on a loaded machine the bot takes longer to start).
        await emu.wait_until(each_finished_once_more, timeout=120)
        stop.set()
        await asyncio.gather(*drivers)
        bot.send_signal(signal.SIGTERM)
        bot.wait(timeout=20)
        acked = {u: _acknowledged(emu, u, notes[u]) for u in PATIENTS}

    settings = Settings(bot_token=TOKEN, data_dir=data_dir, data_keys=(key,))
    with open_services(settings) as svc:

        def stored() -> dict[int, dict[str, str]]:
            out = {}
            for user in PATIENTS:
                p = svc.repo.patient_by_telegram(user)
                assert p is not None
                out[user] = {e.entry_id: str(e.answers.get("note")) for e in svc.repo.checkins(p.patient_id)}
            return out

        entries = svc.worker.call(stored)
    for user in PATIENTS:
        # A check-in's note may hold several typed lines: words typed while a check-in is open are kept with it
        # (an aside), so a note typed at a question a kill cut short can join the check-in resumed after it.
        stored_lines = [line for note in entries[user].values() for line in note.split("\n")]
        # Nothing doubled: each typed note is stored at most once, in one entry (a replayed update or a
        # resumed draft stored under a new entry id would show here, whatever the upsert does).
        assert len(stored_lines) == len(set(stored_lines)), (user, entries[user])
        # Nothing lost: every check-in the patient was thanked for is stored, with a note typed for it.
        lost = {
            d: typed
            for d, typed in acked[user].items()
            if not typed & set(entries[user].get(d, "").split("\n"))
        }
        assert not lost, (user, lost, entries[user])
    print(
        f"\nkill -9 x{KILLS}: acknowledged { {u: len(a) for u, a in acked.items()} }, stored { {u: len(i) for u, i in entries.items()} }"
    )
    assert sum(len(a) for a in acked.values()) >= len(PATIENTS)
