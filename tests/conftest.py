"""Shared fixtures: a fresh data folder per test, a ready office, images, the CLI.

Every test gets its own data folder under tmp_path through DESK_DATA_DIR, so nothing
ever touches a real desk. Argon2 is deliberately slow, so the office (an administrator,
an officer and two supervisors) is built once per session into a template folder and
copied for each test; the template's passwords are hashed with a cheap Argon2id
profile. Tests about hashing itself add staff through the real hasher.
"""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import subprocess
import sys
import types
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type

# Before anything loads Qt: no screen needed. DESK_GUI_SHOW=1 shows the windows instead.
if not os.environ.get("DESK_GUI_SHOW"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

REPO = Path(__file__).resolve().parent.parent

# a test that failed while the test keyring's daemon was replaced runs once more
from keyring_restarts import pytest_runtest_protocol, pytest_terminal_summary  # noqa: E402,F401
SEED_HEADLINES = REPO.parent / "shared" / "seed" / "headlines-ar.txt"

FALLBACK_HEADLINES = [
    "أمطار ورياح نشطة على عدة أجزاء من مناطق المملكة",
    "الإعلان عن أندية الدرجة الأولى الحاصلة على الرخصة المحلية",
    "الوزارة تطلق برنامجًا جديدًا لتدريب الشباب على المهارات الرقمية",
    "افتتاح معرض الكتاب السنوي بمشاركة أكثر من مئة دار نشر",
    "اجتماع اللجنة العليا لمتابعة المشاريع التنموية في المنطقة الشرقية",
]

# username -> (full name, roles, password)
STAFF = {
    "admin": ("مدير النظام", "administrator", "adminpass1"),
    "omar": ("عمر الحربي", "officer", "officerpw1"),
    "sara": ("سارة القحطاني", "supervisor", "supervisor1"),
    "khalid": ("خالد العتيبي", "supervisor", "supervisor2"),
}
PASSWORDS = {user: entry[2] for user, entry in STAFF.items()}
INSTITUTION = {"name_ar": "وزارة الإعلام", "name_en": "Ministry of Media", "handle": "MinistryMedia"}

# The tables that hold the desk's state (the FTS index follows posts).
TABLES = ("institution", "settings", "staff", "posts", "post_media", "events", "training_timeline", "reach")


# --------------------------------------------------------------------------- data folder
@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    """A data folder of this test's own (not yet created: the desk creates it 0700)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("DESK_DATA_DIR", str(folder))
    monkeypatch.setenv("DESK_LANG", "en")
    monkeypatch.delenv("DESK_BUSY_TIMEOUT", raising=False)
    monkeypatch.delenv("DESK_X_API_BASE", raising=False)
    return folder


# --------------------------------------------------------------------------- the keyring
NULL_KEYRING = "keyring.backends.null.Keyring"


@contextmanager
def null_keyring():
    """No OS keyring while the block runs (the desk then keeps no audit checkpoint).

    The office copies share one desk id, so a real keyring would carry one test's
    checkpoint into the next; and these tests must never write to a person's keyring."""
    import keyring.core
    from keyring.backends import null

    saved_backend = keyring.core._keyring_backend
    saved_env = os.environ.get("PYTHON_KEYRING_BACKEND")
    keyring.core._keyring_backend = null.Keyring()
    os.environ["PYTHON_KEYRING_BACKEND"] = NULL_KEYRING  # for desk processes started meanwhile
    try:
        yield
    finally:
        keyring.core._keyring_backend = saved_backend
        if saved_env is None:
            os.environ.pop("PYTHON_KEYRING_BACKEND", None)
        else:
            os.environ["PYTHON_KEYRING_BACKEND"] = saved_env


@pytest.fixture
def no_keyring():
    with null_keyring():
        yield


@pytest.fixture
def real_keyring(no_keyring, monkeypatch):
    """This session's throw-away Secret Service, for this process and the commands it runs;
    put back before no_keyring puts back what the test found (monkeypatch would undo later)."""
    from tests.integration.cli_helpers import keyring_problem

    problem = keyring_problem()
    if problem and os.environ.get("CI"):
        pytest.fail(f"CI needs a real Secret Service: {problem}", pytrace=False)
    if problem:
        pytest.skip(problem)
    import keyring.core
    from keyring.backends import SecretService

    saved_backend, saved_env = keyring.core._keyring_backend, os.environ.pop("PYTHON_KEYRING_BACKEND", None)
    keyring.core._keyring_backend = SecretService.Keyring()
    monkeypatch.setenv("DESK_X_API_BASE", "http://127.0.0.1:9")  # never the real X, whatever happens
    yield
    keyring.core._keyring_backend = saved_backend
    if saved_env is not None:
        os.environ["PYTHON_KEYRING_BACKEND"] = saved_env


# --------------------------------------------------------------------------- the office
def cheap_hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, type=Type.ID)


def build_office(folder: Path, hasher: PasswordHasher | None = None, database: str | None = None) -> None:
    """Init an institution with admin, officer omar and supervisors sara and khalid."""
    from desk.core import staff_rules
    from desk.service import Desk

    saved = staff_rules._hasher
    if hasher is not None:
        staff_rules._hasher = hasher
    with null_keyring():
        try:
            desk = Desk(folder, database=database)
            name, _roles, password = STAFF["admin"]
            desk.init(INSTITUTION["name_ar"], INSTITUTION["name_en"], INSTITUTION["handle"], "admin", name, password)
            admin = desk.sign_in("admin", password)
            for username, (full_name, roles, pw) in STAFF.items():
                if username != "admin":
                    admin.add_staff(username, full_name, roles, pw)
            desk.close()
        finally:
            staff_rules._hasher = saved


@pytest.fixture(scope="session")
def office_template(tmp_path_factory) -> Path:
    """A ready office, built once; copy it, never open it in place."""
    folder = tmp_path_factory.mktemp("template") / "office"
    build_office(folder, cheap_hasher())
    return folder


def copy_office(template: Path, target: Path) -> Path:
    """A copy with a desk id of its own, so no two copies could share keyring entries.

    The desk id is in the log's first event, so the copy's chain is written anew from
    there, as if the office had been set up under the new id (the template was made
    without a keyring: nothing outside the folder anchors it)."""
    shutil.copytree(template, target)
    conn = sqlite3.connect(target / "desk.sqlite3")
    with conn:
        new_desk_id(conn, target)
    conn.close()
    return target


def new_desk_id(conn, target: Path) -> None:
    """Give the office in ``conn`` (sqlite3, or psycopg through pg.to_pg) a new desk id,
    chain rewritten, and write its anchor in the workstation folder ``target``."""
    import json
    import uuid

    from desk.store import anchor, chain

    desk_id = uuid.uuid4().hex
    conn.execute("UPDATE institution SET desk_id = ?", [desk_id])
    detail = json.loads(conn.execute("SELECT detail FROM events WHERE action = 'institution' ORDER BY id LIMIT 1").fetchone()[0])
    conn.execute("UPDATE events SET detail = ? WHERE action = 'institution' AND id = (SELECT MIN(id) FROM events"
                 " WHERE action = 'institution')", [chain.detail_text({**detail, "desk_id": desk_id})])
    prev = chain.GENESIS
    for row in conn.execute(chain.SELECT_EVENTS + " ORDER BY id").fetchall():
        row = (*row[:9], prev, *row[10:])
        prev = chain.row_hash(row)
        conn.execute("UPDATE events SET prev_hash = ?, hash = ? WHERE id = ?", [row[9], prev, row[0]])
    name_en = conn.execute("SELECT name_en FROM institution").fetchone()[0]
    count = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    Path(target).mkdir(parents=True, exist_ok=True, mode=0o700)
    anchor.write(target, anchor.Anchor(desk_id, name_en, count, prev), None)


@pytest.fixture(scope="session")
def office_copier():
    """copy_office(template, target), for tests that make several offices of their own."""
    return copy_office


@dataclass
class Office:
    folder: Path
    desk: object
    _sessions: dict = field(default_factory=dict)

    @property
    def db_path(self) -> Path:
        return self.folder / "desk.sqlite3"

    def session(self, username: str):
        """Signed in once per test; call ``fresh`` after changing someone's roles."""
        if username not in self._sessions:
            self._sessions[username] = self.desk.sign_in(username, PASSWORDS[username])
        return self._sessions[username]

    def fresh(self, username: str):
        self._sessions.pop(username, None)
        return self.session(username)

    def __getattr__(self, name):  # office.omar, office.sara ...
        if name in PASSWORDS:
            return self.session(name)
        raise AttributeError(name)

    def approved_post(self, text: str, author: str = "omar", approver: str = "sara") -> int:
        post_id = self.session(author).draft(text)
        self.session(author).submit(post_id)
        self.session(approver).approve(post_id)
        return post_id

    def snapshot(self) -> dict:
        return db_snapshot(self.folder)


@pytest.fixture
def desk_factory(data_dir, no_keyring, store_kind, pg_databases):
    """Open a Desk on a folder (default: this test's data folder); closed after the test.
    On PostgreSQL each folder is a workstation of the desk in that folder's database."""
    from desk.service import Desk

    opened = []

    def make(folder: Path | None = None, **kw):
        folder = Path(folder or data_dir)
        if store_kind == "postgresql" and "database" not in kw:
            kw["database"] = pg_databases.url_for(folder)
        desk = Desk(folder, **kw)
        opened.append(desk)
        return desk

    yield make
    for desk in opened:
        try:
            desk.close()
        except Exception:
            pass


@pytest.fixture
def office(office_template, data_dir, desk_factory, store_kind, pg_databases, monkeypatch) -> Office:
    """This test's own copy of the office, opened (on PostgreSQL, DESK_DATABASE_URL names
    its database for the desk processes a test starts)."""
    if store_kind == "postgresql":
        monkeypatch.setenv("DESK_DATABASE_URL", pg_databases.office(data_dir))
    else:
        copy_office(office_template, data_dir)
    return Office(data_dir, desk_factory(data_dir))


@pytest.fixture
def office_folder(office_template, data_dir, no_keyring, store_kind, pg_databases, monkeypatch) -> Path:
    """This test's own copy of the office, not opened (for the command line: on
    PostgreSQL, DESK_DATABASE_URL names its database)."""
    if store_kind == "postgresql":
        monkeypatch.setenv("DESK_DATABASE_URL", pg_databases.office(data_dir))
        return data_dir
    return copy_office(office_template, data_dir)


# --------------------------------------------------------------------------- PostgreSQL
# tools/with-postgres.sh starts a server of its own and names it here; the tests marked
# both_stores then run on SQLite and on PostgreSQL.
PG_ADMIN_URL = os.environ.get("DESK_TEST_DATABASE_URL", "")
# workstation folder -> its database URL, for sql() and db_snapshot(). pytest loads this file as
# "conftest" and tests import it as "tests.conftest": both copies share the one registry.
# One registry however this file is imported (as `conftest` by pytest, as `tests.conftest`
# by the modules that import its helpers; tests/gui/conftest.py takes the name `conftest`
# later): kept in sys.modules under a name of its own.
PG_FOLDERS: dict[Path, str] = sys.modules.setdefault(
    "_desk_test_pg_folders", types.SimpleNamespace(folders={})).folders  # type: ignore[arg-type]


def pytest_generate_tests(metafunc):
    marked = metafunc.definition.get_closest_marker
    if "store_kind" not in metafunc.fixturenames:
        return
    if marked("postgresql_only"):
        metafunc.parametrize("store_kind", ["postgresql"], indirect=True)
    elif marked("both_stores") and not marked("sqlite_only"):
        metafunc.parametrize("store_kind", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def store_kind(request) -> str:
    kind = getattr(request, "param", "sqlite")
    if kind == "postgresql" and not PG_ADMIN_URL:
        if os.environ.get("CI"):
            pytest.fail("CI runs the store's tests on PostgreSQL too: start them through tools/with-postgres.sh")
        pytest.skip("no PostgreSQL server (run the tests through tools/with-postgres.sh)")
    return kind


def pg_url(name: str, user: str | None = None) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(PG_ADMIN_URL)
    return f"postgresql://{user or parts.username}@{parts.hostname}:{parts.port}/{name}"


def pg_admin(statement: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(statement)


@pytest.fixture(scope="session")
def pg_office_template(tmp_path_factory) -> str | None:
    """The office on PostgreSQL, built once into a template database; None without a server."""
    if not PG_ADMIN_URL:
        yield None
        return
    import uuid

    name = f"desk_office_{uuid.uuid4().hex[:10]}"
    pg_admin(f"CREATE DATABASE {name}")
    build_office(tmp_path_factory.mktemp("pg-template") / "office", cheap_hasher(), database=pg_url(name))
    yield name
    pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class PgDatabases:
    """This test's databases, dropped afterwards: one per workstation folder, unless a
    folder is given the same database on purpose (several workstations of one desk)."""

    def __init__(self, template: str | None):
        self.template = template
        self.made: list[str] = []

    def new(self, template: str | None = None) -> str:
        import uuid

        name = f"desk_test_{uuid.uuid4().hex[:12]}"
        pg_admin(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        self.made.append(name)
        return pg_url(name)

    def url_for(self, folder: Path) -> str:
        folder = Path(folder)
        if folder not in PG_FOLDERS:
            PG_FOLDERS[folder] = self.new()
        return PG_FOLDERS[folder]

    def share(self, folder: Path, url: str) -> None:
        """Another workstation of the desk at ``url``."""
        PG_FOLDERS[Path(folder)] = url

    def office(self, folder: Path, template: str | None = None) -> str:
        """A copy of the office (or of the database ``template``) with a desk id of its own,
        for the workstation ``folder``."""
        import psycopg

        from desk.store.pg import to_pg

        url = self.new(template or self.template)
        PG_FOLDERS[Path(folder)] = url

        class Translated:  # sqlite3's conn.execute, over psycopg
            def __init__(self, raw):
                self.raw = raw

            def execute(self, statement, params=()):
                return self.raw.execute(to_pg(statement), list(params))

        with psycopg.connect(url, autocommit=True) as conn:
            new_desk_id(Translated(conn), folder)
        return url

    def drop(self) -> None:
        for name in self.made:
            try:
                pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            except Exception:
                pass


@pytest.fixture
def pg_databases(pg_office_template, store_kind):
    made = PgDatabases(pg_office_template)
    yield made
    for folder in [f for f, url in PG_FOLDERS.items() if url.rsplit("/", 1)[-1] in made.made]:
        PG_FOLDERS.pop(folder, None)
    made.drop()


# --------------------------------------------------------------------------- reading the database
def db_snapshot(folder: Path) -> dict:
    """Every row of every table that holds the desk's state, read directly."""
    if Path(folder) in PG_FOLDERS:
        return {table: [tuple(r) for r in sql(folder, f"SELECT * FROM {table} ORDER BY 1, 2")]
                if table != "institution" else sql(folder, "SELECT * FROM institution") for table in TABLES}
    conn = sqlite3.connect(Path(folder) / "desk.sqlite3")
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in TABLES}
    finally:
        conn.close()


@pytest.fixture
def snapshot():
    return db_snapshot


def sql(folder: Path, statement: str, params=()) -> list[tuple]:
    """A direct statement against the database, behind the program's back (tests only)."""
    if Path(folder) in PG_FOLDERS:
        import psycopg

        from desk.store.pg import to_pg

        with psycopg.connect(PG_FOLDERS[Path(folder)], autocommit=True) as conn:
            cursor = conn.execute(to_pg(statement), params if isinstance(params, dict) else list(params))
            return [tuple(r) for r in cursor.fetchall()] if cursor.description else []
    conn = sqlite3.connect(Path(folder) / "desk.sqlite3", isolation_level=None)
    try:
        return conn.execute(statement, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def raw_sql():
    return sql


# --------------------------------------------------------------------------- headlines
@pytest.fixture(scope="session")
def headlines() -> list[str]:
    """The seed's Arabic headlines (../shared/seed/headlines-ar.txt), or a few built-in ones."""
    if SEED_HEADLINES.is_file():
        lines = [line.strip() for line in SEED_HEADLINES.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        if lines:
            return lines
    return list(FALLBACK_HEADLINES)


# --------------------------------------------------------------------------- images
class Images:
    """Image bytes made with Pillow."""

    @staticmethod
    def make(kind: str = "PNG", size=(16, 12), color=(200, 30, 60)) -> bytes:
        from PIL import Image

        mode = "P" if kind == "GIF" else "RGB"
        image = Image.new("RGB", size, color)
        if mode == "P":
            image = image.convert("P")
        out = io.BytesIO()
        image.save(out, kind)
        return out.getvalue()

    def png(self, **kw) -> bytes:
        return self.make("PNG", **kw)

    def jpeg(self, **kw) -> bytes:
        return self.make("JPEG", **kw)

    def gif(self, **kw) -> bytes:
        return self.make("GIF", **kw)

    def webp(self, **kw) -> bytes:
        return self.make("WEBP", **kw)

    @staticmethod
    def noise(kind: str, width: int, height: int, seed: int = 1) -> bytes:
        """A real, fully decodable image of random pixels: compresses badly, so it is big."""
        import random

        from PIL import Image

        rng = random.Random(seed)
        if kind == "GIF":
            image = Image.frombytes("P", (width, height), rng.randbytes(width * height))
            image.putpalette(bytes(range(256)) * 3)
        else:
            image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
        out = io.BytesIO()
        image.save(out, kind, **({"quality": 100} if kind == "JPEG" else {}))
        return out.getvalue()


@pytest.fixture(scope="session")
def images() -> Images:
    return Images()


# --------------------------------------------------------------------------- the command line
def desk_executable() -> str:
    beside = Path(sys.executable).parent / "desk"
    if beside.exists():
        return str(beside)
    found = shutil.which("desk")
    if not found:
        pytest.skip("the desk console script is not installed")
    return found


def cli_env(data_dir: Path, **extra) -> dict:
    env = dict(os.environ)
    env.update(DESK_DATA_DIR=str(data_dir), DESK_LANG="en", PYTHONIOENCODING="utf-8",
               PYTHON_KEYRING_BACKEND=NULL_KEYRING)
    if Path(data_dir) in PG_FOLDERS and "DESK_DATABASE_URL" not in extra:  # this workstation's desk is on the server
        env["DESK_DATABASE_URL"] = PG_FOLDERS[Path(data_dir)]
    env.update({k: str(v) for k, v in extra.items()})
    return env


@pytest.fixture
def run_desk(data_dir, no_keyring):
    """Run the real ``desk`` console script; returns the CompletedProcess (text mode)."""

    def run(*args, stdin: str | None = None, env: dict | None = None, prefix=(), timeout=120, folder=None):
        command = [*prefix, desk_executable(), *[a if isinstance(a, bytes) else str(a) for a in args]]
        return subprocess.run(
            command, input=stdin if stdin is not None else "", capture_output=True, text=True,
            encoding="utf-8", errors="replace", env=cli_env(folder or data_dir, **(env or {})), timeout=timeout,
        )

    return run


@pytest.fixture
def spawn_desk(data_dir, no_keyring):
    """Start the real ``desk`` console script without waiting (for races)."""

    def spawn(*args, folder=None, env: dict | None = None):
        return subprocess.Popen(
            [desk_executable(), *[str(a) for a in args]], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8", env=cli_env(folder or data_dir, **(env or {})),
        )

    return spawn


@pytest.fixture(scope="session")
def passwords() -> dict:
    return dict(PASSWORDS)


def unprivileged_prefix() -> list[str]:
    """A command prefix under which file permissions hold. As root they do not, so drop
    the capabilities that override them (setpriv, util-linux); skip if that is impossible."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("running as root without setpriv: a read-only folder cannot be simulated")
    prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("setpriv cannot drop capabilities here")
    return prefix


@pytest.fixture
def unprivileged():
    return unprivileged_prefix()


@pytest.fixture(scope="session")
def qapp_cls():
    """The application's own QApplication for every test that needs Qt (windows, PDF)."""
    from desk.ui.app import DeskApplication

    return DeskApplication


@pytest.fixture(scope="session")
def qapp_args():
    return ["posting-desk-tests"]
