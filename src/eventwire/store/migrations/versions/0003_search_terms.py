"""SQLite: substring search over distinct actor names and claim sources, not over every row.

An FTS5 trigram query reads whole term lists, so on ``actors_fts`` (one document per actor row)
a substring filter cost about 100 ms at 1M events however few rows were wanted, and claim sources
had no substring index at all. Names and claim sources repeat a lot, so this migration keeps each
distinct value once in ``search_terms`` (kind 'actor' or 'claim'), with an external-content FTS5
trigram index over it. A substring filter now finds the matching distinct values there (a small
table), then the rows through plain (value, event_id) indexes, which stream in any amount asked for.

``search_terms`` only grows: values whose rows were deleted stay, harmless (they match no rows).
PostgreSQL is unchanged (pg_trgm on ``event_actors.search``, migration 0002).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER IF EXISTS actors_fts_ins")
    op.execute("DROP TRIGGER IF EXISTS actors_fts_del")
    op.execute("DROP TABLE IF EXISTS actors_fts")
    # kind is a column of the FTS table too (unindexed, read from search_terms): a substring query is
    # then one FTS scan, with no plan in which the planner could prefer reading every term of a kind.
    op.execute(
        "CREATE TABLE search_terms (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, value TEXT NOT NULL, "
        "UNIQUE (value, kind))"
    )
    op.execute(
        "CREATE VIRTUAL TABLE search_terms_fts USING fts5(value, kind UNINDEXED, content='search_terms', "
        "content_rowid='id', tokenize='trigram')"
    )
    op.execute(
        "INSERT OR IGNORE INTO search_terms(kind, value) "
        "SELECT 'actor', name FROM event_actors WHERE name IS NOT NULL "
        "UNION SELECT 'actor', text FROM event_actors "
        "UNION SELECT 'claim', claim_source FROM event_claims"
    )
    op.execute("INSERT INTO search_terms_fts(search_terms_fts) VALUES ('rebuild')")
    op.execute(
        "CREATE TRIGGER search_terms_fts_ins AFTER INSERT ON search_terms BEGIN "
        "INSERT INTO search_terms_fts(rowid, value, kind) VALUES (new.id, new.value, new.kind); END"
    )
    # The writer's own INSERTs carry no ON CONFLICT clause, so these triggers' OR IGNORE applies.
    op.execute(
        "CREATE TRIGGER actors_terms_ins AFTER INSERT ON event_actors BEGIN "
        "INSERT OR IGNORE INTO search_terms(kind, value) SELECT 'actor', new.name WHERE new.name IS NOT NULL; "
        "INSERT OR IGNORE INTO search_terms(kind, value) VALUES ('actor', new.text); END"
    )
    op.execute(
        "CREATE TRIGGER claims_terms_ins AFTER INSERT ON event_claims BEGIN "
        "INSERT OR IGNORE INTO search_terms(kind, value) VALUES ('claim', new.claim_source); END"
    )
    # (value, event_id): the rows of the matching values, and their events, straight from an index.
    op.execute("CREATE INDEX ix_actors_name_event ON event_actors (name, event_id)")
    op.execute("CREATE INDEX ix_actors_text_event ON event_actors (text, event_id)")
    bind = op.get_bind()
    if bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        # The store was analysed: without figures for the new indexes too, the planner would weigh
        # measured indexes against guessed ones.
        op.execute("ANALYZE event_actors")
        op.execute("ANALYZE search_terms")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP INDEX IF EXISTS ix_actors_text_event")
    op.execute("DROP INDEX IF EXISTS ix_actors_name_event")
    for trigger in ("claims_terms_ins", "actors_terms_ins", "search_terms_fts_ins"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS search_terms_fts")
    op.execute("DROP TABLE IF EXISTS search_terms")
    op.execute("CREATE VIRTUAL TABLE actors_fts USING fts5(search, tokenize='trigram')")
    op.execute(
        "INSERT INTO actors_fts(rowid, search) SELECT id, coalesce(name, '') || ' | ' || text FROM event_actors"
    )
    op.execute(
        "CREATE TRIGGER actors_fts_ins AFTER INSERT ON event_actors BEGIN "
        "INSERT INTO actors_fts(rowid, search) VALUES (new.id, coalesce(new.name, '') || ' | ' || new.text); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER actors_fts_del AFTER DELETE ON event_actors BEGIN "
        "DELETE FROM actors_fts WHERE rowid = old.id; END"
    )
