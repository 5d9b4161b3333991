"""Shared fixtures.  ``../shared`` (the user's seeds, recorded API answers) is
read-only material beside the project; tests that need it skip, saying why,
when it is absent."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytest_plugins = ["fake_s2"]

ROOT = Path(__file__).resolve().parents[1]
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
    path = _find_chromium()
    if path is None and shutil.which("apt-get") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, timeout=600)
        subprocess.run(["apt-get", "install", "-y", "chromium"], env=env, capture_output=True, timeout=1200)
        path = _find_chromium()
    if path is None:
        reason = "not root" if os.geteuid() != 0 else "apt-get install -y chromium failed"
        pytest.skip(f"no chromium to drive: Debian's chromium is not installed and cannot be ({reason})")
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
