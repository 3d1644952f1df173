"""What went wrong with a post that needs attention, and what can be done about it."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from desk.ui import words

ADVICE = {
    "failed": QT_TRANSLATE_NOOP(
        "Advice", "X refused it and nothing went out. Remove the cause, then publish it again; or edit it "
                  "(it then needs a new approval)."),
    "uncertain": QT_TRANSLATE_NOOP(
        "Advice", "It may have gone out. The desk checks the account before it can be sent again: do not "
                  "post it by hand, and do not publish it again until the check settles it."),
    "missed": QT_TRANSLATE_NOOP(
        "Advice", "It was not sent because no desk was open in time and it is now later than the allowed "
                  "delay. Publish it now, schedule it again, or take it off the schedule."),
}


def advice(state: str, post=None) -> str:
    if state == "partly_published" and post is not None:  # how far it went, and what can be done
        from desk.core.messages import render
        from desk.ui import i18n

        return render("thread.partly", i18n.current(),
                      {"post_id": post.id, "done": len(post.part_ids), "parts": len(post.parts)})
    text = ADVICE.get(state)
    return QCoreApplication.translate("Advice", text) if text else ""


def problem_message(history: list[dict]) -> str:
    """The newest failure message, in the person's language when the desk knows its words."""
    for event in reversed(history):
        if event["action"] in ("fail", "uncertain", "wait"):
            detail = event.get("detail") or {}
            fallback = detail.get("message") or detail.get("reason") or ""
            return words.desk_message(detail.get("key"), fallback, detail.get("params"))
        if event["action"] == "miss":
            return ""
    return ""


def waiting_message(history: list[dict]) -> str:
    """When X's "not now" was the last thing to happen to the post: what X said, and until when."""
    if not history or history[-1]["action"] != "wait":
        return ""
    detail = history[-1].get("detail") or {}
    try:  # once the limit has lifted there is nothing to wait for
        if datetime.fromisoformat(detail["retry_after"]) <= datetime.now(timezone.utc):
            return ""
    except (KeyError, TypeError, ValueError):
        return ""
    return words.desk_message(detail.get("key"), detail.get("message") or "", detail.get("params"))


# What a check of the account's timeline found, one sentence a post.
CHECKED = {
    "published": QT_TRANSLATE_NOOP(
        "Advice", "Post #%1 is on X after all: it is now marked as published."),
    "retry": QT_TRANSLATE_NOOP(
        "Advice", "Post #%1 is not on X: nothing went out. It is back among the posts ready to publish."),
    "waiting": QT_TRANSLATE_NOOP(
        "Advice", "Post #%1 is not on X's timeline yet, but the timeline can lag behind a new post. "
                  "Try again in a minute."),
    "unreachable": QT_TRANSLATE_NOOP(
        "Advice", "Post #%1 could not be checked: the desk could not ask X. Nothing was changed; "
                  "try again later."),
}


def checked(result, lang: str) -> str:
    """One outcome of Session.reconcile in plain words."""
    text = CHECKED.get(result.outcome)
    if text is None:
        return f"#{result.post_id}: {result.outcome}"
    said = QCoreApplication.translate("Advice", text).replace("%1", str(result.post_id))
    if result.outcome == "unreachable" and result.message and lang == "en":
        said += f" ({result.message})"  # the service gives this detail in English only
    return said
