"""Scores of every paper on a citation matrix: PageRank, HITS, CiteRank, citations per year.

Credit flows along edges, from the citing paper to the cited one.  PageRank
and CiteRank solve ``y = b + alpha * W y`` (``W[j, i] = 1/refs(i)`` when ``i``
cites ``j``) generation by generation in topological order, iterating only
inside citation cycles: citation graphs are nearly acyclic.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

from citegraph.graph.matrix import CitationMatrix

__all__ = ["pagerank_scores", "hits_scores", "citerank_scores", "citations_per_year"]

CITERANK_TAU = 2.6
CITERANK_ALPHA = 0.5


def _solve_walk(
    M: CitationMatrix, b: np.ndarray, alpha: float, tol: float, max_iter: int
) -> np.ndarray:
    """Solve ``y = b + alpha * W y`` (see the module docstring) one generation at a time.

    In :attr:`CitationMatrix.topo_levels` order each generation depends only
    on earlier ones, which are final by then: one sparse product per
    generation, exact.  A generation holding citation cycles is iterated
    (Jacobi) until its L1 change is below ``tol`` relative to its total.

    >>> M = CitationMatrix.from_edges([1], [0], 2)  # 1 cites 0: y1 = 1, y0 = 1 + 0.5 * y1
    >>> _solve_walk(M, np.ones(2), 0.5, 1e-12, 10).tolist()
    [1.5, 1.0]
    """
    if not 0 <= alpha < 1:
        raise ValueError(f"alpha must be in [0, 1), not {alpha}")
    order, bounds, cyclic = M.topo_levels
    rhs = b[order]
    y = np.zeros(M.n)
    for k, block in enumerate(M._walk_blocks):
        lo, hi = bounds[k], bounds[k + 1]
        y[lo:hi] = rhs[lo:hi] + alpha * (block @ y)
        if not cyclic[k]:
            continue
        for _ in range(max_iter):
            new = rhs[lo:hi] + alpha * (block @ y)
            change = np.abs(new - y[lo:hi]).sum()
            y[lo:hi] = new
            if change <= tol * max(new.sum(), np.finfo(float).tiny):
                break
        else:
            raise nx.PowerIterationFailedConvergence(max_iter)
    out = np.empty(M.n)
    out[order] = y
    return out


def pagerank_scores(
    M: CitationMatrix, *, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 200
) -> np.ndarray:
    """PageRank of every paper, credit flowing from citing to cited paper.

    Same definition as :func:`networkx.pagerank` (uniform teleport; a paper
    citing nothing in the graph passes its score to all papers uniformly), so
    the values agree with ``nx.pagerank(G, tol=1e-12)`` to ~1e-10.  Unlike
    networkx, whose stopping rule is ``L1 change < N * tol`` (so big graphs stop
    unconverged), the result here is converged to ``tol`` in L1 overall.

    Parameters
    ----------
    M : CitationMatrix
    alpha : float
        Damping: the chance a reader follows a reference rather than jumping.
    tol : float
        L1 change, relative to the total, at which to stop.
    max_iter : int
        Iterations allowed inside a group of papers that cite each other in
        a cycle (an acyclic graph needs none).

    Returns
    -------
    numpy.ndarray
        Scores summing to 1, one per row of ``M``.

    Examples
    --------
    Three papers: b and c cite a, c also cites b.

    >>> from citegraph.graph.matrix import CitationMatrix
    >>> M = CitationMatrix.from_edges([1, 2, 2], [0, 0, 1], 3)
    >>> pagerank_scores(M).round(4).tolist()
    [0.5209, 0.2816, 0.1976]
    """
    n = M.n
    if n == 0:
        return np.empty(0)
    # With uniform teleport and dangling mass spread uniformly, the PageRank
    # vector is proportional to (I - alpha W)^-1 1: normalise at the end.
    y = _solve_walk(M, np.full(n, 1.0 / n), alpha, tol, max_iter)
    return y / y.sum()


# Power-iteration steps HITS takes before it tries Lanczos (ARPACK).  Power
# iteration needs more products (19-33 on Price graphs, vs Lanczos' 13), but
# they are all it costs; Lanczos adds a component search of the hub-authority
# graph and ARPACK's BLAS calls, whose threads fight for a loaded 2-core box.
# Fastest of repeated runs there, power vs Lanczos: 10k papers 5 ms vs 9 ms,
# 100k 0.18 s vs 0.54 s, 1M 3.1 s vs 8.4 s (with OpenBLAS limited to one
# thread; 6.1 s vs 21 s with its default threads).
HITS_POWER_STEPS = 100
# HITS scores (each vector sums to 1) below this are reported as exact 0:
# they are round-off or the decayed remains of weaker blocks (1e-54 ... 1e-303
# after many power steps), not measurements.
HITS_ZERO = 1e-12


def hits_scores(
    M: CitationMatrix, *, tol: float = 1e-10, max_iter: int = 10_000
) -> tuple[np.ndarray, np.ndarray]:
    """HITS hub and authority scores, each summing to 1 (as :func:`networkx.hits`).

    A good authority is cited by good hubs; a good hub cites good
    authorities: the authority vector is the leading eigenvector of ``AᵀA``
    (the hubs are ``A`` times it), L1-normalised.

    Where the leading eigenvalue is repeated (e.g. two separate citation
    chains of the same shape) the eigenvector is not unique; the answer is
    then the projection of the start vector (the in-degrees, i.e. ``Aᵀ·1``)
    onto that eigenspace, which is what power iteration from it converges
    to.

    Power iteration from that start is stopped when the L1 change of the
    normalised authority vector is below ``tol``.  If it has not converged
    after :data:`HITS_POWER_STEPS` steps (a small spectral gap), Lanczos
    iteration (ARPACK's ``eigsh``) is tried from the current vector; its
    answer is kept only when the eigenvalue is provably simple (every other
    connected block of the hub-authority graph has ``max references × max
    citations``, a bound on its leading eigenvalue, below it), else power
    iteration goes on.

    Scores that are not measurements are exact zeros: blocks of the
    hub-authority graph whose eigenvalue is below the leading one (their
    scores were still shrinking at the last step; see
    :func:`_zero_decaying_blocks`), and any score below :data:`HITS_ZERO`
    (the rest rescaled to sum to 1).

    Parameters
    ----------
    M : CitationMatrix
    tol : float
        L1 change of the authority vector at which power iteration stops.
    max_iter : int
        Power-iteration steps allowed.

    Returns
    -------
    (hubs, authorities) : tuple of numpy.ndarray

    Raises
    ------
    networkx.PowerIterationFailedConvergence
        No convergence in ``max_iter`` steps.

    Examples
    --------
    Papers 2 and 3 both cite 0 and 1; paper 2 also cites 3.

    >>> from citegraph.graph.matrix import CitationMatrix
    >>> M = CitationMatrix.from_edges([2, 2, 3, 3, 2], [0, 1, 0, 1, 3], 4)
    >>> hubs, auths = hits_scores(M)
    >>> auths.round(4).tolist(), hubs.round(4).tolist()
    ([0.3904, 0.3904, 0.0, 0.2192], [0.0, 0.0, 0.5616, 0.4384])
    """
    n = M.n
    if n == 0:
        return np.empty(0), np.empty(0)
    if M.A.nnz == 0:
        # No citations: nothing distinguishes the papers.
        return np.full(n, 1.0 / n), np.full(n, 1.0 / n)
    A, AT = M.A, M.AT
    a = M.in_degree / float(M.A.nnz)  # Aᵀ·1, normalised, without a product
    for step in range(max_iter):
        if step == HITS_POWER_STEPS and n > 2:  # ARPACK needs a Krylov space of 2
            found = _leading_authority(A, AT, a, tol)
            if found is not None:
                a = found
                break
        new = AT @ (A @ a)
        new /= new.sum()
        change = np.abs(new - a).sum()
        a, prev = new, a
        if change < tol:
            a = _zero_decaying_blocks(A, AT, prev, a)
            break
    else:
        raise nx.PowerIterationFailedConvergence(max_iter)
    a = _drop_noise(a)
    return _drop_noise(A @ a), a


def _drop_noise(x: np.ndarray) -> np.ndarray:
    """``x`` scaled to sum to 1, with entries below :data:`HITS_ZERO` set to 0.

    >>> _drop_noise(np.array([3.0, 1.0, 1e-300])).tolist()
    [0.75, 0.25, 0.0]
    """
    x = x / x.sum()
    small = x < HITS_ZERO
    if small.any():
        x[small] = 0.0
        x /= x.sum()
    return x


def _hub_authority_blocks(A, AT) -> np.ndarray:
    """Connected block of each hub (``0..n-1``) and authority (``n..2n-1``).

    The bipartite graph where hub ``i`` is joined to authority ``j`` when
    ``i`` cites ``j``; ``AᵀA`` is block-diagonal over its blocks.

    >>> from citegraph.graph.matrix import CitationMatrix
    >>> M = CitationMatrix.from_edges([2, 3], [0, 1], 4)  # two separate citations
    >>> _hub_authority_blocks(M.A, M.AT).tolist()
    [0, 1, 2, 3, 2, 3, 4, 5]
    """
    from scipy import sparse
    from scipy.sparse import csgraph

    n = A.shape[0]
    # Laid out symmetric from A and Aᵀ: on a symmetric graph the strong
    # components are the connected ones, and scipy finds them without the
    # transpose its undirected search builds (seconds at 20M edges).
    nnz = int(A.indptr[-1])
    # int32 and float64 are what csgraph works in: anything else is copied first
    itype = np.int32 if 2 * max(n, nnz) < np.iinfo(np.int32).max else np.int64
    indptr = np.concatenate([A.indptr.astype(itype, copy=False), AT.indptr[1:].astype(itype) + itype(nnz)])
    indices = np.concatenate([A.indices.astype(itype) + itype(n), AT.indices.astype(itype, copy=False)])
    hub_auth = sparse.csr_array((np.ones(2 * nnz), indices, indptr), shape=(2 * n, 2 * n), copy=False)
    _, block = csgraph.connected_components(hub_auth, directed=True, connection="strong")
    return block


def _leading_authority(A, AT, start: np.ndarray, tol: float) -> np.ndarray | None:
    """Leading eigenvector of ``AᵀA`` by ARPACK, L1-normalised; ``None`` unless
    it converged and its eigenvalue is simple (see :func:`hits_scores`).

    >>> M = CitationMatrix.from_edges([3, 3, 4, 4, 5], [0, 1, 0, 1, 2], 6)
    >>> _leading_authority(M.A, M.AT, np.full(6, 1 / 6), 1e-12).round(6).tolist()
    [0.5, 0.5, 0.0, 0.0, 0.0, 0.0]
    >>> M = CitationMatrix.from_edges([2, 3], [0, 1], 4)  # two equal blocks: not simple
    >>> _leading_authority(M.A, M.AT, np.full(4, 0.25), 1e-12) is None
    True
    """
    from scipy.sparse.linalg import ArpackNoConvergence, LinearOperator, eigsh

    n = start.size
    op = LinearOperator((n, n), matvec=lambda x: AT @ (A @ x), dtype=np.float64)
    try:
        # ncv=8: fewest products on 100k/1M-paper Price graphs (13, vs 21 at the default 20)
        values, vectors = eigsh(op, k=1, which="LA", v0=start, ncv=min(8, n - 1), tol=tol, maxiter=1000)
    except ArpackNoConvergence:
        return None
    lam = float(values[0])
    block = _hub_authority_blocks(A, AT)
    a = np.abs(vectors[:, 0])
    home = block[n + int(np.argmax(a))]
    out_deg = np.diff(A.indptr)
    in_deg = np.diff(AT.indptr)
    nblocks = int(block.max()) + 1
    bound = np.zeros(nblocks)
    np.maximum.at(bound, block[:n], out_deg.astype(float))
    max_in = np.zeros(nblocks)
    np.maximum.at(max_in, block[n:], in_deg.astype(float))
    bound *= max_in
    bound[home] = 0.0
    if bound.max() >= lam * (1 - 1e-9):
        return None  # another block may share the eigenvalue: power iteration decides
    a[block[n:] != home] = 0.0  # round-off outside the one block that carries it
    total = a.sum()
    return a / total if total > 0 else None


# At the last power step, an authority score that shrank by more than this
# fraction belongs to a block whose eigenvalue is below the leading one.
_DECAY = 1e-3


def _zero_decaying_blocks(A, AT, prev: np.ndarray, a: np.ndarray) -> np.ndarray:
    """``a`` with exact zeros on the blocks power iteration was still draining.

    A block of the hub-authority graph whose leading eigenvalue is below the
    overall one keeps a remainder that shrinks by a constant factor every
    step (``5e-11`` when the iteration stops, ``1e-300`` after many steps);
    its true score is 0.  Such a block is recognised by every one of its
    scores having shrunk over the last step; blocks that tie with the
    leading eigenvalue do not shrink and keep their share.  The component
    search is only run when some score shrank.

    >>> from citegraph.graph.matrix import CitationMatrix
    >>> M = CitationMatrix.from_edges([2, 2, 5], [0, 1, 4], 6)
    >>> _zero_decaying_blocks(M.A, M.AT, np.array([.4, .4, 0, 0, .2, 0]), np.array([.45, .45, 0, 0, .1, 0])).tolist()
    [0.45, 0.45, 0.0, 0.0, 0.0, 0.0]
    """
    positive = a > 0
    shrinking = positive & (a < prev * (1 - _DECAY))
    if not shrinking.any():
        return a
    n = a.size
    block = _hub_authority_blocks(A, AT)[n:]
    nblocks = int(block.max()) + 1
    scored = np.bincount(block[positive], minlength=nblocks)
    draining = (scored > 0) & (np.bincount(block[shrinking], minlength=nblocks) == scored)
    draining[block[int(np.argmax(a))]] = False  # never the block carrying the answer
    a = a.copy()
    a[draining[block]] = 0.0
    return a


def citerank_scores(
    M: CitationMatrix,
    *,
    tau: float = CITERANK_TAU,
    alpha: float = CITERANK_ALPHA,
    ref_year: float | None = None,
    tol: float = 1e-10,
    max_iter: int = 200,
) -> np.ndarray:
    """CiteRank (Walker et al. 2007): PageRank whose readers start at recent papers.

    A reader starts at paper ``i`` with probability ``∝ exp(-age_i / tau)``
    (``age = ref_year - year``, at least 0), then follows a random reference
    with probability ``alpha`` at each step, else stops.  The score is the
    expected number of visits, so a 2025 paper that recent work builds on is
    not buried under 2021 papers that had years to collect citations.

    Papers without a year are given the median age of the others (all alike
    when no year is known).

    Parameters
    ----------
    M : CitationMatrix
    tau : float
        Decay time in years of the starting probability.
    alpha : float
        Probability of following one more reference.
    ref_year : float, optional
        "Now"; defaults to the latest year in ``M``.

    Returns
    -------
    numpy.ndarray
        Expected visits per paper; they sum to between 1 and ``1/(1-alpha)``.

    Examples
    --------
    A 2024 paper cites a 2020 one; with ``tau=1`` the start weights are
    ``e^-4 : 1``, and the old paper also gets half of the new one's traffic.

    >>> from citegraph.graph.matrix import CitationMatrix
    >>> M = CitationMatrix.from_edges([1], [0], 2, years=[2020, 2024])
    >>> r = citerank_scores(M, tau=1.0, alpha=0.5)
    >>> start = np.exp([-4.0, 0.0]) / np.exp([-4.0, 0.0]).sum()
    >>> np.allclose(r, [start[0] + 0.5 * start[1], start[1]])
    True
    """
    if tau <= 0:
        raise ValueError(f"tau must be positive, not {tau}")
    n = M.n
    if n == 0:
        return np.empty(0)
    years = M.years
    known = ~np.isnan(years)
    if not known.any():
        start = np.full(n, 1.0 / n)
    else:
        now = float(np.nanmax(years)) if ref_year is None else float(ref_year)
        age = np.clip(now - years, 0.0, None)
        age[~known] = float(np.median(age[known]))
        # Shift by the youngest age so exp() cannot underflow to all zeros.
        start = np.exp(-(age - age.min()) / tau)
        start /= start.sum()
    return _solve_walk(M, start, alpha, tol, max_iter)


def citations_per_year(
    citations: np.ndarray, years: np.ndarray, ref_year: float
) -> np.ndarray:
    """Citations divided by the years since publication, counting the first year.

    ``NaN`` where the year is unknown.

    >>> citations_per_year(np.array([10.0, 10.0, 3.0]), np.array([2020.0, 2024.0, np.nan]), 2024).tolist()
    [2.0, 10.0, nan]
    """
    span = np.clip(ref_year - years, 0.0, None) + 1.0
    return citations / span
