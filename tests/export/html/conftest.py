"""Browser fixtures of the explorer's tests: a page opened in Chromium with every request blocked and logged."""

from __future__ import annotations

from pathlib import Path

import pytest

from citegraph.export.html.page import write_html
from tests.export.html.factories import sample_graph
from tests.export.html.pages import Opened

@pytest.fixture(scope="module")
def sample():
    return sample_graph()


@pytest.fixture(scope="module")
def sample_html(sample, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "sample.html"
    write_html(sample, path)
    return path


@pytest.fixture
def opened(browser, sample_html):
    page = Opened(browser, sample_html)
    yield page
    page.close()


