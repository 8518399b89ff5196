"""Check-in items as program data, the in-progress draft, and the stored entry (no I/O beyond loading)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from bot.config.resources import program_toml

FILE = "checkin_items.toml"
NOTE = "note"  # the item whose text words typed between the questions join
MAX_TEXT = 2000
Answer = int | str | None
Kind = Literal["scale", "choice", "text"]

_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_NUMBER_WORDS_ES = ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez")
_NUMBERS = {w: n for words in (_NUMBER_WORDS, _NUMBER_WORDS_ES) for n, w in enumerate(words)} | {"una": 1}
_FIELDS = {"key", "prompt", "kind", "min", "max", "low_label", "high_label", "options", "skippable"}
_FIELDS |= {"prompt_es", "low_label_es", "high_label_es"}  # Spanish, each optional (English shows instead)
_SCALE = re.compile(r"(-?[0-9]{1,3})(?:\s*(?:/|de|of|out of)\s*([0-9]{1,3}))?", re.ASCII)
# "como un 7", "about a 3", "I'd say 6": words around a number that change nothing (folded text).
_AROUND = re.compile(
    r"(?:(?:i d say|i would say|i guess|maybe|probably|about|around|like|roughly|prob|"
    r"diria que|yo diria|creo que|como|mas o menos|tal vez|quizas|quiza|unos?|una|an?|es|un)\s+)*"
    r"(?P<n>.+?)(?:\s+(?:maybe|i guess|i think|or so|creo|mas o menos|o asi|mas bien))*"
)


@dataclass(frozen=True)
class Option:
    """One button of a choice item; `value` is what gets stored and exported."""

    value: int
    label: str
    label_es: str = ""

    def label_in(self, language: str) -> str:
        """The button's label in the patient's language (English where no Spanish is given)."""
        return self.label_es if language == "es" and self.label_es else self.label


@dataclass(frozen=True)
class CheckinItem:
    """One question of the check-in."""

    key: str
    prompt: str
    kind: Kind
    minimum: int = 0
    maximum: int = 10
    low_label: str = ""
    high_label: str = ""
    options: tuple[Option, ...] = ()
    skippable: bool = True
    prompt_es: str = ""
    low_label_es: str = ""
    high_label_es: str = ""

    def prompt_in(self, language: str) -> str:
        """The question in the patient's language (English where the program gave no Spanish)."""
        return self.prompt_es if language == "es" and self.prompt_es else self.prompt

    def scale_labels_in(self, language: str) -> tuple[str, str]:
        """The scale's end labels in the patient's language."""
        if language == "es" and (self.low_label_es or self.high_label_es):
            return self.low_label_es, self.high_label_es
        return self.low_label, self.high_label

    def choices(self) -> tuple[Option, ...]:
        """The buttons to show: every whole number for a scale, the options for a choice."""
        if self.kind == "scale":
            return tuple(Option(v, str(v)) for v in range(self.minimum, self.maximum + 1))
        return self.options


@dataclass(frozen=True)
class CheckinConfig:
    """The program's check-in: ordered items, same-day policy and alert thresholds."""

    items: tuple[CheckinItem, ...]
    same_day: Literal["update", "add"]
    low_mood: int
    high_craving: int

    def item(self, key: str) -> CheckinItem | None:
        """The item with this key, if the program asks it."""
        return next((i for i in self.items if i.key == key), None)


def load_checkin_config(path: Path | None = None) -> CheckinConfig:
    """Read and validate the check-in items file."""
    raw = program_toml(FILE, path)
    items: list[CheckinItem] = []
    for n, table in enumerate(raw.get("item", []), start=1):
        item = _item(table, n)
        if any(i.key == item.key for i in items):
            raise ValueError(f"check-in item {item.key!r}: duplicate key")
        items.append(item)
    if not items:
        raise ValueError("check-in items: the file defines no [[item]]")
    same_day = raw.get("same_day", "update")
    if same_day not in ("update", "add"):
        raise ValueError(f"same_day: expected 'update' or 'add', got {same_day!r}")
    limits = raw.get("thresholds", {})
    low, high = limits.get("low_mood", 3), limits.get("high_craving", 7)
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (low, high)):
        raise ValueError("thresholds: low_mood and high_craving must be whole numbers")
    return CheckinConfig(tuple(items), same_day, low, high)


def _item(t: Any, n: int) -> CheckinItem:
    key = t.get("key") if isinstance(t, dict) else None
    if not isinstance(key, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        raise ValueError(f"check-in item #{n}: key must be lowercase letters, digits or _, got {key!r}")
    where = f"check-in item {key!r}"
    if unknown := sorted(set(t) - _FIELDS):  # a typo such as "promt" would otherwise be silently ignored
        raise ValueError(f"{where}: unknown setting(s) {', '.join(unknown)}")
    prompt, kind = t.get("prompt"), t.get("kind")
    if not isinstance(prompt, str) or not prompt.strip():
        raise ValueError(f"{where}: prompt must be non-empty text")
    if kind not in ("scale", "choice", "text"):
        raise ValueError(f"{where}: unknown kind {kind!r} (expected scale, choice or text)")
    lo, hi = t.get("min", 0), t.get("max", 10)
    if kind == "scale" and not (isinstance(lo, int) and isinstance(hi, int) and lo < hi):
        raise ValueError(f"{where}: min must be a whole number below max (got {lo!r}..{hi!r})")
    options: list[Option] = []
    for o in t.get("options", []):
        value, label = (o.get("value"), o.get("label")) if isinstance(o, dict) else (None, None)
        if not isinstance(value, int) or isinstance(value, bool) or not isinstance(label, str) or not label:
            raise ValueError(f"{where}: each option needs a whole-number value and a label, got {o!r}")
        if unknown := sorted(set(o) - {"value", "label", "label_es"}):
            raise ValueError(f"{where}: unknown option setting(s) {', '.join(unknown)}")
        options.append(Option(value, label, _text(o.get("label_es", ""), f"{where}: label_es")))
    if kind == "choice" and not options:
        raise ValueError(f"{where}: a choice item needs options")
    if not len(options) == len({o.value for o in options}) == len({_fold(o.label) for o in options}):
        raise ValueError(f"{where}: option values and labels must be unique")
    # A typed answer is read in either language: a label may not mean two different options.
    named: dict[str, int] = {}
    for o in options:
        for label in filter(None, (o.label, o.label_es)):
            if named.setdefault(_fold(label), o.value) != o.value:
                raise ValueError(f"{where}: the label {label!r} names two different options")
    spanish = [_text(t.get(f, ""), f"{where}: {f}") for f in ("prompt_es", "low_label_es", "high_label_es")]
    return CheckinItem(
        key, prompt.strip(), kind, lo, hi, str(t.get("low_label", "")), str(t.get("high_label", "")),
        tuple(options), bool(t.get("skippable", True)), *spanish,
    )  # fmt: skip


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{where} must be text, got {value!r}")
    return value.strip()


def _fold(text: str) -> str:
    # "not prescribed", "Not_Prescribed" and "not-prescribed" are the same answer to a person, and so
    # are "Sí", "si" and "sí." (accents and end punctuation are often left out on a phone).
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[_\-]", " ", plain).strip(" .!¡¿?").split())


def parse_answer(item: CheckinItem, raw: str) -> Answer:
    """A typed reply as a stored value, or None when it cannot be understood (the caller re-asks)."""
    text = raw.strip()
    if item.kind == "text":
        return text[:MAX_TEXT] or None
    if item.kind == "choice":
        folded = _fold(text)
        return next(
            (o.value for o in item.options if folded in _folded_labels(o) or text == str(o.value)), None
        )
    match = _SCALE.fullmatch(text) or _SCALE.fullmatch(_number(text))
    if not match or (match[2] is not None and int(match[2]) != item.maximum):
        return None
    value = int(match[1])
    return value if item.minimum <= value <= item.maximum else None


def _number(text: str) -> str:
    """A typed scale answer with its number words as digits and the words around it dropped."""
    folded = " ".join(re.sub(r"[,;:'’]", " ", _fold(text)).split())
    bare = _AROUND.fullmatch(folded)
    core = bare["n"] if bare else folded
    return " ".join(str(_NUMBERS.get(w, w)) for w in core.split()) if core else text


def _folded_labels(option: Option) -> set[str]:
    return {_fold(label) for label in (option.label, option.label_es) if label}


def _valid(item: CheckinItem, value: Answer) -> bool:
    if value is None:
        return item.skippable
    if item.kind == "text":
        return isinstance(value, str) and len(value) <= MAX_TEXT
    return type(value) is int and any(o.value == value for o in item.choices())


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


def answer(config: CheckinConfig, draft: Draft, item_key: str, value: Answer) -> Draft:
    """Record an answer (None = skipped) to the current item and move on."""
    item = current_item(config, draft)
    if item is None or item.key != item_key:
        raise StaleAnswer(f"{item_key!r} is not the current item")
    if not _valid(item, value):
        raise ValueError(f"check-in item {item_key!r}: {value!r} is not an allowed answer")
    answers = {**draft.answers, item_key: value}
    return replace(draft, answers=answers, position=len(answers))


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
