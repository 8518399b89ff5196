"""SOS and the safety plan end to end: help right now from anywhere, and a plan written step by step."""

from __future__ import annotations

import dataclasses
import json

import pytest

from bot import texts
from bot.config.settings import Settings
from bot.devtools.emulator.world import SentMessage
from bot.domain.coping import grounding_skill
from bot.domain.safety_plan import SECTIONS, SafetyPlan
from tests.conftest import COUNSELOR, Harness, enrolled_code

AFTER_HOURS = "555-0100"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The usual settings with the program's after-hours number."""
    return dataclasses.replace(settings, after_hours_phone=AFTER_HOURS)


def _plan(bot: Harness, telegram_id: int) -> SafetyPlan | None:
    svc = bot.services
    patient = svc.worker.call(svc.repo.patient_by_telegram, telegram_id)
    assert patient is not None
    return svc.worker.call(svc.repo.safety_plan, patient.patient_id)


def _write(bot: Harness, telegram_id: int, **sections: str) -> None:
    svc = bot.services
    patient = svc.worker.call(svc.repo.patient_by_telegram, telegram_id)
    assert patient is not None
    for key, text in sections.items():
        svc.worker.call(svc.repo.set_plan_section, patient.patient_id, key, text, svc.now())


def _urgent(bot: Harness) -> list[SentMessage]:
    return [m for m in bot.emu.sent_to(COUNSELOR) if "Urgent" in m.text]


async def test_sos_shows_the_crisis_lines_the_plan_a_grounding_skill_and_a_tell_button(
    bot: Harness, patient: int
) -> None:
    _write(bot, patient, help="Sam <my brother> 555-0199")
    bot.emu.send_text(patient, "/sos")
    first = await bot.emu.wait_for_message(patient, contains="988")
    assert AFTER_HOURS in first.text and first.button_texts() == [texts.BTN_TELL_COUNSELOR]
    second = await bot.emu.wait_for_message(patient, contains="Your safety plan")
    assert "Sam <my brother> 555-0199" in second.text  # escaped on the way, shown as written
    skill = grounding_skill(bot.services.skills)
    assert skill.name in second.text and f"1. {skill.steps[0]}" in second.text
    await bot.emu.settle()
    assert _urgent(bot) == []  # SOS alone tells no one: the patient decides


async def test_tell_my_counselor_alerts_the_counselor_at_once_and_a_double_tap_only_once(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/sos")
    first = await bot.emu.wait_for_message(patient, contains=texts.BTN_TELL_COUNSELOR)
    bot.emu.press_button(patient, first, texts.BTN_TELL_COUNSELOR)
    bot.emu.press_button(patient, first, texts.BTN_TELL_COUNSELOR)  # a double tap
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "Alex" in alert.text and "SOS" in alert.text
    await bot.emu.wait_for_message(patient, contains="I've let your counselor know")
    await bot.emu.wait_until(
        lambda: bot.emu.last_callback_answer(patient) == {"text": texts.TAPPED_ALREADY, "show_alert": False}
    )
    await bot.emu.settle()
    assert len(_urgent(bot)) == 1
    assert len(bot.services.worker.call(bot.services.repo.open_alerts)) == 1


async def test_sos_in_the_middle_of_a_check_in_keeps_the_check_in(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/checkin")
    mood = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, "/sos")
    sos = await bot.emu.wait_for_message(patient, contains="988")
    bot.emu.press_button(patient, mood, "6")
    await bot.emu.wait_for_message(patient, contains="craving")
    after = [m.text for m in bot.emu.sent_to(patient) if m.message_id > sos.message_id]
    assert not any("/checkin" in text for text in after), after  # SOS never pushes the check-in


async def test_the_sos_keyboard_button_works_even_while_a_plan_step_waits_for_an_answer(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/safetyplan")
    await bot.emu.wait_for_message(patient, contains="Step 1 of 6")
    bot.emu.send_text(patient, texts.SOS_BUTTON)
    await bot.emu.wait_for_message(patient, contains="988")
    await bot.emu.settle()
    assert _plan(bot, patient) is None  # the tap was not taken as a warning sign
    assert not any("Urgent" in m.text for m in bot.emu.sent_to(COUNSELOR))  # nor as crisis language
    bot.emu.send_text(patient, "skipping meals")
    await bot.emu.wait_for_message(patient, contains="Step 2 of 6")
    plan = _plan(bot, patient)
    assert plan is not None and plan.sections == {"warning_signs": "skipping meals"}


async def test_a_plan_is_written_step_by_step_with_skips_then_viewed_and_one_step_changed(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/safetyplan")
    await bot.emu.wait_for_message(patient, contains="one step at a time")
    answers = {
        "warning_signs": "staying in bed all day",
        "coping": "a hot shower & loud music",
        "distraction": None,  # skipped
        "help": "Sam 555-0199",
        "professionals": "use",  # the suggestion
        "environment": "Mum keeps my meds",
        "reasons": None,
    }
    for n, key in enumerate(SECTIONS, start=1):
        ask = await bot.emu.wait_for_message(patient, contains=texts.PLAN_TITLES[key])
        assert ("Optional" if key == "reasons" else f"Step {n} of 6") in ask.text
        answer = answers[key]
        if answer is None:
            bot.emu.press_button(patient, ask, texts.BTN_PLAN_SKIP)
        elif answer == "use":
            assert "Dana Rivera" in ask.text and AFTER_HOURS in ask.text and "988" in ask.text
            bot.emu.press_button(patient, ask, texts.BTN_PLAN_SUGGESTION)
        else:
            bot.emu.send_text(patient, answer)
    done = await bot.emu.wait_for_message(patient, contains=texts.PLAN_DONE)
    plan = _plan(bot, patient)
    assert plan is not None and set(plan.sections) == {
        "warning_signs",
        "coping",
        "help",
        "professionals",
        "environment",
    }
    assert plan.sections["professionals"].startswith("My counselor, Dana Rivera")

    bot.emu.press_button(patient, done, texts.BTN_VIEW_PLAN)
    view = await bot.emu.wait_for_message(patient, contains="My safety plan")
    assert "2. Things I can do on my own to cope\na hot shower & loud music" in view.text
    assert texts.PLAN_TITLES["distraction"] not in view.text  # skipped steps are not shown empty
    bot.emu.press_button(patient, view, texts.BTN_EDIT_PLAN)
    pick = await bot.emu.wait_for_message(patient, contains=texts.PLAN_PICK_STEP)
    bot.emu.press_button(patient, pick, texts.plan_step_button(4, "help"))
    ask = await bot.emu.wait_for_message(patient, contains="What you have now")
    assert "Sam 555-0199" in ask.text and texts.BTN_PLAN_CLEAR in ask.button_texts()
    bot.emu.send_text(patient, "Sam 555-0199\nJo from group 555-0142")
    await bot.emu.wait_for_message(patient, contains=texts.PLAN_SAVED)
    plan = _plan(bot, patient)
    assert plan is not None and plan.sections["help"] == "Sam 555-0199\nJo from group 555-0142"
    assert plan.sections["coping"] == "a hot shower & loud music"  # the others are untouched
    bot.emu.press_button(patient, ask, texts.BTN_PLAN_KEEP)  # the step is closed: a stale button
    await bot.emu.wait_until(
        lambda: bot.emu.last_callback_answer(patient) == {"text": texts.PLAN_STALE, "show_alert": False}
    )


async def test_warning_signs_in_crisis_words_are_saved_and_reviewed_not_paged(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/safetyplan")
    await bot.emu.wait_for_message(patient, contains=texts.PLAN_TITLES["warning_signs"])
    bot.emu.send_text(patient, "when I start thinking about killing myself")
    await bot.emu.wait_for_message(patient, contains=texts.PLAN_TITLES["coping"])
    plan = _plan(bot, patient)
    assert plan is not None and plan.sections["warning_signs"] == "when I start thinking about killing myself"
    await bot.emu.settle()
    assert bot.services.worker.call(bot.services.repo.open_alerts) == []
    assert not any("988" in m.text for m in bot.emu.sent_to(patient))
    pid = plan_owner(bot, patient)
    kinds = [f["kind"] for f in bot.services.worker.call(bot.services.repo.open_flags, pid)]
    assert kinds == ["plan_updated"]  # the counselor sees "safety plan updated" in the next review


async def test_a_plan_step_that_is_a_crisis_now_still_pages(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/safetyplan")
    await bot.emu.wait_for_message(patient, contains=texts.PLAN_TITLES["warning_signs"])
    bot.emu.send_text(patient, "I have the pills here now and I want to die")
    answer = await bot.emu.wait_for_message(patient, contains="988")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    # Words that paged are not a plan step, and the plan waits (newcomer5 finding 10).
    await bot.emu.wait_for_message(patient, contains=texts.PLAN_WAITS, after=answer.message_id)
    assert _plan(bot, patient) is None
    assert bot.services.worker.call(bot.services.repo.pending_input, plan_owner(bot, patient)) is None


async def test_warning_signs_in_a_plan_step_reach_people_while_a_crisis_alert_is_followed(
    bot: Harness, patient: int
) -> None:
    # newcomer5 finding 9: minutes after two crisis alerts, words typed into a plan step were saved as
    # the step and reached nobody, though the README promises the alert's people get what comes next.
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "I want to kill myself")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    bot.emu.send_text(patient, "/safetyplan")
    await bot.emu.wait_for_message(patient, contains=texts.PLAN_TITLES["warning_signs"])
    bot.emu.send_text(patient, "when I start thinking about killing myself")
    # Saved as the step and the plan goes on (newcomer16 N145: the plan is written while an alert is open).
    await bot.emu.wait_for_message(patient, contains="Step 2 of 6")
    plan = _plan(bot, patient)
    assert plan is not None and "killing myself" in plan.sections["warning_signs"]
    # Its people get the words on a "wrote again" card; no new page.
    await bot.emu.wait_for_message(COUNSELOR, contains="wrote again")
    assert len(bot.services.worker.call(bot.services.repo.open_alerts)) == 1


async def test_a_spanish_farewell_in_a_plan_step_pages(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/safetyplan")
    await bot.emu.wait_for_message(patient, contains=texts.PLAN_TITLES["warning_signs"])
    bot.emu.send_text(patient, "ya no puedo más, perdónenme todos, esta es mi despedida")
    await bot.emu.wait_for_message(patient, contains="988")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await bot.emu.wait_for_message(patient, contains=texts.PLAN_WAITS_ES)
    assert _plan(bot, patient) is None


async def test_an_overdose_already_taken_typed_into_a_plan_step_pages(bot: Harness, patient: int) -> None:
    # newcomer6 finding 35: with no alert open, "i took all my pills about 20 min ago" was saved as a step.
    bot.emu.send_text(patient, "/safetyplan")
    await bot.emu.wait_for_message(patient, contains=texts.PLAN_TITLES["warning_signs"])
    bot.emu.send_text(patient, "i took all my pills about 20 min ago")
    await bot.emu.wait_for_message(patient, contains="emergency")
    await bot.emu.wait_for_message(COUNSELOR, contains="overdose")
    await bot.emu.wait_for_message(patient, contains=texts.PLAN_WAITS)
    assert _plan(bot, patient) is None


def plan_owner(bot: Harness, telegram_id: int) -> str:
    patient = bot.services.worker.call(bot.services.repo.patient_by_telegram, telegram_id)
    assert patient is not None
    return patient.patient_id


async def test_finish_later_keeps_what_was_written_and_cancel_closes_the_step(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/safetyplan")
    await bot.emu.wait_for_message(patient, contains="Step 1 of 6")
    bot.emu.send_text(patient, "x" * 1000)
    await bot.emu.wait_for_message(patient, contains="kept the first 800")
    ask = await bot.emu.wait_for_message(patient, contains="Step 2 of 6")
    bot.emu.press_button(patient, ask, texts.BTN_PLAN_LATER)
    await bot.emu.wait_for_message(patient, contains=texts.PLAN_PAUSED)
    plan = _plan(bot, patient)
    assert plan is not None and len(plan.sections["warning_signs"]) == 800
    bot.emu.send_text(patient, "/safetyplan")  # with a plan: shown, with ways to change it
    view = await bot.emu.wait_for_message(patient, contains="My safety plan")
    bot.emu.press_button(patient, view, texts.BTN_WALK_PLAN)
    await bot.emu.wait_for_message(patient, contains="Step 1 of 6")
    bot.emu.send_text(patient, "/cancel")
    await bot.emu.wait_for_message(patient, contains=texts.CANCELLED)
    bot.emu.send_text(patient, "this is not a plan entry")
    await bot.emu.wait_for_message(patient, contains="Send it to Dana Rivera?")


async def test_crisis_language_gets_the_safety_plan_in_the_response(bot: Harness, patient: int) -> None:
    _write(bot, patient, reasons="my daughter", coping="walk the dog")
    bot.emu.send_text(patient, "honestly I just want to kill myself tonight")
    answer = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    assert (
        "Your safety plan" in answer.text and "walk the dog" in answer.text and "my daughter" in answer.text
    )


async def test_delete_erases_the_plan_and_mydata_includes_it(bot: Harness, patient: int) -> None:
    _write(bot, patient, help="Sam 555-0199")
    bot.emu.send_text(patient, "/mydata")
    doc = await bot.emu.wait_for_message(patient, predicate=lambda m: m.kind == "document")
    assert doc.file_bytes is not None and "Sam 555-0199" in json.dumps(json.loads(doc.file_bytes))
    bot.emu.send_text(patient, "/delete")
    ask = await bot.emu.wait_for_message(patient, contains="Erase everything?")
    bot.emu.press_button(patient, ask, texts.BTN_DELETE)
    # After the question: its own text says "erased" too, and matching it raced the erasure.
    await bot.emu.wait_for_message(patient, contains="erased", after=ask.message_id)
    assert _plan(bot, patient) is None
    bot.emu.send_text(patient, "/sos")
    await bot.emu.wait_for_message(patient, contains="988")
    grounding = await bot.emu.wait_for_message(patient, contains="Try this now")
    assert "Your safety plan" not in grounding.text


async def test_someone_not_enrolled_gets_the_crisis_lines_from_sos_and_nothing_is_stored(
    bot: Harness,
) -> None:
    bot.emu.add_user(4242, first_name="Kim")
    bot.emu.send_text(4242, texts.SOS_BUTTON)
    first = await bot.emu.wait_for_message(4242, contains="988")
    assert first.buttons == () and AFTER_HOURS in first.text
    await bot.emu.wait_for_message(4242, contains="Try this now")
    assert not (bot.services.settings.data_dir / "patients").exists()


async def test_finishing_set_up_puts_the_sos_button_under_the_message_box(bot: Harness) -> None:
    bot.emu.send_text(2077, f"/start {enrolled_code(bot.services, 'Rene')}")
    consent = await bot.emu.wait_for_message(2077, contains="Do you agree")
    bot.emu.press_button(2077, consent, texts.BTN_AGREE)
    zones = await bot.emu.wait_for_message(2077, contains="time zone")
    bot.emu.press_button(2077, zones, "New York")
    times = await bot.emu.wait_for_message(2077, contains="daily check-in")
    bot.emu.press_button(2077, times, times.button_texts()[0])
    hint = await bot.emu.wait_for_message(2077, contains=texts.SOS_KEYBOARD_HINT)
    assert hint.keyboard == ((texts.SOS_BUTTON,),)


async def test_the_counselor_reads_the_safety_plan_behind_a_button_and_it_is_audited(
    bot: Harness, patient: int
) -> None:
    _write(bot, patient, help="Sam 555-0199")
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    bot.emu.press_button(COUNSELOR, screen, "Alex")
    page = await bot.emu.wait_for_message(COUNSELOR, contains="Safety plan updated")
    assert "Sam" not in page.text  # on the page only that it exists; its words are one tap away
    bot.emu.press_button(COUNSELOR, page, texts.BTN_PLAN)
    plan = await bot.emu.wait_for_message(COUNSELOR, contains="safety plan")
    assert "Sam 555-0199" in plan.text
    actions = [e["action"] for e in bot.services.worker.call(bot.services.repo.audit_log)]
    assert "plan_viewed" in actions


async def test_sos_is_answered_even_in_the_middle_of_a_flood(bot: Harness, patient: int) -> None:
    for n in range(25):
        bot.emu.send_text(patient, f"spam {n}")
    bot.emu.send_text(patient, texts.SOS_BUTTON)
    await bot.emu.wait_for_message(patient, contains="988")
    await bot.emu.settle()
    assert any(m.text == texts.SLOW_DOWN for m in bot.emu.sent_to(patient))  # the flood was throttled


async def test_sos_gives_a_patient_in_london_the_uk_lines_not_988(bot: Harness, patient: int) -> None:
    repo = bot.services.repo

    def move_to_london() -> None:
        p = repo.patient_by_telegram(patient)
        assert p is not None
        repo.save_patient(p.with_changes(timezone="Europe/London"))

    bot.services.worker.call(move_to_london)
    bot.emu.send_text(patient, "/sos")
    first = await bot.emu.wait_for_message(patient, contains="116 123")
    assert "988" not in first.text


async def test_a_goodbye_kept_as_a_step_by_an_older_version_is_not_shown_as_one(
    bot: Harness, patient: int
) -> None:
    # newcomer5 finding 10: a plan saved before e06b972 kept "sorry everyone, this is goodbye" as "Things I
    # can do on my own to cope", shown back in every crisis answer and on the SOS screen.
    goodbye = "sorry everyone, this is goodbye. i love u mom"
    signs = "when i start thinking about killing myself"
    _write(bot, patient, warning_signs=signs, coping=goodbye, help="Sam 555-0199")
    bot.emu.send_text(patient, "/sos")
    shown = await bot.emu.wait_for_message(patient, contains="Your safety plan")
    assert "Sam 555-0199" in shown.text and goodbye not in shown.text
    assert "thinking about killing myself" in shown.text  # a warning sign, as written: not a crisis now
    bot.emu.send_text(patient, "i want to kill myself tonight")
    answer = await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    assert "Sam 555-0199" in answer.text and goodbye not in answer.text
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    plan = svc.worker.call(svc.repo.safety_plan, p.patient_id)
    assert plan is not None and goodbye in str(plan)  # kept for the counselor and the patient to change
