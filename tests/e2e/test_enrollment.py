"""Enrollment end to end: the real Application polling the emulator over HTTP."""

from __future__ import annotations

import dataclasses

import pytest

from bot import texts
from bot.config.settings import Settings
from tests.conftest import COUNSELOR, Harness

PATIENT = 3001


async def test_a_stranger_learns_how_to_get_a_code_and_nothing_is_stored(bot: Harness) -> None:
    bot.emu.send_text(PATIENT, "/start")
    reply = await bot.emu.wait_for_message(PATIENT)
    assert reply.text == _plain(texts.STRANGER)
    bot.emu.send_text(PATIENT, "hello? is anyone there")
    await bot.emu.wait_for_message(PATIENT, after=reply.message_id)
    assert bot.services.worker.call(bot.services.repo.patient_by_telegram, PATIENT) is None
    assert not (bot.services.settings.data_dir / "patients").exists()


async def test_a_patient_enrolls_with_a_code_consents_and_sets_up(bot: Harness) -> None:
    code = bot.invite("Alex")
    bot.emu.send_text(PATIENT, f"/start {code}")
    consent = await bot.emu.wait_for_message(PATIENT, contains="not end-to-end encrypted")
    assert "988" in consent.text
    # Who reads, by name, and the colleague covering while they are away (newcomer18 N165).
    assert "Your counselor, Dana Rivera, reads" in consent.text and "covering for them" in consent.text
    assert consent.button_texts() == [texts.BTN_AGREE, texts.BTN_NOT_NOW, texts.BTN_SPANISH]
    assert consent.protect_content

    bot.emu.press_button(PATIENT, consent, texts.BTN_AGREE)
    told = await bot.emu.wait_for_message(COUNSELOR, contains="Alex")
    assert "accepted your invitation" in told.text
    zones = await bot.emu.wait_for_message(PATIENT, contains="time zone")
    bot.emu.press_button(PATIENT, zones, "Chicago")
    times = await bot.emu.wait_for_message(PATIENT, contains="daily check-in")
    bot.emu.press_button(PATIENT, times, "6:00 PM")
    done = await bot.emu.wait_for_message(PATIENT, contains="All set")
    assert "6:00 PM" in done.text

    patient = bot.services.worker.call(bot.services.repo.patient_by_telegram, PATIENT)
    assert patient is not None
    assert (patient.alias, patient.counselor_id, patient.timezone) == ("Alex", COUNSELOR, "America/Chicago")
    assert patient.checkin_time is not None and patient.checkin_time.hour == 18


async def test_a_patient_can_type_the_code_time_zone_and_time(bot: Harness) -> None:
    code = bot.invite("Blake")
    bot.emu.send_text(PATIENT, "/start")
    await bot.emu.wait_for_message(PATIENT)
    bot.emu.send_text(PATIENT, f"{code[:4].lower()} {code[4:].lower()}")
    consent = await bot.emu.wait_for_message(PATIENT, contains="Do you agree")
    bot.emu.press_button(PATIENT, consent, texts.BTN_AGREE)
    await bot.emu.wait_for_message(PATIENT, contains="time zone")
    bot.emu.send_text(PATIENT, "Mars/Olympus")
    await bot.emu.wait_for_message(PATIENT, contains="don't recognize")
    bot.emu.send_text(PATIENT, "europe/london")
    await bot.emu.wait_for_message(PATIENT, contains="Europe/London")
    bot.emu.send_text(PATIENT, "7:30 pm")
    done = await bot.emu.wait_for_message(PATIENT, contains="All set")
    assert "7:30 PM" in done.text


async def test_not_now_stores_nothing_and_the_code_still_works(bot: Harness) -> None:
    code = bot.invite("Casey")
    bot.emu.send_text(PATIENT, f"/start {code}")
    consent = await bot.emu.wait_for_message(PATIENT, contains="Do you agree")
    bot.emu.press_button(PATIENT, consent, texts.BTN_NOT_NOW)
    await bot.emu.wait_for_message(PATIENT, contains="Nothing about you has been saved")
    assert bot.services.worker.call(bot.services.repo.patient_by_telegram, PATIENT) is None
    bot.emu.press_button(PATIENT, consent, texts.BTN_AGREE)  # a second tap on the old message
    await bot.emu.wait_for_message(PATIENT, contains="time zone")


async def test_wrong_used_and_repeated_codes_get_clear_answers(bot: Harness) -> None:
    code = bot.invite("Drew")
    bot.emu.send_text(PATIENT, "/start ABCDEFGH")
    await bot.emu.wait_for_message(PATIENT, contains="couldn't find that code")
    bot.emu.send_text(PATIENT, f"/start {code}")
    consent = await bot.emu.wait_for_message(PATIENT, contains="Do you agree")
    bot.emu.press_button(PATIENT, consent, texts.BTN_AGREE)
    await bot.emu.wait_for_message(PATIENT, contains="time zone")
    other = PATIENT + 1
    bot.emu.send_text(other, f"/start {code}")
    await bot.emu.wait_for_message(other, contains="already been used")
    for _ in range(4):
        bot.emu.send_text(other, "/start ZZZZZZZZ")
    await bot.emu.wait_until(lambda: len(bot.emu.sent_to(other)) == 5)
    bot.emu.send_text(other, f"/start {bot.invite('Eden')}")
    await bot.emu.wait_for_message(other, contains="Too many tries")


async def test_group_chats_are_ignored_and_left(bot: Harness) -> None:
    group = -500
    bot.emu.add_bot_to_group(PATIENT, group)
    bot.emu.send_text(PATIENT, "/start", chat_id=group, chat_type="group")
    await bot.emu.wait_until(lambda: bot.emu.stats.calls.get("leaveChat", 0) >= 1)
    assert bot.emu.sent_to(group) == []


async def test_help_and_cancel_answer_everyone(bot: Harness) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    assert "Counselor tools" in (await bot.emu.wait_for_message(COUNSELOR)).text
    bot.emu.send_text(PATIENT, "/cancel")
    assert (await bot.emu.wait_for_message(PATIENT)).text == texts.NOTHING_TO_CANCEL
    bot.emu.send_text(PATIENT, "/nonsense")
    assert (await bot.emu.wait_for_message(PATIENT, after=1)).text == _plain(texts.STRANGER)


async def test_menus_are_set_at_start_up_per_role(bot: Harness) -> None:
    default = [c["command"] for c in bot.emu.commands()]
    counselor = [c["command"] for c in bot.emu.commands(scope_chat_id=COUNSELOR)]
    assert "checkin" in default and "caseload" not in default
    assert "caseload" in counselor
    spanish = {c["command"]: c["description"] for c in bot.emu.commands(language_code="es")}
    assert list(spanish) == default and spanish["checkin"] == "Registro diario"  # Spanish apps: same commands


def _plain(html: str) -> str:
    """What a Telegram client shows for one of our HTML texts (tags removed)."""
    import re
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", "", html))


@pytest.fixture
def settings(settings: Settings, request: pytest.FixtureRequest) -> Settings:
    """The usual settings, in the program time zone a test asks for."""
    return dataclasses.replace(settings, timezone=getattr(request, "param", settings.timezone))


@pytest.mark.parametrize(
    ("settings", "app_language", "shown", "not_shown", "question"),
    [
        ("Europe/London", "en", "116 123", "988", "Do you agree"),  # London: Samaritans, not the US line
        ("America/New_York", "es", "marca 2", "Call or text 988", "¿Aceptas"),  # 988 in Spanish
    ],
    indirect=["settings"],
)
async def test_the_consent_gives_the_lines_for_the_programs_country_and_the_patients_language(
    bot: Harness, app_language: str, shown: str, not_shown: str, question: str
) -> None:
    # Before the patient agrees nothing about them is stored: the program's time zone decides the
    # country, their Telegram app's language the language, as for a stranger in crisis.
    bot.emu.add_user(PATIENT, first_name="Sam")
    bot.emu.world.users[PATIENT]["language_code"] = app_language
    bot.emu.send_text(PATIENT, f"/start {bot.invite('Sam')}")
    consent = await bot.emu.wait_for_message(PATIENT, contains=question)  # the terms in that language too
    assert shown in consent.text and not_shown not in consent.text


@pytest.mark.parametrize(
    ("typed", "agree", "language"),
    [("i changed my mind", texts.BTN_AGREE, "en"), ("cambié de opinión", texts.BTN_AGREE_ES, "es")],
)
async def test_a_change_of_mind_after_not_now_is_offered_the_button_again(
    bot: Harness, typed: str, agree: str, language: str
) -> None:
    """gaps11 #5: after "Not now" the consent's buttons are gone, and "i changed my mind" was told to tap
    "I agree under the welcome message above", a button no longer there."""
    code = bot.invite("Casey")
    bot.emu.send_text(PATIENT, f"/start {code}")
    consent = await bot.emu.wait_for_message(PATIENT, contains="Do you agree")
    bot.emu.press_button(PATIENT, consent, texts.BTN_NOT_NOW)
    declined = await bot.emu.wait_for_message(PATIENT, contains="Nothing about you has been saved")
    assert not next(m for m in bot.emu.sent_to(PATIENT) if m.message_id == consent.message_id).buttons
    bot.emu.send_text(PATIENT, typed)
    offer = await bot.emu.wait_for_message(PATIENT, after=declined.message_id)
    assert agree in offer.button_texts(), (offer.text, offer.button_texts())
    assert "under the welcome message above" not in offer.text and "debajo del mensaje" not in offer.text
    bot.emu.press_button(PATIENT, offer, agree)
    zone = "zona horaria" if language == "es" else "time zone"
    await bot.emu.wait_for_message(PATIENT, after=offer.message_id, contains=zone)
    assert bot.services.worker.call(bot.services.repo.patient_by_telegram, PATIENT) is not None


@pytest.mark.parametrize(
    ("typed", "language", "said"),
    [
        ("ABCD1234", "en", "couldn't find that code"),
        ("QQQQ-1111", "en", "couldn't find that code"),
        ("R5PJ8G7O", "es", "No encontré ese código"),
    ],
)
async def test_a_code_copied_with_a_1_an_i_a_0_or_an_o_is_told_it_was_not_found(
    bot: Harness, typed: str, language: str, said: str
) -> None:
    """newcomer9 N34: "ABCD1234" or "QQQQ1111" (a code copied by hand, l for 1, O for 0) got the greeting, as if
    nothing had been sent; "ZZZZ9999" got "I couldn't find that code". Codes never hold those characters."""
    stranger = 7002
    bot.emu.add_user(stranger, first_name="Wen", language_code=language)
    bot.emu.send_text(stranger, typed)
    told = await bot.emu.wait_for_message(stranger, contains=said)
    assert "0, O, 1, I" in told.text, told.text  # why it was not found: those are never in a code
