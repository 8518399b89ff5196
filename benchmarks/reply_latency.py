"""How fast the real bot answers over HTTP: button tap to next question, through the emulator.

Run: .venv/bin/python -m benchmarks.reply_latency
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bot.config.settings import Settings
from bot.devtools.demo import DEMO_TOKEN, seed
from bot.devtools.emulator import BotApiEmulator
from bot.devtools.roles import PATIENT_ID
from bot.runtime import open_services, running
from bot.store.crypto import keygen
from bot.telegram.app import build_application

ROUNDS = 10
THINK = 0.25  # seconds between taps, like a person; bursts are the flood benchmark's business


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, BotApiEmulator(token=DEMO_TOKEN) as emu:
        settings = Settings(
            bot_token=DEMO_TOKEN, bot_api_url=emu.base_url, data_dir=Path(tmp) / "data", data_keys=(keygen(),)
        )
        emu.add_user(PATIENT_ID, "Alex")
        with open_services(settings) as services:
            services.worker.call(seed, services)
            app = build_application(settings, services)
            async with running(app, poll_timeout=10, control=False):
                taps: list[float] = []
                for _ in range(ROUNDS):
                    emu.send_text(PATIENT_ID, "/checkin")
                    q = await emu.wait_for_message(PATIENT_ID, contains="mood")
                    for label in ["5", "3", "OK", "Yes", "No", "Skip"]:
                        await asyncio.sleep(THINK)
                        started = time.perf_counter()
                        emu.press_button(PATIENT_ID, q, label)
                        q = await emu.wait_for_message(
                            PATIENT_ID, after=q.message_id, predicate=lambda m: not m.edited
                        )
                        taps.append((time.perf_counter() - started) * 1000)
    taps.sort()
    p99 = taps[min(len(taps) - 1, int(len(taps) * 0.99))]
    print(f"button tap -> next message over HTTP, {len(taps)} taps in {ROUNDS} check-ins")
    print(f"  p50 {statistics.median(taps):.1f} ms   p99 {p99:.1f} ms   max {taps[-1]:.1f} ms")


if __name__ == "__main__":
    asyncio.run(main())
