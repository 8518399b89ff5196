"""The patient's side of the thread with their counselor, and patient messages reaching the counselor.

A counselor's message arrives with "Reply"; /message or "Reply" makes the patient's next text a
message (pending input PENDING), so the crisis screen reads it first like every patient text. Only
typed messages pass: a voice note or a photo cannot be screened, so it is refused with a reason.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import filters

from bot import texts
from bot.config.settings import Settings
from bot.domain.models import Counselor, Patient
from bot.handlers.caseload import counselor_of, reachable_patient
from bot.handlers.media_refused import media as media  # re-exported: bot/telegram/app.py says messages.media
from bot.handlers.message_away import away_line, standing_for
from bot.handlers.message_followed import alert_is_followed, followed_instead
from bot.handlers.people import patient_or_refusal, written_at
from bot.handlers.screened import screened, screened_language
from bot.jobs.digest import locked
from bot.jobs.reach import Unreachable, send_to_counselor, tell_cover
from bot.store.message_data import Relayed
from bot.telegram.keyboards import answer_query, close_buttons, keyboard, reply, retrying
from bot.telegram.services import Context, Services
from bot.texts.base import pick
from bot.usecases.patient_text import Passed, message_to, pass_message, pass_note

log = logging.getLogger(__name__)
PENDING = "message"
REPLY_DATA = "msg:reply"
SHOW_PREFIX = "pm:"
# New messages that carry no text to screen (a caption alone is screened, the media is not).
MEDIA = filters.UpdateType.MESSAGE & (
    filters.VOICE
    | filters.AUDIO
    | filters.PHOTO
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.Document.ALL
    | filters.Sticker.ALL
    | filters.LOCATION
    | filters.CONTACT
)


async def message_command(update: Update, context: Context) -> None:
    """/message: the patient's next text goes to their counselor."""
    patient = await patient_or_refusal(update, context)
    if patient is not None:
        await _ask(update, context, patient)


async def reply_button(update: Update, context: Context) -> None:
    """ "msg:reply" under a counselor's message: the same as /message."""
    query = update.callback_query
    assert query is not None
    patient = await patient_or_refusal(update, context)
    if patient is None:
        return
    await answer_query(query)
    await _ask(update, context, patient, answering=True)


async def _ask(update: Update, context: Context, patient: Patient, *, answering: bool = False) -> None:
    """What to type; "usually replies within a working day" only when the patient writes first (after
    "Reply" the counselor has just written, and office hours would read as a brush-off)."""
    svc = context.svc
    standing = await standing_for(svc, patient)  # away with no cover: on call, else an admin (N212)
    counselor_id = await svc.db(message_to, svc.repo, patient, svc.now(), None, standing)  # the cover (N141)
    if answering:  # "Reply" answers whoever wrote last: an on-call colleague, too (their cover while away)
        thread = await svc.db(svc.repo.messages, patient.patient_id)
        writer = next((m.counselor_id for m in reversed(thread) if m.sender == "counselor"), None)
        counselor_id = await svc.db(message_to, svc.repo, patient, svc.now(), writer, standing)
    # The one who wrote may have been removed since (newcomer finding 10-16: "your counselor isn't set up"
    # though the patient's own counselor was): then the reply goes to the patient's counselor, named below.
    counselor = await _counselor(context, patient, counselor_id)
    if counselor is None:
        await reply(update, pick(patient.language, texts.MESSAGE_NO_COUNSELOR, texts.MESSAGE_NO_COUNSELOR_ES))
        return
    pending = {"kind": PENDING, "answering": True} if answering else {"kind": PENDING}
    await svc.db(svc.repo.set_pending_input, patient.patient_id, pending)
    within, hours = _expectation(svc.settings, patient.language)
    ask = texts.message_ask_es if patient.language == "es" else texts.message_ask
    followed = await alert_is_followed(svc, patient)  # N224: to the alert's people, and no office hours
    said = ask(counselor.name, "" if answering or followed else within, hours)
    said = f"{texts.message_while_alert(patient.language)}\n{said}" if followed else said
    # Who is away, until when, and who has it meanwhile (newcomer18 N151), whatever the cover (newcomer20 N212).
    if (line := await away_line(svc, patient, counselor)) is not None:
        said = f"{line}\n{said}"
    await reply(update, said)


async def message_text(update: Update, context: Context, patient: Patient, text: str) -> None:
    """The patient's typed message (already screened): store it, pass it on, say what happened."""
    svc, lang = context.svc, patient.language
    if await followed_instead(update, context, patient, text):
        return  # a crisis alert about them is followed: its people have the words (newcomer22 N224)
    if await _counselor(context, patient, patient.counselor_id) is None:
        await reply(update, pick(lang, texts.MESSAGE_NO_COUNSELOR, texts.MESSAGE_NO_COUNSELOR_ES))
        return
    limit = texts.patient_message_room(patient.alias)
    if len(text) > limit:
        too_long = texts.patient_message_too_long_es if lang == "es" else texts.patient_message_too_long
        await reply(update, too_long(len(text), limit))
        return  # still waiting for the message: a shorter one goes to the same place
    standing = await standing_for(svc, patient)
    passed = await svc.db(
        pass_message, svc.repo, patient, text, svc.now(), written_at(update, context), standing
    )
    await pass_on(update, context, patient, passed, first=passed.reply_to is None)


async def pass_on(update: Update, context: Context, patient: Patient, passed: Passed, *, first: bool) -> None:
    """Deliver stored messages to their counselor and tell the patient what happened (``first``: the
    patient wrote first, so when to expect an answer is said too)."""
    s, es = context.svc.settings, patient.language == "es"
    counselor = await _counselor(context, patient, passed.counselor_id)
    if counselor is None:
        no_one = texts.MESSAGE_NO_COUNSELOR_ES if es else texts.MESSAGE_NO_COUNSELOR
        await reply(update, no_one)  # stored: on the patient's page
        return
    kept = texts.message_kept_es if es else texts.message_kept
    delivered = True
    for message in passed.messages:
        delivered = await deliver(context, patient, counselor, message, passed.reply_to) and delivered
    if screened(context) == "crisis":
        # The crisis answer stands alone; "usually replies within a working day" must not follow it, and
        # this one line is in the language of the crisis answer above it.
        language = screened_language(context)
        await reply(
            update,
            texts.message_passed_in_crisis(counselor.name, language)
            if delivered
            else (texts.message_kept_es if language == "es" else texts.message_kept)(counselor.name),
        )
    elif not delivered:
        await reply(update, kept(counselor.name))
    elif passed.reply_to is not None and not first:
        await reply(update, (texts.reply_passed_es if es else texts.reply_passed)(counselor.name))
    else:
        within, hours = _expectation(s, patient.language)
        passed_text = texts.message_passed_es if es else texts.message_passed
        await reply(update, passed_text(counselor.name, within if first else "", hours))


async def pass_note_on(update: Update, context: Context, patient: Patient, text: str) -> None:
    """A check-in note that asks for someone to reach them (bot/domain/contact_request.py): stored and
    delivered as a message, and the patient told who has it (or that it could not go)."""
    svc, es = context.svc, patient.language == "es"
    counselor = await _counselor(context, patient, patient.counselor_id)
    if counselor is None:
        await reply(update, texts.MESSAGE_NO_COUNSELOR_ES if es else texts.MESSAGE_NO_COUNSELOR)
        return
    room = texts.patient_message_room(patient.alias)
    passed = await svc.db(pass_note, svc.repo, patient, text, svc.now(), room)
    delivered = True
    for message in passed.messages:
        delivered = await deliver(context, patient, counselor, message) and delivered
    if not delivered:
        await reply(update, (texts.message_kept_es if es else texts.message_kept)(counselor.name))
        return
    told = texts.note_passed_es if es else texts.note_passed
    await reply(update, told(counselor.name, *_expectation(svc.settings, patient.language)))


def _expectation(s: Settings, language: str) -> tuple[str, str]:
    """reply_within and working_hours in the patient's language (texts review)."""
    return texts.reply_expectation(
        language,
        s.counselor_reply_within,
        s.counselor_hours,
        s.counselor_reply_within_es,
        s.counselor_hours_es,
    )


async def _counselor(context: Context, patient: Patient, counselor_id: int) -> Counselor | None:
    """The counselor a message goes to (the patient's own if the one answered is gone), logged if none."""
    svc = context.svc
    for cid in dict.fromkeys((counselor_id, patient.counselor_id)):
        counselor = await svc.db(svc.repo.counselor, cid)
        if counselor is not None:
            return counselor
    log.error("patient %s has no registered counselor (%s)", patient.patient_id, patient.counselor_id)
    return None


async def deliver(
    context: Context,
    patient: Patient,
    counselor: Counselor,
    message: Relayed,
    reply_to: Relayed | None = None,
) -> bool:
    """Pass a patient's message to the counselor: whole with "Reply", or a nameless notice while locked."""
    svc = context.svc
    if await svc.db(locked, svc.repo, svc.settings, counselor.telegram_id, svc.now()):
        answering = f":{reply_to.message_id}" if reply_to is not None else ""
        data = f"{SHOW_PREFIX}{patient.patient_id}:{message.message_id}{answering}"
        text, buttons = texts.PATIENT_MESSAGE_LOCKED, [[(texts.BTN_READ_MESSAGE, data)]]
    else:
        by = await _author(svc, reply_to, counselor.telegram_id)
        text, buttons = _whole(svc, patient, message, reply_to, by)
        if counselor.telegram_id != patient.counselor_id:  # their cover (newcomer18 N151): whose patient
            whose = await svc.db(svc.repo.counselor_name, patient.counselor_id) or texts.ANOTHER_COUNSELOR
            text += f"\n\n{texts.covering_message_note(patient.alias, whose)}"
    try:
        # Tried again like a counselor's message to a patient: one 500 must not leave the words unread.
        await retrying(
            lambda: send_to_counselor(
                context.bot, svc, counselor.telegram_id, text, reply_markup=keyboard(buttons)
            ),
            f"message {message.message_id} to counselor {counselor.telegram_id}",
        )
    except Unreachable as exc:
        # Kept on the patient's page; a notice without the words waits for the counselor to open the bot.
        await svc.db(svc.repo.queue_text, counselor.telegram_id, texts.message_waiting(patient.alias))
        log.error("message %s from patient %s waits for counselor %s, who %s",
                  message.message_id, patient.patient_id, counselor.telegram_id, exc.reason)  # fmt: skip
        await tell_cover(context.bot, svc, patient.alias, counselor, exc.reason)  # never only waiting
        return False
    except TelegramError as exc:
        # Stored and on the patient's page; a notice without the words goes by the notices' sweep
        # (bot/jobs/reminders.py, tried again while Telegram refuses for a while), so the counselor hears.
        await svc.db(
            svc.repo.add_notice, counselor.telegram_id, texts.message_waiting(patient.alias), svc.now()
        )
        log.error(
            "message %s from patient %s not delivered to counselor %s (%s): a notice will follow",
            message.message_id,
            patient.patient_id,
            counselor.telegram_id,
            exc,
        )
        return False
    return True


async def _author(svc: Services, reply_to: Relayed | None, reader: int) -> str | None:
    """Whose message a reply answers, when it was not the reader's own (None when it was)."""
    if reply_to is None or reply_to.counselor_id == reader:
        return None
    return await svc.db(svc.repo.counselor_name, reply_to.counselor_id) or texts.ANOTHER_COUNSELOR


def _whole(
    svc: Services, patient: Patient, message: Relayed, reply_to: Relayed | None = None, by: str | None = None
) -> tuple[str, list[list[tuple[str, str]]]]:
    tz = svc.settings.tz  # a counselor's times: the program's zone, named (their patients live in many)
    at = message.at.astimezone(tz)
    written = message.written.astimezone(tz) if message.written is not None else None
    if reply_to is not None:
        answered = (reply_to.at.astimezone(tz), reply_to.text)
        text = texts.patient_reply(patient.alias, at, message.text, *answered, by, written)
    else:
        text = texts.patient_message(patient.alias, at, message.text, written)
    return text, [[(texts.BTN_REPLY, f"pa:msg:{patient.patient_id}")]]


async def show_button(update: Update, context: Context) -> None:
    """ "pm:<patient id>:<message id>": a message that arrived while locked, after the PIN."""
    query = update.callback_query
    assert query is not None and query.data is not None
    counselor = await counselor_of(update, context)
    if counselor is None:
        return
    patient_id, _, ids = query.data.removeprefix(SHOW_PREFIX).partition(":")
    message_id, _, reply_id = ids.partition(":")
    found = await reachable_patient(
        update, context, counselor, patient_id
    )  # a reply to an on-call message too
    if found is None:
        return
    patient, svc = found[0], context.svc
    message = await svc.db(svc.repo.message, patient_id, message_id) if message_id.isalnum() else None
    reply_to = await svc.db(svc.repo.message, patient_id, reply_id) if reply_id.isalnum() else None
    if message is None:
        await answer_query(query, texts.MESSAGE_GONE, show_alert=True)
        return
    await answer_query(query)
    await close_buttons(update)
    await svc.db(svc.repo.audit, svc.now(), counselor.telegram_id, "message_viewed", patient_id)
    by = await _author(svc, reply_to, counselor.telegram_id)
    text, buttons = _whole(svc, patient, message, reply_to, by)
    if reply_to is None:  # words typed while "Are you safe?" waits: up to Telegram's 4,096, and a header
        *before, text = texts.patient_message_pages(
            patient.alias, message.at.astimezone(svc.settings.tz), message.text
        )
        for page in before:
            await reply(update, page)
    await reply(update, text, buttons)
