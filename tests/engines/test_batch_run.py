"""`eventwire run` / `watch`: outputs, resumability (SIGKILL mid-run), failures and retries.

Runs use a stand-in pipeline (ew_fakes.FakePipeline: one event per sentence with a number) so the
expected output is computable from the input; one test runs the real pipeline on the seed article.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pytest
from ew_fakes import sentences_with_numbers
from typer.testing import CliRunner

from eventwire.records import article_id_for

sys.path.insert(0, str(Path(__file__).parents[1] / "sources"))
from ew_serve import article_html, rss, serve  # noqa: E402

FAKE = "ew_fakes:FakePipeline"
HERE = Path(__file__).parent
SEED = Path(os.environ.get("EVENTWIRE_SHARED", Path(__file__).parents[2] / "../shared")) / "corpus" / "seed"

TOWNS = ["Saraqib", "Maarat al-Numan", "Ariha", "Jisr al-Shughur", "Kafr Nabl", "Khan Shaykhun", "Atarib"]


def _story(i: int) -> str:
    town = TOWNS[i % len(TOWNS)]
    return (
        f"Government forces shelled {town} on day {i + 1} of the offensive, killing {i + 2} civilians, "
        f"rescue workers said. Residents fled north toward the Turkish border as the shelling went on. "
        f"A spokesman for the opposition said {i + 3} fighters had been wounded in clashes nearby."
    )


def _corpus(folder: Path, n: int, *, bad: bool = True) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    texts = {}
    for i in range(n):
        path = folder / f"story-{i:03d}.txt"
        path.write_text(_story(i))
        texts[str(path.resolve())] = _story(i)
    if bad:
        (folder / "corrupt.txt").write_bytes("Troops entered Ma\u2019arrat on Monday, officials said.".encode("cp1252"))
    return texts


def _app():
    from eventwire.cli import app

    return app


def _run(*args: str, code: int = 0) -> object:
    """`eventwire run`; exit status 1 when some items failed in this run (docs/cli.md), else 0."""
    result = CliRunner().invoke(_app(), ["run", *args, "--pipeline", FAKE, "--quiet"])
    assert result.exit_code == code, result.output
    return result


def _expected_events(texts) -> int:
    return sum(len(sentences_with_numbers(t)) for t in texts)


def test_parquet_output_is_readable_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    texts = _corpus(tmp_path / "in", 12)
    out = tmp_path / "out"
    first = _run(str(tmp_path / "in"), "--out", str(out), "--published", "2020-02-10", "--part-size", "5", code=1)
    assert "failed" in first.output and "E104" in first.output  # the corrupt file, named
    events = ds.dataset(out / "events", format="parquet", partitioning="hive").to_table()
    articles = ds.dataset(out / "articles", format="parquet", partitioning="hive").to_table()
    assert events.num_rows == _expected_events(texts.values())
    assert sorted(articles.column("article_id").to_pylist()) == sorted(article_id_for(t) for t in texts.values())
    assert set(events.column("published_month").to_pylist()) == {"2020-02"}
    frame = pd.read_parquet(out / "events")
    assert frame["event_id"].is_unique and frame["dead"].notna().all()
    import json

    actors = json.loads(frame["actors"].iloc[0])
    assert actors[0]["role"] == "actor"

    again = _run(str(tmp_path / "in"), "--out", str(out))
    assert "skipped" in again.output
    assert pd.read_parquet(out / "events").shape[0] == events.num_rows
    assert pd.read_parquet(out / "articles").shape[0] == articles.num_rows


def test_two_workers_write_the_same_rows_as_one(tmp_path: Path) -> None:
    _corpus(tmp_path / "in", 9, bad=False)
    _run(str(tmp_path / "in"), "--out", str(tmp_path / "one"))
    _run(str(tmp_path / "in"), "--out", str(tmp_path / "two"), "--workers", "2")
    one = pd.read_parquet(tmp_path / "one" / "events").sort_values("event_id").reset_index(drop=True)
    two = pd.read_parquet(tmp_path / "two" / "events").sort_values("event_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(one, two)


def test_store_output_failures_and_retry(tmp_path: Path) -> None:
    from eventwire.store import Store

    texts = _corpus(tmp_path / "in", 5)
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    _run(str(tmp_path / "in"), "--db", db, code=1)
    store = Store.open(db)
    try:
        assert store.count_events() == _expected_events(texts.values())
        assert [f["code"] for f in store.iter_failures()] == ["E104"]
    finally:
        store.close()
    # the user fixes the file; without --retry-failed it stays failed only if unchanged
    (tmp_path / "in" / "corrupt.txt").write_text("Rebels said 4 soldiers were killed in an ambush near Ariha.")
    again = _run(str(tmp_path / "in"), "--db", db, "--retry-failed")
    assert "processed" in again.output
    store = Store.open(db)
    try:
        assert store.count_events() == _expected_events(texts.values()) + 1
        assert list(store.iter_failures()) == []
    finally:
        store.close()


def test_a_failed_item_is_not_retried_unless_asked(tmp_path: Path) -> None:
    _corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "crash.txt").write_text("Officials said 3 people died. RAISE-IN-PIPELINE in the coder.")
    out = tmp_path / "out"
    first = _run(str(tmp_path / "in"), "--out", str(out), code=1)
    assert "E500" in first.output and "E104" in first.output
    second = _run(str(tmp_path / "in"), "--out", str(out))
    assert "E500" not in second.output
    third = _run(str(tmp_path / "in"), "--out", str(out), "--retry-failed", code=1)
    assert "E500" in third.output and "E104" in third.output
    assert pd.read_parquet(out / "articles").shape[0] == 2


def _journal_done(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(path, timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM items WHERE status='done'").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _cli(args: list[str], delay: float) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]),
           "EW_FAKE_DELAY": str(delay)}
    code = "from eventwire.cli import app; app()"
    return subprocess.Popen([sys.executable, "-c", code, "run", *args, "--pipeline", FAKE, "--quiet"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)


@pytest.mark.parametrize("target", ["out", "db"])
def test_sigkill_mid_run_then_rerun_loses_and_duplicates_nothing(tmp_path: Path, target: str) -> None:
    n = 40
    texts = _corpus(tmp_path / "in", n, bad=False)
    # the same text under a second name must be stored once
    (tmp_path / "in" / "zz-copy.txt").write_text(_story(0))
    if target == "out":
        where = ["--out", str(tmp_path / "out")]
        journal = tmp_path / "out" / "_journal.sqlite"
    else:
        where = ["--db", f"sqlite:///{tmp_path / 'ew.db'}"]
        journal = tmp_path / "ew.db.journal"
    args = [str(tmp_path / "in"), *where, "--part-size", "4", "--workers", "2"]
    proc = _cli(args, delay=0.08)
    deadline = time.monotonic() + 60
    while _journal_done(journal) < 8 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed; slow the fake pipeline down"
    os.killpg(proc.pid, signal.SIGKILL)  # the whole group: the run and its worker processes
    proc.wait(timeout=10)
    done_at_kill = _journal_done(journal)
    assert 0 < done_at_kill < n + 1

    proc = _cli(args, delay=0.0)
    output = proc.communicate(timeout=120)[0].decode()
    assert proc.returncode == 0, output
    expected_ids = sorted(article_id_for(t) for t in texts.values())
    if target == "out":
        articles = pd.read_parquet(tmp_path / "out" / "articles")
        events = pd.read_parquet(tmp_path / "out" / "events")
        assert sorted(articles["article_id"]) == expected_ids  # each article exactly once
        assert events["event_id"].is_unique
        assert len(events) == _expected_events(texts.values())
    else:
        with sqlite3.connect(tmp_path / "ew.db") as db:
            ids = sorted(r[0] for r in db.execute("SELECT article_id FROM articles"))
            n_events = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        assert ids == expected_ids
        assert n_events == _expected_events(texts.values())
    assert _journal_done(journal) == n + 1


def test_watch_fetches_each_item_once(tmp_path: Path) -> None:
    from eventwire.store import Store

    story = _story(3)
    pages = {"/a": ("text/html", article_html("Shelling", story, "2020-02-12")),
             "/b": ("text/html", article_html("Shelling", story, "2020-02-12"))}  # syndicated copy
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    with serve(pages) as site:
        site.pages["/feed"] = ("application/rss+xml", rss([
            ("Shelling", site.url("/a"), "Wed, 12 Feb 2020 09:00:00 GMT"),
        ]))
        args = ["watch", site.url("/feed"), "--db", db, "--once", "--pipeline", FAKE]
        first = CliRunner().invoke(_app(), args)
        assert first.exit_code == 0, first.output
        assert "1 new item" in first.output
        # the feed grows: one new URL whose page is the same text (by content hash: no new article)
        site.pages["/feed"] = ("application/rss+xml", rss([
            ("Shelling", site.url("/a"), "Wed, 12 Feb 2020 09:00:00 GMT"),
            ("Syndicated", site.url("/b"), "Wed, 12 Feb 2020 10:00:00 GMT"),
        ]))
        second = CliRunner().invoke(_app(), args)
        assert second.exit_code == 0, second.output
        assert site.hits["/a"] == 1 and site.hits["/b"] == 1 and site.hits["/feed"] == 2
    store = Store.open(db)
    try:
        assert store.count_events() == len(sentences_with_numbers(story))
    finally:
        store.close()


def test_real_pipeline_on_the_seed_article(tmp_path: Path) -> None:
    """The runner and the real pipeline agree on the seed article, whatever the coder finds."""
    seed = sorted(SEED.glob("*.txt"))
    if not seed:
        pytest.skip("shared seed corpus not available")
    pytest.importorskip("eventwire.events.coder")
    from eventwire.pipeline import Pipeline
    from eventwire.sources import read_text_file

    direct = list(next(Pipeline().process([read_text_file(seed[0], published="2020-02-10")])).events)
    result = CliRunner().invoke(_app(), ["run", str(seed[0]), "--out", str(tmp_path / "out"), "--quiet",
                                         "--published", "2020-02-10"])
    assert result.exit_code == 0, result.output
    articles = pd.read_parquet(tmp_path / "out" / "articles")
    assert list(articles["n_events"]) == [len(direct)]
    if direct:
        events = pd.read_parquet(tmp_path / "out" / "events")
        assert sorted(events["plover_type"]) == sorted(e.plover_type for e in direct)
