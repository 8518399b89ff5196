"""Spanish, session 19 (es17): a video or an audio recorded, one for each of my children or my family ("grabé un video
pa cada uno de mis nenes"), is a goodbye left, as a letter to each is; it was read as nothing. A video of each child
at the school show, a birthday audio or a recording for the church group is not. Paraphrases written for this test;
rules alone."""

from __future__ import annotations

import pytest

from tests.domain.screen.screen_asserts import crisis, not_crisis


@pytest.mark.parametrize(
    "text",
    [
        "grabé un video para cada uno de mis hijos",
        "le grabé un audio a cada uno de mis hijos, ya está",
        "les dejé grabado un mensaje a cada uno de mis hermanos",
        "he grabado un audio para cada una de mis hijas, lo tiene mi comadre",
        "grabé un video pa cada uno de mis chamacos y los guardé en la memoria",
    ],
)
def test_a_recording_for_each_of_my_family_is_a_goodbye(text: str) -> None:
    crisis(text, "crisis:goodbye_note")


@pytest.mark.parametrize(
    "text",
    [
        "grabé un video de cada uno de mis hijos en el festival de la escuela",
        "le grabé un audio a cada uno de mis hijos por su cumpleaños",
        "grabé un video para cada uno de los del grupo de la iglesia",
        "le grabé un audio a mi mamá para que escuche la canción",
    ],
)
def test_an_ordinary_recording_is_not(text: str) -> None:
    not_crisis(text)
