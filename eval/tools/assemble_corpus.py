#!/usr/bin/env python3
"""Assemble the team corpus: the adjudicated (else primary) annotation of each article into dev/ or test/.

    python eval/tools/assemble_corpus.py            # writes eval/corpus/{dev,test}/, incidents.json, test_ids.txt

- Primary annotations: eval/corpus/raw/{a1,a2,a3,a4,a6,a9,a10,a12,a13,a14,a15,a16,a18,a19,a20,...,a26,lead}/; second, independent annotations (for
  agreement only): raw/{a7,a8}/; adjudicated files, where the adjudication changed something: raw/adjudicated/.
- The split is by outlet (eval/corpus/splits.tsv): articles of one outlet, and articles that report one
  incident, are always on the same side (see eval/corpus/README.md). Articles with no known outlet are
  their own group.
- The shared scorer reads datasets with str.splitlines(), which breaks lgl/dev.jsonl at a U+0085 inside
  record 38543581, so no LGL record from it on can be scored there: LGL test articles (round 9, raw/a16) are
  all records before it; LGL records after it (raw/a15) are dev only (`eventwire eval articles` reads them).
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "corpus"
PRIMARY = ("a1", "a2", "a3", "a4", "a6", "a9", "a10", "a12", "a13", "a14", "a15", "a16", "a18", "a19", "a20", "a21", "a22", "a23", "a24", "a25", "a26", "a27", "a28", "a29", "a30", "a31", "a32", "a33", "a34", "a35", "a36", "a37", "a38", "lead")


def load_splits() -> dict[str, str]:
    out = {}
    for line in (ROOT / "splits.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            stem, split, *_ = line.split("\t")
            out[stem] = split
    return out


def source_file(stem: str) -> Path | None:
    adj = ROOT / "raw" / "adjudicated" / f"{stem}.gold.json"
    if adj.exists():
        return adj
    for a in PRIMARY:
        p = ROOT / "raw" / a / f"{stem}.gold.json"
        if p.exists():
            return p
    return None


def main() -> None:
    splits = load_splits()
    for split in ("dev", "test"):
        d = ROOT / split
        d.mkdir(exist_ok=True)
        for old in d.glob("*.gold.json"):
            old.unlink()
    test_ids = []
    for stem, split in sorted(splits.items()):
        src = source_file(stem)
        if src is None:
            raise SystemExit(f"no annotation for {stem}")
        g = json.loads(src.read_text(encoding="utf-8"))
        ref = g["article"].get("text_ref")
        if ref:
            # raw/<annotator>/ is one level deeper than dev/ and test/
            ref["file"] = ref["file"].replace("../../../../../shared/", "../../../../shared/")
            if split == "test":
                test_ids.append(f"{g['article'].get('dataset') or stem.split('-')[0]}#{ref['id']}")
        (ROOT / split / f"{stem}.gold.json").write_text(json.dumps(g, indent=1, ensure_ascii=False) + "\n",
                                                        encoding="utf-8")
    incidents = json.loads((ROOT / "raw" / "incidents.json").read_text(encoding="utf-8"))
    for split in ("dev", "test"):
        keep = [i for i in incidents if all(splits.get(e.split("#")[0]) == split for e in i["events"])]
        (ROOT / split / "incidents.json").write_text(json.dumps(keep, indent=1, ensure_ascii=False) + "\n",
                                                     encoding="utf-8")
    (ROOT / "test_ids.txt").write_text("\n".join(test_ids) + "\n", encoding="utf-8")
    n = {s: sum(1 for v in splits.values() if v == s) for s in ("dev", "test")}
    print(f"dev {n['dev']} articles, test {n['test']} articles, {len(incidents)} incidents")


if __name__ == "__main__":
    main()
