"""Draws the application icon's PNGs, .ico and .icns from resources/icons/posting-desk.svg.

    .venv/bin/python tools/make_icons.py

Qt renders the SVG at each size (crisper than scaling one large PNG down); Pillow packs
the Windows .ico and the macOS .icns. The files are committed: a build needs no drawing.
"""

from __future__ import annotations

import os
import sys
from io import BytesIO
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "posting-desk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)  # the freedesktop hicolor sizes an installer puts in place
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # what an .icns holds, 1024 for Retina 512


def render(size: int):
    """The SVG at size x size, as a Pillow image."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    application = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # Qt draws inside one
    drawn = {size: render(size) for size in sorted(set(SIZES) | set(ICNS_SIZES))}
    del application
    for size in SIZES:
        drawn[size].save(ICONS / f"posting-desk-{size}.png", optimize=True)
    largest = drawn[256]
    largest.save(ICONS / "posting-desk.ico", sizes=[(s, s) for s in SIZES],
                 append_images=[drawn[s] for s in SIZES if s != 256])
    try:
        drawn[1024].save(ICONS / "posting-desk.icns",
                         append_images=[drawn[s] for s in ICNS_SIZES if s != 1024])
    except (OSError, KeyError, ValueError) as error:  # a Pillow without an ICNS writer
        print(f"no .icns written ({error}); the macOS bundle goes without its icon", file=sys.stderr)
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
