"""The flood guard's sliding window."""

from __future__ import annotations

from bot.domain.flood import FloodGuard


def test_a_burst_over_the_limit_is_warned_once_then_dropped_until_the_window_passes() -> None:
    guard = FloodGuard(limit=3, seconds=10)
    assert [guard.check(1, t) for t in (0, 1, 2)] == ["ok", "ok", "ok"]
    assert [guard.check(1, t) for t in (3, 4)] == ["warn", "drop"]
    assert guard.check(2, 4) == "ok"  # other people are not affected
    assert guard.check(1, 30) == "ok"
