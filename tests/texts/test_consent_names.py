"""The consent names who reads, and the colleague covering while they are away (newcomer18 N165)."""

from __future__ import annotations

from bot import texts


def test_the_consent_names_the_counselor_and_the_cover_in_both_languages() -> None:
    english = texts.consent("Evening IOP", ["988"], "Dana <Rivera>")
    assert "Your counselor, Dana &lt;Rivera&gt;, reads" in english and "covering for them" in english
    spanish = texts.consent_es("Evening IOP", ["988"], "Dana Rivera")
    assert "Tu consejero o consejera, Dana Rivera, lee" in spanish and "quien le cubra" in spanish
    assert "<b>Your counselor reads" in texts.consent("Evening IOP", ["988"])  # no name known: as before
