"""SOS: help right now, from whatever the patient was doing, with nothing asked first.

Registered ahead of flood control and every feature (see bot/telegram/app.py), so it is never throttled,
never read as an answer to an open question, and leaves any open flow as it was.
"""

from __future__ import annotations

import contextlib
import logging
import re
import secrets

from telegram import KeyboardButton, Message, ReplyKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, filters

from bot import texts
from bot.domain.coping import grounding_skill
from bot.domain.crisis_lines import lines_for
from bot.domain.models import Patient, language_of
from bot.domain.plea import plea_language
from bot.handlers.people import written_at
from bot.handlers.safety_plan import SOS_BUDGET, render_plan
from bot.handlers.safety_retry import retry_later
from bot.jobs.alerts import raise_alert
from bot.jobs.reach import who_can_be_told
from bot.store.storage import RecordsUnavailable, StoreWriteError
from bot.telegram.keyboards import Buttons, answer_query, close_buttons, reply, reply_surely, retrying
from bot.telegram.services import Context
from bot.telegram.unavailable import mark_helped
from bot.texts.base import pick
from bot.usecases import patient_text
from bot.usecases.away_cover import away_line
from bot.usecases.sos import sos_opened

log = logging.getLogger(__name__)

# Always under the message box on the patient's phone: one tap to SOS whatever is on screen.
SOS_KEYBOARD = ReplyKeyboardMarkup(
    [[KeyboardButton(texts.SOS_BUTTON)]], resize_keyboard=True, is_persistent=True
)
# What that button sends: exactly its label, as a new message (an edit to it is not a new press).
BUTTON_TEXT = filters.UpdateType.MESSAGE & filters.Text([texts.SOS_BUTTON])


class _Plea(filters.MessageFilter):
    """A plea for help in the person's own words, in one language (bot/domain/plea.py)."""

    def __init__(self, language: str) -> None:
        super().__init__(name=f"plea_{language}")
        self.language = language

    def filter(self, message: Message) -> bool:
        return message.text is not None and plea_language(message.text) == self.language


# The same asked in words, alone in a message: "SOS", "I need help", "please someone help me", "plz help".
WORDS = filters.UpdateType.MESSAGE & _Plea("en")
# In Spanish, with "ayuda" alone: the cry itself (the crisis lines teach "text AYUDA"); "ayudame porfa".
WORDS_ES = filters.UpdateType.MESSAGE & _Plea("es")
# "help" alone is a question about the bot: /help, or the open flow's own help (see help_word).
HELP_WORD = filters.UpdateType.MESSAGE & filters.Regex(re.compile(r"^\W*help\W*$", re.IGNORECASE))


async def sos_command(update: Update, context: Context) -> None:
    """/sos or the 🆘 SOS button: crisis lines first, then the plan and a grounding skill (in the patient's
    language; a stranger's Telegram app language)."""
    await _sos(update, context, None)


async def sos_spanish(update: Update, context: Context) -> None:
    """ "ayuda", "necesito ayuda": the same help, with the lines and the first message in Spanish."""
    await _sos(update, context, "es")


async def _sos(update: Update, context: Context, asked_in: str | None) -> None:
    """``asked_in``: the language of the words that asked ("ayuda"), None for the command or the button."""
    svc, user, chat = context.svc, update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    patient = await svc.db(svc.repo.patient_by_telegram, user.id)
    language = asked_in or (patient.language if patient else language_of(user.language_code))
    lines = lines_for(svc.settings, patient, language).lines
    after_hours = svc.settings.after_hours_phone
    skill = grounding_skill(svc.skills)
    grounding = texts.sos_grounding(skill.name_in(language), skill.steps_in(language), None, language)
    message = update.effective_message
    typed = message.text if message is not None and message.text else ""
    if patient is None and typed.startswith("/") and await svc.db(svc.repo.counselor, user.id) is not None:
        # A counselor's "/ayuda" means help with the bot (newcomer22 N233: it gave the patients' SOS screen).
        await reply(update, texts.HELP_COUNSELOR)
        raise ApplicationHandlerStop
    if patient is None:
        # Not enrolled (or a counselor): the resources and the skill, and nothing about them stored.
        await _lines(update, context, texts.sos_resources(lines, after_hours, False, language))
        await _lines(update, context, grounding)
        raise ApplicationHandlerStop
    log.debug("help screen for patient %s", patient.patient_id)  # "Tell my counselor" logs its alert at INFO
    # An opaque id per SOS screen: a second tap on the same button tells the counselor nothing new.
    token = secrets.token_hex(6)
    alert = await svc.db(patient_text.alert_followed, svc.repo, patient.patient_id, svc.now())
    away = await svc.db(away_line, svc.repo, patient, svc.now())  # their counselor away: who reads it (N151)
    await _lines(
        update,
        context,
        texts.sos_resources(lines, after_hours, True, language, alerted=alert is not None, away=away),
        [[(texts.BTN_TELL_COUNSELOR_ES, f"sos:tell:{token}:es")]]
        if language == "es"
        else [[(texts.BTN_TELL_COUNSELOR, f"sos:tell:{token}")]],
    )
    mark_helped(update, context.chat_data)
    plan = await render_plan(context, patient, SOS_BUDGET)
    await _second(
        update,
        context,
        texts.sos_grounding(skill.name_in(language), skill.steps_in(language), plan, language),
    )
    if alert is not None:
        await _join_alert(update, context, patient, language)
    # After the help is on screen (safety before bookkeeping): a trace for the counselor's next review. A full or
    # read-only disk keeps it to store when the disk takes writes (bot/jobs/alerts_unsaved.py): the help stands
    # alone, never followed by "couldn't save" and the /help list (newcomer11 O5).
    try:
        await svc.db(sos_opened, svc.repo, patient, svc.now())
    except OSError as exc:
        log.error(
            "the SOS of patient %s could not be stored (%s): kept to store later", patient.patient_id, exc
        )
        svc.state.sos_unstored.append((patient, svc.now()))
    # An open check-in waits as it was (its buttons still work); this is not the moment to bring it up.
    # Handled: flood control and the features below must not see it (no "unknown command" reply).
    raise ApplicationHandlerStop


async def _join_alert(update: Update, context: Context, patient: Patient, language: str) -> None:
    """A plea typed while an urgent alert about them is open ("i need help", "is anyone there") is words after
    that alert, as any other (newcomer14 N108: they reached nobody): its people get them at once, and the
    patient is told who has them. The button and /sos carry no words: nothing to pass."""
    from bot.handlers.follow import pass_followed  # follow reaches the jobs layer; keep sos light to load

    svc, message = context.svc, update.message
    text = message.text if message is not None else None
    if text is None or text.startswith("/") or text == texts.SOS_BUTTON:
        return
    try:
        followed = await svc.db(
            patient_text.follow, svc.repo, patient, text, svc.now(), written=written_at(update, context)
        )
    except (RecordsUnavailable, StoreWriteError, OSError) as exc:
        # Loud, and the patient must not think it arrived: "Tell my counselor" on the screen still pages.
        log.error("patient %s: a plea after an alert could not be kept: %s", patient.patient_id, exc)
        await reply(update, texts.words_follow_failed(language))
        return
    if followed is not None:
        await pass_followed(update, context, patient, followed, language)


async def _lines(update: Update, context: Context, text: str, buttons: Buttons | None = None) -> None:
    """The crisis lines, sent as surely as the crisis answer (audit: one 500 answered /sos with "Sorry,
    something went wrong"): tried again for a few seconds, then over half an hour; never raised."""
    if await reply_surely(update, text, buttons) is None:
        retry_later(update, context, text, buttons)


async def _second(update: Update, context: Context, text: str) -> None:
    """The plan and a grounding skill, with the SOS button under the message box, sent as surely as the lines
    (audit leftover: a failure here raised, so the patient read "Sorry, something went wrong" under the lines and
    the SOS was never flagged for review). Still refused: an ERROR, and tried again later (without the button,
    which set-up put there already)."""
    chat, user = update.effective_chat, f"(update {update.update_id})"  # never the Telegram id (ops O65)
    assert chat is not None  # _sos returns without a chat
    try:
        await retrying(lambda: chat.send_message(text, reply_markup=SOS_KEYBOARD), f"a priority reply {user}")
    except TelegramError as exc:
        log.error("a priority reply %s did not go: %s; tried again later", user, exc)
        retry_later(update, context, text)


async def help_word(update: Update, context: Context) -> None:
    """ "help" typed alone: the /help list (it ends with /sos), and the open flow is left as it was.

    A flow that explains itself (``Hooks.explains_help``, e.g. the check-in: how to answer, Skip,
    /cancel, /sos) answers it instead; any other open question never takes "help" as its answer.
    """
    from bot.handlers.common import help_command  # common imports the onboarding flow; keep sos light

    svc, user = context.svc, update.effective_user
    patient = await svc.db(svc.repo.patient_by_telegram, user.id) if user else None
    if patient is not None:
        pending = await svc.db(svc.repo.pending_input, patient.patient_id)
        if pending is not None and str(pending.get("kind")) in svc.hooks.explains_help:
            return
    await help_command(update, context)
    raise ApplicationHandlerStop


async def tell_button(update: Update, context: Context) -> None:
    """ "sos:tell:<id>": alert the counselor at once, once per SOS screen, and say so."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and query.data is not None and user is not None
    svc = context.svc
    patient = await svc.db(svc.repo.patient_by_telegram, user.id)
    token, _, language = query.data.removeprefix("sos:tell:").partition(":")
    if patient is None or not token.isalnum() or len(token) > 32:
        await answer_query(query, pick(language, texts.STALE_BUTTON, texts.STALE_BUTTON_ES))
        return
    try:
        claimed = await svc.db(svc.repo.claim_sos_tell, patient.patient_id, token, svc.now())
        words = await svc.db(patient_text.recent_kept, svc.repo, patient.patient_id, svc.now())
    except (RecordsUnavailable, StoreWriteError, OSError) as exc:
        # A torn file or a full disk: the tap still pages (newcomer5 finding 22), claimed in memory only.
        log.error("patient %s: SOS 'tell my counselor' claimed in memory only: %s", patient.patient_id, exc)
        claims, key = svc.state.crisis_answered, f"{patient.patient_id}:sos_tell:{token}"
        claimed, words = key not in claims, []
        claims.add(key)
    if not claimed:
        await answer_query(query, texts.SOS_ALREADY_TOLD_ES if language == "es" else texts.SOS_ALREADY_TOLD)
        return
    await answer_query(query)
    # What they typed just before and kept unsent ("is anyone there?") goes with the alert: its people read it.
    try:
        await raise_alert(context.application, "sos", patient, "\n".join(words))
    except Exception:
        # Not stored, so not told: let the next tap try again rather than answer "already told".
        svc.state.crisis_answered.discard(f"{patient.patient_id}:sos_tell:{token}")
        with contextlib.suppress(RecordsUnavailable, StoreWriteError, OSError):  # the claim was in memory
            await svc.db(svc.repo.release_sos_tell, patient.patient_id, token)
        raise
    if words:  # after the alert holds them: a crash between leaves two copies, never none
        await svc.db(patient_text.forget_passed, svc.repo, patient.patient_id, words, svc.now())
    mark_helped(update, context.chat_data)
    await close_buttons(update)
    # Said after the delivery was tried, so it names only who can really be reached.
    who, oncall = await who_can_be_told(svc, patient.counselor_id), bool(svc.settings.oncall)
    if language == "es":
        told = texts.SOS_TOLD_ES if who == "counselor" and oncall else texts.crisis_told_in("es", who, oncall)
        await reply(update, told)
    else:
        await reply(
            update, texts.SOS_TOLD if who == "counselor" and oncall else texts.crisis_told(who, oncall)
        )


async def offer_keyboard(update: Update, context: Context, language: str = "en") -> None:
    """Put the SOS button under the message box (after set-up finishes)."""
    chat = update.effective_chat
    if chat is not None:
        hint = texts.SOS_KEYBOARD_HINT_ES if language == "es" else texts.SOS_KEYBOARD_HINT
        await chat.send_message(hint, reply_markup=SOS_KEYBOARD)
