"""Which crisis lines a patient sees: by their locale, else their time zone's country and their language.

The directory (bot/data/crisis_lines.toml, program data) lists each locale's lines with where and
when every number was checked. A program's own ``[crisis.<locale>]`` lines in its settings replace
the block of the same name. A country the directory does not list gets the program's own
``default_locale`` when the program chose one other than the US, else the international block
(the local emergency number and a directory of lines): never US numbers that do not work there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.config.resources import program_data, program_toml
from bot.config.sections import CrisisResources
from bot.config.settings import Settings
from bot.domain.models import Patient

FILE = "crisis_lines.toml"
STALE_DAYS = 365
INTERNATIONAL = "intl"  # the directory's block for a country it does not list
US = "us"


@dataclass(frozen=True)
class Check:
    """Where and when one number was verified."""

    number: str
    checked: date
    source: str


@dataclass(frozen=True)
class Locale:
    """One block of lines, in one language, with its checks."""

    name: str
    language: str
    lines: tuple[str, ...]
    checks: tuple[Check, ...]
    abuse: tuple[str, ...] = ()  # a domestic-violence line, where the country has one we checked
    child: tuple[str, ...] = ()  # a child-abuse line, where the country has one we checked (newcomer9 N45)


@dataclass(frozen=True)
class Directory:
    """Every locale and the time zones of each country."""

    locales: dict[str, Locale]
    zones: dict[str, str]  # IANA zone -> country


def load_crisis_lines(path: Path | None = None) -> Directory:
    """Read and check the directory; ValueError names the block that is wrong."""
    raw = program_toml(FILE, path)
    locales: dict[str, Locale] = {}
    for name, block in raw.get("locale", {}).items():
        lines, checks = block.get("lines"), block.get("checks")
        if not lines or not all(isinstance(x, str) and x for x in lines) or not checks:
            raise ValueError(f"{FILE}: locale.{name}: needs non-empty lines and checks (source and date)")
        try:
            parsed = tuple(Check(c["number"], date.fromisoformat(c["checked"]), c["source"]) for c in checks)
        except (KeyError, ValueError, TypeError) as exc:
            raise ValueError(
                f"{FILE}: locale.{name}: a check needs number, checked (YYYY-MM-DD), source: {exc}"
            ) from None
        abuse, child = block.get("abuse", []), block.get("child", [])
        for key, extra in (("abuse", abuse), ("child", child)):
            if not isinstance(extra, list) or not all(isinstance(x, str) and x for x in extra):
                raise ValueError(f"{FILE}: locale.{name}: {key} must be a list of non-empty lines")
        language = str(block.get("language", "en"))
        locales[name] = Locale(name, language, tuple(lines), parsed, tuple(abuse), tuple(child))
    zones = {zone: country for country, names in raw.get("zones", {}).items() for zone in names}
    return Directory(locales, zones)


default_crisis_lines = program_data(FILE, load_crisis_lines)


def locale_key(settings: Settings, patient: Patient | None, language: str, directory: Directory) -> str:
    """The block for this patient: their own locale, else their zone's country (+ '-es' in Spanish)."""
    known = set(directory.locales) | set(settings.crisis)
    own = (patient.locale or "").replace("_", "-").lower() if patient else ""
    if own in known:
        return own
    if own:
        lang, _, region = own.partition("-")
        for key in (f"{region}-{lang}", region, f"{own}"):
            if key in known and (key != region or directory.locales.get(key, _NONE).language == lang):
                return key
        language = lang if lang in ("en", "es") else language
    zone = (patient.timezone if patient and patient.timezone else None) or settings.timezone
    country = directory.zones.get(zone) or _unlisted(settings)
    spoken = f"{country}-{language}"
    return spoken if spoken in known else country if country in known else settings.default_locale


_NONE = Locale("", "", (), ())


def _unlisted(settings: Settings) -> str:
    """A zone whose country the directory does not list (Bogota, Tokyo, UTC).

    US numbers only where the zone is a US one: a patient without a zone of their own already has the
    program's, so "unknown, and the program is in the US" is a listed US zone. A program that chose a
    default locale of its own (its [crisis.<locale>] lines) knows its patients; the built-in US default
    is no such choice, and 988 does not answer in Colombia: the local emergency number and a directory.
    """
    return settings.default_locale if settings.default_locale != US else INTERNATIONAL


def lines_for(settings: Settings, patient: Patient | None, language: str = "en") -> CrisisResources:
    """The crisis lines to show: the program's override for the chosen locale, else the directory's."""
    directory = default_crisis_lines()
    key = locale_key(settings, patient, language, directory)
    if key in settings.crisis and not _is_default_us(settings, key, directory):
        return settings.crisis[key]
    if key in directory.locales:
        return CrisisResources(key, directory.locales[key].lines)
    return settings.crisis_for(None)


def abuse_lines_for(settings: Settings, patient: Patient | None, language: str = "en") -> tuple[str, ...]:
    """The domestic-violence line(s) for the same locale as the crisis lines; () where none is listed."""
    directory = default_crisis_lines()
    key = locale_key(settings, patient, language, directory)
    return directory.locales.get(key, _NONE).abuse


def child_lines_for(settings: Settings, patient: Patient | None, language: str = "en") -> tuple[str, ...]:
    """The child-abuse line(s) for the same locale as the crisis lines; () where none is listed."""
    directory = default_crisis_lines()
    key = locale_key(settings, patient, language, directory)
    return directory.locales.get(key, _NONE).child


def answer_lines(
    settings: Settings, patient: Patient | None, language: str = "en", *, others: bool = False
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The crisis answer's lines: the locale's, its domestic-violence line(s) when danger from someone else was
    read (``others``: bot/domain/crisis_kind.danger_from_others), and its child-abuse line(s)."""
    abuse = abuse_lines_for(settings, patient, language) if others else ()
    return lines_for(settings, patient, language).lines, abuse, child_lines_for(settings, patient, language)


def _is_default_us(settings: Settings, key: str, directory: Directory) -> bool:
    """The built-in settings carry the US English lines; they are not an override of the directory."""
    return key == US and settings.crisis[key].lines == directory.locales.get(key, _NONE).lines
