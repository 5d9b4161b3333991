"""Reading paper lists, the Semantic Scholar client wrapper and the SQLite cache.

The only subpackage that touches the network (in ``citegraph.fetch.s2``).
"""
