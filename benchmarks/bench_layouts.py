"""List layouts none of the ten real lists uses: is the title read right?

The ten real lists (``bench_reallists.py``) are where the reader's rules were
tuned, so their figures are in-sample.  Here are one-entry lists in other
layouts seen on GitHub and in notes, written in four batches.  Each batch was
measured once when it was written, before any rule was changed for it (the
figure the README keeps as held out).  The batches measured since have had
their failures fixed, so now they are in-sample too.  For a held-out figure
again, write a new batch and measure it before changing anything.

    python benchmarks/bench_layouts.py [--smoke]
"""

from __future__ import annotations

import argparse

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
]


def title_read(text: str, arxiv: str) -> str | None:
    """The title the reader gives the paper of ``arxiv`` in ``text`` (None: no title, or no such paper)."""
    found = [e for e in read_list_text(text, "layout.md").entries if e.arxiv == arxiv]
    return found[0].title if found else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true", help="the first batch only (tests)")
    args = ap.parse_args()
    batches = BATCHES[:1] if args.smoke else BATCHES
    print("| batch | layouts | titles right | layouts read wrong (what the reader gave) |")
    print("|---|---|---|---|")
    for batch, title, arxiv, layouts in batches:
        wrong = []
        for name, text in layouts.items():
            got = title_read(text.format(t=title, a=arxiv), arxiv)
            if got != title:
                wrong.append(f"{name} ({got!r})" if got else name)
        right = len(layouts) - len(wrong)
        print(f"| {batch} | {len(layouts)} | {right}/{len(layouts)} | {', '.join(wrong) or '—'} |")


if __name__ == "__main__":
    main()
