"""An update is handled once, even when Telegram re-delivers it after a restart."""

from __future__ import annotations

from pathlib import Path

from bot.store.claims import COMPACT_AT, WINDOW, UpdateClaims
from bot.store.repository import Repository
from bot.store.storage import open_db


def test_a_claimed_update_cannot_be_claimed_again_after_a_reopen(tmp_path: Path) -> None:
    repo = Repository(tmp_path)
    assert repo.claim_update(1041) and repo.claim_update(1042)
    repo.close()
    again = Repository(tmp_path)
    assert not again.claim_update(1042) and not again.claim_update(1041)
    assert again.claim_update(1043)


def test_updates_finishing_out_of_order_are_each_claimed_once(tmp_path: Path) -> None:
    claims = UpdateClaims(tmp_path / "updates.log")
    assert claims.claim(1043) and claims.claim(1041) and claims.claim(1042)
    assert not any(claims.claim(i) for i in (1041, 1042, 1043))


def test_an_update_far_older_than_the_newest_handled_is_never_handled(tmp_path: Path) -> None:
    claims = UpdateClaims(tmp_path / "updates.log")
    assert claims.claim(5000)
    assert not claims.claim(5000 - WINDOW - 1)


def test_a_line_torn_by_a_crash_is_cut_off_and_never_read_as_a_claim(tmp_path: Path) -> None:
    log = tmp_path / "updates.log"
    log.write_text("1041\n1042\n10")  # the process died while appending 1043
    claims = UpdateClaims(log)
    assert claims.claim(1043) and not claims.claim(1042)
    claims.close()
    assert log.read_text() == "1041\n1042\n1043\n"


def test_the_log_is_compacted_so_it_stays_small(tmp_path: Path) -> None:
    claims = UpdateClaims(tmp_path / "updates.log")
    for i in range(COMPACT_AT + 10):
        claims.claim(i)
    claims.close()
    assert len((tmp_path / "updates.log").read_text().split()) <= WINDOW + 20
    assert not UpdateClaims(tmp_path / "updates.log").claim(COMPACT_AT + 9)


def test_the_claim_file_of_earlier_versions_is_carried_over(tmp_path: Path) -> None:
    old = open_db(tmp_path / "updates.json")
    old.table("state").insert({"last": 777})
    old.close()
    repo = Repository(tmp_path)
    assert not repo.claim_update(777) and repo.claim_update(778)
    assert not (tmp_path / "updates.json").exists()
