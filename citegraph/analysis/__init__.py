"""Rankings, relatedness, communities, paths, coverage audit and lineage.

Functions take a citegraph graph (``f(G, *, options)``) and return pandas
DataFrames or plain dicts/lists.  Nothing here imports ``citegraph.fetch``.
"""
