"""The command line's --database: every command opens the server's desk with it (or with
DESK_DATABASE_URL), `desk init` sets a desk up in an empty database, an address with a
password in it is refused without echoing it, and `desk backup` on a server says where
backups are made."""

from __future__ import annotations

import pytest

from desk.core.messages import render
from desk.store import pg
from tests.integration.move_helpers import folder_contents, need_server, pg_contents

pytestmark = pytest.mark.usefixtures("no_keyring")

INIT = ("init", "--name-ar", "وزارة الإعلام", "--name-en", "Ministry of Media", "--handle", "MinistryMedia",
        "--admin", "admin", "--password-stdin")


def test_init_on_an_empty_database(run_desk, pg_databases, data_dir):
    need_server()
    url = pg_databases.new()
    done = run_desk("--database", url, *INIT, stdin="adminpass1\n")
    assert done.returncode == 0, done.stderr
    assert not (data_dir / "desk.sqlite3").exists()  # the folder keeps this workstation's files only
    assert (data_dir / "desk.anchor").exists()
    for args in (("--database", url, "staff", "list"), ("staff", "list", "--database", url)):
        listed = run_desk(*args, "--as", "admin", "--password-stdin", stdin="adminpass1\n")
        assert listed.returncode == 0 and listed.stdout.startswith("admin\t"), listed.stderr
    env = run_desk("staff", "list", "--as", "admin", "--password-stdin", stdin="adminpass1\n",
                   env={"DESK_DATABASE_URL": url})
    assert env.returncode == 0 and env.stdout.startswith("admin\t")
    assert run_desk("--database", url, "verify").returncode == 0
    assert run_desk("staff", "list", "--as", "admin", "--password-stdin", stdin="adminpass1\n").returncode == 1


def test_init_on_a_server_from_a_folder_of_another_desk(run_desk, office_folder, pg_databases, snapshot):
    need_server()
    url = pg_databases.new()
    before, files = snapshot(office_folder), folder_contents(office_folder)
    done = run_desk("--database", url, *INIT, stdin="adminpass1\n")
    assert done.returncode == 1
    from desk.store import anchor

    events = anchor.read(office_folder, None).anchor.events
    assert render("move.desk_gone", "en", {"place": pg.place(url), "name": "Ministry of Media",
                                            "events": events}) in done.stderr
    assert snapshot(office_folder) == before and folder_contents(office_folder) == files
    assert pg_contents(url) == {"(functions)": []}


SECRET = "Pl4nted-Secret"


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("how", ["option", "environment", "move-to"])
def test_a_password_in_the_address_is_refused(run_desk, data_dir, how, lang):
    url = f"postgresql://desk:{SECRET}@db.example:5432/office"
    env = {"DESK_LANG": lang}
    if how == "option":
        done = run_desk("--database", url, *INIT, stdin="adminpass1\n", env=env)
    elif how == "environment":
        done = run_desk("log", "--as", "admin", "--password-stdin", stdin="adminpass1\n",
                        env={**env, "DESK_DATABASE_URL": url})
    else:
        done = run_desk("move-to", url, "--as", "admin", "--password-stdin", stdin="adminpass1\n", env=env)
    assert done.returncode == 4
    assert render("pg.password_in_url", lang, {"place": "desk@db.example:5432/office"}) in done.stderr
    assert SECRET not in done.stderr + done.stdout
    assert not data_dir.exists()


def test_backup_on_a_server_says_where_backups_are_made(run_desk, pg_databases, data_dir):
    need_server()
    url = pg_databases.office(data_dir)
    done = run_desk("--database", url, "backup", "--as", "admin", "--password-stdin", stdin="adminpass1\n")
    assert done.returncode == 1
    assert render("pg.backup_on_server", "en", {}) in done.stderr
    assert not list((data_dir / "backups").glob("*")) if (data_dir / "backups").exists() else True
    kept = data_dir.parent / "some.sqlite3"
    kept.write_bytes(b"")
    before = pg_contents(url)
    done = run_desk("--database", url, "restore", kept, "--as", "admin", "--password-stdin", stdin="adminpass1\n")
    assert done.returncode == 1 and render("move.restore_on_server", "en", {}) in done.stderr
    assert pg_contents(url) == before


def test_database_password_needs_an_address(run_desk, data_dir, monkeypatch):
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    done = run_desk("database-password", "--password-stdin", stdin="whatever\n")
    assert done.returncode == 4 and render("move.no_database", "en", {}) in done.stderr
    assert pg.place("postgresql://a@b/c") == "a@b:5432/c"
