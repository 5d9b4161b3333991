"""The one check of output paths and the atomic writer every output goes through."""

from __future__ import annotations

import errno
import os

import pytest

from citegraph.errors import UsageError
from citegraph.export.paths import check_outputs
from citegraph.graph.files import atomic_path, not_regular


def test_devices_folders_and_fifos_are_not_outputs(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    assert not_regular("/dev/null") == "a device"
    assert not_regular(tmp_path) == "a folder"
    assert not_regular(tmp_path / "fifo") == "a FIFO (named pipe)"
    for path in ("/dev/null", tmp_path / "fifo"):
        with pytest.raises(UsageError, match="not a regular file"):
            check_outputs({"-o": path})


def test_the_default_cache_counts_as_an_input(tmp_path, monkeypatch):
    cache = tmp_path / "env.sqlite"
    monkeypatch.setenv("CITEGRAPH_CACHE", str(cache))
    with pytest.raises(UsageError, match="is the input --cache"):
        check_outputs({"-o": cache}, fetch={"cache": None})
    assert check_outputs({"-o": tmp_path / "g.json"}, fetch={"cache": None})


def test_stdin_and_missing_outputs_are_skipped(tmp_path):
    assert check_outputs({"-o": tmp_path / "a" / "g.json", "--graphml": None}, {"LIST": ["-"]}) == {
        "-o": tmp_path / "a" / "g.json"}
    assert (tmp_path / "a").is_dir()  # made before any work


def test_a_failed_write_names_the_users_file_and_leaves_nothing(tmp_path):
    out = tmp_path / "g.json"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(OSError) as info, atomic_path(out) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp))
    assert info.value.filename == str(out) and info.value.errno == errno.ENOSPC
    assert out.read_text(encoding="utf-8") == "old" and os.listdir(tmp_path) == ["g.json"]


def test_an_interrupted_write_leaves_the_old_file(tmp_path):
    out = tmp_path / "g.json"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_path(out) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise KeyboardInterrupt
    assert out.read_text(encoding="utf-8") == "old" and os.listdir(tmp_path) == ["g.json"]
