"""The workloads, ported exactly from ``workloads/src/main/java/parbench/workload``.

Every task is a module-level function (or a ``functools.partial`` of one), so process pools can
pickle it. Outputs equal the Java outputs for the same inputs; ``PythonParityTest`` (Java) checks
that through the ``outputs`` command.
"""

import functools
import math
import os
import threading
import time
from dataclasses import dataclass
from typing import Callable, Sequence

# ---------------------------------------------------------------------------------------------
# sleep: the article's compute_x (ComputeX.java)

DEFAULT_Y = 2


def compute_x(x, y=DEFAULT_Y, task_millis=800):
    """The article's ``compute_x``: sleeps, then returns the pair ``(x, y)``."""
    if task_millis > 0:
        time.sleep(task_millis / 1000.0)
    return (x, y)


# ---------------------------------------------------------------------------------------------
# cpu: chained SplitMix64 steps (CpuTask.java)

_MASK64 = (1 << 64) - 1
_GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def cpu_run(seed, work):
    """``work`` chained SplitMix64 steps from ``seed``, as Java's ``CpuTask.run``.

    Java's ``long`` wraps at 64 bits and ``>>>`` shifts the unsigned bits; here every step is
    masked to 64 bits and the final state is returned as a signed 64-bit value, like Java's.
    """
    z = seed & _MASK64
    for _ in range(work):
        z = (z + _GOLDEN_GAMMA) & _MASK64
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
        z ^= z >> 31
    return z - (1 << 64) if z >> 63 else z


class CpuTask:
    """The CPU task as a value: ``CpuTask(work)(seed)`` is ``cpu_run(seed, work)``.

    A picklable callable (process pools send it to their workers) that also tells models which
    compile the chain themselves (numba) how many steps to take. Immutable, so thread-safe.
    """
    __slots__ = ("work",)

    def __init__(self, work):
        if work < 0:
            raise ValueError(f"work must be zero or more, was {work}")
        object.__setattr__(self, "work", work)

    def __setattr__(self, name, value):
        raise AttributeError("CpuTask is immutable")

    def __reduce__(self):
        return CpuTask, (self.work,)

    def __call__(self, seed):
        return cpu_run(seed, self.work)

    def __eq__(self, other):
        return isinstance(other, CpuTask) and other.work == self.work

    def __hash__(self):
        return hash(("CpuTask", self.work))

    def __repr__(self):
        return f"CpuTask(work={self.work})"


# ---------------------------------------------------------------------------------------------
# noop: what is left is the model's own cost per task (NoopTask.java)

def noop(x):
    """Returns its input."""
    return x


# ---------------------------------------------------------------------------------------------
# wiki: the article's page-existence check (wiki/WikiCorpus.java, wiki/WikiPageChecker.java)

SEED_PAGES = (("Ocean", True), ("Island", True), ("this_page_does_not_exist", False), ("Shark", True))
DEFAULT_MISSING_FRACTION = 0.25
DEFAULT_TIMEOUT_S = 10.0


def generated_page(i, missing_fraction=DEFAULT_MISSING_FRACTION):
    """Generated page ``i``: ``(title, exists)``; missing exactly when
    ``floor((i + 1) * f) > floor(i * f)``, in IEEE doubles as in Java."""
    missing = math.floor((i + 1) * missing_fraction) > math.floor(i * missing_fraction)
    return "Generated_page_%06d" % i, not missing


def wiki_pages(size, missing_fraction=DEFAULT_MISSING_FRACTION):
    """The first ``size`` pages of the corpus: the article's four, then generated ones."""
    pages = list(SEED_PAGES[:size])
    pages.extend(generated_page(i, missing_fraction) for i in range(size - len(pages)))
    return pages


def page_url(base_url, title):
    """``<base>/wiki/<title>``, rendered as OkHttp's ``HttpUrl`` renders it for these titles."""
    return base_url.rstrip("/") + "/wiki/" + title


_sessions = threading.local()


def _session():
    """One ``requests.Session`` per thread and per process (a forked child never reuses the
    parent's pooled connections)."""
    session = getattr(_sessions, "session", None)
    if session is None or _sessions.pid != os.getpid():
        import requests
        session = requests.Session()
        _sessions.session, _sessions.pid = session, os.getpid()
    return session


def check_page(base_url, timeout_s, title):
    """The article's check: GET the page; 200 -> exists, 404 -> does not exist, else unknown."""
    import requests
    url = page_url(base_url, title)
    try:
        with _session().get(url, timeout=timeout_s) as response:
            status = response.status_code
    except requests.RequestException:
        return url + " - unknown"
    if status == 200:
        return url + " - exists"
    if status == 404:
        return url + " - does not exist"
    return url + " - unknown"


# ---------------------------------------------------------------------------------------------
# A workload ready to run: task, inputs, expected outputs, and how JMH names it

@dataclass(frozen=True)
class Workload:
    """One batch of an embarrassingly parallel loop.

    ``task`` is picklable; ``expected`` is computed once, so verifying a batch costs a list
    comparison. ``benchmark`` and ``params`` are the JVM benchmark's name and ``@Param`` values
    (besides ``model`` and ``parallelism``); ``unit`` is the score unit and ``per_task`` says
    whether a score is per task (dispatch) rather than per batch.
    """
    id: str
    task: Callable
    inputs: Sequence
    expected: Sequence
    benchmark: str
    params: dict
    unit: str = "ms/op"
    per_task: bool = False

    def verify(self, outputs):
        """Raises ``WrongOutput`` naming the first task whose output differs."""
        if len(outputs) != len(self.expected):
            raise WrongOutput(f"{self.id}: {len(outputs)} outputs for {len(self.expected)} tasks")
        for index, (got, want) in enumerate(zip(outputs, self.expected)):
            if got != want:
                raise WrongOutput(f"{self.id}: task {index} (input {self.inputs[index]!r}) "
                                  f"returned {got!r}, expected {want!r}")


class WrongOutput(Exception):
    """A batch returned something other than the workload's expected outputs."""


def sleep_workload(tasks, task_millis, y=DEFAULT_Y):
    inputs = list(range(1, tasks + 1))
    return Workload("sleep", functools.partial(compute_x, y=y, task_millis=task_millis), inputs,
                    [(x, y) for x in inputs], "parbench.bench.SleepBenchmark.batch",
                    {"tasks": str(tasks), "taskMillis": str(task_millis)})


def cpu_workload(tasks, work, seeds=None):
    inputs = list(seeds) if seeds is not None else list(range(1, tasks + 1))
    return Workload("cpu", CpuTask(work), inputs,
                    [cpu_run(seed, work) for seed in inputs], "parbench.bench.CpuBenchmark.batch",
                    {"tasks": str(len(inputs)), "work": str(work)})


def noop_workload(tasks):
    inputs = list(range(tasks))
    return Workload("noop", noop, inputs, list(inputs), "parbench.bench.DispatchBenchmark.batch",
                    {"tasks": str(tasks)}, unit="us/op", per_task=True)


def wiki_workload(tasks, base_url, latency_millis, timeout_s=DEFAULT_TIMEOUT_S,
                  missing_fraction=DEFAULT_MISSING_FRACTION):
    pages = wiki_pages(tasks, missing_fraction)
    expected = [page_url(base_url, title) + (" - exists" if exists else " - does not exist")
                for title, exists in pages]
    return Workload("wiki", functools.partial(check_page, base_url, timeout_s),
                    [title for title, _ in pages], expected, "parbench.bench.WikiBenchmark.batch",
                    {"tasks": str(tasks), "latencyMillis": str(latency_millis)})


def format_output(value):
    """One output as the parity test reads it: pairs as ``x,y``, everything else as ``str``."""
    if isinstance(value, tuple):
        return ",".join(str(part) for part in value)
    return str(value)
