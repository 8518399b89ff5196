"""Hypothesis-generated updates against the running bot: odd unicode, right-to-left and zero-width
characters, numbers out of range, random callback data, messages without text, unknown commands.

Nothing may end in an unhandled exception, and everything the bot says must read as a friendly
message. Hypothesis runs on a worker thread; each example runs on the bot's event loop and ends
with a button tap from each person: each person's updates are handled in order, so once that
tap is answered everything they sent before it has been handled.
"""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import logging
import os
import re
from typing import Any

import hypothesis
import pytest
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator, SentMessage
from bot.devtools.emulator.methods import METHODS
from bot.devtools.emulator.world import World
from tests.conftest import COUNSELOR, Harness, enroll_patient

EXAMPLES = int(os.environ.get("IOP_FUZZ_EXAMPLES", "1000" if os.environ.get("IOP_SOAK") == "1" else "100"))
STRANGER = 2999
USERS = (COUNSELOR, STRANGER)  # plus the patient, the one mostly fuzzed
ALIASES = itertools.count(1)
UNFRIENDLY = re.compile(r"Traceback|Exception|\bError\b|\bNone\b|\bnull\b|\{\w*\}|<[a-z/][^>]*>")

ODD = "\u200b\u200c\u200d\u2060\ufeff\u202e\u202d\u200f\u200e\u0301\u00a0"  # zero-width, bidi, combining
CHARS = st.characters(exclude_categories=("Cs", "Cc"))  # what a Telegram client can send
NUMBERS = st.one_of(
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(
        ["-1", "11", "1e9", "0x10", "7/10", "11/10", "５", "٣", "۷", "NaN", "3.5", "+7", "00007"]
    ),
)
TEXTS = st.one_of(
    st.text(CHARS, min_size=1, max_size=120),
    st.text(st.sampled_from(ODD + "ab 7\n"), min_size=1, max_size=30),
    NUMBERS,
    st.sampled_from(
        ["שלום", "مرحبا ٣", "\u202eolleh", "Skip", "Yes", "OK", "none", "{name}", "<b>", "&amp;"]
    ),
    st.text(CHARS, min_size=4000, max_size=4096),
).filter(lambda t: t.strip() != "")
COMMANDS = st.builds(
    lambda name, mention, arg: f"/{name}{mention}{arg}",
    st.one_of(
        st.sampled_from(["start", "help", "cancel", "settings", "caseload", "patients", "digest", "export",
                         "broadcast", "mydata", "delete", "stop", "checkin", "cope", "practice", "measures",
                         "safetyplan", "history", "dayssince", "sos"]),
        st.from_regex(r"[a-z_0-9]{1,32}", fullmatch=True),
    ),
    st.sampled_from(["", "@iop_companion_bot", "@some_other_bot"]),
    st.one_of(st.just(""), TEXTS.map(lambda t: " " + t)),
)  # fmt: skip
PREFIXES = ["ci:", "ci:start", "cope:", "ms:", "cr:", "sos:tell:", "hist:", "sp:", "al:", "rs:", "bc:",
            "del:", "stop:", "pv:", "pa:", "enr:", "tz:", "ct:"]  # fmt: skip
CALLBACK_DATA = st.one_of(
    st.builds(lambda p, rest: p + rest, st.sampled_from(PREFIXES), st.text(CHARS, max_size=40)),
    st.text(CHARS, min_size=1, max_size=64),
).filter(lambda d: 1 <= len(d.encode()) <= 64)
BARE = st.sampled_from(
    [
        {"location": {"latitude": 40.7, "longitude": -74.0}},
        {"contact": {"phone_number": "+15550100", "first_name": "Sam"}},
        {"dice": {"emoji": "🎲", "value": 3}},
        {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]},
        {
            "caption": "\u202ecaption",
            "photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}],
        },
    ]
)
ACTION = st.one_of(
    st.tuples(st.just("text"), TEXTS),
    st.tuples(st.just("command"), COMMANDS),
    st.tuples(st.just("button"), st.integers(0, 40).map(str)),  # a real button on the latest message
    st.tuples(st.just("double tap"), st.integers(0, 40).map(str)),  # the same, twice before any answer
    st.tuples(st.just("old button"), st.integers(0, 40).map(str)),  # the same, on a message over 48 h old
    st.tuples(st.just("data"), CALLBACK_DATA),
    st.tuples(st.just("edit"), TEXTS),
)
STEP = st.tuples(
    st.sampled_from((0, 0, 0, COUNSELOR, STRANGER)), st.one_of(ACTION, st.tuples(st.just("bare"), BARE))
)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Flood control off: it would silence most examples (it has tests of its own)."""
    return dataclasses.replace(settings, flood_messages=1_000_000)


class Errors(logging.Handler):
    """Every ERROR the bot logs: the error handler logs each unhandled exception."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


async def _enrolled(bot: Harness) -> int:
    """The fuzzed patient, enrolled again if an example deleted or withdrew them."""
    svc, telegram_id = bot.services, 2001
    found = svc.worker.call(svc.repo.patient_by_telegram, telegram_id)
    if found is None or not found.is_set_up:
        await enroll_patient(bot, telegram_id, f"Fuzz{next(ALIASES)}", first_name="Alex")
    return telegram_id


def _do(bot: Harness, user: int, kind: str, payload: object) -> None:
    emu = bot.emu
    if kind in ("text", "command"):
        emu.send_text(user, str(payload))
    elif kind == "edit":
        mine = [mid for (chat, mid) in emu.world.user_messages if chat == user]
        if mine:
            emu.edit_text(user, max(mine), str(payload))
    elif kind == "bare":  # a message without text or entities: a location, a contact, a photo
        assert isinstance(payload, dict)
        emu._message(emu.world.user(user), user, payload)
    else:
        latest = emu.sent_to(user)[-1:] or [SentMessage(user, 1, "x", "x")]
        buttons = [b for row in latest[0].buttons for b in row if b.callback_data]
        if kind == "data":
            emu.press_button(user, latest[0], callback_data=str(payload))
        elif buttons:
            data = str(buttons[int(str(payload)) % len(buttons)].callback_data)
            if kind in ("button", "double tap"):
                for _ in range(1 + (kind == "double tap")):
                    emu.press_button(user, latest[0], callback_data=data)
            else:
                _old_tap(emu, user, latest[0].message_id, data)


def _old_tap(emu: BotApiEmulator, user: int, message_id: int, data: str) -> str:
    """A tap on a message over 48 hours old, which Telegram sends as inaccessible; returns the query id."""
    with emu.world.cond:
        query_id = str(next(emu.world.callback_ids))
        emu.world.callbacks[query_id] = user
        old = {"chat": emu.world.chats[user], "message_id": message_id, "date": 0}
        query = {"id": query_id, "from": emu.world.user(user), "message": old, "data": data}
        emu.world.push_update("callback_query", {**query, "chat_instance": str(user)})
    return query_id


async def _example(
    bot: Harness, steps: list[tuple[int, tuple[str, object]]], errors: Errors, answers: list[str]
) -> None:
    errors.records.clear()
    answers.clear()
    patient = await _enrolled(bot)
    users = (patient, *USERS)
    seen = {u: len(bot.emu.events(u)) for u in users}
    typed = [str(p) for _, (_, p) in steps if isinstance(p, str)]
    for user, (kind, payload) in steps:
        _do(bot, user or patient, kind, payload)
    barriers = {_old_tap(bot.emu, user, 1, "fuzz:done") for user in users}
    world = bot.emu.world
    await bot.emu.wait_until(lambda: not barriers & set(world.callbacks), timeout=30)
    assert not errors.records, [r.getMessage() for r in errors.records]
    for user in users:
        for message in bot.emu.events(user)[seen[user] :]:
            _assert_friendly(message.text, typed)
    for answer in answers:
        _assert_friendly(answer, typed)
    with world.cond:
        assert not set(world.callbacks.values()) & set(users), "a button tap left unanswered"


def _assert_friendly(text: str, typed: list[str]) -> None:
    for said in sorted(typed, key=len, reverse=True):
        text = text.replace(said.strip(), "")  # the patient's own words may be quoted back
    assert not UNFRIENDLY.search(text), text


@pytest.mark.slow
async def test_random_updates_never_crash_the_bot_and_every_answer_is_friendly(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop, errors, answers = asyncio.get_running_loop(), Errors(), []
    logging.getLogger().addHandler(errors)
    bot.emu.add_user(STRANGER)
    with bot.emu.world.cond:
        del bot.emu.world.users[STRANGER]["language_code"]  # optional, and some clients leave it out
    answer_query = METHODS["answercallbackquery"]

    def record(world: World, params: dict[str, Any]) -> Any:
        answers.append(str(params.get("text") or ""))  # every toast, not just each person's latest
        return answer_query(world, params)

    monkeypatch.setitem(METHODS, "answercallbackquery", record)

    @hypothesis.settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=EXAMPLES <= 100,  # `make test` explores the same examples every run
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(st.lists(STEP, min_size=1, max_size=4))
    def run(steps: list[tuple[int, tuple[str, object]]]) -> None:
        asyncio.run_coroutine_threadsafe(_example(bot, steps, errors, answers), loop).result(timeout=60)

    try:
        await asyncio.to_thread(run)
    finally:
        logging.getLogger().removeHandler(errors)


async def test_a_double_tap_that_edits_a_message_to_what_it_shows_is_no_error(
    bot: Harness, patient: int
) -> None:
    """Found by the fuzzer: the second tap's edit is refused as "not modified"."""
    errors = Errors()
    logging.getLogger().addHandler(errors)
    before = len(bot.emu.events(patient))
    try:
        bot.emu.send_text(patient, "/practice")
        menu = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons))
        bot.emu.press_button(patient, menu, menu.button_texts()[0])
        bot.emu.press_button(patient, menu, menu.button_texts()[0])
        await bot.emu.wait_for_message(patient, contains="Done: a short practice every day")
        await bot.emu.settle(patient)
    finally:
        logging.getLogger().removeHandler(errors)
    assert errors.records == [] and len(bot.emu.events(patient)) == before + 2  # the menu, then "Done"
