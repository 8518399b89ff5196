"""A one-time code enrolls one person, and every way of trying a code counts against one limit."""

from __future__ import annotations

import pytest

from bot import texts
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator, SentMessage
from tests.conftest import Harness, bot_running

PRESSERS = 20  # people who all got hold of the same code
ROUNDS = 6  # before the fix, one round in three or four enrolled two of them
GUESSER = 4201


@pytest.mark.slow
async def test_twenty_people_pressing_i_agree_at_once_enroll_exactly_one(bot: Harness) -> None:
    repo, call = bot.services.repo, bot.services.worker.call
    for round_ in range(ROUNDS):
        users = [4100 + 100 * round_ + n for n in range(PRESSERS)]
        code = bot.invite(f"Emery{round_}")
        for user in users:
            bot.emu.add_user(user)
            bot.emu.send_text(user, f"/start {code}")
        consents = {user: await bot.emu.wait_for_message(user, contains="Do you agree") for user in users}
        for user in users:  # back to back: the bot handles them concurrently
            bot.emu.press_button(user, consents[user], texts.BTN_AGREE)

        def all_answered(users: list[int] = users, consents: dict[int, SentMessage] = consents) -> bool:
            return all(any(m.message_id != consents[u].message_id for m in bot.emu.sent_to(u)) for u in users)

        await bot.emu.wait_until(all_answered)
        await bot.emu.settle()
        enrolled = [u for u in users if call(repo.patient_by_telegram, u) is not None]
        assert len(enrolled) == 1, (round_, enrolled)
        stale = [u for u in users if any(texts.CONSENT_STALE in m.text for m in bot.emu.sent_to(u))]
        assert sorted(stale + enrolled) == users  # everyone else was told plainly


async def _forge(emu: BotApiEmulator, guess: str, after: int) -> int:
    """Press a forged consent button carrying a guessed code; the id of the bot's answer."""
    own = emu.sent_to(GUESSER)[-1]
    emu.press_button(GUESSER, own, callback_data=f"enr:y:{guess}")
    answer = await emu.wait_for_message(GUESSER, after=after)
    return answer.message_id


async def test_forged_consent_buttons_count_against_the_code_limit_across_a_restart(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    async with bot_running(settings, emulator) as bot:
        code = bot.invite("Finley")
        emulator.add_user(GUESSER)
        emulator.send_text(GUESSER, "/start")
        last = (await emulator.wait_for_message(GUESSER)).message_id
        for n in range(settings.code_attempts):  # five wrong guesses, all through forged buttons
            last = await _forge(emulator, f"ABCDEF{n + 2}{n + 2}", last)
        assert texts.CONSENT_STALE in emulator.sent_to(GUESSER)[-1].text
        last = await _forge(emulator, code, last)  # even the right code is not tried now
        assert emulator.sent_to(GUESSER)[-1].text.startswith("Too many tries")
        assert bot.services.worker.call(bot.services.repo.patient_by_telegram, GUESSER) is None
    async with bot_running(settings, emulator) as bot:  # the count survives a restart
        emulator.send_text(GUESSER, f"/start {code}")
        answer = await emulator.wait_for_message(GUESSER, after=last)
        assert answer.text.startswith("Too many tries")
        last = await _forge(emulator, code, answer.message_id)
        assert emulator.sent_to(GUESSER)[-1].text.startswith("Too many tries")
        assert bot.services.worker.call(bot.services.repo.patient_by_telegram, GUESSER) is None


async def test_typed_codes_and_start_codes_share_the_limit(bot: Harness) -> None:
    code = bot.invite("Gray")
    bot.emu.add_user(GUESSER)
    bot.emu.send_text(GUESSER, "/start ABCDEFGH")
    last = (await bot.emu.wait_for_message(GUESSER, contains="couldn't find")).message_id
    for n in range(bot.services.settings.code_attempts - 1):
        bot.emu.send_text(GUESSER, f"ABCDEF{n + 2}{n + 2}")
        last = (await bot.emu.wait_for_message(GUESSER, after=last)).message_id
    bot.emu.send_text(GUESSER, code)
    wait = await bot.emu.wait_for_message(GUESSER, after=last)
    assert wait.text.startswith("Too many tries")
