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
    # the command line's --part, and a thread in the log, `desk show` and the exports
    "cli.parts_count": (
        "A thread has 2 to {limit} parts (one --part each); {count} given. For a single post use --text.",
        "تتكون السلسلة من جزأين إلى {limit} جزءًا (لكل جزء --part)، وعدد ما أُدخل: {count}. للمنشور الواحد استخدم --text.",
    ),
    "cli.part_image_first": (
        "--image and --alt belong to the --part before them: give a --part first.",
        "يتبع --image و--alt الجزء الذي قبلهما: ابدأ بـ--part.",
    ),
    "cli.part_alt_count": (
        "Part {part}: give one --alt for each --image.",
        "الجزء {part}: أضف --alt واحدًا لكل --image.",
    ),
    "cli.edit_images": (
        "On edit, --image goes with --part (the whole thread is given again); --text keeps the images.",
        "عند التعديل يُستخدم --image مع --part (تُعاد السلسلة كاملة)؛ أما --text فيُبقي الصور كما هي.",
    ),
    "cli.show_thread": ("Thread of {parts} parts", "سلسلة، عدد أجزائها: {parts}"),
    "cli.show_part": ("Part {part} of {parts}", "الجزء {part} من {parts}"),
    "cli.show_part_out": ("on X: {x_post_id}", "على X: {x_post_id}"),
    "export.doc.parts": ("thread: {count} parts", "سلسلة، عدد الأجزاء: {count}"),
}
