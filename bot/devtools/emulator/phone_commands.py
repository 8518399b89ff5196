"""The emulator terminal's commands for what a phone sends besides typed text (newcomer20 N195): photos, voice
notes, stickers, files, a location, an edit of one's own message, a forwarded message, and a tap on an older
message's button. A patient who is not fluent with phones does all of these; the README promises what the bot
does with each, and a newcomer could check none of it from the terminal."""

from __future__ import annotations

import time
from typing import Any, Protocol, TextIO

from bot.devtools.emulator import BotApiEmulator, SentMessage

HELP = (
    "  /photo [CAPTION]           send a photo (with a caption, as a phone can)\n"
    "  /voice, /sticker, /file, /location   send a voice note, a sticker, a file or a location\n"
    "  /edit TEXT                 edit your last message to TEXT\n"
    "  /forward TEXT              forward someone else's message saying TEXT\n"
    "  /tap N KEY                 tap button KEY on the Nth latest message with buttons (1 = the latest)\n"
)
TAP_USAGE = (
    "-- usage: /tap N KEY, e.g. /tap 2 1 or /tap 2 I'm safe right now (a button's number or label on the message with "
    "buttons before the latest) --"
)

# What Telegram puts in a message for each kind (the fields PTB's filters look at); ids are made up.
_MEDIA: dict[str, dict[str, Any]] = {
    "/voice": {"voice": {"file_id": "user-voice", "file_unique_id": "uv", "duration": 7}},
    "/sticker": {
        "sticker": {
            "file_id": "user-sticker",
            "file_unique_id": "us",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "👍",
        }
    },
    "/file": {"document": {"file_id": "user-file", "file_unique_id": "uf", "file_name": "note.pdf"}},
    "/location": {"location": {"latitude": 40.7128, "longitude": -74.006}},
}


class Chat(Protocol):
    """What the commands need of the terminal: the emulator, who is typing, where to write, how to tap."""

    emu: BotApiEmulator
    user: int
    out: TextIO

    def tap(self, message: SentMessage, key: str) -> bool: ...


def phone_command(term: Chat, word: str, rest: str) -> bool:
    """Carry out ``/photo``, ``/voice``, ``/sticker``, ``/file``, ``/location``, ``/edit``, ``/forward`` or
    ``/tap``; False for any other line (it is sent as typed)."""
    emu, user = term.emu, term.user
    if word == "/photo":
        emu.send_photo(user, caption=rest.strip())
    elif word in _MEDIA:
        emu.send_extra(user, _MEDIA[word])
    elif word == "/edit":
        return _edit(term, rest.strip())
    elif word == "/forward":
        if not rest.strip():
            term.out.write("-- usage: /forward TEXT --\n")
            return True
        origin = {"type": "hidden_user", "sender_user_name": "A friend", "date": int(time.time()) - 3600}
        emu.send_extra(user, {"text": rest.strip(), "forward_origin": origin})
    elif word == "/tap":
        return _tap(term, rest.split(maxsplit=1))  # a label may hold spaces (newcomer24 N268)
    else:
        return False
    return True


def _edit(term: Chat, text: str) -> bool:
    world = term.emu.world
    with world.cond:  # the texts this user typed in their chat with the bot, still there
        mine = sorted(m for (c, m), msg in world.user_messages.items() if c == term.user and "text" in msg)
    if not text or not mine:
        term.out.write("-- usage: /edit TEXT (edits the last message you typed) --\n")
        return True
    term.emu.edit_text(term.user, mine[-1], text)
    return True


def _tap(term: Chat, args: list[str]) -> bool:
    if len(args) != 2 or not args[0].isdigit() or int(args[0]) < 1:
        term.out.write(TAP_USAGE + "\n")
        return True
    with_buttons = [m for m in term.emu.sent_to(term.user) if m.buttons]
    back = int(args[0])
    if back > len(with_buttons):
        term.out.write(f"-- only {len(with_buttons)} message(s) with buttons in this chat --\n")
        return True
    if not term.tap(with_buttons[-back], args[1]):
        term.out.write(f"-- that message has no button {args[1]!r} --\n")
    return True
