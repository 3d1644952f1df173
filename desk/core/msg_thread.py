"""Messages about threads: a statement in several posts, approved and published as one."""

MESSAGES: dict[str, tuple[str, str]] = {
    "thread.part_refused": (
        "Part {part} of the thread: {reason}",
        "الجزء {part} من السلسلة: {reason}",
    ),
    "thread.too_many": (
        "A thread holds at most {limit} parts; this one has {count}.",
        "لا تتجاوز السلسلة {limit} جزءًا، وفي هذه {count}.",
    ),
    "thread.part_empty": (
        "Part {part} of the thread is empty: write it, or remove it.",
        "الجزء {part} من السلسلة فارغ: اكتبه أو احذفه.",
    ),
    "thread.stopped": (
        "X refused part {part} of {parts} of post {post_id}: {reason} Parts 1 to {done} are on X; publish again to send the rest, or withdraw them.",
        "رفض X الجزء {part} من {parts} من المنشور {post_id}: {reason} الأجزاء من 1 إلى {done} منشورة على X؛ أعد النشر لإرسال البقية، أو اسحبها.",
    ),
    "thread.partly": (
        "Post {post_id} went out as far as part {done} of {parts}; publish it again to send the rest, or withdraw the parts on X.",
        "نُشر المنشور {post_id} حتى الجزء {done} من {parts}؛ انشره مرة أخرى لإرسال الباقي، أو اسحب أجزاءه من X.",
    ),
}
