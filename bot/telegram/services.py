"""What every handler and job needs: the services, created once at start-up and attached to the
Application's typed ``bot_data`` (``ContextTypes(bot_data=BotData)``), so nothing is looked up by a
string key and read back as ``Any``."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, ParamSpec, TypeVar

from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot

from bot.config.settings import Settings
from bot.domain.checkins import CheckinConfig, load_checkin_config
from bot.domain.coping import Skill, load_skills
from bot.domain.daily import DailyPlan
from bot.domain.escalation import Alert
from bot.domain.flag_rules import FlagRules, default_flag_rules
from bot.domain.flood import FloodGuard
from bot.domain.follow import WordsCard
from bot.domain.instruments import Instrument, default_instruments
from bot.domain.media import MediaCard
from bot.domain.models import Patient
from bot.jobs.sending import Pacer
from bot.store.repository import Repository
from bot.store.worker import StoreWorker

P = ParamSpec("P")
T = TypeVar("T")

Tap = tuple[int, int, int]  # (user, chat, message) of a button tap


def utc_now() -> datetime:
    """The real clock; tests freeze it with time-machine."""
    return datetime.now(UTC)


CLOCK_SAMPLES = 3  # Date header samples (bot/telegram/clock.py) before an offset counts
CLOCK_NOISE = timedelta(seconds=5)  # Dates are whole seconds and an answer takes a moment


@dataclass
class ApiContact:
    """When the Bot API last answered, and how the last attempt since then failed (bot/telegram/health.py)."""

    last_ok: datetime | None = None
    last_error: str = ""
    # An outage (bot/jobs/outage.py, ops O74): the last answer before the probe failed, the window once it answers
    # again, and the crisis answers that went on a later try meanwhile.
    outage_since: datetime | None = None
    outage_over: tuple[datetime, datetime] | None = None
    late_replies: int = 0
    outage_restarted: bool = False  # the window spans a restart of the bot (bot/jobs/last_run.py, ops O102)
    # 409 Conflict while polling: another process polls with this token (bot/jobs/polling.py).
    conflict_at: datetime | None = None
    conflict_since: datetime | None = None  # the first 409 of the window not yet recorded as over
    conflict_logged_at: datetime | None = None
    conflicts: int = 0
    # This server's clock minus Telegram's, one sample per answer's Date header (bot/telegram/clock.py).
    offsets: deque[timedelta] = field(default_factory=lambda: deque(maxlen=8))
    skew_warned_at: datetime | None = None  # the ERROR and the admins' message, once per episode
    # The latest sample and when it came (time.monotonic()): whether Telegram's clock has spoken since a step of
    # this server's clock (bot/jobs/escalation_clock.py), which the smallest of the last few cannot tell yet.
    last_sample: tuple[float, timedelta] | None = None
    # The Bot API refused the token while the bot ran (revoked or changed in @BotFather): polling has stopped
    # for good, so the bot stops too, as at start-up (exit 2, ops O24), rather than run on deaf.
    token_refused: asyncio.Event = field(default_factory=asyncio.Event)

    def clock_offset(self) -> timedelta | None:
        """This server's clock minus Telegram's (positive: ours is ahead), or None until measured. The
        smallest of the last few samples: one can only be too large (whole-second Dates, a slow answer, a
        test's jump in time), never all of them."""
        if len(self.offsets) < CLOCK_SAMPLES:
            return None
        return min(self.offsets, key=abs)

    def on_our_clock(self, theirs: datetime) -> datetime:
        """A time Telegram stamped (a message's date) on this server's clock; offsets within noise left alone."""
        skew = self.clock_offset()
        return theirs + skew if skew is not None and abs(skew) > CLOCK_NOISE else theirs


@dataclass
class Hooks:
    """What one feature asks of another without importing it, wired once by bot/telegram/app.py."""

    # Onboarding, /settings, /stop, quiet hours and /cope call this when a patient's schedule changes.
    on_patient_schedule: Callable[[App, Patient], None]
    # The crisis answer shows the patient's safety plan (HTML) when they have one.
    render_safety_plan: Callable[[Context, Patient], Awaitable[str | None]]
    # A counselor's free text goes to what they started; True when something took it.
    counselor_text: Callable[[Update, Context, str], Awaitable[bool]]
    # /cancel asks each open flow to close itself; True when it had something open.
    cancel: Mapping[str, Callable[[Context, Patient], Awaitable[bool]]]
    # Every step that takes a patient's free text (tests check each is crisis-screened).
    text_inputs: frozenset[str]
    # Steps whose crisis words are saved and reviewed, not paged (a safety plan's warning signs).
    crisis_reviewed: frozenset[str]
    # Steps that answer "help" themselves (the check-in explains how to answer).
    explains_help: frozenset[str]
    # Forms that take only a parsed answer (a time, a zone, a date) -> whether a text is one, given now.
    typed_answers: Mapping[str, Callable[[str, datetime], bool]] = field(default_factory=dict)


@dataclass
class BotState:
    """What the running bot keeps in memory only; a restart forgets all of it (each owner says why that is safe)."""

    flood: FloodGuard
    pacer: Pacer = field(default_factory=Pacer)  # one send rate shared by every bulk sweep
    daily_plan: DailyPlan | None = None  # built from stored patients at start-up (bot/jobs/daily.py)
    daily_retries: dict[tuple[str, str], int] = field(default_factory=dict)  # (patient, kind) -> tries
    digests_handled: set[str] = field(default_factory=set)  # digests a sweep has in hand
    digest_failures: dict[str, int] = field(
        default_factory=dict
    )  # digest key -> times it could not be written
    reminders_handled: set[str] = field(default_factory=set)  # reminders a sweep has in hand
    alerts_lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # one alert delivery round at a time
    handovers_lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # one sender of queued hand-overs
    last_taps: dict[Tap, tuple[str, datetime]] = field(default_factory=dict)  # button data and when
    crisis_answered: set[str] = field(default_factory=set)  # withdrawn patients' answers (nothing is stored)
    unavailable_alerted: set[str] = field(default_factory=set)  # patients whose unreadable records were told
    # A patient's unsaved words (bot/handlers/unsaved.py): when their counselor was told; when an alert about
    # them could not be stored.
    unsaved_told: dict[str, datetime] = field(default_factory=dict)
    # /message or "Reply" the store refused (user id -> when), and when the admins last heard a patient's message
    # was lost so (patient id -> when): bot/handlers/message_unsaved.py (ops O98).
    message_unopened: dict[int, datetime] = field(default_factory=dict)
    # The audit log's state for `doctor --live` and the admins (bot/jobs/audit_watch.py, ops O122/O123).
    audit_troubles: list[str] = field(default_factory=list)
    audit_verified_at: datetime | None = None
    audit_broken: str = ""  # where the chain breaks, as the last full read found it
    replies_lost: int = 0  # replies flood control held past the limiter's patience, not yet told (ops O130)
    audit_lost: str = ""  # rows the program recorded that the log no longer held (bot/store/audit_head.py)
    # What the audit log records and the data files lack (bot/jobs/rollback_watch.py, ops O142): counts, and ids.
    rolled_back: str = ""
    rolled_back_ids: list[str] = field(default_factory=list)
    message_lost_told: dict[str, datetime] = field(default_factory=dict)
    # When a patient last answered "You misunderstood me" (bot/jobs/unanswered.py words its last-round message
    # for them; a restart forgets it, and they get the general one).
    misread_at: dict[str, datetime] = field(default_factory=dict)
    safe_at: dict[str, datetime] = field(default_factory=dict)  # "I'm safe right now", the same (N115)
    # Updates replayed from the inbox at start-up (handled maybe, before a crash): bot/handlers/crisis_again.py.
    replayed: set[int] = field(default_factory=set)
    # Updates whose handling failed for want of disk: handled again once the store takes writes (ops O42).
    unsaved_updates: set[int] = field(default_factory=set)
    unsaved_alerts: dict[str, datetime] = field(default_factory=dict)
    # Alerts the store refused, with what was sent, until it takes them (bot/jobs/alerts_unsaved.py).
    alerts_unstored: list[Alert] = field(default_factory=list)
    # Of those, the audit rows written already ("raised", "sent:<to>"), each written once across tries (ops O117).
    alerts_audited: dict[str, set[str]] = field(default_factory=dict)
    sos_unstored: list[tuple[Patient, datetime]] = field(default_factory=list)  # SOS openings not yet flagged
    # Alert rounds Telegram took that the store could not record (full disk: newcomer finding 10b-23), so
    # the 30-s sweep does not send them again; and when the admins last heard a daily push could not be
    # saved (10b-22). A restart forgets both: at worst one more copy, and one more notice.
    sent_unrecorded: set[tuple[str, int, int]] = field(default_factory=set)
    # The wall clock and time.monotonic() at the alert sweep's last look that found them agreeing, and when a step
    # of the wall clock was last logged (bot/jobs/escalation_clock.py, ops O44).
    escalation_anchor: tuple[datetime, float, object] | None = None  # and the clock function read
    clock_step_logged: float | None = None
    unmeasured_since: float | None = None  # the first sweep that found this clock not yet compared (ops O76)
    clock_held: set[str] = field(
        default_factory=set
    )  # what waits for the clocks to agree (bot/jobs/clock_hold.py)
    push_store_told: datetime | None = None
    # Each patient's open "Are you safe right now?" (message id, language, kind, when), so a typed "no" answers
    # it; forgotten on restart, when a typed answer is screened like any other text.
    safety_asked: dict[str, tuple[int, str, str, datetime]] = field(default_factory=dict)
    # Telegram id -> code hash of the invitation whose consent screen they were shown: nothing is stored
    # before "I agree", yet crisis words then must reach the counselor who invited them (bot/handlers/invitee.py).
    consent_shown: dict[int, str] = field(default_factory=dict)
    # Telegram id -> the code and language that consent screen was shown with, so Spanish typed under it
    # (or /idioma) shows it again in Spanish (bot/handlers/consent.py).
    consent_code: dict[int, tuple[str, str]] = field(default_factory=dict)
    # Telegram id -> when the admins were last told that this person, not enrolled, wrote crisis words.
    stranger_told: dict[int, datetime] = field(default_factory=dict)
    # Chat -> message id of the last yes/no-style question a flow asked there (the check-in's), so a bare
    # typed "yes" answers the question shown last, not an older "Are you safe right now?" (finding 9-3).
    # Forgotten on restart: the flow's own question is then asked again before any typed answer counts.
    flow_asked: dict[int, int] = field(default_factory=dict)
    # (alert id, chat) -> the "wrote again" card a flood of words gathers on (bot/handlers/follow.py). Forgotten
    # on restart: the next words then start a new card, and each card shows all of its own words.
    words_cards: dict[tuple[str, int], WordsCard] = field(default_factory=dict)
    # (alert id, or "q:" and the patient for a safety question, chat) -> the card media gather on (N254).
    media_cards: dict[tuple[str, int], MediaCard] = field(default_factory=dict)


@dataclass
class Services:
    """Settings, the repository and its worker, program data, wiring and in-memory state."""

    settings: Settings
    repo: Repository
    worker: StoreWorker
    clock: Callable[[], datetime] = utc_now
    # Program data (bot/config/resources.py: shipped, or the clinic's copy), loaded once; a bad file stops start-up with the item named.
    checkin: CheckinConfig = field(default_factory=load_checkin_config)
    skills: dict[str, Skill] = field(default_factory=load_skills)
    flag_rules: FlagRules = field(default_factory=default_flag_rules)
    instruments: dict[str, Instrument] = field(default_factory=default_instruments)
    api: ApiContact = field(default_factory=ApiContact)
    state: BotState = field(init=False)
    _hooks: Hooks | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.state = BotState(flood=FloodGuard(self.settings.flood_messages, self.settings.flood_seconds))

    @property
    def hooks(self) -> Hooks:
        """The features' hooks; only the bot has them (the CLI's services never run a handler)."""
        if self._hooks is None:
            raise RuntimeError(
                "no hooks wired: services get them from build_application (bot/telegram/app.py)"
            )
        return self._hooks

    def wire(self, hooks: Hooks) -> None:
        """Give the services the features' hooks (once, when the Application is built)."""
        self._hooks = hooks

    @property
    def code_limit(self) -> tuple[int, timedelta]:
        """Wrong enrollment codes allowed per Telegram user, and the window they are counted in."""
        return self.settings.code_attempts, timedelta(minutes=self.settings.code_attempt_window_minutes)

    def now(self) -> datetime:
        """The current time, always timezone-aware UTC."""
        return self.clock()

    async def db(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a repository call on the store worker, off the event loop."""
        return await self.worker.run(fn, *args, **kwargs)


class BotData:
    """PTB's ``bot_data``, typed. PTB makes it with no arguments; build_application attaches the services."""

    def __init__(self) -> None:
        self._services: Services | None = None

    @property
    def svc(self) -> Services:
        """The services created at start-up."""
        if self._services is None:
            raise RuntimeError("no services attached: build the Application with build_application")
        return self._services

    def attach(self, services: Services) -> None:
        """Attach the services, once, when the Application is built."""
        self._services = services


class Context(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """The handlers' context, typed so services are one attribute away."""

    @property
    def svc(self) -> Services:
        """The services created at start-up."""
        return self.bot_data.svc


# The one Application type of the bot: handlers, jobs and the runtime all take this. Its context type
# is Any because PTB types ``context.application`` with that parameter unbound; handlers are Context.
App = Application[ExtBot[None], Any, dict[Any, Any], dict[Any, Any], BotData, Any]
