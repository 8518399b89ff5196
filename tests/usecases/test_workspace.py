"""The counselor's workspace as data: who may see whom, the caseload's order, a patient's page."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.domain.checkins import Entry, load_checkin_config
from bot.domain.coping import Feedback
from bot.domain.escalation import Alert, acknowledge
from bot.domain.flag_rules import load_flag_rules
from bot.domain.models import Counselor, Patient
from bot.store.repository import Repository
from bot.usecases.workspace import (
    caseload,
    checkin_cells,
    may_see,
    notes,
    open_flag_kinds,
    patient_page,
    visible_patients,
)

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
TODAY = date(2026, 11, 23)
CONFIG = load_checkin_config()
RULES = load_flag_rules()
DANA = Counselor(1001, "Dana")
SAM = Counselor(1002, "Sam")
ADMIN = Counselor(9, "Ada", role="admin")


def person(pid: str, alias: str, counselor: Counselor = DANA, **changes: Any) -> Patient:
    return Patient(pid, 500 + sum(map(ord, pid)), alias, counselor.telegram_id, NOW, NOW, **changes)


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    return Repository(tmp_path)


def add(repo: Repository, *patients: Patient) -> None:
    for p in patients:
        repo.save_patient(p)


def check_in(repo: Repository, pid: str, at: datetime, day: date | None = None, **answers: object) -> Entry:
    entry = Entry(f"e{pid}{at:%d%H%M}", at, day or at.date(), {"mood": 6, "craving": 2, **answers})  # type: ignore[dict-item]
    return repo.record_checkin(pid, entry, CONFIG)


def alert(kind: str, pid: str, counselor: Counselor = DANA) -> Alert:
    return Alert(f"a{kind}{pid}", kind, pid, counselor.telegram_id, NOW)  # type: ignore[arg-type]


# Who may see whom ---------------------------------------------------------------------------


def test_a_counselor_sees_their_own_patients_and_nobody_elses() -> None:
    alex, eli = person("pa", "Alex", DANA), person("pe", "Eli", SAM)
    assert may_see(DANA, alex) and not may_see(DANA, eli)
    assert may_see(SAM, eli) and not may_see(SAM, alex)


def test_an_admin_sees_every_patient() -> None:
    assert may_see(ADMIN, person("pa", "Alex", DANA)) and may_see(ADMIN, person("pe", "Eli", SAM))


def test_nobody_unknown_sees_anyone_and_nobody_sees_a_missing_patient() -> None:
    assert not may_see(None, person("pa", "Alex"))
    assert not may_see(DANA, None) and not may_see(ADMIN, None)


def test_the_visible_patients_are_the_counselors_own_by_alias_and_all_for_an_admin(repo: Repository) -> None:
    add(repo, person("pc", "casey"), person("pe", "Eli", SAM), person("pa", "Alex"))
    assert [p.alias for p in visible_patients(repo, DANA)] == ["Alex", "casey"]
    assert [p.alias for p in visible_patients(repo, SAM)] == ["Eli"]
    assert [p.alias for p in visible_patients(repo, ADMIN)] == ["Alex", "casey", "Eli"]


# The caseload -------------------------------------------------------------------------------


def test_the_caseload_puts_the_most_urgent_first_the_silent_next_and_the_withdrawn_last(
    repo: Repository,
) -> None:
    add(
        repo,
        person("pa", "Alex"),
        person("pb", "Blair"),
        person("po", "Bo"),
        person("pc", "Casey"),
        person("pd", "Drew", status="withdrawn"),
        person("pe", "Eli", SAM),
        person("pf", "Finn", status="withdrawn"),
    )
    check_in(repo, "pa", NOW - timedelta(hours=2), used=1, craving=9)
    repo.raise_flag("pa", "use_reported", f"use_reported:{TODAY}", NOW, {})
    repo.add_alert(alert("checkin", "pa"))
    check_in(repo, "pb", NOW - timedelta(hours=1))
    check_in(repo, "po", NOW - timedelta(hours=3))  # quiet longer than Blair: above Blair among equals
    check_in(repo, "pd", NOW - timedelta(days=5))
    # Crisis words after /stop, nobody has acknowledged them: first, whatever the status, since someone must
    # reach them by phone (newcomer20 N197: it was row 18 of 18, under patients with nothing open).
    repo.add_alert(alert("crisis", "pd"))
    check_in(repo, "pf", NOW - timedelta(days=6))  # withdrawn with nothing open: last
    check_in(repo, "pe", NOW - timedelta(days=4))
    repo.add_alert(alert("crisis", "pe", SAM))

    rows = caseload(repo, DANA, NOW, RULES)
    # Casey never checked in
    assert [r.alias for r in rows] == ["Drew", "Alex", "Casey", "Bo", "Blair", "Finn"]
    # Heaviest first: the urgent check-in before the use it reported (newcomer20 N206: risk before logistics).
    assert rows[1].flags == ("checkin", "use_reported") and rows[1].score == 40 + 90
    assert (rows[2].score, rows[2].last_checkin) == (5, None)
    assert rows[0].status == "withdrawn" and rows[0].flags == ("crisis",)
    assert rows[-1].status == "withdrawn" and rows[-1].urgent_open == 0
    assert [r.alias for r in caseload(repo, SAM, NOW, RULES)] == ["Eli"]
    everyone = [r.alias for r in caseload(repo, ADMIN, NOW, RULES)]
    # Open alerts first: crisis words (Drew's after /stop, Eli's) before Alex's check-in answers (newcomer16 N126)
    assert everyone == ["Drew", "Eli", "Alex", "Casey", "Bo", "Blair", "Finn"]


def test_an_urgent_alert_nobody_acknowledged_comes_before_any_sum_of_soon_flags(repo: Repository) -> None:
    # newcomer5 finding 8: Lupe's three "soon" flags outscored Tyler's "I'm not safe", whose alert had sent
    # its last reminder: after that the caseload is the only place it lives.
    add(repo, person("pl", "Lupe"), person("pt", "Tyler"))
    for kind in ("relapse", "safety_check", "low_mood"):
        repo.raise_flag("pl", kind, f"{kind}:{TODAY}", NOW, {})
    repo.add_alert(alert("not_safe", "pt"))
    rows = caseload(repo, DANA, NOW, RULES)
    assert rows[0].score < rows[1].score
    assert [(r.alias, r.urgent_open) for r in rows] == [("Tyler", 1), ("Lupe", 0)]
    repo.save_alert(acknowledge(alert("not_safe", "pt"), DANA.telegram_id, NOW))
    assert [(r.alias, r.urgent_open) for r in caseload(repo, DANA, NOW, RULES)] == [("Lupe", 0), ("Tyler", 0)]


def test_among_open_alerts_what_is_happening_now_comes_first_then_the_longest_open(repo: Repository) -> None:
    """newcomer16 N126: an urgent check-in with eight flags came first, an overdose under way fifth and a goodbye
    after "i have the rope" twelfth: among patients with open alerts, the gravest kind first, then the oldest."""
    add(
        repo, person("p1", "Checkin"), person("p2", "Overdose"), person("p3", "Rope"), person("p4", "NotSafe")
    )
    check_in(repo, "p1", NOW - timedelta(minutes=30), mood=1, craving=9, used=1, medication=0, sleep=0)
    repo.add_alert(replace(alert("checkin", "p1"), created_at=NOW - timedelta(minutes=20)))
    repo.add_alert(replace(alert("overdose", "p2"), created_at=NOW - timedelta(minutes=6)))
    repo.add_alert(replace(alert("crisis", "p3"), created_at=NOW - timedelta(minutes=12)))
    repo.add_alert(replace(alert("not_safe", "p4"), created_at=NOW - timedelta(minutes=9)))
    rows = caseload(repo, DANA, NOW, RULES)
    assert [r.alias for r in rows] == ["NotSafe", "Overdose", "Rope", "Checkin"]
    assert [(r.gravest_open, r.open_since) for r in rows][1] == ("overdose", NOW - timedelta(minutes=6))


def test_acknowledged_flags_and_alerts_leave_the_caseload(repo: Repository) -> None:
    add(repo, person("pa", "Alex"))
    repo.raise_flag("pa", "low_mood", f"low_mood:{TODAY}", NOW, {})
    repo.add_alert(alert("sos", "pa"))
    assert open_flag_kinds(repo, person("pa", "Alex")) == ["low_mood", "sos"]
    repo.acknowledge_flags("pa", DANA.telegram_id, NOW)
    repo.save_alert(acknowledge(alert("sos", "pa"), DANA.telegram_id, NOW))
    assert open_flag_kinds(repo, person("pa", "Alex")) == []
    assert caseload(repo, DANA, NOW, RULES)[0].flags == ()


def test_today_on_the_caseload_is_the_patients_own_day(repo: Repository) -> None:
    # 18:00 UTC is 03:00 on the 24th in Tokyo: the check-in of Tokyo's 24th is today's, not yesterday's.
    add(repo, person("pt", "Tomo", timezone="Asia/Tokyo"), person("pu", "Uma"))
    check_in(repo, "pt", NOW - timedelta(hours=1), day=TODAY + timedelta(days=1), mood=2)
    check_in(repo, "pu", NOW - timedelta(hours=1), mood=8)  # no time zone yet: UTC's day
    today = {r.alias: r.today for r in caseload(repo, DANA, NOW, RULES)}
    assert today["Tomo"] is not None and today["Tomo"]["mood"] == 2
    assert today["Uma"] is not None and today["Uma"]["mood"] == 8


# A patient's page ---------------------------------------------------------------------------


def test_a_patients_page_holds_their_check_ins_flags_coping_and_thread(repo: Repository) -> None:
    alex = person("pa", "Alex")
    add(repo, alex)
    check_in(repo, "pa", NOW - timedelta(days=1))
    check_in(repo, "pa", NOW - timedelta(days=3))
    for day in (1, 2):  # one kind on two days is one line
        repo.raise_flag("pa", "low_mood", f"low_mood:2026-11-2{day}", NOW, {})
    repo.add_alert(alert("checkin", "pa"))
    tried = ["breathing", "walk", "call", "urge_surf", "grounding", "music"]
    for n, (key, helped) in enumerate(zip(tried, ["yes", "no", "somewhat", "yes", "no", "odd"], strict=True)):
        repo.record_feedback("pa", Feedback(key, helped, NOW - timedelta(hours=10 - n)))  # type: ignore[arg-type]
    repo.record_message("pa", "patient", 1001, 555, "see you Tuesday", NOW)

    page = patient_page(repo, alex, RULES, {"walk": "A short walk", "music": "Music"})
    assert page.patient == alex
    assert [e.ts for e in page.entries] == [NOW - timedelta(days=3), NOW - timedelta(days=1)]  # oldest first
    assert page.flags == ["low mood", "urgent check-in"]
    # The last five, oldest first, by name (the key when the program has no name for it); texts/ words them.
    assert page.coping == [
        ("A short walk", "no"),
        ("call", "somewhat"),
        ("urge_surf", "yes"),
        ("grounding", "no"),
        ("Music", "odd"),
    ]
    assert [(m.sender, m.text) for m in page.messages] == [("patient", "see you Tuesday")]


def test_a_new_patients_page_is_empty_not_missing(repo: Repository) -> None:
    page = patient_page(repo, person("pn", "Nico"), RULES)
    assert (page.entries, page.flags, page.coping, page.messages) == ([], [], [], [])


def test_check_in_cells_read_at_a_glance_and_the_note_stays_out() -> None:
    entry = Entry("e1", NOW, TODAY, {"mood": 2, "craving": None, "sleep": 0, "used": 1, "note": "hard day"})
    assert checkin_cells(entry, CONFIG) == [
        ("mood", "2/10"),
        ("craving", None),  # skipped: texts/ words it
        ("sleep", "poor"),
        ("medication", None),  # not answered at all is the same as skipped
        ("used", "yes"),
    ]


def test_notes_are_the_recent_ones_newest_first_and_whole() -> None:
    long = "word " * 200
    entries = [
        Entry(f"e{n}", NOW - timedelta(days=20 - n), TODAY - timedelta(days=20 - n), {"note": f"n{n}"})
        for n in range(20)
    ]
    entries[-1] = Entry("e19", entries[-1].ts, entries[-1].local_date, {"note": long})
    entries[-2] = Entry("e18", entries[-2].ts, entries[-2].local_date, {"mood": 5})  # no note that day
    found = notes(entries)
    assert found[0] == (entries[-1].local_date, long)
    assert [text for _, text in found[1:]] == [f"n{n}" for n in range(17, 5, -1)]  # 14 check-ins back
    assert notes(entries, last=2) == [(entries[-1].local_date, long)]


def test_an_answer_to_a_session_reminder_counts_for_its_own_session_until_its_day_is_over(
    repo: Repository,
) -> None:
    """newcomer18 N154: Monday's "can't make it" was listed before Tuesday's group as if for that group, and stayed
    on the caseload and the digest undated."""
    alex = person("pa", "Alex")
    add(repo, alex)
    yesterday, today = "s1:2026-11-22", "s2:2026-11-23"
    repo.raise_flag(
        "pa", "cant_come", f"cant_come:{yesterday}", NOW - timedelta(days=1), {"occurrence": yesterday}
    )
    repo.raise_flag("pa", "late", f"late:{today}", NOW, {"occurrence": today})
    repo.raise_flag("pa", "low_mood", "low_mood:2026-11-22", NOW - timedelta(days=1), {})
    assert open_flag_kinds(repo, alex) == ["cant_come", "low_mood", "late"]  # the page dates them all
    assert open_flag_kinds(repo, alex, session=today) == ["low_mood", "late"]  # before today's group
    assert open_flag_kinds(repo, alex, session="s1:2026-11-29") == ["low_mood"]
    assert open_flag_kinds(repo, alex, today=TODAY) == ["low_mood", "late"]  # the caseload, the daily digest
    (row,) = caseload(repo, DANA, NOW, RULES)
    assert "cant_come" not in row.flags and "late" in row.flags


def test_a_patients_page_dates_each_flag_and_groups_repeats(repo: Repository) -> None:
    """newcomer18 N161: after a week the page read "⚑ Open flags: can't make it, use reported, high craving, …"
    with no day on any of them."""
    alex = person("pa", "Alex")
    add(repo, alex)
    mon, tue, wed = (datetime(2026, 11, 30, 15, 0, tzinfo=UTC) + timedelta(days=n) for n in range(3))
    repo.raise_flag("pa", "cant_come", "cant_come:s1:2026-11-30", mon - timedelta(days=1), {"occurrence": "s1:2026-11-30"})  # fmt: skip
    for at in (mon, wed):
        repo.raise_flag("pa", "relapse", f"relapse:{at.isoformat()}", at, {})
    for n in range(3):
        repo.raise_flag("pa", "safety_check", f"safety_check:{n}", tue + timedelta(minutes=n), {"text": "x"})
    page = patient_page(repo, alex, RULES, now=wed)
    assert page.dated == (
        ("can't make it", (mon.date(),), 1),  # the session's day, not the day it was answered
        ("use mentioned", (mon.date(), wed.date()), 2),
        ("worrying words: asked if safe", (tue.date(),), 3),
    )


def test_the_gravest_open_alert_is_a_known_kind_over_an_unclear_one(repo: Repository) -> None:
    """newcomer22 N271: "the gravest: wrote words the screen reads as a crisis; what about is not clear" was named
    over the newer alert that said the patient talked about ending their life."""
    add(repo, person("p1", "Alex"))
    repo.add_alert(replace(alert("crisis_unclear", "p1"), created_at=NOW - timedelta(minutes=9)))
    repo.add_alert(replace(alert("crisis", "p1"), created_at=NOW - timedelta(minutes=2)))
    (row,) = caseload(repo, DANA, NOW, RULES)
    assert (row.gravest_open, row.open_since) == ("crisis", NOW - timedelta(minutes=9))
