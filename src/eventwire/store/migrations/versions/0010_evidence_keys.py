"""Reports copied sentence for sentence into other articles, found by one indexed read.

``evidence_keys`` (event_id, article_id, key): each stored event's evidence sentence and the place
of its trigger within it, hashed (incidents/passages.py). The linker writes an article's keys in
the transaction that links it (and rewrites them when the article is re-extracted); a new report
whose key is stored joins that report's incident when the pair passes the hard constraints,
whatever the rest of the two articles share (docs/incidents.md).

Filled here for the events already stored, article by article, from their records and texts.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

ID = sa.String(128)
_WORD = re.compile(r"[a-z0-9]+")
MIN_WORDS = 12
BATCH = 500  # articles per read


def _key(rec: dict[str, Any], text: str) -> str | None:
    # The same key as incidents.passages.evidence_key (kept literal: a migration must not change
    # when the code does).
    ev = rec.get("evidence") or {}
    sentence = ev.get("sentence") or ""
    words = _WORD.findall(sentence.lower())
    if len(words) < MIN_WORDS:
        return None
    start = ev.get("trigger_start")
    if start is None:
        start = ev.get("start")
    if start is None:
        return None
    at = text.find(sentence, max(0, int(start) - len(sentence)))
    if at < 0 or at > start:
        return None
    before = len(_WORD.findall(text[at:int(start)].lower()))
    return f"{hashlib.blake2b(' '.join(words).encode(), digest_size=12).hexdigest()}:{before}"


def upgrade() -> None:
    table = op.create_table(
        "evidence_keys",
        sa.Column("event_id", ID, primary_key=True),
        sa.Column("article_id", ID, sa.ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.String(40), nullable=False),
    )
    bind = op.get_bind()
    arts = sa.table("articles", sa.column("article_id"), sa.column("text"))
    evs = sa.table("events", sa.column("event_id"), sa.column("article_id"), sa.column("record"))
    ids = [r[0] for r in bind.execute(sa.select(evs.c.article_id).distinct().order_by(evs.c.article_id))]
    for at in range(0, len(ids), BATCH):
        chunk = ids[at:at + BATCH]
        texts = {a: t for a, t in bind.execute(
            sa.select(arts.c.article_id, arts.c.text).where(arts.c.article_id.in_(chunk)))}
        rows = []
        for event_id, article_id, record in bind.execute(
                sa.select(evs.c.event_id, evs.c.article_id, evs.c.record).where(evs.c.article_id.in_(chunk))):
            key = _key(json.loads(record), texts.get(article_id) or "")
            if key is not None:
                rows.append({"event_id": event_id, "article_id": article_id, "key": key})
        if rows:
            bind.execute(table.insert(), rows)
    op.create_index("ix_evidence_keys_key", "evidence_keys", ["key", "article_id"])
    op.create_index("ix_evidence_keys_article", "evidence_keys", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_evidence_keys_article", table_name="evidence_keys")
    op.drop_index("ix_evidence_keys_key", table_name="evidence_keys")
    op.drop_table("evidence_keys")
