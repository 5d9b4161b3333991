"""One source first, others filling its gaps (``--source s2,openalex``).

What the second source is asked for, and only that:

* ids and titles the first does not know;
* the lists of papers only the second knows (its own ids);
* a reference list the first gives empty although the paper has references
  elsewhere: the paper is found in the second by its DOI or arXiv id;
* a citation list past the first's paging window (Semantic Scholar's 9,999):
  the pipeline pages on, and offsets past the window page the second's list.

Papers the second returns are mapped back to the first by DOI (one batch per
page), so one work stays one node; the rest keep the second's ids.  Every
record and list item is marked ``origin`` (the node and edge attribute).
"""

from __future__ import annotations

from typing import Any
from collections.abc import Sequence

from citegraph.fetch.openalex import is_openalex_id
from citegraph.fetch.s2 import OFFSET_LIMIT, BATCH_MAX, Page, S2NotFound

# A Source (citegraph.fetch.source), which opens this module: typed by its protocol's name only.
Source = Any

__all__ = ["Fallback"]

_LEAN = ("paperId", "externalIds", "title", "year", "venue", "authors", "citationCount",
         "influentialCitationCount", "referenceCount")


def _name(source: Any) -> str:
    return "openalex" if type(source).__name__.startswith("OpenAlex") else "s2"


def _marked(record: dict[str, Any] | None, origin: str) -> dict[str, Any] | None:
    """``record`` (and its nested references) marked with ``origin`` unless marked already."""
    if record is None or not record.get("paperId"):
        return record
    out = record if "origin" in record else {**record, "origin": origin}
    if isinstance(out.get("references"), list):
        out["references"] = [_marked(r, origin) for r in out["references"]]
    return out


def _twin_query(ext: dict[str, Any]) -> str | None:
    """The id the primary is asked for a paper of another source: its arXiv id, else its DOI.

    >>> _twin_query({"DOI": "10.48550/arxiv.2405.09818", "ArXiv": "2405.09818"}), _twin_query({})
    ('ARXIV:2405.09818', None)
    """
    if ext.get("ArXiv"):
        return f"ARXIV:{ext['ArXiv']}"
    return f"DOI:{ext['DOI']}" if ext.get("DOI") else None


class Fallback:
    """``primary`` first; ``others`` (in order) for what it lacks.  See the module docstring.

    Attributes
    ----------
    offset_limit
        ``None``: past the primary's window the lists go on in the others.
    """

    offset_limit: int | None = None

    def __init__(self, primary: Source, others: Sequence[Source]):
        self.primary = primary
        self.others = list(others)
        self.origin = _name(primary)
        self._twin: dict[str, tuple[Source, str] | None] = {}  # primary paperId -> (other, its id)

    @property
    def requests(self) -> int:
        return int(self.primary.requests) + sum(int(o.requests) for o in self.others)

    @property
    def retries(self) -> int:
        return int(self.primary.retries) + sum(int(o.retries) for o in self.others)

    def close(self) -> None:
        for source in (self.primary, *self.others):
            source.close()

    def _owner(self, paper_id: str) -> Source | None:
        if is_openalex_id(paper_id):
            return next((o for o in self.others if _name(o) == "openalex"), None)
        return None

    # -------------------------------------------------------------- records

    def paper_batch(
        self, ids: Sequence[str], fields: Sequence[str], *, what: str | None = None
    ) -> list[dict[str, Any] | None]:
        ids = list(ids)
        owners = [self._owner(q) for q in ids]
        answer: list[dict[str, Any] | None] = [None] * len(ids)
        mine = [i for i, owner in enumerate(owners) if owner is None]
        if mine:
            got = self.primary.paper_batch([ids[i] for i in mine], fields, what=what)
            for i, rec in zip(mine, got):
                marked = _marked(rec, self.origin)
                if marked is not None and marked.get("references") == []:
                    # no references here: leave the list to be paged, so the others are asked for it
                    marked = {k: v for k, v in marked.items() if k != "references"}
                answer[i] = marked
        for other in self.others:
            missing = [i for i, rec in enumerate(answer) if rec is None and owners[i] in (None, other)]
            if missing:
                for i, rec in zip(missing, other.paper_batch([ids[i] for i in missing], fields)):
                    answer[i] = _marked(rec, _name(other))
        return answer

    def match_title(self, title: str, fields: Sequence[str]) -> dict[str, Any] | None:
        found = _marked(self.primary.match_title(title, fields), self.origin)
        for other in self.others:
            if found is not None:
                break
            found = _marked(other.match_title(title, fields), _name(other))
        return found

    def search(self, query: str, fields: Sequence[str], *, limit: int = 100) -> list[dict[str, Any]]:
        """The primary's search; the others' when it finds nothing."""
        found = [r for r in (_marked(x, self.origin) for x in self.primary.search(query, fields, limit=limit)) if r]
        for other in self.others:
            if found:
                break
            found = [r for r in (_marked(x, _name(other)) for x in other.search(query, fields, limit=limit)) if r]
        return found

    # ---------------------------------------------------------------- lists

    def list_page(
        self, paper_id: str, kind: str, *, offset: int, limit: int = 1000, fields: Sequence[str] = (),
        label: str | None = None,
    ) -> Page:
        owner = self._owner(paper_id)
        if owner is not None:
            return self._mapped(owner.list_page(paper_id, kind, offset=offset, limit=limit, label=label), kind)
        window = getattr(self.primary, "offset_limit", OFFSET_LIMIT)
        if kind == "citations" and window is not None and offset >= window:
            twin = self._twin_of(paper_id)
            if twin is None:
                return Page(offset=offset, items=[], next=None)
            other, other_id = twin
            page = other.list_page(other_id, kind, offset=offset - window, limit=limit, label=label)
            return self._mapped(Page(offset=offset, items=page.items,
                                     next=None if page.next is None else page.next + window), kind)
        page = self.primary.list_page(paper_id, kind, offset=offset, limit=limit, fields=fields, label=label)
        side = "citedPaper" if kind == "references" else "citingPaper"
        items = [{**item, side: _marked(item.get(side), self.origin), "origin": self.origin} for item in page.items]
        end = offset + len(items)
        if kind == "citations" and page.next is None and window is not None and end >= window - 1:
            # the primary's window is full: go on past it (the pipeline pages while ``next`` is given)
            return Page(offset=offset, items=items, next=window)
        if kind == "references" and offset == 0 and not items and page.next is None:
            twin = self._twin_of(paper_id)
            if twin is not None:
                other, other_id = twin
                found: list[dict[str, Any]] = []
                at: int | None = 0
                while at is not None:
                    more = other.list_page(other_id, kind, offset=at, label=label)
                    found += more.items
                    at = more.next
                return self._mapped(Page(offset=0, items=found, next=None), kind)
        return Page(offset=offset, items=items, next=page.next)

    def _twin_of(self, paper_id: str) -> tuple[Source, str] | None:
        """The paper in another source, found by its DOI or arXiv id (asked once per paper)."""
        if paper_id not in self._twin:
            self._twin[paper_id] = None
            record = self.primary.paper_batch([paper_id], ["paperId", "externalIds"])[0] or {}
            ext = record.get("externalIds") or {}
            queries = [f"DOI:{ext['DOI']}"] if ext.get("DOI") else []
            queries += [f"ARXIV:{ext['ArXiv']}"] if ext.get("ArXiv") else []
            for other in self.others:
                for query in queries:
                    rec = other.paper_batch([query], ["paperId"])[0]
                    if rec is not None:
                        self._twin[paper_id] = (other, rec["paperId"])
                        return self._twin[paper_id]
        return self._twin[paper_id]

    def _mapped(self, page: Page, kind: str) -> Page:
        """The page's papers replaced by the primary's record of the same DOI, where it has one."""
        side = "citedPaper" if kind == "references" else "citingPaper"
        keys = [_twin_query((item.get(side) or {}).get("externalIds") or {}) for item in page.items]
        known: dict[str, dict[str, Any]] = {}
        wanted = list(dict.fromkeys(key for key in keys if key))
        for start in range(0, len(wanted), BATCH_MAX):
            chunk = wanted[start:start + BATCH_MAX]
            try:
                answer = self.primary.paper_batch(chunk, list(_LEAN))
            except S2NotFound:
                continue
            for query, rec in zip(chunk, answer):
                if rec is not None:
                    known[query] = _marked(rec, self.origin) or rec
        items = []
        for item, key in zip(page.items, keys):
            paper = item.get(side) or {}
            items.append({**item, side: known.get(key, paper) if key else paper,
                          "origin": item.get("origin", "openalex")})
        return Page(offset=page.offset, items=items, next=page.next)
