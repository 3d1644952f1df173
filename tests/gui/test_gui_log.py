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


def keep_reach(desk, post_id, x_post_id, likes, reposts, impressions, read_at="2026-11-20T09:30:00+00:00"):
    """X's figures of a post as a read would keep them (the reach table), written directly."""
    with desk.store.transaction():
        desk.store.db.execute(
            "INSERT INTO reach (x_post_id, post_id, read_at, likes, reposts, replies, quotes, impressions)"
            " VALUES (?, ?, ?, ?, ?, 0, 0, ?)", [x_post_id, post_id, read_at, likes, reposts, impressions])


def test_the_log_shows_x_s_figures_where_they_were_read(open_window, desk):
    from desk.ui import words
    from desk.ui.log.model import COL_IMPRESSIONS, COL_LIKES, COL_LINK, COL_REPOSTS

    sara = as_user(desk, "sara")
    read, unread = sara.draft("خبر قُرئت أرقامه"), sara.draft("خبر لم تُقرأ أرقامه")
    keep_reach(desk, read, "1860000000000000001", 1200, 45, None)
    keep_reach(desk, read, "1860000000000000002", 30, 5, None)  # a thread's second part: summed
    window, page = log_page(open_window, desk)
    model = page.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (COL_LIKES, COL_REPOSTS, COL_IMPRESSIONS)] == [
        "Likes", "Reposts", "Impressions"]
    assert COL_LIKES == COL_LINK + 1  # after "On X"
    row = {r["post_id"]: i for i, r in enumerate(model.rows)}
    cells = [model.data(model.index(row[read], c)) for c in (COL_LIKES, COL_REPOSTS, COL_IMPRESSIONS)]
    assert cells == ["1,230", "50", ""]  # X gave no impressions
    assert model.data(model.index(row[read], COL_LIKES), Qt.ItemDataRole.ToolTipRole) == (
        "X's figures, read " + words.when("2026-11-20T09:30:00+00:00"))
    assert [model.data(model.index(row[unread], c)) for c in (COL_LIKES, COL_REPOSTS, COL_IMPRESSIONS)] == [
        "", "", ""]
    assert model.data(model.index(row[unread], COL_LIKES), Qt.ItemDataRole.ToolTipRole) is None


def test_x_s_figures_step_aside_first_when_the_log_is_narrow(qtbot, open_window, desk):
    from desk.ui.log.model import COL_APPROVER, COL_IMPRESSIONS, COL_LIKES, COL_LINK, COL_REPOSTS

    post_id = as_user(desk, "sara").draft("خبر")
    keep_reach(desk, post_id, "1860000000000000003", 9, 1, 300)
    window, page = log_page(open_window, desk)
    window.resize(1366, 768)
    page.split.setSizes([2000, 300])
    qtbot.waitUntil(lambda: not page.table.isColumnHidden(COL_IMPRESSIONS))
    page.split.setSizes([560, 2000])
    qtbot.waitUntil(lambda: page.table.isColumnHidden(COL_IMPRESSIONS))
    hidden = [c for c in (COL_IMPRESSIONS, COL_REPOSTS, COL_LIKES, COL_LINK, COL_APPROVER)
              if page.table.isColumnHidden(c)]
    # whatever had to go, X's figures went before the columns the detail repeats
    assert hidden == [COL_IMPRESSIONS, COL_REPOSTS, COL_LIKES, COL_LINK, COL_APPROVER][:len(hidden)]
