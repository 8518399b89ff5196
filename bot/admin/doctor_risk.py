"""`iop-bot doctor` lines for the check-in risk rules: every rule can fire, and something pages."""

from __future__ import annotations

from collections.abc import Iterable

from bot.admin.doctor import Finding
from bot.config.settings import Settings
from bot.domain.checkins import load_checkin_config
from bot.domain.flag_rules import FILE, load_flag_rules, unknown_items


def risk_rules_check(settings: Settings) -> Iterable[Finding]:
    """A rule naming an item the check-in does not ask could never fire: a silent gap, so a failure."""
    try:
        rules = load_flag_rules(settings.data_files.get(FILE))
        items = [i.key for i in load_checkin_config(settings.checkin_items_file).items]
    except (OSError, ValueError) as exc:
        yield Finding("risk rules", False, f"could not load: {exc}")
        return
    dead = unknown_items(rules, items)
    if dead:
        yield Finding(
            "risk rules",
            False,
            f"{', '.join(dead)} name check-in items that are not asked ({', '.join(items)}); they never fire",
        )
        return
    urgent = sum(r.urgent for r in rules.rules)
    yield Finding("risk rules", True, f"{urgent} urgent and {len(rules.rules) - urgent} soon check-in rules")
