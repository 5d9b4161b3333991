"""The Semantic Scholar client wrapper against the fake server: the key on every
request, retries and backoff, malformed answers, pacing, and real recorded bodies."""

from __future__ import annotations

import json
import logging

import pytest
from tests.fakes.clock import FakeTime
from tests.fakes.s2 import FakeS2, Fault, World, load_cassette, sample_entries
from semanticscholar import SemanticScholar

from citegraph.errors import FetchError, RetriesExhaustedError
from citegraph.fetch.s2 import (
    EDGE_FIELDS,
    LEAN_FIELDS,
    PACE_MARGIN,
    PAPER_FIELDS,
    S2BadRequest,
    S2Client,
    _retry_after,
)

KEY = "test-key-3f9a"


@pytest.fixture
def ft() -> FakeTime:
    return FakeTime()


def client_for(server: FakeS2, ft: FakeTime | None = None, **kwargs) -> S2Client:
    kwargs.setdefault("min_interval", 0.0)
    kwargs.setdefault("timeout", 5.0)
    if ft is not None:
        kwargs.update(sleep=ft.sleep, clock=ft.clock)
    return S2Client(server.url, KEY, **kwargs)


def listed_ids(server: FakeS2) -> list[str]:
    return [f"ARXIV:{p['externalIds']['ArXiv']}" for p in server.world.papers.values()
            if p["externalIds"].get("ArXiv", "").startswith("2401.")]


# ----------------------------------------------------------------- the API key


def test_the_key_is_sent_on_every_endpoint(fake_s2, ft):
    client = client_for(fake_s2, ft)
    ids = listed_ids(fake_s2)[:3]
    records = client.paper_batch(ids, list(PAPER_FIELDS))
    pid = records[0]["paperId"]
    assert client.match_title("Model 11: A method for things", ["title"])["title"] == "Model 11: A method for things"
    assert client.paper(pid, ["title"])["paperId"] == pid
    client.list_page(pid, "references", offset=0)
    client.list_page(pid, "citations", offset=0)
    endpoints = {r.endpoint for r in fake_s2.log}
    assert endpoints == {"batch", "match", "paper", "references", "citations"}
    assert [r.headers.get("x-api-key") for r in fake_s2.log] == [KEY] * len(fake_s2.log)
    assert client.requests == len(fake_s2.log) == 5


def test_the_plain_client_forgets_the_key_on_paginated_endpoints(fake_s2):
    """Why S2Client exists: semanticscholar 0.12.0 sends no key to /references."""
    pid = next(iter(fake_s2.world.papers))
    raw = SemanticScholar(api_url=fake_s2.url[: -len("/graph/v1")], api_key=KEY, retry=False)
    raw.get_papers([pid], fields=["title"])
    raw.get_paper_references(pid, fields=["title"])
    assert [(r.endpoint, r.headers.get("x-api-key")) for r in fake_s2.log] == [
        ("batch", KEY),
        ("references", None),
    ]


def test_the_key_never_reaches_logs_or_error_messages(fake_s2, ft, caplog):
    caplog.set_level(logging.DEBUG)
    client = client_for(fake_s2, ft, max_retries=1)
    client.paper_batch(listed_ids(fake_s2)[:1], ["title"])
    fake_s2.inject("batch", Fault.http(500), Fault.http(500))
    with pytest.raises(RetriesExhaustedError) as info:
        client.paper_batch(listed_ids(fake_s2)[:1], ["title"])
    assert KEY not in str(info.value)
    assert KEY not in repr(client)
    assert KEY not in caplog.text


# ------------------------------------------------------------ faults, retries


def test_429_waits_for_retry_after_then_succeeds(fake_s2, ft):
    client = client_for(fake_s2, ft)
    fake_s2.inject("batch", Fault.http(429, retry_after=7))
    [record] = client.paper_batch(listed_ids(fake_s2)[:1], ["title"])
    assert record["title"] == "Model 0: A method for things"
    assert ft.sleeps == [7.0]
    assert [r.status for r in fake_s2.log] == [429, 200]
    assert client.retries == 1


def test_retry_after_is_capped_by_max_wait(fake_s2, ft):
    client = client_for(fake_s2, ft, max_wait=30.0)
    fake_s2.inject("batch", Fault.http(429, retry_after=3600))
    client.paper_batch(listed_ids(fake_s2)[:1], ["title"])
    assert ft.sleeps == [30.0]


def test_retry_after_parses_seconds_and_http_dates():
    assert _retry_after("12", now=0.0) == 12.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert _retry_after("soon", now=0.0) is None
    assert _retry_after(None, now=0.0) is None


def test_without_retry_after_the_backoff_is_exponential_with_jitter(fake_s2, ft):
    client = client_for(fake_s2, ft, max_retries=4)
    fake_s2.inject("batch", Fault.http(429), Fault.http(503), Fault.http(500), Fault.http(502))
    client.paper_batch(listed_ids(fake_s2)[:1], ["title"])
    assert len(ft.sleeps) == 4
    for attempt, slept in enumerate(ft.sleeps):
        assert 2**attempt <= slept <= 2**attempt + 1


@pytest.mark.parametrize(
    "fault",
    [
        Fault.http(500),
        Fault.http(502),
        Fault.http(503),
        Fault.http(504),
        Fault("empty"),
        Fault("empty_json"),
        Fault("truncated"),
        Fault("drop"),
    ],
    ids=["500", "502", "503", "504", "empty-body", "empty-json", "truncated-json", "dropped-connection"],
)
@pytest.mark.parametrize("endpoint", ["batch", "references", "match"])
def test_a_fault_is_retried_and_the_answer_is_the_undisturbed_one(make_fake_s2, ft, fault, endpoint):
    server = make_fake_s2(World.from_entries(sample_entries(4, titles_only=1), seed=3))
    client = client_for(server, ft)

    def ask():
        if endpoint == "batch":
            return client.paper_batch(listed_ids(server), list(PAPER_FIELDS))
        if endpoint == "match":
            return client.match_title("Model 3: A method for things", ["title", "year"])
        pid = next(iter(server.world.papers))
        return client.list_page(pid, "references", offset=0)

    clean = ask()
    server.inject(endpoint, fault)
    assert ask() == clean
    assert [r.status for r in server.log if r.endpoint == endpoint][1:] == [
        fault.status if fault.kind == "status" else (-1 if fault.kind == "drop" else 200),
        200,
    ]
    assert client.retries == 1


def test_the_plain_client_takes_a_502_for_an_empty_answer(fake_s2):
    """Why: semanticscholar 0.12.0 turns a 502 into {} silently ("no such fields")."""
    raw = SemanticScholar(api_url=fake_s2.url[: -len("/graph/v1")], retry=False)
    pid = next(iter(fake_s2.world.papers))
    fake_s2.inject("paper", Fault.http(502))
    assert raw.get_paper(pid, fields=["title"]).raw_data == {}


def test_a_timeout_is_retried(fake_s2, ft):
    client = client_for(fake_s2, ft, timeout=0.3)
    fake_s2.inject("batch", Fault("delay", seconds=1.5))
    [record] = client.paper_batch(listed_ids(fake_s2)[:1], ["title"])
    assert record["title"] == "Model 0: A method for things"
    assert client.requests == 2 and client.retries == 1


def test_when_retries_run_out_the_error_says_what_is_missing(fake_s2, ft):
    client = client_for(fake_s2, ft, max_retries=2)
    pid = next(iter(fake_s2.world.papers))
    fake_s2.inject("references", Fault.http(503), Fault.http(503), Fault.http(503))
    with pytest.raises(RetriesExhaustedError, match=rf"the references of {pid} from offset 0: HTTP 503 after 3 attempts.*resume"):
        client.list_page(pid, "references", offset=0)
    assert fake_s2.count("references") == 3


def test_exhausted_retries_name_the_title_the_batch_and_the_labelled_paper(fake_s2, ft):
    client = client_for(fake_s2, ft, max_retries=1)
    title = "Q&A + more: a title with    query characters"
    fake_s2.inject("match", Fault.http(500), Fault.http(500))
    with pytest.raises(RetriesExhaustedError,
                       match='the title match for "Q&A \\+ more: a title with query characters"'):
        client.match_title(title, ["title"])
    long_title = "A " * 60
    fake_s2.inject("match", Fault.http(500), Fault.http(500))
    with pytest.raises(RetriesExhaustedError, match=r'title match for "(A ){39}A…": HTTP 500'):
        client.match_title(long_title, ["title"])

    ids = listed_ids(fake_s2)[:3]
    fake_s2.inject("batch", Fault("drop"), Fault("drop"), Fault("drop"), Fault("drop"))
    with pytest.raises(RetriesExhaustedError, match=f"the batch of 3 papers {ids[0]} … {ids[2]}: connection failed"):
        client.paper_batch(ids, ["title"])
    with pytest.raises(RetriesExhaustedError, match=r"for batch 2 of 7: connection failed"):
        client.paper_batch(ids, ["title"], what="batch 2 of 7")

    pid = next(iter(fake_s2.world.papers))
    fake_s2.inject("citations", Fault.http(502), Fault.http(502))
    with pytest.raises(RetriesExhaustedError, match=rf'the citations of "Paper" \({pid}\) from offset 0: HTTP 502'):
        client.list_page(pid, "citations", offset=0, label=f'"Paper" ({pid})')


def test_rejected_requests_are_not_retried(fake_s2, ft):
    client = client_for(fake_s2, ft)
    with pytest.raises(S2BadRequest, match=r"Unrecognized or unsupported fields: \[nope\]"):
        client.paper_batch(listed_ids(fake_s2)[:1], ["title", "nope"])
    assert client.requests == 1 and ft.sleeps == []


def test_a_refused_key_is_a_fetch_error(fake_s2, ft):
    client = client_for(fake_s2, ft)
    fake_s2.inject("batch", Fault.http(403))
    with pytest.raises(FetchError, match="HTTP 403.*API key"):
        client.paper_batch(listed_ids(fake_s2)[:1], ["title"])


def test_a_too_large_batch_answer_is_split(make_fake_s2, ft):
    server = make_fake_s2(World.from_entries(sample_entries(8), seed=2), max_response_bytes=1500)
    client = client_for(server, ft)
    ids = listed_ids(server)
    records = client.paper_batch(ids, list(PAPER_FIELDS))
    assert [r["externalIds"]["ArXiv"] for r in records] == [i.split(":", 1)[1] for i in ids]
    assert server.count("batch", 400) >= 1
    assert all(len(r.body["ids"]) <= 4 for r in server.log if r.status == 200)


def test_fields_must_be_a_list_and_batches_at_most_500(fake_s2, ft):
    client = client_for(fake_s2, ft)
    with pytest.raises(TypeError):
        client.paper_batch(["ARXIV:2401.00000"], "title,year")
    with pytest.raises(ValueError):
        client.paper_batch([f"ARXIV:2401.{i:05d}" for i in range(501)], ["title"])
    assert client.requests == 0


def test_paging_never_asks_past_the_window(fake_s2, ft):
    client = client_for(fake_s2, ft)
    pid = next(iter(fake_s2.world.papers))
    client.list_page(pid, "citations", offset=9500)
    assert fake_s2.log[-1].query["limit"] == "499"
    with pytest.raises(ValueError):
        client.list_page(pid, "citations", offset=9999)


# ------------------------------------------------------------- rate limiting


def test_pacing_keeps_the_minimum_interval(fake_s2, ft):
    client = client_for(fake_s2, ft, min_interval=1.0)
    for i in range(5):
        client.paper_batch(listed_ids(fake_s2)[i : i + 1], ["title"])
    # 4 waits of the interval and its safety margin
    assert sum(ft.sleeps) == pytest.approx(4.0 * PACE_MARGIN, abs=1e-6)


def _longest_refusal_run(server: FakeS2) -> int:
    longest = run = 0
    for r in server.log:
        run = run + 1 if r.status == 429 else 0
        longest = max(longest, run)
    return longest


@pytest.mark.parametrize("interval", [0.0, 0.05])
def test_against_a_rate_limit_no_request_is_refused_twice_in_a_row(make_fake_s2, interval):
    server = make_fake_s2(World.from_entries(sample_entries(12), seed=4), rps=20, fractional_retry_after=True)
    client = client_for(server, min_interval=interval)
    ids = listed_ids(server)
    got = [client.paper_batch([i], ["externalIds"])[0]["externalIds"]["ArXiv"] for i in ids]
    assert got == [i.split(":", 1)[1] for i in ids]
    assert _longest_refusal_run(server) <= 1
    if interval == 0.0:
        assert server.count(status=429) >= 1  # the limit was really hit


# ---------------------------------------------------- real recorded answers


def test_recorded_batch_with_null_keeps_input_order(make_fake_s2, recorded_dir, ft):
    [rec] = load_cassette(recorded_dir / "test_get_papers_return_not_found.yaml")
    server = make_fake_s2()
    server.add_recorded(rec, match=())
    ids = json.loads(rec.request_body)["ids"]
    records = client_for(server, ft).paper_batch(ids, rec.query["fields"].split(","))
    assert records[0] is None
    assert [r["externalIds"]["CorpusId"] for r in records[1:]] == [470667, 3142471, 255313304]
    assert records[2]["externalIds"]["DOI"] == "10.2139/ssrn.2250500"


def test_recorded_references_with_unresolved_papers(make_fake_s2, recorded_dir, ft):
    server = make_fake_s2()
    for rec in load_cassette(recorded_dir / "test_get_paper_references.yaml"):
        server.add_recorded(rec)
    client = client_for(server, ft)
    items, offset = [], 0
    while offset is not None:
        page = client.list_page("10.2139/ssrn.2250500", "references", offset=offset, limit=50, fields=["title"])
        items += page.items
        offset = page.next
    assert len(items) == 67  # the paper's referenceCount in the recorded batch answer
    assert sum(1 for i in items if i["citedPaper"]["paperId"] is None) == 23
    assert server.count("references") == 2


def test_recorded_nineteen_pages_of_citations(make_fake_s2, recorded_dir, ft):
    server = make_fake_s2()
    for rec in load_cassette(recorded_dir / "test_get_paper_citations.yaml"):
        server.add_recorded(rec)
    client = client_for(server, ft)
    items, offset = [], 0
    while offset is not None:
        page = client.list_page("CorpusID:14514057", "citations", offset=offset, limit=100, fields=["title"])
        items += page.items
        offset = page.next
    assert len(items) == 1881 and server.count("citations") == 19
    assert len({i["citingPaper"]["paperId"] for i in items}) > 1800


def test_recorded_404_and_400_bodies(make_fake_s2, recorded_dir, ft):
    server = make_fake_s2()
    server.add_recorded(load_cassette(recorded_dir / "test_not_found.yaml")[0], match=())
    server.add_recorded(load_cassette(recorded_dir / "test_bad_query_parameters.yaml")[0], match=())
    client = client_for(server, ft)
    assert client.paper("0", ["title"]) is None
    with pytest.raises(S2BadRequest, match=r"Unrecognized or unsupported fields: \[unknown\]"):
        client.paper("10.1093/mind/lix.236.433", ["unknown"])
    assert [r.status for r in server.log] == [404, 400]


def test_recorded_title_match(make_fake_s2, recorded_dir, ft):
    server = make_fake_s2()
    server.add_recorded(load_cassette(recorded_dir / "test_search_paper_match_title.yaml")[0], match=())
    record = client_for(server, ft).match_title("mining association rules between", ["title"])
    assert record["paperId"] == "6fe8c5bf8dddaadf10c765133d38dfef5714347f"
    assert server.log[0].query["query"] == "mining association rules between"


def test_titles_with_query_characters_reach_the_server_intact(make_fake_s2, ft):
    title = "R&D + Q#A: 50% of tokens? Yes/No"
    world = World()
    world.add_paper({"paperId": "a" * 40, "title": title})
    server = make_fake_s2(world.finish())
    assert client_for(server, ft).match_title(title, ["title"])["paperId"] == "a" * 40
    assert server.log[0].query["query"] == title


def test_lean_and_edge_fields_are_accepted_by_the_fake_like_the_real_api(fake_s2, ft):
    client = client_for(fake_s2, ft)
    pid = next(iter(fake_s2.world.papers))
    page = client.list_page(pid, "references", offset=0, fields=EDGE_FIELDS + LEAN_FIELDS)
    assert set(page.items[0]) >= {"isInfluential", "intents", "contexts", "citedPaper"}
    with pytest.raises(S2BadRequest):  # nested references are papers: no edge fields
        client.paper_batch([pid], ["title", "references.isInfluential"])


def test_a_429_widens_the_pacing_interval_and_answers_bring_it_back(fake_s2, ft):
    client = client_for(fake_s2, ft, min_interval=1.0)
    fake_s2.inject("batch", Fault.http(429, retry_after=0))
    client.paper_batch(listed_ids(fake_s2)[:1], ["title"])
    assert client.interval == pytest.approx(1 / (1 / 2.0 + 0.1))  # doubled by the 429, one answer adds rate back
    for i in range(1, 12):
        client.paper_batch(listed_ids(fake_s2)[i % 10 : i % 10 + 1], ["title"])
    assert client.interval == 1.0
    assert ft.sleeps[-2:] == [pytest.approx(PACE_MARGIN), pytest.approx(PACE_MARGIN)]
