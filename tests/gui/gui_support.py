"""What the GUI tests share: the office they work in and an X account without a keyring."""

from __future__ import annotations

from contextlib import contextmanager

from desk.ui.account_link import AccountLink, VerifiedAccount

PASSWORD = "correct-horse-1"


class FakeAccountLink(AccountLink):
    """The X account without keyring or X: keys kept in memory, verify answers at once."""

    def __init__(self, saved: bool = False):
        self.keys = {"saved": True} if saved else None
        self.account = VerifiedAccount("MediaCentre", "Media Centre", "")

    def status(self, lang: str) -> dict:
        connected = self.keys is not None
        return {"connected": connected, "handle": "MediaCentre" if connected else "", "name": "",
                "avatar_url": "", "backend": "test keyring" if connected else "", "problem": ""}

    def save_keys(self, consumer_key, consumer_secret, access_token, access_token_secret, replace_other=False):
        from desk.vault import XKeys

        XKeys(consumer_key=consumer_key, consumer_secret=consumer_secret,
              access_token=access_token, access_token_secret=access_token_secret)  # the vault's own checks
        self.keys = dict(consumer_key=consumer_key, consumer_secret=consumer_secret,
                         access_token=access_token, access_token_secret=access_token_secret)
        return self.account

    def verify(self) -> VerifiedAccount:
        return self.account

    def disconnect(self) -> None:
        self.keys = None

    def set_logo_as_avatar(self) -> None:
        pass


def make_desk(folder, publisher_factory=None):
    from desk.service import Desk

    desk = Desk(folder, publisher_factory=publisher_factory)
    desk.init("المركز الإعلامي", "Media Centre", "MediaCentre", "admin", "Noura", PASSWORD)
    admin = desk.sign_in("admin", PASSWORD)
    admin.add_staff("huda", "Huda", "supervisor", PASSWORD)
    admin.add_staff("khalid", "Khalid", "supervisor", PASSWORD)
    admin.add_staff("sara", "Sara", "officer", PASSWORD)
    return desk


def as_user(desk, username):
    return desk.sign_in(username, PASSWORD)


def approved(desk, text, media=None, **extra):
    """A post Sara wrote and Khalid approved: what most publishing screens start from."""
    sara = as_user(desk, "sara")
    post_id = sara.draft(text, media or (), **extra)
    sara.submit(post_id)
    as_user(desk, "khalid").approve(post_id)
    return post_id


def page_of(open_window, desk, username, place):
    """The window of a person, at one of its places: (window, page)."""
    window = open_window(desk, username)
    window.places.go(place)
    return window, window.page[place]


@contextmanager
def null_keyring():
    """No OS keyring while the block runs (as tests/conftest.py's no_keyring fixture)."""
    import keyring.core
    from keyring.backends import null

    saved = keyring.core._keyring_backend
    keyring.core._keyring_backend = null.Keyring()
    try:
        yield
    finally:
        keyring.core._keyring_backend = saved


def read_as_text(label_text: str) -> str:
    """What a person reads: the left-to-right isolate marks around an @handle removed."""
    return label_text.replace("\u2066", "").replace("\u2069", "")


def settle(qtbot, timeout: int = 10000) -> None:
    """Wait (with the event loop running) until the background tasks have handed back."""
    from desk.ui import tasks

    qtbot.waitUntil(lambda: tasks.tracker().idle(), timeout=timeout)
