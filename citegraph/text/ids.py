"""Recognising paper identifiers in URLs and text: arXiv, DOI, Semantic Scholar.

Pure string functions shared by the list readers (:mod:`citegraph.lists.reader`).
A URL is a paper only when it names one of these identifiers; links to code,
project pages, images and news are not papers (GitHub repositories are kept
apart as ``repos``).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote

from citegraph.text.titles import normalize_title

__all__ = [
    "IdError",
    "parse_arxiv_id",
    "parse_doi",
    "find_doi",
    "parse_s2_id",
    "parse_any_id",
    "arxiv_date",
    "arxiv_year",
    "unwrap_redirect",
    "paper_ids_in_url",
    "doi_ids",
    "github_repo",
    "paper_key",
]


class IdError(ValueError):
    """A link or labelled value that claims to be a paper id but is not one."""


# yymm.nnnn (2007-2014) or yymm.nnnnn (2015 on); the month must be real.
_NEW_ARXIV = re.compile(r"(\d{2})(0[1-9]|1[0-2])\.(\d{4,5})(?:v\d+)?")
# archive[.SUBJ]/yymmnnn, e.g. cs/0309023, math.GT/0309136, hep-th/9901001
_OLD_ARXIV = re.compile(r"([a-z]+(?:-[a-z]+)?)(?:\.[A-Z]{2})?/(\d{2})(0[1-9]|1[0-2])(\d{3})(?:v\d+)?")
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_S2_HEX = re.compile(r"[0-9a-f]{40}")
_CORPUS = re.compile(r"corpus[\s_-]?id\s*[:：]?\s*(\d+)", re.I)
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(.+)", re.I)
# Characters that end an id written in running text or a URL.
_TRAILING = ".,;:!?)]}>'\"，。；：！？）】》」』、"

_YYMM = re.compile(r"(?:^|/)(\d{2})(\d{2})")
# Characters no DOI holds, in a token or in running text; and the brackets a DOI may balance.
_DOI_STOP = "\"'，。；、）】》"
_CLOSES = {")": "(", "]": "[", "}": "{", ">": "<"}
_OPENS = frozenset(_CLOSES.values())
_URLISH = re.compile(r"(?i)(https?://|www\.|arxiv\.org/|doi\.org/)")
_HTTP = re.compile(r"(?i)https?:/")
_SCHEME = re.compile(r"(?i)[a-z][a-z0-9+.-]*://")
# scheme, authority, path, query (RFC 3986, appendix B)
_URL_PARTS = re.compile(r"(?:[^:/?#]+:)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?", re.S)
_MIRROR_PATH = re.compile(r"^/arxiv/(?:kimi\?paper=)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7})/?$")
_ARXIV_MIRRORS = {
    "papers.cool": _MIRROR_PATH, "hjfy.top": _MIRROR_PATH, "semanticscholar.org": _MIRROR_PATH,
    "arxiv-sanity-lite.com": re.compile(r"(?:^|&)pid=(\d{4}\.\d{4,5}(?:v\d+)?)(?:&|$)"),
}
_ARXIV_PATH = re.compile(r"/(?:abs|pdf|html|format|ps|overview)/(.*)$")
# a DOI as a path segment of a publisher's page (link.springer.com/article/10.1007/...,
# biorxiv.org/content/10.1101/...v1, .../content/pdf/10.1007%2F....pdf) or its ?id= (PLOS)
_DOI_IN_PATH = re.compile(r"/(?:article|chapter|content|pdf|abs|full|book|epdf)/(10\.\d{4,9}/.+)$")
_DOI_PAGE_END = re.compile(r"(?:v\d+)?(?:\.full|\.abstract|\.supplementary-material)?(?:\.pdf|\.html?)?/?$", re.I)
_ARXIV_HOSTS = ("arxiv.org", "alphaxiv.org", "ar5iv.org")
_PDF_SUFFIX = re.compile(r"(?i)\.pdf$")
_HF_PAPER = re.compile(r"/papers/([^/?#]+)")
_S2_PATH = re.compile(r"/paper/(?:.*/)?([^/]+)/?$")
_GITHUB = re.compile(r"(?i)(?:https?://)?(?:www\.)?github\.com/([\w.-]+)/([\w.-]+)")
_REDIRECT_KEYS = ("target", "url", "u", "q", "to", "link", "redirect", "dest")
_GITHUB_RESERVED = {
    "orgs", "topics", "features", "sponsors", "settings", "marketplace", "about",
    "login", "join", "explore", "collections", "trending", "search", "site", "apps",
}


def parse_arxiv_id(value: str) -> str | None:
    """The arXiv id in ``value`` without version, or ``None`` if it is not one.

    New-style ids need a real month and the right number of digits for their
    date (4 before 2015, 5 from 2015), so a truncated id is rejected.

    >>> parse_arxiv_id("arXiv:2405.09818")
    '2405.09818'
    >>> parse_arxiv_id("2405.0981") is None
    True
    >>> parse_arxiv_id("1412.6980"), parse_arxiv_id("2503.08686v1"), parse_arxiv_id("cs/0309023v2")
    ('1412.6980', '2503.08686', 'cs/0309023')
    """
    v = value.strip()
    if v[:6].lower() == "arxiv:":
        v = v[6:].strip()
    m = _NEW_ARXIV.fullmatch(v)
    if m:
        yymm = int(m.group(1) + m.group(2))
        digits = len(m.group(3))
        if (yymm >= 1501 and digits == 5) or (yymm < 1501 and digits == 4 and yymm >= 704):
            return f"{m.group(1)}{m.group(2)}.{m.group(3)}"
        return None
    m = _OLD_ARXIV.fullmatch(v)
    if m:
        return f"{m.group(1)}/{m.group(2)}{m.group(3)}{m.group(4)}"
    return None


def arxiv_date(arxiv: str) -> tuple[int, int] | None:
    """``(year, month)`` an arXiv id was issued in, from its ``yymm``; ``None`` when it has none.

    Old-style ids (``hep-th/9901001``) carry the date too; arXiv began in 1991.

    >>> arxiv_date("2405.09818"), arxiv_date("hep-th/9901001"), arxiv_date("cs/0309023v2")
    ((2024, 5), (1999, 1), (2003, 9))
    >>> arxiv_date("2413.00001") is None, arxiv_date("") is None
    (True, True)
    """
    m = _YYMM.search(arxiv)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    yy = int(m.group(1))
    return (1900 + yy if yy >= 91 else 2000 + yy), int(m.group(2))


def arxiv_year(arxiv: str) -> int | None:
    """The year an arXiv id was issued (see :func:`arxiv_date`).

    >>> arxiv_year("2405.09818"), arxiv_year("hep-th/9901001"), arxiv_year("cs/0309023")
    (2024, 1999, 2003)
    """
    date = arxiv_date(arxiv)
    return date[0] if date else None


def parse_doi(value: str, whole: bool = False) -> str | None:
    """A DOI, lower-cased, without URL prefix or trailing punctuation.

    ``whole`` says the value is one field or token (an id-file line, a BibTeX
    ``doi`` field, a ``DOI:`` label's value, a DOI link's path): there a DOI
    ends only at white space, so ``<``, ``>`` and ``;`` stay in it.  In running
    text (the default) it also ends at ``<`` or ``>``.  Either way a closing
    bracket stays when it balances one opened inside the DOI.

    >>> parse_doi("https://doi.org/10.1145/3292500.3330701.")
    '10.1145/3292500.3330701'
    >>> parse_doi("doi:10.18653/V1/2023.ACL-LONG.1")
    '10.18653/v1/2023.acl-long.1'
    >>> parse_doi("(see 10.1061/(ASCE)0733-9445(2000)126:1(1)).")
    '10.1061/(asce)0733-9445(2000)126:1(1)'
    >>> parse_doi("10.1175/1520-0469(1963)020<0130:DNF>2.0.CO;2", whole=True)
    '10.1175/1520-0469(1963)020<0130:dnf>2.0.co;2'
    """
    found = find_doi(_unquote_all(value.strip()), whole)
    if not found:
        return None
    return found[0].lower()


_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() says of a character


def find_doi(text: str, whole: bool = False) -> tuple[str, int, int] | None:
    """The first DOI in ``text`` as written (case kept, no decoding), with its
    start and end; ``whole`` as in :func:`parse_doi`.

    >>> find_doi("DOI: 10.1000/xyz(1); more")
    ('10.1000/xyz(1)', 5, 19)
    >>> find_doi("10.1000/abc<br>", whole=True)
    ('10.1000/abc', 0, 11)
    >>> find_doi("10.1145/]**", whole=True) is None
    True
    """
    m = _DOI.search(text)
    if not m:
        return None
    doi = _strip_doi_end(_doi_extent(m.group(0), whole))
    if "/" not in doi or doi.endswith("/"):
        return None
    suffix = doi.split("/", 1)[1]
    if suffix[0] in _CLOSES or not _ALNUM.search(suffix):
        return None  # "10.1145/]**": markup after a bare prefix, not a DOI's suffix
    return doi, m.start(), m.start() + len(doi)


def _doi_extent(token: str, whole: bool) -> str:
    """The longest DOI ``token`` (no white space in it) can hold before a
    character that ends it: an HTML tag, a quote or CJK punctuation, a
    closing bracket that closes nothing, and in running text ``<``/``>``
    outside brackets the DOI opened."""
    stack: list[str] = []
    for i, c in enumerate(token):
        if c in _DOI_STOP or (c == "<" and token[i + 1 : i + 2].isalpha()) or token.startswith("</", i):
            return token[:i]
        if c in _CLOSES:
            if stack and stack[-1] == _CLOSES[c]:
                stack.pop()
            elif whole:
                continue  # an odd bracket inside one token is still the DOI's
            else:
                return token[:i]
        elif c in _OPENS:
            if c == "<" and not whole and not stack:
                return token[:i]
            stack.append(c)
    return token


def _strip_doi_end(doi: str) -> str:
    """``doi`` without the punctuation that ends the sentence around it; a
    closing bracket stays when it balances an opening one inside the DOI."""
    while doi and doi[-1] in _TRAILING:
        c = doi[-1]
        if c in _CLOSES and doi.count(_CLOSES[c]) >= doi.count(c):
            break
        doi = doi[:-1]
    return doi


def doi_ids(doi: str) -> dict[str, str]:
    """The ids a DOI stands for: arXiv's own DataCite DOIs (``10.48550/arXiv.ID``) name the arXiv id.

    >>> doi_ids("10.48550/arxiv.2401.01234"), doi_ids("10.1145/3292500.3330701")
    ({'arxiv': '2401.01234'}, {'doi': '10.1145/3292500.3330701'})
    """
    m = _ARXIV_DOI.fullmatch(doi)
    arxiv = parse_arxiv_id(m.group(1)) if m else None
    return {"arxiv": arxiv} if arxiv else {"doi": doi}


def parse_s2_id(value: str) -> str | None:
    """A Semantic Scholar paperId (40 hex) or ``CorpusId:NNN``.

    >>> parse_s2_id("CorpusID: 14514057")
    'CorpusId:14514057'
    >>> parse_s2_id("649def34f8be52c8b66281af98ae884c09aef38b")
    '649def34f8be52c8b66281af98ae884c09aef38b'
    """
    v = value.strip()
    if _S2_HEX.fullmatch(v.lower()):
        return v.lower()
    m = _CORPUS.fullmatch(v)
    if m:
        return f"CorpusId:{m.group(1)}"
    return None


def parse_any_id(value: str) -> dict[str, str]:
    """Ids in a value that is nothing but an id or a paper URL (id files, BibTeX fields).

    >>> parse_any_id("10.48550/arXiv.2405.09818")
    {'arxiv': '2405.09818'}
    >>> parse_any_id("not an id")
    {}
    """
    v = value.strip().strip("<>")
    if not v:
        return {}
    if _URLISH.match(v):
        try:
            return paper_ids_in_url(v)
        except IdError:
            return {}
    arxiv = parse_arxiv_id(v)
    if arxiv:
        return {"arxiv": arxiv}
    s2 = parse_s2_id(v)
    if s2:
        return {"s2_id": s2}
    low = v.lower()
    if low.startswith("doi:"):
        v = v[4:].strip()
    if v.startswith("10."):
        found = find_doi(_unquote_all(v), whole=True)
        # the value must be the DOI and nothing more (trailing punctuation aside)
        doi = found[0].lower() if found and not _unquote_all(v)[found[2] :].strip(_TRAILING) else None
        if doi:
            m = _ARXIV_DOI.fullmatch(doi)
            if m and parse_arxiv_id(m.group(1)):
                return {"arxiv": parse_arxiv_id(m.group(1))}  # type: ignore[dict-item]
            return {"doi": doi}
    return {}


def _unquote_all(text: str, rounds: int = 3) -> str:
    """Percent-decoding repeated until nothing changes: links copied through
    several redirect services arrive encoded twice (``%253A`` for ``:``).

    >>> _unquote_all("https%253A%252F%252Farxiv.org%252Fabs%252F2412.18619")
    'https://arxiv.org/abs/2412.18619'
    """
    for _ in range(rounds):
        decoded = unquote(text)
        if decoded == text:
            break
        text = decoded
    return text


def unwrap_redirect(url: str, depth: int = 3) -> str:
    """The URL a redirect link (``link.zhihu.com/?target=...``) points to.

    >>> unwrap_redirect("https://link.zhihu.com/?target=https%3A//github.com/NVlabs/VILA")
    'https://github.com/NVlabs/VILA'
    """
    if "?" not in url:
        return url
    for _ in range(depth):
        query = _url_parts(url)[2]
        if not query:
            return url
        for key, value in parse_qsl(query, keep_blank_values=False):
            value = _unquote_all(value.strip())
            if key.lower() in _REDIRECT_KEYS and _HTTP.match(value):
                url = value
                break
        else:
            return url
    return url


def _url_parts(url: str) -> tuple[str, str, str]:
    """``(host, path, query)`` of ``url`` by RFC 3986's own splitting regex (its appendix B).

    Not ``urllib.parse.urlsplit``: that keeps its last 128 URLs and their parts
    in a cache, more than a small list's own size held after it is read.
    """
    m = _URL_PARTS.match(url.replace("\t", "").replace("\r", "").replace("\n", "").lstrip())
    assert m is not None  # every group is optional: the pattern matches any text
    netloc = (m.group(1) or "").rpartition("@")[2]
    host = netloc[1:].partition("]")[0] if netloc.startswith("[") else netloc.partition(":")[0]
    return host.lower(), m.group(2), m.group(3) or ""


def _host_path(url: str) -> tuple[str, str]:
    if not _SCHEME.match(url):
        url = "https://" + url
    host, path, _ = _url_parts(url)
    return host, _unquote_all(path)


def paper_ids_in_url(url: str) -> dict[str, str]:
    """The paper ids a URL names: ``{"arxiv"|"doi"|"s2_id": value}``, empty if none.

    Raises :class:`IdError` for a link that points at an id page but whose
    id is malformed (a truncated ``arxiv.org/abs/2405.0`` link).

    >>> paper_ids_in_url("http://arxiv.org/pdf/2503.08686v1")
    {'arxiv': '2503.08686'}
    >>> paper_ids_in_url("https://www.semanticscholar.org/paper/Attention/204e3073870fae3d05bcbc2f6a8e263d9b72e776")
    {'s2_id': '204e3073870fae3d05bcbc2f6a8e263d9b72e776'}
    >>> paper_ids_in_url("https://arxiv.org/abs/2405.0")
    Traceback (most recent call last):
    ...
    citegraph.text.ids.IdError: malformed arXiv link https://arxiv.org/abs/2405.0

    Redirect links are followed, however many times they were percent-encoded:

    >>> paper_ids_in_url("https://link.zhihu.com/?target=https%3A//arxiv.org/abs/2412.18619")
    {'arxiv': '2412.18619'}
    >>> paper_ids_in_url("https://link.zhihu.com/?target=https%253A%252F%252Farxiv.org%252Fabs%252F2412.18619")
    {'arxiv': '2412.18619'}
    >>> paper_ids_in_url("https://github.com/deepseek-ai/Janus")
    {}
    >>> paper_ids_in_url("https://papers.cool/arxiv/2412.04680"), paper_ids_in_url("https://hjfy.top/arxiv/2412.04680v2")
    ({'arxiv': '2412.04680'}, {'arxiv': '2412.04680'})
    >>> paper_ids_in_url("https://www.semanticscholar.org/arxiv/2412.04680")
    {'arxiv': '2412.04680'}
    >>> paper_ids_in_url("https://arxiv-sanity-lite.com/?rank=pid&pid=2412.04680")
    {'arxiv': '2412.04680'}
    """
    url = unwrap_redirect(url.strip())
    try:
        host, path = _host_path(url)
    except ValueError:
        return {}
    if host.startswith("www."):
        host = host[4:]
    if host in _ARXIV_HOSTS or host.endswith(".arxiv.org"):  # browse., export., ar5iv.labs.
        m = _ARXIV_PATH.match(path)
        if not m:
            return {}
        raw = _PDF_SUFFIX.sub("", m.group(1).strip("/"))
        arxiv = parse_arxiv_id(raw)
        if not arxiv:
            raise IdError(f"malformed arXiv link {url}")
        return {"arxiv": arxiv}
    # an arXiv paper's page on a mirror or reader (papers.cool, hjfy.top's translations,
    # Semantic Scholar's /arxiv/ID, arxiv-sanity's ?pid=ID)
    mirror = _ARXIV_MIRRORS.get(host)
    if mirror and (m := mirror.search(path if host != "arxiv-sanity-lite.com" else _url_parts(url)[2])) and (
            arxiv := parse_arxiv_id(m.group(1))):
        return {"arxiv": arxiv}
    if host == "huggingface.co":
        # hf.co/papers/<arXiv id> is the arXiv paper's page; models, datasets
        # and spaces are not papers.
        m = _HF_PAPER.match(path)
        arxiv = parse_arxiv_id(m.group(1)) if m else None
        return {"arxiv": arxiv} if arxiv else {}
    if host in ("doi.org", "dx.doi.org") or "/doi/" in path:
        doi = parse_doi(path.split("/doi/", 1)[-1] if "/doi/" in path else path.lstrip("/"), whole=True)
        if not doi:
            raise IdError(f"malformed DOI link {url}")
        m = _ARXIV_DOI.fullmatch(doi)
        if m and parse_arxiv_id(m.group(1)):
            return {"arxiv": parse_arxiv_id(m.group(1))}  # type: ignore[dict-item]
        return {"doi": doi}
    doi = _doi_in_page(url, path)
    if doi:
        return {"doi": doi}
    if host in ("semanticscholar.org", "api.semanticscholar.org"):
        m = _CORPUS.search(path)
        if m:
            return {"s2_id": f"CorpusId:{m.group(1)}"}
        m = _S2_PATH.match(path)
        if not m:
            return {}
        if not _S2_HEX.fullmatch(m.group(1).lower()):
            raise IdError(f"malformed Semantic Scholar link {url}")
        return {"s2_id": m.group(1).lower()}
    return {}


def _doi_in_page(url: str, path: str) -> str | None:
    """The DOI a publisher's page names in its path or ``?id=`` (see ``_DOI_IN_PATH``).

    >>> _doi_in_page("https://biorxiv.org/content/10.1101/2024.04.22.590591v1", "/content/10.1101/2024.04.22.590591v1")
    '10.1101/2024.04.22.590591'
    >>> _doi_in_page("https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0001", "/plosone/article")
    '10.1371/journal.pone.0001'
    """
    m = _DOI_IN_PATH.search(path)
    if m:
        value = m.group(1)
        if value.startswith("10.1101/"):  # bioRxiv/medRxiv: the version and page suffix are no part of the DOI
            value = _DOI_PAGE_END.sub("", value)
        else:
            value = re.sub(r"(?i)\.pdf$", "", value)
        return parse_doi(value, whole=True)
    if "id=10." in url:
        for key, value in parse_qsl(_url_parts(url)[2]):
            if key.lower() in ("id", "doi") and value.startswith("10."):
                return parse_doi(value, whole=True)
    return None


def github_repo(url: str) -> str | None:
    """``github.com/org/repo`` for a link into a GitHub repository, else ``None``.

    >>> github_repo("https://github.com/bytedance/dplm}.")
    'github.com/bytedance/dplm'
    >>> github_repo("https://github.com/orgs/foo") is None
    True
    """
    m = _GITHUB.match(unwrap_redirect(url))
    if not m:
        return None
    org, repo = m.group(1), m.group(2).rstrip(".")
    if repo.lower().endswith(".git"):
        repo = repo[:-4]
    if not repo or org.lower() in _GITHUB_RESERVED:
        return None
    return f"github.com/{org}/{repo}"


def paper_key(
    *,
    paper_id: str | None = None,
    arxiv: str | None = None,
    doi: str | None = None,
    corpus_id: int | str | None = None,
    title: str | None = None,
) -> str:
    """The node id for a paper: the most stable identifier it has.

    >>> paper_key(arxiv="2405.09818", title="Chameleon")
    'arxiv:2405.09818'
    >>> paper_key(doi="10.1000/XYZ")
    'doi:10.1000/xyz'
    >>> paper_key(title="Chameleon: Mixed-Modal Early-Fusion Foundation Models")
    'title:chameleon mixed modal early fusion foundation models'
    >>> paper_key(corpus_id=14514057, title="Some title")
    'corpus:14514057'
    """
    if paper_id:
        return paper_id
    if arxiv:
        return f"arxiv:{arxiv}"
    if doi:
        return f"doi:{doi.lower()}"
    if corpus_id:
        return f"corpus:{corpus_id}"
    if title and normalize_title(title):
        return f"title:{normalize_title(title)}"
    raise ValueError("a paper needs a paperId, arXiv id, DOI, CorpusId or title")
