"""A patient's text outside any flow: never answered with a pointer and thrown away.

Just after their counselor wrote (or broadcast), it is the answer and goes to that counselor as a
reply, as "Reply" would send it. Otherwise it is kept (``bot/usecases/patient_text.py``) and the
patient chooses: "Send to my counselor" or "Don't send"; unchosen, it is deleted after a day. The
crisis screen has read it first, like every patient text.
"""

from __future__ import annotations

import logging

from telegram import Update

from bot import texts
from bot.domain.drawer_answer import drawer_choice
from bot.domain.emoji import emoji_reading
from bot.domain.follow import ALERTED_LEVELS
from bot.domain.kept_look import needs_a_look
from bot.domain.language import reply_language, said_in
from bot.domain.models import Patient
from bot.domain.screen.assess import assess
from bot.domain.typed_answer import leads_with_answer
from bot.handlers import rsvp
from bot.handlers.command_words import typed_command
from bot.handlers.cope_typed import typed_step
from bot.handlers.crisis_answers import question_waiting
from bot.handlers.follow import pass_followed
from bot.handlers.message_away import standing_for
from bot.handlers.messages import pass_on
from bot.handlers.people import patient_or_refusal, written_at
from bot.handlers.prompt_typed import typed_under_prompt
from bot.handlers.screened import reminder_since_question, screened
from bot.telegram.clock import flagged
from bot.telegram.keyboards import answer_query, close_buttons, reply
from bot.telegram.services import App, Context
from bot.texts.base import pick
from bot.texts.kept_look import kept_look_note
from bot.usecases import kept_look, kept_stale, patient_text
from bot.usecases.patient_text import KEEP_FOR, Followed, Passed

log = logging.getLogger(__name__)
PENDING = patient_text.UNSENT
PREFIX = "un:"


async def free_text(update: Update, context: Context, patient: Patient, text: str) -> None:
    """Text no question is waiting for: a reply to the counselor, words for the people an open crisis
    alert reached, or kept with the choice offered."""
    svc = context.svc
    room = texts.patient_message_room(patient.alias)
    asked = await question_waiting(context, patient)
    choice = drawer_choice(text) if asked is None and screened(context) is None else None
    if choice is not None:  # "sí, mándaselo porfa" under the offer: the choice, not more words to keep
        kept = await svc.db(patient_text.kept_count, svc.repo, patient.patient_id, svc.now())
        if kept and await _choose(update, context, patient, choice, kept):
            return
    if (
        asked is None
        and screened(context) is None
        and await typed_under_prompt(update, context, patient, text)
    ):
        return  # "empezar" or "3" under today's check-in prompt: the check-in, started (newcomer9 N39)
    if asked is None and screened(context) is None and await typed_command(update, context, patient, text):
        return  # "check in", "history", "?" typed without a slash: the command or the list (newcomer24 N264)
    # "Next" typed under a coping skill's step (whose last button reads "Done"), even while "Are you safe?"
    # waits: the step came after it, and a step word answers nothing else (newcomer9 N13).
    if screened(context) is None and await typed_step(update, context, patient, text):
        return
    # "running late" under a session reminder is its answer (newcomer7 N16); while a crisis alert about them
    # is followed, its people still get the words too.
    read = screened(context) is None and (
        asked is None or await reminder_since_question(context, patient.patient_id)
    )
    recorded = read and await rsvp.typed_answer(update, context, patient, text)
    followed = (
        await svc.db(patient_text.alert_followed, svc.repo, patient.patient_id, svc.now())
        if recorded
        else None
    )
    # The counselor has them with the answer: "wrote again" only when the alert reached others (on call), or
    # they read the same words twice (newcomer14 N112).
    if recorded and (followed is None or {d.to for d in followed.deliveries} <= {patient.counselor_id}):
        return
    outcome = await svc.db(
        patient_text.free_text,
        svc.repo,
        patient,
        text,
        svc.now(),
        room,
        alerted=screened(context) in ALERTED_LEVELS,  # its alert carries these words: never kept twice
        question_open=asked is not None,
        written=written_at(update, context),
    )
    if isinstance(outcome, Passed):
        await pass_on(update, context, patient, outcome, first=False)
        return
    if isinstance(outcome, Followed):
        language = said_in(text, asked[1] if asked is not None else patient.language)
        # "yes im safe, im with my sister": passed on, and the question is not answered yet (newcomer16 N130).
        then = texts.tap_to_answer(language) if asked is not None and leads_with_answer(text) else ""
        await pass_followed(update, context, patient, outcome, language, then)
        return
    if outcome is None:
        return  # the screen's answer and its alert: the one reply
    _forget_later(context, patient.patient_id)
    if screened(context) is not None:
        return  # kept with the rest; the screen's answer is the one reply
    # In the words' language (newcomer finding 10-21: a Spanish message from an English phone was offered in
    # English, so its writer could not see that nothing was sent), as the crisis answers are.
    reading = assess(text, year=svc.now().year)
    offer_in = reply_language(text, reading.language, patient.language)
    hurting = emoji_reading(text) == "distress"  # "😭😭😭": a kind word first
    # Words the screen read as nothing but that may need a look: flagged without the words (N261).
    look = needs_a_look(reading, text)
    if look:
        await svc.db(kept_look.flag_kept, svc.repo, patient, svc.now())
    await offer_kept(update, context, patient, outcome.count, offer_in, hurting=hurting, look=look)


async def offer_kept(
    update: Update,
    context: Context,
    patient: Patient,
    n: int,
    language: str | None = None,
    *,
    hurting: bool = False,
    look: bool = False,
) -> None:
    """ "Send to my counselor" / "Don't send" for the ``n`` texts kept now (in ``language``, else the
    patient's); ``hurting``: after a kind word (emoji alone that show distress); ``look``: the counselor is
    told something kept may need a look, and so is the patient."""
    svc = context.svc
    lang = language or patient.language
    # Who would get them: the cover (or whoever stands in) while their counselor is away (newcomer20 N192).
    standing = await standing_for(svc, patient)
    to = await svc.db(patient_text.message_to, svc.repo, patient, svc.now(), None, standing)
    counselor = await svc.db(svc.repo.counselor, to) or await svc.db(svc.repo.counselor, patient.counselor_id)
    name = (
        counselor.name if counselor is not None else pick(lang, "your counselor", "tu consejero o consejera")
    )
    away = to != patient.counselor_id and counselor is not None and counselor.telegram_id == to
    whose = await svc.db(svc.repo.counselor_name, patient.counselor_id) if away else None
    covering = whose or ""
    send = pick(lang, texts.BTN_SEND_UNSENT, texts.BTN_SEND_UNSENT_ES)
    drop = pick(lang, texts.BTN_DROP_UNSENT, texts.BTN_DROP_UNSENT_ES)
    buttons = [[(send, f"{PREFIX}send:{n}"), (drop, f"{PREFIX}drop:{n}")]]
    offer = texts.unsent_offer_es if lang == "es" else texts.unsent_offer
    hours = int(KEEP_FOR.total_seconds() // 3600)
    note = "\n\n" + kept_look_note(name, lang) if look else ""
    await reply(update, offer(name, n, hours, hurting=hurting, covering=covering) + note, buttons)


async def button(update: Update, context: Context) -> None:
    """ "un:send|drop:<count>": the patient's choice; an older offer's buttons are out of date."""
    query = update.callback_query
    assert query is not None and query.data is not None
    patient = await patient_or_refusal(update, context)
    if patient is None:
        return
    svc = context.svc
    action, _, count = query.data.removeprefix(PREFIX).partition(":")
    n = int(count) if count.isdigit() else 0
    await close_buttons(update)
    if action in ("send", "drop") and await _choose(update, context, patient, action, n, query=True):
        return
    still = await svc.db(patient_text.kept_count, svc.repo, patient.patient_id, svc.now())
    if still:  # an older offer: its words are kept with newer ones, so the choice is asked again
        await answer_query(query, pick(patient.language, texts.UNSENT_STILL_KEPT, texts.UNSENT_STILL_KEPT_ES))
        await offer_kept(update, context, patient, still)
        return
    await answer_query(
        query, pick(patient.language, texts.UNSENT_GONE, texts.UNSENT_GONE_ES), show_alert=True
    )


async def _choose(
    update: Update, context: Context, patient: Patient, action: str, n: int, *, query: bool = False
) -> bool:
    """Send or drop the ``n`` kept texts, tapped or typed; False when that offer is no longer open."""
    svc = context.svc
    if action == "send":
        room = texts.patient_message_room(patient.alias)
        standing = await standing_for(svc, patient)  # away with no cover: on call, else an admin (N212)
        passed = await svc.db(patient_text.send_kept, svc.repo, patient, n, svc.now(), room, standing)
        if passed is None:
            return False
        await svc.db(kept_look.kept_sent, svc.repo, patient.patient_id, svc.now())
        if query and update.callback_query is not None:
            await answer_query(update.callback_query)
        await pass_on(update, context, patient, passed, first=True)
        return True
    if not await svc.db(patient_text.drop_kept, svc.repo, patient, n, svc.now()):
        return False
    if query and update.callback_query is not None:
        await answer_query(update.callback_query)
    await reply(update, (texts.unsent_dropped_es if patient.language == "es" else texts.unsent_dropped)(n))
    return True


def _forget_later(context: Context, patient_id: str) -> None:
    """Delete the kept words once their day is over, if the patient has not chosen (a restart leaves this
    to the next time the patient writes, when old words are never offered again)."""
    app: App = context.application
    jobs = app.job_queue
    if jobs is None:
        log.error("no job queue: text kept for patient %s is deleted only when they next write", patient_id)
        return
    name = f"unsent:{patient_id}"
    for job in jobs.get_jobs_by_name(name):
        job.schedule_removal()
    jobs.run_once(_forget, KEEP_FOR, data=patient_id, name=name)


async def _forget(context: Context) -> None:
    svc, job = context.svc, context.job
    # A clock jumped days ahead fired this early: the sweep deletes them on a checked clock (ops O95).
    if flagged(svc.api) is not None:
        log.warning("kept unsent words not deleted yet: this server's clock is off Telegram's")
        return
    if job is not None:
        await svc.db(kept_stale.forget_stale, svc.repo, str(job.data), svc.now())
