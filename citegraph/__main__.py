"""``python -m citegraph``: the same command line as ``citegraph``."""

from citegraph.cli import main

if __name__ == "__main__":  # pragma: no cover
    main(prog_name="citegraph")
