"""Messages of the audit log: seals, anchors, rows checked against the chain, exports: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    "audit.not_sealed": (
        "(The log is not sealed: no keyring has held a seal key for this desk, so events added outside the "
        "program would not be noticed.)",
        "(السجل غير مختوم: لم يحفظ أي مخزن مفاتيح مفتاح ختم لهذا المكتب، فلن تُكتشف أحداث أضيفت من خارج البرنامج.)",
    ),
    "chain.bad_seal": (
        "Event {event_id} does not carry the desk's seal: it was written or changed outside the program.",
        "الحدث {event_id} لا يحمل ختم المكتب: كُتب أو عُدّل خارج البرنامج.",
    ),
    "audit.seal_unavailable": (
        "The log is sealed with a key kept in this computer's keyring, and the keyring cannot be reached now "
        "(it is locked, there is no desktop session, or it is another user's keyring). Unlock the keyring or "
        "run the desk from the desktop session. Nothing was changed.",
        "السجل مختوم بمفتاح محفوظ في مخزن المفاتيح على هذا الحاسوب، ولا يمكن الوصول إلى المخزن الآن "
        "(فهو مقفل، أو لا توجد جلسة سطح مكتب، أو أنه مخزن مستخدم آخر). افتح قفل المخزن أو شغّل المكتب "
        "من جلسة سطح المكتب. لم يتغير شيء.",
    ),
    "audit.seals_checked": (
        "Every event from event {first} on carries the desk's seal.",
        "كل الأحداث ابتداءً من الحدث {first} تحمل ختم المكتب.",
    ),
    "audit.seals_no_keyring": (
        "(Seals not checked: the keyring cannot be reached. Events added outside the program would not be noticed.)",
        "(لم تُفحص الأختام لتعذّر الوصول إلى مخزن المفاتيح، فلن تُكتشف أحداث أضيفت من خارج البرنامج.)",
    ),
    "audit.seals_no_key": (
        "(Seals not checked: this keyring does not hold the desk's seal key.)",
        "(لم تُفحص الأختام: مخزن المفاتيح هذا لا يحوي مفتاح ختم المكتب.)",
    ),
    "audit.no_anchor_file": (
        "(No anchor file beside the database yet: the next change writes one.)",
        "(لا يوجد ملف إرساء بجانب قاعدة البيانات بعد، وسيُكتب مع أول تغيير قادم.)",
    ),
    "audit.anchor_covers": (
        "The anchor file beside the database covers {covered} of the {count} events.",
        "ملف الإرساء بجانب قاعدة البيانات يغطي من أحداث السجل {covered}، وعددها الكلي {count}.",
    ),
    "audit.checkpoint_covers": (
        "The keyring's checkpoint covers {covered} of the {count} events.",
        "نقطة التحقق في مخزن المفاتيح تغطي من أحداث السجل {covered}، وعددها الكلي {count}.",
    ),
    "audit.checkpoint_legacy": (
        "(The keyring's checkpoint is of an older kind, without the log's length: the next change replaces it.)",
        "(نقطة التحقق في مخزن المفاتيح من نوع أقدم لا يذكر طول السجل، وسيستبدلها أول تغيير قادم.)",
    ),
    "audit.database_gone": (
        "The database of the desk “{name}” is missing from this folder; its anchor file says the log held "
        "{events} events. Restore the newest backup (desk restore).",
        "قاعدة بيانات المكتب «{name}» مفقودة من هذا المجلد، وملف الإرساء يذكر أن عدد أحداث السجل كان {events}. "
        "استعد أحدث نسخة احتياطية (desk restore).",
    ),
    "audit.database_emptied": (
        "The database in this folder holds no desk, yet its anchor file says the desk “{name}” had {events} "
        "events: the database was emptied or replaced. Restore the newest backup (desk restore).",
        "قاعدة البيانات في هذا المجلد لا تضم أي مكتب، مع أن ملف الإرساء يذكر أن عدد أحداث المكتب «{name}» "
        "كان {events}: أُفرغت قاعدة البيانات أو استُبدلت. استعد أحدث نسخة احتياطية (desk restore).",
    ),
    "audit.folder_wiped": (
        "This folder held the desk “{name}”, as the keyring remembers, with {events} events in its log; its "
        "database and anchor are gone. Restore the newest backup (desk restore).",
        "يتذكر مخزن المفاتيح أن هذا المجلد كان يضم المكتب «{name}» وأن عدد أحداث سجله كان {events}، "
        "وقد اختفت قاعدة بياناته وملف إرسائه. استعد أحدث نسخة احتياطية (desk restore).",
    ),
    "audit.no_events": (
        "The desk “{name}” was set up, yet its log holds no events: the log was emptied.",
        "أُعدّ المكتب «{name}» لكن سجله خالٍ من الأحداث: لقد أُفرغ السجل.",
    ),
    "audit.anchor_unreadable": (
        "The anchor file beside the database is damaged or was edited.",
        "ملف الإرساء بجانب قاعدة البيانات تالف أو عُدّل.",
    ),
    "audit.anchor_forged": (
        "The anchor file beside the database does not carry the desk's seal: it was written outside the program.",
        "ملف الإرساء بجانب قاعدة البيانات لا يحمل ختم المكتب: كُتب من خارج البرنامج.",
    ),
    "audit.anchor_other_desk": (
        "The anchor file beside the database belongs to another desk (“{name}”): the database was replaced.",
        "ملف الإرساء بجانب قاعدة البيانات يخص مكتبًا آخر («{name}»): استُبدلت قاعدة البيانات.",
    ),
    "audit.cut_short": (
        "The log was cut short or rewritten: the anchor file says it reached event {expected}, the database "
        "holds {found}.",
        "اقتُطع السجل أو أُعيدت كتابته: يذكر ملف الإرساء أنه بلغ الحدث {expected}، وفي قاعدة البيانات {found}.",
    ),
    "audit.cut_short_keyring": (
        "The log was cut short or rewritten: the keyring's checkpoint says it reached event {expected}, the "
        "database holds {found}.",
        "اقتُطع السجل أو أُعيدت كتابته: تذكر نقطة التحقق في مخزن المفاتيح أنه بلغ الحدث {expected}، وفي قاعدة "
        "البيانات {found}.",
    ),
    "audit.seal_start_moved": (
        "The log was rewritten: it no longer starts its seals where the keyring says.",
        "أُعيدت كتابة السجل: لم تعد أختامه تبدأ حيث يذكر مخزن المفاتيح.",
    ),
    "audit.post_deleted": (
        "Post {post_id} is in the log, but its row was deleted from the database.",
        "المنشور {post_id} مذكور في السجل، لكن صفّه حُذف من قاعدة البيانات.",
    ),
    "audit.post_row": (
        "The {field} of post {post_id} in the database does not match the log: it was changed outside the program.",
        "قيمة «{field}» للمنشور {post_id} في قاعدة البيانات لا تطابق السجل: عُدّلت من خارج البرنامج.",
    ),
    "audit.version_row": (
        "A stored version of post {post_id} does not match the log: it was changed outside the program.",
        "إحدى النسخ المحفوظة من المنشور {post_id} لا تطابق السجل: عُدّلت من خارج البرنامج.",
    ),
    "audit.staff_row": (
        "The {field} of staff member {username} in the database does not match the log: it was changed outside "
        "the program.",
        "قيمة «{field}» لعضو الفريق {username} في قاعدة البيانات لا تطابق السجل: عُدّلت من خارج البرنامج.",
    ),
    "audit.staff_deleted": (
        "Staff member {username} is in the log, but their record was deleted from the database.",
        "عضو الفريق {username} مذكور في السجل، لكن سجله حُذف من قاعدة البيانات.",
    ),
    "audit.setting_row": (
        "The setting {key} in the database does not match the log: it was changed outside the program.",
        "الإعداد {key} في قاعدة البيانات لا يطابق السجل: عُدّل من خارج البرنامج.",
    ),
    "audit.institution_row": (
        "The institution's {field} in the database does not match the log: it was changed outside the program.",
        "قيمة «{field}» للمؤسسة في قاعدة البيانات لا تطابق السجل: عُدّلت من خارج البرنامج.",
    ),
    "audit.refused_tampered": (
        "This was refused because the database no longer matches the log. {problem} Run desk verify.",
        "رُفض هذا الإجراء لأن قاعدة البيانات لم تعد تطابق السجل. {problem} شغّل desk verify.",
    ),
}
