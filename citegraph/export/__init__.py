"""Every writer of the graph and its tables, through one registry (``citegraph.export.registry``)."""
