"""``watch`` against a fake API whose world changes between two runs reports exactly what
changed (new citers, a new family member found by name search, a new version), spends few
requests, says how many, and answers offline from the cache."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from citegraph.cli import main
from citegraph.lists.entry import Entry
from citegraph.reporting import watch
from tests.fakes.s2 import World

LIST = """# Unified models

- [Janus: Decoupling Visual Encoding for Unified Multimodal Understanding](https://arxiv.org/abs/2410.13848)
- [Chameleon: Mixed-Modal Early-Fusion Foundation Models](https://arxiv.org/abs/2405.09818)

# Tokenizers

- [TokenFlow: Unified Image Tokenizer for Multimodal Understanding and Generation](https://arxiv.org/abs/2412.03069)
"""


@pytest.fixture
def world_and_list(tmp_path):
    lst = tmp_path / "list.md"
    lst.write_text(LIST, encoding="utf-8")
    entries = [Entry(arxiv="2410.13848", title="Janus: Decoupling Visual Encoding for Unified Multimodal Understanding",
                     name="Janus", year=2024, tags=["Unified models"]),
               Entry(arxiv="2405.09818", title="Chameleon: Mixed-Modal Early-Fusion Foundation Models",
                     name="Chameleon", year=2024, tags=["Unified models"]),
               Entry(arxiv="2412.03069", title="TokenFlow: Unified Image Tokenizer for Multimodal Understanding and "
                     "Generation", name="TokenFlow", year=2024, tags=["Tokenizers"])]
    world = World.from_entries(entries, seed=5, pool_size=6, long_fraction=0.0, null_fraction=0.0)
    pid = {e.arxiv: p for p, e in zip(world.entry_keys, entries)}
    world.add_citer("An early survey of unified models", [pid["2410.13848"]], year=2025)
    return world, lst, pid


def test_watch_reports_exactly_what_changed_between_two_runs(world_and_list, make_fake_s2, tmp_path, monkeypatch):
    world, lst, pid = world_and_list
    server = make_fake_s2(world)
    monkeypatch.chdir(tmp_path)
    opts = dict(api_url=server.url, cache=tmp_path / "c.sqlite", min_interval=0, quiet=True)
    first = watch([lst], **opts)
    assert first.baseline is None and len(first.changes) == 0
    assert "First watch" in first.summary()
    first_requests = first.stats["requests"]
    assert first_requests == server.count() > 0

    # a week later: two new papers cite listed ones, a new Janus model appears (citing nothing listed),
    # and the Chameleon preprint is published
    new_a = world.add_citer("Harmonizing tokens for generation", [pid["2412.03069"], pid["2405.09818"]], year=2026)
    new_b = world.add_citer("A benchmark of mixed-modal models", [pid["2405.09818"]], year=2026)
    member = world.add_citer("Janus-Pro: Unified Multimodal Understanding and Generation with Data Scaling", [],
                             year=2026, arxiv="2501.17811")
    # and a new TokenFlow model that cites TokenFlow: a family member found among the citers
    cited_member = world.add_citer("TokenFlow-2: Scaling the Unified Image Tokenizer", [pid["2412.03069"]],
                                   year=2026)
    world.papers[pid["2405.09818"]]["venue"] = "ICLR"
    server.reset_log()
    second = watch([lst], tmp_path / "out", **opts)
    got = {(r["change"], r["id"]) for r in second.changes.to_dict("records")}
    assert got == {("new_citer", new_a), ("new_citer", new_b), ("new_family_member", member),
                   ("new_family_member", cited_member), ("new_version", pid["2405.09818"])}
    rows = {r["id"]: r for r in second.changes.to_dict("records")}
    assert rows[new_a]["section"] in {"Tokenizers", "Unified models"} and rows[new_a]["cites_listed"] == 2
    assert rows[member]["section"] == "Unified models"
    assert rows[member]["reasons"][0] == "its name is of the listed Janus family (found by name search)"
    assert rows[cited_member]["section"] == "Tokenizers"
    assert "now published in ICLR" in rows[pid["2405.09818"]]["reasons"][0]
    # cheap: one batch, one citation page per listed paper, one search per family
    assert second.stats["requests"] == server.count() == 1 + 3 + 3
    assert "7 requests" in second.summary()
    patch = (tmp_path / "out" / "watch.patch").read_text(encoding="utf-8")
    # the patch: the family member and the citer of two listed papers, not the citer of one
    assert "Janus-Pro" in patch and "Harmonizing tokens" in patch and "benchmark of mixed" not in patch

    # nothing new on a third run; offline it asks nothing and still answers
    server.reset_log()
    third = watch([lst], **opts, offline=True)
    assert len(third.changes) == 0 and server.count() == 0 and third.stats["requests"] == 0


def test_watch_since_a_date_without_an_earlier_run_counts_papers_of_that_year_on(world_and_list, make_fake_s2,
                                                                                    tmp_path):
    world, lst, _ = world_and_list
    server = make_fake_s2(world)
    res = CliRunner().invoke(main, ["watch", str(lst), "--since", "2025-01-01", "--format", "json",
                                    "--api-url", server.url, "--cache", str(tmp_path / "c.sqlite"),
                                    "--min-interval", "0", "--quiet"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [r["title"] for r in rows] == ["An early survey of unified models"]
    assert "requests" in res.stderr
    bad = CliRunner().invoke(main, ["watch", str(lst), "--since", "yesterday", "--cache", str(tmp_path / "c.sqlite")])
    assert bad.exit_code == 1 and "Error: --since takes 'last' or a date" in bad.output
