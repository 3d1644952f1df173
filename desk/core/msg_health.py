"""Messages of the data folder and the database file: damage, full disk, backups, read-only copies: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
}
