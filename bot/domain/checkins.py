"""The check-in in progress (the draft) and the stored entry: answering, completing, summarising and the
same-day policy. The items themselves are program data (bot/domain/checkin_items.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

# Re-exported: callers import the check-in's names from here, as before the items had their own module.
from bot.domain.checkin_items import FILE as FILE
from bot.domain.checkin_items import MAX_TEXT as MAX_TEXT
from bot.domain.checkin_items import NOTE as NOTE
from bot.domain.checkin_items import NUMBER_WORDS, fold, valid
from bot.domain.checkin_items import Answer as Answer
from bot.domain.checkin_items import CheckinConfig as CheckinConfig
from bot.domain.checkin_items import CheckinItem as CheckinItem
from bot.domain.checkin_items import Option as Option
from bot.domain.checkin_items import load_checkin_config as load_checkin_config
from bot.domain.checkin_items import parse_answer as parse_answer
from bot.domain.checkin_items import typed_skip as typed_skip
from bot.domain.checkin_words import answer_first, names_item, said_as


class StaleAnswer(Exception):
    """The answer is for an item other than the current one (double tap or an old button)."""


@dataclass(frozen=True)
class Draft:
    """An in-progress check-in; serialisable so it survives a restart."""

    draft_id: str
    started_at: datetime
    answers: Mapping[str, Answer]
    position: int
    # Words typed while a button question waited that answer nothing: never dropped, they join the note.
    asides: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store."""
        return {
            "draft_id": self.draft_id,
            "started_at": self.started_at.astimezone(UTC).isoformat(),
            "answers": dict(self.answers),
            "position": self.position,
            **({"asides": list(self.asides)} if self.asides else {}),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Draft:
        """Rebuild from the store."""
        started = datetime.fromisoformat(d["started_at"]).astimezone(UTC)
        asides = tuple(str(t) for t in d.get("asides", ()))
        return cls(str(d["draft_id"]), started, dict(d.get("answers", {})), int(d.get("position", 0)), asides)


def start_draft(config: CheckinConfig, *, draft_id: str, now: datetime) -> Draft:
    """A fresh check-in positioned at the first item."""
    return Draft(draft_id, _utc(now), {}, 0)


def current_item(config: CheckinConfig, draft: Draft) -> CheckinItem | None:
    """The item to ask next, or None when the check-in is complete."""
    # The first unanswered item, so a draft saved before the program edited its items still resumes sanely.
    return next((i for i in config.items if i.key not in draft.answers), None)


USE_ITEM = "used"  # the item the bot reads as "used since the last check-in" (checkin_items.toml: 1 = yes)


def told_use_answer(item: CheckinItem, told_use: bool) -> Answer:
    """Yes at the "have you used?" question when the words tell a use the screen read ("had a couple beers at
    my cousins bbq ngl": newcomer20 N185, answered as a relapse and asked again), else None."""
    return 1 if told_use and item.key == USE_ITEM and item.kind == "choice" and valid(item, 1) else None


def answers_question(
    config: CheckinConfig, stored: dict[str, Any] | None, text: str, *, told_use: bool = False
) -> bool:
    """Whether typed words are the answer to the open check-in's question (a choice or a number): there,
    "sí, me las tomé" answers "Did you take your medication?" and is no relapse to reply to (newcomer
    finding 10b-4). So are another question's answer typed here ("sí me las tomé" at the craving question:
    newcomer7 N11), which the check-in points out. A note is never: what it says is the screen's to answer."""
    item = current_item(config, Draft.from_dict(stored)) if stored else None
    if item is None or item.kind == "text":
        return False
    if told_use_answer(item, told_use) is not None:
        return True
    return parse_answer(item, text) is not None or other_question(config, item, text) is not None


def other_question(config: CheckinConfig, item: CheckinItem, text: str) -> CheckinItem | None:
    """Another question of the check-in that typed text plainly answers ("craving is 7" at the mood question,
    "sí me las tomé" at the craving question: newcomer7 N11): never recorded as this item's answer."""
    return next(
        (o for o in config.items
         if o.key != item.key and o.kind != "text" and names_item(o.key, fold(text)) and parse_answer(o, text) is not None),
        None,
    )  # fmt: skip


def answer(config: CheckinConfig, draft: Draft, item_key: str, value: Answer) -> Draft:
    """Record an answer (None = skipped) to the current item and move on."""
    item = current_item(config, draft)
    if item is None or item.key != item_key:
        raise StaleAnswer(f"{item_key!r} is not the current item")
    if not valid(item, value):
        raise ValueError(f"check-in item {item_key!r}: {value!r} is not an allowed answer")
    answers = {**draft.answers, item_key: value}
    return replace(draft, answers=answers, position=len(answers))


# A check-in left this long is closed, not resumed (its answers would describe another day's hours).
DRAFT_MAX_AGE = timedelta(hours=6)


def is_expired(draft: Draft, now: datetime, max_age: timedelta) -> bool:
    """True when a draft was left longer than max_age and should be closed, not resumed."""
    return _utc(now) - draft.started_at > max_age


def local_date(now: datetime, tz: ZoneInfo) -> date:
    """The patient's calendar date at this instant."""
    return _utc(now).astimezone(tz).date()


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("expected a timezone-aware datetime")
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class Entry:
    """A completed check-in as stored: answers are numbers (or note text), never labels."""

    entry_id: str
    ts: datetime
    local_date: date
    answers: dict[str, Answer]

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store: ts as ISO-8601 UTC, local_date as ISO date."""
        return {
            "entry_id": self.entry_id,
            "ts": self.ts.astimezone(UTC).isoformat(),
            "local_date": self.local_date.isoformat(),
            "answers": dict(self.answers),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Entry:
        """Rebuild from the store."""
        ts = _utc(datetime.fromisoformat(d["ts"]))
        return cls(str(d["entry_id"]), ts, date.fromisoformat(d["local_date"]), dict(d["answers"]))


def tried_number(text: str) -> bool:
    """A short try at a number ("7.5", "ocho de diez" at a buttons question): re-asked, never passed on to an
    alert's people as the patient's words (newcomer9 N29: "7.5" went to three counselors, unanswered)."""
    words = fold(text).replace(",", " ").split()
    return 0 < len(words) <= 4 and any(any(c.isdigit() for c in w) or w in NUMBER_WORDS for w in words)


def answer_typed(config: CheckinConfig, draft: Draft, item: CheckinItem, text: str, value: Answer) -> Draft:
    """A typed answer recorded. Words that say more than the option ("yeah had a couple beers last night" is
    Yes: newcomer9 N2) are kept with the check-in too, so the counselor reads what happened, not only the
    option."""
    # "slept like crap" or "yes I took them" say the option and no more: only the answer is kept.
    extra = item.kind == "choice" and len(text.split()) > 2 and said_as(item.key, fold(text)) is None
    # "idk like 5? better than yesterday": the number, and the words after it kept (newcomer18 N156)
    extra = extra or (item.kind == "scale" and answer_first(text) is not None)
    return answer(config, with_aside(draft, text.strip()) if extra else draft, item.key, value)


def with_aside(draft: Draft, text: str) -> Draft:
    """The draft keeping words typed that answer no question (they join the note when it completes)."""
    return replace(draft, asides=(*draft.asides, text))


def complete(draft: Draft, *, now: datetime, tz: ZoneInfo) -> Entry:
    """Turn a finished draft into an entry; entry_id = draft_id so a replay is idempotent. Words typed
    between the questions come first in the note, so the counselor reads them with the answers."""
    answers = dict(draft.answers)
    if draft.asides:
        note = answers.get(NOTE)
        answers[NOTE] = "\n".join([*draft.asides, note] if isinstance(note, str) and note else draft.asides)
    return Entry(draft.draft_id, _utc(now), local_date(now, tz), answers)


@dataclass(frozen=True)
class Summary:
    """What a check-in means for follow-up: alert flags and coping-skill tags."""

    low_mood: bool
    high_craving: bool
    used: bool
    suggest_tags: tuple[str, ...]


def summarize(config: CheckinConfig, entry: Entry) -> Summary:
    """Flags and coping tags for an entry (items the program dropped or the patient skipped never flag)."""
    a = entry.answers
    mood, craving, sleep, used = a.get("mood"), a.get("craving"), a.get("sleep"), a.get("used") == 1
    low_mood = isinstance(mood, int) and mood <= config.low_mood
    high_craving = isinstance(craving, int) and craving >= config.high_craving
    sleep_item = config.item("sleep")
    sleep_values = [o.value for o in sleep_item.options] if sleep_item else []
    # The lowest sleep option is "poor" whatever the program calls it.
    poor_sleep = bool(sleep_values) and sleep == min(sleep_values)
    # Most pressing first: a skill is chosen for the first tag (bot/domain/coping.py), so use or a strong
    # craving gets a craving skill even when mood and sleep were low too.
    tags = ("craving",) * (high_craving or used) + ("low_mood",) * low_mood + ("sleep",) * poor_sleep
    return Summary(low_mood, high_craving, used, tags)


# The worse of two same-day answers to a risk item (finding 9-11: a calm evening's "used: no" erased the
# morning's "used: yes"). Missed medication (0) is worse than taken (1) or not prescribed (-1).
_WORSE: dict[str, Callable[[int, int], int]] = {
    "mood": min,
    "craving": max,
    "sleep": min,
    "used": max,
    "medication": lambda before, after: 0 if 0 in (before, after) else after,
}
# The items whose worse answer of the day is kept.
RISK_ITEMS = tuple(_WORSE)


def merge_same_day(config: CheckinConfig, existing: Sequence[Entry], new: Entry) -> tuple[list[Entry], Entry]:
    """Apply the same-day policy; returns (the full new list, the entry as stored). "update" keeps one entry
    a day: the later answers, except that a risk item keeps the worse of the day (a disclosure of use, a
    low mood, a strong craving are never overwritten by a better moment) and both notes are kept."""
    entries = list(existing)
    replayed = next((e for e in entries if e.entry_id == new.entry_id), None)
    if replayed is not None:
        return entries, replayed
    same = [e for e in entries if e.local_date == new.local_date]
    if config.same_day == "add" or not same:
        return sorted([*entries, new], key=lambda e: e.ts), new
    old = max(same, key=lambda e: e.ts)
    keys = {**old.answers, **new.answers}
    merged = {k: old.answers.get(k) if new.answers.get(k) is None else new.answers[k] for k in keys}
    for k, worse in _WORSE.items():
        before, after = old.answers.get(k), new.answers.get(k)
        if isinstance(before, int) and isinstance(after, int):
            merged[k] = worse(before, after)
    for k in keys:  # new answers win, but a note is the patient's own words: both are kept, in order
        before, after = old.answers.get(k), new.answers.get(k)
        if isinstance(before, str) and isinstance(after, str) and before and after:
            same_words = before.split("\n")[-1] == after  # the same words again (a resumed check-in): once
            merged[k] = before if same_words else f"{before}\n{after}"
    stored = replace(new, answers=merged)
    return sorted([e for e in entries if e is not old] + [stored], key=lambda e: e.ts), stored


def tried_answer(item: CheckinItem, text: str) -> bool:
    """A try at the question on screen: a number, or a few words naming it ("dormí como un angelote" at the
    sleep question). Re-asked, and never passed on to an alert's people (newcomer10 N30: "dormí como bebé" went to
    two counselors as a crisis follow-up and the check-in stood still)."""
    return tried_number(text) or (len(text.split()) <= 6 and names_item(item.key, fold(text)))
