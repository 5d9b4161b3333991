"""Output paths checked before any work: outputs never overwrite an input or each other.

Every command that writes files (``build``, ``report``, ``html``, ``export``,
``audit --merge``, ``lineage -o``, ``datasets neighbourhood``) hands its outputs and inputs to :func:`check_outputs`
first.  Paths are compared after resolving symbolic links and ``..``, and as
files (a hard link to a list is that list).  An output must be a regular file
or not exist yet: a folder, device or FIFO is refused.  A symbolic link is
followed: its target is replaced and the link stays (see
:mod:`citegraph.graph.files`, which does the atomic writing).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from collections.abc import Mapping, Sequence

from citegraph.errors import UsageError
from citegraph.fetch.cache import resolve_cache_path
from citegraph.graph.files import atomic_path, not_regular, write_target

__all__ = ["check_outputs", "write_text_output"]

_PathLike = str | os.PathLike[str] | None


def _same(a: Path, b: Path) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)  # hard links
    except OSError:
        return False


def _check_name(path: Path) -> None:
    """Refuse a file name longer than its file system allows (255 bytes on most)."""
    folder = next((p for p in path.absolute().parents if p.is_dir()), Path("/"))
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    size = len(os.fsencode(path.name))
    if size > limit:
        raise UsageError(f"{path}: cannot write (the name is {size} bytes, over the file system's limit of {limit})")


def check_outputs(
    outputs: Mapping[str, _PathLike],
    inputs: Mapping[str, _PathLike | Sequence[_PathLike]] | None = None,
    *,
    fetch: Mapping[str, Any] | None = None,
    make_folders: bool = True,
) -> dict[str, Path]:
    """Refuse outputs that would overwrite an input, the cache or another output; make their folders.

    Parameters
    ----------
    outputs
        What the command writes, by how the user named it (``{"-o": "g.json",
        "--graphml": None}``); ``None`` entries are skipped.
    inputs
        What the command reads, a path or a list of paths by label
        (``{"LIST": ["a.md", "b.md"], "GRAPH": "g.json"}``); ``-`` (stdin) is skipped.
    fetch
        The fetch options of a command that fetches: their cache file (given,
        ``$CITEGRAPH_CACHE`` or the default) is an input too.
    make_folders
        Create each output's folder, so that a bad path fails now, not after the work.

    Returns
    -------
    dict
        The outputs given, as paths.

    Raises
    ------
    UsageError
        One line naming the two clashing paths, or the output that is not a
        regular file, or the folder that cannot be made.

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); notes = os.path.join(d, "notes.md"); _ = open(notes, "w").write("x")
    >>> check_outputs({"-o": os.path.join(d, "g.json")}, {"LIST": notes})  # doctest: +ELLIPSIS
    {'-o': PosixPath('.../g.json')}
    >>> check_outputs({"-o": notes}, {"LIST": notes})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citegraph.errors.UsageError: -o .../notes.md is the input LIST .../notes.md: citegraph never writes ...
    """
    given = {label: Path(p) for label, p in outputs.items() if p is not None and str(p) != ""}
    read: list[tuple[str, Path]] = []
    for label, value in (inputs or {}).items():
        for p in [value] if value is None or isinstance(value, (str, os.PathLike)) else value:
            if p is not None and str(p) not in ("", "-"):
                read.append((label, Path(p)))
    if fetch is not None:
        read.append(("--cache", resolve_cache_path(fetch.get("cache"))))
    seen: list[tuple[str, Path]] = []
    for label, path in given.items():
        for in_label, in_path in read:
            if _same(path, in_path):
                raise UsageError(
                    f"{label} {path} is the input {in_label} {in_path}: citegraph never writes over "
                    "its inputs; choose another output name"
                )
        for other_label, other in seen:
            if _same(path, other):
                raise UsageError(
                    f"{label} {path} and {other_label} {other} are the same file: give them different names"
                )
        _check_name(path)
        what = not_regular(write_target(path))
        if what is not None:
            raise UsageError(f"{label} {path} is {what}, not a regular file: citegraph writes only regular files")
        seen.append((label, path))
        if make_folders:
            try:
                write_target(path).parent.mkdir(parents=True, exist_ok=True)
            except (FileExistsError, NotADirectoryError):
                raise UsageError(f"{path}: cannot write (a part of the path is a file, not a folder)") from None
            except OSError as exc:
                raise UsageError(f"{exc.filename or path}: cannot write ({exc.strerror or exc})") from None
    return given


def write_text_output(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to the file ``path``, whole or not at all.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "lineage.md"
    >>> write_text_output(out, "# Lineage\\n"); out.read_text(encoding="utf-8")
    '# Lineage\\n'
    """
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
