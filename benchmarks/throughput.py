"""Check-in button presses handled per second, against a minimal python-telegram-bot echo bot.

Both bots run in this process against the same emulator, one after the other, with the same
closed-loop clients: each client presses a button, waits for the bot's next message, presses
again. Neither bot uses a rate limiter and the emulator enforces no flood limit, so the figure is
the bot's own handling cost (on Telegram, 30 messages/s per bot caps both long before this).

Run: .venv/bin/python -m benchmarks.throughput
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.config.settings import Settings
from bot.devtools.demo import DEMO_TOKEN
from bot.devtools.emulator import BotApiEmulator
from bot.devtools.emulator.world import SentMessage
from bot.runtime import open_services, running
from bot.telegram.app import build_application

CLIENTS = int(os.environ.get("IOP_BENCH_CLIENTS", "20"))
SECONDS = float(os.environ.get("IOP_BENCH_SECONDS", "10"))
FIRST_ID = 100000  # benchmarks.seed numbers patients' Telegram ids from here
ECHO_FIRST_ID = 500000
CHECKIN = ["5", "3", "OK", "Yes", "No", "Skip"]  # one check-in, as reply_latency taps it


class Client(threading.Thread):
    """One person pressing buttons as fast as the bot answers; records press-to-reply times."""

    def __init__(self, emu: BotApiEmulator, user: int, start: str, labels: list[str], until: float) -> None:
        super().__init__(daemon=True)
        self.emu, self.user, self.start_text, self.labels, self.until = emu, user, start, labels, until
        self.latencies: list[float] = []
        self._pos = 0

    def _next(self, after: int) -> SentMessage:
        """The bot's next new (not edited) message in this chat after message ``after``."""
        world = self.emu.world
        with world.cond:
            while True:
                for i in range(self._pos, len(world.events)):
                    event = world.events[i]
                    if event.chat_id == self.user and not event.edited and event.message_id > after:
                        self._pos = i + 1
                        return event
                self._pos = len(world.events)
                if not world.cond.wait(timeout=10):
                    raise TimeoutError(f"user {self.user} got no answer")

    def run(self) -> None:
        last = 0
        while time.monotonic() < self.until:
            self.emu.send_text(self.user, self.start_text)
            question = self._next(last)
            for label in self.labels:
                started = time.perf_counter()
                self.emu.press_button(self.user, question, label)
                question = self._next(question.message_id)
                self.latencies.append(time.perf_counter() - started)
                if time.monotonic() >= self.until:
                    return
            last = question.message_id


Run = tuple[float, list[float], float]  # seconds, press->reply latencies, CPU seconds of this process


def _run_clients(emu: BotApiEmulator, first: int, start: str, labels: list[str]) -> Run:
    until = time.monotonic() + SECONDS
    clients = [Client(emu, first + n, start, labels, until) for n in range(CLIENTS)]
    began, cpu = time.monotonic(), time.process_time()
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    elapsed, cpu = time.monotonic() - began, time.process_time() - cpu
    return elapsed, [x for c in clients for x in c.latencies], cpu


async def ours(emu: BotApiEmulator, data_dir: Path) -> Run:
    settings = Settings(
        bot_token=DEMO_TOKEN, bot_api_url=emu.base_url, data_dir=data_dir, allow_unencrypted=True
    )
    with open_services(settings) as services:
        app = build_application(settings, services, rate_limiter=False)
        async with running(app, poll_timeout=1, control=False):
            return await asyncio.to_thread(_run_clients, emu, FIRST_ID, "/checkin", CHECKIN)


async def _echo_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_chat:
        await update.effective_chat.send_message("echo", reply_markup=_ECHO_BUTTON)


async def _echo_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is not None and update.effective_chat is not None:
        await query.answer()
        await update.effective_chat.send_message(f"echo {query.data}", reply_markup=_ECHO_BUTTON)


_ECHO_BUTTON = InlineKeyboardMarkup([[InlineKeyboardButton("Echo", callback_data="echo")]])


async def echo(emu: BotApiEmulator) -> Run:
    app: Application[Any, Any, Any, Any, Any, Any] = (
        Application.builder().token(DEMO_TOKEN).base_url(emu.base_url).build()
    )
    app.add_handler(CommandHandler("start", _echo_start))
    app.add_handler(CallbackQueryHandler(_echo_press))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        result = await asyncio.to_thread(_run_clients, emu, ECHO_FIRST_ID, "/start", ["Echo"] * len(CHECKIN))
        await app.updater.stop()
        await app.stop()
    return result


def _line(name: str, elapsed: float, latencies: list[float], cpu: float) -> tuple[float, float]:
    """Prints and returns presses per second and CPU ms per press (bot, emulator and clients: one process;
    on a shared machine the CPU figure moves far less than the rate)."""
    rate = len(latencies) / elapsed
    per_press = cpu * 1000 / max(1, len(latencies))
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    print(
        f"  {name:<22} {rate:7.1f} presses/s   press->reply p50 {statistics.median(latencies) * 1000:6.1f} ms"
        f"  p99 {p99:6.1f} ms   CPU {per_press:5.2f} ms/press"
    )
    return rate, per_press


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        seed = f"from benchmarks.seed import seed_patients as s; from pathlib import Path; s(Path({str(data_dir)!r}), {CLIENTS})"
        subprocess.run([sys.executable, "-c", seed], check=True)
        with BotApiEmulator(token=DEMO_TOKEN, enforce_limits=False) as emu:
            for n in range(CLIENTS):
                emu.add_user(FIRST_ID + n, f"P{n}")
                emu.add_user(ECHO_FIRST_ID + n, f"E{n}")
            print(f"{CLIENTS} clients pressing buttons for {SECONDS:.0f} s each, same emulator, same run")
            mine = _line("IOP Companion check-in", *asyncio.run(ours(emu, data_dir)))
            base = _line("PTB echo bot", *asyncio.run(echo(emu)))
    print(
        f"  ratio {mine[0] / base[0]:.2f} (goal >= 0.5); CPU per press, echo bot / ours: {base[1] / mine[1]:.2f}"
    )


if __name__ == "__main__":
    main()
