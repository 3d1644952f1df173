"""Messages of moving a desk to a PostgreSQL server and of the server's password:
{key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    "move.target_has_desk": (
        "The database {place} already holds a desk ({name}): nothing was moved. Move into an empty database.",
        "تحوي قاعدة البيانات {place} مكتب نشر قائمًا («{name}»)، فلم يُنقل شيء. انقل المكتب إلى قاعدة بيانات فارغة.",
    ),
    "move.target_not_empty": (
        "The database {place} is not empty (it holds the tables {tables}): nothing was moved. "
        "Move into an empty database.",
        "قاعدة البيانات {place} ليست فارغة (فيها الجداول {tables})، فلم يُنقل شيء. "
        "انقل المكتب إلى قاعدة بيانات فارغة.",
    ),
    "move.already_on_server": (
        "This desk already lives on a PostgreSQL server ({place}): only a desk in a data folder can be moved.",
        "هذا المكتب مقيم أصلًا على خادم PostgreSQL ({place})، ولا يُنقل إلا مكتب محفوظ في مجلد بيانات.",
    ),
    "move.moved_away": (
        "This desk has moved to the server {place}: the copy in this folder can still be read, exported and "
        "verified, but nothing can be changed here. Open the desk with --database or DESK_DATABASE_URL.",
        "انتقل هذا المكتب إلى الخادم {place}، فالنسخة التي في هذا المجلد تُقرأ وتُصدَّر ويُتحقَّق منها، "
        "لكن لا يتغيّر فيها شيء. افتح المكتب بالخيار --database أو بالمتغيّر DESK_DATABASE_URL.",
    ),
    "move.media_missing": (
        "The image {name} that the desk refers to is missing from the data folder: nothing was moved. "
        "Put it back in {folder} (from a copy of the folder) and try again.",
        "الصورة {name} التي يشير إليها المكتب مفقودة من مجلد البيانات، فلم يُنقل شيء. "
        "أعدها إلى {folder} (من نسخة من المجلد) ثم أعد المحاولة.",
    ),
    "move.media_damaged": (
        "The image {name} in the data folder is not the one the desk stored (its content has changed): "
        "nothing was moved. Put the original back (from a copy of the folder) and try again.",
        "الصورة {name} في مجلد البيانات ليست التي حفظها المكتب (تغيّر محتواها)، فلم يُنقل شيء. "
        "أعد الصورة الأصلية (من نسخة من المجلد) ثم أعد المحاولة.",
    ),
    "move.check_failed": (
        "The desk did not arrive intact on {place} ({why}): what was copied there has been removed, and the "
        "desk stays in this folder unchanged.",
        "لم يصل المكتب سليمًا إلى {place} ({why})، فحُذف ما نُسخ إلى هناك، وبقي المكتب في هذا المجلد كما كان.",
    ),
    "move.progress": (
        "Moving the desk: {done} of {total} rows and images copied.",
        "جارٍ نقل المكتب: نُسخ {done} من أصل {total} من الصفوف والصور.",
    ),
    "move.done": (
        "The desk has moved to {place}: {events} events, {posts} posts and {media} images, the chain checked on "
        "arrival. Every workstation now opens it with --database {url} (or DESK_DATABASE_URL); the copy in this "
        "folder stays readable but takes no more changes.",
        "انتقل المكتب إلى {place} (الأحداث: {events}، المنشورات: {posts}، الصور: {media})، وجرى التحقق "
        "من السلسلة عند وصولها. تفتحه كل محطة الآن بالخيار --database {url} (أو بالمتغيّر DESK_DATABASE_URL)، وتبقى النسخة "
        "التي في هذا المجلد مقروءة لكنها لا تقبل أي تغيير.",
    ),
    "move.no_database": (
        "Which database? Give --database URL or set DESK_DATABASE_URL.",
        "أيّ قاعدة بيانات؟ حدّدها بالخيار --database أو بالمتغيّر DESK_DATABASE_URL.",
    ),
    "move.password_prompt": (
        "Password of the database server for {place}: ",
        "كلمة مرور خادم قاعدة البيانات للعنوان {place}: ",
    ),
    "move.desk_gone": (
        "The database {place} holds no desk, yet this workstation's folder belongs to the desk of {name} "
        "({events} events by its last record): that desk's database has been emptied or replaced, or the "
        "address is wrong. Nothing was written. A new desk needs a data folder of its own (--data-dir).",
        "لا يوجد مكتب في قاعدة البيانات {place}، ومجلد هذه المحطة تابع لمكتب «{name}» (عدد أحداثه {events} "
        "بحسب آخر سجل له): فإما أن قاعدة بيانات ذلك المكتب أُفرغت أو استُبدلت، وإما أن العنوان خطأ. لم يُكتب "
        "شيء. والمكتب الجديد يحتاج إلى مجلد بيانات خاص به (--data-dir).",
    ),
    "move.anchor_on_server": (
        "This folder's desk moved to the server {place}: its chain ends with the move (event {count}), and the "
        "anchors that go further belong to the desk on the server (verify it there with --database).",
        "انتقل مكتب هذا المجلد إلى الخادم {place}، فسلسلته تنتهي بحدث النقل (الحدث رقم {count})، والمراسي التي "
        "تتجاوزه تخصّ المكتب على الخادم (تحقّق منه هناك بالخيار --database).",
    ),
    "move.restore_on_server": (
        "This desk lives on a PostgreSQL server: restore it there, with pg_restore (see the README).",
        "يقيم هذا المكتب على خادم PostgreSQL، فاسترجعه هناك بالأداة pg_restore (انظر README).",
    ),
}
