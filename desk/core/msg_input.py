"""Messages of bad input refused at the door: text, images, times, names: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
}
