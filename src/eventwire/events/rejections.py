"""Lexicon words the coder's hand rules reject: noted for a user who asks why, and optionally kept as
candidates for the learned acceptance step (accept.py) to judge.

Every place where a hand rule turns down a reading of the hand-written lexicon (a verb frame that does not
hold, a nominal with no frame, an irrealis clause, a gate in gates.py or everyday.py, a draft with no party)
calls ``note`` or ``rejected`` with the rule's name. With ``EventCoder.explain`` set to a list, each call
appends what it rejected (the word, its offsets, the type it would have had, the rule): a debug hook that
never reaches the records (eval/tools/rejections.py tabulates it against the gold).

A rule named in ``EventCoder.rescue`` does not reject: its draft goes on with ``rules['rejected_by']`` set
to the rule's name, which the acceptance step sees as a feature (``rule:rejected_by=<rule>``); the step,
trained on such candidates by train_accept, keeps the ones that look like events analysts code. With the
step off (no model, threshold 0) a rescued event is dropped again (accept.accept), so the coder without
the step behaves as it did before the rescue.

RESCUE is the set of rules whose rescue raises the coder's out-of-fold F1 with the step (train_accept
--no-write) without lowering the untouched LGL half B. It is empty: tabulated out of fold on the 221
trainable dev articles (eval/tools/rejections.py), the hand rules' rejections are right 9 times in 10 and
more, and no rescued rule passed both checks (data/accept_model.md, "Rescued candidates"). The machinery
stays so that a rule can be tried with $EVENTWIRE_RESCUE and kept on evidence.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .common import Draft

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..records import Event

REJECTED_BY = "rejected_by"
RESCUE: frozenset[str] = frozenset()
# $EVENTWIRE_RESCUE (comma-separated rule names, empty for none) replaces RESCUE: to measure one rule's rescue
ENV = "EVENTWIRE_RESCUE"


def rescue_rules() -> frozenset[str]:
    env = os.environ.get(ENV)
    return RESCUE if env is None else frozenset(r.strip() for r in env.split(",") if r.strip())


def family(rule: str) -> str:
    """The rule's name without its detail ("gate_everyday a metaphor" -> "gate_everyday")."""
    return rule.split(" ", 1)[0]


def _record(coder: object, tok: Token, plover_type: str, rule: str, rescued: bool) -> None:
    explain = getattr(coder, "explain", None)
    if explain is not None:
        explain.append({"start": tok.idx, "end": tok.idx + len(tok.text), "lemma": tok.lemma_.lower(),
                        "type": plover_type, "rule": rule, "rescued": rescued})


def note(coder: object, d: Draft, rule: str) -> Event | None:
    """Note that ``rule`` rejected the draft (for the explain hook); always None: no event."""
    _record(coder, d.trigger, d.plover_type, rule, False)
    return None


def rescued(coder: object, d: Draft, rule: str) -> bool:
    """Whether the draft goes on as a candidate for the acceptance step although ``rule`` rejects it."""
    if family(rule) not in getattr(coder, "rescue", RESCUE):
        return False
    _record(coder, d.trigger, d.plover_type, rule, True)
    d.rules[REJECTED_BY] = family(rule)
    return True


def rejected(coder: object, tok: Token, plover_type: str, rule: str, mode: str | None,
             d: Draft | None = None) -> Draft | None:
    """A reading of ``tok`` that ``rule`` rejected: noted, and returned as a candidate (``d``, or a new
    draft of the lexicon word) when the rule is rescued, else None."""
    if family(rule) not in getattr(coder, "rescue", RESCUE):
        _record(coder, tok, plover_type, rule, False)
        return None
    if d is None:
        nominal = tok.pos_ in {"NOUN", "PROPN"}
        d = Draft(tok, [tok], plover_type, mode, {"type": f"{'noun' if nominal else 'verb'}:{tok.lemma_.lower()}"},
                  nominal=nominal)
    return d if rescued(coder, d, rule) else None


def first_rescued(coder: object, tok: Token, why: list[tuple[str, str, str | None]]) -> Draft | None:
    """Every rejected reading of ``tok`` (type, rule, mode) noted; the first whose rule is rescued, as a
    candidate (None when no rule is)."""
    out = None
    for plover_type, rule, mode in why:
        if out is None:
            out = rejected(coder, tok, plover_type, rule, mode)
        else:
            _record(coder, tok, plover_type, rule, False)
    return out


def new_reports(rescued: list[Event], events: list[Event]) -> list[Event]:
    """The rescued candidates that are no restatement of an event already coded: none of the type of an
    event (or of an earlier candidate) in its sentence. They follow the coder's events, which they never
    displace."""
    seen = {(e.plover_type, e.evidence.sentence) for e in events}
    out = []
    for ev in rescued:
        key = (ev.plover_type, ev.evidence.sentence)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out
