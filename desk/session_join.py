"""Workstations of a desk on a server: the office passphrase that lets one join, and
joining (the log's seal key taken into this workstation's keyring)."""

from __future__ import annotations

from desk.core import office_key
from desk.core.errors import InvalidInput, StoreError
from desk.store import chain
from desk.store.desk_keys import SEAL_KEY, DeskKeys


class JoinActs:
    """Mixed into Session, whose _require, store, desk and username it uses."""

    def _on_server(self) -> None:
        if not self.store.on_server:
            raise InvalidInput("join.only_on_server")

    def set_office_passphrase(self, passphrase: str) -> None:
        """Wrap this workstation's seal key under the passphrase for the others. Changing
        it later leaves joined workstations as they are."""
        self._require("manage_institution")
        self._on_server()
        office_key.check_passphrase(passphrase)
        key = self.desk.account.vault().seal_key(create=False)
        if key is None:
            raise InvalidInput("join.no_seal_key")
        record = office_key.wrap(key, passphrase)
        with self.store.transaction():
            DeskKeys(self.store.db).put(SEAL_KEY, record)
            chain.append(self.store.db, action="office_passphrase", actor=self.username,
                         detail={"workstation": self.desk.workstation_name()})

    def join(self, passphrase: str) -> None:
        """Take the seal key into this workstation's keyring; a wrong passphrase keeps nothing."""
        self._require("manage_institution")
        self._on_server()
        record = DeskKeys(self.store.db).get(SEAL_KEY)
        if record is None:
            raise InvalidInput("join.no_passphrase")
        key = office_key.unwrap(record, passphrase)
        self.desk.account.vault().keep_seal_key(key)
        self.desk.store.sealer.forget()
        with self.store.transaction():  # sealed with the key just kept: proof it is the log's
            chain.append(self.store.db, action="workstation_join", actor=self.username,
                         detail={"workstation": self.desk.workstation_name()})
        report = self.store.verify(seal_key=key)
        if not report.ok:
            raise StoreError(report.key, **report.params)
