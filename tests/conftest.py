"""Shared fixtures.  ``../shared`` (the user's seeds, recorded API answers) is
read-only material beside the project; tests that need it skip, saying why,
when it is absent."""

from __future__ import annotations

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
