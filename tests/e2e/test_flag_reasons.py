""" "Show message" on an alert says why the screen flagged the words, and that they are Spanish when they are
(newcomer finding 13): an on-call counselor who reads no Spanish still learns it is means at hand."""

from __future__ import annotations

from bot import texts
from tests.conftest import COUNSELOR, Harness


async def test_show_message_names_the_reason_and_the_language(bot: Harness, patient: int) -> None:
    bot.emu.send_text(COUNSELOR, "/help")
    await bot.emu.wait_for_message(COUNSELOR, contains="Counselor tools")
    bot.emu.send_text(patient, "tengo todas mis pastillas en la mano")
    alert = await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert "pastillas" not in alert.text and "means at hand" not in alert.text  # the lock screen shows this
    bot.emu.press_button(COUNSELOR, alert, texts.BTN_SHOW_MESSAGE)
    shown = await bot.emu.wait_for_message(COUNSELOR, after=alert.message_id, contains="Message from")
    assert "tengo todas mis pastillas en la mano" in shown.text
    assert "Written in Spanish." in shown.text
    assert "Why the screen flagged it" in shown.text and "means at hand (pills" in shown.text


def test_reasons_read_as_words_and_html_stays_escaped() -> None:
    assert texts.reason_words("crisis:passive_wish").startswith("crisis: passive death wish")
    assert texts.reason_words("check:kill_self.third_person") == (
        "safety check: stated intent to end their life (third person)"
    )
    assert texts.reason_words("crisis:signals.fixation+means_at_hand") == (
        "crisis: warning signs together: preoccupied with it, means at hand (pills, a weapon, a rope within reach)"
    )
    assert texts.reason_words("crisis:some_new_frame") == "crisis: some new frame"
    line = texts.flag_explained(['crisis:learned("<b>", "x")'], "en")
    assert "<b>" not in line and "&lt;b&gt;" in line and "Written in" not in line


def test_signal_families_read_as_clinical_words_and_a_weapon_at_hand_as_access() -> None:
    """newcomer15 N118: "armed other, means at hand" read as someone else armed; it was the patient's access to
    their dad's pistol."""
    words = texts.reason_words("crisis:signals.armed_other+means_at_hand+others_away")
    assert "armed other" not in words and "others away or asleep" in words
    assert words.startswith("crisis: warning signs together: access to a weapon (within reach")
    assert "a weapon and another person named" in texts.reason_words("crisis:signals.afraid+armed_other")
    since = texts.since_reading("crisis", ["crisis:signals.armed_other+means_at_hand+others_away"])
    assert since == "warning signs together: access to a weapon, others away or asleep", since
