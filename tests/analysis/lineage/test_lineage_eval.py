"""Lineage on the evaluation set: a fake API serving the papers' abstracts, TLDRs and citation contexts.

``tests/data/lineage_eval.csv`` labels successor links (``version``,
``derived``) and hard negatives among the papers of the seed lists and one
real list; ``tests/fakes/lineage_world.py`` gives those papers their words.
``citegraph.build`` fetches the lists from the fake API (targeted edge
details, the default) and the links are judged: recall by kind, precision on
the labelled pairs, reversed links, and the kind given.  Printed in every run.
In-sample figures (the file's header says why).
"""

from __future__ import annotations

import csv

import pytest

import citegraph
from citegraph.analysis.lineage import successors
from citegraph.lists.reader import read_lists
from tests.fakes.lineage_world import lineage_world
from tests.fakes.s2 import FakeS2
from tests.paths import DATA, SHARED

EVAL = DATA / "lineage_eval.csv"
REAL_LIST = SHARED / "reallists" / "BradyFU__Awesome-Multimodal-Large-Language-Models__README.md"


def labelled() -> list[dict[str, str]]:
    lines = [l for l in EVAL.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    return list(csv.DictReader(lines))


@pytest.fixture(scope="module")
def evaluated(seed_files, tmp_path_factory):
    if not REAL_LIST.exists():
        pytest.skip(f"{REAL_LIST} is absent")
    files = [*seed_files, REAL_LIST]
    world = lineage_world(read_lists(files).entries)
    with FakeS2(world) as server:
        result = citegraph.build(files, api_url=server.url, cache=tmp_path_factory.mktemp("eval") / "c.sqlite",
                                 min_interval=0, quiet=True, progress=False)
    return result, successors(result.graph)


def test_the_evaluation_set_is_well_formed():
    rows = labelled()
    assert {r["label"] for r in rows} == {"version", "derived", "none"}
    assert {r["split"] for r in rows} == {"in-sample", "held-out"}
    pairs = [(r["parent_arxiv"], r["child_arxiv"]) for r in rows]
    assert len(pairs) == len(set(pairs)) and all(r["reason"] for r in rows)
    assert sum(r["label"] == "version" for r in rows) >= 15 and sum(r["label"] == "derived" for r in rows) >= 10


def judge(rows: list[dict[str, str]], found: dict) -> dict:
    """Recall by kind, precision on the labelled pairs found, reversed links, kinds given."""
    truth = {(r["parent_arxiv"], r["child_arxiv"]): r["label"] for r in rows}
    positives = {k: v for k, v in truth.items() if v != "none"}
    recall = {}
    for kind in ("version", "derived"):
        want = [k for k, v in positives.items() if v == kind]
        recall[kind] = sum(k in found for k in want) / len(want) if want else None
    judged = [k for k in found if k in truth]
    right = [k for k in judged if truth[k] != "none"]
    return {
        "links": len(positives), "negatives": len(truth) - len(positives),
        "recall": sum(k in found for k in positives) / len(positives), "by_kind": recall,
        "precision": len(right) / len(judged) if judged else 0.0, "judged": len(judged),
        "reversed": [k for k in positives if (k[1], k[0]) in found],
        "kind_right": sum(1 for k in right if found[k]["kind"] == truth[k]), "right": len(right),
        "missed": sorted(k for k in positives if k not in found),
        "wrong": sorted(k for k in judged if truth[k] == "none"),
        "wrong_kind": sorted(f"{found[k]['parent']['name']}→{found[k]['child']['name']} ({found[k]['kind']})"
                             for k in right if found[k]["kind"] != truth[k]),
    }


def line(name: str, f: dict) -> str:
    kinds = ", ".join(f"{k} {v:.2f}" for k, v in f["by_kind"].items() if v is not None)
    return (f"{name} ({f['links']} links, {f['negatives']} hard negatives): recall {f['recall']:.2f} ({kinds}), "
            f"precision {f['precision']:.2f} on {f['judged']} judged links, {len(f['reversed'])} reversed, "
            f"kind right {f['kind_right']}/{f['right']}"
            f"\n  missed: {f['missed']}\n  wrong: {f['wrong']}\n  wrong kind: {f['wrong_kind']}")


def test_recall_and_precision_by_kind_meet_the_targets(evaluated, capsys):
    result, links = evaluated
    found = {(l["parent"]["arxiv"], l["child"]["arxiv"]): l for l in links}
    rows = labelled()
    tuned = judge([r for r in rows if r["split"] == "in-sample"], found)
    held = judge([r for r in rows if r["split"] == "held-out"], found)
    details = result.stats.get("edge_details", {})
    with capsys.disabled():
        print(
            "\n" + line("lineage evaluation set, in-sample", tuned)
            + "\n" + line("held-out rows (written after the rules were frozen; not asserted)", held)
            + f"\n  edge details: {details.get('requests')} requests for {details.get('papers')} of "
            f"{result.stats['resolved']} resolved listed papers ({details.get('why')})"
        )
    assert tuned["recall"] >= 0.8 and tuned["by_kind"]["derived"] >= 0.6 and tuned["by_kind"]["version"] >= 0.8
    assert tuned["precision"] >= 0.95 and not tuned["reversed"]


def test_every_link_quotes_its_words_with_their_source(evaluated):
    _, links = evaluated
    for link in links:
        assert link["kind"] in ("version", "derived")
        for item in link["evidence"]:
            if item["kind"] in ("text", "context"):
                assert item["source"] in ("list", "abstract", "tldr", "context") and item["detail"]


def test_contexts_name_papers_the_lists_do_not(evaluated):
    _, links = evaluated
    pix = next(l for l in links if l["child"]["arxiv"] == "2211.09800" and l["parent"]["arxiv"] == "2112.10752")
    assert any(e["kind"] == "context" and "Stable Diffusion" in e["detail"] for e in pix["evidence"])
    assert pix["kind"] == "derived"


def test_edge_details_cost_well_under_one_request_per_listed_paper(evaluated):
    result, _ = evaluated
    details = result.stats["edge_details"]
    assert 0 < details["requests"] <= 0.25 * result.stats["resolved"]
    assert set(details["why"]) <= set(citegraph.analysis.lineage.candidates.CANDIDATE_REASONS)


def test_builds_on_edges_carry_the_lineage_kind(evaluated):
    result, _ = evaluated
    G = result.graph
    kinds = {d.get("lineage_kind") for _, _, d in G.edges(data=True) if d.get("kind") == "builds_on"}
    assert kinds <= {"version", "derived"} and kinds
