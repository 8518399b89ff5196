"""/mydata: the labelled summary and the labelled file, built from what the store really exports."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.domain.checkins import Entry, load_checkin_config
from bot.domain.coping import Feedback
from bot.domain.escalation import Alert
from bot.domain.models import Patient
from bot.reports.mydata import BOOKKEEPING, answer_label, item_name, readable, summary_text
from bot.store.repository import Repository

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
CONFIG = load_checkin_config()
PID = "p1a2b3c"


def alex(**changes: Any) -> Patient:
    return Patient(PID, 555, "Alex", 1001, NOW, NOW, **changes)


def entry(entry_id: str, day: int, **answers: object) -> Entry:
    return Entry(entry_id, datetime(2026, 11, day, 20, tzinfo=UTC), date(2026, 11, day), dict(answers))  # type: ignore[arg-type]


@pytest.fixture
def export(tmp_path: Path) -> dict[str, Any]:
    """Everything the store keeps about a patient who has used the bot for a while."""
    repo = Repository(tmp_path)
    repo.save_patient(alex(timezone="America/Chicago", checkin_time=time(18), cohort="Evening"))
    # Recorded out of order: the summary goes by time, not by insertion.
    repo.record_checkin(
        PID, entry("e2", 22, mood=7, craving=None, sleep=1, medication=-1, used=0, note="ok"), CONFIG
    )
    repo.record_checkin(PID, entry("e1", 2, mood=3, used=1), CONFIG)
    repo.raise_flag(PID, "low_mood", "low_mood:2026-11-02", NOW, {"entry": "e1"})
    repo.raise_flag(PID, "use_reported", "use_reported:2026-11-02", NOW, {"entry": "e1"})
    repo.record_feedback(PID, Feedback("breathing", "yes", NOW))
    repo.add_alert(Alert("a1", "sos", PID, 1001, NOW - timedelta(days=1)))
    repo.set_pending_input(PID, {"kind": "checkin_note"})
    repo.mark_sent(PID, "prompt:2026-11-23")
    data = repo.patient_data_export(PID)
    repo.close()
    return data


def test_the_file_names_profile_fields_and_drops_what_is_unset(export: dict[str, Any]) -> None:
    out = readable(export, CONFIG)
    profile = out["profile"]
    assert profile["Name your counselor sees"] == "Alex"
    assert profile["Group"] == "Evening"
    assert profile["Time zone"] == "America/Chicago"
    assert profile["Daily check-in time"] == "18:00"
    assert "locale" not in profile and "Crisis-line region" not in profile  # never chosen: not a null
    assert profile["Language"] == "en"  # always has a value: the language the bot writes to them in
    assert not any(k in profile for k in ("alias", "timezone", "patient_id"))  # labels, not codes


def test_the_file_labels_every_answer_as_it_was_shown(export: dict[str, Any]) -> None:
    checkins = readable(export, CONFIG)["check-ins"]
    later = next(c for c in checkins if c["date"] == "2026-11-22")
    assert later == {
        "date": "2026-11-22",
        "recorded at": "2026-11-22T20:00:00+00:00",
        "Mood": "7/10",
        "Craving": "not answered",
        "Sleep": "OK",
        "Medication": "Not prescribed",
        "Used since last check-in": "No",
        "Note": "ok",
    }


def test_a_question_without_an_answer_is_shown_as_not_answered_never_left_out(export: dict[str, Any]) -> None:
    checkins = readable(export, CONFIG)["check-ins"]
    earlier = next(c for c in checkins if c["date"] == "2026-11-02")  # only mood and use were stored
    assert earlier["Medication"] == "not answered" and earlier["Sleep"] == "not answered"
    assert list(earlier)[2:] == ["Mood", "Craving", "Sleep", "Medication", "Used since last check-in", "Note"]


def test_the_file_keeps_everything_and_sets_the_bots_bookkeeping_apart(export: dict[str, Any]) -> None:
    out = readable(export, CONFIG)
    assert len(out["flags"]) == 2 and len(out["feedback"]) == 1
    assert [a["about"] for a in out["alerts"]] == ["you asked for help (/sos)"]
    kept = out["bookkeeping"]
    assert kept["what this is"].startswith("What the bot keeps to do its job")
    assert kept["sent"] == [{"key": "prompt:2026-11-23"}]
    assert "state" in kept and "state" not in out
    # The right of access: every table the store exported is in the file, under a readable name.
    # Tables stored as codes are labelled row for row (test_codes_are_labels_in_the_patients_language).
    for name, rows in export.items():
        if name in ("checkins", "flags", "alerts", "feedback", "rsvp"):
            assert len(out[name.replace("checkins", "check-ins")]) == len(rows)
        if name in ("profile", "checkins", "flags", "alerts", "feedback", "rsvp"):
            continue
        where = kept if name in BOOKKEEPING else out
        assert where[name.replace("_", " ")] == rows


def test_with_no_bookkeeping_there_is_no_empty_section() -> None:
    out = readable({"profile": {"alias": "Alex"}, "checkins": [], "safety_plan": [{"step": 1}]}, CONFIG)
    assert "bookkeeping" not in out
    assert out["safety plan"] == [{"step": 1}]
    assert out["check-ins"] == []


def test_the_summary_is_labelled_in_time_order_and_leaves_the_note_out(export: dict[str, Any]) -> None:
    patient = alex(timezone="America/Chicago", checkin_time=time(18), cohort="Evening")
    text = summary_text(patient, "Dana", export, CONFIG)
    assert "• Name your counselor sees: Alex" in text
    assert "• Counselor: Dana" in text and "• Group: Evening" in text
    assert "• Time zone: America/Chicago" in text and "• Daily check-in: 6:00 PM" in text
    assert "• Check-ins: 2 (2 Nov 2026 to 22 Nov 2026)" in text
    assert "Last one: Mood 7/10 · Craving not answered · Sleep OK · Medication Not prescribed · " in text
    assert "Used since last check-in No" in text
    assert "Note" not in text and "ok" not in text.replace("OK", "")  # the note's words stay in the file
    assert "2 flags for your counselor" in text and "1 alert to your counselor" in text
    for code in ("p1a2b3c", "checkin_note", "prompt:", "555"):
        assert code not in text  # no internal ids or bookkeeping


def test_a_new_patients_summary_says_so_and_escapes_what_people_typed() -> None:
    patient = alex(checkin_time=time(18)).with_changes(alias="<b>Al & ex</b>")  # no time zone yet
    text = summary_text(patient, "Dana <i>", {"profile": {}}, CONFIG)
    assert "&lt;b&gt;Al &amp; ex&lt;/b&gt;" in text and "Dana &lt;i&gt;" in text
    assert "• Check-ins: 0\n" in text and "Last one" not in text
    assert "Time zone" not in text  # not set up yet
    assert text.endswith("• Nothing else.")


def test_labels_fall_back_to_what_was_stored() -> None:
    assert item_name(CONFIG, "hours_slept") == "Hours slept"
    assert answer_label(CONFIG, "sleep", 7) == "7"  # a value the program no longer offers
    assert answer_label(CONFIG, "hours_slept", 6.5) == "6.5"  # an item the program no longer asks
    assert answer_label(CONFIG, "mood", None) == "not answered"


def test_a_day_that_is_not_a_date_is_shown_as_stored() -> None:
    data = {"checkins": [{"local_date": "someday", "ts": "2026-11-01T00:00:00+00:00", "answers": {}}]}
    assert "• Check-ins: 1 (someday to someday)" in summary_text(alex(), None, data, CONFIG)


def test_flags_say_what_they_were_about_and_the_counselor_is_named_not_given_by_id(
    export: dict[str, Any],
) -> None:
    """newcomer6 finding 18: the file gave the counselor's personal Telegram id and flags as raw keys
    ("missed_meds:2026-12-02")."""
    labels = {"low_mood": "low mood", "use_reported": "use reported"}
    out = readable(export, CONFIG, "Marcus Bell", lambda kind: labels[kind])
    assert out["profile"]["Counselor"] == "Marcus Bell"
    assert "Counselor (Telegram id)" not in out["profile"]
    assert [f["about"] for f in out["flags"]] == ["low mood", "use reported"]
    assert all(f["seen by your counselor"] == "not yet" and "key" not in f for f in out["flags"])
    assert "1001" not in str(out["profile"])


def test_the_summary_counts_one_record_in_the_singular() -> None:
    from bot import texts

    one = texts.mydata_summary([], 0, None, [], {"rsvp": 1, "messages": 2})
    assert "1 session answer," in one and "2 messages with your counselor" in one
    uno = texts.mydata_summary_es([], 0, None, [], {"rsvp": 1, "messages": 2})
    assert "1 respuesta sobre sesiones," in uno and "2 mensajes con tu consejero o consejera" in uno


@pytest.fixture
def coded(tmp_path: Path) -> dict[str, Any]:
    """newcomer10 N9: what the store keeps as codes (a session answer, alert kinds, a rated skill run)."""
    from bot.domain.escalation import Alert as _Alert

    repo = Repository(tmp_path)
    repo.save_patient(alex(language="es"))
    repo.record_rsvp(PID, "s1:2026-11-24", "l", NOW)
    repo.add_alert(_Alert("a1", "crisis_unclear", PID, 1001, NOW))
    repo.add_alert(_Alert("a2", "not_sure", PID, 1001, NOW))
    repo.start_practice(PID, {"run_id": "4bd56032", "skill": "urge_surfing", "step": 0})
    repo.step_practice(PID, "4bd56032", 0, None, Feedback("urge_surfing", "somewhat", NOW))
    data = repo.patient_data_export(PID)
    repo.close()
    return data


def test_codes_are_labels_in_the_patients_language(coded: dict[str, Any]) -> None:
    from bot.domain.coping import load_skills

    skills = load_skills()
    out = readable(coded, CONFIG, skills=skills, language="en")
    assert [r["answer"] for r in out["rsvp"]] == ["Running late"]
    assert [a["about"] for a in out["alerts"]] == [
        "crisis words (what about was not clear)",
        "you were not sure you were safe",
    ]
    assert out["feedback"] == [
        {"skill": skills["urge_surfing"].name, "helped": "helped a little", "at": NOW.isoformat()}
    ]
    assert "practice" not in out and "practice" in out["bookkeeping"]  # a run's ids are the bot's own
    es = readable(coded, CONFIG, skills=skills, language="es")
    assert [r["answer"] for r in es["rsvp"]] == ["Voy tarde"]
    assert es["alerts"][1]["about"] == "no sabías si estabas a salvo"
    assert es["feedback"][0]["skill"] == skills["urge_surfing"].name_in("es")
    assert es["feedback"][0]["helped"] == "me ayudó un poco"
    text = str(es)
    for code in ("crisis_unclear", "not_sure", "'l'", "urge_surfing", "somewhat"):
        assert code not in text.replace(str(es["bookkeeping"]), "")


def test_the_file_leaves_out_which_updates_moved_a_row() -> None:
    """Ops O138: the patient's copy ended in "moved": [5, 6, 7, 20, 26, …], internal update numbers."""
    data = {"profile": {"alias": "Alex"}, "checkins": [], "state": [{"pending": None, "moved": [5, 6, 7]}]}
    out = readable(data, CONFIG)
    assert "moved" not in str(out) and out["bookkeeping"]["state"] == [{"pending": None}], out
