"""Screenshots of the workbench's main pages, from the demo store, for the README.

    make demo && .venv/bin/python bench/screenshots.py [--db out/demo.db] [--out docs/screenshots]

Runs the app on a free loopback port and drives Debian's headless Chromium (/usr/bin/chromium) with
Playwright. A copy of the store is served, so the demo store is left as it was.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from khabar.store import Store
from khabar.web import create_app
from khabar.web.server import background

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]


def pages(store: Store) -> list[tuple[str, str, str | None, str | None]]:
    """(file name, path, selector to click first, selector of the part to show) for each picture."""
    docs = list(store.documents(text=False))
    reference = next((d for d in docs if "taking a stand" in (d.title or "").lower()), docs[0])
    busiest = max(store.entities(), key=lambda e: (len(e.docs), e.kind == "country"))
    return [("overview.png", "/", None, None),
            ("rhetoric.png", "/", None, "section.rhetoric"),
            ("search.png", "/search?q=refugees", None, None),
            ("document.png", f"/documents/{reference.id}", "mark[data-kind=event]", None),
            ("actor.png", f"/actors/{busiest.id}", None, None),
            ("events.png", "/events?mode=denied", None, None),
            ("figures.png", "/figures", None, None),
            ("ingest.png", "/ingest", None, None)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="out/demo.db")
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    if not Path(args.db).exists():
        raise SystemExit(f"khabar: {args.db}: no such store (run 'make demo' first)")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        shutil.copy(args.db, db)
        app = create_app(str(db))
        shown = pages(app.state.web.store)
        with background(app) as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1360, "height": 900}, device_scale_factor=1)
            for name, path, click, part in shown:
                page.goto(url + path)
                page.wait_for_load_state("networkidle")
                if click:
                    page.locator(click).first.click()
                if part:
                    page.locator(part).screenshot(path=str(out / name))
                else:
                    page.screenshot(path=str(out / name))
                print(f"{out / name}: {path}")
            browser.close()


if __name__ == "__main__":
    main()
