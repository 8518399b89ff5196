"""Weekly measures as plain logic: when they are due, the draft one item at a time, and trends."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from bot.config.settings import Settings
from bot.domain.checkin_ladder import next_allowed
from bot.domain.daily import NextDue, next_local
from bot.domain.instruments import Instrument, Item, Result, score
from bot.domain.models import Patient
from bot.domain.quiet import window_or_off

Instruments = Mapping[str, Instrument]
SECONDS_PER_ITEM = 10  # how long one tap takes, for the "about N minutes" in the push


class StaleAnswer(Exception):
    """The answer is for a question that is no longer the current one (a double or old tap)."""


def measures_rule(settings: Settings) -> NextDue:
    """When a patient's next weekly push is due: the program's weekday and time, in their time zone,
    held until their quiet hours end when it falls inside them."""
    days = frozenset({settings.measures_weekday})

    def next_due(patient: Patient, after: datetime) -> datetime | None:
        tz = patient.tz
        if not settings.measures_enabled or patient.status != "active" or tz is None:
            return None
        start, end = window_or_off(patient, settings)
        # Looked for from a day back: this week's push, held past `after`, must not be skipped.
        for since in (after - timedelta(days=1), after):
            at = next_allowed(next_local(since, settings.measures_time, tz, days), tz, start, end)
            if at > after:
                return at
        return None

    return next_due


def week_key(day: date) -> str:
    """The ISO week of a local day ("2026-W03"): the push goes out once per week."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def minutes_needed(instruments: Instruments, ids: Sequence[str]) -> int:
    """About how long the questions take, in whole minutes (at least one)."""
    items = sum(len(instruments[i].items) for i in ids if i in instruments)
    return max(1, round(items * SECONDS_PER_ITEM / 60))


@dataclass(frozen=True)
class Draft:
    """A sitting in progress: which questionnaire is current and its answers so far."""

    run_id: str
    instruments: tuple[str, ...]
    started_at: datetime
    index: int = 0  # which of `instruments` is being answered
    answers: tuple[int, ...] = ()  # the current questionnaire's answers so far

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly record for the store."""
        return {
            "run_id": self.run_id,
            "instruments": list(self.instruments),
            "started_at": self.started_at.isoformat(),
            "index": self.index,
            "answers": list(self.answers),
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Draft:
        """The inverse of `to_dict`."""
        return cls(
            run_id=str(raw["run_id"]),
            instruments=tuple(str(i) for i in raw["instruments"]),
            started_at=datetime.fromisoformat(str(raw["started_at"])),
            index=int(raw["index"]),
            answers=tuple(int(a) for a in raw["answers"]),
        )


@dataclass(frozen=True)
class Question:
    """The item to show now."""

    instrument: Instrument
    item: Item


@dataclass(frozen=True)
class Step:
    """What one answer did: the draft after it (None when all is answered), a finished result, safety."""

    draft: Draft | None
    result: Result | None
    safety: bool


def start(run_id: str, ids: Sequence[str], now: datetime) -> Draft:
    """A new sitting over these questionnaires, in order."""
    if not ids:
        raise ValueError("no questionnaires to ask")
    return Draft(run_id, tuple(ids), now)


def is_expired(draft: Draft, now: datetime, max_age: timedelta) -> bool:
    """Whether the sitting is too old to resume (its answers may no longer describe "now")."""
    return now - draft.started_at > max_age


def current(draft: Draft, instruments: Instruments) -> Question:
    """The question to ask now; KeyError when the questionnaire is no longer configured."""
    instrument = instruments[draft.instruments[draft.index]]
    return Question(instrument, instrument.items[len(draft.answers)])


def answer(
    draft: Draft, instruments: Instruments, index: int, item_number: int, value: int, now: datetime
) -> Step:
    """Record one answer; StaleAnswer unless it answers the current question, ValueError if not an option."""
    if index != draft.index or item_number != len(draft.answers) + 1:
        raise StaleAnswer(f"{draft.run_id}: {index}/{item_number} is not the current question")
    instrument = current(draft, instruments).instrument
    if value not in {o.value for o in instrument.options}:
        raise ValueError(f"{instrument.id} item {item_number}: {value!r} is not an option")
    answers = (*draft.answers, value)
    safety = instrument.safety_item == item_number and value > 0
    if len(answers) < len(instrument.items):
        return Step(replace(draft, answers=answers), None, safety)
    result = score(instrument, answers, now)
    following = draft.index + 1
    nxt = replace(draft, index=following, answers=()) if following < len(draft.instruments) else None
    return Step(nxt, result, safety)


def by_instrument(results: Sequence[Result]) -> dict[str, list[Result]]:
    """Results per questionnaire, oldest first."""
    out: dict[str, list[Result]] = {}
    for result in sorted(results, key=lambda r: r.completed_at):
        out.setdefault(result.instrument_id, []).append(result)
    return out
