"""Coping offers, streaks and counters fit the moment (issue 18)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot import texts
from bot.domain.checkins import Entry, load_checkin_config, summarize
from bot.domain.coping import load_skills, suggest

SKILLS = load_skills()
CONFIG = load_checkin_config()


def _tags(**answers: int) -> tuple[str, ...]:
    entry = Entry("e1", datetime(2026, 11, 29, 20, tzinfo=UTC), date(2026, 11, 29), dict(answers))
    return summarize(CONFIG, entry).suggest_tags


def test_use_with_a_high_craving_gets_craving_skills_never_exercise() -> None:
    tags = _tags(mood=2, craving=9, sleep=0, used=1)
    assert tags[0] == "craving"
    offered = {suggest(SKILLS, tags, [], seed=seed).key for seed in range(200)}
    assert "move_your_body" not in offered
    assert all(SKILLS[key].tags[0] == "craving" for key in offered), offered


def test_low_mood_alone_may_still_get_moving() -> None:
    offered = {suggest(SKILLS, _tags(mood=2, craving=0), [], seed=seed).key for seed in range(200)}
    assert all(SKILLS[key].tags[0] == "low_mood" for key in offered)


def test_the_offer_reads_as_a_sentence_whatever_the_skill_is_called() -> None:
    text = texts.checkin_support(False, True, True, "ACCEPTS: distract yourself")
    assert "try <b>" not in text and "<b>ACCEPTS: distract yourself</b>." in text
    assert "Would you like to try it together?" in text


def test_a_hard_day_gets_no_streak_cheer_and_a_good_day_does() -> None:
    hard = texts.checkin_done(2, 9, 8, hard_day=True)
    assert "in a row" not in hard and "hard day" in hard
    assert "That's 8 days in a row." in texts.checkin_done(7, 1, 8)


def test_changing_the_days_since_date_assumes_nothing() -> None:
    changed = texts.days_since_saved(3, date(2026, 11, 26), restarted=True)
    assert "courage" not in changed and "again" not in changed and "new date" in changed
