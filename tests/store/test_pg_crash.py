"""PostgreSQL stopped as by a power cut (pg_ctl stop -m immediate) in the middle of `eventwire run`,
restarted, and the run resumed: every article stored once, every event once, nothing lost.

A server of its own (the session's shared one must not go down under other tests), started with
commits acknowledged only once in the WAL, as a production server runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from ew_fakes import sentences_with_numbers

from pg_fixture import PgServer, _unavailable, find_pg_bindir

HERE = Path(__file__).parents[1]
N = 40


def _story(i: int) -> str:
    return (f"Report {i}. Shelling hit the town of Saraqib on day {i}, and {i % 7 + 1} people were killed. "
            f"Officials said {i % 5 + 2} houses were destroyed. The army did not comment.")


def _count(url: str, table: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar_one())
    except sa.exc.SQLAlchemyError:
        return -1  # not there yet, or the server is down
    finally:
        engine.dispose()


def _run(url: str, corpus: Path, cwd: Path, delay: str) -> subprocess.Popen[str]:
    env = {**os.environ, "EW_FAKE_DELAY": delay,
           "PYTHONPATH": os.pathsep.join([str(HERE / "engines"), os.environ.get("PYTHONPATH", "")])}
    cmd = [str(Path(sys.executable).parent / "eventwire"), "run", str(corpus), "--db", url, "--quiet",
           "--part-size", "1", "--pipeline", "ew_fakes:FakePipeline"]
    return subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.mark.postgres
def test_a_run_survives_the_server_going_down_mid_ingest(tmp_path: Path) -> None:
    bindir = find_pg_bindir()
    if bindir is None:
        _unavailable("no initdb/pg_ctl found")
    server = PgServer(bindir, durable=True)  # type: ignore[arg-type]
    try:
        url = server.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        server.stop()
        _unavailable(str(exc))
    try:
        corpus = tmp_path / "in"
        corpus.mkdir()
        for i in range(N):
            (corpus / f"story-{i:03d}.txt").write_text(_story(i))
        first = _run(url, corpus, tmp_path, delay="0.15")
        deadline = time.monotonic() + 120  # a bound on the wait, not a timing assertion
        while _count(url, "articles") < 8 and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        stored_before = _count(url, "articles")
        assert 0 < stored_before < N, "the run must be cut off in the middle"
        server.crash()
        out, _ = first.communicate(timeout=120)
        assert first.returncode == 2, out  # stopped with the numbered store error ...
        assert ("E302" in out or "E301" in out) and "Traceback" not in out, out
        server.restart()
        assert _count(url, "articles") >= stored_before  # ... and what was committed survived

        second = _run(url, corpus, tmp_path, delay="0")
        out, _ = second.communicate(timeout=300)
        assert second.returncode == 0, out
        assert _count(url, "articles") == N
        expected_events = sum(len(sentences_with_numbers(_story(i))) for i in range(N))
        assert _count(url, "events") == expected_events
        # article and event ids are primary keys: a duplicate could not be stored, so the exact counts
        # say nothing was lost; and no article was parked as failed (a resumed run would skip it)
        assert _count(url, "failures") == 0
    finally:
        server.stop()
