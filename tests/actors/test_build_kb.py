"""scripts/build_kb.py on a tiny synthetic Factbook history: periods from "since" dates and
successors, party leaders, acronyms, branches, provenance, and names shared by countries left out."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")


def _module():
    spec = importlib.util.spec_from_file_location("build_kb", ROOT / "scripts" / "build_kb.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the file runs
    spec.loader.exec_module(mod)
    return mod


def _profile(short: str, chief: str, head: str, parties: str, forces: str, legislature: str = "Storting (Stortinget)") -> dict:
    return {
        "Government": {
            "Country name": {"conventional short form": {"text": short}},
            "Executive branch": {"chief of state": {"text": chief}, "head of government": {"text": head}},
            "Political parties and leaders": {"text": parties},
            "Legislative branch": {"legislature name": {"text": legislature}},
        },
        "People and Society": {"Population": {"text": "5,500,000 (2024 est.)"}},
        "Military and Security": {"Military and security forces": {"text": forces}},
    }


def _commit(repo: Path, day: str, profiles: dict[str, dict]) -> None:
    for path, prof in profiles.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(json.dumps(prof), encoding="utf-8")
    env = {"GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t",
           "PATH": "/usr/bin:/bin:/usr/local/bin"}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", day], cwd=repo, check=True, env=env)


def test_build_from_two_snapshots(tmp_path: Path) -> None:
    repo = tmp_path / "factbook"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    forces = "Norwegian Armed Forces: Norwegian Army (Haeren), Royal Norwegian Navy, Air Force (2024)"
    _commit(repo, "2021-03-01", {
        "europe/no.json": _profile(
            "Norway", "King HARALD V (since 17 January 1991)", "Prime Minister Erna SOLBERG (since 16 October 2013)",
            "Conservative Party or H [Erna SOLBERG]<br>Progress Party or FrP [Sylvi LISTHAUG]<br>Democratic Party",
            forces),
        "europe/xx.json": _profile("Sweden", "King CARL XVI GUSTAF (since 19 September 1973)",
                                   "Prime Minister Stefan LOFVEN (since 3 October 2014)",
                                   "Democratic Party", "Swedish Armed Forces (2024)", "Riksdag"),
    })
    _commit(repo, "2022-06-01", {
        "europe/no.json": _profile(
            "Norway", "King HARALD V (since 17 January 1991)",
            "Prime Minister Jonas Gahr STORE (since 14 October 2021)",
            "Conservative Party or H [Erna SOLBERG]<br>Progress Party or FrP [Sylvi LISTHAUG]", forces),
    })
    out = tmp_path / "out"
    out.mkdir()
    assert _module().main(["--factbook", str(repo), "--out", str(out)]) == 0
    people = {line.split("\t")[0]: line.split("\t") for line in
              (out / "compiled_people.tsv").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    solberg = people["Erna Solberg"]
    assert solberg[2] == "NOR"
    # prime minister from the "since" date until her successor's; party leader through the last snapshot
    assert "GOV@2013-10-16..2021-10-14@prime minister" in solberg[3]
    assert "PTY@2021-03-01..@leader of Conservative Party" in solberg[3]
    assert solberg[4].startswith("factbook:no@2021-03-01..")
    store = people["Jonas Gahr Store"]
    assert "GOV@2021-10-14..@prime minister" in store[3] and "Jonas Store" in store[1]
    orgs = (out / "compiled_orgs.tsv").read_text(encoding="utf-8")
    assert "party\tProgress Party\t=FrP\tNOR\tPTY" in orgs
    assert "Royal Norwegian Navy" in orgs and "Norwegian Armed Forces" in orgs
    assert "agency\tStorting\tStortinget\tNOR\tLEG" in orgs
    assert "Democratic Party" not in orgs  # listed for two countries: names neither
    # deterministic: a second build writes the same bytes
    again = tmp_path / "again"
    again.mkdir()
    _module().main(["--factbook", str(repo), "--out", str(again)])
    assert (again / "compiled_orgs.tsv").read_bytes() == (out / "compiled_orgs.tsv").read_bytes()
    assert (again / "compiled_people.tsv").read_bytes() == (out / "compiled_people.tsv").read_bytes()
