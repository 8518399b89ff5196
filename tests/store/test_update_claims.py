"""An update is handled once, even when Telegram re-delivers it after a restart."""

from __future__ import annotations

from pathlib import Path

from bot.store.repository import CLAIM_WINDOW, Repository


def test_a_claimed_update_cannot_be_claimed_again_after_a_reopen(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    assert repo.claim_update(1041) and repo.claim_update(1042)
    repo.close()
    again = Repository(tmp_path)
    assert not again.claim_update(1042) and not again.claim_update(1041)
    assert again.claim_update(1043)


def test_updates_finishing_out_of_order_are_each_claimed_once(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    assert repo.claim_update(1043) and repo.claim_update(1041) and repo.claim_update(1042)
    assert not any(repo.claim_update(i) for i in (1041, 1042, 1043))


def test_an_update_far_older_than_the_newest_handled_is_never_handled(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    assert repo.claim_update(5000)
    assert not repo.claim_update(5000 - CLAIM_WINDOW - 1)


def test_the_claim_file_stays_small_however_many_updates_pass(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    for i in range(3 * CLAIM_WINDOW):
        repo.claim_update(i)
    repo.close()
    assert sum(f.stat().st_size for f in tmp_path.glob("updates*")) < 8 * CLAIM_WINDOW
