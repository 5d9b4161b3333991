"""Fixes in the fetch layer and the command line: a 404 that is not the API's
"not found", a cache damaged deep inside, output folders that do not exist,
warnings under --quiet, and an unresolved CSV left by an earlier run."""

from __future__ import annotations

import re
import sqlite3

import pytest
from tests.factories.cli import run

from citegraph.errors import CacheError, FetchError
from citegraph.fetch.cache import Cache
from citegraph.fetch.s2 import S2Client, S2NotFound

# the one paper the fake API of the ``server`` fixture (tests/cli/conftest.py) knows
TITLE = "Chameleon: Mixed-Modal Early-Fusion Foundation Models"
PID = "a" * 40


def build(list_path, out, server_url, cache, *more: object):
    return run("build", list_path, "-o", out, "--api-url", server_url, "--cache", cache,
               "--min-interval", "0", "--quiet", *more)


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------ 1. a 404 that is not "no match"


def test_only_the_apis_own_not_found_body_means_not_found(server):
    client = S2Client(server.url, min_interval=0)
    assert client.match_title("A title no paper has at all", ["title"]) is None  # "Title match not found"
    assert client.paper("ARXIV:2101.99999", ["title"]) is None  # "Paper with id ... not found"
    with pytest.raises(S2NotFound):
        client.list_page("ARXIV:2101.99999", "references", offset=0)
    typo = S2Client(server.url + "/typo", min_interval=0)
    for call in (lambda: typo.match_title(TITLE, ["title"]), lambda: typo.paper(PID, ["title"]),
                 lambda: typo.list_page(PID, "references", offset=0),
                 lambda: typo.paper_batch([PID], ["title"])):
        with pytest.raises(FetchError, match=r"404 \(Endpoint not found.*/typo/paper.*check the API URL") as info:
            call()
        assert not isinstance(info.value, S2NotFound)


def test_a_wrong_api_url_is_an_error_and_caches_no_negative_answer(server, tmp_path):
    listed = write(tmp_path / "l.md", f"# A\n- Title: {TITLE}\n")
    cache = tmp_path / "c.sqlite"
    wrong = build(listed, tmp_path / "g.json", server.url + "/typo", cache)
    assert wrong.exit_code == 1 and isinstance(wrong.exception, SystemExit)
    assert "Error: " in wrong.stderr and "/typo/paper/search/match" in wrong.stderr
    with Cache(cache) as c:
        assert c.counts()["aliases"] == 0
    right = build(listed, tmp_path / "g.json", server.url, cache)
    assert right.exit_code == 0, right.output
    summary = right.stderr.strip().splitlines()[-1]
    assert summary.startswith("resolved 1/1, ") and "0 from cache, 0 unresolved" in summary, summary


# ---------------------------------------------- 2. a cache damaged deep inside


def _smash_table(path, table: str) -> None:
    """Overwrite the root page of ``table`` with junk; page 1 (the schema) and ``meta`` stay sound."""
    with sqlite3.connect(path) as db:
        (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name=?", (table,)).fetchone()
        (size,) = db.execute("PRAGMA page_size").fetchone()
    db.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\x07" * size)


def test_a_damaged_page_raises_cache_error_from_reads_and_writes(tmp_path):
    path = tmp_path / "c.sqlite"
    with Cache(path) as cache, cache.transaction():
        for i in range(300):
            cache.put_paper({"paperId": f"p{i}", "title": f"Paper {i} " + "x" * 200}, full=True)
        cache.put_alias("ARXIV:1", "p1")
    _smash_table(path, "papers")
    with Cache(path) as cache:  # opening reads only the schema and meta: still fine
        corrupt = rf"^{re.escape(str(path))}: the cache is corrupt \(.+\); delete it or pass another --cache"
        with pytest.raises(CacheError, match=corrupt):
            cache.get_paper("p1")
        with pytest.raises(CacheError, match="the cache is corrupt"):
            cache.get_papers([f"p{i}" for i in range(300)])
        with pytest.raises(CacheError, match="the cache is corrupt"), cache.transaction():
            cache.put_paper({"paperId": "new", "title": "New"}, full=True)
        # the failed write was rolled back: the sound tables still take writes
        with cache.transaction():
            cache.put_alias("ARXIV:2", "p2")
        assert cache.get_alias("ARXIV:2").paper_id == "p2"


def test_build_on_a_damaged_cache_prints_one_error_line(server, tmp_path):
    listed = write(tmp_path / "ids.txt", "2405.09818\n")
    cache = tmp_path / "c.sqlite"
    assert build(listed, tmp_path / "g.json", server.url, cache).exit_code == 0
    _smash_table(cache, "aliases")
    result = build(listed, tmp_path / "g.json", server.url, cache)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    assert result.stderr.strip() == (
        f"Error: {cache}: the cache is corrupt (database disk image is malformed); "
        "delete it or pass another --cache"
    )


# ------------------------------------------------ 3. output folders


def test_build_creates_the_folders_of_every_output(server, tmp_path):
    listed = write(tmp_path / "ids.txt", "2405.09818\n2101.99999\n")
    out = tmp_path / "a" / "g.json"
    csv, graphml = tmp_path / "b" / "u.csv", tmp_path / "c" / "d" / "g.graphml"
    result = build(listed, out, server.url, tmp_path / "c.sqlite", "--unresolved-csv", csv, "--graphml", graphml)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size and graphml.stat().st_size
    assert csv.read_text(encoding="utf-8").splitlines()[1].startswith("arxiv:2101.99999,")


@pytest.mark.parametrize("option", ["-o", "--unresolved-csv", "--graphml"])
def test_build_fails_before_fetching_when_an_output_cannot_be_written(server, tmp_path, option):
    listed = write(tmp_path / "ids.txt", "2405.09818\n")
    blocker = write(tmp_path / "afile", "a file where a folder should be\n")
    bad = blocker / "x.out"
    out = bad if option == "-o" else tmp_path / "g.json"
    more = [] if option == "-o" else [option, bad]
    result = build(listed, out, server.url, tmp_path / "c.sqlite", *more)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    assert result.stderr.strip() == f"Error: {bad}: cannot write (a part of the path is a file, not a folder)"
    assert server.count() == 0


def test_html_report_demo_and_audit_name_an_output_they_cannot_write(server, tmp_path):
    listed = write(tmp_path / "ids.txt", "2405.09818\n")
    graph = tmp_path / "g.json"
    assert build(listed, graph, server.url, tmp_path / "c.sqlite").exit_code == 0
    blocker = write(tmp_path / "afile", "x\n")
    commands = [  # (the command line, the output it cannot write)
        (["html", graph, "-o", blocker / "g.html"], blocker / "g.html"),
        (["report", listed, "--out", blocker / "out", "--no-fetch"], blocker / "out"),
        (["demo", "--out", blocker / "demo"], blocker / "demo"),
        (["audit", graph, "--merge", "-o", blocker / "m.json"], blocker / "m.json"),
    ]
    for args, bad in commands:
        result = run(*args)
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), (args[0], result.exception)
        assert result.stderr.strip().splitlines()[-1] == (
            f"Error: {bad}: cannot write (a part of the path is a file, not a folder)"
        ), args[0]
    html = tmp_path / "new" / "dir" / "g.html"
    assert run("html", graph, "-o", html).exit_code == 0 and html.stat().st_size


# ------------------------------------------------ 4. --quiet keeps warnings


def test_quiet_drops_progress_bars_but_not_list_warnings(server, tmp_path):
    # line 2: a malformed arXiv link (4 digits after the dot)
    listed = write(tmp_path / "l.md", "# T\n- [Show-o](https://arxiv.org/abs/2408.1252)\n"
                                      "- Paper: https://arxiv.org/abs/2405.09818\n")
    fetched = build(listed, tmp_path / "g.json", server.url, tmp_path / "c.sqlite")
    text_only = run("report", listed, "--out", tmp_path / "out", "--no-fetch", "--quiet")
    for result in (fetched, text_only):
        assert result.exit_code == 0, result.output
        warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]
        assert any(f"{listed}:2:" in line for line in warnings), result.stderr


# ------------------------------------------------ 5. the unresolved CSV


def test_the_unresolved_csv_always_reflects_the_last_run(server, tmp_path):
    out, cache = tmp_path / "g.json", tmp_path / "c.sqlite"
    csv = tmp_path / "g.unresolved.csv"
    first = build(write(tmp_path / "ids.txt", "2405.09818\n2101.99999\n"), out, server.url, cache)
    assert first.exit_code == 0, first.output
    assert len(csv.read_text(encoding="utf-8").splitlines()) == 2
    second = build(write(tmp_path / "ids.txt", "2405.09818\n"), out, server.url, cache)
    assert second.exit_code == 0, second.output
    assert csv.read_text(encoding="utf-8").splitlines() == ["entry,title,source,reason"]
    assert second.stderr.strip().splitlines()[-1] == "resolved 1/1, 0 requests, 1 from cache, 0 unresolved"
