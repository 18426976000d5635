"""The page itself: the parts as text, the index as JSON that cannot end its element, and the
HTML around the bundle (the format is in ``export/html.py``'s module docstring)."""

from __future__ import annotations

import html
import json
import os

from .encodings import text7

BUNDLE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "static", "index.js")


class Parts:
    """The recorded responses' parts, each turned into text (``text7``) on its own and
    concatenated; the table maps a route key to ``[encoding, start, end, *extra]`` (character
    offsets)."""

    def __init__(self):
        self.chunks, self.table, self.groups, self.variants = [], {}, {}, {}
        self.pos = 0

    def add(self, key: str, encoding: str, data: bytes, group: str, *extra,
            variant: str | None = None) -> None:
        if key in self.table:
            raise ValueError(f"route {key!r} recorded twice")
        text = text7(data)
        self.table[key] = [encoding, self.pos, self.pos + len(text), *extra]
        self.chunks.append(text)
        self.pos += len(text)
        size = len(text.encode("utf-8"))
        self.groups[group] = self.groups.get(group, 0) + size
        if variant:
            self.variants[variant] = self.variants.get(variant, 0) + size

    def alias(self, key: str, of: str) -> None:
        """Record ``key`` as the same response as ``of`` (one part, two table entries)."""
        if key in self.table:
            raise ValueError(f"route {key!r} recorded twice")
        self.table[key] = list(self.table[of])

    def text(self) -> str:
        return "".join(self.chunks)

    def by_group(self) -> dict:
        """Group -> bytes of the page its parts take, biggest first."""
        return dict(sorted(self.groups.items(), key=lambda kv: -kv[1]))


def json_for_script(obj) -> str:
    """JSON that cannot end the script element or start markup."""
    text = json.dumps(obj, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def page(index: dict, blobs: str, title: str) -> bytes:
    """The HTML file: title, the index and parts elements, the bundle as a module script."""
    with open(BUNDLE, encoding="utf-8") as f:
        bundle = f.read()
    if "</script" in bundle.lower():
        # valid inside JS strings / regexes / templates alike
        bundle = bundle.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        f"<title>{html.escape(title)}</title>\n",
        "<meta name=\"generator\" content=\"rl-clarity export\">\n</head><body>\n",
        "<script type=\"application/json\" id=\"rlc-index\">", json_for_script(index),
        "</script>\n<script type=\"text/plain\" id=\"rlc-blobs\">", blobs, "</script>\n",
        "<script type=\"module\">\n", bundle, "\n</script>\n</body></html>\n",
    ]).encode("utf-8")
