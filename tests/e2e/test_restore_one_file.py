"""One torn patient file, restored alone as doctor says (newcomer8 N5): `restore` refuses a data dir that is
not empty and a whole-program restore loses everyone's day, so doctor's way out is to restore the backup into
an empty dir and copy that one file back; the patient's records read again, nobody else's changed."""

from __future__ import annotations

import asyncio
import re
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from tests.conftest import KEY, PATIENT, bot_running, check_in_with_note, enroll_patient


async def cli(*args: str) -> int:
    return await asyncio.to_thread(main, list(args))


async def test_doctors_one_file_way_out_works(
    settings: Settings,
    emulator: BotApiEmulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    backup = tmp_path / "nightly.iopbak"
    async with bot_running(settings, emulator) as bot:
        pid = await enroll_patient(bot, PATIENT, "Harper")
        await check_in_with_note(bot, PATIENT, "called my sponsor after group")
        assert await cli("backup", "--out", str(backup)) == 0
    shard = settings.data_dir / "patients" / f"{pid}.json"
    shard.write_bytes(shard.read_bytes()[:60])  # torn
    capsys.readouterr()

    assert await cli("doctor") == 1
    line = next(x for x in capsys.readouterr().out.splitlines() if "torn" in x or "damaged" in x)
    name = re.search(r"copy (\S+) from /tmp/restored", line)
    assert name is not None and name.group(1) == f"patients/{pid}.json", line
    restored = tmp_path / "restored"  # doctor says /tmp/restored: any empty dir does
    monkeypatch.setenv("IOP_DATA_DIR", str(restored))
    assert await cli("restore", str(backup)) == 0
    shutil.copyfile(restored / name.group(1), shard)

    monkeypatch.setenv("IOP_DATA_DIR", str(settings.data_dir))
    capsys.readouterr()
    assert await cli("export", "--patient", "Harper") == 0
    assert "called my sponsor after group" in capsys.readouterr().out
    assert await cli("doctor") in (0, 1)
    assert not [x for x in capsys.readouterr().out.splitlines() if x.startswith("FAIL files")]
