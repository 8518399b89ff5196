"""A terminal Telegram client for ``make demo``: type as a user, see the bot's replies and buttons.

It shows what a phone would: messages in the chat you are in (those to other people wait until you
switch to them with ``/as``), pop-up answers to button taps, the keyboard under the message box, and
files (saved to a folder, printed with their path).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
from pathlib import Path
from typing import TextIO

from bot.devtools.emulator import BotApiEmulator, Button, SentMessage
from bot.devtools.emulator.fault_commands import fault_command
from bot.devtools.emulator.phone_commands import phone_command

# A scripted line waits this long for its answer: a first chart takes seconds on a busy machine.
ANSWER_WAIT = 30.0
SETTLE_WAIT = 10.0  # at the end of a script: time for the bot's last answers


def button_keys(message: SentMessage) -> list[tuple[str, Button]]:
    """A number for each button: a numeric label keeps its own, others take the next free one; on a numbered
    scale (numeric labels) the others take none and are pressed by their label, so a number typed there off
    the scale ("11" at 0-10) is sent as text as on a phone, not taken for Skip (newcomer9 N30)."""
    buttons = [b for row in message.buttons for b in row]
    taken = {b.text for b in buttons if b.text.isdigit()}
    scale, keys, n = bool(taken), [], 1
    for b in buttons:
        if b.text.isdigit() or scale:
            keys.append((b.text, b))
            continue
        while str(n) in taken:
            n += 1
        taken.add(str(n))
        keys.append((str(n), b))
    return keys


def render(message: SentMessage, saved: Path | None = None) -> str:
    """One bot message as the terminal shows it (``saved``: where its file was written)."""
    head = "bot (edited)" if message.edited else "bot"
    body = message.text or ""
    if message.kind != "text":
        where = f"saved to {saved}" if saved is not None else str(message.file_name)
        body = f"[{message.kind}: {where}] {body}".rstrip()
    lines = [f"{head}: " + body.replace("\n", "\n     ")]
    if message.buttons:
        keys = iter(button_keys(message))
        rows = []
        for row in message.buttons:
            cells = []
            for _ in row:
                key, button = next(keys)
                cells.append(f"[{key}]" if key == button.text else f"[{key}] {button.text}")
            rows.append("  ".join(cells))
        lines.append("     " + "\n     ".join(rows))
    if message.keyboard:
        labels = "  ".join(f"[{label}]" for row in message.keyboard for label in row)
        lines.append(f"     keyboard under the message box: {labels} (type its label)")
    elif message.remove_keyboard:
        lines.append("     (the keyboard under the message box is gone)")
    return "\n".join(lines)


def pick_button(message: SentMessage, line: str) -> str | None:
    """The callback data a typed line presses on ``message``, if it names one of its buttons."""
    for key, button in button_keys(message):
        if line.removeprefix("#") == key or line.casefold() == button.text.casefold():
            return button.callback_data
    return None


def keyboard_label(keyboard: tuple[tuple[str, ...], ...], line: str) -> str | None:
    """The keyboard button a typed line means ("sos" for "🆘 SOS"): what the phone would send."""
    for label in (label for row in keyboard for label in row):
        words = label.casefold().split()
        if line.casefold() in (label.casefold(), " ".join(w for w in words if w.isascii())):
            return label
    return None


class Terminal:
    """The state of one terminal chat: who you are, what you have seen, and where files go."""

    def __init__(self, emu: BotApiEmulator, user_id: int, stdout: TextIO, files: Path) -> None:
        self.emu, self.user, self.out, self.files = emu, user_id, stdout, files
        # What happened before the chat opened (say, users opening the bot) is history, not news.
        with emu.world.cond:
            self.noted = len(emu.world.events)  # the last event looked at, shown or left waiting
        self.start = self.noted
        self.seen: dict[int, int] = {}  # per chat: the last event shown
        self.keyboards: dict[int, tuple[tuple[str, ...], ...]] = {}
        self.toast_for: int | None = None  # a user whose button tap has not been answered yet

    def show_new(self) -> None:
        """Print what arrived in this chat, and a line about messages waiting in others."""
        with self.emu.world.cond:
            fresh = [e for e in self.emu.world.events if e.seq > self.noted]
        waiting: dict[int, int] = {}
        for event in fresh:
            self.noted = event.seq
            if event.keyboard or event.remove_keyboard:
                self.keyboards[event.chat_id] = event.keyboard
            if event.chat_id == self.user:
                self._print(event)
            else:
                waiting[event.chat_id] = waiting.get(event.chat_id, 0) + 1
        self._toast()
        for chat, count in waiting.items():
            what = "a new message" if count == 1 else f"{count} new messages"
            self.out.write(f"   ({what} for user {chat}: /as {chat} to read)\n")
        self.out.flush()

    def switch(self, user_id: int) -> None:
        """``/as ID``: become that user and read what waited for them."""
        self.show_new()
        self.user = user_id
        self.out.write(f"-- you are now user {user_id} --\n")
        for event in self.emu.events(user_id):
            if event.seq > max(self.seen.get(user_id, 0), self.start):
                self._print(event)
        self.out.flush()

    def act(self, line: str) -> None:
        """Press a button the line names on the latest message with buttons, else send the text."""
        with_buttons = [m for m in self.emu.sent_to(self.user) if m.buttons]
        if with_buttons and self.tap(with_buttons[-1], line):
            return
        label = keyboard_label(self.keyboards.get(self.user, ()), line)
        self.emu.send_text(self.user, label or line)

    def tap(self, message: SentMessage, key: str) -> bool:
        """Press the button ``key`` (its number or label) names on ``message``; False if it names none."""
        data = pick_button(message, key)
        if data is None:
            return False
        self.toast_for = self.user
        self.emu.press_button(self.user, message, callback_data=data)
        return True

    def answered(self, before: int) -> bool:
        """Whether the bot answered the last action (a message, or the tap's pop-up)."""
        if len(self.emu.events(self.user)) > before:
            return True
        return self.toast_for is not None and self.emu.last_callback_answer(self.toast_for) is not None

    def _print(self, event: SentMessage) -> None:
        self.seen[event.chat_id] = event.seq
        saved = None
        if event.kind != "text" and event.file_bytes is not None:
            # A chart is health data: the folder and its files are the user's alone, like the data dir.
            self.files.mkdir(parents=True, exist_ok=True, mode=0o700)
            saved = self.files / f"{event.seq:04d}-{Path(event.file_name or event.kind).name}"
            fd = os.open(saved, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(event.file_bytes)
        self.out.write(render(event, saved) + "\n")

    def _toast(self) -> None:
        if self.toast_for is None:
            return
        answer = self.emu.last_callback_answer(self.toast_for)
        if answer is None:
            return
        self.toast_for = None
        if answer.get("text"):
            kind = "popup, tap OK" if answer.get("show_alert") else "popup"
            self.out.write(f"   ({kind}: {answer['text']})\n")


USER_USAGE = "-- usage: /user ID NAME [LANGUAGE], e.g. /user 6002 Lucia es (LANGUAGE: the Telegram app's, en by default) --"
NOBODY = 0  # no user chosen yet (``iop-bot emulator`` starts so): typed text waits for /user or /as


def _terminal_command(term: Terminal, line: str) -> bool:
    """Carry out the terminal's own commands (``/as``, ``/user``, Telegram's faults); False for a line to send."""
    word, _, rest = line.partition(" ")
    if fault_command(term.emu, term.out, word, rest):
        return True
    if word == "/as":
        if rest.strip().isdigit():
            term.switch(int(rest.strip()))
        else:
            term.out.write("-- usage: /as 2001 --\n")
        return True
    if word == "/user":
        parts = rest.split()
        if len(parts) < 2 or not parts[0].isdigit():
            term.out.write(USER_USAGE + "\n")
            return True
        language = parts[2] if len(parts) > 2 else "en"
        term.emu.add_user(int(parts[0]), first_name=parts[1], language_code=language)
        term.out.write(f"-- user {parts[0]} is {parts[1]}, Telegram app in {language!r} --\n")
        term.switch(int(parts[0]))
        return True
    if term.user == NOBODY:
        term.out.write("-- first say who you are: /user ID NAME [LANGUAGE], or /as ID --\n")
        return True
    return False


async def run_terminal_chat(
    emu: BotApiEmulator,
    user_id: int,
    *,
    stdin: TextIO,
    stdout: TextIO,
    interactive: bool,
    files: Path,
    live: bool = False,
) -> None:
    """Chat as ``user_id`` until /quit or end of input; ``/as ID`` switches to another user."""
    term = Terminal(emu, user_id, stdout, files)

    async def printer() -> None:
        while True:
            term.show_new()
            await asyncio.sleep(0.05)

    # ``live``: the bot is another process (``iop-bot emulator``) and answers when it will, restarts
    # included, so its messages print as they come, not after each typed line.
    task = asyncio.create_task(printer()) if interactive or live else None
    try:
        while True:
            if interactive:
                stdout.write(f"you ({term.user})> ")
                stdout.flush()
            line = await asyncio.to_thread(stdin.readline)
            if not line:
                break
            line = line.strip()
            if not line or line.startswith("# "):
                continue  # a blank line or a comment in a pasted script
            if line == "/quit":
                break
            if _terminal_command(term, line):
                continue
            if not interactive:
                stdout.write(f"you ({term.user}): {line}\n")
            before = len(emu.events(term.user))
            word, _, rest = line.partition(" ")
            if not phone_command(term, word, rest):  # a photo, an edit, an older button...
                term.act(line)
            if not interactive and not live:
                # Wait for the answer itself (a chart takes a moment to draw), then for quiet.
                # No answer in time: go on, as a phone would; what comes later shows after the next line.
                with contextlib.suppress(AssertionError):
                    await emu.wait_until(functools.partial(term.answered, before), timeout=ANSWER_WAIT)
                    await emu.settle(quiet=0.4)
                term.show_new()
    finally:
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    with contextlib.suppress(AssertionError):  # a stopped bot leaves updates waiting
        await emu.settle(quiet=0.3, timeout=SETTLE_WAIT)
    term.show_new()
