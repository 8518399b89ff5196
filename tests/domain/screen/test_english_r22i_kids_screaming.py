"""Session 22 (en20), newcomer N191 twin: "i cant take it anymore" said of the kids or a baby screaming, fighting,
crying ("my kids screaming all day i cant take it anymore 😂") paged. A nuisance, as the heat and the neighbours' music
are (session 21); said with despair beside it (nobody cares, so alone, tired of everything) it pages again, and a
person screaming at me still does. Paraphrases written for this test, not corpus messages; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "my kids screaming all day i cant take it anymore 😂",
        "these kids fighting nonstop i cant take it anymore lmao",
        "baby screaming since 5am i cant take it anymore haha",
        "the twins whining all afternoon, i cant take it anymore",
        "grandkids hollering through the whole house, cant take it anymore",
    ],
)
def test_the_kids_screaming_is_a_nuisance(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "kids screaming all day, i cant take it anymore, everything hurts and nobody cares",
        "kids screaming all day, i cant take it anymore, im so alone",
        "this heat, i cant take it anymore, so tired of everything",
        "my husband screaming at me every night, i cant take it anymore",
        "my kids crying because their dad left, i cant take it anymore, i want to die",
    ],
)
def test_with_despair_beside_it_or_a_person_screaming_at_me_it_pages(text: str) -> None:
    crisis(text)
