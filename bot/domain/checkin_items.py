"""Check-in items as program data: the items, their scales and options, and reading a typed answer to one
(bot/domain/checkins.py keeps the draft and the stored entry)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from bot.config.resources import program_toml
from bot.domain.checkin_words import TOOK, answer_first, end_label, said_as, unhedged, without_subject

FILE = "checkin_items.toml"
NOTE = "note"  # the item whose text words typed between the questions join
MAX_TEXT = 2000
Answer = int | str | None
Kind = Literal["scale", "choice", "text"]

_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_NUMBER_WORDS_ES = ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez")
_NUMBERS = {w: n for words in (_NUMBER_WORDS, _NUMBER_WORDS_ES) for n, w in enumerate(words)} | {"una": 1}
NUMBER_WORDS = frozenset(_NUMBERS) - {"un", "una", "one"}  # not the articles: "una duda" is no number
_FIELDS = {"key", "prompt", "kind", "min", "max", "low_label", "high_label", "options", "skippable"}
_FIELDS |= {"prompt_es", "low_label_es", "high_label_es"}  # Spanish, each optional (English shows instead)
_SCALE = re.compile(r"(-?[0-9]{1,3})(?:\s*(?:/|de|of|out of)\s*([0-9]{1,3}))?", re.ASCII)
# "como un 7", "about a 3", "I'd say 6": words around a number that change nothing (folded text).
_AROUND = re.compile(
    # How much, before the number (newcomer N64: "a lot, like 8", "muchas, como 8").
    r"(?:(?:a lot|alot|lots|so much|not much|not many|pretty|kinda|kind of|high|low|bad|strong|"
    r"muchas?|muchos?|mucho|bastantes?|poco|pocas?|altas?|bajas?|fuertes?|"
    r"i d say|i would say|i guess|maybe|probably|about|around|like|roughly|prob|"
    r"diria que|yo diria|creo que|como|de|mas o menos|tal vez|quizas|quiza|unos?|una|an?|es|un)\s+)*"
    r"(?P<n>.+?)(?:\s+(?:maybe|i guess|i think|or so|creo|mas o menos|o asi|mas bien))*"
)


@dataclass(frozen=True)
class Option:
    """One button of a choice item; `value` is what gets stored and exported."""

    value: int
    label: str
    label_es: str = ""
    typed: tuple[
        str, ...
    ] = ()  # other words a patient may type for it ("no tengo receta" for "No me recetaron")

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
        if unknown := sorted(set(o) - {"value", "label", "label_es", "typed"}):
            raise ValueError(f"{where}: unknown option setting(s) {', '.join(unknown)}")
        typed = o.get("typed", [])
        if not isinstance(typed, list) or not all(isinstance(w, str) and w.strip() for w in typed):
            raise ValueError(f"{where}: typed must be a list of words, got {typed!r}")
        label_es = _text(o.get("label_es", ""), f"{where}: label_es")
        options.append(Option(value, label, label_es, tuple(w.strip() for w in typed)))
    if kind == "choice" and not options:
        raise ValueError(f"{where}: a choice item needs options")
    if not len(options) == len({o.value for o in options}) == len({fold(o.label) for o in options}):
        raise ValueError(f"{where}: option values and labels must be unique")
    # A typed answer is read in either language: a label may not mean two different options.
    named: dict[str, int] = {}
    for o in options:
        for label in filter(None, (o.label, o.label_es, *o.typed)):
            if named.setdefault(fold(label), o.value) != o.value:
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


def fold(text: str) -> str:
    """Text as typed answers are compared: lower case, no accents, no end punctuation."""
    # "not prescribed", "Not_Prescribed" and "not-prescribed" are the same answer to a person, and so
    # are "Sí", "si" and "sí." (accents and end punctuation are often left out on a phone).
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[_\-]", " ", plain).strip(" .!¡¿?").split())


# newcomer6 findings 14/16: "Skip" typed at "Anything you'd like to add? [Skip]", and "Omitir" by a patient who had
# switched to English, were stored as the note. The button's label in either language is the button; at the note
# (nothing to read as an answer there) so is a plain "nothing to add".
_SKIP_WORDS = frozenset({"skip", "omitir", "saltar", "skip it", "skip this", "skip this one", "omitelo"})
_NOTHING_TO_ADD = frozenset(
    {"no", "nope", "nah", "none", "nothing", "nothing else", "nothing to add", "no thanks", "no thank you",
     "nada", "nada mas", "no gracias", "nada que agregar", "nada que anadir", "ninguna", "ninguno", "n/a", "na"}
)  # fmt: skip


def typed_skip(item: CheckinItem, raw: str) -> bool:
    """Whether typed text is the Skip button of a skippable item, in either language."""
    if not item.skippable:
        return False
    folded = fold(raw)
    return folded in _SKIP_WORDS or (item.kind == "text" and folded in _NOTHING_TO_ADD)


def parse_answer(item: CheckinItem, raw: str) -> Answer:
    """A typed reply as a stored value, or None when it cannot be understood (the caller re-asks)."""
    text = raw.strip()
    if item.kind == "text":
        return text[:MAX_TEXT] or None
    value = _parse(item, text)
    said = answer_first(text) if value is None else None  # the answer, then why (newcomer18 N156)
    if said is not None and NUMBER_WORDS.isdisjoint(fold(said[1]).split()):  # "nada, siete": two answers
        value = _parse(item, said[0])
    return value


def _parse(item: CheckinItem, text: str) -> Answer:
    if item.kind == "choice":
        folded = fold(text)
        found = next(
            (o.value for o in item.options if folded in _folded_labels(o) or text == str(o.value)), None
        )
        return found if found is not None else _leading(item, folded)
    value = _scale(item, text)
    parts = [part for part in re.split(r"[,;]", text) if part.strip()]
    if value is None and len(parts) > 1:  # "nada, cero": each half says the same number (newcomer10 N30)
        values = {_scale(item, part) for part in parts}
        value = values.pop() if len(values) == 1 else None
    return value


def _scale(item: CheckinItem, text: str) -> int | None:
    labels = (item.low_label, item.high_label, item.low_label_es, item.high_label_es)
    texts = (text, _number(text, item.key), _number(text, item.key, True))
    match = next((m for m in (_SCALE.fullmatch(t) for t in texts) if m), None)
    if not match:
        return end_label(tuple(fold(label) for label in labels if label), fold(text))
    if match[2] is not None and int(match[2]) != item.maximum:
        return None
    value = int(match[1])
    return value if item.minimum <= value <= item.maximum else None


# "sí, me las tomé", "yes I took them", "no, se me olvidó" (newcomer finding 10b-4): a one-word label, then a
# comma or a word that goes on about the writer, is that label; "no idea", "no sé" or "yes and no" are not.
_LEAD = re.compile(
    r"(\w+)(?:\s*[,;:.!]+\s*\S|\s+(?:i|i'm|im|i've|ive|me|ya|already|took|did|didn't|didnt|but|pero)\b)"
)
# Taking it, said without a yes: the medication question's yes.
_TOOK = re.compile(rf"(?:{TOOK})\b")
_YES = frozenset({"yes", "si"})


# A yes or no and then what happened ("yeah had a couple beers last night", "nah forgot them this morning", "pues
# sí, anoche me tomé unas cervezas": newcomer9 N1, N2) is that answer, unless the words after take it back or say
# the writer does not know ("yes and no", "no idea", "no sé", "yeah right", "nah jk").
_UNSURE_AFTER = re.compile(
    r"(?:and no|and yes|y no|y si|o no|or no|or yes|but no|pero no|no|yes|si|right|idea|clue|se|lo se|sure|"
    r"estoy segur[oa]|se si|really|maybe|quizas|tal vez|jk|kidding|i guess not|not really|exactly)\b"
)


def _leading(item: CheckinItem, folded: str) -> Answer:
    """A choice answered with words after it, or the medication question's "I took them"; else None."""
    lead = _LEAD.match(folded)
    said = (said_as(item.key, lead[1]) or lead[1]) if lead else None  # "yeah, took em": "yeah" is Yes
    found = next((o.value for o in item.options if said in _folded_labels(o)), None) if said else None
    if found is not None:
        return found
    first, _, rest = unhedged(re.sub(r"[,;:.!]+", " ", folded)).partition(" ")
    said = said_as(item.key, first) if rest.strip() and not _UNSURE_AFTER.match(rest.strip()) else None
    if said in ("yes", "no"):
        found = next((o.value for o in item.options if said in _folded_labels(o)), None)
        if found is not None:
            return found
    if item.key == "medication" and _TOOK.fullmatch(folded.split(",")[0].strip()) is not None:
        return next((o.value for o in item.options if _folded_labels(o) & _YES), None)
    meant = said_as(item.key, folded)  # "barely slept tbh", "nope" (newcomer6 finding 3)
    return next((o.value for o in item.options if meant in _folded_labels(o)), None) if meant else None


def _number(text: str, item_key: str = "", hedged: bool = False) -> str:
    """A typed scale answer with its number words as digits and the words around it dropped (with ``hedged``,
    "idk" or "tbh" too: newcomer6 finding 3; the item's own name, "craving is prob 7": newcomer7 N11)."""
    folded = " ".join(re.sub(r"[,;:'’]", " ", fold(text)).split())
    folded = re.sub(r"\b([0-9]+) ?ish\b", r"\1", folded)  # "6ish"
    folded = without_subject(item_key, unhedged(folded) if hedged else folded)
    bare = _AROUND.fullmatch(folded)
    core = bare["n"] if bare else folded
    return " ".join(str(_NUMBERS.get(w, w)) for w in core.split()) if core else text


def _folded_labels(option: Option) -> set[str]:
    return {fold(label) for label in (option.label, option.label_es, *option.typed) if label}


def valid(item: CheckinItem, value: Answer) -> bool:
    """Whether a value answers the item: one of its options or a short enough text; None when skippable."""
    if value is None:
        return item.skippable
    if item.kind == "text":
        return isinstance(value, str) and len(value) <= MAX_TEXT
    return type(value) is int and any(o.value == value for o in item.choices())
