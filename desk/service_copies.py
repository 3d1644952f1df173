"""What a Desk does with whole copies of itself: backups, restoring one, and moving the
desk from this folder to an office's server. Mixed into desk.service.Desk."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desk.core.errors import InvalidInput, StoreError

if TYPE_CHECKING:
    from desk.session import Session


class Copies:
    """Uses the Desk's store, folder, database, account and require_institution."""

    # backups -------------------------------------------------------------------
    def backup(self, session: "Session", out=None) -> Path:
        """A copy of the database (password hashes included): administrators only."""
        from desk.core import roles as role_rules

        role_rules.require(session.member.roles, "manage_institution")
        return self.store.backup(Path(out) if out else None)

    def restore(self, session: "Session", file) -> Path:
        """Put a checked backup of this desk in place; the current database is kept aside first."""
        from desk.core import roles as role_rules
        from desk.store import backups, chain

        role_rules.require(session.member.roles, "manage_institution")
        if self.store.on_server:
            raise StoreError("move.restore_on_server")
        self.store.require_writable()
        source, report = backups.check_backup(Path(file), self.require_institution()["desk_id"])
        try:
            kept = backups.restore_into(source, self.store.db.conn, self.folder)
        finally:
            source.close()
        with self.store.transaction():
            chain.append(self.store.db, action="restore", actor=session.username,
                         detail={"file": Path(file).name, "events": report.count, "kept": kept.name})
        return kept

    # moving to a server ------------------------------------------------------
    def move_to(self, session: "Session", url: str, progress=None):
        """Copy this folder's desk into the empty PostgreSQL database at ``url`` (desk.store.move);
        the folder's desk is read-only afterwards. Administrators only."""
        from desk import server_login
        from desk.core import roles as role_rules
        from desk.store import move, pg

        role_rules.require(session.member.roles, "move_desk")
        if self.store.on_server:
            raise InvalidInput("move.already_on_server", place=pg.place(self.database))
        self.store.require_writable()
        pg.check_url(url)
        key = None
        if self.store.sealed_from() is not None:  # the moved events are sealed like every other
            self.store.sealer.prepare()
            key = self.store.sealer.key(True)
        report = move.move_to(self.folder, url, server_login.password_for(url), progress,
                              actor=session.username, seal_key=key)
        self.store.note_moved()
        self.account.save_checkpoint(report.anchor)  # the same desk id: one checkpoint for both
        return report

