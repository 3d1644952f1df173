"""Messages about publishing with the window closed: `desk schedule-service` and a
scheduled `desk publish-due` that cannot reach the keyring."""

MESSAGES: dict[str, tuple[str, str]] = {
    # publish-due, exit 6: the keyring cannot be read where the scheduler started it
    "schedule.keyring_out_of_reach": (
        "Scheduled publishing could not run: the keyring is locked or unreachable from here "
        "(D-Bus session bus: {bus}), so the X account's keys cannot be read. Nothing was "
        "sent; the due posts stay as they were and go out on the first run that can read the "
        "keyring. The keyring is reachable inside your own desktop session: stay signed in (a "
        "locked screen is fine) with the keyring unlocked, and let the timer from \"desk "
        "schedule-service install\" run there; a job started outside the session (cron, a system "
        "service, a timer of a user who is not signed in) cannot read it. Exit code 6.",
        "تعذّر النشر المجدول: مخزن المفاتيح مقفل أو لا يمكن الوصول إليه من هنا (ناقل جلسة D-Bus: "
        "{bus})، لذا تتعذر قراءة مفاتيح حساب X. لم يُرسَل شيء، وبقيت المنشورات المستحقة على حالها "
        "وتُنشر في أول تشغيل يستطيع قراءة المخزن. يُوصَل إلى المخزن من داخل جلسة سطح المكتب الخاصة "
        "بك: ابقَ مسجّل الدخول (لا بأس بقفل الشاشة) والمخزن مفتوح، ودع المؤقت الذي يثبّته الأمر "
        "«desk schedule-service install» يعمل فيها؛ أما ما يبدأ خارج الجلسة (cron، أو خدمة للنظام، "
        "أو مؤقت لمستخدم غير مسجّل الدخول) فلا يستطيع قراءته. رمز الخروج 6.",
    ),
    "schedule.bus_unset": ("not set", "غير مضبوط"),
    "schedule.no_desk": (
        "There is no desk in {folder}: give the data folder of the desk whose scheduled posts "
        "should go out (--data-dir), or set it up first with \"desk init\".",
        "لا يوجد مكتب في {folder}: حدّد مجلد بيانات المكتب الذي تُنشر منشوراته المجدولة "
        "(‎--data-dir)، أو أنشئه أولًا بالأمر «desk init».",
    ),
    "schedule.not_linux": (
        "\"desk schedule-service\" installs a systemd user timer, on Linux. On {system} let the "
        "system's own scheduler run \"desk publish-due\" every minute while you are signed in: "
        "the README's section \"Publishing with the window closed\" gives the Task Scheduler "
        "(Windows) and launchd (macOS) settings.",
        "يثبّت الأمر «desk schedule-service» مؤقتًا لـ systemd للمستخدم، على لينكس. أما على {system} "
        "فاجعل مجدول المهام في النظام يشغّل «desk publish-due» كل دقيقة ما دمت مسجّل الدخول: "
        "يذكر قسم «النشر والنافذة مغلقة» في ملف README إعدادات Task Scheduler (ويندوز) و launchd (ماك).",
    ),
    "schedule.every_range": (
        "--every is the number of minutes between runs, from 1 to 60; {value} is not.",
        "الخيار ‎--every هو عدد الدقائق بين تشغيل وآخر، من 1 إلى 60؛ و{value} ليس كذلك.",
    ),
    "schedule.written": (
        "The timer's files are written: {timer} runs \"desk publish-due\" every {minutes} minute(s) "
        "for the desk in {folder}, inside your session (files: {unit_dir}).",
        "كُتبت ملفات المؤقت: يشغّل {timer} الأمر «desk publish-due» كل {minutes} لمكتب "
        "المجلد {folder}، داخل جلستك (الملفات في: {unit_dir}).",
    ),
    "schedule.started": (
        "systemd has the timer enabled and started: it runs while you are signed in, and after a "
        "restart when you sign in again. Next run: {next}. See its runs with: journalctl --user -u {service}",
        "فعّل systemd المؤقت وشغّله: يعمل ما دمت مسجّل الدخول، وبعد إعادة التشغيل حين تسجّل الدخول "
        "من جديد. التشغيل التالي: {next}. لرؤية ما جرى في كل تشغيل: journalctl --user -u {service}",
    ),
    "schedule.files_only": (
        "The files were only written (--files-only): to start the timer, run: "
        "systemctl --user daemon-reload && systemctl --user enable --now {timer}",
        "كُتبت الملفات فقط (‎--files-only): لتشغيل المؤقت نفّذ: "
        "systemctl --user daemon-reload && systemctl --user enable --now {timer}",
    ),
    "schedule.no_systemd": (
        "systemd's user manager does not answer here ({why}), so the timer was not started. The "
        "files are in place: once signed in to a desktop session run by systemd, start it with: "
        "systemctl --user daemon-reload && systemctl --user enable --now {timer}",
        "لا يستجيب مدير systemd للمستخدم هنا ({why})، لذا لم يُشغَّل المؤقت. الملفات في مكانها: "
        "بعد تسجيل الدخول إلى جلسة سطح مكتب يديرها systemd شغّله بالأمر: "
        "systemctl --user daemon-reload && systemctl --user enable --now {timer}",
    ),
    "schedule.no_systemctl": ("systemctl is not installed", "الأمر systemctl غير مثبّت"),
    "schedule.systemctl_failed": (
        "systemctl --user {command} failed: {detail}",
        "تعذّر تنفيذ systemctl --user {command}: {detail}",
    ),
    "schedule.manager_without_bus": (
        "Warning: systemd's user manager knows no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS), so "
        "the timer's runs could not reach the keyring and would end with exit code 6. Run this once "
        "from your desktop session: dbus-update-activation-environment --systemd DBUS_SESSION_BUS_ADDRESS",
        "تنبيه: لا يعرف مدير systemd للمستخدم ناقلَ جلسة D-Bus (DBUS_SESSION_BUS_ADDRESS)، فلن تصل "
        "تشغيلات المؤقت إلى مخزن المفاتيح وستنتهي برمز الخروج 6. نفّذ هذا مرة واحدة من جلسة سطح "
        "المكتب: dbus-update-activation-environment --systemd DBUS_SESSION_BUS_ADDRESS",
    ),
    "schedule.removed": (
        "The timer for the desk in {folder} is removed: {files}.",
        "أُزيل مؤقت مكتب المجلد {folder}: {files}.",
    ),
    "schedule.not_installed": (
        "No timer is installed for the desk in {folder} (looked in {unit_dir}).",
        "لا يوجد مؤقت مثبّت لمكتب المجلد {folder} (بُحث في {unit_dir}).",
    ),
    "schedule.not_ours": (
        "{path} was not written by \"desk schedule-service\" (it lacks the desk's mark), so it "
        "was left as it is. Move it away yourself if it should go.",
        "لم يكتب الأمر «desk schedule-service» الملف {path} (ليست فيه علامة المكتب)، لذا تُرك كما هو. "
        "انقله بنفسك إن كان يجب أن يُزال.",
    ),
    # desk schedule-service status
    "schedule.status_timer": (
        "Timer: {timer}, every {minutes} minute(s), runs {program} (files: {unit_dir}).",
        "المؤقت: {timer}، كل {minutes}، يشغّل {program} (الملفات في: {unit_dir}).",
    ),
    "schedule.status_no_timer": (
        "Timer: none installed for this desk (looked in {unit_dir}): with the window closed, "
        "nothing publishes its scheduled posts. \"desk schedule-service install\" sets one up.",
        "المؤقت: لا يوجد مؤقت مثبّت لهذا المكتب (بُحث في {unit_dir}): والنافذة مغلقة لا شيء ينشر "
        "منشوراته المجدولة. يثبّت الأمر «desk schedule-service install» واحدًا.",
    ),
    "schedule.status_systemd": (
        "systemd: {enabled}, {active}; next run {next}.",
        "systemd: {enabled}، {active}؛ التشغيل التالي {next}.",
    ),
    "schedule.status_no_systemd": (
        "systemd: its user manager does not answer here ({why}).",
        "systemd: مدير المستخدم لا يستجيب هنا ({why}).",
    ),
    "schedule.status_last_run": (
        "Last run of publish-due: {at} ({by}), exit code {code}.",
        "آخر تشغيل للأمر publish-due: {at} ({by})، رمز الخروج {code}.",
    ),
    "schedule.status_never_ran": (
        "Last run of publish-due: none recorded in this data folder.",
        "آخر تشغيل للأمر publish-due: لا يوجد تشغيل مسجّل في مجلد البيانات هذا.",
    ),
    "schedule.by_timer": ("by the systemd timer", "بمؤقت systemd"),
    "schedule.by_hand": ("not by the timer", "ليس بالمؤقت"),
    "schedule.enabled": ("enabled", "مفعّل"),
    "schedule.disabled": ("not enabled", "غير مفعّل"),
    "schedule.active": ("waiting for its next run", "ينتظر تشغيله التالي"),
    "schedule.inactive": ("not running", "متوقف"),
    "schedule.unknown": ("unknown", "غير معروف"),
}
