"""`iop-bot counselor away NAME --until DATE [--cover NAME]` and `--back` (newcomer16 N141)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import texts
from bot.admin.doctor_away import away_check
from bot.admin.doctor_oncall import oncall_check
from bot.admin.operations import operations
from bot.admin.people import add_parsers, handles, params
from bot.admin.roster import AdminError
from bot.config.settings import Settings
from bot.domain.away import Away, away_now, stand_ins
from bot.domain.models import Counselor
from bot.store.repository import Repository

NOW = datetime(2026, 11, 30, 16, tzinfo=ZoneInfo("America/New_York"))


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    repo = Repository(tmp_path)
    repo.add_counselor(Counselor(1001, "Dana Rivera"))
    repo.add_counselor(Counselor(1003, "Pat Kim"))
    repo.set_reach(1003, "reachable", NOW)  # has opened the bot: a cover must (newcomer18 N180)
    yield repo
    repo.close()


def _away(repo: Repository, **args: object) -> object:
    return operations()["counselor_away"](repo, Settings(), NOW, {"by": "ana", **args})


def test_away_with_a_cover_is_one_stored_row_and_an_audit_row(repo: Repository) -> None:
    got = _away(repo, counselor="Dana Rivera", until="2026-12-07", cover="Pat Kim")
    assert got == {"name": "Dana Rivera", "until": "2026-12-07", "cover": "Pat Kim"}
    assert repo.aways() == [Away(1001, date(2026, 12, 7), 1003)]
    (row,) = [r for r in repo.audit_log() if r["action"] == "admin_counselor_away"]
    assert row["until"] == "2026-12-07" and row["cover"] == "Pat Kim"
    _away(repo, counselor="1001", back=True)
    assert repo.aways() == []


@pytest.mark.parametrize(
    ("args", "why"),
    [
        ({"until": "2026-11-30"}, "has come already"),
        ({"until": "next week"}, "YYYY-MM-DD"),
        ({"until": "2026-12-07", "cover": "Dana Rivera"}, "someone else"),
        ({"back": True}, "not marked away"),
    ],
)
def test_what_cannot_be_is_refused_in_one_line_and_nothing_is_stored(
    repo: Repository, args: dict[str, object], why: str
) -> None:
    with pytest.raises(AdminError, match=why):
        _away(repo, counselor="Dana Rivera", **args)
    assert repo.aways() == []


def test_away_ends_by_itself_on_the_day_they_are_back() -> None:
    dana = Away(1001, date(2026, 12, 7), 1003)
    assert away_now([dana], date(2026, 12, 6)) == {1001: dana}
    assert away_now([dana], date(2026, 12, 7)) == {}
    assert stand_ins(dana, (1005,)) == (1003,)
    assert stand_ins(Away(1001, date(2026, 12, 7)), (1005,)) == (1005,)
    assert stand_ins(None, (1005,)) == ()


def test_the_command_line_reads_it() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    counselor = sub.add_parser("counselor").add_subparsers(dest="action")
    patient = sub.add_parser("patient").add_subparsers(dest="action")
    add_parsers(sub, counselor, patient)
    args = parser.parse_args(
        ["counselor", "away", "Dana Rivera", "--until", "2026-12-07", "--cover", "Pat Kim"]
    )
    assert handles(args) == "counselor_away"
    assert params(args) == {
        "counselor": "Dana Rivera",
        "until": "2026-12-07",
        "back": False,
        "cover": "Pat Kim",
    }


def test_counselor_list_and_doctor_say_who_is_away(repo: Repository, tmp_path: Path) -> None:
    _away(repo, counselor="Dana Rivera", until="2026-12-07", cover="Pat Kim")
    (dana,) = [
        r for r in operations()["counselor_list"](repo, Settings(), NOW, {}) if r["name"] == "Dana Rivera"
    ]
    assert dana["reach"].endswith("; away until 2026-12-07 (cover: Pat Kim)")
    repo.close()
    (note,) = away_check(Settings(data_dir=tmp_path), NOW)
    assert note.note and "Dana Rivera is away until 2026-12-07" in note.message and "Pat Kim" in note.message
    assert not list(away_check(Settings(data_dir=tmp_path), datetime(2026, 12, 7, 9, tzinfo=NOW.tzinfo)))


def test_the_counselor_and_the_cover_are_told_in_telegram_in_the_same_write(repo: Repository) -> None:
    _away(repo, counselor="Dana Rivera", until="2026-12-07", cover="Pat Kim")
    told = {to: text for _, to, text in repo.pending_notices()}
    assert "You are marked away until <b>Mon 7 Dec</b>" in told[1001] and "<b>Pat Kim</b>" in told[1001]
    assert "You are covering for <b>Dana Rivera</b> until <b>Mon 7 Dec</b>" in told[1003]
    for notice_id, _, _ in repo.pending_notices():
        repo.mark_notice_sent(notice_id)
    _away(repo, counselor="Dana Rivera", back=True)
    # "is back": not the hand-back that follows it (newcomer22 N226)
    back = {to: text for _, to, text in repo.pending_notices() if "is back:" in text}
    assert set(back) == {1001, 1003} and "<b>Dana Rivera</b> is back" in back[1003]


def test_the_away_texts_escape_names() -> None:
    assert "&lt;b&gt;" in texts.away_cover("<b>", date(2026, 12, 7))
    assert "&lt;b&gt;" in texts.away_you(date(2026, 12, 7), "<b>")
    assert "on-call counselors" in texts.away_you(date(2026, 12, 7), None)
    assert "&lt;b&gt;" in texts.away_back("<b>")


def test_removing_a_counselor_ends_their_away_and_their_cover(repo: Repository, tmp_path: Path) -> None:
    """newcomer18 O88: `counselor away` outlived `counselor remove`; doctor kept its note, and the `--back` it
    offered failed ("no counselor with Telegram id 5002"). Removing the counselor ends the away row, and removing a
    cover leaves the on-call counselors standing in, each said."""
    repo.add_counselor(Counselor(1004, "Jo Park"))
    repo.set_reach(1004, "reachable", NOW)
    _away(repo, counselor="Dana Rivera", until="2026-12-07", cover="Pat Kim")
    _away(repo, counselor="Jo Park", until="2026-12-07", cover="Pat Kim")
    remove = operations()["counselor_remove"]
    got = remove(repo, Settings(), NOW, {"by": "ana", "telegram_id": "1001"})
    assert got["away_ended"] is True, got
    gone = remove(repo, Settings(), NOW, {"by": "ana", "telegram_id": "Pat Kim"})
    assert "Jo Park" in gone["warning"] and "on-call" in gone["warning"], gone
    assert repo.aways() == [Away(1004, date(2026, 12, 7), None)]
    repo.close()
    (note,) = away_check(Settings(data_dir=tmp_path), NOW)
    assert "Jo Park" in note.message and "Dana" not in note.message


def test_a_replaced_cover_is_told(repo: Repository) -> None:
    """newcomer18 N151: Sam got no notice when his cover for Dana was handed to Morgan."""
    repo.add_counselor(Counselor(1004, "Morgan Lee"))
    repo.set_reach(1004, "reachable", NOW)
    _away(repo, counselor="Dana Rivera", until="2026-12-07", cover="Pat Kim")
    for notice_id, _, _ in repo.pending_notices():
        repo.mark_notice_sent(notice_id)
    _away(repo, counselor="Dana Rivera", until="2026-12-07", cover="Morgan Lee")
    told = {to: text for _, to, text in repo.pending_notices()}
    assert "You no longer cover for <b>Dana Rivera</b>: <b>Morgan Lee</b> does" in told[1003], told
    assert "You are covering for <b>Dana Rivera</b>" in told[1004]


def test_a_cover_the_bot_cannot_reach_is_refused_and_doctor_fails_one_set_before(
    repo: Repository, tmp_path: Path
) -> None:
    """newcomer18 N180: a cover who never opened the bot was accepted; the alerts meant for them reached only the
    admin, who was not told the cover could not get them."""
    repo.add_counselor(Counselor(1005, "Lee Park"))  # registered, never opened the bot
    with pytest.raises(AdminError, match="Lee Park has not started the bot"):
        _away(repo, counselor="Dana Rivera", until="2026-12-07", cover="Lee Park")
    assert repo.aways() == []
    _away(repo, counselor="Dana Rivera", until="2026-12-07", cover="Pat Kim")
    repo.set_reach(1003, "unreachable", NOW, "has blocked the bot")  # the cover blocks the bot later
    repo.close()
    (finding,) = away_check(Settings(data_dir=tmp_path), NOW)
    assert not finding.ok and "cannot reach" in finding.message and "Pat Kim" in finding.message


def test_a_cover_who_is_away_is_refused_and_doctor_fails_when_all_on_call_are_away(
    repo: Repository, tmp_path: Path
) -> None:
    """newcomer18 N169: Sam away covered by Morgan and Morgan away covered by Sam were both accepted, and doctor said
    "ok on-call" with everyone on call on leave."""
    _away(repo, counselor="Pat Kim", until="2026-12-09")
    with pytest.raises(AdminError, match="Pat Kim is away too, until 2026-12-09"):
        _away(repo, counselor="Dana Rivera", until="2026-12-07", cover="Pat Kim")
    repo.close()
    settings = Settings(data_dir=tmp_path, oncall=(1003,))
    (finding,) = oncall_check(settings, NOW)
    assert not finding.ok and "every on-call counselor is away" in finding.message, finding
    assert "Pat Kim (until 2026-12-09)" in finding.message


def test_doctor_warns_of_an_away_with_no_cover_and_nobody_on_call(repo: Repository, tmp_path: Path) -> None:
    """newcomer20 N212: the cover removed and nobody on call, a patient's /message went to the counselor on leave
    only; doctor's away line was a healthy note ("go at once to the on-call counselors too")."""
    _away(repo, counselor="Dana Rivera", until="2026-12-07")
    repo.close()
    (bare,) = away_check(Settings(data_dir=tmp_path), NOW)
    assert not bare.ok and "no cover and nobody on call" in bare.message and "--cover" in bare.message
    (on_call,) = away_check(Settings(data_dir=tmp_path, oncall=(1003,)), NOW)
    assert on_call.ok and on_call.note


def test_a_cover_marked_away_is_warned_of_and_the_chain_told(repo: Repository, tmp_path: Path) -> None:
    """newcomer22 N216: `counselor away "Pat Kim"` while Pat covered Dana was accepted without a word; Dana was never
    told her cover went away, nor Rae that she now had Dana's patients; doctor said nothing."""
    repo.add_counselor(Counselor(1004, "Rae Chen"))
    repo.set_reach(1004, "reachable", NOW)
    _away(repo, counselor="Dana Rivera", until="2026-12-07", cover="Pat Kim")
    for notice_id, _, _ in repo.pending_notices():
        repo.mark_notice_sent(notice_id)
    got = _away(repo, counselor="Pat Kim", until="2026-12-05", cover="Rae Chen")
    assert got["covers"] == [{"for": "Dana Rivera", "until": "2026-12-07", "now": "Rae Chen"}], got  # type: ignore[index]
    told = {to: text for _, to, text in repo.pending_notices() if "away too" in text}
    assert "Your cover <b>Pat Kim</b> is away too" in told[1001] and "Rae Chen" in told[1001], told
    assert "you stand in for Dana Rivera's patients" in told[1004], told
    repo.close()
    notes = [f.message for f in away_check(Settings(data_dir=tmp_path), NOW)]
    assert any("Dana Rivera's cover Pat Kim is away too: Rae Chen stands in" in n for n in notes), notes


def test_doctor_fails_a_chain_of_covers_ending_in_nobody(repo: Repository, tmp_path: Path) -> None:
    """newcomer22 N216: Dana's cover Pat away with no cover of his own and nobody on call."""
    _away(repo, counselor="Dana Rivera", until="2026-12-07", cover="Pat Kim")
    _away(repo, counselor="Pat Kim", until="2026-12-05")
    repo.close()
    found = [f for f in away_check(Settings(data_dir=tmp_path), NOW) if "Dana Rivera's cover" in f.message]
    assert len(found) == 1 and not found[0].ok and "nobody present covers them" in found[0].message, found
