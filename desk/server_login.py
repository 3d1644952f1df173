"""The PostgreSQL server's password, kept in the OS keyring like the X keys: never in a
file, a URL or the database. Each workstation's keyring holds its own copy."""

from __future__ import annotations

from desk.core.errors import VaultError
from desk.store import pg

NAMESPACE = "databases"


def _vault():
    from desk.vault import Vault

    return Vault(namespace=NAMESPACE)


def password_for(url: str) -> str | None:
    """The password this workstation keeps for the URL's server, or None (a server that
    asks for none, or no keyring at hand: the server's refusal then says what to do)."""
    pg.check_url(url)
    try:
        vault = _vault()
        return vault._get(vault._user(pg.place(url)))
    except VaultError:
        return None


def remember(url: str, password: str) -> None:
    """Keep the password once the server has accepted it; a wrong one is refused, not kept."""
    pg.check_url(url)
    pg.connect(url, password).close()
    vault = _vault()
    vault._set(vault._user(pg.place(url)), password)
