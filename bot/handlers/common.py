"""Commands that work everywhere (/help, /cancel) and the router for free text."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Mapping
from datetime import datetime
from typing import Any

from telegram import Update

from bot import texts
from bot.domain.crisis_lines import lines_for
from bot.domain.models import Patient
from bot.domain.screen.assess import Level, assess
from bot.handlers import onboarding
from bot.handlers.people import app_language, stranger_words
from bot.handlers.screened import screened
from bot.telegram.keyboards import answer_query, reply
from bot.telegram.services import Context
from bot.texts.base import pick
from bot.usecases.patient_text import alert_followed

TextInput = Callable[[Update, Context, Patient, str], Awaitable[None]]
# Whether a text is an answer a form can take (a time, a zone, a date), given the time now.
IsAnswer = Callable[[str, datetime], bool]


async def help_command(update: Update, context: Context) -> None:
    """/help: what this user can do, by role."""
    svc, user = context.svc, update.effective_user
    if user is None:
        return
    if await svc.db(svc.repo.counselor, user.id) is not None:
        await reply(update, texts.HELP_COUNSELOR)
    elif (patient := await svc.db(svc.repo.patient_by_telegram, user.id)) is not None:
        await reply(update, pick(patient.language, texts.HELP_PATIENT, texts.HELP_PATIENT_ES))
    else:
        await reply(update, await stranger_words(update, context))


async def cancel_command(update: Update, context: Context) -> None:
    """/cancel: drop whatever the bot was waiting for."""
    svc, user = context.svc, update.effective_user
    patient = await svc.db(svc.repo.patient_by_telegram, user.id) if user else None
    if patient is None:
        data = context.user_data if context.user_data is not None else {}
        relaying = await svc.db(svc.repo.take_relay, user.id) if user else None
        relaying = relaying or data.pop("broadcast", None)
        if relaying:
            await reply(update, texts.CANCELLED)  # English only: a counselor's relay or broadcast
        else:
            await reply(
                update, pick(app_language(update), texts.NOTHING_TO_CANCEL, texts.NOTHING_TO_CANCEL_ES)
            )
        return
    pending = await svc.db(svc.repo.pending_input, patient.patient_id)
    if pending is not None:  # first: a hook may keep words unsent (those typed during a check-in)
        await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
    cancelled = pending is not None
    for hook in svc.hooks.cancel.values():
        cancelled = await hook(context, patient) or cancelled
    lang = patient.language
    await reply(
        update,
        pick(lang, texts.CANCELLED, texts.CANCELLED_ES)
        if cancelled
        else pick(lang, texts.NOTHING_TO_CANCEL, texts.NOTHING_TO_CANCEL_ES),
    )


def text_router(
    inputs: Mapping[str, TextInput], otherwise: TextInput, answers: Mapping[str, IsAnswer] | None = None
) -> Callable[[Update, Context], Coroutine[Any, Any, None]]:
    """A handler that sends free text to whatever the patient was asked last, or else to ``otherwise``
    (a patient's words are never met with a pointer and dropped). ``answers``: forms that take only a
    parsed answer; while a crisis alert about the patient is followed, other words go to ``otherwise`` (the
    alert's people) and the form waits (newcomer finding 10-15: "can someone call me" after a crisis at
    the check-in-time question got "I didn't catch that time", and reached nobody)."""
    parsed = answers or {}

    async def route_text(update: Update, context: Context) -> None:
        """Free text: to the pending question, the code check, or ``otherwise``."""
        svc, user, message = context.svc, update.effective_user, update.effective_message
        if user is None or message is None or message.text is None:
            return
        text = message.text
        if await svc.db(svc.repo.counselor, user.id) is not None:
            # A counselor's text goes to whatever they started (e.g. a message to a patient).
            if not await svc.hooks.counselor_text(update, context, text):
                # Said plainly, with their words to copy: after 10 minutes (or a message already sent) a
                # message they typed for a patient has no "Message patient" open, and the help alone hid that.
                await reply(update, texts.counselor_text_not_sent(text))
                await _own_words(update, context, text)
            return
        patient = await svc.db(svc.repo.patient_by_telegram, user.id)
        if patient is None:
            await onboarding.stranger_text(update, context, text)
            return
        pending = await svc.db(svc.repo.pending_input, patient.patient_id)
        kind = str(pending.get("kind")) if pending else ""
        handler = inputs.get(kind)
        is_answer = parsed.get(kind)
        if (
            is_answer is not None
            and screened(context) is None
            and not is_answer(text, svc.now())
            and await svc.db(alert_followed, svc.repo, patient.patient_id, svc.now()) is not None
        ):
            handler = None
        await (handler or otherwise)(update, context, patient, text)

    return route_text


async def _own_words(update: Update, context: Context, text: str) -> None:
    """A counselor's text that went to nobody and reads as a crisis or a worry: the lines, in case the words
    are their own (newcomer9 N31: "i want to kill myself" from a staff account got only the tools list). Texts
    that go to a patient are not screened here: a counselor quoting a patient is not in crisis."""
    assessment = assess(text, year=context.svc.now().year)
    if assessment.level in (Level.CRISIS, Level.CHECK):
        lines = lines_for(context.svc.settings, None, assessment.language).lines
        await reply(update, texts.counselor_own_words(lines, assessment.language))


async def unknown_button(update: Update, context: Context) -> None:
    """A button no feature claims (an old message, or forged data): say so, change nothing."""
    query = update.callback_query
    if query is not None:
        await answer_query(query, pick(app_language(update), texts.STALE_BUTTON, texts.STALE_BUTTON_ES))


CounselorInput = Callable[[Update, Context, str], Awaitable[bool]]


def first_of(*inputs: CounselorInput) -> CounselorInput:
    """A counselor text input that offers the text to each in turn until one takes it."""

    async def route(update: Update, context: Context, text: str) -> bool:
        for take in inputs:
            if await take(update, context, text):
                return True
        return False

    return route
