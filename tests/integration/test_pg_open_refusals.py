"""Opening a desk on a PostgreSQL server refuses, before anything is written there or in
the workstation's folder: another desk's database, a newer schema, another program's
tables, an empty database (unless a desk is being set up), a server that does not
answer, a wrong password."""

from __future__ import annotations

import os

import pytest

from desk.core.errors import StoreError
from desk.core.messages import render
from desk.store import Store
from tests.conftest import cheap_hasher
from tests.integration.move_helpers import (
    closed_port, folder_contents, need_server, pg_contents, pg_query, server_url,
)

pytestmark = pytest.mark.usefixtures("no_keyring")


@pytest.fixture(autouse=True)
def _server():
    need_server()


@pytest.fixture
def pg_office(pg_databases, tmp_path) -> str:
    """The office on the server, set up from a workstation folder of its own."""
    return pg_databases.office(tmp_path / "first-workstation")


@pytest.fixture
def other_desk_folder(tmp_path, monkeypatch):
    """A workstation folder belonging to a desk of another name (a SQLite desk of its own)."""
    from desk.core import staff_rules
    from desk.service import Desk

    monkeypatch.setattr(staff_rules, "_hasher", cheap_hasher())
    folder = tmp_path / "other"
    desk = Desk(folder)
    desk.init("مكتب آخر", "Other Office", "OtherOffice", "admin", "مدير", "adminpass1")
    desk.close()
    return folder


def refused(folder, url, create=False, password=None) -> StoreError:
    with pytest.raises(StoreError) as caught:
        Store(folder, create=create, database=url, password=password)
    return caught.value


def test_database_of_another_desk(pg_office, other_desk_folder):
    before, files = pg_contents(pg_office), folder_contents(other_desk_folder)
    error = refused(other_desk_folder, pg_office)
    assert error.key == "pg.other_desk"
    assert "Ministry of Media" in error.message("en") and "Other Office" in error.message("en")
    assert pg_contents(pg_office) == before
    assert folder_contents(other_desk_folder) == files


def test_newer_schema(pg_office, tmp_path):
    pg_query(pg_office, "UPDATE desk_schema SET version = 99")
    before = pg_contents(pg_office)
    error = refused(tmp_path / "workstation", pg_office)
    assert error.key == "store.newer" and error.params["found"] == 99
    assert pg_contents(pg_office) == before
    assert not (tmp_path / "workstation").exists()


def test_tables_of_another_program(pg_databases, tmp_path):
    url = pg_databases.new()
    pg_query(url, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    pg_query(url, "INSERT INTO customers VALUES (1, 'someone')")
    before = pg_contents(url)
    for create in (False, True):  # not even `desk init` writes into it
        assert refused(tmp_path / "workstation", url, create=create).key == "pg.not_a_desk"
    assert pg_contents(url) == before
    assert not (tmp_path / "workstation").exists()


def test_empty_database_without_create(pg_databases, tmp_path):
    url = pg_databases.new()
    error = refused(tmp_path / "workstation", url)
    assert error.key == "pg.no_desk" and "desk move-to" in error.message("en")
    assert pg_contents(url) == {"(functions)": []}
    assert not (tmp_path / "workstation").exists()


def test_server_unreachable(tmp_path):
    url = f"postgresql://desk@127.0.0.1:{closed_port()}/office"
    error = refused(tmp_path / "workstation", url)
    assert error.key == "pg.unreachable" and str(error.params["port"]) in error.message("en")
    assert not (tmp_path / "workstation").exists()


def test_wrong_password(pg_databases, tmp_path):
    role = os.environ.get("DESK_TEST_PASSWORD_ROLE")
    if not role:
        pytest.skip("tools/with-postgres.sh names a role that signs in with a password")
    url = pg_databases.new()
    pg_query(url.rsplit("/", 1)[0] + "/postgres", f"ALTER DATABASE {url.rsplit('/', 1)[1]} OWNER TO {role}")
    mine = server_url(url.rsplit("/", 1)[1], role)
    for password in ("not-the-password", None):
        error = refused(tmp_path / "workstation", mine, create=True, password=password)
        assert error.key == "pg.wrong_password" and role in error.message("en")
    assert pg_contents(url) == {"(functions)": []}
    assert not (tmp_path / "workstation").exists()
    Store(tmp_path / "workstation", database=mine, password=os.environ["DESK_TEST_PASSWORD"]).close()  # the right one opens


# --------------------------------------------------------------------------- the command line
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_cli_server_unreachable(run_desk, tmp_path, lang):
    url = f"postgresql://desk@127.0.0.1:{closed_port()}/office"
    done = run_desk("--database", url, "staff", "list", "--as", "admin", "--password-stdin",
                    stdin="adminpass1\n", env={"DESK_LANG": lang})
    assert done.returncode == 1, done.stderr
    params = {"host": "127.0.0.1", "port": int(url.split(":")[2].split("/")[0])}
    assert render("pg.unreachable", lang, params) in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_cli_database_of_another_desk(run_desk, pg_office, other_desk_folder, lang):
    before, files = pg_contents(pg_office), folder_contents(other_desk_folder)
    done = run_desk("--database", pg_office, "staff", "list", "--as", "admin", "--password-stdin",
                    stdin="adminpass1\n", env={"DESK_LANG": lang}, folder=other_desk_folder)
    assert done.returncode == 1, done.stderr
    from desk.store import pg

    expected = render("pg.other_desk", lang, {"place": pg.place(pg_office), "found": "Ministry of Media",
                                               "expected": "Other Office"})
    assert expected in done.stderr
    assert pg_contents(pg_office) == before
    assert folder_contents(other_desk_folder) == files


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_cli_wrong_password_and_no_desk(run_desk, pg_databases, tmp_path, lang):
    """No keyring holds a password for the role: the server's refusal says what to do."""
    role = os.environ.get("DESK_TEST_PASSWORD_ROLE")
    if not role:
        pytest.skip("tools/with-postgres.sh names a role that signs in with a password")
    url = server_url("postgres", role)
    done = run_desk("--database", url, "staff", "list", "--as", "admin", "--password-stdin",
                    stdin="adminpass1\n", env={"DESK_LANG": lang})
    assert done.returncode == 1
    assert render("pg.wrong_password", lang, {"host": "127.0.0.1", "user": role}) in done.stderr
    empty = pg_databases.new()
    done = run_desk("--database", empty, "log", "--as", "admin", "--password-stdin", stdin="adminpass1\n",
                    env={"DESK_LANG": lang})
    assert done.returncode == 1
    from desk.store import pg

    assert render("pg.no_desk", lang, {"place": pg.place(empty)}) in done.stderr
    assert pg_contents(empty) == {"(functions)": []}


@pytest.mark.parametrize("create", [False, True])
def test_emptied_database_of_this_workstations_desk(pg_databases, tmp_path, create):
    """The folder's anchor names a desk; its database now holds nothing: said so, never made anew."""
    folder = tmp_path / "workstation"
    url = pg_databases.office(folder)
    pg_query(url, "DROP SCHEMA public CASCADE")
    pg_query(url, "CREATE SCHEMA public")
    files = folder_contents(folder)
    error = refused(folder, url, create=create)
    assert error.key == "move.desk_gone" and "Ministry of Media" in error.message("en")
    assert pg_contents(url) == {"(functions)": []}
    assert folder_contents(folder) == files
