<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AccountBox</name>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="33"/>
        <source>X account</source>
        <translation>حساب X</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="38"/>
        <source>API key (consumer key)</source>
        <translation>مفتاح الواجهة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="39"/>
        <source>API key secret (consumer secret)</source>
        <translation>سر مفتاح الواجهة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="40"/>
        <source>Access token</source>
        <translation>رمز الوصول</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="41"/>
        <source>Access token secret</source>
        <translation>سر رمز الوصول</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="49"/>
        <source>The four keys are on the Keys and tokens page of the institution&apos;s app in X&apos;s developer portal, in this order.</source>
        <translation>تجد المفاتيح الأربعة بهذا الترتيب في بوابة المطوّرين لدى X، في صفحة «المفاتيح والرموز» الخاصة بتطبيق المؤسسة.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="55"/>
        <location filename="../../desk/ui/settings/account_box.py" line="141"/>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="65"/>
        <source>Save keys</source>
        <translation>حفظ المفاتيح</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="66"/>
        <source>The keys are checked with X, then kept in the computer&apos;s keyring.</source>
        <translation>تُفحص المفاتيح لدى X ثم تُحفظ في مخزن المفاتيح في هذا الحاسوب.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="68"/>
        <source>Verify</source>
        <translation>التحقق من المفاتيح</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="70"/>
        <source>Disconnect…</source>
        <translation>فصل الحساب…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="72"/>
        <source>Use the logo as the account&apos;s picture</source>
        <translation>جعل الشعار صورة الحساب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="102"/>
        <source>The institution&apos;s logo</source>
        <translation>شعار المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="111"/>
        <source>saved; type new keys to replace them</source>
        <translation>محفوظة؛ اكتب مفاتيح جديدة لاستبدالها</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="113"/>
        <source>This desk has no keyring to keep the keys in.</source>
        <translation>لا يوجد في هذا المكتب مخزن مفاتيح لحفظ المفاتيح فيه.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="125"/>
        <source>Connected to @%1. The keys are kept in the computer&apos;s keyring and cannot be shown again.</source>
        <translation>مربوط بالحساب ‎@%1‎. المفاتيح محفوظة في مخزن المفاتيح في هذا الحاسوب ولا يمكن عرضها مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="127"/>
        <source>Keyring: %1.</source>
        <translation>مخزن المفاتيح: %1.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="141"/>
        <source>Hide the details</source>
        <translation>إخفاء التفاصيل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="144"/>
        <source>The computer&apos;s password keyring could not be opened, so the X account&apos;s keys cannot be kept here. Writing and review work as usual. Ask whoever looks after the office&apos;s computers to set up the keyring; the details below are for them.</source>
        <translation>تعذّر فتح مخزن المفاتيح في هذا الحاسوب، لذا لا يمكن حفظ مفاتيح حساب X هنا. الكتابة والمراجعة تعملان كالمعتاد. اطلب من مسؤول الأجهزة في المؤسسة إعداد مخزن المفاتيح؛ التفاصيل أدناه موجّهة إليه.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="220"/>
        <source>The logo is now the account&apos;s picture on X.</source>
        <translation>أصبح الشعار صورة الحساب في X.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="115"/>
        <source>Asking the keyring…</source>
        <translation>جارٍ سؤال مخزن المفاتيح…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="129"/>
        <source>No account is connected: posts go to the training timeline. Paste the four keys of the institution&apos;s X app.</source>
        <translation>لا يوجد حساب مربوط: تذهب المنشورات إلى خط التدريب الزمني. الصق المفاتيح الأربعة لتطبيق المؤسسة في X.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="154"/>
        <source>Checking the keys with X…</source>
        <translation>جارٍ فحص المفاتيح لدى X…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="174"/>
        <source>The X account keys are saved.</source>
        <translation>حُفظت مفاتيح حساب X.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="179"/>
        <source>Another account</source>
        <translation>حساب آخر</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="181"/>
        <source>Connect that account</source>
        <translation>ربط ذلك الحساب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="190"/>
        <source>Asking X…</source>
        <translation>جارٍ سؤال X…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="206"/>
        <source>The account&apos;s current picture on X</source>
        <translation>صورة الحساب الحالية في X</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="208"/>
        <source>The account&apos;s picture is not the institution&apos;s logo. The office&apos;s account should carry the logo, never a personal photo.</source>
        <translation>صورة الحساب ليست شعار المؤسسة. يجب أن يحمل حساب المكتب الشعار، لا صورة شخصية أبدًا.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="229"/>
        <source>Disconnect the X account</source>
        <translation>فصل حساب X</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="230"/>
        <source>Remove the account&apos;s keys from this computer? Posts then go to the training timeline until keys are saved again.</source>
        <translation>هل تريد حذف مفاتيح الحساب من هذا الحاسوب؟ ستذهب المنشورات بعدها إلى خط التدريب الزمني حتى تُحفظ المفاتيح من جديد.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/account_box.py" line="233"/>
        <source>Disconnect</source>
        <translation>فصل الحساب</translation>
    </message>
</context>
<context>
    <name>ActionRow</name>
    <message>
        <location filename="../../desk/ui/post_actions.py" line="69"/>
        <source>Reply</source>
        <translation>الرد</translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_actions.py" line="69"/>
        <source>Repost</source>
        <translation>إعادة النشر</translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_actions.py" line="69"/>
        <source>Like</source>
        <translation>الإعجاب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_actions.py" line="69"/>
        <source>Views</source>
        <translation>المشاهدات</translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_actions.py" line="77"/>
        <source>%1: as on X; nothing to press in the preview</source>
        <translation>%1: كما يظهر في X، ولا يعمل في المعاينة</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="128"/>
        <source>Add a staff member</source>
        <translation>إضافة موظف</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="128"/>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="137"/>
        <source>Username</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="138"/>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="139"/>
        <source>Addressed as</source>
        <translation>صيغة المخاطبة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="140"/>
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="141"/>
        <source>First password</source>
        <translation>كلمة المرور الأولى</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="142"/>
        <source>Password again</source>
        <translation>كلمة المرور مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="146"/>
        <source>The two passwords are not the same.</source>
        <translation>كلمتا المرور غير متطابقتين.</translation>
    </message>
</context>
<context>
    <name>Advice</name>
    <message>
        <location filename="../../desk/ui/publish/advice.py" line="12"/>
        <source>X refused it and nothing went out. Remove the cause, then publish it again; or edit it (it then needs a new approval).</source>
        <translation>رفضه X ولم يُنشر شيء. أزل السبب ثم انشره مرة أخرى، أو حرّره (وسيحتاج عندئذ إلى موافقة جديدة).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/advice.py" line="15"/>
        <source>It may have gone out. The desk checks the account before it can be sent again: do not post it by hand, and do not publish it again until the check settles it.</source>
        <translation>ربما نُشر فعلًا. يتحقق المكتب من الحساب قبل أن يُرسل مرة أخرى: لا تنشره يدويًا، ولا تعد نشره حتى يحسم التحقق أمره.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/advice.py" line="18"/>
        <source>It was not sent because no desk was open in time and it is now later than the allowed delay. Publish it now, schedule it again, or take it off the schedule.</source>
        <translation>لم يُرسل لأنه لم يكن أي مكتب مفتوحًا في موعده، وقد تجاوز الآن التأخير المسموح. انشره الآن، أو أعد جدولته، أو ألغِ جدولته.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/advice.py" line="62"/>
        <source>Post #%1 is on X after all: it is now marked as published.</source>
        <translation>المنشور رقم %1 موجود على X فعلًا: صار مسجّلًا منشورًا.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/advice.py" line="64"/>
        <source>Post #%1 is not on X: nothing went out. It is back among the posts ready to publish.</source>
        <translation>المنشور رقم %1 غير موجود على X: لم يُنشر شيء. عاد إلى المنشورات الجاهزة للنشر.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/advice.py" line="66"/>
        <source>Post #%1 is not on X&apos;s timeline yet, but the timeline can lag behind a new post. Try again in a minute.</source>
        <translation>المنشور رقم %1 لم يظهر بعد في الخط الزمني للحساب على X، وقد يتأخر ظهور المنشور الجديد فيه قليلًا. أعد المحاولة بعد دقيقة.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/advice.py" line="69"/>
        <source>Post #%1 could not be checked: the desk could not ask X. Nothing was changed; try again later.</source>
        <translation>تعذّر التحقق من المنشور رقم %1 لأن المكتب لم يتمكن من الاتصال بـ X. لم يتغير شيء؛ أعد المحاولة لاحقًا.</translation>
    </message>
</context>
<context>
    <name>ApprovedPage</name>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="39"/>
        <source>Approved and scheduled</source>
        <translation>المعتمدة والمجدولة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="45"/>
        <source>Post</source>
        <translation>المنشور</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="45"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="45"/>
        <source>When</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="45"/>
        <source>First line</source>
        <translation>السطر الأول</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="46"/>
        <source>Approved, scheduled and problem posts</source>
        <translation>المنشورات المعتمدة والمجدولة والمتعثرة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="49"/>
        <source>Nothing is ready to publish. Posts come here once a supervisor approves them on the For review page.</source>
        <translation>لا شيء جاهز للنشر. تأتي المنشورات إلى هنا بعد أن يوافق عليها مشرف في صفحة «للمراجعة».</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="58"/>
        <location filename="../../desk/ui/publish/page.py" line="165"/>
        <source>Publish now…</source>
        <translation>نشر الآن…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="60"/>
        <source>Schedule…</source>
        <translation>جدولة…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="62"/>
        <source>Unschedule</source>
        <translation>إلغاء الجدولة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="64"/>
        <source>Withdraw from X…</source>
        <translation>سحب من X…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="65"/>
        <source>Delete the parts already on X, from the last.</source>
        <translation>حذف الأجزاء المنشورة على X، بدءًا بآخرها.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="67"/>
        <source>Check X now</source>
        <translation>التحقق من X الآن</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="68"/>
        <source>Look for the unconfirmed posts on the account&apos;s timeline and settle each: published, or safe to publish again.</source>
        <translation>البحث عن المنشورات غير المؤكدة في الخط الزمني للحساب وحسم أمر كل منها: منشور، أو يمكن نشره مرة أخرى بأمان.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="107"/>
        <source>Ready to publish</source>
        <translation>جاهزة للنشر</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="107"/>
        <source>Scheduled</source>
        <translation>مجدولة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="107"/>
        <source>Needs attention</source>
        <translation>تحتاج إلى متابعة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="111"/>
        <source>Resume publishing</source>
        <translation>استئناف النشر</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="111"/>
        <source>Pause all publishing</source>
        <translation>إيقاف كل النشر مؤقتًا</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="165"/>
        <source>Publish the rest…</source>
        <translation>نشر بقية الأجزاء…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="206"/>
        <source>Publishing post #%1…</source>
        <translation>جارٍ نشر المنشور رقم %1…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="215"/>
        <source>Post #%1 is on the training timeline.</source>
        <translation>المنشور رقم %1 في خط التدريب الزمني.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="217"/>
        <source>Post #%1 is published: %2</source>
        <translation>نُشر المنشور رقم %1: %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="246"/>
        <source>Looking for the unconfirmed posts on X…</source>
        <translation>جارٍ البحث عن المنشورات غير المؤكدة على X…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="256"/>
        <source>No post is waiting for a check any more: another desk has settled them.</source>
        <translation>لم يعد أي منشور بانتظار التحقق: حسم مكتب آخر أمرها.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="278"/>
        <source>Post #%1 scheduled for %2.</source>
        <translation>جُدول المنشور رقم %1 في %2.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="285"/>
        <source>Post #%1 taken off the schedule.</source>
        <translation>أُلغيت جدولة المنشور رقم %1.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="289"/>
        <source>Publishing resumed.</source>
        <translation>استُؤنف النشر.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/page.py" line="291"/>
        <source>All publishing is paused.</source>
        <translation>أُوقف كل النشر مؤقتًا.</translation>
    </message>
</context>
<context>
    <name>Bands</name>
    <message>
        <location filename="../../desk/ui/bands.py" line="24"/>
        <source>The desk&apos;s database server cannot be reached. What you type stays on this workstation: save it again once the server answers.</source>
        <translation>لا يمكن الوصول إلى خادم قاعدة بيانات المكتب. ما تكتبه باقٍ على هذه المحطة، فاحفظه مرة أخرى حين يستجيب الخادم.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/bands.py" line="37"/>
        <source>Training mode: posts go to the desk&apos;s training timeline, not to X.</source>
        <translation>وضع التدريب: تذهب المنشورات إلى خط التدريب الزمني في المكتب، لا إلى X.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/bands.py" line="39"/>
        <source>Training mode: no X account is connected, so posts go to the desk&apos;s training timeline, not to X.</source>
        <translation>وضع التدريب: لا يوجد حساب X مربوط، لذا تذهب المنشورات إلى خط التدريب الزمني في المكتب، لا إلى X.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/bands.py" line="46"/>
        <source>Publishing paused: nothing is published, not even scheduled posts, until a supervisor resumes.</source>
        <translation>النشر متوقف مؤقتًا: لن يُنشر شيء، ولا المنشورات المجدولة، حتى يستأنفه أحد المشرفين.</translation>
    </message>
</context>
<context>
    <name>CharCounter</name>
    <message>
        <location filename="../../desk/ui/compose/counter.py" line="40"/>
        <source>%1 of %2 characters as X counts them</source>
        <translation>%1 من %2 حرفًا بحساب X</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/counter.py" line="45"/>
        <source>links: %1 × 23</source>
        <translation>الروابط: %1 × 23</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/counter.py" line="47"/>
        <source>emoji: %1 × 2</source>
        <translation>الرموز التعبيرية: %1 × 2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/counter.py" line="50"/>
        <source>%1 over the limit. X counts every link as 23 and every emoji as 2.</source>
        <translation>تجاوز الحد بـ%1. يحسب X كل رابط بـ23 حرفًا وكل رمز تعبيري بحرفين.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/counter.py" line="54"/>
        <source>Counted as X counts: %1</source>
        <translation>محسوبة كما يحسبها X: %1</translation>
    </message>
</context>
<context>
    <name>ComposePage</name>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="41"/>
        <source>Compose</source>
        <translation>كتابة منشور</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="58"/>
        <source>Add images or video…</source>
        <translation>إضافة صور أو فيديو…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="59"/>
        <source>Or drag files onto this page. Up to 4 images, or one GIF, or one MP4 video with its SubRip (.srt) captions.</source>
        <translation>أو اسحب الملفات إلى هذه الصفحة. حتى 4 صور، أو صورة GIF واحدة، أو فيديو MP4 واحد مع ترجمته بصيغة SubRip (.srt).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="62"/>
        <source>New draft</source>
        <translation>مسودة جديدة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="64"/>
        <source>Save draft</source>
        <translation>حفظ المسودة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="65"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="67"/>
        <source>Submit for review</source>
        <translation>إرسال للمراجعة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="68"/>
        <location filename="../../desk/ui/compose/page.py" line="240"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="76"/>
        <source>Take back from review</source>
        <translation>استرجاع من المراجعة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="114"/>
        <source>My drafts</source>
        <translation>مسوداتي</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="146"/>
        <source>As it will appear on X</source>
        <translation>كما سيظهر في X</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/compose/page.py" line="255"/>
        <source>%n over X&apos;s limit: shorten the post to submit it.</source>
        <translation>
            <numerusform>يزيد المنشور %n حرف على حدّ X: اختصره لتتمكن من إرساله للمراجعة.</numerusform>
            <numerusform>يزيد المنشور حرفًا واحدًا على حدّ X: اختصره لتتمكن من إرساله للمراجعة.</numerusform>
            <numerusform>يزيد المنشور حرفين على حدّ X: اختصره لتتمكن من إرساله للمراجعة.</numerusform>
            <numerusform>يزيد المنشور %n أحرف على حدّ X: اختصره لتتمكن من إرساله للمراجعة.</numerusform>
            <numerusform>يزيد المنشور %n حرفًا على حدّ X: اختصره لتتمكن من إرساله للمراجعة.</numerusform>
            <numerusform>يزيد المنشور %n حرف على حدّ X: اختصره لتتمكن من إرساله للمراجعة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="257"/>
        <source>Part %1 is empty: write it, or remove it, to submit the thread.</source>
        <translation>الجزء %1 فارغ: اكتبه أو احذفه لإرسال السلسلة للمراجعة.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/compose/page.py" line="259"/>
        <source>Part %1 is over the limit by %n: shorten it or split it to submit the thread.</source>
        <translation>
            <numerusform>الجزء %1 يتجاوز الحد بـ%n حرف: اختصره أو قسّمه لإرسال السلسلة للمراجعة.</numerusform>
            <numerusform>الجزء %1 يتجاوز الحد بحرف واحد: اختصره أو قسّمه لإرسال السلسلة للمراجعة.</numerusform>
            <numerusform>الجزء %1 يتجاوز الحد بحرفين: اختصره أو قسّمه لإرسال السلسلة للمراجعة.</numerusform>
            <numerusform>الجزء %1 يتجاوز الحد بـ%n أحرف: اختصره أو قسّمه لإرسال السلسلة للمراجعة.</numerusform>
            <numerusform>الجزء %1 يتجاوز الحد بـ%n حرفًا: اختصره أو قسّمه لإرسال السلسلة للمراجعة.</numerusform>
            <numerusform>الجزء %1 يتجاوز الحد بـ%n حرف: اختصره أو قسّمه لإرسال السلسلة للمراجعة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="286"/>
        <source>Returned by %1: %2</source>
        <translation>أعاده %1: %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="286"/>
        <source>Returned by %1: %2</source>
        <comment>female</comment>
        <translation>أعادته %1: %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="372"/>
        <source>Draft #%1 saved.</source>
        <translation>حُفظت المسودة رقم %1.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="398"/>
        <source>Post #%1 submitted for review.</source>
        <translation>أُرسل المنشور رقم %1 للمراجعة.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/page.py" line="449"/>
        <source>Restored what you were typing (kept at %1). Save it to keep it.</source>
        <translation>استُعيد ما كنت تكتبه (حُفظ تلقائيًا في %1). احفظه لتبقيه.</translation>
    </message>
</context>
<context>
    <name>DeactivateDialog</name>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="225"/>
        <source>Deactivate %1</source>
        <translation>إيقاف %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="225"/>
        <source>Deactivate</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="228"/>
        <source>%1 will no longer be able to sign in. Their history stays in the log under their name.</source>
        <translation>لن يتمكن %1 من تسجيل الدخول بعد الآن، ويبقى كل ما فعله في السجل باسمه.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="229"/>
        <source>%1 will no longer be able to sign in. Their history stays in the log under their name.</source>
        <comment>female</comment>
        <translation>لن تتمكن %1 من تسجيل الدخول بعد الآن، ويبقى كل ما فعلته في السجل باسمها.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="234"/>
        <source>Nobody (leave them as they are)</source>
        <translation>لا أحد (تبقى كما هي)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="238"/>
        <source>Hand over the open drafts (%1) to</source>
        <translation>سلّم المسودات المفتوحة (%1) إلى</translation>
    </message>
</context>
<context>
    <name>DeskApplication</name>
    <message>
        <location filename="../../desk/ui/app.py" line="51"/>
        <source>Posting Desk</source>
        <translation>مكتب النشر</translation>
    </message>
</context>
<context>
    <name>DeskContext</name>
    <message>
        <location filename="../../desk/ui/context.py" line="96"/>
        <source>This workstation cannot publish: the X keys are kept on another workstation&apos;s keyring.</source>
        <translation>لا تستطيع هذه المحطة النشر: مفاتيح X محفوظة في مخزن مفاتيح محطة أخرى.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/context.py" line="102"/>
        <source>Scheduled posts are published by the workstation %1, not by this one (%2).</source>
        <translation>تنشر المحطة %1 المنشورات المجدولة، لا هذه المحطة (%2).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/context.py" line="160"/>
        <source>The request could not be completed (%1).</source>
        <translation>تعذّر إتمام الطلب (%1).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/context.py" line="161"/>
        <location filename="../../desk/ui/first_run.py" line="189"/>
        <location filename="../../desk/ui/flow.py" line="46"/>
        <location filename="../../desk/ui/sign_in.py" line="235"/>
        <source>Something unexpected went wrong (%1). Nothing else was changed.</source>
        <translation>حدث خطأ غير متوقع (%1). لم يتغير شيء آخر.</translation>
    </message>
</context>
<context>
    <name>DeskSettingsBox</name>
    <message>
        <location filename="../../desk/ui/settings/desk_box.py" line="47"/>
        <source>Days ahead a post may be scheduled, at most</source>
        <translation>أقصى مدة للجدولة مسبقًا (بالأيام)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/desk_box.py" line="16"/>
        <source>The desk</source>
        <translation>المكتب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/desk_box.py" line="18"/>
        <source>One supervisor</source>
        <translation>مشرف واحد</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/desk_box.py" line="19"/>
        <source>Two supervisors</source>
        <translation>مشرفان</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/settings/desk_box.py" line="22"/>
        <location filename="../../desk/ui/settings/desk_box.py" line="34"/>
        <source> minutes</source>
        <translation>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقائق</numerusform>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/settings/desk_box.py" line="25"/>
        <source> characters</source>
        <translation>
            <numerusform> حرف</numerusform>
            <numerusform> حرف</numerusform>
            <numerusform> حرف</numerusform>
            <numerusform> أحرف</numerusform>
            <numerusform> حرفًا</numerusform>
            <numerusform> حرف</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/desk_box.py" line="35"/>
        <source>Publish to the training timeline, not to X</source>
        <translation>انشر في خط التدريب الزمني، لا في X</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/desk_box.py" line="37"/>
        <source>As the computer&apos;s system</source>
        <translation>كلغة نظام الحاسوب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/desk_box.py" line="40"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/desk_box.py" line="44"/>
        <source>Approvals needed</source>
        <translation>الموافقات المطلوبة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/desk_box.py" line="45"/>
        <source>Send a scheduled post at most this late</source>
        <translation>أقصى تأخير لإرسال منشور مجدول</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/desk_box.py" line="46"/>
        <source>Character limit</source>
        <translation>حد الأحرف</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/desk_box.py" line="48"/>
        <source>Lock the window after</source>
        <translation>قفل النافذة بعد</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/desk_box.py" line="49"/>
        <source>Training mode</source>
        <translation>وضع التدريب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/desk_box.py" line="50"/>
        <source>Language of the desk</source>
        <translation>لغة المكتب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/desk_box.py" line="102"/>
        <source>The desk&apos;s settings are saved.</source>
        <translation>حُفظت إعدادات المكتب.</translation>
    </message>
</context>
<context>
    <name>DraftsList</name>
    <message>
        <location filename="../../desk/ui/compose/drafts_list.py" line="19"/>
        <source>My drafts</source>
        <translation>مسوداتي</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/drafts_list.py" line="23"/>
        <source>No drafts yet: write a post in the editor and save it as a draft.</source>
        <translation>لا مسودات بعد: اكتب منشورًا في المحرر واحفظه مسودة.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desk/ui/first_run.py" line="101"/>
        <source>First run</source>
        <translation>التشغيل الأول</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="103"/>
        <source>This data folder has no institution yet. Enter the institution that owns the X account and its first administrator. The administrator then adds the office&apos;s staff.</source>
        <translation>لا توجد مؤسسة في مجلد البيانات هذا بعد. أدخل المؤسسة التي تملك حساب X ومسؤول النظام الأول، ثم يضيف المسؤول موظفي المكتب.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="105"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="106"/>
        <source>The institution</source>
        <translation>المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="107"/>
        <source>The first administrator</source>
        <translation>مسؤول النظام الأول</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="109"/>
        <source>Name in Arabic</source>
        <translation>الاسم بالعربية</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="110"/>
        <source>Name in English</source>
        <translation>الاسم بالإنجليزية</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="111"/>
        <source>X handle</source>
        <translation>معرّف X</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="112"/>
        <location filename="../../desk/ui/first_run.py" line="122"/>
        <source>Logo</source>
        <translation>الشعار</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="113"/>
        <source>Username</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="114"/>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="115"/>
        <source>Addressed as</source>
        <translation>صيغة المخاطبة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="116"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="117"/>
        <source>Password again</source>
        <translation>كلمة المرور مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="123"/>
        <source>Choose logo…</source>
        <translation>اختيار الشعار…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="124"/>
        <source>PNG, JPEG or SVG. Until one is chosen a neutral placeholder is used.</source>
        <translation>PNG أو JPEG أو SVG. إلى أن يُختار شعار تُستعمل صورة محايدة.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="125"/>
        <source>Set up the desk</source>
        <translation>إنشاء المكتب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="147"/>
        <source>Choose the institution&apos;s logo</source>
        <translation>اختر شعار المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="148"/>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>الصور (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="161"/>
        <source>The two passwords are not the same.</source>
        <translation>كلمتا المرور غير متطابقتين.</translation>
    </message>
</context>
<context>
    <name>GenderBox</name>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="47"/>
        <source>Not given (sentences use the masculine form)</source>
        <translation>غير محدد (تُستعمل صيغة المذكر)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="48"/>
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="48"/>
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../desk/ui/header.py" line="19"/>
        <source>Institution logo</source>
        <translation>شعار المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/header.py" line="26"/>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/header.py" line="27"/>
        <source>Sign out</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../desk/ui/header.py" line="47"/>
        <source>Training timeline (@%1)</source>
        <translation>خط التدريب الزمني (‎@%1‎)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/header.py" line="49"/>
        <source>On X as @%1</source>
        <translation>في X باسم ‎@%1‎</translation>
    </message>
    <message>
        <location filename="../../desk/ui/header.py" line="52"/>
        <source>Signed in as %1</source>
        <translation>مسجّل الدخول باسم %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/header.py" line="52"/>
        <source>Signed in as %1</source>
        <comment>female</comment>
        <translation>مسجّلة الدخول باسم %1</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../desk/ui/history_view.py" line="68"/>
        <source>History of the post</source>
        <translation>سجل المنشور</translation>
    </message>
    <message>
        <location filename="../../desk/ui/history_view.py" line="75"/>
        <source>When</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../desk/ui/history_view.py" line="75"/>
        <source>Who</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../desk/ui/history_view.py" line="75"/>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <location filename="../../desk/ui/history_view.py" line="75"/>
        <source>Reason or comment</source>
        <translation>السبب أو الملاحظة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/history_view.py" line="120"/>
        <source>a thread of %n parts</source>
        <translation>
            <numerusform>سلسلة من %n جزء</numerusform>
            <numerusform>سلسلة من جزء واحد</numerusform>
            <numerusform>سلسلة من جزأين</numerusform>
            <numerusform>سلسلة من %n أجزاء</numerusform>
            <numerusform>سلسلة من %n جزءًا</numerusform>
            <numerusform>سلسلة من %n جزء</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageCard</name>
    <message>
        <location filename="../../desk/ui/compose/images.py" line="63"/>
        <source>Language of the captions</source>
        <translation>لغة الترجمة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/images.py" line="66"/>
        <source>Captions</source>
        <translation>ترجمة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/images.py" line="68"/>
        <source>Caption file</source>
        <translation>ملف الترجمة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/images.py" line="73"/>
        <source>Describe the video for people who cannot see it</source>
        <translation>صِف الفيديو لمن لا يستطيع مشاهدته</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/images.py" line="74"/>
        <source>Description of the video</source>
        <translation>وصف الفيديو</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/images.py" line="75"/>
        <source>Video</source>
        <translation>الفيديو</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/images.py" line="77"/>
        <source>Describe the image for people who cannot see it</source>
        <translation>صِف الصورة لمن لا يستطيع رؤيتها</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/images.py" line="78"/>
        <source>Description of image %1</source>
        <translation>وصف الصورة %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/images.py" line="79"/>
        <source>Image %1</source>
        <translation>الصورة %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/images.py" line="82"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/images.py" line="83"/>
        <source>Remove image %1</source>
        <translation>إزالة الصورة %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/images.py" line="84"/>
        <source>Remove %1</source>
        <translation>إزالة %1</translation>
    </message>
</context>
<context>
    <name>InstitutionBox</name>
    <message>
        <location filename="../../desk/ui/settings/institution_box.py" line="16"/>
        <source>The institution</source>
        <translation>المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/institution_box.py" line="24"/>
        <source>Choose logo…</source>
        <translation>اختيار الشعار…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/institution_box.py" line="25"/>
        <source>PNG, JPEG or SVG</source>
        <translation>PNG أو JPEG أو SVG</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/institution_box.py" line="27"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/institution_box.py" line="34"/>
        <source>Name in Arabic</source>
        <translation>الاسم بالعربية</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/institution_box.py" line="34"/>
        <source>Name in English</source>
        <translation>الاسم بالإنجليزية</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/institution_box.py" line="35"/>
        <source>X handle</source>
        <translation>معرّف X</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/institution_box.py" line="38"/>
        <source>Logo</source>
        <translation>الشعار</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/institution_box.py" line="54"/>
        <source>Choose the institution&apos;s logo</source>
        <translation>اختر شعار المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/institution_box.py" line="55"/>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>الصور (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/institution_box.py" line="63"/>
        <source>The institution&apos;s details are saved.</source>
        <translation>حُفظت بيانات المؤسسة.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desk/ui/lock_screen.py" line="37"/>
        <location filename="../../desk/ui/lock_screen.py" line="38"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../desk/ui/lock_screen.py" line="41"/>
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/lock_screen.py" line="44"/>
        <source>Sign out</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../desk/ui/lock_screen.py" line="75"/>
        <source>The desk was locked after a while without use. %1, enter your password to go on where you left off.</source>
        <translation>قُفل المكتب بعد فترة دون استعمال. يا %1، أدخل كلمة المرور لتكمل من حيث توقفت.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/lock_screen.py" line="76"/>
        <source>The desk was locked after a while without use. %1, enter your password to go on where you left off.</source>
        <comment>female</comment>
        <translation>قُفل المكتب بعد فترة دون استعمال. يا %1، أدخلي كلمة المرور لتكملي من حيث توقفتِ.</translation>
    </message>
</context>
<context>
    <name>LogExport</name>
    <message>
        <location filename="../../desk/ui/log/export.py" line="38"/>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV لبرنامج Excel (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/export.py" line="38"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>مصنف Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/export.py" line="39"/>
        <source>PDF document (*.pdf)</source>
        <translation>مستند PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/export.py" line="39"/>
        <source>JSON for auditors (*.json)</source>
        <translation>JSON للمدققين (*.json)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/export.py" line="40"/>
        <source>Export the log</source>
        <translation>تصدير السجل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/export.py" line="64"/>
        <source>Exported to %2 (posts: %1).</source>
        <translation>صُدّر إلى %2 (المنشورات: %1).</translation>
    </message>
</context>
<context>
    <name>LogFilters</name>
    <message>
        <location filename="../../desk/ui/log/filters.py" line="34"/>
        <source>Search the text of every post (Ctrl+F)</source>
        <translation>ابحث في نصوص كل المنشورات (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/filters.py" line="35"/>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/filters.py" line="37"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/filters.py" line="38"/>
        <source>Every state</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/filters.py" line="41"/>
        <location filename="../../desk/ui/log/filters.py" line="58"/>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/filters.py" line="42"/>
        <location filename="../../desk/ui/log/filters.py" line="60"/>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/filters.py" line="44"/>
        <source>Author</source>
        <translation>الكاتب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/filters.py" line="46"/>
        <source>Approver</source>
        <translation>الموافِق</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/filters.py" line="70"/>
        <source>any day</source>
        <translation>أي يوم</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/filters.py" line="76"/>
        <source>Every author</source>
        <translation>كل الكتّاب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/filters.py" line="77"/>
        <source>Every approver</source>
        <translation>كل الموافقين</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <location filename="../../desk/ui/log/model.py" line="35"/>
        <source>#</source>
        <translation>رقم</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/model.py" line="35"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/model.py" line="35"/>
        <source>First line</source>
        <translation>السطر الأول</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/model.py" line="35"/>
        <source>Author</source>
        <translation>الكاتب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/model.py" line="36"/>
        <source>Approver</source>
        <translation>الموافِق</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/model.py" line="36"/>
        <source>Published</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/model.py" line="36"/>
        <source>On X</source>
        <translation>في X</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/model.py" line="36"/>
        <source>Likes</source>
        <translation>الإعجابات</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/model.py" line="36"/>
        <source>Reposts</source>
        <translation>إعادات النشر</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/model.py" line="37"/>
        <source>Impressions</source>
        <translation>مرات الظهور</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/model.py" line="99"/>
        <source>%1 · training</source>
        <translation>%1 · تدريب</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/log/model.py" line="105"/>
        <source>Thread (%n): %1</source>
        <translation>
            <numerusform>سلسلة (%n جزء): %1</numerusform>
            <numerusform>سلسلة (جزء واحد): %1</numerusform>
            <numerusform>سلسلة (جزآن): %1</numerusform>
            <numerusform>سلسلة (%n أجزاء): %1</numerusform>
            <numerusform>سلسلة (%n جزءًا): %1</numerusform>
            <numerusform>سلسلة (%n جزء): %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/model.py" line="123"/>
        <source>X&apos;s figures, read %1</source>
        <translation>أرقام X، قُرئت في %1</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../desk/ui/log/page.py" line="29"/>
        <source>Log</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="40"/>
        <source>Every post</source>
        <translation>كل المنشورات</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="50"/>
        <source>Open on X</source>
        <translation>فتح في X</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="52"/>
        <source>Withdraw from X…</source>
        <translation>سحب من X…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="57"/>
        <source>Exporting… (posts so far: %1)</source>
        <translation>جارٍ التصدير… (المنشورات حتى الآن: %1)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="115"/>
        <source>Posts: %1</source>
        <translation>المنشورات: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="58"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="95"/>
        <source>Export is not available in this version.</source>
        <translation>التصدير غير متاح في هذا الإصدار.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="98"/>
        <source>Supervisors and administrators may export the log.</source>
        <translation>يصدّر السجل المشرفون ومسؤولو النظام.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="118"/>
        <source>No post matches these filters or this search. Clear them to see every post.</source>
        <translation>لا منشور يطابق هذه المرشحات أو هذا البحث. امسحها لترى كل المنشورات.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="119"/>
        <source>No posts yet. Every post written on the Compose page comes here, with its whole history.</source>
        <translation>لا منشورات بعد. يأتي إلى هنا كل منشور يُكتب في صفحة «كتابة منشور»، مع تاريخه كاملًا.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="166"/>
        <source>Every part of the thread on X is deleted, from the last; the log keeps them and your reason. Why?</source>
        <translation>ستُحذف أجزاء السلسلة كلها من X بدءًا بآخرها، ويحتفظ السجل بها وبسببك. لماذا؟</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="170"/>
        <source>Withdraw post #%1 from X</source>
        <translation>سحب المنشور رقم %1 من X</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="169"/>
        <source>The post is deleted from X; the log keeps it and your reason. Why?</source>
        <translation>سيُحذف المنشور من X، ويحتفظ السجل به وبسببك. لماذا؟</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="171"/>
        <source>Withdraw</source>
        <translation>سحب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/log/page.py" line="179"/>
        <source>Post #%1 withdrawn.</source>
        <translation>سُحب المنشور رقم %1.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk/ui/main_window.py" line="82"/>
        <source>Compose</source>
        <translation>كتابة منشور</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="83"/>
        <source>For review</source>
        <translation>للمراجعة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="84"/>
        <source>Approved and scheduled</source>
        <translation>المعتمدة والمجدولة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="85"/>
        <source>Log</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="86"/>
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="87"/>
        <source>Training timeline</source>
        <translation>خط التدريب الزمني</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="88"/>
        <source>Staff</source>
        <translation>الموظفون</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="89"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../desk/ui/first_run.py" line="126"/>
        <location filename="../../desk/ui/lock_screen.py" line="49"/>
        <location filename="../../desk/ui/main_window.py" line="101"/>
        <location filename="../../desk/ui/sign_in.py" line="134"/>
        <location filename="../../desk/ui/staff/dialogs.py" line="82"/>
        <source>Working</source>
        <translation>جارٍ العمل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="110"/>
        <source>&amp;Desk</source>
        <translation>المكتب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="111"/>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="112"/>
        <source>Sign out</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="113"/>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="119"/>
        <source>&amp;Log</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="120"/>
        <source>Search the log</source>
        <translation>البحث في السجل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="122"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="219"/>
        <source>This workstation holds the X keys.</source>
        <translation>تحتفظ هذه المحطة بمفاتيح X.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/main_window.py" line="228"/>
        <source>Posts waiting for your review: %n.</source>
        <translation>
            <numerusform>لا منشورات تنتظر مراجعتك.</numerusform>
            <numerusform>منشور واحد ينتظر مراجعتك.</numerusform>
            <numerusform>منشوران ينتظران مراجعتك.</numerusform>
            <numerusform>%n منشورات تنتظر مراجعتك.</numerusform>
            <numerusform>%n منشورًا ينتظر مراجعتك.</numerusform>
            <numerusform>%n منشور ينتظر مراجعتك.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="229"/>
        <source>A post could not be published: see Approved and scheduled.</source>
        <translation>تعذّر نشر منشور: انظر «المعتمدة والمجدولة».</translation>
    </message>
</context>
<context>
    <name>MonthBar</name>
    <message>
        <location filename="../../desk/ui/reports/month_bar.py" line="29"/>
        <source>Gregorian</source>
        <translation>ميلادي</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/month_bar.py" line="30"/>
        <source>Hijri</source>
        <translation>هجري</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/month_bar.py" line="31"/>
        <source>Calendar</source>
        <translation>التقويم</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/month_bar.py" line="34"/>
        <location filename="../../desk/ui/reports/month_bar.py" line="35"/>
        <source>The month before</source>
        <translation>الشهر السابق</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/month_bar.py" line="36"/>
        <location filename="../../desk/ui/reports/month_bar.py" line="37"/>
        <source>The month after</source>
        <translation>الشهر التالي</translation>
    </message>
</context>
<context>
    <name>NoticeLine</name>
    <message>
        <location filename="../../desk/ui/notice.py" line="32"/>
        <source>Error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <location filename="../../desk/ui/notice.py" line="32"/>
        <source>Notice</source>
        <translation>تنبيه</translation>
    </message>
</context>
<context>
    <name>OneTimePasswordDialog</name>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="192"/>
        <source>One-time password for %1</source>
        <translation>كلمة مرور لمرة واحدة للمستخدم %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="193"/>
        <source>One-time password for %1</source>
        <comment>female</comment>
        <translation>كلمة مرور لمرة واحدة للمستخدمة %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="197"/>
        <source>One-time password</source>
        <translation>كلمة المرور لمرة واحدة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="200"/>
        <source>Give it to %1 in person. It is shown only now; at their next sign-in they must choose a new password.</source>
        <translation>سلّمها إلى %1 شخصيًا. لن تظهر إلا الآن، وعليه أن يختار كلمة مرور جديدة عند تسجيل دخوله التالي.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="202"/>
        <source>Give it to %1 in person. It is shown only now; at their next sign-in they must choose a new password.</source>
        <comment>female</comment>
        <translation>سلّمها إلى %1 شخصيًا. لن تظهر إلا الآن، وعليها أن تختار كلمة مرور جديدة عند تسجيل دخولها التالي.</translation>
    </message>
</context>
<context>
    <name>PartBox</name>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="39"/>
        <source>Join with next</source>
        <translation>دمج مع التالي</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="40"/>
        <source>Move up</source>
        <translation>نقل للأعلى</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="41"/>
        <source>Move down</source>
        <translation>نقل للأسفل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="42"/>
        <source>Remove part</source>
        <translation>حذف الجزء</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="44"/>
        <location filename="../../desk/ui/compose/part_box.py" line="138"/>
        <source>Text of the post</source>
        <translation>نص المنشور</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="45"/>
        <source>Write the post here…</source>
        <translation>اكتب المنشور هنا…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="52"/>
        <source>Add a part</source>
        <translation>إضافة جزء</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="53"/>
        <source>Write a thread: posts that go out one after the other, each a reply to the one before, approved together.</source>
        <translation>كتابة سلسلة: منشورات تُنشر واحدًا بعد الآخر، كلٌّ منها ردّ على ما قبله، وتُعتمد معًا.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="56"/>
        <source>Split the text</source>
        <translation>تقسيم النص</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="57"/>
        <source>Cut the text into parts at the ends of its sentences, each within X&apos;s limit: the post becomes a thread.</source>
        <translation>تقطيع النص أجزاءً عند نهايات جمله، كلٌّ منها ضمن حدّ X، فيصير المنشور سلسلة.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="69"/>
        <source>Add images or video…</source>
        <translation>إضافة صور أو فيديو…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="70"/>
        <source>Up to 4 images, or one GIF, or one MP4 video with its SubRip (.srt) captions, for this part.</source>
        <translation>حتى 4 صور، أو صورة GIF واحدة، أو فيديو MP4 واحد مع ترجمته بصيغة SubRip (.srt)، لهذا الجزء.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="123"/>
        <source>Part %1 of %2</source>
        <translation>الجزء %1 من %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="132"/>
        <source>Text of part %1 of %2</source>
        <translation>نص الجزء %1 من %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="134"/>
        <source>Join part %1 with part %2</source>
        <translation>دمج الجزء %1 مع الجزء %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="136"/>
        <source>Remove part %1</source>
        <translation>حذف الجزء %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="215"/>
        <source>Add images or video</source>
        <translation>إضافة صور أو فيديو</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/part_box.py" line="216"/>
        <source>Images, video and captions (*.png *.jpg *.jpeg *.gif *.webp *.mp4 *.srt);;All files (*)</source>
        <translation>الصور والفيديو والترجمة (*.png *.jpg *.jpeg *.gif *.webp *.mp4 *.srt);;كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>PartsColumn</name>
    <message>
        <location filename="../../desk/ui/compose/parts.py" line="244"/>
        <source>Remove part %1</source>
        <translation>حذف الجزء %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/parts.py" line="245"/>
        <source>Remove part %1 with its text and pictures? This cannot be undone.</source>
        <translation>هل تريد حذف الجزء %1 بنصه وصوره؟ لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/parts.py" line="248"/>
        <source>Remove part</source>
        <translation>حذف الجزء</translation>
    </message>
</context>
<context>
    <name>PartsDiff</name>
    <message>
        <location filename="../../desk/ui/review/parts_diff.py" line="61"/>
        <source>Parts now: %1 (at the last review: %2).</source>
        <translation>عدد الأجزاء الآن: %1 (عند آخر مراجعة: %2).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/parts_diff.py" line="62"/>
        <source>Part %1 was part %2: moved.</source>
        <translation>الجزء %1 كان الجزء %2: نُقل.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/parts_diff.py" line="63"/>
        <source>Part %1: its images changed.</source>
        <translation>الجزء %1: تغيّرت صوره.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/parts_diff.py" line="64"/>
        <source>Part %1: its image descriptions changed.</source>
        <translation>الجزء %1: تغيّرت أوصاف صوره.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/parts_diff.py" line="65"/>
        <source>Part %1 changed:</source>
        <translation>تغيّر الجزء %1:</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/parts_diff.py" line="66"/>
        <source>Part %1 (part %2 at the last review) changed:</source>
        <translation>تغيّر الجزء %1 (وكان الجزء %2 عند آخر مراجعة):</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/parts_diff.py" line="67"/>
        <source>Part %1 is new:</source>
        <translation>الجزء %1 جديد:</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/parts_diff.py" line="68"/>
        <source>Part %1 of the version reviewed was removed:</source>
        <translation>حُذف الجزء %1 من النسخة التي رُوجعت:</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/parts_diff.py" line="69"/>
        <source>The parts&apos; numbers (k/n) were written again.</source>
        <translation>أُعيد ترقيم الأجزاء (k/n).</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="172"/>
        <source>Reset the password of %1</source>
        <translation>إعادة تعيين كلمة مرور %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="172"/>
        <source>Reset password</source>
        <translation>إعادة تعيين كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="175"/>
        <source>The desk will make a one-time password for %1 and show it to you once. They must choose a new password when they next sign in, and they will see that you reset it.</source>
        <translation>سيُنشئ المكتب كلمة مرور لمرة واحدة للمستخدم %1 ويعرضها عليك مرة واحدة. وعليه أن يختار كلمة مرور جديدة عند تسجيل دخوله التالي، وسيرى أنك أنت من أعاد تعيينها.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="177"/>
        <source>The desk will make a one-time password for %1 and show it to you once. They must choose a new password when they next sign in, and they will see that you reset it.</source>
        <comment>female</comment>
        <translation>سيُنشئ المكتب كلمة مرور لمرة واحدة للمستخدمة %1 ويعرضها عليك مرة واحدة. وعليها أن تختار كلمة مرور جديدة عند تسجيل دخولها التالي، وسترى أنك أنت من أعاد تعيينها.</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <location filename="../../desk/ui/places.py" line="15"/>
        <source>Places</source>
        <translation>الأقسام</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/places.py" line="51"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>لا شيء ينتظر</numerusform>
            <numerusform>منشور واحد ينتظر</numerusform>
            <numerusform>منشوران ينتظران</numerusform>
            <numerusform>%n منشورات تنتظر</numerusform>
            <numerusform>%n منشورًا ينتظر</numerusform>
            <numerusform>%n منشور ينتظر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/places.py" line="52"/>
        <source>Posts waiting for your review: %n</source>
        <translation>
            <numerusform>لا منشورات تنتظر مراجعتك</numerusform>
            <numerusform>منشور واحد ينتظر مراجعتك</numerusform>
            <numerusform>منشوران ينتظران مراجعتك</numerusform>
            <numerusform>%n منشورات تنتظر مراجعتك</numerusform>
            <numerusform>%n منشورًا ينتظر مراجعتك</numerusform>
            <numerusform>%n منشور ينتظر مراجعتك</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/places.py" line="53"/>
        <source>%n to look at</source>
        <translation>
            <numerusform>لا شيء للمتابعة</numerusform>
            <numerusform>منشور واحد للمتابعة</numerusform>
            <numerusform>منشوران للمتابعة</numerusform>
            <numerusform>%n منشورات للمتابعة</numerusform>
            <numerusform>%n منشورًا للمتابعة</numerusform>
            <numerusform>%n منشور للمتابعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/places.py" line="54"/>
        <source>Posts that could not go out as planned (failed, not confirmed or missed their time): %n</source>
        <translation>
            <numerusform>لا منشورات تعذّر نشرها كما خُطط</numerusform>
            <numerusform>منشور واحد تعذّر نشره كما خُطط: فشل النشر، أو لم يُؤكَّد النشر، أو فات الموعد</numerusform>
            <numerusform>منشوران تعذّر نشرهما كما خُطط: فشل النشر، أو لم يُؤكَّد النشر، أو فات الموعد</numerusform>
            <numerusform>%n منشورات تعذّر نشرها كما خُطط: فشل النشر، أو لم يُؤكَّد النشر، أو فات الموعد</numerusform>
            <numerusform>%n منشورًا تعذّر نشره كما خُطط: فشل النشر، أو لم يُؤكَّد النشر، أو فات الموعد</numerusform>
            <numerusform>%n منشور تعذّر نشره كما خُطط: فشل النشر، أو لم يُؤكَّد النشر، أو فات الموعد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostDetail</name>
    <message>
        <location filename="../../desk/ui/post_detail.py" line="31"/>
        <source>History</source>
        <translation>السجل التفصيلي</translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_detail.py" line="101"/>
        <source>Choose a post to see it here.</source>
        <translation>اختر منشورًا لتراه هنا.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_detail.py" line="139"/>
        <source>Post #%1 · %2</source>
        <translation>المنشور رقم %1 · %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_detail.py" line="129"/>
        <source>Written by %1</source>
        <translation>كتبه %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/post_detail.py" line="106"/>
        <source>A thread of %n parts</source>
        <translation>
            <numerusform>سلسلة من %n جزء</numerusform>
            <numerusform>سلسلة من جزء واحد</numerusform>
            <numerusform>سلسلة من جزأين</numerusform>
            <numerusform>سلسلة من %n أجزاء</numerusform>
            <numerusform>سلسلة من %n جزءًا</numerusform>
            <numerusform>سلسلة من %n جزء</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_detail.py" line="109"/>
        <source>parts on X: %1 of %2</source>
        <translation>المنشور منها على X: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_detail.py" line="130"/>
        <source>Written by %1</source>
        <comment>female</comment>
        <translation>كتبته %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_detail.py" line="135"/>
        <source>Approved by %1</source>
        <translation>وافق عليه %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_detail.py" line="136"/>
        <source>Approved by %1</source>
        <comment>female</comment>
        <translation>وافقت عليه %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_detail.py" line="142"/>
        <source>Scheduled for %1</source>
        <translation>مجدول في %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_detail.py" line="144"/>
        <source>Published %1</source>
        <translation>نُشر في %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_detail.py" line="151"/>
        <source>Images without a description: %1.</source>
        <translation>صور بلا وصف: %1.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/post_detail.py" line="153"/>
        <source>The video has no description.</source>
        <translation>الفيديو بلا وصف.</translation>
    </message>
</context>
<context>
    <name>PostPreview</name>
    <message>
        <location filename="../../desk/ui/preview.py" line="29"/>
        <source>Preview of the post</source>
        <translation>معاينة المنشور</translation>
    </message>
    <message>
        <location filename="../../desk/ui/preview.py" line="33"/>
        <source>Institution logo</source>
        <translation>شعار المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/preview.py" line="50"/>
        <source>Text of the post</source>
        <translation>نص المنشور</translation>
    </message>
    <message>
        <location filename="../../desk/ui/preview.py" line="57"/>
        <source>Time of the post</source>
        <translation>وقت المنشور</translation>
    </message>
    <message>
        <location filename="../../desk/ui/preview.py" line="91"/>
        <source>Training</source>
        <translation>تدريب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/preview.py" line="100"/>
        <source>post %1 on X</source>
        <translation>المنشور %1 على X</translation>
    </message>
    <message>
        <location filename="../../desk/ui/preview.py" line="101"/>
        <source>Replying to %1</source>
        <translation>ردًا على %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/preview.py" line="145"/>
        <source>Image %1</source>
        <translation>الصورة %1</translation>
    </message>
</context>
<context>
    <name>PublishConfirm</name>
    <message>
        <location filename="../../desk/ui/publish/confirm.py" line="19"/>
        <source>Publish now?</source>
        <translation>النشر الآن؟</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/confirm.py" line="22"/>
        <source>This post goes out now on X, on the account @%1, for everyone to see.</source>
        <translation>سيُنشر هذا المنشور الآن في X على الحساب ‎@%1‎ ليراه الجميع.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/confirm.py" line="24"/>
        <source>This post goes to the desk&apos;s training timeline (@%1), not to X.</source>
        <translation>سيذهب هذا المنشور إلى خط التدريب الزمني في المكتب (‎@%1‎)، لا إلى X.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/confirm.py" line="27"/>
        <source>Already there: %1 of the %2 parts. The rest go out now, each a reply to the one before.</source>
        <translation>المنشور منها هناك: %1 من %2. وتُنشر البقية الآن، كلٌّ منها ردّ على ما قبله.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/publish/confirm.py" line="30"/>
        <source>A thread of %n parts: they go out one after the other, each a reply to the one before.</source>
        <translation>
            <numerusform>سلسلة من %n جزء، تُنشر واحدًا بعد الآخر، كلٌّ منها ردّ على ما قبله.</numerusform>
            <numerusform>سلسلة من جزء واحد، تُنشر واحدًا بعد الآخر، كلٌّ منها ردّ على ما قبله.</numerusform>
            <numerusform>سلسلة من جزأين، تُنشر واحدًا بعد الآخر، كلٌّ منها ردّ على ما قبله.</numerusform>
            <numerusform>سلسلة من %n أجزاء، تُنشر واحدًا بعد الآخر، كلٌّ منها ردّ على ما قبله.</numerusform>
            <numerusform>سلسلة من %n جزءًا، تُنشر واحدًا بعد الآخر، كلٌّ منها ردّ على ما قبله.</numerusform>
            <numerusform>سلسلة من %n جزء، تُنشر واحدًا بعد الآخر، كلٌّ منها ردّ على ما قبله.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/confirm.py" line="46"/>
        <source>Publish now</source>
        <translation>نشر الآن</translation>
    </message>
</context>
<context>
    <name>PublishProgress</name>
    <message>
        <location filename="../../desk/ui/publish/progress_row.py" line="23"/>
        <source>Publishing progress</source>
        <translation>تقدّم النشر</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/progress_row.py" line="24"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/progress_row.py" line="25"/>
        <source>Stop before the post is sent to X. Once the post is on its way it cannot be stopped.</source>
        <translation>أوقِف النشر قبل إرسال المنشور إلى X. بعد أن يبدأ إرسال المنشور لا يمكن إيقافه.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/progress_row.py" line="46"/>
        <source>Getting ready…</source>
        <translation>جارٍ التحضير…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/progress_row.py" line="57"/>
        <source>Uploading: %1 of %2 MB</source>
        <translation>جارٍ الرفع: %1 من %2 م.ب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/progress_row.py" line="62"/>
        <source>X is processing the media: %1%</source>
        <translation>يعالج X الوسائط: %1٪</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/progress_row.py" line="65"/>
        <source>Sending the post to X…</source>
        <translation>جارٍ إرسال المنشور إلى X…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/progress_row.py" line="71"/>
        <source>Cancelling: nothing will be sent…</source>
        <translation>جارٍ الإلغاء: لن يُرسل شيء…</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="29"/>
        <source>&amp;Open</source>
        <translation>&amp;فتح</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="30"/>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="31"/>
        <source>&amp;Choose</source>
        <translation>ا&amp;ختيار</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="13"/>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="14"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="15"/>
        <source>Save All</source>
        <translation>حفظ الكل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="16"/>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="17"/>
        <source>&amp;Yes</source>
        <translation>&amp;نعم</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="18"/>
        <source>&amp;No</source>
        <translation>&amp;لا</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="19"/>
        <source>Abort</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="20"/>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="21"/>
        <source>Ignore</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="22"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="23"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="24"/>
        <source>Discard</source>
        <translation>تجاهل التغييرات</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="25"/>
        <source>Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="26"/>
        <source>Apply</source>
        <translation>تطبيق</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="27"/>
        <source>Reset</source>
        <translation>إعادة الضبط</translation>
    </message>
    <message>
        <location filename="../../desk/ui/standard_words.py" line="28"/>
        <source>Restore Defaults</source>
        <translation>استعادة الافتراضي</translation>
    </message>
</context>
<context>
    <name>ReachBox</name>
    <message>
        <location filename="../../desk/ui/reports/reach_box.py" line="43"/>
        <source>Read X&apos;s figures…</source>
        <translation>قراءة أرقام X…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/reach_box.py" line="44"/>
        <source>Ask X for the likes, reposts, replies and impressions of this month&apos;s posts. X charges for each post read: the cost is shown first.</source>
        <translation>طلب أعداد الإعجابات وإعادات النشر والردود ومرات الظهور لمنشورات هذا الشهر من X. يتقاضى X مبلغًا عن كل منشور تُقرأ أرقامه، وتُعرض التكلفة قبل القراءة.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/reach_box.py" line="105"/>
        <source>Posts read: %1 of the %2 published in the month.</source>
        <translation>المنشورات المقروءة: %1 من أصل %2 نُشرت في الشهر.</translation>
    </message>
</context>
<context>
    <name>ReachRead</name>
    <message>
        <location filename="../../desk/ui/reports/reach_read.py" line="81"/>
        <source>Read X&apos;s figures</source>
        <translation>قراءة أرقام X</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/reports/reach_read.py" line="82"/>
        <source>Read the figures of %n posts from X?</source>
        <translation>
            <numerusform>هل تريد قراءة أرقام %n منشور من X؟</numerusform>
            <numerusform>هل تريد قراءة أرقام منشور واحد من X؟</numerusform>
            <numerusform>هل تريد قراءة أرقام منشورَين من X؟</numerusform>
            <numerusform>هل تريد قراءة أرقام %n منشورات من X؟</numerusform>
            <numerusform>هل تريد قراءة أرقام %n منشورًا من X؟</numerusform>
            <numerusform>هل تريد قراءة أرقام %n منشور من X؟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/reach_read.py" line="84"/>
        <source>Requests to X: %1</source>
        <translation>عدد الطلبات إلى X: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/reach_read.py" line="85"/>
        <source>Estimated cost: %1 (X charges for each post it returns)</source>
        <translation>التكلفة التقديرية: %1 (يتقاضى X مبلغًا عن كل منشور يعيد أرقامه)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/reach_read.py" line="86"/>
        <source>Left of this month&apos;s budget: %1 of %2</source>
        <translation>المتبقي من ميزانية هذا الشهر: %1 من أصل %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/reach_read.py" line="92"/>
        <source>Read and pay</source>
        <translation>قراءة ودفع التكلفة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/reports/reach_read.py" line="96"/>
        <source>The figures of %n posts were read from X.</source>
        <translation>
            <numerusform>لم تُقرأ من X أرقام أي منشور.</numerusform>
            <numerusform>قُرئت من X أرقام منشور واحد.</numerusform>
            <numerusform>قُرئت من X أرقام منشورَين.</numerusform>
            <numerusform>قُرئت من X أرقام %n منشورات.</numerusform>
            <numerusform>قُرئت من X أرقام %n منشورًا.</numerusform>
            <numerusform>قُرئت من X أرقام %n منشور.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/reach_read.py" line="98"/>
        <source>Cost of this read: %1.</source>
        <translation>تكلفة هذه القراءة: %1.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/reach_read.py" line="102"/>
        <source>X refused part-way; what was read before is kept. %1</source>
        <translation>رفض X المتابعة قبل إتمام القراءة، وحُفظ ما قُرئ قبل ذلك. %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/reports/reach_read.py" line="100"/>
        <source>%n posts are no longer on X.</source>
        <translation>
            <numerusform>لا منشور محذوف من X.</numerusform>
            <numerusform>منشور واحد لم يعد موجودًا على X.</numerusform>
            <numerusform>منشوران لم يعودا موجودَين على X.</numerusform>
            <numerusform>%n منشورات لم تعد موجودة على X.</numerusform>
            <numerusform>%n منشورًا لم تعد موجودة على X.</numerusform>
            <numerusform>%n منشور لم تعد موجودة على X.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReachSettingsBox</name>
    <message>
        <location filename="../../desk/ui/settings/reach_box.py" line="13"/>
        <source>X&apos;s figures</source>
        <translation>أرقام X</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/reach_box.py" line="16"/>
        <source>Only when someone asks</source>
        <translation>عند الطلب فقط</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/reach_box.py" line="28"/>
        <source>X charges for every post a read returns. A read over what is left of the month&apos;s budget is refused before it asks X anything. When X changes its prices, change the price here.</source>
        <translation>يحتسب X تكلفة كل منشور تعيده القراءة. تُرفض القراءة التي تتجاوز ما تبقى من ميزانية الشهر قبل أن يُسأل X عن أي شيء. وإذا غيّر X أسعاره فغيّر السعر هنا.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/reach_box.py" line="32"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/reach_box.py" line="35"/>
        <source>Read the last 30 days&apos; X figures on a schedule</source>
        <translation>قراءة أرقام X لآخر 30 يومًا بانتظام</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/reach_box.py" line="36"/>
        <source>X&apos;s price for a post read</source>
        <translation>سعر X لقراءة المنشور الواحد</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/reach_box.py" line="37"/>
        <source>Budget a month</source>
        <translation>الميزانية الشهرية</translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/reach_box.py" line="49"/>
        <source>every </source>
        <translation>كل </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/settings/reach_box.py" line="50"/>
        <source> days</source>
        <translation>
            <numerusform> يوم</numerusform>
            <numerusform> يوم</numerusform>
            <numerusform> يوم</numerusform>
            <numerusform> أيام</numerusform>
            <numerusform> يومًا</numerusform>
            <numerusform> يوم</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/settings/reach_box.py" line="69"/>
        <source>The settings of X&apos;s figures are saved.</source>
        <translation>حُفظت إعدادات أرقام X.</translation>
    </message>
</context>
<context>
    <name>ReplyField</name>
    <message>
        <location filename="../../desk/ui/compose/reply_field.py" line="39"/>
        <source>In reply to</source>
        <translation>ردًا على</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/reply_field.py" line="41"/>
        <source>Optional: the link or number of the X post this answers</source>
        <translation>اختياري: رابط منشور X الذي يُرد عليه أو رقمه</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/reply_field.py" line="42"/>
        <source>In reply to: the link or number of an X post</source>
        <translation>ردًا على: رابط منشور على X أو رقمه</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/reply_field.py" line="45"/>
        <source>Not an X post: paste a link such as https://x.com/handle/status/123… or the post&apos;s number alone.</source>
        <translation>هذا ليس منشورًا على X: الصق رابطًا مثل https://x.com/handle/status/123… أو رقم المنشور وحده.</translation>
    </message>
</context>
<context>
    <name>ReportSave</name>
    <message>
        <location filename="../../desk/ui/reports/save.py" line="27"/>
        <source>PDF document (*.pdf)</source>
        <translation>مستند PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/save.py" line="27"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>مصنف Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/save.py" line="28"/>
        <source>report-%1.pdf</source>
        <translation>تقرير-%1.pdf</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/save.py" line="29"/>
        <source>Save the month&apos;s report</source>
        <translation>حفظ تقرير الشهر</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/save.py" line="53"/>
        <source>Report saved: %1 (in %2)</source>
        <translation>حُفظ التقرير: %1 (في %2)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../desk/ui/reports/page.py" line="55"/>
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/page.py" line="57"/>
        <source>Save report…</source>
        <translation>حفظ التقرير…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/page.py" line="58"/>
        <source>The month&apos;s report for the head of the office, as a PDF document or an Excel workbook.</source>
        <translation>تقرير الشهر المرفوع إلى رئيس المكتب، بصيغة مستند PDF أو مصنف Excel.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/page.py" line="65"/>
        <source>Training: these figures are of the desk&apos;s training timeline, not of the public account on X.</source>
        <translation>تدريب: هذه الأرقام من خط التدريب الزمني في المكتب، وليست من الحساب العام على X.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/page.py" line="70"/>
        <source>Reading the month&apos;s figures…</source>
        <translation>جارٍ قراءة أرقام الشهر…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/reports/page.py" line="96"/>
        <location filename="../../desk/ui/reports/page.py" line="190"/>
        <location filename="../../desk/ui/reports/page.py" line="192"/>
        <source>%1: %n published</source>
        <translation>
            <numerusform>%1: لم يُنشر شيء</numerusform>
            <numerusform>%1: منشور واحد</numerusform>
            <numerusform>%1: منشوران</numerusform>
            <numerusform>%1: %n منشورات</numerusform>
            <numerusform>%1: %n منشورًا</numerusform>
            <numerusform>%1: %n منشور</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/reports/page.py" line="98"/>
        <source>%1: %n approvals</source>
        <translation>
            <numerusform>%1: لا اعتمادات</numerusform>
            <numerusform>%1: اعتماد واحد</numerusform>
            <numerusform>%1: اعتمادان</numerusform>
            <numerusform>%1: %n اعتمادات</numerusform>
            <numerusform>%1: %n اعتمادًا</numerusform>
            <numerusform>%1: %n اعتماد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/reports/page.py" line="99"/>
        <source>%1: %n times</source>
        <translation>
            <numerusform>%1: ولا مرة</numerusform>
            <numerusform>%1: مرة واحدة</numerusform>
            <numerusform>%1: مرتان</numerusform>
            <numerusform>%1: %n مرات</numerusform>
            <numerusform>%1: %n مرة</numerusform>
            <numerusform>%1: %n مرة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/page.py" line="165"/>
        <source>No post was written, reviewed or published in %1.</source>
        <translation>لم يُكتب أو يُراجَع أو يُنشر أي منشور في %1.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/page.py" line="199"/>
        <source>Reading X&apos;s figures…</source>
        <translation>جارٍ قراءة أرقام X…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reports/page.py" line="204"/>
        <source>Writing the report…</source>
        <translation>جارٍ كتابة التقرير…</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desk/ui/review/page.py" line="35"/>
        <source>For review</source>
        <translation>للمراجعة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="39"/>
        <source>Author</source>
        <translation>الكاتب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="39"/>
        <source>Submitted</source>
        <translation>وقت الإرسال</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="39"/>
        <source>Approvals</source>
        <translation>الموافقات</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="39"/>
        <source>First line</source>
        <translation>السطر الأول</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="40"/>
        <source>Posts waiting for review</source>
        <translation>منشورات تنتظر المراجعة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="43"/>
        <source>Nothing waits for your review. Posts that PR officers submit for review come here.</source>
        <translation>لا شيء بانتظار مراجعتك. تأتي إلى هنا المنشورات التي يرسلها مسؤولو العلاقات العامة للمراجعة.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="45"/>
        <source>What changed since it was last reviewed</source>
        <translation>ما تغيّر منذ آخر مراجعة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="51"/>
        <source>Approve</source>
        <translation>موافقة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="53"/>
        <source>Return with a comment…</source>
        <translation>إعادة مع ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="55"/>
        <source>Reject with a reason…</source>
        <translation>رفض مع ذكر السبب…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="144"/>
        <source>The version reviewed last is not kept, so the changes cannot be shown.</source>
        <translation>النسخة التي رُوجعت آخر مرة غير محفوظة، لذا لا يمكن عرض التغييرات.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="145"/>
        <source>This is the first review of this post.</source>
        <translation>هذه أول مراجعة لهذا المنشور.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="147"/>
        <source>Nothing changed since it was last reviewed.</source>
        <translation>لم يتغير شيء منذ آخر مراجعة.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="159"/>
        <source>The images changed.</source>
        <translation>تغيّرت الصور.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="161"/>
        <source>The image descriptions changed.</source>
        <translation>تغيّر وصف الصور.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="168"/>
        <source>It is no longer a reply.</source>
        <translation>لم يعد ردًا على منشور.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="170"/>
        <source>It is now a reply to post %1 on X.</source>
        <translation>صار ردًا على المنشور %1 على X.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="171"/>
        <source>It now replies to post %1 on X instead of %2.</source>
        <translation>صار ردًا على المنشور %1 على X بدلًا من %2.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="182"/>
        <source>Post #%1 approved.</source>
        <translation>تمت الموافقة على المنشور رقم %1.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="185"/>
        <source>Return to the author</source>
        <translation>إعادة إلى الكاتب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="185"/>
        <source>What should the author change?</source>
        <translation>ما الذي ينبغي أن يغيّره الكاتب؟</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="186"/>
        <source>Return</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="193"/>
        <source>Post #%1 returned to its author.</source>
        <translation>أُعيد المنشور رقم %1 إلى كاتبه.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="196"/>
        <source>Reject the post</source>
        <translation>رفض المنشور</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="196"/>
        <source>Why is the post rejected?</source>
        <translation>لماذا يُرفض المنشور؟</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="197"/>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review/page.py" line="204"/>
        <source>Post #%1 rejected.</source>
        <translation>رُفض المنشور رقم %1.</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="156"/>
        <source>Roles of %1</source>
        <translation>أدوار %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="156"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="161"/>
        <source>Addressed as</source>
        <translation>صيغة المخاطبة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/dialogs.py" line="162"/>
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../desk/ui/publish/schedule_dialog.py" line="19"/>
        <source>Schedule post #%1</source>
        <translation>جدولة المنشور رقم %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/schedule_dialog.py" line="27"/>
        <location filename="../../desk/ui/publish/schedule_dialog.py" line="32"/>
        <source>Date and time</source>
        <translation>التاريخ والوقت</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/schedule_dialog.py" line="29"/>
        <location filename="../../desk/ui/publish/schedule_dialog.py" line="33"/>
        <source>Hijri date</source>
        <translation>التاريخ الهجري</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/schedule_dialog.py" line="35"/>
        <source>Schedule</source>
        <translation>جدولة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/schedule_dialog.py" line="38"/>
        <source>It is published at that time while Posting Desk is open on any computer of the office, or when the office&apos;s scheduled publishing task runs.</source>
        <translation>يُنشَر المنشور في موعده ما دام مكتب النشر مفتوحًا على أي حاسوب في الإدارة، أو حين تعمل مهمة النشر المجدولة.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/schedule_dialog.py" line="44"/>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/schedule_dialog.py" line="48"/>
        <source>For whoever looks after the office&apos;s computers: the scheduled task runs the command %1.</source>
        <translation>لمن يتولى حواسيب الإدارة: تشغّل المهمة المجدولة الأمر %1.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desk/ui/settings/page.py" line="18"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="119"/>
        <location filename="../../desk/ui/sign_in.py" line="122"/>
        <source>Username</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="120"/>
        <location filename="../../desk/ui/sign_in.py" line="123"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="121"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="124"/>
        <location filename="../../desk/ui/sign_in.py" line="126"/>
        <source>New password</source>
        <translation>كلمة المرور الجديدة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="125"/>
        <location filename="../../desk/ui/sign_in.py" line="127"/>
        <source>New password again</source>
        <translation>كلمة المرور الجديدة مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="114"/>
        <location filename="../../desk/ui/sign_in.py" line="128"/>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="128"/>
        <source>Set password and sign in</source>
        <translation>تعيين كلمة المرور وتسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="133"/>
        <source>Institution logo</source>
        <translation>شعار المؤسسة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="190"/>
        <source>Your password was reset. Choose a new one to go on.</source>
        <translation>أُعيد تعيين كلمة مرورك. اختر كلمة مرور جديدة للمتابعة.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="192"/>
        <source>Reset by %1 on %2.</source>
        <translation>أعاد %1 تعيينها في %2.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="193"/>
        <source>Reset by %1 on %2.</source>
        <comment>female</comment>
        <translation>أعادت %1 تعيينها في %2.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="196"/>
        <source>Actions taken in your name since then: %1</source>
        <translation>الإجراءات التي اتُّخذت باسمك منذ ذلك الحين: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="204"/>
        <source>The two passwords are not the same.</source>
        <translation>كلمتا المرور غير متطابقتين.</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="28"/>
        <source>Staff</source>
        <translation>الموظفون</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="33"/>
        <source>Staff members</source>
        <translation>الموظفون</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="37"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="37"/>
        <source>Username</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="37"/>
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="37"/>
        <source>Status</source>
        <translation>الوضع</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="41"/>
        <source>Add a staff member…</source>
        <translation>إضافة موظف…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="43"/>
        <source>Change roles…</source>
        <translation>تغيير الأدوار…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="45"/>
        <source>Reset password…</source>
        <translation>إعادة تعيين كلمة المرور…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="47"/>
        <source>Deactivate…</source>
        <translation>إيقاف…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="49"/>
        <source>The desk always keeps at least one active administrator.</source>
        <translation>يبقى في المكتب دائمًا مسؤول نظام نشط واحد على الأقل.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="70"/>
        <source>active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="70"/>
        <source>active</source>
        <comment>female</comment>
        <translation>نشطة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="72"/>
        <source>deactivated</source>
        <translation>موقوف</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="72"/>
        <source>deactivated</source>
        <comment>female</comment>
        <translation>موقوفة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="146"/>
        <source>%1 can now sign in.</source>
        <translation>يستطيع %1 الآن تسجيل الدخول.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="146"/>
        <source>%1 can now sign in.</source>
        <comment>female</comment>
        <translation>تستطيع %1 الآن تسجيل الدخول.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="172"/>
        <source>The reset of %1&apos;s password waits for another administrator.</source>
        <translation>إعادة تعيين كلمة مرور %1 بانتظار تأكيد مدير آخر.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="175"/>
        <source>New one-time password made for %1.</source>
        <translation>أُنشئت كلمة مرور جديدة لمرة واحدة للمستخدم %1.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="176"/>
        <source>New one-time password made for %1.</source>
        <comment>female</comment>
        <translation>أُنشئت كلمة مرور جديدة لمرة واحدة للمستخدمة %1.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="192"/>
        <source>%1 is deactivated.</source>
        <translation>أُوقف %1.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="193"/>
        <source>%1 is deactivated.</source>
        <comment>female</comment>
        <translation>أُوقفت %1.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/staff/page.py" line="195"/>
        <source>Open drafts handed over: %1.</source>
        <translation>المسودات المفتوحة التي سُلّمت: %1.</translation>
    </message>
</context>
<context>
    <name>ThreadPreview</name>
    <message>
        <location filename="../../desk/ui/thread_preview.py" line="44"/>
        <source>Preview of part %1 of %2</source>
        <translation>معاينة الجزء %1 من %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/thread_preview.py" line="45"/>
        <source>Preview of the post</source>
        <translation>معاينة المنشور</translation>
    </message>
</context>
<context>
    <name>ThreadRow</name>
    <message>
        <location filename="../../desk/ui/compose/thread_row.py" line="18"/>
        <source>Add a part</source>
        <translation>إضافة جزء</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/thread_row.py" line="19"/>
        <source>A new part after the one being written.</source>
        <translation>جزء جديد بعد الجزء الذي تكتبه.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/thread_row.py" line="20"/>
        <source>Number the parts</source>
        <translation>ترقيم الأجزاء</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/thread_row.py" line="21"/>
        <source>Write &quot;1/5&quot;, &quot;2/5&quot;… at the end of each part, as readers of a thread on X expect; old numbers are replaced.</source>
        <translation>كتابة «1/5» و«2/5»… في آخر كل جزء كما يتوقع قرّاء السلاسل على X، وتُستبدل الأرقام القديمة.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/thread_row.py" line="23"/>
        <source>Arabic-Indic digits</source>
        <translation>أرقام هندية</translation>
    </message>
    <message>
        <location filename="../../desk/ui/compose/thread_row.py" line="24"/>
        <source>Number the parts «١/٥» instead of 1/5.</source>
        <translation>ترقيم الأجزاء «١/٥» بدلًا من 1/5.</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <location filename="../../desk/ui/training_page.py" line="23"/>
        <location filename="../../desk/ui/training_page.py" line="35"/>
        <source>Training timeline</source>
        <translation>خط التدريب الزمني</translation>
    </message>
    <message>
        <location filename="../../desk/ui/training_page.py" line="25"/>
        <location filename="../../desk/ui/training_page.py" line="58"/>
        <source>Posts published while the desk is in training come here instead of X. Nobody outside the office sees them.</source>
        <translation>المنشورات التي تُنشر والمكتب في وضع التدريب تأتي إلى هنا بدلًا من X، ولا يراها أحد من خارج المكتب.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/training_page.py" line="60"/>
        <source>Nothing has been published to the training timeline yet. While the desk is in training, posts published from the Approved and scheduled page come here.</source>
        <translation>لم يُنشر شيء في خط التدريب الزمني بعد. حين يكون المكتب في وضع التدريب، تأتي إلى هنا المنشورات التي تُنشر من صفحة «المعتمدة والمجدولة».</translation>
    </message>
</context>
<context>
    <name>WhileClosed</name>
    <message numerus="yes">
        <location filename="../../desk/ui/publish/while_closed.py" line="46"/>
        <source>While the window is closed, scheduled posts still go out: a timer on this computer runs publish-due every %n minute(s).</source>
        <translation>
            <numerusform>المنشورات المجدولة تُنشر حتى والنافذة مغلقة: مؤقّت على هذا الحاسوب يشغّل publish-due كل %n دقيقة.</numerusform>
            <numerusform>المنشورات المجدولة تُنشر حتى والنافذة مغلقة: مؤقّت على هذا الحاسوب يشغّل publish-due كل دقيقة.</numerusform>
            <numerusform>المنشورات المجدولة تُنشر حتى والنافذة مغلقة: مؤقّت على هذا الحاسوب يشغّل publish-due كل دقيقتين.</numerusform>
            <numerusform>المنشورات المجدولة تُنشر حتى والنافذة مغلقة: مؤقّت على هذا الحاسوب يشغّل publish-due كل %n دقائق.</numerusform>
            <numerusform>المنشورات المجدولة تُنشر حتى والنافذة مغلقة: مؤقّت على هذا الحاسوب يشغّل publish-due كل %n دقيقة.</numerusform>
            <numerusform>المنشورات المجدولة تُنشر حتى والنافذة مغلقة: مؤقّت على هذا الحاسوب يشغّل publish-due كل %n دقيقة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/while_closed.py" line="49"/>
        <source>A timer for publish-due is installed on this computer, but systemd did not say whether it is running.</source>
        <translation>على هذا الحاسوب مؤقّت يشغّل publish-due، لكن systemd لم يُجب عن سؤال: هل هو يعمل؟</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/while_closed.py" line="52"/>
        <source>The publish-due timer on this computer is stopped: scheduled posts wait while the window is closed.</source>
        <translation>مؤقّت publish-due على هذا الحاسوب متوقف: المنشورات المجدولة تنتظر ما دامت النافذة مغلقة.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/while_closed.py" line="54"/>
        <source>While the window is closed, scheduled posts wait: nothing on this computer runs publish-due (“desk schedule-service install” sets that up).</source>
        <translation>المنشورات المجدولة تنتظر ما دامت النافذة مغلقة: لا شيء على هذا الحاسوب يشغّل publish-due (الأمر «desk schedule-service install» يُعدّ ذلك).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/while_closed.py" line="59"/>
        <source>No run of publish-due is recorded on this computer.</source>
        <translation>لم يُسجَّل على هذا الحاسوب أي تشغيل لـ publish-due.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/while_closed.py" line="61"/>
        <source>publish-due last ran %1: %2.</source>
        <translation>آخر تشغيل لـ publish-due في %1: %2.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/while_closed.py" line="67"/>
        <source>it went well</source>
        <translation>تمّ بنجاح</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/while_closed.py" line="69"/>
        <source>X refused or did not answer</source>
        <translation>رفضه X أو لم يُجب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/while_closed.py" line="71"/>
        <source>the keyring was locked or out of reach, so nothing was sent</source>
        <translation>كان مخزن المفاتيح مقفلًا أو تعذّر الوصول إليه، فلم يُنشر شيء</translation>
    </message>
    <message>
        <location filename="../../desk/ui/publish/while_closed.py" line="72"/>
        <source>it ended with exit code %1</source>
        <translation>انتهى برمز الخروج %1</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../desk/ui/words.py" line="16"/>
        <source>wrote the draft</source>
        <translation>كتب المسودة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="17"/>
        <source>edited</source>
        <translation>حرّر</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="18"/>
        <source>submitted for review</source>
        <translation>أرسل للمراجعة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="19"/>
        <source>took back from review</source>
        <translation>استرجع من المراجعة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="20"/>
        <source>approved</source>
        <translation>وافق</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="21"/>
        <source>rejected</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="22"/>
        <source>returned to the author</source>
        <translation>أعاده إلى كاتبه</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="23"/>
        <source>scheduled</source>
        <translation>جدول</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="24"/>
        <source>removed from the schedule</source>
        <translation>ألغى الجدولة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="25"/>
        <source>started publishing</source>
        <translation>بدأ النشر</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="26"/>
        <source>part %1 of %2 went out</source>
        <translation>نُشر الجزء %1 من %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="27"/>
        <source>published</source>
        <translation>نُشر</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="28"/>
        <source>publishing failed</source>
        <translation>فشل النشر</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="29"/>
        <source>publishing not confirmed</source>
        <translation>لم يُؤكَّد النشر</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="30"/>
        <source>not sent: X said not now; it keeps its place</source>
        <translation>لم يُرسَل: طلب X الانتظار، ويبقى المنشور في مكانه</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="31"/>
        <source>found on the account</source>
        <translation>وُجد في الحساب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="32"/>
        <source>not found on the account; may be sent again</source>
        <translation>لم يوجد في الحساب؛ يمكن إرساله مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="33"/>
        <source>missed its time</source>
        <translation>فات موعده</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="34"/>
        <source>withdrew from X</source>
        <translation>سحبه من X</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="35"/>
        <source>handed over</source>
        <translation>سلّم</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="39"/>
        <source>PR officer</source>
        <translation>مسؤول علاقات عامة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="40"/>
        <source>Supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="41"/>
        <source>Administrator</source>
        <translation>مسؤول النظام</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="43"/>
        <source>the desk</source>
        <translation>المكتب</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="44"/>
        <source>AH</source>
        <translation>هـ</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="45"/>
        <source>approval %1</source>
        <translation>الموافقة %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="78"/>
        <source>wrote the draft</source>
        <comment>female</comment>
        <translation>كتبت المسودة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="79"/>
        <source>edited</source>
        <comment>female</comment>
        <translation>حرّرت</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="80"/>
        <source>submitted for review</source>
        <comment>female</comment>
        <translation>أرسلت للمراجعة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="81"/>
        <source>took back from review</source>
        <comment>female</comment>
        <translation>استرجعت من المراجعة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="82"/>
        <source>approved</source>
        <comment>female</comment>
        <translation>وافقت</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="83"/>
        <source>rejected</source>
        <comment>female</comment>
        <translation>رفضت</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="84"/>
        <source>returned to the author</source>
        <comment>female</comment>
        <translation>أعادته إلى كاتبه</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="85"/>
        <source>scheduled</source>
        <comment>female</comment>
        <translation>جدولت</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="86"/>
        <source>removed from the schedule</source>
        <comment>female</comment>
        <translation>ألغت الجدولة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="87"/>
        <source>started publishing</source>
        <comment>female</comment>
        <translation>بدأت النشر</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="88"/>
        <source>withdrew from X</source>
        <comment>female</comment>
        <translation>سحبته من X</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="89"/>
        <source>handed over</source>
        <comment>female</comment>
        <translation>سلّمت</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="119"/>
        <source>part %1 of %2</source>
        <translation>الجزء %1 من %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="143"/>
        <source>PR officer</source>
        <comment>female</comment>
        <translation>مسؤولة علاقات عامة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="144"/>
        <source>Supervisor</source>
        <comment>female</comment>
        <translation>مشرفة</translation>
    </message>
    <message>
        <location filename="../../desk/ui/words.py" line="145"/>
        <source>Administrator</source>
        <comment>female</comment>
        <translation>مسؤولة النظام</translation>
    </message>
</context>
<context>
    <name>media_look</name>
    <message>
        <location filename="../../desk/ui/media_look.py" line="53"/>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location filename="../../desk/ui/media_look.py" line="55"/>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <location filename="../../desk/ui/media_look.py" line="60"/>
        <source>Captions: %1</source>
        <translation>الترجمة: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/media_look.py" line="71"/>
        <source>(no description)</source>
        <translation>(بلا وصف)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/media_look.py" line="73"/>
        <source>Video: %1</source>
        <translation>الفيديو: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/media_look.py" line="75"/>
        <source>Image %1: %2</source>
        <translation>الصورة %1: %2</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <location filename="../../desk/ui/history_view.py" line="34"/>
        <source>approval %1</source>
        <translation>الموافقة %1</translation>
    </message>
</context>
</TS>
