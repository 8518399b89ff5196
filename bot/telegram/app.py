"""The composition root: builds the Application and registers every handler and job, in order."""

from __future__ import annotations

import logging

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.config.logs import redact_secrets
from bot.config.settings import Settings
from bot.handlers import (
    alerts,
    broadcast,
    caseload,
    checkin,
    common,
    cope,
    cope_feeling,
    counselor_actions,
    crisis,
    crisis_answers,
    digest,
    edited,
    flood,
    gate,
    history,
    language,
    measures,
    measures_typed,
    menus,
    messages,
    onboarding,
    people,
    practice_typed,
    quiet,
    reach,
    replayed_answer,
    rights,
    rsvp,
    safety_plan,
    settings_menu,
    setup_questions,
    sos,
    taps,
    unknown_command,
    unlock,
    unsent,
)
from bot.handlers.errors import on_error
from bot.jobs import daily
from bot.telegram.clock import offset_hook
from bot.telegram.delivery import DurableOrder, DurableQueue, UpdatesRequest
from bot.telegram.http import bot_request
from bot.telegram.limiter import SafetyRateLimiter
from bot.telegram.services import App, BotData, Context, Hooks, Services
from bot.telegram.startup import post_init

log = logging.getLogger(__name__)

# Handler groups run in this order; within a group the first matching handler wins.
GATE = -10  # private chats only: nothing else may see group or channel updates
BACK = -9  # a counselor recorded unreachable who writes is reachable again (never stops an update)
REPLAYED = -7  # a typed answer replayed after a crash, applied before it: not applied again (ops O62)
ANSWER = -6  # a typed answer to an open "Are you safe right now?" is that answer (never a lower level)
SCREEN = -5  # crisis screening sees every patient text before any feature (and may stop it)
SOS = -4  # after screening, before flood control: help right now is never throttled or read as an answer
FLOOD = -3  # after screening: a flood is throttled, but never unscreened
ROLES = -2  # a counselor typing a patient command is told so, not greeted as a stranger
TAPS = -1  # a double tap on a button is answered here, so no feature acts on it twice
FEATURES = 0  # commands, buttons and free text


def file_url(base_url: str) -> str:
    """The file base URL that belongs to a Bot API base URL (…/bot → …/file/bot)."""
    root, _, _ = base_url.rstrip("/").rpartition("/")
    return f"{root}/file/bot"


def build_application(settings: Settings, services: Services, *, rate_limiter: bool = True) -> App:
    """The real bot: every handler registered here and nowhere else."""
    redact_secrets(settings.bot_token)  # before the Bot exists: it logs its token URL at DEBUG
    builder = (
        ApplicationBuilder()
        .token(settings.bot_token)
        .base_url(settings.bot_api_url)
        .base_file_url(file_url(settings.bot_api_url))
        .context_types(ContextTypes(context=Context, bot_data=BotData))
        # HTML everywhere (texts escape people's input); protect_content because nearly
        # every message carries health data and must not be forwarded or saved.
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                protect_content=True,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .post_init(post_init)
    )
    # Every update on disk before Telegram hears it arrived, and handled once (see bot/telegram/delivery.py);
    # many people at once, each person's updates in order (see bot/telegram/ordering.py).
    queue = DurableQueue(services)
    builder = builder.update_queue(queue).concurrent_updates(DurableOrder(queue))
    # Every answer's Date header against this server's clock (bot/telegram/clock.py).
    dated = offset_hook(services.api, services.now, services.repo.audit_clock_off)
    builder = builder.request(bot_request(dated)).get_updates_request(UpdatesRequest(queue, dated))
    if rate_limiter:
        # Keeps bursts under Telegram's 30/s and honours retry_after on 429; not under a crisis answer (limiter.py).
        # PTB types the limiter by its rate-limit-args generic, which the builder cannot infer.
        builder = builder.rate_limiter(SafetyRateLimiter(max_retries=3))  # type: ignore[arg-type]
    app: App = builder.build()
    app.bot_data.attach(services)
    if app.job_queue is not None:
        # APScheduler skips a run more than a second late (a WARNING only): a busy start-up dropped the menus,
        # and a crisis answer's resend (safety_retry.py) due then was lost. Jobs run however late; missed runs fold.
        job_defaults = {"misfire_grace_time": None, "coalesce": True}
        app.job_queue.scheduler.configure(job_defaults=job_defaults, **app.job_queue.scheduler_configuration)

    app.add_handler(TypeHandler(Update, gate.private_only), group=GATE)
    app.add_handler(TypeHandler(Update, reach.back_in_reach), group=BACK)
    app.add_handler(TypeHandler(Update, replayed_answer.applied_before), group=REPLAYED)  # texts and taps

    # Messages, edits and captions alike: a crisis said in an edit or a photo caption still counts.
    app.add_handler(
        MessageHandler((filters.TEXT | filters.CAPTION) & filters.UpdateType.MESSAGES, crisis.screen),
        group=SCREEN,
    )

    # "no im not safe" typed under the question: answered as the button is, not screened into the question again.
    app.add_handler(
        MessageHandler(
            filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE, crisis_answers.typed_answer
        ),
        group=ANSWER,
    )

    # /sos and the persistent "🆘 SOS" button: handled here and stopped, whatever flow is open.
    app.add_handler(CommandHandler("sos", sos.sos_command), group=SOS)
    app.add_handler(MessageHandler(sos.BUTTON_TEXT, sos.sos_command), group=SOS)
    app.add_handler(MessageHandler(sos.WORDS, sos.sos_command), group=SOS)  # "SOS", "I need help"
    app.add_handler(MessageHandler(sos.WORDS_ES, sos.sos_spanish), group=SOS)  # "ayuda", "necesito ayuda"
    app.add_handler(MessageHandler(sos.HELP_WORD, sos.help_word), group=SOS)  # "help"
    app.add_handler(MessageHandler(rights.OPT_OUT, rights.stop_words), group=SOS)  # "STOP": how to stop
    app.add_handler(MessageHandler(rights.OWN_REQUEST, rights.how_words), group=SOS)  # "delete my data"

    app.add_handler(TypeHandler(Update, flood.throttle), group=FLOOD)
    patient_only = [
        name
        for c in menus.PATIENT_COMMANDS
        if c.command not in menus.SHARED_COMMANDS
        for name in menus.names(c.command)
    ]
    app.add_handler(CommandHandler(patient_only, people.counselor_typed_patient_command), group=ROLES)
    app.add_handler(TypeHandler(Update, taps.once_per_tap), group=TAPS)

    # Commands before free text, so "/cancel" is never read as an answer.
    app.add_handler(CommandHandler("start", onboarding.start), group=FEATURES)
    app.add_handler(CommandHandler(menus.names("help"), common.help_command), group=FEATURES)
    app.add_handler(CommandHandler(menus.names("cancel"), common.cancel_command), group=FEATURES)
    app.add_handler(CommandHandler(menus.names("settings"), settings_menu.settings_command), group=FEATURES)
    app.add_handler(CommandHandler(menus.names("language"), language.language_command), group=FEATURES)
    app.add_handler(CommandHandler(["caseload", "patients"], caseload.caseload_command), group=FEATURES)
    app.add_handler(CommandHandler("digest", digest.digest_command), group=FEATURES)
    app.add_handler(CommandHandler("export", counselor_actions.export_command), group=FEATURES)
    app.add_handler(CommandHandler("broadcast", broadcast.broadcast_command), group=FEATURES)
    app.add_handler(CommandHandler(menus.names("mydata"), rights.mydata_command), group=FEATURES)
    app.add_handler(CommandHandler(menus.names("delete"), rights.delete_command), group=FEATURES)
    app.add_handler(CommandHandler("stop", rights.stop_command), group=FEATURES)
    app.add_handler(CommandHandler(menus.names("checkin"), checkin.checkin_command), group=FEATURES)
    app.add_handler(CommandHandler(menus.names("message"), messages.message_command), group=FEATURES)
    app.add_handler(CallbackQueryHandler(messages.reply_button, pattern=r"^msg:reply$"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(messages.show_button, pattern=r"^pm:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(unsent.button, pattern=r"^un:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(checkin.button, pattern=r"^ci:"), group=FEATURES)
    app.add_handler(CommandHandler(menus.names("cope"), cope.cope_command), group=FEATURES)
    app.add_handler(CommandHandler(menus.names("practice"), cope.practice_command), group=FEATURES)
    app.add_handler(CallbackQueryHandler(cope.button, pattern=r"^cope:"), group=FEATURES)
    app.add_handler(CommandHandler(menus.names("measures"), measures.measures_command), group=FEATURES)
    app.add_handler(CallbackQueryHandler(measures.button, pattern=r"^ms:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(crisis_answers.safe_button, pattern=r"^cr:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(sos.tell_button, pattern=r"^sos:tell:"), group=FEATURES)
    app.add_handler(CommandHandler(menus.names("safetyplan"), safety_plan.safetyplan_command), group=FEATURES)
    app.add_handler(CommandHandler(menus.names("history"), history.history_command), group=FEATURES)
    app.add_handler(CommandHandler(menus.names("dayssince"), history.dayssince_command), group=FEATURES)
    app.add_handler(CallbackQueryHandler(history.button, pattern=r"^hist:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(safety_plan.button, pattern=r"^sp:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(alerts.alert_button, pattern=r"^al:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(rsvp.rsvp_button, pattern=r"^rs:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(broadcast.confirm_button, pattern=r"^bc:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(rights.confirm_button, pattern=r"^(del|stop):"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(caseload.patient_button, pattern=r"^pv:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(digest.show_button, pattern=r"^dg:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(counselor_actions.action_button, pattern=r"^pa:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(onboarding.consent_answer, pattern=r"^enr:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(onboarding.timezone_button, pattern=r"^tz:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(onboarding.time_button, pattern=r"^ct:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(language.language_button, pattern=r"^lang:(en|es)$"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(quiet.button, pattern=r"^qh:"), group=FEATURES)
    app.add_handler(CallbackQueryHandler(settings_menu.button, pattern=r"^set:"), group=FEATURES)
    text_inputs: dict[str, common.TextInput] = {
        onboarding.SETUP_TZ: onboarding.timezone_text,
        onboarding.SETUP_TIME: onboarding.time_text,
        checkin.PENDING: checkin.typed,
        rsvp.REASON: rsvp.reason_text,
        safety_plan.PENDING: safety_plan.plan_text,
        history.PENDING: history.dayssince_text,
        messages.PENDING: messages.message_text,
        unsent.PENDING: unsent.free_text,
        measures_typed.PENDING: measures_typed.typed,
        practice_typed.PENDING: practice_typed.typed,
        cope_feeling.PENDING: cope_feeling.typed,
        quiet.PENDING: quiet.typed,
    }
    typed_answers = {
        **setup_questions.TYPED_ANSWERS,
        history.PENDING: history.is_date_answer,
        measures_typed.PENDING: measures_typed.is_answer,
        practice_typed.PENDING: practice_typed.is_answer,
        cope_feeling.PENDING: cope_feeling.is_answer,
        quiet.PENDING: quiet.is_answer,
    }
    services.wire(
        Hooks(
            on_patient_schedule=daily.follow,
            render_safety_plan=safety_plan.render_plan,
            # The PIN comes first: after "Enter your PIN" the next text is the PIN, never a relayed message.
            counselor_text=common.first_of(
                unlock.pin_text, unlock.stray_pin, counselor_actions.relay_text, broadcast.broadcast_text
            ),
            cancel={"cope": cope.close, "checkin": checkin.close, "measures": measures.close},
            text_inputs=frozenset(text_inputs),
            # A safety-plan step in crisis words names warning signs: saved and reviewed, not paged (unless
            # it describes a crisis now; flag_rules.toml [safety_plan]). Any other open flow (a message for
            # the counselor, a check-in note, an RSVP reason) keeps the words after the crisis answer.
            crisis_reviewed=frozenset({safety_plan.PENDING}),
            # "help" typed mid-check-in gets the check-in's own help (how to answer, Skip, /cancel, /sos).
            explains_help=frozenset({checkin.PENDING}),
            # A time, a zone or a date typed where one was asked is the answer, whatever the screen reads
            # below a crisis ("a las 7 de la noche" at the check-in-time question is not a relapse).
            typed_answers=typed_answers,
        )
    )
    app.add_handler(
        MessageHandler(
            # Only new messages: an edited "7" must not answer the next question again.
            filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE,
            common.text_router(
                text_inputs,
                otherwise=unsent.free_text,
                # Forms that take only a time, a zone or a date: while a crisis alert is followed, other
                # words reach its people and the form waits.
                answers=typed_answers,
            ),
        ),
        group=FEATURES,
    )
    # Edits: the crisis screen above read them; nothing else takes an edit in, so the person is told so.
    app.add_handler(
        MessageHandler(filters.TEXT & filters.UpdateType.EDITED_MESSAGE, edited.edited), group=FEATURES
    )
    # Voice notes, photos, files: refused with a reason (the crisis screen cannot read them).
    app.add_handler(MessageHandler(messages.MEDIA, messages.media), group=FEATURES)
    # Last in its group: unknown commands get the help text (the one meant named; a slip of /sos is /sos).
    app.add_handler(MessageHandler(filters.COMMAND, unknown_command.unknown_command), group=FEATURES)
    # Buttons nobody handles (old versions, forged data) get an answer, never a spinner.
    app.add_handler(CallbackQueryHandler(common.unknown_button), group=FEATURES)
    app.add_error_handler(on_error)
    return app
