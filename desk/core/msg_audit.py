"""Messages of the audit log: seals, anchors, rows checked against the chain, exports: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
}
