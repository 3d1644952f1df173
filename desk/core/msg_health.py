"""Messages of the data folder and the database file: damage, full disk, backups, read-only copies: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    "store.no_desk": (
        "No desk in {path}: mistyped? `desk init` creates one.",
        "لا يوجد مكتب نشر في {path}: هل أخطأت في كتابة المسار؟ الأمر `desk init` ينشئ مكتبًا جديدًا.",
    ),
    "store.disk_full": (
        "The disk holding {path} is full: nothing was saved. Free some space and try again.",
        "القرص الذي يحوي {path} ممتلئ، فلم يُحفظ شيء. أفرغ بعض المساحة ثم أعد المحاولة.",
    ),
    "store.intact": (
        "The database file passed SQLite's full integrity check.",
        "اجتاز ملف قاعدة البيانات فحص السلامة الكامل في SQLite.",
    ),
    "store.write_failed": (
        "Writing to the disk holding {path} failed, so nothing was saved. The disk may be failing or "
        "removed: check it, then try again.",
        "تعذّرت الكتابة على القرص الذي يحوي {path}، فلم يُحفظ شيء. ربما يكون القرص معطّلًا أو منزوعًا: "
        "افحصه ثم أعد المحاولة.",
    ),
    "store.loose_mode": (
        "Others can open the data folder {path}, and its permissions cannot be tightened to the owner only. "
        "Make it private (chmod 700) and try again.",
        "يستطيع غيرك فتح مجلد البيانات {path}، وتعذّر قصر صلاحياته على مالكه. "
        "اجعله خاصًا بك (chmod 700) ثم أعد المحاولة.",
    ),
    "store.read_only_copy": (
        "The data folder {path} is read-only: the log can be read, shown, exported elsewhere and verified, "
        "but nothing can be changed here.",
        "مجلد البيانات {path} للقراءة فقط: يمكن عرض السجل وتصديره إلى مكان آخر والتحقق منه، "
        "لكن لا يمكن تغيير شيء فيه.",
    ),
    "store.read_only_old": (
        "The read-only data folder {path} was made by an older Posting Desk (schema {found}) and cannot be "
        "updated in place: copy it somewhere writable first.",
        "أنشئ مجلد البيانات {path} المخصص للقراءة فقط بإصدار أقدم من مكتب النشر (المخطط {found})، "
        "ولا يمكن تحديثه في مكانه: انسخه أولًا إلى مكان قابل للكتابة.",
    ),
    "store.damaged": (
        "The database {path} is damaged in {parts_en}. Restore the newest backup: "
        "desk restore {backup} --as ADMINISTRATOR (the current file is kept aside first).",
        "قاعدة البيانات {path} تالفة في: {parts_ar}. استرجع أحدث نسخة احتياطية: "
        "desk restore {backup} --as ADMINISTRATOR (يُحتفظ بالملف الحالي جانبًا أولًا).",
    ),
    "store.damaged_no_backup": (
        "The database {path} is damaged in {parts_en}, and the data folder holds no backup. "
        "Restore a copy of the data folder from the institution's own backups.",
        "قاعدة البيانات {path} تالفة في: {parts_ar}، ولا توجد في مجلد البيانات أي نسخة احتياطية. "
        "استرجع نسخة من مجلد البيانات من النسخ الاحتياطية لدى المؤسسة.",
    ),
    "store.damaged_unknown": (
        "The database {path} is damaged. Run `desk verify` to see which part, then restore the newest backup "
        "from the backups folder.",
        "قاعدة البيانات {path} تالفة. شغّل `desk verify` لمعرفة الجزء التالف، ثم استرجع أحدث نسخة احتياطية "
        "من مجلد النسخ الاحتياطية.",
    ),
    "store.damaged_search": (
        "The search index of {path} is damaged and could not be rebuilt here (the folder is read-only or "
        "the damage goes deeper); the posts and the log are intact. Open the desk from a writable copy, "
        "which rebuilds the index, or restore the newest backup.",
        "فهرس البحث في {path} تالف وتعذّرت إعادة بنائه هنا (المجلد للقراءة فقط أو الضرر أعمق)، "
        "أما المنشورات والسجل فسليمة. افتح المكتب من نسخة قابلة للكتابة لتُعاد بناء الفهرس، "
        "أو استرجع أحدث نسخة احتياطية.",
    ),
    "backup.made": (
        "Backup written to {path}. It holds the database (staff with their password hashes, posts, the log, "
        "settings); the images in {media} are not inside it: copy that folder too.",
        "كُتبت النسخة الاحتياطية في {path}. تضم قاعدة البيانات (الموظفين وبصمات كلمات مرورهم، والمنشورات، "
        "والسجل، والإعدادات)؛ أما الصور في {media} فليست ضمنها، فانسخ ذلك المجلد أيضًا.",
    ),
    "backup.exists": ("{path} already exists; choose another file.", "الملف {path} موجود مسبقًا؛ اختر ملفًا آخر."),
    "restore.missing": ("There is no backup file {path}.", "لا يوجد ملف نسخة احتياطية باسم {path}."),
    "restore.damaged": (
        "{path} is damaged or is not a Posting Desk backup; nothing was changed.",
        "الملف {path} تالف أو ليس نسخة احتياطية لمكتب النشر؛ لم يتغير شيء.",
    ),
    "restore.other_desk": (
        "{path} is a backup of another desk; nothing was changed.",
        "الملف {path} نسخة احتياطية لمكتب آخر؛ لم يتغير شيء.",
    ),
    "restore.tampered": (
        "The log inside {path} does not verify: the backup was altered; nothing was changed.",
        "السجل داخل الملف {path} لا يجتاز التحقق، فالنسخة الاحتياطية معدّلة؛ لم يتغير شيء.",
    ),
    "restore.done": (
        "Restored from {path}. The database as it was is kept in {kept}.",
        "اكتمل الاسترجاع من {path}، وحُفظت قاعدة البيانات كما كانت في {kept}.",
    ),
}
