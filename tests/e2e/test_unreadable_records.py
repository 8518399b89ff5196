"""A patient whose file is torn: told kindly, crisis help still works, counselors alerted, file untouched."""

from __future__ import annotations

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Counselor
from tests.conftest import COUNSELOR, PATIENT, bot_running, check_in_with_note, enroll_patient
from tests.e2e.test_crisis import CRISIS

ADMIN = 1009


async def test_a_torn_patient_file_gets_a_kind_answer_an_alert_and_stays_as_it_was(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    async with bot_running(settings, emulator) as bot:
        pid = await enroll_patient(bot, PATIENT, "Jules")
        bot.services.worker.call(bot.services.repo.add_counselor, Counselor(ADMIN, "Ari", role="admin"))
        for counselor in (COUNSELOR, ADMIN):
            emulator.add_user(counselor)
            emulator.send_text(counselor, "/start")
            await emulator.wait_for_message(counselor)
        await check_in_with_note(bot, PATIENT, "tired but okay")
    shard = settings.data_dir / "patients" / f"{pid}.json"
    shard.write_bytes(shard.read_bytes()[:60])  # torn, as by a failing disk
    before = shard.read_bytes()

    async with bot_running(settings, emulator) as bot:
        told = await emulator.wait_for_message(COUNSELOR, contains="can't be opened")
        assert "Jules" in told.text and "iop-bot doctor" in told.text
        assert "Jules" in (await emulator.wait_for_message(ADMIN, contains="can't be opened")).text
        emulator.send_text(PATIENT, "/history")
        answer = await emulator.wait_for_message(PATIENT, contains="can't open your records")
        assert "988" in answer.text and "nothing to chart" not in answer.text.lower()
        emulator.send_text(PATIENT, CRISIS)  # crisis help never depends on the patient's file
        await emulator.wait_for_message(PATIENT, contains="988", after=answer.message_id)
        await emulator.wait_for_message(COUNSELOR, contains="Urgent", after=told.message_id)
        await emulator.settle()
    assert shard.read_bytes() == before


async def test_im_not_safe_and_sos_tell_page_though_the_patients_file_is_torn(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    # newcomer5 finding 22: with his file torn, Sam's tap on "I'm not safe" and on SOS "Tell my counselor"
    # answered "can't open your records … your counselor has been told" and paged nobody.
    from bot import texts

    async with bot_running(settings, emulator) as bot:
        pid = await enroll_patient(bot, PATIENT, "Sam")
        emulator.send_text(COUNSELOR, "/start")
        await emulator.wait_for_message(COUNSELOR)
        await check_in_with_note(bot, PATIENT, "tired but okay")
    shard = settings.data_dir / "patients" / f"{pid}.json"
    shard.write_bytes(shard.read_bytes()[:60])

    async with bot_running(settings, emulator) as bot:
        told = await emulator.wait_for_message(COUNSELOR, contains="can't be opened")
        emulator.send_text(PATIENT, CRISIS)
        answer = await emulator.wait_for_message(PATIENT, contains="Are you safe right now?")
        first = await emulator.wait_for_message(COUNSELOR, contains="Urgent", after=told.message_id)
        emulator.press_button(PATIENT, answer, texts.BTN_NOT_SAFE)
        await emulator.wait_for_message(COUNSELOR, contains="not safe", after=first.message_id)
        await emulator.wait_until(
            lambda: (
                [a.kind for a in bot.services.worker.call(bot.services.repo.open_alerts)]
                == ["crisis", "not_safe"]
            )
        )
        emulator.send_text(PATIENT, "/sos")
        screen = await emulator.wait_for_message(
            PATIENT, predicate=lambda m: texts.BTN_TELL_COUNSELOR in m.button_texts()
        )
        emulator.press_button(PATIENT, screen, texts.BTN_TELL_COUNSELOR)
        await emulator.wait_until(
            lambda: [a.kind for a in bot.services.worker.call(bot.services.repo.open_alerts)][-1:] == ["sos"]
        )


async def test_with_a_torn_file_the_help_given_is_not_contradicted(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    # newcomer5 finding 37: "I've told your counselor this is urgent" came followed by "I can't open your
    # records right now, so I can't do that", and a typed "🆘 SOS" by that text twice.
    from bot import texts

    async with bot_running(settings, emulator) as bot:
        pid = await enroll_patient(bot, PATIENT, "Sam")
        emulator.send_text(COUNSELOR, "/start")
        await emulator.wait_for_message(COUNSELOR)
        await check_in_with_note(bot, PATIENT, "tired but okay")
    shard = settings.data_dir / "patients" / f"{pid}.json"
    shard.write_bytes(shard.read_bytes()[:60])

    async with bot_running(settings, emulator) as bot:
        await emulator.wait_for_message(COUNSELOR, contains="can't be opened")
        emulator.send_text(PATIENT, CRISIS)
        answer = await emulator.wait_for_message(PATIENT, contains="Are you safe right now?")
        emulator.press_button(PATIENT, answer, texts.BTN_NOT_SAFE)
        await emulator.wait_for_message(PATIENT, after=answer.message_id, contains="emergency room")
        emulator.send_text(PATIENT, texts.SOS_BUTTON)
        screen = await emulator.wait_for_message(
            PATIENT, predicate=lambda m: texts.BTN_TELL_COUNSELOR in m.button_texts()
        )
        after = texts.records_unavailable_after_help("en")
        await emulator.wait_for_message(PATIENT, after=screen.message_id, contains=after)
        await bot.emu.settle()  # every update fetched and answered
        said = [m.text for m in emulator.sent_to(PATIENT) if m.message_id > answer.message_id]
        assert not any("can't do that" in t for t in said), said
        told = [t for t in said if "records" in t]
        assert told and set(told) == {after} and len(told) <= 2  # at most one for each update, never twice


async def test_a_spanish_patient_with_a_torn_file_gets_the_spanish_lines(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    """newcomer8 N5: the kind Spanish answer listed "Call or text 988 (Suicide & Crisis Lifeline)" in English."""
    async with bot_running(settings, emulator) as bot:
        pid = await enroll_patient(bot, PATIENT, "Luz")
        emulator.send_text(COUNSELOR, "/start")
        await emulator.wait_for_message(COUNSELOR)
        await check_in_with_note(bot, PATIENT, "tired but okay")  # her file is written
        svc = bot.services
        found = svc.worker.call(svc.repo.patient, pid)
        assert found is not None
        svc.worker.call(svc.repo.save_patient, found.with_changes(language="es"))
    shard = settings.data_dir / "patients" / f"{pid}.json"
    shard.write_bytes(shard.read_bytes()[:60])

    async with bot_running(settings, emulator) as bot:
        await emulator.wait_for_message(COUNSELOR, contains="can't be opened")
        emulator.send_text(PATIENT, "/history")
        answer = await emulator.wait_for_message(PATIENT, contains="no puedo abrir tus registros")
        assert (
            "988" in answer.text
            and "Call or text" not in answer.text
            and "Suicide & Crisis" not in answer.text
        )


async def test_worrying_words_are_asked_about_though_the_patients_file_is_torn(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    """The check answer keeps the words with a flag in the patient's file first (so it knows whether an alert's
    people have them); a torn file must not keep the question and its lines from the patient."""
    async with bot_running(settings, emulator) as bot:
        pid = await enroll_patient(bot, PATIENT, "Jules")
        await check_in_with_note(bot, PATIENT, "tired but okay")
    shard = settings.data_dir / "patients" / f"{pid}.json"
    shard.write_bytes(shard.read_bytes()[:60])  # torn, as by a failing disk

    async with bot_running(settings, emulator) as bot:
        await emulator.wait_for_message(COUNSELOR, contains="can't be opened")
        emulator.send_text(PATIENT, "honestly i give up")
        asked = await emulator.wait_for_message(PATIENT, contains="are you safe right now?")
        assert "988" in asked.text
        await emulator.settle()
