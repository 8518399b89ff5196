"""A local control socket, so the admin CLI works while the bot owns the data directory.

The running bot keeps its data in memory and is the only writer; the CLI therefore sends each
operation over a Unix socket (``<data dir>/control.sock``, mode 0600) and the bot runs it on its
store worker. When no bot is running, the CLI takes the data-dir lock and runs it itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any

from bot.admin.operations import operations
from bot.admin.roster import AdminError, OffStore
from bot.telegram.services import Services

log = logging.getLogger(__name__)
SOCKET_NAME = "control.sock"
HEALTH_OP = "health"
Hook = Callable[[str, Any], Awaitable[None]]


def socket_path(data_dir: Path) -> Path:
    """Where the running bot listens."""
    return data_dir / SOCKET_NAME


async def run_operation(services: Services, op: str, args: Mapping[str, Any]) -> Any:
    """Run one admin operation on the store worker (its slow rest, if it has one, off it: OffStore)."""
    fn = operations().get(op)
    if fn is None:
        raise AdminError(f"unknown operation {op!r}")
    result = await services.db(fn, services.repo, services.settings, services.now(), dict(args))
    if isinstance(result, OffStore):
        done = await asyncio.to_thread(result.work)  # the store thread serves the bot meanwhile (ops O93)
        return await services.db(result.after, services.repo, done)
    return result


async def start_control_server(services: Services, on_done: Hook | None = None) -> asyncio.AbstractServer:
    """Listen on the data dir's control socket until the returned server is closed."""
    path = socket_path(services.settings.data_dir)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # left by a killed process; we hold the data-dir lock, so it is ours

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request: Any = None
        try:
            request = json.loads(await reader.readline())
            if request["op"] != HEALTH_OP:  # doctor --live checks the key itself, and says so
                _same_key(services.settings.data_keys, request.get("key"))
            if request["op"] == HEALTH_OP:  # not a store operation: it asks whether the store answers
                from bot.telegram.health import check

                result: Any = (await check(services)).to_dict()
            else:
                result = await run_operation(services, str(request["op"]), request.get("args", {}))
            if on_done is not None:
                await on_done(str(request["op"]), result)
            answer: dict[str, Any] = {"ok": True, "result": result}
        except AdminError as exc:
            answer = {"ok": False, "error": str(exc)}
        except Exception as exc:  # the CLI must get an answer, whatever failed
            log.exception("control operation failed")
            answer = {"ok": False, "error": f"the bot could not do that: {exc.__class__.__name__}"}
        try:
            writer.write(json.dumps(answer).encode() + b"\n")
            await writer.drain()
            writer.close()
        except ConnectionError as exc:
            # The command gave up waiting or was stopped (ops O93: a traceback at ERROR, "Task exception was never
            # retrieved ... ConnectionResetError", with no meaning for an admin): one line saying what happened.
            log.warning(
                "the command that asked for %s left before its answer (%s); it was %s",
                request.get("op", "?") if isinstance(request, dict) else "?",
                exc.__class__.__name__,
                "done" if answer["ok"] else f"refused: {answer['error']}",
            )

    old_mask = os.umask(0o177)
    try:
        server = await asyncio.start_unix_server(handle, path=str(path))
    finally:
        os.umask(old_mask)
    return server


def key_name(keys: tuple[str, ...]) -> str | None:
    """What a command sends for its data key: a one-way fingerprint (None: no key, unencrypted)."""
    from bot.store.rotation import fingerprint

    return fingerprint(keys[0]) if keys else None


def _same_key(keys: tuple[str, ...], theirs: object) -> None:
    """Refuse a command whose IOP_DATA_KEY is not this bot's: run without the bot, it could open nothing,
    so through it it must not quietly work (the mistyped key would surface only at the next restart)."""
    ours = {key_name((k,)) for k in keys} or {None}
    if theirs in ours:
        return
    log.warning("control: a command with another data key was refused (key %s)", theirs or "none")
    mine = key_name(keys) or "none (unencrypted)"
    raise AdminError(
        f"IOP_DATA_KEY in this shell (key {theirs or 'not set'}) is not the data key of the running bot "
        f"(key {mine}): nothing was done. Set IOP_DATA_KEY to the key the bot runs with (after a rotation, "
        "the new key); `iop-bot doctor` checks it."
    )


class NoBotListening(AdminError):
    """Nobody listens on the control socket: the data dir's owner is not a running bot (yet)."""


def call_running_bot(
    data_dir: Path, op: str, args: Mapping[str, Any], timeout: float = 30.0, key: str | None = None
) -> Any:
    """Send one operation to the bot that owns `data_dir`; raises AdminError with its answer.

    Raises NoBotListening when there is no socket or nobody accepts on it (then nothing was sent).
    """
    path = socket_path(data_dir)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            try:
                sock.connect(str(path))
            except (FileNotFoundError, ConnectionRefusedError) as exc:
                raise NoBotListening(f"no bot listens on {path} ({exc.strerror})") from None
            sock.sendall(json.dumps({"op": op, "args": dict(args), "key": key}).encode() + b"\n")
            data = b""
            while not data.endswith(b"\n"):
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
    except OSError as exc:
        # Sent, then no answer: the bot may still carry it out when it catches up (newcomer4 finding 8: an
        # enrollment went through, its code shown to nobody, and the retry said the alias was taken).
        raise AdminError(
            f"the running bot did not answer on {path} ({exc.strerror or exc}); it may still carry this out "
            "when it catches up: check (e.g. `iop-bot patient list`, `iop-bot counselor list`) before trying "
            "again"
        ) from None
    if not data:
        raise AdminError(_cut_short(op))
    answer = json.loads(data)
    if not answer.get("ok"):
        raise AdminError(str(answer.get("error")))
    return answer.get("result")


def _cut_short(op: str) -> str:
    """The connection closed with no answer: the bot stopped (a crash, a kill, a restart) in the middle of it,
    after doing part of it maybe. A reassignment is one store write, whole or not at all, with its hand-over
    notice queued in it (ops O63: half of a counselor's patients and open alerts had moved, nobody told)."""
    if op in ("counselor_remove", "patient_reassign"):
        where = "`iop-bot counselor list`" if op == "counselor_remove" else "`iop-bot patient list`"
        return (
            "the running bot stopped while carrying this out (no answer came). A reassignment is done whole or "
            f"not at all: check {where}. If it is done, the new counselor is sent the hand-over (the patients "
            "and the open alerts that came with them) when the bot runs again; if not, run the same command "
            "again"
        )
    return (
        "the running bot stopped while carrying this out (no answer came): part of it may be done. Check "
        "(`iop-bot counselor list`, `iop-bot patient list`), then run the same command again"
    )
