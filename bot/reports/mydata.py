"""/mydata as people read it: a labelled summary, and the file with labels instead of codes (no I/O).

The file keeps everything stored about the patient (their right of access), but check-in answers carry
their labels ("Sleep": "OK", not 1), and the bot's own bookkeeping (what it is waiting for, which
reminders went out) sits under "bookkeeping" with a line saying what it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from bot import texts
from bot.domain.checkins import CheckinConfig
from bot.domain.coping import Skill
from bot.domain.models import Patient

# "practice": the walk-through in progress and the last one's id (newcomer10 N9: shown as data, it was
# `{"run": null, "last_done": "4bd56032"}`); what the patient said of a skill is under "feedback".
BOOKKEEPING = ("state", "sent", "measure_draft", "sos_told", "practice")
_NAMES = {"used": "Used since last check-in", "craving": "Craving", "mood": "Mood", "note": "Note"}
_PROFILE = {
    "alias": "Name your counselor sees",
    "telegram_id": "Telegram user id",
    "counselor_id": "Counselor",
    "cohort": "Group",
    "enrolled_at": "Enrolled",
    "consent_at": "Agreed to the terms",
    "timezone": "Time zone",
    "checkin_time": "Daily check-in time",
    "status": "Status",
    "status_changed_at": "Status changed",
    "withdrawn_by": "Enrollment closed by",
    "locale": "Crisis-line region",
    "language": "Language",
    "practice_time": "Skill-of-the-day time",
    "quiet_start": "Quiet hours from",
    "quiet_end": "Quiet hours until",
}


def item_name(config: CheckinConfig, key: str) -> str:
    """A check-in item's short label: "Mood", "Sleep"."""
    return _NAMES.get(key) or key.replace("_", " ").capitalize()


def answer_label(config: CheckinConfig, key: str, value: Any) -> str:
    """An answer as it was shown: "7/10", "OK", "Yes", or the note's words."""
    item = config.item(key)
    if value is None:
        return texts.NOT_ANSWERED  # English only: the /mydata file and the CSV export
    if item is not None and item.kind == "scale":
        return f"{value}/{item.maximum}"
    if item is not None and item.kind == "choice":
        return next((o.label for o in item.options if o.value == value), str(value))
    return str(value)


def readable(
    data: dict[str, Any],
    config: CheckinConfig,
    counselor: str | None = None,
    flag_label: Callable[[str], str] = lambda kind: kind.replace("_", " "),
    skills: Mapping[str, Skill] | None = None,
    language: str = "en",
) -> dict[str, Any]:
    """The export with labels: profile fields named, check-in answers labelled, flags, alerts, session
    answers and rated skills by what they mean (the last three in the patient's language), bookkeeping set
    apart. The counselor is named, not given as their personal Telegram id (newcomer6 finding 18: with it
    some clients open the counselor's own account)."""
    profile = dict(data.get("profile", {}))
    if "counselor_id" in profile:
        profile["counselor_id"] = counselor or "(no longer with the program)"
    out: dict[str, Any] = {
        "about": "Everything IOP Companion stores about you. Times are UTC (ISO 8601).",
        "profile": {_PROFILE.get(k, k): v for k, v in profile.items() if v is not None},
    }
    checkins = []
    for row in data.get("checkins", []):
        answers = row.get("answers", {})
        entry = {"date": row.get("local_date"), "recorded at": row.get("ts")}
        entry.update({item_name(config, k): answer_label(config, k, v) for k, v in _every(answers, config)})
        checkins.append(entry)
    out["check-ins"] = checkins
    bookkeeping = {}
    for name, rows in data.items():
        if name in ("profile", "checkins"):
            continue
        if isinstance(
            rows, list
        ):  # which updates moved a row (crash safety, ops O62): no one's data (ops O138)
            rows = [{k: v for k, v in r.items() if k != MOVED} if isinstance(r, dict) else r for r in rows]
        if name == "flags" and isinstance(rows, list):
            out["flags"] = [_flag(row, flag_label) for row in rows]
        elif name in _CODED and isinstance(rows, list):
            label = _CODED[name]
            out[name] = [label(row, skills or {}, language) if isinstance(row, dict) else row for row in rows]
        elif name in BOOKKEEPING:
            bookkeeping[name] = rows
        else:
            out[name.replace("_", " ")] = rows
    if bookkeeping:
        out["bookkeeping"] = {
            "what this is": "What the bot keeps to do its job: which question it is waiting for, "
            "which reminders it has sent.",
            **bookkeeping,
        }
    return out


MOVED = "moved"  # bot/store/moved.py's FIELD (reports do not import the store)


def _flag(row: Any, flag_label: Callable[[str], str]) -> Any:
    """A flag as "what it was about", when, and whether a counselor has seen it; its internal key and the
    counselor's id on the acknowledgement are the bot's bookkeeping, not the patient's data."""
    if not isinstance(row, dict) or "kind" not in row:
        return row
    ack = row.get("ack")
    out = {"about": flag_label(str(row["kind"])), "raised": row.get("at")}
    out["seen by your counselor"] = ack.get("at") if isinstance(ack, dict) else "not yet"
    if row.get("details"):
        out["details"] = row["details"]
    return out


def _alert(row: dict[str, Any], skills: Mapping[str, Skill], language: str) -> dict[str, Any]:
    out = {k: v for k, v in row.items() if k != "kind"}
    return {"about": texts.alert_about(str(row.get("kind", "")), language), **out}


def _rsvp(row: dict[str, Any], skills: Mapping[str, Skill], language: str) -> dict[str, Any]:
    return {**row, "answer": texts.rsvp_answer(str(row.get("answer", "")), language)}


def _rated(row: dict[str, Any], skills: Mapping[str, Skill], language: str) -> dict[str, Any]:
    """A rated skill by the name the patient saw; the run's id is the bot's own (it stops a double tap)."""
    key = str(row.get("skill_key", ""))
    skill = skills.get(key)
    name = skill.name_in(language) if skill is not None else key.replace("_", " ")
    out = {k: v for k, v in row.items() if k not in ("skill_key", "run", "helped")}
    return {"skill": name, "helped": texts.helped_label(str(row.get("helped", "")), language), **out}


_CODED: dict[str, Callable[[dict[str, Any], Mapping[str, Skill], str], dict[str, Any]]] = {
    "alerts": _alert,
    "rsvp": _rsvp,
    "feedback": _rated,
}


def _every(answers: dict[str, Any], config: CheckinConfig) -> list[tuple[str, Any]]:
    """Each item the program asks, in its order (None where there is no answer: it is shown as not answered,
    never left out), then any answer to an item it no longer asks."""
    asked = [(item.key, answers.get(item.key)) for item in config.items]
    return asked + [(k, v) for k, v in answers.items() if config.item(k) is None]


def counts(data: dict[str, Any]) -> dict[str, int]:
    """How many of each kind of record, for the summary."""
    return {name: len(rows) for name, rows in data.items() if isinstance(rows, list)}


def summary_text(patient: Patient, counselor: str | None, data: dict[str, Any], config: CheckinConfig) -> str:
    """The /mydata message: labelled, no codes, no internal fields (in the patient's language)."""
    es = patient.language == "es"
    profile = [("Name your counselor sees", patient.alias)]
    if counselor:
        profile.append(("Counselor", counselor))
    if patient.cohort:
        profile.append(("Group", patient.cohort))
    if patient.timezone and patient.checkin_time:
        profile.append(("Time zone", patient.timezone))
        profile.append(("Daily check-in", texts.clock_in(patient.checkin_time, patient.language)))
    rows = sorted(data.get("checkins", []), key=lambda r: str(r.get("ts")))
    span = (_day(rows[0]), _day(rows[-1])) if rows else None
    answers = _every(rows[-1].get("answers", {}), config) if rows else []
    if es:
        last = [(texts.ITEM_NAMES_ES.get(k, k), _label_es(config, k, v)) for k, v in answers if k != "note"]
        return texts.mydata_summary_es(profile, len(rows), span, last, counts(data))
    last = [(item_name(config, k), answer_label(config, k, v)) for k, v in answers if k != "note"]
    return texts.mydata_summary(profile, len(rows), span, last, counts(data))  # English only: Spanish above


def _label_es(config: CheckinConfig, key: str, value: Any) -> str:
    item = config.item(key)
    if value is None:
        return texts.NOT_ANSWERED_ES
    if item is not None and item.kind == "choice":
        return next((o.label_in("es") for o in item.options if o.value == value), str(value))
    return answer_label(config, key, value)


def _day(row: dict[str, Any]) -> str:
    try:
        return date.fromisoformat(str(row.get("local_date"))).strftime("%-d %b %Y")
    except ValueError:
        return str(row.get("local_date"))
