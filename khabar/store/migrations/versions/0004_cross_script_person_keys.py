"""people are filed under a cross-script key of their surname

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 12:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

SUFFIXES = {"jr.", "jr", "junior", "sr.", "senior"}


def _refile(key_of) -> None:
    """Every person's key computed again by ``key_of`` (a name -> its key)."""
    conn = op.get_bind()
    people = conn.execute(sa.text("select id, name from entities where kind = 'person'")).fetchall()
    conn.execute(sa.text("delete from entity_keys"))
    rows = [{"key": key_of(name), "entity": eid} for eid, name in people]
    if rows:
        conn.execute(sa.text("insert into entity_keys (key, entity) values (:key, :entity)"), rows)


def upgrade() -> None:
    from khabar.store import person_key

    _refile(person_key)


def downgrade() -> None:
    def first_letters(name: str) -> str:
        words = [w for w in name.lower().replace("’", "'").split() if w not in SUFFIXES]
        return "sur:" + (words[-1][:2] if words else "")

    _refile(first_letters)
