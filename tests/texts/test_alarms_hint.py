"""The caseload's line on open alerts leaves out the card's hint at its own button (newcomer20 N207, newcomer22
N271): the caseload has no "Show message" button, whatever the card's wording of it."""

from __future__ import annotations

import pytest

from bot import texts


@pytest.mark.parametrize(
    "kind", ["crisis_unclear", "other_at_risk", "forwarded", "forwarded_overdose", "child_abuse"]
)
def test_no_kind_points_at_a_button_the_caseload_does_not_have(kind: str) -> None:
    line = texts.alarm(2, gravest=kind, minutes=3)
    assert "Show message" not in line and "read them" not in line, line
    assert line.count("(") == line.count(")"), line


def test_one_message_shown_after_an_alert_is_one_message() -> None:
    """newcomer22 N233: "(1 messages, oldest first)"."""
    from datetime import UTC, datetime

    (page,) = texts.words_shown("Alex", [(datetime.now(UTC), "hola")])
    assert "(1 message)" in page and "1 messages" not in page, page
