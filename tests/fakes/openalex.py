"""A fake OpenAlex works API on 127.0.0.1, serving the public API's response shapes.

* ``GET /works/{id}``: one work, or 404 with ``{"error", "message"}``;
* ``GET /works?filter=...``: ``{"meta": {"count", "db_response_time_ms", "page",
  "per_page", "next_cursor", "groups_count"}, "results": [work...]}`` for the
  filters citegraph uses: ``doi:`` and ``openalex:`` (values OR-ed with ``|``),
  ``cites:W..``, ``title.search:``; ``per_page`` (or ``per-page``) up to 200,
  ``page`` paging up to 10,000 results (else 400), ``cursor=*`` paging beyond,
  ``select`` projecting the fields.

A work (the fields citegraph reads): ``id`` and ``referenced_works`` as
``https://openalex.org/W..`` URLs, ``doi`` as a ``https://doi.org/`` URL,
``title``/``display_name``, ``publication_year``, ``primary_location.source``,
``authorships[].author``, ``cited_by_count``, ``abstract_inverted_index``.
"""

from __future__ import annotations

import base64
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

import pytest

__all__ = ["OAWorld", "FakeOpenAlex", "work"]

OA = "https://openalex.org/"


def work(wid: str, title: str, *, doi: str | None = None, year: int = 2024, refs: list[str] = (),  # type: ignore[assignment]
         authors: list[str] = ("Ann Author",), venue: str = "arXiv (Cornell University)",  # type: ignore[assignment]
         abstract: str | None = None) -> dict[str, Any]:
    """A work as the API gives it."""
    index: dict[str, list[int]] = {}
    for pos, word in enumerate((abstract or "").split()):
        index.setdefault(word, []).append(pos)
    return {
        "id": OA + wid,
        "doi": f"https://doi.org/{doi}" if doi else None,
        "title": title,
        "display_name": title,
        "publication_year": year,
        "primary_location": {"is_oa": True, "source": {"id": OA + "S4306400194", "display_name": venue}},
        "authorships": [
            {"author_position": "first" if i == 0 else "middle",
             "author": {"id": f"{OA}A{5000 + i}", "display_name": name}}
            for i, name in enumerate(authors)
        ],
        "cited_by_count": 0,
        "referenced_works": [OA + r for r in refs],
        "abstract_inverted_index": index or None,
    }


@dataclass
class OAWorld:
    works: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, w: dict[str, Any]) -> str:
        wid = w["id"].rsplit("/", 1)[-1]
        self.works[wid] = w
        return wid

    def finish(self) -> OAWorld:
        for w in self.works.values():
            w["cited_by_count"] = len(self.citers(w["id"].rsplit("/", 1)[-1]))
        return self

    def citers(self, wid: str) -> list[dict[str, Any]]:
        return [w for w in self.works.values() if OA + wid in w["referenced_works"]]


def _bare(doi: str) -> str:
    doi = doi.lower()
    for prefix in ("https://doi.org/", "http://doi.org/", "doi:"):
        doi = doi.removeprefix(prefix)
    return doi


class FakeOpenAlex:
    def __init__(self, world: OAWorld):
        self.world = world
        self.log: list[dict[str, str]] = []
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> FakeOpenAlex:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                parts = urlsplit(self.path)
                query = dict(parse_qsl(parts.query))
                fake.log.append({"path": parts.path, **query})
                status, body = fake._answer(parts.path, query)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def _answer(self, path: str, query: dict[str, str]) -> tuple[int, Any]:
        if path.startswith("/works/"):
            wid = path.rsplit("/", 1)[-1]
            if wid in self.world.works:
                return 200, self.world.works[wid]
            return 404, {"error": "NotFoundError", "message": f"{wid} does not exist."}
        if path != "/works":
            return 404, {"error": "NotFoundError", "message": "no such endpoint"}
        per_page = int(query.get("per_page") or query.get("per-page") or 25)
        if not 1 <= per_page <= 200:
            return 400, {"error": "Invalid query parameters error.", "message": "per_page is 1 to 200"}
        results = self._filter(query.get("filter", ""))
        if query.get("sort", "").startswith("publication_year"):
            results.sort(key=lambda w: (-w["publication_year"], w["id"]))
        if "cursor" in query:
            start = 0 if query["cursor"] == "*" else int(base64.b64decode(query["cursor"]).decode())
            page, next_cursor = None, None
            if start + per_page < len(results):
                next_cursor = base64.b64encode(str(start + per_page).encode()).decode()
        else:
            page = int(query.get("page", 1))
            if page * per_page > 10_000:
                return 400, {"error": "Invalid query parameters error.",
                             "message": "page * per_page past 10,000: use cursor paging"}
            start, next_cursor = (page - 1) * per_page, None
        shown = results[start:start + per_page]
        if query.get("select"):
            keep = query["select"].split(",")
            shown = [{k: w.get(k) for k in keep} for w in shown]
        meta = {"count": len(results), "db_response_time_ms": 7, "page": page, "per_page": per_page,
                "next_cursor": next_cursor, "groups_count": None}
        return 200, {"meta": meta, "results": shown, "group_by": []}

    def _filter(self, text: str) -> list[dict[str, Any]]:
        name, _, value = text.partition(":")
        works = list(self.world.works.values())
        if name == "doi":
            wanted = {_bare(v) for v in value.split("|")}
            return [w for w in works if w["doi"] and _bare(w["doi"]) in wanted]
        if name == "openalex":
            wanted = {v.rsplit("/", 1)[-1] for v in value.split("|")}
            return [w for w in works if w["id"].rsplit("/", 1)[-1] in wanted]
        if name == "cites":
            return self.world.citers(value)
        if name == "title.search":
            words = set(value.lower().split())
            return [w for w in works if words and words <= set(w["title"].lower().replace(":", " ").split())]
        return works


@pytest.fixture
def make_fake_openalex() -> Iterator[Any]:
    servers: list[FakeOpenAlex] = []

    def make(world: OAWorld) -> FakeOpenAlex:
        server = FakeOpenAlex(world.finish()).start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()
