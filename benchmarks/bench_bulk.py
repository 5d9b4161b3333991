"""Beyond the API: Semantic Scholar bulk datasets, out-of-core with DuckDB on Parquet.

Generates a sample in the bulk datasets' own format (gzipped JSON lines, the
``papers`` and ``citations`` datasets' field names: ``corpusid``,
``externalids{ArXiv,DOI,CorpusId,...}``, ``citationcount``...;
``citingcorpusid``/``citedcorpusid`` as strings, ``citedcorpusid`` null for an
unresolved reference, ``isinfluential``, ``contexts``, ``intents``), from a
Price-model DAG (``_synth.py``), then measures, each step in its own child
process under a DuckDB ``memory_limit`` (so the figures are those of a machine
that cannot hold the data in memory):

==============  ===============================================================
``convert``     JSONL.gz shards → two Parquet files (the columns analysis needs)
``top_cited``   citations per paper over every edge, top 100 joined to titles
``cited_by``    every citing paper of a 1,000-paper seed set
``subgraph``    seeds + their references + their citers; the edges among them
                → numpy → CSR (citegraph's ``CitationMatrix`` when present)
                → PageRank
``counts``      full citation-count table written back to Parquet (a full
                out-of-core GROUP BY over every edge)
==============  ===============================================================

    python benchmarks/bench_bulk.py                       # 1M papers, ~20M citations
    python benchmarks/bench_bulk.py --papers 200000 --memory-limit 512MB
    python benchmarks/bench_bulk.py --smoke
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any
from collections.abc import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import (  # noqa: E402
    child_run_steps,
    data_dir,
    fmt_mb,
    fmt_s,
    machine_info,
    markdown_table,
    run_child_steps,
)

STEPS = ("convert", "top_cited", "cited_by", "subgraph", "counts")
N_SEEDS = 1000
SHARDS = 4
# The full datasets, for the extrapolation line (Semantic Scholar's figures).
FULL_PAPERS = 200e6
FULL_CITATIONS = 2.4e9


# ------------------------------------------------------------------ generation


def generate(root: Path, n: int, seed: int = 0) -> dict[str, Any]:
    """Write ``papers/`` and ``citations/`` JSONL.gz shards under ``root``."""
    import duckdb
    import numpy as np
    import pyarrow as pa

    from _synth import price_dag

    src, dst, years = price_dag(n, seed=seed)
    rng = np.random.default_rng(seed)
    # corpus ids are large, sparse and unordered in the real data
    corpus = rng.choice(np.arange(1, 300_000_000, dtype=np.int64), size=n, replace=False)
    indeg = np.bincount(dst, minlength=n)
    outdeg = np.bincount(src, minlength=n)
    # ~8% of references are unresolved (null citedcorpusid), as in the sample
    n_unres = len(src) // 12
    unres_src = rng.integers(1, n, size=n_unres)
    papers = pa.table(
        {
            "i": np.arange(n),
            "corpusid": corpus,
            "year": years,
            "citationcount": indeg,
            "referencecount": outdeg + np.bincount(unres_src, minlength=n),
        }
    )
    citations = pa.table(
        {
            "citing": np.concatenate([corpus[src], corpus[unres_src]]),
            "cited": np.concatenate([corpus[dst], np.full(n_unres, -1, dtype=np.int64)]),
            "r": rng.random(len(src) + n_unres),
        }
    )
    con = duckdb.connect()
    con.register("p", papers)
    con.register("c", citations)
    (root / "papers").mkdir(parents=True, exist_ok=True)
    (root / "citations").mkdir(parents=True, exist_ok=True)
    for k in range(SHARDS):
        con.sql(
            f"""COPY (SELECT corpusid,
                struct_pack(ACL := NULL::VARCHAR, DBLP := NULL::VARCHAR,
                    ArXiv := CASE WHEN i % 3 = 0 THEN printf('%02d%02d.%05d', year % 100, 1 + i % 12, i % 100000) END,
                    MAG := (corpusid * 7)::VARCHAR, CorpusId := corpusid::VARCHAR, PubMed := NULL::VARCHAR,
                    DOI := CASE WHEN i % 2 = 0 THEN '10.5555/synth.' || i END, PubMedCentral := NULL::VARCHAR) AS externalids,
                'https://www.semanticscholar.org/paper/' || md5(corpusid::VARCHAR) || md5(i::VARCHAR)[:8] AS url,
                'Synthetic paper ' || i || ' on multimodal models' AS title,
                [struct_pack(authorId := (i * 13 % 9999991)::VARCHAR, name := 'A. Author ' || (i % 5000)),
                 struct_pack(authorId := (i * 17 % 9999991)::VARCHAR, name := 'B. Author ' || (i % 7000))] AS authors,
                'Synthetic Venue ' || (i % 300) AS venue, NULL::VARCHAR AS publicationvenueid, year::INTEGER AS year,
                referencecount, citationcount, citationcount // 10 AS influentialcitationcount,
                i % 4 = 0 AS isopenaccess,
                [struct_pack(category := 'Computer Science', source := 's2-fos-model')] AS s2fieldsofstudy,
                ['JournalArticle'] AS publicationtypes, year || '-06-01' AS publicationdate,
                struct_pack(name := 'Synthetic Journal', pages := NULL::VARCHAR, volume := '1') AS journal,
                '2023-01-01T00:00:00.000Z' AS updated
            FROM p WHERE i % {SHARDS} = {k})
            TO '{root}/papers/papers-part{k}.jsonl.gz' (FORMAT JSON, COMPRESSION GZIP)"""
        )
        con.sql(
            f"""COPY (SELECT citing::VARCHAR AS citingcorpusid,
                CASE WHEN cited >= 0 THEN cited::VARCHAR END AS citedcorpusid,
                r < 0.1 AS isinfluential,
                CASE WHEN r < 0.15 THEN ['As shown by prior work [12], the model improves results.'] END AS contexts,
                CASE WHEN r < 0.05 THEN ['methodology'] WHEN r < 0.15 THEN ['background'] END AS intents,
                '2023-01-01T00:00:00.000Z' AS updated
            FROM c WHERE hash(citing) % {SHARDS} = {k})
            TO '{root}/citations/citations-part{k}.jsonl.gz' (FORMAT JSON, COMPRESSION GZIP)"""
        )
    seeds = np.sort(rng.choice(corpus[indeg > 0], size=min(N_SEEDS, int((indeg > 0).sum())), replace=False))
    np.save(root / "seeds.npy", seeds)
    info = {"papers": n, "citations": int(len(src) + n_unres), "resolved": int(len(src))}
    (root / "info.txt").write_text(repr(info))
    return info


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


# ---------------------------------------------------------------- child steps


def _steps(root: Path, memory_limit: str, threads: int) -> dict[str, Callable[[], Any]]:
    import duckdb
    import numpy as np

    def connect() -> Any:
        con = duckdb.connect()
        con.sql(f"SET memory_limit = '{memory_limit}'")
        con.sql(f"SET threads = {threads}")
        con.sql(f"SET temp_directory = '{root / 'spill'}'")
        con.sql("SET preserve_insertion_order = false")  # lets big COPYs stream
        return con

    pq_p, pq_c = root / "papers.parquet", root / "citations.parquet"
    seeds = root / "seeds.npy"

    def convert() -> dict:
        con = connect()
        con.sql(
            f"""COPY (SELECT corpusid, externalids.ArXiv AS arxiv, externalids.DOI AS doi, title, year,
                      citationcount, referencecount
                FROM read_json('{root}/papers/*.jsonl.gz', format = 'newline_delimited',
                    columns = {{corpusid: 'BIGINT', externalids: 'STRUCT(ArXiv VARCHAR, DOI VARCHAR)',
                               title: 'VARCHAR', year: 'INTEGER', citationcount: 'INTEGER', referencecount: 'INTEGER'}}))
            TO '{pq_p}' (FORMAT PARQUET, COMPRESSION ZSTD)"""
        )
        # cited ids sorted: row-group min/max statistics then skip most of the
        # file for "who cites these papers"
        con.sql(
            f"""COPY (SELECT citingcorpusid::BIGINT AS citing, citedcorpusid::BIGINT AS cited, isinfluential
                FROM read_json('{root}/citations/*.jsonl.gz', format = 'newline_delimited',
                    columns = {{citingcorpusid: 'VARCHAR', citedcorpusid: 'VARCHAR', isinfluential: 'BOOLEAN'}})
                WHERE citedcorpusid IS NOT NULL ORDER BY cited)
            TO '{pq_c}' (FORMAT PARQUET, COMPRESSION ZSTD, ROW_GROUP_SIZE 1000000)"""
        )
        return {"parquet_mb": round((pq_p.stat().st_size + pq_c.stat().st_size) / 2**20, 1)}

    def top_cited() -> dict:
        con = connect()
        rows = con.sql(
            f"""SELECT c.cited, c.n, p.title FROM
                  (SELECT cited, count(*) AS n FROM '{pq_c}' GROUP BY cited ORDER BY n DESC LIMIT 100) c
                JOIN '{pq_p}' p ON p.corpusid = c.cited ORDER BY c.n DESC"""
        ).fetchall()
        return {"top_n": rows[0][1]}

    def cited_by() -> dict:
        con = connect()
        con.register("seeds", {"id": np.load(seeds)})
        n = con.execute(f"SELECT count(*) FROM '{pq_c}' WHERE cited IN (SELECT id FROM seeds)").fetchone()[0]
        return {"edges": n}

    def subgraph() -> dict:
        con = connect()
        con.register("seeds", {"id": np.load(seeds)})
        con.sql(
            f"""CREATE TEMP TABLE nodes AS
                SELECT id FROM seeds
                UNION SELECT cited FROM '{pq_c}' WHERE citing IN (SELECT id FROM seeds)
                UNION SELECT citing FROM '{pq_c}' WHERE cited IN (SELECT id FROM seeds)"""
        )
        ids = np.sort(con.sql("SELECT id FROM nodes").fetchnumpy()["id"])
        e = con.sql(
            f"""SELECT citing, cited FROM '{pq_c}'
                WHERE cited IN (SELECT id FROM nodes) AND citing IN (SELECT id FROM nodes)"""
        ).fetchnumpy()
        s, d = np.searchsorted(ids, e["citing"]), np.searchsorted(ids, e["cited"])
        try:
            from citegraph.graph.matrix import CitationMatrix
            from citegraph.analysis.rank import pagerank_scores

            pagerank_scores(CitationMatrix.from_edges(s, d, len(ids)))
            via = "citegraph"
        except ImportError:
            import _reference as ref

            A = ref.csr_from_edges(s, d, len(ids))
            ref.scipy_pagerank(A, A.T.tocsr())
            via = "scipy"
        return {"nodes": len(ids), "edges": len(s), "via": via}

    def counts() -> dict:
        con = connect()
        out = root / "counts.parquet"
        con.sql(f"COPY (SELECT cited, count(*) AS n FROM '{pq_c}' GROUP BY cited) TO '{out}' (FORMAT PARQUET)")
        return {"rows": con.execute(f"SELECT count(*) FROM '{out}'").fetchone()[0]}

    return {"convert": convert, "top_cited": top_cited, "cited_by": cited_by, "subgraph": subgraph, "counts": counts}


# -------------------------------------------------------------------- parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--papers", type=int, default=1_000_000)
    ap.add_argument("--memory-limit", default="1GB", help="DuckDB memory_limit")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--smoke", action="store_true", help="5,000 papers, one run")
    ap.add_argument("--child")
    ap.add_argument("--root")
    args = ap.parse_args()
    if args.child:
        fns = _steps(Path(args.root), args.memory_limit, args.threads)
        child_run_steps([(args.child, fns[args.child])], repeat=args.repeat, budget_s=120)
        return
    if args.smoke:
        args.papers, args.repeat = 5000, 1
    root = data_dir() / f"s2bulk_n{args.papers}"
    print(f"# bench_bulk — {machine_info()}")
    if not (root / "info.txt").exists():
        t0 = time.perf_counter()
        info = generate(root, args.papers)
        print(f"generated {info} in {fmt_s(time.perf_counter() - t0)}", flush=True)
    info = eval((root / "info.txt").read_text())  # our own repr of a dict of ints
    jsonl_mb = (dir_size(root / "papers") + dir_size(root / "citations")) / 2**20
    rows = []
    for step in STEPS:
        argv = lambda rem, step=step: [  # noqa: E731
            sys.executable, __file__, "--child", step, "--root", str(root), "--memory-limit", args.memory_limit,
            "--threads", str(args.threads), "--repeat", str(1 if step == "convert" else args.repeat),
        ]
        out = run_child_steps(argv, [step], step_timeout_s=3600, mem_limit_gb=None, log=lambda s: print(s, flush=True))
        r = out.steps[step]
        scale = FULL_CITATIONS / info["citations"]
        est = fmt_s(r.median * scale) if r.median and step in ("convert", "top_cited", "counts") and info["citations"] >= 1e6 else "—"
        detail = ", ".join(f"{k}={v}" for k, v in r.extra.items())
        rows.append([step, r.cell(), fmt_mb(out.peak_rss_mb), detail, est])
    print()
    print(
        f"{info['papers']:,} papers, {info['citations']:,} citation records ({info['resolved']:,} resolved); "
        f"JSONL.gz {jsonl_mb:.0f} MB; DuckDB memory_limit {args.memory_limit}, {args.threads} threads\n"
    )
    print(markdown_table(["step", "time (median)", "peak RSS (process)", "result", "linear estimate at 2.4B citations"], rows))
    print("\n¹ one run. Estimates scale the measured time linearly by citation records; they are not measurements.")


if __name__ == "__main__":
    main()
