/* citegraph explorer: the controls, legend, time axis and filters around the
 * vis-network graph that pyvis's script on the same page builds (its items),
 * with the paper data embedded as JSON in #cg-data.
 *
 * Every string in the data comes from a paper list or the Semantic Scholar
 * API, so none of it is ever parsed as HTML: text goes into the page with
 * textContent, onto the canvas with fillText, and links only become href
 * after a check that they are https:// URLs.
 */
(function () {
  "use strict";

  // pyvis's script (next on the page) builds the network with
  // `new vis.Network(container, {nodes, edges}, options)`.  The explorer takes
  // its items there, so that the network is built once, over the views that
  // the filters below control, and pyvis's script carries on with it.
  const VisNetwork = vis.Network;
  vis.Network = function (container, items, options) {
    vis.Network = VisNetwork;
    return explorer(items, options);
  };

  function explorer(items, options) {
  const data = JSON.parse(document.getElementById("cg-data").textContent);
  // The page's node ids are the graph's; the explorer's own arrays are indexed
  // by a paper's position (ix), and the ids go back on at vis-network's door.
  const pyvisNodes = items.nodes.get();
  const pyvisEdges = items.edges;
  const ids = pyvisNodes.map((n) => n.id);
  const ix = new Map(ids.map((id, i) => [id, i]));
  data.nodes = pyvisNodes.map((n, i) => Object.assign({}, n, { id: i }));
  const byIndex = (e) => Object.assign({}, e, { from: ix.get(e.from), to: ix.get(e.to) });
  // pyvis's edges: all of them without ids (their index), or, on big pages,
  // the lineage and mention links with ids, the citations then coming from
  // data.hiddenEdges as [from, to, ...] in id order.
  if (data.hiddenEdges) {
    data.edges = new Array(data.edgeKinds.length);
    for (const e of pyvisEdges.get()) data.edges[e.id] = byIndex(e);
    const flat = data.hiddenEdges;
    let k = 0;
    for (let i = 0; i < data.edges.length; i++) {
      if (data.edgeKinds[i] !== "cites") continue;
      data.edges[i] = { id: i, from: flat[k], to: flat[k + 1] };
      k += 2;
    }
    delete data.hiddenEdges;
  } else {
    data.edges = pyvisEdges.get().map((e, i) => Object.assign(byIndex(e), { id: i }));
  }
  const info = data.info;
  const N = data.nodes.length;
  const E = data.edges.length;
  const kinds = data.edgeKinds;
  const container = document.getElementById("mynetwork");
  const tooltip = document.getElementById("cg-tooltip");
  const details = document.getElementById("cg-details");

  // ------------------------------------------------------------ DOM helpers

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function safeUrl(url) {
    return typeof url === "string" && /^https:\/\/[^\s"'<>]+$/.test(url) ? url : null;
  }
  function safeColor(c) {
    return typeof c === "string" && /^#[0-9a-fA-F]{6}$/.test(c) ? c : "#9ea4aa";
  }
  function fmt(n) {
    return typeof n === "number" ? n.toLocaleString("en-US") : "";
  }
  // "1 paper", "1,910 papers" (as citegraph.wording.plural).
  function plural(n, word, many) {
    return `${fmt(n)} ${n === 1 ? word : (many || word + "s")}`;
  }

  // ------------------------------------------------------------ graph

  // Selected and hovered dots keep their fill and get a dark ring.
  for (const n of data.nodes) {
    const c = n.color;
    n.color = {
      background: c.background, border: c.border,
      highlight: { background: c.background, border: "#111111" },
      hover: { background: c.background, border: "#111111" },
    };
  }
  const outEdges = Array.from({ length: N }, () => []);
  const inEdges = Array.from({ length: N }, () => []);
  const inLineage = new Uint8Array(N);
  for (const e of data.edges) {
    outEdges[e.from].push(e.id);
    inEdges[e.to].push(e.id);
    if (kinds[e.id] === "builds_on") { inLineage[e.from] = 1; inLineage[e.to] = 1; }
  }
  const years = data.years;
  const nCites = kinds.filter((k) => k === "cites").length;
  const state = {
    yearMin: years ? years[0] : null,
    yearMax: years ? years[1] : null,
    section: null, // Set of section indices that match the chosen section
    lineage: false,
    // Thousands of citation links make a page slow to draw and a hairball to look at:
    // above the limit only lineage and mentions are drawn until "Citations" is ticked.
    cites: data.showCites,
    focus: null, // {root, nodes: Set, edges: Set}
  };
  const nodeOn = new Uint8Array(N).fill(1);
  // The view shown: "first", "lineage", "paper" (members: the papers drawn,
  // edges: the links drawn) or "all" (every paper at its place in time).
  const mode = { name: "all", members: null, edges: null, paper: null };

  function nodePasses(i) {
    const m = info[i];
    if (mode.members && !mode.members.has(i)) return false;
    if (state.lineage && !inLineage[i]) return false;
    if (years && (state.yearMin > years[0] || state.yearMax < years[1])) {
      if (m.y === undefined || m.y < state.yearMin || m.y > state.yearMax) return false;
    }
    if (state.section) {
      const s = m.s || [];
      if (!s.some((k) => state.section.has(k))) return false;
    }
    return true;
  }
  function edgePasses(item) {
    const e = data.edges[item.id];
    if (!nodeOn[e.from] || !nodeOn[e.to]) return false;
    if (mode.edges) return mode.edges.has(e.id);
    if (state.lineage && kinds[e.id] !== "builds_on") return false;
    if (state.focus) return state.focus.edges.has(e.id);
    return state.cites || kinds[e.id] !== "cites";
  }

  const nodes = new vis.DataSet(data.nodes.map((n) => Object.assign({}, n, { id: ids[n.id] })));
  const edges = new vis.DataSet(data.edges.map((e) => Object.assign({}, e, { from: ids[e.from], to: ids[e.to] })));
  const nodesView = new vis.DataView(nodes, { filter: (n) => nodeOn[ix.get(n.id)] === 1 });
  const updateNodes = (changes) => nodes.update(changes.map((c) => Object.assign({}, c, { id: ids[c.id] })));
  const positionOf = (i) => network.getPositions([ids[i]])[ids[i]];
  const select = (i) => network.selectNodes([ids[i]], false);
  const edgesView = new vis.DataView(edges, { filter: edgePasses });
  const network = new VisNetwork(container, { nodes: nodesView, edges: edgesView }, options);

  // After a control changes what is shown: the paper whose details are open
  // keeps its highlight (worked out again over what is shown now), or, when
  // the paper itself is hidden, its details close.  `dropFocus` clears any
  // other highlight (a legend group's) too.
  function refresh(dropFocus) {
    for (let i = 0; i < N; i++) nodeOn[i] = nodePasses(i) ? 1 : 0;
    const paper = details.hidden ? null : shown.node;
    if (state.focus && (dropFocus || paper !== null || !nodeOn[state.focus.root])) clearFocus(false);
    nodesView.refresh();
    if (paper !== null) {
      if (nodeOn[paper]) {
        setFocus(paper);
        select(paper);
      } else {
        closeDetails();
      }
    } else if (!details.hidden && shown.edge !== null) {
      const e = data.edges[shown.edge];
      if (!nodeOn[e.from] || !nodeOn[e.to]) closeDetails();
    }
    edgesView.refresh();
    updateCount();
  }

  function updateCount() {
    let text = `${plural(nodesView.length, "paper")} · ${plural(edgesView.length, "link")}`;
    if (!state.cites && !state.focus && !state.lineage && mode.name === "all") {
      // Only the citations that ticking "Citations" would draw: those between papers shown.
      let hidden = 0;
      for (let id = 0; id < E; id++) {
        if (kinds[id] === "cites" && nodeOn[data.edges[id].from] && nodeOn[data.edges[id].to]) hidden++;
      }
      if (hidden) text += ` (${plural(hidden, "citation link")} hidden)`;
    }
    if (data.total.nodes > N) text += ` · ${plural(data.total.nodes, "paper")} in the graph`;
    document.getElementById("cg-count").textContent = text;
  }

  // ------------------------------------------------------------ ancestors / descendants

  function setFocus(root) {
    const seenNodes = new Set([root]);
    const seenEdges = new Set();
    const usable = (id) => nodeOn[data.edges[id].from] && nodeOn[data.edges[id].to];
    // Lineage all the way: what the paper builds on (ancestors) and what builds on it (descendants).
    for (const [adj, far] of [[outEdges, "to"], [inEdges, "from"]]) {
      const stack = [root];
      const seen = new Set([root]);
      while (stack.length) {
        const u = stack.pop();
        for (const id of adj[u]) {
          if (kinds[id] !== "builds_on" || !usable(id)) continue;
          seenEdges.add(id);
          const v = data.edges[id][far];
          if (!seen.has(v)) { seen.add(v); seenNodes.add(v); stack.push(v); }
        }
      }
    }
    // Citations one step: following them all the way would light up most of the graph.
    if (!state.lineage) {
      for (const id of outEdges[root].concat(inEdges[root])) {
        if (!usable(id)) continue;
        seenEdges.add(id);
        seenNodes.add(data.edges[id].from);
        seenNodes.add(data.edges[id].to);
      }
    }
    showFocus(root, seenNodes, seenEdges);
  }

  // Dimming sets one global opacity and gives the few papers in focus their own:
  // updating every dot of a 5,000-paper page one by one takes seconds.  A dot
  // once given its own opacity keeps one (vis-network draws null as no colour).
  const ownOpacity = new Set();
  function showFocus(root, litNodes, litEdges) {
    if (!state.focus) network.setOptions({ nodes: { opacity: 0.15 } });
    for (const li of document.querySelectorAll("#cg-legend li.active")) li.classList.remove("active");
    state.focus = { root: root, nodes: litNodes, edges: litEdges };
    const changes = [];
    for (const id of ownOpacity) if (!litNodes.has(id)) changes.push({ id: id, opacity: 0.15 });
    for (const id of litNodes) { changes.push({ id: id, opacity: 1 }); ownOpacity.add(id); }
    updateNodes(changes);
    edgesView.refresh();
    updateCount();
  }
  function clearFocus(refreshView) {
    if (!state.focus) return;
    state.focus = null;
    updateNodes(Array.from(ownOpacity, (id) => ({ id: id, opacity: 1 })));
    network.setOptions({ nodes: { opacity: 1 } });
    for (const li of document.querySelectorAll("#cg-legend li.active")) li.classList.remove("active");
    if (refreshView !== false) { edgesView.refresh(); updateCount(); }
  }

  // ------------------------------------------------------------ cards

  function nodeCard(i, full) {
    const m = info[i];
    const card = el("div", "cg-card");
    if (m.n) card.appendChild(el("div", "cg-name", m.n));
    card.appendChild(el("h4", null, m.t));
    const meta = [m.y, m.v].filter((x) => x !== undefined && x !== null && x !== "").join(" · ");
    if (meta) card.appendChild(el("div", "cg-meta", meta));
    if (m.a && m.a.length) {
      const more = m.na > m.a.length ? ` et al. (${m.na} authors)` : "";
      card.appendChild(el("div", "cg-meta", m.a.join(", ") + more));
    }
    const badge = el("span", "cg-badge" + (m.l ? " cg-listed" : ""), m.l ? "in your lists" : "pulled in from outside the lists");
    card.appendChild(badge);
    const dl = el("dl");
    const row = (k, v) => {
      if (v === undefined || v === null || v === "") return;
      dl.appendChild(el("dt", null, k));
      dl.appendChild(el("dd", null, v));
    };
    if (m.c !== undefined) row("Citations", fmt(m.c) + (m.ic !== undefined ? ` (${fmt(m.ic)} influential)` : ""));
    row("Rank", `#${fmt(m.rk)} of ${fmt(data.total.nodes)} by PageRank`);
    if (data.legend.size !== "PageRank") row("Size", `${data.legend.size}: ${fmt(Math.round(m.m * 1000) / 1000)}`);
    row("Family", m.f);
    row("Community", m.cm);
    if (m.s && m.s.length) row("Sections", m.s.map((k) => data.sections[k]).join("; "));
    if (full) {
      // Each kind of link counted apart: a lineage link or a name in the text is no citation.
      const count = (ids, k) => ids.filter((id) => hasKind(id, k)).length;
      row("In this graph", `cites ${fmt(count(outEdges[i], "cites"))} · cited by ${fmt(count(inEdges[i], "cites"))}`);
      const on = count(outEdges[i], "builds_on");
      const by = count(inEdges[i], "builds_on");
      if (on || by) row("Lineage", [on ? `builds on ${fmt(on)}` : "", by ? `built on by ${fmt(by)}` : ""].filter(Boolean).join(" · "));
      const names = count(outEdges[i], "mentions");
      const named = count(inEdges[i], "mentions");
      if (names || named) {
        row("Named in the text", [names ? `names ${fmt(names)}` : "", named ? `named by ${fmt(named)}` : ""].filter(Boolean).join(" · "));
      }
    }
    card.appendChild(dl);
    if (m.u && m.u.length) {
      const links = el("div", "cg-links");
      for (const [site, url] of m.u) {
        const href = safeUrl(url);
        if (!href) continue;
        const a = el("a", null, site);
        a.href = href;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        links.appendChild(a);
      }
      card.appendChild(links);
    }
    if (full) card.appendChild(el("div", "cg-dim", m.id));
    return card;
  }

  // Whether link `id` carries kind `k`: its strongest kind, or one of the others it has.
  function hasKind(id, k) {
    if (kinds[id] === k) return true;
    const x = data.edgeInfo[String(id)];
    return Boolean(x && x.k && x.k.includes(k));
  }

  const KIND_TEXT = { cites: "cites", mentions: "names", builds_on: "builds on" };
  function edgeCard(id) {
    const e = data.edges[id];
    const x = data.edgeInfo[String(id)] || {};
    const card = el("div", "cg-card");
    const name = (i) => info[i].n || data.nodes[i].label || info[i].t;
    card.appendChild(el("h4", null, `${name(e.from)} ${KIND_TEXT[kinds[id]] || kinds[id]} ${name(e.to)}`));
    if (kinds[id] === "mentions") card.appendChild(el("div", "cg-meta", `the list's text about ${name(e.from)} names ${name(e.to)}`));
    if (x.k) card.appendChild(el("div", "cg-meta", "relations: " + x.k.join(", ")));
    if (kinds[id] === "builds_on") card.appendChild(el("div", "cg-meta", `${name(e.to)} → ${name(e.from)}` + (x.lk ? ` · ${x.lk}` : "")));
    if (x.cf !== undefined) card.appendChild(el("div", "cg-meta", `lineage confidence ${x.cf}`));
    if (x.inf) card.appendChild(el("div", "cg-meta", "an influential citation"));
    if (x.it) card.appendChild(el("div", "cg-meta", "intent: " + x.it.join(", ")));
    if (x.ev && x.ev.length) {
      card.appendChild(el("div", "cg-rel", "Evidence"));
      const ul = el("ul", "cg-evidence");
      for (const [k, detail] of x.ev) {
        const li = el("li");
        if (k) li.appendChild(el("b", null, k + ": "));
        li.appendChild(document.createTextNode(detail));
        ul.appendChild(li);
      }
      card.appendChild(ul);
    }
    return card;
  }

  // ------------------------------------------------------------ tooltip and details

  function showTooltip(card, pointer) {
    tooltip.replaceChildren(card);
    tooltip.hidden = false;
    const w = container.clientWidth;
    const h = container.clientHeight;
    const tw = tooltip.offsetWidth;
    const th = tooltip.offsetHeight;
    let x = pointer.x + 16;
    let y = pointer.y + 16;
    if (x + tw > w - 8) x = Math.max(8, pointer.x - tw - 16);
    if (y + th > h - 8) y = Math.max(8, h - th - 8);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }

  // What the details panel shows: a paper (node index) or a link (edge id).
  const shown = { node: null, edge: null };
  function showDetails(card, what) {
    const close = el("button", "cg-close", "×");
    close.type = "button";
    close.title = "close";
    close.addEventListener("click", closeDetails);
    details.replaceChildren(close, card);
    details.hidden = false;
    shown.node = what && what.node !== undefined ? what.node : null;
    shown.edge = what && what.edge !== undefined ? what.edge : null;
  }
  function closeDetails() {
    details.hidden = true;
    shown.node = shown.edge = null;
    clearFocus();
    network.unselectAll();
  }

  // The details panel floats over the graph's top right, where the time
  // layout puts the newest papers: a paper shown there is moved out from under it.
  function panelRect() {
    if (details.hidden) return null;
    const c = container.getBoundingClientRect();
    const r = details.getBoundingClientRect();
    if (r.right <= c.left || r.left >= c.right || r.bottom <= c.top || r.top >= c.bottom) return null;
    return { left: r.left - c.left, top: r.top - c.top, right: r.right - c.left, bottom: r.bottom - c.top };
  }
  // A paper's dot and label on screen: [x0, y0, x1, y1], and its dot's centre and radius.
  function screenBox(i) {
    const s = network.getScale();
    const p = network.canvasToDOM(positionOf(i));
    const n = data.nodes[i];
    const r = (n.size || 10) * s;
    const half = Math.max(r, (labelWidth[i] / 2) * s);
    const below = n.label ? fontSize(n) * 1.4 * s : 0;
    return { box: [p.x - half, p.y - r, p.x + half, p.y + r + below], x: p.x, y: p.y, r: r };
  }
  const PANEL_GAP = 12;
  function clearOfPanel(i) {
    const d = panelRect();
    if (!d) return;
    const { box, x, y, r } = screenBox(i);
    const W = container.clientWidth;
    const H = container.clientHeight;
    const overlaps = (b) => b[2] > d.left - PANEL_GAP && b[0] < d.right + PANEL_GAP && b[3] > d.top - PANEL_GAP && b[1] < d.bottom + PANEL_GAP;
    if (!overlaps(box)) return;
    // Left of the panel or below it, the dot and label whole if they fit, else the dot.
    const moves = [];
    for (const b of [box, [x - r, y - r, x + r, y + r]]) {
      const left = d.left - PANEL_GAP - b[2];
      if (b[0] + left >= 0) moves.push([left, 0]);
      const down = d.bottom + PANEL_GAP - b[1];
      if (b[3] + down <= H) moves.push([0, down]);
      if (moves.length) break;
    }
    if (!moves.length) moves.push([Math.min(0, d.left - PANEL_GAP - (x + r)), 0]);
    moves.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]));
    const [dx, dy] = moves[0];
    if (!dx && !dy) return;
    const s = network.getScale();
    const c = network.getViewPosition();
    network.moveTo({
      position: { x: c.x - dx / s, y: c.y - dy / s }, scale: s,
      animation: { duration: 250, easingFunction: "easeInOutQuad" },
    });
  }
  // Where a paper brought into view goes: the middle of the graph's area the panel leaves free.
  function freeCentre() {
    const W = container.clientWidth;
    const H = container.clientHeight;
    const d = panelRect();
    if (!d) return { x: W / 2, y: H / 2 };
    // The larger of the strip left of the panel and the one below it.
    const below = Math.max(H - d.bottom - PANEL_GAP, 0);
    if (Math.max(d.left - PANEL_GAP, 0) * H >= W * below) return { x: Math.max(d.left - PANEL_GAP, 0) / 2, y: H / 2 };
    return { x: W / 2, y: H - below / 2 };
  }

  network.on("hoverNode", (p) => showTooltip(nodeCard(ix.get(p.node), false), p.pointer.DOM));
  network.on("blurNode", hideTooltip);
  network.on("hoverEdge", (p) => showTooltip(edgeCard(p.edge), p.pointer.DOM));
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  container.addEventListener("mouseleave", hideTooltip);
  network.on("zoom", hideTooltip);
  network.on("click", (p) => {
    hideTooltip();
    p = Object.assign({}, p, { nodes: p.nodes.map((id) => ix.get(id)) });
    if (p.nodes.length && mode.name !== "all") {
      go({ paper: p.nodes[0] });
    } else if (p.nodes.length) {
      setFocus(p.nodes[0]);
      showDetails(nodeCard(p.nodes[0], true), { node: p.nodes[0] });
      clearOfPanel(p.nodes[0]);
    } else if (p.edges.length) {
      showDetails(edgeCard(p.edges[0]), { edge: p.edges[0] });
    } else {
      closeDetails();
    }
  });

  // A search result: highlighted in place in the all-papers view, else its focus view.
  function pick(i) {
    if (mode.name === "all") { focusNode(i); return; }
    hideResults();
    searchBox.blur();
    go({ paper: i });
  }
  function focusNode(i) {
    hideTooltip();
    if (!nodeOn[i]) resetFilters();
    hideResults();
    select(i);
    setFocus(i);
    showDetails(nodeCard(i, true), { node: i });
    // Centred in the part of the graph the details panel leaves free.
    const scale = Math.max(network.getScale(), 1.1);
    const at = freeCentre();
    const p = positionOf(i);
    network.moveTo({
      position: { x: p.x + (container.clientWidth / 2 - at.x) / scale, y: p.y + (container.clientHeight / 2 - at.y) / scale },
      scale: scale,
      animation: { duration: 450, easingFunction: "easeInOutQuad" },
    });
  }

  // ------------------------------------------------------------ search

  const fold = (s) => String(s || "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const names = info.map((m, i) => fold(m.n || data.nodes[i].label));
  const titles = info.map((m) => fold(m.t));
  const searchBox = document.getElementById("cg-search");
  const results = document.getElementById("cg-results");
  let hits = [];
  let active = 0;

  function search(query) {
    const q = fold(query);
    if (!q) return [];
    const found = [];
    for (let i = 0; i < N; i++) {
      let score = -1;
      if (names[i] === q) score = 0;
      else if (names[i].startsWith(q)) score = 1;
      else if (titles[i].startsWith(q)) score = 2;
      else if (names[i].includes(q)) score = 3;
      else if (titles[i].includes(q)) score = 4;
      if (score >= 0) found.push([score, info[i].rk, i]);
    }
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return found.slice(0, 12).map((f) => f[2]);
  }
  function renderResults() {
    results.replaceChildren();
    if (!searchBox.value.trim()) { results.hidden = true; return; }
    if (!hits.length) {
      results.appendChild(el("li", "cg-r-none", "no paper matches"));
    }
    hits.forEach((i, k) => {
      const li = el("li", k === active ? "active" : "");
      li.setAttribute("role", "option");
      li.appendChild(el("span", "cg-r-name", info[i].n || data.nodes[i].label || info[i].t));
      li.appendChild(el("span", "cg-r-title", info[i].t));
      if (info[i].y) li.appendChild(el("span", "cg-r-year", info[i].y));
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(i); });
      results.appendChild(li);
    });
    results.hidden = false;
  }
  function hideResults() { results.hidden = true; }
  searchBox.addEventListener("input", () => { hits = search(searchBox.value); active = 0; renderResults(); });
  searchBox.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!hits.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      renderResults();
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      hits = search(searchBox.value);
      if (hits.length) pick(hits[Math.min(active, hits.length - 1)]);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      hideResults();
    }
  });
  searchBox.addEventListener("blur", hideResults);
  searchBox.addEventListener("focus", () => { if (hits.length) renderResults(); });

  // ------------------------------------------------------------ filters

  const yMin = document.getElementById("cg-year-min");
  const yMax = document.getElementById("cg-year-max");
  const sectionSelect = document.getElementById("cg-section");
  const lineageBox = document.getElementById("cg-lineage");
  const citesBox = document.getElementById("cg-cites");
  citesBox.checked = state.cites;
  if (!nCites) citesBox.closest("label").hidden = true;
  citesBox.addEventListener("change", () => { state.cites = citesBox.checked; refresh(true); });
  if (years) {
    for (const input of [yMin, yMax]) { input.min = years[0]; input.max = years[1]; }
    yMin.value = years[0];
    yMax.value = years[1];
  } else {
    yMin.disabled = yMax.disabled = true;
  }
  data.sections.forEach((s, k) => {
    const opt = el("option", null, s);
    opt.value = String(k);
    sectionSelect.appendChild(opt);
  });
  if (!data.sections.length) sectionSelect.disabled = true;
  if (!kinds.includes("builds_on")) lineageBox.disabled = true;

  function readYears() {
    const a = parseInt(yMin.value, 10);
    const b = parseInt(yMax.value, 10);
    state.yearMin = Number.isFinite(a) ? a : years[0];
    state.yearMax = Number.isFinite(b) ? b : years[1];
  }
  if (years) {
    yMin.addEventListener("change", () => { readYears(); refresh(); });
    yMax.addEventListener("change", () => { readYears(); refresh(); });
  }
  sectionSelect.addEventListener("change", () => {
    const v = sectionSelect.value;
    if (v === "") { state.section = null; } else {
      // A section also matches its sub-sections ("A" matches "A / B").
      const path = data.sections[Number(v)];
      state.section = new Set();
      data.sections.forEach((s, k) => { if (s === path || s.startsWith(path + " / ")) state.section.add(k); });
    }
    refresh();
  });
  lineageBox.addEventListener("change", () => {
    state.lineage = lineageBox.checked;
    refresh(true);
    fitShown(true);
  });

  function resetFilters() {
    if (years) { yMin.value = years[0]; yMax.value = years[1]; readYears(); }
    sectionSelect.value = "";
    state.section = null;
    lineageBox.checked = false;
    state.lineage = false;
    citesBox.checked = state.cites = data.showCites;
    refresh();
  }
  document.getElementById("cg-reset").addEventListener("click", () => {
    details.hidden = true;
    shown.node = shown.edge = null;
    clearFocus(false);
    resetFilters();
    network.unselectAll();
    fitBesideLegend();
  });

  // ------------------------------------------------------------ fitting the view

  // vis-network's fit() frames the dots only: it cuts labels, puts dots under
  // the band labels (drawn over the canvas's left edge) and under the legend.
  // The explorer fits a box (dots and their labels) into the screen those
  // leave free, with a margin.
  const FACE = data.fontFace;
  const measurer = document.createElement("canvas").getContext("2d");
  function textWidth(text, font) {
    measurer.font = font;
    return measurer.measureText(text).width;
  }
  const fontSize = (n) => (n.font && n.font.size) || (n.group === "outside" ? 10 : 14);
  const labelWidth = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    const n = data.nodes[i];
    if (n.label) labelWidth[i] = textWidth(n.label, `${fontSize(n)}px ${FACE}`) + 8;
  }
  function boxOf(ids) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const i of ids) {
      const n = data.nodes[i];
      const r = n.size || 10;
      const half = Math.max(r, labelWidth[i] / 2);
      const below = n.label ? fontSize(n) * 1.4 : 0;
      x0 = Math.min(x0, n.x - half); x1 = Math.max(x1, n.x + half);
      y0 = Math.min(y0, n.y - r); y1 = Math.max(y1, n.y + r + below);
    }
    return [x0, y0, x1, y1];
  }
  const BAND_FONT = "600 12px " + FACE;
  const BAND_LABEL_MAX = 240;
  // The band labels' right edge on screen, for the bands a box reaches.
  function bandLabelsRight(box) {
    if (!data.axis || !data.axis.bands.length) return 0;
    let widest = 0;
    for (const b of data.axis.bands) {
      if (b.bottom < box[1] || b.top > box[3]) continue;
      widest = Math.max(widest, Math.min(textWidth(String(b.label), BAND_FONT), BAND_LABEL_MAX));
    }
    return widest ? 24 + widest : 0;  // the gutter: label box from 6, 12 px wider than its text, and 6 px
  }
  function legendCollapsed() {
    return document.getElementById("cg-legend").classList.contains("cg-collapsed");
  }
  const MARGIN = 16;
  // The part of the canvas a box may fill: right of the band labels, left of the
  // legend, below the year strip, above the help line.
  function freeRect(box) {
    const W = container.clientWidth;
    const H = container.clientHeight;
    const legend = document.getElementById("cg-legend");
    let left = Math.max(bandLabelsRight(box), 0) + MARGIN;
    let right = W - MARGIN;  // the legend is beside the canvas
    // In a narrow window the legend floats over the graph rather than squeeze it.
    if (right - left < W * 0.45) right = W - MARGIN;
    if (right - left < W * 0.45) left = MARGIN;
    const top = (data.axis ? 22 : 0) + MARGIN;
    const bottom = H - MARGIN - 12;
    return { left, right, top, bottom, W, H };
  }
  function scaleFor(box) {
    const f = freeRect(box);
    return Math.min((f.right - f.left) / Math.max(box[2] - box[0], 1), (f.bottom - f.top) / Math.max(box[3] - box[1], 1));
  }
  function fitBox(box, animate) {
    const f = freeRect(box);
    if (!f.W || !f.H) { network.fit({ animation: false }); return; }
    const scale = Math.min(scaleFor(box), 1.5);
    // The box's centre goes to the free rectangle's centre across, its top to the top.
    const cx = (box[0] + box[2]) / 2;
    const fx = (f.left + f.right) / 2;
    network.moveTo({
      scale: scale,
      position: { x: cx + (f.W / 2 - fx) / scale, y: box[1] + (f.H / 2 - f.top) / scale },
      animation: animate ? { duration: 350, easingFunction: "easeInOutQuad" } : false,
    });
  }
  // The first view: everything, or, when that would draw the names too small
  // to show (vis draws a 14 px label from a scale of 6/14), the lists' papers
  // of the latest years (data.view).
  const LABEL_SCALE = 6 / 14;
  const all = Array.from({ length: N }, (_, i) => i);
  function firstBox() {
    const whole = boxOf(all);
    if (scaleFor(whole) >= LABEL_SCALE) return whole;
    if (data.view && scaleFor(data.view) > scaleFor(whole)) return data.view;
    return readableBox() || whole;
  }
  // With no such box (the lists' papers span all the years), the lists' latest
  // and most important papers, as many as fit at a scale that draws their
  // names 10 px tall (a 14 px label), comfortably above vis's 6 px.
  const READABLE_SCALE = 10 / 14;
  function readableBox() {
    let pick = all.filter((i) => info[i].l && data.nodes[i].label);
    if (!pick.length) pick = all.filter((i) => data.nodes[i].label);
    if (!pick.length) return null;
    const year = (i) => (info[i].y === undefined || info[i].y === null ? -Infinity : info[i].y);
    pick.sort((a, b) => year(b) - year(a) || info[a].rk - info[b].rk);
    let box = boxOf([pick[0]]);
    for (let k = 1; k < pick.length; k++) {
      const b = boxOf([pick[k]]);
      const grown = [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])];
      if (scaleFor(grown) >= READABLE_SCALE) box = grown;
    }
    return box;
  }
  function fitShown(animate) {
    const shown = nodesView.getIds().map((id) => ix.get(id));
    if (!shown.length) return;
    fitBox(shown.length === N ? firstBox() : boxOf(shown), animate);
  }
  function fitBesideLegend() { if (N) fitBox(firstBox(), false); else network.fit({ animation: false }); }
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && document.activeElement !== searchBox) closeDetails();
  });

  // ------------------------------------------------------------ legend

  // The legend folds into its button; it starts folded in a small window,
  // where it would cover much of the graph.
  const SMALL = () => window.innerWidth < 900 || window.innerHeight < 600;
  function buildLegend() {
    const aside = document.getElementById("cg-legend");
    const toggle = el("button", "cg-legend-toggle", "Legend");
    toggle.type = "button";
    const box = el("div", "cg-legend-body");
    box.id = "cg-legend-body";
    toggle.setAttribute("aria-controls", box.id);
    const fold = (collapsed) => {
      aside.classList.toggle("cg-collapsed", collapsed);
      toggle.setAttribute("aria-expanded", String(!collapsed));
      toggle.title = collapsed ? "show the legend" : "hide the legend";
    };
    toggle.addEventListener("click", () => fold(!aside.classList.contains("cg-collapsed")));
    fold(SMALL());
    aside.append(toggle, box);
    box.appendChild(el("h3", null, data.legend.title));
    const ul = el("ul");
    for (const item of data.legend.items) {
      const li = el("li");
      const sw = el("span", "cg-swatch");
      sw.style.background = safeColor(item.color);
      li.appendChild(sw);
      li.appendChild(el("span", null, item.label));
      if (item.count !== undefined) li.appendChild(el("span", "cg-count", fmt(item.count)));
      if (item.members && item.members.length) {
        li.classList.add("cg-clickable");
        li.title = "show only this group's links";
        li.addEventListener("click", () => {
          if (li.classList.contains("active")) { clearFocus(); return; }
          // A group is shown among all the papers.
          if (mode.name !== "all") { applied = "view=all"; location.hash = "view=all"; enter("all"); }
          // The group's highlight replaces a paper's: its details go with it.
          details.hidden = true;
          shown.node = shown.edge = null;
          network.unselectAll();
          const members = new Set(item.members);
          const groupEdges = new Set();
          for (const i of item.members) for (const id of outEdges[i]) if (members.has(data.edges[id].to)) groupEdges.add(id);
          showFocus(item.members[0], members, groupEdges);
          li.classList.add("active");
        });
      }
      ul.appendChild(li);
    }
    box.appendChild(ul);
    // Only the kinds of paper and link this page has.
    const PAPER_TEXT = { listed: "in your lists", outside: "pulled in from outside" };
    if (data.legend.papers.length) {
      box.appendChild(el("h3", null, "Papers"));
      const papers = el("ul");
      for (const k of data.legend.papers) {
        const sw = el("span", k === "listed" ? "cg-swatch" : "cg-swatch cg-ring");
        if (k === "listed") sw.style.background = "#495057";
        const li = el("li");
        li.dataset.kind = k;
        li.append(sw, el("span", null, PAPER_TEXT[k] || k));
        papers.appendChild(li);
      }
      box.appendChild(papers);
    }
    const LINK_TEXT = { cites: "cites", builds_on: "lineage (builds on)", mentions: "named in the list's text" };
    if (data.legend.links.length) {
      box.appendChild(el("h3", null, "Links"));
      const links = el("ul");
      for (const k of data.legend.links) {
        const li = el("li");
        li.dataset.kind = k;
        const text = k === "cites" && !data.showCites ? "cites (tick Citations to draw)" : (LINK_TEXT[k] || k);
        li.append(el("span", "cg-line cg-" + k), el("span", null, text));
        links.appendChild(li);
      }
      box.appendChild(links);
    }
    box.appendChild(el("div", "cg-size", `Size: ${data.legend.size}`));
  }

  // ------------------------------------------------------------ time axis

  const axis = data.axis;
  const help = document.getElementById("cg-help");
  // What the last frame drew as band labels (screen boxes): for tests and for checking by eye.
  const drawnBands = [];
  function clipText(ctx, text, max) {
    if (ctx.measureText(text).width <= max) return text;
    let t = text;
    while (t.length > 1 && ctx.measureText(t + "…").width > max) t = t.slice(0, -1);
    return t + "…";
  }
  const cols = axis ? axis.columns.map((c) => [c.label, c.x, c.width]) : [];
  if (axis && axis.unknown_year_x !== null) cols.push(["year ?", axis.unknown_year_x, axis.unknown_width]);
  if (cols.length) {
    const allMode = () => mode.name === "all";
    cols.sort((a, b) => a[1] - b[1]);
    const left = cols[0][1] - cols[0][2] / 2;
    const right = cols[cols.length - 1][1] + cols[cols.length - 1][2] / 2;
    const top = axis.bands.length ? axis.bands[0].top - 30 : 0;
    const bottom = axis.bands.length ? axis.bands[axis.bands.length - 1].bottom + 30 : 0;

    network.on("beforeDrawing", (ctx) => {
      if (!allMode()) return;
      axis.bands.forEach((b, k) => {
        ctx.fillStyle = k % 2 ? "rgba(241,243,245,0.55)" : "rgba(248,249,250,0.9)";
        ctx.fillRect(left, b.top - 16, right - left, b.bottom - b.top + 32);  // half the gap each side
      });
      ctx.strokeStyle = "#e3e6ea";
      ctx.lineWidth = 1 / network.getScale();
      for (const [, x, w] of cols) {
        ctx.beginPath();
        ctx.moveTo(x - w / 2, top);
        ctx.lineTo(x - w / 2, bottom);
        ctx.stroke();
      }
    });
    network.on("afterDrawing", (ctx) => {
      if (!allMode()) { drawnBands.length = 0; return; }
      // Year and band labels stay on screen (sticky) however the view moves;
      // a label that would overlap the one before it is skipped, a long one clipped.
      const ratio = window.devicePixelRatio || 1;
      ctx.save();
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      const w = container.clientWidth;
      const h = container.clientHeight;
      ctx.font = BAND_FONT;
      ctx.textBaseline = "middle";
      // Band names first: where they go sets the gutter's width.
      let lastY = -Infinity;
      drawnBands.length = 0;
      // Nor over the help line at the bottom.
      const lowest = (help ? help.offsetTop : h - 22) - 4;
      for (const b of axis.bands) {
        const t = network.canvasToDOM({ x: 0, y: b.top - 6 }).y;
        const bt = network.canvasToDOM({ x: 0, y: b.bottom }).y;
        if (bt < 30 || t > h) continue;
        const y = Math.min(Math.max(t, 32), bt);
        if (y < lastY + 18 || y + 9 > lowest) continue;
        const text = clipText(ctx, String(b.label), BAND_LABEL_MAX);
        drawnBands.push({ label: b.label, text: text, color: b.color, x: 6, y: y - 9, width: ctx.measureText(text).width + 12, height: 18 });
        lastY = y;
      }
      // The labels sit in a gutter that the graph slides under when panned, so
      // no dot or name shows through them (the first view leaves it free).
      const gutter = drawnBands.length ? Math.max(...drawnBands.map((d) => d.x + d.width)) + 6 : 0;
      if (gutter) {
        ctx.fillStyle = "rgba(255,255,255,0.82)";
        ctx.fillRect(0, 22, gutter, h - 22);
        ctx.fillStyle = "#e3e6ea";
        ctx.fillRect(gutter, 22, 1, h - 22);
      }
      ctx.textAlign = "left";
      for (const d of drawnBands) {
        ctx.fillStyle = safeColor(d.color);
        ctx.fillText(d.text, 12, d.y + 9);
      }
      // Year labels, right of the gutter: a column whose middle is under it
      // keeps its label at the gutter's edge while some of it shows.
      ctx.fillStyle = "rgba(255,255,255,0.85)";
      ctx.fillRect(0, 0, w, 22);
      ctx.textAlign = "center";
      ctx.fillStyle = "#495057";
      const scale = network.getScale();
      let lastRight = gutter;
      for (const [label, x, cw] of cols) {
        const p = network.canvasToDOM({ x: x, y: 0 });
        const text = clipText(ctx, String(label), Math.max(cw * scale - 6, 30));
        const half = ctx.measureText(text).width / 2;
        const colRight = p.x + (cw * scale) / 2;
        const cx = Math.max(p.x, gutter + 10 + half);
        if (cx + half > colRight || cx - half > w || cx - half < lastRight + 8) continue;
        ctx.fillText(text, cx, 11);
        lastRight = cx + half;
      }
      ctx.restore();
    });
  }

  // ------------------------------------------------------------ views

  // Three views besides "all": the overview ("first": the lineage forest and
  // the most influential listed papers), the lineage forest alone, and one
  // paper's neighbourhood ("paper").  Their papers are drawn as named boxes
  // laid out in Python (data.views) or here (a paper's neighbourhood), sized
  // for reading; the all-papers view keeps pyvis's dots.  The address says
  // which view is shown (#view=lineage, #paper=ID), so Back returns.
  const views = data.views || {};
  const orig = data.nodes;
  const idIndex = new Map(info.map((m, i) => [m.id, i]));
  const BOX_FONT = 14;
  const BOX_ROW = BOX_FONT * 1.25 + 16;
  const READ = { first: 11, lineage: 12, paper: 12 };
  const defaultSmooth = options.edges ? options.edges.smooth : undefined;
  const lineageEdges = [];
  for (let id = 0; id < E; id++) if (hasKind(id, "builds_on")) lineageEdges.push(id);
  const styled = new Set();
  const bent = new Set();
  let applied = null;

  function mixHex(a, b, t) {
    const p = (c, k) => parseInt(c.slice(1 + 2 * k, 3 + 2 * k), 16);
    let out = "#";
    for (let k = 0; k < 3; k++) out += Math.round(p(a, k) + (p(b, k) - p(a, k)) * t).toString(16).padStart(2, "0");
    return out;
  }
  function boxItem(i, x, y, label, strong) {
    const c = safeColor(info[i].l ? orig[i].color.background : orig[i].color.border);
    const fill = mixHex(c, "#ffffff", strong ? 0.78 : 0.93);
    return {
      id: i, x: x, y: y, shape: "box", label: label, margin: 5, borderWidth: strong ? 2 : 1,
      font: { size: BOX_FONT, color: "#1d2125", strokeWidth: 0, face: FACE },
      color: { background: fill, border: c, highlight: { background: fill, border: "#111111" }, hover: { background: fill, border: "#111111" } },
    };
  }
  function dotItem(i) {
    const n = orig[i];
    const outside = n.group === "outside";
    return {
      id: i, x: n.x, y: n.y, shape: "dot", label: n.label || "", margin: undefined, borderWidth: outside ? 2 : 1.5,
      font: { size: fontSize(n), color: outside ? "#5f676e" : "#1d2125", strokeWidth: 4, face: FACE },
      color: n.color,
    };
  }
  // Restyle: the boxes given, every other paper back to its dot.
  function restyle(boxes) {
    const now = new Set(boxes.map((b) => b.id));
    const changes = boxes.slice();
    for (const i of styled) if (!now.has(i)) changes.push(dotItem(i));
    styled.clear();
    for (const i of now) styled.add(i);
    if (changes.length) updateNodes(changes);
  }
  // Lineage links read left to right between boxes.  In a forest (y: the
  // rows of the boxes given) a link along a row is straight, and one to a
  // child on another row is an elbow: out of the child along its row, into
  // the parent from below (a tree's rows and its parent's column are clear
  // there); elsewhere horizontal curves.
  const FAN = { enabled: true, type: "cubicBezier", forceDirection: "horizontal", roundness: 0.45 };
  function bend(ids, rowOf) {
    const changes = [];
    for (const id of bent) if (!ids.has(id)) changes.push({ id: id, smooth: data.edges[id].smooth || defaultSmooth });
    bent.clear();
    for (const id of ids) {
      const e = data.edges[id];
      let smooth = FAN;
      if (rowOf) {
        smooth = rowOf.get(e.from) === rowOf.get(e.to) ? { enabled: false } : { enabled: true, type: "horizontal", roundness: 1 };
      }
      changes.push({ id: id, smooth: smooth });
      bent.add(id);
    }
    if (changes.length) edges.update(changes);
  }

  function showForest(name) {
    const v = views[name];
    const members = new Set(v.ids);
    restyle(v.ids.map((i, k) => boxItem(i, v.x[k], v.y[k], v.label[k], inLineage[i])));
    const links = new Set(lineageEdges.filter((id) => members.has(data.edges[id].from) && members.has(data.edges[id].to)));
    bend(links, new Map(v.ids.map((i, k) => [i, v.y[k]])));
    Object.assign(mode, { name: name, members: members, edges: links, paper: null, box: v.box, years: v.years, breaks: v.breaks });
  }

  // A paper's neighbourhood: what it builds on and cites on the left, what
  // builds on it and cites it on the right, its family above and below; at
  // most 40 papers, lineage first, then references and citers by PageRank.
  function neighbourhood(i) {
    const seen = new Set([i]);
    const take = (list, j, id, kind) => { if (!seen.has(j)) { seen.add(j); list.push({ j: j, id: id, kind: kind }); } };
    const parents = [], children = [], family = [], refs = [], citers = [];
    for (const id of outEdges[i]) if (hasKind(id, "builds_on")) take(parents, data.edges[id].to, id, "builds_on");
    for (const id of inEdges[i]) if (hasKind(id, "builds_on")) take(children, data.edges[id].from, id, "builds_on");
    if (info[i].f) {
      const fam = [];
      for (let j = 0; j < N; j++) if (info[j].f === info[i].f) fam.push(j);
      fam.sort((a, b) => (info[a].y || 0) - (info[b].y || 0) || info[a].rk - info[b].rk);
      for (const j of fam.slice(0, 12)) take(family, j, null, "family");
    }
    const byRank = (ids, far) => ids.filter((id) => !hasKind(id, "builds_on")).map((id) => [data.edges[id][far], id])
      .sort((a, b) => info[a[0]].rk - info[b[0]].rk);
    const r = byRank(outEdges[i], "to");
    const c = byRank(inEdges[i], "from");
    let k = 0;
    while ((k < r.length || k < c.length) && seen.size < 41) {
      if (k < r.length) take(refs, r[k][0], r[k][1], kinds[r[k][1]]);
      if (k < c.length && seen.size < 41) take(citers, c[k][0], c[k][1], kinds[c[k][1]]);
      k++;
    }
    return { parents, children, family, refs, citers };
  }
  const nameOf = (j) => info[j].n || orig[j].label || info[j].t;
  function boxLabel(j) {
    const s = String(nameOf(j));
    return s.length > 28 ? s.slice(0, 26) + "…" : s;
  }
  function showPaper(i) {
    const hood = neighbourhood(i);
    const width = (j) => textWidth(boxLabel(j), `${BOX_FONT}px ${FACE}`) + 14;
    const items = [];
    const column = (list, side) => {
      // at most 12 a column, further columns outwards
      const cols = [];
      for (let k = 0; k < list.length; k += 12) cols.push(list.slice(k, k + 12));
      let x = side * (middle / 2 + 60);
      for (const col of cols) {
        const w = Math.max(...col.map(width));
        x += side * w / 2;
        col.forEach((j, r) => items.push(boxItem(j, x, (r - (col.length - 1) / 2) * BOX_ROW, boxLabel(j), inLineage[j])));
        x += side * (w / 2 + 40);
      }
    };
    // the middle column (the paper and its family) as wide as its widest name
    const middle = Math.max(width(i), ...hood.family.map((e) => width(e.j)));
    column(hood.parents.concat(hood.refs).map((e) => e.j), -1);
    column(hood.children.concat(hood.citers).map((e) => e.j), 1);
    items.push(boxItem(i, 0, 0, boxLabel(i), true));
    hood.family.forEach((e, k) => {
      const up = k % 2 === 0 ? -1 : 1;
      items.push(boxItem(e.j, 0, up * (Math.floor(k / 2) + 1) * BOX_ROW * 1.3, boxLabel(e.j), inLineage[e.j]));
    });
    restyle(items);
    const members = new Set(items.map((b) => b.id));
    const links = new Set();
    for (const list of [hood.parents, hood.children, hood.refs, hood.citers]) for (const e of list) links.add(e.id);
    for (const id of lineageEdges) if (members.has(data.edges[id].from) && members.has(data.edges[id].to)) links.add(id);
    bend(new Set([...links].filter((id) => hasKind(id, "builds_on"))));
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const b of items) {
      const w = width(b.id) / 2;
      x0 = Math.min(x0, b.x - w); x1 = Math.max(x1, b.x + w);
      y0 = Math.min(y0, b.y - BOX_ROW / 2); y1 = Math.max(y1, b.y + BOX_ROW / 2);
    }
    Object.assign(mode, { name: "paper", members: members, edges: links, paper: i, box: [x0, y0, x1, y1], years: null, breaks: null });
    return hood;
  }

  // The panel of a paper in focus: its card, then the papers around it as links, with the evidence of each lineage link.
  function paperPanel(i, hood) {
    const card = nodeCard(i, true);
    const section = (title, list) => {
      if (!list.length) return;
      card.appendChild(el("h5", null, title));
      const ul = el("ul", "cg-papers");
      for (const e of list) {
        const li = el("li");
        const a = el("a", null, nameOf(e.j));
        a.href = "#paper=" + encodeURIComponent(info[e.j].id);
        li.appendChild(a);
        if (info[e.j].y) li.appendChild(el("span", "cg-dim", " " + info[e.j].y));
        const x = e.id === null ? null : data.edgeInfo[String(e.id)];
        if (x && x.lk) li.appendChild(el("span", "cg-badge", x.lk));
        if (x && x.ev) for (const [k, detail] of x.ev) if (k === "text" || k === "list" || k === "mention") li.appendChild(el("span", "cg-quote", `${k}: ${detail}`));
        ul.appendChild(li);
      }
      card.appendChild(ul);
    };
    section("Builds on", hood.parents);
    section("Built on by", hood.children);
    section("Family" + (info[i].f ? ` (${info[i].f})` : ""), hood.family);
    section("Top references", hood.refs);
    section("Top citers", hood.citers);
    return card;
  }

  // Fit a view's box into the canvas, no smaller than its names' reading size;
  // when it cannot all fit so, its oldest and top part is shown and the rest is a pan away.
  function fitView(box, minPx, centre) {
    const W = container.clientWidth;
    const H = container.clientHeight;
    if (!W || !H) return;
    const pad = 6;
    const left = 10, right = W - 10, top = 26 + 8, bottom = H - 10 - 14;
    const bw = box[2] - box[0] + 2 * pad, bh = box[3] - box[1] + 2 * pad;
    let s = Math.min((right - left) / bw, (bottom - top) / bh, 1.6);
    const floor = minPx / BOX_FONT;
    let at;
    if (s >= floor) {
      at = { x: (box[0] + box[2]) / 2 + (W / 2 - (left + right) / 2) / s, y: (box[1] + box[3]) / 2 + (H / 2 - (top + bottom) / 2) / s };
    } else if (centre) {
      // too big for the window at a size to read: the paper in the middle, its neighbours a pan away
      s = floor;
      at = { x: centre.x + (W / 2 - (left + right) / 2) / s, y: centre.y + (H / 2 - (top + bottom) / 2) / s };
    } else {
      s = floor;
      const fitsAcross = bw * s <= right - left;
      at = {
        x: fitsAcross ? (box[0] + box[2]) / 2 + (W / 2 - (left + right) / 2) / s : box[0] - pad + (W / 2 - left) / s,
        y: box[1] - pad + (H / 2 - top) / s,
      };
      if (bh * s <= bottom - top) at.y = (box[1] + box[3]) / 2 + (H / 2 - (top + bottom) / 2) / s;
    }
    network.moveTo({ position: at, scale: s, animation: false });
  }

  function updateSwitch() {
    for (const b of document.querySelectorAll(".cg-views button")) {
      b.setAttribute("aria-pressed", String(b.dataset.view === mode.name));
      if (b.dataset.view !== "all" && !views[b.dataset.view]) b.hidden = true;
    }
  }
  function enter(name, i) {
    hideTooltip();
    hideResults();
    details.hidden = true;
    shown.node = shown.edge = null;
    clearFocus(false);
    network.unselectAll();
    if (name === "all") {
      restyle([]);
      bend(new Set());
      Object.assign(mode, { name: "all", members: null, edges: null, paper: null, box: null, years: null, breaks: null });
      refresh();
      fitBesideLegend();
    } else if (name === "paper") {
      const hood = showPaper(i);
      refresh();
      // The panel first: below the graph in a narrow window, it resizes the canvas.
      showDetails(paperPanel(i, hood), { node: i });
      details.scrollTop = 0;
      network.redraw();
      fitView(mode.box, READ.paper, { x: 0, y: 0 });
      select(i);
    } else {
      showForest(name);
      refresh();
      fitView(mode.box, READ[name]);
    }
    updateSwitch();
  }
  function defaultView() { return views.first ? "first" : views.lineage ? "lineage" : "all"; }
  function applyHash() {
    const h = location.hash.replace(/^#/, "");
    if (h === applied) return;
    applied = h;
    const params = new URLSearchParams(h);
    const paper = params.get("paper");
    if (paper !== null && idIndex.has(paper)) { enter("paper", idIndex.get(paper)); return; }
    let v = params.get("view");
    if (v !== "all" && !(v && views[v])) v = defaultView();
    enter(v);
  }
  function go(target) {
    const h = target.paper !== undefined ? "paper=" + encodeURIComponent(info[target.paper].id) : "view=" + target.view;
    if (location.hash.replace(/^#/, "") === h) { applied = null; applyHash(); } else location.hash = h;
  }
  window.addEventListener("hashchange", applyHash);
  for (const b of document.querySelectorAll(".cg-views button")) b.addEventListener("click", () => go({ view: b.dataset.view }));

  // The forest views' time axis: a year over its columns, a break mark where years are skipped.
  network.on("beforeDrawing", (ctx) => {
    if (!mode.years) return;
    const y0 = mode.box[1] - 4000, h = mode.box[3] - mode.box[1] + 8000;
    mode.years.forEach((yr, k) => {
      ctx.fillStyle = k % 2 ? "rgba(241,243,245,0.7)" : "rgba(248,249,250,0.5)";
      ctx.fillRect(yr.x0 - 6, y0, yr.x1 - yr.x0 + 12, h);
    });
  });
  network.on("afterDrawing", (ctx) => {
    if (!mode.years) return;
    const ratio = window.devicePixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const w = container.clientWidth;
    ctx.fillStyle = "rgba(255,255,255,0.92)";
    ctx.fillRect(0, 0, w, 24);
    ctx.fillStyle = "#e3e6ea";
    ctx.fillRect(0, 24, w, 1);
    ctx.font = "600 12px " + FACE;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillStyle = "#495057";
    for (const yr of mode.years) {
      const a = network.canvasToDOM({ x: yr.x0, y: 0 }).x;
      const b = network.canvasToDOM({ x: yr.x1, y: 0 }).x;
      const cx = Math.min(Math.max((a + b) / 2, Math.min(b - 20, 24)), Math.max(a + 20, w - 24));
      if (b < 0 || a > w) continue;
      ctx.fillText(String(yr.label), cx, 12);
    }
    ctx.strokeStyle = "#868e96";
    ctx.lineWidth = 1.5;
    for (const x of mode.breaks || []) {
      const p = network.canvasToDOM({ x: x, y: 0 }).x;
      for (const dx of [-3, 3]) {
        ctx.beginPath();
        ctx.moveTo(p + dx - 3, 18);
        ctx.lineTo(p + dx + 3, 6);
        ctx.stroke();
      }
    }
    ctx.restore();
  });

  // ------------------------------------------------------------ start

  if (data.note) {
    const note = document.getElementById("cg-note");
    note.textContent = data.note;
    note.hidden = false;
  }
  buildLegend();
  updateCount();
  applyHash();
  network.once("afterDrawing", () => { document.body.dataset.ready = "1"; });
  // For tests and for curious people with a console.
  window.citegraph = {
    network, nodes, edges, nodesView, edgesView, data, focusNode, search, fitBesideLegend, fitShown, mode, go, views,
    id: (i) => ids[i], index: (id) => ix.get(id),
    drawnBands,
  };
  return network;
  }
})();
