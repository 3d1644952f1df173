"""`desk move-to`: a folder's desk copied into an empty PostgreSQL database, images
included, its chain checked on arrival; the folder's desk read-only afterwards; a
database that is not empty, a non-administrator, a server that does not answer and a
tampered desk are refused with nothing changed anywhere."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desk.core.errors import InvalidInput, NotPermitted, StoreError
from desk.core.messages import render
from desk.store import media as media_files, pg
from desk.store.move import TABLES, move_to
from tests.conftest import PASSWORDS
from tests.integration.move_helpers import closed_port, folder_contents, need_server, pg_contents, pg_query

pytestmark = pytest.mark.usefixtures("no_keyring")


@pytest.fixture(autouse=True)
def _server():
    need_server()


@pytest.fixture
def busy_office(office, images, tmp_path):
    """The office with something in every table: posts in several states with images and
    versions, a logo, a post on the training timeline, a setting, a reset waiting."""
    logo = tmp_path / "logo.png"
    logo.write_bytes(images.png(color=(10, 120, 40)))
    office.admin.update_institution(logo=logo)
    office.admin.set_setting("reset_needs_second_admin", True)
    office.admin.reset_password("omar")
    office.fresh("omar")
    drafted = office.sara.draft("مسودة بصورة", [(("a.png", images.png()), "وصف الصورة")])
    office.sara.edit(drafted, "مسودة بصورة بعد التعديل")
    office.image_post = drafted
    published = office.approved_post("منشور للتدريب", author="sara", approver="khalid")
    office.sara.publish(published)
    from desk.core.reach import Reading

    with office.desk.store.transaction():  # X's figures as a read keeps them (they are no event's)
        office.desk.store.reach.save({"1860000000000000001": published}, [Reading(
            "1860000000000000001", likes=12, reposts=3, replies=1, quotes=0, bookmarks=None, impressions=640)],
            "2026-11-20T08:00:00.000+00:00")
    office.approved_post("منشور موافق عليه", author="khalid", approver="sara")
    return office


def sqlite_rows(folder, table: str) -> list[tuple]:
    conn = sqlite3.connect(folder / "desk.sqlite3")
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
    finally:
        conn.close()


def server_rows(url: str, table: str) -> list[tuple]:
    return pg_query(url, f"SELECT * FROM {table} ORDER BY 1, 2")


def test_every_table_and_image_arrive(busy_office, pg_databases, data_dir):
    url = pg_databases.new()
    seen = []
    report = busy_office.desk.move_to(busy_office.admin, url, lambda done, total: seen.append((done, total)))
    assert report.place == pg.place(url)
    assert seen[-1][0] == seen[-1][1] and all(a <= b for (a, _), (b, _) in zip(seen, seen[1:]))

    for table in TABLES:
        here, there = sqlite_rows(data_dir, table), server_rows(url, table)
        if table == "events":  # the server's own arrival comes after the folder's last event
            assert there[:-1] == here and there[-1][4] == "moved"
            assert json.loads(here[-1][8]) == {"to": pg.place(url)}
            assert json.loads(there[-1][8]) == {"from": str(data_dir), "events": len(here), "head": here[-1][10]}
        else:
            assert there == here, table
    assert all(server_rows(url, t) for t in ("posts", "post_media", "post_versions", "training_timeline",
                                             "pending_resets", "settings", "reach"))
    conn = sqlite3.connect(data_dir / "desk.sqlite3")
    wanted = media_files.referenced(type("Db", (), {"execute": conn.execute})())
    conn.close()
    stored = dict(pg_query(url, "SELECT name, data FROM media_files"))
    assert set(stored) == wanted and len(wanted) >= 2
    for name, data in stored.items():
        source = data_dir / name if name.startswith("logo") else data_dir / "media" / name
        assert bytes(data) == source.read_bytes()
    assert report.posts == len(sqlite_rows(data_dir, "posts")) and report.media == len(wanted)


def test_the_desk_works_on_the_server_after_the_move(busy_office, pg_databases, desk_factory, data_dir, tmp_path):
    url = pg_databases.new()
    busy_office.desk.move_to(busy_office.admin, url)
    last_post = max(r[0] for r in sqlite_rows(data_dir, "posts"))

    moved = desk_factory(data_dir, database=url)
    report = moved.verify()  # the folder's anchor still names the chain's end: it holds here too
    assert report.ok, report
    assert ("audit.anchor_covers", {"covered": report.count - 1, "count": report.count}) in report.notes
    sara = moved.sign_in("sara", PASSWORDS["sara"])
    assert sara.draft("أول مسودة على الخادم") == last_post + 1  # the identity continues past the copied ids
    published = sara.draft("منشور ثان للتدريب")
    sara.submit(published)
    moved.sign_in("khalid", PASSWORDS["khalid"]).approve(published)
    sara.publish(published)
    assert max(r[0] for r in server_rows(url, "training_timeline")) == 2

    # Another workstation, with an empty folder: the images come from the database.
    elsewhere = desk_factory(tmp_path / "second", database=url)
    shown = elsewhere.sign_in("khalid", PASSWORDS["khalid"]).show(busy_office.image_post)["post"]
    image = shown.media[0]
    assert elsewhere.store.media.read(image.sha256, image.ext) == (data_dir / "media" / f"{image.sha256}.{image.ext}").read_bytes()
    assert elsewhere.logo_path().read_bytes() == (data_dir / "logo.png").read_bytes()
    assert elsewhere.verify().ok


def test_the_folder_desk_is_read_only_after_the_move(busy_office, pg_databases, desk_factory, data_dir, tmp_path):
    url = pg_databases.new()
    busy_office.desk.move_to(busy_office.admin, url)
    before = busy_office.snapshot()
    with pytest.raises(StoreError) as caught:
        busy_office.sara.draft("بعد النقل")
    assert caught.value.key == "move.moved_away" and pg.place(url) in caught.value.message("en")

    again = desk_factory(data_dir)  # opened anew, as the next command would
    sara = again.sign_in("sara", PASSWORDS["sara"])
    assert len(list(sara.log())) == len(before["posts"])
    for act in (lambda: sara.draft("نص"), sara.pause, lambda: sara.submit(busy_office.image_post)):
        with pytest.raises(StoreError) as caught:
            act()
        assert caught.value.key == "move.moved_away"
    assert sara.export(tmp_path / "log.csv") == len(before["posts"])
    assert again.verify().ok
    assert busy_office.snapshot() == before

    # The server's desk goes on from this folder; the folder's copy still verifies.
    on_server = desk_factory(data_dir, database=url)
    on_server.sign_in("sara", PASSWORDS["sara"]).draft("على الخادم")
    report = desk_factory(data_dir).verify()
    assert report.ok, report
    assert ("move.anchor_on_server", {"place": pg.place(url), "count": len(before["events"])}) in report.notes


def test_a_desk_moves_only_once(busy_office, pg_databases):
    busy_office.desk.move_to(busy_office.admin, pg_databases.new())
    second = pg_databases.new()
    with pytest.raises(StoreError) as caught:
        busy_office.desk.move_to(busy_office.admin, second)
    assert caught.value.key == "move.moved_away"
    assert pg_contents(second) == {"(functions)": []}


def _unchanged(office, url):
    return office.snapshot(), folder_contents(office.folder), pg_contents(url)


def test_database_holding_a_desk_is_refused(office, pg_databases, tmp_path):
    url = pg_databases.office(tmp_path / "elsewhere")
    before = _unchanged(office, url)
    with pytest.raises(InvalidInput) as caught:
        office.desk.move_to(office.admin, url)
    assert caught.value.key == "move.target_has_desk" and caught.value.exit_code == 4
    assert "Ministry of Media" in caught.value.message("en")
    assert _unchanged(office, url) == before


def test_database_holding_other_tables_is_refused(office, pg_databases):
    url = pg_databases.new()
    pg_query(url, "CREATE TABLE invoices (id INTEGER)")
    before = _unchanged(office, url)
    with pytest.raises(InvalidInput) as caught:
        office.desk.move_to(office.admin, url)
    assert caught.value.key == "move.target_not_empty" and caught.value.params["tables"] == "invoices"
    assert _unchanged(office, url) == before


def test_a_refused_init_leaves_a_database_a_desk_can_still_move_into(office, pg_databases, run_desk, tmp_path):
    url = pg_databases.new()
    refused = run_desk("--database", url, "init", "--name-ar", "م", "--name-en", "M", "--handle", "not a handle",
                       "--admin", "admin", "--password-stdin", stdin="adminpass1\n", folder=tmp_path / "new")
    assert refused.returncode == 4 and "desk_schema" in pg_contents(url)
    office.desk.move_to(office.admin, url)
    assert len(server_rows(url, "events")) == len(office.snapshot()["events"]) + 1


def test_only_an_administrator_moves_the_desk(office, pg_databases):
    url = pg_databases.new()
    before = _unchanged(office, url)
    for person in ("sara", "omar"):
        with pytest.raises(NotPermitted):
            office.desk.move_to(office.session(person), url)
    assert _unchanged(office, url) == before


def test_a_tampered_desk_does_not_arrive(office, pg_databases, raw_sql):
    """The arrival check fails: what was copied is dropped, the folder's desk stays writable."""
    raw_sql(office.folder, "UPDATE events SET actor = 'khalid' WHERE id = 3")
    url = pg_databases.new()
    before = _unchanged(office, url)
    with pytest.raises(StoreError) as caught:
        office.desk.move_to(office.admin, url)
    assert caught.value.key == "move.check_failed"
    assert render("chain.bad_hash", "en", {"event_id": 3}) in caught.value.message("en")
    assert _unchanged(office, url) == before
    assert pg_contents(url) == {"(functions)": []}
    assert office.desk.store.moved_to is None


def test_a_missing_image_stops_the_move(office, pg_databases, images):
    post = office.omar.draft("بصورة", [(("a.png", images.png()), "")])
    image = office.omar.show(post)["post"].media[0]
    (office.folder / "media" / f"{image.sha256}.{image.ext}").unlink()
    url = pg_databases.new()
    before = _unchanged(office, url)
    with pytest.raises(InvalidInput) as caught:
        office.desk.move_to(office.admin, url)
    assert caught.value.key == "move.media_missing"
    assert _unchanged(office, url) == before


def test_move_to_without_the_service(office_folder, pg_databases):
    """The store's own function, as the benchmarks call it."""
    url = pg_databases.new()
    events = len(sqlite_rows(office_folder, "events"))
    report = move_to(office_folder, url, None)
    assert report.events == events + 2 and len(server_rows(url, "events")) == events + 2
    assert report.anchor.events == events + 1


def test_a_copy_leaves_the_folder_desk_open(office, pg_databases, snapshot, desk_factory):
    """close_folder=False (the benchmarks' load): the server gets the desk, the folder keeps it."""
    url = pg_databases.new()
    before, files = snapshot(office.folder), folder_contents(office.folder)
    report = move_to(office.folder, url, None, close_folder=False)
    assert (snapshot(office.folder), folder_contents(office.folder)) == (before, files)
    assert report.events == len(before["events"]) + 1
    assert desk_factory(office.folder, database=url).verify().ok
    office.omar.draft("ما زال المكتب هنا")


# --------------------------------------------------------------------------- the command line
def test_cli_move_to(run_desk, office_folder, pg_databases):
    url = pg_databases.new()
    # DESK_DATABASE_URL may already name the server: the desk moved is still the folder's own.
    done = run_desk("move-to", url, "--as", "admin", "--password-stdin", stdin="adminpass1\n",
                    env={"DESK_DATABASE_URL": url})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == pg.place(url)
    assert "Moving the desk:" in done.stderr and "The desk has moved to" in done.stderr
    assert run_desk("--database", url, "verify").returncode == 0
    assert run_desk("verify").returncode == 0  # the folder's copy
    log = run_desk("log", "--database", url, "--json", "--as", "sara", "--password-stdin", stdin="supervisor1\n")
    assert log.returncode == 0, log.stderr
    refused = run_desk("draft", "--text", "نص", "--as", "omar", "--password-stdin", stdin="officerpw1\n")
    assert refused.returncode == 1 and "This desk has moved to the server" in refused.stderr


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_cli_move_into_a_desk_is_refused(run_desk, office_folder, pg_databases, tmp_path, snapshot, lang):
    url = pg_databases.office(tmp_path / "elsewhere")
    before = snapshot(office_folder), pg_contents(url)
    done = run_desk("move-to", url, "--as", "admin", "--password-stdin", stdin="adminpass1\n",
                    env={"DESK_LANG": lang})
    assert done.returncode == 4, done.stderr
    assert render("move.target_has_desk", lang, {"place": pg.place(url), "name": "Ministry of Media"}) in done.stderr
    assert (snapshot(office_folder), pg_contents(url)) == before


def test_cli_move_needs_an_administrator(run_desk, office_folder, pg_databases, snapshot):
    url = pg_databases.new()
    before = snapshot(office_folder)
    done = run_desk("move-to", url, "--as", "sara", "--password-stdin", stdin="supervisor1\n")
    assert done.returncode == 3 and "administrator" in done.stderr
    assert snapshot(office_folder) == before and pg_contents(url) == {"(functions)": []}


def test_cli_move_to_an_unreachable_server(run_desk, office_folder, snapshot):
    url = f"postgresql://desk@127.0.0.1:{closed_port()}/office"
    before = snapshot(office_folder)
    done = run_desk("move-to", url, "--as", "admin", "--password-stdin", stdin="adminpass1\n")
    assert done.returncode == 1
    assert render("pg.unreachable", "en", {"host": "127.0.0.1", "port": url.split(":")[2].split("/")[0]}) in done.stderr
    assert snapshot(office_folder) == before


def test_a_connection_lost_half_way_leaves_both_desks_as_they_were(office, pg_databases):
    """The server's connection is cut in the middle of the COPY: the server keeps none of it,
    the folder's desk stays writable and unchanged."""
    from desk.core.lifecycle import Actor
    from desk.core.roles import Role
    from desk.store.move import PROGRESS_EVERY

    store, omar = office.desk.store, Actor("omar", frozenset({Role.OFFICER}))
    with store.transaction():  # enough rows for the COPY to report progress before it ends
        for n in range(PROGRESS_EVERY // 3):
            post_id = store.posts.create(omar, f"مسودة رقم {n}", (), None, training=True)
            store.posts.act(post_id, "submit", omar, settings=store.settings.all())
    url = pg_databases.new()
    before = _unchanged(office, url)
    name = url.rsplit("/", 1)[1]

    def cut(done, total):
        pg_query(url.rsplit("/", 1)[0] + "/postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                 " WHERE datname = %s AND pid <> pg_backend_pid()", [name])

    with pytest.raises(StoreError) as caught:
        office.desk.move_to(office.admin, url, cut)
    assert caught.value.key == "pg.lost", caught.value.key
    assert _unchanged(office, url) == before
    assert office.desk.store.moved_to is None
    office.omar.draft("ما زال المكتب هنا")


def test_the_folder_copy_cut_short_behind_a_forged_move_is_caught(busy_office, pg_databases, desk_factory,
                                                                    data_dir, raw_sql, tmp_path):
    """The anchors have gone on with the server; the move's own record of where the folder's
    chain ended still catches a copy cut short and given a forged ``moved`` event of its own."""
    from desk.store import chain

    busy_office.sara.export(tmp_path / "log.csv")  # an event that leaves no row to give the cut away
    url = pg_databases.new()
    busy_office.desk.move_to(busy_office.admin, url)
    desk_factory(data_dir, database=url).sign_in("sara", PASSWORDS["sara"]).draft("على الخادم")
    last = raw_sql(data_dir, "SELECT MAX(id) FROM events")[0][0]
    raw_sql(data_dir, "DELETE FROM events WHERE id >= ?", [last - 1])
    prev = raw_sql(data_dir, "SELECT hash FROM events WHERE id = ?", [last - 2])[0][0]
    event = {"id": last - 1, "post_id": None, "at": chain.now_utc(), "actor": "admin", "action": "moved",
             "from_state": None, "to_state": None, "content_hash": None, "detail": {"to": pg.place(url)},
             "prev_hash": prev}
    raw_sql(data_dir, "INSERT INTO events (id, post_id, at, actor, action, from_state, to_state, content_hash,"
                      " detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [*[chain.detail_text(event[k]) if k == "detail" else event[k] for k in chain.FIELDS],
             chain.event_hash(event)])
    assert desk_factory(data_dir).store.verify().ok  # the chain alone looks whole
    report = desk_factory(data_dir).verify()
    assert not report.ok and report.key == "audit.cut_short", report


def test_the_folder_copy_without_the_moves_record_is_not_taken_on_trust(busy_office, pg_databases,
                                                                         desk_factory, data_dir):
    from desk.store import anchor

    url = pg_databases.new()
    busy_office.desk.move_to(busy_office.admin, url)
    assert desk_factory(data_dir).verify().ok  # right after the move: the anchor is the folder's own
    desk_factory(data_dir, database=url).sign_in("sara", PASSWORDS["sara"]).draft("على الخادم")
    (data_dir / anchor.MOVED_NAME).unlink()
    report = desk_factory(data_dir).verify()
    assert not report.ok and report.key == "audit.cut_short", report
