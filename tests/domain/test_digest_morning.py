"""A morning digest says how yesterday went (newcomer16 N137).

In a program whose check-ins are in the evening, an 8 AM digest always read "0 checked in today" and nothing about
last evening; before noon it now also says who checked in yesterday and who did not, and marks the urgent alerts
that are new since the last digest.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot import texts
from bot.config.settings import Settings
from bot.domain.checkins import Entry, load_checkin_config
from bot.domain.digest import DailyDigest, DailyRow, by_attention, daily_row, morning_digest
from bot.domain.escalation import Alert
from bot.domain.models import Counselor, Patient
from bot.domain.triage import default_flag_rules
from bot.jobs.digest import daily_screen
from bot.store.repository import Repository

CHI = ZoneInfo("America/Chicago")
RULES = default_flag_rules()
TUESDAY = date(2026, 12, 1)
MONDAY = TUESDAY - timedelta(days=1)
ENROLLED = TUESDAY - timedelta(days=10)


def entry(day: date) -> Entry:
    return Entry(f"e{day}", datetime.combine(day, time(20), tzinfo=CHI), day, {"mood": 6, "craving": 2})


def test_a_row_says_whether_the_patient_checked_in_yesterday() -> None:
    done = daily_row("p1", "Alex", [entry(MONDAY)], [], TUESDAY, ENROLLED, RULES)
    not_done = daily_row("p2", "Blair", [entry(MONDAY - timedelta(days=1))], [], TUESDAY, ENROLLED, RULES)
    new = daily_row("p3", "Casey", [], [], TUESDAY, TUESDAY, RULES)
    assert (done.checked_yesterday, not_done.checked_yesterday, new.checked_yesterday) == (True, False, None)


def test_a_digest_before_noon_program_time_is_a_morning_one() -> None:
    assert morning_digest(datetime(2026, 12, 1, 8, tzinfo=CHI), CHI)
    assert morning_digest(datetime(2026, 12, 1, 11, 59, tzinfo=CHI), CHI)
    assert not morning_digest(datetime(2026, 12, 1, 12, tzinfo=CHI), CHI)
    assert not morning_digest(datetime(2026, 12, 1, 20, tzinfo=CHI), CHI)


def _rows() -> list[DailyRow]:
    return by_attention(
        [
            daily_row("p1", "Alex", [entry(MONDAY)], [], TUESDAY, ENROLLED, RULES),
            daily_row("p2", "Blair", [entry(MONDAY - timedelta(days=1))], [], TUESDAY, ENROLLED, RULES),
            daily_row("p3", "Casey", [entry(MONDAY)], [], TUESDAY, ENROLLED, RULES),
            daily_row("p4", "Dee", [], [], TUESDAY, TUESDAY, RULES),
        ]
    )


def test_the_morning_digest_says_how_yesterday_went() -> None:
    text = texts.daily_digest(TUESDAY, _rows(), yesterday=MONDAY)
    assert "0 checked in today" in text
    assert "Yesterday (Mon 30 Nov): 2 of 3 checked in; no check-in: Blair" in text
    assert "All quiet" not in text.split("Yesterday")[0]


def test_a_digest_later_in_the_day_does_not() -> None:
    assert "Yesterday" not in texts.daily_digest(TUESDAY, _rows())


def test_urgent_alerts_new_since_the_last_digest_are_marked() -> None:
    opened = datetime(2026, 11, 30, 21, tzinfo=CHI)
    urgent = [
        ("Alex", 1, datetime(2026, 11, 29, 21, tzinfo=CHI), ["crisis language"]),
        ("Blair", 1, opened, ["overdose"]),
    ]
    last = datetime(2026, 11, 30, 8, tzinfo=CHI)
    text = texts.daily_digest(TUESDAY, _rows(), urgent, yesterday=MONDAY, new={"Blair"}, last=last)
    assert "🆕 Blair: overdose" in text
    assert "🆕 Alex" not in text
    assert "🆕: new since your last digest (Mon 30 Nov 8:00 AM CST)" in text


def test_the_morning_digest_job_reads_yesterday_and_the_last_digest_from_the_store(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    repo.add_counselor(Counselor(1001, "Dana"))
    start = datetime(2026, 11, 1, tzinfo=UTC)
    for n, alias in enumerate(["Alex", "Blair"]):
        repo.save_patient(
            Patient(
                f"p{n}",
                2000 + n,
                alias,
                1001,
                start,
                start,
                timezone="America/Chicago",
                checkin_time=time(20),
            )
        )
    repo.record_checkin("p0", entry(MONDAY), load_checkin_config())
    assert repo.claim_digest(DailyDigest(1001, MONDAY).key, datetime(2026, 11, 30, 8, tzinfo=CHI))
    repo.add_alert(Alert("a1", "overdose", "p1", 1001, datetime(2026, 11, 30, 21, tzinfo=CHI)))
    today = DailyDigest(1001, TUESDAY)
    morning = datetime(2026, 12, 1, 8, tzinfo=CHI)
    assert repo.claim_digest(today.key, morning)
    dana = repo.counselor(1001)
    assert dana is not None
    settings = Settings(timezone="America/Chicago")
    text, _ = daily_screen(repo, settings, dana, today, morning, RULES)
    assert "Yesterday (Mon 30 Nov): 1 of 2 checked in; no check-in: Blair" in text
    assert "🆕 Blair:" in text and "new since your last digest (Mon 30 Nov 8:00 AM CST)" in text
    evening, _ = daily_screen(repo, settings, dana, today, datetime(2026, 12, 1, 20, tzinfo=CHI), RULES)
    assert "Yesterday" not in evening
    repo.close()
