"""The covering counselor's daily digest carries the covered patients (newcomer20 N193, P1): Pat, covering for Dana,
got "1 active patient" in his morning digest while Finley's 14-hour-old unacknowledged "gun in my lap" alert and
every covered flag went only to Dana, on leave."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.config.settings import Settings
from bot.domain.away import Away
from bot.domain.digest import DailyDigest
from bot.domain.escalation import Alert
from bot.domain.models import Counselor, Patient
from bot.domain.triage import default_flag_rules
from bot.jobs.digest import daily_screen
from bot.store.repository import Repository

NY = ZoneInfo("America/New_York")
MORNING = datetime(2026, 12, 1, 7, 35, tzinfo=NY)


def test_the_covers_digest_carries_the_covered_patients_and_their_open_alerts(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    repo.add_counselor(Counselor(1001, "Dana Rivera"))
    repo.add_counselor(Counselor(1003, "Pat Kim"))
    start = datetime(2026, 11, 1, tzinfo=UTC)
    tz = "America/New_York"
    repo.save_patient(Patient("p1", 2001, "Finley", 1001, start, start, timezone=tz, checkin_time=time(20)))
    repo.save_patient(Patient("p2", 2002, "Drew", 1003, start, start, timezone=tz, checkin_time=time(20)))
    repo.set_away(Away(1001, date(2026, 12, 3), 1003), [], MORNING)
    repo.add_alert(Alert("a1", "crisis", "p1", 1001, datetime(2026, 11, 30, 17, 36, tzinfo=NY)))
    pat = repo.counselor(1003)
    assert pat is not None
    text, _ = daily_screen(
        repo, Settings(), pat, DailyDigest(1003, date(2026, 12, 1)), MORNING, default_flag_rules()
    )
    assert "Finley" in text and "Drew" in text, text
    assert "not acknowledged" in text.split("Finley")[0] or "not acknowledged" in text, text
    repo.close()
