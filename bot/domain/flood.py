"""Per-user flood control: a sliding window of recent messages (no I/O)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field


@dataclass
class FloodGuard:
    """Allows ``limit`` messages per ``seconds`` per user; says when to warn once."""

    limit: int = 20
    seconds: float = 10.0
    _seen: dict[int, deque[float]] = field(default_factory=dict)
    _warned: dict[int, float] = field(default_factory=dict)

    def check(self, user_id: int, now: float) -> str:
        """ "ok", "warn" (first excess message in a window) or "drop"."""
        window = self._seen.setdefault(user_id, deque())
        while window and now - window[0] > self.seconds:
            window.popleft()
        window.append(now)
        if len(window) <= self.limit:
            return "ok"
        if now - self._warned.get(user_id, -1e18) > self.seconds:
            self._warned[user_id] = now
            return "warn"
        return "drop"
