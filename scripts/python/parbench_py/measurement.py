"""Warm-up and measured iterations, the JMH way (mode avgt, one fork: this process).

An iteration runs the batch again and again until ``seconds`` have passed (at least once) and
scores the mean time per batch; the outputs of every batch are verified outside the timed
region, so a broken stub or model fails the point instead of scoring fast.
"""

import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """How long to measure one point: JMH's -wi, -w, -i, -r."""
    warmup_iterations: int
    warmup_seconds: float
    iterations: int
    iteration_seconds: float


_UNIT_SECONDS = {"ms/op": 1e-3, "us/op": 1e-6}


def iteration(model, workload, seconds):
    """One iteration: the mean time of a batch (per task for dispatch), in ``workload.unit``."""
    ops, busy = 0, 0.0
    start = time.perf_counter()
    while True:
        t0 = time.perf_counter()
        outputs = model.run(workload.task, workload.inputs)
        t1 = time.perf_counter()
        workload.verify(outputs)
        ops += 1
        busy += t1 - t0
        if t1 - start >= seconds:
            break
    per_op = busy / ops
    if workload.per_task:
        per_op /= len(workload.inputs)
    return per_op / _UNIT_SECONDS[workload.unit]


def measure(model, workload, settings):
    """Warm-up iterations (discarded), then the measured iterations' scores."""
    for _ in range(settings.warmup_iterations):
        iteration(model, workload, settings.warmup_seconds)
    return [iteration(model, workload, settings.iteration_seconds) for _ in range(settings.iterations)]
