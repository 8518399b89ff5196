"""The short answer to crisis words said again while their alert is open (newcomer9 N40)."""

from __future__ import annotations

from bot import texts

LINES = (
    "Call or text 988 (Suicide & Crisis Lifeline), any time.",
    "Call 911 if you are in immediate danger.",
)


def test_who_has_them_is_named_escaped_and_the_lines_follow() -> None:
    one = texts.crisis_again(("crisis",), "en", ["Dana <Rivera>"], LINES)
    assert one.startswith("I'm still here. Dana &lt;Rivera&gt; has your messages. If you're in danger")
    assert one.index("988") < one.index("911")
    many = texts.crisis_again(("crisis",), "en", ["Dana Rivera", "Chris Oncall", "Morgan Lee"], LINES)
    assert "Dana Rivera, Chris Oncall and Morgan Lee have your messages" in many


def test_an_overdose_puts_the_emergency_number_first_and_says_call_now() -> None:
    text = texts.crisis_again(("overdose",), "en", ["Dana Rivera"], LINES, after_hours="312-555-0199")
    assert "Call the emergency number below now" in text and text.index("911") < text.index("988")
    assert text.endswith("Our after-hours line: 312-555-0199")


def test_spanish() -> None:
    text = texts.crisis_again(("crisis",), "es", ["Dana Rivera", "Chris Oncall"], LINES)
    assert text.startswith("Sigo aquí. Dana Rivera y Chris Oncall tienen tus mensajes. Si estás en peligro")
