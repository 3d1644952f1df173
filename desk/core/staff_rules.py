"""Staff rules: usernames, passwords (Argon2id), and locking after wrong passwords."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta, timezone

from desk.core.errors import InvalidInput

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
MAX_NAME = 100  # a full name in any script; the log, the window and the PDF show it whole
USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$")

_hasher = None  # argon2-cffi's defaults are Argon2id (RFC 9106 low-memory profile)


def _get_hasher():
    """Made on first use: loading argon2 would otherwise delay the first screen."""
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher

        _hasher = PasswordHasher()
    return _hasher


# A person's grammatical gender, for the sentences that name them («كتبت» / «كتب»).
# "" is not known: the masculine form, which Arabic also uses as the neutral one.
GENDERS = ("f", "m", "")


def check_gender(gender: str | None) -> str:
    gender = (gender or "").strip().lower()
    if gender not in GENDERS:
        raise InvalidInput("staff.bad_gender", gender=gender)
    return gender


def check_username(username: str) -> str:
    username = (username or "").strip()
    if not USERNAME.match(username):
        raise InvalidInput("staff.bad_username")
    return username.lower()


def check_name(name: str) -> str:
    from desk.core.text import check_characters, is_blank

    name = (name or "").strip()
    if not name:
        raise InvalidInput("staff.name_required")
    if len(name) > MAX_NAME:
        raise InvalidInput("staff.name_too_long", length=len(name), limit=MAX_NAME)
    if is_blank(name):
        raise InvalidInput("staff.name_invisible")
    check_characters(name)
    for position, char in enumerate(name):  # a name is one line of words: no control character at all
        if unicodedata.category(char) == "Cc" or char in "\u2028\u2029":
            raise InvalidInput("text.bad_character", position=position + 1)
    return name


def check_password(password: str) -> str:
    if not password or len(password) < MIN_PASSWORD:
        raise InvalidInput("staff.weak_password", min=MIN_PASSWORD)
    return password


def hash_password(password: str) -> str:
    return _get_hasher().hash(check_password(password))


# Checked in place of a real hash when no password may be checked (unknown name, locked
# name): every refused sign-in then costs one Argon2id verification at the desk's
# default parameters, so timing tells no name apart. It is the hash of no one's password.
DECOY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$PpYeqSiuO2aXMCk4TS80Ig$PbDgkSvGIGz4aEX9jnPyuk9z8VARgMHh5UMMu0FsxLE"


def decoy_check(password: str) -> None:
    """The same work as checking a real password, its answer thrown away."""
    password_matches(DECOY_HASH, password)


def password_matches(stored_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return _get_hasher().verify(stored_hash, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# no 0/O, 1/l/I: a one-time password is read aloud or copied by hand
ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
NOTICE_DAYS = 30


def one_time_password() -> str:
    """Twelve random characters in three groups (about 59 bits), for one sign-in only."""
    import secrets

    chars = "".join(secrets.choice(ONE_TIME_ALPHABET) for _ in range(12))
    return "-".join(chars[i:i + 4] for i in range(0, 12, 4))


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and locked_until > now


def lock_until(failures: int, now: datetime | None = None) -> datetime | None:
    """After MAX_FAILURES wrong passwords in a row the name is locked for LOCK_MINUTES."""
    if failures >= MAX_FAILURES:
        return (now or datetime.now(timezone.utc)) + timedelta(minutes=LOCK_MINUTES)
    return None
