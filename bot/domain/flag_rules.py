"""Structured risk rules on check-in answers, from ``flag_rules.toml`` program data (no I/O after loading).

A rule is a list of conditions that must all hold ("used == 1", "craving >= 8"). Its urgency says
who hears of it and when: ``urgent`` pages the counselor like crisis language (with escalation),
``soon`` opens a flag for the caseload and the next digest.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from bot.config.resources import program_data, program_toml

FILE = "flag_rules.toml"
Urgency = Literal["urgent", "soon"]
_OPS: dict[str, Callable[[int, int], bool]] = {"<=": operator.le, ">=": operator.ge, "==": operator.eq}
_CONDITION = re.compile(r"\s*([a-z][a-z0-9_]*)\s*(<=|>=|==)\s*(-?[0-9]+)\s*")
_RULE_FIELDS = {"kind", "label", "urgency", "weight", "when", "item", "op", "value"}
DEFAULT_HARM_REDUCTION = (
    "If you use again, please be careful: after a break your tolerance is lower, so a usual amount can "
    "cause an overdose. Try not to use alone, and keep naloxone (Narcan) nearby if opioids could be involved."
)
DEFAULT_HARM_REDUCTION_ES = (
    "Si vuelves a consumir, por favor ten cuidado: después de un tiempo sin consumir tu tolerancia es más "
    "baja, así que tu cantidad de siempre puede causar una sobredosis. Trata de no consumir a solas, y ten "
    "naloxona (Narcan) a la mano si podría haber opioides."
)


@dataclass(frozen=True)
class Condition:
    """One comparison on one check-in item's stored number."""

    item: str
    op: str
    value: int

    def holds(self, answers: Mapping[str, object]) -> bool:
        answer = answers.get(self.item)
        # Skipped or dropped items never trip a rule; a bool is not an answer on a scale.
        return type(answer) is int and _OPS[self.op](answer, self.value)


@dataclass(frozen=True)
class Rule:
    """Every condition holds → a flag of this kind, with this urgency."""

    kind: str
    label: str
    conditions: tuple[Condition, ...]
    urgency: Urgency = "soon"
    weight: int = 10

    @property
    def urgent(self) -> bool:
        return self.urgency == "urgent"

    def matches(self, answers: Mapping[str, object]) -> bool:
        return all(c.holds(answers) for c in self.conditions)

    @property
    def items(self) -> frozenset[str]:
        return frozenset(c.item for c in self.conditions)


@dataclass(frozen=True)
class FlagRules:
    """Check-in rules, plus the labels and weights of every kind of flag, and the harm-reduction line."""

    rules: tuple[Rule, ...]
    labels: dict[str, str]
    weights: dict[str, int]
    harm_reduction: str = DEFAULT_HARM_REDUCTION
    present_crisis: tuple[re.Pattern[str], ...] = ()
    harm_reduction_es: str = DEFAULT_HARM_REDUCTION_ES

    def label(self, kind: str) -> str:
        return self.labels.get(kind, kind.replace("_", " "))

    def harm_reduction_in(self, language: str) -> str:
        """The harm-reduction line in the patient's language."""
        return self.harm_reduction_es if language == "es" else self.harm_reduction


def _condition(text: object, where: str) -> Condition:
    match = _CONDITION.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f'{where}: condition {text!r} must read like "craving >= 8" (<=, >= or ==)')
    return Condition(match[1], match[2], int(match[3]))


def _rule(raw: Any, n: int, name: str) -> Rule:
    if not isinstance(raw, dict) or not isinstance(raw.get("kind"), str):
        raise ValueError(f"{name}: rule #{n} needs a kind")
    where = f"{name}: rule {raw['kind']}"
    if unknown := sorted(set(raw) - _RULE_FIELDS):  # a typo such as "urgncy" would silently mean "soon"
        raise ValueError(f"{where}: unknown setting(s) {', '.join(unknown)}")
    if "when" in raw:
        when = raw["when"]
        if not isinstance(when, list) or not when:
            raise ValueError(f"{where}: when must be a non-empty list of conditions")
        conditions = tuple(_condition(c, where) for c in when)
    else:  # the one-condition form: item, op, value
        conditions = (_condition(f"{raw.get('item')} {raw.get('op')} {raw.get('value')}", where),)
    urgency = raw.get("urgency", "soon")
    if urgency not in ("urgent", "soon"):
        raise ValueError(f'{where}: urgency must be "urgent" or "soon", got {urgency!r}')
    weight = raw.get("weight", 10)
    if not isinstance(weight, int) or not isinstance(raw.get("label"), str):
        raise ValueError(f"{where}: label must be text and weight a whole number")
    return Rule(raw["kind"], raw["label"], conditions, urgency, weight)


# The urgent alert kinds of crisis words (bot/domain/crisis_kind.py) and their default labels.
CRISIS_KINDS = {
    "crisis": "crisis language",
    "crisis_unclear": "crisis language (kind unclear)",
    "strong_craving": "strong craving, read as a crisis",
    "other_at_risk": "someone else at risk of suicide, read as a crisis",
    "forwarded": "forwarded crisis words (maybe someone else's)",
    "forwarded_overdose": "forwarded words about an overdose (maybe someone else's)",
    "overdose": "overdose",
    "overdose_other": "overdose of someone with them",
    "self_harm": "self-harm",
    "abuse": "someone is hurting them",
    "child_abuse": "a child at home is being abused",
    "harm_others": "threat to hurt someone",
}


# A patient whose file cannot be opened, on the caseload and the digest: at the top, and what to run.
UNREADABLE = "records_unavailable"
UNREADABLE_LABEL = "records can't be opened: run iop-bot doctor"


def load_flag_rules(path: Path | None = None) -> FlagRules:
    """Read and check the rules file (None: the one in use); raises ValueError naming the bad rule."""
    raw = program_toml(FILE, path)
    name = path.name if path else FILE
    rules = tuple(_rule(r, n, name) for n, r in enumerate(raw.get("rule", []), start=1))
    if len({r.kind for r in rules}) != len(rules):
        raise ValueError(f"{name}: two rules share a kind")
    labels = {r.kind: r.label for r in rules}
    weights = {r.kind: r.weight for r in rules}
    for kind, spec in raw.get("other", {}).items():
        labels[kind], weights[kind] = str(spec["label"]), int(spec["weight"])
    # A clinic's copy written before these crisis kinds existed still puts them at the top of the caseload.
    for kind, label in {**CRISIS_KINDS, UNREADABLE: UNREADABLE_LABEL}.items():
        labels.setdefault(kind, label)
        weights.setdefault(kind, 100)
    harm = raw.get("relapse", {}).get("harm_reduction", DEFAULT_HARM_REDUCTION)
    harm_es = raw.get("relapse", {}).get("harm_reduction_es", DEFAULT_HARM_REDUCTION_ES)
    if not isinstance(harm, str) or not isinstance(harm_es, str):
        raise ValueError(f"{name}: [relapse] harm_reduction and harm_reduction_es must be text")
    present = raw.get("safety_plan", {}).get("present_crisis", [])
    try:
        patterns = tuple(re.compile(p) for p in present)
    except (re.error, TypeError) as exc:
        raise ValueError(f"{name}: [safety_plan] present_crisis: {exc}") from None
    return FlagRules(rules, labels, weights, harm.strip(), patterns, harm_es.strip())


def present_crisis(text: str, rules: FlagRules) -> bool:
    """Whether crisis words in a safety-plan step describe a crisis now, not a warning sign."""
    low = text.casefold()
    return any(p.search(low) for p in rules.present_crisis)


default_flag_rules = program_data(FILE, load_flag_rules)


def checkin_flags(answers: Mapping[str, object], rules: FlagRules) -> list[Rule]:
    """The rules a completed check-in trips, in file order."""
    return [r for r in rules.rules if r.matches(answers)]


def unknown_items(rules: FlagRules, items: Iterable[str]) -> list[str]:
    """Rule kinds that name an item the check-in does not ask (they could never fire)."""
    known = set(items)
    return [r.kind for r in rules.rules if not r.items <= known]


def out_of_scale(rules: FlagRules, values: Mapping[str, Collection[int]]) -> list[str]:
    """Rule kinds whose conditions on one item no answer it allows can meet ("craving >= 11" on a 0-10 scale, a
    typo or a 0-100 habit): they never fire (newcomer9 N46: the urgent page for use with high craving silently
    never happened). ``values``: each asked item's possible answers; other items are unknown_items' to name."""
    dead = []
    for rule in rules.rules:
        for item in rule.items & values.keys():
            on_it = [c for c in rule.conditions if c.item == item]
            if not any(all(_OPS[c.op](v, c.value) for c in on_it) for v in values[item]):
                dead.append(rule.kind)
                break
    return dead
