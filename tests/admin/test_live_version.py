"""`doctor --live`'s version line (ops O57): a running bot that reports no build is older than the package."""

from __future__ import annotations

import pytest

from bot.admin import live


def test_a_running_bot_that_reports_no_build_is_older_than_the_installed_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(live, "build", lambda: "commit 0123456789ab, built 2026-11-30T17:00:00Z")
    monkeypatch.setattr(live, "version", lambda: "0.1.0+g0123456789ab")
    finding = live._version({"version": "0.1.0", "data_format": 6})  # a release from before build reporting
    assert not finding.ok
    assert "from before builds were named" in finding.line() and "restart it" in finding.line()
    assert "it runs" not in finding.line()  # its version names the package installed now (O67)
    same = {"version": "0.1.0+g0123456789ab", "build": "commit 0123456789ab, built 2026-11-30T17:00:00Z"}
    assert live._version({**same, "data_format": 6}).ok
