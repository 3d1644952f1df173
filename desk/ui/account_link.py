"""The X account as the Settings screen sees it: save keys, verify, disconnect.

``AccountLink`` is the small interface the screen is built against; ``ServiceAccountLink``
wires it to the desk's account (desk.account). Every method may wait on the keyring or
on X: call them through run_task. Each call runs on its own database connection.
"""

from __future__ import annotations

from dataclasses import dataclass

from desk.ui import adapters


@dataclass(frozen=True)
class VerifiedAccount:
    handle: str
    name: str
    avatar_url: str = ""


def _verified(info) -> VerifiedAccount:
    return VerifiedAccount(info.handle, info.name, getattr(info, "avatar_url", "") or "")


class AccountLink:
    """What the Settings screen needs. Keys go in; nothing about them comes back out."""

    def status(self, lang: str) -> dict:
        """connected, handle, name, avatar_url (as last verified), backend, problem (plain words)."""
        raise NotImplementedError

    def has_keys(self) -> bool:
        return bool(self.status("en")["connected"])

    def save_keys(self, consumer_key: str, consumer_secret: str, access_token: str, access_token_secret: str,
                  replace_other: bool = False) -> VerifiedAccount:
        """Check the keys with X, then keep them; the account they belong to."""
        raise NotImplementedError

    def verify(self) -> VerifiedAccount:
        raise NotImplementedError

    def disconnect(self) -> None:
        raise NotImplementedError

    def set_logo_as_avatar(self) -> None:
        raise NotImplementedError

class ServiceAccountLink(AccountLink):
    def __init__(self, session):
        self.session = session

    def _call(self, method: str, *args, **kw):
        with adapters.worker_session(self.session) as worker:
            return getattr(worker.desk.account, method)(*args, **kw)

    def status(self, lang: str) -> dict:
        return self._call("status", lang)

    def save_keys(self, consumer_key, consumer_secret, access_token, access_token_secret, replace_other=False):
        with adapters.worker_session(self.session) as worker:
            info = worker.desk.account.set_keys(worker, consumer_key, consumer_secret, access_token,
                                                access_token_secret, replace_other=replace_other)
        return _verified(info)

    def verify(self) -> VerifiedAccount:
        with adapters.worker_session(self.session) as worker:
            return _verified(worker.desk.account.verify(worker))

    def disconnect(self) -> None:
        with adapters.worker_session(self.session) as worker:
            worker.desk.account.forget(worker)

    def set_logo_as_avatar(self) -> None:
        with adapters.worker_session(self.session) as worker:
            worker.desk.account.set_logo_as_avatar(worker)
