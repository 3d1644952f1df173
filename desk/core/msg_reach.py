"""Messages of the monthly figures, X's figures and the report: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    "reach.nothing_to_read": (
        "There is nothing to read from X: no post of that period is on the account now.",
        "لا يوجد ما يُقرأ من X: لا منشور من تلك المدة على الحساب الآن.",
    ),
    "reach.over_budget": (
        "Reading X's figures would cost about {cost}, and only {left} is left of this month's budget "
        "of {budget}. Nothing was read. An administrator can raise the budget in Settings.",
        "قراءة أرقام X تكلّف نحو {cost}، ولم يبقَ من ميزانية هذا الشهر ({budget}) إلا {left}. "
        "لم يُقرأ شيء. يمكن لمسؤول النظام رفع الميزانية من الإعدادات.",
    ),
    "reach.training": (
        "The desk publishes to its training timeline: X has no figures for training posts.",
        "المكتب ينشر في الخط الزمني التدريبي، وليس لدى X أرقام للمنشورات التدريبية.",
    ),
    "reach.x_credits": (
        "X refused to read the figures: the desk's X app has no credits left. Nothing more was read or charged. "
        "Credits are bought in X's developer console (console.x.com).",
        "رفض X قراءة الأرقام: نفد رصيد تطبيق X الذي يستخدمه المكتب. لم يُقرأ شيء آخر ولم يُحتسب. "
        "يُشترى الرصيد من لوحة مطوري X ‏(console.x.com).",
    ),
    "reach.x_limit": (
        "X refused to read the figures for now (a limit of X's, until {reset}). Nothing more was read.",
        "رفض X قراءة الأرقام في الوقت الحالي (أحد حدود X، حتى {reset}). لم يُقرأ شيء آخر.",
    ),
    "reach.read": (
        "Read X's figures of {post_count} posts in {request_count} requests (about {cost}).",
        "قُرئت أرقام X لـ{post_count} في {request_count} (بتكلفة تقارب {cost}).",
    ),
    "reach.missing": (
        "Posts no longer on X: {missing}.",
        "عدد المنشورات التي لم تعد على X: {missing}.",
    ),
    "reach.plan": (
        "The figures of {post_count} posts on X, in {request_count} requests: about {cost} ({left} left of this "
        "month's budget of {budget}).",
        "ستُقرأ أرقام {post_count} على X في {request_count}: بتكلفة تقارب {cost} (يتبقى {left} من ميزانية هذا "
        "الشهر البالغة {budget}).",
    ),
    "reach.plan_grew": (
        "More posts went out since the cost was said: the read would now cost about {cost}, more than the {agreed} "
        "agreed to. Nothing was read; ask again to see the new cost.",
        "نُشرت منشورات أخرى منذ عُرضت التكلفة: ستكلف القراءة الآن نحو {cost}، أي أكثر من {agreed} التي وُوفق عليها. "
        "لم يُقرأ شيء؛ اطلب القراءة من جديد لترى التكلفة الجديدة.",
    ),
    "report.bad_month": (
        "'{month}' is not a month: give it as YYYY-MM (2026-11, or 1448-05 for a Hijri month).",
        "«{month}» ليس شهرًا: اكتبه بالصيغة YYYY-MM ‏(2026-11، أو 1448-05 للشهر الهجري).",
    ),
    "report.bad_format": (
        "A report is written as PDF or Excel (.pdf or .xlsx), not '{fmt}'.",
        "يُحفظ التقرير بصيغة PDF أو Excel ‏(.pdf أو .xlsx)، لا «{fmt}».",
    ),
    "cli.reach_schedule_alone": (
        "--every-days sets the schedule and reads nothing: give it without --estimate or a month.",
        "الخيار ‎--every-days يضبط الجدول ولا يقرأ شيئًا: استخدمه دون ‎--estimate ودون شهر.",
    ),
    "cli.reach_scheduled": (
        "X's figures of the last 30 days will be read with publish-due, once in {every_days} days.",
        "ستُقرأ أرقام X لآخر 30 يومًا مع أمر publish-due، مرة كل {every_days}.",
    ),
    "cli.reach_unscheduled": (
        "X's figures will be read only when someone asks.",
        "لن تُقرأ أرقام X إلا عند الطلب.",
    ),
    "report.written": (
        "The report for {month} is in {path}.",
        "تقرير {month} محفوظ في {path}.",
    ),
}
