"""Round 13, the lead's families from newcomer7 (findings N1, N3), in phrasings written for this test: naloxone
sought with a "now" is an overdose under way (harm-reduction talk without one is not); a farewell told as relief
for the others ("you won't have to worry about me anymore") pages, unless it is news of doing well; voices that
command a death or a harm are the person's own risk."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "where can i get narcan right now",
        "who has narcan rn hes not breathing right",
        "dónde consigo narcan ahorita, mi amigo no respira",
        "you won't have to worry about me anymore",
        "tell everyone im sorry. you wont have to deal with me anymore",
        "i won't be a problem much longer",
        "ya no van a tener que preocuparse por mí",
        "ya no voy a ser una carga para nadie",
        "the voices keep telling me to jump",
        "i hear voices telling me i should die",
        "las voces me dicen que me mate",
    ],
)
def test_these_page(text: str) -> None:
    assessment = assess(text)
    assert assessment.level == Level.CRISIS, assessment


@pytest.mark.parametrize(
    "text",
    [
        "where can i get narcan for my kit, the health dept ran out",
        "i carry narcan now, got it at the pharmacy",
        "mom you won't have to worry about me anymore, i'm doing good, 90 days clean",
        "you won't have to worry about me anymore lol i got a new job with insurance",
        "ya no voy a ser un problema para nadie, ya conseguí trabajo",
        "the voices in that choir were amazing, i could cry",
    ],
)
def test_these_do_not(text: str) -> None:
    assessment = assess(text)
    assert assessment.level < Level.CRISIS, assessment
