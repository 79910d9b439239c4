"""Issue 13: titles and URLs for files, from `ingest --title --url` and from a folder's manifest."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from eventwire.sources import Fetcher, open_source

STORY = (
    "Syrian government forces shelled the town of Saraqib on Monday, killing 13 civilians, "
    "according to the Syrian Observatory for Human Rights."
)
OTHER = "Police in Lagos arrested 40 protesters on Tuesday after a march against fuel prices turned violent."


def _items(spec: str):  # type: ignore[no-untyped-def]
    with Fetcher(timeout=5) as fetcher:
        return list(open_source(spec).items(fetcher, lambda key: True))


def test_jsonl_manifest_gives_each_file_its_metadata(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sub" / "b.txt").write_text(OTHER)
    rows = [{"file": "a.txt", "title": "Saraqib shelled", "url": "https://example.org/a",
             "published": "2020-02-10", "source": "AFP"},
            {"file": "sub/b.txt", "title": "Lagos arrests"}]
    (tmp_path / "manifest.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    by_name = {Path(i.key).name: i.article for i in _items(str(tmp_path))}
    assert set(by_name) == {"a.txt", "b.txt"}  # the manifest itself is not an article
    a, b = by_name["a.txt"], by_name["b.txt"]
    assert (a.title, a.url, a.published, a.source) == (
        "Saraqib shelled", "https://example.org/a", dt.date(2020, 2, 10), "AFP")
    assert b.title == "Lagos arrests" and b.url is None


def test_csv_manifest_and_a_bad_column_is_one_clear_failure(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "manifest.csv").write_text("file,title,url\na.txt,Saraqib shelled,https://example.org/a\n")
    [item] = _items(str(tmp_path))
    assert item.article.title == "Saraqib shelled" and item.article.url == "https://example.org/a"
    (tmp_path / "manifest.csv").write_text("file,headline\na.txt,Saraqib shelled\n")
    [failed] = _items(str(tmp_path))
    assert failed.article is None and failed.failure.code == "E110" and "headline" in failed.failure.message
