"""Messages of an office's shared desk on a PostgreSQL server: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    "pg.bad_url": (
        "The database address is not a PostgreSQL URL such as postgresql://desk@server.example/office.",
        "عنوان قاعدة البيانات ليس عنوان PostgreSQL صالحًا، مثل postgresql://desk@server.example/office.",
    ),
    "pg.password_in_url": (
        "The database address holds a password ({place}): a password there ends up in files and shell "
        "histories. Remove it from the address and keep it in the keyring with `desk database-password`.",
        "يحوي عنوان قاعدة البيانات كلمة مرور ({place})، والكلمة هناك تنتهي في الملفات وسجلّ الأوامر. "
        "احذفها من العنوان واحفظها في مخزن المفاتيح بالأمر `desk database-password`.",
    ),
    "pg.unreachable": (
        "The desk's database server {host}:{port} cannot be reached: nothing was changed. Check the network "
        "or ask whoever runs the server, then try again.",
        "تعذّر الوصول إلى خادم قاعدة بيانات المكتب {host}:{port}، فلم يتغيّر شيء. تحقّق من الشبكة أو اسأل "
        "المسؤول عن الخادم، ثم أعد المحاولة.",
    ),
    "pg.lost": (
        "The connection to the database server {host}:{port} was lost in the middle of the action: the server "
        "kept none of it. Try again once the server answers.",
        "انقطع الاتصال بخادم قاعدة البيانات {host}:{port} في أثناء العملية، فلم يحفظ الخادم منها شيئًا. "
        "أعد المحاولة حين يستجيب الخادم.",
    ),
    "pg.tls": (
        "The connection to the database server {host}:{port} could not be secured as the address's sslmode "
        "asks: nothing was opened. Check the server's certificate and the sslrootcert file named in the address.",
        "تعذّر تأمين الاتصال بخادم قاعدة البيانات {host}:{port} كما يطلب إعداد sslmode في العنوان، فلم يُفتح "
        "شيء. تحقّق من شهادة الخادم ومن ملف sslrootcert المذكور في العنوان.",
    ),
    "pg.wrong_password": (
        "The database server {host} refused the password of {user}. An administrator keeps the right one in "
        "this workstation's keyring with `desk database-password`.",
        "رفض خادم قاعدة البيانات {host} كلمة مرور المستخدم {user}. يحفظ المدير الكلمة الصحيحة في مخزن "
        "مفاتيح هذه المحطة بالأمر `desk database-password`.",
    ),
    "pg.no_database": (
        "The server {host} has no database named {database}. Ask whoever runs it to create it (see the README).",
        "لا توجد على الخادم {host} قاعدة بيانات باسم {database}. اطلب من المسؤول عنه إنشاءها (انظر README).",
    ),
    "pg.not_permitted": (
        "The server {host} does not let {user} use the database {database}.",
        "لا يسمح الخادم {host} للمستخدم {user} باستعمال قاعدة البيانات {database}.",
    ),
    "pg.failed": (
        "The database server {host} refused the action: nothing was changed.",
        "رفض خادم قاعدة البيانات {host} العملية، فلم يتغيّر شيء.",
    ),
    "pg.not_a_desk": (
        "The database {place} holds tables of another program: it is not a Posting Desk database.",
        "تحوي قاعدة البيانات {place} جداول برنامج آخر، فهي ليست قاعدة بيانات لمكتب النشر.",
    ),
    "pg.no_desk": (
        "The database {place} holds no desk yet: `desk init` creates one there, `desk move-to` brings "
        "an existing desk into it.",
        "لا يوجد مكتب نشر في قاعدة البيانات {place} بعد: الأمر `desk init` ينشئ مكتبًا فيها، "
        "والأمر `desk move-to` ينقل إليها مكتبًا قائمًا.",
    ),
    "pg.other_desk": (
        "The database {place} holds the desk of {found}, but this workstation's folder belongs to the desk "
        "of {expected}: nothing was opened. Check the database address.",
        "تحوي قاعدة البيانات {place} مكتب «{found}»، ومجلد هذه المحطة تابع لمكتب «{expected}»، فلم يُفتح "
        "شيء. تحقّق من عنوان قاعدة البيانات.",
    ),
    "pg.backup_on_server": (
        "This desk lives on a PostgreSQL server: back it up there, with pg_dump (see the README).",
        "يقيم هذا المكتب على خادم PostgreSQL، فانسخه احتياطيًا هناك بالأداة pg_dump (انظر README).",
    ),
    "pg.password_kept": (
        "The server accepted the password; this workstation's keyring keeps it for {place}.",
        "قبل الخادم كلمة المرور، وحفظها مخزن مفاتيح هذه المحطة للعنوان {place}.",
    ),
}
