"""Session 22 (es20, newcomer N210, N222): the days after a lapse told as progress (days clean since the slip, the slip
told to the sponsor) are no new use; "el jale" is the job, not a use; a smoke or a line "echado" is one."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


def _no_use(text: str) -> None:
    result = assess(text)
    assert result.level < Level.RELAPSE, (text, result.reasons)


def _use(text: str) -> None:
    result = assess(text)
    assert result.has(Level.RELAPSE), (text, result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "ya llevo 3 días sin tomar después de la recaída",
        "le conté a mi padrino que recaí",
        "ya le dije a mi consejera lo de mi recaída",
        "llevo una semana limpio desde la recaída",
        "3 días sobria después del desliz, me siento bien",
        "hablé con mi madrina de la recaída y me ayudó mucho",
    ],
)
def test_progress_after_a_slip_is_no_new_use(text: str) -> None:
    _no_use(text)


@pytest.mark.parametrize(
    "text",
    [
        "ya me voy al jale, luego platicamos",
        "estoy bien, nomás cansada del jale",
        "mucho jale esta semana, ando cansado",
        "hoy fue mi primer día en el jale nuevo",
        "sin jale desde marzo, pero ahí la llevo",
    ],
)
def test_the_job_is_no_use(text: str) -> None:
    _no_use(text)


@pytest.mark.parametrize(
    "text",
    [
        "recaí anoche",
        "anoche recaí y nadie sabe",
        "tuve una recaída el sábado",
        "me eché un gallo después del jale",
        "nos echamos unos toques en el parque",
        "me metí un toque antes de la junta",
    ],
)
def test_a_new_slip_or_a_smoke_is_still_a_use(text: str) -> None:
    _use(text)
