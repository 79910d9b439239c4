"""What a user can throw at the CLI: inputs read by content, limits, stores that cannot be opened,
special files, and the exit status every command answers with (docs/cli.md, docs/errors.md).

The NLP is a stand-in here (one event per article, a crash on demand): these are the edges around
it; the real pipeline on long texts is tests/test_windows.py.
"""

from __future__ import annotations

import codecs
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.records import Result
from eventwire.sources.text import read_text_file
from eventwire.store import Store
from store_samples import make_event, sample_results

runner = CliRunner()
HERE = Path(__file__).parent
STORY = ("Syrian government forces shelled the town of Saraqib on Monday, killing 13 civilians, according to "
         "the Syrian Observatory for Human Rights. Turkey said it had sent more troops to the region.")


class CrashOnDemand:
    """One event per article; an article containing CRASH raises, as spaCy's E088 did."""

    version = "stand-in+1"

    def process(self, articles, batch_size=None):
        for a in articles:
            if "CRASH" in a.text:
                raise ValueError("[E088] Text of length 1200000 exceeds maximum of 1000000.")
            yield Result(article=a, events=(make_event(a, 0),))


@pytest.fixture
def stand_in(monkeypatch):
    import eventwire.cli as cli

    monkeypatch.setattr(cli, "_pipeline", lambda model: CrashOnDemand())


def _articles(db: str) -> int:
    import sqlalchemy as sa

    with Store.open(db) as s, s.engine.connect() as conn:
        return int(conn.execute(sa.text("SELECT COUNT(*) FROM articles")).scalar_one())


# -- a failing item never loses the others; exit statuses -----------------------------------------------


def test_ingest_keeps_the_items_around_a_crashing_one(tmp_path: Path, stand_in) -> None:
    files = []
    for name, text in (("a", STORY), ("big", STORY + " CRASH"), ("b", STORY.replace("13", "14")),
                       ("c", STORY.replace("13", "15"))):
        files.append(tmp_path / f"{name}.txt")
        files[-1].write_text(text)
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    r = runner.invoke(app, ["ingest", *map(str, files), "--db", db])
    assert r.exit_code == 1, r.output  # some items failed
    assert "E500" in r.stderr and "big.txt" in r.stderr and "1 item(s) failed" in r.stderr
    assert "Traceback" not in r.output
    assert _articles(db) == 3  # a, b and c are stored, before and after the crash


def test_exit_statuses(tmp_path: Path, stand_in) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text(STORY)
    bad.write_text("")
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    assert runner.invoke(app, ["ingest", str(good), "--db", db]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(good), str(bad), "--db", db]).exit_code == 1
    assert runner.invoke(app, ["extract", str(bad)]).exit_code == 1
    assert runner.invoke(app, ["extract", str(good), "--format", "yaml"]).exit_code == 2
    assert runner.invoke(app, ["ingest", "--no-such-option", str(good)]).exit_code == 2
    assert runner.invoke(app, ["events", "--db", db, "--format", "xml"]).exit_code == 2


def test_watch_exits_1_when_an_entry_failed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(HERE / "engines"))
    feed = tmp_path / "feed.rss"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
        f"<item><title>Shelling</title><guid>g1</guid><description><![CDATA[<p>{STORY} 3 died.</p>"
        f"<p>{STORY}</p><p>{STORY}</p>]]></description></item>"
        "<item><title>Nothing</title><guid>g2</guid></item>"
        "</channel></rss>"
    )
    r = runner.invoke(app, ["watch", str(feed), "--db", f"sqlite:///{tmp_path / 'w.db'}", "--once",
                            "--pipeline", "ew_fakes:FakePipeline"])
    assert r.exit_code == 1, r.output
    assert "1 new item" in r.output and "failed" in r.output


# -- limits ------------------------------------------------------------------------------------------------


def test_the_size_limit_is_the_one_the_message_names(tmp_path: Path, stand_in, monkeypatch) -> None:
    text = (STORY + "\n\n") * 300  # ~75,000 characters
    f = tmp_path / "long.txt"
    f.write_text(text)
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    monkeypatch.setenv("EVENTWIRE_MAX_CHARS", "50000")
    r = runner.invoke(app, ["ingest", str(f), "--db", db])
    assert r.exit_code == 1 and "E105" in r.stderr and "EVENTWIRE_MAX_CHARS" in r.stderr
    monkeypatch.setenv("EVENTWIRE_MAX_CHARS", "100000")  # raised as the message says: accepted
    assert runner.invoke(app, ["ingest", str(f), "--db", db]).exit_code == 0
    assert _articles(db) == 1


def test_a_5mb_text_is_accepted_when_the_limit_is_raised(tmp_path: Path, stand_in, monkeypatch) -> None:
    f = tmp_path / "huge.txt"
    f.write_text((STORY + "\n\n") * 27_000)  # ~5.3 M characters
    monkeypatch.setenv("EVENTWIRE_MAX_CHARS", "10000000")
    r = runner.invoke(app, ["ingest", str(f), "--db", f"sqlite:///{tmp_path / 'ew.db'}"])
    assert r.exit_code == 0, r.output
    monkeypatch.delenv("EVENTWIRE_MAX_CHARS")
    r = runner.invoke(app, ["ingest", str(f), "--db", f"sqlite:///{tmp_path / 'ew2.db'}"])
    assert r.exit_code == 1 and "E105" in r.stderr  # the default limit is 5,000,000 characters


# -- inputs read by content ----------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
def test_a_byte_order_mark_decides_the_encoding(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE,
           "utf-32-be": codecs.BOM_UTF32_BE, "utf-8": codecs.BOM_UTF8}[codec]
    f = tmp_path / "story.txt"
    f.write_bytes(bom + STORY.encode(codec))
    assert read_text_file(f).text == STORY  # was E103 "binary" for UTF-16/32


def test_html_is_recognised_by_its_markup_whatever_the_name(tmp_path: Path) -> None:
    paras = "".join(f"<p>{STORY} Paragraph {i} of the report.</p>" for i in range(4))
    page = (f"<!DOCTYPE html><html><head><title>Saraqib</title><script>var x = 1;</script></head>"
            f"<body><nav><a href='/'>Home</a></nav><article>{paras}</article></body></html>")
    for name in ("page.txt", "page"):
        f = tmp_path / name
        f.write_text(page)
        article = read_text_file(f)  # was E107 "not English": the markup was read as words
        assert "Saraqib" in article.text and "<p>" not in article.text and "var x" not in article.text


def test_a_text_quoting_a_tag_is_still_text(tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text(STORY + " The site's code showed a stray <br> tag.")
    assert read_text_file(f).text.endswith("<br> tag.")


@pytest.mark.parametrize("name", ["dump.jsonl", "dump.txt", "dump.parquet", "dump.bin"])
def test_ingest_reads_dumps_as_records_like_run(tmp_path: Path, stand_in, name: str) -> None:
    rows = [{"text": STORY.replace("13", str(n)), "url": f"https://example.org/{n}", "published": "2020-02-10"}
            for n in (20, 21, 22)]
    f = tmp_path / name
    if "parquet" in name or name.endswith(".bin"):
        pq.write_table(pa.Table.from_pylist(rows), f)
    else:
        f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    r = runner.invoke(app, ["ingest", str(f), "--db", db])
    assert r.exit_code == 0, r.output
    assert _articles(db) == 3  # three records, not one article holding the raw dump


def _special_files(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    sock_path = tmp_path / "s.sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))  # the file stays after the socket object is gone
    sock.close()
    return {"fifo": fifo, "socket": sock_path, "device": Path("/dev/zero")}


def test_fifos_sockets_and_devices_are_refused_at_once(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE / "engines"), os.environ.get("PYTHONPATH", "")])}
    for kind, path in _special_files(tmp_path).items():
        commands = [["ingest", str(path), "--db", db]]
        if kind == "fifo":  # the one that used to hang, through every command that reads files
            commands += [["extract", str(path)],
                         ["run", str(path), "--db", db, "--quiet", "--pipeline", "ew_fakes:FakePipeline"]]
        for args in commands:
            # a subprocess with a bound: reading a FIFO with no writer used to block forever
            proc = subprocess.run([str(Path(sys.executable).parent / "eventwire"), *args], capture_output=True, text=True,
                                  timeout=120, env=env, stdin=subprocess.DEVNULL)
            out = proc.stdout + proc.stderr
            assert proc.returncode in (1, 2) and "E111" in out, (kind, args, out)
            assert "Traceback" not in out


# -- stores that cannot be opened ----------------------------------------------------------------------------


def _bad_stores(tmp_path: Path) -> dict[str, str]:
    text = tmp_path / "notes.db"
    text.write_text("this is a text file, not a database\n")
    good = tmp_path / "good.db"
    with Store.open(f"sqlite:///{good}") as s:
        for r in sample_results():
            s.add_result(r)
    data = good.read_bytes()
    (tmp_path / "truncated.db").write_bytes(data[: len(data) // 2])
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return {
        "garbage": "garbage://x",
        "unreachable": f"postgresql://eventwire:hunter2secret@127.0.0.1:{port}/ew",
        "text file": f"sqlite:///{text}",
        "truncated": f"sqlite:///{tmp_path / 'truncated.db'}",
        "missing folder": f"sqlite:///{tmp_path / 'no' / 'such' / 'x.db'}",
    }


def test_a_store_that_cannot_be_opened_is_one_line_e301(tmp_path: Path, stand_in, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(HERE / "engines"))
    story = tmp_path / "s.txt"
    story.write_text(STORY)
    reasons = {"garbage": "unknown database kind", "unreachable": "refused", "text file": "not a database",
               "truncated": "malformed", "missing folder": "does not exist"}
    for kind, url in _bad_stores(tmp_path).items():
        for args in (["ingest", str(story)], ["events"], ["summary"], ["serve"],
                     ["run", str(story), "--quiet", "--pipeline", "ew_fakes:FakePipeline"]):
            r = runner.invoke(app, [*args, "--db", url])
            out = r.output
            assert r.exit_code == 2, (kind, args, out)
            assert "E301" in out and reasons[kind] in out, (kind, args, out)
            assert "Traceback" not in out and "hunter2secret" not in out, (kind, args, out)
    assert not (tmp_path / "no").exists()  # the folder of a mistyped path is not created
