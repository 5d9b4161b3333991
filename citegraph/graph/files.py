"""Writing an output file whole or not at all, under the name the user gave.

Every file citegraph writes goes through :func:`atomic_path`: the content is
written to a short temporary name beside the target, then renamed over it,
so a crash or Ctrl-C never leaves half a file.  The temporary name is short
(``.cg-XXXXXXXX.tmp``) so that any legal output name works, and an error
names the file the user gave, never the temporary one.  A symbolic link is
followed: its target is replaced and the link stays.  Only regular files are
written: a folder, device or FIFO in the way is refused.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Iterator

__all__ = ["atomic_path", "write_target", "not_regular"]


def write_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` replaces: ``path``, or a symlink's final target.

    >>> write_target("out/graph.json")
    PosixPath('out/graph.json')
    """
    path = Path(path)
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def not_regular(path: str | os.PathLike[str]) -> str | None:
    """What is at ``path`` when it exists and is not a regular file (``"a folder"``, ...), else ``None``.

    >>> not_regular("/dev/null"), not_regular("/no/such/file")
    ('a device', None)
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``path`` (or the file a symlink names).

    An :class:`OSError`, from the writing or the renaming, is raised again
    with ``path`` as its file name.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / ("x" * 245)
    >>> with atomic_path(out) as tmp:
    ...     _ = tmp.write_text("whole")
    >>> out.read_text(), len(list(out.parent.iterdir()))
    ('whole', 1)
    """
    target = write_target(path)
    what = not_regular(target)
    if what is not None:
        raise OSError(errno.EINVAL, f"is {what}, not a regular file; citegraph writes only regular files", str(path))
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".cg-", suffix=".tmp")
        os.close(fd)
        yield Path(tmp)
        # mkstemp creates 0600; an output is an ordinary file, so honour the umask.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
