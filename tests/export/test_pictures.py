"""The pictures: years on the axes, names beside their dots and never over another dot."""

from __future__ import annotations

import pytest

pytest.importorskip("matplotlib", reason="matplotlib draws the pictures (pip install -e '.[test]')")

import matplotlib  # noqa: E402

matplotlib.use("agg")

from citegraph.analysis.lineage import successors  # noqa: E402
from citegraph.analysis.rank import rank_papers  # noqa: E402
from citegraph.export.pictures import figure_png, lineage_figure, links_per_year_figure, ranking_figure  # noqa: E402
from citegraph.graph.model import add_link, add_paper, new_graph  # noqa: E402
from citegraph.lists.assemble import graph_from_entries  # noqa: E402
from citegraph.lists.reader import read_lists  # noqa: E402
from citegraph.reporting import example_list_path  # noqa: E402


@pytest.fixture(scope="module")
def example():
    G = graph_from_entries(read_lists([example_list_path()]).entries)
    return G, successors(G)


def whole_years(ax):
    ticks = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
    return len(ticks) >= 2 and all(float(t).is_integer() for t in ticks)


def test_lineage_figure_draws_every_link_with_names_clear_of_other_dots(example):
    G, links = example
    fig = lineage_figure(G, links)
    ax = fig.axes[0]
    assert whole_years(ax)
    dots = [(line.get_xdata()[0], line.get_ydata()[0]) for line in ax.lines]
    assert len(dots) == len({link["parent"]["id"] for link in links} | {link["child"]["id"] for link in links})
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)  # pyplot closed the figure: draw it on its own canvas
    canvas.draw()
    renderer = canvas.get_renderer()
    names = [t for t in ax.texts if t.get_text()]  # the arrows are empty annotations
    assert len(names) == len(dots)
    for text in names:
        box = text.get_window_extent(renderer)
        for dx, dy in dots:
            px, py = ax.transData.transform((dx, dy))
            assert not (box.x0 <= px <= box.x1 and box.y0 <= py <= box.y1), f"{text.get_text()!r} covers a dot"
    assert figure_png(fig).startswith(b"\x89PNG")


def test_lineage_figure_of_one_family_keeps_its_lineage_only(example):
    G, links = example
    ax = lineage_figure(G, links, family="Janus").axes[0]
    names = {t.get_text() for t in ax.texts}
    assert {"Janus", "JanusFlow", "Janus-Pro"} <= names and "Emu3" not in names


def test_links_per_year_says_when_no_citations_were_fetched(example):
    G, _ = example
    ax = links_per_year_figure(G).axes[0]
    assert "no citations were fetched" in ax.get_title() and whole_years(ax)
    cited = new_graph()
    for key, year in [("a", 2020), ("b", 2021), ("c", 2022)]:
        add_paper(cited, key, title=key, year=year)
    add_link(cited, "b", "a", "cites")
    add_link(cited, "c", "a", "cites")
    ax = links_per_year_figure(cited).axes[0]
    assert ax.get_title().startswith("Citations made per year")
    assert sorted(round(p.get_height()) for p in ax.patches) == [1, 1]


def test_ranking_figure_has_the_top_papers_largest_on_top(example):
    G, _ = example
    rankings = rank_papers(G)
    ax = ranking_figure(rankings, top=5).axes[0]
    labels = {tick: label.get_text() for tick, label in zip(ax.get_yticks(), ax.get_yticklabels())}
    assert labels[max(labels)].startswith(rankings["name"].iloc[0]) and len(labels) == 5  # the top one on top
    assert "no citations fetched" in ax.get_xlabel()
