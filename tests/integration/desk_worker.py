"""A desk kept open in a process of its own, as a window on another workstation keeps it:
``python desk_worker.py FOLDER`` (its database from DESK_DATABASE_URL), then one JSON
request a line on stdin, one JSON answer a line on stdout.

A request: {"as": user, "password": pw, "do": "approve", "args": [7], "kw": {}, "go": path}
("do": "sign_in" only signs in; "publish_due" acts without signing in; "go": wait for
that file first, so several workers act at the same moment; an argument "at:ISO" is a
datetime). The answer: {"ok": true, "value": ...} or {"ok": false, "key": ..., "exit":
..., "message": ...}.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import datetime


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


def main() -> int:
    from desk.core.errors import DeskError
    from desk.service import Desk

    desk = Desk(sys.argv[1])
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
