"""An admin's `patient close`, `patient erase` and `patient discharge` reach whoever stands in while the patient's
counselor is away (ops O127: the closing was told to the counselor on leave only; the cover heard nothing)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from bot.admin.operations import operations
from bot.config.settings import Settings
from bot.domain.away import Away
from bot.domain.models import Counselor, Patient
from bot.store.repository import Repository

NOW = datetime(2026, 11, 30, 16, tzinfo=UTC)
DANA, PAT, RAE, MORGAN = 1001, 1003, 1004, 9


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    repo = Repository(tmp_path)
    for who, name in ((DANA, "Dana Rivera"), (PAT, "Pat Kim"), (RAE, "Rae Chen")):
        repo.add_counselor(Counselor(who, name))
    repo.add_counselor(Counselor(MORGAN, "Morgan Lee", role="admin"))
    start = datetime(2026, 11, 1, tzinfo=UTC)
    repo.save_patient(
        Patient("p1", 2001, "Alex", DANA, start, start, checkin_time=time(20), timezone="America/New_York")
    )
    yield repo
    repo.close()


def _told(repo: Repository, to: int) -> list[str]:
    return [text for _, who, text in repo.pending_notices() if who == to]


@pytest.mark.parametrize(
    ("op", "args", "words"),
    [
        ("patient_close", {"alias": "Alex"}, "closed"),
        ("patient_erase", {"alias": "Alex", "confirm": "Alex"}, "erased"),
        ("patient_discharge", {"alias": "Alex"}, "aftercare"),
    ],
)
def test_the_cover_is_told_too(repo: Repository, op: str, args: dict[str, str], words: str) -> None:
    repo.set_away(Away(DANA, date(2026, 12, 7), PAT))
    operations()[op](repo, Settings(), NOW, {"by": "ana", **args})
    (told,) = [t for t in _told(repo, PAT) if "Alex" in t]
    assert words in told.casefold() and "Alex is <b>Dana Rivera</b>'s patient; you are covering" in told, told
    assert [t for t in _told(repo, DANA) if "Alex" in t]


def test_with_no_cover_and_nobody_on_call_the_admin_is_told(repo: Repository) -> None:
    repo.set_away(Away(DANA, date(2026, 12, 7), None))
    operations()["patient_close"](repo, Settings(), NOW, {"by": "ana", "alias": "Alex"})
    (told,) = [t for t in _told(repo, MORGAN) if "Alex" in t]
    assert "reached you as an admin" in told
    assert not [t for t in _told(repo, RAE) if "Alex" in t]


def test_a_patient_handed_to_a_counselor_away_is_told_who_covers_and_the_admin_warned(
    repo: Repository,
) -> None:
    """newcomer22 N217: `patient reassign` / `counselor remove --reassign-to` someone away said nothing; the patient
    read "Your counselor is now Pat Kim … usually replies within a working day"."""
    repo.set_away(Away(PAT, date(2026, 12, 4), RAE))
    got = operations()["patient_reassign"](
        repo, Settings(), NOW, {"by": "ana", "alias": "Alex", "counselor": "Pat Kim"}
    )
    assert "Pat Kim is away until 2026-12-04: Rae Chen stands in" in str(got["warning"]), got
    (told,) = [t for t in _told(repo, 2001) if "Pat Kim" in t]
    assert "Pat Kim is away until Fri 4 Dec; Rae Chen is covering" in told, told


def test_removed_to_a_counselor_away_whose_only_on_call_is_themself(repo: Repository, tmp_path: Path) -> None:
    """newcomer22 N217: Pat away, his cover fallen to on-call, and the only on-call Pat himself."""
    repo.set_away(Away(PAT, date(2026, 12, 4), None))
    settings = Settings(data_dir=tmp_path, oncall=(PAT,))
    got = operations()["counselor_remove"](
        repo, settings, NOW, {"by": "ana", "telegram_id": "Dana Rivera", "reassign_to": "Pat Kim"}
    )
    assert "Pat Kim is away until 2026-12-04: Morgan Lee stands in" in str(got["warning"]), got
    repo.close()
    from bot.admin.doctor_away import away_check

    (pat,) = [f for f in away_check(settings, NOW) if f.message.startswith("Pat Kim")]
    assert not pat.ok and "no cover and nobody on call" in pat.message, pat


def _wrote_to_the_cover(repo: Repository) -> None:
    repo.set_away(Away(DANA, date(2026, 12, 7), PAT), (), NOW)
    repo.record_message("p1", "patient", PAT, 2001, "can someone call me today?", NOW, relayed=True)


def test_a_message_to_the_cover_is_handed_back_at_back(repo: Repository) -> None:
    """newcomer22 N226: at `away --back` Dana was not given Alex's unanswered message to Pat."""
    _wrote_to_the_cover(repo)
    operations()["counselor_away"](
        repo, Settings(), NOW, {"by": "ana", "counselor": "Dana Rivera", "back": True}
    )
    (back,) = [t for t in _told(repo, DANA) if "Welcome back" in t]
    assert "Messages waiting for an answer" in back and "Alex: 1 message" in back, back
    assert [t for t in _told(repo, PAT) if "Your cover for Dana Rivera has ended" in t]


def test_a_message_to_the_cover_goes_with_the_patient_and_the_cover_is_told(repo: Repository) -> None:
    """newcomer22 N226: `counselor remove Dana --reassign-to Luis` left Alex's call request with Pat, untold."""
    _wrote_to_the_cover(repo)
    got = operations()["patient_reassign"](
        repo, Settings(), NOW, {"by": "ana", "alias": "Alex", "counselor": "Rae Chen"}
    )
    assert got["messages"] == 1, got
    (told,) = [t for t in _told(repo, PAT) if "Alex" in t]
    assert "is now <b>Rae Chen</b>'s patient" in told, told
