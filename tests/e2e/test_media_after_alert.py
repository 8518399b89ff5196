"""Media after a crisis (newcomer24 N254): a voice note, a photo, a sticker and a file in a row were four identical
cards "sent a photo, voice note or file"; now one card gathers them and names each kind. A shared location was
thrown away ("cannot read or keep it"); with an alert open it is the most actionable thing a person in crisis
sends (where to send help): it reaches the alert's people behind Show message, and the patient is told so."""

from __future__ import annotations

from bot import texts
from bot.devtools.emulator.phone_commands import _MEDIA
from tests.conftest import COUNSELOR, Harness
from tests.e2e.test_words_after_alert import _crisis


def _told(bot: Harness, patient: int) -> int:
    return len([m for m in bot.emu.sent_to(patient) if "told Dana" in m.text])


def _media_cards(bot: Harness) -> list[str]:
    return [m.text for m in bot.emu.sent_to(COUNSELOR) if m.text.startswith("📎")]


async def test_media_after_an_alert_gather_on_one_card_naming_each_kind(bot: Harness, patient: int) -> None:
    await _crisis(bot, patient)
    for n, kind in enumerate(("/voice", "/photo", "/sticker", "/file"), start=1):
        if kind == "/photo":
            bot.emu.send_photo(patient)
        else:
            bot.emu.send_extra(patient, _MEDIA[kind])
        await bot.emu.wait_until(lambda n=n: _told(bot, patient) == n)  # type: ignore[misc]
    cards = _media_cards(bot)
    assert len(cards) == 1, cards
    (card,) = cards
    assert "4 things" in card, card
    for kind in ("a voice note", "a photo", "a sticker", "a file"):
        assert kind in card, card


async def test_a_location_after_an_alert_reaches_its_people(bot: Harness, patient: int) -> None:
    alert = await _crisis(bot, patient)
    bot.emu.send_extra(patient, _MEDIA["/location"])
    card = await bot.emu.wait_for_message(COUNSELOR, after=alert, contains="location")
    told = await bot.emu.wait_for_message(patient, contains="location")
    assert "Dana Rivera" in told.text and "type it" not in told.text, told.text
    bot.emu.press_button(COUNSELOR, card, texts.BTN_SHOW_MESSAGE)
    shown = await bot.emu.wait_for_message(COUNSELOR, contains="40.7128")
    assert "-74.006" in shown.text, shown.text


async def test_voice_notes_outside_an_alert_show_on_the_caseload(bot: Harness, patient: int) -> None:
    # newcomer24 N276: a patient who only sends voice notes looked exactly like one who is silent.
    svc = bot.services
    for n in (1, 2):
        bot.emu.send_extra(patient, _MEDIA["/voice"])
        await bot.emu.wait_until(lambda n=n: _noted(bot, patient) == n)  # type: ignore[misc]
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    flags = svc.worker.call(svc.repo.open_flags, found.patient_id)
    assert [(f["kind"], f["details"]) for f in flags] == [("media_sent", {"kinds": ["voice", "voice"]})]
    bot.emu.send_text(COUNSELOR, "/caseload")
    screen = await bot.emu.wait_for_message(COUNSELOR, contains="Your caseload")
    assert svc.flag_rules.label("media_sent") in screen.text


async def test_a_location_outside_an_alert_is_not_kept_and_not_asked_to_be_typed(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_extra(patient, _MEDIA["/location"])
    told = await bot.emu.wait_for_message(patient, contains="locations")
    assert "type it instead" not in told.text, told.text


def _noted(bot: Harness, patient: int) -> int:
    return len([m for m in bot.emu.sent_to(patient) if texts.MEDIA_NOTED in m.text])


async def test_media_read_late_say_when_they_were_sent(bot: Harness, patient: int) -> None:
    # newcomer22 N269: after a restart the card gave the time the bot read the photo, not when it was sent.
    from datetime import timedelta

    await _crisis(bot, patient)
    later = bot.services.now() + timedelta(minutes=20)
    bot.services.clock = lambda: later  # the bot reads the photo 20 minutes after Telegram took it
    bot.emu.send_photo(patient)
    card = await bot.emu.wait_for_message(COUNSELOR, contains="📎")
    assert "⏳" in card.text and "20 min later" in card.text, card.text


async def test_a_sticker_at_a_check_in_button_question_asks_it_again_with_its_buttons(
    bot: Harness, patient: int
) -> None:
    # newcomer24 N267: "Please type it instead", and the question was not shown again.
    bot.emu.send_text(patient, "/checkin")
    mood = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_extra(patient, _MEDIA["/sticker"])
    again = await bot.emu.wait_for_message(patient, after=mood.message_id, contains="tap one of the buttons")
    assert "mood" in again.text and again.button_texts() == mood.button_texts(), again.text
    assert "type it instead" not in again.text
