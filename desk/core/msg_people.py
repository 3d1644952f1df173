"""Messages of people: password resets, handover, lockout, sign-in refusals: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
}
