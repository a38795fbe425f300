"""an index on documents.seq: storing a document reads the largest seq, a scan of every document without it

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 07:00:00
"""
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_seq'), ['seq'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_seq'))
