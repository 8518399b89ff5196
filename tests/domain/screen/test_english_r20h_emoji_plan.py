"""Session 20 (en18, findings P1 "only a check where a counselor must hear now"): a means sent as emoji with tonight or
now ("💊💊💊 tonight", "🔪 tonight") is a plan shown, and a means beside a dead face or a coffin ("🔫😵") a method shown:
both page (they were a check, read by session 18's emoji_means). One pill with "tonight" is a reminder as often as not
(still a check); a dose taken, a refill, a game or a laugh are not. Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "💊💊💊 tonight",
        "💊💊 now",
        "🔪 tonight",
        "🪢 tonight",
        "tonight 💊💊💊💊",
        "🔫 now",
        "💊💊💊 esta noche",
    ],
)
def test_a_means_as_emoji_with_tonight_is_a_plan(text: str) -> None:
    crisis(text, "crisis:plan")


@pytest.mark.parametrize("text", ["🔫😵", "😵🔫", "💊⚰️", "🔪🪦", "🔫 ⚰️"])
def test_a_means_beside_a_dead_face_or_a_coffin_is_a_method(text: str) -> None:
    crisis(text, "crisis:method")


@pytest.mark.parametrize("text", ["💊 tonight", "💊💊💊💊💊", "⚰️ soon"])
def test_one_pill_tonight_or_a_coffin_alone_is_still_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "took my 💊 this morning",
        "lmao 💀💀💀",
        "💊💊 done for tonight, remember the refill",
        "🔫😵 lol that game",
        "took my 💊💊 tonight like the doc said",
    ],
)
def test_a_dose_taken_a_refill_a_game_or_a_laugh_is_not(text: str) -> None:
    not_crisis(text)
    assert "crisis:plan" not in assess(text).reasons
