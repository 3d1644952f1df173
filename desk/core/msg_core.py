"""Messages of the core rules, the store and the command line: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    # text
    "text.empty": ("The post has no text.", "المنشور بلا نص."),
    "text.too_long": (
        "The post is {length} characters long by X's count; the limit is {limit}.",
        "عدد أحرف المنشور بحساب X: {length}، والحد الأقصى: {limit}.",
    ),
    "text.bad_character": (
        "The text contains a character that cannot be published (position {position}).",
        "يحتوي النص على رمز لا يمكن نشره (في الموضع {position}).",
    ),
    "text.reply_target": ("The reply target must be an X post number.", "يجب أن يكون هدف الرد رقم منشور في X."),
    # media
    "media.too_many": ("A post carries at most {limit} images.", "يحمل المنشور {limit} صور على الأكثر."),
    "media.not_image": ("{name} is not an image the desk can read.", "الملف {name} ليس صورة يمكن قراءتها."),
    "media.kind": (
        "{name} is a {kind} image; X takes PNG, JPEG, WEBP or GIF.",
        "الصورة {name} من نوع {kind}، وX يقبل PNG أو JPEG أو WEBP أو GIF.",
    ),
    "media.too_large": (
        "{name} is {size_mb} MB; a {kind} image may be at most {limit_mb} MB.",
        "حجم {name} هو {size_mb} م.ب، والحد لصور {kind} هو {limit_mb} م.ب.",
    ),
    "media.alt_too_long": (
        "The image description is {length} characters; the limit is {limit}.",
        "طول وصف الصورة: {length}، والحد الأقصى: {limit}.",
    ),
    "media.changed": (
        "An image of post {post_id} ({name}) changed on disk after approval; it will not be sent.",
        "تغيّرت صورة في المنشور {post_id} ({name}) على القرص بعد الموافقة، ولن تُرسل.",
    ),
    "media.missing": ("The image file {name} cannot be read.", "تعذّرت قراءة ملف الصورة {name}."),
    # permissions and four eyes
    "perm.role": (
        "Only {roles} may {action}.",
        "صلاحية {action} مقصورة على: {roles}.",
    ),
    "perm.own_post": (
        "You cannot {action} a post you wrote or edited: a second person must.",
        "لا يحق لك اتخاذ قرار {action} في منشور كتبته أو حررته: يجب أن يتولى ذلك شخص آخر.",
    ),
    "perm.already_approved": (
        "You have already approved this post; it needs another approver.",
        "سبق أن وافقت على هذا المنشور، وهو يحتاج إلى موافق آخر.",
    ),
    "perm.not_author": (
        "Only the author ({author}) may {action} this post.",
        "إجراء {action} في هذا المنشور للكاتب ({author}) وحده.",
    ),
    "perm.last_admin": (
        "The desk must keep at least one active administrator.",
        "يجب أن يبقى في المكتب مسؤول نظام نشط واحد على الأقل.",
    ),
    # state
    "state.wrong": (
        "Post {post_id} is {state}: you cannot {action} it now.",
        "حالة المنشور {post_id} «{state}»، ولا يمكن إجراء {action} في هذه الحالة.",
    ),
    "state.content_changed": (
        "Post {post_id} changed after it was approved; it needs a new approval.",
        "تغيّر المنشور {post_id} بعد الموافقة عليه، ويحتاج إلى موافقة جديدة.",
    ),
    "state.conflict": (
        "Post {post_id} was changed by someone else a moment ago. Open it again and retry.",
        "غيّر شخص آخر المنشور {post_id} قبل لحظات. افتحه من جديد وأعد المحاولة.",
    ),
    "state.paused": ("Publishing is paused.", "النشر متوقف مؤقتًا."),
    "withdraw.no_id": (
        "X's number for post {post_id} is not known to the desk; delete it on X by hand.",
        "رقم المنشور {post_id} في X غير معروف للمكتب؛ احذفه من X يدويًا.",
    ),
    "publishing.stopped": (
        "The desk stopped while sending this post; it may have gone out.",
        "توقف المكتب أثناء إرسال هذا المنشور، وربما نُشر فعلًا.",
    ),
    "post.not_found": ("There is no post {post_id}.", "لا يوجد منشور برقم {post_id}."),
    "reason.required": ("Give a reason.", "اذكر السبب."),
    "comment.required": ("Write a comment for the author.", "اكتب ملاحظة للكاتب."),
    "schedule.past": (
        "The time {at} has passed; choose a time in the future.",
        "الوقت {at} قد مضى؛ اختر وقتًا في المستقبل.",
    ),
    "schedule.bad_time": (
        "{value} is not a date and time (use 2026-12-01T09:30+03:00).",
        "{value} ليس تاريخًا ووقتًا (استخدم 2026-12-01T09:30+03:00).",
    ),
    "date.bad": ("{value} is not a date (use 2026-12-01).", "{value} ليس تاريخًا (استخدم 2026-12-01)."),
    "date.order": ("The start date {start} is after the end date {end}.", "تاريخ البداية {start} بعد تاريخ النهاية {end}."),
    # sign-in and staff
    "signin.wrong": ("Wrong username or password.", "اسم المستخدم أو كلمة المرور غير صحيحة."),
    "signin.locked": (
        "Too many wrong passwords: {username} is locked until {until}.",
        "محاولات خاطئة كثيرة: الاسم {username} مقفل حتى {until}.",
    ),
    "signin.inactive": (
        "{username} has been deactivated and cannot sign in.",
        "تم إيقاف {username} ولا يمكنه تسجيل الدخول.",
    ),
    "staff.exists": ("There is already a staff member named {username}.", "يوجد موظف باسم {username} مسبقًا."),
    "staff.not_found": ("There is no staff member named {username}.", "لا يوجد موظف باسم {username}."),
    "staff.bad_username": (
        "A username is 2 to 32 letters, digits, dots, dashes or underscores.",
        "اسم المستخدم من 2 إلى 32 حرفًا أو رقمًا أو نقطة أو شرطة.",
    ),
    "staff.bad_role": ("Unknown role {role}.", "دور غير معروف: {role}."),
    "staff.bad_gender": ("Unknown gender {gender}: give f or m.", "جنس غير معروف: {gender}. اختر f (أنثى) أو m (ذكر)."),
    "staff.no_role": ("Give at least one role.", "حدّد دورًا واحدًا على الأقل."),
    "staff.name_required": ("Give the person's full name.", "اكتب الاسم الكامل للشخص."),
    "staff.weak_password": (
        "A password needs at least {min} characters.",
        "تحتاج كلمة المرور إلى {min} أحرف على الأقل.",
    ),
    "staff.inactive_target": ("{username} is deactivated.", "{username} موقوف."),
    "staff.cannot_take_drafts": (
        "{username} is neither an officer nor a supervisor, so cannot take drafts over.",
        "{username} ليس مسؤول علاقات عامة ولا مشرفًا، فلا يمكنه تسلّم المسودات.",
    ),
    "staff.same_person": ("Hand over to someone else.", "سلّم المسودات إلى شخص آخر."),
    # institution and settings
    "desk.not_initialised": (
        "This data folder has no institution yet. Run 'desk init' first.",
        "لا توجد مؤسسة في مجلد البيانات هذا بعد. شغّل 'desk init' أولًا.",
    ),
    "desk.already_initialised": (
        "This data folder already belongs to {name}.",
        "مجلد البيانات هذا مخصص مسبقًا لـ{name}.",
    ),
    "institution.name_required": ("Give the institution's Arabic and English names.", "اكتب اسم المؤسسة بالعربية والإنجليزية."),
    "institution.bad_handle": (
        "An X handle is 1 to 15 letters, digits or underscores.",
        "معرّف X من 1 إلى 15 حرفًا أو رقمًا أو شرطة سفلية.",
    ),
    "institution.bad_logo": ("The logo must be a PNG, JPEG or SVG file.", "يجب أن يكون الشعار ملف PNG أو JPEG أو SVG."),
    "setting.unknown": ("Unknown setting {key}.", "إعداد غير معروف: {key}."),
    "setting.bad_value": ("{value} is not allowed for {key}.", "القيمة {value} غير مسموحة للإعداد {key}."),
    # the X account
    "account.other_handle": (
        "These keys belong to @{found}, not to @{expected}. Confirm to connect the desk to @{found} instead.",
        "هذه المفاتيح تخص الحساب ‎@{found}‎ وليس ‎@{expected}‎. أكّد إن أردت ربط المكتب بالحساب ‎@{found}‎ بدلًا منه.",
    ),
    "account.not_connected": (
        "No X account is connected: posts go to the training timeline.",
        "لا يوجد حساب X مربوط: تذهب المنشورات إلى خط التدريب الزمني.",
    ),
    "account.logo_svg": (
        "X takes a PNG or JPEG picture; the institution's logo is an SVG file.",
        "يقبل X صورة PNG أو JPEG، وشعار المؤسسة ملف SVG.",
    ),
    "chain.checkpoint": (
        "The log no longer holds its newest event as recorded in the keyring: it was rewritten or cut short.",
        "لم يعد السجل يحتوي أحدث حدث مسجّل في مخزن المفاتيح: أُعيدت كتابته أو اقتُطع منه.",
    ),
    "chain.no_checkpoint": (
        "(No keyring checkpoint to compare with: a rewrite of the whole log would not be noticed.)",
        "(لا توجد نقطة تحقق في مخزن المفاتيح للمقارنة: لن تُكتشف إعادة كتابة السجل بأكمله.)",
    ),
    # store
    "store.locked": (
        "The database is busy in another program; tried for {seconds} seconds. Try again shortly.",
        "قاعدة البيانات مشغولة في برنامج آخر؛ انتظرنا {seconds}. أعد المحاولة بعد قليل.",
    ),
    "store.not_database": (
        "{path} is not a Posting Desk database (or it is damaged).",
        "الملف {path} ليس قاعدة بيانات لمكتب النشر (أو أنه تالف).",
    ),
    "store.read_only": (
        "The data folder {path} cannot be written to.",
        "لا يمكن الكتابة في مجلد البيانات {path}.",
    ),
    "store.newer": (
        "This database was made by a newer Posting Desk (schema {found}); update the program.",
        "أنشئت قاعدة البيانات هذه بإصدار أحدث من مكتب النشر (المخطط {found})؛ حدّث البرنامج.",
    ),
    # audit chain
    "chain.ok": ("The log is intact: {count} events checked.", "السجل سليم. عدد الأحداث المفحوصة: {count}."),
    "chain.bad_hash": (
        "Event {event_id} was changed after it was written.",
        "تم تعديل الحدث {event_id} بعد كتابته.",
    ),
    "chain.bad_link": (
        "The log is broken before event {event_id}: an event was removed, inserted or moved.",
        "السجل منقطع قبل الحدث {event_id}: حُذف حدث أو أُدرج أو نُقل.",
    ),
    "chain.bad_post": (
        "Post {post_id} does not match its own history (last event {event_id}).",
        "المنشور {post_id} لا يطابق سجله (آخر حدث {event_id}).",
    ),
    # command line
    "cli.password": ("Password for {username}: ", "كلمة المرور لـ{username}: "),
    "cli.no_password": ("No password was given.", "لم تُدخل كلمة مرور."),
    "cli.done": ("Post {post_id}: {state}.", "المنشور {post_id}: {state}."),
    "cli.due_none": ("No post is due.", "لا توجد منشورات مستحقة."),
    "cli.text_file": ("The text file {path} cannot be read.", "تعذّرت قراءة ملف النص {path}."),
    "cli.exported": ("{count} posts written to {path}.", "عدد المنشورات المكتوبة في {path}: {count}."),
    "cli.unexpected": (
        "Something went wrong inside the desk ({kind}); nothing more was changed. Set DESK_DEBUG=1 for details.",
        "حدث خطأ داخل المكتب ({kind})؛ لم يتغير شيء آخر. اضبط DESK_DEBUG=1 لمعرفة التفاصيل.",
    ),
    "cli.alt_count": ("Give one --alt for each --image.", "أضف --alt واحدًا لكل --image."),
}
