"""Unit tests for the screen's dictionary forms (bot/domain/screen/lemmas.py): lemmas and known words
once loaded, surface forms before, one loading thread per process, and a loud error when it is late."""

from __future__ import annotations

import logging
import threading

import pytest

from bot.domain.screen import lemmas


def test_a_loaded_dictionary_gives_dictionary_forms_without_accents() -> None:
    assert lemmas.wait_loaded(None)
    assert lemmas.lemma("taking", "en") == "take"
    assert lemmas.lemma("matarme", "es") == "matar"
    assert lemmas.lemma("Está", "es") == "estar"
    assert lemmas.known("bridge", "en")
    assert not lemmas.known("xqzzy", "en")


def test_words_that_are_not_letters_are_only_deaccented() -> None:
    assert lemmas.lemma("3rd", "en") == "3rd"
    assert lemmas.lemma("i'm", "en") == "i'm"


@pytest.fixture
def not_loaded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A process whose dictionaries have not loaded: a fresh event, no thread, a loader that records."""
    calls: list[str] = []
    monkeypatch.setattr(lemmas, "_loaded", threading.Event())
    monkeypatch.setattr(lemmas, "_started", [])
    monkeypatch.setattr(lemmas, "_timers", [])
    monkeypatch.setattr(lemmas, "_load", lambda: calls.append("load"))
    return calls


@pytest.mark.usefixtures("not_loaded")
def test_before_loading_a_word_is_its_own_surface_form_and_nothing_is_known() -> None:
    assert not lemmas.ready()
    assert lemmas.lemma("taking", "en") == "taking"
    assert lemmas.lemma("está", "es") == "esta"
    assert not lemmas.known("bridge", "en")


def test_loading_starts_one_thread_however_often_it_is_asked(not_loaded: list[str]) -> None:
    for _ in range(5):
        lemmas.start_loading()
    for thread in lemmas._started:
        thread.join(5)
    assert not_loaded == ["load"]
    assert len(lemmas._started) == 1


def test_a_late_dictionary_is_waited_for_and_then_reported_loudly(
    not_loaded: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger=lemmas.__name__):
        assert not lemmas.wait_loaded(0.01)
    assert "not loaded" in caplog.text
    assert not_loaded == ["load"]  # waiting also started the loading


def test_a_delayed_start_schedules_one_timer_and_no_thread_yet(not_loaded: list[str]) -> None:
    lemmas.start_loading(delay=60)
    lemmas.start_loading(delay=60)
    try:
        assert len(lemmas._timers) == 1
        assert lemmas._started == []
    finally:
        for timer in lemmas._timers:
            timer.cancel()
