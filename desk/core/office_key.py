"""The log's seal key, wrapped under the office's join passphrase so that another
workstation of a shared desk can take it into its own keyring.

The seal key never travels in the clear and is never shown. What the database keeps is
the key XORed with a pad derived from the passphrase (scrypt, then HMAC-SHA256), and a
tag that tells a wrong passphrase from a right one. Whoever reads the database learns
nothing of the key without the passphrase, and a guess costs a full scrypt each time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets

from desk.core.errors import InvalidInput

MIN_LENGTH = 12
# scrypt's cost: about 0.1 s and 32 MiB per try on an office PC.
SCRYPT = {"n": 2**15, "r": 8, "p": 1}


def check_passphrase(passphrase: str) -> str:
    if len((passphrase or "").strip()) < MIN_LENGTH:
        raise InvalidInput("join.passphrase_short", minimum=MIN_LENGTH)
    return passphrase


def _keys(passphrase: str, salt: bytes, cost: dict) -> tuple[bytes, bytes]:
    derived = hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=cost["n"], r=cost["r"], p=cost["p"],
                             maxmem=128 * 1024 * 1024, dklen=64)
    return derived[:32], derived[32:]


def wrap(seal_key: bytes, passphrase: str) -> str:
    """The seal key under the passphrase, as the JSON text the database keeps."""
    check_passphrase(passphrase)
    salt = secrets.token_bytes(16)
    pad_key, tag_key = _keys(passphrase, salt, SCRYPT)
    pad = hmac.digest(pad_key, b"posting-desk seal key", "sha256")
    wrapped = bytes(a ^ b for a, b in zip(seal_key, pad))
    tag = hmac.digest(tag_key, salt + wrapped, "sha256")
    return json.dumps({"v": 1, **SCRYPT, "salt": salt.hex(), "wrapped": wrapped.hex(), "tag": tag.hex()},
                      sort_keys=True)


def unwrap(record: str, passphrase: str) -> bytes:
    """The seal key, or InvalidInput when the passphrase is not the office's."""
    try:
        found = json.loads(record)
        salt, wrapped, tag = (bytes.fromhex(found[k]) for k in ("salt", "wrapped", "tag"))
        cost = {k: int(found[k]) for k in ("n", "r", "p")}
    except (ValueError, KeyError, TypeError):
        raise InvalidInput("join.record_damaged") from None
    pad_key, tag_key = _keys(passphrase or "", salt, cost)
    if not hmac.compare_digest(tag, hmac.digest(tag_key, salt + wrapped, "sha256")):
        raise InvalidInput("join.wrong_passphrase")
    pad = hmac.digest(pad_key, b"posting-desk seal key", "sha256")
    return bytes(a ^ b for a, b in zip(wrapped, pad))
