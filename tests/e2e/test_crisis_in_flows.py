"""A crisis typed into every flow that takes free text: the answer is kept, the response is right, one alert.

One table: how to open the flow, what must be kept afterwards, and what the patient may (and may not) be
told after the crisis answer. Adding a free-text flow without a row here is how one gets forgotten.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from bot import texts
from bot.handlers import (
    checkin,
    cope_feeling,
    history,
    measures,
    messages,
    onboarding,
    practice_typed,
    quiet,
    rsvp,
    safety_plan,
    unsent,
)
from tests.conftest import COUNSELOR, Harness

CRISIS = "honestly I just want to kill myself tonight, I have the pills here now"
Open = Callable[[Harness, int], Awaitable[None]]
Kept = Callable[[Harness, str], bool]


@dataclasses.dataclass(frozen=True)
class Flow:
    name: str
    open: Open
    kept: Kept  # what the patient gave is still there (saved, or the question still waiting)
    then: str | None  # the one short line that may follow the crisis answer
    never: tuple[str, ...] = ()  # what must not follow it (a re-ask, a summary)
    kind: str = ""  # the pending-input kind the free-text router sends this text to
    addressed: bool = False  # the patient wrote these words to the counselor: they are passed on as written

    def __str__(self) -> str:
        return self.name


def _repo(bot: Harness, fn: str, *args: Any) -> Any:
    return bot.services.worker.call(getattr(bot.services.repo, fn), *args)


async def _command(bot: Harness, patient: int, command: str, contains: str) -> None:
    bot.emu.send_text(patient, command)
    await bot.emu.wait_for_message(patient, contains=contains)


async def _checkin_to_note(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    q = await bot.emu.wait_for_message(patient, contains="mood")
    for label in ("6", "1", "OK", "Yes", "No"):
        bot.emu.press_button(patient, q, label)
        q = await bot.emu.wait_for_message(patient, after=q.message_id, predicate=lambda m: bool(m.buttons))


async def _rsvp_reason(bot: Harness, patient: int) -> None:
    pid = _repo(bot, "patient_by_telegram", patient).patient_id
    _repo(bot, "record_rsvp", pid, "s1:2026-12-01", "n", bot.services.now())
    _repo(bot, "set_pending_input", pid, {"kind": rsvp.REASON, "occurrence": "s1:2026-12-01"})


async def _settings(bot: Harness, patient: int, button: str) -> None:
    bot.emu.send_text(patient, "/settings")
    menu = await bot.emu.wait_for_message(patient, contains="Your settings")
    bot.emu.press_button(patient, menu, button)
    await bot.emu.wait_for_message(
        patient, predicate=lambda m: bool(m.buttons) and m.message_id > menu.message_id
    )


async def _quiet_menu(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/settings")
    menu = await bot.emu.wait_for_message(patient, contains="Your settings")
    bot.emu.press_button(patient, menu, callback_data=quiet.MENU)
    await bot.emu.wait_for_message(patient, contains="Pick the hours", after=menu.message_id)


def _pending(kind: str) -> Kept:
    return lambda bot, pid: (_repo(bot, "pending_input", pid) or {}).get("kind") == kind


def _note_saved(bot: Harness, pid: str) -> bool:
    return [e.answers.get("note") for e in _repo(bot, "checkins", pid)] == [CRISIS]


def _draft_waits(bot: Harness, pid: str) -> bool:
    draft = _repo(bot, "draft", pid)
    return draft is not None and draft["answers"] == {} and _repo(bot, "checkins", pid) == []


def _reason_saved(bot: Harness, pid: str) -> bool:
    return [r.get("reason") for r in _repo(bot, "rsvps", pid)] == [CRISIS]


def _plan_paused(bot: Harness, pid: str) -> bool:
    # Words that paged are kept with the alert, not as a plan step, and the plan waits for /safetyplan
    # (newcomer5 finding 10: a goodbye came back as a coping step in the next crisis answer).
    plan = _repo(bot, "safety_plan", pid)
    return (plan is None or CRISIS not in plan.sections.values()) and _repo(bot, "pending_input", pid) is None


def _message_saved(bot: Harness, pid: str) -> bool:
    return [m.text for m in _repo(bot, "messages", pid)] == [CRISIS]


def _kept_unsent(bot: Harness, pid: str) -> bool:
    # The crisis words are carried by their alert, not kept unsent as well (counted, and sent, twice); so
    # are the words kept before them (newcomer finding 10-10), and the drawer is empty.
    (alert,) = _repo(bot, "open_alerts")
    return (
        _repo(bot, "kept_unsent", pid) is None
        and alert.text.startswith(CRISIS)
        and "hello there" in alert.text
    )


def _measures_wait(bot: Harness, pid: str) -> bool:
    return _repo(bot, "measure_draft", pid) is not None


FLOWS = [
    Flow(
        "check-in note",
        _checkin_to_note,
        _note_saved,
        texts.CHECKIN_SAVED_QUIETLY,
        ("Would you like to try",),
        kind=checkin.PENDING,
    ),
    Flow(
        "check-in number",
        lambda bot, p: _command(bot, p, "/checkin", "mood"),
        _draft_waits,
        None,
        ("whole number", texts.CHECKIN_STILL_OPEN),
    ),
    Flow("RSVP reason", _rsvp_reason, _reason_saved, texts.RSVP_REASON_SAVED, kind=rsvp.REASON),
    Flow(
        "/dayssince date",
        lambda bot, p: _command(bot, p, "/dayssince", "counter"),
        _pending(history.PENDING),
        None,
        ("date",),
        kind=history.PENDING,
    ),
    Flow(
        "/settings time zone",
        lambda bot, p: _settings(bot, p, texts.BTN_CHANGE_ZONE),
        _pending(onboarding.SETUP_TZ),
        None,
        (texts.TIMEZONE_NOT_FOUND,),
        kind=onboarding.SETUP_TZ,
    ),
    Flow(
        "/settings check-in time",
        lambda bot, p: _settings(bot, p, texts.BTN_CHANGE_TIME),
        _pending(onboarding.SETUP_TIME),
        None,
        (texts.TIME_UNKNOWN,),
        kind=onboarding.SETUP_TIME,
    ),
    Flow(
        "safety-plan step",
        lambda bot, p: _command(bot, p, "/safetyplan", texts.PLAN_TITLES["warning_signs"]),
        _plan_paused,
        texts.PLAN_WAITS,
        (texts.PLAN_TITLES["coping"],),
        kind=safety_plan.PENDING,
    ),
    Flow(
        "message for the counselor",
        lambda bot, p: _command(bot, p, "/message", "Type your message"),
        _message_saved,
        None,
        kind=messages.PENDING,
        addressed=True,
    ),
    Flow(
        "text kept unsent",
        lambda bot, p: _command(bot, p, "hello there", "Send it to"),
        _kept_unsent,
        None,
        ("Send it to", "Send them to"),
        kind=unsent.PENDING,
    ),
    Flow(
        "/practice time",
        lambda bot, p: _command(bot, p, "/practice", "Skill of the day"),
        _pending(practice_typed.PENDING),
        None,
        kind=practice_typed.PENDING,
    ),
    Flow(
        "/cope feeling",
        lambda bot, p: _command(bot, p, "/cope", texts.COPE_ASK),
        _pending(cope_feeling.PENDING),
        None,
        kind=cope_feeling.PENDING,
    ),
    Flow(
        "/settings quiet hours",
        _quiet_menu,
        _pending(quiet.PENDING),
        None,
        ("Quiet hours are now",),
        kind=quiet.PENDING,
    ),
    Flow(
        "questionnaire",
        lambda bot, p: _command(bot, p, "/measures", "PHQ-9"),
        _measures_wait,
        None,
        kind=measures.PENDING,
    ),
]


@pytest.mark.parametrize("flow", FLOWS, ids=str)
async def test_a_crisis_inside_a_flow_keeps_the_answer_gets_the_crisis_response_and_one_alert(
    bot: Harness, patient: int, flow: Flow
) -> None:
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: the counselor wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    await flow.open(bot, patient)
    pid = _repo(bot, "patient_by_telegram", patient).patient_id
    await bot.emu.settle(patient)
    bot.emu.send_text(patient, CRISIS)
    crisis = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    assert "988" in crisis.text and crisis.button_texts()[0] == texts.BTN_SAFE
    if flow.then is not None:
        await bot.emu.wait_for_message(patient, contains=flow.then, after=crisis.message_id)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    if flow.addressed:  # words to the counselor are passed on as written: wait for that, it may come after
        await bot.emu.wait_until(lambda: any("kill myself" in m.text for m in bot.emu.sent_to(COUNSELOR)))
    await bot.emu.settle()
    assert flow.kept(bot, pid), flow.name
    assert [a.kind for a in _repo(bot, "open_alerts")] == ["crisis"]
    after = [m.text for m in bot.emu.sent_to(patient) if m.message_id > crisis.message_id]
    assert not any(word in text for word in flow.never for text in after), after
    assert not any(texts.PATIENT_FALLBACK in text for text in after)
    # Otherwise the words reach the counselor behind "Show message" only, not in plain text elsewhere.
    plain = [m.text for m in bot.emu.sent_to(COUNSELOR) if "kill myself" in m.text]
    assert len(plain) == flow.addressed, plain


async def test_every_free_text_flow_has_a_row(bot: Harness) -> None:
    """The router's free-text inputs, each covered by a row of the table above."""
    assert set(bot.services.hooks.text_inputs) == {f.kind for f in FLOWS if f.kind}
