"""Commands typed without their slash (newcomer24 N264): "Check in", "?", "hello??" each got "I've kept your last N
messages … Send them to Dr. Rivera?", with a growing count; "/ checkin" (a space after the slash) got the list with no
word of which command was meant. Now the command is named ("Did you mean /checkin?") or the list shown, and
nothing is kept to be sent."""

from __future__ import annotations

from tests.conftest import Harness
from tests.e2e.test_messages import _pid


async def test_a_command_word_without_its_slash_is_named(bot: Harness, patient: int) -> None:
    svc = bot.services
    for n, typed in enumerate(("Check in", "help me check in", "history"), start=1):
        bot.emu.send_text(patient, typed)
        await bot.emu.wait_until(
            lambda n=n: len([m for m in bot.emu.sent_to(patient) if "Did you mean /" in m.text]) == n  # type: ignore[misc]
        )
    said = [m.text for m in bot.emu.sent_to(patient) if "Did you mean /" in m.text]
    assert "/checkin?" in said[0] and "/checkin?" in said[1] and "/history?" in said[2], said
    assert svc.worker.call(svc.repo.kept_unsent, _pid(bot, patient)) is None  # nothing kept to be sent


async def test_a_bare_question_to_the_bot_gets_the_list(bot: Harness, patient: int) -> None:
    svc = bot.services
    for n, typed in enumerate(("?", "hello??"), start=1):
        bot.emu.send_text(patient, typed)
        await bot.emu.wait_until(
            lambda n=n: len([m for m in bot.emu.sent_to(patient) if "what I can do" in m.text]) == n  # type: ignore[misc]
        )
    assert svc.worker.call(svc.repo.kept_unsent, _pid(bot, patient)) is None


async def test_a_space_after_the_slash_names_the_command(bot: Harness, patient: int) -> None:
    bot.emu.send_text(patient, "/ checkin")
    said = await bot.emu.wait_for_message(patient, contains="what I can do")
    assert "Did you mean /checkin?" in said.text, said.text
