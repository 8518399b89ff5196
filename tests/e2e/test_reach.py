"""A counselor is reachable before a patient needs them: invitations, rerouting, and saying so.

Every test runs on the emulator enforcing Telegram's rule: the bot cannot write to a person who has
never written to it.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from pathlib import Path

import pytest

from bot import texts
from bot.cli import main
from bot.domain.enrollment import hash_code, new_code
from bot.domain.models import Counselor, EnrollmentCode
from tests.conftest import KEY, Harness, say_hello

ADMIN, DANA, PATIENT = 1009, 1005, 2001
CRISIS = "honestly I just want to kill myself tonight"


@pytest.fixture
def cli_env(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI pointed at the running bot's data dir (it talks to the bot over its control socket)."""
    monkeypatch.setenv("IOP_DATA_DIR", str(bot.services.settings.data_dir))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    monkeypatch.delenv("IOP_BOT_TOKEN", raising=False)


async def cli(*argv: str) -> int:
    return await asyncio.to_thread(main, list(argv))


async def _admin(bot: Harness) -> None:
    """An admin counselor who has opened the bot."""
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(ADMIN, "Morgan Lee", "admin"))
    bot.emu.add_user(ADMIN, first_name="Morgan")
    await say_hello(bot.emu, ADMIN)


async def _patient_of(bot: Harness, counselor: int, alias: str = "Alex") -> None:
    """A set-up patient of ``counselor`` who has opened the bot."""
    from datetime import time

    svc, now, code = bot.services, bot.services.now(), new_code()
    invitation = EnrollmentCode(hash_code(code), alias, counselor, now, now + timedelta(days=7))

    def enroll() -> None:
        svc.repo.add_code(invitation)
        p = svc.repo.enroll(invitation, PATIENT, now)
        svc.repo.save_patient(p.with_changes(timezone="America/New_York", checkin_time=time(19, 0)))

    svc.worker.call(enroll)
    bot.emu.add_user(PATIENT, first_name=alias)
    await say_hello(bot.emu, PATIENT)


async def test_a_pending_counselors_patient_in_crisis_reaches_the_admin_at_once_and_says_so(
    bot: Harness, cli_env: None, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.ERROR)
    await _admin(bot)
    assert await cli("counselor", "add", str(DANA), "--name", "Dana Rivera") == 0
    assert "Pending until they open the bot" in capsys.readouterr().out
    bot.emu.add_user(DANA, first_name="Dana")  # has a Telegram account, never opened the bot
    await _patient_of(bot, DANA)

    bot.emu.send_text(PATIENT, CRISIS)
    reply = await bot.emu.wait_for_message(PATIENT, contains="Are you safe right now?")
    assert "your counselor know" not in reply.text and "care team" in reply.text
    # Rerouted in the same sweep that found Dana unreachable: no waiting for escalation (15 min).
    alert = await bot.emu.wait_for_message(ADMIN, contains="Urgent", timeout=30)
    assert "Alex" in alert.text and "Dana Rivera</b> has not started the bot" in alert.html
    assert alert.button_texts() == [texts.BTN_SHOW_MESSAGE, texts.BTN_ACKNOWLEDGE, texts.BTN_MESSAGE_PATIENT]
    assert not bot.emu.sent_to(DANA)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("has not started the bot" in e and str(DANA) in e for e in errors), errors

    assert await cli("counselor", "list") == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if str(DANA) in line)
    assert "pending" in row
    assert await cli("doctor") == 1
    assert f"FAIL counselors: Dana Rivera ({DANA}) has 1 patient(s) and is pending" in capsys.readouterr().out

    bot.emu.press_button(ADMIN, alert, texts.BTN_ACKNOWLEDGE)
    await bot.emu.wait_for_message(ADMIN, contains="Acknowledged by Morgan Lee")


async def test_with_nobody_reachable_the_patient_is_not_promised_anyone_and_the_alert_waits(
    bot: Harness, cli_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await cli("counselor", "add", str(DANA), "--name", "Dana Rivera") == 0
    assert await cli("enroll", "--counselor", str(DANA), "--alias", "Blair") == 0
    assert "has not started the bot yet" in capsys.readouterr().err  # allowed, with a warning
    bot.emu.add_user(DANA, first_name="Dana")
    await _patient_of(bot, DANA)

    bot.emu.send_text(PATIENT, CRISIS)
    reply = await bot.emu.wait_for_message(PATIENT, contains="Are you safe right now?")
    assert "couldn't reach anyone on your care team" in reply.text
    assert reply.text.index("988") < reply.text.index("couldn't reach")  # the crisis lines first
    await bot.emu.wait_until(lambda: _unreachable(bot) == [DANA])

    # Dana opens the bot: the open alert is delivered to her then, not lost.
    bot.emu.start_bot(DANA)
    await bot.emu.wait_until(lambda: _got(bot, DANA, "Welcome, Dana Rivera", "Urgent: Alex"))
    assert await cli("counselor", "list") == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if str(DANA) in line)
    assert "reachable" in row and "unreachable" not in row


async def test_an_invitation_link_binds_the_account_and_brings_the_queued_enrollment_and_alert(
    bot: Harness, cli_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    await _admin(bot)
    assert await cli("counselor", "add", "--name", "Sam Ortiz") == 0
    link = capsys.readouterr().out.strip().splitlines()[-1]
    assert link.startswith("https://t.me/") and "?start=C" in link
    code = link.rpartition("=")[2]
    new_counselor = 1077
    bot.emu.add_user(new_counselor, first_name="Sam")
    bot.emu.start_bot(new_counselor, code)
    await bot.emu.wait_for_message(new_counselor, contains="Welcome, Sam Ortiz")
    assert await cli("counselor", "list") == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "Sam Ortiz" in line)
    assert str(new_counselor) in row and "reachable" in row

    bot.emu.add_user(1078, first_name="Eve")
    bot.emu.start_bot(1078, code)  # the same link a second time proves nothing
    await bot.emu.wait_for_message(1078, contains="already been used")


async def test_a_counselor_who_starts_late_gets_the_queued_enrollment_notice_and_the_open_alert(
    bot: Harness, cli_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    await _admin(bot)
    assert await cli("counselor", "add", str(DANA), "--name", "Dana Rivera") == 0
    assert await cli("enroll", "--counselor", str(DANA), "--alias", "Casey") == 0
    code = capsys.readouterr().out.strip().splitlines()[-1]
    bot.emu.add_user(DANA, first_name="Dana")
    bot.emu.add_user(PATIENT, first_name="Casey")
    bot.emu.start_bot(PATIENT, code)
    consent = await bot.emu.wait_for_message(PATIENT, contains="Do you agree")
    bot.emu.press_button(PATIENT, consent, texts.BTN_AGREE)
    notice = await bot.emu.wait_for_message(ADMIN, contains="Casey")
    assert "has not started the bot" in notice.text
    bot.emu.send_text(PATIENT, CRISIS)
    await bot.emu.wait_for_message(ADMIN, contains="Urgent")

    bot.emu.start_bot(DANA)
    await bot.emu.wait_until(
        lambda: _got(bot, DANA, "Welcome, Dana Rivera", "Casey accepted your invitation", "Urgent: Casey")
    )


def _got(bot: Harness, chat: int, *wanted: str) -> bool:
    """Every wanted text is in some message of the chat (in any order: a sweep may come first)."""
    shown = [m.text for m in bot.emu.sent_to(chat)]
    return all(any(w in t for t in shown) for w in wanted)


def _unreachable(bot: Harness) -> list[int]:
    alerts = bot.services.worker.call(bot.services.repo.open_alerts)
    return [who for a in alerts for who in a.unreachable_ids()]


def test_a_healthy_program_passes_doctor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.config.settings import load_settings
    from bot.runtime import open_services

    config = tmp_path / "settings.toml"
    config.write_text("[alerts]\noncall = [1009]\n")
    monkeypatch.setenv("IOP_CONFIG", str(config))
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    assert main(["counselor", "add", str(ADMIN), "--name", "Morgan", "--admin"]) == 0
    assert main(["doctor"]) == 1
    assert "FAIL counselors: no admin counselor is reachable" in capsys.readouterr().out
    with open_services(load_settings()) as svc:  # Morgan opened the bot
        svc.worker.call(svc.repo.set_reach, ADMIN, "reachable", svc.now())
    main(["doctor"])
    out = capsys.readouterr().out
    assert "ok   counselors: 1 of 1 counselor(s) reachable" in out
    assert "FAIL counselors" not in out and "FAIL on-call" not in out


async def test_a_message_to_a_pending_counselor_waits_for_them_without_its_words(
    bot: Harness, cli_env: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    assert await cli("counselor", "add", str(DANA), "--name", "Dana Rivera") == 0
    bot.emu.add_user(DANA, first_name="Dana")
    await _patient_of(bot, DANA)
    bot.emu.send_text(PATIENT, "/message")
    await bot.emu.wait_for_message(PATIENT, contains="Type your message for")
    bot.emu.send_text(PATIENT, "Running late on Thursday")
    await bot.emu.wait_for_message(PATIENT, contains="couldn't deliver it to Dana Rivera")
    assert any("waits for counselor" in r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)

    bot.emu.start_bot(DANA)
    await bot.emu.wait_until(lambda: _got(bot, DANA, "Welcome, Dana Rivera", "Alex sent you a message"))
    assert not any("Running late" in m.text for m in bot.emu.sent_to(DANA))


async def test_with_nobody_reachable_a_spanish_crisis_is_not_promised_anyone_either(bot: Harness) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(DANA, "Dana Rivera"))  # never opened the bot
    bot.emu.add_user(DANA, first_name="Dana")
    await _patient_of(bot, DANA)
    bot.emu.send_text(PATIENT, "ya no quiero vivir, me quiero matar esta noche")
    reply = await bot.emu.wait_for_message(PATIENT, contains="¿Estás a salvo en este momento?")
    assert "No pude comunicarme con nadie de tu equipo" in reply.text and "Le avisé" not in reply.text
    assert reply.text.index("marca 2") < reply.text.index("No pude")  # the crisis lines first


async def test_enroll_prints_the_link_that_opens_the_bot_with_the_code_when_the_bots_name_is_known(
    bot: Harness, cli_env: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """newcomer6 finding 11: the README tells patients to open https://t.me/<bot>?start=CODE, and `enroll`
    printed only the code. With IOP_BOT_TOKEN the CLI asks Telegram the bot's name (getMe), as for counselors."""
    await _admin(bot)
    assert await cli("enroll", "--counselor", "Morgan Lee", "--alias", "Blair") == 0
    out = capsys.readouterr().out
    assert "IOP_BOT_TOKEN is not set" in out and "t.me" not in out  # said why there is no link
    monkeypatch.setenv("IOP_BOT_TOKEN", bot.services.settings.bot_token)
    monkeypatch.setenv("IOP_BOT_API_URL", bot.services.settings.bot_api_url)
    assert await cli("enroll", "--counselor", "Morgan Lee", "--alias", "Alex") == 0
    lines = capsys.readouterr().out.strip().splitlines()
    code, link = lines[-1], next(line for line in lines if line.startswith("https://t.me/"))
    assert link == f"https://t.me/iop_companion_bot?start={code}"  # the emulator bot's getMe name
    bot.emu.add_user(PATIENT, first_name="Alex")
    bot.emu.start_bot(PATIENT, link.rpartition("=")[2])
    await bot.emu.wait_for_message(PATIENT, contains="Do you agree")


async def test_patient_list_names_each_counselor(
    bot: Harness, cli_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    await _admin(bot)
    await _patient_of(bot, ADMIN)
    assert await cli("enroll", "--counselor", "morgan", "--alias", "Blair") == 1  # a first name: suggested
    assert "no counselor named 'morgan'; did you mean 'Morgan Lee'?" in capsys.readouterr().err
    assert await cli("enroll", "--counselor", "Morgan Lee", "--alias", "Blair") == 0
    capsys.readouterr()
    assert await cli("patient", "list") == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if "Alex" in line or "Blair" in line]
    assert len(rows) == 2 and all("Morgan Lee" in r and str(ADMIN) not in r for r in rows)


async def test_a_message_waiting_for_a_pending_counselor_is_told_to_the_admins_and_reassign_warns(
    bot: Harness, cli_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """newcomer8 N11: a patient handed to a counselor who never opened the bot, without a word, and their
    message waited until the counselor opened it, with nobody else knowing."""
    await _admin(bot)
    await _patient_of(bot, ADMIN)
    assert await cli("counselor", "add", str(DANA), "--name", "Sam Ortiz") == 0
    capsys.readouterr()
    assert await cli("patient", "reassign", "Alex", "--counselor", "Sam Ortiz") == 0
    said = capsys.readouterr()
    assert "Alex is now with Sam Ortiz" in said.out
    assert "Sam Ortiz has not started the bot yet" in said.err
    bot.emu.send_text(PATIENT, "/message")
    await bot.emu.wait_for_message(PATIENT, contains="Type your message for")
    bot.emu.send_text(PATIENT, "can we move my session to friday")
    await bot.emu.wait_for_message(PATIENT, contains="couldn't deliver it to Sam Ortiz")
    told = await bot.emu.wait_for_message(ADMIN, contains="sent a message to Sam Ortiz")
    assert "has not started the bot" in told.text and "friday" not in told.text
