"""What changed in a thread since it was last reviewed, part by part.

Parts are matched by their words (their "k/n" numbers left aside, since adding one part
renumbers them all): a part found again elsewhere has moved; a part that is neither
found nor paired with one in the same place is new, or removed; one paired with the part
that stood in its place has changed, and its words are compared as for a single post.
"""

from __future__ import annotations

import difflib
import html

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from desk.core.thread_text import strip_number
from desk.ui.post_text import direction
from desk.ui.review.diff import text_diff_html
from desk.ui.style import GREEN, RED


def _match(old: list[str], new: list[str]) -> tuple[dict[int, int], set[int], dict[int, int]]:
    """(same, moved, changed): new part index -> old part index for the parts kept (those
    that moved among them named; a part only shifted by one added or removed before it has
    not), and for the parts changed (wherever they now stand). Parts in neither are new,
    or removed."""
    same, moved = {}, set()
    loose_old, loose_new = [], []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            same.update({j: i for i, j in zip(range(i1, i2), range(j1, j2))})
        else:
            loose_old += range(i1, i2)
            loose_new += range(j1, j2)
    for j in list(loose_new):  # the same words elsewhere: moved
        i = next((i for i in loose_old if old[i] == new[j]), None)
        if i is not None:
            same[j] = i
            moved.add(j)
            loose_old.remove(i)
            loose_new.remove(j)
    changed = {}
    for j in loose_new:  # mostly the same words: changed (and perhaps moved too)
        scored = [(_alike(old[i], new[j]), -abs(i - j), i) for i in loose_old]
        best = max(scored, default=None)
        if best is not None and best[0] >= ALIKE:
            changed[j] = best[2]
            loose_old.remove(best[2])
    return same, moved, changed


ALIKE = 0.5  # at least half the words in common: the same part, rewritten


def _alike(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


WORDS = {
    "count": QT_TRANSLATE_NOOP("PartsDiff", "Parts now: %1 (at the last review: %2)."),
    "moved": QT_TRANSLATE_NOOP("PartsDiff", "Part %1 was part %2: moved."),
    "images": QT_TRANSLATE_NOOP("PartsDiff", "Part %1: its images changed."),
    "alts": QT_TRANSLATE_NOOP("PartsDiff", "Part %1: its image descriptions changed."),
    "changed": QT_TRANSLATE_NOOP("PartsDiff", "Part %1 changed:"),
    "changed_from": QT_TRANSLATE_NOOP("PartsDiff", "Part %1 (part %2 at the last review) changed:"),
    "new": QT_TRANSLATE_NOOP("PartsDiff", "Part %1 is new:"),
    "removed": QT_TRANSLATE_NOOP("PartsDiff", "Part %1 of the version reviewed was removed:"),
    "numbers": QT_TRANSLATE_NOOP("PartsDiff", "The parts' numbers (k/n) were written again."),
}


def _said(key: str, *numbers: int) -> str:
    text = QCoreApplication.translate("PartsDiff", WORDS[key])
    for place, number in enumerate(numbers, start=1):
        text = text.replace(f"%{place}", str(number))
    return text


def _head(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


def _images(number: int, before, after) -> list[str]:
    if [m.sha256 for m in before.media] != [m.sha256 for m in after.media]:
        return [_head(_said("images", number))]
    if [m.alt for m in before.media] != [m.alt for m in after.media]:
        return [_head(_said("alts", number))]
    return []


def parts_changes_html(before: list, after: list, fallback_dir: str = "ltr") -> list[str]:
    """Lines of HTML, one a part that changed, in the thread's order now; then the parts
    removed. ``before`` and ``after``: the parts (text, media) of the two versions."""
    old = [strip_number(part.text).strip() for part in before]
    new = [strip_number(part.text).strip() for part in after]
    same, moved, changed = _match(old, new)
    lines = [_said("count", len(after), len(before))] if len(before) != len(after) else []
    renumbered = False
    for j, part in enumerate(after):
        number = j + 1
        if j in same:
            i = same[j]
            if j in moved:
                lines.append(_head(_said("moved", number, i + 1)))
            lines += _images(number, before[i], part)
            renumbered = renumbered or before[i].text != part.text
        elif j in changed:
            i = changed[j]
            title = _said("changed", number) if i == j else _said("changed_from", number, i + 1)
            lines.append(_head(title) + text_diff_html(before[i].text, part.text, fallback_dir))
            lines += _images(number, before[i], part)
        else:
            lines.append(_head(_said("new", number)) + _quoted(part.text, GREEN, "u", fallback_dir))
    kept = set(same.values()) | set(changed.values())
    for i, part in enumerate(before):
        if i not in kept:
            lines.append(_head(_said("removed", i + 1)) + _quoted(part.text, RED, "s", fallback_dir))
    if renumbered:
        lines.append(_said("numbers"))
    return lines


def _quoted(text: str, colour: str, tag: str, fallback_dir: str) -> str:
    """A whole part added (underlined green) or removed (struck through red)."""
    way = direction(text) or fallback_dir
    body = html.escape(text).replace("\n", "<br>")
    return f'<div dir="{way}"><{tag} style="color:{colour}">{body}</{tag}></div>'
