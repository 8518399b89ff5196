"""/safetyplan: write the Stanley–Brown safety plan one step at a time, view it, and change one step.

Typed answers arrive through the free-text router (pending input kind PENDING), so a crisis said
while writing the plan is still screened first.
"""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.domain.crisis_lines import lines_for
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
from bot.handlers.people import patient_of
from bot.telegram.keyboards import Buttons, answer_query, close_buttons, reply
from bot.telegram.services import Context

PENDING = "safety_plan"
WALK, EDIT = "walk", "edit"  # going through every step, or changing one
# Raw-character budgets for the plan, so it fits one 4,096-character message beside what shares it:
# the crisis answer (~600), the SOS grounding skill (up to ~1,400), or only a heading.
CRISIS_BUDGET, SOS_BUDGET, VIEW_BUDGET = 2400, 2400, 3800
_TITLE = 60  # room for one section's bold title and blank line


async def render_plan(context: Context, patient: Patient, budget: int = CRISIS_BUDGET) -> str | None:
    """The patient's plan as HTML, cut to ``budget``; None when they have not written one."""
    svc = context.svc
    plan = await svc.db(svc.repo.safety_plan, patient.patient_id)
    if plan is None:
        return None
    return texts.plan_html([(number(k), k, text) for k, text in fit(plan, budget, _TITLE)], patient.language)


async def safetyplan_command(update: Update, context: Context) -> None:
    """/safetyplan: start the guided plan, or show the plan with ways to change it."""
    patient = await patient_of(update, context)
    if patient is None:
        await reply(update, texts.PLAN_NOT_ENROLLED)
        return
    plan = await context.svc.db(context.svc.repo.safety_plan, patient.patient_id)
    if plan is None:
        await reply(update, texts.PLAN_INTRO)
        await _ask(update, context, patient, SECTIONS[0], WALK)
        return
    await _show(update, context, patient, plan)


async def plan_text(update: Update, context: Context, patient: Patient, text: str) -> None:
    """A typed answer to the step the patient was asked last."""
    svc = context.svc
    pending = await svc.db(svc.repo.pending_input, patient.patient_id) or {}
    key, mode = str(pending.get("section")), str(pending.get("mode", WALK))
    if not is_section(key):
        await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
        await reply(update, texts.PLAN_STALE)
        return
    entry, was_cut = clean_entry(text)
    if not entry:
        await reply(update, texts.PLAN_EMPTY_TEXT)
        return
    if entry.casefold() != "skip":
        await svc.db(svc.repo.set_plan_section, patient.patient_id, key, entry, svc.now())
        if was_cut:
            await reply(update, texts.plan_cut_note(ENTRY_MAX))
    await _advance(update, context, patient, key, mode, texts.PLAN_SAVED)


async def button(update: Update, context: Context) -> None:
    """ "sp:<action>[:<section>]": view, pick a step to edit, walk through, or answer the open step."""
    query = update.callback_query
    assert query is not None and query.data is not None
    svc = context.svc
    patient = await patient_of(update, context)
    action, _, key = query.data.removeprefix("sp:").partition(":")
    if patient is None or (key and not is_section(key)):
        await answer_query(query, texts.STALE_BUTTON)
        return
    if action in ("view", "menu", "walk") or (action == "edit" and key):
        await answer_query(query)
        await close_buttons(update)
        if action == "view":
            plan = await svc.db(svc.repo.safety_plan, patient.patient_id)
            await (_show(update, context, patient, plan) if plan else reply(update, texts.PLAN_NONE_YET))
        elif action == "menu":
            rows = [[(texts.plan_step_button(number(k), k), f"sp:edit:{k}")] for k in SECTIONS]
            await reply(update, texts.PLAN_PICK_STEP, rows)
        else:
            await _ask(update, context, patient, key or SECTIONS[0], EDIT if action == "edit" else WALK)
        return
    # The rest answer the open step; a button from a step already answered or closed is stale.
    pending = await svc.db(svc.repo.pending_input, patient.patient_id) or {}
    known = action in ("skip", "clear", "later") or (action == "use" and key == "professionals")
    if not known or pending.get("kind") != PENDING or pending.get("section") != key:
        await answer_query(query, texts.PLAN_STALE)
        return
    await answer_query(query)
    await close_buttons(update)
    mode = str(pending.get("mode", WALK))
    if action == "later":
        await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
        await reply(update, texts.PLAN_PAUSED)
        return
    said = texts.PLAN_KEPT
    if action in ("use", "clear"):
        text = await _suggestion(context, patient) if action == "use" else None
        await svc.db(svc.repo.set_plan_section, patient.patient_id, key, text, svc.now())
        said = texts.PLAN_SAVED if text else texts.PLAN_CLEARED
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
    skip = texts.BTN_PLAN_KEEP if current or mode == EDIT else texts.BTN_PLAN_SKIP
    rows: list[list[tuple[str, str]]] = [[(skip, f"sp:skip:{key}")]]
    if suggestion:
        rows.insert(0, [(texts.BTN_PLAN_SUGGESTION, f"sp:use:{key}")])
    if current and mode == EDIT:
        rows.append([(texts.BTN_PLAN_CLEAR, f"sp:clear:{key}")])
    if mode == WALK:
        rows.append([(texts.BTN_PLAN_LATER, f"sp:later:{key}")])
    total = len(SECTIONS) - 1  # "reasons for living" is optional, not one of the six steps
    await reply(update, texts.plan_question(number(key), total, key, current, suggestion), rows)


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
    await reply(update, texts.PLAN_DONE if mode == WALK else said, _AFTER)


_AFTER: Buttons = [[(texts.BTN_VIEW_PLAN, "sp:view")], [(texts.BTN_EDIT_PLAN, "sp:menu")]]


async def _show(update: Update, context: Context, patient: Patient, plan: SafetyPlan) -> None:
    """The whole plan, with buttons to change one step or go through them all."""
    tz = patient.tz or context.svc.settings.tz
    updated = plan.updated_at.astimezone(tz).date() if plan.updated_at else None
    body = texts.plan_html([(number(k), k, text) for k, text in fit(plan, VIEW_BUDGET, _TITLE)])
    rows = [[(texts.BTN_EDIT_PLAN, "sp:menu")], [(texts.BTN_WALK_PLAN, "sp:walk")]]
    await reply(update, texts.plan_view(body, updated), rows)


async def _suggestion(context: Context, patient: Patient) -> str:
    """Step 5 pre-filled: their counselor, the after-hours number and the crisis lines for their locale."""
    svc = context.svc
    counselor = await svc.db(svc.repo.counselor, patient.counselor_id)
    lines = lines_for(svc.settings, patient).lines
    return texts.professionals_suggestion(
        counselor.name if counselor else None, svc.settings.after_hours_phone, lines
    )
