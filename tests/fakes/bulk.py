"""Semantic Scholar bulk-dataset shards, written from a fake API :class:`~tests.fakes.s2.World`.

The datasets' own format: gzipped JSON lines, one record per line, with the
datasets' lower-case field names (``corpusid``, ``externalids`` with string
values, ``url`` ending in the paperId, ``citingcorpusid``/``citedcorpusid`` as
strings, ``citedcorpusid`` null for an unresolved reference, ``isinfluential``,
``contexts``, ``intents``), split over ``shards`` files per dataset.  So the
store built from them and the fake API serving the same world must give the
same graph.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any
from collections.abc import Iterable

from tests.fakes.s2 import World

__all__ = ["write_shards", "write_diff"]


def _paper(rec: dict[str, Any]) -> dict[str, Any]:
    ext = rec.get("externalIds") or {}
    return {
        "corpusid": rec["corpusId"],
        "externalids": {
            "ACL": None, "DBLP": None, "ArXiv": ext.get("ArXiv"), "MAG": None,
            "CorpusId": str(rec["corpusId"]), "PubMed": None, "DOI": ext.get("DOI"), "PubMedCentral": None,
        },
        "url": f"https://www.semanticscholar.org/paper/{rec['paperId']}",
        "title": rec.get("title"),
        "authors": [{"authorId": a.get("authorId"), "name": a.get("name")} for a in rec.get("authors") or []],
        "venue": rec.get("venue") or "",
        "publicationvenueid": None,
        "year": rec.get("year"),
        "referencecount": rec.get("referenceCount"),
        "citationcount": rec.get("citationCount"),
        "influentialcitationcount": rec.get("influentialCitationCount"),
        "isopenaccess": False,
        "s2fieldsofstudy": [{"category": "Computer Science", "source": "s2-fos-model"}],
        "publicationtypes": ["JournalArticle"],
        "publicationdate": None,
        "journal": None,
        "updated": "2024-01-01T00:00:00.000Z",
    }


def _write(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec) + "\n")
    return path


def _citations(world: World) -> list[dict[str, Any]]:
    out = []
    for citing, refs in world.references.items():
        corpus = world.papers[citing]["corpusId"]
        for ref in refs:
            cited = ref["paperId"]
            out.append({
                "citationid": len(out) + 1,
                "citingcorpusid": str(corpus),
                "citedcorpusid": str(world.papers[cited]["corpusId"]) if cited else None,
                "isinfluential": bool(ref.get("isInfluential")),
                "contexts": list(ref.get("contexts") or []),
                "intents": list(ref.get("intents") or []),
                "updated": "2024-01-01T00:00:00.000Z",
            })
    return out


def write_shards(world: World, root: Path, *, shards: int = 2, abstracts: bool = True) -> list[Path]:
    """Write ``papers``, ``citations`` (and ``abstracts``) shards of ``world`` under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    papers = [_paper(rec) for rec in world.papers.values()]
    cites = _citations(world)
    paths = []
    for k in range(shards):
        paths.append(_write(root / f"papers-part{k}.jsonl.gz", papers[k::shards]))
        paths.append(_write(root / f"citations-part{k}.jsonl.gz", cites[k::shards]))
        if abstracts:
            paths.append(_write(
                root / f"abstracts-part{k}.jsonl.gz",
                ({"corpusid": rec["corpusId"], "openaccessinfo": None, "abstract": rec.get("abstract"),
                  "updated": "2024-01-01T00:00:00.000Z"} for rec in list(world.papers.values())[k::shards]),
            ))
    return paths


def write_diff(
    root: Path, dataset: str, release: str, updates: list[dict[str, Any]], deletes: list[dict[str, Any]],
    *, start: str = "2024-01-01",
) -> Path:
    """A Datasets API diff answer (``update_files``/``delete_files`` as URLs) and its files, under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    update = _write(root / f"{dataset}-{release}-update.jsonl.gz", updates)
    delete = _write(root / f"{dataset}-{release}-delete.jsonl.gz", deletes)
    base = f"https://datasets.example.org/diffs/{release}/{dataset}"
    answer = {
        "dataset": dataset,
        "start_release": start,
        "end_release": release,
        "diffs": [{
            "from_release": start,
            "to_release": release,
            "update_files": [f"{base}/{update.name}?signature=x"],
            "delete_files": [f"{base}/{delete.name}?signature=x"],
        }],
    }
    path = root / f"{dataset}-diff-{release}.json"
    path.write_text(json.dumps(answer), encoding="utf-8")
    return path


def paper_record(world: World, paper_id: str, **changes: Any) -> dict[str, Any]:
    """``paper_id``'s papers-dataset record, with ``changes`` (for diffs)."""
    return {**_paper(world.papers[paper_id]), **changes}
