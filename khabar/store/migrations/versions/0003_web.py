"""web: full-text search index of documents, hashed API tokens, indexes for the workbench's filters

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30

The search index is built here for the documents a store already holds; from then on ``Store.add``
keeps it in step. Its DDL depends on the database: an FTS5 virtual table on SQLite, a tsvector column
with a GIN index on PostgreSQL (see ``khabar.store.search``).
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# Each document's title, the names of the actors it mentions (aliases as stored: JSON text tokenises to
# its words) and at most 300,000 characters of its body, as khabar.store.search.index_document writes them.
_NAMES = ("(SELECT {agg}(e.name || ' ' || coalesce(CAST(e.aliases AS TEXT), ''), ' ; ') FROM entities e"
          " WHERE e.id IN (SELECT m.entity FROM mentions m WHERE m.doc = d.id))")
_TITLE = "coalesce(d.title, '') || ' ' || coalesce(d.subtitle, '')"

SQLITE_BUILD = [
    "CREATE VIRTUAL TABLE doc_search USING fts5(doc UNINDEXED, title, names, body,"
    " tokenize = 'porter unicode61 remove_diacritics 2')",
    f"INSERT INTO doc_search (doc, title, names, body) SELECT d.id, {_TITLE},"
    f" coalesce({_NAMES.format(agg='group_concat')}, ''), substr(d.text, 1, 300000) FROM documents d",
]
POSTGRES_BUILD = [
    "CREATE TABLE doc_search (doc VARCHAR(200) PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
    " tsv TSVECTOR NOT NULL)",
    "CREATE INDEX ix_doc_search_tsv ON doc_search USING gin (tsv)",
    f"INSERT INTO doc_search (doc, tsv) SELECT d.id, setweight(to_tsvector('english', {_TITLE}), 'A')"
    f" || setweight(to_tsvector('english', coalesce({_NAMES.format(agg='string_agg')}, '')), 'B')"
    " || to_tsvector('english', left(d.text, 300000)) FROM documents d",
]


def upgrade() -> None:
    op.create_table('tokens',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tokens')),
    sa.UniqueConstraint('hash', name=op.f('uq_tokens_hash'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_publisher'), ['publisher'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_language'), ['language'], unique=False)
    for statement in SQLITE_BUILD if op.get_bind().dialect.name == "sqlite" else POSTGRES_BUILD:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE doc_search")
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_language'))
        batch_op.drop_index(batch_op.f('ix_documents_publisher'))
    op.drop_table('tokens')
