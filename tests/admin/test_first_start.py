"""`iop-bot run` on an empty data dir of a bot that has run a program before (ops O116, P1): after a server was
lost, the unit's install steps started an empty program on the real token; a patient's "I took all my pills, I want
to die" reached no counselor and was confirmed to Telegram, and `restore` then refused the dir. A bot whose
command menu is set has run a program: refused (exit 2, nothing created) until restored or IOP_NEW_PROGRAM=1."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.admin.first_start import new_program_blocked
from bot.cli import main
from bot.config.settings import Settings
from tests.conftest import KEY

TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345678"
MENU: list[dict[str, str]] = []


class _Api(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        result: object = {"id": 1, "is_bot": True, "first_name": "IOP", "username": "iop_bot"}
        if self.path.endswith("/getMyCommands"):
            result = MENU
        body = json.dumps({"ok": True, "result": result}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/bot"
    finally:
        server.shutdown()
        server.server_close()


def test_a_first_start_on_a_bot_that_ran_a_program_is_refused_and_creates_nothing(
    api: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    MENU[:] = [{"command": "checkin", "description": "a quick daily check-in"}]
    new = tmp_path / "var-lib-iop-bot"
    for name, value in {"IOP_DATA_DIR": str(new), "IOP_BOT_API_URL": api, "IOP_BOT_TOKEN": TOKEN}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    monkeypatch.delenv("IOP_NEW_PROGRAM", raising=False)
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert "has run a program before" in err and "iop-bot restore" in err and "IOP_NEW_PROGRAM=1" in err, err
    assert not new.exists()


def test_a_new_bot_or_a_program_said_to_be_new_starts(
    api: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(data_dir=tmp_path / "new", bot_token=TOKEN, bot_api_url=api)
    MENU[:] = []  # a bot just made in @BotFather: no menu
    monkeypatch.delenv("IOP_NEW_PROGRAM", raising=False)
    assert new_program_blocked(settings) is None
    MENU[:] = [{"command": "checkin", "description": "a quick daily check-in"}]
    monkeypatch.setenv("IOP_NEW_PROGRAM", "1")
    assert new_program_blocked(settings) is None


def test_a_menu_that_cannot_be_asked_is_said_not_skipped_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import httpx

    from bot.admin import first_start

    def refused(*_: object, **__: object) -> object:
        raise httpx.ConnectError("refused")

    monkeypatch.setattr(httpx, "get", refused)
    monkeypatch.delenv("IOP_NEW_PROGRAM", raising=False)
    settings = Settings(data_dir=tmp_path / "new", bot_token=TOKEN)
    assert first_start._has_menu(settings) is False
    assert "could not ask whether this bot ran a program before" in capsys.readouterr().err


def test_the_containers_entry_command_refuses_an_empty_volume_on_a_bot_that_ran_a_program(
    api: str, tmp_path: Path
) -> None:
    """Ops O116, the container path: `docker compose up -d` on a new host with the program's `.env` starts the
    image's ENTRYPOINT (deploy/docker-entrypoint.sh, then `iop-bot run`) on the empty `iop-data` volume."""
    MENU[:] = [{"command": "checkin", "description": "a quick daily check-in"}]
    volume = tmp_path / "data"
    volume.mkdir(mode=0o700)  # the named volume exists, empty, owned by the image's user
    bindir = Path(
        sys.executable
    ).parent  # where `iop-bot` is installed, as /opt/venv/bin is on the image's PATH
    env = {
        "PATH": f"{bindir}:/usr/bin:/bin",
        "IOP_DATA_DIR": str(volume),
        "IOP_BOT_API_URL": api,
        "IOP_BOT_TOKEN": TOKEN,
        "IOP_DATA_KEY": KEY,
    }
    entry = Path(__file__).resolve().parents[2] / "deploy" / "docker-entrypoint.sh"
    done = subprocess.run(
        ["sh", str(entry)], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 2, done.stderr
    assert "has run a program before" in done.stderr and "IOP_NEW_PROGRAM=1" in done.stderr, done.stderr
    assert not list(volume.iterdir())  # still empty: `iop-bot restore` into it is not refused afterwards
