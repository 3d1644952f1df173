"""Messages of bad input refused at the door: text, images, times, names: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    # text
    "text.invisible": (
        "The post shows nothing: its text is only spaces or invisible characters.",
        "المنشور لا يُظهر شيئًا: نصه مسافات أو رموز غير مرئية فقط.",
    ),
    "text.far_too_long": (
        "The text is far too long ({length} characters); no post on X may pass {limit}.",
        "النص أطول بكثير مما يقبله X: عدد أحرفه {length}، ولا يتجاوز أي منشور على X حدّ {limit}.",
    ),
    "reason.too_long": (
        "The reason is {length} characters long; keep it within {limit}.",
        "السبب أطول مما ينبغي: عدد أحرفه {length}، والحد الأقصى {limit}.",
    ),
    "reason.bad_character": (
        "The reason contains a control character (position {position}); write plain words and line breaks only.",
        "يحتوي السبب على رمز تحكم (في الموضع {position})؛ اكتب كلمات عادية وأسطرًا جديدة فقط.",
    ),
    # names
    "staff.name_invisible": (
        "The name shows nothing: it is only spaces or invisible characters.",
        "الاسم لا يُظهر شيئًا: فيه مسافات أو رموز غير مرئية فقط.",
    ),
    "staff.name_too_long": (
        "The name is {length} characters long; the limit is {limit}.",
        "الاسم أطول مما ينبغي: عدد أحرفه {length}، والحد الأقصى {limit}.",
    ),
    # ids and times
    "post.bad_id": (
        "{value} is not a post number the desk could have given.",
        "الرقم {value} لا يصلح رقمًا لمنشور في المكتب.",
    ),
    "schedule.out_of_range": (
        "{value} lies outside the dates the desk can handle.",
        "{value} خارج نطاق التواريخ التي يتعامل معها المكتب.",
    ),
    "schedule.too_far": (
        "{at} is more than {days} days ahead; the office's setting schedule_max_days allows at most {days}.",
        "الموعد {at} أبعد مما يسمح به إعداد المكتب schedule_max_days (عدد الأيام المسموح بها: {days}).",
    ),
    # images
    "media.too_many_pixels": (
        "{name} is {width} × {height} pixels; X takes images of at most {max_side} pixels a side.",
        "أبعاد {name} هي {width} × {height} بكسل، وX يقبل صورًا لا يتجاوز ضلعها {max_side} بكسل.",
    ),
    "media.bomb": (
        "{name} holds far more pixels than any image X takes (at most {max_side} pixels a side); it was not opened.",
        "تحوي {name} بكسلات تفوق بكثير ما يقبله X (لا يتجاوز ضلع الصورة {max_side} بكسل)، ولم تُفتح.",
    ),
    "media.file_missing": (
        "An image of post {post_id} ({name}) is missing from the data folder's media folder; "
        "restore the file from a backup, or edit the post and add the image again.",
        "صورة في المنشور {post_id} ({name}) مفقودة من مجلد الصور في مجلد البيانات؛ "
        "استرجع الملف من نسخة احتياطية، أو عدّل المنشور وأضف الصورة من جديد.",
    ),
    # export
    "export.doc.cut": (
        "… [cut: {length} characters in all; the full text is in the CSV, XLSX and JSON exports]",
        "… [نص مقتطع، عدد أحرفه كاملًا {length}؛ النص الكامل في ملفات CSV وXLSX وJSON]",
    ),
}
