"""A counselor marked away: their patients' urgent alerts reach the cover (else on-call) at once, as round 0,
not after the escalation delay (newcomer16 N141)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from bot import texts
from bot.config.settings import Settings
from bot.domain.away import Away
from bot.domain.checkins import local_date
from bot.domain.models import Counselor
from tests.conftest import COUNSELOR, Harness, say_hello

CRISIS = "honestly I just want to kill myself tonight"
PAT, RAE = 1003, 1002  # Pat covers for Dana; Rae is on call


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, oncall=(RAE,))


async def _staff(bot: Harness) -> None:
    svc = bot.services
    for who, name in ((PAT, "Pat Kim"), (RAE, "Rae Lee")):
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=who, name=name))
        bot.emu.add_user(who, first_name=name.split()[0])
        await say_hello(bot.emu, who)


def _dana_away(bot: Harness, cover: int | None, days: int = 7) -> None:
    svc = bot.services
    until = local_date(svc.now(), svc.settings.tz) + timedelta(days=days)
    svc.worker.call(svc.repo.set_away, Away(COUNSELOR, until, cover))


async def test_the_cover_gets_the_alert_at_once(bot: Harness, patient: int) -> None:
    await _staff(bot)
    _dana_away(bot, PAT)
    bot.emu.send_text(patient, CRISIS)
    card = await bot.emu.wait_for_message(PAT, contains="Alex")
    assert "Dana Rivera" in card.text  # whose patient it is
    await bot.emu.wait_for_message(COUNSELOR, contains="Alex")
    assert not [m for m in bot.emu.sent_to(RAE) if "Alex" in m.text]  # on-call only at escalation


async def test_without_a_cover_on_call_gets_it_at_once(bot: Harness, patient: int) -> None:
    await _staff(bot)
    _dana_away(bot, None)
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(RAE, contains="Alex")


async def test_on_the_day_she_is_back_it_is_hers_again(bot: Harness, patient: int) -> None:
    await _staff(bot)
    _dana_away(bot, PAT, days=0)
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Alex")
    await bot.emu.settle()
    assert not [m for m in bot.emu.sent_to(PAT) if "Alex" in m.text]


async def test_the_patient_is_not_promised_the_counselor_who_is_away(bot: Harness, patient: int) -> None:
    await _staff(bot)
    _dana_away(bot, PAT)
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(patient, contains="Are you safe right now?")
    await bot.emu.wait_for_message(PAT, contains="Alex")
    said = " ".join(m.text for m in bot.emu.sent_to(patient))
    assert "I've let your care team know" in said
    assert "your counselor know" not in said


async def test_a_message_goes_to_the_cover_and_says_so(bot: Harness, patient: int) -> None:
    await _staff(bot)
    _dana_away(bot, PAT)
    bot.emu.send_text(patient, "/message")
    ask = await bot.emu.wait_for_message(patient, contains="Type your message for")
    assert "Type your message for Pat Kim" in ask.text and "Dana Rivera is away until" in ask.text  # N151
    bot.emu.send_text(patient, "can we move thursday to 3pm")
    await bot.emu.wait_for_message(PAT, contains="can we move thursday")
    passed = await bot.emu.wait_for_message(patient, contains="Pat Kim", after=ask.message_id)
    assert "Dana" not in passed.text


async def test_alerts_opened_before_she_was_away_go_to_the_cover(bot: Harness, patient: int) -> None:
    """newcomer16 N141's rest: an alert open when Dana was marked away stayed hers (and on-call's at escalation);
    now the cover gets it, a card of its own, once."""
    await _staff(bot)
    bot.emu.send_text(patient, CRISIS)
    await bot.emu.wait_for_message(COUNSELOR, contains="Alex")
    await bot.emu.settle()
    assert not [m for m in bot.emu.sent_to(PAT) if "Alex" in m.text]
    _dana_away(bot, PAT)
    card = await bot.emu.wait_for_message(PAT, contains="Alex")
    assert "Dana Rivera is away until" in card.text and "you are covering for them" in card.text, card.text
    assert card.buttons  # its own buttons: acknowledge, show message
    await bot.emu.settle()
    assert len([m for m in bot.emu.sent_to(PAT) if "Alex" in m.text]) == 1
    # Recorded just after Telegram took the card: wait for the record (a positive barrier), then read it.
    svc = bot.services
    await bot.emu.wait_until(
        lambda: any(d.to == PAT for a in svc.worker.call(svc.repo.open_alerts) for d in a.deliveries)
    )
    (alert,) = svc.worker.call(svc.repo.open_alerts)
    assert PAT in alert.also and any(d.to == PAT for d in alert.deliveries)
    assert not [m for m in bot.emu.sent_to(RAE) if "Alex" in m.text]  # the cover, not on-call too


async def test_a_reply_to_her_message_reaches_the_cover(bot: Harness, patient: int) -> None:
    """newcomer16 N141's rest: a patient's Reply to the away counselor's message went to her, unread for a week."""
    await _staff(bot)
    svc = bot.services
    p = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert p is not None
    svc.worker.call(
        svc.repo.record_message,
        p.patient_id,
        "counselor",
        COUNSELOR,
        COUNSELOR,
        "see you thursday?",
        svc.now(),
    )
    _dana_away(bot, PAT)
    bot.emu.send_text(patient, "yes ill be there")  # typed, as the answer to her message
    got = await bot.emu.wait_for_message(PAT, contains="yes ill be there")
    assert "see you thursday" in got.text
    told = await bot.emu.wait_for_message(patient, contains="Pat Kim")
    assert "Dana" not in told.text


async def test_a_cover_who_is_on_call_reads_that_they_cover(bot: Harness, patient: int) -> None:
    """newcomer16 N150 (newcomer18): Sam, the cover and the only on-call, read "this reached you on call" at round 0,
    and a cover who had an earlier alert read "you had their earlier alert in hand": never that they cover."""
    await _staff(bot)
    _dana_away(bot, RAE)  # Rae is on call, and covers
    bot.emu.send_text(patient, CRISIS)
    card = await bot.emu.wait_for_message(RAE, contains="Alex")
    assert "Dana Rivera is away until" in card.text and "you are covering for them" in card.text, card.text
    assert "on call" not in card.text


async def test_without_a_cover_on_call_reads_that_she_is_away(bot: Harness, patient: int) -> None:
    await _staff(bot)
    _dana_away(bot, None)
    bot.emu.send_text(patient, CRISIS)
    card = await bot.emu.wait_for_message(RAE, contains="Alex")
    assert "Dana Rivera is away until" in card.text and "on call at once" in card.text, card.text


async def test_a_use_disclosed_reaches_the_cover(bot: Harness, patient: int) -> None:
    """newcomer18 O87: "I relapsed last night, used heroin again" (a non-urgent alert) went to Dana only, away
    for three days; the cover heard nothing. Now the cover gets its card too; on-call does not."""
    await _staff(bot)
    _dana_away(bot, PAT)
    bot.emu.send_text(patient, "I relapsed last night, used heroin again")
    card = await bot.emu.wait_for_message(PAT, contains="Alex")
    assert "you are covering for them" in card.text, card.text
    await bot.emu.settle()
    assert not [m for m in bot.emu.sent_to(RAE) if "Alex" in m.text]


async def test_the_cover_can_answer_and_open_the_page(bot: Harness, patient: int) -> None:
    """newcomer18 N151: the patient is told who covers and until when; the cover's message card says whose patient
    it is; the cover can answer and open the patient's page while covering."""
    await _staff(bot)
    _dana_away(bot, PAT)
    bot.emu.send_text(patient, "/message")
    ask = await bot.emu.wait_for_message(patient, contains="Type your message for")
    assert "Dana Rivera is away until" in ask.text and "Pat Kim is covering" in ask.text, ask.text
    bot.emu.send_text(patient, "hola dana, can we talk tomorrow")
    card = await bot.emu.wait_for_message(PAT, contains="hola dana")
    assert "Dana Rivera's patient" in card.text and "covering" in card.text, card.text
    bot.emu.press_button(PAT, card, texts.BTN_REPLY)
    await bot.emu.wait_for_message(PAT, contains="Alex", after=card.message_id)
    bot.emu.send_text(PAT, "/caseload")
    screen = await bot.emu.wait_for_message(PAT, contains="Alex", after=card.message_id)
    bot.emu.press_button(PAT, screen, "Alex")
    await bot.emu.wait_for_message(PAT, contains="Last check-ins")


@pytest.mark.parametrize(("language", "away", "covering"), [
    ("en", "Dana Rivera is away until", "Pat Kim will see at their next review"),
    ("es", "Dana Rivera está fuera hasta el", "Pat Kim verá en su próxima revisión"),
])  # fmt: skip
async def test_the_sos_screen_says_the_counselor_is_away_and_who_reads_it(
    bot: Harness, patient: int, language: str, away: str, covering: str
) -> None:
    """newcomer18 N151 addendum 2: with Dana away for days, /sos still said "your counselor will see at their next
    review that you opened this screen"."""
    await _staff(bot)
    _dana_away(bot, PAT)
    svc = bot.services
    found = svc.worker.call(svc.repo.patient_by_telegram, patient)
    assert found is not None
    svc.worker.call(svc.repo.save_patient, found.with_changes(language=language))
    bot.emu.send_text(patient, "/sos")
    screen = await bot.emu.wait_for_message(patient, predicate=lambda m: bool(m.buttons))
    assert away in screen.text and covering in screen.text, screen.text
    assert "Your counselor will see" not in screen.text and "Tu consejero o consejera verá" not in screen.text


async def test_when_the_cover_cannot_be_reached_the_card_says_so(bot: Harness, patient: int) -> None:
    """newcomer18 N180: Sam away, his cover Lee had never opened the bot; the admin who got the alert read only "this
    reached you as an admin", not that Sam is away and his cover can't be reached, so that he alone has it."""
    await _staff(bot)
    lee = 1004
    svc = bot.services
    # Lee never opened the bot.
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=lee, name="Lee Park"))
    _dana_away(bot, lee)
    bot.emu.send_text(patient, CRISIS)
    card = await bot.emu.wait_for_message(RAE, contains="Alex")
    assert "Dana Rivera is away until" in card.text, card.text
    assert "Lee Park" in card.text and "has not started the bot" in card.text, card.text
