"""Spanish, session 19 (es17, newcomer N138): goodbyes said at a job left for another ("ya me despedí de mis
compañeros del trabajo, mañana empiezo en otro lado") are a job change, as "me despido de ustedes, me mudo a
Monterrey" is; a goodbye with a last night or to my children still pages. Paraphrases written for this test; rules
alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "ya me despedí de mis compañeros del trabajo, mañana empiezo en otro lado",
        "hoy me despedí de todos en la chamba, el lunes empiezo en mi nuevo trabajo",
        "ya me despedí de la gente de la fábrica, mañana empiezo en otro trabajo",
        "hoy fue la despedida en la obra, el lunes arranco en el trabajo nuevo",
        "me despedí de mis compas de la planta, mañana empiezo en la chamba nueva",
    ],
)
def test_goodbyes_at_a_job_changed_are_not_a_farewell(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya me despedí de todos, mañana ya no estaré",
        "hoy me despedí de mis hijos, esta noche se acaba",
    ],
)
def test_a_goodbye_with_a_last_night_still_pages(text: str) -> None:
    crisis(text)
