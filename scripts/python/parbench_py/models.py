"""The article's concurrency approaches behind one small facade, built by name.

A model lives for a trial: its pool is created when the model is built and shut down by
``close()`` (the JMH ``@Setup``/``@TearDown(Level.Trial)`` shape). ``run(task, inputs)`` runs one
batch and returns every output in input order. ``kill()`` stops at once (Ctrl-C): queued work is
dropped and worker processes are terminated.

``parallelism`` follows joblib's ``n_jobs``: a positive number of workers, or -1 for every CPU
this process may use (``os.sched_getaffinity``).

A model may need a library outside the standard library (``requires``: joblib, numba) or run
only some workloads (``workloads``: numba compiles the CPU task alone); the harness skips it,
with one line naming what is missing, where it cannot run. ``secondary()`` gives figures beside
the score, such as numba's import and compile time, which are start-up and never measured.
"""

import concurrent.futures
import multiprocessing
import multiprocessing.pool
import os
import threading


def resolve_parallelism(parallelism):
    """Workers for ``parallelism`` in joblib's sense: n > 0 is n, -1 is every usable CPU,
    -2 all but one, and so on."""
    if parallelism > 0:
        return parallelism
    if parallelism == 0:
        raise ValueError("parallelism must not be 0 (use -1 for every CPU)")
    return max(1, len(os.sched_getaffinity(0)) + 1 + parallelism)


class Model:
    """One concurrency approach; subclasses set ``name`` and implement ``run``."""
    name = None
    #: whether ``parallelism`` changes what the model does (a list comprehension ignores it)
    uses_parallelism = True
    #: the import names of the libraries it needs beyond the standard library
    requires = ()
    #: the workload ids it can run (``Workload.id``), or None for every one
    workloads = None

    def __init__(self, parallelism):
        self.parallelism = parallelism
        self.workers = resolve_parallelism(parallelism)

    def run(self, task, inputs):
        raise NotImplementedError

    def secondary(self):
        """Figures beside the score: {name: (value, unit)}; none by default."""
        return {}

    def facts(self):
        """What the model ran on, as ``name=value`` strings for the row's ``jvmArgs``; none by default."""
        return []

    def close(self):
        """Shuts the pool down and waits for its threads and processes to end; idempotent."""

    def kill(self):
        """Stops now: drops queued work, terminates worker processes; idempotent."""
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if exc[0] is None:
            self.close()
        else:
            self.kill()


class Sequential(Model):
    """The article's list comprehension: the baseline."""
    name = "py-sequential"
    uses_parallelism = False

    def run(self, task, inputs):
        return [task(x) for x in inputs]


class ThreadPerTask(Model):
    """``threading.Thread`` per task, all started then joined; results kept by index."""
    name = "py-thread-per-task"
    uses_parallelism = False

    def run(self, task, inputs):
        results = [None] * len(inputs)
        errors = []

        def call(index, x):
            try:
                results[index] = task(x)
            except BaseException as e:  # handed to the caller below, naming the task
                errors.append((index, e))

        threads = [threading.Thread(target=call, args=(i, x), daemon=True) for i, x in enumerate(inputs)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            index, error = min(errors, key=lambda e: e[0])
            raise RuntimeError(f"task {index} (input {inputs[index]!r}) failed: {error!r}") from error
        return results


class ThreadPool(Model):
    """``concurrent.futures.ThreadPoolExecutor.map``."""
    name = "py-thread-pool"

    def __init__(self, parallelism):
        super().__init__(parallelism)
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=self.workers)

    def run(self, task, inputs):
        return list(self._executor.map(task, inputs))

    def close(self):
        self._executor.shutdown(wait=True)

    def kill(self):
        self._executor.shutdown(wait=True, cancel_futures=True)


class ThreadPoolAsCompleted(ThreadPool):
    """``submit`` + ``as_completed``, as the article writes it, except that every future is kept
    and each result is put back at its input's index."""
    name = "py-thread-pool-as-completed"

    def run(self, task, inputs):
        futures = {self._executor.submit(task, x): i for i, x in enumerate(inputs)}
        results = [None] * len(inputs)
        for future in concurrent.futures.as_completed(futures):
            results[futures[future]] = future.result()
        return results


class ProcessPool(Model):
    """``concurrent.futures.ProcessPoolExecutor.map``, one executor per trial."""
    name = "py-process-pool"

    def __init__(self, parallelism):
        super().__init__(parallelism)
        self._executor = concurrent.futures.ProcessPoolExecutor(max_workers=self.workers)

    def run(self, task, inputs):
        return list(self._executor.map(task, inputs))

    def close(self):
        self._executor.shutdown(wait=True)

    def kill(self):
        processes = list((self._executor._processes or {}).values())
        self._executor.shutdown(wait=False, cancel_futures=True)
        _terminate(processes)


class MpPool(Model):
    """``multiprocessing.Pool.map``."""
    name = "py-mp-pool"
    _pool_type = staticmethod(multiprocessing.Pool)

    def __init__(self, parallelism):
        super().__init__(parallelism)
        self._pool = self._pool_type(self.workers)
        self._closed = False

    def run(self, task, inputs):
        return self._pool.map(task, inputs)

    def close(self):
        if not self._closed:
            self._closed = True
            self._pool.close()
            self._pool.join()

    def kill(self):
        self._closed = True
        self._pool.terminate()
        self._pool.join()


class MpThreadPool(MpPool):
    """``multiprocessing.pool.ThreadPool.map``."""
    name = "py-mp-thread-pool"
    _pool_type = staticmethod(multiprocessing.pool.ThreadPool)


class JoblibParallel(Model):
    """joblib ``Parallel(n_jobs=parallelism, backend=...)`` over ``delayed(task)(x)``; the
    ``Parallel`` object is entered once per trial so its workers are reused between batches."""
    backend = None
    requires = ("joblib",)

    def __init__(self, parallelism):
        super().__init__(parallelism)
        import joblib
        self._delayed = joblib.delayed
        self._parallel = joblib.Parallel(n_jobs=parallelism, backend=self.backend)
        self._parallel.__enter__()
        self._closed = False

    def run(self, task, inputs):
        return self._parallel(self._delayed(task)(x) for x in inputs)

    def close(self):
        if not self._closed:
            self._closed = True
            self._parallel.__exit__(None, None, None)
            self._stop_workers()

    def kill(self):
        self.close()

    def _stop_workers(self):
        pass


class JoblibLoky(JoblibParallel):
    """joblib with the loky backend (worker processes). loky keeps a process-wide reusable
    executor; closing the model shuts it down and kills its workers, so none outlives the trial."""
    name = "py-joblib-loky"
    backend = "loky"

    def _stop_workers(self):
        from joblib.externals.loky import reusable_executor
        executor = getattr(reusable_executor, "_executor", None)
        if executor is not None:
            executor.shutdown(wait=True, kill_workers=True)


class JoblibThreading(JoblibParallel):
    """joblib with the threading backend."""
    name = "py-joblib-threading"
    backend = "threading"


class NumbaModel(Model):
    """The CPU task compiled by numba (``numba_kernels``): import and compile happen when the model
    is built, the trial's set-up, so no batch ever pays them; ``secondary()`` reports them as
    ``numbaImport`` (the process's first ``import numba``, shared by its numba points) and
    ``jitCompile`` (this model's own compile)."""
    requires = ("numba", "numpy")
    workloads = ("cpu",)

    def __init__(self, parallelism):
        super().__init__(parallelism)
        from . import numba_kernels
        self._native = numba_kernels
        self._kernels = numba_kernels.compile_kernels()

    @staticmethod
    def _work(task):
        from .workloads import CpuTask
        if not isinstance(task, CpuTask):
            raise TypeError(f"numba models run the CPU task only, not {task!r}")
        return task.work

    def secondary(self):
        return {"numbaImport": (self._native.IMPORT_SECONDS * 1000.0, "ms"),
                "jitCompile": (self._kernels.compile_seconds * 1000.0, "ms")}

    def facts(self):
        """numba's threading layer (``omp``, ``tbb``, ``workqueue``; known after a parallel launch) and
        the size of its thread pool."""
        layer = self._native.threading_layer()
        return ([f"numba_threading_layer={layer}"] if layer else []) + \
            [f"NUMBA_NUM_THREADS={self._native.load().config.NUMBA_NUM_THREADS}"]


class NumbaPrange(NumbaModel):
    """``@njit(parallel=True)`` with ``prange`` over the tasks, numba's threads set to
    ``parallelism`` (``numba.set_num_threads``): the article's numba, true parallel threads."""
    name = "py-numba-prange"

    def __init__(self, parallelism):
        super().__init__(parallelism)
        available = self._native.load().config.NUMBA_NUM_THREADS
        if self.workers > available:
            raise ValueError(f"parallelism {self.workers} exceeds numba's {available} threads "
                             f"(NUMBA_NUM_THREADS, fixed when numba is imported)")
        # numba starts its threading layer (OpenMP's threads) at the first parallel launch: here, in the
        # set-up, like a pool's threads, so that no batch pays it
        self._native.set_threads(self.workers)
        self._kernels.chains(self._native.seeds_array([0]), 0, self._native.empty_results(1))

    def run(self, task, inputs):
        work = self._work(task)
        out = self._native.empty_results(len(inputs))
        self._native.set_threads(self.workers)
        self._kernels.chains(self._native.seeds_array(inputs), work, out)
        return out.tolist()


class NumbaThreads(NumbaModel):
    """``@njit(nogil=True)`` called from ``ThreadPoolExecutor(parallelism)``: the "release the
    GIL" pattern, one compiled chain per task."""
    name = "py-numba-threads"

    def __init__(self, parallelism):
        super().__init__(parallelism)
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=self.workers)

    def run(self, task, inputs):
        work, chain = self._work(task), self._kernels.chain
        return [int(r) for r in self._executor.map(lambda seed: chain(seed, work), inputs)]

    def close(self):
        self._executor.shutdown(wait=True)

    def kill(self):
        self._executor.shutdown(wait=True, cancel_futures=True)


def _terminate(processes):
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join()


MODELS = {model.name: model for model in (
    Sequential, ThreadPerTask, ThreadPool, ThreadPoolAsCompleted, ProcessPool, MpPool,
    MpThreadPool, JoblibLoky, JoblibThreading, NumbaPrange, NumbaThreads)}


def create(name, parallelism):
    """Builds the model called ``name``; the caller owns it (``with create(...) as model``)."""
    try:
        model_type = MODELS[name]
    except KeyError:
        raise ValueError(f"unknown model '{name}' (known: {', '.join(MODELS)})") from None
    return model_type(parallelism)
