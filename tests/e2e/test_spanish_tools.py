"""A Spanish-speaking patient's own tools, each screen in Spanish: /history, /dayssince, /measures,
/safetyplan, /practice and the daily practice, and every coping skill."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot import texts
from bot.devtools.emulator import SentMessage
from bot.domain.checkins import Entry, local_date
from bot.domain.models import Patient
from bot.domain.safety_plan import SECTIONS
from bot.jobs import daily
from tests.conftest import Harness
from tests.e2e.test_spanish import PATIENT, enroll_in_spanish

CHICAGO = ZoneInfo("America/Chicago")  # where enroll_in_spanish puts Sofía
# The published Spanish (US) answer words of the PHQ-9 and GAD-7 (gaps11 #3: Spanish speakers got English).
OPTIONS = ["Ningún día", "Varios días", "Más de la mitad de los días", "Casi todos los días"]


def _patient(bot: Harness) -> Patient:
    found = bot.services.worker.call(bot.services.repo.patient_by_telegram, PATIENT)
    assert found is not None
    return found


def _checkins(bot: Harness, days_ago: list[int]) -> None:
    svc, pid = bot.services, _patient(bot).patient_id
    today = local_date(svc.now(), CHICAGO)
    for n in days_ago:
        d = today - timedelta(days=n)
        at = datetime(d.year, d.month, d.day, 12, tzinfo=CHICAGO).astimezone(UTC)
        svc.worker.call(
            svc.repo.record_checkin, pid, Entry(f"h{n}", at, d, {"mood": 6, "craving": 2}), svc.checkin
        )


def _edited(at: int):  # type: ignore[no-untyped-def]
    return lambda m: m.message_id == at and m.edited


async def test_history_and_the_days_since_counter_speak_spanish(bot: Harness) -> None:
    await enroll_in_spanish(bot)
    bot.emu.send_text(PATIENT, "/history")
    await bot.emu.wait_for_message(PATIENT, contains="Todavía no hay nada que graficar")
    _checkins(bot, [0, 1, 2])
    bot.emu.send_text(PATIENT, "/history")
    chart = await bot.emu.wait_for_message(PATIENT, predicate=lambda m: m.kind == "photo", timeout=60)
    assert (
        "Tus últimos 7 días</b>: registros en 3 de 7 días" in chart.html
        or "registros en 3 de 7" in chart.text
    )
    assert "Ánimo: 6,0/10 en promedio" in chart.text and "Racha: 3 días seguidos" in chart.text
    assert chart.button_texts() == ["30 días"]
    bot.emu.press_button(PATIENT, chart, "30 días")
    month = await bot.emu.wait_for_message(
        PATIENT, predicate=lambda m: m.kind == "photo" and m.message_id != chart.message_id, timeout=60
    )
    assert "Tus últimos 30 días" in month.text and month.button_texts() == ["7 días"]

    bot.emu.send_text(PATIENT, "/dayssince")
    ask = await bot.emu.wait_for_message(PATIENT, contains="¿Desde qué fecha cuento?")
    bot.emu.send_text(PATIENT, "mañana de algún año")
    again = await bot.emu.wait_for_message(
        PATIENT, contains="No pude leer eso como una fecha", after=ask.message_id
    )
    bot.emu.send_text(PATIENT, "ayer")
    saved = await bot.emu.wait_for_message(
        PATIENT, contains="Listo, llevo la cuenta por ti", after=again.message_id
    )
    assert "🌱 1 día desde el" in saved.text
    bot.emu.send_text(PATIENT, "/dayssince apagar")
    await bot.emu.wait_for_message(PATIENT, contains="Bien, apagué la cuenta", after=saved.message_id)


async def _answer(bot: Harness, screen: SentMessage, values: list[int]) -> SentMessage:
    at = screen.message_id
    for value in values:
        bot.emu.press_button(PATIENT, screen, OPTIONS[value])
        screen = await bot.emu.wait_for_message(PATIENT, predicate=_edited(at))
    return screen


async def test_the_weekly_questions_are_framed_in_spanish_with_the_instruments_own_words(
    bot: Harness,
) -> None:
    await enroll_in_spanish(bot)
    bot.emu.send_text(PATIENT, "/measures")
    intro = await bot.emu.wait_for_message(PATIENT, contains="Unas preguntas sobre las últimas dos semanas")
    assert "inglés" not in intro.text  # the instruments' own Spanish wording (gaps11 #3)
    first = await bot.emu.wait_for_message(PATIENT, contains="PHQ-9 · 1/9")
    assert first.button_texts() == [*OPTIONS, texts.BTN_MEASURES_STOP_ES]
    assert (
        "Durante las últimas 2 semanas" in first.text and "Poco interés o placer en hacer cosas" in first.text
    )
    assert "Over the last" not in first.text
    gad = await _answer(bot, first, [1, 1, 2, 1, 1, 2, 1, 1, 0])
    assert "GAD-7 · 1/7" in gad.text and "nervios de punta" in gad.text
    done = await _answer(bot, gad, [1, 1, 1, 1, 1, 0, 0])
    assert "Gracias por tomarte el tiempo" in done.text
    assert "tus respuestas suman <b>10</b> de 27" in done.html or "suman 10 de 27" in done.text
    assert "rango moderado" in done.text and "rango leve" in done.text


async def test_the_safety_plan_is_written_viewed_and_changed_in_spanish(bot: Harness) -> None:
    await enroll_in_spanish(bot)
    bot.emu.send_text(PATIENT, "/safetyplan")
    await bot.emu.wait_for_message(PATIENT, contains="Vamos paso a paso")
    last = 0
    for n, key in enumerate(SECTIONS, start=1):
        ask = await bot.emu.wait_for_message(PATIENT, contains=texts.PLAN_TITLES_ES[key], after=last)
        last = ask.message_id
        assert ("Opcional" if key == "reasons" else f"Paso {n} de 6") in ask.text
        assert texts.PLAN_QUESTIONS_ES[key] in ask.text
        if key == "warning_signs":
            bot.emu.send_text(PATIENT, "no dormir y encerrarme")
        elif key == "coping":
            bot.emu.send_text(PATIENT, "omitir")  # typed, in Spanish
        elif key == "professionals":
            assert "Mi consejero" in ask.text and texts.BTN_PLAN_SUGGESTION_ES in ask.button_texts()
            # The Spanish lines (newcomer5 finding 11: "Call or text 988 …" was saved into a Spanish plan).
            assert "marca 2" in ask.text and "Call or text" not in ask.text
            bot.emu.press_button(PATIENT, ask, texts.BTN_PLAN_SUGGESTION_ES)
        else:
            assert ask.button_texts()[-2:] == [texts.BTN_PLAN_SKIP_ES, texts.BTN_PLAN_LATER_ES]
            bot.emu.press_button(PATIENT, ask, texts.BTN_PLAN_SKIP_ES)
    done = await bot.emu.wait_for_message(PATIENT, contains=texts.PLAN_DONE_ES, after=last)
    assert done.button_texts() == [texts.BTN_VIEW_PLAN_ES, texts.BTN_EDIT_PLAN_ES]
    bot.emu.press_button(PATIENT, done, texts.BTN_VIEW_PLAN_ES)
    view = await bot.emu.wait_for_message(PATIENT, contains="Mi plan de seguridad", after=done.message_id)
    assert "1. Mis señales de alerta\nno dormir y encerrarme" in view.text
    assert texts.PLAN_TITLES_ES["coping"] not in view.text  # "omitir" skipped it
    bot.emu.press_button(PATIENT, view, texts.BTN_EDIT_PLAN_ES)
    pick = await bot.emu.wait_for_message(PATIENT, contains=texts.PLAN_PICK_STEP_ES, after=view.message_id)
    bot.emu.press_button(PATIENT, pick, texts.plan_step_button_es(1, "warning_signs"))
    ask = await bot.emu.wait_for_message(PATIENT, contains="Lo que tienes ahora", after=pick.message_id)
    bot.emu.press_button(PATIENT, ask, texts.BTN_PLAN_CLEAR_ES)
    await bot.emu.wait_for_message(PATIENT, contains=texts.PLAN_CLEARED_ES, after=ask.message_id)


async def test_the_daily_practice_and_its_prompt_speak_spanish(bot: Harness) -> None:
    await enroll_in_spanish(bot)
    bot.emu.send_text(PATIENT, "/practice")
    menu = await bot.emu.wait_for_message(PATIENT, contains="Habilidad del día")
    assert "Ahora está <b>apagada</b>" in menu.html or "Ahora está apagada" in menu.text
    assert "20:00" in menu.button_texts() and texts.BTN_PRACTICE_OFF_ES in menu.button_texts()
    bot.emu.press_button(PATIENT, menu, "20:00")
    await bot.emu.wait_for_message(
        PATIENT, contains="todos los días a las 20:00", predicate=_edited(menu.message_id)
    )
    p = _patient(bot)
    await daily.run_now(bot.app, p.patient_id, "practice")
    prompt = await bot.emu.wait_for_message(PATIENT, contains=texts.PRACTICE_PROMPT_ES)
    assert prompt.button_texts() == [texts.BTN_PRACTICE_GO_ES, texts.BTN_PRACTICE_LATER_ES]
    bot.emu.press_button(PATIENT, prompt, texts.BTN_PRACTICE_GO_ES)
    first = await bot.emu.wait_for_message(PATIENT, contains="1/", after=prompt.message_id)
    skills = {s.name_es for s in bot.services.skills.values()}
    assert any(name in first.text for name in skills)  # the skill's own title, in Spanish
    bot.emu.send_text(PATIENT, "/practice")
    menu = await bot.emu.wait_for_message(
        PATIENT, contains="Llega todos los días a las", after=first.message_id
    )
    bot.emu.press_button(PATIENT, menu, texts.BTN_PRACTICE_OFF_ES)
    await bot.emu.wait_for_message(
        PATIENT, contains="la práctica diaria está apagada", predicate=_edited(menu.message_id)
    )


def test_every_shipped_coping_skill_has_spanish(bot: Harness) -> None:
    english_only = [s.key for s in bot.services.skills.values() if not (s.name_es and s.steps_es)]
    assert english_only == []


async def test_a_stale_button_a_repeat_tap_and_a_stranger_are_answered_in_their_language(
    bot: Harness,
) -> None:
    stranger = 3999
    bot.emu.add_user(stranger, first_name="Ana", language_code="es")
    bot.emu.send_text(stranger, "/history")
    await bot.emu.wait_for_message(stranger, contains=texts.HISTORY_NOT_ENROLLED_ES)
    bot.emu.send_text(stranger, "/safetyplan")
    await bot.emu.wait_for_message(stranger, contains=texts.PLAN_NOT_ENROLLED_ES)
    bot.emu.send_text(stranger, "/measures")
    await bot.emu.wait_for_message(stranger, contains="Para empezar, necesitas un código")


async def test_each_kind_of_moment_in_cope_walks_a_skill_in_spanish(bot: Harness) -> None:
    await enroll_in_spanish(bot)
    english = {s.name for s in bot.services.skills.values()}
    last = 0
    for label in texts.COPE_TAG_LABELS_ES.values():
        bot.emu.send_text(PATIENT, "/cope")
        ask = await bot.emu.wait_for_message(PATIENT, contains=texts.COPE_ASK_ES, after=last)
        bot.emu.press_button(PATIENT, ask, label)
        step = await bot.emu.wait_for_message(PATIENT, contains="1/", after=ask.message_id)
        assert not any(name in step.text for name in english), step.text
        assert texts.BTN_NEXT_ES in step.button_texts()
        bot.emu.press_button(PATIENT, step, texts.BTN_STOP_ES)
        stopped = await bot.emu.wait_for_message(
            PATIENT, contains=texts.COPE_STOPPED_ES, predicate=_edited(step.message_id)
        )
        last = stopped.message_id


async def test_phq9_item_9_brings_the_crisis_answer_in_spanish(bot: Harness) -> None:
    """Newcomer finding 9-8: item 9 answered by a Spanish patient brought the English crisis answer."""
    await enroll_in_spanish(bot)
    bot.emu.send_text(PATIENT, "/measures")
    first = await bot.emu.wait_for_message(PATIENT, contains="PHQ-9 · 1/9")
    item9 = await _answer(bot, first, [0] * 8)
    bot.emu.press_button(PATIENT, item9, OPTIONS[1])
    crisis = await bot.emu.wait_for_message(PATIENT, contains="¿Estás a salvo en este momento?")
    assert "988" in crisis.text
