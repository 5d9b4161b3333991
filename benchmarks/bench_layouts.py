"""List layouts none of the ten real lists uses: is the title read right?

The ten real lists (``bench_reallists.py``) are where the reader's rules were
tuned, so their figures are in-sample.  Here are one-entry lists in other
layouts seen on GitHub and in notes, written in forty batches (batches 28,
29 and 40 hold two papers a list and measure the second).  Each batch was measured
once when it was written, before any rule was changed for it (the figure the
README keeps as held out).  The batches measured since have had
their failures fixed, so now they are in-sample too.  For a held-out figure
again, write a new batch and measure it before changing anything.  Batches 5
to 40 also say what else each layout gives (authors, the year, the venue; from
batch 21 the model's name), and those fields are counted too.

    python benchmarks/bench_layouts.py [--smoke]
"""

from __future__ import annotations

import argparse

from citegraph.lists.entry import Entry
from citegraph.lists.reader import read_list_text

# (batch, title, arXiv id, {layout: list text with {t} for the title and {a} for the id})
BATCHES: list[tuple[str, str, str, dict[str, str]]] = [
    ("1", "Widget Priors for Gadget Synthesis", "2301.00001", {
        "star-link-year": "* [{t}](https://arxiv.org/abs/{a}) - 2023\n",
        "title-colon-link": "- {t}: https://arxiv.org/abs/{a}\n",
        "title-arrow": "- {t} → [arXiv](https://arxiv.org/abs/{a})\n",
        "checkbox": "- [x] {t} [[paper](https://arxiv.org/abs/{a})]\n",
        "quote-title": '- "{t}" (CVPR 2023) [paper](https://arxiv.org/abs/{a})\n',
        "italic-title": "- *{t}*, Ann Lee, Bo Kim. [[arXiv](https://arxiv.org/abs/{a})]\n",
        "h3-then-links": "### {t}\n[[Paper](https://arxiv.org/abs/{a})] [[Code](https://github.com/a/b)]\n",
        "bold-colon-name": "- **WidgetGen**: {t} [[paper](https://arxiv.org/abs/{a})]\n",
        "name-dash-title": "- WidgetGen - {t} [[paper](https://arxiv.org/abs/{a})]\n",
        "num-paren-title": "1. ({t}) [NeurIPS 2023](https://arxiv.org/abs/{a})\n",
        "table-no-title-header": "| Paper | Code |\n|---|---|\n| [{t}](https://arxiv.org/abs/{a}) | [code](https://github.com/a/b) |\n",
        "zh-title": "- 论文标题：{t}\n- 论文链接：https://arxiv.org/abs/{a}\n",
        "year-first": "- 2023 | {t} | [paper](https://arxiv.org/abs/{a})\n",
        "bullet-bold-link-inside": "- **[{t}](https://arxiv.org/abs/{a})** (ICML'23)\n",
    }),
    ("2", "Gadget Alignment with Sparse Widget Rewards", "2402.01234", {
        "plus-bullet-bold-paper": "+ **{t}** [Paper](https://arxiv.org/abs/{a})\n",
        "link-then-em-venue": "- [{t}](https://arxiv.org/abs/{a}), *ICLR 2024*\n",
        "title-br-link": "{t}<br>[arXiv](https://arxiv.org/abs/{a})\n",
        "dash-title-pipe-links": "- {t} | [Paper](https://arxiv.org/abs/{a}) | [Code](https://github.com/a/b)\n",
        "numbered-link-authors-italic": "1. [{t}](https://arxiv.org/abs/{a}) *Ann Lee, Bo Kim* (2024)\n",
        "html-li": '<li><a href="https://arxiv.org/abs/{a}">{t}</a> - ICLR 2024</li>\n',
        "bold-title-br-authors-link": "**{t}**<br>\nAnn Lee, Bo Kim<br>\n[[pdf](https://arxiv.org/pdf/{a}.pdf)]\n",
        "zh-bracket-title": "- 【{t}】[论文](https://arxiv.org/abs/{a})\n",
        "title-in-backticks": "- `{t}` [arXiv](https://arxiv.org/abs/{a})\n",
        "table-title-link-col": "| Name | Title | Link |\n|---|---|---|\n| GAR | {t} | [arXiv](https://arxiv.org/abs/{a}) |\n",
        "definition-list": "{t}\n: [arXiv](https://arxiv.org/abs/{a}), 2024\n",
        "title-then-url-next-line": "- {t}\n  https://arxiv.org/abs/{a}\n",
        "quote-block": "> **{t}**\n> [arXiv](https://arxiv.org/abs/{a})\n",
        "star-emoji-link": "- ⭐ [{t}](https://arxiv.org/abs/{a})\n",
        "org-style-link": "- [[https://arxiv.org/abs/{a}][{t}]]\n",
    }),
    ("3", "Learning Widget Dynamics from Sparse Gadget Views", "2405.04321", {
        "link-title-then-venue-bold": "- [{t}](https://arxiv.org/abs/{a}) **NeurIPS 2024**\n",
        "sub-bullets": "- {t}\n  - Paper: https://arxiv.org/abs/{a}\n  - Code: https://github.com/a/b\n",
        "num-bold-link-authors": "1. **[{t}](https://arxiv.org/abs/{a})**. Ann Lee, Bo Kim. *NeurIPS 2024*.\n",
        "h4-link": "#### [{t}](https://arxiv.org/abs/{a})\n",
        "paper-label-title": "Paper: {t}\nLink: https://arxiv.org/abs/{a}\n",
        "title-then-arxiv-badge": "- {t} [![arXiv](https://img.shields.io/badge/arXiv-{a}-b31b1b.svg)](https://arxiv.org/abs/{a})\n",
        "table-title-col-link-in-last": "| Title | Venue | Paper |\n|---|---|---|\n| {t} | NeurIPS'24 | [link](https://arxiv.org/abs/{a}) |\n",
        "dash-venue-prefix-plain": "- NeurIPS 2024: {t} [paper](https://arxiv.org/abs/{a})\n",
        "title-authors-semicolon": "- {t}; Ann Lee; Bo Kim [arXiv](https://arxiv.org/abs/{a})\n",
        "bold-title-then-arxiv-id": "**{t}**\narXiv:{a}\n",
        "title-year-paren-link": "- {t} (2024) [[arXiv](https://arxiv.org/abs/{a})]\n",
        "html-p-b": '<p><b>{t}</b><br><a href="https://arxiv.org/abs/{a}">arXiv</a></p>\n',
        "link-text-arxiv-id-then-title": "- [arXiv:{a}](https://arxiv.org/abs/{a}) {t}\n",
        "zh-guillemet-title": "- 论文：《{t}》 https://arxiv.org/abs/{a}\n",
        "pdf-url-only-title": "- {t} https://arxiv.org/pdf/{a}v2.pdf\n",
    }),
    ("4", "Robust Gadget Tracking with Widget Memory", "2406.05678", {
        "bullet-link-dash-desc-long": "- [{t}](https://arxiv.org/abs/{a}) - This work tracks gadgets with a memory of widgets.\n",
        "bold-link-colon": "- **[{t}](https://arxiv.org/abs/{a})**: tracks gadgets with memory.\n",
        "title-newline-indented-links": "1. {t}\n   [[Paper](https://arxiv.org/abs/{a})] [[Code](https://github.com/x/y)]\n",
        "table-model-paper-date": "| Model | Paper | Date |\n|:-:|:-:|:-:|\n| WidgetTrack | [{t}](https://arxiv.org/abs/{a}) | 2024-06 |\n",
        "h2-title-para-link": "## {t}\n\nWe track gadgets. [arXiv](https://arxiv.org/abs/{a})\n",
        "emoji-bullets": "- 📄 **{t}** · [paper](https://arxiv.org/abs/{a}) · [code](https://github.com/x/y)\n",
        "html-details-summary-plain": "<details><summary>{t}</summary>\n\n[arXiv](https://arxiv.org/abs/{a})\n</details>\n",
        "tab-separated": "{t}\thttps://arxiv.org/abs/{a}\t2024\n",
        "csv-line": '"{t}",https://arxiv.org/abs/{a},2024\n',
        "dash-title-by-authors": "- {t} by Ann Lee and Bo Kim ([arXiv](https://arxiv.org/abs/{a}))\n",
        "star-title-in-link-bracket-year": "* [{t}](https://arxiv.org/abs/{a}) [2024]\n",
        "venue-badge-first": "- ![NeurIPS](https://img.shields.io/badge/NeurIPS-2024-blue) [{t}](https://arxiv.org/abs/{a})\n",
        "zh-colon-link-text": "- {t}：[arXiv](https://arxiv.org/abs/{a})\n",
        "code-span-id": "- {t} (`arXiv:{a}`)\n",
        "numbered-title-dot-link": "3. {t}. [[arXiv]](https://arxiv.org/abs/{a})\n",
    }),
    ("5", "Sparse Widget Fields for Gadget Rendering", "2312.07654", {
        "link-paren-citation": "- [{t}](https://arxiv.org/abs/{a}) (Lee et al., CVPR 2024)\n",
        "bold-comma-italic-venue": "- **{t}**, *CVPR 2024*. [[Paper](https://arxiv.org/abs/{a})] [[Project](https://a.github.io/b)]\n",
        "link-text-venue-year": "* {t} [[CVPR 2024](https://arxiv.org/abs/{a})]\n",
        "bold-inside-link": "- [**{t}**](https://arxiv.org/abs/{a})\n",
        "table-date-title-venue": (
            "| Date | Title | Venue | Paper | Code |\n|---|---|---|---|---|\n"
            "| 2024.06 | {t} | CVPR | [arXiv](https://arxiv.org/abs/{a}) | [GitHub](https://github.com/a/b) |\n"
        ),
        "authors-then-bold-title": "1. Ann Lee, Bo Kim. **{t}**. CVPR 2024. [[pdf](https://arxiv.org/pdf/{a})]\n",
        "bold-italic-title": "- ***{t}*** [paper](https://arxiv.org/abs/{a})\n",
        "br-card": "**[{t}](https://arxiv.org/abs/{a})** <br> Ann Lee, Bo Kim <br> CVPR 2024\n",
        "numbered-heading-then-label": "### 1. {t}\n- arXiv: https://arxiv.org/abs/{a}\n",
        "venue-paren-first": "- (CVPR 2024) {t} [[paper](https://arxiv.org/abs/{a})]\n",
        "links-then-et-al": "- {t} [[arXiv](https://arxiv.org/abs/{a})] [[Code](https://github.com/a/b)] - Ann Lee et al.\n",
        "html-a-br-authors": '<a href="https://arxiv.org/abs/{a}">{t}</a><br>Ann Lee, Bo Kim<br>\n',
        "title-paren-links": "- {t} ([paper](https://arxiv.org/abs/{a}), [code](https://github.com/a/b))\n",
        "rst-link": "* `{t} <https://arxiv.org/abs/{a}>`_\n",
        "indented-continuation": "- {t}\n  *Ann Lee, Bo Kim*\n  [CVPR 2024](https://arxiv.org/abs/{a})\n",
        "yaml-entry": '- title: "{t}"\n  url: https://arxiv.org/abs/{a}\n  year: 2024\n',
        "ieee-citation": '[1] A. Lee and B. Kim, "{t}," in Proc. CVPR, 2024. arXiv:{a}\n',
        "bold-title-dash-badge": (
            "- **{t}** - [![arXiv](https://img.shields.io/badge/arXiv-{a}-red)](https://arxiv.org/abs/{a}) "
            "![Stars](https://img.shields.io/github/stars/a/b)\n"
        ),
    }),
    ("6", "Dense Gadget Memory for Widget Tracking", "2311.08765", {
        "table-emoji-link-stars": (
            "| | Paper | Stars |\n|---|---|---|\n"
            "| 🔥 | [{t}](https://arxiv.org/abs/{a}) | ![stars](https://img.shields.io/github/stars/a/b) |\n"
        ),
        "numbered-link-italic-venue-paren": "1. [{t}](https://arxiv.org/abs/{a}) (*CVPR 2024*)\n",
        "bold-colon-newline-url": "- **{t}**:\n  https://arxiv.org/abs/{a}\n",
        "html-ul-li-b": '<ul><li><b>{t}</b> <a href="https://arxiv.org/abs/{a}">[paper]</a></li></ul>\n',
        "bold-venue-dash-title": "- **CVPR 2024** - {t} [[arXiv](https://arxiv.org/abs/{a})]\n",
        "arxiv-daily": "- [{a}] {t}. Ann Lee, Bo Kim. [PDF](https://arxiv.org/pdf/{a})\n",
        "url-as-link-text": "- {t} [https://arxiv.org/abs/{a}](https://arxiv.org/abs/{a})\n",
        "h3-bold-link": "### **[{t}](https://arxiv.org/abs/{a})**\n",
        "table-bold-title-br-authors": (
            "| Title | Links |\n|---|---|\n| **{t}**<br>Ann Lee, Bo Kim | [arXiv](https://arxiv.org/abs/{a}) |\n"
        ),
        "link-comma-authors-venue": "- [{t}](https://arxiv.org/abs/{a}), Ann Lee, Bo Kim, CVPR 2024\n",
        "title-paren-semicolon-links": "- {t} ([arXiv](https://arxiv.org/abs/{a}); [code](https://github.com/a/b))\n",
        "authors-year-quoted-title": '1. Ann Lee and Bo Kim (2024). "{t}". CVPR. [arXiv](https://arxiv.org/abs/{a})\n',
        "link-with-title-attribute": '- [{t}](https://arxiv.org/abs/{a} "arXiv")\n',
        "angle-autolink": "- {t} <https://arxiv.org/abs/{a}>\n",
        "hf-papers-link": "- [{t}](https://huggingface.co/papers/{a})\n",
        "link-stars-badge-desc": (
            "- [{t}](https://arxiv.org/abs/{a}) ![GitHub Repo stars](https://img.shields.io/github/stars/a/b?style=social)"
            " - A fast tracker.\n"
        ),
    }),
    ("7", "Hierarchical Widget Planning with Gadget Graphs", "2310.04567", {
        "badge-then-plain-title": "- ![](https://img.shields.io/badge/CVPR-2024-blue) {t} [[paper](https://arxiv.org/abs/{a})]\n",
        "title-dot-arxiv-text": "- {t}. arXiv:{a}\n",
        "title-em-dash-authors-venue": "- {t} — Ann Lee, Bo Kim (CVPR 2024) [pdf](https://arxiv.org/pdf/{a})\n",
        "table-paper-authors-venue": (
            "| Paper | Authors | Venue |\n|---|---|---|\n| [{t}](https://arxiv.org/abs/{a}) | Ann Lee, Bo Kim | CVPR 2024 |\n"
        ),
        "html-table-no-header": (
            '<table>\n<tr><td><a href="https://arxiv.org/abs/{a}">{t}</a></td><td>CVPR 2024</td></tr>\n</table>\n'
        ),
        "nested-meta-bullets": (
            "- {t}\n  - Authors: Ann Lee, Bo Kim\n  - Venue: CVPR 2024\n  - Paper: https://arxiv.org/abs/{a}\n"
        ),
        "bold-label-lines": "**Title:** {t}  \n**Authors:** Ann Lee, Bo Kim  \n**arXiv:** https://arxiv.org/abs/{a}\n",
        "quoted-link-text": '- ["{t}"](https://arxiv.org/abs/{a})\n',
        "hashtags-after-links": "- {t} [[arXiv](https://arxiv.org/abs/{a})] #planning #graphs\n",
        "zh-book-title-venue-label-link": "- 《{t}》(CVPR 2024) [论文](https://arxiv.org/abs/{a})\n",
        "pipe-venue-links": "- {t} | CVPR 2024 | [Paper](https://arxiv.org/abs/{a}) | [Code](https://github.com/a/b)\n",
        "arxiv-listing-paste": "arXiv:{a} [pdf]\nTitle: {t}\nAuthors: Ann Lee, Bo Kim\n",
        "latex-bibitem": "\\bibitem{{lee2024}} A. Lee and B. Kim. {t}. In CVPR, 2024. arXiv:{a}\n",
        "notion-name-column": "| Name | Tags | URL |\n|---|---|---|\n| {t} | planning | https://arxiv.org/abs/{a} |\n",
        "bold-title-italic-venue-link-lines": "**{t}**\n*CVPR 2024*\n[arXiv](https://arxiv.org/abs/{a})\n",
        "paren-numbered-link": "1) [{t}](https://arxiv.org/abs/{a})\n",
    }),
    ("8", "Contrastive Widget Alignment for Gadget Retrieval", "2309.03456", {
        "springer-lncs": "1. Lee, A., Kim, B.: {t}. In: CVPR (2024) [arXiv](https://arxiv.org/abs/{a})\n",
        "chicago": '- Lee, Ann, and Bo Kim. "{t}." *CVPR* (2024). [arXiv](https://arxiv.org/abs/{a})\n',
        "bold-title-nested-authors-link": "- **{t}**\n  - Authors: Ann Lee, Bo Kim\n  - [arXiv](https://arxiv.org/abs/{a})\n",
        "emoji-link-emoji-code": "- 📝 [{t}](https://arxiv.org/abs/{a}) 💻 [Code](https://github.com/a/b)\n",
        "link-month-year-paren": "- [{t}](https://arxiv.org/abs/{a}) (Dec 2023)\n",
        "unchecked-box-link-venue": "- [ ] [{t}](https://arxiv.org/abs/{a}) (CVPR 2024)\n",
        "bold-pipe-venue-no-bullet": "**{t}** | CVPR 2024 | [Paper](https://arxiv.org/abs/{a})\n",
        "blockquote-lines": "> {t}\n> Ann Lee, Bo Kim\n> [arXiv](https://arxiv.org/abs/{a})\n",
        "html-dl": '<dl><dt>{t}</dt><dd><a href="https://arxiv.org/abs/{a}">arXiv</a> CVPR 2024</dd></dl>\n',
        "apostrophe-year-bracket": "1. {t} [CVPR'24] [[paper](https://arxiv.org/abs/{a})]\n",
        "h4-title-year-names-link": "#### {t} (2024)\nAnn Lee, Bo Kim\n[arXiv](https://arxiv.org/abs/{a})\n",
        "table-conf-abbr-year": "| Title | Conf. | Year |\n|---|---|---|\n| [{t}](https://arxiv.org/abs/{a}) | CVPR | 2024 |\n",
        "link-tldr": "- [{t}](https://arxiv.org/abs/{a}) — TL;DR: widgets align gadgets.\n",
        "csv-semicolon": "title;url;year\n{t};https://arxiv.org/abs/{a};2024\n",
        "arxiv-abstract-paste": (
            "Title: {t}\nAuthors: Ann Lee, Bo Kim\nComments: Accepted to CVPR 2024\n"
            "Subjects: Computer Vision (cs.CV)\nCite as: arXiv:{a}\n"
        ),
        "link-bold-venue-paren": "1. [{t}](https://arxiv.org/abs/{a}) **(CVPR 2024)**\n",
    }),
    ("9", "Scalable Gadget Diffusion with Widget Tokens", "2308.02345", {
        "yaml-fields": "- title: {t}\n  authors: Ann Lee, Bo Kim\n  venue: CVPR 2024\n  arxiv: {a}\n",
        "json-lines": '{{"title": "{t}", "url": "https://arxiv.org/abs/{a}", "year": 2024}}\n',
        "h2-link-venue-paren": "## [{t}](https://arxiv.org/abs/{a}) (CVPR 2024)\n",
        "italic-title-paren-link": "- _{t}_ ([link](https://arxiv.org/abs/{a}))\n",
        "numbered-stars": "1. ⭐⭐⭐ {t} [[arXiv](https://arxiv.org/abs/{a})]\n",
        "zh-bold-labels": "**论文**：{t}\n**链接**：https://arxiv.org/abs/{a}\n**作者**：Ann Lee, Bo Kim\n",
        "emoji-shortcode-link": "- {t} [:page_facing_up:](https://arxiv.org/pdf/{a})\n",
        "obsidian-wiki-link": "- [[{t}]] https://arxiv.org/abs/{a}\n",
        "obsidian-front-matter": (
            '---\ntitle: "{t}"\nauthors: [Ann Lee, Bo Kim]\nyear: 2024\nurl: https://arxiv.org/abs/{a}\n---\n'
            "# Notes\nSome notes on the method.\n"
        ),
        "title-then-arrow-url": "- {t}\n  → https://arxiv.org/abs/{a}\n",
        "table-arxiv-col-id-text": "| Paper | arXiv |\n|---|---|\n| {t} | [{a}](https://arxiv.org/abs/{a}) |\n",
        "title-colon-two-links": "- {t}: [arxiv](https://arxiv.org/abs/{a}), [github](https://github.com/a/b)\n",
        "zh-lenticular-venue-prefix": "- 【CVPR 2024】{t} [paper](https://arxiv.org/abs/{a})\n",
        "bold-title-colon-desc-link": "- **{t}**: A diffusion model over widget tokens. [paper](https://arxiv.org/abs/{a})\n",
        "title-bold-venue-pdf": "* {t}. **CVPR 2024**. [[pdf](https://arxiv.org/pdf/{a})]\n",
        "html-ol-italic-title-authors": (
            '<ol><li><i>{t}</i>, Ann Lee, Bo Kim. <a href="https://arxiv.org/abs/{a}">arXiv</a></li></ol>\n'
        ),
    }),
    ("10", "Unified Widget Perception with Gadget Experts", "2307.01234", {
        "zh-label-items-authors": "- 论文名称：{t}\n- 论文地址：https://arxiv.org/abs/{a}\n- 作者：Ann Lee, Bo Kim\n",
        "zh-bold-fullwidth-venue-then-link-label": "**{t}**（CVPR 2024）\n论文链接：https://arxiv.org/abs/{a}\n",
        "zh-numbered-fullwidth-paren-link": "1. {t}（CVPR 2024）[链接](https://arxiv.org/abs/{a})\n",
        "zh-two-labels-one-line": "标题：{t} 链接：https://arxiv.org/abs/{a}\n",
        "zh-emoji-labels": "📖 论文：{t}\n🔗 地址：https://arxiv.org/abs/{a}\n",
        "zh-enumeration-heading": "### 1、{t}\n论文：https://arxiv.org/abs/{a}\n",
        "zh-et-al-paren-after-link": "- [{t}](https://arxiv.org/abs/{a})（Ann Lee 等，CVPR 2024）\n",
        "zh-quoted-labels": "> 论文标题：{t}\n> 论文链接：https://arxiv.org/abs/{a}\n",
        "fullwidth-colon-label-after-blank": "{t}\n\narXiv：https://arxiv.org/abs/{a}\n",
        "zh-lenticular-labels": "【论文】{t}【链接】https://arxiv.org/abs/{a}\n",
        "paren-authors-venue-then-link": "- {t} (Ann Lee, Bo Kim, CVPR 2024) [paper](https://arxiv.org/abs/{a})\n",
        "bold-then-paren-pdf-venue": "* **{t}** ([PDF](https://arxiv.org/pdf/{a}), CVPR 2024)\n",
        "scholar-style-italic-arxiv": "- {t}. *arXiv preprint arXiv:{a}*, 2023.\n",
        "all-commas": "- {t}, Ann Lee and Bo Kim, CVPR 2024, [arXiv](https://arxiv.org/abs/{a})\n",
        "zh-title-then-paper-colon-bare-id": "{t}\n论文：arXiv:{a}\n",
        "numbered-link-then-zh-note": "1. [{t}](https://arxiv.org/abs/{a})：提出了统一的感知框架。\n",
    }),
    ("11", "Adaptive Gadget Caching for Widget Streams", "2306.07890", {
        "numbered-title-bare-url-in-parens": "1. {t} (https://arxiv.org/abs/{a})\n",
        "bold-link-br-italic-authors-venue": "**[{t}](https://arxiv.org/abs/{a})**<br>*Ann Lee, Bo Kim*<br>*CVPR 2024*\n",
        "link-fire-venue-bracket": "- [{t}](https://arxiv.org/abs/{a}) 🔥 [CVPR 2024]\n",
        "zh-four-label-lines": "论文：{t}\n作者：Ann Lee, Bo Kim\n会议：CVPR 2024\n链接：https://arxiv.org/abs/{a}\n",
        "table-emoji-venue-cell": "| Paper | Venue |\n|---|---|\n| [{t}](https://arxiv.org/abs/{a}) | 🏆 CVPR 2024 |\n",
        "bare-id-dash-title": "- {a} - {t}\n",
        "title-dash-venue-link": "- {t} — [CVPR 2024](https://arxiv.org/abs/{a})\n",
        "html-p-strong-em-venue": '<p><strong>{t}</strong> <a href="https://arxiv.org/abs/{a}">[PDF]</a> <em>CVPR 2024</em></p>\n',
        "footnote-link": "- {t}[^1]\n\n[^1]: https://arxiv.org/abs/{a}\n",
        "date-heading-bold-item": "#### 2024-07-06\n- **{t}** [arXiv](https://arxiv.org/abs/{a})\n",
        "nested-emoji-label-link": "- {t}\n    - 📄 Paper: https://arxiv.org/abs/{a}\n",
        "hard-break-lines-authors-venue": "{t}  \nAnn Lee, Bo Kim  \nCVPR 2024  \n[arXiv](https://arxiv.org/abs/{a})\n",
        "link-then-venue-bracket": "- [{t}](https://arxiv.org/abs/{a}) [CVPR 2024]\n",
        "title-paren-id-link": "- {t} ([arXiv:{a}](https://arxiv.org/abs/{a}))\n",
        "year-colon-title": "- 2024: {t} [arXiv](https://arxiv.org/abs/{a})\n",
        "openreview-and-arxiv": (
            "- {t} [[OpenReview](https://openreview.net/forum?id=abc)] [[arXiv](https://arxiv.org/abs/{a})]\n"
        ),
    }),
    ("12", "Sparse Gadget Routing in Widget Transformers", "2305.03456", {
        "html-div-card-one-line": (
            '<div class="paper"><div class="title">{t}</div><div class="authors">Ann Lee, Bo Kim</div>'
            '<a href="https://arxiv.org/abs/{a}">arXiv</a></div>\n'
        ),
        "html-h3-link-p-byline": '<h3><a href="https://arxiv.org/abs/{a}">{t}</a></h3>\n<p>Ann Lee, Bo Kim. CVPR 2024.</p>\n',
        "html-li-strong-br-authors": (
            '<li><strong>{t}</strong><br/>Ann Lee, Bo Kim<br/><a href="https://arxiv.org/abs/{a}">paper</a></li>\n'
        ),
        "zh-book-title-inline-label": "《{t}》论文地址：https://arxiv.org/abs/{a}\n",
        "paren-numbered-title-dot-link": "(1) {t}. [paper](https://arxiv.org/abs/{a})\n",
        "link-fullwidth-bracket-venue": "- [{t}](https://arxiv.org/abs/{a})【CVPR 2024】\n",
        "link-dash-byline-code-venue": "- [{t}](https://arxiv.org/abs/{a}) - Ann Lee, Bo Kim. `CVPR 2024`\n",
        "bold-venue-then-link": "- **CVPR 2024** [{t}](https://arxiv.org/abs/{a})\n",
        "bracket-venue-then-link": "- [CVPR 2024] [{t}](https://arxiv.org/abs/{a})\n",
        "link-abs-v2": "- [{t}](https://arxiv.org/abs/{a}v2)\n",
        "link-emoji-suffix": "- [{t}](https://arxiv.org/abs/{a}) 🌟\n",
        "table-date-title-authors-link": (
            "| Date | Title | Authors | Link |\n|---|---|---|---|\n"
            "| 2024-06 | {t} | Ann Lee, Bo Kim | [arXiv](https://arxiv.org/abs/{a}) |\n"
        ),
        "bold-br-links": "**{t}**<br>[[arXiv](https://arxiv.org/abs/{a})] [[Code](https://github.com/a/b)]\n",
        "paragraph-title-blank-links-pipe": "{t}\n\n[Paper](https://arxiv.org/abs/{a}) | [Code](https://github.com/a/b)\n",
        "indented-title-url": "    {t} https://arxiv.org/abs/{a}\n",
        "numbered-link-label-zh-desc": "1. {t} [论文](https://arxiv.org/abs/{a}) 提出了一种新方法。\n",
    }),
    ("13", "Latent Widget Editing with Gadget Priors", "2304.05678", {
        "double-bracket-link-text-outside": "- {t} [[Paper]](https://arxiv.org/abs/{a}) [[Code]](https://github.com/a/b)\n",
        "star-written-citation": "* {t}. Ann Lee, Bo Kim. CVPR 2024. [paper](https://arxiv.org/abs/{a})\n",
        "table-hash-title-short-venue": "| # | Title | Venue |\n|---|---|---|\n| 1 | [{t}](https://arxiv.org/abs/{a}) | CVPR'24 |\n",
        "title-paren-venue-link": "- {t} ([CVPR 2024](https://arxiv.org/abs/{a}))\n",
        "bold-sup-venue": "- **{t}** <sup>CVPR 2024</sup> [[arXiv](https://arxiv.org/abs/{a})]\n",
        "title-badge-link": "- {t} [![Paper](https://img.shields.io/badge/Paper-arXiv-red)](https://arxiv.org/abs/{a})\n",
        "numbered-html-a-paren-authors-venue": '1. <a href="https://arxiv.org/abs/{a}">{t}</a> (Ann Lee, Bo Kim) CVPR 2024\n',
        "piped-plain-authors-venue": "- {t} | Ann Lee, Bo Kim | CVPR 2024 | [paper](https://arxiv.org/abs/{a})\n",
        "bold-blank-names-blank-link": "**{t}**\n\nAnn Lee, Bo Kim\n\n[[Paper](https://arxiv.org/abs/{a})]\n",
        "link-by-authors": "- [{t}](https://arxiv.org/abs/{a}) by Ann Lee and Bo Kim\n",
        "lenticular-short-venue": "- 【CVPR'24】{t} [paper](https://arxiv.org/abs/{a})\n",
        "fire-bold-venue-dash-links": "🔥 **{t}** (CVPR 2024) — [Paper](https://arxiv.org/abs/{a}) | [Project](https://a.github.io)\n",
        "item-nested-quote-lines": "- {t}\n  > Ann Lee, Bo Kim. CVPR 2024.\n  > [arXiv](https://arxiv.org/abs/{a})\n",
        "details-summary-venue": "<details><summary>{t} (CVPR 2024)</summary>\n\n- [arXiv](https://arxiv.org/abs/{a})\n</details>\n",
        "dash-arxiv-year-dash-pdf": "- {t} - arXiv 2023 - [PDF](https://arxiv.org/pdf/{a})\n",
        "pipe-labels-one-line": "Title: {t} | Venue: CVPR 2024 | Link: https://arxiv.org/abs/{a}\n",
    }),
    ("14", "Sparse Widget Routing for Gadget Agents", "2305.06789", {
        "zh-title-fullwidth-venue-then-label": "{t}（CVPR 2024）\n论文：https://arxiv.org/abs/{a}\n",
        "zh-link-before-title-label": "论文链接：https://arxiv.org/abs/{a}\n论文标题：{t}\n",
        "zh-numbered-heading-author-bullets": (
            "## 1. {t}\n\n- 作者：Ann Lee, Bo Kim\n- 单位：Widget University\n- 论文：https://arxiv.org/abs/{a}\n"
        ),
        "zh-note-heading-prefix": "# 【论文笔记】{t}\n\n原文链接：https://arxiv.org/abs/{a}\n",
        "zh-table-headers": (
            "| 序号 | 论文 | 会议 | 链接 |\n|---|---|---|---|\n| 1 | {t} | CVPR 2024 | [arXiv](https://arxiv.org/abs/{a}) |\n"
        ),
        "zh-yuanwen-quote": "> 原文：{t}\n> 链接：https://arxiv.org/abs/{a}\n",
        "zh-title-authors-deng": "- {t}，Ann Lee, Bo Kim 等，CVPR 2024，[论文](https://arxiv.org/abs/{a})\n",
        "todo-read-label": "- [ ] Read: [{t}](https://arxiv.org/abs/{a})\n",
        "bold-links-paren-then-byline": (
            "- **{t}** ([pdf](https://arxiv.org/abs/{a}), [code](https://github.com/a/b)) — Ann Lee et al., CVPR 2024\n"
        ),
        "html-tr-year-link-venue": '<tr><td>2024</td><td><a href="https://arxiv.org/abs/{a}">{t}</a></td><td>CVPR</td></tr>\n',
        "org-properties": "** {t}\n   :PROPERTIES:\n   :URL: https://arxiv.org/abs/{a}\n   :END:\n",
        "asciidoc-link-macro": "* https://arxiv.org/abs/{a}[{t}]\n",
        "footnote-ref": "{t}[^1]\n\n[^1]: https://arxiv.org/abs/{a}\n",
        "title-paren-etal-year-bare-url": "{t} (Lee et al. 2024) https://arxiv.org/abs/{a}\n",
        "date-venue-title-cells": "- 2024.03 | CVPR | {t} | [paper](https://arxiv.org/abs/{a})\n",
        "html-p-title-span-authors": (
            '<p>{t}<br><span class="authors">Ann Lee, Bo Kim</span><br><a href="https://arxiv.org/abs/{a}">[arXiv]</a></p>\n'
        ),
    }),
    ("15", "Gated Widget Memory for Long Gadget Videos", "2306.04321", {
        "zh-news-inline-labels": "3. 清华团队提出 WidgetMem，论文标题：{t}，论文地址：https://arxiv.org/abs/{a}\n",
        "zh-title-label-desc-link-label": (
            "论文：{t}\n\n本文提出了一种门控记忆方法，用于长视频理解。\n\n论文链接：https://arxiv.org/abs/{a}\n"
        ),
        "zh-title-label-venue-paren": "- 论文标题：{t}（CVPR 2024 Oral）\n- 论文地址：https://arxiv.org/abs/{a}\n",
        "zh-blank-label-paragraphs": (
            "{t}\n\n作者：Ann Lee, Bo Kim\n\n机构：Widget University\n\n论文地址：https://arxiv.org/abs/{a}\n"
        ),
        "zh-fabiao-label": "标题：{t}\n作者：Ann Lee, Bo Kim\n发表：CVPR 2024\n链接：https://arxiv.org/abs/{a}\n",
        "zh-hard-break-labels": "论文名：{t}  \n论文链接：https://arxiv.org/abs/{a}\n",
        "h2-quoted-labelled-links": (
            "## {t}\n\n> 论文：https://arxiv.org/abs/{a}\n> 代码：https://github.com/a/b\n"
        ),
        "zh-table-author-fabiao": (
            "| 论文 | 作者 | 发表 | 链接 |\n|---|---|---|---|\n| {t} | Ann Lee, Bo Kim | CVPR 2024 | "
            "[arXiv](https://arxiv.org/abs/{a}) |\n"
        ),
        "emoji-separated-fields": "* 📄 [{t}](https://arxiv.org/abs/{a}) — 📅 2024 — 🏛️ CVPR\n",
        "arxiv-listing-category": "{t}. arXiv:{a} [cs.CV]\n",
        "double-bracket-venue-link-text": "- {t} [[CVPR 2024](https://arxiv.org/abs/{a})]\n",
        "venue-bracket-title-url-in-parens": "[CVPR 2024] {t} (https://arxiv.org/abs/{a})\n",
        "html-li-strong-em-paren-venue": (
            '<li><strong>{t}</strong> — <em>Ann Lee, Bo Kim</em> (CVPR 2024) <a href="https://arxiv.org/abs/{a}">[pdf]</a></li>\n'
        ),
        "zh-bold-label-space": "**论文标题：** {t}\n**论文链接：** https://arxiv.org/abs/{a}\n",
        "numbered-title-then-indented-byline-and-link": (
            "1. {t}\n   Ann Lee, Bo Kim\n   CVPR 2024\n   https://arxiv.org/abs/{a}\n"
        ),
        "zh-model-intro-sentence": "- **WidgetMem**（{t}）：一种长视频记忆方法 [论文](https://arxiv.org/abs/{a})\n",
    }),
    ("16", "Contrastive Widget Tokens for Gadget Retrieval", "2307.01234", {
        "dot-separated-links-venue-paren": "- {t} (CVPR 2024) · [paper](https://arxiv.org/abs/{a}) · [code](https://github.com/a/b)\n",
        "table-conf-year-pdf-columns": (
            "| Title | Conf | Year | PDF |\n|---|---|---|---|\n| {t} | CVPR | 2024 | [pdf](https://arxiv.org/abs/{a}) |\n"
        ),
        "title-names-arxiv-text-lines": "{t}\nAnn Lee, Bo Kim\narXiv:{a}\n",
        "zh-emoji-labels-venue": (
            "📌 标题：{t}\n👥 作者：Ann Lee, Bo Kim\n🏛 会议：CVPR 2024\n🔗 论文：https://arxiv.org/abs/{a}\n"
        ),
        "zh-bold-title-quote-summary-link": "**{t}**\n> 一句话总结：用对比学习得到部件词元。\n> 论文：https://arxiv.org/abs/{a}\n",
        "zh-numbered-bold-venue-nested": (
            "1. **{t}**（CVPR 2024）\n   - 简介：对比学习的部件词元。\n   - 链接：https://arxiv.org/abs/{a}\n"
        ),
        "html-div-title-venue-spans": (
            '<div class="paper"><a class="title" href="https://arxiv.org/abs/{a}">{t}</a> '
            '<span class="venue">CVPR 2024</span></div>\n'
        ),
        "html-h4-p-byline-italic-venue": (
            '<h4>{t}</h4>\n<p>Ann Lee, Bo Kim. <i>CVPR 2024</i>. <a href="https://arxiv.org/abs/{a}">arXiv</a></p>\n'
        ),
        "code-span-link-texts": "- {t} [`arXiv`](https://arxiv.org/abs/{a}) [`code`](https://github.com/a/b)\n",
        "strikethrough-read": "- [x] ~~{t}~~ https://arxiv.org/abs/{a}\n",
        "piped-stars-cell": "- {t} | CVPR 2024 | ⭐ 120 | [paper](https://arxiv.org/abs/{a})\n",
        "paren-names-semicolon-venue-colon-url": "{t} (Ann Lee, Bo Kim; CVPR 2024): https://arxiv.org/abs/{a}\n",
        "zh-label-variants": (
            "论文题目：{t}\n论文作者：Ann Lee, Bo Kim\n收录会议：CVPR 2024\n论文链接：https://arxiv.org/abs/{a}\n"
        ),
        "names-dot-link-italic-venue-paren": "- {t}. Ann Lee, Bo Kim. [[PDF]](https://arxiv.org/abs/{a}) *(CVPR 2024)*\n",
        "zh-fullwidth-paren-names-deng": "- {t}（Ann Lee 等）[论文](https://arxiv.org/abs/{a})\n",
        "h3-bracket-venue-title-link-below": "### [CVPR 2024] {t}\n[paper](https://arxiv.org/abs/{a})\n",
    }),
    ("17", "Hierarchical Gadget Planning with Widget Feedback", "2308.05555", {
        "mla": 'Lee, Ann, and Bo Kim. "{t}." *CVPR*, 2024. https://arxiv.org/abs/{a}\n',
        "harvard": "Lee, A. and Kim, B. (2024) '{t}', CVPR. Available at: https://arxiv.org/abs/{a}\n",
        "ris-record": (
            "TY  - CONF\nTI  - {t}\nAU  - Lee, Ann\nAU  - Kim, Bo\nPY  - 2024\nUR  - https://arxiv.org/abs/{a}\nER  -\n"
        ),
        "obsidian-dataview-inline": "- {t} [arxiv:: https://arxiv.org/abs/{a}] [year:: 2024]\n",
        "pwc-dots": "**{t}** · 12 Mar 2024 · Ann Lee, Bo Kim · [Paper](https://arxiv.org/abs/{a})\n",
        "scholar-copy": "{t}\nA Lee, B Kim - CVPR, 2024 - arxiv.org\n[PDF] https://arxiv.org/abs/{a}\n",
        "hn-domain-paren": "{t} (arxiv.org) https://arxiv.org/abs/{a}\n",
        "zh-semicolon-labels": "- 论文：{t}；作者：Ann Lee, Bo Kim；链接：https://arxiv.org/abs/{a}\n",
        "zh-emoji-arrow": "{t} 👉 https://arxiv.org/abs/{a}\n",
        "zh-fullwidth-paren-arxiv-id": "- {t}（arXiv:{a}）\n",
        "numbered-bracket-preprint": "[12] {t}. arXiv preprint arXiv:{a}, 2024.\n",
        "html-ul-a-em-venue": '<ul><li><a href="https://arxiv.org/abs/{a}"><em>{t}</em></a>, CVPR 2024</li></ul>\n',
        "title-tab-url": "{t}\thttps://arxiv.org/abs/{a}\n",
        "todo-bold-link-added-date": "- [ ] **[{t}](https://arxiv.org/abs/{a})** — added 2024-05-01\n",
        "link-title-attribute-venue": '- [{t}](https://arxiv.org/abs/{a} "CVPR 2024")\n',
        "date-first-pipes-no-marker": "2024.05.01 | {t} | https://arxiv.org/abs/{a}\n",
    }),
    ("18", "Adaptive Widget Routing in Sparse Gadget Models", "2309.07777", {
        "zh-headline-heading-then-labels": (
            "### 清华提出WidgetNet：稀疏部件路由\n\n论文标题：{t}\n\n论文链接：https://arxiv.org/abs/{a}\n"
        ),
        "zh-title-label-with-translation": "论文：{t}（稀疏部件路由）\n链接：https://arxiv.org/abs/{a}\n",
        "zh-bold-title-zhihu-url-text": (
            "**{t}**\n\n[https://arxiv.org/abs/{a}](https://link.zhihu.com/?target=https%3A//arxiv.org/abs/{a})\n"
        ),
        "zh-table-name-title-release": (
            "| 名称 | 论文 | 发布时间 |\n|---|---|---|\n| WidgetNet | [{t}](https://arxiv.org/abs/{a}) | 2024.03 |\n"
        ),
        "zh-bold-labels-outside-colon": "- **标题**：{t}\n- **链接**：https://arxiv.org/abs/{a}\n",
        "zh-item-arxiv-id-label-below": "- {t}\n  - arXiv ID：{a}\n",
        "zh-title-paren-abbrev-link": "- {t}（WidgetNet）[论文](https://arxiv.org/abs/{a})\n",
        "toml-front-matter-note": "+++\ntitle = '{t}'\narxiv = '{a}'\n+++\n\n读后感：路由很巧妙。\n",
        "zh-bold-title-inline-author-label": "**{t}** 作者：Ann Lee, Bo Kim [论文](https://arxiv.org/abs/{a})\n",
        "date-title-bare-url": "2024-03-12 {t} https://arxiv.org/abs/{a}\n",
        "quoted-title-dash-bare-url": '- "{t}" — https://arxiv.org/abs/{a}\n',
        "zh-book-title-lenticular-labels": "- 《{t}》【论文】https://arxiv.org/abs/{a}【代码】https://github.com/a/b\n",
        "zh-numbered-title-colon-desc-link": "3. {t}：提出自适应路由。论文：https://arxiv.org/abs/{a}\n",
        "zh-venue-label-before-title": "【CVPR 2024】{t}\n作者：Ann Lee, Bo Kim\n论文：https://arxiv.org/abs/{a}\n",
        "en-title-by-names-venue-next-line-link": "{t}, by Ann Lee and Bo Kim (CVPR 2024)\n[arXiv](https://arxiv.org/abs/{a})\n",
        "html-blockquote-cite": (
            '<blockquote><cite>{t}</cite> — Ann Lee, Bo Kim. <a href="https://arxiv.org/abs/{a}">arXiv</a></blockquote>\n'
        ),
    }),
    # batch 19: layouts seen in public READMEs found with the search tool (the titles made up)
    ("19", "Scalable Widget Diffusion with Gadget Tokens", "2310.02468", {
        "year-bracket-link-paragraph": "[2024] [{t}](https://arxiv.org/abs/{a})\n",
        "table-paper-yy-mm-date": "| Paper | Date | Description |\n|---|---|---|\n| [{t}](http://arxiv.org/abs/{a}) | 24.06 | Widgets.<br>Gadgets. |\n",
        "html-grid-cell-bold-local-link": (
            '<table>\n<tr>\n<td width="33%">\n\n**[{t}](./papers/widget-diffusion/)** (2024)\n'
            "- 🔥 **CRITICAL** - scales widgets\n- [Paper](https://arxiv.org/abs/{a})\n\n</td>\n</tr>\n</table>\n"
        ),
        "table-title-with-handle-link": (
            "| Title | Year | Authors | Paper | Code | Summary |\n| :--- | :--- | ---: | :--- | :--- | :--- |\n"
            "| {t} [@ann_lee](https://github.com/annlee) | 2024 | Ann Lee, Bo Kim | [arxiv preprint](https://arxiv.org/pdf/{a})"
            " | - | TODO |\n"
        ),
        "table-number-quoted-title-link": (
            "| Number | Title | Ph | Link |\n|---|---|---|---|\n| {a} | \"{t}\" | O | https://arxiv.org/abs/{a} |\n"
        ),
        "h4-title-year-bold-label-bullets": (
            "#### {t} (2024)\n- **Authors**: Ann Lee et al. (Widget Lab)\n- **Venue**: CVPR 2024\n"
            "- **Impact**: scaled widgets\n- **Link**: [arXiv:{a}](https://arxiv.org/abs/{a})\n"
        ),
        "bold-name-en-dash-link-year": "- **WidgetDiff** – [{t} (2024)](https://arxiv.org/abs/{a})\n",
        "thebibliography-newblocks": (
            "\\bibitem{{lee2024}}\nAnn Lee and Bo Kim.\n\\newblock {t}.\n\\newblock In CVPR, 2024."
            " \\url{{https://arxiv.org/abs/{a}}}.\n"
        ),
        "bold-local-note-link-then-paper": "**[{t}](./notes/widget-diffusion.md)** (2024) · [Paper](https://arxiv.org/abs/{a})\n",
        "table-author-affiliation-digits": (
            "| Title | Author | Publish Date | Journal/Meeting |\n| --- | --- | --- | --- |\n"
            "| [{t}](https://arxiv.org/abs/{a}) | Ann Lee1*, Bo Kim2 | 2024 | CVPR 2024 |\n"
        ),
        "zh-table-year-intro": "| 论文 | 年份 | 简介 |\n|---|---|---|\n| [{t}](https://arxiv.org/abs/{a}) | 2024 | 用词元扩散部件 |\n",
        "zh-status-after-dash": "- [x] {t} — 已读 ✅ [arXiv](https://arxiv.org/abs/{a})\n",
        "zh-quote-pipe-labels-under-title": "{t}\n> 作者：Ann Lee, Bo Kim | 会议：CVPR 2024 | [论文](https://arxiv.org/abs/{a})\n",
        "survey-table-year-tag-in-cell": (
            "| Papers | Recommendation Index |\n| --- | --- |\n| [2024] [{t}](https://arxiv.org/abs/{a}) | :star::star: |\n"
        ),
        "bold-heading-labels-dash": "**{t}** - *Ann Lee, Bo Kim* - CVPR 2024 - [arXiv](https://arxiv.org/abs/{a})\n",
        "numbered-link-then-sub-bullets-venue-authors": (
            "1. [{t}](https://arxiv.org/abs/{a})\n   - Venue: CVPR 2024\n   - Authors: Ann Lee, Bo Kim\n"
        ),
    }),
    ("20", "Compositional Gadget Reasoning with Widget Graphs", "2311.03579", {
        "title-bracket-arxiv-text": "- {t} [arXiv:{a}]\n",
        "bold-title-names-italic-arxiv-year": "**{t}**. Ann Lee, Bo Kim. *arXiv:{a}*, 2024.\n",
        "html-p-a-b-br-names-br-venue": (
            '<p><a href="https://arxiv.org/abs/{a}"><b>{t}</b></a><br>Ann Lee, Bo Kim<br><i>CVPR 2024</i></p>\n'
        ),
        "html-dt-dd-lines": '<dl>\n<dt>{t}</dt>\n<dd>Ann Lee, Bo Kim. CVPR 2024. <a href="https://arxiv.org/abs/{a}">pdf</a></dd>\n</dl>\n',
        "notion-page-properties": "# {t}\n\nAuthors: Ann Lee, Bo Kim\nYear: 2024\nURL: https://arxiv.org/abs/{a}\n",
        "zotero-note-html": '<h1>{t}</h1>\n<p>Ann Lee, Bo Kim (2024)</p>\n<p><a href="https://arxiv.org/abs/{a}">arXiv</a></p>\n',
        "two-paper-links-one-item": "- {t} ([arXiv](https://arxiv.org/abs/{a}), [OpenReview](https://openreview.net/forum?id=AbC123))\n",
        "pipe-stars-demo": "{t} | [arXiv](https://arxiv.org/abs/{a}) | ⭐ 1.2k | 🤗 Demo\n",
        "zh-lenticular-label-lines": "【标题】{t}\n【作者】Ann Lee, Bo Kim\n【链接】https://arxiv.org/abs/{a}\n",
        "zh-affiliation-label": "{t}\n作者单位：Widget大学\n论文链接：https://arxiv.org/abs/{a}\n",
        "keycap-number-emoji-link-line": "1️⃣ {t}\n📄 https://arxiv.org/abs/{a}\n",
        "quote-bold-title-dot-byline-link": "> **{t}**\n> Ann Lee, Bo Kim · CVPR 2024\n> [arXiv](https://arxiv.org/abs/{a})\n",
        "title-in-text-citation-url": "{t} (Lee & Kim, 2024) https://arxiv.org/abs/{a}\n",
        "comma-title-arxiv-id-year": "- {t}, arXiv:{a}, 2024\n",
        "tsv-no-header": "{t}\t2024\tCVPR\thttps://arxiv.org/abs/{a}\n",
        "html-li-a-then-small-names": (
            '<li><a href="https://arxiv.org/abs/{a}">{t}</a> <small>Ann Lee, Bo Kim — CVPR 2024</small></li>\n'
        ),
    }),
    # batch 21: more layouts of public READMEs and notes (found with the search tool; titles made up)
    ("21", "Temporal Widget Alignment for Gadget Video Synthesis", "2312.04680", {
        "bold-link-venue-hard-break-labels": (
            "- **[{t}](https://arxiv.org/abs/{a})** (CVPR 2024)  \n  Authors: Ann Lee, Bo Kim  \n"
            "  Keywords: Widgets, Gadgets\n"
        ),
        "numbered-heading-abbrev-bold-label-block": (
            "### 1. {t} (WAG)\n**Authors:** Ann Lee, Bo Kim  \n**Year:** 2024  \n**Conference:** CVPR 2024  \n\n"
            "**Key Contribution:** aligned widgets.\n\n- **arXiv:** https://arxiv.org/abs/{a}\n"
            "- **GitHub:** https://github.com/a/b\n"
        ),
        "arrow-marker-dash-url": " => {t}  -  https://arxiv.org/abs/{a}\n",
        "mla-quoted-link-text-year": '- Lee, Ann, and Bo Kim. ["{t}."](https://arxiv.org/pdf/{a}.pdf), 2024.\n',
        "title-then-bracket-label-bullets": "{t}\n- [Paper] https://arxiv.org/abs/{a}\n- [Code] https://github.com/a/b\n",
        "table-no-outer-pipes-month-date": (
            "Date  | Name  | Paper | Config\n:---- | :---- | ----- | ------\nApril 2024 | WAG | [{t}](https://arxiv.org/abs/{a}) |\n"
        ),
        "zh-numbered-heading-bold-labels": (
            "### 1. {t}（WAG）\n**作者：** Ann Lee, Bo Kim  \n**会议：** CVPR 2024  \n**链接：** https://arxiv.org/abs/{a}\n"
        ),
        "zh-nested-ascii-colon-labels": "- {t}\n  - 作者: Ann Lee, Bo Kim\n  - 链接: [arXiv](https://arxiv.org/abs/{a})\n",
        "zh-double-bracket-link-texts": "{t} [[论文]](https://arxiv.org/abs/{a}) [[代码]](https://github.com/a/b)\n",
        "zh-table-org-column": (
            "| 时间 | 标题 | 机构 | 论文 |\n|---|---|---|---|\n| 2024.03 | {t} | Widget大学 | [arXiv](https://arxiv.org/abs/{a}) |\n"
        ),
        "em-dash-fields-bare-url": "* {t} — Ann Lee et al. — CVPR'24 — https://arxiv.org/abs/{a}\n",
        "title-url-line-then-byline": "{t}\nhttps://arxiv.org/abs/{a}\nAnn Lee, Bo Kim (CVPR 2024)\n",
        "numbered-title-italic-venue-bare-url": "1. {t}. *CVPR 2024*. https://arxiv.org/abs/{a}\n",
        "details-bold-summary-byline-a": (
            '<details><summary><b>{t}</b></summary>\nAnn Lee, Bo Kim. CVPR 2024.\n<a href="https://arxiv.org/abs/{a}">arXiv</a>\n'
            "</details>\n"
        ),
        "reading-log-date-status": "2024-05-02 ✅ {t} https://arxiv.org/abs/{a}\n",
        "bullet-name-colon-link-title-text": "- WAG: [{t}](https://arxiv.org/abs/{a}), CVPR 2024\n",
    }),
    ("22", "Interleaved Widget Generation with Gadget Decoders", "2401.05432", {
        "table-model-arxiv-badge": (
            "| Model | Paper | Links |\n|---|---|---|\n"
            "| IWG | {t} | [![arXiv](https://img.shields.io/badge/arXiv-{a}-b31b1b.svg)](https://arxiv.org/abs/{a}) |\n"
        ),
        "notion-vertical-property-table": (
            "# {t}\n\n| Property | Value |\n|---|---|\n| Authors | Ann Lee, Bo Kim |\n| Year | 2024 |\n"
            "| URL | https://arxiv.org/abs/{a} |\n"
        ),
        "org-table-plus-separator": "| Title | Year | Link |\n|---+---+---|\n| {t} | 2024 | https://arxiv.org/abs/{a} |\n",
        "rst-bullet-link-byline": "* `{t} <https://arxiv.org/abs/{a}>`_\n\n  Ann Lee, Bo Kim. CVPR 2024.\n",
        "mediawiki-external-link": "* [https://arxiv.org/abs/{a} {t}] (CVPR 2024)\n",
        "pandoc-citekey-title-url": "- [@lee2024widget] {t}. https://arxiv.org/abs/{a}\n",
        "html-th-scope-row-name": (
            "<table>\n<tr><th>Model</th><th>Paper</th><th>Venue</th></tr>\n"
            '<tr><th scope="row">IWG</th><td><a href="https://arxiv.org/abs/{a}">{t}</a></td><td>CVPR 2024</td></tr>\n'
            "</table>\n"
        ),
        "csv-quoted-authors": 'Title,Authors,Year,URL\n"{t}","Ann Lee, Bo Kim",2024,https://arxiv.org/abs/{a}\n',
        "zh-bilingual-title-slash": "- {t} / 交错小部件生成 [[论文]](https://arxiv.org/abs/{a})\n",
        "bold-title-code-venue-angle-url": "**{t}** `CVPR 2024`\n<https://arxiv.org/abs/{a}>\n",
        "hf-collection-paste": "{t}\nPaper • {a} • Published Jan 10 • 25\n",
        "numbered-title-url-paren-dash-byline": "1. {t} (https://arxiv.org/abs/{a}) - Ann Lee, Bo Kim, CVPR 2024\n",
        "obsidian-callout-byline": "> [!paper] {t}\n> Ann Lee, Bo Kim · CVPR 2024\n> https://arxiv.org/abs/{a}\n",
        "title-bold-name-paren-em-dash-url": "- {t} (**IWG**) — https://arxiv.org/abs/{a}\n",
        "zh-weekly-bold-translation-link": "1. **{t}**\n   中文标题：交错小部件生成\n   链接：https://arxiv.org/abs/{a}\n",
        "latex-itemize-href": "\\item \\href{{https://arxiv.org/abs/{a}}}{{{t}}}, Ann Lee and Bo Kim, CVPR 2024.\n",
    }),
    ("23", "Unified Gadget Tokenizers for Widget Generation", "2403.01357", {
        "zh-reading-heading-label-bullets": (
            "## 论文阅读：{t}\n\n- 作者：Ann Lee, Bo Kim\n- 单位：Widget Lab\n- 会议：CVPR 2024\n"
            "- 链接：https://arxiv.org/abs/{a}\n"
        ),
        "zh-sentence-book-title-venue-address": "今天读了《{t}》这篇论文（CVPR 2024），地址：https://arxiv.org/abs/{a}\n",
        "zh-table-model-paper-org-month": (
            "| 模型 | 论文 | 机构 | 时间 |\n|---|---|---|---|\n| UGT | [{t}](https://arxiv.org/abs/{a}) | Widget Lab | 2024.03 |\n"
        ),
        "zh-numbered-title-summary-label-link": "1. {t}\n   一句话总结：统一的小部件分词器。\n   论文：https://arxiv.org/abs/{a}\n",
        "zh-lenticular-spaced-arxiv-id": "- {t}【arXiv 2403.01357】\n",
        "zh-weibo-hashtags": "#论文推荐# {t} https://arxiv.org/abs/{a} #多模态#\n",
        "zh-done-box-date-link-status": "- [x] 2024-03-05 {t} ([arXiv](https://arxiv.org/abs/{a})) 已读\n",
        "zh-quote-title-translation-link-labels": "> 标题：{t}\n> 中文：统一的小部件分词器\n> 链接：https://arxiv.org/abs/{a}\n",
        "h3-emoji-title-badge-links": (
            "### 🧩 {t}\n[![arXiv](https://img.shields.io/badge/arXiv-{a}-b31b1b.svg)](https://arxiv.org/abs/{a}) "
            "[![GitHub](https://img.shields.io/github/stars/a/b)](https://github.com/a/b)\n"
        ),
        "bold-labels-piped-one-line": (
            "**Paper:** {t} | **Authors:** Ann Lee, Bo Kim | **Venue:** CVPR 2024 | **Link:** https://arxiv.org/abs/{a}\n"
        ),
        "title-year-square-pdf": "- {t} [2024] [[pdf](https://arxiv.org/pdf/{a})]\n",
        "zh-title-names-affiliation-link-label": "{t}\nAnn Lee, Bo Kim（Widget Lab）\n论文链接：https://arxiv.org/abs/{a}\n",
        "diamond-title-fullwidth-bar-link": "🔹 {t} ｜ [arXiv](https://arxiv.org/abs/{a})\n",
        "zh-link-text-translation-colon-title": "- [统一的小部件分词器](https://arxiv.org/abs/{a})：{t}\n",
        "bold-bracket-venue-apostrophe-year": (
            "- **[CVPR'24]** {t} [[paper](https://arxiv.org/abs/{a})] ![stars](https://img.shields.io/github/stars/a/b)\n"
        ),
        "circled-number-title-label-link": "① {t}\n论文：https://arxiv.org/abs/{a}\n",
    }),
    ("24", "Grounded Widget Captioning with Gadget Memory", "2404.02468", {
        "zh-talk-title-label-paragraph-link-label": (
            "论文：{t}\n\n多模态大语言模型在视觉语言任务中表现卓越，本文提出一种新的记忆方法。\n\n论文链接：https://arxiv.org/abs/{a}\n"
        ),
        "zhihu-h2-redirect-link-zh-paren": "## [{t}](https://link.zhihu.com/?target=https%3A//arxiv.org/abs/{a})（多模态综述）\n",
        "zh-news-bold-name-colon-title-label": "1. 智源研究院发布 **GWC** ：{t}，论文：https://arxiv.org/abs/{a}\n",
        "zh-emoji-table-headers-venue": (
            "| 📄 论文 | 🏛️ 会议 | 💻 代码 |\n|:--|:--:|:--:|\n"
            "| [{t}](https://arxiv.org/abs/{a}) | CVPR 2024 | [GitHub](https://github.com/a/b) |\n"
        ),
        "h4-title-tldr-quote-links": (
            "#### {t}\n> TL;DR: we caption widgets.\n\n[[arXiv](https://arxiv.org/abs/{a})] [[Code](https://github.com/a/b)]\n"
        ),
        "title-arxiv-version-link-text": "- {t} [arXiv v2](https://arxiv.org/abs/{a}v2)\n",
        "numbered-semicolon-fields-url": "3. {t}; Ann Lee, Bo Kim; CVPR 2024; https://arxiv.org/abs/{a}\n",
        "quoted-title-arrow-dot-links": '- "{t}" → [paper](https://arxiv.org/abs/{a}) · [code](https://github.com/a/b)\n',
        "zh-gloss-then-inline-link-label": "{t}（基于记忆的小部件描述） 论文地址：https://arxiv.org/abs/{a}\n",
        "html-figcaption-a-venue": (
            '<figure><img src="fig.png"><figcaption><a href="https://arxiv.org/abs/{a}">{t}</a> (CVPR 2024)'
            "</figcaption></figure>\n"
        ),
        "yaml-list-flow-authors": "- title: {t}\n  authors: [Ann Lee, Bo Kim]\n  venue: CVPR 2024\n  url: https://arxiv.org/abs/{a}\n",
        "bibtex-misc-howpublished-url": (
            "@misc{{lee2024,\n  title = {{{t}}},\n  author = {{Lee, Ann and Kim, Bo}},\n"
            "  howpublished = {{\\url{{https://arxiv.org/abs/{a}}}}},\n  year = {{2024}}\n}}\n"
        ),
        "org-link-tags": "- [[https://arxiv.org/abs/{a}][{t}]] :vlm:captioning:\n",
        "numbered-reference-number-link": "1. {t} [[1]]\n\n[1]: https://arxiv.org/abs/{a}\n",
        "title-arxiv-datacite-doi-url": "- {t}. https://doi.org/10.48550/arXiv.{a}\n",
        "zh-bold-title-fullwidth-paren-venue-next-line-labels": (
            "**{t}**（CVPR 2024）\n作者：Ann Lee, Bo Kim\n链接：https://arxiv.org/abs/{a}\n"
        ),
    }),
    ("25", "Sparse Widget Adapters for Gadget Vision Models", "2405.08642", {
        "table-cell-html-star-badge": (
            "| Paper | Stars |\n|---|---|\n| [{t}](https://arxiv.org/abs/{a}) | "
            '<a href="https://github.com/a/b"><img src="https://img.shields.io/github/stars/a/b"></a> |\n'
        ),
        "hugo-shortcode-attributes": '{{{{< paper title="{t}" url="https://arxiv.org/abs/{a}" >}}}}\n',
        "apa-zotero-datacite-doi": "- Lee, A., & Kim, B. (2024). *{t}*. arXiv. https://doi.org/10.48550/arXiv.{a}\n",
        "logseq-properties-wiki-authors": (
            "- [[{t}]]\n  url:: https://arxiv.org/abs/{a}\n  authors:: [[Ann Lee]], [[Bo Kim]]\n"
        ),
        "tweet-quoted-title-handles-pointer": '📢 New paper: "{t}" by @annlee & @bokim 👉 https://arxiv.org/abs/{a}\n',
        "arxiv-email-digest": (
            "arXiv:{a}\nDate: Mon, 13 May 2024 17:59:59 GMT   (1024kb)\n\nTitle: {t}\nAuthors: Ann Lee, Bo Kim\n"
            "Categories: cs.CV\n"
        ),
        "scholar-alert-pdf": "[PDF] {t}\nA Lee, B Kim - arXiv preprint arXiv:{a}, 2024\n",
        "zh-labels-with-abstract": (
            "标题：{t}\n作者：Ann Lee, Bo Kim\n摘要：本文提出一种稀疏的小部件适配器，在多个视觉任务上取得了更好的效果。\n"
            "地址：https://arxiv.org/abs/{a}\n"
        ),
        "table-cell-br-sub-authors": (
            "| Paper | Venue |\n|---|---|\n| [{t}](https://arxiv.org/abs/{a})<br><sub>Ann Lee, Bo Kim</sub> | CVPR 2024 |\n"
        ),
        "rst-field-list": ":title: {t}\n:authors: Ann Lee, Bo Kim\n:url: https://arxiv.org/abs/{a}\n",
        "footnote-marker-in-title": "- {t}[^1] [arXiv](https://arxiv.org/abs/{a})\n\n[^1]: Read in May.\n",
        "html-cite-dash-names-a": '<p><cite>{t}</cite> — Ann Lee, Bo Kim. <a href="https://arxiv.org/abs/{a}">arXiv</a></p>\n',
        "numbered-title-paren-spaced-arxiv-id": "4. {t} (arXiv {a})\n",
        "doi-link-text-then-title": "- [10.48550/arXiv.{a}](https://doi.org/10.48550/arXiv.{a}) {t}\n",
        "h3-title-link-emoji-only": "### {t} [🔗](https://arxiv.org/abs/{a})\n",
        "year-em-dash-italic-title-venue-link": "- 2024 — *{t}* — CVPR — [link](https://arxiv.org/abs/{a})\n",
    }),
    ("26", "Multiscale Gadget Retrieval with Widget Graph Priors", "2406.13579", {
        "image-alt-title-link": "[![{t}](figs/teaser.png)](https://arxiv.org/abs/{a})\n",
        "link-angle-bracket-url": "- [{t}](<https://arxiv.org/abs/{a}>)\n",
        "html-table-rowspan-year": (
            "<table>\n<tr><th>Year</th><th>Title</th><th>Link</th></tr>\n"
            '<tr><td rowspan="2">2024</td><td>{t}</td><td><a href="https://arxiv.org/abs/{a}">arXiv</a></td></tr>\n'
            "</table>\n"
        ),
        "roman-numeral-items": "iv. {t} [arXiv](https://arxiv.org/abs/{a})\n",
        "letter-paren-items": "b) {t} — https://arxiv.org/abs/{a}\n",
        "square-bullet-mark": "▪ {t} https://arxiv.org/abs/{a}\n",
        "zh-ordinal-label-title": "第3篇：{t}\n论文地址：https://arxiv.org/abs/{a}\n",
        "zh-lenticular-note-pipes": "【精读】{t} | CVPR 2024 | [论文](https://arxiv.org/abs/{a})\n",
        "smart-quoted-link-venue-paren": "- “{t}” [arXiv](https://arxiv.org/abs/{a}) (CVPR 2024)\n",
        "table-arxiv-column-bare-id": "| Title | arXiv |\n|---|---|\n| {t} | {a} |\n",
        "acl-style-year-after-names": (
            "Ann Lee and Bo Kim. 2024. {t}. In *Proceedings of CVPR*. https://arxiv.org/abs/{a}\n"
        ),
        "ieee-et-al-quoted-online": (
            'A. Lee et al., "{t}," in *Proc. CVPR*, 2024. [Online]. Available: https://arxiv.org/abs/{a}\n'
        ),
        "vancouver": "Lee A, Kim B. {t}. arXiv. 2024. https://arxiv.org/abs/{a}\n",
        "definition-bold-link-term-byline": "**[{t}](https://arxiv.org/abs/{a})**\n: Ann Lee, Bo Kim — CVPR 2024\n",
        "arrow-mark-url-in-parens": "-> {t} (https://arxiv.org/abs/{a})\n",
        "zh-arrow-labels-one-line": "➤ 论文标题：{t} ➤ 地址：https://arxiv.org/abs/{a}\n",
    }),
    ("27", "Grounded Retrieval of Widgets with Gadget Graphs", "2407.02468", {
        "zh-bold-name-org-colon-title-label-link": "- **GRW**（Widget Lab）：{t} [[论文]](https://arxiv.org/abs/{a})\n",
        "zh-table-bold-name-br-title": "| 模型/论文 | 链接 |\n|---|---|\n| **GRW**<br>{t} | [arXiv](https://arxiv.org/abs/{a}) |\n",
        "zh-title-tags-label-bare-url": "{t}\n标签：#多模态 #检索\nhttps://arxiv.org/abs/{a}\n",
        "zh-dunhao-number-fullwidth-comma": "1、{t}，https://arxiv.org/abs/{a}\n",
        "date-heading-bullet": "### 2024-06-20\n- {t} https://arxiv.org/abs/{a}\n",
        "zh-quote-translation-then-title-url": "> 基于部件图的检索\n> {t}\n> https://arxiv.org/abs/{a}\n",
        "title-month-year-paren-link": "- {t} (Jun 2024) [paper](https://arxiv.org/abs/{a})\n",
        "bold-name-em-dashes-title-link": "**GRW** — {t} — [arXiv](https://arxiv.org/abs/{a})\n",
        "html-li-span-classes": (
            '<li><span class="title">{t}</span> <span class="venue">CVPR 2024</span> '
            '<a href="https://arxiv.org/abs/{a}">pdf</a></li>\n'
        ),
        "table-empty-header-bold-keys": "| | |\n|---|---|\n| **Title** | {t} |\n| **Link** | https://arxiv.org/abs/{a} |\n",
        "citekey-colon-title-url-parens": "lee2024widget: {t} (https://arxiv.org/abs/{a})\n",
        "numbered-title-star-rating-url": "3. {t} ⭐⭐⭐⭐ https://arxiv.org/abs/{a}\n",
        "title-paragraph-dot-links-published": (
            "{t}\n\n[Paper](https://arxiv.org/abs/{a}) · [Code](https://github.com/a/b) · Published 2024-06-20\n"
        ),
        "id-first-dashes-title-authors": "{a} - {t} - Ann Lee, Bo Kim\n",
        "obsidian-callout-title-link-inside": "> [!abstract] {t}\n> [arXiv](https://arxiv.org/abs/{a})\n",
        "zh-bold-lenticular-title-paragraph-link-label": (
            "**【{t}】**\n\n这篇文章提出了一种基于部件图的检索方法。\n\n论文链接：https://arxiv.org/abs/{a}\n"
        ),
    }),
    # batch 28: two papers a list, the one measured second (is it given its neighbour's title?)
    ("28", "Elastic Widget Caches for Long Gadget Streams", "2408.05555", {
        "two-bold-items-links-below": (
            "- **Learned Gadget Codecs for Sparse Widgets**\n  [[Paper](https://arxiv.org/abs/2402.11111)]\n"
            "- **{t}**\n  [[Paper](https://arxiv.org/abs/{a})]\n"
        ),
        "two-backslash-blocks": (
            "**Learned Gadget Codecs for Sparse Widgets** \\\n*Cy Wu, Di Xu* \\\n[[Paper](https://arxiv.org/abs/2402.11111)]\n\n"
            "**{t}** \\\n*Ann Lee, Bo Kim* \\\n[[Paper](https://arxiv.org/abs/{a})]\n"
        ),
        "two-table-rows": (
            "| Title | Link |\n|---|---|\n| Learned Gadget Codecs for Sparse Widgets | [arXiv](https://arxiv.org/abs/2402.11111) |\n"
            "| {t} | [arXiv](https://arxiv.org/abs/{a}) |\n"
        ),
        "two-numbered-url-continuations": (
            "1. Learned Gadget Codecs for Sparse Widgets\n   https://arxiv.org/abs/2402.11111\n2. {t}\n   https://arxiv.org/abs/{a}\n"
        ),
        "two-headings-links": (
            "### Learned Gadget Codecs for Sparse Widgets\n[arXiv](https://arxiv.org/abs/2402.11111)\n### {t}\n"
            "[arXiv](https://arxiv.org/abs/{a})\n"
        ),
        "two-paragraphs-title-url": (
            "Learned Gadget Codecs for Sparse Widgets\nhttps://arxiv.org/abs/2402.11111\n\n{t}\nhttps://arxiv.org/abs/{a}\n"
        ),
        "two-title-colon-url-items": (
            "- Learned Gadget Codecs for Sparse Widgets: https://arxiv.org/abs/2402.11111\n- {t}: https://arxiv.org/abs/{a}\n"
        ),
        "zh-two-label-pairs": (
            "论文：Learned Gadget Codecs for Sparse Widgets\n链接：https://arxiv.org/abs/2402.11111\n\n"
            "论文：{t}\n链接：https://arxiv.org/abs/{a}\n"
        ),
        "titled-link-item-then-title-item-nested-link": (
            "- [Learned Gadget Codecs for Sparse Widgets](https://arxiv.org/abs/2402.11111)\n- {t}\n"
            "  - [Paper](https://arxiv.org/abs/{a})\n"
        ),
        "two-bold-titles-one-line": (
            "**Learned Gadget Codecs for Sparse Widgets** [paper](https://arxiv.org/abs/2402.11111) "
            "**{t}** [paper](https://arxiv.org/abs/{a})\n"
        ),
        "two-details-blocks": (
            "<details><summary>Learned Gadget Codecs for Sparse Widgets</summary>\n[arXiv](https://arxiv.org/abs/2402.11111)\n"
            "</details>\n<details><summary>{t}</summary>\n[arXiv](https://arxiv.org/abs/{a})\n</details>\n"
        ),
        "titles-as-table-header-links-below": (
            "| Learned Gadget Codecs for Sparse Widgets | {t} |\n|---|---|\n"
            "| [arXiv](https://arxiv.org/abs/2402.11111) | [arXiv](https://arxiv.org/abs/{a}) |\n"
        ),
        "two-in-one-item-paren-links": (
            "- Learned Gadget Codecs for Sparse Widgets ([arXiv](https://arxiv.org/abs/2402.11111)), "
            "{t} ([arXiv](https://arxiv.org/abs/{a}))\n"
        ),
        "two-quote-blocks-bold-title-link": (
            "> **Learned Gadget Codecs for Sparse Widgets**\n> [arXiv](https://arxiv.org/abs/2402.11111)\n\n"
            "> **{t}**\n> [arXiv](https://arxiv.org/abs/{a})\n"
        ),
        "numbered-reference-links": (
            "Learned Gadget Codecs for Sparse Widgets [1]\n{t} [2]\n\n[1]: https://arxiv.org/abs/2402.11111\n"
            "[2]: https://arxiv.org/abs/{a}\n"
        ),
        "two-numbered-bold-venue-pdf-italic-names": (
            "1. **Learned Gadget Codecs for Sparse Widgets** (CVPR 2023) [pdf](https://arxiv.org/abs/2402.11111)\n"
            "   *Cy Wu*\n2. **{t}** (CVPR 2024) [pdf](https://arxiv.org/abs/{a})\n   *Ann Lee, Bo Kim*\n"
        ),
    }),
    # batch 29: two papers a list again, the second measured
    ("29", "Hierarchical Gadget Tokens for Widget Video Models", "2409.01234", {
        "zh-notes-two-sections-prose-links": (
            "## 第一篇\n论文：Learned Gadget Codecs for Sparse Widgets\n这篇提出了编码器。\n链接：https://arxiv.org/abs/2402.11111\n\n"
            "## 第二篇\n论文：{t}\n这篇提出了层次化的词元。\n链接：https://arxiv.org/abs/{a}\n"
        ),
        "two-items-title-then-indented-notes-then-link": (
            "- Learned Gadget Codecs for Sparse Widgets\n  A codec for widgets.\n  https://arxiv.org/abs/2402.11111\n"
            "- {t}\n  Tokens at many scales.\n  https://arxiv.org/abs/{a}\n"
        ),
        "two-html-cards": (
            '<div class="paper"><h3>Learned Gadget Codecs for Sparse Widgets</h3><a href="https://arxiv.org/abs/2402.11111">'
            'arXiv</a></div>\n<div class="paper"><h3>{t}</h3><a href="https://arxiv.org/abs/{a}">arXiv</a></div>\n'
        ),
        "first-titled-link-second-bare-url-under-title": (
            "- [Learned Gadget Codecs for Sparse Widgets](https://arxiv.org/abs/2402.11111)\n\n{t}\nhttps://arxiv.org/abs/{a}\n"
        ),
        "two-numbered-titles-links-after-blank": (
            "1. Learned Gadget Codecs for Sparse Widgets\n\n   [arXiv](https://arxiv.org/abs/2402.11111)\n\n2. {t}\n\n"
            "   [arXiv](https://arxiv.org/abs/{a})\n"
        ),
        "table-second-row-link-in-own-column-first-missing": (
            "| Title | Paper |\n|---|---|\n| Learned Gadget Codecs for Sparse Widgets | - |\n| {t} | [arXiv](https://arxiv.org/abs/{a}) |\n"
        ),
        "first-untitled-link-then-title-line-then-link": (
            "[arXiv](https://arxiv.org/abs/2402.11111)\n\n**{t}**\n[arXiv](https://arxiv.org/abs/{a})\n"
        ),
        "two-bibtex-entries": (
            "@article{{wu2024,\n  title = {{Learned Gadget Codecs for Sparse Widgets}},\n  eprint = {{2402.11111}},\n}}\n\n"
            "@article{{lee2024,\n  title = {{{t}}},\n  author = {{Lee, Ann and Kim, Bo}},\n  eprint = {{{a}}},\n  year = {{2024}},\n}}\n"
        ),
        "two-quotes-title-names-link": (
            "> Learned Gadget Codecs for Sparse Widgets\n> Cy Wu, Di Xu\n> [arXiv](https://arxiv.org/abs/2402.11111)\n\n"
            "> {t}\n> Ann Lee, Bo Kim\n> [arXiv](https://arxiv.org/abs/{a})\n"
        ),
        "csv-two-rows": "Title,URL\nLearned Gadget Codecs for Sparse Widgets,https://arxiv.org/abs/2402.11111\n{t},https://arxiv.org/abs/{a}\n",
        "zh-two-numbered-colon-titles-then-links": (
            "1. 编码器：Learned Gadget Codecs for Sparse Widgets\n2. 词元：{t}\n\n链接：\n1. https://arxiv.org/abs/2402.11111\n"
            "2. https://arxiv.org/abs/{a}\n"
        ),
        "two-h4-titles-byline-links": (
            "#### Learned Gadget Codecs for Sparse Widgets\nCy Wu, Di Xu. CVPR 2023.\n[arXiv](https://arxiv.org/abs/2402.11111)\n\n"
            "#### {t}\nAnn Lee, Bo Kim. CVPR 2024.\n[arXiv](https://arxiv.org/abs/{a})\n"
        ),
        "title-and-link-items-alternating": (
            "- Learned Gadget Codecs for Sparse Widgets\n- https://arxiv.org/abs/2402.11111\n- {t}\n- https://arxiv.org/abs/{a}\n"
        ),
        "two-details-title-summary-byline-inside": (
            "<details>\n<summary>Learned Gadget Codecs for Sparse Widgets</summary>\n\nCy Wu, Di Xu\n\n"
            "[arXiv](https://arxiv.org/abs/2402.11111)\n</details>\n<details>\n<summary>{t}</summary>\n\nAnn Lee, Bo Kim\n\n"
            "[arXiv](https://arxiv.org/abs/{a})\n</details>\n"
        ),
        "two-sentences-each-naming-one": (
            "We build on Learned Gadget Codecs for Sparse Widgets (https://arxiv.org/abs/2402.11111). "
            "Then {t} (https://arxiv.org/abs/{a}) adds tokens.\n"
        ),
        "ris-two-records": (
            "TY  - JOUR\nTI  - Learned Gadget Codecs for Sparse Widgets\nUR  - https://arxiv.org/abs/2402.11111\nER  - \n\n"
            "TY  - JOUR\nTI  - {t}\nAU  - Lee, Ann\nAU  - Kim, Bo\nUR  - https://arxiv.org/abs/{a}\nER  - \n"
        ),
    }),
    # batch 30: Chinese notes' habits, as the seeds keep them
    ("30", "Unified Gadget Perception with Sparse Widget Experts", "2410.02468", {
        "zh-news-item-article-link-then-labels": (
            "1. 清华提出新方法 [https://mp.weixin.qq.com/s/x](https://mp.weixin.qq.com/s/x)\n论文：{t}\n"
            "地址：https://arxiv.org/abs/{a}\n"
        ),
        "zh-talk-title-paragraph-arxiv-fullwidth-id": "论文：{t}\n\n本文提出了一种稀疏专家的感知方法。\n\narXiv：{a}\n",
        "zh-emoji-lines-no-labels": "📌 {t}\n🔗 https://arxiv.org/abs/{a}\n🏷️ 多模态, 生成\n",
        "zh-sentence-book-title-published-in-link-label": "论文《{t}》发表于 CVPR 2024，论文链接 https://arxiv.org/abs/{a}\n",
        "zh-bold-title-highlight-paren-dunhao-authors": (
            "**{t}**（CVPR 2024 Highlight）\n- 作者：Ann Lee、Bo Kim\n- 论文：https://arxiv.org/abs/{a}\n"
        ),
        "zh-table-number-name-published-pdf": (
            "| 序号 | 论文名称 | 发表 | 链接 |\n|---|---|---|---|\n| 1 | {t} | CVPR 2024 | [PDF](https://arxiv.org/abs/{a}) |\n"
        ),
        "zh-done-box-fullwidth-bars-month": "- [x] {t} ｜ 2024.03 ｜ https://arxiv.org/abs/{a}\n",
        "zh-title-trailing-lenticular-venue-url-below": "{t} 【CVPR 2024】\nhttps://arxiv.org/abs/{a}\n",
        "zh-quote-bold-title-labels-org": (
            "> **{t}**\n> 作者：Ann Lee, Bo Kim\n> 机构：Widget Lab\n> 链接：https://arxiv.org/abs/{a}\n"
        ),
        "zh-fullwidth-paren-number": "1）{t}\n论文：https://arxiv.org/abs/{a}\n",
        "diamond-lines": "◆ {t}\n◆ https://arxiv.org/abs/{a}\n",
        "zh-timu-huiyi-dunhao-labels": "题目：{t}\n会议：CVPR 2024\n作者：Ann Lee、Bo Kim\n链接：https://arxiv.org/abs/{a}\n",
        "zh-glued-ascii-colon-labels": "论文标题:{t}论文链接:https://arxiv.org/abs/{a}\n",
        "zh-bold-number-title-then-link-label-code": (
            "**01 {t}**\n论文：https://arxiv.org/abs/{a}\n代码：https://github.com/a/b\n"
        ),
        "zh-heading-title-quote-link-then-notes": (
            "### {t}\n> https://arxiv.org/abs/{a}\n\n- 核心：稀疏专家\n- 效果：更好\n"
        ),
        "zh-title-dash-zh-summary-url": "{t} —— 用稀疏专家统一感知 https://arxiv.org/abs/{a}\n",
    }),
    # batch 31: English reading notes (daily notes, logs, journals)
    ("31", "Contrastive Gadget Pretraining for Widget Agents", "2411.03579", {
        "daily-note-time-read-link": "- 09:30 Read [[{t}]] — https://arxiv.org/abs/{a}\n",
        "reading-log-table-status": (
            "| Date | Paper | Status | Notes |\n|---|---|---|---|\n| 2024-11-05 | [{t}](https://arxiv.org/abs/{a}) | ✅ | good |\n"
        ),
        "journal-paragraph-then-ref": "Today I read {t}, which trains agents with gadgets.\n\nRef: https://arxiv.org/abs/{a}\n",
        "todo-tag-title-url": "- [ ] #toread {t} https://arxiv.org/abs/{a}\n",
        "question-bullets-under-title": (
            "## {t}\n- Q: why gadgets?\n- A: they scale.\n- Link: https://arxiv.org/abs/{a}\n"
        ),
        "bold-title-rating-then-link": "**{t}** ★★★★☆\nhttps://arxiv.org/abs/{a}\n",
        "title-then-tldr-then-link": "{t}\nTL;DR: gadgets help agents.\n[arXiv](https://arxiv.org/abs/{a})\n",
        "h2-title-key-ideas-link-at-end": (
            "## {t}\n\n### Key ideas\n- gadgets\n- widgets\n\n[Paper](https://arxiv.org/abs/{a})\n"
        ),
        "notion-toggle-title-link-inside": "▸ {t}\n    https://arxiv.org/abs/{a}\n",
        "email-forward-subject": "Subject: Fwd: {t}\n\nhttps://arxiv.org/abs/{a}\n",
        "title-by-firstauthor-etal-year-link": "- {t} by Lee et al. (2024) [link](https://arxiv.org/abs/{a})\n",
        "quoted-title-lowercase-note-link": '- "{t}" — worth a reread: https://arxiv.org/abs/{a}\n',
        "slack-paste-name-time-link": "Ann Lee  10:42 AM\nnew paper: {t} https://arxiv.org/abs/{a}\n",
        "markdown-heading-with-date-suffix": "### {t} (read 2024-11-05)\n[arXiv](https://arxiv.org/abs/{a})\n",
        "bullet-title-semicolon-venue-semicolon-link": "- {t}; CVPR 2024; https://arxiv.org/abs/{a}\n",
        "kanban-card": "## To read\n\n- [ ] **{t}**\n  https://arxiv.org/abs/{a}\n  #agents\n",
    }),
    # batch 32: other tools' records and mirrors of arXiv
    ("32", "Streaming Widget Perception with Gadget Memory Banks", "2412.04680", {
        "json-nested-paper-object": (
            '[{{"paper": {{"title": "{t}", "url": "https://arxiv.org/abs/{a}"}}, "venue": "CVPR 2024"}}]\n'
        ),
        "yaml-list-name-paper-link": "- name: SWP\n  paper: {t}\n  link: https://arxiv.org/abs/{a}\n",
        "toml-array-of-tables": '[[papers]]\ntitle = "{t}"\nurl = "https://arxiv.org/abs/{a}"\nyear = 2024\n',
        "table-paper-cell-br-italic-first-author-etal": (
            "| Paper | Venue |\n|---|---|\n| [{t}](https://arxiv.org/abs/{a}) <br> *Ann Lee et al.* | CVPR 2024 |\n"
        ),
        "html-a-title-attribute-pdf": '<a href="https://arxiv.org/abs/{a}" title="{t}">PDF</a>\n',
        "github-issue-form": "### Paper\n\n{t}\n\n### Link\n\nhttps://arxiv.org/abs/{a}\n\n### Venue\n\nCVPR 2024\n",
        "chicago-bibliography-datacite": (
            'Lee, Ann, and Bo Kim. "{t}." arXiv, 2024. https://doi.org/10.48550/arXiv.{a}.\n'
        ),
        "zh-table-paper-author-deng-org": (
            "| 论文 | 作者 | 单位 |\n|---|---|---|\n| [{t}](https://arxiv.org/abs/{a}) | Ann Lee 等 | Widget Lab |\n"
        ),
        "s2-citation-arxiv-abs": "Lee, A., & Kim, B. (2024). {t}. ArXiv, abs/{a}.\n",
        "s2-arxiv-url-byline": "{t}\nAnn Lee, Bo Kim\nArXiv 2024\nhttps://www.semanticscholar.org/arxiv/{a}\n",
        "papers-cool-mirror": "- {t} https://papers.cool/arxiv/{a}\n",
        "arxiv-sanity-query-id": "{t} https://arxiv-sanity-lite.com/?rank=pid&pid={a}\n",
        "hjfy-translation-mirror": "- {t}（中文翻译：https://hjfy.top/arxiv/{a}）\n",
        "project-page-title-then-arxiv-paren": (
            "- [{t}](https://widget.github.io/) ([arXiv](https://arxiv.org/abs/{a}))\n"
        ),
        "title-text-id-version-paren": "- {t} (arXiv:{a}v2)\n",
        "title-text-datacite-doi": "- {t}. doi:10.48550/arXiv.{a}\n",
    }),
    ("33", "Hierarchical Widget Tokens for Unified Gadget Generation", "2501.05791", {
        "plus-bold-title-badge-links": (
            "+ **{t}** [![Paper](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/{a}) "
            "[![Star](https://img.shields.io/github/stars/a/b.svg?style=social&label=Star)](https://github.com/a/b)\n"
        ),
        "date-bold-name-colon-title-italic-names-venue": (
            "- [2025/01] **HWT**: {t}. *Ann Lee, Bo Kim.* CVPR 2024. [[paper](https://arxiv.org/abs/{a})] "
            "[[code](https://github.com/a/b)]\n"
        ),
        "backtick-venue-prefix": "* `[CVPR 2024]` {t} [[paper](https://arxiv.org/abs/{a})]\n",
        "img-icon-then-link": '- <img src="icons/new.gif" width="20"/> [{t}](https://arxiv.org/abs/{a})\n',
        "table-year-venue-name-title-check": (
            "| Year | Venue | Model | Paper | Open |\n|---|---|---|---|---|\n"
            "| 2024 | CVPR | **HWT** | [{t}](https://arxiv.org/abs/{a}) | ✔️ |\n"
        ),
        "h2-title-quoted-names-venue-link": (
            "## {t}\n> Ann Lee, Bo Kim\n> CVPR 2024\n> [[Paper](https://arxiv.org/abs/{a})]\n"
        ),
        "bold-bracket-venue-title-br-links": (
            "**[CVPR 2024]** {t} <br> [[Paper](https://arxiv.org/abs/{a})] [[Project](https://widget.github.io)]\n"
        ),
        "numbered-bold-name-venue-paren-dash-title": (
            "1. **HWT** (CVPR 2024) - {t} [[Paper](https://arxiv.org/abs/{a})]\n"
        ),
        "title-venue-link-text-stars-badge": (
            "- {t} [[CVPR 2024](https://arxiv.org/abs/{a})] ![GitHub stars](https://img.shields.io/github/stars/a/b)\n"
        ),
        "details-summary-bold-name-colon-title": (
            "<details><summary><b>HWT</b>: {t}</summary>\n\n"
            '<a href="https://arxiv.org/abs/{a}">paper</a> CVPR 2024\n</details>\n'
        ),
        "shields-venue-badge-then-link": (
            "- ![](https://img.shields.io/badge/CVPR-2024-blue) [{t}](https://arxiv.org/abs/{a})\n"
        ),
        "bold-link-italic-names-dash-venue": "[**{t}**](https://arxiv.org/abs/{a}) - *Ann Lee, Bo Kim* - CVPR 2024\n",
        "plain-citation-paragraph-paper-link": "{t}. Ann Lee, Bo Kim. CVPR 2024. [paper](https://arxiv.org/abs/{a})\n",
        "emoji-labelled-links": (
            "- {t} [[📄 Paper](https://arxiv.org/abs/{a})] [[💻 Code](https://github.com/a/b)] "
            "[[🤗 Model](https://huggingface.co/a/b)]\n"
        ),
        "table-title-br-names-venue-badge": (
            "| Title | Venue | Links |\n|---|---|---|\n| {t}<br>Ann Lee, Bo Kim | CVPR 2024 "
            "| [![arXiv](https://img.shields.io/badge/arXiv-{a}-red)](https://arxiv.org/abs/{a}) |\n"
        ),
        "name-em-dash-title-colon-link": "- HWT — {t}: https://arxiv.org/abs/{a}\n",
    }),
    ("34", "Scalable Gadget Diffusion with Widget Transformers", "2502.06802", {
        "table-name-link-title-month-venue": (
            "| Model | Title | Date | Venue |\n|---|---|---|---|\n"
            "| [GadgetDiT](https://arxiv.org/abs/{a}) | {t} | 2025-02 | CVPR 2024 |\n"
        ),
        "bold-name-br-title-br-link": "- **GadgetDiT**<br>{t}<br>[[arXiv](https://arxiv.org/abs/{a})]\n",
        "bold-title-br-italic-names-br-venue-br-link": (
            "* **{t}** <br> *Ann Lee, Bo Kim* <br> CVPR 2024 <br> [arXiv](https://arxiv.org/abs/{a})\n"
        ),
        "fire-bracket-venue-title-links": (
            "- 🔥 [CVPR 2024] {t} [[Paper](https://arxiv.org/abs/{a})] [[Code](https://github.com/a/b)]\n"
        ),
        "table-title-badges-venue": (
            "| Title | Paper | Code | Venue |\n|---|---|---|---|\n"
            "| {t} | [![arXiv](https://img.shields.io/badge/arXiv-{a}-b31b1b.svg)](https://arxiv.org/abs/{a}) "
            "| [![Star](https://img.shields.io/github/stars/a/b.svg)](https://github.com/a/b) | CVPR 2024 |\n"
        ),
        "numbered-link-paren-name-dash-venue": "1. [{t}](https://arxiv.org/abs/{a}) (GadgetDiT) - CVPR 2024\n",
        "title-dot-link-text-arxiv-id": "- {t}. [[arXiv {a}](https://arxiv.org/abs/{a})]\n",
        "h3-name-colon-title-bold-names-italic-venue": (
            "### GadgetDiT: {t}\n**Ann Lee, Bo Kim**\n*CVPR 2024*\n[Paper](https://arxiv.org/abs/{a})\n"
        ),
        "html-table-model-paper-venue": (
            "<table><tr><th>Model</th><th>Paper</th><th>Venue</th></tr>\n"
            '<tr><td>GadgetDiT</td><td><a href="https://arxiv.org/abs/{a}">{t}</a></td><td>CVPR 2024</td></tr>\n'
            "</table>\n"
        ),
        "link-then-venue-badge": "- [{t}](https://arxiv.org/abs/{a}) ![](https://img.shields.io/badge/CVPR-2024-blue)\n",
        "bold-link-br-names-italic-venue": (
            "- **[{t}](https://arxiv.org/abs/{a})** <br> Ann Lee, Bo Kim. *CVPR 2024*\n"
        ),
        "plus-title-project-then-arxiv": (
            "+ {t} [[project](https://gadget.github.io)] [[arxiv](https://arxiv.org/abs/{a})]\n"
        ),
        "zh-bold-name-venue-paren-colon-title": "- **GadgetDiT**（CVPR 2024）：{t} [[论文](https://arxiv.org/abs/{a})]\n",
        "todo-title-dash-etal-venue-dash-url": "- [ ] {t} - Ann Lee et al., CVPR 2024 - https://arxiv.org/abs/{a}\n",
        "title-em-dash-names-em-dash-venue-link": "{t} — Ann Lee, Bo Kim — CVPR 2024 — [pdf](https://arxiv.org/pdf/{a})\n",
        "numbered-name-paren-title-link-year": "3. GadgetDiT ({t}) [arXiv 2024](https://arxiv.org/abs/{a})\n",
    }),
    ("35", "Grounded Gadget Reasoning with Multimodal Widget Chains", "2503.07913", {
        "zhihu-numbered-heading-name-colon-title-quoted-redirect": (
            "### 1. GadgetCoT: {t}\n\n> 论文地址：[https://arxiv.org/abs/{a}]"
            "(https://link.zhihu.com/?target=https%3A//arxiv.org/abs/{a})\n> 代码：https://github.com/a/b\n"
        ),
        "details-bold-summary-authors-id-venue-bullets": (
            "<details>\n<summary><b>{t}</b></summary>\n\n* **Authors:** Ann Lee, Bo Kim\n* **arXiv ID:** {a}\n"
            "* **Venue:** CVPR 2024\n</details>\n"
        ),
        "talk-title-blank-authors-blank-link": "论文：{t}\n\n作者：Ann Lee, Bo Kim\n\n论文链接：https://arxiv.org/abs/{a}\n",
        "zh-table-model-paper-org-date": (
            "| 模型 | 论文 | 机构 | 时间 |\n|---|---|---|---|\n| GadgetCoT | [{t}](https://arxiv.org/abs/{a}) | Widget Lab | 2024.06 |\n"
        ),
        "title-zh-translation-paren-arxiv": "- {t}（中文标题：小工具推理链）[[arXiv](https://arxiv.org/abs/{a})]\n",
        "h2-name-zh-desc-bold-title-link": "## GadgetCoT：多模态推理链\n**{t}**\n[论文](https://arxiv.org/abs/{a})\n",
        "numbered-lenticular-name-title-venue-link": "1. 【GadgetCoT】{t}, CVPR 2024. [论文](https://arxiv.org/abs/{a})\n",
        "feishu-bold-labels-no-colon": "**论文标题** {t}\n**论文链接** https://arxiv.org/abs/{a}\n",
        "title-link-names-org-venue-lines": "{t}\nhttps://arxiv.org/abs/{a}\nAnn Lee, Bo Kim (Widget Lab)\nCVPR 2024\n",
        "html-h3-p-authors-label-p-a": (
            '<h3 id="x">{t}</h3>\n<p>作者：Ann Lee, Bo Kim</p>\n<p><a href="https://arxiv.org/abs/{a}">arXiv</a></p>\n'
        ),
        "doc-emoji-bold-title-em-dash-italic-venue-dots": (
            "* 📄 **{t}** — *CVPR 2024* · [arXiv](https://arxiv.org/abs/{a}) · [GitHub](https://github.com/a/b)\n"
        ),
        "zh-weekly-bold-org-then-title-quote-link": (
            "**Widget Lab**\n> {t}\n> https://arxiv.org/abs/{a}\n"
        ),
        "title-then-zh-one-liner-then-link-label": "{t}\n一句话：用推理链找小工具。\n地址：https://arxiv.org/abs/{a}\n",
        "md-link-title-then-zh-venue-bracket": "- [{t}](https://arxiv.org/abs/{a})（CVPR 2024，Widget Lab）\n",
        "bold-name-dash-title-next-line-link": "**GadgetCoT** - {t}\nhttps://arxiv.org/abs/{a}\n",
        "zh-title-label-fullwidth-space": "标题　{t}\n链接　https://arxiv.org/abs/{a}\n",
    }),
    ("36", "Temporal Gadget Grounding with Sparse Widget Queries", "2504.08024", {
        "pwc-table-title-code-venue-stars": (
            "| Paper | Code | Venue | Stars |\n|---|---|---|---|\n"
            "| [{t}](https://arxiv.org/abs/{a}) | [Code](https://github.com/a/b) | CVPR 2024 | ⭐ 1.2k |\n"
        ),
        "h3-venue-title-dash-labelled-bullets": (
            "### [CVPR 2024] {t}\n- Authors: Ann Lee, Bo Kim\n- Paper: https://arxiv.org/abs/{a}\n"
            "- Code: https://github.com/a/b\n"
        ),
        "double-bracket-link-text": "- {t} [[Paper]](https://arxiv.org/abs/{a}) [[Code]](https://github.com/a/b)\n",
        "link-first-then-title": "- [Paper](https://arxiv.org/abs/{a}) {t}\n",
        "bold-title-venue-paren-star-badge-paper": (
            "- **{t}** (CVPR 2024) [![Star](https://img.shields.io/github/stars/a/b.svg)](https://github.com/a/b) "
            "[[Paper](https://arxiv.org/abs/{a})]\n"
        ),
        "backtick-month-bold-title": "* `2024-04` **{t}** [[paper](https://arxiv.org/abs/{a})]\n",
        "item-title-venue-br-names-br-link": (
            "- {t} (CVPR 2024) <br> Ann Lee, Bo Kim <br> [paper](https://arxiv.org/abs/{a})\n"
        ),
        "html-a-b-title-br-names-br-i-venue": (
            '<a href="https://arxiv.org/abs/{a}"><b>{t}</b></a><br>Ann Lee, Bo Kim<br><i>CVPR 2024</i>\n'
        ),
        "bold-title-italic-names-venue-dot-links": (
            "**{t}**\n*Ann Lee, Bo Kim*\nCVPR 2024 · [arXiv](https://arxiv.org/abs/{a}) · [Code](https://github.com/a/b)\n"
        ),
        "done-box-bracket-venue-title-em-dash-link": "- [x] [CVPR 2024] {t} — [arXiv](https://arxiv.org/abs/{a})\n",
        "table-title-and-authors-cell": (
            "| Title & Authors | Venue | Links |\n|---|---|---|\n"
            "| **{t}**<br>Ann Lee, Bo Kim | CVPR 2024 | [Paper](https://arxiv.org/abs/{a}) |\n"
        ),
        "title-names-arxiv-text-id": "- {t}. Ann Lee, Bo Kim. arXiv:{a}\n",
        "emoji-fields-pipes": "- 📝 {t} | 👥 Ann Lee, Bo Kim | 📅 2024 | 🔗 [arXiv](https://arxiv.org/abs/{a})\n",
        "h2-name-quote-title-link": "## TempGadget\n> {t}\n\n[paper](https://arxiv.org/abs/{a})\n",
        "title-linked-author-names-paren": (
            "- {t} ([Ann Lee](https://annlee.github.io), [Bo Kim](https://bokim.me)) [arXiv](https://arxiv.org/abs/{a})\n"
        ),
        "numbered-title-colon-name-paren-link": "2. {t} (TempGadget): [arXiv](https://arxiv.org/abs/{a})\n",
    }),
    ("37", "Compositional Widget Planning for Gadget Agents", "2505.09135", {
        "arxiv-listing-copy": (
            "[1] arXiv:{a} [pdf, html, other]\nTitle: {t}\nAuthors: Ann Lee, Bo Kim\nComments: CVPR 2024\n"
            "Subjects: Computer Vision and Pattern Recognition (cs.CV)\n"
        ),
        "hf-daily-papers-copy": (
            "{t}\nPublished on May 14\n·\nSubmitted by akhaliq\nUpvote 23\nhttps://huggingface.co/papers/{a}\n"
        ),
        "papers-cool-listing": "#1 {t} [PDF] [Kimi]\nAuthors: Ann Lee ; Bo Kim\nhttps://papers.cool/arxiv/{a}\n",
        "dblp-corr": "Ann Lee, Bo Kim: {t}. CoRR abs/{a} (2025)\n",
        "mla-arxiv-preprint": 'Lee, Ann, and Bo Kim. "{t}." arXiv preprint arXiv:{a} (2025).\n',
        "thread-announcement": "📢 New paper! {t}\n\nPaper: https://arxiv.org/abs/{a}\n🧵1/5\n",
        "reddit-r-title-link": "[R] {t}\nhttps://arxiv.org/abs/{a}\n",
        "newsletter-bold-title-sentence-link": (
            "**{t}.** Researchers at Widget Lab propose a planner for agents. [Paper](https://arxiv.org/abs/{a})\n"
        ),
        "footnote-link": "{t}[^1]\n\n[^1]: https://arxiv.org/abs/{a}\n",
        "bullet-title-then-indented-abs-link-and-names": (
            "- {t}\n    - https://arxiv.org/abs/{a}\n    - Ann Lee, Bo Kim\n"
        ),
        "table-arxiv-id-col-title-col": (
            "| arXiv | Title | Authors |\n|---|---|---|\n| {a} | {t} | Ann Lee, Bo Kim |\n"
        ),
        "numbered-quoted-title-names-arxiv-text": '3. "{t}", Ann Lee, Bo Kim, arXiv:{a}, 2025.\n',
        "title-and-link-in-angle-brackets": "- {t} <https://arxiv.org/abs/{a}>\n",
        "heading-title-then-abstract-link-label": "#### {t}\nAbstract: We plan widgets for agents.\n[abs](https://arxiv.org/abs/{a})\n",
        "bold-name-colon-sentence-then-title-link": (
            "- **WidgetPlan**: plans gadgets. [{t}](https://arxiv.org/abs/{a})\n"
        ),
        "title-pipe-name-pipe-link-no-bullet": "{t} | WidgetPlan | https://arxiv.org/abs/{a}\n",
    }),
    ("38", "Efficient Widget Tokenizers for Gadget Language Models", "2506.10246", {
        "zh-table-number-name-paper-date": (
            "| 序号 | 名称 | 论文 | 发布时间 |\n|---|---|---|---|\n| 1 | WidgetLM | [{t}](https://arxiv.org/abs/{a}) | 2024.05 |\n"
        ),
        "zh-bold-name-fullwidth-colon-title-double-bracket-link": "- **WidgetLM**：{t}，[[论文]](https://arxiv.org/abs/{a})\n",
        "zh-name-heading-labelled-titled-link": "### WidgetLM\n- 论文：[{t}](https://arxiv.org/abs/{a})\n- 机构：Widget Lab\n",
        "title-zhihu-explainer-then-paper": (
            "1. {t} [[知乎解读](https://zhuanlan.zhihu.com/p/1)] [[论文](https://arxiv.org/abs/{a})]\n"
        ),
        "lenticular-venue-title-emoji-labels": "【CVPR 2024】{t}\n📄 论文：https://arxiv.org/abs/{a}\n💻 代码：https://github.com/a/b\n",
        "html-p-lenticular-labels-one-line": "<p>【论文】{t}</p><p>【链接】https://arxiv.org/abs/{a}</p>\n",
        "zh-title-label-name-paren": "论文标题：{t}（WidgetLM）\n论文链接：https://arxiv.org/abs/{a}\n",
        "done-fullwidth-bars-org-pdf": "- [x] {t}｜Widget Lab｜[PDF](https://arxiv.org/abs/{a})\n",
        "quote-emoji-lines-names": "> 📝 {t}\n> 🔗 https://arxiv.org/abs/{a}\n> 👥 Ann Lee, Bo Kim\n",
        "zh-title-then-labels-fullwidth-comma-names": (
            "{t}\n作者：Ann Lee，Bo Kim（Widget Lab）\n会议：CVPR 2024\n链接：https://arxiv.org/abs/{a}\n"
        ),
        "zhihu-bold-numbered-title-redirect-intro": (
            "**1. {t}**\n\n论文链接：[https://arxiv.org/abs/{a}](https://link.zhihu.com/?target=https%3A//arxiv.org/abs/{a})\n\n"
            "简介：一种高效的分词器。\n"
        ),
        "month-pipe-title-venue-link": "- 2024.05 | {t} | CVPR | [paper](https://arxiv.org/abs/{a})\n",
        "link-dash-org-dash-venue": "[{t}](https://arxiv.org/abs/{a}) - 清华 - CVPR 2024\n",
        "zh-table-title-authors-deng-venue": (
            "| 论文题目 | 作者 | 会议 |\n|---|---|---|\n| [{t}](https://arxiv.org/abs/{a}) | Ann Lee 等 | CVPR 2024 |\n"
        ),
        "title-year-double-bracket-arxiv": "{t}. 2024. [[arxiv]](https://arxiv.org/abs/{a})\n",
        "zh-sentence-name-then-colon-link-title-after": "清华提出 WidgetLM：{t}\nhttps://arxiv.org/abs/{a}\n",
    }),
    ("39", "Robust Widget Manipulation from Sparse Gadget Demonstrations", "2507.11357", {
        "robotics-table-paper-venue-project-video": (
            "| Paper | Venue | Project | Video |\n|---|---|---|---|\n"
            "| [{t}](https://arxiv.org/abs/{a}) | CoRL 2024 | [site](https://widget.github.io) | [video](https://youtu.be/x) |\n"
        ),
        "rl-bullet-bold-name-paren-year-title": "- **WidgetBot** (2024): {t} [[arXiv](https://arxiv.org/abs/{a})]\n",
        "nlp-acl-anthology-style": "- Ann Lee and Bo Kim. 2024. {t}. In *CoRL 2024*. [[arXiv](https://arxiv.org/abs/{a})]\n",
        "title-then-badges-line-then-names": (
            "**{t}**\n[![arXiv](https://img.shields.io/badge/arXiv-{a}-b31b1b.svg)](https://arxiv.org/abs/{a})\n"
            "*Ann Lee, Bo Kim*\n"
        ),
        "numbered-title-bracket-venue-year-links": "1. {t} [CoRL 2024] [[paper](https://arxiv.org/abs/{a})] [[code](https://github.com/a/b)]\n",
        "dash-italic-title-names-venue": "- *{t}*. Ann Lee, Bo Kim. CoRL 2024. [arXiv](https://arxiv.org/abs/{a})\n",
        "h4-link-title-p-names-venue": "#### [{t}](https://arxiv.org/abs/{a})\nAnn Lee, Bo Kim · CoRL 2024\n",
        "item-venue-colon-link": "- CoRL 2024: [{t}](https://arxiv.org/abs/{a})\n",
        "table-year-venue-title-link-cols": (
            "| Year | Venue | Title | Link |\n|---|---|---|---|\n| 2024 | CoRL | {t} | [arXiv](https://arxiv.org/abs/{a}) |\n"
        ),
        "star-title-dash-link-text-venue": "* {t} - [CoRL 2024](https://arxiv.org/abs/{a})\n",
        "bullet-title-em-dash-names-paren-venue": "- {t} — Ann Lee, Bo Kim (CoRL 2024) [pdf](https://arxiv.org/pdf/{a})\n",
        "html-ul-li-b-title-i-names": (
            '<ul><li><b>{t}</b>, <i>Ann Lee, Bo Kim</i>, CoRL 2024. <a href="https://arxiv.org/abs/{a}">[arXiv]</a></li></ul>\n'
        ),
        "bracket-name-bold-title-link": "- [WidgetBot] **{t}** [paper](https://arxiv.org/abs/{a})\n",
        "title-colon-name-then-link-next-line": "{t} (WidgetBot)\n[arXiv](https://arxiv.org/abs/{a}) | [Code](https://github.com/a/b)\n",
        "plus-title-arxiv-abs-text-id": "+ {t}. arXiv abs/{a}\n",
        "checkmark-title-link-month": "- ✅ [{t}](https://arxiv.org/abs/{a}) (Jul 2024)\n",
    }),
    ("40", "Hybrid Widget Retrieval for Gadget Question Answering", "2508.12468", {
        "two-title-link-names-venue-paragraphs": (
            "Learned Gadget Codecs for Sparse Widgets\nhttps://arxiv.org/abs/2402.11111\nCy Wu, Di Xu\nICML 2023\n\n"
            "{t}\nhttps://arxiv.org/abs/{a}\nAnn Lee, Bo Kim\nCVPR 2024\n"
        ),
        "two-title-link-then-names-no-blank": (
            "Learned Gadget Codecs for Sparse Widgets\nhttps://arxiv.org/abs/2402.11111\n{t}\nhttps://arxiv.org/abs/{a}\nAnn Lee, Bo Kim\n"
        ),
        "two-heading-links-bylines": (
            "#### [Learned Gadget Codecs for Sparse Widgets](https://arxiv.org/abs/2402.11111)\nCy Wu, Di Xu · ICML 2023\n"
            "#### [{t}](https://arxiv.org/abs/{a})\nAnn Lee, Bo Kim · CVPR 2024\n"
        ),
        "two-name-headings-one-paper-each": (
            "### GadgetCodec\n- [Learned Gadget Codecs for Sparse Widgets](https://arxiv.org/abs/2402.11111)\n"
            "### HybridQA\n- [{t}](https://arxiv.org/abs/{a})\n"
        ),
        "name-heading-over-two-papers": (
            "### HybridQA\n- [Learned Gadget Codecs for Sparse Widgets](https://arxiv.org/abs/2402.11111)\n- [{t}](https://arxiv.org/abs/{a})\n"
        ),
        "two-arxiv-listing-entries": (
            "[1] arXiv:2402.11111 [pdf]\nTitle: Learned Gadget Codecs for Sparse Widgets\nAuthors: Cy Wu, Di Xu\n"
            "[2] arXiv:{a} [pdf]\nTitle: {t}\nAuthors: Ann Lee, Bo Kim\n"
        ),
        "bare-id-then-title-label-of-another-paper": (
            "- https://arxiv.org/abs/2402.11111\n\n论文标题：{t}\n论文链接：https://arxiv.org/abs/{a}\n"
        ),
        "two-dash-name-items": (
            "- GadgetCodec — Learned Gadget Codecs for Sparse Widgets: https://arxiv.org/abs/2402.11111\n- HybridQA — {t}: https://arxiv.org/abs/{a}\n"
        ),
        "two-sub-item-name-lists": (
            "- Learned Gadget Codecs for Sparse Widgets\n    - https://arxiv.org/abs/2402.11111\n    - Cy Wu, Di Xu\n"
            "- {t}\n    - https://arxiv.org/abs/{a}\n    - Ann Lee, Bo Kim\n"
        ),
        "two-lenticular-name-items": (
            "1. 【GadgetCodec】Learned Gadget Codecs for Sparse Widgets, ICML 2023. [论文](https://arxiv.org/abs/2402.11111)\n"
            "2. 【HybridQA】{t}, CVPR 2024. [论文](https://arxiv.org/abs/{a})\n"
        ),
        "two-quote-emoji-blocks": (
            "> 📝 Learned Gadget Codecs for Sparse Widgets\n> 🔗 https://arxiv.org/abs/2402.11111\n> 👥 Cy Wu, Di Xu\n\n"
            "> 📝 {t}\n> 🔗 https://arxiv.org/abs/{a}\n> 👥 Ann Lee, Bo Kim\n"
        ),
        "two-bold-title-stop-sentences": (
            "**Learned Gadget Codecs for Sparse Widgets.** Codecs for widgets. [Paper](https://arxiv.org/abs/2402.11111)\n\n"
            "**{t}.** Retrieval for gadgets. [Paper](https://arxiv.org/abs/{a})\n"
        ),
        "two-paper-link-first-items": (
            "- [Paper](https://arxiv.org/abs/2402.11111) Learned Gadget Codecs for Sparse Widgets\n- [Paper](https://arxiv.org/abs/{a}) {t}\n"
        ),
        "two-dblp-lines": (
            "Cy Wu, Di Xu: Learned Gadget Codecs for Sparse Widgets. CoRR abs/2402.11111 (2024)\nAnn Lee, Bo Kim: {t}. CoRR abs/{a} (2025)\n"
        ),
        "title-label-then-untitled-link-of-next-paper": (
            "Title: {t}\nLink: https://arxiv.org/abs/{a}\n\n- https://arxiv.org/abs/2402.11111\n"
        ),
        "two-br-name-items": (
            "- **GadgetCodec**<br>Learned Gadget Codecs for Sparse Widgets<br>[[arXiv](https://arxiv.org/abs/2402.11111)]\n"
            "- **HybridQA**<br>{t}<br>[[arXiv](https://arxiv.org/abs/{a})]\n"
        ),
    }),
]

# What else a layout of batches 5 to 13 gives (written with each batch, before it was measured):
# authors as listed, the year the list writes (the arXiv id's is 2023), a venue naming CVPR.
_AUTHORS: dict[str, object] = {"authors": ["Ann Lee", "Bo Kim"]}
_CVPR: dict[str, object] = {"venue": "CVPR", "year": 2024}
FIELDS: dict[str, dict[str, object]] = {
    "link-paren-citation": _CVPR,
    "bold-comma-italic-venue": _CVPR,
    "link-text-venue-year": _CVPR,
    "table-date-title-venue": _CVPR,
    "authors-then-bold-title": {**_AUTHORS, **_CVPR},
    "br-card": {**_AUTHORS, **_CVPR},
    "venue-paren-first": _CVPR,
    "html-a-br-authors": _AUTHORS,
    "indented-continuation": {**_AUTHORS, **_CVPR},
    "yaml-entry": {"year": 2024},
    "ieee-citation": {"authors": ["A. Lee", "B. Kim"], **_CVPR},
    # batch 6 (written with it, before it was measured)
    "numbered-link-italic-venue-paren": _CVPR,
    "bold-venue-dash-title": _CVPR,
    "arxiv-daily": _AUTHORS,
    "table-bold-title-br-authors": _AUTHORS,
    "link-comma-authors-venue": {**_AUTHORS, **_CVPR},
    "authors-year-quoted-title": {**_AUTHORS, **_CVPR},
    # batch 7 (written with it, before it was measured)
    "badge-then-plain-title": _CVPR,
    "title-em-dash-authors-venue": {**_AUTHORS, **_CVPR},
    "table-paper-authors-venue": {**_AUTHORS, **_CVPR},
    "html-table-no-header": _CVPR,
    "nested-meta-bullets": {**_AUTHORS, **_CVPR},
    "bold-label-lines": _AUTHORS,
    "zh-book-title-venue-label-link": _CVPR,
    "pipe-venue-links": _CVPR,
    "arxiv-listing-paste": _AUTHORS,
    "latex-bibitem": {"authors": ["A. Lee", "B. Kim"], **_CVPR},
    "bold-title-italic-venue-link-lines": _CVPR,
    # batch 8 (written with it, before it was measured)
    "springer-lncs": {"authors": ["A. Lee", "B. Kim"], **_CVPR},
    "chicago": {**_AUTHORS, **_CVPR},
    "bold-title-nested-authors-link": _AUTHORS,
    "unchecked-box-link-venue": _CVPR,
    "bold-pipe-venue-no-bullet": _CVPR,
    "blockquote-lines": _AUTHORS,
    "html-dl": _CVPR,
    "apostrophe-year-bracket": _CVPR,
    "h4-title-year-names-link": _AUTHORS,
    "table-conf-abbr-year": _CVPR,
    "csv-semicolon": {"year": 2024},
    "arxiv-abstract-paste": _AUTHORS,
    "link-bold-venue-paren": _CVPR,
    # batch 9 (written with it, before it was measured)
    "yaml-fields": {**_AUTHORS, **_CVPR},
    "json-lines": {"year": 2024},
    "h2-link-venue-paren": _CVPR,
    "zh-bold-labels": _AUTHORS,
    "obsidian-front-matter": {**_AUTHORS, "year": 2024},
    "zh-lenticular-venue-prefix": _CVPR,
    "title-bold-venue-pdf": _CVPR,
    "html-ol-italic-title-authors": _AUTHORS,
    # batch 10 (written with it, before it was measured)
    "zh-label-items-authors": _AUTHORS,
    "zh-bold-fullwidth-venue-then-link-label": _CVPR,
    "zh-numbered-fullwidth-paren-link": _CVPR,
    "zh-et-al-paren-after-link": _CVPR,
    "paren-authors-venue-then-link": {**_AUTHORS, **_CVPR},
    "bold-then-paren-pdf-venue": _CVPR,
    "all-commas": {**_AUTHORS, **_CVPR},
    # batch 11 (written with it, before it was measured)
    "bold-link-br-italic-authors-venue": {**_AUTHORS, **_CVPR},
    "link-fire-venue-bracket": _CVPR,
    "zh-four-label-lines": {**_AUTHORS, **_CVPR},
    "table-emoji-venue-cell": _CVPR,
    "title-dash-venue-link": _CVPR,
    "html-p-strong-em-venue": _CVPR,
    "hard-break-lines-authors-venue": {**_AUTHORS, **_CVPR},
    "link-then-venue-bracket": _CVPR,
    "year-colon-title": {"year": 2024},
    # batch 12 (written with it, before it was measured)
    "html-div-card-one-line": _AUTHORS,
    "html-h3-link-p-byline": {**_AUTHORS, **_CVPR},
    "html-li-strong-br-authors": _AUTHORS,
    "link-fullwidth-bracket-venue": _CVPR,
    "link-dash-byline-code-venue": {**_AUTHORS, **_CVPR},
    "bold-venue-then-link": _CVPR,
    "bracket-venue-then-link": _CVPR,
    "table-date-title-authors-link": {**_AUTHORS, "year": 2024},
    # batch 13 (written with it, before it was measured)
    "star-written-citation": {**_AUTHORS, **_CVPR},
    "table-hash-title-short-venue": _CVPR,
    "title-paren-venue-link": _CVPR,
    "bold-sup-venue": _CVPR,
    "numbered-html-a-paren-authors-venue": {**_AUTHORS, **_CVPR},
    "piped-plain-authors-venue": {**_AUTHORS, **_CVPR},
    "bold-blank-names-blank-link": _AUTHORS,
    "link-by-authors": _AUTHORS,
    "lenticular-short-venue": _CVPR,
    "fire-bold-venue-dash-links": _CVPR,
    "item-nested-quote-lines": {**_AUTHORS, **_CVPR},
    "details-summary-venue": _CVPR,
    "pipe-labels-one-line": _CVPR,
    # batch 14 (written with it, before it was measured)
    "zh-title-fullwidth-venue-then-label": _CVPR,
    "zh-numbered-heading-author-bullets": _AUTHORS,
    "zh-table-headers": _CVPR,
    "zh-title-authors-deng": {**_AUTHORS, **_CVPR},
    "bold-links-paren-then-byline": _CVPR,
    "html-tr-year-link-venue": _CVPR,
    "title-paren-etal-year-bare-url": {"year": 2024},
    "date-venue-title-cells": _CVPR,
    "html-p-title-span-authors": _AUTHORS,
    # batch 15 (written with it, before it was measured)
    "zh-title-label-venue-paren": _CVPR,
    "zh-blank-label-paragraphs": _AUTHORS,
    "zh-fabiao-label": {**_AUTHORS, **_CVPR},
    "zh-table-author-fabiao": {**_AUTHORS, **_CVPR},
    "emoji-separated-fields": _CVPR,
    "double-bracket-venue-link-text": _CVPR,
    "venue-bracket-title-url-in-parens": _CVPR,
    "html-li-strong-em-paren-venue": {**_AUTHORS, **_CVPR},
    "numbered-title-then-indented-byline-and-link": {**_AUTHORS, **_CVPR},
    # batch 16 (written with it, before it was measured)
    "dot-separated-links-venue-paren": _CVPR,
    "table-conf-year-pdf-columns": _CVPR,
    "title-names-arxiv-text-lines": _AUTHORS,
    "zh-emoji-labels-venue": {**_AUTHORS, **_CVPR},
    "zh-numbered-bold-venue-nested": _CVPR,
    "html-div-title-venue-spans": _CVPR,
    "html-h4-p-byline-italic-venue": {**_AUTHORS, **_CVPR},
    "piped-stars-cell": _CVPR,
    "paren-names-semicolon-venue-colon-url": {**_AUTHORS, **_CVPR},
    "zh-label-variants": {**_AUTHORS, **_CVPR},
    "names-dot-link-italic-venue-paren": {**_AUTHORS, **_CVPR},
    "zh-fullwidth-paren-names-deng": {"authors": ["Ann Lee"]},
    "h3-bracket-venue-title-link-below": _CVPR,
    # batch 17 (written with it, before it was measured)
    "mla": {**_AUTHORS, **_CVPR},
    "harvard": {"authors": ["A. Lee", "B. Kim"], **_CVPR},
    "ris-record": {**_AUTHORS, "year": 2024},
    "obsidian-dataview-inline": {"year": 2024},
    "pwc-dots": {**_AUTHORS, "year": 2024},
    "scholar-copy": {"authors": ["A Lee", "B Kim"], **_CVPR},
    "zh-semicolon-labels": _AUTHORS,
    "numbered-bracket-preprint": {"year": 2024},
    "html-ul-a-em-venue": _CVPR,
    # batch 18 (written with it, before it was measured)
    "zh-table-name-title-release": {"year": 2024},
    "zh-bold-title-inline-author-label": _AUTHORS,
    "date-title-bare-url": {"year": 2024},
    "zh-venue-label-before-title": {**_AUTHORS, **_CVPR},
    "en-title-by-names-venue-next-line-link": {**_AUTHORS, **_CVPR},
    "html-blockquote-cite": _AUTHORS,
    # batch 19 (written with it, before it was measured)
    "year-bracket-link-paragraph": {"year": 2024},
    "table-paper-yy-mm-date": {"year": 2024},
    "html-grid-cell-bold-local-link": {"year": 2024},
    "table-title-with-handle-link": {**_AUTHORS, "year": 2024},
    "h4-title-year-bold-label-bullets": {"authors": ["Ann Lee"], **_CVPR},
    "bold-name-en-dash-link-year": {"year": 2024},
    "thebibliography-newblocks": {**_AUTHORS, **_CVPR},
    "bold-local-note-link-then-paper": {"year": 2024},
    "table-author-affiliation-digits": {**_AUTHORS, **_CVPR},
    "zh-table-year-intro": {"year": 2024},
    "zh-quote-pipe-labels-under-title": {**_AUTHORS, **_CVPR},
    "survey-table-year-tag-in-cell": {"year": 2024},
    "bold-heading-labels-dash": {**_AUTHORS, **_CVPR},
    "numbered-link-then-sub-bullets-venue-authors": {**_AUTHORS, **_CVPR},
    # batch 20 (written with it, before it was measured)
    "bold-title-names-italic-arxiv-year": {**_AUTHORS, "year": 2024},
    "html-p-a-b-br-names-br-venue": {**_AUTHORS, **_CVPR},
    "html-dt-dd-lines": {**_AUTHORS, **_CVPR},
    "notion-page-properties": {**_AUTHORS, "year": 2024},
    "zotero-note-html": {**_AUTHORS, "year": 2024},
    "zh-lenticular-label-lines": _AUTHORS,
    "quote-bold-title-dot-byline-link": {**_AUTHORS, **_CVPR},
    "title-in-text-citation-url": {"year": 2024},
    "comma-title-arxiv-id-year": {"year": 2024},
    "tsv-no-header": _CVPR,
    "html-li-a-then-small-names": {**_AUTHORS, **_CVPR},
    # batch 21 (written with it, before it was measured)
    "bold-link-venue-hard-break-labels": {**_AUTHORS, **_CVPR},
    "numbered-heading-abbrev-bold-label-block": {**_AUTHORS, **_CVPR, "name": "WAG"},
    "mla-quoted-link-text-year": {**_AUTHORS, "year": 2024},
    "table-no-outer-pipes-month-date": {"year": 2024, "name": "WAG"},
    "zh-numbered-heading-bold-labels": {**_AUTHORS, **_CVPR, "name": "WAG"},
    "zh-nested-ascii-colon-labels": _AUTHORS,
    "zh-table-org-column": {"year": 2024},
    "em-dash-fields-bare-url": {"authors": ["Ann Lee"], **_CVPR},
    "title-url-line-then-byline": {**_AUTHORS, **_CVPR},
    "numbered-title-italic-venue-bare-url": _CVPR,
    "details-bold-summary-byline-a": {**_AUTHORS, **_CVPR},
    "reading-log-date-status": {"year": 2024},
    "bullet-name-colon-link-title-text": {**_CVPR, "name": "WAG"},
    # batch 22 (written with it, before it was measured)
    "table-model-arxiv-badge": {"name": "IWG"},
    "notion-vertical-property-table": {**_AUTHORS, "year": 2024},
    "org-table-plus-separator": {"year": 2024},
    "rst-bullet-link-byline": {**_AUTHORS, **_CVPR},
    "mediawiki-external-link": _CVPR,
    "html-th-scope-row-name": {**_CVPR, "name": "IWG"},
    "csv-quoted-authors": {**_AUTHORS, "year": 2024},
    "bold-title-code-venue-angle-url": _CVPR,
    "numbered-title-url-paren-dash-byline": {**_AUTHORS, **_CVPR},
    "obsidian-callout-byline": {**_AUTHORS, **_CVPR},
    "title-bold-name-paren-em-dash-url": {"name": "IWG"},
    "latex-itemize-href": {**_AUTHORS, **_CVPR},
    # batch 23 (written with it, before it was measured)
    "zh-reading-heading-label-bullets": {**_AUTHORS, **_CVPR},
    "zh-sentence-book-title-venue-address": _CVPR,
    "zh-table-model-paper-org-month": {"name": "UGT", "year": 2024},
    "zh-done-box-date-link-status": {"year": 2024},
    "bold-labels-piped-one-line": {**_AUTHORS, **_CVPR},
    "title-year-square-pdf": {"year": 2024},
    "zh-title-names-affiliation-link-label": _AUTHORS,
    "bold-bracket-venue-apostrophe-year": _CVPR,
    # batch 24 (written with it, before it was measured)
    "zh-news-bold-name-colon-title-label": {"name": "GWC"},
    "zh-emoji-table-headers-venue": _CVPR,
    "numbered-semicolon-fields-url": {**_AUTHORS, **_CVPR},
    "html-figcaption-a-venue": _CVPR,
    "yaml-list-flow-authors": {**_AUTHORS, **_CVPR},
    "bibtex-misc-howpublished-url": {**_AUTHORS, "year": 2024},
    "zh-bold-title-fullwidth-paren-venue-next-line-labels": {**_AUTHORS, **_CVPR},
    # batch 25 (written with it, before it was measured)
    "apa-zotero-datacite-doi": {"authors": ["A. Lee", "B. Kim"], "year": 2024},
    "logseq-properties-wiki-authors": _AUTHORS,
    "arxiv-email-digest": _AUTHORS,
    "scholar-alert-pdf": {"authors": ["A Lee", "B Kim"], "year": 2024},
    "zh-labels-with-abstract": _AUTHORS,
    "table-cell-br-sub-authors": {**_AUTHORS, **_CVPR},
    "rst-field-list": _AUTHORS,
    "html-cite-dash-names-a": _AUTHORS,
    "year-em-dash-italic-title-venue-link": _CVPR,
    # batch 26 (written with it, before it was measured)
    "html-table-rowspan-year": {"year": 2024},
    "zh-lenticular-note-pipes": _CVPR,
    "smart-quoted-link-venue-paren": _CVPR,
    "acl-style-year-after-names": {**_AUTHORS, **_CVPR},
    "ieee-et-al-quoted-online": {"authors": ["A. Lee"], **_CVPR},
    "vancouver": {"year": 2024},
    "definition-bold-link-term-byline": {**_AUTHORS, **_CVPR},
    # batch 27 (written with it, before it was measured)
    "zh-bold-name-org-colon-title-label-link": {"name": "GRW"},
    "zh-table-bold-name-br-title": {"name": "GRW"},
    "title-month-year-paren-link": {"year": 2024},
    "bold-name-em-dashes-title-link": {"name": "GRW"},
    "html-li-span-classes": _CVPR,
    "title-paragraph-dot-links-published": {"year": 2024},
    "id-first-dashes-title-authors": _AUTHORS,
    # batch 28 (written with it, before it was measured)
    "two-backslash-blocks": _AUTHORS,
    "two-numbered-bold-venue-pdf-italic-names": {**_AUTHORS, **_CVPR},
    # batch 29 (written with it, before it was measured)
    "two-bibtex-entries": {**_AUTHORS, "year": 2024},
    "two-quotes-title-names-link": _AUTHORS,
    "two-h4-titles-byline-links": {**_AUTHORS, **_CVPR},
    "two-details-title-summary-byline-inside": _AUTHORS,
    "ris-two-records": _AUTHORS,
    # batch 30 (written with it, before it was measured)
    "zh-sentence-book-title-published-in-link-label": _CVPR,
    "zh-bold-title-highlight-paren-dunhao-authors": {**_AUTHORS, **_CVPR},
    "zh-table-number-name-published-pdf": _CVPR,
    "zh-done-box-fullwidth-bars-month": {"year": 2024},
    "zh-title-trailing-lenticular-venue-url-below": _CVPR,
    "zh-quote-bold-title-labels-org": _AUTHORS,
    "zh-timu-huiyi-dunhao-labels": {**_AUTHORS, **_CVPR},
    # batch 31 (written with it, before it was measured)
    "reading-log-table-status": {"year": 2024},
    "title-by-firstauthor-etal-year-link": {"year": 2024},
    "bullet-title-semicolon-venue-semicolon-link": _CVPR,
    # batch 32 (written with it, before it was measured)
    "json-nested-paper-object": _CVPR,
    "yaml-list-name-paper-link": {"name": "SWP"},
    "toml-array-of-tables": {"year": 2024},
    "table-paper-cell-br-italic-first-author-etal": {"authors": ["Ann Lee"], **_CVPR},
    "github-issue-form": _CVPR,
    "chicago-bibliography-datacite": {**_AUTHORS, "year": 2024},
    "zh-table-paper-author-deng-org": {"authors": ["Ann Lee"]},
    "s2-citation-arxiv-abs": {"authors": ["A. Lee", "B. Kim"], "year": 2024},
    "s2-arxiv-url-byline": _AUTHORS,
    # batch 33 (written with it, before it was measured)
    "date-bold-name-colon-title-italic-names-venue": {**_AUTHORS, **_CVPR, "name": "HWT"},
    "backtick-venue-prefix": _CVPR,
    "table-year-venue-name-title-check": {**_CVPR, "name": "HWT"},
    "h2-title-quoted-names-venue-link": {**_AUTHORS, **_CVPR},
    "bold-bracket-venue-title-br-links": _CVPR,
    "numbered-bold-name-venue-paren-dash-title": {**_CVPR, "name": "HWT"},
    "title-venue-link-text-stars-badge": _CVPR,
    "details-summary-bold-name-colon-title": {**_CVPR, "name": "HWT"},
    "shields-venue-badge-then-link": _CVPR,
    "bold-link-italic-names-dash-venue": {**_AUTHORS, **_CVPR},
    "plain-citation-paragraph-paper-link": {**_AUTHORS, **_CVPR},
    "table-title-br-names-venue-badge": {**_AUTHORS, **_CVPR},
    "name-em-dash-title-colon-link": {"name": "HWT"},
    # batch 34 (written with it, before it was measured)
    "table-name-link-title-month-venue": {**_CVPR, "name": "GadgetDiT"},
    "bold-name-br-title-br-link": {"name": "GadgetDiT"},
    "bold-title-br-italic-names-br-venue-br-link": {**_AUTHORS, **_CVPR},
    "fire-bracket-venue-title-links": _CVPR,
    "table-title-badges-venue": _CVPR,
    "numbered-link-paren-name-dash-venue": {**_CVPR, "name": "GadgetDiT"},
    "h3-name-colon-title-bold-names-italic-venue": {**_AUTHORS, **_CVPR, "name": "GadgetDiT"},
    "html-table-model-paper-venue": {**_CVPR, "name": "GadgetDiT"},
    "link-then-venue-badge": _CVPR,
    "bold-link-br-names-italic-venue": {**_AUTHORS, **_CVPR},
    "zh-bold-name-venue-paren-colon-title": {**_CVPR, "name": "GadgetDiT"},
    "todo-title-dash-etal-venue-dash-url": {"authors": ["Ann Lee"], **_CVPR},
    "title-em-dash-names-em-dash-venue-link": {**_AUTHORS, **_CVPR},
    "numbered-name-paren-title-link-year": {"name": "GadgetDiT", "year": 2024},
    # batch 35 (written with it, before it was measured)
    "zhihu-numbered-heading-name-colon-title-quoted-redirect": {"name": "GadgetCoT"},
    "details-bold-summary-authors-id-venue-bullets": {**_AUTHORS, **_CVPR},
    "talk-title-blank-authors-blank-link": _AUTHORS,
    "zh-table-model-paper-org-date": {"name": "GadgetCoT", "year": 2024},
    "h2-name-zh-desc-bold-title-link": {"name": "GadgetCoT"},
    "numbered-lenticular-name-title-venue-link": {**_CVPR, "name": "GadgetCoT"},
    "title-link-names-org-venue-lines": {**_AUTHORS, **_CVPR},
    "html-h3-p-authors-label-p-a": _AUTHORS,
    "doc-emoji-bold-title-em-dash-italic-venue-dots": _CVPR,
    "md-link-title-then-zh-venue-bracket": _CVPR,
    "bold-name-dash-title-next-line-link": {"name": "GadgetCoT"},
    # batch 36 (written with it, before it was measured)
    "pwc-table-title-code-venue-stars": _CVPR,
    "h3-venue-title-dash-labelled-bullets": {**_AUTHORS, **_CVPR},
    "bold-title-venue-paren-star-badge-paper": _CVPR,
    "backtick-month-bold-title": {"year": 2024},
    "item-title-venue-br-names-br-link": {**_AUTHORS, **_CVPR},
    "html-a-b-title-br-names-br-i-venue": {**_AUTHORS, **_CVPR},
    "bold-title-italic-names-venue-dot-links": {**_AUTHORS, **_CVPR},
    "done-box-bracket-venue-title-em-dash-link": _CVPR,
    "table-title-and-authors-cell": {**_AUTHORS, **_CVPR},
    "title-names-arxiv-text-id": _AUTHORS,
    "emoji-fields-pipes": {**_AUTHORS, "year": 2024},
    "h2-name-quote-title-link": {"name": "TempGadget"},
    "title-linked-author-names-paren": _AUTHORS,
    "numbered-title-colon-name-paren-link": {"name": "TempGadget"},
    # batch 37 (written with it, before it was measured)
    "arxiv-listing-copy": {**_AUTHORS, **_CVPR},
    "papers-cool-listing": _AUTHORS,
    "dblp-corr": {**_AUTHORS, "year": 2025},
    "mla-arxiv-preprint": {**_AUTHORS, "year": 2025},
    "bullet-title-then-indented-abs-link-and-names": _AUTHORS,
    "table-arxiv-id-col-title-col": _AUTHORS,
    "numbered-quoted-title-names-arxiv-text": {**_AUTHORS, "year": 2025},
    "bold-name-colon-sentence-then-title-link": {"name": "WidgetPlan"},
    "title-pipe-name-pipe-link-no-bullet": {"name": "WidgetPlan"},
    # batch 38 (written with it, before it was measured)
    "zh-table-number-name-paper-date": {"name": "WidgetLM", "year": 2024},
    "zh-bold-name-fullwidth-colon-title-double-bracket-link": {"name": "WidgetLM"},
    "zh-name-heading-labelled-titled-link": {"name": "WidgetLM"},
    "lenticular-venue-title-emoji-labels": _CVPR,
    "zh-title-label-name-paren": {"name": "WidgetLM"},
    "quote-emoji-lines-names": _AUTHORS,
    "zh-title-then-labels-fullwidth-comma-names": {**_AUTHORS, **_CVPR},
    "month-pipe-title-venue-link": _CVPR,
    "link-dash-org-dash-venue": _CVPR,
    "zh-table-title-authors-deng-venue": {"authors": ["Ann Lee"], **_CVPR},
    "title-year-double-bracket-arxiv": {"year": 2024},
    "zh-sentence-name-then-colon-link-title-after": {"name": "WidgetLM"},
    # batch 39 (written with it, before it was measured)
    "robotics-table-paper-venue-project-video": {"venue": "CoRL", "year": 2024},
    "rl-bullet-bold-name-paren-year-title": {"name": "WidgetBot", "year": 2024},
    "nlp-acl-anthology-style": {**_AUTHORS, "venue": "CoRL", "year": 2024},
    "title-then-badges-line-then-names": _AUTHORS,
    "numbered-title-bracket-venue-year-links": {"venue": "CoRL", "year": 2024},
    "dash-italic-title-names-venue": {**_AUTHORS, "venue": "CoRL", "year": 2024},
    "h4-link-title-p-names-venue": {**_AUTHORS, "venue": "CoRL", "year": 2024},
    "item-venue-colon-link": {"venue": "CoRL", "year": 2024},
    "table-year-venue-title-link-cols": {"venue": "CoRL", "year": 2024},
    "star-title-dash-link-text-venue": {"venue": "CoRL", "year": 2024},
    "bullet-title-em-dash-names-paren-venue": {**_AUTHORS, "venue": "CoRL", "year": 2024},
    "html-ul-li-b-title-i-names": {**_AUTHORS, "venue": "CoRL", "year": 2024},
    "bracket-name-bold-title-link": {"name": "WidgetBot"},
    "title-colon-name-then-link-next-line": {"name": "WidgetBot"},
    "checkmark-title-link-month": {"year": 2024},
    # batch 40 (written with it, before it was measured; two papers a list, the second measured)
    "two-title-link-names-venue-paragraphs": {**_AUTHORS, **_CVPR},
    "two-title-link-then-names-no-blank": _AUTHORS,
    "two-heading-links-bylines": {**_AUTHORS, **_CVPR},
    "two-name-headings-one-paper-each": {"name": "HybridQA"},
    "name-heading-over-two-papers": {"name": None},
    "two-arxiv-listing-entries": _AUTHORS,
    "two-dash-name-items": {"name": "HybridQA"},
    "two-sub-item-name-lists": _AUTHORS,
    "two-lenticular-name-items": {**_CVPR, "name": "HybridQA"},
    "two-quote-emoji-blocks": _AUTHORS,
    "two-dblp-lines": {**_AUTHORS, "year": 2025},
    "two-br-name-items": {"name": "HybridQA"},
}


def paper_read(text: str, arxiv: str) -> Entry | None:
    """The paper the reader makes of ``arxiv`` in ``text`` (None: no such paper)."""
    found = [e for e in read_list_text(text, "layout.md").entries if e.arxiv == arxiv]
    return found[0] if found else None


def field_right(e: Entry | None, field: str, want: object) -> bool:
    """Whether ``e`` has the field as the layout gives it (a venue: naming it, in any form)."""
    got = getattr(e, field) if e is not None else None
    if field == "venue":
        return bool(got) and str(want) in str(got).split()
    return list(got or ()) == want if field == "authors" else got == want


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true", help="the first batch only (tests)")
    args = ap.parse_args()
    batches = BATCHES[:1] if args.smoke else BATCHES
    print("| batch | layouts | titles right | other fields right | layouts read wrong (what the reader gave) |")
    print("|---|---|---|---|---|")
    for batch, title, arxiv, layouts in batches:
        wrong, right, fields, fields_right = [], 0, 0, 0
        for name, text in layouts.items():
            e = paper_read(text.format(t=title, a=arxiv), arxiv)
            got = e.title if e is not None else None
            missed = [f for f, want in FIELDS.get(name, {}).items() if not field_right(e, f, want)]
            fields += len(FIELDS.get(name, {}))
            fields_right += len(FIELDS.get(name, {})) - len(missed)
            right += got == title
            if got != title:
                wrong.append(f"{name} ({got!r})" if got else name)
            elif missed:
                wrong.append(f"{name} (no {', '.join(missed)})")
        other = f"{fields_right}/{fields}" if fields else "—"
        print(f"| {batch} | {len(layouts)} | {right}/{len(layouts)} | {other} | {'; '.join(wrong) or '—'} |")


if __name__ == "__main__":
    main()
