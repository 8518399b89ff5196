"""Session 22 (es20): someone else's crisis asked about or told as news ("¿supieron de las sobredosis en el hotel?",
"¿vieron la noticia del que se tiró del puente?") is read as the news is, not paged; the patient's own act told after
the question still pages."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "supieron de las sobredosis en el hotel del centro? qué triste",
        "ya se enteraron de las sobredosis en la colonia esta semana? qué miedo",
        "vieron la noticia del señor que se tiró del puente? qué tristeza",
        "te enteraste de la muchacha que se aventó del edificio? la conocía de vista",
        "viste las noticias? hubo otra sobredosis en la prepa",
    ],
)
def test_someone_elses_crisis_told_as_news_does_not_page(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "vieron lo de anoche? me tomé todas las pastillas",
        "supieron de las sobredosis? yo también me quiero matar",
    ],
)
def test_my_own_crisis_beside_the_news_still_pages(text: str) -> None:
    crisis(text)
