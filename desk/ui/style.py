"""Colours, fonts and the style sheet: calm, legible, the same in both directions."""

from __future__ import annotations

from PySide6.QtGui import QFont

AMBER = "#f2b705"
AMBER_TEXT = "#3d2e00"
PAUSED = "#5c6670"
RED = "#b3261e"
GREEN = "#1e7a3a"
LINK = "#1d6fb8"
MUTED = "#5f6b76"
BORDER = "#d5dbe1"
PANEL = "#f6f8fa"

# Latin first for English words, Arabic faces for Arabic script; Qt falls back per glyph.
FAMILIES = ["Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans"]

SHEET = f"""
QLabel#band_training {{ background: {AMBER}; color: {AMBER_TEXT}; padding: 6px 12px; font-weight: bold; }}
QLabel#band_blocked {{ background: {RED}; color: white; padding: 6px 12px; font-weight: bold; }}
QLabel#band_offline {{ background: {RED}; color: white; padding: 6px 12px; font-weight: bold; }}
QLabel#band_workstation {{ background: #e3ebf3; color: #1f3347; padding: 6px 12px; border-bottom: 1px solid {BORDER}; }}
QLabel#band_paused {{ background: {PAUSED}; color: white; padding: 6px 12px; font-weight: bold; }}
QWidget#header {{ background: {PANEL}; border-bottom: 1px solid {BORDER}; }}
QLabel#institution_name {{ font-size: 15pt; font-weight: bold; }}
QLabel#muted, QLabel#handle {{ color: {MUTED}; }}
QLabel#notice_error {{ background: #fde7e6; color: {RED}; border: 1px solid #f3b8b4; padding: 6px 10px; border-radius: 4px; }}
QLabel#notice_info {{ background: #e7f4ea; color: {GREEN}; border: 1px solid #b9dfc3; padding: 6px 10px; border-radius: 4px; }}
QLabel#counter {{ font-weight: bold; }}
QLabel#counter[over="true"] {{ color: {RED}; }}
QLabel#reason {{ color: {MUTED}; }}
QLabel#reason[over="true"] {{ color: {RED}; }}
QLabel#page_title {{ font-size: 14pt; font-weight: bold; }}
QFrame#card {{ background: white; border: 1px solid {BORDER}; border-radius: 10px; }}
QFrame#thread_part {{ background: transparent; border: none; }}
QFrame#part {{ border: 1px solid {BORDER}; border-radius: 6px; }}
QFrame#part[current="true"] {{ border: 1px solid {LINK}; }}
QListWidget#places {{ background: {PANEL}; border: none; font-size: 11pt; }}
QListWidget#places::item {{ padding: 8px 12px; }}
QListWidget#places::item:selected {{ background: #dce8f5; color: black; }}
QLabel#disabled_reason {{ color: {RED}; }}
QLabel#x_caution {{ background: #fff6db; color: {AMBER_TEXT}; border: 1px solid #f0d98a; padding: 4px 8px; border-radius: 4px; }}
QLabel#warning {{ color: {AMBER_TEXT}; background: #fff4d1; padding: 6px 10px; border-radius: 4px; }}
"""


ATTENTION = "#a04a00"  # a dark orange: readable on white, apart from the red of a failure
# States that need a person's look, in the colour they are written in wherever states are listed
STATE_COLOURS = {"failed": RED, "uncertain": ATTENTION, "partly_published": ATTENTION}


def state_colour(state) -> str | None:
    return STATE_COLOURS.get(getattr(state, "value", state))


def app_font(size: int = 10) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSize(size)
    return font


def restyle(widget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
