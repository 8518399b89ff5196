"""Spanish, session 20 (es18): heights with intent (brief: the three development crises the layer's last retrain lost).
A viaduct, a roof of tiles or an overpass is a high place ("estoy en el viaducto de Segovia mirando pa abajo", "estoy en
el tejado de la facultad y no es para fumar"); a height asked about with whether it would be quick or enough is a
method ("me puse a ver cuántos metros tiene el puente, y si alcanza para que no quede vivo"). A height asked for
homework, or tiles mended on a roof, is not. Paraphrases written for this test; rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "estoy en el viaducto mirando pa abajo",
        "me subí al tejado del edificio y estoy en la orilla",
        "ando en el viaducto, con las piernas del otro lado de la reja",
        "estoy en la pasarela de la autopista viendo los carros pasar abajo, no me quiero bajar",
    ],
)
def test_a_viaduct_or_a_roof_is_a_high_place(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "busqué cuántos metros tiene el puente y si alcanza para no quedar vivo",
        "qué altura tiene el viaducto, si me aviento sería rápido",
        "cuántos pisos tiene ese edificio, quiero saber si sería suficiente",
        "estuve viendo qué tan alto es el puente nuevo, si sería instantáneo",
    ],
)
def test_a_height_asked_with_intent_is_a_method(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "cuántos metros tiene el puente de la bahía? es para una tarea",
        "subimos al tejado a arreglar las tejas",
        "qué altura tiene el mirador? queremos ir de paseo el domingo",
    ],
)
def test_a_height_asked_for_homework_or_a_roof_mended_is_not(text: str) -> None:
    not_crisis(text)
