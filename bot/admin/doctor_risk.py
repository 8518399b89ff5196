"""`iop-bot doctor` lines for the check-in risk rules: every rule can fire, and something pages."""

from __future__ import annotations

from collections.abc import Iterable

from bot.admin.doctor import Finding
from bot.config.settings import Settings, SettingsError
from bot.domain.checkins import load_checkin_config
from bot.domain.flag_rules import FILE, FlagRules, load_flag_rules, out_of_scale, unknown_items


def risk_rules_check(settings: Settings) -> Iterable[Finding]:
    """A rule naming an item the check-in does not ask, or asking for an answer outside its item's scale,
    could never fire: a silent gap, so a failure."""
    try:
        rules = load_flag_rules(settings.data_files.get(FILE))
        asked = load_checkin_config(settings.checkin_items_file).items
    except (OSError, ValueError) as exc:
        yield Finding("risk rules", False, f"could not load: {exc}")
        return
    items = [i.key for i in asked]
    dead = unknown_items(rules, items)
    if dead:
        yield Finding(
            "risk rules",
            False,
            f"{', '.join(dead)} name check-in items that are not asked ({', '.join(items)}); they never fire",
        )
        return
    values = {i.key: [o.value for o in i.choices()] for i in asked}
    if beyond := out_of_scale(rules, values):
        yield Finding("risk rules", False, _beyond(rules, beyond, values))
        return
    urgent = sum(r.urgent for r in rules.rules)
    yield Finding("risk rules", True, f"{urgent} urgent and {len(rules.rules) - urgent} soon check-in rules")


def _beyond(rules: FlagRules, kinds: list[str], values: dict[str, list[int]]) -> str:
    """ "use_high_craving (craving >= 11; craving is 0-10) … they never fire"."""
    parts = []
    for rule in (r for r in rules.rules if r.kind in kinds):
        said = ", ".join(f"{c.item} {c.op} {c.value}" for c in rule.conditions if c.item in values)
        scales = ", ".join(f"{k} is {_scale(values[k])}" for k in sorted(rule.items & values.keys()))
        parts.append(f"{rule.kind} ({said}; {scales})")
    return f"{'; '.join(parts)}: no answer the check-in allows meets them, so they never fire"


def _scale(values: list[int]) -> str:
    if not values:
        return "typed text, no number"
    return f"{min(values)}-{max(values)}" if len(values) > 2 else " or ".join(map(str, values))


def refuse_dead_rules(settings: Settings) -> None:
    """`iop-bot run`'s refusal (exit 2, one line) when a risk rule could never fire: the page it stands for
    would silently never happen (newcomer9 N46)."""
    for finding in risk_rules_check(settings):
        if not finding.ok:
            raise SettingsError(f"risk rules: {finding.message}")
