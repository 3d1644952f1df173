"""`desk database-password`: the server's password, checked against the server, kept in
this workstation's keyring (a real Secret Service), refused and not kept when wrong, and
never written anywhere else: not in any output or debug log, not in the database, not in
the data folder.

Run under the throw-away keyring and a server of its own:
    dbus-run-session -- bash .ci/keyring-session.sh sh tools/with-postgres.sh python -m pytest \
        tests/integration/test_database_password.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desk import server_login
from desk.core.messages import render
from desk.store import pg
from tests.integration.cli_helpers import DeskCli, keyring_problem
from tests.integration.move_helpers import need_server, pg_contents, pg_query, server_url

pytestmark = pytest.mark.keyring


@pytest.fixture
def role(pg_databases):
    problem = keyring_problem()
    if problem and os.environ.get("CI"):
        pytest.fail(f"CI needs a real Secret Service: {problem}", pytrace=False)
    if problem:
        pytest.skip(problem)
    need_server()
    if not os.environ.get("DESK_TEST_PASSWORD_ROLE"):
        pytest.skip("tools/with-postgres.sh names a role that signs in with a password")
    name = os.environ["DESK_TEST_PASSWORD_ROLE"]
    database = pg_databases.new().rsplit("/", 1)[1]
    pg_query(server_url("postgres"), f"ALTER DATABASE {database} OWNER TO {name}")
    url = server_url(database, name)
    yield url
    vault = server_login._vault()
    vault._delete(vault._user(pg.place(url)))


@pytest.fixture
def cli(data_dir) -> DeskCli:
    return DeskCli(data_dir)


def test_the_right_password_is_kept_and_opens_the_desk(role, cli, data_dir):
    secret = os.environ["DESK_TEST_PASSWORD"]
    kept = cli.run("--database", role, "database-password", "--password-stdin", lines=[secret])
    assert kept.code == 0, kept
    assert render("pg.password_kept", "en", {"place": pg.place(role)}) in kept.err
    assert server_login.password_for(role) == secret

    # Every command now finds it in the keyring: a desk is set up and used on that server.
    cli.ok("--database", role, "init", "--name-ar", "وزارة الإعلام", "--name-en", "Ministry of Media",
           "--handle", "MinistryMedia", "--admin", "admin", "--password-stdin", lines=["adminpass1"])
    cli.ok("staff", "list", "--database", role, "--as", "admin", "--password-stdin", lines=["adminpass1"])
    cli.ok("--database", role, "verify", env={"DESK_DEBUG": "1"})
    cli.ok("--database", role, "database-password", lines=[secret], env={"DESK_DEBUG": "1"})

    # Planted, then searched for everywhere it must not be.
    for ran in cli.transcript:
        assert secret not in ran.out + ran.err + " ".join(ran.args), ran
    for file in Path(data_dir).rglob("*"):
        if file.is_file():
            assert secret.encode() not in file.read_bytes(), file
    assert secret not in repr(pg_contents(server_url(role.rsplit("/", 1)[1])))


def test_a_wrong_password_is_refused_and_not_kept(role, cli, data_dir):
    for lang in ("en", "ar"):
        refused = cli.run("--database", role, "database-password", "--password-stdin", lines=["not-it"],
                          env={"DESK_LANG": lang})
        assert refused.code == 1
        user = os.environ["DESK_TEST_PASSWORD_ROLE"]
        assert render("pg.wrong_password", lang, {"host": "127.0.0.1", "user": user}) in refused.err
        assert "not-it" not in refused.out + refused.err
    assert server_login.password_for(role) is None

    # A kept password is not replaced by a wrong one either.
    cli.ok("--database", role, "database-password", "--password-stdin", lines=[os.environ["DESK_TEST_PASSWORD"]])
    assert cli.run("--database", role, "database-password", lines=["not-it"]).code == 1
    assert server_login.password_for(role) == os.environ["DESK_TEST_PASSWORD"]
    assert not data_dir.exists() or not any(p.is_file() for p in data_dir.rglob("*"))
