"""Issue 13: `eventwire ingest --title --url` stores the headline and URL of the article."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store import Store

runner = CliRunner()


def test_ingest_title_and_url_are_stored(tmp_path: Path, seed_text: Path) -> None:
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    r = runner.invoke(app, ["ingest", str(seed_text), "--db", db, "--published", "2020-02-10",
                            "--title", "Turkey strikes back in Idlib", "--url", "https://example.org/idlib"])
    assert r.exit_code == 0, r.output
    with Store.open(db) as s:
        [rec] = list(s.iter_events(limit=1))
        article = s.get_article(rec["article_id"])["article"]  # type: ignore[index]
    assert article["title"] == "Turkey strikes back in Idlib" and article["url"] == "https://example.org/idlib"


def test_one_title_for_many_files_is_refused(tmp_path: Path, seed_text: Path) -> None:
    r = runner.invoke(app, ["ingest", str(seed_text), str(seed_text), "--db", f"sqlite:///{tmp_path / 'x.db'}",
                            "--title", "One headline"])
    assert r.exit_code == 2 and "E401" in r.stderr
