"""CLI commands of the sources area: `eventwire run` (resumable batch) and `eventwire watch` (feeds)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from ..engines.runner import RunConfig, RunStats


def _redact(url: str) -> str:
    from ..store.core import _redact as redact

    return redact(url)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    from ..records import parse_iso_date

    return parse_iso_date(value)


def _progress_runner(config: RunConfig, console: Console, *, show: bool) -> RunStats:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..engines.runner import BatchRunner

    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[events]} events"),
        TextColumn("{task.fields[failures]} failed"),
        TextColumn("{task.fields[rate]} items/s"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, disable=not show, transient=False) as progress:
        task = progress.add_task("reading sources", total=None, events=0, failures=0, rate="-")

        def update(stats: RunStats) -> None:
            rate = stats.done / stats.elapsed if stats.elapsed > 0 else 0.0
            progress.update(task, completed=stats.done, events=stats.events, failures=stats.failed,
                            rate=f"{rate:.1f}", description="extracting")

        runner = BatchRunner(config, progress=update)
        try:
            progress.update(task, total=runner.total(), description="loading pipeline")
            stats = runner.run()
            update(stats)
        finally:
            runner.close()
    return stats


def _summary(stats: RunStats, console: Console, *, where: str, journal: str) -> None:
    from rich.table import Table

    table = Table(title="eventwire run", show_header=False)
    rate = stats.processed / stats.elapsed if stats.elapsed > 0 else 0.0
    rows = [
        ("items seen", stats.seen),
        ("processed", stats.processed),
        ("skipped (done earlier)", stats.skipped),
        ("failed", stats.failed),
        ("events", stats.events),
        *((f"store: {k}", v) for k, v in sorted(stats.stored.items())),
        ("elapsed", f"{stats.elapsed:.1f} s"),
        ("throughput", f"{rate:.2f} articles/s"),
        ("output", where),
        ("journal", journal),
    ]
    for name, value in rows:
        table.add_row(name, str(value))
    console.print(table)
    if stats.failures:
        console.print(f"[yellow]{len(stats.failures)} item(s) failed[/yellow] (retry with --retry-failed):")
        for failure in stats.failures[:10]:
            console.print(f"  [{failure.code}] {failure.origin}: {failure.message}", markup=False, highlight=False)
        if len(stats.failures) > 10:
            console.print(f"  ... and {len(stats.failures) - 10} more (all are in the journal)")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this area's commands to the main app and to the `eval` group."""

    @app.command("run")
    def run_cmd(
        sources: list[str] = typer.Argument(
            ..., help="Folders of .txt/.html, files, '-' for stdin, .jsonl/.parquet dumps, feed or page URLs, "
            "a .txt list of URLs."),
        db: str | None = typer.Option(None, "--db", help="Store URL (default: EVENTWIRE_DB or ./eventwire.db)."),
        out: Path | None = typer.Option(None, "--out", help="Write Parquet datasets DIR/events/ and DIR/articles/."),
        workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (or Ray actors)."),
        engine: str = typer.Option("local", "--engine", help="local | ray"),
        address: str | None = typer.Option(None, "--address", help="Ray cluster to join (e.g. ray://head:10001)."),
        retry_failed: bool = typer.Option(False, "--retry-failed", help="Retry items that failed in earlier runs."),
        published: str | None = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for items "
                                             "that carry none."),
        source: str | None = typer.Option(None, "--source", help="Outlet name for items that carry none."),
        text_col: str = typer.Option("text", "--text-col", help="Dump column with the article text."),
        url_col: str = typer.Option("url", "--url-col"),
        title_col: str = typer.Option("title", "--title-col"),
        published_col: str = typer.Option("published", "--published-col"),
        source_col: str = typer.Option("source", "--source-col"),
        id_col: str | None = typer.Option(None, "--id-col", help="Dump column with a stable row id (else row number)."),
        part_size: int | None = typer.Option(None, "--part-size", min=1,
                                             help="Articles per Parquet part / per commit."),
        journal: Path | None = typer.Option(None, "--journal", help="Run journal file (default: beside the output)."),
        no_language_check: bool = typer.Option(False, "--no-language-check", help="Do not refuse non-English text."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
        pipeline: str = typer.Option("eventwire.pipeline:Pipeline", "--pipeline", hidden=True,
                                     help="module:factory building the pipeline (plug-ins, tests)."),
    ) -> None:
        """Extract events from many articles, resumably: a killed run picks up where it stopped."""
        from rich.console import Console

        from ..engines.journal import journal_path_for
        from ..engines.runner import RunConfig
        from ..errors import EventwireError
        from ..settings import Settings
        from ..sources.batch import SourceOptions

        console = Console(stderr=True)
        try:
            if db and out:
                raise typer.BadParameter("give --db or --out, not both")
            db_url = None if out else (db or Settings.from_env().db_url)
            opts = SourceOptions(
                text_col=text_col, url_col=url_col, title_col=title_col, published_col=published_col,
                source_col=source_col, id_col=id_col, published=_date(published), source=source,
                check_language=not no_language_check,
            )
            config = RunConfig(
                sources=tuple(sources), db_url=db_url, out_dir=out, engine=engine, workers=workers,
                address=address, retry_failed=retry_failed, source_options=opts, journal=journal,
                part_size=part_size, factory=pipeline,
            )
            stats = _progress_runner(config, console, show=not quiet)
        except EventwireError as exc:
            console.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(2) from exc
        where = str(out) if out else _redact(str(db_url))
        _summary(stats, Console(), where=where, journal=str(journal or journal_path_for(db_url, out)))
        if stats.failed:
            # exit 1: scripts must be able to tell a partly failed run from a clean one (docs/cli.md)
            console.print(f"{stats.failed} of {stats.seen} item(s) failed; the others are stored (exit status 1)",
                          highlight=False)
            raise typer.Exit(1)

    @app.command("watch")
    def watch_cmd(
        feeds: list[str] = typer.Argument(..., help="RSS/Atom feed URLs (or feed files)."),
        db: str | None = typer.Option(None, "--db", help="Store URL (default: EVENTWIRE_DB or ./eventwire.db)."),
        interval: float = typer.Option(300.0, "--interval", min=1.0, help="Seconds between polls."),
        once: bool = typer.Option(False, "--once", help="Poll once and exit."),
        workers: int = typer.Option(1, "--workers", "-w", min=1),
        source: str | None = typer.Option(None, "--source", help="Outlet name (default: the feed's title)."),
        pipeline: str = typer.Option("eventwire.pipeline:Pipeline", "--pipeline", hidden=True),
    ) -> None:
        """Poll feeds; fetch each new item once (by URL and by content hash) and store its events."""
        from rich.console import Console

        from ..engines.runner import BatchRunner, RunConfig
        from ..errors import EventwireError
        from ..settings import Settings
        from ..sources.batch import SourceOptions

        console = Console()
        db_url = db or Settings.from_env().db_url
        config = RunConfig(sources=tuple(feeds), db_url=db_url, workers=workers,
                           source_options=SourceOptions(source=source), factory=pipeline)
        runner = None
        failed = 0
        try:
            runner = BatchRunner(config)
            while True:
                runner.stats = type(runner.stats)()
                stats = runner.run()
                stamp = dt.datetime.now().strftime("%H:%M:%S")
                console.print(f"{stamp} polled {len(feeds)} feed(s): {stats.processed} new item(s), "
                              f"{stats.events} event(s), {stats.failed} failed, {stats.skipped} seen before",
                              highlight=False)
                for failure in stats.failures:
                    console.print(f"  [{failure.code}] {failure.origin}: {failure.message}", markup=False,
                                  highlight=False)
                failed += stats.failed
                if once:
                    break
                time.sleep(interval)
        except EventwireError as exc:
            console.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(2) from exc
        except KeyboardInterrupt:
            console.print("stopped")
        finally:
            if runner is not None:
                runner.close()
        if failed:
            console.print(f"{failed} item(s) failed; the others are stored (exit status 1)", highlight=False)
            raise typer.Exit(1)
