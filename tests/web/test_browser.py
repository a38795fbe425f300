"""The workbench in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against a real
uvicorn server on a loopback port: marks, records, the dossier, the events filter, charts, the ingest form, escaping."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from khabar.web import create_app
from khabar.web.server import background
from tests.web.conftest import TOKEN, build_store, settings

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; 'make test' installs the chromium package")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    folder = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{folder / 'k.db'}"
    build_store(url, folder)
    with background(create_app(url, token=TOKEN, settings=settings(url))) as base:
        yield base


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A page whose console errors, CSP violations and script errors are collected in ``page.problems``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: page.problems.append(str(exc)))
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.base = server
    yield page
    context.close()


def test_document_marks_click_an_event_and_follow_it_to_the_dossier(page):
    page.goto(page.base + "/documents/wire-steppe")
    for kind in ("entity", "event", "statement", "figure", "date"):
        assert page.locator(f"mark[data-kind={kind}][data-id]").count() > 0, kind
    event = page.locator("mark[data-kind=event]", has_text="deployed").first
    event.click(position={"x": 3, "y": 5})
    record = page.locator("#record")
    assert record.locator("h2").inner_text().lower() == "event"
    assert record.locator("dd[data-field=type]").inner_text() == "MOBILIZE"
    assert record.locator("dd[data-field=mode]").inner_text() == "asserted"
    assert record.locator("dd[data-field=date]").inner_text() == "Monday (2023-03-13)"
    assert page.locator("mark.current").count() >= 1
    record.locator("dd[data-field=source] a").click()
    page.wait_for_url("**/actors/**")
    assert page.locator("h1").inner_text() == "Mongolia"
    assert page.locator("svg.graph").count() == 1 and page.locator("table").first.locator("tbody tr").count() >= 1
    assert page.problems == []


def test_events_table_filters_in_place_and_offers_the_filter_as_downloads(page):
    page.goto(page.base + "/events")
    rows = page.locator("table.events tbody tr").count()
    assert rows == page.request.get(page.base + "/api/events").json()["total"] >= 7  # one row per event, a copy's once
    page.select_option("select[name=type]", "REQUEST")
    expect(page.locator("table.events tbody tr")).to_have_count(1)  # (wait_for_function would need eval, which the CSP forbids)
    assert page.locator("table.events tbody td.type").all_inner_texts() == ["REQUEST"]
    assert "type=REQUEST" in page.url  # the filter is in the address, to share or reload
    assert "type=REQUEST" in page.get_attribute("#download-csv", "href") and "format=csv" in page.get_attribute("#download-csv", "href")
    with page.expect_download() as got:
        page.click("#download-csv")
    assert Path(got.value.path()).read_text().splitlines()[1].split(",")[3] == "REQUEST"
    assert page.problems == []


def _drawn(page, selector: str) -> bool:
    return page.eval_on_selector(selector, """node => {
        const canvas = node.querySelector('canvas');
        if (!canvas || !canvas.width) return false;
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
        return false;
    }""")


def test_charts_are_drawn(page):
    page.goto(page.base + "/")
    page.wait_for_selector("[data-chart=timeline][data-drawn=yes]")
    assert _drawn(page, "[data-chart=timeline]")
    page.goto(page.base + "/figures")
    page.wait_for_selector("[data-chart=series][data-drawn=yes]")
    assert _drawn(page, "[data-chart=series]")
    assert page.problems == []


def test_ingest_form_with_the_token(page):
    page.goto(page.base + "/ingest")
    page.fill("textarea[name=text]", "Laos signed a trade agreement with Vietnam in Vientiane on Wednesday.")
    page.fill("input[name=title]", "Laos and Vietnam sign a trade deal")
    page.fill("input[name=published]", "2024-05-02")
    page.fill("#token", "not-the-token")
    page.click("#ingest-form button")
    page.wait_for_selector("#progress .error")
    assert page.inner_text("#progress .error") == "khabar: the token is not valid (unknown or revoked)"
    assert any("403" in p for p in page.problems)
    page.problems.clear()  # that refusal was expected
    page.fill("#token", TOKEN)
    page.click("#ingest-form button")
    page.wait_for_selector(".job[data-finished=yes]", timeout=60_000)
    page.click(".job a")
    assert page.locator("h1").inner_text() == "Laos and Vietnam sign a trade deal"
    assert page.locator("mark[data-kind=event]").count() >= 1
    assert page.problems == [], page.problems


def test_hostile_title_and_body_render_as_text_and_run_nothing(page):
    for path in ["/documents/hostile", "/", "/search?q=bridge", "/events?copies=true"]:
        page.goto(page.base + path)
        assert page.evaluate("window.__pwned === undefined"), path
    page.goto(page.base + "/documents/hostile")
    assert page.locator("h1").inner_text() == "<script>window.__pwned = 'title'</script>Breaking"
    assert "<img src=x onerror=" in page.inner_text("#text")
    assert page.locator("#text img, #text script, h1 script").count() == 0
    assert page.problems == []
