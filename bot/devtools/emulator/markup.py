"""Telegram's HTML parse mode: reject what Telegram rejects, and show what a client shows."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

# The tags the Bot API accepts in parse_mode=HTML; anything else is a 400 from Telegram.
ALLOWED = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
    "tg-spoiler", "span", "blockquote", "tg-emoji",
}  # fmt: skip


class EntityError(ValueError):
    """What Telegram answers for malformed HTML."""


class _Plain(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            raise EntityError(f'Unsupported start tag "{tag}"')
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            raise EntityError(f'Unmatched end tag "{tag}"')
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def to_plain(text: str, parse_mode: str | None) -> str:
    """The text a user sees; raises EntityError like Telegram's "can't parse entities"."""
    if (parse_mode or "").upper() != "HTML":
        return text
    parser = _Plain()
    parser.feed(text)
    parser.close()
    if parser.open:
        raise EntityError(f'Can\'t find end tag corresponding to start tag "{parser.open[-1]}"')
    return unescape("".join(parser.parts))
