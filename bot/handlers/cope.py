"""/cope, /practice and skill walk-throughs: one step per screen, then "did this help?" stored once."""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Awaitable, Callable

from telegram import CallbackQuery, Chat, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest

from bot import texts
from bot.domain import practice
from bot.domain.coping import Feedback, Skill, suggest
from bot.domain.models import Patient
from bot.domain.practice import Origin, Press, Run, data
from bot.handlers import cope_feeling, practice_typed
from bot.handlers.cope_typed import step_screen
from bot.handlers.people import patient_or_stranger
from bot.telegram.keyboards import answer_query, in_rows, keyboard, reply
from bot.telegram.services import Context
from bot.texts.base import pick

Action = Callable[[CallbackQuery, Chat, Context, Patient, Press], Awaitable[None]]


async def cope_command(update: Update, context: Context) -> None:
    """/cope: ask what the patient feels, one button per kind of moment."""
    patient = await patient_or_stranger(update, context)
    if patient is None:
        return
    es = patient.language == "es"
    labels = texts.COPE_TAG_LABELS_ES if es else texts.COPE_TAG_LABELS
    tags = [(label, data("t", tag)) for tag, label in labels.items()]
    await reply(update, texts.COPE_ASK_ES if es else texts.COPE_ASK, in_rows(tags, 2))
    await cope_feeling.expect(context, patient)  # a typed feeling is read too (newcomer14 N103)


async def practice_command(update: Update, context: Context) -> None:
    """/practice: pick the time of the daily skill practice, or turn it off."""
    svc, patient = context.svc, await patient_or_stranger(update, context)
    if patient is None:
        return
    lang = patient.language
    if patient.tz is None:
        await reply(update, pick(lang, texts.PRACTICE_NEEDS_SETUP, texts.PRACTICE_NEEDS_SETUP_ES))
        return
    current = await svc.db(svc.repo.practice_time, patient.patient_id)
    times = [(texts.clock_in(t, lang), data("pt", practice.hhmm(t))) for t in svc.settings.checkin_times]
    off = pick(lang, texts.BTN_PRACTICE_OFF, texts.BTN_PRACTICE_OFF_ES)
    menu = (texts.practice_menu_es if lang == "es" else texts.practice_menu)(current)
    await reply(update, menu, [*in_rows(times, 3), [(off, data("pt", "off"))]])
    await practice_typed.expect(context, patient)  # a typed time is read too


async def button(update: Update, context: Context) -> None:
    """A "cope:" button: a feeling, a skill to start, a step, an answer, or a practice time."""
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and query.data is not None and chat is not None
    press = practice.parse(query.data)
    patient = await patient_or_stranger(update, context)
    if patient is None or press is None:
        stale = None if patient is None else pick(patient.language, texts.STALE_BUTTON, texts.STALE_BUTTON_ES)
        await answer_query(query, stale)
        return
    await _ACTIONS[press.verb](query, chat, context, patient, press)


async def close(context: Context, patient: Patient) -> bool:
    """End the walk-through in progress (used by /cancel); True if there was one."""
    return await context.svc.db(context.svc.repo.close_practice, patient.patient_id)


async def _feeling(
    query: CallbackQuery, chat: Chat, context: Context, patient: Patient, press: Press
) -> None:
    svc = context.svc
    await cope_feeling.done(context, patient)
    feedback = await svc.db(svc.repo.coping_feedback, patient.patient_id)
    run_id = secrets.token_hex(4)
    skill = suggest(svc.skills, [press.arg], feedback, seed=run_id)
    run = practice.start(run_id, skill, "cope", (press.arg,), _source(query))
    if patient.language == "es":
        answered = texts.cope_feeling_es(texts.COPE_TAG_LABELS_ES[press.arg])
    else:
        answered = texts.cope_feeling(texts.COPE_TAG_LABELS[press.arg])
    await _begin(query, chat, context, patient, run, answered)


async def _named(query: CallbackQuery, chat: Chat, context: Context, patient: Patient, press: Press) -> None:
    skill = context.svc.skills.get(press.arg)
    if skill is None:
        unknown = pick(patient.language, texts.COPE_UNKNOWN_SKILL, texts.COPE_UNKNOWN_SKILL_ES)
        await answer_query(query, unknown, show_alert=True)
        return
    origin: Origin = "practice" if press.verb == "practice" else "cope"
    await _begin(
        query,
        chat,
        context,
        patient,
        practice.start(secrets.token_hex(4), skill, origin, source=_source(query)),
    )


async def _begin(
    query: CallbackQuery, chat: Chat, context: Context, patient: Patient, run: Run, answered: str = ""
) -> None:
    svc = context.svc
    if not await svc.db(svc.repo.start_practice, patient.patient_id, run.to_dict()):
        await answer_query(query, pick(patient.language, texts.COPE_STARTED, texts.COPE_STARTED_ES))
        return
    await answer_query(query)
    # The walk-through gets a message of its own; the one whose button started it reads as answered.
    if answered:
        await query.edit_message_text(answered)
    else:
        await _close_buttons(query)
    text, markup = _screen(run, svc.skills[run.skill_key], patient.language)
    await chat.send_message(text, reply_markup=markup)


async def _not_now(
    query: CallbackQuery, chat: Chat, context: Context, patient: Patient, press: Press
) -> None:
    await answer_query(query)
    await _close_buttons(query)
    await chat.send_message(pick(patient.language, texts.COPE_NOT_NOW, texts.COPE_NOT_NOW_ES))


async def _step(query: CallbackQuery, chat: Chat, context: Context, patient: Patient, press: Press) -> None:
    svc = context.svc
    stored = await svc.db(svc.repo.practice_run, patient.patient_id)
    run = Run.from_dict(stored) if stored else None
    skill = svc.skills.get(run.skill_key) if run is not None and run.run_id == press.run_id else None
    new: Run | None = None
    feedback: Feedback | None = None
    if run is not None and skill is not None:
        if press.verb == "next":
            new = practice.advance(run, skill)
        elif press.verb == "other":
            liked = await svc.db(svc.repo.coping_feedback, patient.patient_id)
            new = practice.switch(
                run, suggest(svc.skills, run.tags, liked, exclude=run.offered, seed=run.run_id)
            )
        elif press.verb == "helped":
            feedback = Feedback(skill.key, practice.HELPED_CODES[press.arg], svc.now())
    outcome = await svc.db(
        svc.repo.step_practice,
        patient.patient_id,
        press.run_id,
        press.step,
        new.to_dict() if new else None,
        feedback,
    )
    lang = patient.language
    if outcome != "ok":
        done_twice = outcome == "moved" or (outcome == "done" and press.verb == "helped")
        said = (
            pick(lang, texts.COPE_ALREADY, texts.COPE_ALREADY_ES)
            if done_twice
            else pick(lang, texts.COPE_STALE, texts.COPE_STALE_ES)
        )
        await answer_query(query, said, show_alert=not done_twice)
        return
    await answer_query(query)
    if run is None or skill is None:
        await query.edit_message_text(pick(lang, texts.COPE_UNKNOWN_SKILL, texts.COPE_UNKNOWN_SKILL_ES))
    elif new is not None:
        text, markup = _screen(new, svc.skills[new.skill_key], lang)
        await query.edit_message_text(text, reply_markup=markup)
    elif feedback is not None:
        thanks = texts.cope_thanks_es if lang == "es" else texts.cope_thanks
        await query.edit_message_text(thanks(skill.name_in(lang), feedback.helped))
    else:
        await query.edit_message_text(pick(lang, texts.COPE_STOPPED, texts.COPE_STOPPED_ES))


async def _time(query: CallbackQuery, chat: Chat, context: Context, patient: Patient, press: Press) -> None:
    svc, lang = context.svc, patient.language
    if patient.tz is None:
        needs = pick(lang, texts.PRACTICE_NEEDS_SETUP, texts.PRACTICE_NEEDS_SETUP_ES)
        await answer_query(query, needs, show_alert=True)
        return
    at = practice.parse_hhmm(press.arg)
    await practice_typed.done(context, patient)
    await svc.db(svc.repo.set_practice_time, patient.patient_id, at)
    svc.hooks.on_patient_schedule(context.application, patient.with_changes(practice_time=at))
    await answer_query(query)
    if at is None:
        await query.edit_message_text(pick(lang, texts.PRACTICE_TURNED_OFF, texts.PRACTICE_TURNED_OFF_ES))
    else:
        await query.edit_message_text((texts.practice_set_es if lang == "es" else texts.practice_set)(at))


def _screen(run: Run, skill: Skill, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    text, rows = step_screen(run, skill, lang)
    return text, keyboard(rows)


def _source(query: CallbackQuery) -> int | None:
    return query.message.message_id if isinstance(query.message, Message) else None


async def _close_buttons(query: CallbackQuery) -> None:
    if isinstance(query.message, Message) and query.message.reply_markup is not None:
        # Already closed by a double tap: harmless.
        with contextlib.suppress(BadRequest):
            await query.edit_message_reply_markup(None)


_ACTIONS: dict[str, Action] = {
    "tag": _feeling,
    "go": _named,
    "practice": _named,
    "no": _not_now,
    "next": _step,
    "other": _step,
    "stop": _step,
    "helped": _step,
    "time": _time,
}
