"""`iop-bot emulator`: the local Bot API on a fixed port, for the real `iop-bot run` in another terminal.

`iop-bot demo` runs bot, emulator and data in one process on a throw-away data dir. Restarts, CLI
enrolment, a config change or a second bot need the bot as its own process, on a data dir that
outlives it; this serves the emulator alone, with the terminal chat as the people on Telegram.
"""

from __future__ import annotations

import asyncio
import errno
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from bot.devtools.emulator import BotApiEmulator
from bot.devtools.emulator.fault_commands import HELP
from bot.devtools.emulator.phone_commands import HELP as PHONE_HELP
from bot.devtools.emulator.terminal import NOBODY, run_terminal_chat

DEFAULT_PORT = 8081
# Not a real token (the emulator answers any "digits:secret" it is given); shaped like one, as
# `iop-bot run` checks the shape.
DEFAULT_TOKEN = "1234567:local-emulator-token"


def banner(emu: BotApiEmulator, files: Path) -> str:
    """What to type in the bot's terminal, and how to be a user in this one."""
    return f"""
Telegram Bot API emulator at {emu.base_url} (bot @iop_companion_bot). In another terminal, in the
directory where the program's data lives (or will):
  export IOP_BOT_API_URL={emu.base_url} IOP_BOT_TOKEN={emu.token}
  export IOP_DATA_KEY=$(iop-bot keygen)           # once; keep it for every later command
  iop-bot counselor add --name "Morgan Lee" --admin
  iop-bot run
Here, be the people on Telegram (as on Telegram, the bot can't write to someone who has not written first):
  /user ID NAME [LANGUAGE]   a Telegram account (LANGUAGE: its app's, e.g. es or es-MX; en by default), then be it
  /as ID                     be that user; messages to the others wait until you switch to them
  then type messages, /start CODE, or a button's number or label;   /quit stops the emulator
What else a phone sends:
{PHONE_HELP}Rehearse Telegram failing:
{HELP}Stopping `iop-bot run` and starting it again is a restart: updates sent meanwhile wait here for it.
Files the bot sends are saved in {files}
"""


async def run_emulator(
    stdin: TextIO, stdout: TextIO, *, port: int, token: str, interactive: bool, files: Path | None = None
) -> None:
    """Serve the Bot API on 127.0.0.1:``port`` until /quit or end of input."""
    files = files or Path(tempfile.mkdtemp(prefix="iop-emulator-files-"))
    with BotApiEmulator(token=token, port=port) as emu:
        stdout.write(banner(emu, files))
        stdout.flush()
        await run_terminal_chat(
            emu, NOBODY, stdin=stdin, stdout=stdout, interactive=interactive, files=files, live=True
        )


def serve_emulator(port: int, token: str | None, out: TextIO) -> int:
    """`iop-bot emulator`: the exit code; a port that cannot be had is one line, not a traceback."""
    try:
        asyncio.run(
            run_emulator(
                sys.stdin, out, port=port, token=token or DEFAULT_TOKEN, interactive=sys.stdin.isatty()
            )
        )
    except OSError as exc:
        if exc.errno not in (errno.EADDRINUSE, errno.EACCES):
            raise
        # The port is taken (most often by another emulator) or not ours to open.
        print(f"iop-bot: cannot listen on 127.0.0.1:{port} ({exc.strerror}); try --port", file=sys.stderr)
        return 1
    return 0
