"""Counselor reachability and counselor invitations, in the index (encrypted at rest like the rest)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Protocol

from tinydb import Query, TinyDB

from bot.domain.models import Counselor
from bot.domain.reach import PENDING, CounselorInvite, Reach, ReachState
from bot.store.storage import upsert

_Q = Query()
ROSTER = "oncall_roster"  # the admin notices' row of who was on call at the last start that told it
CLOCK = (
    "clock_episode"  # the admin notices' row of a wrong server clock, from its start to its end (ops O111)
)


class _HasIndex(Protocol):
    _index: TinyDB

    def audit(self, now: datetime, actor: int, action: str, subject: str, **details: Any) -> None: ...


class ReachData:
    """Mixin for the repository: who the bot can write to, and invitations not yet opened."""

    def reach(self: _HasIndex, telegram_id: int) -> Reach:
        """Where the counselor stands (pending when never seen)."""
        row = self._index.table("counselor_reach").get(_Q.telegram_id == telegram_id)
        return Reach.from_dict(dict(row)) if isinstance(row, dict) else PENDING

    def reaches(self: _HasIndex) -> dict[int, Reach]:
        """Every counselor's reachability that is known (the others are pending)."""
        return {int(r["telegram_id"]): Reach.from_dict(dict(r)) for r in self._index.table("counselor_reach")}

    def set_reach(
        self: _HasIndex, telegram_id: int, state: ReachState, now: datetime, reason: str = ""
    ) -> Reach:
        """Record a change and return the state before it; the same state again keeps its time."""
        table = self._index.table("counselor_reach")
        row = table.get(_Q.telegram_id == telegram_id)
        before = Reach.from_dict(dict(row)) if isinstance(row, dict) else PENDING
        if before.state != state:
            after = Reach(state, now, reason)
            upsert(table, {"telegram_id": telegram_id, **after.to_dict()}, _Q.telegram_id == telegram_id)
        return before

    def add_counselor_invite(self: _HasIndex, invite: CounselorInvite) -> None:
        self._index.table("counselor_invites").insert(invite.to_dict())

    def counselor_invite(self: _HasIndex, code_hash: str) -> CounselorInvite | None:
        row = self._index.table("counselor_invites").get(_Q.code_hash == code_hash)
        return CounselorInvite.from_dict(dict(row)) if isinstance(row, dict) else None

    def open_counselor_invites(self: _HasIndex) -> list[CounselorInvite]:
        invites = (CounselorInvite.from_dict(dict(r)) for r in self._index.table("counselor_invites"))
        return [i for i in invites if i.used_at is None]

    def revoke_counselor_invite(self: _HasIndex, code_hash: str) -> bool:
        """Delete an unopened counselor invitation: its link then opens nothing (newcomer9 N53: a link sent to
        the wrong address stayed valid for a week). False if it was opened already or is unknown."""
        return bool(
            self._index.table("counselor_invites").remove((_Q.code_hash == code_hash) & (_Q.used_at == None))  # noqa: E711
        )

    def accept_counselor_invite(
        self: _HasIndex, invite: CounselorInvite, telegram_id: int, now: datetime
    ) -> Counselor:
        """Bind the invitation to this Telegram account: the counselor exists, reachable, from now."""
        counselor = Counselor(telegram_id=telegram_id, name=invite.name, role=invite.role)
        upsert(self._index.table("counselors"), counselor.to_dict(), _Q.telegram_id == telegram_id)
        self._index.table("removed_counselors").remove(_Q.telegram_id == telegram_id)
        self._index.table("counselor_invites").update(
            {"used_at": now.isoformat(), "used_by": telegram_id}, _Q.code_hash == invite.code_hash
        )
        row = {"telegram_id": telegram_id, **Reach("reachable", now).to_dict()}
        upsert(self._index.table("counselor_reach"), row, _Q.telegram_id == telegram_id)
        return counselor

    def queue_notice(self: _HasIndex, to: int, kind: str, patient_id: str) -> None:
        """Keep a notice the counselor could not get, for when they open the bot."""
        self._index.table("counselor_notices").insert({"to": to, "kind": kind, "patient_id": patient_id})

    def take_notices(self: _HasIndex, to: int) -> list[tuple[str, str]]:
        """The counselor's queued notices as (kind, patient id), removed from the queue."""
        table = self._index.table("counselor_notices")
        rows = table.search((_Q.to == to) & (_Q.kind != "text"))
        if rows:
            table.remove((_Q.to == to) & (_Q.kind != "text"))
        return [(str(r["kind"]), str(r["patient_id"])) for r in rows]

    def queue_text(self: _HasIndex, to: int, text: str) -> None:
        """Keep a rendered notice (encrypted at rest like the index) for when they open the bot."""
        self._index.table("counselor_notices").insert(
            {"to": to, "kind": "text", "patient_id": "", "text": text}
        )

    def take_texts(self: _HasIndex, to: int) -> list[str]:
        """The counselor's queued rendered notices, removed from the queue."""
        table = self._index.table("counselor_notices")
        rows = table.search((_Q.to == to) & (_Q.kind == "text"))
        if rows:
            table.remove((_Q.to == to) & (_Q.kind == "text"))
        return [str(r["text"]) for r in rows]

    def due_to_tell(self: _HasIndex, key: str, now: datetime, every: timedelta) -> bool:
        """Whether the admins' standing notice ``key`` is due (never told, or not within ``every``);
        if so, records it as told now, so a restart does not repeat it."""
        table = self._index.table("admin_notices")
        row = table.get(_Q.key == key)
        if isinstance(row, dict) and now - datetime.fromisoformat(str(row["at"])) < every:
            return False
        upsert(table, {"key": key, "at": now.isoformat()}, _Q.key == key)
        return True

    def oncall_roster(self: _HasIndex) -> list[int] | None:
        """Who was on call when the last start told it (newcomer22 N225); None before any start did."""
        row = self._index.table("admin_notices").get(_Q.key == ROSTER)
        return [int(i) for i in row["ids"]] if isinstance(row, dict) else None

    def set_oncall_roster(
        self: _HasIndex, ids: list[int], now: datetime, added: list[int], removed: list[int]
    ) -> None:
        """Record who is on call now, told, with an ``oncall_changed`` audit row when it changed."""
        upsert(
            self._index.table("admin_notices"),
            {"key": ROSTER, "ids": ids, "at": now.isoformat()},
            _Q.key == ROSTER,
        )
        if added or removed:
            self.audit(now, 0, "oncall_changed", "-", added=added, removed=removed)

    def clock_off(self: _HasIndex, now: datetime, by_s: int, skipped: str = "") -> bool:
        """This server's clock is ``by_s`` seconds off Telegram's (``now`` on it): the
        incident begins (audited ``clock_off``) unless one is on, and ``skipped`` (a job that cannot be undone)
        joins what it held. Kept in the data dir, so a restart neither tells it again nor forgets to end it.
        Returns whether the admins are yet to be told of it."""
        table = self._index.table("admin_notices")
        row = table.get(_Q.key == CLOCK)
        episode: dict[str, Any] = dict(row) if isinstance(row, dict) else {}
        changed = not episode
        if changed:
            since = now - timedelta(seconds=by_s)  # on Telegram's clock, as the record should say
            episode = {"key": CLOCK, "since": since.isoformat(), "by_s": by_s, "skipped": [], "told": False}
            self.audit(now, 0, "clock_off", "-", since=since.isoformat(), by_s=by_s)
        if skipped and skipped not in episode["skipped"]:
            episode["skipped"], changed = [*episode["skipped"], skipped], True
        if changed:
            upsert(table, episode, _Q.key == CLOCK)
        return not episode["told"]

    def clock_told(self: _HasIndex) -> None:
        """The admins were told of the wrong clock: its end is told to them too."""
        self._index.table("admin_notices").update({"told": True}, _Q.key == CLOCK)

    def clock_agreed(self: _HasIndex, now: datetime, alerts: int) -> dict[str, Any] | None:
        """The clocks agree again: the incident ends (audited ``clock_agreed`` with what happened meanwhile:
        ``alerts`` raised then had their times put right, the jobs skipped); returns it, None if none was on."""
        table = self._index.table("admin_notices")
        row = table.get(_Q.key == CLOCK)
        if not isinstance(row, dict):
            return None
        episode = {**dict(row), "until": now.isoformat(), "alerts": alerts}
        details = {k: episode[k] for k in ("since", "until", "by_s", "alerts", "skipped")}
        self.audit(now, 0, "clock_agreed", "-", **details)
        table.remove(_Q.key == CLOCK)
        return episode
