"""The inbox keeps every received update until it is handled, and knows a copy by what it is, not its id."""

from __future__ import annotations

import errno
import logging
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.store import inbox as inbox_module
from bot.store.crypto import FernetCodec, keygen
from bot.store.inbox import Inbox, read
from bot.store.repository import Repository
from bot.store.storage import CORRUPT_MARK
from bot.telegram.delivery import identify

CODEC = FernetCodec([keygen()])


def _message(update_id: int, text: str, message_id: int = 1, date: int = 1_700_000_000) -> dict[str, Any]:
    chat = {"id": 2001, "type": "private", "first_name": "Alex"}
    user = {"id": 2001, "is_bot": False, "first_name": "Alex"}
    message = {"message_id": message_id, "date": date, "chat": chat, "from": user, "text": text}
    return {"update_id": update_id, "message": message}


def _key(data: dict[str, Any]) -> str:
    return identify(Update.de_json(data, None))[0]


def test_a_received_update_waits_across_a_restart_until_it_is_finished(tmp_path: Path) -> None:
    box = Inbox(tmp_path / "inbox.log", CODEC)
    update = _message(41, "I want to kill myself")
    assert box.receive("k41", update) == "new"
    box.close()
    box = Inbox(tmp_path / "inbox.log", CODEC)
    assert box.waiting() == [("k41", update)]
    box.finish("k41")
    box.close()
    assert Inbox(tmp_path / "inbox.log", CODEC).waiting() == []


def test_a_copy_is_recognised_before_and_after_it_is_handled_and_across_a_restart(tmp_path: Path) -> None:
    box = Inbox(tmp_path / "inbox.log", CODEC)
    assert box.receive("k", {"update_id": 1}) == "new"
    assert box.receive("k", {"update_id": 1}) == "pending"
    box.finish("k")
    assert box.receive("k", {"update_id": 1}) == "done"
    box.close()
    assert Inbox(tmp_path / "inbox.log", CODEC).receive("k", {"update_id": 1}) == "done"


def test_an_update_far_older_than_the_newest_handled_is_still_handled(tmp_path: Path) -> None:
    """Replaces the old claim log's rule (ids at or below the newest - 256 were dropped)."""
    box = Inbox(tmp_path / "inbox.log", CODEC)
    newest = _message(900_000, "/checkin", message_id=88)
    box.receive(_key(newest), newest)
    box.finish(_key(newest))
    for fresh in (_message(1, "hello", message_id=89), _message(900_000 - 5000, "help", message_id=90)):
        assert box.receive(_key(fresh), fresh) == "new"


def test_identities_follow_content_so_restarted_ids_and_edits_are_new_and_copies_are_not() -> None:
    first = _message(7, "I'm fine")
    assert _key(first) == _key(dict(first))  # Telegram's copy of the same update
    assert _key(first) != _key(_message(7, "I'm fine", message_id=2))  # same id, another message
    assert _key(first) != _key(_message(7, "I'm fine", date=1_700_000_001))  # a new bot, ids from 1 again
    edited = {"update_id": 8, "edited_message": {**first["message"], "text": "not fine", "edit_date": 5}}
    assert _key(edited) != _key(first) and _key(edited).startswith("edited_message:")
    query: dict[str, Any] = {
        "id": "4411",
        "from": first["message"]["from"],
        "chat_instance": "1",
        "data": "x",
    }
    press = {"update_id": 9, "callback_query": query}
    again = {"update_id": 9, "callback_query": {**query, "id": "4412"}}
    assert _key(press) != _key(again)  # a second tap on the same button is a new press


def test_a_line_torn_by_a_crash_is_cut_off(tmp_path: Path) -> None:
    path = tmp_path / "inbox.log"
    box = Inbox(path, CODEC)
    box.receive("a", {"update_id": 1})
    box.close()
    with open(path, "ab") as f:
        f.write(b"gAAAAABtorn")  # the process died while appending
    box = Inbox(path, CODEC)
    assert [k for k, _ in box.waiting()] == ["a"] and path.read_bytes().endswith(b"\n")


def test_a_corrupt_line_is_one_error_naming_the_file_and_the_rest_is_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "inbox.log"
    box = Inbox(path, CODEC)
    box.receive("a", {"update_id": 1})
    box.close()
    with open(path, "ab") as f:
        f.write(b"not a line of this inbox\n")
    box = Inbox(path, CODEC)
    box.receive("b", {"update_id": 2})
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and str(path) in errors[0].getMessage() and errors[0].exc_info is None
    assert [k for k, _ in box.waiting()] == ["a", "b"]
    assert len(list(tmp_path.glob(f"inbox.log{CORRUPT_MARK}*"))) == 1  # kept for a person to review
    box.close()
    assert read(path, CODEC).bad == []  # the rewrite at start-up dropped the bad line


def test_the_file_is_owner_only_and_holds_no_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "inbox.log"
    box = Inbox(path, CODEC)
    box.receive("a", _message(1, "I want to kill myself"))
    box.finish("a")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert b"kill" not in path.read_bytes() and b"2001" not in path.read_bytes()


def test_compaction_keeps_the_file_small_and_remembers_recent_and_waiting_updates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inbox_module, "COMPACT_AT", 64)
    monkeypatch.setattr(inbox_module, "KEEP", 16)
    path = tmp_path / "inbox.log"
    box = Inbox(path, None)
    box.receive("waiting", {"update_id": 0})
    for i in range(1000):
        box.receive(f"u{i}", {"update_id": i})
        box.finish(f"u{i}")
    box.close()
    assert read(path, None).lines <= 64 + 3
    box = Inbox(path, None)
    assert box.receive("u999", {}) == "done"  # recent: still known as a copy
    assert box.receive("u0", {}) == "new"  # long forgotten: handled (Telegram never re-sends that far back)
    assert len(read(path, None).seen) <= 16 + 64  # the kept ones, and those since the last rewrite
    assert [k for k, _ in box.waiting()] == ["waiting", "u0"]


def test_an_update_that_cannot_be_written_is_not_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = Inbox(tmp_path / "inbox.log", CODEC)

    class FullDisk:
        def __getattr__(self, name: str) -> Any:
            return getattr(os, name)

        def write(self, fd: int, data: Any) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(inbox_module, "os", FullDisk())
    with pytest.raises(OSError):
        box.receive("a", {"update_id": 1})
    monkeypatch.undo()
    assert box.receive("a", {"update_id": 1}) == "new"  # not mistaken for a copy later


def test_the_admins_notice_waits_an_hour_across_a_restart(tmp_path: Path) -> None:
    now = [1000.0]
    box = Inbox(tmp_path / "inbox.log", CODEC, clock=lambda: now[0])
    assert box.alarm("skipped", 3, 3600)
    assert not box.alarm("skipped", 4, 3600)
    box.close()
    box = Inbox(tmp_path / "inbox.log", CODEC, clock=lambda: now[0])
    now[0] += 3599
    assert not box.alarm("skipped", 1, 3600)
    now[0] += 2
    assert box.alarm("skipped", 5, 3600)
    assert [a["n"] for a in read(tmp_path / "inbox.log", CODEC).alarms] == [3, 4, 1, 5]


def test_the_hourly_limit_is_kept_per_reason(tmp_path: Path) -> None:
    """A routine "skipped" notice does not silence the "cannot write" one (ops O48), nor the other way."""
    now = [1000.0]
    box = Inbox(tmp_path / "inbox.log", CODEC, clock=lambda: now[0])
    assert box.alarm("skipped", 1, 3600)
    now[0] += 60
    assert box.alarm("write_failed", 1, 3600)
    assert not box.alarm("write_failed", 1, 3600)
    box.close()
    box = Inbox(tmp_path / "inbox.log", CODEC, clock=lambda: now[0])
    assert not box.alarm("write_failed", 1, 3600) and not box.alarm("skipped", 2, 3600)
    assert box.alarm("unreadable", 1, 3600)


def test_the_claim_files_of_earlier_versions_are_removed(tmp_path: Path) -> None:
    (tmp_path / "updates.log").write_text("1041\n1042\n")
    (tmp_path / "updates.json").write_text("{}")
    Repository(tmp_path).close()
    assert not (tmp_path / "updates.log").exists() and not (tmp_path / "updates.json").exists()
    assert (tmp_path / "inbox.log").exists()


def test_rotate_key_re_encrypts_the_inbox_so_the_new_key_alone_reads_it(tmp_path: Path) -> None:
    from bot.store.rotation import rotate

    old = keygen()
    box = Inbox(tmp_path / "inbox.log", FernetCodec([old]))
    box.receive("a", {"update_id": 1})
    box.close()
    new = keygen()
    rotate(tmp_path, [old], new)
    found = read(tmp_path / "inbox.log", FernetCodec([new]))
    assert found.bad == [] and list(found.pending) == ["a"]


def _plain(path: Path) -> bytes:
    return b"\n".join(CODEC.decode(line) for line in path.read_bytes().splitlines() if line)


def test_scrub_leaves_only_identities_of_handled_updates_and_a_copy_is_still_known(tmp_path: Path) -> None:
    path = tmp_path / "inbox.log"
    box = Inbox(path, CODEC)
    box.receive("a", _message(1, "my private words"))
    box.finish("a")
    box.receive("b", _message(2, "still being handled"))
    assert b"my private words" in _plain(path)
    box.scrub()
    assert b"my private words" not in _plain(path)
    assert b"still being handled" in _plain(path)  # not handled yet: a crash must still replay it
    assert box.receive("a", _message(1, "my private words")) == "done"
    box.close()
    box = Inbox(path, CODEC)
    assert box.receive("a", {}) == "done" and [k for k, _ in box.waiting()] == ["b"]


def test_scrub_rewrites_again_once_the_updates_in_flight_are_done(tmp_path: Path) -> None:
    """An update in flight at the erasure (a counselor's tap echoing the words) goes once handled."""
    path = tmp_path / "inbox.log"
    box = Inbox(path, CODEC)
    box.receive("a", _message(1, "words in flight"))
    box.receive("b", _message(2, "the delete tap"))
    box.scrub()
    box.finish("a")
    assert b"words in flight" in _plain(path)  # "b" is still in flight
    box.finish("b")
    assert b"words in flight" not in _plain(path) and b"the delete tap" not in _plain(path)
    box.receive("c", _message(3, "written afterwards"))
    box.finish("c")
    assert b"written afterwards" in _plain(path)  # later updates wait for the next rewrite as before


def test_scrub_removes_copies_set_aside_as_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "inbox.log"
    box = Inbox(path, CODEC)
    copy = path.with_name(f"inbox.log{CORRUPT_MARK}20261129T000000Z")
    copy.write_bytes(CODEC.encode(b'{"r":"x","t":0,"u":{"text":"my private words"}}') + b"\n")
    box.scrub()
    assert not copy.exists()


def test_a_scrub_that_cannot_rewrite_is_an_error_and_is_retried_at_the_next_update(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "inbox.log"
    box = Inbox(path, CODEC)
    box.receive("a", _message(1, "my private words"))
    box.finish("a")

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(inbox_module, "write_atomically", full)
        box.scrub()
    assert any(r.levelno == logging.ERROR and "erased words" in r.message for r in caplog.records)
    box.receive("b", _message(2, "next"))
    box.finish("b")
    assert b"my private words" not in _plain(path)
