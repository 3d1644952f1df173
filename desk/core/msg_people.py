"""Messages of people: password resets, handover, lockout, sign-in refusals: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    # one answer for every refused sign-in: it must not tell whether the name exists or is locked
    "signin.refused": (
        "Wrong username or password, or the name is locked for {minutes} minutes after too many wrong passwords.",
        "اسم المستخدم أو كلمة المرور غير صحيحة، أو أن الاسم مقفل {minutes} دقيقة بعد محاولات خاطئة كثيرة.",
    ),
    "approval.more_needed": (
        "Post {post_id} has {have} of the {need} approvals the desk now asks for: "
        "another supervisor must approve it before it can be scheduled or published.",
        "المنشور {post_id} نال {have} من {need} موافقات يطلبها المكتب الآن: "
        "يلزم أن يوافق عليه مشرف آخر قبل جدولته أو نشره.",
    ),
}
