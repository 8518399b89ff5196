"""Round 10's relapse, abuse and framing families, in phrasings written for this test (not from any corpus),
with the ordinary readings of the same words that must stay down: Spanish regional words for a dose and for
being drunk, use that has not stopped, a line of cocaine "pegada" that is no blow; a weak past marker
("when i was", "back in") that something in its clause says is happening now; a year counted from the year
it is now, so the rule does not go stale."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess


@pytest.mark.parametrize(
    "text",
    [
        "me metí dos pases en la fiesta del sábado",
        "me fumé un canuto con los de la cuadra",
        "anoche me eché unas polas con mi primo",
        "ando jumao desde ayer",
        "no he dejado de chupar desde el jueves",
        "sigo pisteando todos los días",
        "amanecí enguayabado, ayer me tomé media botella",
        "llevo tres findes seguidos en la peda",
        "cada quincena me voy con el dealer",
        "le robé dos clonas a mi abuela y me las tomé",
        "me estoy tomando el suboxone de mi hermano, no era mío",
        "haven't stopped drinking since payday",
        "high every day this week honestly",
    ],
)
def test_a_use_in_regional_words_or_as_a_run_is_a_relapse(text: str) -> None:
    assert assess(text).level >= Level.RELAPSE


@pytest.mark.parametrize(
    "text",
    [
        "no he dejado de tomar mis medicinas",
        "me puse una chamarra porque hace frío",
        "tomé agua fría después del gym",
        "no paro de trabajar desde el lunes",
        "tomé mi suboxone como me indicó el doctor",
        "fui con mi mamá al doctor",
    ],
)
def test_the_same_words_in_ordinary_use_are_no_relapse(text: str) -> None:
    assert assess(text).level < Level.RELAPSE


def test_a_line_taken_is_a_relapse_and_not_a_blow() -> None:
    taken = assess("me pegue una raya anoche")
    assert taken.level == Level.RELAPSE and not taken.has(Level.CRISIS)
    assert assess("tengo miedo de que me pegue una cachetada").level == Level.CRISIS
    assert assess("si llego tarde me pegue una paliza, dice").level == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "my husband hit me again tonight and i'm scared to go back in the house",
        "he choked me last night when i was getting the kids ready for bed",
    ],
)
def test_a_weak_past_marker_beside_now_is_no_history(text: str) -> None:
    assert assess(text).level == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "when i was 15 my stepdad beat me",
        "back in college i tried to kill myself",
        "i tried to kill myself when i was 19, today i'm 5 years sober",  # 'today' is another clause
    ],
)
def test_a_weak_past_marker_alone_is_still_history(text: str) -> None:
    assert assess(text).level == Level.CHECK


def test_a_use_told_with_a_weak_past_marker_is_still_news() -> None:
    assert assess("took 3 of my moms percocets when i was over there doing laundry").level == Level.RELAPSE


def test_a_year_is_history_counted_from_the_year_it_is_now() -> None:
    text = "in 2019 my ex beat me"
    assert assess(text, year=2020).level == Level.CRISIS  # last year: may still be news
    assert assess(text, year=2021).level == Level.CHECK
    assert assess("en 2015 intenté matarme", year=2026).level == Level.CHECK  # Spanish too
    assert assess("i've been taking my mom's norcos since 2019", year=2026).level == Level.RELAPSE  # goes on


@pytest.mark.parametrize(
    "text",
    [
        "volví a lo de antes el sábado, ya sabes",
        "back to my old ways again this weekend",
        "perdí mis 45 días, otra vez",
        "lost my 30 days on friday",
        "la regué otra vez, a empezar de cero",
        "me endrogué el viernes con mi primo",
        "me desvié del camino esta semana",
    ],
)
def test_a_slip_told_as_the_old_ways_or_a_count_lost_is_a_relapse(text: str) -> None:
    assert assess(text).level >= Level.RELAPSE


@pytest.mark.parametrize(
    "text",
    [
        "old habits die hard but i'm holding on",
        "perdí mis 3 días de vacaciones por el trabajo",
        "fallé el examen de manejo otra vez",
        "empecé de cero en el trabajo nuevo y me gusta",
    ],
)
def test_the_old_ways_or_a_loss_without_a_slip_are_no_relapse(text: str) -> None:
    assert assess(text).level < Level.RELAPSE


def test_a_sense_word_is_no_idiom_reading_for_the_learned_layer() -> None:
    """`sense` stops a frame like `after` does, but the learned layer's crisis is not lowered for it."""
    from bot.domain.screen.readings import without_idioms
    from bot.domain.screen.rules import rules_in_use

    frames = [f.sense for f in without_idioms(rules_in_use()).frames if f.sense]
    # every frame's `sense` kept as it was (session 15 added one that is no drug: "dead after a 12 on the floor")
    assert frames and frames == [f.sense for f in rules_in_use().frames if f.sense]
    assert any("DRUG" in sense for sense in frames)


@pytest.mark.parametrize(
    "text",
    [
        "si le vuelve a pegar a mi mamá lo mato, ya tengo con qué",
        "si ese tipo se acerca a mi casa otra vez la apuñalo",
        "mi papá me pegó con el cinturón anoche",
        "my boyfriend hit me with a chair last night",
        "mi mamá me quemó el brazo con un cigarro",
        "my girlfriend burns me with her cigarettes when she's mad",
        "mi esposo me dio un golpe en la cara",
        "él me obliga a tener relaciones aunque yo no quiera",
    ],
)
def test_a_threat_or_a_blow_with_a_thing_is_a_crisis(text: str) -> None:
    assert assess(text).level == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "si mi jefe me vuelve a gritar lo mato jaja",  # laughing: the anger check at most
        "el policía lo mató en la calle, salió en las noticias",
        "she hit me with the news that she's pregnant",
        "mi abuela me dio una receta buenísima",
        "mi hermano me dio un golpe jugando fútbol",
        "me forzó a firmar el contrato",
        "my brother burned me with a lighter when we were kids",
    ],
)
def test_the_same_words_as_a_joke_news_or_history_page_nobody(text: str) -> None:
    assert assess(text).level < Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "le debo al dealer y me dijo que si no le pago me mata",
        "the guys i owe said if i dont pay him by friday or else. i believe they mean it",
        "hes outside banging on the door screaming. the kids are in the closet with me",
        "tengo ganas de agarrar el cuchillo y clavárselo a mi padrastro",
        "si me vuelve a gritar le meto un tiro, tengo con qué",
    ],
)
def test_a_debt_threat_hiding_or_a_stab_promised_is_a_crisis(text: str) -> None:
    assert assess(text).level == Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "las ganas me pegaron duro en la noche, hice lo de respirar y se me pasó",
        "qué bajón el lunes, siempre me pega",
        "el Cruz Azul nos va a matar de un infarto, empatamos en el 95",
    ],
)
def test_a_feeling_that_hits_or_a_team_that_kills_pages_nobody(text: str) -> None:
    assert assess(text).level < Level.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "no veo luz por ningún lado desde que me corrieron",
        "ya perdí la esperanza con mi hija",
        "no sirvo pa nada, todo lo hago mal",
        "pa qué me esfuerzo si nadie me contrata",
        "todo me da igual estos días",
        "feels like im at the bottom of a well",
        "im just dead weight at home",
        "why bother with the worksheets, nothing changes",
    ],
)
def test_hopelessness_worthlessness_and_giving_up_in_other_words_are_asked_about(text: str) -> None:
    assert assess(text).level == Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "well i went and did the thing i said i wasnt gonna do",
        "hit a line in the bathroom at work",
        "fallé otra vez, mano. 60 días y se fueron",
    ],
)
def test_a_slip_named_by_a_promise_broken_or_a_line_is_a_relapse(text: str) -> None:
    assert assess(text).level >= Level.RELAPSE


def test_a_stop_on_the_way_or_failing_someone_is_no_relapse() -> None:
    assert assess("pasé por la farmacia por unas vitaminas").level < Level.RELAPSE
    assert not assess("que asco de persona soy, le fallé a mis hijos otra vez").has(Level.RELAPSE)
