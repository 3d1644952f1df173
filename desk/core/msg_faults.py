"""Messages of publishing under faults: the keyring, X's lag, withdrawals outside the desk: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
}
