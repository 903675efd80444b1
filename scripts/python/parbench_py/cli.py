"""The harness of ``scripts/parbench python``: the article's approaches on parbench's workloads, as JMH JSON.

    parbench_python.py [--profile smoke|quick|full] [--cores 1,2] [--include REGEX]
                       [--out DIR] [--stub-url URL [--stub-latency-ms D]]
    parbench_python.py plan [--profile P] [--include REGEX]     (what the JVM sweep asks first)
    scripts/parbench python outputs --workload cpu --tasks 10 --work 1000 [--model py-...]

``scripts/parbench python`` and ``scripts/parbench run --with-python`` are the JVM sweep
(``parbench.bench.sweep``): it asks for the ``plan``, starts the stub, then runs this harness once
per core count c under ``taskset`` with ``--cores c --stub-url ...``. Run by hand, the harness
does the same on its own, without taskset or manifest.

For each core count c the process pins itself to c CPUs (``os.sched_setaffinity``) before it
creates any pool, so worker processes inherit the affinity, and writes ``python-cores-<c>.json``.
Exit codes: 0 done, 1 a point failed (wrong output or error; the others are still written),
2 bad input, 130 interrupted (what finished is written, no worker is left running).
"""

import argparse
import datetime
import json
import multiprocessing
import os
import re
import signal
import socket
import sys
import time

from . import interpreter, jmh_json, models, workloads
from .measurement import measure
from .profiles import PROFILES

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
PARBENCH = os.path.join(ROOT, "scripts", "parbench")


class UsageError(Exception):
    """A user mistake: printed as one line, exit 2."""


_interrupted = False


def _on_sigint(signum, frame):
    """Ctrl-C as Python's own handler does it, remembered: CPython drops an exception raised where it
    cannot propagate (``os.fork``'s at-fork hooks while a pool starts a worker, a ``__del__``), so the
    flag keeps the interrupt for :func:`_stop_if_interrupted` between points."""
    global _interrupted
    _interrupted = True
    raise KeyboardInterrupt


#: held for the life of the process: the machine-wide sweep lock (see _take_sweep_lock)
_sweep_lock = None


def _take_sweep_lock():
    """One sweep per machine, as ``parbench run`` takes it (parbench.bench.sweep.SweepLock): a POSIX
    lock (``fcntl.lockf``, the one Java's FileChannel.lock takes) on /tmp/parbench-sweep.lock, or
    $PARBENCH_SWEEP_LOCK, recording this pid and command; held until the process ends. A sweep
    already holding it is named in one line, exit 2."""
    global _sweep_lock
    import fcntl
    path = os.environ.get("PARBENCH_SWEEP_LOCK", "/tmp/parbench-sweep.lock")
    f = open(path, "a+", encoding="utf-8")
    try:
        fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.seek(0)
        fields = dict(line.split(" ", 1) for line in f.read().splitlines() if " " in line)
        f.close()
        holder = "pid " + fields.get("pid", "unknown").strip()
        if "command" in fields:
            holder += ": " + fields["command"].strip()
        if "since" in fields:
            holder += ", since " + fields["since"].strip()
        raise UsageError(f"another sweep is running on this machine ({holder}, lock {path}); "
                         "wait for it to finish: two sweeps at once would measure each other") from None
    f.truncate(0)
    f.write(f"pid {os.getpid()}\ncommand {' '.join(['parbench_python.py', *sys.argv[1:]])}\n"
            f"since {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')}\n")
    f.flush()
    _sweep_lock = f


def _exit_with_parent():
    """Dies with the JVM sweep that started this harness, however that JVM ends (SIGKILL included):
    the sweep holds the write end of stdin, a pipe; when the kernel closes it, a daemon thread reads
    end-of-file and SIGKILLs this process group (the harness leads it under setsid: pool workers and
    loky's processes are in it), or, not leading one, the harness and its children."""
    import threading

    def watch():
        try:
            while os.read(0, 256):
                pass
        except OSError:
            pass  # a broken pipe is the parent gone, as end-of-file is
        if os.getpgrp() == os.getpid():
            os.killpg(os.getpgrp(), signal.SIGKILL)
        for child in multiprocessing.active_children():
            child.kill()
        os._exit(137)

    threading.Thread(target=watch, name="parbench-parent-watch", daemon=True).start()


def _stop_if_interrupted():
    if _interrupted:
        raise KeyboardInterrupt


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["outputs"]:
            return outputs_command(argv[1:])
        if argv[:1] == ["plan"]:
            return plan_command(argv[1:])
        return run_command(argv)
    except (UsageError, jmh_json.WriteError) as e:
        print(f"parbench python: {e}", file=sys.stderr)
        return 2


# ---------------------------------------------------------------------------------------------
# outputs: one batch, printed one output per line, for the Java parity test

def outputs_command(argv):
    parser = _parser("outputs", "Run one batch and print its outputs, one per line (pairs as x,y).")
    parser.add_argument("--workload", required=True, choices=("sleep", "cpu", "noop", "wiki"))
    parser.add_argument("--tasks", type=int, default=10)
    parser.add_argument("--inputs", help="cpu only: comma-separated seeds (signed 64-bit) instead of 1..tasks")
    parser.add_argument("--work", type=int, default=1000, help="cpu: steps per task")
    parser.add_argument("--task-millis", type=int, default=0, help="sleep: milliseconds per task")
    parser.add_argument("--stub-url", help="wiki: the stub's base URL")
    parser.add_argument("--expected", action="store_true", help="print the expected outputs, run nothing")
    parser.add_argument("--model", default="py-sequential", choices=list(models.MODELS))
    parser.add_argument("--parallelism", type=int, default=2)
    args = parser.parse_args(argv)
    if args.tasks < 0:
        raise UsageError(f"--tasks must be zero or more, was {args.tasks}")
    if args.workload == "sleep":
        workload = workloads.sleep_workload(args.tasks, args.task_millis)
    elif args.workload == "cpu":
        seeds = _parse_seeds(args.inputs) if args.inputs else None
        workload = workloads.cpu_workload(args.tasks, args.work, seeds)
    elif args.workload == "noop":
        workload = workloads.noop_workload(args.tasks)
    else:
        if not args.stub_url:
            raise UsageError("--workload wiki needs --stub-url URL")
        workload = workloads.wiki_workload(args.tasks, args.stub_url, latency_millis=0)
    if args.expected:
        results = workload.expected
    else:
        missing = [lib for lib in models.MODELS[args.model].requires if not interpreter.current().has(lib)]
        if missing:
            raise UsageError(f"--model {args.model} needs {', '.join(missing)}, which {sys.executable} lacks")
        _reserve_numba_threads([args.parallelism])
        with models.create(args.model, args.parallelism) as model:
            results = model.run(workload.task, workload.inputs)
    sys.stdout.write("".join(workloads.format_output(r) + "\n" for r in results))
    return 0


def _parse_seeds(text):
    try:
        return [int(s) for s in text.split(",")]
    except ValueError:
        raise UsageError(f"--inputs must be comma-separated whole numbers, was '{text}'") from None


# ---------------------------------------------------------------------------------------------
# plan: what a run would measure, for the JVM sweep's plan, ETA and manifest

def plan_command(argv):
    """Prints one JSON line: interpreter, library versions, points per core count, whether a stub
    is needed and the estimated seconds per core count. The JVM sweep (``parbench run
    --with-python``, ``parbench python``) runs this first, so a missing library stops it before
    anything is measured, with the harness's own install line."""
    parser = _parser("plan", "Print what a run would measure, as one JSON line.")
    parser.add_argument("--profile", default="quick", choices=list(PROFILES))
    parser.add_argument("--include", help="regex searched in the benchmark and model names")
    args = parser.parse_args(argv)
    profile = PROFILES[args.profile]
    todo = list(points(profile, _compile(args.include), interpreter.current()))
    settings = profile.settings
    per_point = (settings.warmup_iterations * settings.warmup_seconds
                 + settings.iterations * settings.iteration_seconds)
    python = interpreter.current()
    print(json.dumps({
        "python": python.version,
        "implementation": python.implementation,
        "executable": python.executable,
        "libraries": {name: version for name, version in python.libraries.items() if version is not None},
        "interpreter": python.describe(),
        "skipped": [skip.line(python) for skip in skipped(profile, _compile(args.include), python)],
        "profile": profile.name,
        "points": len(todo),
        "wiki": any(benchmark.endswith("WikiBenchmark.batch") for benchmark, *_ in todo),
        "estimatedSeconds": round(len(todo) * per_point, 1),
    }))
    return 0


# ---------------------------------------------------------------------------------------------
# run: the measurements

def run_command(argv):
    parser = _parser(None, "Measure the article's Python approaches (py-*) on parbench's workloads "
                           "and write JMH-format JSON, one file per core count.")
    parser.add_argument("--profile", default="quick", choices=list(PROFILES))
    parser.add_argument("--cores", help="comma-separated core counts (default: 1, 2, 4, ... and all usable)")
    parser.add_argument("--include", help="regex searched in the benchmark and model names (e.g. Cpu, py-mp-)")
    parser.add_argument("--out", help="run directory (default: results/<yyyyMMdd-HHmmss>-<host>/)")
    parser.add_argument("--stub-url", help="a running Wikipedia stub; otherwise 'scripts/parbench stub' is started")
    parser.add_argument("--stub-latency-ms", type=int,
                        help="latency of the stub at --stub-url (default: the profile's)")
    parser.add_argument("--exit-with-parent", action="store_true",
                        help="(the JVM sweep) die with the process whose pipe is stdin, with every worker")
    args = parser.parse_args(argv)
    if args.exit_with_parent:
        _exit_with_parent()  # started by the JVM sweep, which holds the machine's sweep lock
    else:
        _take_sweep_lock()

    profile = PROFILES[args.profile]
    usable = sorted(os.sched_getaffinity(0))
    cores = _parse_cores(args.cores, usable)
    include = _compile(args.include)
    out = args.out or os.path.join(ROOT, "results", datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
                                   + "-" + socket.gethostname().split(".")[0])
    if os.path.exists(out) and not os.path.isdir(out):
        raise UsageError(f"--out {out} exists and is not a directory")
    os.makedirs(out, exist_ok=True)

    python = interpreter.current()
    print(f"parbench python: {python.label} ({python.executable}), GIL {python.gil}", flush=True)
    for skip in skipped(profile, include, python):
        print("parbench python: " + skip.line(python), flush=True)
    _reserve_numba_threads([p for c in cores for p in profile.parallelism_at(c)])
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when started with SIGINT ignored
        signal.signal(signal.SIGINT, _on_sigint)
    stubs = StubPool(args.stub_url, args.stub_latency_ms)
    failed = 0
    try:
        for c in cores:
            pin_every_thread(usable[:c])
            failed += run_core_count(c, profile, include, stubs, out, python)
        _stop_if_interrupted()
    except KeyboardInterrupt:
        print("parbench python: interrupted; what finished is written in " + out, file=sys.stderr)
        return 130
    finally:
        pin_every_thread(usable)
        stubs.close()
        stop_leftover_workers()
    print(f"parbench python: results in {out}" + (f"; {failed} point(s) FAILED" if failed else ""))
    return 1 if failed else 0


def pin_every_thread(cpus):
    """Sets the affinity of every thread of this process, not only the calling one: a thread pool
    that outlives a point (numba's OpenMP threads live as long as the process) would otherwise
    keep the CPUs of the core count that started it."""
    os.sched_setaffinity(0, cpus)
    for tid in os.listdir("/proc/self/task"):
        try:
            os.sched_setaffinity(int(tid), cpus)
        except (ProcessLookupError, FileNotFoundError):  # the thread ended meanwhile
            pass


def run_core_count(cores, profile, include, stubs, out, python):
    """Measures every point at ``cores`` CPUs into ``python-cores-<c>.json``; interrupted, writes what
    finished to ``python-cores-<c>.interrupted.json`` instead.

    The file keeps the rows another interpreter wrote into it (another ``python`` param), so one
    run directory holds every interpreter of a run, each its own rows; this interpreter's earlier
    rows there are replaced."""
    affinity, cpu_count = os.sched_getaffinity(0), os.cpu_count()
    path = os.path.join(out, f"python-cores-{cores}.json")
    kept = others_rows(path, python.label)
    results, failed, complete = [], 0, False
    print(f"[cores {cores}] affinity {sorted(affinity)}, os.cpu_count() {cpu_count}, profile {profile.name}",
          flush=True)
    progress = _progress_bar(python)

    def say(line):  # one line per point, flushed: a pipe (the sweep, a test) must see it as it happens
        progress.write(line)
        sys.stdout.flush()

    todo = progress.over(list(points(profile, include, python, cores)), f"cores {cores}")
    try:
        for benchmark, make_workload, model_name, parallelism in todo:
            _stop_if_interrupted()
            label = f"[cores {cores}] {benchmark.split('.')[-2]} model={model_name} parallelism={parallelism}"
            try:
                workload = make_workload(stubs)
                params = {"model": model_name, "parallelism": str(parallelism), **workload.params,
                          "python": python.label}
                label = f"[cores {cores}] {benchmark.split('.')[-2]} " + \
                    " ".join(f"{k}={v}" for k, v in params.items())
                started = time.perf_counter()
                with models.create(model_name, parallelism) as model:
                    start_up = time.perf_counter() - started
                    raw = measure(model, workload, profile.settings)
                    figures = {"startUp": (start_up * 1000.0, "ms"), **model.secondary()}
                    facts = model.facts()
            except (KeyboardInterrupt, SystemExit):
                raise
            except Exception as e:  # the point fails, the sweep goes on, the exit code says so
                failed += 1
                say(f"{label}: FAILED: {e}")
                continue
            # after the point: an extension module imported by a model may have turned the GIL back on
            runtime = jmh_json.runtime_description(affinity, cpu_count, python, facts)
            entry = jmh_json.result(workload.benchmark, params, profile.settings, runtime, [raw], workload.unit,
                                    secondary=figures)
            results.append(entry)
            metric = entry["primaryMetric"]
            error = metric["scoreError"]
            say(f"{label}: {metric['score']:.3f}" + ("" if error != error else f" ± {error:.3f}")
                + f" {workload.unit}")
        complete = True
    finally:
        todo.close()
        # a core count that did not run to its end never gets the final name, which readers take as
        # complete: what finished is kept beside it, under a name report and compare do not read
        if not complete:
            path = os.path.join(out, f"python-cores-{cores}.interrupted.json")
        jmh_json.write_atomically(path, kept + results)
        print(f"[cores {cores}] wrote {len(results)} point(s) to {path}"
              + (f" beside {len(kept)} of other interpreters" if kept else ""), flush=True)
    return failed


def others_rows(path, label):
    """The rows of ``path`` that another interpreter measured (``params.python`` other than
    ``label``); none when there is no such file yet."""
    try:
        with open(path, encoding="utf-8") as f:
            rows = json.load(f)
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as e:
        raise UsageError(f"{path} exists but is not a readable JMH JSON file: {e}") from None
    if not isinstance(rows, list):
        raise UsageError(f"{path} exists but is not a JMH JSON array")
    return [r for r in rows if isinstance(r, dict) and r.get("params", {}).get("python") not in (label, None)]


class _Skip:
    """What this interpreter cannot run for want of ``library``: models, or a whole benchmark."""

    def __init__(self, library, what):
        self.library, self.what = library, what

    def line(self, python):
        return f"skipping {', '.join(self.what)}: {python.executable} has no {self.library}"


def _missing(python, workload_id, model_type):
    """The first library the point needs and ``python`` lacks, or None."""
    needed = (("requests",) if workload_id == "wiki" else ()) + tuple(model_type.requires)
    return next((lib for lib in needed if not python.has(lib)), None)


def skipped(profile, include, python):
    """What :func:`points` leaves out for a missing library, one entry per library (requests
    skips the Wiki benchmark, the others skip models)."""
    by_library = {}
    for benchmark, workload_id, _, name, model_type in _candidates(profile, include):
        library = _missing(python, workload_id, model_type)
        if library is not None:
            what = benchmark.split(".")[-2] if library == "requests" else name
            names = by_library.setdefault(library, [])
            if what not in names:
                names.append(what)
    return [_Skip(library, what) for library, what in by_library.items()]


def points(profile, include, python, cores=1):
    """(benchmark, workload factory, model name, parallelism) for every point of the profile at
    ``cores`` CPUs, in order, leaving out what ``python`` cannot run (see :func:`skipped`)."""
    for benchmark, workload_id, factory, name, model_type in _candidates(profile, include):
        if _missing(python, workload_id, model_type) is not None:
            continue
        for parallelism in (profile.parallelism_at(cores) if name != "py-sequential" else (1,)):
            yield benchmark, factory, name, parallelism


def _candidates(profile, include):
    """(benchmark, workload id, workload factory, model name, model type) that ``include`` selects
    and the model can run, whatever the interpreter has."""
    def wanted(benchmark, model):
        return include is None or include.search(benchmark) or include.search(model)

    factories = []
    for tasks, task_millis in profile.sleep:
        factories.append((lambda stubs, t=tasks, m=task_millis: workloads.sleep_workload(t, m),
                          "parbench.bench.SleepBenchmark.batch", "sleep"))
    for tasks, work in profile.cpu:
        factories.append((_cached(lambda t=tasks, w=work: workloads.cpu_workload(t, w)),
                          "parbench.bench.CpuBenchmark.batch", "cpu"))
    for tasks, latency in profile.wiki:
        factories.append((lambda stubs, t=tasks, l=latency: stubs.workload(t, l),
                          "parbench.bench.WikiBenchmark.batch", "wiki"))
    for tasks in profile.noop:
        factories.append((lambda stubs, t=tasks: workloads.noop_workload(t),
                          "parbench.bench.DispatchBenchmark.batch", "noop"))
    for factory, benchmark, workload_id in factories:
        for name, model_type in models.MODELS.items():
            if wanted(benchmark, name) and (model_type.workloads is None or workload_id in model_type.workloads):
                yield benchmark, workload_id, factory, name, model_type


def _cached(make):
    cache = []

    def factory(stubs):
        if not cache:
            cache.append(make())
        return cache[0]
    return factory


class StubPool:
    """The Wikipedia stubs of a run: the one at ``--stub-url``, or one started per latency."""

    def __init__(self, url, latency_millis):
        self._url, self._latency = url, latency_millis
        self._started = {}

    def workload(self, tasks, latency_millis):
        if self._url:
            return workloads.wiki_workload(tasks, self._url, self._latency if self._latency is not None
                                           else latency_millis)
        if latency_millis not in self._started:
            from .stub import StubError, StubProcess
            try:
                stub = StubProcess(PARBENCH, latency_millis)
                print(f"Wikipedia stub ({latency_millis} ms) at {stub.url}", flush=True)
            except StubError as e:
                stub = e  # every wiki point at this latency fails alike, without retrying
            self._started[latency_millis] = stub
        if isinstance(self._started[latency_millis], Exception):
            raise self._started[latency_millis]
        return workloads.wiki_workload(tasks, self._started[latency_millis].url, latency_millis)

    def close(self):
        for stub in self._started.values():
            if not isinstance(stub, Exception):
                stub.close()
        self._started.clear()


def stop_leftover_workers():
    """Kills whatever an interrupted model could not stop: pool children and loky's workers."""
    try:
        from joblib.externals.loky import reusable_executor
        executor = getattr(reusable_executor, "_executor", None)
        if executor is not None:
            executor.shutdown(wait=True, kill_workers=True)
    except ImportError:
        pass
    for child in multiprocessing.active_children():
        child.terminate()
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join()


def _reserve_numba_threads(parallelisms):
    """Sizes numba's thread pool (fixed at its import) for the largest parallelism asked for."""
    from . import numba_kernels
    numba_kernels.reserve_threads(max(models.resolve_parallelism(p) for p in parallelisms))


class _progress_bar:
    """The article's tqdm bar over the points when stderr is a terminal and tqdm is installed;
    plain lines otherwise."""

    def __init__(self, python):
        self._tqdm = None
        if python.has("tqdm") and sys.stderr.isatty():
            from tqdm import tqdm
            self._tqdm = tqdm

    def over(self, items, description):
        if self._tqdm is None:
            return _Plain(items)
        return self._tqdm(items, desc=description, unit="point", file=sys.stderr, leave=False)

    def write(self, line):
        if self._tqdm is None:
            print(line, flush=True)
        else:
            self._tqdm.write(line, file=sys.stdout)


class _Plain(list):
    def close(self):
        pass


def _parse_cores(text, usable):
    if text is None:
        counts, c = [], 1
        while c < len(usable):
            counts.append(c)
            c *= 2
        return counts + [len(usable)]
    try:
        counts = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise UsageError(f"--cores must be comma-separated whole numbers, was '{text}'") from None
    if not counts:
        raise UsageError("--cores names no core count")
    for c in counts:
        if c < 1 or c > len(usable):
            raise UsageError(f"--cores {c} is outside 1..{len(usable)}, the CPUs this process may use "
                             f"({','.join(map(str, usable))})")
    return counts


def _compile(regex):
    if regex is None:
        return None
    try:
        return re.compile(regex)
    except re.error as e:
        raise UsageError(f"--include '{regex}' is not a regular expression: {e}") from None


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(message)


def _parser(command, description):
    prog = "scripts/parbench python" + (f" {command}" if command else "")
    return _Parser(prog=prog, description=description)
