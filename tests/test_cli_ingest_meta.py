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


def test_title_for_a_dump_of_many_articles_is_refused(tmp_path: Path, seed_text: Path) -> None:
    """Since ingest reads dumps (issue 14), one input may be many articles: one headline cannot name them."""
    import json

    dump = tmp_path / "articles.jsonl"
    dump.write_text("\n".join(json.dumps({"text": seed_text.read_text()}) for _ in range(2)))
    db = tmp_path / "d.db"
    r = runner.invoke(app, ["ingest", str(dump), "--db", f"sqlite:///{db}", "--url", "https://example.org/x"])
    assert r.exit_code == 2 and "E401" in r.stderr and not db.exists()


def test_title_and_url_from_stdin_read_by_content(tmp_path: Path, seed_text: Path) -> None:
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    r = runner.invoke(app, ["ingest", "-", "--db", db, "--published", "2020-02-10", "--title", "From a pipe"],
                      input=seed_text.read_bytes())
    assert r.exit_code == 0, r.output
    with Store.open(db) as s:
        [rec] = list(s.iter_events(limit=1))
        assert s.get_article(rec["article_id"])["article"]["title"] == "From a pipe"  # type: ignore[index]
