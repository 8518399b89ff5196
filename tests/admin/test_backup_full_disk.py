"""`iop-bot backup` onto a full disk (newcomer finding 10b-9): it said "OSError" and left a partial file under
the backup's name, which doctor --backup then called damaged or under another key."""

from __future__ import annotations

import errno
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.admin.backup import snapshot
from bot.admin.roster import AdminError
from bot.config.settings import Settings
from bot.runtime import open_services
from tests.conftest import KEY


def test_a_backup_that_does_not_fit_leaves_nothing_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(data_dir=tmp_path / "data", data_keys=(KEY,))
    with open_services(settings, role="cli"):
        pass  # a program's data files
    out = tmp_path / "backups" / "b.iopbak"
    out.parent.mkdir()
    real = os.write

    def full(fd: int, data: Any) -> int:  # the first bytes go, then the disk is full
        real(fd, bytes(data[:100]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", full)
        with pytest.raises(AdminError) as refused:
            snapshot(settings.data_dir, settings.data_keys, out, datetime.now(UTC))
    assert os.strerror(errno.ENOSPC) in str(refused.value) and str(out) in str(refused.value)
    assert list(out.parent.iterdir()) == []  # no partial file, under its name or another
