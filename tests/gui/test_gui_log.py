"""The log: lazy paging, filters, search (Ctrl+F), the detail pane, withdraw."""

from gui_support import as_user
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desk.core.states import State
from desk.ui import tasks
from desk.ui.log.model import PAGE, LogModel


def log_page(open_window, desk, username="huda"):
    window = open_window(desk, username)
    window.places.go("log")
    return window, window.page["log"]


def test_the_model_reads_a_page_at_a_time(desk):
    sara = as_user(desk, "sara")
    for i in range(PAGE * 2 + 5):
        sara.draft(f"مسودة رقم {i}")
    model = LogModel(sara)
    model.reload()
    assert model.total == PAGE * 2 + 5
    assert model.rowCount() == PAGE and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE * 2 + 5 and not model.canFetchMore()
    assert model.data(model.index(0, 2)) == f"مسودة رقم {PAGE * 2 + 4}"  # newest first


def test_filter_by_state_and_author(open_window, desk):
    sara = as_user(desk, "sara")
    for text in ("أول", "ثان", "ثالث"):
        sara.draft(text)
    submitted = sara.draft("للمراجعة")
    sara.submit(submitted)
    as_user(desk, "khalid").draft("مسودة المشرف")
    window, page = log_page(open_window, desk)
    assert page.model.total == 5
    page.filters.state.setCurrentIndex(page.filters.state.findData("in_review"))
    assert [r["post_id"] for r in page.model.rows] == [submitted]
    page.filters.state.setCurrentIndex(0)
    page.filters.author.setCurrentIndex(page.filters.author.findData("khalid"))
    assert [r["text"] for r in page.model.rows] == ["مسودة المشرف"]
    assert page.count.text() == "Posts: 1"


def test_search_with_ctrl_f(qtbot, open_window, desk):
    sara = as_user(desk, "sara")
    sara.draft("افتتاح معرض الكتاب في الرياض")
    sara.draft("أمطار على المنطقة الشرقية")
    window, page = log_page(open_window, desk)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.filters.search
    page.filters.search.setText("معرض")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert "معرض الكتاب" in page.model.rows[0]["text"]
    page.filters.search.setText("")
    qtbot.waitUntil(lambda: page.model.total == 2)


def test_detail_pane_and_withdraw_with_a_reason(qtbot, open_window, desk):
    sara = as_user(desk, "sara")
    post_id = sara.draft("خبر منشور")
    sara.submit(post_id)
    khalid = as_user(desk, "khalid")
    khalid.approve(post_id)
    khalid.publish(post_id)
    window, page = log_page(open_window, desk)
    page.select_row(0)
    assert page.detail.shown["post"].id == post_id
    assert "خبر منشور" in page.detail.preview.body.text()
    whats = [page.detail.history.topLevelItem(i).text(2) for i in range(page.detail.history.topLevelItemCount())]
    assert whats == ["wrote the draft", "submitted for review", "approved", "started publishing", "published"]
    assert page.withdraw_button.isEnabled()
    page.withdraw_button.click()
    page.dialog.text.setPlainText("نُشر قبل موعده")
    page.dialog.ok.click()
    qtbot.waitUntil(lambda: window.ctx.session.post(post_id).state == State.WITHDRAWN)
    qtbot.waitUntil(lambda: tasks.tracker().idle())
    page.select_row(0)
    notes = [page.detail.history.topLevelItem(i).text(3) for i in range(page.detail.history.topLevelItemCount())]
    assert notes[-1] == "نُشر قبل موعده"


def test_officers_read_the_log_but_cannot_withdraw_or_export(open_window, desk):
    window, page = log_page(open_window, desk, "sara")
    assert page.withdraw_button.isHidden()
    assert not page.export_button.isEnabled()


def test_export_csv_from_the_log(qtbot, open_window, desk, tmp_path):
    as_user(desk, "sara").draft("خبر للتصدير")
    window, page = log_page(open_window, desk)
    target = tmp_path / "log.csv"
    page.exporter.start("csv", str(target), page.filters.current(), page.filters.period())
    qtbot.waitUntil(lambda: target.exists() and not page.exporter.running)
    assert "خبر للتصدير" in target.read_text(encoding="utf-8-sig")
    assert "(posts: 1)" in page.notice.text()
