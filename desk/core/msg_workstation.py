"""Messages about the workstations of an office's shared desk: {key: (english, arabic)}."""

MESSAGES: dict[str, tuple[str, str]] = {
    "workstation.no_keys_here": (
        "This workstation cannot publish: the X keys are kept on another workstation's keyring.",
        "لا تستطيع هذه المحطة النشر: مفاتيح X محفوظة في مخزن مفاتيح محطة أخرى.",
    ),
    "workstation.keys_elsewhere": (
        "This workstation cannot publish: the X keys are kept on another workstation's keyring. Nothing was "
        "published; publish from the workstation that holds them, or have an administrator save the keys here.",
        "لا تستطيع هذه المحطة النشر: مفاتيح X محفوظة في مخزن مفاتيح محطة أخرى. لم يُنشر شيء، فانشر من المحطة "
        "التي تحتفظ بها، أو اطلب من المدير حفظ المفاتيح في هذه المحطة.",
    ),
    "workstation.published_elsewhere": (
        "Scheduled posts are published by the workstation {chosen}, not by this one ({here}): nothing was sent "
        "from here.",
        "تنشر المحطة {chosen} المنشورات المجدولة، لا هذه المحطة ({here})، فلم يُرسَل منها شيء.",
    ),
    "workstation.chosen": (
        "Scheduled posts are now published by this workstation ({here}) only.",
        "صارت هذه المحطة ({here}) وحدها تنشر المنشورات المجدولة.",
    ),
    "workstation.any": (
        "Scheduled posts are now published by any workstation of the desk that holds the X keys.",
        "صارت المنشورات المجدولة تُنشر من أي محطة في المكتب تحتفظ بمفاتيح X.",
    ),
    "workstation.bad_name": (
        "A workstation's name is one line of at most 255 characters, such as its host name.",
        "اسم المحطة سطر واحد لا يزيد على 255 حرفًا، مثل اسم جهازها على الشبكة.",
    ),
}
