"""Messages of the publish area: {key: (english, arabic)}."""

_MAY_HAVE_GONE = (
    " it may have gone out. The desk checks the account before sending it again.",
    "، وقد يكون نُشر فعلًا. سيتحقق البرنامج من الحساب قبل إرساله مرة أخرى.",
)

MESSAGES: dict[str, tuple[str, str]] = {
    # keys and settings
    "x.keys_missing": (
        "The X account keys are incomplete: all four keys are needed.",
        "مفاتيح حساب X ناقصة: يلزم إدخال المفاتيح الأربعة كلها.",
    ),
    "x.bad_base": (
        "DESK_X_API_BASE must be a web address starting with http:// or https://.",
        "يجب أن تكون قيمة DESK_X_API_BASE عنوان ويب يبدأ بـ http:// أو https://.",
    ),
    # refusals by X: nothing went out
    "x.unauthorized": (
        "X refused the account keys: they are wrong or have been revoked. An administrator must enter them again.",
        "رفض X مفاتيح الحساب: إما أنها خاطئة وإما أنها أُلغيت. يجب أن يُدخلها أحد المسؤولين من جديد.",
    ),
    "x.duplicate": (
        "X refused the post as a duplicate: the account has already published the same text.",
        "رفض X المنشور لأنه مكرر: سبق أن نشر الحساب النص نفسه.",
    ),
    "x.forbidden": (
        "X does not permit this for the account ({detail}).",
        "لا يسمح X بهذا الإجراء لهذا الحساب ({detail}).",
    ),
    "x.image_refused": (
        "X refused the image {name} ({detail}). Nothing was published.",
        "رفض X الصورة {name} ({detail}). لم يُنشر شيء.",
    ),
    "x.bad_request": ("X refused the request ({detail}).", "رفض X الطلب ({detail})."),
    "x.not_found": ("X did not find what was asked for ({detail}).", "لم يجد X المطلوب ({detail})."),
    "x.post_gone": (
        "X no longer has this post: it has already been deleted on X.",
        "لم يعد هذا المنشور موجودًا على X، فقد حُذف هناك من قبل.",
    ),
    "x.profile_image_tier": (
        "X does not allow changing the profile image on your access tier. Nothing was changed.",
        "لا يسمح X بتغيير صورة الحساب في مستوى الوصول الحالي لحسابكم. لم يتغير شيء.",
    ),
    "x.unexpected": ("X answered with an unexpected error ({status}).", "ردّ X بخطأ غير متوقع ({status})."),
    "x.bad_response": ("X's answer could not be read.", "تعذّرت قراءة ردّ X."),
    # X or the network failed
    "x.unavailable": (
        "X is unavailable right now (error {status}). Try again later.",
        "خدمة X غير متاحة الآن (خطأ {status}). أعد المحاولة لاحقًا.",
    ),
    "x.unreachable": (
        "The desk cannot reach X: check the network connection. Nothing reached X.",
        "تعذّر الاتصال بـ X: تحقّق من اتصال الشبكة. لم يصل شيء إلى X.",
    ),
    "x.timeout": (
        "X did not answer within {seconds} seconds. Try again later.",
        "لم يردّ X خلال {seconds}. أعد المحاولة لاحقًا.",
    ),
    "x.connection_lost": (
        "The connection to X was cut before X answered. Try again.",
        "انقطع الاتصال بـ X قبل أن يردّ. أعد المحاولة.",
    ),
    # the post may have gone out
    "x.uncertain_timeout": (
        "X did not answer within {seconds} seconds after receiving the post:" + _MAY_HAVE_GONE[0],
        "لم يردّ X خلال {seconds} بعد تسلّم المنشور" + _MAY_HAVE_GONE[1],
    ),
    "x.uncertain_dropped": (
        "The connection to X was cut after the post was sent:" + _MAY_HAVE_GONE[0],
        "انقطع الاتصال بـ X بعد إرسال المنشور" + _MAY_HAVE_GONE[1],
    ),
    "x.uncertain_error": (
        "X answered with an error ({status}) after receiving the post:" + _MAY_HAVE_GONE[0],
        "ردّ X بخطأ ({status}) بعد تسلّم المنشور" + _MAY_HAVE_GONE[1],
    ),
    "x.uncertain_response": (
        "X's answer to the post could not be read:" + _MAY_HAVE_GONE[0],
        "تعذّرت قراءة ردّ X على المنشور" + _MAY_HAVE_GONE[1],
    ),
    "x.withdraw_uncertain": (
        "X did not confirm the withdrawal: the post may or may not have been deleted. "
        "Check the account before trying again.",
        "لم يؤكد X سحب المنشور، فقد يكون حُذف وقد لا يكون. تحقّق من الحساب قبل المحاولة مرة أخرى.",
    ),
}
