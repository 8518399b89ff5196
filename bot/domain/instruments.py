"""Standard questionnaires (PHQ-9, GAD-7) as program data, their scoring and score changes (no I/O beyond loading)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.config.resources import program_data, program_toml

FILE = "instruments.toml"


@dataclass(frozen=True)
class Item:
    """One question; `number` is 1-based as printed on the paper form."""

    number: int
    text: str


@dataclass(frozen=True)
class Option:
    """One answer button; `value` is what the item scores."""

    value: int
    label: str


@dataclass(frozen=True)
class Band:
    """A severity band: totals from `minimum` to `maximum` inclusive."""

    minimum: int
    maximum: int
    label: str

    def contains(self, total: int) -> bool:
        """Whether this total falls in the band."""
        return self.minimum <= total <= self.maximum


@dataclass(frozen=True)
class Wording:
    """An instrument's words in another language: its stem, items and answer labels, in the same order
    (the scoring, values and bands never change with the language)."""

    stem: str
    items: tuple[str, ...]
    options: tuple[str, ...]


@dataclass(frozen=True)
class Instrument:
    """A questionnaire: items sharing one stem and one set of answers, scored by summing."""

    id: str
    title: str
    stem: str
    items: tuple[Item, ...]
    options: tuple[Option, ...]
    bands: tuple[Band, ...]
    significant_change: int
    safety_item: int | None = None
    # Other languages' words, by language code ("es"): [instrument.es] in instruments.toml.
    wordings: tuple[tuple[str, Wording], ...] = ()

    def speaks(self, language: str) -> bool:
        """Whether the instrument has its own words in this language (English is the original)."""
        return language == "en" or any(code == language for code, _ in self.wordings)

    def in_language(self, language: str) -> Instrument:
        """The instrument as a patient reading ``language`` is shown it: the same items, values and bands in
        that language's words, or the original where it has none (gaps11 #3)."""
        wording = next((w for code, w in self.wordings if code == language), None)
        if wording is None:
            return self
        return replace(
            self,
            stem=wording.stem,
            items=tuple(Item(i.number, text) for i, text in zip(self.items, wording.items, strict=True)),
            options=tuple(
                Option(o.value, label) for o, label in zip(self.options, wording.options, strict=True)
            ),
        )

    @property
    def max_total(self) -> int:
        """The highest possible total."""
        return len(self.items) * max(o.value for o in self.options)

    def band_for(self, total: int) -> Band:
        """The severity band of a total; ValueError outside the scale."""
        for band in self.bands:
            if band.contains(total):
                return band
        raise ValueError(f"{self.id}: total {total} is outside 0..{self.max_total}")


@dataclass(frozen=True)
class Result:
    """One completed questionnaire."""

    instrument_id: str
    answers: tuple[int, ...]
    total: int
    band: str
    safety_item_positive: bool
    completed_at: datetime

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly record for storage."""
        return {
            "instrument_id": self.instrument_id,
            "answers": list(self.answers),
            "total": self.total,
            "band": self.band,
            "safety_item_positive": self.safety_item_positive,
            "completed_at": self.completed_at.isoformat(),
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Result:
        """The inverse of `to_dict`."""
        return cls(
            instrument_id=str(raw["instrument_id"]),
            answers=tuple(int(a) for a in raw["answers"]),
            total=int(raw["total"]),
            band=str(raw["band"]),
            safety_item_positive=bool(raw["safety_item_positive"]),
            completed_at=datetime.fromisoformat(str(raw["completed_at"])),
        )


def load_instruments(path: Path | None = None) -> dict[str, Instrument]:
    """Read and validate the instruments file, keyed by instrument id."""
    raw = program_toml(FILE, path)
    out: dict[str, Instrument] = {}
    for table in raw.get("instrument", []):
        instrument = _instrument(table)
        if instrument.id in out:
            raise ValueError(f"instrument {instrument.id!r}: duplicate id")
        out[instrument.id] = instrument
    if not out:
        raise ValueError("instruments: the file defines no [[instrument]]")
    return out


default_instruments = program_data(FILE, load_instruments)


def score(instrument: Instrument, answers: Sequence[int], now: datetime) -> Result:
    """Score a full set of answers; ValueError on a wrong count or an answer that is not an option."""
    if len(answers) != len(instrument.items):
        raise ValueError(f"{instrument.id}: expected {len(instrument.items)} answers, got {len(answers)}")
    allowed = {o.value for o in instrument.options}
    for n, answer in enumerate(answers, start=1):
        # bool is an int subclass and floats like 1.0 compare equal to ints; neither is a valid answer.
        if type(answer) is not int or answer not in allowed:
            raise ValueError(f"{instrument.id} item {n}: {answer!r} is not one of {sorted(allowed)}")
    total = sum(answers)
    safety = instrument.safety_item is not None and answers[instrument.safety_item - 1] > 0
    return Result(
        instrument_id=instrument.id,
        answers=tuple(answers),
        total=total,
        band=instrument.band_for(total).label,
        safety_item_positive=safety,
        completed_at=now,
    )


def is_safety_answer(instrument: Instrument, item_number: int, value: int) -> bool:
    """Whether one answer, as soon as it is given, calls for the crisis response (PHQ-9 item 9 above 0)."""
    return instrument.safety_item == item_number and value > 0


def change(previous: Result | None, current: Result) -> int | None:
    """Current total minus previous total (negative is improvement); None without a previous result."""
    if previous is None:
        return None
    if previous.instrument_id != current.instrument_id:
        raise ValueError(f"cannot compare {previous.instrument_id} with {current.instrument_id}")
    return current.total - previous.total


def is_clinically_significant_change(
    previous: Result | None, current: Result, instruments: Mapping[str, Instrument] | None = None
) -> bool:
    """Whether the total moved, either way, by at least the instrument's configured threshold."""
    delta = change(previous, current)
    if delta is None:
        return False
    instrument = (instruments if instruments is not None else default_instruments())[current.instrument_id]
    return abs(delta) >= instrument.significant_change


def _instrument(table: Mapping[str, Any]) -> Instrument:
    ident = str(table.get("id", "")).strip()
    if not ident:
        raise ValueError("instrument: missing id")

    def fail(why: str) -> ValueError:
        return ValueError(f"instrument {ident!r}: {why}")

    items = tuple(Item(n, str(text)) for n, text in enumerate(table.get("items", []), start=1))
    options = tuple(Option(int(o["value"]), str(o["label"])) for o in table.get("options", []))
    bands = tuple(Band(int(b["min"]), int(b["max"]), str(b["label"])) for b in table.get("bands", []))
    if not items or not options or not bands:
        raise fail("needs items, options and bands")
    if len({o.value for o in options}) != len(options) or min(o.value for o in options) < 0:
        raise fail("option values must be distinct and not negative")
    safety_item = table.get("safety_item")
    if safety_item is not None and not (isinstance(safety_item, int) and 1 <= safety_item <= len(items)):
        raise fail(f"safety_item {safety_item!r} is not an item number")
    significant = table.get("significant_change")
    if not isinstance(significant, int) or significant <= 0:
        raise fail("significant_change must be a positive whole number")
    instrument = Instrument(
        id=ident,
        title=str(table.get("title", ident)),
        stem=str(table.get("stem", "")),
        items=items,
        options=options,
        bands=tuple(sorted(bands, key=lambda b: b.minimum)),
        significant_change=significant,
        safety_item=safety_item,
        wordings=tuple(
            (code, _wording(code, table[code], items, options, fail)) for code in _LANGUAGES if code in table
        ),
    )
    # Every possible total must land in exactly one band, or a result could go unlabelled.
    expected = 0
    for band in instrument.bands:
        if band.minimum != expected or band.maximum < band.minimum:
            raise fail(f"bands must run from 0 to {instrument.max_total} without gaps or overlaps")
        expected = band.maximum + 1
    if expected != instrument.max_total + 1:
        raise fail(f"bands must run from 0 to {instrument.max_total} without gaps or overlaps")
    return instrument


_LANGUAGES = ("es",)  # the patient languages the bot speaks besides English


def _wording(
    code: str,
    table: Mapping[str, Any],
    items: Sequence[Item],
    options: Sequence[Option],
    fail: Callable[[str], ValueError],
) -> Wording:
    """[instrument.<code>]: a translation must cover every item and every option, in order."""
    stem = str(table.get("stem", "")).strip()
    words = tuple(str(t) for t in table.get("items", []))
    labels = tuple(str(label) for label in table.get("options", []))
    if not stem:
        raise fail(f"[{code}] needs its stem")
    if len(words) != len(items):
        raise fail(f"[{code}] has {len(words)} items for {len(items)}")
    if len(labels) != len(options):
        raise fail(f"[{code}] has {len(labels)} options for {len(options)} (labels in the same order)")
    return Wording(stem, words, labels)
