"""What changed between the version last reviewed and the one now submitted."""

from __future__ import annotations

import difflib
import html
import re

from desk.ui.post_text import direction
from desk.ui.style import GREEN, RED

TOKENS = re.compile(r"\s+|[^\s]+")


def text_diff_html(old: str, new: str, fallback_dir: str = "ltr") -> str:
    """Words removed struck through in red, words added underlined in green."""
    a, b = TOKENS.findall(old), TOKENS.findall(new)
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(html.escape("".join(a[i1:i2])))
            continue
        if tag in ("replace", "delete"):
            parts.append(f'<s style="color:{RED}">{html.escape("".join(a[i1:i2]))}</s>')
        if tag in ("replace", "insert"):
            parts.append(f'<u style="color:{GREEN}">{html.escape("".join(b[j1:j2]))}</u>')
    body = "".join(parts).replace("\n", "<br>")
    way = direction(new) or direction(old) or fallback_dir
    return f'<div dir="{way}">{body}</div>'
