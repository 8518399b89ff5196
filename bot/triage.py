"""Who needs their counselor first: flag rules on check-ins, and the caseload order (no I/O)."""

from __future__ import annotations

import operator
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from bot.checkins import Entry
from bot.progress import Trend, averages, trend
from bot.resources import program_data, read_program_file

FILE = "flag_rules.toml"
_OPS: dict[str, Callable[[int, int], bool]] = {"<=": operator.le, ">=": operator.ge, "==": operator.eq}


@dataclass(frozen=True)
class Rule:
    """One check-in rule: ``item op value`` raises a ``kind`` flag."""

    kind: str
    label: str
    item: str
    op: str
    value: int
    weight: int

    def matches(self, entry: Entry) -> bool:
        answer = entry.answers.get(self.item)
        return isinstance(answer, int) and _OPS[self.op](answer, self.value)


@dataclass(frozen=True)
class FlagRules:
    """Rules plus the labels and weights of every kind of flag."""

    rules: tuple[Rule, ...]
    labels: dict[str, str]
    weights: dict[str, int]

    def label(self, kind: str) -> str:
        return self.labels.get(kind, kind.replace("_", " "))


def load_flag_rules(path: Path | None = None) -> FlagRules:
    """Read and check the rules file (None: the one in use); raises ValueError naming the bad rule."""
    raw = tomllib.loads(read_program_file(FILE, path))
    name = path.name if path else FILE
    rules = []
    for r in raw.get("rule", []):
        if r.get("op") not in _OPS or not isinstance(r.get("value"), int):
            raise ValueError(f"{name}: rule {r.get('kind')}: op must be <=, >= or == and value a number")
        rules.append(Rule(r["kind"], r["label"], r["item"], r["op"], r["value"], int(r.get("weight", 10))))
    labels = {r.kind: r.label for r in rules}
    weights = {r.kind: r.weight for r in rules}
    for kind, spec in raw.get("other", {}).items():
        labels[kind], weights[kind] = spec["label"], int(spec["weight"])
    return FlagRules(tuple(rules), labels, weights)


default_flag_rules = program_data(FILE, load_flag_rules)


def checkin_flags(entry: Entry, rules: FlagRules) -> list[Rule]:
    """The rules a completed check-in trips."""
    return [r for r in rules.rules if r.matches(entry)]


@dataclass(frozen=True)
class CaseloadRow:
    """One patient on the counselor's caseload."""

    patient_id: str
    alias: str
    last_checkin: datetime | None
    mood_avg: float | None
    craving_avg: float | None
    mood_trend: Trend
    craving_trend: Trend
    flags: tuple[str, ...]
    score: int
    status: str = "active"  # the patient's status; a withdrawn patient goes last (bot/workspace.py)


def caseload_row(
    patient_id: str,
    alias: str,
    entries: Sequence[Entry],
    flag_kinds: Iterable[str],
    today: date,
    rules: FlagRules,
) -> CaseloadRow:
    """A patient's line: recent numbers, open flags, and how urgent they are together."""
    since = today - timedelta(days=6)
    kinds = tuple(dict.fromkeys(flag_kinds))
    last = max((e.ts for e in entries), default=None)
    score = sum(rules.weights.get(k, 10) for k in kinds)
    if last is None or (today - max(e.local_date for e in entries)).days >= 2:
        score += 5  # silence is a signal too, even before the missed-days flag
    return CaseloadRow(
        patient_id,
        alias,
        last,
        averages(entries, "mood", since=since),
        averages(entries, "craving", since=since),
        trend(entries, "mood", today=today),
        trend(entries, "craving", today=today),
        kinds,
        score,
    )


def triage_order(rows: Iterable[CaseloadRow]) -> list[CaseloadRow]:
    """Most urgent first; among equals, the longest silent first, then by alias."""
    oldest = datetime.min.replace(tzinfo=None)

    def key(r: CaseloadRow) -> tuple[int, datetime, str]:
        last = r.last_checkin.replace(tzinfo=None) if r.last_checkin else oldest
        return (-r.score, last, r.alias.casefold())

    return sorted(rows, key=key)


def relative(then: datetime | None, now: datetime) -> str:
    """ "2 h ago", "3 d ago", "never": how counselors scan recency."""
    if then is None:
        return "never"
    seconds = (now - then).total_seconds()
    if seconds < 3600:
        return f"{max(1, int(seconds // 60))} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    return f"{int(seconds // 86400)} d ago"
