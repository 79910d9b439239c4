"""Incident links across articles, end to end: ingest every article of a gold folder into one fresh
store (publication date and outlet from each gold file's metadata), export every event as JSONL,
and score the export with ``shared/tools/score_incidents.py`` (FORMAT.md, "Incidents across
articles")."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .gold import gold_files, load_gold, shared_dir, shared_scorer_reads


def evaluate_incidents(
    folder: Path,
    *,
    db_url: str | None = None,
    events_out: Path | None = None,
    model: str | None = None,
    pipeline: Any = None,
) -> dict[str, Any]:
    from ..export import write_jsonl
    from ..pipeline import Pipeline
    from ..settings import Settings
    from ..store import Store

    shared = shared_dir()
    if shared is None or not (shared / "tools" / "score_incidents.py").is_file():
        raise FileNotFoundError("shared/tools/score_incidents.py not found (set EVENTWIRE_SHARED)")
    incidents_file = folder / "incidents.json"
    # articles the shared scorer cannot read (LGL from record 38543581 on: dev only, no incident across
    # articles) are left out of the store as well as the score
    files = [p for p in gold_files([folder]) if shared_scorer_reads(p)]
    with tempfile.TemporaryDirectory(prefix="ew-incidents-") as tmp:
        url = db_url or f"sqlite:///{tmp}/store.db"
        pipe = pipeline or Pipeline(Settings.from_env(spacy_model=model))
        arts = [load_gold(p).article(check_language=False) for p in files]
        store = Store.open(url)
        try:
            for result in pipe.process(arts):
                store.add_result(result)
            out = events_out or Path(tmp) / "all.jsonl"
            with out.open("w", encoding="utf-8") as fh:
                n_events = write_jsonl(store.iter_events(), fh)
            n_incidents = _count_incidents(store)
        finally:
            store.close()
        js = Path(tmp) / "score.json"
        cmd = [sys.executable, str(shared / "tools" / "score_incidents.py"), *map(str, files),
               "--incidents", str(incidents_file), "--events", str(out), "--json", str(js)]
        printed = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        report = json.loads(js.read_text(encoding="utf-8"))
    report.update({"printed": printed, "events": n_events, "incidents": n_incidents, "folder": str(folder)})
    return report


def _count_incidents(store: Any) -> int:
    import sqlalchemy as sa

    from ..store.incident_tables import incidents

    with store.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(incidents)).scalar_one())
