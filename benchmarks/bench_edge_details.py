"""Targeted edge details: what ``citegraph build`` spends on citation contexts for the seed lists.

``citegraph.build`` (the ``build``/``report`` commands) pages the reference
lists of the papers with a lineage candidate only.  This builds the five seed
lists against the test suite's fake API twice, in the plain world
(``make_world``) and in the world where the lineage evaluation set's papers
carry their own abstracts and contexts (``tests/fakes/lineage_world.py``), and
prints the requests and why (``stats["edge_details"]``), beside what
``--edge-details`` (one request per listed paper) would cost.

    python benchmarks/bench_edge_details.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _fetchbench import make_world, read_entries, seed_files  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="two small lists only")
    args = parser.parse_args()

    import citegraph
    from tests.fakes.lineage_world import lineage_world
    from tests.fakes.s2 import FakeS2

    files = seed_files(args.smoke)
    entries = read_entries(files)
    for label, world in (("plain fake world", make_world(entries)), ("lineage world", lineage_world(entries))):
        with FakeS2(world) as server, tempfile.TemporaryDirectory() as tmp:
            result = citegraph.build(files, api_url=server.url, cache=Path(tmp) / "c.sqlite", min_interval=0,
                                     quiet=True, progress=False)
        details = result.stats.get("edge_details") or {"papers": 0, "requests": 0, "why": {}}
        listed = result.stats["resolved"]
        print(f"{label}: {details['requests']} edge-detail requests for {details['papers']} of {listed} listed papers "
              f"({details['requests'] / max(1, listed):.2f} per paper; --edge-details: {listed}), "
              f"why: {details['why']}; all requests {result.stats['requests']}")


if __name__ == "__main__":
    main()
