"""Words a patient erased leave the inbox too (newcomer finding 30): after /delete, after "Don't send", and
after the kept text's day, no line of `inbox.log` (nor a backup taken afterwards) holds them."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

from bot import texts
from bot.admin.backup import backup_operation, read_backup
from bot.devtools.emulator.world import SentMessage as Message
from bot.jobs import retention, unsent
from bot.store.crypto import FernetCodec
from bot.store.inbox import read
from tests.conftest import COUNSELOR, KEY, Harness
from tests.e2e.test_retention import DAYS, _discharged

WORDS = "rough day, my mom yelled at me again about the rent on 5th street"


def _inbox_text(bot: Harness) -> str:
    """Every line of the inbox, decrypted."""
    path = bot.services.settings.data_dir / "inbox.log"
    codec = FernetCodec([KEY])
    return "\n".join(codec.decode(line).decode() for line in path.read_bytes().splitlines() if line)


async def _all_handled(bot: Harness) -> None:
    """A positive barrier: nothing received is still waiting to be handled."""
    path = bot.services.settings.data_dir / "inbox.log"
    await bot.emu.wait_until(lambda: not read(path, FernetCodec([KEY])).pending)


async def _erase(bot: Harness, patient: int, offer: Message) -> None:
    bot.emu.send_text(patient, "/delete")
    ask = await bot.emu.wait_for_message(patient, contains="Erase everything?")
    bot.emu.press_button(patient, ask, texts.BTN_DELETE)
    await bot.emu.wait_for_message(patient, contains="erased")


async def _drop(bot: Harness, patient: int, offer: Message) -> None:
    bot.emu.press_button(patient, offer, texts.BTN_DROP_UNSENT)
    await bot.emu.wait_for_message(patient, contains="I've deleted it")


async def _kept_then(
    bot: Harness, patient: int, erase: Callable[[Harness, int, Message], Awaitable[None]]
) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, WORDS)
    offer = await bot.emu.wait_for_message(patient, contains="Send it to")
    await _all_handled(bot)
    assert WORDS in _inbox_text(bot)  # the inbox had them: the test can fail
    await erase(bot, patient, offer)
    await _all_handled(bot)


async def test_delete_erases_the_words_from_the_inbox(bot: Harness, patient: int) -> None:
    await _kept_then(bot, patient, _erase)
    assert WORDS not in _inbox_text(bot)


async def test_dont_send_erases_the_words_from_the_inbox(bot: Harness, patient: int) -> None:
    await _kept_then(bot, patient, _drop)
    assert WORDS not in _inbox_text(bot)


async def test_a_backup_after_delete_holds_no_erased_words(
    bot: Harness, patient: int, tmp_path: Path
) -> None:
    await _kept_then(bot, patient, _erase)
    out = tmp_path / "after.iopbak"
    svc = bot.services
    # Pinned on the store thread, written off it, then on the record (ops O93), as the control socket runs it.
    off = svc.worker.call(backup_operation, svc.repo, svc.settings, svc.now(), {"out": str(out)})
    svc.worker.call(off.after, svc.repo, off.work())
    codec = FernetCodec([KEY])
    _, contents = read_backup((KEY,), str(out))  # its files as stored, each checksum verified
    for name, data in contents.items():
        for line in data.splitlines():
            try:
                plain = codec.decode(line)
            except Exception:
                plain = line
            assert b"5th street" not in plain, name


async def test_kept_text_past_its_day_leaves_the_inbox_too(bot: Harness, patient: int) -> None:
    async def _a_day_on(bot: Harness, patient: int, offer: Message) -> None:
        a_day_on = bot.services.now() + timedelta(hours=24, minutes=1)
        bot.services.clock = lambda: a_day_on
        assert len(await unsent.sweep(bot.app)) == 1

    await _kept_then(bot, patient, _a_day_on)
    assert WORDS not in _inbox_text(bot)


async def test_retention_erasure_leaves_the_inbox_too(bot: Harness, patient: int) -> None:
    async def _retention(bot: Harness, patient: int, offer: Message) -> None:
        svc = bot.services
        p = svc.worker.call(svc.repo.patient_by_telegram, patient)
        assert p is not None
        now = svc.now()
        svc.clock = lambda: now
        _discharged(bot, p, DAYS + 1)
        svc.settings = dataclasses.replace(svc.settings, retention_days=DAYS)
        assert await retention.sweep(bot.app) == [p.patient_id]

    await _kept_then(bot, patient, _retention)
    assert WORDS not in _inbox_text(bot)
