"""A Spanish-speaking patient on every screen beyond consent and the check-in: /settings, quiet hours,
typed places and numbers in their own words (newcomer finding 33)."""

from __future__ import annotations

from datetime import time

from bot import texts
from tests.conftest import Harness
from tests.e2e.test_spanish import PATIENT, enroll_in_spanish


def _stored(bot: Harness) -> tuple[str | None, time | None]:
    p = bot.services.worker.call(bot.services.repo.patient_by_telegram, PATIENT)
    assert p is not None
    return p.timezone, p.checkin_time


async def test_settings_and_quiet_hours_speak_spanish(bot: Harness) -> None:
    await enroll_in_spanish(bot)
    bot.emu.send_text(PATIENT, "/settings")
    screen = await bot.emu.wait_for_message(PATIENT, contains="Tu configuración")
    assert "Zona horaria: America/Chicago" in screen.text and "Registro diario: 18:00" in screen.text
    assert "Horas de silencio: 22:00–08:00 (la predeterminada)" in screen.text
    assert screen.button_texts() == [
        texts.BTN_CHANGE_ZONE_ES,
        texts.BTN_CHANGE_TIME_ES,
        "🌙 Horas de silencio: 22:00–08:00",
    ]
    bot.emu.press_button(PATIENT, screen, texts.BTN_CHANGE_TIME_ES)
    await bot.emu.wait_for_message(PATIENT, contains="¿A qué hora lo quieres?", after=screen.message_id)
    bot.emu.send_text(PATIENT, "7:30")
    changed = await bot.emu.wait_for_message(
        PATIENT, contains="Listo. Tu registro diario ahora es a las 07:30"
    )
    warning = await bot.emu.wait_for_message(PATIENT, contains="horas de silencio", after=changed.message_id)
    assert "22:00–08:00" in warning.text

    bot.emu.send_text(PATIENT, "/settings")
    screen = await bot.emu.wait_for_message(PATIENT, contains="Tu configuración", after=warning.message_id)
    bot.emu.press_button(PATIENT, screen, "🌙 Horas de silencio: 22:00–08:00")
    menu = await bot.emu.wait_for_message(PATIENT, contains="Elige las horas", after=screen.message_id)
    assert (
        texts.BTN_QUIET_OFF_ES in menu.button_texts()
        and "22:00–08:00 (predeterminada)" in menu.button_texts()
    )
    bot.emu.press_button(PATIENT, menu, texts.BTN_QUIET_OFF_ES)
    await bot.emu.wait_for_message(
        PATIENT, contains="Las horas de silencio están apagadas", after=menu.message_id
    )

    bot.emu.send_text(PATIENT, "/settings")
    screen = await bot.emu.wait_for_message(PATIENT, contains="Horas de silencio: apagadas")
    bot.emu.press_button(PATIENT, screen, texts.BTN_CHANGE_ZONE_ES)
    await bot.emu.wait_for_message(PATIENT, contains="¿En cuál estás?", after=screen.message_id)
    bot.emu.send_text(PATIENT, "vivo en Los Ángeles")  # newcomer finding 33
    await bot.emu.wait_for_message(PATIENT, contains="Listo. Tu zona horaria es America/Los_Angeles")
    assert _stored(bot) == ("America/Los_Angeles", time(7, 30))


async def test_a_place_with_an_accent_at_set_up_and_a_number_said_in_spanish_are_understood(
    bot: Harness,
) -> None:
    bot.emu.add_user(PATIENT, first_name="Lucía", language_code="es")
    bot.emu.send_text(PATIENT, f"/start {bot.invite('Lucia')}")
    consent = await bot.emu.wait_for_message(PATIENT, contains="¿Aceptas continuar?")
    bot.emu.press_button(PATIENT, consent, texts.BTN_AGREE_ES)
    zones = await bot.emu.wait_for_message(PATIENT, contains="¿En qué zona horaria estás?")
    bot.emu.send_text(PATIENT, "Los Ángeles")
    times = await bot.emu.wait_for_message(
        PATIENT, contains="¿A qué hora quieres tu registro diario?", after=zones.message_id
    )
    assert "America/Los_Angeles" in times.text
    bot.emu.send_text(PATIENT, "a las 6 de la tarde")
    done = await bot.emu.wait_for_message(PATIENT, contains="Todo listo")
    assert "18:00" in done.text
    bot.emu.send_text(PATIENT, "/checkin")
    mood = await bot.emu.wait_for_message(PATIENT, contains="¿Cómo está tu ánimo en este momento?")
    bot.emu.send_text(PATIENT, "como un 7")
    craving = await bot.emu.wait_for_message(PATIENT, contains="ansias", after=mood.message_id)
    assert "No te entendí" not in craving.text
    bot.emu.send_text(PATIENT, "/cancel")
    await bot.emu.wait_for_message(PATIENT, contains="Bien, lo dejamos", after=craving.message_id)
