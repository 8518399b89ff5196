"""A terminal Telegram client for ``make demo``: type as a user, see the bot's replies and buttons."""

from __future__ import annotations

import asyncio
import contextlib
import functools
from typing import TextIO

from bot.emulator import BotApiEmulator, Button, SentMessage


def button_keys(message: SentMessage) -> list[tuple[str, Button]]:
    """A number for each button: a numeric label keeps its own, others take the next free one."""
    buttons = [b for row in message.buttons for b in row]
    taken = {b.text for b in buttons if b.text.isdigit()}
    keys, n = [], 1
    for b in buttons:
        if b.text.isdigit():
            keys.append((b.text, b))
            continue
        while str(n) in taken:
            n += 1
        taken.add(str(n))
        keys.append((str(n), b))
    return keys


def render(message: SentMessage) -> str:
    """One bot message as the terminal shows it."""
    head = "bot (edited)" if message.edited else "bot"
    body = message.text or ""
    if message.kind != "text":
        body = f"[{message.kind}: {message.file_name}] {body}".rstrip()
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
    return "\n".join(lines)


def pick_button(message: SentMessage, line: str) -> str | None:
    """The callback data a typed line presses on ``message``, if it names one of its buttons."""
    for key, button in button_keys(message):
        if line.removeprefix("#") == key or line.casefold() == button.text.casefold():
            return button.callback_data
    return None


async def run_terminal_chat(
    emu: BotApiEmulator, user_id: int, *, stdin: TextIO, stdout: TextIO, interactive: bool
) -> None:
    """Chat as ``user_id`` until /quit or end of input; ``/as ID`` switches to another user."""
    state = {"user": user_id, "seen": 0}

    def show_new() -> None:
        with emu.world.cond:
            fresh = [e for e in emu.world.events if e.seq > state["seen"]]
        for event in fresh:
            state["seen"] = event.seq
            if event.chat_id == state["user"]:
                stdout.write(render(event) + "\n")
        stdout.flush()

    async def printer() -> None:
        while True:
            show_new()
            await asyncio.sleep(0.05)

    task = asyncio.create_task(printer()) if interactive else None
    try:
        while True:
            if interactive:
                stdout.write(f"you ({state['user']})> ")
                stdout.flush()
            line = await asyncio.to_thread(stdin.readline)
            if not line:
                break
            line = line.strip()
            if not line:
                continue
            if line == "/quit":
                break
            if line.startswith("/as "):
                target = line[4:].strip()
                if target.isdigit():
                    state["user"] = int(target)
                    stdout.write(f"-- you are now user {target} --\n")
                else:
                    stdout.write("-- usage: /as 2001 --\n")
                continue
            if not interactive:
                stdout.write(f"you ({state['user']}): {line}\n")
            user, before = state["user"], len(emu.events(state["user"]))
            _act(emu, user, line)
            if not interactive:
                # Wait for the answer itself (a chart takes a moment to draw), then for quiet.
                with contextlib.suppress(AssertionError):
                    await emu.wait_until(functools.partial(_answered, emu, user, before), timeout=5)
                await emu.settle(quiet=0.4)
                show_new()
    finally:
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    await emu.settle(quiet=0.3)
    show_new()


def _answered(emu: BotApiEmulator, user: int, before: int) -> bool:
    return len(emu.events(user)) > before


def _act(emu: BotApiEmulator, user: int, line: str) -> None:
    """Press a button the line names on the user's latest message with buttons, else send the text."""
    with_buttons = [m for m in emu.sent_to(user) if m.buttons]
    if with_buttons:
        latest = with_buttons[-1]
        data = pick_button(latest, line)
        if data is not None:
            emu.press_button(user, latest, callback_data=data)
            return
    emu.send_text(user, line)
