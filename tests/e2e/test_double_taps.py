"""Every button, tapped twice, gives exactly one effect and one reply: one table of flows.

Each row opens a flow, names the button, and says what its one reply looks like (in which chat).
Both taps are sent at once, before the first is handled, as a real double tap arrives.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable

import pytest

from bot import texts
from bot.devtools.emulator import SentMessage
from tests.conftest import COUNSELOR, Harness, check_in_with_note, enrolled_code

NEWCOMER = 2050
Open = Callable[[Harness, int], Awaitable[tuple[int, SentMessage]]]


@dataclasses.dataclass(frozen=True)
class Tap:
    name: str
    open: Open  # returns (who taps, the message with the button)
    label: str
    chat: Callable[[int], int]  # where the one reply goes (given the patient's id)
    reply: str  # the reply, once

    def __str__(self) -> str:
        return self.name


async def _send(bot: Harness, user: int, text: str, contains: str) -> SentMessage:
    bot.emu.send_text(user, text)
    return await bot.emu.wait_for_message(user, contains=contains)


def _command(text: str, contains: str) -> Open:
    """The patient sends a command; the button is on the answer."""

    async def open_(bot: Harness, patient: int) -> tuple[int, SentMessage]:
        return patient, await _send(bot, patient, text, contains)

    return open_


async def _history(bot: Harness, patient: int) -> tuple[int, SentMessage]:
    await check_in_with_note(bot, patient, "ok")
    bot.emu.send_text(patient, "/history")
    chart = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons) and m.kind == "photo")
    return patient, chart


async def _consent(bot: Harness, patient: int) -> tuple[int, SentMessage]:
    code = enrolled_code(bot.services, "Casey")
    bot.emu.add_user(NEWCOMER, first_name="Casey")
    return NEWCOMER, await _send(bot, NEWCOMER, f"/start {code}", "Do you agree")


async def _settings(bot: Harness, patient: int, button: str) -> tuple[int, SentMessage]:
    menu = await _send(bot, patient, "/settings", "Your settings")
    bot.emu.press_button(patient, menu, button)
    asked = await bot.emu.wait_for_message(
        patient, predicate=lambda m: bool(m.buttons) and m.message_id > menu.message_id
    )
    return patient, asked


async def _zone(bot: Harness, patient: int) -> tuple[int, SentMessage]:
    return await _settings(bot, patient, texts.BTN_CHANGE_ZONE)


async def _time(bot: Harness, patient: int) -> tuple[int, SentMessage]:
    return await _settings(bot, patient, texts.BTN_CHANGE_TIME)


async def _crisis(bot: Harness, patient: int) -> tuple[int, SentMessage]:
    await _send(bot, COUNSELOR, "/help", "Counselor tools")
    message = await _send(bot, patient, "I want to kill myself", "Are you safe right now?")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    return patient, message


async def _alert(bot: Harness, patient: int) -> tuple[int, SentMessage]:
    await _send(bot, COUNSELOR, "/help", "Counselor tools")
    bot.emu.send_text(patient, "I want to kill myself")
    return COUNSELOR, await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")


async def _caseload(bot: Harness, patient: int) -> tuple[int, SentMessage]:
    await check_in_with_note(bot, patient, "ok")
    return COUNSELOR, await _send(bot, COUNSELOR, "/caseload", "Your caseload")


async def _page(bot: Harness, patient: int) -> tuple[int, SentMessage]:
    _, screen = await _caseload(bot, patient)
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    return COUNSELOR, await bot.emu.wait_for_message(COUNSELOR, contains="Last check-ins")


def _patient(p: int) -> int:
    return p


def _counselor(p: int) -> int:
    return COUNSELOR


TAPS = [
    Tap("consent: I agree", _consent, texts.BTN_AGREE, lambda p: NEWCOMER, "time zone"),
    Tap("/settings: a time zone", _zone, "New York", _patient, "Done. Your time zone is"),
    Tap("/settings: a check-in time", _time, "6:00 PM", _patient, "6:00 PM"),
    Tap(
        "check-in: an answer",
        _command("/checkin", "mood"),
        "5",
        _patient,
        "craving",
    ),
    Tap("/cope: a feeling", _command("/cope", texts.COPE_ASK), "Craving", _patient, "1/"),
    Tap(
        "/sos: tell my counselor",
        _command("/sos", texts.BTN_TELL_COUNSELOR),
        texts.BTN_TELL_COUNSELOR,
        _counselor,
        "SOS",
    ),
    Tap("crisis: I'm safe", _crisis, texts.BTN_SAFE, _counselor, "I'm safe right now"),
    Tap(
        "/delete: erase everything",
        _command("/delete", "Erase everything?"),
        texts.BTN_DELETE,
        _patient,
        texts.DELETED,
    ),
    Tap(
        "/stop: stop",
        _command("/stop", "Stop using"),
        texts.BTN_STOP,
        _counselor,
        "withdrew consent",
    ),
    Tap(
        "/history: 30 days",
        _history,
        texts.BTN_HISTORY[30],
        _patient,
        "30 days",
    ),
    Tap("alert: acknowledge", _alert, texts.BTN_ACKNOWLEDGE, _counselor, "Acknowledged by"),
    Tap("alert: show message", _alert, texts.BTN_SHOW_MESSAGE, _counselor, "Message from"),
    Tap("caseload: a patient", _caseload, "Alex", _counselor, "Last check-ins"),
    Tap("patient page: export", _page, texts.BTN_EXPORT, _counselor, ".csv"),
]


@pytest.mark.parametrize("tap", TAPS, ids=str)
async def test_a_double_tap_does_one_thing_once(bot: Harness, patient: int, tap: Tap) -> None:
    user, message = await tap.open(bot, patient)
    await bot.emu.settle()
    with bot.emu.world.cond:
        mark = len(bot.emu.world.events)
    bot.emu.press_button(user, message, tap.label)
    bot.emu.press_button(user, message, tap.label)
    chat = tap.chat(patient)
    await bot.emu.wait_for_message(
        chat, predicate=lambda e: tap.reply in e.text or tap.reply in (e.file_name or "")
    )
    await bot.emu.settle()
    with bot.emu.world.cond:
        after = [e for e in bot.emu.world.events[mark:] if e.chat_id == chat]
    replies = [e for e in after if tap.reply in e.text or tap.reply in (e.file_name or "")]
    assert len(replies) == 1, [e.text[:80] for e in after]
