"""Wiring is typed: every dependency and piece of in-memory state is a field of the services."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.telegram.services import BotData

BOT = Path(__file__).resolve().parents[2] / "bot"
# A string-keyed look-up in PTB's bot_data: what the typed BotData and Services replaced.
STRING_KEYED = re.compile(r"bot_data(\[|\.get\(|\.setdefault\(|\.pop\()")


def test_no_module_looks_anything_up_in_bot_data_by_a_string_key() -> None:
    found = [
        f"{path.relative_to(BOT.parent)}:{n}"
        for path in BOT.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if STRING_KEYED.search(line)
    ]
    assert found == []


def test_bot_data_without_services_says_so_instead_of_a_key_error() -> None:
    with pytest.raises(RuntimeError, match="build_application"):
        _ = BotData().svc


# A tap answered directly: a late answer raises, and the tap's work after it (an alert) never runs.
RAW_ANSWER = re.compile(r"(query|callback_query)\.answer\(")


def test_every_button_tap_is_answered_through_answer_query() -> None:
    found = [
        f"{path.relative_to(BOT.parent)}:{n}"
        for path in BOT.rglob("*.py")
        if path.name != "keyboards.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if RAW_ANSWER.search(line)
    ]
    assert found == []
