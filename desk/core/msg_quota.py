"""Messages of X's limits, caps and credits, and of what X allows a reply or a long post:
{key: (english, arabic)}."""

_KEEPS_PLACE = (
    " The post keeps its place and nothing is sent before {reset}",
    " يبقى المنشور في مكانه، ولن يُرسَل شيء قبل {reset}",
)

MESSAGES: dict[str, tuple[str, str]] = {
    # 429 and 402: nothing went out, the post waits where it was
    "x.rate_limited": (
        "The account has reached X's request limit for now (it resets every 15 minutes)."
        + _KEEPS_PLACE[0] + ".",
        "بلغ الحساب الحد الأقصى لعدد الطلبات الذي يسمح به X في الوقت الحالي (يتجدد كل ربع ساعة)."
        + _KEEPS_PLACE[1] + ".",
    ),
    "x.daily_user": (
        "The account has reached X's daily limit of posts ({limit})." + _KEEPS_PLACE[0]
        + ", when the limit lifts.",
        "بلغ الحساب الحد اليومي للمنشورات الذي يسمح به X ({limit})." + _KEEPS_PLACE[1] + "، حين يُرفع الحد.",
    ),
    "x.daily_app": (
        "The desk's X app has reached its daily limit of posts ({limit}), shared by every account the app "
        "serves." + _KEEPS_PLACE[0] + ", when the limit lifts.",
        "بلغ تطبيق X الذي يستخدمه المكتب الحد اليومي للمنشورات ({limit})، وهو حد مشترك بين كل الحسابات "
        "التي يخدمها التطبيق." + _KEEPS_PLACE[1] + "، حين يُرفع الحد.",
    ),
    "x.usage_cap": (
        "X refused the post: the app has used up what its X plan allows this {period} (X's usage cap), "
        "though its request limit still has room. The developer console (console.x.com) shows when the cap "
        "resets, and the plan can be raised there. The post keeps its place; the desk tries again at {reset}.",
        "رفض X المنشور لأن التطبيق استنفد ما تسمح به خطته على X في هذا {period} (سقف الاستخدام)، مع أن حد "
        "الطلبات لم يُبلَغ بعد. تُبيّن لوحة المطوّرين (console.x.com) موعد تجدّد السقف، ويمكن ترقية الخطة منها. "
        "يبقى المنشور في مكانه، وسيحاول البرنامج مرة أخرى في {reset}.",
    ),
    "x.credits": (
        "X refused the post: the X developer account has run out of credits, and X charges for every post. "
        "Buy credits in the developer console (console.x.com). The post keeps its place; the desk tries "
        "again at {reset}, and a supervisor may publish it by hand as soon as the credits are bought.",
        "رفض X المنشور لأن رصيد حساب المطوّر على X قد نفد، إذ يتقاضى X مقابلًا عن كل منشور. يلزم شراء رصيد من "
        "لوحة المطوّرين (console.x.com). يبقى المنشور في مكانه، وسيحاول البرنامج مرة أخرى في {reset}، "
        "ويمكن لأحد المشرفين نشره يدويًا بمجرد شراء الرصيد.",
    ),
    # what X allows a reply (since 23 February 2026, self-serve apps)
    "reply.warning": (
        "This post is a reply. Since 23 February 2026 X lets an app like the desk reply only to a post "
        "whose author mentioned the institution's account or quoted one of its posts; X refuses any other "
        "reply when it is published.",
        "هذا المنشور رد. منذ 23 فبراير 2026 لا يسمح X لتطبيق مثل هذا البرنامج بالرد إلا على منشور ذكر "
        "صاحبُه حسابَ المؤسسة أو اقتبس أحد منشوراته، ويرفض X أي رد غير ذلك عند نشره.",
    ),
    "x.reply_refused": (
        "X refused the reply ({detail}): X lets an app like the desk reply only to a post whose author "
        "mentioned the institution's account or quoted one of its posts. Nothing was published. Publish it "
        "as a post of its own (remove the reply target), or reply on X itself.",
        "رفض X الرد ({detail})، لأن X لا يسمح لتطبيق مثل هذا البرنامج بالرد إلا على منشور ذكر صاحبُه حسابَ "
        "المؤسسة أو اقتبس أحد منشوراته. لم يُنشر شيء. انشره منشورًا مستقلًا (بحذف المنشور المردود عليه)، "
        "أو اكتب الرد على X نفسه.",
    ),
    # long posts: Premium and Verified Organization accounts only
    "long.warning": (
        "Posts over 280 characters can be published only by an X account with Premium or Verified "
        "Organization; X refuses them from any other account.",
        "لا يُنشر منشور يزيد على 280 حرفًا إلا من حساب على X مشترك في Premium أو موثّق بصفة مؤسسة "
        "(Verified Organization)، ويرفضه X من أي حساب آخر.",
    ),
    "long.post_warning": (
        "This post is {length} characters long. Posts over 280 characters can be published only by an X "
        "account with Premium or Verified Organization; X refuses them from any other account.",
        "عدد حروف هذا المنشور {length}. لا يُنشر منشور يزيد على 280 حرفًا إلا من حساب على X مشترك في "
        "Premium أو موثّق بصفة مؤسسة (Verified Organization)، ويرفضه X من أي حساب آخر.",
    ),
    "x.long_refused": (
        "X refused the post ({detail}): it is {length} characters long, and X publishes posts over 280 "
        "characters only for accounts with Premium or Verified Organization. Nothing was published. "
        "Shorten it to 280 characters, or subscribe the account and publish it again.",
        "رفض X المنشور ({detail}): عدد حروفه {length}، ولا ينشر X ما يزيد على 280 حرفًا إلا لحساب مشترك "
        "في Premium أو موثّق بصفة مؤسسة (Verified Organization). لم يُنشر شيء. اختصره إلى 280 حرفًا، أو "
        "اشترك للحساب في Premium ثم أعد نشره.",
    ),
}

PERIODS = {"daily": ("day", "اليوم"), "monthly": ("month", "الشهر")}
