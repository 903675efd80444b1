"""Statistics and the JSON shape of JMH 1.37 (``JSONResultFormat``), so ``report`` and
``compare`` read Python results exactly like JVM ones.

As JMH does: the score is the mean of the iteration scores; ``scoreError`` is the half-width of
the 99.9 % confidence interval from Student's t with n - 1 degrees of freedom and the sample
standard deviation, NaN for two iterations or fewer; percentiles are Apache Commons Math's
``Percentile`` (legacy estimation) with 0.0 as the minimum; non-finite numbers are written as the
strings ``"NaN"``, ``"+INF"``, ``"-INF"``.
"""

import json
import math
import os
import tempfile

JMH_VERSION = "1.37"
CONFIDENCE = 0.999
PERCENTILES = (0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0)


def _betacf(a, b, x):
    """Continued fraction of the regularised incomplete beta function (Lentz's method)."""
    tiny, eps = 1e-300, 1e-16
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 1000):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((qam + m2) * (a + m2)),
                   -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + aa / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < eps:
            break
    return h


def _betai(a, b, x):
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                     + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_cdf(t, df):
    """Student's t cumulative distribution."""
    tail = 0.5 * _betai(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


def t_quantile(p, df):
    """Inverse of ``t_cdf`` for p in (0.5, 1), by bisection (to double precision)."""
    lo, hi = 0.0, 1.0
    while t_cdf(hi, df) < p:
        hi *= 2.0
    for _ in range(200):
        mid = (lo + hi) / 2.0
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2.0


def percentile(values, rank):
    """Commons Math ``Percentile.evaluate`` (legacy); JMH uses the minimum for rank 0."""
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        return math.nan
    if rank == 0.0:
        return ordered[0]
    pos = rank * (n + 1) / 100.0
    if pos < 1:
        return ordered[0]
    if pos >= n:
        return ordered[-1]
    lower = ordered[int(math.floor(pos)) - 1]
    upper = ordered[int(math.floor(pos))]
    return lower + (pos - math.floor(pos)) * (upper - lower)


def primary_metric(raw_forks, unit):
    """JMH's ``primaryMetric`` for the iteration scores of each fork."""
    values = [v for fork in raw_forks for v in fork]
    n = len(values)
    mean = sum(values) / n if n else math.nan
    if n > 2:
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
        error = t_quantile(1 - (1 - CONFIDENCE) / 2, n - 1) * sd / math.sqrt(n)
    else:
        error = math.nan
    return {
        "score": mean,
        "scoreError": error,
        "scoreConfidence": [mean - error, mean + error],
        "scorePercentiles": {_rank_key(r): percentile(values, r) for r in PERCENTILES},
        "scoreUnit": unit,
        "rawData": [list(fork) for fork in raw_forks],
    }


def _rank_key(rank):
    return repr(float(rank))


def time_value(seconds):
    """A duration as JMH's ``TimeValue`` prints it: ``"1 s"``, ``"500 ms"``."""
    millis = round(seconds * 1000)
    return f"{millis // 1000} s" if millis % 1000 == 0 and millis else f"{millis} ms"


def runtime_description(affinity, cpu_count, python=None, facts=()):
    """Where JMH puts the JVM, the Python that ran, and what it saw of the machine.

    ``jvmArgs`` carries the facts that tell two interpreters apart beyond their version: the CPUs
    it could use, whether the build is free-threaded (``Py_GIL_DISABLED``) and whether the GIL was
    on (``sys._is_gil_enabled()``, checked now: an imported extension can turn it back on).
    ``vmVersion`` is ``sys.version``. ``python`` is an ``interpreter.Interpreter``; by default
    this process's. ``facts`` are the model's own (``name=value``), appended.
    """
    from . import interpreter
    python = python or interpreter.current()
    return {
        "jvm": python.executable,
        "jvmArgs": [f"sched_getaffinity={','.join(map(str, sorted(affinity)))}",
                    f"cpu_count={cpu_count}",
                    f"Py_GIL_DISABLED={int(python.gil_disabled_build)}",
                    f"gil={'enabled' if interpreter.gil_enabled_now() else 'disabled'}",
                    *(f"{name}={version}" for name, version in python.libraries.items() if version is not None),
                    *facts],
        "jdkVersion": f"{python.implementation} {python.version}",
        "vmName": python.implementation,
        "vmVersion": " ".join(python.full_version.split()),
    }


def secondary_metric(value, unit):
    """A figure measured once per point (no iterations), in JMH's metric shape; its error is NaN."""
    return primary_metric([[value]], unit)


def result(benchmark, params, settings, runtime, raw_forks, unit, secondary=None):
    """One element of the JMH JSON array: a benchmark at one point of its params.

    ``secondary`` maps a name to ``(value, unit)``: JMH's ``secondaryMetrics``, as its profilers
    write them, so every reader of JMH JSON sees them without special cases."""
    return {
        "jmhVersion": JMH_VERSION,
        "benchmark": benchmark,
        "mode": "avgt",
        "threads": 1,
        "forks": len(raw_forks),
        **runtime,
        "warmupIterations": settings.warmup_iterations,
        "warmupTime": time_value(settings.warmup_seconds),
        "warmupBatchSize": 1,
        "measurementIterations": settings.iterations,
        "measurementTime": time_value(settings.iteration_seconds),
        "measurementBatchSize": 1,
        "params": dict(params),
        "primaryMetric": primary_metric(raw_forks, unit),
        "secondaryMetrics": {name: secondary_metric(value, metric_unit)
                             for name, (value, metric_unit) in (secondary or {}).items()},
    }


def _jmh_numbers(value):
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("+INF" if value > 0 else "-INF")
    if isinstance(value, dict):
        return {k: _jmh_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jmh_numbers(v) for v in value]
    return value


def dumps(results):
    return json.dumps(_jmh_numbers(list(results)), indent=4, allow_nan=False) + "\n"


class WriteError(Exception):
    """A result file could not be written; the message is one line naming it and why."""


def write_atomically(path, results):
    """Writes the JSON array to ``path`` through a temporary file in the same directory, flushed to
    the disk (fsync) and closed before the rename; on failure the temporary file is removed and a
    :class:`WriteError` names the file and the reason (``no space left on device``, ...)."""
    directory = os.path.dirname(os.path.abspath(path))
    text = dumps(results)
    temp = None
    try:
        os.makedirs(directory, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".partial", dir=directory)
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp's 0600 would make the result unreadable to others, unlike JMH's
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
        temp = None
    except OSError as e:
        reason = (e.strerror or str(e)).lower()
        raise WriteError(f"{path}: cannot write: {reason}") from None
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except FileNotFoundError:
                pass
