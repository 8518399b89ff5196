"""The emulator terminal plays what a phone sends besides typed text (newcomer20 N195): a photo, a voice note, a
sticker, a file, a location, an edit of one's last message, a forwarded message, and a tap on an older message's
button. Each must reach the bot as Telegram would send it, or the README's promises about them cannot be tried."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from bot.devtools.emulator import BotApiEmulator, Button, SentMessage
from bot.devtools.emulator.phone_commands import HELP, phone_command
from bot.devtools.emulator.terminal import Terminal
from bot.devtools.roles import roles
from bot.devtools.standalone import banner

USER = 2001


def _queued(emu: BotApiEmulator) -> list[dict[str, Any]]:
    with emu.world.cond:
        return list(emu.world.updates)


def _asked(emu: BotApiEmulator, text: str, *labels: str) -> SentMessage:
    with emu.world.cond:
        message_id = emu.world.next_message_id(USER)
    row = tuple(Button(label, f"cb:{text}:{label}") for label in labels)
    return emu.world.record(
        SentMessage(chat_id=USER, message_id=message_id, text=text, html=text, buttons=(row,))
    )


def test_media_an_edit_and_a_forward_reach_the_bot_as_telegram_sends_them(tmp_path: Path) -> None:
    out = io.StringIO()
    with BotApiEmulator(token="1234567:test-token") as emu:
        emu.add_user(USER)
        term = Terminal(emu, USER, out, tmp_path)
        for line in ("/photo my view tonight", "/voice", "/sticker", "/file", "/location"):
            word, _, rest = line.partition(" ")
            assert phone_command(term, word, rest)
        kinds = [
            next(k for k in ("photo", "voice", "sticker", "document", "location") if k in u["message"])
            for u in _queued(emu)
        ]
        assert kinds == ["photo", "voice", "sticker", "document", "location"]
        assert _queued(emu)[0]["message"]["caption"] == "my view tonight"
        first = emu.send_text(USER, "im ok")
        assert phone_command(term, "/edit", "actually im not ok")
        edit = _queued(emu)[-1]
        assert (
            edit["edited_message"]["message_id"] == first
            and edit["edited_message"]["text"] == "actually im not ok"
        )
        assert phone_command(term, "/forward", "look what she sent me")
        forwarded = _queued(emu)[-1]["message"]
        assert (
            forwarded["text"] == "look what she sent me"
            and forwarded["forward_origin"]["type"] == "hidden_user"
        )
        assert not phone_command(term, "/checkin", "")  # the bot's own commands are sent as typed
        assert phone_command(term, "/forward", "") and "usage: /forward" in out.getvalue()


def test_a_button_on_an_older_message_can_be_tapped(tmp_path: Path) -> None:
    out = io.StringIO()
    with BotApiEmulator(token="1234567:test-token") as emu:
        emu.add_user(USER)
        term = Terminal(emu, USER, out, tmp_path)
        _asked(emu, "Will you be there?", "Yes", "No")
        _asked(emu, "How is your mood?", "Good", "Bad")
        assert phone_command(term, "/tap", "2 No")  # the reminder from before, not the latest question
        tap = _queued(emu)[-1]["callback_query"]
        assert tap["data"] == "cb:Will you be there?:No"
        assert phone_command(term, "/tap", "2 No")
        assert _queued(emu)[-1]["callback_query"]["data"] == "cb:Will you be there?:No"
        _asked(emu, "Are you safe right now?", "I'm safe right now", "I'm not safe")
        assert phone_command(term, "/tap", "1 I'm not safe")  # a label with spaces (newcomer24 N268)
        assert _queued(emu)[-1]["callback_query"]["data"] == "cb:Are you safe right now?:I'm not safe"
        assert phone_command(term, "/tap", "2 1")
        assert _queued(emu)[-1]["callback_query"]["data"] == "cb:How is your mood?:Good"
        assert phone_command(term, "/tap", "4 1") and "only 3 message(s) with buttons" in out.getvalue()
        assert phone_command(term, "/tap", "1 Maybe") and "no button 'Maybe'" in out.getvalue()
        assert phone_command(term, "/tap", "soon") and "usage: /tap N KEY" in out.getvalue()
        listed = banner(emu, tmp_path)
    for command in ("/photo", "/voice", "/sticker", "/edit TEXT", "/forward TEXT", "/tap N KEY"):
        assert command in HELP and command in listed and command.split()[0] in roles()
