"""The interactive explorer: one offline HTML page drawn with pyvis (the only pyvis import)."""
