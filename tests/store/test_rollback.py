"""The ledger that sets the audit log's rows against what the data files hold (ops O142)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.store.rollback import WINDOW, ledger

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


def _row(action: str, at: datetime, subject: str = "p1", **more: object) -> dict[str, object]:
    return {"at": at.isoformat(), "actor": 0, "action": action, "subject": subject, **more}


def test_an_alert_raised_is_looked_for_unless_archived_and_a_patient_unless_held() -> None:
    book = ledger(NOW)
    book.feed(_row("consent_given", NOW - timedelta(days=3)))
    book.feed(_row("alert_raised", NOW - timedelta(days=2), alert="a1", kind="crisis"))
    book.feed(_row("alert_raised", NOW - timedelta(days=2), alert="a2", kind="crisis"))
    book.feed(_row("alert_archived", NOW - timedelta(days=1), alert="a2"))
    assert [m.ident for m in book.missing(set(), {"p1"})] == ["a1"]
    assert book.missing({"a1"}, {"p1"}) == []
    assert [m.what for m in book.missing({"a1"}, set())] == ["patient"]


def test_an_alert_kept_for_an_invitation_follows_the_patient_and_old_ones_are_not_looked_for() -> None:
    book = ledger(NOW)
    book.feed(_row("alert_raised", NOW - WINDOW - timedelta(days=1), alert="old"))
    book.feed(_row("alert_raised", NOW - timedelta(hours=1), subject="invited:x", alert="a1"))
    book.feed(_row("alerts_joined_record", NOW, subject="p9", alerts=["a1"]))
    (gone,) = book.missing(set(), set())
    assert (gone.ident, gone.patient_id) == ("a1", "p9")
