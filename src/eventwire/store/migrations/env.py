"""Alembic environment: always run programmatically by Store.open on a live connection."""

from __future__ import annotations

from alembic import context

from eventwire.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the CLI of alembic is not how eventwire migrates
    raise RuntimeError("eventwire migrations run through eventwire.store.Store.open(url)")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
