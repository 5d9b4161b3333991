"""Every CLI command that reads a list or a graph file, as argument templates,
and how a run of one is judged (output, one ``Error:`` line, or a traceback).

Templates: ``{list}`` the list file, ``{g}`` the graph file, ``{out}`` an output
path stem, ``{api}`` the fake API's URL, ``{cache}`` a cache file.  Commands
that fetch get the fake API (``tests/fakes/s2.py``) and ``--min-interval 0``;
nothing here reaches the network.
"""

from __future__ import annotations

from typing import Any

_FETCH = ["--api-url", "{api}", "--cache", "{cache}", "--min-interval", "0", "--quiet"]

LIST_COMMANDS: dict[str, list[str]] = {
    "papers": ["papers", "{list}", "--format", "json"],
    "papers table": ["papers", "{list}", "--columns", "all"],
    "build": ["build", "{list}", "-o", "{out}.json", *_FETCH],
    "report": ["report", "{list}", "--out", "{out}", *_FETCH],
    "report --no-fetch": ["report", "{list}", "--out", "{out}", "--no-fetch", "--quiet"],
    "suggest": ["suggest", "{list}", "--out", "{out}", "--format", "json", *_FETCH],
    "watch": ["watch", "{list}", "--out", "{out}", "--format", "json", *_FETCH],
}

GRAPH_COMMANDS: dict[str, list[str]] = {
    "rank": ["rank", "{g}"],
    "related": ["related", "{g}", "Chameleon"],
    "path": ["path", "{g}", "Chameleon", "Anole"],
    "audit": ["audit", "{g}"],
    "audit --merge": ["audit", "{g}", "--merge", "-o", "{out}.json"],
    "lineage": ["lineage", "{g}"],
    "lineage svg": ["lineage", "{g}", "--format", "svg", "--main-path", "-o", "{out}.svg"],
    "html": ["html", "{g}", "-o", "{out}.html"],
    "export": ["export", "{g}", "-o", "{out}.graphml"],
    "export gexf": ["export", "{g}", "--format", "gexf", "-o", "{out}.gexf"],
}


def argv(template: list[str], **values: Any) -> list[str]:
    """A command line from a template: ``argv(GRAPH_COMMANDS["rank"], g=path)``."""
    return [part.format(**{k: str(v) for k, v in values.items()}) for part in template]


def outcome(result: Any) -> str:
    """How a ``CliRunner`` run ended: ``"ok"`` (exit 0), ``"error"`` (exit 1 and exactly one
    ``Error:`` line, the last on stderr but for its indented details), ``"usage"`` (click's exit 2), ``"traceback"`` (an
    exception other than ``SystemExit`` escaped, or a traceback was printed) or ``"bad exit"``."""
    if (result.exception is not None and not isinstance(result.exception, SystemExit)) or "Traceback" in result.output:
        return "traceback"
    if result.exit_code == 0:
        return "ok"
    lines = result.stderr.strip().splitlines()
    errors = [i for i, line in enumerate(lines) if line.startswith("Error: ")]
    # the Error: line is the last, or followed by its own indented list (the papers a name matches)
    if result.exit_code == 1 and len(errors) == 1 and all(line.startswith("  ") for line in lines[errors[0] + 1:]):
        return "error"
    if result.exit_code == 2 and lines and lines[-1].startswith("Error: "):
        return "usage"
    return "bad exit"
