"""`iop-bot demo` with piped input prints a transcript a person can follow."""

from __future__ import annotations

import io

from bot.demo import run_demo


async def test_a_scripted_demo_checks_in_and_switches_to_the_counselor() -> None:
    script = "/checkin\n7\n2\nGood\n1\nNo\nfeeling ok\n/as 1001\n/caseload\n"
    out = io.StringIO()
    await run_demo(io.StringIO(script), out, interactive=False)
    transcript = out.getvalue()
    assert "How is your mood right now?" in transcript
    assert "[1] Poor" in transcript
    assert "Thanks for checking in" in transcript
    assert "Alex" in transcript.split("you (1001): /caseload")[1]
