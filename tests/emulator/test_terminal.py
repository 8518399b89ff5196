"""The demo's terminal client: numbered buttons and a scripted transcript."""

from __future__ import annotations

from bot.emulator import Button, SentMessage
from bot.emulator.terminal import button_keys, pick_button, render


def _message(*labels: str) -> SentMessage:
    row = tuple(Button(label, f"cb:{label}") for label in labels)
    return SentMessage(chat_id=1, message_id=1, text="How did you sleep?", html="", buttons=(row,))


def test_buttons_are_numbered_and_numeric_labels_keep_their_number() -> None:
    assert [k for k, _ in button_keys(_message("Poor", "OK", "Skip"))] == ["1", "2", "3"]
    assert [k for k, _ in button_keys(_message("0", "1", "2", "Skip"))] == ["0", "1", "2", "3"]


def test_a_typed_number_or_label_presses_the_button() -> None:
    message = _message("Poor", "OK", "Good")
    assert pick_button(message, "2") == "cb:OK"
    assert pick_button(message, "good") == "cb:Good"
    assert pick_button(message, "went to group") is None


def test_a_message_renders_with_its_buttons() -> None:
    assert render(_message("Poor", "OK")) == "bot: How did you sleep?\n     [1] Poor  [2] OK"
