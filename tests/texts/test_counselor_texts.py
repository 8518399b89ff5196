"""Every counselor-facing message, rendered with fixed inputs and compared with a reviewed copy.

A wording change shows up as a changed file under tests/snapshots/counselor/, so it is reviewed like code.
After an intended change: `UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/texts/test_counselor_texts.py`, then read the diff.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import get_args
from zoneinfo import ZoneInfo

import pytest

from bot import texts
from bot.domain.checkins import Entry
from bot.domain.digest import Attendee, DailyRow
from bot.domain.escalation import AlertKind
from bot.texts.digest_handled import handled_section, waiting_section
from bot.texts.handback import hand_back

SNAPSHOTS = Path(__file__).resolve().parents[1] / "snapshots" / "counselor"
NY = ZoneInfo("America/New_York")
AT = datetime(2026, 11, 29, 3, 0, tzinfo=NY)  # Sun 29 Nov, 3:00 AM
TODAY = date(2026, 11, 29)


def _entry(mood: int, craving: int) -> Entry:
    return Entry("e1", AT, TODAY, {"mood": mood, "craving": craving})


def _alert(kind: str) -> Callable[[], str]:
    return lambda: texts.counselor_alert(kind, "Alex", AT, 0, 0)


def _cases() -> dict[str, Callable[[], str]]:
    """Each counselor-facing message with fixed, realistic inputs (HTML as sent)."""
    attendees = [
        Attendee("p1", "Alex", _entry(2, 8), ("low mood", "high craving"), "n", "Work shift", 30),
        Attendee("p2", "Blair", _entry(6, 1), (), "l", None, 2),
        Attendee("p3", "Casey", None, (), None, None, 5),
    ]
    rows = [
        DailyRow("p1", "Alex", ("crisis language",), False, 2, 60),
        DailyRow("p2", "Blair", (), True, 0, 0),
    ]
    sent = datetime(2026, 11, 29, 3, 20, tzinfo=NY)
    lines = [
        texts.checkin_line(
            TODAY,
            [("mood", "2/10"), ("craving", "8/10"), ("sleep", "poor"), ("used", "yes")],
            "Argued with my sister and could not sleep. " * 4,
        ),
        texts.checkin_line(
            date(2026, 11, 28), [("mood", "6/10"), ("craving", "3/10"), ("medication", None)], None
        ),
    ]
    return {
        "caseload": lambda: texts.caseload_screen(
            [
                texts.caseload_line(
                    "Alex",
                    "2 h ago",
                    "3.1↓",
                    "7.4↑",
                    ["crisis language", "use reported"],
                    texts.todays_answers({"mood": 1, "craving": 9, "used": 1, "medication": 0}),
                    urgent_open=1,
                ),
                texts.caseload_line("Blair", "1 d ago", "6.0→", "2.0→", []),
                texts.caseload_line("Casey", "9 d ago", "–", "–", [], status="withdrawn"),
            ]
        ),
        "caseload_empty": lambda: texts.CASELOAD_EMPTY,
        "today_none": lambda: texts.todays_answers(None),
        "patient_answered": lambda: "\n".join(
            texts.patient_answered("Alex", answer, AT) for answer in ("safe", "notsafe", "misread")
        ),
        "patient_page": lambda: texts.patient_view(
            "Alex",
            "active",
            "Evening IOP",
            [
                texts.dated_flag("low mood", [date(2026, 11, 20)], 1),
                texts.dated_flag("use mentioned", [date(2026, 11, 20), date(2026, 11, 23)], 2),
                texts.dated_flag("worrying words: asked if safe", [date(2026, 11, 21)], 3),
                texts.dated_flag(
                    "high <craving>", [date(2026, 11, 17) + timedelta(days=n) for n in range(5)], 5
                ),
            ],
            lines,
            [("Urge surfing", "yes"), ("Box breathing", "no")],
            [texts.plan_line(date(2026, 11, 20)), texts.thread_line(3, "Alex", AT)],
            texts.measures_block(
                [
                    texts.measures_counselor_line("PHQ-9", 10, "moderate", TODAY, -6, True, 9),
                    texts.measures_counselor_line("GAD-7", 5, "mild", TODAY, None, False, None),
                ]
            ),
            today=texts.todays_answers({"mood": 2, "craving": 8, "used": 1}),
        ),
        "patient_page_new": lambda: texts.patient_view("Blair", "aftercare", "", [], [], []),
        "notes": lambda: "\n---\n".join(
            texts.notes_pages(
                "Alex", [(TODAY, "Argued with my sister."), (date(2026, 11, 27), "Good day <3")]
            )
        ),
        "thread": lambda: "\n---\n".join(
            texts.thread_pages(
                "Alex", [("You", AT, "Can you call me back?"), ("Alex", sent, "Sure, after 5.")]
            )
        ),
        "timeline": lambda: (
            "\n---\n".join(
                texts.timeline_pages(
                    "Alex",
                    [
                        (AT, "checkin", "", "Long day <at> work"),
                        (sent, "check", "", "whats the point anymore"),
                        (sent, "alert", "crisis language", "tengo todas mis pastillas en la mano"),
                        (sent, "message", "", ""),
                    ],
                )
            )
            + "\n"
            + texts.BTN_TIMELINE
            + "\n"
            + texts.NO_TIMELINE
        ),
        "flag_explained": lambda: (
            texts.flag_explained(
                [
                    "crisis:means_at_hand",
                    "crisis:signals.fixation+means_at_hand",
                    "check:kill_self.third_person",
                ],
                "es",
            )
            + "\n"
            + texts.reason_words("relapse:use")
        ),
        "safety_plan": lambda: texts.counselor_plan("Alex", "<b>1. Warning signs</b>\nNot sleeping"),
        "no_plan": lambda: texts.NO_PLAN,
        "no_notes": lambda: "\n".join(texts.notes_pages("Alex", [])) + "\n" + texts.NO_NOTES,
        "no_messages": lambda: "\n".join(texts.thread_pages("Alex", [])) + "\n" + texts.NO_MESSAGES,
        "ask_message": lambda: texts.ask_message("Alex"),
        "message_sent": lambda: texts.message_sent("Alex"),
        "message_failed": lambda: texts.message_failed("Alex", "I'm calling you <now>"),
        "message_too_long": lambda: texts.message_too_long(5000, 4050),
        "cannot_message_popup": lambda: texts.CANNOT_MESSAGE,
        "patient_withdrawn": lambda: texts.patient_withdrawn("Alex", TODAY),
        "patient_closed": lambda: texts.patient_closed("Alex", TODAY),
        "patient_message": lambda: texts.patient_message("Alex", sent, "Sure, after 5 <ok>?"),
        "patient_reply": lambda: texts.patient_reply(
            "Alex",
            sent,
            "yes i can be there at 8",
            AT,
            "Hi Alex, can you come in early Monday? We have a <new> slot.",
        ),
        "patient_message_locked": lambda: texts.PATIENT_MESSAGE_LOCKED,
        "alert_words_deleted": lambda: texts.alert_words_deleted("Alex", sent),
        "alert_without_words": lambda: texts.alert_without_words("Alex"),
        "message_gone": lambda: texts.MESSAGE_GONE,
        "patient_stopped": lambda: "\n".join(
            [
                texts.counselor_patient_stopped("Alex"),
                texts.counselor_patient_stopped("Alex", 21, True),
                texts.counselor_patient_stopped("Alex", 21, False, ("Pat <Kim>", AT)),  # ops O127
            ]
        ),
        "patient_enrolled": lambda: texts.new_patient_for_counselor("Alex"),
        "flags_acked": lambda: "\n".join(
            (
                texts.flags_acked(2),
                texts.flags_acked(5, 0, [("worrying words", 3), ("use reported", 1), ("can't make it", 1)]),
                texts.flags_acked(40, 2, [(f"kind number {n}", 2) for n in range(20)]),
            )
        ),
        "flags_acked_urgent_open": lambda: "\n".join(
            [
                *(texts.flags_acked(2, 1), texts.flags_acked(0, 2)),
                *(texts.urgent_still_open("Alex", n) for n in (1, 2)),
                *(texts.urgent_page_line(n) for n in (1, 2)),
                texts.open_alert_button("crisis language", AT),
            ]
        ),
        "check_words_burst": lambda: "\n".join(
            texts.check_words_pages("Alex", [(AT, texts.burst_words(["i cant do this"], "im done"), True)])
        ),
        "check_words_joined": lambda: "\n".join(
            texts.check_words_pages(
                "Alex", [(AT, texts.words_under_question(["i give up", "nothing matters <anymore>"]), True)]
            )
        ),
        "ack_note_offer": lambda: texts.ack_note_offer("Alex <3"),
        "ack_note_ask": lambda: "\n".join(
            (texts.ACK_NOTE_ASK, texts.ACK_NOTE_NOT_YOURS, texts.ACK_NOTE_OPEN)
        ),
        "ack_note_line": lambda: "\n".join(
            (
                texts.ack_note_line("Dana Rivera", "called, safe at her sister's <3"),
                texts.ack_note_saved("Alex"),
                texts.ack_note_too_long(412),
            )
        ),
        "routine_hold": lambda: texts.routine_hold_line(AT),
        "no_flags": lambda: texts.NO_FLAGS,
        "check_answered": lambda: "\n".join(
            [
                *(texts.check_answered("Alex", a, AT) for a in ("safe", "notsafe")),
                *(texts.check_answered("Alex", "safe", AT, after=n) for n in (1, 2)),
            ]
        ),
        "check_page_line": lambda: texts.check_page_line(1, AT) + "\n" + texts.check_page_line(3, AT),
        "check_words": lambda: "\n---\n".join(
            texts.check_words_pages("Alex", [(sent, "honestly i give up <3", True), (AT, "", False)])
            + texts.check_words_pages("Alex", [])
        ),
        "caseload_erased": lambda: texts.caseload_line(
            "Alex", "never", "–", "–", [], "today: no check-in yet", erased=date(2026, 12, 4)
        ),
        "page_erased": lambda: texts.erased_page_line(date(2026, 12, 4)),
        "not_your_patient": lambda: texts.NOT_YOUR_PATIENT,
        "not_a_counselor": lambda: texts.NOT_A_COUNSELOR,
        "export_usage": lambda: texts.EXPORT_USAGE,
        "export_unknown": lambda: texts.EXPORT_UNKNOWN,
        "chart_caption": lambda: texts.history_caption("Alex", 30),
        "chart_title": lambda: texts.counselor_chart_title("Alex", 30),
        **{
            f"alert_{kind}": _alert(kind)
            for kind in (
                *("crisis", "overdose", "overdose_other", "self_harm", "abuse", "harm_others"),
                *("sos", "phq9", "relapse", "not_safe", "withdrawn_crisis", "checkin", "invitee_crisis"),
                *("withdrawn_overdose", "withdrawn_self_harm", "withdrawn_abuse", "withdrawn_harm_others"),
                "phq9_words",
                "not_sure",  # gaps11 #1
                *("crisis_unclear", "strong_craving", "child_abuse"),  # gaps13: newcomer9 N10, N45
            )
        },
        "alert_escalated": lambda: texts.counselor_alert("crisis", "Alex", AT, 2, 30),
        # newcomer6 finding 22: a "not safe" said again joins the open one; days and hours, never "3252 min"
        "alert_not_safe_again": lambda: "\n".join(
            [
                texts.counselor_alert("not_safe", "Dev", AT, 3, 3252, again=(AT, AT)),
                texts.patient_answered("Dev", "notsafe", AT, times=3),
                texts.check_answered("Dev", "notsafe", AT, times=2),
                texts.reminder_line("not_safe", "Dev", AT, 3252, again=2),
                texts.NOT_SAFE_FOLDED,
            ]
        ),
        "alert_unsaved": lambda: texts.unsaved_alert("crisis", "Alex", AT),
        "alert_acknowledged": lambda: texts.alert_acknowledged(
            texts.counselor_alert("sos", "Alex", AT, 0, 0), "Dana Rivera", sent
        ),
        "alert_message": lambda: "\n---\n".join(texts.alert_message("Alex", "I can't do this anymore")),
        "alert_not_yours": lambda: texts.ALERT_NOT_YOURS,
        "alert_already": lambda: texts.ALERT_ALREADY,
        "alert_thanks": lambda: texts.ALERT_THANKS,
        "rsvp_late": lambda: texts.counselor_rsvp(
            "Alex", "l", "group", datetime(2026, 11, 30, 18, 0, tzinfo=NY)
        ),
        "rsvp_cant": lambda: texts.counselor_rsvp(
            "Alex", "n", "group", datetime(2026, 11, 30, 18, 0, tzinfo=NY), "Work"
        ),
        "digest_group": lambda: texts.group_digest(
            "Evening IOP", datetime(2026, 11, 29, 18, 0), TODAY, attendees
        ),
        # newcomer9 N54: the group's open alerts by name, the caseload's others counted apart.
        "digest_group_unacked": lambda: texts.group_digest(
            "Evening IOP",
            datetime(2026, 11, 29, 18, 0),
            TODAY,
            attendees,
            urgent=[("Alex", 1, datetime(2026, 11, 28, 23, 41, tzinfo=NY), ["overdose"])],
            elsewhere=3,
        ),
        "digest_group_notice": lambda: texts.group_digest_notice(datetime(2026, 11, 29, 18, 0), TODAY, 1),
        "digest_daily": lambda: texts.daily_digest(TODAY, rows),
        "digest_daily_quiet": lambda: texts.daily_digest(TODAY, [rows[1]]),
        "digest_daily_notice": lambda: texts.daily_digest_notice(TODAY, 0),
        "digest_daily_unacked": lambda: texts.daily_digest(
            TODAY,
            [rows[1]],
            [("Alex", 3, datetime(2026, 11, 28, 23, 41, tzinfo=NY), ["crisis language", "said not safe"])],
        ),
        "digest_daily_notice_unacked": lambda: texts.daily_digest_notice(TODAY, 1, 3),
        "digest_setting": lambda: texts.digest_setting(time(7, 30), "America/New_York", 60),
        "digest_set": lambda: (
            texts.digest_set(time(7, 30), "America/New_York")
            + "\n"
            + texts.digest_set(time(9, 0), "America/New_York", time(7, 30))
        ),
        "digest_off": lambda: texts.DIGEST_OFF,
        "digest_usage": lambda: texts.DIGEST_USAGE,
        "digest_gone": lambda: texts.DIGEST_GONE,
        "digest_failed": lambda: texts.DIGEST_FAILED,
        "broadcast_usage": lambda: texts.broadcast_usage(["Evening IOP", "Morning IOP"]),
        "broadcast_ask": lambda: texts.broadcast_ask("Evening IOP"),
        "broadcast_preview": lambda: texts.broadcast_preview(
            "Evening IOP",
            "No group Thursday: holiday.",
            1,
            ["Jordan", "Lucia"],
            ["Lucia"],
            [("Sam", "aftercare")],
        ),
        "broadcast_left_out": lambda: texts.broadcast_left_out(2),
        "broadcast_done": lambda: texts.broadcast_done(
            11,
            [("Tyler", "has blocked the bot"), ("Sam", None)],
            2,
            [("Lupe", texts.STATUS_LABELS["withdrawn"])],
        ),
        "broadcast_cancelled": lambda: texts.BROADCAST_CANCELLED,
        "pin_ask": lambda: texts.PIN_ASK,
        "pin_ok": lambda: texts.PIN_OK,
        "pin_needed": lambda: texts.PIN_NEEDED,
        "pin_stray": lambda: texts.PIN_STRAY,
        "pin_not_a_pin": lambda: texts.PIN_NOT_A_PIN,  # newcomer12 N81
        "pin_wrong": lambda: texts.pin_wrong(1),
        "pin_locked": lambda: texts.pin_locked(15),
        "help": lambda: texts.HELP_COUNSELOR,
        "oncall_removed": lambda: texts.oncall_removed("Rae Kim"),
        "no_longer_counselor": lambda: texts.NO_LONGER_COUNSELOR,  # newcomer7 N26
        "counselor_removed": lambda: texts.counselor_removed("Dana Rivera"),  # ops O136
        "alert_counselor_removed": lambda: texts.ALERT_COUNSELOR_REMOVED,  # ops O136
        "digest_more_names": lambda: texts.digest_more_names(30, 4),  # newcomer7 N32
        # One day format in every counselor text, "Wed 2 Dec" (the digests said "Wed, Dec 2")
        "digest_group_later": lambda: texts.group_digest_notice(AT + timedelta(days=3), AT.date(), 1),
        "handed_over": lambda: (
            texts.handed_over("Alex", "Dana Rivera", [texts.reminder_line("crisis", "Alex", AT, 2)])
            + "\n---\n"
            + texts.handed_over("Alex", "Dana Rivera", [])
        ),
        # newcomer20 N201: the hand-back on a counselor's first morning back, to them and to their cover.
        "hand_back": lambda: "\n---\n".join(
            [
                hand_back(
                    "Dana Rivera",
                    "Pat <Kim>",
                    AT - timedelta(days=3),
                    [
                        (
                            "Finley",
                            "crisis language",
                            AT - timedelta(days=2),
                            "Pat <Kim>",
                            AT,
                            "gun <locked>",
                        ),
                        ("Drew", "check-in answers", AT - timedelta(days=1), None, None, ""),
                    ],
                    [("Alex", 1, AT - timedelta(days=2))],
                    to_cover=cover,
                )
                for cover in (False, True)
            ]
            + [hand_back("Dana Rivera", None, None, [], [], to_cover=False)]
        ),
        # newcomer20 N199, N194: alerts acknowledged since the last digest with their note; messages waiting.
        "digest_handled": lambda: "\n".join(
            handled_section(
                [
                    (
                        "Finley",
                        AT - timedelta(hours=14),
                        "crisis language",
                        "Pat Kim",
                        AT,
                        "reached <him>, safe",
                    ),
                    ("Casey", AT - timedelta(hours=2), "overdose", "you", AT, ""),
                ],
                AT - timedelta(days=1),
                False,
            )
            + waiting_section([("Skyler", 2, AT - timedelta(hours=9)), ("Alex", 1, AT)])
        ),
        # newcomer22 N216: a cover marked away too, told to the counselor they covered and to the cover's cover.
        "away_cover_chain": lambda: "\n".join(
            [
                texts.away_cover_away("Pat <Kim>", TODAY + timedelta(days=5), "Rae Chen"),
                texts.away_cover_away("Pat Kim", TODAY + timedelta(days=5), None),
                texts.away_cover_chain("Dana Rivera", "Pat Kim", TODAY + timedelta(days=5)),
                texts.cover_handed_on("A<b>", "Luis Ortega"),  # newcomer22 N226
            ]
        ),
        # newcomer20 N196 addenda, N212: a notice about a patient, to whoever stands in for their away counselor.
        "standing_in_note": lambda: "\n".join(
            texts.standing_in_note("A<b>", "Dana Rivera", TODAY + timedelta(days=3), why)
            for why in ("cover", "on_call", "admin")
        ),
        "handed_away": lambda: (
            texts.handed_away("Alex", "Rae Kim", 2) + "\n" + texts.handed_away("Alex", "Rae Kim", 0)
        ),
        # newcomer22 N228: a message typed while its patient moved to someone else is not sent.
        "draft_patient_moved": lambda: texts.draft_patient_moved("A<b>", "Rae Kim"),
        # newcomer22 N219: the counselor who had a patient who withdrew hears they came back as someone else's.
        "returned_elsewhere": lambda: (
            texts.returned_elsewhere("Alex", "Alex B", "Pat Kim")
            + "\n"
            + texts.returned_elsewhere("A<b>", "A<b>", "Pat", closed=True)
        ),
        # gaps11 #4: a removed counselor's patients in one card, not a card each.
        "handed_over_many": lambda: (
            "\n---\n".join(texts.handed_over_many("Dana Rivera", [("Alex", 2), ("Bo", 0), ("Cy", 1)]))
            + "\n---\n"
            + "\n---\n".join(texts.handed_over_many("Dana Rivera", [("Alex", 0)]))
        ),
        "handed_over_alerts": lambda: texts.handed_over_alerts(
            [texts.reminder_line("crisis", "Alex", AT, 2)]
        ),
        # ops O97: a moved patient's message to the old counselor nobody answered, with its Reply.
        "handed_message": lambda: (
            texts.handed_message("Alex", "Dana Rivera", AT, "I need to talk about my <meds>", None)
            + "\n---\n"
            + texts.handed_message_locked("Alex", "Dana Rivera")
        ),
        # newcomer20 N200: urgent alerts past their last reminder, once a day.
        "stale_alerts": lambda: texts.stale_alerts(
            [("Drew", "checkin", AT - timedelta(days=2), 2 * 1440 + 930), ("A<b>", "crisis", AT, 900)]
        ),
        # ops O94: the first start on a restored backup.
        "restored": lambda: (
            texts.restored_admin(AT - timedelta(days=2), AT)
            + "\n---\n"
            + texts.restored_counselor(AT)
            + "\n---\n"
            + texts.alert_not_in_records(AT)
        ),
        # newcomer22 N225: an on-call rotation told to those added and removed.
        "oncall": lambda: (
            texts.on_call_from_now("Riverside <IOP>", 15)
            + "\n---\n"
            + texts.on_call_no_longer("Riverside <IOP>")
        ),
    }


CASES = _cases()


@pytest.mark.parametrize("name", sorted(CASES))
def test_counselor_message_matches_its_reviewed_snapshot(name: str) -> None:
    text = CASES[name]()
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    assert path.exists(), f"no snapshot for {name}: run with UPDATE_SNAPSHOTS=1 and review {path}"
    assert text + "\n" == path.read_text(encoding="utf-8"), (
        f"{name} changed: review it, then UPDATE_SNAPSHOTS=1"
    )
    assert len(text) <= texts.MAX_MESSAGE


# Shared pieces, buttons and numbers that appear inside the messages above rather than on their own.
PIECES = {
    "ARROWS",
    "SKIPPED",
    "THREAD_FROM_YOU",
    "THREAD_FROM_COLLEAGUE",
    "HELPED",
    "DIGEST_OPEN_HINT",
    "STATUS_LABELS",
    "NOTE_PREVIEW",
    "MAX_MESSAGE",
    "number",
    "fit_lines",
    "pages",
    "relayed",
    "relayed_from_program",
    "relay_room",
    "checkin_line",
    "plan_line",
    "thread_line",
    "notes_pages",
    "thread_pages",
    "caseload_line",
    "caseload_screen",
    "caseload_pages",
    "patient_view",
    "counselor_plan",
    "NOT_ANSWERED",
    "CHECK_LABEL",
    "check_words_pages",
    "NO_WORDS",  # in the check_words case
    "WORDS_NOT_KEPT",
    "burst_words",  # in the check_words_burst case (newcomer16 N125)
    "words_under_question",  # in the check_words_joined case (newcomer18 N181)
}


@pytest.mark.parametrize(
    "module",
    [
        "counselor",
        "digest",
        "unlock",
        "review",
        "timeline",
        "flag_reasons",
        "roster",
        "ack_note",
        "restored",
        "oncall",
    ],
)
def test_every_counselor_text_has_a_snapshot(module: str) -> None:
    """A new counselor text fails here until it is added to the cases above."""
    import importlib
    import inspect

    mod = importlib.import_module(f"bot.texts.{module}")
    source = inspect.getsource(_cases)
    texts_here = [
        name
        for name, value in vars(mod).items()
        if (name.isupper() and isinstance(value, str))
        or (inspect.isfunction(value) and value.__module__ == mod.__name__ and not name.startswith("_"))
    ]
    missing = [
        n for n in texts_here if not n.startswith("BTN_") and n not in PIECES and f"texts.{n}" not in source
    ]
    assert missing == []


@pytest.mark.parametrize(
    "write", [texts.ask_message, texts.message_sent, texts.counselor_patient_stopped, texts.broadcast_ask]
)
def test_a_name_put_into_a_counselor_text_is_escaped(write: Callable[[str], str]) -> None:
    text = write("<i>Al & Co</i>")
    assert "&lt;i&gt;Al &amp; Co&lt;/i&gt;" in text and "<i>" not in text


def test_a_counselors_time_names_its_zone_in_letters_or_as_an_offset() -> None:
    assert texts.zoned(AT) == "Sun 29 Nov 3:00 AM EST"
    sao_paulo = datetime(2026, 11, 29, 3, 0, tzinfo=ZoneInfo("America/Sao_Paulo"))  # "-03": no letters
    assert texts.zoned(sao_paulo) == "Sun 29 Nov 3:00 AM UTC-03:00"
    kolkata = datetime(2026, 11, 29, 3, 0, tzinfo=ZoneInfo("Asia/Kolkata"))
    assert texts.zone_name(kolkata) == "IST"


def test_the_timeline_shows_a_long_message_whole_over_several_messages() -> None:
    """Newcomer finding 10-24: a 4,090-character diary ending 'tonight i am going to end my life, i have the
    pills ready.' was cut at 'day 39 … (cut)' in the timeline, so the crisis sentence was shown nowhere."""
    from datetime import UTC, datetime

    from bot.texts.base import MAX_MESSAGE

    diary = " ".join(
        f"day {n}: woke up, felt empty, went to work, came home, drank, felt worse." for n in range(59)
    )
    text = diary + " tonight i am going to end my life, i have the pills ready."
    at = datetime(2026, 11, 29, 23, 0, tzinfo=UTC)
    pages = texts.timeline_pages("Ned", [(at, "alert", "crisis language", text), (at, "message", "", "ok")])
    shown = "\n".join(pages)
    assert "i have the pills ready." in shown and "(cut)" not in shown
    assert all(len(page) <= MAX_MESSAGE for page in pages)
    assert shown.index("day 58") < shown.index("pills ready") < shown.index("<blockquote>ok<")


def test_a_reminder_with_older_alerts_still_open_never_says_every_one_is_acknowledged() -> None:
    """newcomer9 N12: "every one of them is acknowledged now" stood above "…still not acknowledged (Lucia)"."""
    text = texts.reminder_all_acknowledged("✅ done", [("Lucia", 1)])
    assert "every one" not in text and "older ones are still open" in text and "Lucia" in text
    assert "every one of them is acknowledged now" in texts.reminder_all_acknowledged("✅ done")


def test_older_alerts_are_opened_from_the_reminders_buttons_not_from_caseload() -> None:
    """newcomer N72: someone on call holds alerts of patients their /caseload does not list."""
    text = texts.stale_line([("Alex", 2), ("Sofia", 1)])
    assert "/caseload" not in text and "buttons with the patient's name open them again" in text
    some = texts.stale_line([("Alex", 2), ("Sofia", 1)], buttons=1)
    assert "first 1 patients" in some and "earlier cards" in some
    assert texts.older_alerts_button("Alex", 2) == "🚨 Alex: 2 older alerts"


@pytest.mark.parametrize("kind", sorted(k for k in get_args(AlertKind) if k.startswith("withdrawn_")))
def test_a_closed_enrollments_alert_never_says_stop(kind: str) -> None:
    """gaps18: after `iop-bot patient close` the cards said the patient withdrew with /stop."""
    at = datetime(2026, 11, 29, 23, 0, tzinfo=ZoneInfo("UTC"))
    for text in (
        texts.counselor_alert(kind, "Alex", at, 0, 1),
        texts.counselor_alert(kind, "Alex", at, 3, 40, last=True),
        texts.reminder_line(kind, "Alex", at, 40),
    ):
        assert "/stop" in text  # what a patient's own /stop reads
        closed = texts.as_closed(text)
        assert "/stop" not in closed and "an admin closed their enrollment" in closed, closed


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_patient_whose_enrollment_was_closed_is_not_told_they_used_stop(language: str) -> None:
    """gaps18: "Since you stopped this app with /stop" after an admin closed the enrollment."""
    stop = texts.told_after_stop("Told.", "counselor", language)
    closed = texts.told_after_stop("Told.", "counselor", language, closed=True)
    assert "/stop" in stop and "/stop" not in closed
    assert ("cerró tu inscripción" if language == "es" else "closed your enrollment") in closed
    again = texts.stopped_again(language, closed=True)
    assert "/stop" in texts.stopped_again(language) and "/stop" not in again
    assert ("cerró tu inscripción" if language == "es" else "closed your enrollment") in again
    erased = texts.deleted_after_stop(language, closed=True)
    assert "/stop" in texts.deleted_after_stop(language) and "/stop" not in erased
    assert ("cerró tu inscripción" if language == "es" else "closed your enrollment") in erased


def test_a_closed_enrollments_erasure_and_covering_note_never_say_stop() -> None:
    """gaps18: the counselor's notice of a /delete after `patient close`, and an on-call card's note."""
    erased = texts.counselor_patient_erased("Alex", withdrawn=True, closed=True)
    assert "/stop" not in erased and "an admin had closed" in erased
    note = texts.covering_note("Alex", "Dana Rivera", reachable=False)
    assert "/stop" in note and "/stop" not in texts.as_closed(note)


def test_a_caseload_line_says_what_the_open_alerts_are_about_and_since_when() -> None:
    """newcomer16 N126: rows showed "🚨 1 urgent alert not acknowledged" for an overdose and a check-in alike."""
    one = texts.caseload_line(
        "Jo", "2 h ago", "5", "3", [], "", urgent_open=1, gravest="crisis", open_minutes=75
    )
    assert "(talked about ending their life; open 1 h 15 min)" in one
    two = texts.caseload_line(
        "Al", "1 h ago", "5", "3", [], "", urgent_open=2, gravest="overdose", open_minutes=6
    )
    assert "the gravest: wrote about an <b>overdose</b>; oldest open 6 min" in two
    assert "not acknowledged · <b>Al</b>" not in texts.caseload_line("Al", "1 h ago", "5", "3", [], "")


def test_a_long_hand_back_fits_one_message() -> None:
    """newcomer20 N201: a fortnight's alerts with long notes still go as one message, cut at whole lines."""
    alerts = [("Alex", "crisis language", AT, "Pat Kim", AT, "x" * 400)] * 30
    text = hand_back("Dana Rivera", "Pat Kim", AT, alerts, [("Bo", 2, AT)] * 30, to_cover=False)
    assert len(text) <= texts.MAX_MESSAGE and text.endswith("/caseload.") and "more on /caseload" in text


def test_the_caseload_line_never_points_at_a_button_it_does_not_have() -> None:
    """newcomer20 N207: "(wrote words the screen reads as a crisis; what about is not clear (read them: Show message);
    open 2 min)" on /caseload, which has no Show message button."""
    for kind in ("crisis_unclear", "strong_craving", "checkin", "phq9_words", "child_abuse"):
        line = texts.caseload_line(
            "Alex", "1 h ago", "–", "–", [], urgent_open=1, gravest=kind, open_minutes=2
        )
        assert "Show message" not in line and "open 2 min" in line, line
        assert line.count("(") == line.count(")"), line
