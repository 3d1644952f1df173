"""TLS is used whenever the server offers it (libpq's sslmode=prefer, the default), and
an office can demand it in the URL (sslmode=require)."""

from __future__ import annotations

import os

import pytest

from tests.conftest import PG_ADMIN_URL

pytestmark = pytest.mark.usefixtures("no_keyring")


def _need_tls_server():
    if not PG_ADMIN_URL or not os.environ.get("DESK_TEST_TLS"):
        if os.environ.get("CI"):
            pytest.fail("CI starts PostgreSQL with TLS through tools/with-postgres.sh", pytrace=False)
        pytest.skip("no PostgreSQL server offering TLS (run through tools/with-postgres.sh)")


@pytest.mark.parametrize("suffix", ["", "?sslmode=require"])
def test_the_desk_talks_to_the_server_over_tls(pg_databases, tmp_path, suffix):
    _need_tls_server()
    from desk.service import Desk

    url = pg_databases.new() + suffix
    desk = Desk(tmp_path / "ws", database=url)
    try:
        used = desk.store.db.execute("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
        assert used[0] is True and used[1].startswith("TLS")
    finally:
        desk.close()


def test_a_demand_for_tls_the_server_cannot_meet_is_refused_clearly(pg_databases, tmp_path):
    _need_tls_server()
    from desk.core.errors import StoreError
    from desk.service import Desk

    url = pg_databases.new() + "?sslmode=verify-full&sslrootcert=" + str(tmp_path / "no-such-ca.crt")
    with pytest.raises(StoreError) as refused:
        Desk(tmp_path / "ws", database=url)
    assert refused.value.key == "pg.tls"
    assert "sslrootcert" in refused.value.message("en") and "sslrootcert" in refused.value.message("ar")
