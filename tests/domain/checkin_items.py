"""The shipped check-in's items, for the tests of answers typed at its questions (test_checkin_words_*.py,
test_checkins_spanish.py): one copy of the lookup each of them wrote again."""

from __future__ import annotations

from bot.domain.checkins import CheckinItem, load_checkin_config

CONFIG = load_checkin_config()


def checkin_item(key: str) -> CheckinItem:
    """The shipped item with this key (a key the program does not ship fails the test here)."""
    item = CONFIG.item(key)
    assert item is not None
    return item
