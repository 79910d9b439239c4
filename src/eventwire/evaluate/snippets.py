"""Scoring of snippet-level event typing on CASE 2021 Task 2 style files (id, text, label per line).

The dataset's 30 labels are the 25 ACLED sub-event types under short names, plus five kinds of news ACLED
does not code. ``LABEL_OF`` is the crosswalk (documented in docs/snippets.md).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from types import MappingProxyType
from typing import Final

from eventwire.errors import EventwireError
from eventwire.events import acled

# ACLED sub-event type (or eventwire's non-ACLED kind) -> CASE 2021 label.
LABEL_OF: Final = MappingProxyType(
    {
        "Armed clash": "ARMED_CLASH",
        "Government regains territory": "GOV_REGAINS_TERIT",
        "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
        "Chemical weapon": "CHEM_WEAP",
        "Air/drone strike": "AIR_STRIKE",
        "Suicide bomb": "SUIC_BOMB",
        "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
        "Remote explosive/landmine/IED": "REM_EXPLOS",
        "Grenade": "GRENADE",
        "Sexual violence": "SEX_VIOL",
        "Attack": "ATTACK",
        "Abduction/forced disappearance": "ABDUCT_DISSAP",
        "Peaceful protest": "PEACE_PROTEST",
        "Protest with intervention": "PROTEST_WITH_INTER",
        "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
        "Violent demonstration": "VIOL_DEMONSTR",
        "Mob violence": "MOB_VIOL",
        "Agreement": "AGREEMENT",
        "Arrests": "ARREST",
        "Change to group/activity": "CHANGE_TO_GROUP_ACT",
        "Disrupted weapons use": "DISR_WEAP",
        "Headquarters or base established": "HQ_ESTABLISHED",
        "Looting/property destruction": "PROPERTY_DISTRUCT",
        "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
        "Other": "OTHER",
        acled.ORG_CRIME: "ORG_CRIME",
        acled.NATURAL_DISASTER: "NATURAL_DISASTER",
        acled.MAN_MADE_DISASTER: "MAN_MADE_DISASTER",
        acled.DIPLOMATIC: "DIPLO",
        acled.ATTRIBUTION: "ATTRIB",
    }
)
KIND_OF: Final = MappingProxyType({v: k for k, v in LABEL_OF.items()})
LABELS: Final = tuple(sorted(LABEL_OF.values()))
# What a snippet gets when nothing at all is recognised in it.
FALLBACK_LABEL: Final = "OTHER"

Coder = Callable[[str], str | None]  # text -> ACLED sub-event type / kind, or None


def half_of(record_id: str) -> str:
    """"A" or "B": the fixed split of a snippets file into the half one may read errors of (A) and the
    half that is only scored (B), by sha256("casehalf:" + id); eval/tools/case_detection.py uses it too."""
    return "A" if int(hashlib.sha256(f"casehalf:{record_id}".encode()).hexdigest(), 16) % 2 == 0 else "B"


def label_of(kind: str | None) -> str:
    return LABEL_OF.get(kind or "", FALLBACK_LABEL)


def classifier_coder(text: str) -> str | None:
    """classify_acled alone, extended with the non-ACLED kinds it recognises."""
    guess = acled.classify_kind(text)
    return guess.kind if guess else None


def rules_coder(text: str) -> str | None:
    """The lexical rules without the learned model."""
    guess = acled.rule_kind(text)
    return guess.kind if guess else None


def _pipeline_extract() -> Callable[[str], list[dict]] | None:
    try:
        import eventwire

        return getattr(eventwire, "extract", None)
    except ImportError:  # pragma: no cover - eventwire itself is always importable here
        return None


# Where the rules name a kind, it counts this much on top of the model's probability for it when the
# pipeline's events compete for a snippet's label (half A of CASE dev, model out of fold: 0.3, 0.6 and
# 1.0 gave the same weighted F1, 0 lost 0.004).
RULE_SUPPORT: Final = 0.3


def pipeline_coder(text: str) -> str | None:
    """eventwire's own coding of the snippet: the ACLED sub-event type, among those of the events
    ``eventwire.extract`` codes, that the snippet as a whole supports best.

    Support of a kind = the snippet model's probability for it, plus RULE_SUPPORT where the rules name
    it. The snippet classifier's own kind competes too, so an event the snippet hardly speaks of (a
    background protest in a report on diplomacy, "killed" in an earthquake report typed by its PLOVER
    default) does not choose the label; the most confident event breaks ties. Falls back to the
    classifier when the pipeline codes no event with an ACLED type (or ``eventwire.extract`` is missing).
    """
    extract = _pipeline_extract()
    events: list[dict] = []
    if extract is not None:
        try:
            events = [e for e in extract(text) if e.get("acled_sub_event_type")]
        except (ImportError, EventwireError):
            # A build without the event coder, or a snippet the pipeline refuses (too short to be an
            # article): the snippet is still typed, by the classifier.
            events = []
    guess = acled.classify_kind(text)
    if not events:
        return guess.kind if guess else None
    probs = acled.kind_probabilities(text)
    rule = acled.rule_kind(text)

    def support(kind: str) -> float:
        return probs.get(kind, 0.0) + (RULE_SUPPORT if rule is not None and rule.kind == kind else 0.0)

    events.sort(key=lambda e: -float(e.get("confidence") or 0.0))
    best = str(max(events, key=lambda e: support(str(e["acled_sub_event_type"])))["acled_sub_event_type"])
    if guess is not None and guess.kind != best and support(guess.kind) > support(best):
        return guess.kind
    return best


def model_coder(text: str) -> str | None:
    """The learned model alone (its most probable kind): the decider whose figure can be measured
    honestly, by training it on other snippets (train_acled --half / --cv)."""
    probs = acled.kind_probabilities(text)
    return max(probs, key=probs.__getitem__) if probs else None


CODERS: Final = MappingProxyType(
    {"pipeline": pipeline_coder, "classifier": classifier_coder, "rules": rules_coder, "model": model_coder}
)


def read_snippets(path: str | Path) -> list[dict]:
    """Records {id, text, label} of a JSON-lines file; numbered InputError on a missing or bad file."""
    from .jsonl import read_records

    def parse(row: dict) -> dict:
        return {"id": str(row.get("id", row["_line"])), "text": str(row["text"]), "label": str(row["label"])}

    return read_records(path, parse, "a {text, label} JSON object")


def scores(gold: list[str], predicted: list[str]) -> dict:
    """Weighted/macro F1 over the gold labels (as scikit-learn's f1_score with labels=gold classes)."""
    labels = sorted(set(gold) | set(predicted))
    confusion: dict[str, dict[str, int]] = {g: {} for g in labels}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] = confusion[g].get(p, 0) + 1
    support = Counter(gold)
    pred_count = Counter(predicted)
    per_class = {}
    for label in labels:
        tp = confusion[label].get(label, 0)
        precision = tp / pred_count[label] if pred_count[label] else 0.0
        recall = tp / support[label] if support[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "support": support[label],
        }  # fmt: skip
    gold_labels = [label for label in labels if support[label]]
    n = len(gold)
    weighted = sum(per_class[c]["f1"] * support[c] for c in gold_labels) / n if n else 0.0
    macro = sum(per_class[c]["f1"] for c in gold_labels) / len(gold_labels) if gold_labels else 0.0
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / n if n else 0.0
    return {
        "n": n,
        "weighted_f1": round(weighted, 4),
        "macro_f1": round(macro, 4),
        "accuracy": round(accuracy, 4),
        "per_class": per_class,
        "confusion": {g: row for g, row in confusion.items() if row},
    }


def evaluate_snippets(
    path: str | Path, classify: Coder | None = None, coder: Coder | None = None, half: str | None = None
) -> dict:
    """Score a coder on a snippets file: {"n", "weighted_f1", "macro_f1", "accuracy", "confusion", "per_class"}.

    ``classify`` (or its alias ``coder``) maps a text to an ACLED sub-event type or non-ACLED kind;
    the default is eventwire's own coding of each snippet (``pipeline_coder``). ``half`` ("A"/"B")
    scores only the snippets of that half (``half_of``).
    """
    fn = classify or coder or pipeline_coder
    rows = read_snippets(path)
    if half is not None:
        if half not in ("A", "B"):
            raise ValueError(f"half must be 'A' or 'B', not {half!r}")
        rows = [r for r in rows if half_of(r["id"]) == half]
    result = evaluate_rows(rows, fn)
    if half is not None:
        result["half"] = half
    return result


def evaluate_rows(rows: Iterable[dict], fn: Coder) -> dict:
    rows = list(rows)
    predicted = [label_of(fn(r["text"])) for r in rows]
    result = scores([r["label"] for r in rows], predicted)
    result["predictions"] = [
        {"id": r["id"], "label": r["label"], "predicted": p} for r, p in zip(rows, predicted, strict=True)
    ]
    return result


def confusion_text(result: dict) -> str:
    """The confusion matrix as aligned text: rows gold, columns predicted, labels abbreviated to 5."""
    labels = sorted(set(result["confusion"]) | {p for row in result["confusion"].values() for p in row})
    head = " " * 30 + " ".join(f"{lab[:5]:>5}" for lab in labels)
    lines = [head]
    for g in labels:
        row = result["confusion"].get(g, {})
        lines.append(f"{g[:29]:<30}" + " ".join(f"{row.get(p, 0) or '.':>5}" for p in labels))
    return "\n".join(lines)
