"""The office's monthly figures, worked out from the log by SQL on either store.

Four statements: the stretch of event ids the period's times span (through the index
events_at), then, over the events of that stretch and period, every count and table,
the waits, and X's figures. Each of those reads only the few actions it needs, through
the index on (action, id). Nothing is read post by post: what comes back is counts, a
few rows of each table and the top posts.

A post counts as published when it went out whole: 'sent', or 'settle_published' (the
reconciler found it on X), taking it to published. A thread's earlier parts ('part_sent',
or a part settled while more were to go) do not count; its last part counts it once, on
the day the log's published_at gives it.
"""

from __future__ import annotations

from datetime import timedelta

from desk.core.figures import Count, Figures, Period, Reach, TopPost, Wait
from desk.store import dialect

WITHDRAWALS_SHOWN = 10
COUNTED = ("create", "submit", "approve", "return", "reject", "miss", "fail")
OUT = ("sent", "settle_published")

# The first and last event of the period. COUNT(*) beside them keeps PostgreSQL from
# looking for MIN(id) along the primary key, from the log's first event on.
SPAN_SQL = "SELECT MIN(id), MAX(id), COUNT(*) FROM events WHERE at >= :start AND at < :end"


def _named(actions: tuple[str, ...]) -> str:
    return ", ".join(f"'{a}'" for a in actions)


def _events(db, actions: tuple[str, ...], columns: str) -> str:
    """The period's events of ``actions``: ids within the period's stretch, times within it
    too (a workstation's clock set back may log an event of another day among them)."""
    return (f"SELECT {columns} FROM {dialect.events_by_action(db, 'e')} WHERE e.action IN ({_named(actions)})"
            " AND e.id BETWEEN :lo AND :hi AND e.at >= :start AND e.at < :end" + _NOT_PRACTICE)


# The account's figures leave out the posts that went to the training timeline (practice while
# training mode was on); a training desk's count everything, its drafts included, which are
# no timeline's until they go out.
_NOT_PRACTICE = (" AND (:training = 1 OR NOT EXISTS (SELECT 1 FROM posts tp WHERE tp.id = e.post_id"
                 " AND tp.training = 1))")


# The period's publications, one row per post (the lifecycle allows one; the figures promise one).
PUBLISHED = f"""pub AS (SELECT ev.post_id, MIN(ev.id) AS id, MIN(ev.at) AS at FROM ev
  JOIN posts p ON p.id = ev.post_id
  WHERE ev.action IN ({_named(OUT)}) AND ev.to_state = 'published' AND p.training = :training
  GROUP BY ev.post_id)"""


def _tables_sql(db, offset_minutes) -> str:
    """Every count and every table of the figures, as rows (kind, key, label, count)."""
    day = dialect.local_day(db, "pub.at", offset_minutes)
    events = _events(db, COUNTED + ("withdraw",) + OUT,
                     "e.id, e.post_id, e.at, e.actor, e.action, e.to_state, e.detail")
    return f"""
WITH ev AS MATERIALIZED ({events}),
{PUBLISHED},
wd AS (SELECT ev.id, ev.post_id, json_extract(ev.detail, '$.reason') AS reason FROM ev
  JOIN posts p ON p.id = ev.post_id WHERE ev.action = 'withdraw' AND p.training = :training),
said AS (SELECT ev.action, json_extract(ev.detail, CASE ev.action WHEN 'return' THEN '$.comment'
  ELSE '$.reason' END) AS reason FROM ev WHERE ev.action IN ('return', 'reject')),
tabled AS (
  SELECT 'total' AS kind, ev.action AS k, '' AS label, COUNT(*) AS n, 1 AS rn FROM ev
    WHERE ev.action IN ({_named(COUNTED)}) GROUP BY ev.action
  UNION ALL SELECT 'total', 'published', '', COUNT(*), 1 FROM pub
  UNION ALL SELECT 'total', 'withdraw', '', COUNT(*), 1 FROM wd
  UNION ALL SELECT 'day', d.day, '', COUNT(*), 1 FROM (SELECT {day} AS day FROM pub) d GROUP BY d.day
  UNION ALL SELECT s.action, s.reason, s.reason, COUNT(*),
      ROW_NUMBER() OVER (PARTITION BY s.action ORDER BY COUNT(*) DESC, {dialect.bytewise(db, 's.reason')})
    FROM said s GROUP BY s.action, s.reason
  UNION ALL SELECT 'author', p.author, a.name, COUNT(*), ROW_NUMBER() OVER (ORDER BY COUNT(*) DESC, p.author)
    FROM pub JOIN posts p ON p.id = pub.post_id JOIN staff a ON a.username = p.author GROUP BY p.author, a.name
  UNION ALL SELECT 'approver', ev.actor, COALESCE(a.name, ev.actor), COUNT(*),
      ROW_NUMBER() OVER (ORDER BY COUNT(*) DESC, ev.actor)
    FROM ev LEFT JOIN staff a ON a.username = ev.actor WHERE ev.action = 'approve' GROUP BY ev.actor, a.name
  UNION ALL SELECT 'withdrawal', CAST(wd.post_id AS TEXT), wd.reason, 1, ROW_NUMBER() OVER (ORDER BY wd.id DESC)
    FROM wd)
SELECT kind, k, label, n FROM tabled
WHERE kind IN ('total', 'day', 'author', 'approver') OR (kind IN ('return', 'reject') AND rn <= :top)
  OR (kind = 'withdrawal' AND rn <= {WITHDRAWALS_SHOWN})
ORDER BY kind, rn"""


def _waits_sql(db) -> str:
    """Each wait's count, median and 90th percentile by nearest rank: of n waits in order,
    the ceil(n/2)th and the ceil(9n/10)th, in integer arithmetic."""
    submitted = ("(SELECT s.at FROM events s WHERE s.post_id = ev.post_id AND s.action = 'submit'"
                 " AND s.id < ev.id ORDER BY s.id DESC LIMIT 1)")
    approved = ("(SELECT s.at FROM events s WHERE s.post_id = pub.post_id AND s.action = 'approve'"
                " AND s.id < pub.id ORDER BY s.id DESC LIMIT 1)")
    return f"""
WITH ev AS MATERIALIZED ({_events(db, ("approve",) + OUT, "e.id, e.post_id, e.at, e.action, e.to_state")}),
{PUBLISHED},
steps AS MATERIALIZED (
  SELECT 'approval' AS kind, ev.at, {submitted} AS since FROM ev WHERE ev.action = 'approve'
  UNION ALL SELECT 'publish', pub.at, {approved} FROM pub),
waits AS MATERIALIZED (SELECT kind, {dialect.seconds_between(db, 'at', 'since')} AS d FROM steps
  WHERE since IS NOT NULL),
ranked AS (SELECT kind, d, ROW_NUMBER() OVER (PARTITION BY kind ORDER BY d) AS rn,
  COUNT(*) OVER (PARTITION BY kind) AS n FROM waits)
SELECT kind, MAX(n), MAX(CASE WHEN rn = (n + 1) / 2 THEN d END), MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN d END)
FROM ranked GROUP BY kind"""


def _reach_sql(db) -> str:
    """The top posts by X's figures, each row carrying the totals over every post read."""
    return f"""
WITH ev AS ({_events(db, OUT, "e.id, e.post_id, e.at, e.action, e.to_state")}),
{PUBLISHED},
counted AS (SELECT pub.post_id, MIN(pub.at) AS published_at, SUM(r.likes) AS likes, SUM(r.reposts) AS reposts,
  SUM(r.replies) AS replies, SUM(r.quotes) AS quotes, SUM(COALESCE(r.bookmarks, 0)) AS bookmarks,
  SUM(r.impressions) AS impressions, MAX(r.read_at) AS read_at
  FROM pub JOIN reach r ON r.post_id = pub.post_id GROUP BY pub.post_id)
SELECT c.post_id, p.text, c.published_at, c.likes, c.reposts, c.replies, c.impressions,
  COUNT(*) OVER (), SUM(c.likes) OVER (), SUM(c.reposts) OVER (), SUM(c.replies) OVER (), SUM(c.quotes) OVER (),
  SUM(c.bookmarks) OVER (), SUM(c.impressions) OVER (), MAX(c.read_at) OVER ()
FROM counted c JOIN posts p ON p.id = c.post_id
ORDER BY c.impressions DESC NULLS LAST, c.likes + c.reposts DESC, c.post_id
LIMIT :shown"""


def _int(value) -> int | None:
    return None if value is None else int(value)  # PostgreSQL's SUM of BIGINT is numeric


def _seconds(value) -> float | None:
    return None if value is None else float(value)


def _weeks(days: list[Count]) -> tuple[Count, ...]:
    """Days 1-7, 8-14, 15-21, 22-28 and 29 to the month's end."""
    weeks = []
    for number, first in enumerate(range(1, len(days) + 1, 7), start=1):
        last = min(first + 6, len(days))
        label = f"{first}-{last}" if last > first else str(first)  # a 29-day month's last week is one day
        weeks.append(Count(f"w{number}", label, sum(d.count for d in days[first - 1:last])))
    return tuple(weeks)


def compute(db, period: Period, start_utc: str, end_utc: str, offset_minutes, training: bool,
            top: int = 5) -> Figures:
    """The figures of [start_utc, end_utc) (UTC ISO, as the events keep their times), the
    events put on local days at offset_minutes from UTC. Counts of what the office did
    (drafted, submitted, reviewed, missed, failed) cover every post but, for the account's
    figures, those that went to the training timeline; what went out (published, its days
    and weeks, its wait, authors, withdrawals, X's figures) covers the posts of ``training``
    (the training timeline's, or the account's). offset_minutes: see dialect.local_day. For one
    consistent snapshot, call inside the store's read()."""
    params = {"start": start_utc, "end": end_utc, "training": int(bool(training)), "top": int(top)}
    params["lo"], params["hi"], _ = db.execute(SPAN_SQL, params).fetchone()
    tables: dict[str, list[Count]] = {}
    for kind, key, label, n in db.execute(_tables_sql(db, offset_minutes), params).fetchall():
        tables.setdefault(kind, []).append(Count(str(key or ""), str(label or ""), int(n)))
    totals = {c.key: c.count for c in tables.get("total", [])}
    on_day = {c.key: c.count for c in tables.get("day", [])}
    days = [period.start + timedelta(days=n) for n in range(period.days)]
    per_day = [Count(day.isoformat(), str(n + 1), on_day.get(day.isoformat(), 0)) for n, day in enumerate(days)]

    waits = {kind: Wait(int(n), _seconds(median), _seconds(p90))
             for kind, n, median, p90 in db.execute(_waits_sql(db), params).fetchall()}

    rows = db.execute(_reach_sql(db), {**params, "shown": max(int(top), 1)}).fetchall()
    reach = Reach()
    if rows:
        first = rows[0]
        reach = Reach(int(first[7]), *(int(v) for v in first[8:13]), _int(first[13]), first[14])
    top_posts = tuple(TopPost(int(r[0]), r[1], r[2], int(r[3]), int(r[4]), int(r[5]), _int(r[6]))
                      for r in rows[:max(int(top), 0)])

    return Figures(
        period=period, training=bool(training), per_day=tuple(per_day), per_week=_weeks(per_day),
        drafted=totals.get("create", 0), submitted=totals.get("submit", 0), approved=totals.get("approve", 0),
        published=totals.get("published", 0),
        approval_wait=waits.get("approval", Wait()), publish_wait=waits.get("publish", Wait()),
        returned=totals.get("return", 0), rejected=totals.get("reject", 0),
        return_reasons=tuple(tables.get("return", [])), reject_reasons=tuple(tables.get("reject", [])),
        by_author=tuple(tables.get("author", [])), by_approver=tuple(tables.get("approver", [])),
        missed=totals.get("miss", 0), failed=totals.get("fail", 0), withdrawn=totals.get("withdraw", 0),
        withdrawals=tuple(tables.get("withdrawal", [])), reach=reach, top_posts=top_posts,
    )
