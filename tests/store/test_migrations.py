"""A store made by an earlier version keeps all its data when opened (and migrated) by this one.

``data/store-0001.db`` was written by khabar at schema revision 0001 (two sample documents). Each new
migration must keep this test passing; when the schema changes, add a fixture made by the release before.
"""
import shutil
from pathlib import Path

from sqlalchemy import create_engine, text

from khabar.records import Event, Statement
from khabar.store import MIGRATIONS, Store

FIXTURE = Path(__file__).with_name("data") / "store-0001.db"


def _head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def test_old_store_opens_migrates_and_keeps_everything(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(FIXTURE, db)
    with Store(f"sqlite:///{db}") as store:
        docs = {d.url: d for d in store.documents()}
        assert set(docs) == {"https://wire.example.org/2021/10/07/uzbek-minister-taliban-kabul",
                             "https://wire.example.org/2021/11/15/tajikistan-denies-panjshir-support"}
        assert docs["https://wire.example.org/2021/11/15/tajikistan-denies-panjshir-support"].title.startswith("Tajikistan again")
        assert {e.name for e in store.entities()} >= {"Abdulaziz Kamilov", "Taliban", "Tajikistan"}
        assert any(e.type == "CONSULT" for e in store.items(Event))
        assert any(s.cue == "deny" for s in store.items(Statement))
    with create_engine(f"sqlite:///{db}").connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar_one() == _head()
