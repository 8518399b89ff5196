"""The screen tests' shared assertions: how a message is read, and when not, the text and the reasons why.

Each round's test file (test_english_r*.py, test_spanish_r*.py) asserts on phrasings through these instead of
writing its own `_crisis`/`_not_crisis` again, e.g.

    @pytest.mark.parametrize("text", ["me quiero morir", ...])
    def test_a_wish_to_die_pages(text: str) -> None:
        crisis(text, "crisis:passive_wish")

The rules are read alone there (conftest.py turns the learned layer off), as before.
"""

from __future__ import annotations

from bot.domain.screen.assess import Assessment, Level, assess


def crisis(text: str, reason: str | None = None) -> Assessment:
    """The text pages; with `reason`, that reason is among the assessment's (e.g. "crisis:overdose")."""
    result = assess(text)
    assert result.level == Level.CRISIS, (text, result.reasons)
    assert reason is None or reason in result.reasons, (text, reason, result.reasons)
    return result


def not_crisis(text: str) -> Assessment:
    """The text pages nobody (it may still be asked about, or read as a craving or a relapse)."""
    result = assess(text)
    assert result.level < Level.CRISIS, (text, result.reasons)
    return result


def read_as(text: str, level: Level) -> Assessment:
    """The text is read at exactly this level."""
    result = assess(text)
    assert result.level == level, (text, level, result.reasons)
    return result
