"""The ``citegraph`` command line: a thin click layer over the library.

Each command parses its options, makes one library call and prints the result.
A :class:`~citegraph.errors.CitegraphError` becomes one ``Error: ...`` line and
exit status 1.  Heavy modules are imported inside the commands so that
``citegraph --help`` and small commands start fast.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from citegraph import __version__
from citegraph.errors import CitegraphError

FORMAT_CHOICE = click.Choice(["table", "csv", "json"])


class _Group(click.Group):
    """Turns citegraph's own errors into ``Error: ...`` and a non-zero exit."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CitegraphError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="citegraph")
def main() -> None:
    """Turn paper lists into a citation and lineage graph.

    Typical use: citegraph report my-list.md --out out/   (S2_API_KEY in the environment)
    """


def _echo_frame(frame: Any, fmt: str) -> None:
    from citegraph.output import write_frame

    write_frame(frame, fmt, sys.stdout)


# === papers ===

# === build ===

# === rank ===

# === related ===

# === path ===

# === audit ===

# === lineage ===

# === html ===

# === report ===

# === demo ===


if __name__ == "__main__":  # pragma: no cover
    main()
