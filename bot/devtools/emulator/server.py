"""The HTTP side: decode a Bot API request, apply faults and flood limits, answer in JSON."""

from __future__ import annotations

import collections
import contextlib
import json
import random
import socket
import sys
import threading
import time
from email.message import Message
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast
from urllib.parse import parse_qsl

from bot.devtools.emulator.methods import METHODS
from bot.devtools.emulator.world import ApiError, World

# PTB sends non-string values JSON-encoded inside the form; these are the ones we read as JSON.
JSON_FIELDS = {"reply_markup", "commands", "scope", "allowed_updates", "link_preview_options",
               "reply_parameters", "entities", "caption_entities", "menu_button"}  # fmt: skip
GLOBAL_PER_SECOND = 30  # Telegram's documented broadcast limit
GROUP_PER_MINUTE = 20


class Faults:
    """Failures a test or benchmark switches on: outages, one-off errors, a slow network."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.held: set[str] = set()  # methods whose calls hang, then fail, never taking effect
        self.held_cond = threading.Condition()
        self.outage = False
        self.latency = 0.0
        self.enforce_limits = True
        self.per_second = GLOBAL_PER_SECOND
        self.queued: dict[str, list[ApiError | None]] = collections.defaultdict(list)  # None: let one pass
        # faults for one chat's calls only, so a test's fault is not taken by another chat's send
        self.queued_chat: dict[tuple[str, int], list[ApiError]] = collections.defaultdict(list)
        self.sends: collections.deque[float] = collections.deque()
        self.admitted: list[float] = []  # monotonic time of every send let through (benchmarks read it)
        self.clock = time.monotonic  # the flood limits' clock; a test may stop it
        self.group_sends: dict[int, collections.deque[float]] = collections.defaultdict(collections.deque)
        self.flaky_rate, self.flaky_retry_after, self.flaky_late = 0.0, 1.0, 0.0
        self.flaky_rng = random.Random(0)
        self.injected: collections.Counter[str] = collections.Counter()  # flaky faults, by kind

    def flaky(self, rate: float, *, seed: int = 0, retry_after: float = 1, late: float = 6.0) -> None:
        """Fail a seeded random ``rate`` of calls (0 stops): a 429, a 500, or an answer ``late`` seconds late.

        A late answer models a client timeout where Telegram did act (the message is delivered) but
        the answer was lost; getUpdates, whose client waits longer than any such delay, gets a 500.
        """
        with self.lock:
            self.flaky_rate, self.flaky_retry_after, self.flaky_late = rate, retry_after, late
            self.flaky_rng = random.Random(seed)

    def _draw(self, method: str) -> ApiError | float:
        """This call's flaky fault: an error to answer, or how late to answer (0.0: on time)."""
        if not self.flaky_rate or self.flaky_rng.random() >= self.flaky_rate:
            return 0.0
        kind = self.flaky_rng.choice(("429", "500", "late"))
        kind = "500" if kind == "late" and method == "getupdates" else kind
        self.injected[kind] += 1
        if kind == "429":
            wait = self.flaky_retry_after
            return ApiError(429, f"Too Many Requests: retry after {wait:g}", retry_after=wait)
        return ApiError(500, "Internal Server Error") if kind == "500" else self.flaky_late

    def hold(self, *methods: str) -> None:
        """Calls to ``methods`` hang (as on a dead network) until ``release``, then fail unperformed."""
        with self.held_cond:
            self.held.update(m.lower() for m in methods)

    def release(self) -> None:
        """Let held calls fail (502) and stop holding new ones."""
        with self.held_cond:
            self.held.clear()
            self.held_cond.notify_all()

    def _wait_if_held(self, method: str) -> None:
        with self.held_cond:
            if method not in self.held:
                return
            while method in self.held:
                self.held_cond.wait(0.5)
        raise ApiError(502, "Bad Gateway")

    def fail_next(
        self, method: str, error: ApiError, times: int = 1, *, after: int = 0, chat: int | None = None
    ) -> None:
        """Fail the next ``times`` calls to ``method``, once ``after`` calls have gone through.

        With ``chat``, only calls to that chat fail (``after`` does not apply).
        """
        with self.lock:
            if chat is not None:
                self.queued_chat[(method.lower(), chat)].extend([error] * times)
                return
            self.queued[method.lower()].extend([None] * after + [error] * times)

    def check(self, method: str, params: dict[str, Any]) -> None:
        """Raise the error Telegram would give now, if any."""
        if self.latency:
            time.sleep(self.latency)
        self._wait_if_held(method)
        with self.lock:
            if self.outage:
                raise ApiError(502, "Bad Gateway")
            for_chat = self.queued_chat.get((method, _chat_of(params)))
            queued = for_chat.pop(0) if for_chat else None
            if queued is None and self.queued.get(method):
                queued = self.queued[method].pop(0)
            if queued is not None:
                raise queued
            fault = self._draw(method)
            if isinstance(fault, ApiError):
                raise fault
        if fault:
            time.sleep(fault)  # a late answer; outside the lock, so other calls go on meanwhile
        with self.lock:
            if self.enforce_limits and method.startswith("send") and method != "sendchataction":
                self._flood(params)

    def _flood(self, params: dict[str, Any]) -> None:
        now = self.clock()
        while self.sends and now - self.sends[0] > 1:
            self.sends.popleft()
        if len(self.sends) >= self.per_second:
            raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
        chat = int(params.get("chat_id", 0) or 0)
        if chat < 0:
            window = self.group_sends[chat]
            while window and now - window[0] > 60:
                window.popleft()
            if len(window) >= GROUP_PER_MINUTE:
                wait = int(61 - (now - window[0]))
                raise ApiError(429, f"Too Many Requests: retry after {wait}", retry_after=wait)
            window.append(now)
        self.sends.append(now)
        self.admitted.append(now)


def _chat_of(params: dict[str, Any]) -> int:
    try:
        return int(params.get("chat_id", 0) or 0)
    except (TypeError, ValueError):
        return 0


def decode(content_type: str, body: bytes) -> dict[str, Any]:
    """Form, multipart or JSON body into parameters; uploads become ``(file name, bytes)``."""
    raw: dict[str, Any] = {}
    if content_type.startswith("application/json"):
        return dict(json.loads(body or b"{}"))
    if content_type.startswith("multipart/form-data"):
        message = BytesParser().parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
        for part in cast(list[Message], message.get_payload()):
            name = part.get_param("name", header="content-disposition")
            data = cast(bytes, part.get_payload(decode=True) or b"")
            filename = part.get_filename()
            raw[str(name)] = (filename, data) if filename else data.decode()
    else:
        raw = dict(parse_qsl(body.decode(), keep_blank_values=True))
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str) and key in JSON_FIELDS:
            value = json.loads(value)
        elif value in ("true", "false"):
            value = value == "true"
        out[key] = value
    return out


def make_server(world: World, faults: Faults, port: int = 0) -> ThreadingHTTPServer:
    """An HTTP server on 127.0.0.1 (``port``, or a free one) answering ``/bot<world.token>/<method>``."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            # Headers and body go out in two writes; without this, Nagle plus delayed ACKs add ~40 ms.
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read the state
            pass

        def do_GET(self) -> None:
            self.do_POST()

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            with world.cond:
                prefix, revoked = f"/bot{world.token}/", world.revoked
                if any(self.path.startswith(f"/bot{old}/") for old in revoked):
                    self._answer(401, _error(ApiError(401, "Unauthorized")))
                    return
            if not self.path.startswith(prefix):
                self._answer(404, _error(ApiError(404, "Not Found")))
                return
            name = self.path[len(prefix) :].split("?")[0].lower()
            method = METHODS.get(name)
            with world.cond:
                world.stats.calls[_display(name)] += 1
            if method is None:
                self._answer(404, _error(ApiError(404, "Not Found: method not found")))
                return
            try:
                params = decode(self.headers.get("Content-Type", ""), body)
                faults.check(name, params)
                result = method(world, params)
            except ApiError as exc:
                with world.cond:
                    world.stats.errors[exc.code] += 1
                self._answer(exc.code, _error(exc))
                return
            except (KeyError, ValueError, TypeError) as exc:
                self._answer(400, _error(ApiError(400, f"Bad Request: {exc}")))
                return
            self._answer(200, {"ok": True, "result": result})
            if name != "getupdates":
                with world.cond:
                    world.last_activity = time.monotonic()

        def _answer(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            # The bot may hang up mid-answer (a long poll at shutdown); that is not our error.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)

    server = _Server(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    return server


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client killed mid-connection (the crash test's kill -9) is not the emulator's error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _error(exc: ApiError) -> dict[str, Any]:
    out: dict[str, Any] = {"ok": False, "error_code": exc.code, "description": exc.description}
    if exc.retry_after is not None:
        out["parameters"] = {"retry_after": exc.retry_after}
    return out


_CAMEL = [
    "getMe", "getUpdates", "sendMessage", "sendPhoto", "sendDocument", "editMessageText",
    "editMessageCaption", "editMessageReplyMarkup", "deleteMessage", "answerCallbackQuery",
    "setMyCommands", "getMyCommands", "deleteMyCommands", "leaveChat", "getChat", "sendChatAction",
    "deleteWebhook", "setWebhook", "setChatMenuButton", "setMyDescription", "setMyShortDescription",
    "getWebhookInfo", "close", "logOut",
]  # fmt: skip
_NAMES = {name.lower(): name for name in _CAMEL}


def _display(name: str) -> str:
    return _NAMES.get(name, name)
