"""Messages about videos, GIFs, caption files and their upload to X: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    "media.not_media": (
        "{name} is not an image, a GIF, an MP4 video or a SubRip caption file the desk can read.",
        "الملف {name} ليس صورة ولا GIF ولا فيديو MP4 ولا ملف ترجمة SubRip يمكن قراءته.",
    ),
    "media.video_too_large": (
        "{name} is {size_mb} MB; a video may be at most {limit_mb} MB.",
        "حجم {name} هو {size_mb} م.ب، والحد الأقصى للفيديو {limit_mb} م.ب.",
    ),
    "media.video_kind": (
        "{name} is not an MP4 video; X takes videos as MP4.",
        "الملف {name} ليس فيديو MP4، وX يقبل الفيديو بصيغة MP4.",
    ),
    "media.video_broken": (
        "{name} is damaged or incomplete: its parts do not add up to a whole MP4 video.",
        "الملف {name} تالف أو ناقص: أجزاؤه لا تكوّن فيديو MP4 كاملًا.",
    ),
    "media.alone": (
        "A post with a {kind} carries nothing else: X takes up to 4 images, or one GIF, or one video.",
        "المنشور الذي فيه {kind} لا يحمل معه شيئًا آخر: يقبل X حتى 4 صور، أو صورة GIF واحدة، أو فيديو واحدًا.",
    ),
    "media.caption_without_video": (
        "A caption file goes with a video; this post has no video.",
        "ملف الترجمة يرافق الفيديو، وهذا المنشور بلا فيديو.",
    ),
    "media.one_caption": (
        "A video takes one caption file.",
        "يُرفق بالفيديو ملف ترجمة واحد فقط.",
    ),
    "media.caption_language": (
        "Say which language the caption file {name} is in: Arabic or English.",
        "حدِّد لغة ملف الترجمة {name}: العربية أو الإنجليزية.",
    ),
    "media.caption_too_large": (
        "The caption file {name} is larger than {limit_kb} KB.",
        "ملف الترجمة {name} أكبر من {limit_kb} ك.ب.",
    ),
    "media.caption_encoding": (
        "The caption file {name} is not UTF-8 text; save it as UTF-8 and add it again.",
        "ملف الترجمة {name} ليس نصًّا بترميز UTF-8؛ احفظه بهذا الترميز ثم أضفه من جديد.",
    ),
    "media.caption_broken": (
        "The caption file {name} is not valid SubRip (.srt): cue {cue} needs a number, a time range that ends "
        "after it starts, and text.",
        "ملف الترجمة {name} ليس بصيغة SubRip (.srt) سليمة: المقطع {cue} يحتاج إلى رقم، ومدة تنتهي بعد بدايتها، ونص.",
    ),
    # upload to X: all before the post request, so nothing went out
    "media.cancelled": (
        "Publishing was cancelled before the post was sent: nothing went out to X. The post can be published again.",
        "أُلغي النشر قبل إرسال المنشور، فلم يصل شيء إلى X، ويمكن نشره من جديد.",
    ),
    "media.file_refused": (
        "X refused the file {name} ({detail}). Nothing was published.",
        "رفض X الملف {name} ({detail}). لم يُنشر شيء.",
    ),
    "media.upload_failed": (
        "Uploading the post's media stopped before the post was sent: nothing went out to X.",
        "توقف رفع وسائط المنشور قبل إرساله، فلم يصل شيء إلى X.",
    ),
    "media.processing_failed": (
        "X could not process {name}: nothing went out. Check the file (an MP4 or GIF X can play) and publish again.",
        "تعذّر على X معالجة {name}، فلم يُنشر شيء. تحقق من الملف (MP4 أو GIF يمكن لـX تشغيله) ثم انشر من جديد.",
    ),
    "media.processing_slow": (
        "X was still processing {name} after {minutes} minutes; the desk stopped waiting and sent nothing. "
        "Publish again later.",
        "ظل X يعالج {name} أكثر من {minutes}، فتوقف المكتب عن الانتظار ولم يُرسل شيئًا. انشر من جديد لاحقًا.",
    ),
    "media.changed_while_sending": (
        "{name} changed on disk while it was being sent, so it is no longer what was approved; nothing was "
        "published. Restore the file or edit the post.",
        "تغيّر الملف {name} على القرص أثناء إرساله، فلم يعد هو ما اعتُمد، ولم يُنشر شيء. استرجع الملف أو عدّل المنشور.",
    ),
    "media.too_many_chunks": (
        "{name} is too large to upload in X's 1,000 parts.",
        "الملف {name} أكبر من أن يُرفع في الأجزاء الألف التي يقبلها X.",
    ),
}
