"""The emulator answers the Bot API wire protocol the way Telegram does."""

from __future__ import annotations

import concurrent.futures
import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from bot.devtools.emulator import ApiError, BotApiEmulator

TOKEN = "55:emulator-wire-token"


@pytest.fixture
def emu() -> Iterator[BotApiEmulator]:
    with BotApiEmulator(token=TOKEN) as emulator:
        emulator.add_user(10, first_name="Pat")
        emulator.start_bot(10)  # Pat opened the bot: it may write to them
        _confirm_updates(emulator)
        yield emulator


def call(
    emu: BotApiEmulator, method: str, files: dict[str, Any] | None = None, **params: Any
) -> httpx.Response:
    """A request encoded as python-telegram-bot encodes it: form fields, non-strings as JSON."""
    data = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
    return httpx.post(f"{emu.base_url}{TOKEN}/{method}", data=data, files=files, timeout=10)


def _confirm_updates(emu: BotApiEmulator) -> None:
    """Fetch and confirm what is pending, as the bot would."""
    pending = call(emu, "getUpdates").json()["result"]
    call(emu, "getUpdates", offset=pending[-1]["update_id"] + 1)


def test_get_me_describes_the_bot(emu: BotApiEmulator) -> None:
    body = call(emu, "getMe").json()
    assert body["ok"] and body["result"]["is_bot"]


def test_errors_come_in_telegrams_shape(emu: BotApiEmulator) -> None:
    reply = call(emu, "sendMessage", chat_id=999, text="hi")
    assert reply.status_code == 400
    assert reply.json() == {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}
    assert call(emu, "noSuchMethod").json()["error_code"] == 404
    assert httpx.post(f"{emu.base_url}wrong-token/getMe").status_code == 404


def test_a_user_message_arrives_through_get_updates_with_a_command_entity(emu: BotApiEmulator) -> None:
    emu.send_text(10, "/start ABC")
    updates = call(emu, "getUpdates", offset=0, timeout=1).json()["result"]
    message = updates[0]["message"]
    assert message["text"] == "/start ABC" and isinstance(message["date"], int)
    assert message["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    confirmed = call(emu, "getUpdates", offset=updates[0]["update_id"] + 1, timeout=0).json()
    assert confirmed["result"] == []


def test_get_updates_waits_for_its_timeout_when_nothing_is_pending(emu: BotApiEmulator) -> None:
    started = time.monotonic()
    assert call(emu, "getUpdates", timeout=1).json()["result"] == []
    assert time.monotonic() - started >= 0.9


def test_html_is_shown_as_plain_text_and_bad_html_is_refused(emu: BotApiEmulator) -> None:
    sent = call(emu, "sendMessage", chat_id=10, text="<b>Hi</b> &amp; bye", parse_mode="HTML").json()
    assert sent["result"]["text"] == "Hi & bye"
    bad = call(emu, "sendMessage", chat_id=10, text="<b>Hi", parse_mode="HTML").json()
    assert bad["description"].startswith("Bad Request: can't parse entities")


def test_buttons_edits_and_callback_answers_round_trip(emu: BotApiEmulator) -> None:
    markup = {"inline_keyboard": [[{"text": "Yes", "callback_data": "y"}]]}
    sent = call(emu, "sendMessage", chat_id=10, text="Ok?", reply_markup=markup).json()["result"]
    message = emu.sent_to(10)[0]
    query_id = emu.press_button(10, message, "Yes")
    update = call(emu, "getUpdates", timeout=1).json()["result"][-1]
    assert update["callback_query"]["data"] == "y"
    assert call(emu, "answerCallbackQuery", callback_query_id=query_id, text="Noted").json()["ok"]
    assert emu.last_callback_answer(10) == {"text": "Noted", "show_alert": False}
    edit = {"chat_id": 10, "message_id": sent["message_id"]}
    assert call(emu, "editMessageReplyMarkup", **edit).json()["ok"]
    again = call(emu, "editMessageReplyMarkup", **edit).json()
    assert again["description"].startswith("Bad Request: message is not modified")
    assert emu.sent_to(10)[0].buttons == ()


def test_callback_data_longer_than_64_bytes_is_refused(emu: BotApiEmulator) -> None:
    markup = {"inline_keyboard": [[{"text": "x", "callback_data": "x" * 65}]]}
    reply = call(emu, "sendMessage", chat_id=10, text="t", reply_markup=markup).json()
    assert reply["description"] == "Bad Request: BUTTON_DATA_INVALID"


def test_documents_arrive_as_multipart_uploads(emu: BotApiEmulator) -> None:
    files = {"document": ("export.csv", b"a,b\n1,2\n", "text/csv")}
    assert call(emu, "sendDocument", files=files, chat_id=10, caption="Export").json()["ok"]
    doc = emu.sent_to(10)[0]
    assert (doc.kind, doc.file_name, doc.file_bytes, doc.text) == (
        "document",
        "export.csv",
        b"a,b\n1,2\n",
        "Export",
    )


def test_flood_limits_answer_429_with_retry_after(emu: BotApiEmulator) -> None:
    emu.faults.per_second = 3
    assert call(emu, "sendMessage", chat_id=10, text="first").json()["ok"]
    # The limits' clock stopped: on a loaded machine more than the 1-s window could pass before the next call
    # (flaky under load), and the three sends below would no longer count.
    now = time.monotonic()
    emu.faults.clock = lambda: now
    with emu.faults.lock:  # three sends in this second
        emu.faults.sends.extend([now] * 3)
    reply = call(emu, "sendMessage", chat_id=10, text="over the limit").json()
    assert reply["error_code"] == 429 and reply["parameters"]["retry_after"] >= 1


def test_injected_faults_outages_and_blocked_users(emu: BotApiEmulator) -> None:
    emu.faults.fail_next("sendmessage", ApiError(500, "Internal Server Error"))
    assert call(emu, "sendMessage", chat_id=10, text="a").status_code == 500
    assert call(emu, "sendMessage", chat_id=10, text="a").json()["ok"]
    emu.faults.outage = True
    assert call(emu, "getMe").status_code == 502
    emu.faults.outage = False
    emu.block_user(10)
    assert call(emu, "sendMessage", chat_id=10, text="a").json()["description"].startswith("Forbidden")


def test_the_bot_cannot_write_first_to_a_user_until_they_send_it_something(emu: BotApiEmulator) -> None:
    emu.add_user(11, first_name="Dana")
    for method, params in (
        ("sendMessage", {"text": "hi"}),
        ("sendChatAction", {"action": "typing"}),
        ("sendDocument", {"caption": "x"}),
    ):
        files = {"document": ("a.csv", b"a", "text/csv")} if method == "sendDocument" else None
        reply = call(emu, method, files=files, chat_id=11, **params)
        assert reply.status_code == 403, method
        assert reply.json()["description"] == "Forbidden: bot can't initiate conversation with a user"
    assert not emu.has_contacted(11)
    emu.send_text(11, "hello")
    assert emu.has_contacted(11)
    assert call(emu, "sendMessage", chat_id=11, text="hi").json()["ok"]
    emu.block_user(11)  # blocking still wins, with its own wording
    assert call(emu, "sendMessage", chat_id=11, text="a").json()["description"] == (
        "Forbidden: bot was blocked by the user"
    )


def test_a_start_link_payload_arrives_as_start_with_its_argument(emu: BotApiEmulator) -> None:
    emu.add_user(12)
    emu.start_bot(12, "c-abc123")
    updates = call(emu, "getUpdates").json()["result"]
    assert updates[-1]["message"]["text"] == "/start c-abc123"
    assert call(emu, "sendMessage", chat_id=12, text="welcome").json()["ok"]


def test_commands_are_kept_per_scope(emu: BotApiEmulator) -> None:
    commands = [{"command": "help", "description": "Help"}]
    call(emu, "setMyCommands", commands=commands, scope={"type": "chat", "chat_id": 10})
    assert emu.commands(scope_chat_id=10) == commands and emu.commands() == []


def test_a_second_long_poll_ends_the_first_with_409_conflict_as_telegram_does(emu: BotApiEmulator) -> None:
    """telegram-bot-api (Client::abort_long_poll): a getUpdates that would wait ends the one waiting."""
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        first = pool.submit(call, emu, "getUpdates", timeout=5)
        deadline = time.monotonic() + 10
        # The first poll is waiting (the fixture's own getUpdates already set last_poll, so that was no barrier:
        # the second poll could arrive first and be the one ended).
        while emu.world.long_poll == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        started = time.monotonic()
        second = pool.submit(call, emu, "getUpdates", timeout=1)
        ended = first.result()
        assert time.monotonic() - started < 2  # ended at once, not at its timeout
        assert ended.status_code == 409
        assert ended.json() == {
            "ok": False,
            "error_code": 409,
            "description": "Conflict: terminated by other getUpdates request; "
            "make sure that only one bot instance is running",
        }
        emu.send_text(10, "hello")
        assert second.result().json()["result"][0]["message"]["text"] == "hello"  # the newer poll is served


def test_polls_one_after_another_are_no_conflict(emu: BotApiEmulator) -> None:
    for _ in range(3):
        assert call(emu, "getUpdates", timeout=0.2).json() == {"ok": True, "result": []}
    assert emu.stats.errors[409] == 0
