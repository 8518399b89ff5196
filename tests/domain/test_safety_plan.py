"""The safety plan's pure rules: section order, cleaning entries, cutting cleanly, fitting a message."""

from __future__ import annotations

from datetime import UTC, datetime

from bot import texts
from bot.config.settings import Settings
from bot.domain.crisis_lines import abuse_lines_for, lines_for
from bot.domain.safety_plan import (
    ENTRY_MAX,
    SECTIONS,
    SafetyPlan,
    clean_entry,
    cut_clean,
    fit,
    is_section,
    next_section,
    number,
)
from bot.domain.screen.assess import assess
from bot.texts.base import MAX_MESSAGE

AT = datetime(2026, 5, 4, 20, 0, tzinfo=UTC)


def test_the_six_stanley_brown_steps_come_in_order_then_reasons_for_living() -> None:
    assert SECTIONS[:6] == ("warning_signs", "coping", "distraction", "help", "professionals", "environment")
    assert SECTIONS[-1] == "reasons"
    assert set(texts.PLAN_TITLES) == set(SECTIONS) == set(texts.PLAN_QUESTIONS)
    assert [number(k) for k in SECTIONS] == list(range(1, 8))


def test_next_section_walks_the_plan_and_ends_after_the_last() -> None:
    walked, key = [], next_section(None)
    while key is not None:
        walked.append(key)
        key = next_section(key)
    assert tuple(walked) == SECTIONS


def test_only_known_sections_are_accepted_from_buttons() -> None:
    assert is_section("help") and not is_section("") and not is_section("__class__")


def test_an_entry_is_tidied_and_blank_lines_dropped() -> None:
    assert clean_entry("  call   Mum \n\n\t text Sam  \n") == ("call Mum\ntext Sam", False)
    assert clean_entry("   \n  ") == ("", False)


def test_a_long_entry_is_cut_at_a_word_end_and_marked() -> None:
    entry, was_cut = clean_entry("walk the dog " * 100)
    assert was_cut and len(entry) <= ENTRY_MAX and entry.endswith("…")
    assert entry[:-1].split()[-1] in {"walk", "the", "dog"}  # a whole word, no trailing space


def test_cut_clean_prefers_a_line_end_and_never_exceeds_the_limit() -> None:
    assert cut_clean("short", 10) == "short"
    text = "first line here\nsecond line that is long"
    assert cut_clean(text, 20) == "first line here…"
    assert len(cut_clean("x" * 50, 10)) == 10  # one long word is still cut, not dropped
    assert cut_clean("anything", 1) == "…"


def test_fit_keeps_short_sections_whole_and_shares_the_rest_among_long_ones() -> None:
    plan = SafetyPlan({"warning_signs": "not sleeping", "help": "a" * 3000, "reasons": "b " * 1500}, AT)
    rows = dict(fit(plan, 1000, overhead=50))
    assert rows["warning_signs"] == "not sleeping"
    assert sum(len(t) for t in rows.values()) + 50 * len(rows) <= 1000
    assert abs(len(rows["help"]) - len(rows["reasons"])) <= 2


def test_fit_returns_sections_in_plan_order() -> None:
    plan = SafetyPlan({"reasons": "my kids", "warning_signs": "isolating"}, AT)
    assert [k for k, _ in fit(plan, 4000)] == ["warning_signs", "reasons"]


def test_a_full_plan_of_maximum_entries_fits_one_message_with_the_crisis_lines() -> None:
    plan = SafetyPlan({key: "<&> word " * 200 for key in SECTIONS}, AT)
    html = texts.plan_html([(number(k), k, t) for k, t in fit(plan, 2400, 60)])
    settings, longest = Settings(), ("overdose", "crisis", "abuse")  # every extra line of the answer at once
    for language in ("en", "es"):
        lines = lines_for(settings, None, language).lines
        body = texts.crisis_answer(
            longest,
            language,
            lines,
            abuse_lines=abuse_lines_for(settings, None, language),
            after_hours="555-0100",
            plan=html,
            told=texts.crisis_told_in(language, "nobody", False),
        )
        assert "&lt;&amp;&gt;" in body  # the patient's words are escaped
        assert len(_plain(body)) <= MAX_MESSAGE, language


def test_the_stored_form_round_trips_and_ignores_unknown_sections() -> None:
    plan = SafetyPlan({"help": "Sam 555-0101"}, AT)
    assert SafetyPlan.from_dict(plan.to_dict()) == plan
    assert SafetyPlan.from_dict({"sections": {"bogus": "x"}}).is_empty


def test_the_sos_button_text_is_not_crisis_language() -> None:
    assert str(assess(texts.SOS_BUTTON).level) == "none"


def test_step_five_suggests_the_counselor_the_after_hours_line_and_the_crisis_lines() -> None:
    text = texts.professionals_suggestion("Dana Rivera", "555-0100", ["Call or text 988"])
    assert text.splitlines() == [
        "My counselor, Dana Rivera",
        "After-hours line: 555-0100",
        "Call or text 988",
    ]


def _plain(html: str) -> str:
    from bot.devtools.emulator.markup import to_plain

    return to_plain(html, "HTML")
