"""Reading X's figures for the account's posts: what a read will cost, and what it did.

X's pay-per-use plan charges for every post a read returns ("Posts: Read", $0.005 a
post in X's pricing of 2026; docs.x.com, x-api/getting-started/pricing). The price and
the monthly budget are settings an administrator can change when X's prices do; a read
whose estimate does not fit what is left of the month's budget is refused before any
request goes out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desk.core.errors import InvalidInput

BATCH = 100  # ids per request: X's most for GET /2/tweets
PRIVATE_DAYS = 30  # X gives non-public and organic figures for posts of the last 30 days only
# Asked for private figures only well inside X's 30 days: X's clock and ours may differ by
# minutes, and a post just over the line is left out of X's answer altogether.
PRIVATE_MARGIN = timedelta(hours=2)
DEFAULT_DAYS = 30  # what a refresh reads when no period is given: posts of the last 30 days


@dataclass(frozen=True)
class Reading:
    """One X post's figures as X returned them; None where X gave none."""

    x_post_id: str
    likes: int
    reposts: int
    replies: int
    quotes: int
    bookmarks: int | None = None
    impressions: int | None = None
    url_clicks: int | None = None
    profile_clicks: int | None = None


@dataclass(frozen=True)
class ReachPlan:
    """What a refresh would read and cost, said before it runs."""

    posts: int  # X posts to read (a thread's parts each count)
    requests: int
    price_cents: float  # per post read
    cost_cents: float  # the estimate: every post found
    spent_cents: float  # by earlier reads this calendar month (the desk's own record)
    budget_cents: int  # a month
    since: datetime | None = None
    until: datetime | None = None
    training: bool = False  # the desk publishes to its training timeline: X has nothing to read

    @property
    def left_cents(self) -> float:
        return max(0.0, self.budget_cents - self.spent_cents)

    @property
    def affordable(self) -> bool:
        return self.cost_cents <= self.left_cents + 1e-9

    def refusal(self) -> InvalidInput | None:
        """Why this read may not run, or None."""
        if self.training:
            return InvalidInput("reach.training")
        if self.posts == 0:
            return InvalidInput("reach.nothing_to_read")
        if not self.affordable:
            return InvalidInput("reach.over_budget", cost=dollars(self.cost_cents),
                                left=dollars(self.left_cents), budget=dollars(self.budget_cents))
        return None


@dataclass
class ReachResult:
    read: int = 0  # posts X returned figures for
    missing: int = 0  # posts X no longer has (deleted on X, or another account's)
    requests: int = 0
    cost_cents: float = 0.0  # what X charged, by the posts it returned
    stopped: Exception | None = None  # X's refusal part-way: what was read before it is kept
    ids: list[str] = field(default_factory=list)


def batches(ids: list, size: int | None = None) -> list[list]:
    size = size or BATCH
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def cost_cents(posts: int, price_cents: float) -> float:
    return round(posts * price_cents, 4)


def dollars(cents: float) -> str:
    """$0.45; a fraction of a cent keeps its digits ($0.005)."""
    value = cents / 100
    text = f"{value:.2f}"
    if abs(value - float(text)) > 1e-9:
        text = f"{value:.4f}".rstrip("0")
    return "$" + text
