"""`alert_unreachable` rows carry when the bot learned it, the round they concern in its own field (ops O134).

A server back after three days down (or a counselor who blocked the bot while it was stopped): rows written on
Dec 4 were stored at the time of a Dec 1 round, out of order in the log, and read as if the bot had found all three
counselors unreachable the very second it delivered that round to them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.domain.escalation import new_alert, with_delivery, with_unreachable
from bot.store.crypto import FernetCodec, keygen
from bot.store.repository import Repository

ROUND = datetime(2026, 12, 1, 6, 11, 10, tzinfo=UTC)


def test_an_unreachable_row_is_written_at_when_the_bot_learned_it(tmp_path: Path) -> None:
    repo = Repository(tmp_path, codec=FernetCodec([keygen()]))
    alert = with_delivery(new_alert("crisis", "p1", 5102, ROUND - timedelta(minutes=20)), 1, 5102, 7, ROUND)
    repo.add_alert(alert)
    later = ROUND + timedelta(days=3, minutes=8)
    repo.change_alert(alert.alert_id, lambda a: with_unreachable(a, 5102, "has not started the bot"), later)
    (row,) = [r for r in repo.audit_log() if r["action"] == "alert_unreachable"]
    repo.close()
    assert row["at"] == later.isoformat() and row["round_at"] == ROUND.isoformat(), row
