"""Each person's grammatical gender: added by the schema's fourth step on both stores, not
known ("") for the staff a desk already had, kept when an administrator gives it."""

from __future__ import annotations

import pytest

from desk.store import migrations

pytestmark = [pytest.mark.both_stores, pytest.mark.usefixtures("no_keyring")]


def test_an_older_desk_gains_the_column_and_its_staff_read_in_the_masculine(office, raw_sql, desk_factory,
                                                                            store_kind):
    from tests.conftest import PASSWORDS

    assert migrations.SCHEMA_VERSION >= 5
    office.desk.close()
    # as a desk of version 3 was: no gender (step 4), no thread columns (step 5), no X's figures (step 6)
    raw_sql(office.folder, "DROP INDEX events_at")
    raw_sql(office.folder, "DROP TABLE reach")
    raw_sql(office.folder, "ALTER TABLE staff DROP COLUMN gender")
    raw_sql(office.folder, "ALTER TABLE posts DROP COLUMN parts")
    raw_sql(office.folder, "ALTER TABLE posts DROP COLUMN part_ids")
    raw_sql(office.folder, "ALTER TABLE post_versions DROP COLUMN parts")
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
        assert raw_sql(office.folder, "SELECT version FROM desk_schema") == [(migrations.SCHEMA_VERSION,)]
    else:
        assert raw_sql(office.folder, "PRAGMA user_version") == [(migrations.SCHEMA_VERSION,)]


def test_an_administrator_gives_an_existing_person_their_gender_and_the_log_vouches_for_it(office, raw_sql):
    from desk.core.errors import InvalidInput, NotPermitted

    admin = office.session("admin")
    admin.set_gender("sara", "f")
    assert office.desk.store.staff.require("sara").gender == "f"
    assert office.desk.verify().ok
    with pytest.raises(InvalidInput):
        admin.set_gender("sara", "q")
    with pytest.raises(NotPermitted):
        office.session("omar").set_gender("omar", "m")  # only an administrator manages staff
    assert office.desk.store.staff.require("omar").gender == ""
    office.desk.close()
    # the row changed behind the desk's back: the check against the log names the field
    raw_sql(office.folder, "UPDATE staff SET gender = 'm' WHERE username = 'sara'")
    from desk.service import Desk

    report = Desk(office.folder, database=office.desk.database).verify()
    assert not report.ok and report.key == "audit.staff_row", report
    assert report.params["username"] == "sara" and report.params["field"] == ("form of address", "صيغة المخاطبة")
