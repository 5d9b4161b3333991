"""The main job: ``citegraph report`` against the fake API, and the offline ``demo``."""

from __future__ import annotations


import json
import re

import pytest
from click.testing import CliRunner
from tests.fakes.s2 import World

from citegraph.cli import main
from citegraph.lists.reader import read_lists
from citegraph.graph.model import has_kind, load_graph
from citegraph.reporting import OUTPUT_FILES, example_list_path


def names_of(links):
    return {(link["parent"]["name"], link["child"]["name"]) for link in links}


def test_demo_builds_a_meaningful_graph_offline(tmp_path):
    out = tmp_path / "demo"
    result = CliRunner().invoke(main, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_FILES)
    assert "Citations were not fetched" in result.output
    assert "citegraph report LIST... --out DIR" in result.output
    assert "by influence (PageRank on mentions and lineage links, because no citations were fetched)" in result.output
    links = json.loads((out / "lineage.json").read_text(encoding="utf-8"))
    assert {("Chameleon", "Anole"), ("Janus", "JanusFlow"), ("Janus", "Janus-Pro")} <= names_of(links)
    G = load_graph(out / "graph.json")
    entries = read_lists([example_list_path()]).entries
    assert G.number_of_nodes() == len(entries)
    assert not any(has_kind(d, "cites") for _, _, d in G.edges(data=True))  # nothing was fetched
    builds_on = sum(has_kind(d, "builds_on") for _, _, d in G.edges(data=True))
    assert builds_on == len(links)
    rankings = (out / "rankings.csv").read_text(encoding="utf-8").splitlines()
    assert rankings[0].startswith("id,arxiv,title,name,year,pagerank")
    assert len(rankings) == 1 + len(entries)
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']https?://", html)


@pytest.fixture
def example_world(make_fake_s2):
    entries = read_lists([example_list_path()]).entries
    world = World.from_entries(entries, seed=3, missing_ids=[f"ARXIV:{entries[5].arxiv}"])
    return entries, make_fake_s2(world)


def test_report_fetches_writes_everything_and_reruns_from_the_cache(example_world, tmp_path):
    entries, server = example_world
    cache = tmp_path / "cache.sqlite"
    args = ["report", str(example_list_path()), "--cache", str(cache), "--api-url", server.url,
            "--min-interval", "0", "--quiet"]
    first = CliRunner().invoke(main, [*args, "--out", str(tmp_path / "a")])
    assert first.exit_code == 0, first.output
    assert f"resolved {len(entries) - 1}/{len(entries)}, {server.count()} requests, 0 from cache, 1 unresolved" in first.output
    out = tmp_path / "a"
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_FILES)
    unresolved = (out / "unresolved.csv").read_text(encoding="utf-8").splitlines()
    assert unresolved[0] == "entry,title,source,reason" and len(unresolved) == 2
    assert unresolved[1].startswith(entries[5].key)
    G = load_graph(out / "graph.json")
    assert any(has_kind(d, "cites") for _, _, d in G.edges(data=True))
    assert sum(bool(d.get("listed")) for _, d in G.nodes(data=True)) == len(entries)
    assert "by influence (PageRank on citations)" in first.output

    server.reset_log()
    warm = CliRunner().invoke(main, [*args, "--offline", "--out", str(tmp_path / "b")])
    assert warm.exit_code == 0, warm.output
    assert server.count() == 0
    assert "0 requests" in warm.output
    a = json.loads((out / "lineage.json").read_text(encoding="utf-8"))
    b = json.loads((tmp_path / "b" / "lineage.json").read_text(encoding="utf-8"))
    assert a == b

    # a plain re-run (network allowed) asks for nothing it already has, the
    # id Semantic Scholar did not know included
    again = CliRunner().invoke(main, [*args, "--out", str(tmp_path / "c")])
    assert again.exit_code == 0, again.output
    assert server.count() == 0, server.log()
    assert json.loads((tmp_path / "c" / "lineage.json").read_text(encoding="utf-8")) == a


def kind_counts(G):
    return {k: sum(has_kind(d, k) for _, _, d in G.edges(data=True)) for k in ("cites", "builds_on", "mentions")}


def test_summary_states_the_counts_of_the_written_graph(tmp_path):
    out = tmp_path / "demo"
    result = CliRunner().invoke(main, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    G = load_graph(out / "graph.json")
    n = kind_counts(G)
    listed = sum(bool(d.get("listed")) for _, d in G.nodes(data=True))
    assert n["builds_on"] and n["mentions"] and sum(n.values()) > G.number_of_edges()  # the demo has overlaps
    assert result.output.splitlines()[0] == (
        f"The graph has {G.number_of_nodes()} papers ({listed} from the lists) and {G.number_of_edges()} links: "
        f"{n['cites']} citations, {n['builds_on']} lineage links (builds_on) and {n['mentions']} mentions; "
        "a link can be of more than one kind."
    )
    links = json.loads((out / "lineage.json").read_text(encoding="utf-8"))
    assert f"{len(links)} lineage links parent → child: " in result.output


def test_report_no_fetch_reads_only_the_lists(tmp_path, make_fake_s2):
    server = make_fake_s2(World())
    cache = tmp_path / "never.sqlite"
    env = {"CITEGRAPH_CACHE": str(cache), "CITEGRAPH_S2_URL": server.url, "S2_API_KEY": "k"}
    out = tmp_path / "nf"
    result = CliRunner().invoke(main, ["report", str(example_list_path()), "--no-fetch", "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    assert server.count() == 0 and not cache.exists()
    assert "Citations were not fetched" in result.output and "requests" not in result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_FILES)
    G = load_graph(out / "graph.json")
    assert kind_counts(G)["cites"] == 0 and kind_counts(G)["builds_on"] > 0
    assert G.number_of_nodes() == len(read_lists([example_list_path()]).entries)


@pytest.mark.parametrize("option", [["--citations"], ["--offline"], ["--cache", "x.sqlite"]])
def test_report_no_fetch_refuses_fetch_options(option, tmp_path):
    result = CliRunner().invoke(main, ["report", str(example_list_path()), "--no-fetch", *option,
                                       "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert f"--no-fetch fetches nothing: drop {option[0]}" in result.output
    assert not (tmp_path / "x").exists()


def test_report_library_refuses_fetch_options_without_fetch(tmp_path):
    from citegraph.errors import UsageError
    from citegraph.reporting import report

    with pytest.raises(UsageError, match="citations"):
        report([example_list_path()], tmp_path / "x", fetch=False, citations=True)


def test_communities_csv_has_one_row_per_community_of_the_rankings(tmp_path):
    import pandas as pd

    from citegraph.reporting import COMMUNITY_COLUMNS

    out = tmp_path / "demo"
    assert CliRunner().invoke(main, ["demo", "--out", str(out)]).exit_code == 0
    table = pd.read_csv(out / "communities.csv", keep_default_na=False)
    ranks = pd.read_csv(out / "rankings.csv")
    G = load_graph(out / "graph.json")
    assert list(table.columns) == COMMUNITY_COLUMNS
    sizes = ranks["community"].value_counts()
    assert dict(zip(table["community"], table["size"])) == sizes.to_dict()
    # communities largest first, then the papers in groups of one or two, gathered
    real = table[table["words"] != "unclustered"]
    assert list(real["size"]) == sorted(real["size"], reverse=True) and real["size"].min() >= 3
    assert list(table["words"]).count("unclustered") == 1 and table["words"].iloc[-1] == "unclustered"
    assert table["size"].sum() == G.number_of_nodes()
    pagerank = ranks.set_index("id")["pagerank"]
    community = ranks.set_index("id")["community"]
    for row in table.itertuples(index=False):
        ids = row.central_ids.split("; ")
        members = community[community == row.community].index
        assert len(ids) == min(3, row.size) and set(ids) <= set(members)
        # the most central members, most central first
        assert list(pagerank[ids]) == sorted(pagerank[members], reverse=True)[: len(ids)]
        assert row.central_papers.split("; ") == [G.nodes[i].get("name") or G.nodes[i].get("title") or i for i in ids]
        titles = " ".join((G.nodes[m].get("title") or "").casefold() for m in members)
        if row.words != "unclustered":
            assert all(w in titles for w in row.words.split(", ") if w)
    assert (real["words"] != "").all()


def test_every_output_file_is_named_in_the_help_and_the_readme():
    from tests.conftest import ROOT

    helped = " ".join(CliRunner().invoke(main, ["report", "--help"]).output.split())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in OUTPUT_FILES:
        assert name in helped, f"citegraph report --help does not name {name}"
        assert re.search(rf"[`/]{re.escape(name)}`", readme), f"README does not name {name}"


def test_report_offline_says_what_the_cache_lacked(example_world, tmp_path):
    entries, server = example_world
    extra = tmp_path / "extra.md"
    extra.write_text("# Extra\n\n- **Delta: Another Model** ([arXiv:2409.00404](https://arxiv.org/abs/2409.00404)), "
                     "2024. A model that nobody has fetched yet.\n", encoding="utf-8")
    args = ["report", str(example_list_path()), "--cache", str(tmp_path / "c.sqlite"), "--api-url", server.url,
            "--min-interval", "0", "--quiet"]
    assert CliRunner().invoke(main, [*args, "--out", str(tmp_path / "a")]).exit_code == 0
    server.reset_log()
    result = CliRunner().invoke(main, [*args, str(extra), "--offline", "--out", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert server.count() == 0
    assert re.search(r"offline: 1 items? not in the cache", result.stderr) and "ARXIV:2409.00404" in result.stderr
    rows = (tmp_path / "b" / "unresolved.csv").read_text(encoding="utf-8").splitlines()
    assert any(r.startswith("arxiv:2409.00404,Delta: Another Model,") and "(offline)" in r for r in rows[1:])


def test_report_rankings_are_rank_papers_of_the_graph(tmp_path):
    # report runs community detection once for rankings.csv and communities.csv
    import citegraph

    result = citegraph.report([example_list_path()], tmp_path / "r", fetch=False)
    expected = citegraph.rank_papers(result.graph)
    assert result.rankings.reset_index(drop=True).equals(expected.reset_index(drop=True))


def test_report_summary_leaves_the_year_blank_when_a_top_paper_has_none(tmp_path):
    """A DOI-only entry has no year until Semantic Scholar says it: the summary must not trip on it."""
    lst = tmp_path / "doi.md"
    lst.write_text("- KGAT: Knowledge Graph Attention Network for Recommendation. https://doi.org/10.1145/3292500.3330701\n"
                   "- [Chameleon: Mixed-Modal Early-Fusion Foundation Models](https://arxiv.org/abs/2405.09818)\n")
    result = CliRunner().invoke(main, ["report", str(lst), "--out", str(tmp_path / "out"), "--no-fetch"])
    assert result.exit_code == 0, result.output
    top = [re.sub(r"^\s+\d+\. ", "", l) for l in result.output.splitlines() if re.match(r"\s+\d+\. ", l)]
    assert sorted(top) == ["Chameleon (2024)", "KGAT"]


def test_report_on_lists_without_papers_is_an_error_naming_them(tmp_path):
    lst = tmp_path / "prose.md"
    lst.write_text("Just prose: no paper, no link, no id.\n")
    result = CliRunner().invoke(main, ["report", str(lst), "--out", str(tmp_path / "out"), "--no-fetch"])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == f"Error: {lst}: no papers found (no arXiv/DOI/Semantic Scholar id, link or paper title)"


def test_edges_csv_evidence_is_json_a_script_can_read(tmp_path):
    import csv

    result = CliRunner().invoke(main, ["demo", "--out", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    with (tmp_path / "d" / "edges.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["kind"] == "builds_on"]
    assert rows
    for row in rows:
        evidence = json.loads(row["evidence"])
        assert evidence and all({"kind", "detail"} <= set(item) <= {"kind", "detail", "source"} for item in evidence)


def test_report_shows_itself_in_a_notebook_escaped(tmp_path):
    import citegraph

    notes = tmp_path / "notes.md"
    notes.write_text(
        "# List\n\n"
        "- [Chameleon: Mixed-Modal Early-Fusion Foundation Models](https://arxiv.org/abs/2405.09818)\n"
        "- [ANOLE: An Open Model](https://arxiv.org/abs/2407.06135) builds on Chameleon.\n",
        encoding="utf-8")
    result = citegraph.report([notes], tmp_path / "out", fetch=False)
    # strings from lists and the API are data: a name with markup is shown, never run
    result.rankings.loc[0, "name"] = "<script>alert(1)</script>"
    html = result._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Top 2 by influence (PageRank on mentions and lineage links, because no citations were fetched)" in html
    assert "<table" in html and "Chameleon" in html
    assert "data:image/png;base64," in html  # the lineage picture (matplotlib is a test dependency)
    assert repr(result) == f"ReportResult(out_dir={str(tmp_path / 'out')!r}, papers=2, links=1, lineage_links=1)"


def test_papers_csv_sources_are_relative_to_where_the_command_ran(tmp_path, monkeypatch):
    import csv

    import citegraph

    (tmp_path / "notes").mkdir()
    notes = tmp_path / "notes" / "list.md"
    notes.write_text("# L\n\n- [Chameleon: Mixed-Modal Early-Fusion Foundation Models](https://arxiv.org/abs/2405.09818)\n",
                     encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = citegraph.report([notes.resolve()], "out", fetch=False)
    rows = list(csv.DictReader(result.files["papers.csv"].open(encoding="utf-8")))
    assert rows[0]["sources"] == "notes/list.md:3"


def test_csv_floats_carry_six_significant_digits(tmp_path):
    import citegraph

    result = citegraph.report([example_list_path()], tmp_path / "r", fetch=False)
    header, first = result.files["rankings.csv"].read_text(encoding="utf-8").splitlines()[:2]
    cells = dict(zip(header.split(","), first.split(",")))
    digits = cells["pagerank"].replace("0.", "", 1).lstrip("0").split("e")[0].replace(".", "")
    assert 0 < len(digits) <= 6 and float(cells["pagerank"]) == pytest.approx(result.rankings["pagerank"][0], rel=1e-5)
