"""Messages of the export area: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    # writing an export
    "export.unknown_format": (
        "Unknown export format “{fmt}”; choose one of {formats}.",
        "صيغة التصدير «{fmt}» غير معروفة؛ اختر إحدى الصيغ: {formats}.",
    ),
    "export.bad_period": (
        "The period starts ({start}) after it ends ({end}).",
        "تبدأ الفترة ({start}) بعد نهايتها ({end}).",
    ),
    "export.no_folder": (
        "The folder {folder} does not exist; nothing was written.",
        "المجلد {folder} غير موجود؛ لم يُكتب شيء.",
    ),
    "export.is_folder": (
        "{path} is a folder; give a file name to export to.",
        "{path} مجلد؛ أدخل اسم ملف للتصدير إليه.",
    ),
    "export.not_writable": (
        "The desk may not write to {path}; nothing was written.",
        "لا يُسمح بالكتابة في {path}؛ لم يُكتب شيء.",
    ),
    "export.disk_full": (
        "The disk is full; the export to {path} was not written.",
        "القرص ممتلئ؛ لم يُكتب التصدير إلى {path}.",
    ),
    "export.write_failed": (
        "The export to {path} could not be written ({reason}); nothing was left behind.",
        "تعذّرت كتابة التصدير إلى {path} ({reason})؛ ولم يُترك أي ملف ناقص.",
    ),
    "export.cancelled": ("The export was cancelled; no file was written.", "أُلغي التصدير؛ لم يُكتب أي ملف."),
    # checking an exported JSON log without the database
    "export.verify.ok": (
        "The export is intact: {count} events and {rows} rows check out.",
        "ملف التصدير سليم. الأحداث المفحوصة: {count}، والصفوف: {rows}.",
    ),
    "export.verify.missing": ("The file {path} does not exist.", "الملف {path} غير موجود."),
    "export.verify.folder": ("{path} is a folder: name the exported JSON file inside it.",
                             "{path} مجلد: اذكر ملف السجل المصدَّر (JSON) الذي فيه."),
    "export.verify.unreadable": (
        "{path} cannot be read as an exported log ({reason}).",
        "تعذّرت قراءة {path} بوصفه سجلًا مُصدَّرًا ({reason}).",
    ),
    "export.verify.wrong_format": (
        "{path} is not a Posting Desk log export.",
        "{path} ليس سجلًا مُصدَّرًا من مكتب النشر.",
    ),
    "export.verify.event_changed": (
        "Event {event_id} was changed: its contents no longer match its hash.",
        "تغيّر الحدث {event_id}: لم يعد محتواه يطابق بصمته.",
    ),
    "export.verify.event_incomplete": (
        "Event {event_id} is damaged: it lacks {field}.",
        "الحدث {event_id} تالف: ينقصه الحقل {field}.",
    ),
    "export.verify.chain_broken": (
        "The chain breaks at event {event_id}: it does not follow event {prev_id}; "
        "an event was changed, removed or inserted.",
        "تنقطع السلسلة عند الحدث {event_id}: لا يلي الحدث {prev_id}؛ "
        "فقد غُيّر حدث أو حُذف أو أُدرج.",
    ),
    "export.verify.gap": (
        "Events are missing: event {event_id} comes after event {prev_id}.",
        "توجد أحداث ناقصة: الحدث {event_id} يأتي بعد الحدث {prev_id}.",
    ),
    "export.verify.row_mismatch": (
        "The row for post {post_id} does not match its events ({field}).",
        "صف المنشور {post_id} لا يطابق أحداثه ({field}).",
    ),
    "export.verify.row_without_events": (
        "The row for post {post_id} has no events in the file.",
        "صف المنشور {post_id} ليست له أحداث في الملف.",
    ),
    # words printed in the PDF and the Excel file
    "export.doc.title": ("Log of posts", "سجل المنشورات"),
    "export.doc.training": ("TRAINING — nothing here was posted on X", "تدريب — لم يُنشر شيء من هذا على X"),
    "export.doc.training_row": ("training: not on X", "تدريب: لم يُنشر على X"),
    "export.doc.period": ("Period", "الفترة"),
    "export.doc.period_all": ("all posts", "جميع المنشورات"),
    "export.doc.period_from": ("from {start}", "من {start}"),
    "export.doc.period_to": ("until {end}", "حتى {end}"),
    "export.doc.period_range": ("{start} to {end}", "من {start} إلى {end}"),
    "export.doc.filter": ("Filter", "التصفية"),
    "export.doc.filter_none": ("none", "بلا تصفية"),
    "export.doc.exported": ("Exported by {name} ({user}) on {local} ({hijri})", "صدّره {name} ({user}) في {local} ({hijri})"),
    "export.doc.count": ("{count} posts", "عدد المنشورات: {count}"),
    "export.doc.empty": ("No posts in this period.", "لا منشورات في هذه الفترة."),
    "export.doc.page": ("Page {page} of {pages}", "صفحة {page} من {pages}"),
    "export.doc.sign_reviewed": ("Reviewed by", "راجعه"),
    "export.doc.sign_signature": ("Signature", "التوقيع"),
    "export.doc.sign_date": ("Date", "التاريخ"),
    "export.doc.handle": ("Account", "الحساب"),
    "export.doc.col_id": ("No.", "الرقم"),
    "export.doc.col_text": ("Text", "النص"),
    "export.doc.col_author": ("Written by", "الكاتب"),
    "export.doc.col_approval": ("Approved by", "المعتمِد"),
    "export.doc.col_published": ("Published", "النشر"),
    "export.doc.col_state": ("State", "الحالة"),
    "export.doc.images": ("{count} images", "الصور: {count}"),
    "export.doc.by": ("by {who}", "بواسطة {who}"),
    "export.doc.reason": ("Reason: {reason}", "السبب: {reason}"),
    "export.doc.sheet_posts": ("Posts", "المنشورات"),
    "export.doc.sheet_about": ("About", "عن التصدير"),
    "export.doc.institution": ("Institution", "الجهة"),
    "export.doc.exported_at": ("Exported at", "وقت التصدير"),
    "export.doc.exported_by": ("Exported by", "صدّره"),
    "export.doc.rows": ("Rows", "عدد الصفوف"),
    "export.doc.times_note": (
        "Columns ending in _at are UTC; _local columns are in the workstation's time zone; "
        "_hijri columns are Umm al-Qura dates.",
        "الأعمدة المنتهية بـ _at بالتوقيت العالمي؛ وأعمدة _local بتوقيت الجهاز؛ "
        "وأعمدة _hijri بتقويم أم القرى.",
    ),
    # the export covered whole, and held against the desk's own chain
    "export.verify.ok_alone": (
        "The export is intact, checked on its own: {count} events and {rows} rows check out, "
        "header included. No desk was at hand to hold it against.",
        "ملف التصدير سليم بفحصه وحده: الأحداث المفحوصة {count}، والصفوف {rows}، وفُحصت الترويسة أيضًا. "
        "ولم يتوفر مكتب لمقابلة الملف بسجله.",
    ),
    "export.verify.ok_desk": (
        "The export is intact and matches export event {event_id} of the desk's log in {folder}: "
        "{count} events and {rows} rows check out, header included.",
        "ملف التصدير سليم ويطابق حدث التصدير {event_id} في سجل المكتب في {folder}: "
        "الأحداث المفحوصة {count}، والصفوف {rows}، وفُحصت الترويسة أيضًا.",
    ),
    "export.verify.ok_other_desk": (
        "The export is intact, checked on its own: {count} events and {rows} rows check out, header included. "
        "The desk in {folder} is not the one it came from, so it was not held against a desk's log.",
        "ملف التصدير سليم بفحصه وحده: الأحداث المفحوصة {count}، والصفوف {rows}، وفُحصت الترويسة أيضًا. "
        "والمكتب الموجود في {folder} ليس المكتب الذي صدر عنه الملف، فلم يُقابَل بسجله.",
    ),
    "export.verify.old_version": (
        "{path} was written by an older version of the desk (format {version}), whose header is not covered; "
        "export the log again.",
        "كُتب {path} بإصدار أقدم من المكتب (الصيغة {version})، وترويسته غير محمية؛ فأعد تصدير السجل.",
    ),
    "export.verify.document_missing": (
        "The export lacks its rows, its events or its closing document hash.",
        "ينقص ملفَّ التصدير صفوفُه أو أحداثه أو بصمة المستند في خاتمته.",
    ),
    "export.verify.document_changed": (
        "The document hash does not match the file: its header (institution, who exported it, when, "
        "the filter), a row or an event was changed after the export.",
        "بصمة المستند لا تطابق الملف: فقد غُيّرت ترويسته (الجهة، أو من صدّره، أو وقت التصدير، أو التصفية) "
        "أو أحد صفوفه أو أحداثه بعد التصدير.",
    ),
    "export.verify.document_mismatch": (
        "The file's closing document does not describe what it holds ({field}).",
        "خاتمة الملف لا تصف ما فيه ({field}).",
    ),
    "export.verify.row_twice": (
        "Post {post_id} has two rows in the file.",
        "للمنشور {post_id} صفّان في الملف.",
    ),
    "export.verify.row_incomplete": (
        "The row for post {post_id} lacks {field}.",
        "ينقص صفَّ المنشور {post_id} الحقلُ {field}.",
    ),
    "export.verify.events_without_row": (
        "Post {post_id} has its events in the file but no row: a row was removed.",
        "للمنشور {post_id} أحداث في الملف بلا صف: فقد حُذف صفّه.",
    ),
    "export.verify.outside_filter": (
        "The row for post {post_id} falls outside the export's own filter ({field}): a row was added.",
        "صف المنشور {post_id} خارج تصفية التصدير نفسه ({field}): فقد أُضيف صف.",
    ),
    "export.verify.desk_differs": (
        "Event {event_id} of the file differs from the desk's own log in {folder}: the file's chain was "
        "changed or made anew.",
        "الحدث {event_id} في الملف يخالف سجل المكتب نفسه في {folder}: فقد غُيّرت سلسلة الملف أو صُنعت من جديد.",
    ),
    "export.verify.not_exported": (
        "No export event in the desk's log in {folder} names this file (sha256 {sha256}): "
        "it was changed after it was written.",
        "لا يذكر أيُّ حدث تصدير في سجل المكتب في {folder} هذا الملف (بصمته {sha256}): فقد غُيّر بعد كتابته.",
    ),
    "export.verify.export_event_differs": (
        "Export event {event_id} names this file, but a different stretch of the chain than the file holds.",
        "حدث التصدير {event_id} يذكر هذا الملف، لكن بمقطع من السلسلة غير الذي يحويه الملف.",
    ),
}
