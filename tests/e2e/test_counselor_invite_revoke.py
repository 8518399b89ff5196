"""A counselor's or admin's invitation can be revoked before it is opened (newcomer9 N53).

An admin link sent to the wrong address stayed valid for a week: `counselor remove NAME` was refused ("ask them
to open the link … then run this again") and `invite revoke NAME` knew only patients' codes; the stranger who
opened it was an admin at once and got every open alert. Both commands now revoke it, audit-logged, and the
link is refused like any revoked code. The admin's welcome says admin.
"""

from __future__ import annotations

import asyncio

import pytest

from bot.cli import main
from bot.domain.models import Counselor
from tests.conftest import KEY, Harness, say_hello

ADMIN, STRANGER = 1009, 7003


@pytest.fixture
def cli_env(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IOP_DATA_DIR", str(bot.services.settings.data_dir))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    monkeypatch.delenv("IOP_BOT_TOKEN", raising=False)


async def cli(*argv: str) -> int:
    return await asyncio.to_thread(main, list(argv))


async def _invite(bot: Harness, capsys: pytest.CaptureFixture[str], name: str, *more: str) -> str:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(ADMIN, "Morgan Lee", "admin"))
    bot.emu.add_user(ADMIN, first_name="Morgan")
    await say_hello(bot.emu, ADMIN)
    assert await cli("counselor", "add", "--name", name, *more) == 0
    return capsys.readouterr().out.strip().splitlines()[-1].rpartition("=")[2]


@pytest.mark.parametrize("command", [("counselor", "remove"), ("invite", "revoke")])
async def test_an_unopened_admin_invitation_is_revoked_and_its_link_refused(
    bot: Harness, cli_env: None, capsys: pytest.CaptureFixture[str], command: tuple[str, str]
) -> None:
    code = await _invite(bot, capsys, "Typo Admin", "--admin")
    assert await cli(*command, "typo admin") == 0
    assert "The admin invitation for Typo Admin revoked" in capsys.readouterr().out
    bot.emu.add_user(STRANGER, first_name="Stranger")
    bot.emu.start_bot(STRANGER, code)
    await bot.emu.wait_for_message(STRANGER, contains="isn't valid or has expired")
    svc = bot.services
    assert svc.worker.call(svc.repo.counselor, STRANGER) is None
    assert svc.worker.call(svc.repo.open_counselor_invites) == []
    rows = [e for e in svc.worker.call(svc.repo.audit_log) if e["action"] == "counselor_invitation_revoked"]
    assert len(rows) == 1
    assert await cli(*command, "Typo Admin") == 1  # nothing open any more


async def test_an_admins_welcome_says_admin(
    bot: Harness, cli_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code = await _invite(bot, capsys, "Ada Stone", "--admin")
    bot.emu.add_user(1078, first_name="Ada")
    bot.emu.start_bot(1078, code)
    welcome = await bot.emu.wait_for_message(1078, contains="Welcome, Ada Stone")
    assert "a counselor and an admin of" in welcome.text


async def test_counselor_list_names_the_command_that_revokes_an_unopened_invitation(
    bot: Harness, cli_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """gaps14 #8: `counselor list` showed "invited, link not opened" with no way to cancel it named."""
    await _invite(bot, capsys, "Typo Admin", "--admin")
    assert await cli("counselor", "list") == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "Typo Admin" in line)
    assert "invited, link not opened" in row and "iop-bot invite revoke 'Typo Admin'" in row
