"""The check-in's answer buttons: their rows, their data ("ci:DRAFT:ITEM:VALUE", "s" = skipped) and the label a
tapped one is shown with (split from bot/handlers/checkin.py at its 300-line limit)."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot import texts
from bot.domain.checkins import Answer, CheckinItem, Draft
from bot.telegram.keyboards import in_rows, keyboard
from bot.texts.base import pick


def buttons(draft: Draft, item: CheckinItem, lang: str) -> InlineKeyboardMarkup:
    prefix = f"ci:{draft.draft_id}:{item.key}:"
    choices = [(o.label_in(lang), f"{prefix}{o.value}") for o in item.choices()]
    rows = in_rows(choices, 6 if item.kind == "scale" else 3)
    if item.skippable:
        rows.append([(pick(lang, texts.BTN_SKIP, texts.BTN_SKIP_ES), f"{prefix}s")])
    return keyboard(rows)


def label(item: CheckinItem, value: Answer, lang: str) -> str:
    if value is None:
        return pick(lang, texts.BTN_SKIP, texts.BTN_SKIP_ES)
    return next((o.label_in(lang) for o in item.choices() if o.value == value), str(value))


def as_int(raw: str) -> int | None:
    try:
        return int(raw)
    except ValueError:
        return None
