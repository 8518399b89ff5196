"""The daily check-in: one question per message, buttons or typed answers, resumable after restarts."""

from __future__ import annotations

import secrets

from telegram import Chat, Update

from bot import texts
from bot.domain.checkins import (
    DRAFT_MAX_AGE,
    Answer,
    Draft,
    StaleAnswer,
    answer,
    answer_typed,
    current_item,
    is_expired,
    other_question,
    parse_answer,
    start_draft,
    summarize,
    told_use_answer,
    typed_skip,
)
from bot.domain.contact_request import asks_for_contact
from bot.domain.coping import suggest
from bot.domain.crisis_lines import lines_for
from bot.domain.models import Patient
from bot.domain.screen.assess import Level, assess
from bot.handlers import onboarding
from bot.handlers.asides import keep_aside, passed_on
from bot.handlers.checkin_buttons import as_int, buttons, label
from bot.handlers.checkin_expired import close_expired, offer_kept
from bot.handlers.messages import pass_note_on
from bot.handlers.people import stranger_words
from bot.handlers.safety_buttons import CHECK, safety_buttons
from bot.handlers.screened import keep_safety_question, safety_asked
from bot.handlers.screened import screened as screened_level
from bot.jobs.alerts import deliver_due
from bot.telegram.keyboards import answer_query, edit_answered, keyboard, once_more
from bot.telegram.services import Context
from bot.texts.base import pick
from bot.usecases.complete_checkin import close_checkin, finish_checkin

PENDING = "checkin"
# A check-in left this long is closed rather than resumed: its answers no longer describe "now".
MAX_AGE = DRAFT_MAX_AGE


async def checkin_command(update: Update, context: Context) -> None:
    """/checkin: start the check-in, or resume the one in progress."""
    patient = await _patient(update, context)
    if patient is not None and update.effective_chat is not None:
        await begin(update.effective_chat, context, patient, update)


async def begin(chat: Chat, context: Context, patient: Patient, update: Update) -> None:
    """Resume a fresh draft or start a new one, then ask its current question."""
    svc = context.svc
    stored = await svc.db(svc.repo.draft, patient.patient_id)
    draft = Draft.from_dict(stored) if stored else None
    lang = patient.language
    if draft is not None and not is_expired(draft, svc.now(), MAX_AGE):
        await chat.send_message(pick(lang, texts.CHECKIN_RESUMING, texts.CHECKIN_RESUMING_ES))
    else:
        if draft is not None and draft.asides:  # the old one's words go to the drawer, offered below
            await svc.db(close_checkin, svc.repo, patient.patient_id, svc.now())
            await offer_kept(update, context, patient)
        draft = start_draft(svc.checkin, draft_id=secrets.token_hex(4), now=svc.now())
        await svc.db(svc.repo.save_draft, patient.patient_id, draft.to_dict())
    await svc.db(svc.repo.set_pending_input, patient.patient_id, {"kind": PENDING})
    await _ask(chat, context, draft, lang)


async def button(update: Update, context: Context) -> None:
    """A check-in button: "ci:start" or "ci:<draft>:<item>:<value|s>"."""
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and query.data is not None and chat is not None
    patient = await _patient(update, context)
    if patient is None:
        await answer_query(query)
        return
    if query.data == "ci:start":
        await answer_query(query)
        await begin(chat, context, patient, update)
        return
    parts = query.data.split(":")
    svc, lang = context.svc, patient.language
    stored = await svc.db(svc.repo.draft, patient.patient_id)
    if len(parts) != 4 or stored is None or stored.get("draft_id") != parts[1]:
        await answer_query(query, pick(lang, texts.CHECKIN_STALE, texts.CHECKIN_STALE_ES), show_alert=True)
        return
    draft = Draft.from_dict(stored)
    if is_expired(draft, svc.now(), MAX_AGE):
        await answer_query(query)
        await close_expired(update, context, patient)
        return
    item = svc.checkin.item(parts[2])
    value: Answer = None if parts[3] == "s" else as_int(parts[3])
    if item is None or (value is None and parts[3] != "s"):
        await answer_query(query, pick(lang, texts.STALE_BUTTON, texts.STALE_BUTTON_ES))
        return
    try:
        draft = answer(svc.checkin, draft, item.key, value)
    except (StaleAnswer, ValueError):
        await answer_query(query, pick(lang, texts.CHECKIN_ALREADY, texts.CHECKIN_ALREADY_ES))
        return
    await answer_query(query)
    # Edited first so the chat reads in order: the answered question, then the next one.
    await edit_answered(query, texts.checkin_answered(item.prompt_in(lang), label(item, value, lang)))
    await _advance(chat, context, patient, draft)


async def typed(update: Update, context: Context, patient: Patient, text: str) -> None:
    """Typed text while a check-in is open: an answer, or a kind re-ask."""
    svc, chat, lang = context.svc, update.effective_chat, patient.language
    assert chat is not None
    stored = await svc.db(svc.repo.draft, patient.patient_id)
    draft = Draft.from_dict(stored) if stored else None
    item = current_item(svc.checkin, draft) if draft else None
    if draft is None or item is None or is_expired(draft, svc.now(), MAX_AGE):
        # The words that met a closed check-in are handled as any other text, never eaten (newcomer8 N7).
        await close_expired(update, context, patient, text, told=draft is not None)
        return
    if typed_skip(item, text):
        await _advance(chat, context, patient, answer(svc.checkin, draft, item.key, None))
        return
    value = parse_answer(item, text)
    if value is None:  # a use told in words at the use question is its Yes, the words kept (N185)
        value = told_use_answer(item, assess(text).level == Level.RELAPSE)
    if value is None:
        if (level := screened_level(context)) is not None:
            # The screen has answered; not an answer to this question, so the draft waits as it was.
            # After a crisis answer nothing about the check-in follows: its buttons above still work.
            if level != "crisis":
                await chat.send_message(pick(lang, texts.CHECKIN_STILL_OPEN, texts.CHECKIN_STILL_OPEN_ES))
            return
        low, high = (item.minimum, item.maximum) if item.kind == "scale" else (None, None)
        reask = texts.checkin_reask_es if lang == "es" else texts.checkin_reask
        if (other := other_question(svc.checkin, item, text)) is not None:
            # "sí me las tomé" at the craving question: said plainly, and no craving or note made of it.
            said_other = texts.checkin_other_question_es if lang == "es" else texts.checkin_other_question
            await chat.send_message(
                said_other(other.prompt_in(lang), other.key not in draft.answers)
                + "\n\n"
                + reask(item.prompt_in(lang), low, high),
                reply_markup=buttons(draft, item, lang),
            )
            return
        wants_help = text.strip().casefold().strip("?!.¿¡ ") in texts.HELP_WORDS
        if not wants_help and await passed_on(update, context, patient, item, text):
            return
        if not wants_help and asks_for_contact(text):  # "¿alguien me puede llamar hoy?": now, not at the end
            await pass_note_on(update, context, patient, text)
            await chat.send_message(
                reask(item.prompt_in(lang), low, high), reply_markup=buttons(draft, item, lang)
            )
            return
        # One word ("lots", "quizás") is a try at an answer; more is something said: never dropped.
        said = not wants_help and len(text.split()) > 1
        kept = await keep_aside(update, context, patient, draft, text) if said else ""
        await chat.send_message(
            kept + reask(item.prompt_in(lang), low, high, wants_help=wants_help),
            reply_markup=buttons(draft, item, lang),
        )
        return
    await _advance(chat, context, patient, answer_typed(svc.checkin, draft, item, text, value))
    # A note asking for a call reaches the counselor now (finding 10-18); a crisis alert carries its words.
    asks = item.kind == "text" and isinstance(value, str) and asks_for_contact(value)
    if asks and isinstance(value, str) and screened_level(context) != "crisis":
        await pass_note_on(update, context, patient, value)


async def close(context: Context, patient: Patient) -> bool:
    """Drop the open check-in, if any (used by /cancel); True if there was one."""
    svc = context.svc
    return await svc.db(close_checkin, svc.repo, patient.patient_id, svc.now())


async def _advance(chat: Chat, context: Context, patient: Patient, draft: Draft) -> None:
    svc, lang = context.svc, patient.language
    if current_item(svc.checkin, draft) is not None:
        await svc.db(svc.repo.save_draft, patient.patient_id, draft.to_dict())
        await _ask(chat, context, draft, lang)
        return
    screened = screened_level(context)
    done = await svc.db(
        finish_checkin,
        svc.repo,
        patient,
        draft,
        now=svc.now(),
        tz=patient.tz or svc.settings.tz,
        config=svc.checkin,
        rules=svc.flag_rules,
        page=screened != "crisis",  # crisis words in the note have paged already: one alert, not two
    )
    if done.page is not None:
        await deliver_due(context.application)
    # Paged urgently: said plainly, after a screen reply that spoke of "their next review" (finding 10).
    paged = "\n\n" + texts.checkin_paged(lang) if done.page is not None else ""
    if screened is not None:
        # The screen has answered this message; a summary and a skill offer would bury that answer.
        await chat.send_message(
            pick(lang, texts.CHECKIN_SAVED_QUIETLY, texts.CHECKIN_SAVED_QUIETLY_ES) + paged
        )
        if done.page is not None and screened != CHECK:  # "check": the screen has just asked the question
            await _ask_if_safe(chat, context, patient)
        return
    entry = done.now  # what was answered now; the day's harder answers stay on the counselor's page
    mood, craving = entry.answers.get("mood"), entry.answers.get("craving")
    summary = summarize(svc.checkin, entry)
    hard_day = bool(summary.suggest_tags)  # no cheering about streaks on a day like this
    done_text = texts.checkin_done_es if lang == "es" else texts.checkin_done
    await chat.send_message(
        done_text(
            mood if isinstance(mood, int) else None,
            craving if isinstance(craving, int) else None,
            done.streak,
            hard_day,
        )
        + (" " + pick(lang, texts.CHECKIN_DAY_KEPT, texts.CHECKIN_DAY_KEPT_ES) if done.kept_earlier else "")
        + paged
    )
    if done.page is not None:
        await _ask_if_safe(chat, context, patient)
    if summary.suggest_tags:
        feedback = await svc.db(svc.repo.coping_feedback, patient.patient_id)
        skill = suggest(svc.skills, summary.suggest_tags, feedback, seed=entry.entry_id)
        support_text = texts.checkin_support_es if lang == "es" else texts.checkin_support
        support = support_text(summary.low_mood, summary.high_craving, summary.used, skill.name_in(lang))
        if summary.used:
            support = texts.with_harm_reduction(support, svc.flag_rules.harm_reduction_in(lang))
        try_it = pick(lang, texts.BTN_TRY_SKILL, texts.BTN_TRY_SKILL_ES)
        not_now = pick(lang, texts.BTN_NOT_NOW_SKILL, texts.BTN_NOT_NOW_SKILL_ES)
        await chat.send_message(
            support, reply_markup=keyboard([[(try_it, f"cope:go:{skill.key}"), (not_now, "cope:no")]])
        )


async def _ask_if_safe(chat: Chat, context: Context, patient: Patient) -> None:
    """Answers that paged the counselor get what crisis words get (finding 37): the lines and "Are you safe
    right now?", whose "I'm not safe" (tapped or typed) escalates at once (bot/handlers/crisis_answers.py)."""
    svc, lang = context.svc, patient.language
    lines = lines_for(svc.settings, patient, lang).lines
    asked = await chat.send_message(
        texts.checkin_safety_question(lang, lines, svc.settings.after_hours_phone),
        reply_markup=keyboard(safety_buttons(lang, misread=False)),
    )
    safety_asked(context, patient.patient_id, asked.message_id, lang, "")
    await keep_safety_question(context, patient.patient_id)


async def _ask(chat: Chat, context: Context, draft: Draft, lang: str) -> None:
    items = context.svc.checkin.items
    item = current_item(context.svc.checkin, draft)
    if item is None:
        return
    step = next(i for i, it in enumerate(items, 1) if it.key == item.key)
    text = texts.checkin_question(item.prompt_in(lang), step, len(items), *item.scale_labels_in(lang))
    if item.kind == "text":
        text += "\n" + pick(lang, texts.NOTE_HINT, texts.NOTE_HINT_ES)
    markup = buttons(draft, item, lang)
    asked = await once_more(lambda: chat.send_message(text, reply_markup=markup))
    context.svc.state.flow_asked[chat.id] = asked.message_id  # a bare typed "yes" is this question's


async def _patient(update: Update, context: Context) -> Patient | None:
    user, chat = update.effective_user, update.effective_chat
    patient = await context.svc.db(context.svc.repo.patient_by_telegram, user.id) if user else None
    if chat is not None and (patient is None or not patient.is_set_up):
        await chat.send_message(
            await stranger_words(update, context)
            if patient is None
            else pick(patient.language, texts.SETUP_FIRST, texts.SETUP_FIRST_ES)
        )
        if patient is not None:
            await onboarding.resume_setup(update, context, patient)  # the question again, not a dead end
        return None
    return patient
