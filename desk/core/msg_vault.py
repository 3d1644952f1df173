"""Messages of the vault area: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    # how to get a secure keyring; passed into other messages as {howto}
    "vault.howto": (
        "On Linux, install GNOME Keyring (package gnome-keyring) or KDE Wallet (kwalletmanager), "
        "make sure it starts with the desktop session, then sign out and in again. "
        "On Windows and macOS the system's own keyring is used and needs no setup.",
        "في لينكس: ثبّت «GNOME Keyring» (الحزمة gnome-keyring) أو «KDE Wallet» (kwalletmanager)، "
        "وتأكد أنها تعمل مع بدء جلسة سطح المكتب، ثم سجّل الخروج وادخل من جديد. "
        "في ويندوز وماك يُستعمل مخزن المفاتيح الخاص بالنظام ولا يحتاج إلى إعداد.",
    ),
    "vault.no_keyring": (
        "No secure keyring was found on this computer, so the X account keys cannot be stored. "
        "Drafting and review work as usual; publishing to X waits until a keyring is ready. {howto}",
        "لم يُعثر على مخزن مفاتيح آمن في هذا الحاسوب، لذا لا يمكن حفظ مفاتيح حساب X. "
        "الكتابة والمراجعة تعملان كالمعتاد، أما النشر في X فينتظر حتى يتوفر مخزن مفاتيح. {howto}",
    ),
    "vault.insecure_backend": (
        "The keyring set up on this computer ({found}) does not protect secrets properly, so the "
        "desk will not keep the X account keys in it. Drafting and review work as usual; "
        "publishing to X waits until a secure keyring is ready. {howto}",
        "مخزن المفاتيح المُعدّ في هذا الحاسوب ({found}) لا يحمي الأسرار حماية كافية، لذا لن "
        "يحفظ المكتب مفاتيح حساب X فيه. الكتابة والمراجعة تعملان كالمعتاد، أما النشر في X "
        "فينتظر حتى يتوفر مخزن مفاتيح آمن. {howto}",
    ),
    "vault.unreachable": (
        "The keyring service did not answer, so the X account keys cannot be reached. {howto}",
        "لم تستجب خدمة مخزن المفاتيح، لذا لا يمكن الوصول إلى مفاتيح حساب X. {howto}",
    ),
    "vault.no_collection": (
        "The keyring service is running but has no default keyring to keep the keys in. Create "
        "one (for example \"Login\" in the Passwords and Keys application) and try again.",
        "خدمة مخزن المفاتيح تعمل، لكن لا توجد فيها حلقة مفاتيح افتراضية لحفظ المفاتيح. "
        "أنشئ واحدة (مثل «Login» في تطبيق «كلمات السر والمفاتيح») ثم أعد المحاولة.",
    ),
    "vault.locked": (
        "The keyring is locked and was not unlocked: the request was refused or not answered "
        "in time. Unlock it (signing in to the desktop usually does) and try again. "
        "Nothing was changed.",
        "مخزن المفاتيح مقفل ولم يُفتح: رُفض الطلب أو لم يُجب عنه في الوقت المحدد. افتحه "
        "(يُفتح عادةً عند تسجيل الدخول إلى سطح المكتب) ثم أعد المحاولة. لم يتغير شيء.",
    ),
    "vault.failed": (
        "The keyring refused the request ({detail}). Nothing was changed.",
        "رفض مخزن المفاتيح الطلب ({detail}). لم يتغير شيء.",
    ),
    "vault.entry_damaged": (
        "The X account keys kept in the keyring are damaged. An administrator should enter "
        "the four keys again.",
        "مفاتيح حساب X المحفوظة في مخزن المفاتيح تالفة. على المسؤول إدخال المفاتيح الأربعة من جديد.",
    ),
    "vault.checkpoint_malformed": (
        "The audit checkpoint must be a SHA-256 hash written as 64 hexadecimal characters.",
        "يجب أن تكون نقطة التحقق في السجل بصمة SHA-256 مكتوبة بـ64 رمزًا ست عشريًا.",
    ),
    # back-end names, shown as "keys are kept in ..."
    "vault.backend.secret_service": (
        "Secret Service (GNOME Keyring or a compatible keyring)",
        "خدمة الأسرار (GNOME Keyring أو مخزن متوافق معها)",
    ),
    "vault.backend.libsecret": (
        "Secret Service through libsecret (GNOME Keyring or a compatible keyring)",
        "خدمة الأسرار عبر libsecret (GNOME Keyring أو مخزن متوافق معها)",
    ),
    "vault.backend.kwallet": ("KDE Wallet (KWallet)", "محفظة KDE (KWallet)"),
    "vault.backend.macos": ("macOS Keychain", "سلسلة مفاتيح ماك (Keychain)"),
    "vault.backend.windows": ("Windows Credential Manager", "مدير بيانات الاعتماد في ويندوز"),
    # the four X keys, named as X's developer portal names them
    "keys.field.consumer_key": ("consumer key (API Key)", "مفتاح الواجهة"),
    "keys.field.consumer_secret": ("consumer secret (API Key Secret)", "سر مفتاح الواجهة"),
    "keys.field.access_token": ("access token (Access Token)", "رمز الوصول"),
    "keys.field.access_token_secret": (
        "access token secret (Access Token Secret)",
        "سر رمز الوصول",
    ),
    "keys.empty": ("The {field} is empty.", "حقل {field} فارغ."),
    "keys.whitespace": (
        "The {field} has a space or line break inside it; copy it again as one piece.",
        "في {field} مسافة أو سطر جديد داخله؛ انسخه مرة أخرى قطعةً واحدة.",
    ),
    "keys.malformed": (
        "The {field} does not look like an X key: it should be {min} to {max} English letters "
        "and digits.",
        "{field} لا يشبه مفاتيح X: يجب أن يتكون من {min} إلى {max} حرفًا ورقمًا إنجليزيًا.",
    ),
    "keys.access_token_form": (
        "The {field} does not look like an X access token: it starts with the account's number "
        "and a dash, like 1234567890-AbCd…",
        "{field} لا يشبه رموز الوصول في X: يبدأ برقم الحساب ثم شرطة، مثل 1234567890-AbCd…",
    ),
    "keys.duplicate": (
        "The {field} and the {other} are the same, but all four keys differ. Check that each "
        "one was pasted in its own place.",
        "{field} و{other} متطابقان، مع أن المفاتيح الأربعة مختلفة دائمًا. تأكد أن كل مفتاح "
        "لُصق في مكانه.",
    ),
    # publishing with an account on record but no keys to be had: never a switch to training
    "vault.publish_blocked": (
        "Publishing is blocked: the keyring is locked or unreachable, so the X account's keys "
        "cannot be read. Nothing was published and the post was left as it was. Unlock the "
        "keyring (signing in to the desktop usually does), or run the command from the desktop "
        "session where the keyring is open, then try again.",
        "النشر متوقف: مخزن المفاتيح مقفل أو لا يمكن الوصول إليه، لذا تتعذر قراءة مفاتيح حساب X. "
        "لم يُنشر شيء وبقي المنشور على حاله. افتح مخزن المفاتيح (يُفتح عادةً عند تسجيل الدخول إلى "
        "سطح المكتب)، أو شغّل الأمر من جلسة سطح المكتب التي فُتح فيها المخزن، ثم أعد المحاولة.",
    ),
    "vault.publish_keys_gone": (
        "Publishing is blocked: an X account is connected to this desk, but its keys are not in "
        "the keyring this program can reach (another user's or another computer's keyring?). "
        "Nothing was published and the post was left as it was. Run the program as the person "
        "whose keyring holds the keys, or have an administrator enter the four keys again "
        "(desk account set). Only \"desk account forget\" makes the desk publish to the "
        "training timeline again.",
        "النشر متوقف: هذا المكتب مرتبط بحساب في X، لكن مفاتيحه غير موجودة في مخزن المفاتيح الذي "
        "يصل إليه البرنامج (ربما هو مخزن مستخدم آخر أو حاسوب آخر). لم يُنشر شيء وبقي المنشور على حاله. "
        "شغّل البرنامج باسم المستخدم الذي يحفظ مخزنه المفاتيح، أو اطلب من أحد المسؤولين إدخال "
        "المفاتيح الأربعة من جديد (desk account set). ولا يعود المكتب إلى النشر في الخط الزمني "
        "التدريبي إلا بالأمر «desk account forget».",
    ),
    "vault.publish_keys_gone@window": (
        "Publishing is blocked: an X account is connected to this desk, but its keys are not in "
        "the keyring this program can reach (another user's or another computer's keyring?). "
        "Nothing was published and the post was left as it was. Open the desk as the person "
        "whose keyring holds the keys, or have an administrator enter the four keys again "
        "(Settings, X account, Save keys). The desk publishes to the training timeline again "
        "only once an administrator disconnects the account there (Disconnect…).",
        "النشر متوقف: هذا المكتب مرتبط بحساب في X، لكن مفاتيحه غير موجودة في مخزن المفاتيح الذي "
        "يصل إليه البرنامج (ربما هو مخزن مستخدم آخر أو حاسوب آخر). لم يُنشر شيء وبقي المنشور على حاله. "
        "افتح المكتب باسم المستخدم الذي يحفظ مخزنه المفاتيح، أو اطلب من أحد المسؤولين إدخال "
        "المفاتيح الأربعة من جديد (الإعدادات ← حساب X ← حفظ المفاتيح). ولا يعود المكتب إلى النشر في "
        "الخط الزمني التدريبي إلا إذا فصل المسؤول الحساب من هناك (فصل الحساب…).",
    ),
    # desk account set with fewer than four lines on stdin
    "keys.count": (
        "The X account needs four keys, one a line, in this order: consumer key (API Key), "
        "consumer secret (API Key Secret), access token, access token secret. {given} "
        "Nothing was kept and nothing was sent to X.",
        "يحتاج حساب X إلى أربعة مفاتيح، كل مفتاح في سطر، بهذا الترتيب: مفتاح الواجهة (API Key)، "
        "ثم سر مفتاح الواجهة (API Key Secret)، ثم رمز الوصول، ثم سر رمز الوصول. {given} "
        "لم يُحفظ شيء ولم يُرسل شيء إلى X.",
    ),
    "keys.count.0": ("None was given.", "لم يُدخَل أي مفتاح."),
    "keys.count.1": ("Only 1 was given.", "أُدخل مفتاح واحد فقط."),
    "keys.count.2": ("Only 2 were given.", "أُدخل مفتاحان فقط."),
    "keys.count.3": ("Only 3 were given.", "أُدخلت ثلاثة مفاتيح فقط."),
    # DESK_X_API_BASE checked before any post is claimed
    "x.base_port": (
        "DESK_X_API_BASE has a port that is not a number from 1 to 65535. Nothing was sent and "
        "no post was changed. Correct the address (for example http://127.0.0.1:8399) or remove "
        "the variable to publish to X itself.",
        "في DESK_X_API_BASE رقم منفذ غير صالح: يجب أن يكون عددًا من 1 إلى 65535. لم يُرسل شيء ولم "
        "يتغير أي منشور. صحّح العنوان (مثل http://127.0.0.1:8399) أو احذف المتغير للنشر في X نفسه.",
    ),
    "x.base_malformed": (
        "DESK_X_API_BASE is not a usable web address. Nothing was sent and no post was changed. "
        "Correct it (for example http://127.0.0.1:8399) or remove the variable to publish to X itself.",
        "قيمة DESK_X_API_BASE ليست عنوان ويب صالحًا. لم يُرسل شيء ولم يتغير أي منشور. صحّحها "
        "(مثل http://127.0.0.1:8399) أو احذف المتغير للنشر في X نفسه.",
    ),
}
