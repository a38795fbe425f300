"""links carry a score and the evidence they rest on

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 12:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Links made before this revision were made without a score: they keep showing (1.0) until re-connected.
    with op.batch_alter_table('links', schema=None) as batch_op:
        batch_op.add_column(sa.Column('score', sa.Float(), nullable=True, server_default='1.0'))
        batch_op.add_column(sa.Column('evidence', sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f('ix_links_score'), ['score'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_links_score'))
        batch_op.drop_column('evidence')
        batch_op.drop_column('score')
