"""Roles and the permission table (DESIGN.md, "People and roles")."""

from __future__ import annotations

from enum import Enum

from desk.core.errors import InvalidInput, NotPermitted


class Role(str, Enum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"

    def label(self, lang: str = "en") -> str:
        return ROLE_LABELS[self][1 if lang == "ar" else 0]


ROLE_LABELS = {
    Role.OFFICER: ("PR officer", "مسؤول علاقات عامة"),
    Role.SUPERVISOR: ("supervisor", "مشرف"),
    Role.ADMINISTRATOR: ("administrator", "مسؤول النظام"),
}

O, S, A = Role.OFFICER, Role.SUPERVISOR, Role.ADMINISTRATOR

# action -> roles that may take it. Ownership and four eyes are checked in lifecycle.py.
PERMISSIONS: dict[str, frozenset[Role]] = {
    "draft": frozenset({O, S}),
    "edit": frozenset({O, S}),
    "submit": frozenset({O, S}),
    "recall": frozenset({O, S}),
    "approve": frozenset({S}),
    "reject": frozenset({S}),
    "return": frozenset({S}),
    "publish": frozenset({S}),
    "schedule": frozenset({S}),
    "unschedule": frozenset({S}),
    "withdraw": frozenset({S}),
    "settle": frozenset({S}),
    "pause": frozenset({S}),
    "resume": frozenset({S}),
    "export": frozenset({S, A}),
    "read_reach": frozenset({S, A}),  # reading X's figures costs money on X's pay-per-use plan
    "read_log": frozenset({O, S, A}),
    "manage_staff": frozenset({A}),
    "manage_institution": frozenset({A}),
    "manage_account": frozenset({A}),
    "manage_settings": frozenset({A}),
    "move_desk": frozenset({A}),
}

# How an action reads inside a sentence ("Only a supervisor may approve posts").
ACTION_WORDS = {
    # English: a verb phrase after "may"; Arabic: a verbal noun (masdar), which reads
    # right after «صلاحية» or «إجراء» in every message that names an action.
    "draft": ("write drafts", "كتابة المسودات"),
    "edit": ("edit", "التحرير"),
    "submit": ("submit", "الإرسال للمراجعة"),
    "recall": ("recall", "الاسترجاع من المراجعة"),
    "approve": ("approve", "الموافقة"),
    "reject": ("reject", "الرفض"),
    "return": ("return", "الإعادة إلى الكاتب"),
    "publish": ("publish", "النشر"),
    "claim": ("publish", "النشر"),
    "schedule": ("schedule", "الجدولة"),
    "unschedule": ("unschedule", "إلغاء الجدولة"),
    "withdraw": ("withdraw", "السحب"),
    "settle": ("settle", "حسم الحالة"),
    "pause": ("pause publishing", "إيقاف النشر"),
    "resume": ("resume publishing", "استئناف النشر"),
    "export": ("export the log", "تصدير السجل"),
    "read_reach": ("read X's figures", "قراءة أرقام X"),
    "read_log": ("read the log", "الاطلاع على السجل"),
    "manage_staff": ("manage staff", "إدارة الموظفين"),
    "manage_institution": ("change the institution", "تعديل بيانات المؤسسة"),
    "manage_account": ("manage the X account", "إدارة حساب X"),
    "manage_settings": ("change settings", "تغيير الإعدادات"),
    "move_desk": ("move the desk to a server", "نقل المكتب إلى خادم"),
}


def action_word(action: str) -> tuple[str, str]:
    """(english, arabic) words for an action, for a message parameter."""
    return ACTION_WORDS.get(action, (action, action))


def parse_roles(text: str | list[str]) -> frozenset[Role]:
    parts = text.split(",") if isinstance(text, str) else list(text)
    roles = set()
    for part in (p.strip().lower() for p in parts):
        if not part:
            continue
        try:
            roles.add(Role(part))
        except ValueError:
            raise InvalidInput("staff.bad_role", role=part) from None
    if not roles:
        raise InvalidInput("staff.no_role")
    return frozenset(roles)


def may(roles: frozenset[Role], action: str) -> bool:
    return bool(PERMISSIONS[action] & roles)


def require(roles: frozenset[Role], action: str) -> None:
    """Raise NotPermitted unless one of ``roles`` may take ``action``."""
    if not may(roles, action):
        allowed = sorted(PERMISSIONS[action], key=lambda r: list(Role).index(r))
        roles_words = (" or ".join(r.label("en") + "s" for r in allowed), " أو ".join(r.label("ar") for r in allowed))
        raise NotPermitted("perm.role", roles=roles_words, action=action_word(action))
