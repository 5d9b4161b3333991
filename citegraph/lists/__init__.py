"""Paper lists → entries (markdown, HTML, BibTeX, id files), and entries → graph."""
