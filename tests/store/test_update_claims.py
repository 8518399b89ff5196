"""An update is handled once, even when Telegram re-delivers it after a restart."""

from __future__ import annotations

from pathlib import Path

from bot.store.repository import Repository


def test_a_claimed_update_cannot_be_claimed_again_after_a_reopen(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    assert repo.claim_update(41) and repo.claim_update(42)
    repo.close()
    again = Repository(tmp_path)
    assert not again.claim_update(42) and not again.claim_update(7)
    assert again.claim_update(43)
