"""Each person's grammatical gender: added by the schema's fourth step on both stores, not
known ("") for the staff a desk already had, kept when an administrator gives it."""

from __future__ import annotations

import pytest

from desk.store import migrations

pytestmark = [pytest.mark.both_stores, pytest.mark.usefixtures("no_keyring")]


def test_an_older_desk_gains_the_column_and_its_staff_read_in_the_masculine(office, raw_sql, desk_factory,
                                                                            store_kind):
    from tests.conftest import PASSWORDS

    assert migrations.SCHEMA_VERSION == 4
    office.desk.close()
    raw_sql(office.folder, "ALTER TABLE staff DROP COLUMN gender")  # as a desk of version 3 was
    if store_kind == "postgresql":
        raw_sql(office.folder, "UPDATE desk_schema SET version = 3")
    else:
        raw_sql(office.folder, "PRAGMA user_version = 3")
    desk = desk_factory(office.folder)
    assert {m.username: m.gender for m in desk.store.staff.all()} == dict.fromkeys(
        (m.username for m in desk.store.staff.all()), "")
    admin = desk.sign_in("admin", PASSWORDS["admin"])
    admin.add_staff("mona", "منى", "officer", "newpassword1", gender="f")
    assert desk.store.staff.require("mona").gender == "f"
    assert desk.store.staff.genders()["mona"] == "f"
    assert desk.verify().ok
    if store_kind == "postgresql":
        assert raw_sql(office.folder, "SELECT version FROM desk_schema") == [(4,)]
    else:
        assert raw_sql(office.folder, "PRAGMA user_version") == [(4,)]
