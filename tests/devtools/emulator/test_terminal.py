"""The demo's terminal client: numbered buttons and a scripted transcript."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.cli import main
from bot.devtools.emulator import BotApiEmulator, Button, SentMessage, terminal
from bot.devtools.emulator.terminal import (
    NOBODY,
    Terminal,
    button_keys,
    pick_button,
    render,
    run_terminal_chat,
)


def _message(*labels: str) -> SentMessage:
    row = tuple(Button(label, f"cb:{label}") for label in labels)
    return SentMessage(chat_id=1, message_id=1, text="How did you sleep?", html="", buttons=(row,))


def test_buttons_are_numbered_and_numeric_labels_keep_their_number() -> None:
    assert [k for k, _ in button_keys(_message("Poor", "OK", "Skip"))] == ["1", "2", "3"]
    # On a numbered scale the other buttons take no number: "Skip" is pressed by its label (below).
    assert [k for k, _ in button_keys(_message("0", "1", "2", "Skip"))] == ["0", "1", "2", "Skip"]


def test_a_number_off_a_scale_is_sent_as_text_not_taken_for_skip() -> None:
    """newcomer9 N30: "11" typed at a 0-10 question pressed Skip (numbered [11]), so the bot's kind re-ask for
    a number out of range could not be tried from the emulator."""
    scale = _message(*(str(n) for n in range(11)), "Skip")
    assert pick_button(scale, "11") is None  # sent as text
    assert pick_button(scale, "7") == "cb:7" and pick_button(scale, "skip") == "cb:Skip"
    assert render(scale).endswith("[9]  [10]  [Skip]")


def test_a_typed_number_or_label_presses_the_button() -> None:
    message = _message("Poor", "OK", "Good")
    assert pick_button(message, "2") == "cb:OK"
    assert pick_button(message, "good") == "cb:Good"
    assert pick_button(message, "went to group") is None


def test_a_message_renders_with_its_buttons() -> None:
    assert render(_message("Poor", "OK")) == "bot: How did you sleep?\n     [1] Poor  [2] OK"


def test_messages_wait_for_their_chat_and_what_came_before_the_chat_opened_is_not_news(
    tmp_path: Path,
) -> None:
    with BotApiEmulator(token="1:x") as emu:
        for user in (1, 2):
            emu.add_user(user)
        emu.world.record(SentMessage(chat_id=2, message_id=1, text="from before", html=""))
        out = io.StringIO()
        term = Terminal(emu, 1, out, tmp_path)
        emu.world.record(SentMessage(chat_id=2, message_id=2, text="Urgent: for the counselor", html=""))
        emu.world.record(SentMessage(chat_id=1, message_id=1, text="for you", html=""))
        term.show_new()
        assert "bot: for you" in out.getvalue() and "Urgent" not in out.getvalue()
        assert "(a new message for user 2: /as 2 to read)" in out.getvalue()
        term.switch(2)
        shown = out.getvalue().split("-- you are now user 2 --")[1]
        assert "Urgent: for the counselor" in shown and "from before" not in shown


async def test_user_makes_an_account_with_its_apps_language_and_text_waits_for_someone_to_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No bot answers here: don't wait for one.
    monkeypatch.setattr(terminal, "ANSWER_WAIT", 0.1)
    monkeypatch.setattr(terminal, "SETTLE_WAIT", 0.1)
    with BotApiEmulator(token="1:x") as emu:
        out = io.StringIO()
        script = "hello\n/user 6002 Lucía es-MX\nhola\n/user 7\n"
        await run_terminal_chat(
            emu, NOBODY, stdin=io.StringIO(script), stdout=out, interactive=False, files=tmp_path
        )
        assert "first say who you are: /user ID NAME [LANGUAGE]" in out.getvalue()
        assert emu.world.users[6002]["first_name"] == "Lucía"
        assert emu.world.users[6002]["language_code"] == "es-MX"
        sent = [u["message"]["text"] for u in emu.world.history]
        assert sent == ["hola"]  # "hello" was typed before anyone was chosen: not sent
        assert "usage: /user ID NAME" in out.getvalue()


def test_demo_help_lists_who_you_can_be(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["demo", "--help"])
    shown = capsys.readouterr().out
    assert "/as 1001" in shown and "/start SAMSTART" in shown and "/user ID NAME [LANGUAGE]" in shown
    assert "iop-bot emulator" in shown


def test_emulator_on_a_taken_port_says_so_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with BotApiEmulator(token="1:x") as emu:
        port = int(emu.base_url.split(":")[2].split("/")[0])
        assert main(["emulator", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "Traceback" not in err
