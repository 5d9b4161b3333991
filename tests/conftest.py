"""Shared fixtures.  ``../shared`` (the user's seeds, recorded API answers) is
read-only material beside the project; tests that need it skip, saying why,
when it is absent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.paths import ROOT

pytest_plugins = ["tests.fakes.s2", "tests.fakes.openalex"]

SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
RECORDED = SHARED / "s2-recorded"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds is absent ({SEEDS}): the user's seed lists are not here")
    return SEEDS


@pytest.fixture(scope="session")
def seed_files(seeds_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt"))


@pytest.fixture(scope="session")
def recorded_dir() -> Path:
    if not RECORDED.is_dir():
        pytest.skip(f"../shared/s2-recorded is absent ({RECORDED}): no recorded API answers")
    return RECORDED


# ------------------------------------------------------- a real browser (session-wide)
# One Chromium for every browser test module: playwright's sync API cannot run
# twice at once in one thread.

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, which .ci/run installs; the browser tests skip, saying why, without it."""
    path = _find_chromium()
    if path is None:
        pytest.skip("no chromium to drive: install Debian's chromium (bash .ci/run does, as root)")
    return path


@pytest.fixture(scope="session")
def browser(chromium):
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright's Python package is missing: pip install -e '.[test]'"
    )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()
