"""/safetyplan: write the Stanley–Brown safety plan one step at a time, view it, and change one step.

Typed answers arrive through the free-text router (pending input kind PENDING), so a crisis said
while writing the plan is still screened first.
"""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.domain.crisis_lines import lines_for
from bot.domain.flag_rules import present_crisis
from bot.domain.models import Patient
from bot.domain.safety_plan import (
    ENTRY_MAX,
    SECTIONS,
    SafetyPlan,
    clean_entry,
    fit,
    is_section,
    next_section,
    number,
)
from bot.domain.screen.assess import Level, assess
from bot.handlers.people import app_language, patient_of
from bot.telegram.keyboards import Buttons, answer_query, close_buttons, reply
from bot.telegram.services import Context
from bot.texts.base import pick

PENDING = "safety_plan"
WALK, EDIT = "walk", "edit"  # going through every step, or changing one
# Raw-character budgets for the plan, so it fits one 4,096-character message beside what shares it:
# the crisis answer (~600), the SOS grounding skill (up to ~1,400), or only a heading.
CRISIS_BUDGET, SOS_BUDGET, VIEW_BUDGET = 2400, 2400, 3800
_TITLE = 60  # room for one section's bold title and blank line
SKIP_WORDS = frozenset({"skip", "omitir", "saltar"})


async def render_plan(
    context: Context, patient: Patient, budget: int = CRISIS_BUDGET, *, in_crisis: bool = True
) -> str | None:
    """The patient's plan as HTML, cut to ``budget``; None when they have not written one. ``in_crisis`` (a
    crisis answer, SOS) leaves out a step that is itself a crisis now (newcomer5 finding 10: "sorry everyone,
    this is goodbye", saved as a coping step before such words paged, came back in every crisis answer)."""
    svc = context.svc
    plan = await svc.db(svc.repo.safety_plan, patient.patient_id)
    if plan is None:
        return None
    steps = fit(plan, budget, _TITLE)
    if in_crisis:
        steps = [(k, text) for k, text in steps if not _crisis_now(context, text)]
    return texts.plan_html([(number(k), k, text) for k, text in steps], patient.language)


def _crisis_now(context: Context, text: str) -> bool:
    """Words a step may no longer hold: crisis words that describe now (they page and are not saved today)."""
    return present_crisis(text, context.svc.flag_rules) and assess(text).level >= Level.CRISIS


async def safetyplan_command(update: Update, context: Context) -> None:
    """/safetyplan: start the guided plan, or show the plan with ways to change it."""
    patient = await patient_of(update, context)
    if patient is None:
        await reply(update, pick(app_language(update), texts.PLAN_NOT_ENROLLED, texts.PLAN_NOT_ENROLLED_ES))
        return
    plan = await context.svc.db(context.svc.repo.safety_plan, patient.patient_id)
    if plan is None:
        await reply(update, pick(patient.language, texts.PLAN_INTRO, texts.PLAN_INTRO_ES))
        await _ask(update, context, patient, SECTIONS[0], WALK)
        return
    await _show(update, context, patient, plan)


async def plan_text(update: Update, context: Context, patient: Patient, text: str) -> None:
    """A typed answer to the step the patient was asked last."""
    svc, lang = context.svc, patient.language
    pending = await svc.db(svc.repo.pending_input, patient.patient_id) or {}
    key, mode = str(pending.get("section")), str(pending.get("mode", WALK))
    if not is_section(key):
        await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
        await reply(update, pick(lang, texts.PLAN_STALE, texts.PLAN_STALE_ES))
        return
    entry, was_cut = clean_entry(text)
    if not entry:
        await reply(update, pick(lang, texts.PLAN_EMPTY_TEXT, texts.PLAN_EMPTY_TEXT_ES))
        return
    if entry.casefold().strip(".! ") not in SKIP_WORDS:
        await svc.db(svc.repo.set_plan_section, patient.patient_id, key, entry, svc.now())
        if was_cut:
            await reply(update, (texts.plan_cut_note_es if lang == "es" else texts.plan_cut_note)(ENTRY_MAX))
    await _advance(update, context, patient, key, mode, pick(lang, texts.PLAN_SAVED, texts.PLAN_SAVED_ES))


async def button(update: Update, context: Context) -> None:
    """ "sp:<action>[:<section>]": view, pick a step to edit, walk through, or answer the open step."""
    query = update.callback_query
    assert query is not None and query.data is not None
    svc = context.svc
    patient = await patient_of(update, context)
    action, _, key = query.data.removeprefix("sp:").partition(":")
    if patient is None or (key and not is_section(key)):
        lang = patient.language if patient else app_language(update)
        await answer_query(query, pick(lang, texts.STALE_BUTTON, texts.STALE_BUTTON_ES))
        return
    lang = patient.language
    if action in ("view", "menu", "walk") or (action == "edit" and key):
        await answer_query(query)
        await close_buttons(update)
        if action == "view":
            plan = await svc.db(svc.repo.safety_plan, patient.patient_id)
            none_yet = pick(lang, texts.PLAN_NONE_YET, texts.PLAN_NONE_YET_ES)
            await (_show(update, context, patient, plan) if plan else reply(update, none_yet))
        elif action == "menu":
            step = texts.plan_step_button_es if lang == "es" else texts.plan_step_button
            rows = [[(step(number(k), k), f"sp:edit:{k}")] for k in SECTIONS]
            await reply(update, pick(lang, texts.PLAN_PICK_STEP, texts.PLAN_PICK_STEP_ES), rows)
        else:
            await _ask(update, context, patient, key or SECTIONS[0], EDIT if action == "edit" else WALK)
        return
    # The rest answer the open step; a button from a step already answered or closed is stale.
    pending = await svc.db(svc.repo.pending_input, patient.patient_id) or {}
    known = action in ("skip", "clear", "later") or (action == "use" and key == "professionals")
    if not known or pending.get("kind") != PENDING or pending.get("section") != key:
        await answer_query(query, pick(lang, texts.PLAN_STALE, texts.PLAN_STALE_ES))
        return
    await answer_query(query)
    await close_buttons(update)
    mode = str(pending.get("mode", WALK))
    if action == "later":
        await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
        await reply(update, pick(lang, texts.PLAN_PAUSED, texts.PLAN_PAUSED_ES))
        return
    said = pick(lang, texts.PLAN_KEPT, texts.PLAN_KEPT_ES)
    if action in ("use", "clear"):
        text = await _suggestion(context, patient) if action == "use" else None
        await svc.db(svc.repo.set_plan_section, patient.patient_id, key, text, svc.now())
        if text:
            said = pick(lang, texts.PLAN_SAVED, texts.PLAN_SAVED_ES)
        else:
            said = pick(lang, texts.PLAN_CLEARED, texts.PLAN_CLEARED_ES)
    await _advance(update, context, patient, key, mode, said)


async def _ask(update: Update, context: Context, patient: Patient, key: str, mode: str) -> None:
    """Ask one step, remembering it so the typed answer lands in the right place."""
    svc = context.svc
    plan = await svc.db(svc.repo.safety_plan, patient.patient_id) or SafetyPlan()
    current = plan.sections.get(key)
    suggestion = await _suggestion(context, patient) if key == "professionals" else None
    if suggestion == current:
        suggestion = None
    await svc.db(
        svc.repo.set_pending_input, patient.patient_id, {"kind": PENDING, "section": key, "mode": mode}
    )
    lang = patient.language
    if current or mode == EDIT:
        skip = pick(lang, texts.BTN_PLAN_KEEP, texts.BTN_PLAN_KEEP_ES)
    else:
        skip = pick(lang, texts.BTN_PLAN_SKIP, texts.BTN_PLAN_SKIP_ES)
    rows: list[list[tuple[str, str]]] = [[(skip, f"sp:skip:{key}")]]
    if suggestion:
        rows.insert(
            0, [(pick(lang, texts.BTN_PLAN_SUGGESTION, texts.BTN_PLAN_SUGGESTION_ES), f"sp:use:{key}")]
        )
    if current and mode == EDIT:
        rows.append([(pick(lang, texts.BTN_PLAN_CLEAR, texts.BTN_PLAN_CLEAR_ES), f"sp:clear:{key}")])
    if mode == WALK:
        rows.append([(pick(lang, texts.BTN_PLAN_LATER, texts.BTN_PLAN_LATER_ES), f"sp:later:{key}")])
    total = len(SECTIONS) - 1  # "reasons for living" is optional, not one of the six steps
    question = texts.plan_question_es if lang == "es" else texts.plan_question
    await reply(update, question(number(key), total, key, current, suggestion), rows)


async def _advance(
    update: Update, context: Context, patient: Patient, key: str, mode: str, said: str
) -> None:
    """After a step: the next one when walking through, otherwise done."""
    svc = context.svc
    following = next_section(key) if mode == WALK else None
    if following is not None:
        await _ask(update, context, patient, following, mode)
        return
    await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
    done = pick(patient.language, texts.PLAN_DONE, texts.PLAN_DONE_ES)
    await reply(update, done if mode == WALK else said, _after(patient.language))


def _after(lang: str) -> Buttons:
    return [
        [(pick(lang, texts.BTN_VIEW_PLAN, texts.BTN_VIEW_PLAN_ES), "sp:view")],
        [(pick(lang, texts.BTN_EDIT_PLAN, texts.BTN_EDIT_PLAN_ES), "sp:menu")],
    ]


async def _show(update: Update, context: Context, patient: Patient, plan: SafetyPlan) -> None:
    """The whole plan, with buttons to change one step or go through them all."""
    tz = patient.tz or context.svc.settings.tz
    updated = plan.updated_at.astimezone(tz).date() if plan.updated_at else None
    lang = patient.language
    body = texts.plan_html([(number(k), k, text) for k, text in fit(plan, VIEW_BUDGET, _TITLE)], lang)
    rows = [
        [(pick(lang, texts.BTN_EDIT_PLAN, texts.BTN_EDIT_PLAN_ES), "sp:menu")],
        [(pick(lang, texts.BTN_WALK_PLAN, texts.BTN_WALK_PLAN_ES), "sp:walk")],
    ]
    await reply(update, (texts.plan_view_es if lang == "es" else texts.plan_view)(body, updated), rows)


async def _suggestion(context: Context, patient: Patient) -> str:
    """Step 5 pre-filled: their counselor, the after-hours number and the crisis lines for their locale."""
    svc = context.svc
    counselor = await svc.db(svc.repo.counselor, patient.counselor_id)
    lines = lines_for(svc.settings, patient, patient.language).lines  # "marca 2", AYUDA for a Spanish plan
    suggest = (
        texts.professionals_suggestion_es if patient.language == "es" else texts.professionals_suggestion
    )
    return suggest(counselor.name if counselor else None, svc.settings.after_hours_phone, lines)
