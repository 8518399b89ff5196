"""A warning sign typed at a safety-plan step is saved and reviewed, not asked about (newcomer10 N38).

"when i start drinking alone again and stop going to meetings", the answer step 1 asks for, got "are you
safe right now?" (worrying words) and "cravings that strong are hard" (a craving), then step 2. Crisis words
there were already reviewed, not paged; worrying words and cravings are no more asked about."""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_sos import _plan, plan_owner


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


async def test_the_plan_is_written_while_an_alert_is_open(bot: Harness, patient: int) -> None:
    """newcomer16 N145: while an alert is open (when a counselor says "let's do your safety plan now"), a warning
    sign in crisis words at step 1 paged again and put the plan away, and the next steps (coping, a sister's phone
    number) went to the alert's people instead of the plan. Now step 1 is saved (its people get it on a "wrote
    again" card), the plan goes on, and the next steps are saved, not passed on."""
    bot.emu.send_text(COUNSELOR, "/help")  # Telegram's contact rule: they wrote first
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "I want to kill myself")
    first = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "/safetyplan")
    await bot.emu.wait_for_message(patient, contains="Step 1 of 6")
    bot.emu.send_text(patient, "cuando pienso que soy una carga y me encierro en mi cuarto")
    await bot.emu.wait_for_message(patient, contains="Step 2 of 6")
    bot.emu.send_text(patient, "escuchar música, salir a caminar con mi perro")
    await bot.emu.wait_for_message(patient, contains="Step 3 of 6")
    bot.emu.send_text(patient, "mi hermana Carmen 555-1234")
    await bot.emu.wait_for_message(patient, contains="Step 4 of 6")
    await bot.emu.settle()
    said = [m.text for m in bot.emu.sent_to(patient)]
    assert not [t for t in said if texts.PLAN_WAITS in t or texts.PLAN_WAITS_ES in t], said
    assert sum("988" in t for t in said) == 1, said  # the first crisis answer only
    plan = _plan(bot, patient)
    assert plan is not None
    assert "una carga" in plan.sections["warning_signs"] and "perro" in plan.sections["coping"]
    assert "555-1234" in plan.sections["distraction"]
    assert len(bot.services.worker.call(bot.services.repo.open_alerts)) == 1  # no new page
    after = [m.text for m in bot.emu.sent_to(COUNSELOR) if m.message_id > first.message_id]
    assert sum("wrote again" in t for t in after) == 1, after  # step 1, joined to the alert
    svc = bot.services
    thread = svc.worker.call(svc.repo.messages, plan_owner(bot, patient))
    assert not [m for m in thread if "555" in m.text or "perro" in m.text]  # steps 2 and 3 stay in the plan
