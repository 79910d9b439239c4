"""Sources -> Items: each kind of input becomes Articles, and each bad input a numbered Failure."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from ew_serve import article_html, rss, serve

from eventwire.errors import InputError
from eventwire.records import article_id_for
from eventwire.sources import Fetcher, SourceOptions, article_from_html, open_source, parse_feed

STORY_A = (
    "Syrian government forces shelled the town of Saraqib on Monday, killing 13 civilians, "
    "according to the Syrian Observatory for Human Rights.\n\nTurkey said it had sent more troops "
    "to its observation posts in the region after the attack."
)
STORY_B = (
    "Police in Lagos arrested 40 protesters on Tuesday after a march against fuel prices turned "
    "violent, a police spokesman said.\n\nThe protesters said they would return to the streets."
)


def _items(spec: str, opts: SourceOptions | None = None, should_fetch=lambda key: True):
    with Fetcher(timeout=5) as fetcher:
        return list(open_source(spec, opts).items(fetcher, should_fetch))


def test_folder_is_read_recursively_and_a_bad_file_fails_alone(tmp_path: Path) -> None:
    (tmp_path / "2020" / "feb").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(STORY_A)
    (tmp_path / "2020" / "feb" / "b.html").write_bytes(article_html("Lagos arrests", STORY_B, "2021-03-02"))
    (tmp_path / "2020" / "broken.txt").write_bytes(b"\x00\x01\x02\x00binary junk")
    (tmp_path / "notes.md").write_text("not an article format eventwire reads from folders")
    items = _items(str(tmp_path))
    assert len(items) == 3
    by_name = {Path(i.key).name: i for i in items}
    assert by_name["a.txt"].article.article_id == article_id_for(STORY_A)
    html = by_name["b.html"].article
    assert "40 protesters" in html.text and "Subscribe" not in html.text
    assert html.published == dt.date(2021, 3, 2)
    assert html.title == "Lagos arrests"
    failed = by_name["broken.txt"]
    assert failed.article is None and failed.failure.code == "E103"
    assert failed.content_hash  # a fixed file gets a new hash, so it counts as new work


def test_source_options_fill_missing_metadata(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(STORY_A)
    [item] = _items(str(path), SourceOptions(published=dt.date(2020, 2, 10), source="AFP"))
    assert item.article.published == dt.date(2020, 2, 10) and item.article.source == "AFP"


def test_jsonl_dump_with_named_columns_and_a_broken_line(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    rows = [
        {"body": STORY_A, "link": "http://x.org/a", "headline": "Saraqib", "date": "2020-02-10", "id": "A1"},
        "this line is not json",
        {"body": STORY_B, "date": "2021-03-02", "id": "B2"},
        {"other": "no text column here", "id": "C3"},
    ]
    dump.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    opts = SourceOptions(text_col="body", url_col="link", title_col="headline", published_col="date", id_col="id")
    items = _items(str(dump), opts)
    assert len(items) == 4
    assert items[0].key.endswith("#id=A1")
    assert items[0].article.url == "http://x.org/a" and items[0].article.title == "Saraqib"
    assert items[0].article.published == dt.date(2020, 2, 10)
    assert items[1].failure.code == "E110" and "line 2" in items[1].failure.message
    assert items[2].article.article_id == article_id_for(STORY_B)
    assert items[3].failure.code == "E110" and "body" in items[3].failure.message


def test_parquet_dump(tmp_path: Path) -> None:
    path = tmp_path / "dump.parquet"
    table = pa.table({
        "text": [STORY_A, STORY_B, ""],
        "published": [dt.date(2020, 2, 10), None, None],
        "source": ["Reuters", None, None],
    })
    pq.write_table(table, path)
    items = _items(str(path), SourceOptions(source="fallback"))
    assert [i.article is not None for i in items] == [True, True, False]
    assert items[0].article.published == dt.date(2020, 2, 10) and items[0].article.source == "Reuters"
    assert items[1].article.source == "fallback"
    assert items[2].failure.code == "E101"


def test_parquet_dump_without_the_text_column_is_one_clear_failure(tmp_path: Path) -> None:
    path = tmp_path / "dump.parquet"
    pq.write_table(pa.table({"content": [STORY_A]}), path)
    [item] = _items(str(path))
    assert item.failure.code == "E110" and "--text-col" in item.failure.message and "content" in item.failure.message


def test_missing_path_is_not_found() -> None:
    with pytest.raises(InputError) as exc:
        open_source("/no/such/folder/anywhere")
    assert exc.value.code == "E106" and "/no/such/folder" in str(exc.value)


def test_broken_html_is_e108() -> None:
    with pytest.raises(InputError) as exc:
        article_from_html(b"<html><body><div></div></body></html>", "page.html")
    assert exc.value.code == "E108" and "page.html" in str(exc.value)


def test_broken_feed_is_e109() -> None:
    with pytest.raises(InputError) as exc:
        parse_feed(b"<html><body>Not a feed, a 'feed' page that moved</body></html>", "http://x/feed")
    assert exc.value.code == "E109"


def test_feed_items_are_fetched_with_page_metadata_and_bad_pages_fail_alone() -> None:
    pages = {
        "/a": ("text/html", article_html("Shelling in Saraqib", STORY_A, "2020-02-10")),
        "/b": ("text/html; charset=utf-8", article_html("Lagos arrests", STORY_B)),
        "/empty": ("text/html", b"<html><body><nav>menu</nav></body></html>"),
    }
    with serve(pages) as site:
        site.pages["/feed"] = ("application/rss+xml", rss([
            ("Shelling in Saraqib", site.url("/a"), "Mon, 10 Feb 2020 09:00:00 GMT"),
            ("Lagos arrests", site.url("/b"), "Tue, 02 Mar 2021 10:00:00 GMT"),
            ("Gone", site.url("/gone"), "Tue, 02 Mar 2021 10:00:00 GMT"),
            ("Empty", site.url("/empty"), "Tue, 02 Mar 2021 10:00:00 GMT"),
        ]))
        items = _items(site.url("/feed"))
    by_key = {i.key.rsplit("/", 1)[-1]: i for i in items}
    assert by_key["a"].article.published == dt.date(2020, 2, 10)
    assert by_key["a"].article.url == site.url("/a") and by_key["a"].article.source == "Example News - World"
    # the feed's date fills in when the page carries none
    assert by_key["b"].article.published == dt.date(2021, 3, 2)
    assert by_key["gone"].failure.code == "E106" and "404" in by_key["gone"].failure.message
    assert by_key["empty"].failure.code == "E108"


def test_url_list_and_should_fetch_skips_done_urls(tmp_path: Path) -> None:
    pages = {"/a": ("text/html", article_html("A", STORY_A)), "/b": ("text/html", article_html("B", STORY_B))}
    with serve(pages) as site:
        urls = tmp_path / "urls.txt"
        urls.write_text(f"# picked by hand\n{site.url('/a')}\n\n{site.url('/b')}\n")
        items = _items(str(urls), should_fetch=lambda key: not key.endswith("/a"))
        assert [i.key for i in items] == [site.url("/b")]
        assert site.hits["/a"] == 0 and site.hits["/b"] == 1


def test_a_url_serving_a_page_is_one_article() -> None:
    with serve({"/story": ("text/html", article_html("A", STORY_A, "2020-02-10"))}) as site:
        [item] = _items(site.url("/story"))
    assert "Saraqib" in item.article.text and item.article.published == dt.date(2020, 2, 10)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY_B.encode())))
    [item] = _items("-")
    assert item.key == "<stdin>" and item.article.article_id == article_id_for(STORY_B)
