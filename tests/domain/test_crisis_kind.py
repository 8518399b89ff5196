"""Which kind a crisis is, from the screen's frames: the names it relies on exist, and the order holds."""

from __future__ import annotations

from bot.domain.crisis_kind import FRAMES, answer_kind, crisis_kinds
from bot.domain.screen.assess import default_rules


def test_every_frame_named_here_is_a_crisis_frame_of_the_shipped_screen() -> None:
    """A renamed frame would silently fall back to the suicide answer: this says so instead."""
    crisis_frames = {f.name for f in default_rules().frames if f.level == "crisis"}
    assert set(FRAMES) <= crisis_frames, set(FRAMES) - crisis_frames


def test_kinds_come_most_urgent_first_and_other_frames_are_crisis() -> None:
    assert crisis_kinds(["crisis:abuse", "crisis:passive_wish"]) == ("crisis", "abuse")
    assert crisis_kinds(["crisis:harm_to_others"]) == ("harm_others",)
    assert crisis_kinds(["check:kill_self.third_person"]) == ("crisis",)  # never empty
    assert crisis_kinds(["crisis:some_new_frame"]) == ("crisis",)


def test_the_not_safe_wording_follows_who_is_at_risk() -> None:
    assert answer_kind(["crisis", "abuse"]) == "abuse"
    assert answer_kind(["harm_others"]) == "harm_others"
    assert answer_kind(["harm_others", "crisis"]) == ""
