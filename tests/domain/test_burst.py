"""Pieces kept unsent a moment before are read with a new message (newcomer16 N125): "i cant do this" and then "im
done" each read as nothing, and together as a check."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.burst import PIECE, QUICK, quick_pieces, read_burst
from bot.domain.screen.assess import Level, assess

AT = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)


def _read(*texts: str) -> Level | None:
    *earlier, text = texts
    found = read_burst(earlier, text, assess(text, year=2026), 2026)
    return found.level if found is not None else None


def test_distress_split_over_two_lines_is_asked_about() -> None:
    assert _read("i cant do this", "im done") == Level.CHECK


def test_a_goodbye_after_im_done_is_a_crisis() -> None:
    assert _read("im done", "goodbye") == Level.CRISIS


def test_a_time_of_day_across_two_lines_is_asked_about_not_paged() -> None:
    assert _read("bye", "tonight") == Level.CHECK  # "bye, see you tonight" must not page


def test_everyday_lines_read_together_are_nothing() -> None:
    assert _read("ok thanks", "see you at group") is None


def test_a_message_that_is_worrying_alone_is_answered_as_it_is() -> None:
    assert _read("i cant do this", "i give up") is None  # a check alone: the screen's own answer


def test_a_long_message_is_read_by_itself() -> None:
    assert _read("i cant do this", "im done " + "x" * PIECE) is None


def test_the_quick_run_ends_at_a_gap() -> None:
    kept = [
        ("from this morning", AT - timedelta(hours=3)),
        ("i cant do this", AT - QUICK - timedelta(seconds=30)),  # within QUICK of the next
        ("im done", AT - timedelta(seconds=40)),
    ]
    assert quick_pieces(kept, AT) == ["i cant do this", "im done"]
    assert quick_pieces(kept, AT + QUICK) == []
    assert quick_pieces([("no time kept", None)], AT) == []
