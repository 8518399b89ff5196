"""The daily digest tells the night's urgent alerts someone acknowledged (newcomer18 N153): Lucia's suicidal words,
acknowledged overnight by the cover, were nowhere in her counselor's first morning digest, which listed only open
alerts and read as if she had only missed group."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.config.settings import Settings
from bot.domain.digest import DailyDigest
from bot.domain.escalation import Alert, acknowledge
from bot.domain.models import Counselor, Patient
from bot.domain.triage import default_flag_rules
from bot.jobs.digest import daily_screen
from bot.store.repository import Repository

NY = ZoneInfo("America/New_York")
RULES = default_flag_rules()
TUESDAY = date(2026, 12, 1)
MORNING = datetime(2026, 12, 1, 7, 31, tzinfo=NY)


def _program(tmp_path: Path) -> Repository:
    repo = Repository(tmp_path)
    repo.add_counselor(Counselor(1001, "Dana Rivera"))
    repo.add_counselor(Counselor(1002, "Sam Ortiz"))
    start = datetime(2026, 11, 1, tzinfo=UTC)
    for n, alias in enumerate(["Lucia", "Jordan"]):
        repo.save_patient(Patient(f"p{n}", 2000 + n, alias, 1001, start, start, checkin_time=time(20)))
    return repo


def _acknowledged(repo: Repository, alert: Alert, by: int, at: datetime) -> None:
    repo.add_alert(alert)
    repo.change_alert(alert.alert_id, lambda a: acknowledge(a, by, at))


def test_the_first_digest_tells_alerts_acknowledged_in_the_last_day(tmp_path: Path) -> None:
    repo = _program(tmp_path)
    _acknowledged(repo, Alert("a1", "crisis", "p0", 1001, datetime(2026, 11, 30, 19, 37, tzinfo=NY)), 1002,
                  datetime(2026, 11, 30, 19, 45, tzinfo=NY))  # fmt: skip
    # two days old: not this digest's news
    _acknowledged(repo, Alert("a0", "overdose", "p1", 1001, datetime(2026, 11, 29, 6, tzinfo=NY)), 1001,
                  datetime(2026, 11, 29, 6, 5, tzinfo=NY))  # fmt: skip
    dana = repo.counselor(1001)
    assert dana is not None
    text, _ = daily_screen(repo, Settings(), dana, DailyDigest(1001, TUESDAY), MORNING, RULES)
    assert "Urgent alerts acknowledged in the last 24 hours" in text, text
    assert "Lucia: " in text and "acknowledged by Sam Ortiz" in text, text
    assert "Jordan: overdose" not in text, text
    assert "All quiet" not in text.split("acknowledged")[0]
    repo.close()


def test_a_later_digest_tells_those_since_the_last_one(tmp_path: Path) -> None:
    repo = _program(tmp_path)
    assert repo.claim_digest(DailyDigest(1001, date(2026, 11, 30)).key, datetime(2026, 11, 30, 20, tzinfo=NY))
    _acknowledged(
        repo,
        Alert("a1", "crisis", "p0", 1001, datetime(2026, 11, 30, 19, 37, tzinfo=NY)),
        1002,
        datetime(2026, 11, 30, 19, 45, tzinfo=NY),
    )  # fmt: skip  (before the last digest: told then)
    _acknowledged(repo, Alert("a2", "self_harm", "p1", 1001, datetime(2026, 11, 30, 23, tzinfo=NY)), 1001,
                  datetime(2026, 11, 30, 23, 10, tzinfo=NY))  # fmt: skip
    today = DailyDigest(1001, TUESDAY)
    assert repo.claim_digest(today.key, MORNING)
    dana = repo.counselor(1001)
    assert dana is not None
    text, _ = daily_screen(repo, Settings(), dana, today, MORNING, RULES)
    assert "since your last digest" in text and "acknowledged by you" in text, text
    assert "Jordan: " in text and "Lucia: " not in text.split("acknowledged")[1], text
    repo.close()


def test_an_alert_raised_before_the_last_digest_and_acknowledged_since_is_told_with_its_note(
    tmp_path: Path,
) -> None:
    """newcomer20 N199, N194: Finley's gun alert, open at Tuesday's digest and acknowledged after it with a note,
    was in no later digest; and a digest said who acknowledged, never what was done. The header's last digest was in
    UTC while the rest of the digest is in program time."""
    repo = _program(tmp_path)
    raised = datetime(2026, 11, 30, 17, 36, tzinfo=NY)
    repo.add_alert(Alert("a1", "crisis", "p0", 1001, raised))
    assert repo.claim_digest(DailyDigest(1001, date(2026, 11, 30)).key, datetime(2026, 11, 30, 20, tzinfo=NY))
    at = datetime(2026, 11, 30, 22, tzinfo=NY)
    repo.change_alert(
        "a1", lambda a: replace(acknowledge(a, 1002, at), ack_note="reached him at his sister's")
    )
    today = DailyDigest(1001, TUESDAY)
    assert repo.claim_digest(today.key, MORNING)
    dana = repo.counselor(1001)
    assert dana is not None
    text, _ = daily_screen(repo, Settings(timezone="America/New_York"), dana, today, MORNING, RULES)
    assert "Lucia: " in text and "acknowledged by Sam Ortiz" in text, text
    assert "📝 reached him at his sister&#x27;s" in text or "📝 reached him at his sister's" in text, text
    assert "8:00 PM EST" in text and "UTC" not in text, text
    repo.close()


def test_messages_waiting_for_an_answer_are_listed(tmp_path: Path) -> None:
    """newcomer20 N194: Skyler's and Alex's messages to their counselor, unanswered, were on no digest."""
    repo = _program(tmp_path)
    repo.record_message("p0", "patient", 1001, 2000, "can i still come thursday?", datetime(2026, 11, 30, 17, tzinfo=NY), relayed=True)  # fmt: skip
    repo.record_message("p0", "patient", 1001, 2000, "hello?", datetime(2026, 11, 30, 21, tzinfo=NY), relayed=True)  # fmt: skip
    repo.record_message("p1", "patient", 1001, 2001, "is 10am ok", datetime(2026, 11, 30, 9, tzinfo=NY), relayed=True)  # fmt: skip
    repo.record_message("p1", "counselor", 1001, 1001, "yes see you", datetime(2026, 11, 30, 10, tzinfo=NY))
    dana = repo.counselor(1001)
    assert dana is not None
    text, _ = daily_screen(repo, Settings(), dana, DailyDigest(1001, TUESDAY), MORNING, RULES)
    assert "Messages waiting for an answer" in text, text
    waiting = text.split("Messages waiting for an answer")[1].split("Open flags")[0]
    assert "Lucia: 2 messages" in waiting and "Jordan" not in waiting, text
    repo.close()
