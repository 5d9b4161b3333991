"""inline_page: a whole page inside an iframe's srcdoc, unable to break out of it."""

from __future__ import annotations

from citegraph.export.notebook import inline_page


def test_the_page_is_held_escaped_in_srcdoc(tmp_path):
    page = tmp_path / "graph.html"
    page.write_text('<html><body><p>"></iframe><script>alert(1)</script></p></body></html>', encoding="utf-8")
    shown = inline_page(page, height=300)._repr_html_()
    assert shown.startswith("<iframe") and shown.count("<iframe") == 1 and shown.endswith("></iframe>")
    assert "<script>" not in shown and "&lt;script&gt;" in shown and "&quot;&gt;&lt;/iframe&gt;" in shown
    assert "height:300px" in shown and 'sandbox="allow-scripts allow-popups"' in shown
