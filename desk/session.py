"""A signed-in staff member acting on the desk. Reached through ``Desk.sign_in``."""

from __future__ import annotations

from datetime import datetime, timezone

from desk.core import roles as role_rules
from desk.core.content import MediaItem
from desk.core.errors import InvalidInput, NotPermitted, SignInRefused
from desk.core.lifecycle import Actor
from desk.core.staff_rules import NOTICE_DAYS, hash_password, password_matches
from desk.core.text import check_draft_text, check_reply_target
from desk.store import LogFilter, rows_check
from desk.store.posts import refuse_if_tampered
from desk.session_join import JoinActs
from desk.session_staff import StaffActs


MAX_ID = 2**63 - 1  # SQLite's largest integer: no post number can be larger


def check_post_id(post_id) -> int:
    """A post number as the desk gives them: a positive integer SQLite can hold."""
    try:
        number = int(post_id)
    except (TypeError, ValueError, OverflowError):
        raise InvalidInput("post.bad_id", value=str(post_id)[:40]) from None
    if isinstance(post_id, bool) or not 1 <= number <= MAX_ID:
        raise InvalidInput("post.bad_id", value=str(post_id)[:40])
    return number


def parse_time(value) -> datetime:
    """An ISO-8601 time; a time without a zone is the workstation's local time."""
    shown = str(value)[:60]
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            raise InvalidInput("schedule.bad_time", value=shown) from None
    try:  # near year 1 or 9999 an offset carries the moment off the calendar
        if moment.tzinfo is None:
            moment = moment.astimezone()
        return moment.astimezone(timezone.utc)
    except (OverflowError, ValueError, OSError):
        raise InvalidInput("schedule.out_of_range", value=shown) from None


ADMIN_SETTINGS = frozenset({"approvals_needed", "lateness_minutes", "char_limit", "training_mode",
                            "idle_minutes", "language", "schedule_max_days", "reset_needs_second_admin",
                            "publishing_workstation", "reach_every_days", "reach_price_millicents",
                            "reach_budget_cents"})


class Session(StaffActs, JoinActs):
    def __init__(self, desk, member):
        self.desk = desk
        self.store = desk.store
        self._username = member.username

    @property
    def member(self):
        """The person as the store knows them now: a deactivation or a change of roles
        takes effect on an open window at once, not at the next sign-in. Someone whose
        password was reset may do nothing but choose a new one: every action reaches
        the person through here, so none slips past."""
        return self._member_with()[0]

    def _member_with(self, also: tuple[str, list] | None = None):
        """(member, the value of the scalar query ``also``): a read that rides along with
        the person's check, in the same statement (on a server, one round trip less)."""
        current, value = self._checked(also)
        if current.must_change:
            raise NotPermitted("password.must_change", username=self._username)
        return current, value

    def _current(self):
        return self._checked()[0]

    def _checked(self, also=None):
        # The row and its check against the log in one statement (one round trip to a server).
        current, problem, value = rows_check.checked_member(self.store.db, self._username, also)
        if current is None or not current.active:
            raise SignInRefused("signin.inactive", username=self._username)
        # Roles granted by editing the database are not roles: the log says who may do what.
        refuse_if_tampered(problem)
        return current, value

    @property
    def person(self):
        """The person's record even before a one-time password is replaced (for the window)."""
        return self._current()

    @property
    def must_change_password(self) -> bool:
        """True after signing in with a one-time password, until a new one is chosen."""
        return self._current().must_change

    def change_password(self, old: str, new: str) -> None:
        """Choose one's own password (the current one, perhaps one-time, proves it is you)."""
        member = self._current()
        if not password_matches(member.password_hash, old):
            raise InvalidInput("password.old_wrong")
        if new == old:
            raise InvalidInput("password.same")
        password_hash = hash_password(new)
        with self.store.transaction():
            self.store.staff.set_password(self._username, password_hash, by=self._username)

    def reset_notice(self) -> dict | None:
        """Who reset this person's password and when (in the last NOTICE_DAYS), and every
        action taken in their name since the earliest of those resets."""
        from datetime import timedelta

        since = (datetime.now(timezone.utc) - timedelta(days=NOTICE_DAYS)).isoformat(timespec="milliseconds")
        return self.store.staff.reset_notice(self._username, since)

    @property
    def actor(self) -> Actor:
        member = self.member
        return Actor(member.username, member.roles)

    @property
    def username(self) -> str:
        return self._username

    def may(self, action: str) -> bool:
        return role_rules.may(self.member.roles, action)

    def _require(self, action: str) -> None:
        role_rules.require(self.member.roles, action)

    def settings(self) -> dict:
        return self.store.settings.all()

    # drafts ------------------------------------------------------------------
    def _content(self, text: str, images, reply_to) -> tuple[str, tuple[MediaItem, ...], str | None]:
        """Check text and files, store the files, return what the post will hold."""
        from desk.attachments import accept_all

        text = check_draft_text(text)
        reply_to = check_reply_target(reply_to)
        images = list(images or [])
        media = accept_all(self.store, images)  # 4 images, or 1 GIF, or 1 video (and caption)
        return text, tuple(media), reply_to

    def draft(self, text: str, images=(), reply_to: str | None = None) -> int:
        """Save a new draft; returns its id. A draft may be over the length limit."""
        self._require("draft")
        content = self._content(text, images, reply_to)
        with self.store.transaction():
            return self.store.posts.create(self.actor, *content, training=False)

    def draft_parts(self, parts, reply_to: str | None = None) -> int:
        """Save a new thread: ``parts`` is [(text, images), ...] in order, images as for draft.
        One part is a single post. Each part may be over the limit while it is a draft."""
        self._require("draft")
        text, media, reply_to, more = self._thread_content(parts, reply_to)
        with self.store.transaction():
            return self.store.posts.create(self.actor, text, media, reply_to, training=False, more=more)

    def _thread_content(self, parts, reply_to):
        from desk.core.content import MAX_PARTS, Part

        parts = list(parts)
        if not parts:
            raise InvalidInput("thread.part_empty", part=1)
        if len(parts) > MAX_PARTS:
            raise InvalidInput("thread.too_many", limit=MAX_PARTS, count=len(parts))
        contents = []
        for number, (text, images) in enumerate(parts, start=1):
            try:
                contents.append(self._content(text, images, reply_to if number == 1 else None))
            except InvalidInput as error:
                if len(parts) == 1:
                    raise
                raise InvalidInput("thread.part_refused", part=number,
                                   reason=(error.message("en"), error.message("ar"))) from None
        (text, media, reply_to), rest = contents[0], contents[1:]
        return text, media, reply_to, tuple(Part(t, m) for t, m, _ in rest)

    def edit(self, post_id: int, text: str, images=None, reply_to=None, expected_version: int | None = None):
        """Change a draft (or void an approval by changing an approved post). A thread's
        later parts stay as they are: edit_parts changes the whole thread."""
        post_id = check_post_id(post_id)
        post = self._editable(post_id)
        if images is None:
            images = [(m, m.alt) for m in post.media]
        if reply_to is None:
            reply_to = post.reply_to
        if post.more:
            parts = [(text, images)] + [(p.text, [(m, m.alt) for m in p.media]) for p in post.more]
            return self._act(post_id, "edit", expected_version=expected_version,
                             new_content=self._thread_content(parts, reply_to))
        content = self._content(text, images, reply_to)
        return self._act(post_id, "edit", expected_version=expected_version, new_content=content)

    def edit_parts(self, post_id: int, parts, reply_to=None, expected_version: int | None = None):
        """Change a thread's parts (add, remove, reorder, rewrite): any change voids its approval."""
        post_id = check_post_id(post_id)
        post = self._editable(post_id)
        if reply_to is None:
            reply_to = post.reply_to
        return self._act(post_id, "edit", expected_version=expected_version,
                         new_content=self._thread_content(parts, reply_to))

    def _editable(self, post_id: int):
        post = self.store.posts.get(post_id)
        self._require("edit")
        if post.author != self.username:  # refused before any image file is written
            raise NotPermitted("perm.not_author", author=post.author, action=role_rules.action_word("edit"))
        return post

    def _act(self, post_id: int, action: str, **kw):
        post_id = check_post_id(post_id)
        with self.store.transaction():
            return self.store.posts.act(post_id, action, self.actor, settings=self.settings(), **kw)

    def submit(self, post_id: int, expected_version: int | None = None):
        return self._act(post_id, "submit", expected_version=expected_version)

    def recall(self, post_id: int, expected_version: int | None = None):
        return self._act(post_id, "recall", expected_version=expected_version)

    # review --------------------------------------------------------------------
    def approve(self, post_id: int, expected_version: int | None = None):
        return self._act(post_id, "approve", expected_version=expected_version)

    def reject(self, post_id: int, reason: str, expected_version: int | None = None):
        return self._act(post_id, "reject", reason=reason, expected_version=expected_version)

    def return_(self, post_id: int, comment: str, expected_version: int | None = None):
        return self._act(post_id, "return", reason=comment, expected_version=expected_version)

    def why_not_approve(self, post_id: int) -> str | None:
        """The message key that would refuse an approval now, for a disabled button."""
        post_id = check_post_id(post_id)
        from desk.core import lifecycle
        from desk.core.errors import DeskError

        post = self.store.posts.get(post_id)
        s = self.settings()
        try:
            lifecycle.decide("approve", self.store.posts.facts(post), self.actor,
                             approvals_needed=s["approvals_needed"], char_limit=s["char_limit"])
        except DeskError as error:
            return error
        return None

    # publishing ----------------------------------------------------------------
    def schedule(self, post_id: int, at, expected_version: int | None = None):
        from datetime import timedelta

        post_id = check_post_id(post_id)
        moment = parse_time(at)
        now = datetime.now(timezone.utc)
        if moment <= now:
            raise InvalidInput("schedule.past", at=moment.astimezone().strftime("%Y-%m-%d %H:%M"))
        days = self.settings()["schedule_max_days"]
        if moment - now > timedelta(days=days):  # X and the office's plans cannot honour it
            raise InvalidInput("schedule.too_far", at=moment.strftime("%Y-%m-%d %H:%M UTC"), days=days)
        return self._act(post_id, "schedule", expected_version=expected_version,
                         set_fields={"scheduled_at": moment.isoformat(timespec="milliseconds")},
                         detail={"at": moment.isoformat(timespec="milliseconds")})

    def unschedule(self, post_id: int, expected_version: int | None = None):
        return self._act(post_id, "unschedule", expected_version=expected_version, set_fields={"scheduled_at": None})

    def publish(self, post_id: int, expected_version: int | None = None, progress=None):
        """Send an approved post now (or a failed or missed one again). ``progress``: a
        desk.publish.progress.Progress for the upload's progress and a cancel before the post."""
        post_id = check_post_id(post_id)
        return self.desk.outbox.publish(post_id, self.actor, expected_version, progress)

    def withdraw(self, post_id: int, reason: str, expected_version: int | None = None):
        post_id = check_post_id(post_id)
        return self.desk.outbox.withdraw(post_id, self.actor, reason, expected_version)

    def withdrawn_outside(self, post_id: int, reason: str, expected_version: int | None = None):
        """A supervisor records that the post was deleted on X outside the desk."""
        return self.desk.outbox.withdrawn_outside(post_id, self.actor, reason, expected_version)

    def pause(self) -> None:
        self._require("pause")
        with self.store.transaction():
            self.store.settings.set("paused", True, by=self.username)

    def resume(self) -> None:
        self._require("resume")
        with self.store.transaction():
            self.store.settings.set("paused", False, by=self.username)

    # reading ---------------------------------------------------------------------
    def post(self, post_id: int):
        post_id = check_post_id(post_id)
        self._require("read_log")
        return self.store.posts.get(post_id)

    def show(self, post_id: int) -> dict:
        """The post's row (as exported) and its whole history."""
        post_id = check_post_id(post_id)
        self._require("read_log")
        with self.store.read():
            post = self.store.posts.get(post_id)
            return {"post": post, "row": self.store.log.row(post_id), "history": self.store.log.history(post_id)}

    def log(self, log_filter: LogFilter = LogFilter(), limit: int | None = 100, offset: int = 0) -> list[dict]:
        self._require("read_log")
        return list(self.store.log.rows(log_filter, limit, offset))

    def log_count(self, log_filter: LogFilter = LogFilter()) -> int:
        member, count = self._member_with(self.store.log.count_query(log_filter))
        role_rules.require(member.roles, "read_log")
        return count

    def media_path(self, item):
        """Where an image of a post is kept: media/<sha256>.<ext> in the data folder."""
        return self.store.media.path(item.sha256, item.ext)

    def last_reviewed(self, post_id: int) -> dict | None:
        """The post's content at its latest review decision, for "what changed since"."""
        post_id = check_post_id(post_id)
        self._require("read_log")
        return self.store.posts.last_reviewed(post_id)

    def publisher_kind(self) -> str:
        """'x' or 'training': where a post published now would go. Raises what publishing
        would raise (a blocked keyring, a bad DESK_X_API_BASE) before anyone confirms."""
        return self.desk.publisher().kind

    def reconcile(self):
        """Look for uncertain posts on the account's timeline now and settle them."""
        self._require("settle")
        return self.desk.outbox.reconcile(self.actor)

    def training_timeline(self, limit: int = 100) -> list[dict]:
        self._require("read_log")
        return self.store.training.entries(limit=limit)

    # settings and institution (administrators) -----------------------------------------
    def set_setting(self, key: str, value):
        self._require("manage_settings")
        if key not in ADMIN_SETTINGS:  # pausing is a supervisor's act; the account's words come from X
            raise InvalidInput("setting.unknown", key=key)
        with self.store.transaction():
            return self.store.settings.set(key, value, by=self.username)

    def update_institution(self, name_ar=None, name_en=None, handle=None, logo=None) -> None:
        from desk.service import HANDLE

        self._require("manage_institution")
        fields = {}
        for key, value in (("name_ar", name_ar), ("name_en", name_en)):
            if value is not None:
                if not value.strip():
                    raise InvalidInput("institution.name_required")
                fields[key] = value.strip()
        if handle is not None:
            if not HANDLE.match(handle):
                raise InvalidInput("institution.bad_handle")
            fields["handle"] = handle.lstrip("@")
        if logo is not None:
            fields["logo_file"] = self.desk.save_logo(logo)
        if fields:
            with self.store.transaction():
                self.store.institution.update(self.username, **fields)

    # export (supervisors and administrators) --------------------------------------------
    def export(self, out_path, fmt=None, log_filter: LogFilter = LogFilter(), period=(None, None),
               lang: str = "en", progress=None, cancelled=None) -> int:
        from desk.session_export import export_log

        return export_log(self, out_path, fmt, log_filter, period, lang, progress, cancelled)

    # the office's figures and X's (desk.session_reach) -------------------------------------
    def figures(self, period):
        from desk.session_reach import figures

        return figures(self, period)

    def reach_plan(self, period=None):
        from desk.session_reach import reach_plan

        return reach_plan(self, period)

    def refresh_reach(self, period=None, progress=None, most_cents: float | None = None):
        from desk.session_reach import refresh_reach

        return refresh_reach(self, period, progress, most_cents)

    def write_report(self, period, out_path, fmt=None, lang: str = "en"):
        from desk.session_reach import write_report

        return write_report(self, period, out_path, fmt, lang)
