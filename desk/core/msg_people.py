"""Messages of people: password resets, handover, lockout, sign-in refusals: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    # one answer for every refused sign-in: it must not tell whether the name exists or is locked
    "signin.refused": (
        "Wrong username or password, or the name is locked for {minutes} minutes after too many wrong passwords.",
        "اسم المستخدم أو كلمة المرور غير صحيحة، أو أن الاسم مقفل {minutes} بعد محاولات خاطئة كثيرة.",
    ),
    "approval.more_needed": (
        "Post {post_id} has {have} of the {need} approvals the desk now asks for: "
        "another supervisor must approve it before it can be scheduled or published.",
        "المنشور {post_id} نال {have} من {need} موافقات يطلبها المكتب الآن: "
        "يلزم أن يوافق عليه مشرف آخر قبل جدولته أو نشره.",
    ),
    "password.must_change": (
        "{username} signed in with a one-time password: choose a new password first (desk password --as {username}).",
        "سجّل {username} الدخول بكلمة مرور لمرة واحدة: اختر كلمة مرور جديدة أولًا (desk password --as {username}).",
    ),
    "password.old_wrong": ("The current password is wrong.", "كلمة المرور الحالية غير صحيحة."),
    "password.same": (
        "The new password must differ from the current one.",
        "يجب أن تختلف كلمة المرور الجديدة عن الحالية.",
    ),
    "reset.own": (
        "An administrator cannot reset their own password: change it with desk password.",
        "لا يمكن للمدير إعادة تعيين كلمة مروره بنفسه: غيّرها بالأمر desk password.",
    ),
    "reset.needs_other_admin": (
        "The reset of {username}'s password waits for another administrator to confirm it.",
        "إعادة تعيين كلمة مرور {username} بانتظار تأكيد مدير آخر.",
    ),
    "reset.waiting": (
        "Reset requested: another administrator must confirm it (desk staff password {username} --as THEM).",
        "طُلبت إعادة التعيين: يلزم أن يؤكدها مدير آخر (desk staff password {username} --as اسمه).",
    ),
    "reset.one_time": (
        "One-time password for {username} (shown only now; it must be changed at the next sign-in):",
        "كلمة مرور لمرة واحدة للمستخدم {username} (تظهر الآن فقط، ويجب تغييرها عند تسجيل الدخول التالي):",
    ),
    "reset.notice": (
        "Your password was reset by {by} at {at}.",
        "أعاد {by} تعيين كلمة مرورك في {at}.",
    ),
    "reset.notice_actions": (
        "Actions taken in your name since then: {count}",
        "الإجراءات التي اتُّخذت باسمك منذ ذلك الحين: {count}",
    ),
    "password.changed": ("Password changed.", "تم تغيير كلمة المرور."),
}
