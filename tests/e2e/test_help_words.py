"""'help', 'SOS' and 'I need help' typed as words do what /help and /sos do, in any flow."""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness


async def test_help_gets_the_help_list_and_mid_check_in_the_check_ins_own_help(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "Help!")
    await bot.emu.wait_for_message(patient, contains="Here's what I can do")
    bot.emu.send_text(patient, "/checkin")
    question = await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, "help")
    shown = await bot.emu.wait_for_message(patient, contains=texts.CHECKIN_HELP)
    assert "/sos" in shown.text
    bot.emu.press_button(patient, question, "6")  # the check-in goes on where it was
    await bot.emu.wait_for_message(patient, contains="cravings")


async def test_help_while_another_question_is_open_is_never_taken_as_the_answer(
    bot: Harness, patient: int
) -> None:
    bot.emu.send_text(patient, "/dayssince")
    await bot.emu.wait_for_message(patient, contains="What date should I count from?")
    bot.emu.send_text(patient, "help")
    await bot.emu.wait_for_message(patient, contains="Here's what I can do")
    bot.emu.send_text(patient, "today")  # the question is still open
    await bot.emu.wait_for_message(patient, contains="Day one today")


async def test_sos_and_i_need_help_as_words_bring_the_crisis_lines(bot: Harness, patient: int) -> None:
    for words in ("SOS", "I need help", "please help me"):
        bot.emu.send_text(patient, words)
        got = await bot.emu.wait_for_message(patient, contains="988")
        assert texts.BTN_TELL_COUNSELOR in got.button_texts(), words
    bot.emu.send_text(patient, "/checkin")
    await bot.emu.wait_for_message(patient, contains="mood")
    bot.emu.send_text(patient, "i need help!")
    sos = await bot.emu.wait_for_message(patient, contains="988")
    await bot.emu.settle()
    after = [m.text for m in bot.emu.sent_to(patient) if m.message_id > sos.message_id]
    assert not any("/checkin" in text for text in after), after  # the check-in waits unmentioned


async def test_a_plea_in_the_persons_own_words_opens_sos(bot: Harness, patient: int) -> None:
    """Newcomer finding 9-4: "please someone help me" got "I haven't passed them to anyone"."""
    bot.emu.send_text(patient, "please someone help me")
    await bot.emu.wait_for_message(patient, contains=texts.BTN_TELL_COUNSELOR)
    bot.emu.send_text(patient, "ayudame porfa")
    await bot.emu.wait_for_message(patient, contains=texts.BTN_TELL_COUNSELOR_ES)


async def test_asking_for_a_person_opens_sos_and_what_was_typed_before_goes_with_the_alert(
    bot: Harness, patient: int
) -> None:
    """Newcomer finding 10-4: "is anyone there? i really need someone" was kept unsent, and the SOS alert the
    counselor then got said it came with no words."""
    bot.emu.send_text(COUNSELOR, "/help")  # the counselor has opened the bot
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "my roommate left and the apartment is so quiet")
    await bot.emu.wait_for_message(patient, contains="I've kept that")
    bot.emu.send_text(patient, "is anyone there? i really need someone")
    sos = await bot.emu.wait_for_message(patient, contains=texts.BTN_TELL_COUNSELOR)
    bot.emu.press_button(patient, sos, texts.BTN_TELL_COUNSELOR)
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    await bot.emu.wait_for_message(patient, contains="I've let your counselor know")  # said after it all
    alerts = bot.services.worker.call(bot.services.repo.open_alerts)
    assert [a.kind for a in alerts] == ["sos"]
    assert "the apartment is so quiet" in alerts[0].text
    pid = alerts[0].patient_id
    assert bot.services.worker.call(bot.services.repo.kept_unsent, pid) is None  # passed, not kept twice


async def test_a_plea_with_please_put_in_opens_sos_as_without_it(bot: Harness, patient: int) -> None:
    """newcomer N73: "help me please im scared" was read as worrying by the learned layer alone and got the gentle
    check (no after-hours line, no "Tell my counselor"); "help me im scared" got the SOS screen."""
    last = 0
    for words in ("help me please im scared", "help me pls im scared"):
        bot.emu.send_text(patient, words)
        sos = await bot.emu.wait_for_message(patient, contains=texts.BTN_TELL_COUNSELOR, after=last)
        last = sos.message_id
    assert not [m for m in bot.emu.sent_to(patient) if "are you safe right now?" in m.text]


async def test_a_counselors_slash_ayuda_gets_the_counselor_tools(bot: Harness) -> None:
    """newcomer22 N233: a Spanish-speaking counselor typing /ayuda (thinking "help") got the patients' SOS screen."""
    bot.emu.send_text(COUNSELOR, "/ayuda")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    assert not [m for m in bot.emu.sent_to(COUNSELOR) if "988" in m.text]
