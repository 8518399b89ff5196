"""Plain words asking for one of the bot's own functions ("delete my data", "how do i talk to my counselor"):
answered with the command that does it, as "unsubscribe" is (bot/domain/opt_out.py), never kept for the counselor
(newcomer20 N205: both went to the "send it to your counselor?" drawer, with no word of /delete or /message).

The whole message must be the request: "i deleted my ex's number" or "i talked to my counselor" is no request.
"""

from __future__ import annotations

import re
import unicodedata


def _plain(text: str) -> str:
    """Lower case, no accents, no punctuation (an apostrophe is dropped: "don't" -> "dont")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("'", "").replace("’", ""))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", letters).split())


_DELETE_EN = re.compile(
    r"^(?:please |pls |i want to |i wanna |i d like to |can you |can i |how do i |how can i |how to )?"
    r"(?:delete|erase|remove|wipe)(?: all)? (?:of )?(?:my|all my) (?:data|info|information|account|messages|records"
    r"|stuff|history)(?: please| pls| now)?$"
)
_DELETE_ES = re.compile(
    r"^(?:por favor |porfa |quiero |puedes |como (?:puedo )?)?(?:borra|borrar|borren|borro|elimina|eliminar|elimino)"
    r"(?: todos)? (?:mis datos|mi informacion|mi cuenta|mis mensajes|mi historial)(?: por favor| porfa)?$"
)
_WHO = r"(?:my |the |mi |la |el )?(?:counselor|counsellor|therapist|case manager|consejer[oa]|terapeuta)"
_MESSAGE_EN = re.compile(
    r"^(?:how (?:do|can) i|how to|where (?:do|can) i|can i) (?:talk|speak|write|message|text|reach|contact|get in "
    rf"touch)(?: to| with)? {_WHO}$"
)
_MESSAGE_ES = re.compile(
    r"^(?:como|donde) (?:(?:le )?(?:hablo|escribo|contacto|mando mensaje)|puedo (?:hablar|escribir|contactar|"
    rf"mandar mensaje)(?:le)?)(?: a| con)? {_WHO}$"
)


def own_request(text: str) -> tuple[str, str] | None:
    """("delete" or "message", "en" or "es") when the whole message asks for that, else None."""
    plain = _plain(text)
    for what, en, es in (("delete", _DELETE_EN, _DELETE_ES), ("message", _MESSAGE_EN, _MESSAGE_ES)):
        if en.match(plain):
            return what, "en"
        if es.match(plain):
            return what, "es"
    return None
