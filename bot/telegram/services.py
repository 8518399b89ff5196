"""What every handler and job needs, created once at start-up and kept in ``bot_data``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, ParamSpec, TypeVar

from telegram.ext import CallbackContext, ExtBot

from bot.config.settings import Settings
from bot.domain.checkins import CheckinConfig, load_checkin_config
from bot.domain.coping import Skill, load_skills
from bot.store.repository import Repository
from bot.store.worker import StoreWorker

P = ParamSpec("P")
T = TypeVar("T")
SERVICES_KEY = "services"


def utc_now() -> datetime:
    """The real clock; tests freeze it with time-machine."""
    return datetime.now(UTC)


@dataclass
class ApiContact:
    """When the Bot API last answered, and how the last attempt since then failed (bot/telegram/health.py)."""

    last_ok: datetime | None = None
    last_error: str = ""


@dataclass
class Services:
    """Settings, the repository and its worker, and small in-memory guards."""

    settings: Settings
    repo: Repository
    worker: StoreWorker
    clock: Callable[[], datetime] = utc_now
    # Program data (bot/config/resources.py: shipped, or the clinic's copy), loaded once; a bad file stops start-up with the item named.
    checkin: CheckinConfig = field(default_factory=load_checkin_config)
    skills: dict[str, Skill] = field(default_factory=load_skills)
    api: ApiContact = field(default_factory=ApiContact)

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


class Context(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The handlers' context, typed so services are one attribute away."""

    @property
    def svc(self) -> Services:
        """The services created at start-up."""
        services: Services = self.bot_data[SERVICES_KEY]
        return services
