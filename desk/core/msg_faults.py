"""Messages of publishing under faults: the keyring, X's lag, withdrawals outside the desk: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    "due.blocked": (
        "Post {post_id} is due but was not sent: {why} It stays scheduled and will be passed over on "
        "every run until a supervisor acts on it.",
        "حان موعد المنشور {post_id} ولم يُرسَل: {why} وسيبقى مجدولًا ويُتجاوَز في كل تشغيل إلى أن "
        "يتصرّف فيه أحد المشرفين.",
    ),
}
