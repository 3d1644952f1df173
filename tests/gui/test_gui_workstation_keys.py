"""The window says whether THIS workstation can publish: on an office's desk the X keys are
in one workstation's keyring (a real Secret Service here, reachable and without them), and
a workstation without them passes its due posts over quietly, its band saying why.

Run under `.ci/keyring-session.sh` and `tools/with-postgres.sh`; without them it skips."""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from gui_support import settle

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desk.core.states import State  # noqa: E402
from desk.store import chain  # noqa: E402
from desk.ui.account_link import ServiceAccountLink  # noqa: E402

pytestmark = pytest.mark.keyring

ELSEWHERE = "This workstation cannot publish: the X keys are kept on another workstation's keyring."


def test_the_window_says_whether_this_workstation_can_publish(qtbot, pg_office, open_office_window, real_keyring,
                                                             qapp):
    from desk.vault import XKeys

    desk = pg_office.desk()
    with desk.store.transaction():  # the keys were saved on another workstation
        chain.append(desk.store.db, action="account_set", actor="admin", detail={"handle": "MinistryMedia"})
    omar, khalid = desk.sign_in("omar", "officerpw1"), desk.sign_in("khalid", "supervisor2")
    post_id = omar.draft("خبر مجدول على محطة لا تحمل المفاتيح")
    omar.submit(post_id)
    khalid.approve(post_id)
    khalid.schedule(post_id, datetime.now(timezone.utc) + timedelta(seconds=1))
    time.sleep(1.2)

    session = desk.sign_in("sara", "supervisor1")
    window = open_office_window(desk, "sara", ServiceAccountLink(session))
    qtbot.waitUntil(lambda: window.bands.workstation.isVisible(), timeout=10000)
    assert window.bands.workstation.text() == ELSEWHERE
    assert not window.bands.blocked.isVisible() and not window.bands.training.isVisible()
    assert not window.keys_label.isVisible()
    window.due.run()
    settle(qtbot)
    assert window.statusBar().currentMessage() == ""  # passed over quietly: the band says why
    assert khalid.post(post_id).state == State.SCHEDULED
    window.due.timer.stop()
    khalid.unschedule(post_id)
    admin = open_office_window(desk, "admin", ServiceAccountLink(desk.sign_in("admin", "adminpass1")))
    admin.due.timer.stop()
    admin.places.go("settings")
    qtbot.waitUntil(lambda: admin.page["settings"].account.status.text() == ELSEWHERE, timeout=10000)
    admin.close()

    desk.account.vault().store_keys(XKeys("MARKERck9f3a7c1e2d", "MARKERcs4b8e6f0a1c9d",
                                          "1580000000000000001-MARKERat7d2e", "MARKERats5c1f9b3e7a"))
    try:
        window.ctx.check_account()
        qtbot.waitUntil(lambda: window.keys_label.isVisible(), timeout=10000)
        assert window.keys_label.text() == "This workstation holds the X keys."
        assert not window.bands.workstation.isVisible()
        window.close()

        qapp.set_language("ar")
        arabic = open_office_window(desk, "sara", ServiceAccountLink(session))
        arabic.due.timer.stop()
        qtbot.waitUntil(lambda: arabic.keys_label.isVisible(), timeout=10000)
        assert arabic.keys_label.text() == "تحتفظ هذه المحطة بمفاتيح X."
        desk.account.vault().forget()
        arabic.ctx.check_account()
        qtbot.waitUntil(lambda: arabic.bands.workstation.isVisible(), timeout=10000)
        assert arabic.bands.workstation.text() == "لا تستطيع هذه المحطة النشر: مفاتيح X محفوظة في مخزن مفاتيح محطة أخرى."
        assert not arabic.keys_label.isVisible()
        settle(qtbot)
    finally:
        qapp.set_language("en")
        desk.account.vault().forget()
