"""The window writes the audit checkpoint from a thread of its own, newest hash last."""

import threading

from desk.account import Account
from desk.store.anchor import Anchor


class SlowKeyring:
    def __init__(self):
        self.kept = []
        self.release = threading.Event()

    def set_anchor(self, value):
        self.release.wait(5)
        self.kept.append(value["head"])


def test_commits_do_not_wait_for_the_keyring_and_the_newest_hash_is_kept(monkeypatch):
    keyring = SlowKeyring()
    account = Account(desk=None, checkpoint_in_background=True)
    monkeypatch.setattr(account, "vault", lambda unlock_timeout=None: keyring)
    account._folder_noted = True  # no desk folder to note in this keyring

    for n in range(5):
        account.save_checkpoint(Anchor("d", "Office", n, f"{n:064x}"))  # returns at once although the keyring is stuck
    assert keyring.kept == []
    keyring.release.set()
    account.flush(5)

    assert keyring.kept[-1] == f"{4:064x}"
    assert len(keyring.kept) <= 2  # the ones in between were superseded, not queued
