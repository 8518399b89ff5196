"""Which language to answer a patient's message in: what the words show, else what the patient chose.

The crisis screen reads each message's language (``Assessment.language``): from function words
("me", "the", "estoy"), else from which dictionary knows the words, English on a tie. A short
message often has neither ("sobredosis", "overdose", "ya no"): then the patient's stored language
decides. Words that do show a language win over the stored one, so a Spanish message from a patient
set to English is still answered in Spanish.
"""

from __future__ import annotations

from bot.domain.models import Language, language_of
from bot.domain.screen.text import language, mixed, tokens


def reply_language(text: str, detected: str, stored: Language) -> Language:
    """The language of the answer to ``text``, which the screen read as ``detected``. Words of both languages in
    one message are answered in the patient's own (newcomer18 N177: "bro ya no puedo, i just wanna die fr" from a
    Spanish speaker got the whole crisis answer in English, without 988's Spanish option)."""
    words = tokens(text)
    if mixed(words):
        return stored
    if language(words) or detected == "es":  # function words, or Spanish words only Spanish knows
        return language_of(detected)
    return stored


def said_in(text: str, otherwise: str) -> Language:
    """The language the words show by their function words, else ``otherwise`` (newcomer10 N16: an English
    follow-up after a Spanish crisis answer was confirmed in Spanish)."""
    return language_of(language(tokens(text)) or otherwise)
