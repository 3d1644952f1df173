"""The cancel of a publish: taken up to the post request, refused from then on, never both."""

import threading
import time

import pytest

from desk.core.errors import PublishError
from desk.publish.progress import Progress


def test_cancel_before_the_post_stops_it():
    progress = Progress()
    assert progress.cancel() and progress.cancelled
    with pytest.raises(PublishError) as caught:
        progress.begin_post()
    assert caught.value.key == "media.cancelled"


def test_no_cancel_once_the_post_may_leave():
    progress = Progress()
    progress.begin_post()
    assert not progress.cancel() and not progress.cancelled
    progress.check()  # nothing to stop any more


def test_a_cancel_ends_a_wait_at_once():
    progress = Progress()
    threading.Timer(0.05, progress.cancel).start()
    started = time.monotonic()
    with pytest.raises(PublishError):
        progress.wait(30)
    assert time.monotonic() - started < 5


def test_a_race_between_cancel_and_post_has_one_winner():
    for round_ in range(300):
        one_race(round_)


def one_race(round_):
    progress = Progress()
    answers = {}

    def cancel():
        answers["cancelled"] = progress.cancel()

    def post():
        try:
            progress.begin_post()
            answers["posted"] = True
        except PublishError:
            answers["posted"] = False

    threads = [threading.Thread(target=cancel), threading.Thread(target=post)]
    for thread in threads if round_ % 2 else reversed(threads):
        thread.start()
    for thread in threads:
        thread.join()
    assert answers["cancelled"] != answers["posted"]
