"""A patient whose Telegram app is in Spanish: consent, set-up and the daily check-in all in Spanish."""

from __future__ import annotations

from datetime import timedelta

from bot import texts
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_checkin import entries

PATIENT = 3101


async def enroll_in_spanish(bot: Harness, telegram_id: int = PATIENT) -> None:
    """Through consent and set-up with a Mexican-Spanish phone, asserting every step is in Spanish."""
    bot.emu.add_user(telegram_id, first_name="Sofía", language_code="es-MX")
    bot.emu.send_text(telegram_id, f"/start {bot.invite('Sofia')}")
    consent = await bot.emu.wait_for_message(telegram_id, contains="¿Aceptas continuar?")
    assert "no tienen cifrado de extremo a extremo" in consent.text
    assert consent.button_texts() == [texts.BTN_AGREE_ES, texts.BTN_NOT_NOW_ES, texts.BTN_ENGLISH]
    bot.emu.send_text(telegram_id, "Acepto")  # typed, not tapped: pointed to the button, in Spanish
    await bot.emu.wait_for_message(telegram_id, contains="toca Acepto aquí abajo")
    bot.emu.press_button(telegram_id, consent, texts.BTN_AGREE_ES)
    await bot.emu.wait_for_message(COUNSELOR, contains="accepted your invitation")  # counselors: English
    offer = await bot.emu.wait_for_message(telegram_id, contains="Idioma: español")
    assert offer.button_texts() == [texts.BTN_ENGLISH, texts.BTN_SPANISH]
    zones = await bot.emu.wait_for_message(telegram_id, contains="¿En qué zona horaria estás?")
    assert "Otra (escríbela)" in zones.button_texts()
    bot.emu.press_button(telegram_id, zones, "Chicago")
    times = await bot.emu.wait_for_message(telegram_id, contains="¿A qué hora quieres tu registro diario?")
    bot.emu.press_button(telegram_id, times, "18:00")
    done = await bot.emu.wait_for_message(telegram_id, contains="Todo listo")
    assert "18:00" in done.text and "/idioma" in done.text
    await bot.emu.wait_for_message(telegram_id, contains="El botón 🆘 SOS", after=done.message_id)


async def test_a_spanish_phone_gets_consent_set_up_and_check_in_in_spanish(bot: Harness) -> None:
    await enroll_in_spanish(bot)
    patient = bot.services.worker.call(bot.services.repo.patient_by_telegram, PATIENT)
    assert patient is not None and patient.language == "es"

    bot.emu.send_text(PATIENT, "/checkin")
    mood = await bot.emu.wait_for_message(PATIENT, contains="¿Cómo está tu ánimo en este momento?")
    assert "0 = el peor" in mood.text and texts.BTN_SKIP_ES in mood.button_texts()
    bot.emu.send_text(PATIENT, "cinco")  # numbers as Spanish words
    craving = await bot.emu.wait_for_message(PATIENT, contains="ansias", after=mood.message_id)
    bot.emu.send_text(PATIENT, "dos")
    sleep = await bot.emu.wait_for_message(
        PATIENT, contains="¿Cómo dormiste anoche?", after=craving.message_id
    )
    assert sleep.button_texts()[:3] == ["Mal", "Regular", "Bien"]
    bot.emu.send_text(PATIENT, "bien")
    meds = await bot.emu.wait_for_message(PATIENT, contains="medicamento", after=sleep.message_id)
    bot.emu.send_text(PATIENT, "sí")
    used = await bot.emu.wait_for_message(PATIENT, contains="¿has consumido?", after=meds.message_id)
    bot.emu.send_text(PATIENT, "quizás")  # not an answer: a kind re-ask, in Spanish
    await bot.emu.wait_for_message(PATIENT, contains="No te entendí bien", after=used.message_id)
    bot.emu.press_button(PATIENT, used, "No")
    note = await bot.emu.wait_for_message(PATIENT, contains=texts.NOTE_HINT_ES, after=used.message_id)
    bot.emu.press_button(PATIENT, note, texts.BTN_SKIP_ES)
    thanks = await bot.emu.wait_for_message(
        PATIENT, contains="Gracias por hacer tu registro", after=note.message_id
    )
    assert "ánimo 5/10, ansias 2/10" in thanks.text
    assert entries(bot, PATIENT) == [
        {"mood": 5, "craving": 2, "sleep": 2, "medication": 1, "used": 0, "note": None}
    ]


async def test_the_language_can_be_switched_with_idioma_and_language(bot: Harness) -> None:
    await enroll_in_spanish(bot)
    bot.emu.send_text(PATIENT, "/language")
    menu = await bot.emu.wait_for_message(PATIENT, contains="¿Qué idioma prefieres?")
    bot.emu.press_button(PATIENT, menu, texts.BTN_ENGLISH)
    await bot.emu.wait_for_message(PATIENT, contains="I'll write to you in English", after=menu.message_id)
    bot.emu.send_text(PATIENT, "/checkin")
    await bot.emu.wait_for_message(PATIENT, contains="How is your mood right now?")
    bot.emu.send_text(PATIENT, "/idioma")
    menu = await bot.emu.wait_for_message(PATIENT, contains="I write to you in English")
    bot.emu.press_button(PATIENT, menu, texts.BTN_SPANISH)
    await bot.emu.wait_for_message(PATIENT, contains="te escribo en español", after=menu.message_id)
    patient = bot.services.worker.call(bot.services.repo.patient_by_telegram, PATIENT)
    assert patient is not None and patient.language == "es"


async def test_an_english_phone_can_choose_spanish_at_the_start_of_set_up(bot: Harness) -> None:
    bot.emu.add_user(PATIENT, first_name="Ana")  # an English app: the consent in English
    bot.emu.send_text(PATIENT, f"/start {bot.invite('Ana')}")
    consent = await bot.emu.wait_for_message(PATIENT, contains="Do you agree")
    bot.emu.press_button(PATIENT, consent, texts.BTN_AGREE)
    offer = await bot.emu.wait_for_message(PATIENT, contains="¿Prefieres español?")
    zones = await bot.emu.wait_for_message(PATIENT, contains="Which time zone are you in?")
    bot.emu.press_button(PATIENT, offer, texts.BTN_SPANISH)
    # The open question again, now in Spanish, and it still takes its answer.
    again = await bot.emu.wait_for_message(
        PATIENT, contains="¿En qué zona horaria estás?", after=zones.message_id
    )
    bot.emu.send_text(PATIENT, "Chicago")
    await bot.emu.wait_for_message(PATIENT, contains="¿A qué hora", after=again.message_id)


async def test_a_spanish_patient_gets_the_relapse_reply_canned_reply_help_and_sos_in_spanish(
    bot: Harness,
) -> None:
    await enroll_in_spanish(bot)
    bot.emu.send_text(PATIENT, "recaí anoche")
    relapse = await bot.emu.wait_for_message(PATIENT, contains="Gracias por tu honestidad")
    assert "naloxona" in relapse.text  # the harm-reduction line in Spanish too
    assert relapse.button_texts() == [texts.BTN_URGE_SURFING_ES, texts.BTN_NOT_NOW_RELAPSE_ES]
    bot.emu.press_button(PATIENT, relapse, texts.BTN_URGE_SURFING_ES)
    await bot.emu.wait_for_message(PATIENT, contains="Surfear la ola", after=relapse.message_id)

    bot.emu.send_text(PATIENT, "/cancel")
    cancelled = await bot.emu.wait_for_message(PATIENT, contains="Bien, lo dejamos", after=relapse.message_id)
    bot.emu.send_text(PATIENT, "hola, hoy fue un día tranquilo")  # free text: kept, and the choice offered
    offer = await bot.emu.wait_for_message(PATIENT, contains="Guardé eso", after=cancelled.message_id)
    assert offer.button_texts() == [texts.BTN_SEND_UNSENT_ES, texts.BTN_DROP_UNSENT_ES]
    bot.emu.press_button(PATIENT, offer, texts.BTN_DROP_UNSENT_ES)
    await bot.emu.wait_for_message(PATIENT, contains="no lo envié y lo borré", after=offer.message_id)

    bot.emu.send_text(PATIENT, "/help")
    await bot.emu.wait_for_message(PATIENT, contains="Esto es lo que puedo hacer", after=offer.message_id)
    bot.emu.send_text(PATIENT, "/sos")
    sos = await bot.emu.wait_for_message(
        PATIENT, contains="No tienes que pasar por esto a solas", after=offer.message_id
    )
    assert sos.button_texts() == [texts.BTN_TELL_COUNSELOR_ES]
    await bot.emu.wait_for_message(
        PATIENT, contains="Prueba esto ahora: Anclaje 5-4-3-2-1", after=sos.message_id
    )


async def test_a_short_message_that_shows_no_language_is_answered_in_the_patients(bot: Harness) -> None:
    # "relapsed" and "kms" carry no word of either language's grammar: the stored language decides.
    await enroll_in_spanish(bot)
    bot.emu.send_text(PATIENT, "relapsed")
    first = await bot.emu.wait_for_message(PATIENT, contains="Gracias por tu honestidad")
    bot.emu.send_text(PATIENT, "kms")
    await bot.emu.wait_for_message(
        PATIENT, contains="¿Estás a salvo en este momento?", after=first.message_id
    )


async def test_reminders_mydata_delete_and_stop_speak_spanish(bot: Harness) -> None:
    await enroll_in_spanish(bot)
    bot.emu.send_text(PATIENT, "/mydata")
    summary = await bot.emu.wait_for_message(PATIENT, contains="Lo que tengo guardado sobre ti")
    assert "Zona horaria: America/Chicago" in summary.text and "Registro diario: 18:00" in summary.text
    bot.emu.send_text(PATIENT, "/delete")
    confirm = await bot.emu.wait_for_message(PATIENT, contains="¿Borrar todo?", after=summary.message_id)
    bot.emu.press_button(PATIENT, confirm, texts.BTN_KEEP_ES)
    await bot.emu.wait_for_message(PATIENT, contains=texts.KEPT_ES, after=confirm.message_id)
    bot.emu.send_text(PATIENT, "/stop")
    stop = await bot.emu.wait_for_message(PATIENT, contains="¿Dejar de usar", after=confirm.message_id)
    assert stop.button_texts() == [texts.BTN_STOP_ES, texts.BTN_STAY_ES]


async def test_a_session_reminder_and_its_answers_are_in_spanish(bot: Harness, patient: int) -> None:
    import time_machine

    from bot.jobs import reminders
    from tests.e2e.test_reminders import _next_monday_at, _setup

    def to_spanish() -> None:
        found = bot.services.repo.patient_by_telegram(patient)
        assert found is not None
        bot.services.repo.save_patient(found.with_changes(language="es"))

    bot.services.worker.call(to_spanish)
    _setup(bot, patient)
    with time_machine.travel(_next_monday_at(17) + timedelta(seconds=5), tick=True):
        await reminders.sweep(bot.app)
        reminder = await bot.emu.wait_for_message(patient, contains="Recordatorio")
        assert reminder.text == "Recordatorio: tu cita hoy a las 18:00. ¿Vas a poder ir?"
        assert reminder.button_texts() == ["Ahí estaré", "Voy tarde", "No puedo ir"]
        bot.emu.press_button(patient, reminder, "No puedo ir")
        await bot.emu.wait_for_message(COUNSELOR, contains="can't make it")  # the counselor's side: English
        await bot.emu.wait_for_message(
            patient, contains="¿Quieres contarle a tu consejero o consejera por qué?"
        )


async def test_spanish_names_of_the_commands_work(bot: Harness) -> None:
    """Newcomer finding 10b-13: /mensaje (the obvious Spanish for /message) got the /help list."""
    await enroll_in_spanish(bot)
    bot.emu.send_text(PATIENT, "/mensaje")
    await bot.emu.wait_for_message(PATIENT, contains="Escribe tu mensaje para")
    bot.emu.send_text(PATIENT, "/cancelar")
    await bot.emu.wait_for_message(PATIENT, contains=texts.CANCELLED_ES)
    bot.emu.send_text(PATIENT, "/registro")
    await bot.emu.wait_for_message(PATIENT, contains="¿Cómo está tu ánimo")
    bot.emu.send_text(PATIENT, "/comandos")
    await bot.emu.wait_for_message(PATIENT, contains="Esto es lo que puedo hacer")


async def test_a_hard_spanish_check_in_offers_the_skill_by_its_spanish_name(bot: Harness) -> None:
    """newcomer6 finding 1: the offer named the skill in English ("Wise mind") though it has a Spanish name."""
    await enroll_in_spanish(bot)
    bot.emu.send_text(PATIENT, "/checkin")
    mood = await bot.emu.wait_for_message(PATIENT, contains="¿Cómo está tu ánimo en este momento?")
    bot.emu.send_text(PATIENT, "uno")
    craving = await bot.emu.wait_for_message(PATIENT, contains="ansias", after=mood.message_id)
    bot.emu.send_text(PATIENT, "nueve")
    sleep = await bot.emu.wait_for_message(
        PATIENT, contains="¿Cómo dormiste anoche?", after=craving.message_id
    )
    bot.emu.press_button(PATIENT, sleep, "Mal")
    meds = await bot.emu.wait_for_message(PATIENT, contains="medicamento", after=sleep.message_id)
    bot.emu.send_text(PATIENT, "sí")
    used = await bot.emu.wait_for_message(PATIENT, contains="¿has consumido?", after=meds.message_id)
    bot.emu.press_button(PATIENT, used, "No")
    note = await bot.emu.wait_for_message(PATIENT, contains=texts.NOTE_HINT_ES, after=used.message_id)
    bot.emu.press_button(PATIENT, note, texts.BTN_SKIP_ES)
    offer = await bot.emu.wait_for_message(
        PATIENT, contains="Una habilidad que puede ayudarte", after=note.message_id
    )
    skills = bot.services.skills.values()
    named = [s for s in skills if s.name_es and f"<b>{s.name_es}</b>" in offer.html]
    assert named and not any(f"<b>{s.name}</b>" in offer.html for s in skills if s.name != s.name_es), (
        offer.html
    )


async def test_the_spanish_names_people_try_work_like_the_english_commands(bot: Harness) -> None:
    """newcomer9 N44: /historial got the /help list; "hace dos semanas" was not read as a date. /ayuda stays
    the cry for help (Spanish /sos), as "ayuda" alone is."""
    await enroll_in_spanish(bot)
    bot.emu.send_text(PATIENT, "/historial")
    chart = await bot.emu.wait_for_message(PATIENT, contains="Todavía no hay nada que graficar")
    bot.emu.send_text(PATIENT, "/dias")
    ask = await bot.emu.wait_for_message(PATIENT, contains="¿Desde qué fecha cuento?", after=chart.message_id)
    bot.emu.send_text(PATIENT, "hace dos semanas")
    saved = await bot.emu.wait_for_message(
        PATIENT, contains="Listo, llevo la cuenta por ti", after=ask.message_id
    )
    assert "🌱 14 días desde el" in saved.text
    bot.emu.send_text(PATIENT, "/misdatos")
    data = await bot.emu.wait_for_message(
        PATIENT, contains="Lo que tengo guardado sobre ti", after=saved.message_id
    )
    bot.emu.send_text(PATIENT, "/ayuda")
    await bot.emu.wait_for_message(PATIENT, contains="Habla con alguien ahora", after=data.message_id)
