"""HTML explorer: generation time, file size and browser time to a usable page.

Synthetic citegraph graphs (Price's model, 8 references a paper, titles,
years, authors, 10% listed) of 500, 5,000 and 20,000 papers go through
:func:`citegraph.export.html.page.write_html`; each page is opened in headless
Chromium (Playwright, Debian's ``chromium``) and timed from navigation to the
moment the page marks itself usable (``<body data-ready="1">``, set after the
first drawing of the network).  Targets: 5,000 nodes under 5 MB and usable
within 5 s; above ``max_nodes`` the writer says what it left out.

    python benchmarks/bench_html.py
    python benchmarks/bench_html.py --smoke
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import fmt_s, machine_info, markdown_table, median, timed  # noqa: E402

# Records when the page sets <body data-ready="1"> (performance.now(): ms since navigation).
READY_HOOK = """
new MutationObserver((_, obs) => {
  if (document.body && document.body.dataset.ready === "1") {
    window.__readyAt = performance.now();
    obs.disconnect();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-ready"], childList: true});
"""


_STEMS = ("Orca", "Lynx", "Heron", "Ibis", "Koala", "Marten", "Otter", "Puffin", "Quokka", "Raven", "Stoat", "Tapir")
_VARIANTS = ("", "-2", " Pro", "-XL")


def synthetic_graph(n: int, seed: int = 0) -> Any:
    """A citegraph graph of ``n`` papers shaped like a fetched one."""
    import numpy as np

    from _synth import price_dag
    from citegraph.graph.model import add_link, add_paper, new_graph

    src, dst, years = price_dag(n, m=8, seed=seed)
    rng = np.random.default_rng(seed)
    listed = rng.random(n) < 0.1
    G = new_graph()
    for i in range(n):
        add_paper(
            # model names in small families (Orca12, Orca12-2, Orca12 Pro, ...), as in real lists
            G, f"p{i}", paper_id=f"{i:040x}",
            title=f"{_STEMS[i % len(_STEMS)]}{i // 4 // len(_STEMS)}{_VARIANTS[(i // len(_STEMS)) % 4]}: "
                  f"a synthetic study of multimodal models, part {i % 7}",
            year=int(years[i]), authors=[f"Author {i % 311}", f"Author {(i * 7) % 509}"], venue="Synthetic Venue",
            citation_count=int(rng.integers(0, 500)), listed=bool(listed[i]), tags=[f"Section {i % 5}"] if listed[i] else None,
        )
    for s, d in zip(src.tolist(), dst.tolist()):
        add_link(G, f"p{s}", f"p{d}", "cites", is_influential=bool((s + d) % 5 == 0))
    return G


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browser_times(path: Path, runs: int, timeout_s: float) -> list[float | None]:
    """Seconds from navigation to ``data-ready`` in fresh headless Chromium pages."""
    from playwright.sync_api import sync_playwright

    out: list[float | None] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        try:
            for _ in range(runs):
                ctx = browser.new_context(viewport={"width": 1400, "height": 900})
                page = ctx.new_page()
                page.add_init_script(READY_HOOK)
                ready = None
                try:
                    page.goto(path.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
                    # polled from here: the page's CSP forbids the eval that
                    # wait_for_function needs; the time itself is taken in the page
                    deadline = time.perf_counter() + timeout_s
                    while ready is None and time.perf_counter() < deadline:
                        ready = page.evaluate("window.__readyAt === undefined ? null : window.__readyAt")
                        if ready is None:
                            time.sleep(0.02)
                except Exception:  # noqa: BLE001 - a page that never gets usable is the finding
                    ready = None
                out.append(None if ready is None else ready / 1000)
                ctx.close()
        finally:
            browser.close()
    return out


def pyvis_import_s(how: str) -> float:
    """Median seconds (3 fresh interpreters) to import ``pyvis.network``: ``plain`` (IPython
    with it) or the way citegraph does (``_pyvis_network_class``: IPython deferred)."""
    import subprocess

    code = ("import time, citegraph.export.html.page as h; t = time.perf_counter(); "
            + ("import pyvis.network" if how == "plain" else "h._pyvis_network_class()")
            + "; print(time.perf_counter() - t)")
    return median([float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
                   for _ in range(3)])


def pyvis_one_by_one(data: dict[str, Any]) -> str:
    """The page step the way pyvis's API invites: ``add_node`` / ``add_edge`` per item.

    Each checks ids against a Python list (quadratic); the writer appends the
    finished items in bulk instead.  Measured side by side as the comparison.
    """
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    for n in data["nodes"]:
        rest = {k: v for k, v in n.items() if k not in ("id", "label", "shape", "color")}
        net.add_node(n["id"], label=n.get("label", ""), color=n["color"], **rest)
    for e in data["edges"]:
        net.add_edge(e["from"], e["to"], **{k: v for k, v in e.items() if k not in ("id", "from", "to")})
    net.options = data["options"]
    return net.generate_html(name="graph.html")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="500,5000,20000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--browser-timeout", type=float, default=60)
    ap.add_argument("--forced", action="store_true", help="also the largest size with max_nodes raised to show it all")
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--one-by-one-max", type=int, default=50_000,
                    help="time pyvis's add_node/add_edge comparison only up to this many links")
    args = ap.parse_args()
    from citegraph.export.html.data import MAX_NODES, explorer_data
    from citegraph.export.html.page import _pyvis_page, write_html

    if args.smoke:
        args.sizes, args.repeat = "300", 1
    sizes = [int(s) for s in args.sizes.split(",")]
    cases: list[tuple[str, int, int]] = [(f"{n:,}", n, MAX_NODES) for n in sizes]
    if args.forced and any(n > MAX_NODES for n in sizes):
        big = max(sizes)
        cases.append((f"{big:,} forced (max_nodes={big:,})", big, big))
    print(f"# bench_html — {machine_info()}")
    have_browser = chromium_path() is not None
    if not have_browser:
        print("NOTE: no chromium on PATH: browser times are not measured")
    rows, notes = [], []
    with tempfile.TemporaryDirectory() as tmp:
        graphs: dict[int, Any] = {}
        for label, n, max_nodes in cases:
            G = graphs.setdefault(n, synthetic_graph(n))
            out = Path(tmp) / f"g{n}_{max_nodes}.html"
            times, result = timed(lambda: write_html(G, out, max_nodes=max_nodes), repeat=args.repeat, budget_s=120)
            data = explorer_data(G, max_nodes=max_nodes)
            bulk, _ = timed(lambda: _pyvis_page(data), repeat=args.repeat, budget_s=30)
            # One run only, and only where it ends in reasonable time.
            slow = timed(lambda: pyvis_one_by_one(data), repeat=1)[0] if len(data["edges"]) <= args.one_by_one_max else []
            usable = browser_times(out, args.repeat, args.browser_timeout) if have_browser else []
            ok = [u for u in usable if u is not None]
            shown = f"{result.nodes:,} / {result.edges:,}"
            rows.append([
                label, f"{G.number_of_nodes():,} / {G.number_of_edges():,}", shown, fmt_s(median(times)),
                fmt_s(median(bulk)),
                (f"{fmt_s(slow[0])} ({slow[0] / median(bulk):.0f}×)" if slow else f"not run (> {args.one_by_one_max:,} links)"),
                f"{result.bytes / 1e6:.2f} MB",
                (fmt_s(median(ok)) if ok else "never") + ("" if len(ok) == len(usable) else f" ({len(usable) - len(ok)} timed out)")
                if usable else "—",
            ])
            if result.note:
                notes.append(f"- {label}: {result.note}")
            print(f"  {label}: write_html {rows[-1][3]} (pyvis page {rows[-1][4]}; one by one {rows[-1][5]}), "
                  f"{rows[-1][6]}, usable {rows[-1][7]}", flush=True)
    print()
    print(markdown_table(["papers", "graph nodes / edges", "page nodes / edges", "write_html (median)",
                          "of which pyvis page, bulk", "pyvis add_node/add_edge (1 run)", "file size",
                          "usable in Chromium (median)"], rows))
    plain, deferred = pyvis_import_s("plain"), pyvis_import_s("citegraph")
    print(f"\nimporting pyvis.network once per process (inside write_html's first call): {fmt_s(deferred)} "
          f"as citegraph does it (IPython deferred), {fmt_s(plain)} with a plain import (IPython with it): "
          f"{plain / deferred:.1f}x")
    if notes:
        print("\nWhat the writer said it left out:")
        print("\n".join(notes))
    print(f"\n(median of {args.repeat} runs each; browser time = navigation start → body[data-ready], fresh page each run)")


if __name__ == "__main__":
    main()
