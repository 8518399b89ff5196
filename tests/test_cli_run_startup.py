"""`iop-bot run` when the Bot API refuses the token or cannot be reached at start-up.

A newcomer's first real run: a mistyped token used to end in a 100-line traceback with exit 1, so
systemd restarted it forever; it is a configuration error (one line, exit 2, not restarted). An
unreachable API is an outage (one line naming the URL, exit 1, restarted), never a traceback.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from tests.conftest import COUNSELOR, KEY

TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345678"


class _Refuses(BaseHTTPRequestHandler):
    """Answers every Bot API call the way Telegram answers a revoked or mistyped token."""

    def do_POST(self) -> None:
        body = json.dumps({"ok": False, "error_code": 401, "description": "Unauthorized"}).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOP_DATA_KEY", KEY)
    monkeypatch.setenv("IOP_BOT_TOKEN", TOKEN)
    assert main(["counselor", "add", str(COUNSELOR), "--name", "Dana"]) == 0
    return tmp_path / "data"


@pytest.fixture
def refusing_api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Refuses)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/bot"
    finally:
        server.shutdown()
        server.server_close()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_refused_token_is_a_configuration_error_in_one_line(
    refusing_api: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("IOP_BOT_API_URL", refusing_api)
    capsys.readouterr()
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, err
    assert "IOP_BOT_TOKEN" in err and "Traceback" not in err
    assert "ABCdef" not in err


def test_an_unreachable_bot_api_fails_in_one_line_naming_the_url(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/bot"
    monkeypatch.setenv("IOP_BOT_API_URL", url)
    capsys.readouterr()
    assert main(["run"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, err
    assert url in err and "Traceback" not in err
    assert "ABCdef" not in err


def test_the_data_dir_is_free_again_after_a_failed_start(
    refusing_api: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IOP_BOT_API_URL", refusing_api)
    assert main(["run"]) == 2
    assert main(["counselor", "list"]) == 0


def test_a_first_start_with_a_refused_token_leaves_no_data_dir_behind(
    refusing_api: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deployment's first start (absolute IOP_DATA_DIR): a refused token must not make an empty program,
    or the next try without the same key says the directory "holds data"."""
    new = tmp_path / "new-program"
    monkeypatch.setenv("IOP_DATA_DIR", str(new))
    monkeypatch.setenv("IOP_BOT_API_URL", refusing_api)
    capsys.readouterr()
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, err
    assert "IOP_BOT_TOKEN" in err and "nothing was created" in err and "starting a new" not in err
    assert not new.exists()


def test_a_first_start_with_the_bot_api_unreachable_leaves_no_data_dir_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new-program"
    monkeypatch.setenv("IOP_DATA_DIR", str(new))
    url = f"http://127.0.0.1:{_closed_port()}/bot"
    monkeypatch.setenv("IOP_BOT_API_URL", url)
    capsys.readouterr()
    assert main(["run"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, err
    assert f"cannot reach the Bot API at {url}" in err and "ABCdef" not in err
    assert not new.exists()


def test_an_invitation_link_says_why_the_username_is_unknown_when_the_token_is_set(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/bot"
    monkeypatch.setenv("IOP_BOT_API_URL", url)
    capsys.readouterr()
    assert main(["counselor", "add", "--name", "Test 2"]) == 0
    out = capsys.readouterr().out
    assert f"cannot reach the Bot API at {url}" in out
    assert "set IOP_BOT_TOKEN" not in out  # it is set


def test_an_invitation_link_with_a_refused_token_says_so(
    refusing_api: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("IOP_BOT_API_URL", refusing_api)
    capsys.readouterr()
    assert main(["counselor", "add", "--name", "Test 3"]) == 0
    out = capsys.readouterr().out
    assert "refused IOP_BOT_TOKEN" in out and "ABCdef" not in out


def test_a_risk_rule_that_can_never_fire_stops_the_start_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """newcomer9 N46: "craving >= 11" on a 0-10 item started fine, and its urgent page never came."""
    from bot.config.resources import read_program_file

    rules = tmp_path / "config" / "flag_rules.toml"
    rules.parent.mkdir()
    rules.write_text(read_program_file("flag_rules.toml").replace('"craving >= 8"', '"craving >= 11"'))
    settings = tmp_path / "config" / "settings.toml"
    settings.write_text(f'[data]\nflag_rules = "{rules}"\n', encoding="utf-8")
    monkeypatch.setenv("IOP_CONFIG", str(settings))
    monkeypatch.setenv("IOP_BOT_API_URL", f"http://127.0.0.1:{_closed_port()}/bot")
    capsys.readouterr()
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "use_high_craving" in err and "never fire" in err, err
    assert main(["doctor"]) == 1
    assert "FAIL risk rules: use_high_craving" in capsys.readouterr().out


def test_a_token_refused_while_running_ends_the_run_in_one_line_with_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ops O24: the token revoked in @BotFather while the bot ran; the process stayed up, deaf. Once the
    health probe finds the token refused (tests/e2e/test_health.py), `iop-bot run` ends as at start-up."""
    import contextlib

    from bot import runtime

    @contextlib.asynccontextmanager
    async def running(app: Any, **_: Any) -> AsyncIterator[Any]:
        app.bot_data.svc.api.token_refused.set()  # what the probe does on InvalidToken
        yield app

    monkeypatch.setattr(runtime, "running", running)
    capsys.readouterr()
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip()  # the log's own lines first, then the one line
    assert err.splitlines()[-1].startswith("iop-bot: IOP_BOT_TOKEN: ") and "Traceback" not in err, err
