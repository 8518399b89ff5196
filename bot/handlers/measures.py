"""/measures and the weekly push's Start: one questionnaire item per screen, resumable, stored once.

A positive answer on a safety item (PHQ-9 item 9) gets the crisis response and a counselor alert
at once, before anything else is asked; the patient may then carry on or stop.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from telegram import CallbackQuery, Chat, InlineKeyboardMarkup, Update

from bot import texts
from bot.domain.measures import (
    Draft,
    Instruments,
    StaleAnswer,
    answer,
    current,
    is_expired,
    start,
)
from bot.domain.models import Patient
from bot.handlers import crisis
from bot.handlers.people import patient_or_stranger
from bot.handlers.screened import screened
from bot.reports.measures import result_lines
from bot.telegram.keyboards import answer_query, close_buttons, keyboard
from bot.telegram.services import Context
from bot.texts.base import pick

PENDING = "measures"  # typed text answers the item shown last (bot/handlers/measures_typed.py)
# A sitting left this long starts over: "the last 2 weeks" has moved on too far to mix answers.
MAX_AGE = timedelta(days=2)


async def measures_command(update: Update, context: Context) -> None:
    """/measures: start the weekly questions, or resume the sitting in progress."""
    patient = await patient_or_stranger(update, context)
    if patient is not None and update.effective_chat is not None:
        await begin(update.effective_chat, context, patient)


async def begin(chat: Chat, context: Context, patient: Patient) -> None:
    """Resume a fresh sitting or start a new one, then show its current question."""
    svc, lang = context.svc, patient.language
    if not svc.settings.measures_enabled:
        await chat.send_message(pick(lang, texts.MEASURES_OFF, texts.MEASURES_OFF_ES))
        return
    draft = await load(context, patient)
    if draft is not None:
        await chat.send_message(pick(lang, texts.MEASURES_RESUMING, texts.MEASURES_RESUMING_ES))
    else:
        draft = start(secrets.token_hex(4), svc.settings.measures_instruments, svc.now())
        await svc.db(svc.repo.start_measures, patient.patient_id, draft.to_dict())
        intro = pick(lang, texts.MEASURES_INTRO, texts.MEASURES_INTRO_ES)
        asked = [svc.instruments[i] for i in draft.instruments if i in svc.instruments]
        if lang == "es" and not all(i.speaks(lang) for i in asked):
            intro += f"\n\n{texts.MEASURES_IN_ENGLISH_ES}"
        await chat.send_message(intro)
    await show_question(chat, context, patient, draft)


async def show_question(chat: Chat, context: Context, patient: Patient, draft: Draft) -> None:
    """The current item with its answer buttons; a typed answer is read too (bot/handlers/measures_typed.py)."""
    svc = context.svc
    text, markup = question_screen(draft, svc.instruments, patient.language)
    shown = await chat.send_message(text, reply_markup=markup)
    # A bare typed "nah not really" answers this item, not an older "Are you safe?" (newcomer10 N36: it paged).
    svc.state.flow_asked[chat.id] = shown.message_id
    await svc.db(svc.repo.set_pending_input, patient.patient_id, {"kind": PENDING, "run": draft.run_id})


async def button(update: Update, context: Context) -> None:
    """A "ms:" button: start, an answer ("ms:a:<run>:<index>:<item>:<value>"), carry on, or stop."""
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and query.data is not None and chat is not None
    patient = await patient_or_stranger(update, context)
    if patient is None:
        await answer_query(query)
        return
    verb, *args = query.data.removeprefix("ms:").split(":")
    lang = patient.language
    if verb == "start":
        await answer_query(query)
        await close_buttons(update)
        await begin(chat, context, patient)
        return
    draft = await load(context, patient)
    if draft is None or not args or draft.run_id != args[0]:
        await answer_query(query, pick(lang, texts.MEASURES_STALE, texts.MEASURES_STALE_ES), show_alert=True)
        return
    if verb == "a" and len(args) == 4 and all(a.isdigit() for a in args[1:]):
        await take(update, query, context, patient, draft, (int(args[1]), int(args[2])), int(args[3]))
    elif verb == "go":
        await answer_query(query)
        await close_buttons(update)
        await show_question(chat, context, patient, draft)
    elif verb == "stop":
        await answer_query(query)
        await close(context, patient)
        await query.edit_message_text(pick(lang, texts.MEASURES_STOPPED, texts.MEASURES_STOPPED_ES))
        await _summary(chat, context, patient, draft.run_id, only_if_any=True)
    else:
        await answer_query(query, pick(lang, texts.STALE_BUTTON, texts.STALE_BUTTON_ES))


async def offer_rest(chat: Chat, context: Context, patient: Patient) -> None:
    """After the patient answered "Are you safe?": carry on with the questionnaire, or stop here."""
    draft = await load(context, patient)
    if draft is None:
        return
    lang = patient.language
    buttons = [
        (pick(lang, texts.BTN_MEASURES_CARRY_ON, texts.BTN_MEASURES_CARRY_ON_ES), f"ms:go:{draft.run_id}"),
        (
            pick(lang, texts.BTN_MEASURES_STOP_HERE, texts.BTN_MEASURES_STOP_HERE_ES),
            f"ms:stop:{draft.run_id}",
        ),
    ]
    after = pick(lang, texts.MEASURES_AFTER_SAFETY, texts.MEASURES_AFTER_SAFETY_ES)
    await chat.send_message(after, reply_markup=keyboard([buttons]))


async def close(context: Context, patient: Patient) -> bool:
    """End the sitting in progress (used by /cancel); finished questionnaires stay. True if there was one."""
    svc = context.svc
    await stop_reading(context, patient)
    return await svc.db(svc.repo.close_measures, patient.patient_id)


async def stop_reading(context: Context, patient: Patient) -> None:
    """Typed text no longer answers the questionnaire (only if nothing else has asked since)."""
    svc = context.svc
    pending = await svc.db(svc.repo.pending_input, patient.patient_id)
    if pending is not None and pending.get("kind") == PENDING:
        await svc.db(svc.repo.set_pending_input, patient.patient_id, None)


async def take(
    update: Update,
    query: CallbackQuery | None,
    context: Context,
    patient: Patient,
    draft: Draft,
    at: tuple[int, int],
    value: int,
) -> None:
    """A tapped answer (``query``), or a typed one (None: the screens are new messages, not edits)."""
    svc, pid, lang = context.svc, patient.patient_id, patient.language
    chat = update.effective_chat
    assert chat is not None

    async def note(text: str | None = None) -> None:
        if query is not None:
            await answer_query(query, text)
        elif text:
            await chat.send_message(text)

    async def show(text: str, markup: InlineKeyboardMarkup | None = None) -> None:
        if query is not None:
            await query.edit_message_text(text, reply_markup=markup)
        else:
            shown = await chat.send_message(text, reply_markup=markup)
            svc.state.flow_asked[chat.id] = shown.message_id  # as show_question does

    instruments = svc.instruments
    already = pick(lang, texts.MEASURES_ALREADY, texts.MEASURES_ALREADY_ES)
    try:
        question = current(draft, instruments)
        step = answer(draft, instruments, at[0], at[1], value, svc.now())
    except StaleAnswer:
        await note(already)
        return
    except (ValueError, KeyError, IndexError):
        await note(pick(lang, texts.STALE_BUTTON, texts.STALE_BUTTON_ES))
        return
    new = step.draft.to_dict() if step.draft else None
    # Compare-and-set in the store: of two taps on the same question, only one is kept.
    if await svc.db(svc.repo.step_measures, pid, draft.run_id, at, new, step.result) != "ok":
        await note(already)
        return
    await note()
    if step.draft is None or step.safety:
        # After a safety answer what the patient types goes to the people paged, not to the next item:
        # the rest is offered with buttons once "Are you safe?" is answered (offer_rest).
        await stop_reading(context, patient)
    instrument, item = question.instrument, question.item
    label = next(o.label for o in instrument.options if o.value == value)
    if step.safety:
        # Straight away, not at the end: the crisis response and the counselor's alert come first (once:
        # typed crisis words were answered by the screen already). The patient's words; the counselor's
        # card keeps the original.
        worded = instrument.in_language(lang)
        said = next(o.label for o in worded.options if o.value == value)
        await show(
            texts.measures_answered(worded.title, item.number, worded.items[item.number - 1].text, said)
        )
        if screened(context) != "crisis":
            alert = texts.measures_alert(instrument.title, item.number, item.text, label)
            await crisis.respond(update, context, patient, alert, "phq9")
        # The safety question stands alone: the rest is offered once it is answered (or from /measures).
        if step.draft is None:
            await _summary(chat, context, patient, draft.run_id)
    elif step.draft is None:
        await show(await _done_text(context, patient, draft.run_id))
    elif query is not None:
        text, markup = question_screen(step.draft, instruments, lang)
        await show(text, markup)
        await svc.db(svc.repo.set_pending_input, pid, {"kind": PENDING, "run": draft.run_id})
    else:
        await show_question(chat, context, patient, step.draft)


async def _summary(
    chat: Chat, context: Context, patient: Patient, run_id: str, only_if_any: bool = False
) -> None:
    svc = context.svc
    if only_if_any and not await svc.db(svc.repo.measure_results, patient.patient_id, run_id):
        return
    await chat.send_message(await _done_text(context, patient, run_id))


async def _done_text(context: Context, patient: Patient, run_id: str) -> str:
    svc = context.svc
    everything = await svc.db(svc.repo.measure_results, patient.patient_id)
    this = await svc.db(svc.repo.measure_results, patient.patient_id, run_id)
    before = [r for r in everything if r not in this]
    lines = result_lines(this, before, svc.instruments, patient.language)
    return (texts.measures_done_es if patient.language == "es" else texts.measures_done)(lines)


def question_screen(draft: Draft, instruments: Instruments, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    question = current(draft, instruments)
    # In the patient's language where the instrument has published words for it (gaps11 #3).
    instrument = question.instrument.in_language(lang)
    item = instrument.items[question.item.number - 1]
    text = texts.measures_question(
        instrument.title, item.number, len(instrument.items), instrument.stem, item.text
    )
    prefix = f"ms:a:{draft.run_id}:{draft.index}:{item.number}:"
    rows = [[(o.label, f"{prefix}{o.value}")] for o in instrument.options]
    rows.append(
        [(pick(lang, texts.BTN_MEASURES_STOP, texts.BTN_MEASURES_STOP_ES), f"ms:stop:{draft.run_id}")]
    )
    return text, keyboard(rows)


async def load(context: Context, patient: Patient) -> Draft | None:
    """The sitting in progress, or None (closing one that is too old or asks what is no longer configured)."""
    svc = context.svc
    stored = await svc.db(svc.repo.measure_draft, patient.patient_id)
    if stored is None:
        return None
    draft = Draft.from_dict(stored)
    try:
        current(draft, svc.instruments)
        usable = not is_expired(draft, svc.now(), MAX_AGE)
    except (KeyError, IndexError):
        usable = False
    if not usable:
        await close(context, patient)
        return None
    return draft
