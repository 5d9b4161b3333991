"""Regenerate the README's pictures of the demo's lineage: ``python docs/make_pictures.py``.

Writes ``docs/lineage.svg`` (``citegraph lineage --format svg`` of the demo's
graph) and ``docs/lineage-view.png`` (the explorer's lineage view at
1280x720, taken in headless Chromium through playwright).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import citegraph

DOCS = Path(__file__).resolve().parent


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = citegraph.demo(Path(tmp) / "demo")
        (DOCS / "lineage.svg").write_text(citegraph.lineage_chart(result.links, "svg") + "\n", encoding="utf-8")
        from playwright.sync_api import sync_playwright

        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.goto((result.out_dir / "graph.html").resolve().as_uri() + "#view=lineage")
            page.wait_for_function("document.body.dataset.ready === '1'")
            page.wait_for_timeout(300)
            page.screenshot(path=str(DOCS / "lineage-view.png"))
            browser.close()
    print(f"wrote {DOCS / 'lineage.svg'} and {DOCS / 'lineage-view.png'}", file=sys.stderr)


if __name__ == "__main__":
    main()
