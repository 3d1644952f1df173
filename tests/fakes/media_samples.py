"""Files of each kind the desk takes (and a few it must refuse), made on the spot."""

from __future__ import annotations

import io
import struct

from PIL import Image


def box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(body), kind) + body


def mp4_bytes(size: int = 4096, brand: bytes = b"isom") -> bytes:
    """An ISO base media file: ftyp, moov, mdat; mdat padded so the file is ``size`` bytes."""
    head = box(b"ftyp", brand + b"\0\0\2\0" + b"isomiso2avc1mp41") + box(b"moov", box(b"mvhd", b"\0" * 100))
    return head + struct.pack(">I4s", size - len(head), b"mdat") + b"\x11" * (size - len(head) - 8)


def write_mp4(path, size: int = 4096, brand: bytes = b"isom"):
    """Written in pieces, so a large test video is not built in memory either."""
    head = box(b"ftyp", brand + b"\0\0\2\0" + b"isomiso2avc1mp41") + box(b"moov", box(b"mvhd", b"\0" * 100))
    with open(path, "wb") as out:
        out.write(head + struct.pack(">I4s", size - len(head), b"mdat"))
        left = size - len(head) - 8
        piece = b"\x11" * (1024 * 1024)
        while left > 0:
            out.write(piece[:left])
            left -= len(piece)
    return path


def gif_bytes(frames: int = 3, side: int = 32) -> bytes:
    images = [Image.new("RGB", (side, side), color) for color in ("red", "green", "blue", "white")[:frames]]
    out = io.BytesIO()
    images[0].save(out, "GIF", save_all=True, append_images=images[1:], duration=100, loop=0)
    return out.getvalue()


SRT_AR = ("1\n00:00:00,500 --> 00:00:02,000\nمرحبًا بكم في المؤتمر\n\n"
          "2\n00:00:02,500 --> 00:00:04,000\nيبدأ البرنامج بعد قليل\n").encode("utf-8")
SRT_EN = b"1\r\n00:00:00,500 --> 00:00:02,000\r\nWelcome to the conference\r\n"
