"""The window's words agree with the people they name, count in Arabic's number forms, name
roles as labels, and say what to do where a list is empty."""

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desk.core.errors import InvalidInput
from desk.core.roles import Role
from desk.service import LogFilter
from desk.ui import tasks, words
from desk.ui.places import Places
from desk.ui.reason_dialog import ReasonDialog
from gui_support import PASSWORD, as_user


@pytest.fixture
def two_posts(desk):
    """Amal (a woman) writes, Omar (a man) approves; Sami (a man) writes, Mona (a woman) approves."""
    admin = as_user(desk, "admin")
    admin.add_staff("amal", "Amal", "officer", PASSWORD, gender="f")
    admin.add_staff("sami", "Sami", "officer", PASSWORD, gender="m")
    admin.add_staff("omar", "Omar", "supervisor", PASSWORD, gender="m")
    admin.add_staff("mona", "Mona", "supervisor", PASSWORD, gender="f")
    ids = []
    for writer, approver in (("amal", "omar"), ("sami", "mona")):
        session = as_user(desk, writer)
        post_id = session.draft(f"خبر كتبه {writer}")
        session.submit(post_id)
        as_user(desk, approver).approve(post_id)
        ids.append(post_id)
    return ids


def detail_of(open_window, desk, post_id):
    window = open_window(desk, "huda")
    window.places.go("log")
    detail = window.page["log"].detail
    detail.show_post(post_id)
    history = detail.history
    rows = [(history.topLevelItem(i).text(1), history.topLevelItem(i).text(2)) for i in range(history.topLevelItemCount())]
    return detail.facts.text().splitlines()[1], rows


def test_arabic_sentences_agree_with_a_woman_and_a_man(arabic, open_window, desk, two_posts):
    by_her, by_him = two_posts
    people, rows = detail_of(open_window, desk, by_her)
    assert people == "كتبته Amal · وافق عليه Omar"
    assert ("Amal", "كتبت المسودة") in rows and ("Amal", "أرسلت للمراجعة") in rows and ("Omar", "وافق") in rows
    people, rows = detail_of(open_window, desk, by_him)
    assert people == "كتبه Sami · وافقت عليه Mona"
    assert ("Sami", "كتب المسودة") in rows and ("Mona", "وافقت") in rows


def test_english_reads_the_same_for_both(open_window, desk, two_posts):
    for post_id, (writer, approver) in zip(two_posts, (("Amal", "Omar"), ("Sami", "Mona"))):
        people, rows = detail_of(open_window, desk, post_id)
        assert people == f"Written by {writer} · Approved by {approver}"
        assert (writer, "wrote the draft") in rows and (approver, "approved") in rows


def test_a_person_whose_gender_is_not_known_reads_in_the_masculine(arabic, open_window, desk):
    post_id = as_user(desk, "sara").draft("خبر")  # the shared desk's staff were added without a gender
    people, rows = detail_of(open_window, desk, post_id)
    assert people == "كتبه Sara" and ("Sara", "كتب المسودة") in rows


def test_the_gender_is_kept_and_checked(desk):
    admin = as_user(desk, "admin")
    admin.add_staff("lama", "Lama", "officer", PASSWORD, gender="F")
    assert desk.store.staff.require("lama").gender == "f"
    assert desk.store.staff.require("sara").gender == ""
    with pytest.raises(InvalidInput) as refused:
        admin.add_staff("rana", "Rana", "officer", PASSWORD, gender="woman")
    assert refused.value.key == "staff.bad_gender"
    assert desk.store.staff.get("rana") is None


def test_adding_staff_in_the_window_asks_the_gender(qtbot, open_window, desk):
    from desk.ui.staff.dialogs import AddStaffDialog

    window = open_window(desk, "admin")
    window.places.go("staff")
    page = window.page["staff"]
    page.ask_add()
    dialog = page.dialog
    assert isinstance(dialog, AddStaffDialog)
    dialog.username.setText("reem")
    dialog.name.setText("Reem")
    dialog.gender.setCurrentIndex(dialog.gender.findData("f"))
    assert dialog.roles.boxes[Role.SUPERVISOR].text() == "Supervisor"  # English reads the same for both
    dialog.password.setText(PASSWORD)
    dialog.password2.setText(PASSWORD)
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert desk.store.staff.require("reem").gender == "f"
    assert page.notice.text() == "Reem can now sign in."


def test_an_existing_persons_gender_is_given_in_the_roles_dialog(qtbot, open_window, desk):
    from desk.ui.staff.dialogs import RolesDialog

    window = open_window(desk, "admin")
    window.places.go("staff")
    page = window.page["staff"]
    page.select("sara")
    before = desk.store.staff.require("sara")
    page.ask_roles()
    dialog = page.dialog
    assert before.gender == "" and isinstance(dialog, RolesDialog) and dialog.gender.gender() == ""
    dialog.gender.setCurrentIndex(dialog.gender.findData("f"))
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    after = desk.store.staff.require("sara")
    assert after.gender == "f" and after.roles == before.roles
    assert desk.verify().ok  # the change is in the log


@pytest.mark.parametrize("count, waiting, tip, minutes", [
    (1, "منشور واحد ينتظر", "منشور واحد ينتظر مراجعتك", " دقيقة"),
    (2, "منشوران ينتظران", "منشوران ينتظران مراجعتك", " دقيقة"),
    (3, "3 منشورات تنتظر", "3 منشورات تنتظر مراجعتك", " دقائق"),
    (11, "11 منشورًا ينتظر", "11 منشورًا ينتظر مراجعتك", " دقيقة"),
    (100, "100 منشور ينتظر", "100 منشور ينتظر مراجعتك", " دقيقة"),
])
def test_counts_take_the_arabic_number_forms(arabic, qtbot, open_window, desk, count, waiting, tip, minutes):
    places = Places()
    qtbot.addWidget(places)
    places.add_place("review", "للمراجعة")
    places.set_count("review", count)
    assert places.item(0).text() == f"للمراجعة\n{waiting}"
    assert places.item(0).toolTip() == tip
    window = open_window(desk, "admin")
    window.places.go("settings")
    idle = window.page["settings"].desk_settings.idle
    idle.setValue(count)
    assert idle.suffix() == minutes


def test_the_places_say_what_they_count(open_window, desk):
    for text in ("خبر أول", "خبر ثان"):
        sara = as_user(desk, "sara")
        sara.submit(sara.draft(text))
    window = open_window(desk, "huda")
    item = window.places.item(window.places.keys().index("review"))
    assert item.text() == "For review\n2 waiting"
    assert item.toolTip() == "Posts waiting for your review: 2"


def test_roles_show_as_labels_in_both_languages(qapp, open_window, desk):
    assert [words.role_label(r) for r in Role] == ["PR officer", "Supervisor", "Administrator"]
    window = open_window(desk, "admin")
    window.places.go("staff")
    table = window.page["staff"].table
    shown = {table.topLevelItem(i).text(1): table.topLevelItem(i).text(2) for i in range(table.topLevelItemCount())}
    assert shown["sara"] == "PR officer" and shown["admin"] == "Administrator"
    qapp.set_language("ar")
    try:
        assert [words.role_label(r) for r in Role] == ["مسؤول علاقات عامة", "مشرف", "مسؤول النظام"]
        assert [words.role_label(r, "f") for r in Role] == ["مسؤولة علاقات عامة", "مشرفة", "مسؤولة النظام"]
        assert words.roles_label(frozenset({Role.OFFICER, Role.SUPERVISOR}), "f") == "مسؤولة علاقات عامة، مشرفة"
    finally:
        qapp.set_language("en")


def latin(text: str) -> list[str]:
    """The Latin letters of a text, leaving out the name X and @handles."""
    import re

    text = re.sub(r"@\w+|https?://\S+", "", text).replace("X", "")
    return [ch for ch in text if ch.isascii() and ch.isalpha()]


def test_arabic_settings_and_keyring_notice_have_no_english(arabic, qtbot, open_window, desk):
    from desk.ui.account_link import ServiceAccountLink

    window = open_window(desk, "admin", ServiceAccountLink(as_user(desk, "admin")))  # no keyring here
    window.places.go("settings")
    box = window.page["settings"].account
    qtbot.waitUntil(lambda: window.ctx.account_connected is False)
    labels = [box.form.labelForField(f).text() for f in box.fields.values()]
    assert labels == ["مفتاح الواجهة", "سر مفتاح الواجهة", "رمز الوصول", "سر رمز الوصول"]
    for text in [*labels, box.where.text(), box.status.text(), box.details_button.text()]:
        assert text and latin(text) == [], text
    assert "مسؤول الأجهزة" in box.status.text()
    assert box.details.isHidden()  # the technical words wait behind «التفاصيل»
    box.details_button.click()
    assert not box.details.isHidden() and box.details.text()
    assert box.details_button.text() == "إخفاء التفاصيل"
    keys = {"consumer_key": "KEYck" + "a1" * 11, "consumer_secret": "KEYcs" + "b2" * 20,
            "access_token": "1234567890-KEYat" + "c3" * 15, "access_token_secret": "KEYats" + "d4" * 18}
    for name, value in keys.items():
        box.fields[name].setText(value)
    box.save_button.click()  # the keyring's refusal, as a notice, speaks plain Arabic too
    notice = window.page["settings"].notice
    qtbot.waitUntil(lambda: tasks.tracker().idle() and box.save_button.isEnabled() and bool(notice.text()))
    assert "مسؤول الأجهزة" in notice.text() and latin(notice.text()) == []


def test_qt_standard_buttons_use_the_verbal_noun(arabic, qtbot):
    dialog = ReasonDialog("عنوان", "السبب؟", "رفض")
    qtbot.addWidget(dialog)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "إلغاء"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "موافق"
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "إغلاق"


def test_empty_lists_say_what_to_do(open_window, desk):
    window = open_window(desk, "huda")
    review = window.page["review"]
    assert not review.empty.isHidden() and "Nothing waits for your review" in review.empty.text()
    approved = window.page["approved"]
    assert not approved.empty_hint.isHidden() and "once a supervisor approves them" in approved.empty_hint.text()
    drafts = window.page["compose"].drafts
    assert not drafts.empty_hint.isHidden() and "No drafts yet" in drafts.empty_hint.text()
    log = window.page["log"]
    assert not log.empty_hint.isHidden() and log.empty_hint.text().startswith("No posts yet")
    sara = as_user(desk, "sara")
    sara.draft("خبر")
    log.reload()
    assert log.empty_hint.isHidden()
    log.apply_filter(LogFilter(state="withdrawn"))
    assert not log.empty_hint.isHidden() and log.empty_hint.text().startswith("No post matches")


def test_the_lock_screen_speaks_to_a_woman_as_a_woman(arabic, open_window, desk, two_posts):
    window = open_window(desk, "amal")
    window.lock()
    assert "يا Amal، أدخلي كلمة المرور لتكملي" in window.lock_screen.message.text()
    window = open_window(desk, "sami")
    window.lock()
    assert "يا Sami، أدخل كلمة المرور لتكمل" in window.lock_screen.message.text()


def test_the_role_boxes_name_the_roles_as_they_will_be_of_the_person(arabic, qtbot):
    from desk.ui.staff.dialogs import AddStaffDialog

    dialog = AddStaffDialog()
    qtbot.addWidget(dialog)
    assert dialog.roles.boxes[Role.SUPERVISOR].text() == "مشرف"
    dialog.gender.setCurrentIndex(dialog.gender.findData("f"))
    assert [dialog.roles.boxes[r].text() for r in Role] == ["مسؤولة علاقات عامة", "مشرفة", "مسؤولة النظام"]
    assert dialog.gender.currentText() == "أنثى"


def test_the_window_names_its_buttons_where_the_command_line_names_commands(qapp):
    """With the window's application up, a message that tells the command line's user to
    run a command tells the window's user which button to press instead."""
    import subprocess
    import sys

    from desk.core.messages import render

    for lang, where in (("ar", "الإعدادات ← حساب X"), ("en", "Settings, X account")):
        shown = render("vault.publish_keys_gone", lang, {})
        assert where in shown and "desk account" not in shown
    # the command line, a process without the window, still names its commands
    said = subprocess.run([sys.executable, "-c", "from desk.core.messages import render;"
                           "print(render('vault.publish_keys_gone', 'ar', {}))"],
                          capture_output=True, text=True, timeout=60)
    assert "desk account set" in said.stdout and "الإعدادات" not in said.stdout
