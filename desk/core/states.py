"""The states of a post and their names in both languages."""

from __future__ import annotations

from enum import Enum


class State(str, Enum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHING = "publishing"
    PUBLISHED = "published"
    PARTLY_PUBLISHED = "partly_published"  # a thread stopped part-way: some parts are on X
    FAILED = "failed"
    UNCERTAIN = "uncertain"
    MISSED = "missed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    def label(self, lang: str = "en") -> str:
        return STATE_LABELS[self][1 if lang == "ar" else 0]


STATE_LABELS = {
    State.DRAFT: ("draft", "مسودة"),
    State.IN_REVIEW: ("in review", "قيد المراجعة"),
    State.APPROVED: ("approved", "معتمد"),
    State.SCHEDULED: ("scheduled", "مجدول"),
    State.PUBLISHING: ("publishing", "جارٍ النشر"),
    State.PUBLISHED: ("published", "تم النشر"),  # not «منشور»: the noun for a post
    State.PARTLY_PUBLISHED: ("partly published", "نُشر جزئيًا"),
    State.FAILED: ("failed", "فشل النشر"),
    State.UNCERTAIN: ("uncertain", "غير مؤكد"),
    State.MISSED: ("missed", "فات موعده"),
    State.REJECTED: ("rejected", "مرفوض"),
    State.WITHDRAWN: ("withdrawn", "مسحوب"),
}

# States from which a post may be sent: each needs a valid approval for its content.
SENDABLE = frozenset({State.APPROVED, State.SCHEDULED, State.FAILED, State.MISSED})
# States whose approval an edit voids (the post goes back to draft).
EDITABLE = frozenset({State.DRAFT, State.APPROVED, State.SCHEDULED, State.FAILED, State.MISSED})
# Open drafts that a leaving officer hands over.
OPEN = frozenset({State.DRAFT, State.IN_REVIEW})
