"""Counselor digests: each counselor's daily time and which digests went out (index: few small rows)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Protocol

from tinydb import Query, TinyDB

from bot.domain.digest import DailyPref
from bot.store.storage import upsert

_Q = Query()
KEEP_SENT = timedelta(days=30)  # long past any session or day a sent record could still guard


class _HasIndex(Protocol):
    _index: TinyDB


class DigestData:
    """Mixin for the repository: digest settings (counselor data, not patient data) and sent claims."""

    def set_digest_time(self: _HasIndex, counselor_id: int, at: time | None, now: datetime) -> None:
        """Set (or, with None, turn off) a counselor's daily digest time; ``now`` starts it fresh."""
        table = self._index.table("digest_prefs")
        if at is None:
            table.remove(_Q.counselor_id == counselor_id)
            return
        row = {"counselor_id": counselor_id, "at": at.strftime("%H:%M"), "since": now.isoformat()}
        upsert(table, row, _Q.counselor_id == counselor_id)

    def digest_prefs(self: _HasIndex) -> list[DailyPref]:
        """Every counselor's daily digest time."""
        return [
            DailyPref(int(r["counselor_id"]), time.fromisoformat(r["at"]), datetime.fromisoformat(r["since"]))
            for r in self._index.table("digest_prefs").all()
        ]

    def digest_pref(self: _HasIndex, counselor_id: int) -> DailyPref | None:
        """One counselor's daily digest time, if they set one."""
        row = self._index.table("digest_prefs").get(_Q.counselor_id == counselor_id)
        if not isinstance(row, dict):
            return None
        return DailyPref(counselor_id, time.fromisoformat(row["at"]), datetime.fromisoformat(row["since"]))

    def claim_digest(self: _HasIndex, key: str, now: datetime) -> bool:
        """Record a digest as sent before it goes out; False if it already was (even before a restart)."""
        table = self._index.table("digests_sent")
        if table.contains(_Q.key == key):
            return False
        cutoff = (now - KEEP_SENT).isoformat()
        # Only write a removal when there is something old: every index write rewrites the file.
        if table.contains(_Q.at < cutoff):
            table.remove(_Q.at < cutoff)
        table.insert({"key": key, "at": now.isoformat()})
        return True

    def last_daily_digest_at(self: _HasIndex, counselor_id: int, before: str) -> datetime | None:
        """When the counselor's last daily digest before the one keyed ``before`` went out (its day's key sorts
        before it), if one did within ``KEEP_SENT``: what is new since then is marked (newcomer16 N137)."""
        prefix = f"daily:{counselor_id}:"
        sent = [
            str(r["at"])
            for r in self._index.table("digests_sent").all()
            if str(r.get("key", "")).startswith(prefix) and str(r["key"]) < before
        ]
        return datetime.fromisoformat(max(sent)) if sent else None

    def release_digest(self: _HasIndex, key: str) -> None:
        """Forget a claim whose send certainly failed, so the next sweep tries again."""
        self._index.table("digests_sent").remove(_Q.key == key)
