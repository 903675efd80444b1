"""The CPU task compiled by numba: the article's last chapter, where Python threads run in parallel.

Java's ``CpuTask.run`` is chained SplitMix64 steps on a ``long`` (Steele, Lea and Flood, "Fast
splittable pseudorandom number generators", OOPSLA 2014; the constants of ``java.util.SplittableRandom``).
Here each step is ``numpy.uint64`` arithmetic, which wraps at 64 bits as Java's ``long`` does, and
``>>`` on an unsigned value is Java's ``>>>``. Every constant, the shift counts included, is a
``uint64``: numba types ``uint64 op int64`` as ``float64``, which would silently lose the low bits.
Seeds and results cross as ``int64`` (a same-width cast both ways), so a result equals Java's
signed ``long`` bit for bit; ``PythonParityTest`` checks it against ``CpuTask.run``.

Nothing is compiled at import: :func:`compile_kernels` compiles a fresh pair of kernels from
explicit signatures (no lazy compilation left for the first measured call) and is what a numba
model's start-up times. ``import numba`` itself happens once per process, in :func:`load`, and
its time is kept in :data:`IMPORT_SECONDS`.
"""

import os
import time
from dataclasses import dataclass

#: seconds the process's first ``import numba`` took; None until :func:`load` ran
IMPORT_SECONDS = None
_numba = None
_np = None


def load():
    """Imports numba and numpy once per process; returns the numba module.

    ``NUMBA_NUM_THREADS`` (the size of numba's thread pool, fixed at import) must be set before
    this, at least the largest parallelism a ``prange`` model will ask for: the harness sets it
    from its profile; :func:`reserve_threads` is how.
    """
    global _numba, _np, IMPORT_SECONDS
    if _numba is None:
        start = time.perf_counter()
        import numba
        import numpy
        IMPORT_SECONDS = time.perf_counter() - start
        _numba, _np = numba, numpy
    return _numba


def reserve_threads(threads):
    """Makes numba's pool at least ``threads`` threads (and at least one per CPU, numba's own
    default), unless the user set ``NUMBA_NUM_THREADS``; only effective before :func:`load`."""
    if "NUMBA_NUM_THREADS" not in os.environ and _numba is None:
        os.environ["NUMBA_NUM_THREADS"] = str(max(threads, os.cpu_count() or 1))


@dataclass(frozen=True)
class Kernels:
    """A compiled pair: ``chain(seed, work) -> int64`` (nogil) and ``chains(seeds, work, out)``
    (``parallel=True``, ``prange`` over the seeds). Both are thread-safe: they touch only their
    arguments."""
    chain: object
    chains: object
    compile_seconds: float


def compile_kernels():
    """Compiles a fresh pair of kernels (new dispatchers, so each model pays its own compile)."""
    numba = load()
    np = _np
    golden = np.uint64(0x9E3779B97F4A7C15)
    mix1 = np.uint64(0xBF58476D1CE4E5B9)
    mix2 = np.uint64(0x94D049BB133111EB)
    s30, s27, s31 = np.uint64(30), np.uint64(27), np.uint64(31)

    def chain(seed, work):
        z = np.uint64(seed)
        for _ in range(work):
            z = z + golden
            z = (z ^ (z >> s30)) * mix1
            z = (z ^ (z >> s27)) * mix2
            z = z ^ (z >> s31)
        return np.int64(z)

    start = time.perf_counter()
    compiled_chain = numba.njit("int64(int64, int64)", nogil=True)(chain)

    def chains(seeds, work, out):
        for i in numba.prange(seeds.shape[0]):
            out[i] = compiled_chain(seeds[i], work)

    compiled_chains = numba.njit("void(int64[::1], int64, int64[::1])", parallel=True, nogil=True)(chains)
    return Kernels(compiled_chain, compiled_chains, time.perf_counter() - start)


def seeds_array(seeds):
    """The seeds as a contiguous ``int64`` array (Java's signed ``long`` values)."""
    return _np.array(seeds, dtype=_np.int64)


def empty_results(n):
    return _np.empty(n, dtype=_np.int64)


def set_threads(threads):
    """numba's threads for the next ``prange`` launched from this thread (``numba.set_num_threads``)."""
    load().set_num_threads(threads)


def threading_layer():
    """The threading layer numba chose (``omp``, ``tbb``, ``workqueue``), or None before the
    first parallel launch."""
    try:
        return load().threading_layer()
    except ValueError:
        return None
