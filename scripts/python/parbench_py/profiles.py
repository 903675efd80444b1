"""What each profile measures: the Python plan, by the JVM sweep's rules (docs/sweep.md).

At every core count c the pooled models run with ``parallelism = c`` (joblib's ``n_jobs = -1``,
resolved), so the core-count curve is honest for pools; ``full`` adds a parallelism curve
1, 2, 4, ... below c and the article's own sleep (10 tasks of 0.8 s). Forks: the sweep starts the
harness once per fork (``SweepProfile.pythonForks``: smoke 1, quick 2, full 3), separate
interpreter processes playing the part of JMH's forks; with quick's 3 iterations that is 6 samples
a point, above the 5 a side that ``compare``'s Mann-Whitney test needs to reach p < 0.01."""

from dataclasses import dataclass

from .measurement import Settings


@dataclass(frozen=True)
class Profile:
    name: str
    settings: Settings
    curve: bool           # whether parallelism also takes 1, 2, 4, ... below the core count
    sleep: tuple          # (tasks, taskMillis) points
    cpu: tuple            # (tasks, work) points; work 50000 is ~20 ms a task in CPython 3.11
    wiki: tuple           # (tasks, latencyMillis) points
    noop: tuple           # tasks per dispatch batch

    def parallelism_at(self, cores):
        """The parallelism values measured at ``cores`` CPUs: the core count, and the curve below it."""
        values = [cores]
        if self.curve:
            p = 1
            while p < cores:
                values.append(p)
                p *= 2
        return tuple(sorted(set(values)))


PROFILES = {p.name: p for p in (
    Profile("smoke", Settings(0, 0.05, 1, 0.05), False,
            sleep=((8, 1),), cpu=((8, 1000),), wiki=((8, 5),), noop=(100,)),
    Profile("quick", Settings(1, 0.3, 3, 0.3), False,
            sleep=((100, 5),), cpu=((32, 50000),), wiki=((32, 25),), noop=(1000,)),
    Profile("full", Settings(3, 1.0, 5, 1.0), True,
            sleep=((100, 10), (10, 800)), cpu=((64, 50000),), wiki=((32, 50),), noop=(10000,)),
)}
