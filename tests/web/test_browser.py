"""End to end in real headless Chromium: search, open an article, open an actor; screenshots kept.

Needs the ``playwright`` pip package and a Chromium at /usr/bin/chromium (Debian: apt-get install chromium);
screenshots go to ``artifacts/screenshots/``.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("MARSAD_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

if not Path(CHROMIUM).is_file():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install playwright)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_db):
    import uvicorn

    from marsad.web import create_app

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    th.join(timeout=10)


@pytest.fixture(scope="module")
def page():
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
        pg = ctx.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("dialog", lambda d: errors.append(f"dialog: {d.message}") or d.dismiss())
        pg.errors = errors
        yield pg
        browser.close()


def test_browser_search_article_actor(server, page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.screenshot(path=str(SHOTS / "home.png"), full_page=True)

    page.fill(".big-search input[name=q]", "بموسكو")
    page.press(".big-search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    hits = page.locator("ol.hits li.hit")
    assert hits.count() >= 1
    assert page.locator(".facets").is_visible()
    assert page.locator("ol.hits mark").count() >= 1
    page.screenshot(path=str(SHOTS / "search.png"), full_page=True)

    page.locator("ol.hits li.hit a.title", has_text="إيران وروسيا").click()
    page.wait_for_url("**/articles/*")
    assert page.locator("h1").inner_text().startswith("إيران وروسيا")
    assert page.locator("#body span.ent-PER").count() >= 2
    assert page.locator("#body span.quote").count() >= 1
    assert page.locator("#body span.trigger").count() >= 3
    assert page.get_by_text("Kazem Jalali").first.is_visible()
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)

    page.locator("aside.side a", has_text="كاظم جلالي").first.click()
    page.wait_for_url("**/actors/**")
    assert "كاظم جلالي" in page.locator("h1").inner_text()
    assert page.locator("svg[aria-label=timeline]").is_visible()
    assert page.locator("svg[aria-label=network] g.node").count() >= 3
    page.screenshot(path=str(SHOTS / "actor.png"), full_page=True)

    page.goto(server + "/events?event_type=ACCUSE")
    assert page.locator("li.event").count() == 1
    page.screenshot(path=str(SHOTS / "events.png"), full_page=True)
    assert page.errors == []


def test_browser_markup_in_article_does_not_run(server, page):
    from records_fixture import evil_page

    page.goto(server + f"/articles/{evil_page().articles[0].id}")
    assert "<script>" in page.locator("h1").inner_text()  # shown as text
    assert page.locator("#body img, #body script, #body svg, #body b").count() == 0
    page.screenshot(path=str(SHOTS / "evil.png"), full_page=True)
    assert page.errors == []
