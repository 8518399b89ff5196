"""Each patient's next daily pushes (check-in prompt, nudge, skill practice), kept in one heap.

APScheduler builds a cron trigger per job (about half a millisecond each), so one job per patient
and kind made start-up with 10,000 patients take tens of seconds. Instead one sweep asks this plan
what is due. The plan holds only derived times: it is rebuilt from stored patients at start-up,
and what was actually sent is recorded in the store, so a restart neither loses nor repeats a push.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.domain.checkin_ladder import prompt_datetime
from bot.domain.models import Patient

# kind -> the first time strictly after `after` that this push is due for the patient (or None).
NextDue = Callable[[Patient, datetime], datetime | None]


class RetryLater(Exception):
    """A push could not be delivered yet (Telegram unreachable); the sweep tries it again soon."""


class Deferred(Exception):
    """A push must wait (a crisis alert about the patient is followed); tried again later, not a failure."""


@dataclass(frozen=True, order=True)
class Push:
    """One push that came due: what, for whom, and when it was meant to go."""

    at: datetime
    kind: str
    patient_id: str


@dataclass
class DailyPlan:
    """The next due time of every (patient, kind); stale heap entries are skipped, not searched for."""

    rules: Mapping[str, NextDue]
    _heap: list[tuple[datetime, str, str, int]] = field(default_factory=list)
    _current: dict[tuple[str, str], tuple[datetime, int]] = field(default_factory=dict)
    _version: int = 0
    _unplanned: list[Patient] = field(default_factory=list)  # start()'s patients, planned from _since
    _since: datetime | None = None

    def rebuild(self, patients: Iterable[Patient], after: datetime) -> int:
        """Plan every patient from scratch now; returns how many pushes are planned."""
        self.start(patients, after)
        self.settle()
        return len(self._current)

    def start(self, patients: Iterable[Patient], after: datetime) -> int:
        """Plan every patient from scratch, but only when the plan is first used (or `settle` is called):
        a start-up with 10,000 patients answers updates without waiting ~0.5 s for 30,000 pushes, and
        every push is planned from `after` exactly as an eager rebuild would. Returns the patients taken."""
        self._heap, self._current = [], {}
        self._unplanned, self._since = list(patients), after
        return len(self._unplanned)

    @property
    def unsettled(self) -> int:
        """Patients start() took whose pushes are not planned yet."""
        return len(self._unplanned)

    def settle(self, limit: int | None = None) -> None:
        """Plan (up to `limit` of) the patients start() took; every other method settles them all first."""
        if not self._unplanned or self._since is None:
            return
        count = len(self._unplanned) if limit is None else min(limit, len(self._unplanned))
        taken, self._unplanned = self._unplanned[:count], self._unplanned[count:]
        for patient in taken:
            for entry in self._plan(patient, self._since):
                heapq.heappush(self._heap, entry)

    def planned(self) -> int:
        """How many pushes are planned."""
        self.settle()
        return len(self._current)

    def follow(self, patient: Patient, after: datetime) -> None:
        """Re-plan one patient after their settings or status changed."""
        self.settle()  # first as start() saw them, so their stale entries are superseded here
        for kind in self.rules:
            self._current.pop((patient.patient_id, kind), None)
        for entry in self._plan(patient, after):
            heapq.heappush(self._heap, entry)

    def next_at(self, patient_id: str, kind: str) -> datetime | None:
        """When this push is next due (for status screens and tests)."""
        self.settle()
        found = self._current.get((patient_id, kind))
        return found[0] if found else None

    def due(self, now: datetime) -> list[Push]:
        """Take every push due at `now`; each is re-planned for its following occurrence."""
        self.settle()
        out: list[Push] = []
        while self._heap and self._heap[0][0] <= now:
            at, patient_id, kind, version = heapq.heappop(self._heap)
            if self._current.get((patient_id, kind)) != (at, version):
                continue  # superseded by a later follow()
            del self._current[(patient_id, kind)]
            out.append(Push(at, kind, patient_id))
        return out

    def retry(self, push: Push, at: datetime) -> None:
        """Try an undelivered push again at `at`, unless the patient was re-planned meanwhile."""
        self.settle()
        if (push.patient_id, push.kind) in self._current:
            return
        self._version += 1
        self._current[(push.patient_id, push.kind)] = (at, self._version)
        heapq.heappush(self._heap, (at, push.patient_id, push.kind, self._version))

    def advance(self, patient: Patient, push: Push) -> None:
        """Plan the occurrence after `push` (the sweep calls this once the push was handled)."""
        self.settle()
        if (patient.patient_id, push.kind) in self._current:
            return  # follow() re-planned this patient while the push was being sent
        nxt = self.rules[push.kind](patient, push.at + timedelta(seconds=1))
        if nxt is not None:
            self._version += 1
            nxt = nxt.astimezone(UTC)
            self._current[(patient.patient_id, push.kind)] = (nxt, self._version)
            heapq.heappush(self._heap, (nxt, patient.patient_id, push.kind, self._version))

    def _plan(self, patient: Patient, after: datetime) -> list[tuple[datetime, str, str, int]]:
        entries = []
        for kind, next_due in self.rules.items():
            at = next_due(patient, after)
            if at is None:
                continue
            self._version += 1
            self._current[(patient.patient_id, kind)] = (at.astimezone(UTC), self._version)
            entries.append((at.astimezone(UTC), patient.patient_id, kind, self._version))
        return entries


@lru_cache(maxsize=4096)
def next_local(after: datetime, at: time, tz: ZoneInfo, weekdays: frozenset[int] | None = None) -> datetime:
    """The first local wall time `at` strictly after `after` (UTC), on one of `weekdays` (Mon = 0).

    Found day by day from the patient's local date, so it follows their wall clock across DST. Cached: a
    start-up plans every patient from one instant, and patients share a few times and zones, so 30,000
    pushes cost a few hundred computations (it depends on the instant of `after` alone, as equality does).
    """
    start = after.astimezone(tz).date() - timedelta(days=1)
    for offset in range(9):
        day = start + timedelta(days=offset)
        if weekdays is not None and day.weekday() not in weekdays:
            continue
        candidate = prompt_datetime(day, at, tz)
        if candidate > after:
            return candidate
    raise ValueError("weekdays must not be empty")
