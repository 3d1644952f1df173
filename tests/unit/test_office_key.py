"""The seal key wrapped under the office passphrase: only the right passphrase opens it,
and a changed record is refused rather than giving another key."""

from __future__ import annotations

import json
import secrets

import pytest
from hypothesis import given, settings, strategies as st

from desk.core import office_key
from desk.core.errors import InvalidInput


@settings(max_examples=5, deadline=None)  # each try costs a full scrypt
@given(st.binary(min_size=32, max_size=32), st.text(min_size=12, max_size=40).filter(lambda t: len(t.strip()) >= 12))
def test_the_right_passphrase_gives_the_key_back(key, passphrase):
    assert office_key.unwrap(office_key.wrap(key, passphrase), passphrase) == key


def test_a_wrong_passphrase_is_refused():
    record = office_key.wrap(secrets.token_bytes(32), "مكتب الإعلام ٢٠٢٦")
    with pytest.raises(InvalidInput) as refused:
        office_key.unwrap(record, "مكتب الإعلام 2026")
    assert refused.value.key == "join.wrong_passphrase"


def test_a_changed_record_is_refused_not_opened_to_another_key():
    key = secrets.token_bytes(32)
    record = json.loads(office_key.wrap(key, "a long enough passphrase"))
    wrapped = bytearray.fromhex(record["wrapped"])
    wrapped[0] ^= 1
    record["wrapped"] = wrapped.hex()
    with pytest.raises(InvalidInput) as refused:
        office_key.unwrap(json.dumps(record), "a long enough passphrase")
    assert refused.value.key == "join.wrong_passphrase"
    with pytest.raises(InvalidInput) as damaged:
        office_key.unwrap("{not json", "a long enough passphrase")
    assert damaged.value.key == "join.record_damaged"


def test_the_record_holds_neither_the_key_nor_the_passphrase():
    key = secrets.token_bytes(32)
    record = office_key.wrap(key, "correct horse battery staple")
    assert key.hex() not in record and "correct horse" not in record


def test_a_short_passphrase_is_refused():
    with pytest.raises(InvalidInput) as refused:
        office_key.wrap(secrets.token_bytes(32), "  short  ")
    assert refused.value.key == "join.passphrase_short"
