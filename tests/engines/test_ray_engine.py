"""The Ray engine writes the same rows as the local engine (2 actors on a local Ray)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from eventwire.engines import BatchRunner, RunConfig
from eventwire.sources import SourceOptions

pytestmark = pytest.mark.ray

STORIES = [
    "Government forces shelled Saraqib on Monday, killing 13 civilians, rescue workers said. Residents fled.",
    "Police arrested 40 protesters in Lagos on Tuesday, a spokesman said. The march had turned violent.",
    "Two soldiers died when a roadside bomb hit their patrol near Kunduz, officials said. No group claimed it.",
    "Rebels said they had taken 3 villages from the army. The army denied losing any ground in the north.",
    "An air strike on a market in Ariha killed 10 people, the civil defence said. Russia denied involvement.",
]


def _frame(path: Path) -> pd.DataFrame:
    frame = pd.read_parquet(path)
    frame["published_month"] = frame["published_month"].astype(str)
    return frame.sort_values(frame.columns[1] if "event_id" not in frame else "event_id").reset_index(drop=True)


def test_ray_output_equals_local_output(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    src = tmp_path / "in"
    src.mkdir()
    for i, text in enumerate(STORIES):
        (src / f"{i}.txt").write_text(text)
    opts = SourceOptions(published=dt.date(2021, 5, 4))
    outs = {}
    for engine in ("local", "ray"):
        outs[engine] = tmp_path / engine
        runner = BatchRunner(RunConfig(sources=(str(src),), out_dir=outs[engine], engine=engine, workers=2,
                                       source_options=opts, factory="ew_fakes:FakePipeline"))
        try:
            stats = runner.run()
        finally:
            runner.close()
        assert stats.processed == len(STORIES) and stats.failed == 0
    local_events, ray_events = (_frame(outs[e] / "events") for e in ("local", "ray"))
    assert len(local_events) > 0
    pd.testing.assert_frame_equal(local_events, ray_events, check_categorical=False)
    local_articles, ray_articles = (_frame(outs[e] / "articles").sort_values("article_id").reset_index(drop=True)
                                    for e in ("local", "ray"))
    pd.testing.assert_frame_equal(local_articles, ray_articles, check_categorical=False)
