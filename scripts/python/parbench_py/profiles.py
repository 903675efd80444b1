"""What each profile measures. Defaults mirror the JVM sweep's; ``full`` adds the article's own
sleep (10 tasks of 0.8 s) and ``n_jobs = -1``."""

from dataclasses import dataclass

from .measurement import Settings


@dataclass(frozen=True)
class Profile:
    name: str
    settings: Settings
    parallelism: tuple
    sleep: tuple          # (tasks, taskMillis) points
    cpu: tuple            # (tasks, work) points; work 50000 is ~20 ms a task in CPython 3.11
    wiki: tuple           # (tasks, latencyMillis) points
    noop: tuple           # tasks per dispatch batch


PROFILES = {p.name: p for p in (
    Profile("smoke", Settings(0, 0.05, 1, 0.05), (2,),
            sleep=((8, 1),), cpu=((8, 1000),), wiki=((8, 5),), noop=(100,)),
    Profile("quick", Settings(1, 0.3, 3, 0.3), (1, 2, 8),
            sleep=((100, 10),), cpu=((32, 50000),), wiki=((32, 50),), noop=(1000,)),
    Profile("full", Settings(3, 1.0, 5, 1.0), (1, 2, 8, -1),
            sleep=((100, 10), (10, 800)), cpu=((64, 50000),), wiki=((32, 50),), noop=(10000,)),
)}
