"""A patch that adds suggested papers to a markdown list, each in its section's own entry format.

For each suggestion, the section it fits (a ``tags`` heading path) is found in
the list files through the entries read from them (``Entry.sources`` holds
``file:line``); the new entry goes after the section's last listed entry,
shaped like that entry: a bullet or numbered item, a table row, a heading, a
``**Title**`` paragraph, a ``[YY/MM]`` date tag, a title link or a short
``[paper](url)`` link, on one line or two as the section has it.  Nothing else
in the file changes: the patch only inserts lines.  :func:`write_list_patch`
writes one unified diff (``git apply`` / ``patch -p1`` from ``root``) and the
edited copies to review.  Titles are text: markdown characters are escaped.
"""

from __future__ import annotations

import difflib
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Iterable, Sequence

from citegraph.graph.files import atomic_path
from citegraph.lists.entry import Entry
from citegraph.text.ids import arxiv_year
from citegraph.text.matching import matches

__all__ = ["PatchedList", "ListPatch", "entry_lines", "list_patch", "write_list_patch", "paper_url"]

NOT_MARKDOWN = {
    ".bib", ".bibtex", ".html", ".htm", ".ids", ".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".ris", ".org", ".tex",
    ".bbl",
}
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_MARKER = re.compile(r"^(\s*)([-*+]|\d+[.)])(\s+)")
_DATE_TAG = re.compile(r"^\[(\d{2})/(\d{2})\]\s*")
_SHORT_LINK = re.compile(r"(\[*)\[([^\[\]\n]{1,24})\]\(([^()\s]*)\)(\]*)")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


@dataclass
class PatchedList:
    """One list file: its text, the edited text, the diff and what was added where."""

    path: Path
    original: str
    edited: str
    diff: str
    added: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ListPatch:
    """Every edited list, and the suggestions that found no place (with why)."""

    files: list[PatchedList]
    skipped: list[dict[str, Any]]
    apply_from: Path = Path(".")  # the folder the diff's paths are relative to

    @property
    def diff(self) -> str:
        return "".join(f.diff for f in self.files)


def _value(row: dict[str, Any], key: str) -> Any:
    """``row[key]``, with a missing value (``None``, NaN as pandas gives it, ``""``) as ``None``.

    >>> _value({"a": float("nan")}, "a"), _value({"a": "x"}, "a")
    (None, 'x')
    """
    value = row.get(key)
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return None
    return value


def paper_url(row: dict[str, Any]) -> str | None:
    """The link a new entry gets: arXiv, else DOI, else the Semantic Scholar page.

    >>> paper_url({"arxiv": "2405.09818"}), paper_url({"id": "x" * 40})
    ('https://arxiv.org/abs/2405.09818', None)
    """
    if _value(row, "arxiv"):
        return f"https://arxiv.org/abs/{row['arxiv']}"
    if _value(row, "doi"):
        return f"https://doi.org/{row['doi']}"
    pid = str(_value(row, "id") or "")
    return f"https://www.semanticscholar.org/paper/{pid}" if re.fullmatch(r"[0-9a-f]{40}", pid) else None


def _escape(text: str, *, table: bool = False) -> str:
    r"""Markdown-inert text: one line, with ``[ ] * _ ` < |`` escaped.

    >>> _escape("A [big] *model* <b>|x")
    'A \\[big\\] \\*model\\* &lt;b>|x'
    """
    text = " ".join(str(text).split())
    text = re.sub(r"([\\\[\]*_`])", lambda m: "\\" + m[1], text).replace("<", "&lt;")
    return text.replace("|", r"\|") if table else text


def _split_source(source: str) -> tuple[str, int] | None:
    path, _, line = source.rpartition(":")
    return (path, int(line)) if path and line.isdigit() else None


def _is_start(line: str, table: bool) -> bool:
    return bool(_HEADING.match(line) or _MARKER.match(line) or (table and line.lstrip().startswith("|")))


def _block_end(lines: list[str], start: int) -> int:
    """The last line (0-based) of the entry starting at ``start``: its continuation lines,
    and after blank lines only indented ones (authors under a numbered item, say)."""
    table = lines[start].lstrip().startswith("|")
    if table or _HEADING.match(lines[start]):
        return start
    end, k = start, start + 1
    while k < len(lines):
        line = lines[k]
        if not line.strip():
            k += 1
            continue
        if _is_start(line, table) or line.lstrip().startswith("|"):
            break
        if k > end + 1 and not line[:1].isspace():
            break
        end, k = k, k + 1
    return end


def _kind(line: str) -> str | None:
    """The shape of an entry's first line: ``table``, a list marker (``-``, ``1.``) or ``None``."""
    if line.lstrip().startswith("|"):
        return "table"
    m = _MARKER.match(line)
    if m:
        return m.group(1) + ("1." if m.group(2)[:-1].isdigit() else m.group(2))
    return None


def _run_end(lines: list[str], start: int) -> tuple[int, int]:
    """``(first line, last line)`` of the last item in the run of same-shaped items from
    ``start`` on: the section's last item, whether or not the list reader took it for a paper."""
    kind = _kind(lines[start])
    last, end = start, _block_end(lines, start)
    while kind is not None:
        k = end + 1
        while k < len(lines) and not lines[k].strip() and kind != "table":
            k += 1
        if k >= len(lines) or _kind(lines[k]) != kind:
            break
        last, end = k, _block_end(lines, k)
    return last, end


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return re.split(r"(?<!\\)\|", body)


def _date_of(row: dict[str, Any]) -> tuple[int | None, int | None]:
    year = _value(row, "year")
    year = int(year) if isinstance(year, (int, float)) else None
    month = None
    if _value(row, "arxiv"):
        arxiv = str(row["arxiv"])
        found = re.search(r"(?:^|/)\d{2}(\d{2})(?:\.|\d{3})", arxiv)
        year = year or arxiv_year(arxiv)
        month = int(found.group(1)) if found and 1 <= int(found.group(1)) <= 12 else None
    return year, month


def _table_row(template: str, row: dict[str, Any], title: str, url: str | None) -> str:
    cells = _cells(template)
    year, month = _date_of(row)
    link_cell = next((i for i, c in enumerate(cells) if "](" in c), len(cells) - 1)
    out = []
    for i, cell in enumerate(cells):
        text = cell.strip()
        if i == link_cell:
            value = f"[{_escape(title, table=True)}]({url})" if url else _escape(title, table=True)
        elif re.fullmatch(r"(19|20)\d{2}[-/.]\d{1,2}", text) and year:
            sep = re.search(r"[-/.]", text).group(0)  # type: ignore[union-attr]
            value = f"{year}{sep}{month:02d}" if month else str(year)
        elif re.fullmatch(r"(19|20)\d{2}", text) and year:
            value = str(year)
        else:
            value = ""
        out.append(f" {value} ")
    lead = template[: len(template) - len(template.lstrip())]
    return lead + "|" + "|".join(out) + "|"


def entry_lines(block: Sequence[str], row: dict[str, Any], *, number: int | None = None,
                template_title: str | None = None) -> list[str]:
    """The lines (without line ends) of a new entry for ``row``, shaped like the entry ``block``.

    ``block`` is an existing entry's lines; ``number`` the item number to
    give a numbered list; ``template_title`` that entry's title as the list
    wrote it (to find which part of the line is the title).

    Examples
    --------
    >>> row = {"title": "Anole: An Open Model", "arxiv": "2407.06135", "year": 2024}
    >>> entry_lines(["- [Chameleon: Mixed-Modal](https://arxiv.org/abs/2405.09818) - Meta"], row)
    ['- [Anole: An Open Model](https://arxiv.org/abs/2407.06135)']
    >>> entry_lines(["- [25/03] **OmniMamba: Efficient**  ",
    ...              "[[Paper](http://arxiv.org/pdf/2503.08686v1)] [[Code]()]"], row)
    ['- [24/07] **Anole: An Open Model**  ', '[[Paper](https://arxiv.org/abs/2407.06135)]']
    >>> entry_lines(["1. **The Graph Neural Network Model.** IEEE TNN 2009. [paper](https://x.org/1)"], row, number=1)
    ['1. **Anole: An Open Model.** 2024. [paper](https://arxiv.org/abs/2407.06135)']
    >>> entry_lines(["| 2017-06 | Transformers | Google | [Attention Is All You Need](https://a.b/c.pdf) |"], row)
    ['| 2024-07 |  |  | [Anole: An Open Model](https://arxiv.org/abs/2407.06135) |']
    """
    first = block[0].rstrip("\r\n")
    title = str(_value(row, "title") or _value(row, "name") or _value(row, "id"))
    url = paper_url(row)
    if first.lstrip().startswith("|"):
        return [_table_row(first, row, title, url)]
    heading = _HEADING.match(first)
    marker = _MARKER.match(first)
    if heading:
        prefix, rest = heading.group(0), first[heading.end():]
    elif marker:
        lead, mark, space = marker.groups()
        if number is not None and mark[:-1].isdigit():
            mark = f"{number}{mark[-1]}"
        prefix, rest = f"{lead}{mark}{space}", first[marker.end():]
    else:
        quote = re.match(r"^\s*(?:>\s*)*", first)
        prefix, rest = quote.group(0), first[quote.end():]  # type: ignore[union-attr]
    parts = []
    year, month = _date_of(row)
    if _DATE_TAG.match(rest) and year:
        parts.append(f"[{year % 100:02d}/{month:02d}]" if month else f"[{year % 100:02d}/??]")  # month unknown
        rest = rest[_DATE_TAG.match(rest).end():]  # type: ignore[union-attr]
    safe = _escape(title)
    known = (template_title or "").lower()
    linked = next((m for m in matches(re.compile(r"\[([^\[\]]+)\]\(([^()\s]+)\)"), rest)
                   if len(m.group(1)) >= 12 or (known and m.group(1).lower() in known)), None)
    bold = re.search(r"\*\*(.+?)\*\*", rest)
    if template_title and bold and template_title.lower()[:20] in bold.group(1).lower():
        linked = None  # the title is the bold part; a link after it is a short one
    if linked and not linked.group(1).startswith("http"):
        text = f"[{safe}]({url})" if url else safe
        bold_link = rest[max(0, linked.start() - 2):linked.start()] == "**"
        parts.append(f"**{text}**" if bold_link else text)
        line = prefix + " ".join(parts)
        return [line + (first[len(first.rstrip()):] if first.endswith("  ") else "")]
    if bold:
        dot = "." if bold.group(1).endswith(".") else ""
        parts.append(f"**{safe.rstrip('.')}{dot}**")
        if _YEAR.search(rest[bold.end():]) and year:
            parts.append(f"{year}.")
    else:
        parts.append(safe)
    hard_break = "  " if first.endswith("  ") else ""
    # the short link ([paper](url), [[Paper](url)]): on the title line, or on a line of its own
    for i, line in enumerate(block):
        short = _SHORT_LINK.search(line if i else rest)
        if short and url:
            piece = f"{short.group(1)}[{short.group(2)}]({url}){short.group(4)}"
            if i == 0:
                return [prefix + " ".join(parts + [piece]) + hard_break]
            lead = line[: len(line) - len(line.lstrip())]
            return [prefix + " ".join(parts) + hard_break, lead + piece]
    if url:
        parts.append(f"[{url}]({url})" if re.search(r"\[https?://", rest) else url)
    return [prefix + " ".join(parts) + hard_break]


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _diff(original: str, edited: str, name: str) -> str:
    """A unified diff git and patch accept, with "No newline at end of file" where due."""
    out = []
    for line in difflib.unified_diff(original.splitlines(keepends=True), edited.splitlines(keepends=True),
                                     f"a/{name}", f"b/{name}", n=3):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _section_anchors(entries: Iterable[Entry]) -> dict[str, dict[str, list[tuple[int, Entry]]]]:
    """section -> file -> [(line, entry)]: entries named once, in one section, so that the
    line is surely in that section (an entry named twice merges its sections)."""
    anchors: dict[str, dict[str, list[tuple[int, Entry]]]] = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        places = [p for p in map(_split_source, entry.sources) if p is not None]
        if len(places) == 1 and len(entry.tags) == 1:
            anchors[entry.tags[0]][places[0][0]].append((places[0][1], entry))
    return anchors


def _spaced(lines: list[str], starts: list[int]) -> bool:
    """Whether the section's entries are separated by blank lines (two entries in a row say)."""
    starts = sorted(set(starts))
    for a, b in zip(starts, starts[1:]):
        end = _block_end(lines, a)
        if end + 1 < b:
            return all(not line.strip() for line in lines[end + 1:b])
    return False


def list_patch(suggestions: Sequence[dict[str, Any]], entries: Sequence[Entry], *,
               root: str | os.PathLike[str] | None = None) -> ListPatch:
    """Insert each suggestion after the last entry of its ``section`` in the list files.

    Parameters
    ----------
    suggestions
        Rows of :func:`citegraph.analysis.suggest.suggest_papers` (``title``,
        ``arxiv``, ``doi``, ``year``, ``section``, ``sections``), best first.
    entries
        The entries read from the list files (their ``tags`` and ``sources``).
    root
        Paths in the diff are relative to this folder (default: the current
        one); when a list lies outside it, to the file system's root (see
        ``ListPatch.apply_from``).

    Returns
    -------
    ListPatch
        The edited files with their diffs, and ``skipped`` suggestions (no
        section, a section not found in a markdown file) with why.
    """
    base = Path(root or os.getcwd()).resolve()
    anchors = _section_anchors(entries)
    plans: dict[str, dict[int, list[tuple[dict[str, Any], list[str], bool]]]] = defaultdict(lambda: defaultdict(list))
    texts: dict[str, str] = {}
    skipped = []
    unreadable: dict[str, str] = {}
    numbers: dict[tuple[str, int], int] = {}
    for row in suggestions:
        place = None
        for section in [row.get("section"), *(row.get("sections") or [])]:
            by_file = anchors.get(section or "", {})
            md = {f: v for f, v in by_file.items() if Path(f).suffix.lower() not in NOT_MARKDOWN}
            if md:
                place = max(md.items(), key=lambda kv: len(kv[1]))
                break
        if place is None:
            skipped.append({"id": row.get("id"), "title": row.get("title"),
                            "reason": "no markdown section of the lists to put it in"})
            continue
        path, spots = place
        if path not in texts:
            try:
                texts[path] = Path(path).read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                texts[path] = ""
                unreadable[path] = f"cannot edit {path}: {exc}"
        lines = texts[path].splitlines()
        line, entry = max(spots, key=lambda t: t[0])
        start = line - 1
        if path in unreadable or start >= len(lines):
            skipped.append({"id": row.get("id"), "title": row.get("title"),
                            "reason": unreadable.get(path) or f"{path} changed since it was read"})
            continue
        block = lines[start:_block_end(lines, start) + 1]
        last, end = _run_end(lines, start)
        number = None
        marker = _MARKER.match(lines[last])
        if marker and marker.group(2)[:-1].isdigit():
            previous = [int(m.group(2)[:-1]) for n, _ in spots
                        if n - 1 < len(lines) and (m := _MARKER.match(lines[n - 1])) and m.group(2)[:-1].isdigit()]
            step = 0 if len(set(previous)) == 1 and len(previous) > 1 else 1  # "1." on every item stays so
            key = (path, end)
            numbers[key] = numbers.get(key, int(marker.group(2)[:-1])) + step
            number = numbers[key]
        spaced = _spaced(lines, [n - 1 for n, _ in spots if n - 1 < len(lines)])
        plans[path][end].append((row, entry_lines(block, row, number=number, template_title=entry.title), spaced))
    inside = all(_is_within(Path(path).resolve(), base) for path in plans)
    top = base if inside else Path(Path(base).anchor)  # a list outside root: paths from the file system's root
    files = []
    for path, at in plans.items():
        original = texts[path]
        nl = _newline(original)
        lines = original.splitlines(keepends=True)
        added = []
        for end in sorted(at, reverse=True):
            new: list[str] = []
            for row, new_lines, spaced in at[end]:
                new.extend(([nl] if spaced else []) + [x + nl for x in new_lines])
                added.append({"id": row.get("id"), "title": row.get("title"), "section": row.get("section"),
                              "file": path, "after_line": end + 1})
            if end == len(lines) - 1 and not lines[end].endswith(("\n", "\r")):
                new[-1] = new[-1][: -len(nl)]  # keep the file's missing final newline where it was
                lines[end] += nl
            lines[end + 1:end + 1] = new
        edited = "".join(lines)
        name = Path(path).resolve().relative_to(top).as_posix()
        files.append(PatchedList(Path(path), original, edited, _diff(original, edited, name),
                                 sorted(added, key=lambda a: a["after_line"])))
    return ListPatch(files=files, skipped=skipped, apply_from=top)


def _is_within(path: Path, base: Path) -> bool:
    try:
        path.relative_to(base)
    except ValueError:
        return False
    return True


def write_list_patch(patch: ListPatch, out_dir: str | os.PathLike[str], *,
                     name: str = "suggest.patch") -> dict[str, Path]:
    """Write ``patch``'s diff to ``out_dir/name`` and each edited list to ``out_dir/edited/``.

    Returns the files written, by role (``patch``, then ``edited/<file name>``).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {"patch": out / name}
    with atomic_path(written["patch"]) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
        fh.write(patch.diff)
    for f in patch.files:
        target = out / "edited" / f.path.name
        target.parent.mkdir(exist_ok=True)
        with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
            fh.write(f.edited)
        written[f"edited/{f.path.name}"] = target
    return written
