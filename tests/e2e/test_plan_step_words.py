"""A warning sign typed at a safety-plan step is saved and reviewed, not asked about (newcomer10 N38).

"when i start drinking alone again and stop going to meetings", the answer step 1 asks for, got "are you
safe right now?" (worrying words) and "cravings that strong are hard" (a craving), then step 2. Crisis words
there were already reviewed, not paged; worrying words and cravings are no more asked about."""

from __future__ import annotations

from tests.conftest import Harness
from tests.e2e.test_sos import _plan


async def test_a_warning_sign_at_step_1_is_saved_with_no_question(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/safetyplan")
    await bot.emu.wait_for_message(patient, contains="Step 1 of 6")
    bot.emu.send_text(
        patient, "when i start drinking alone again and stop going to meetings, and i feel hopeless"
    )
    await bot.emu.wait_for_message(patient, contains="Step 2 of 6")
    await bot.emu.settle()
    said = " ".join(m.text for m in bot.emu.sent_to(patient)).lower()
    assert "safe right now" not in said and "cravings" not in said, said
    plan = _plan(bot, patient)
    assert plan is not None and "drinking alone" in plan.sections["warning_signs"]
