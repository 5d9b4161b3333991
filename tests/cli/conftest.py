"""Fixtures shared by the command-line tests."""

from __future__ import annotations

import pytest
from tests.fakes.s2 import World

CHAMELEON = "Chameleon: Mixed-Modal Early-Fusion Foundation Models"


@pytest.fixture
def server(make_fake_s2):
    """A fake API that knows one paper, Chameleon (paperId ``"a" * 40``), by arXiv id and by title."""
    world = World()
    world.add_paper({"paperId": "a" * 40, "title": CHAMELEON, "year": 2024, "externalIds": {"ArXiv": "2405.09818"}})
    return make_fake_s2(world.finish())
