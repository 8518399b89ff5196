"""Admin commands for cohorts, sessions, counselors, reassignment and invitations: typos refused, all audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import KEY


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    return tmp_path / "data"


def _setup() -> None:
    assert main(["counselor", "add", "1001", "--name", "Dana"]) == 0
    assert main(["cohort", "add", "Evening IOP"]) == 0


def test_enroll_refuses_a_mistyped_cohort_and_suggests_the_right_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _setup()
    assert main(["enroll", "--counselor", "1001", "--alias", "Alex", "--cohort", "Evening IPO"]) == 1
    err = capsys.readouterr().err
    assert "no cohort 'Evening IPO'" in err and "did you mean 'Evening IOP'" in err
    assert main(["patient", "list"]) == 0
    assert "Alex" not in capsys.readouterr().out  # nothing was made
    assert main(["enroll", "--counselor", "1001", "--alias", "Alex", "--cohort", "evening iop"]) == 1
    assert main(["enroll", "--counselor", "1001", "--alias", "Alex", "--cohort", "Evening IOP"]) == 0


def test_a_duplicate_weekly_session_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    _setup()
    add = ["session", "add", "--cohort", "Evening IOP", "--time", "18:00"]
    assert main([*add, "--weekdays", "mon,wed"]) == 0
    assert main([*add, "--weekdays", "wed,fri"]) == 1
    assert "already meets at 18:00" in capsys.readouterr().err
    assert main([*add, "--weekdays", "fri"]) == 0  # another day is another session
