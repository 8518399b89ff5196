"""The line after an alert in a list of several (newcomer18 N166): "; since: substance use" on a suicide alert read
as if the alert were about substance use; it says what came after the alert."""

from __future__ import annotations

from bot import texts


def test_words_since_an_alert_are_said_as_written_after_it() -> None:
    line = texts.since_line(2, "relapse", ["relapse:use"])
    assert line.startswith("; 2 more messages since, the most worrying about: "), line
    assert "; since:" not in line
    assert texts.since_line(1, "none", []) == "; 1 more message since"
    assert texts.since_line(0, "crisis", ["crisis:plan"]) == ""
