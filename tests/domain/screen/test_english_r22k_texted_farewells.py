"""Session 22 (en20), newcomer N221 (P1, silent): veiled farewells with a time, in texting spellings ("dont worry bout
me anymore, after tonite i wont be a problem") read nothing, where the standard spelling pages. 'after tonite/2nite/
tmrw' are 'after tonight' (finality), 'i wont be anybodys problem' is the burden lifted by my ending, 'its almost over'
beside a burden is finality, 'you wont have to worry about me' beside a time a farewell. A job, a week off, a meeting
or a game told with the same words do not page. Paraphrases written for this test, not corpus messages; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "dont worry bout me anymore, after tonite i wont be a problem",
        "after tonight i wont be anybodys problem",
        "im so tired of being a burden. its almost over tho",
        "dont worry bout me after 2nite",
        "after tmrw u wont have to worry about me",
        "after tomorrow you won't have to worry about me",
        "i will not be a burden to anyone much longer, after tonite its done",
        "this will all be over soon, after 2nite",
    ],
)
def test_a_texted_farewell_with_a_time_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "the semester is almost over, cant wait",
        "the game is almost over, its almost over lol",
        "i wont be a problem at the meeting, promise",
        "after tonite im off work for a week",
        "after tomorrow i start my new job, wish me luck",
        "you wont have to worry about me at the party, ill be sober",
    ],
)
def test_the_same_words_of_a_job_a_week_off_or_a_game_do_not(text: str) -> None:
    not_crisis(text)
