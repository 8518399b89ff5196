"""Ops O136: a counselor an admin removed was not told; one notice now says so, and with whom their patients are."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.config.settings import load_settings
from bot.runtime import open_services
from tests.conftest import KEY


def test_a_removed_counselor_is_told_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    assert main(["counselor", "add", "1001", "--name", "Dana", "--admin"]) == 0
    assert main(["counselor", "add", "1002", "--name", "Sam"]) == 0
    assert main(["counselor", "remove", "1002", "--reassign-to", "Dana"]) == 0
    with open_services(load_settings(), role="cli") as svc:
        told = [text for _, to, text in svc.repo.pending_notices() if to == 1002]
    assert len(told) == 1 and "no longer a counselor" in told[0] and "Dana" in told[0], told
