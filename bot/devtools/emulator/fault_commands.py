"""The emulator terminal's commands for Telegram failing (newcomer N66): what an IT person rehearses before a
launch, short of suspending the emulator process. The same faults the tests switch on (server.Faults)."""

from __future__ import annotations

from typing import TextIO

from bot.devtools.emulator import BotApiEmulator
from bot.devtools.emulator.world import ApiError

HELP = (
    "  /outage on|off             Telegram down for the bot (every call fails with 502) until off\n"
    "  /fail CODE N [METHOD]      the next N calls to METHOD (sendMessage by default) fail with CODE (500, 429, 403)\n"
    "  /block ID, /unblock ID     that user blocks the bot (sends to them fail with 403), or unblocks it\n"
)
FAIL_USAGE = "-- usage: /fail CODE N [METHOD], e.g. /fail 500 3 or /fail 429 1 editMessageText --"
_DESCRIPTIONS = {
    403: "Forbidden: bot was blocked by the user",
    429: "Too Many Requests: retry after 5",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


def fault_command(emu: BotApiEmulator, out: TextIO, word: str, rest: str) -> bool:
    """Carry out ``/outage``, ``/fail``, ``/block`` or ``/unblock``; False for any other line."""
    args = rest.split()
    if word == "/outage":
        if args not in (["on"], ["off"]):
            out.write("-- usage: /outage on|off --\n")
            return True
        with emu.faults.lock:
            emu.faults.outage = args == ["on"]
        out.write(f"-- Telegram is {'down (502) for the bot' if args == ['on'] else 'back'} --\n")
        return True
    if word == "/fail":
        if len(args) not in (2, 3) or not (args[0].isdigit() and args[1].isdigit()):
            out.write(FAIL_USAGE + "\n")
            return True
        code, times = int(args[0]), int(args[1])
        method = args[2] if len(args) == 3 else "sendMessage"
        wait = 5.0 if code == 429 else None
        emu.faults.fail_next(method, ApiError(code, _DESCRIPTIONS.get(code, f"Error {code}"), wait), times)
        out.write(f"-- the next {times} call(s) to {method} fail with {code} --\n")
        return True
    if word in ("/block", "/unblock"):
        if len(args) != 1 or not args[0].isdigit():
            out.write(f"-- usage: {word} ID --\n")
            return True
        emu.block_user(int(args[0]), blocked=word == "/block")
        out.write(f"-- user {args[0]} has {'blocked' if word == '/block' else 'unblocked'} the bot --\n")
        return True
    return False
