"""Alembic environment: runs on the connection khabar hands it (see khabar.store.migrate)."""
from alembic import context
from sqlalchemy import create_engine

from khabar.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # `alembic` from the command line: KHABAR_DB or ./khabar.db
    from khabar.config import db_url_for

    connection = create_engine(db_url_for(None)).connect()

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
