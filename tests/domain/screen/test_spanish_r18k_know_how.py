"""Session 18 (en16, findings-16 re-check): "ya sé cómo lo voy a hacer" said bare is a method decided (crisis: it was a
check by the learned layer only), and so is "ya tengo pensado cómo hacerlo". How to pay the rent, a school project or
a recipe is not. Paraphrases written for this test; rules alone (conftest.py turns the layer off)."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "ya se como lo voy a hacer",
        "ya sé cómo lo voy a hacer, esta noche",
        "ya tengo pensado cómo hacerlo",
        "ya tengo pensado cómo lo voy a hacer",
    ],
)
def test_i_know_how_i_will_do_it_said_bare_is_a_plan(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya sé cómo lo voy a hacer para pagar la renta",
        "ya sé cómo lo voy a hacer, el proyecto de la escuela",
        "ya sé cómo hacerlo, gracias por explicarme",
        "ya tengo pensado cómo lo voy a hacer jaja, la sorpresa para mi mamá",
    ],
)
def test_how_to_pay_the_rent_or_a_project_is_not(text: str) -> None:
    not_crisis(text)
