"""A desk kept open in a process of its own, as a window on another workstation keeps it:
``python desk_worker.py FOLDER`` (its database from DESK_DATABASE_URL), then one JSON
request a line on stdin, one JSON answer a line on stdout.

A request: {"as": user, "password": pw, "do": "approve", "args": [7], "kw": {}, "go": path}
("do": "sign_in" only signs in; "publish_due" acts without signing in; "go": wait for
that file first, so several workers act at the same moment; an argument "at:ISO" is a
datetime). The answer: {"ok": true, "value": ...} or {"ok": false, "key": ..., "exit":
..., "message": ...}.

Tests only: DESK_WORKER_FAKE_X (JSON: the fake X's keys and "api_base") publishes to that
fake X; DESK_WORKER_STOP_AT_SEND ("answered:N" or "before:N") stops the process (SIGSTOP)
once X answered its N-th post request, or before that request leaves: between a
thread's parts, where DESK_STOP_AT can only name the first.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from datetime import datetime

FAKE_X = "DESK_WORKER_FAKE_X"
STOP_AT_SEND = "DESK_WORKER_STOP_AT_SEND"


def plain(value):
    """What an action returns, as JSON can carry it."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "post_id") and hasattr(value, "outcome"):  # publish_due's results
        return {"post_id": value.post_id, "outcome": value.outcome}
    if hasattr(value, "state") and hasattr(value, "version"):  # a PostRow
        return {"id": value.id, "state": value.state.value, "version": value.version}
    return repr(value)


class StoppingPublisher:
    """The desk's X publisher, stopping this process at the post request STOP_AT_SEND names."""

    def __init__(self, publisher, when: str, count: int):
        self._publisher, self._when, self._count, self._sent = publisher, when, count, 0

    def __getattr__(self, name):
        return getattr(self._publisher, name)

    def send(self, post, progress=None):
        self._sent += 1
        if (self._when, self._sent) == ("before", self._count):
            os.kill(os.getpid(), signal.SIGSTOP)
        sent = self._publisher.send(post, progress)
        if (self._when, self._sent) == ("answered", self._count):
            os.kill(os.getpid(), signal.SIGSTOP)
        return sent


def publisher_factory():
    """Publishing to the fake X that FAKE_X names, or None (the desk's own choice)."""
    spec = os.environ.get(FAKE_X)
    if not spec:
        return None
    from desk.publish.x import XPublisher

    fake = json.loads(spec)
    when, _, count = os.environ.get(STOP_AT_SEND, "never:0").partition(":")

    def make(desk):
        return StoppingPublisher(XPublisher(**fake["keys"], api_base=fake["api_base"], timeout=5), when, int(count))

    return make


def main() -> int:
    from desk.core.errors import DeskError
    from desk.service import Desk

    desk = Desk(sys.argv[1], publisher_factory=publisher_factory())
    sessions = {}
    print(json.dumps({"ok": True, "value": "ready"}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            if request["do"] == "publish_due":
                target = desk.publish_due
            else:
                user = request["as"]
                if user not in sessions:
                    sessions[user] = desk.sign_in(user, request["password"])
                target = (lambda: None) if request["do"] == "sign_in" else getattr(sessions[user], request["do"])
            args = [datetime.fromisoformat(a[3:]) if isinstance(a, str) and a.startswith("at:") else a
                    for a in request.get("args", [])]
            if request.get("go"):
                deadline = time.monotonic() + 60
                while not os.path.exists(request["go"]) and time.monotonic() < deadline:
                    time.sleep(0.0005)
            answer = {"ok": True, "value": plain(target(*args, **request.get("kw", {})))}
        except DeskError as error:
            answer = {"ok": False, "key": error.key, "exit": error.exit_code, "message": error.message("en")}
        print(json.dumps(answer, ensure_ascii=False), flush=True)
    desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
