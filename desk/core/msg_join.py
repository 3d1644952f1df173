"""Messages of workstations joining a desk on a server: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    "join.passphrase_short": (
        "The office passphrase must have at least {minimum} characters.",
        "يجب ألّا تقلّ عبارة مرور المكتب عن {minimum} حرفًا.",
    ),
    "join.passphrase_mismatch": (
        "The two passphrases differ: nothing was changed.",
        "العبارتان مختلفتان، فلم يتغيّر شيء.",
    ),
    "join.wrong_passphrase": (
        "That is not the office passphrase: this workstation has not joined, and nothing was kept.",
        "هذه ليست عبارة مرور المكتب، فلم تنضمّ هذه المحطة ولم يُحفظ شيء.",
    ),
    "join.record_damaged": (
        "The database's record for joining workstations is damaged: an administrator on a workstation that "
        "has joined sets the office passphrase again (`desk office-passphrase`).",
        "سجلّ انضمام المحطات في قاعدة البيانات تالف: يعيد مدير على محطة منضمّة تعيين عبارة مرور المكتب "
        "(`desk office-passphrase`).",
    ),
    "join.no_passphrase": (
        "No office passphrase has been set for this desk yet: an administrator sets it on a workstation that "
        "holds the log's seal key, with `desk office-passphrase`.",
        "لم تُعيَّن عبارة مرور لهذا المكتب بعد: يعيّنها مدير على محطة تحمل مفتاح ختم السجل، بالأمر "
        "`desk office-passphrase`.",
    ),
    "join.only_on_server": (
        "Workstations join only a desk kept on a PostgreSQL server; this desk is on this computer alone.",
        "تنضمّ المحطات إلى مكتب محفوظ على خادم PostgreSQL فقط، وهذا المكتب على هذا الحاسوب وحده.",
    ),
    "join.no_seal_key": (
        "This workstation does not hold the log's seal key: set the passphrase on a workstation that has joined.",
        "لا تحمل هذه المحطة مفتاح ختم السجل: عيّن العبارة من محطة منضمّة.",
    ),
    "join.not_joined": (
        "The log is sealed with the desk's key, and this workstation's keyring does not hold it yet: an "
        "administrator joins this workstation with `desk join` and the office passphrase. Nothing was changed.",
        "السجل مختوم بمفتاح المكتب، ولا يحمله مخزن المفاتيح في هذه المحطة بعد: يضمّ مديرٌ هذه المحطة بالأمر "
        "`desk join` وعبارة مرور المكتب. لم يتغيّر شيء.",
    ),
    "join.passphrase_set": (
        "The office passphrase is set: workstations can now join with `desk join`.",
        "عُيّنت عبارة مرور المكتب، ويمكن للمحطات الآن الانضمام بالأمر `desk join`.",
    ),
    "join.joined": (
        "This workstation has joined the desk: its keyring now holds the log's seal key.",
        "انضمّت هذه المحطة إلى المكتب، ويحمل مخزن مفاتيحها الآن مفتاح ختم السجل.",
    ),
    "cli.passphrase": ("Office passphrase: ", "عبارة مرور المكتب: "),
    "cli.passphrase_again": ("The office passphrase again: ", "عبارة مرور المكتب مرة أخرى: "),
}
