"""What a patient sent that the bot cannot read (a voice note, a photo, a sticker, a location...), named, and the
card the people told of it gather them on (newcomer24 N254: five items were five identical cards "sent a photo,
voice note or file", a sticker and a location included)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from bot.domain.follow import GATHER_GAP, GATHER_SPAN

# Telegram's message fields, in the order a kind is named when a message has several (a location first).
KINDS = ("location", "voice", "audio", "video_note", "video", "photo", "sticker", "animation", "document")


def media_kind(present: Iterable[str]) -> str:
    """The kind of a message from the media fields it has ("document" when none is known)."""
    found = set(present)
    return next((k for k in KINDS if k in found), "document")


@dataclass(frozen=True)
class MediaCard:
    """One "sent something" card in one person's chat: the kinds it names, in order, and when they came."""

    card_id: int
    first_at: datetime
    last_at: datetime
    kinds: tuple[str, ...]


def joins(card: MediaCard | None, at: datetime) -> bool:
    """Whether media sent at ``at`` join this card (as words do: bot/domain/follow.py) rather than start one."""
    return card is not None and at - card.last_at <= GATHER_GAP and at - card.first_at <= GATHER_SPAN


def joined(card: MediaCard, kind: str, at: datetime) -> MediaCard:
    return replace(card, last_at=at, kinds=(*card.kinds, kind))
